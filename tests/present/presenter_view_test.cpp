// Tests for engine/present/presenter_view.h: timer text, colours and pacing, the UI strings
// in both languages, notes rendered from Markdown (CJK included), where the previews go for
// many window shapes, hit regions and clicks, and the whole view drawn on the CPU.
//
// Set PODIUM_TEST_OUTPUT=/some/dir to also write the rendered views as PNG files there.
#include "present/presenter_view.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "layout/layout.h"
#include "parse/parse_deck.h"
#include "test_fonts.h"

namespace podium {
namespace {

// [SECTION] Fixtures ----------------------------------------------------------------------

constexpr const char* kDeck = R"(---
title: Shipping a parser
duration: 20min
---

# Shipping a parser

Notes: Welcome everyone. **Smile**, then say *why* this talk exists.

---

# Three lessons

* Measure first
* Fuzz everything
* Keep the model plain

???
## The story

1. The bug report came on a *Friday*
2. We bisected with `git bisect run`
   - it took 40 minutes
3. Lesson: fuzz **before** release

```cpp
int main() { return Fuzz(); }
```

> Never trust a parser you have not fuzzed.

---

# 谢谢

<!--
这是一段很长的中文备注，用来检查换行：中文在汉字之间断行，标点符号不能出现在行首。
最后提醒大家：演讲结束后把幻灯片链接发到群里。
-->
)";

struct Fixture {
  Deck deck;
  std::vector<SlideLayout> layouts;
  Session session;

  Fixture() {
    deck = ParseDeck(kDeck);
    LayoutContext context{&test::Fonts(), nullptr};
    std::vector<Diagnostic> diagnostics;
    layouts = LayoutDeck(deck, context, &diagnostics);
    SessionDeckInfo info;
    info.deck_id = "talk.md";
    for (const SlideLayout& l : layouts) info.steps_per_slide.push_back(l.steps);
    info.duration_seconds = deck.meta.duration_seconds;
    session = Session(info);
  }

  PresenterInput Input(float w = 1920, float h = 1080, double now = 0) const {
    PresenterInput in;
    in.deck = &deck;
    in.layouts = &layouts;
    in.session = &session;
    in.now_seconds = now;
    in.wall_clock = "14:05";
    in.width = w;
    in.height = h;
    return in;
  }
};

bool HasRole(const SlideLayout& layout, FontRole role) {
  for (const LayoutItem& item : layout.items)
    if (item.kind == LayoutItemKind::kGlyphs && item.font == role) return true;
  return false;
}

bool HasGlyphColor(const SlideLayout& layout, uint32_t color) {
  for (const LayoutItem& item : layout.items)
    if (item.kind == LayoutItemKind::kGlyphs && item.color == color) return true;
  return false;
}

bool Within(const Rect& inner, const Rect& outer) {
  return inner.x0 >= outer.x0 - 0.01f && inner.y0 >= outer.y0 - 0.01f &&
         inner.x1 <= outer.x1 + 0.01f && inner.y1 <= outer.y1 + 0.01f;
}

bool Overlap(const Rect& a, const Rect& b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

void MaybeWritePng(const RgbaImage& image, const std::string& name) {
  const char* dir = std::getenv("PODIUM_TEST_OUTPUT");
  if (!dir || !*dir) return;
  std::vector<uint8_t> png = EncodePng(image);
  std::ofstream(std::string(dir) + "/" + name, std::ios::binary)
      .write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
}

// [SECTION] Timer text --------------------------------------------------------------------

TEST(PresenterTimer, FormatsElapsedRemainingAndOvertime) {
  struct Case {
    double t;
    const char* elapsed;
    const char* remaining;
    TimerWarning warning;
  };
  const Case cases[] = {
      {0, "0:00", "20:00", TimerWarning::kNormal},
      {59.9, "0:59", "19:01", TimerWarning::kNormal},   // remaining rounds up: sums to 20:00
      {599, "9:59", "10:01", TimerWarning::kNormal},
      {1079, "17:59", "2:01", TimerWarning::kNormal},
      {1080, "18:00", "2:00", TimerWarning::kAmber},    // the last two minutes
      {1199.5, "19:59", "0:01", TimerWarning::kAmber},
      {1200, "20:00", "0:00", TimerWarning::kAmber},
      {1201, "20:01", "+0:01", TimerWarning::kRed},     // over time
      {3600, "1:00:00", "+40:00", TimerWarning::kRed},
      {3600 + 83, "1:01:23", "+41:23", TimerWarning::kRed},
  };
  for (const Case& c : cases) {
    SessionDeckInfo info;
    info.steps_per_slide = {1, 1};
    info.duration_seconds = 20 * 60;
    Session s(info);
    s.StartTimer(0);
    TimerDisplay d = DescribeTimer(s, c.t, UiLanguage::kEnglish);
    EXPECT_EQ(d.elapsed, c.elapsed) << c.t;
    EXPECT_EQ(d.remaining, c.remaining) << c.t;
    EXPECT_EQ(d.warning, c.warning) << c.t;
    uint32_t want = c.warning == TimerWarning::kRed     ? kPresenterRed
                    : c.warning == TimerWarning::kAmber ? kPresenterAmber
                                                        : kPresenterText;
    EXPECT_EQ(d.remaining_color, want) << c.t;
  }
}

TEST(PresenterTimer, OvertimeFormat) {
  EXPECT_EQ(FormatOvertime(0), "+0:00");
  EXPECT_EQ(FormatOvertime(70.9), "+1:10");
  EXPECT_EQ(FormatOvertime(3661), "+1:01:01");
  EXPECT_EQ(FormatOvertime(-5), "+0:00");
}

TEST(PresenterTimer, NoDurationMeansNoRemainingAndNoPacing) {
  SessionDeckInfo info;
  info.steps_per_slide = {1, 1, 1};
  Session s(info);
  s.StartTimer(0);
  TimerDisplay d = DescribeTimer(s, 30, UiLanguage::kEnglish);
  EXPECT_FALSE(d.has_duration);
  EXPECT_EQ(d.remaining, "");
  EXPECT_FALSE(d.has_pacing);
  EXPECT_EQ(d.elapsed, "0:30");
}

TEST(PresenterTimer, PausedAndIdleClocksAreMuted) {
  SessionDeckInfo info;
  info.steps_per_slide = {1, 1};
  Session s(info);
  EXPECT_EQ(DescribeTimer(s, 5, UiLanguage::kEnglish).elapsed_color, kPresenterMuted);
  s.StartTimer(0);
  EXPECT_EQ(DescribeTimer(s, 5, UiLanguage::kEnglish).elapsed_color, kPresenterText);
  s.PauseTimer(5);
  TimerDisplay d = DescribeTimer(s, 50, UiLanguage::kEnglish);
  EXPECT_EQ(d.state, TimerState::kPaused);
  EXPECT_EQ(d.elapsed, "0:05");
  EXPECT_EQ(d.elapsed_color, kPresenterMuted);
}

TEST(PresenterTimer, PacingTextAndColours) {
  // Ten slides in ten minutes: a minute each.
  SessionDeckInfo info;
  info.steps_per_slide = std::vector<int>(10, 1);
  info.duration_seconds = 600;
  struct Case {
    int slide;
    double t;
    const char* english;
    const char* chinese;
    uint32_t color;
  };
  const Case cases[] = {
      {0, 30, "on time", "正好", kPresenterText},              // inside slide 0's minute
      {0, 100, "behind 0:40", "落后 0:40", kPresenterAmber},   // slide 0 should end at 60
      {0, 250, "behind 3:10", "落后 3:10", kPresenterRed},     // far behind: red
      {5, 100, "ahead 3:20", "提前 3:20", kPresenterGreen},    // slide 5 starts at 300
      {5, 330, "on time", "正好", kPresenterText},
      {9, 600.5, "on time", "正好", kPresenterText},           // less than a second late
      {9, 640, "behind 0:40", "落后 0:40", kPresenterRed},     // over time: red as remaining
  };
  for (const Case& c : cases) {
    Session s(info);
    s.StartTimer(0);
    s.GoTo(c.slide, 0, 0);
    TimerDisplay en = DescribeTimer(s, c.t, UiLanguage::kEnglish);
    TimerDisplay zh = DescribeTimer(s, c.t, UiLanguage::kChinese);
    ASSERT_TRUE(en.has_pacing);
    EXPECT_EQ(en.pacing, c.english) << c.slide << " @" << c.t;
    EXPECT_EQ(zh.pacing, c.chinese) << c.slide << " @" << c.t;
    EXPECT_EQ(en.pacing_color, c.color) << c.slide << " @" << c.t;
  }
}

// [SECTION] Language and strings ----------------------------------------------------------

TEST(PresenterStrings, LanguageFollowsTheDeckThenTheSystem) {
  struct Case {
    const char* deck;
    const char* system;
    UiLanguage want;
  };
  const Case cases[] = {
      {"zh", "en_US.UTF-8", UiLanguage::kChinese},
      {"zh-CN", "", UiLanguage::kChinese},
      {"zh_Hant", "", UiLanguage::kChinese},
      {"en", "zh_CN.UTF-8", UiLanguage::kEnglish},
      {"", "zh_CN.UTF-8", UiLanguage::kChinese},
      {"", "zh-TW", UiLanguage::kChinese},      // navigator.language
      {"fr", "zh_CN.UTF-8", UiLanguage::kChinese},  // a deck language the UI lacks
      {"fr", "de_DE.UTF-8", UiLanguage::kEnglish},
      {"", "fr_FR:zh_CN:en", UiLanguage::kChinese},  // $LANGUAGE is a list
      {"", "C", UiLanguage::kEnglish},
      {"", "", UiLanguage::kEnglish},
      {"z", "x", UiLanguage::kEnglish},
  };
  for (const Case& c : cases)
    EXPECT_EQ(ChooseUiLanguage(c.deck, c.system), c.want) << c.deck << " / " << c.system;
}

TEST(PresenterStrings, BothLanguagesFillPlaceholders) {
  EXPECT_EQ(PresenterString(PresenterText::kSlideOfCount, UiLanguage::kEnglish, {"3", "12"}),
            "Slide 3 of 12");
  EXPECT_EQ(PresenterString(PresenterText::kSlideOfCount, UiLanguage::kChinese, {"3", "12"}),
            "第 3 页，共 12 页");
  EXPECT_EQ(PresenterString(PresenterText::kBehind, UiLanguage::kChinese, {"1:10"}), "落后 1:10");
  EXPECT_EQ(PresenterString(PresenterText::kNotes, UiLanguage::kChinese), "备注");
  EXPECT_EQ(PresenterString(PresenterText::kGoTo, UiLanguage::kEnglish), "Go to slide ");
  // Every string exists in both languages.
  for (int i = 0; i <= static_cast<int>(PresenterText::kKeptLastGood); ++i) {
    EXPECT_FALSE(PresenterString(static_cast<PresenterText>(i), UiLanguage::kEnglish).empty()) << i;
    EXPECT_FALSE(PresenterString(static_cast<PresenterText>(i), UiLanguage::kChinese).empty()) << i;
  }
}

TEST(PresenterView, ChineseUiUsesTheCjkFaces) {
  Fixture f;
  PresenterInput in = f.Input();
  in.language = UiLanguage::kEnglish;
  PresenterView en = LayoutPresenterView(test::Fonts(), in);
  in.language = UiLanguage::kChinese;
  PresenterView zh = LayoutPresenterView(test::Fonts(), in);
  EXPECT_FALSE(HasRole(en.chrome, FontRole::kCjkBold));  // slide 1's notes are English
  EXPECT_TRUE(HasRole(zh.chrome, FontRole::kCjkBold));   // 第 1 页，共 3 页, 备注, …
}

// [SECTION] Notes -------------------------------------------------------------------------

TEST(PresenterNotes, MarkdownStylesBecomeFaces) {
  SlideLayout notes = LayoutNotesText(
      test::Fonts(), "## Story\n\nSay **this** and *that* with `code`.\n\n- one\n- two\n", 800, 32);
  EXPECT_GT(notes.height, 32 * 4);
  EXPECT_TRUE(HasRole(notes, FontRole::kSansBold));    // heading, bold
  EXPECT_TRUE(HasRole(notes, FontRole::kSansItalic));  // italic
  EXPECT_TRUE(HasRole(notes, FontRole::kMono));        // inline code
  int inline_code_tints = 0;
  for (const LayoutItem& item : notes.items)
    if (item.kind == LayoutItemKind::kRect) ++inline_code_tints;
  EXPECT_GE(inline_code_tints, 1);
}

TEST(PresenterNotes, CodeBlocksQuotesAndListsAreLaidOut) {
  Fixture f;
  const std::string& md = f.deck.slides[1].notes;
  ASSERT_NE(md.find("bisect"), std::string::npos);
  SlideLayout notes = LayoutNotesText(test::Fonts(), md, 900, 32);
  EXPECT_TRUE(HasRole(notes, FontRole::kMono));
  EXPECT_TRUE(HasGlyphColor(notes, kPresenterMuted));  // the quote
  for (const LayoutItem& item : notes.items) {
    EXPECT_GE(item.rect.x0, -0.01f);
    if (item.kind == LayoutItemKind::kGlyphs) EXPECT_LE(item.rect.x1, 900.5f);
  }
}

TEST(PresenterNotes, ChineseBreaksBetweenIdeographsInsideTheWidth) {
  Fixture f;
  const std::string& md = f.deck.slides[2].notes;
  ASSERT_FALSE(md.empty());
  const float width = 420, size = 32;
  SlideLayout notes = LayoutNotesText(test::Fonts(), md, width, size);
  EXPECT_TRUE(HasRole(notes, FontRole::kCjk));
  float top = 1e9f, bottom = -1e9f;
  for (const LayoutItem& item : notes.items) {
    if (item.kind != LayoutItemKind::kGlyphs) continue;
    EXPECT_LE(item.rect.x1, width + 0.5f);
    top = std::min(top, item.rect.y0);
    bottom = std::max(bottom, item.rect.y0);
  }
  // Sixty-odd characters at 32 px in 420 units: several lines.
  EXPECT_GT((bottom - top) / (size * 1.4f), 3.5f);
}

TEST(PresenterNotes, EmptyNotesGiveAnEmptyLayout) {
  EXPECT_TRUE(LayoutNotesText(test::Fonts(), "", 500, 32).items.empty());
  EXPECT_TRUE(LayoutNotesText(test::Fonts(), "\n\n  \n", 500, 32).items.empty());
  EXPECT_TRUE(LayoutNotesText(test::Fonts(), "text", 0, 32).items.empty());
}

TEST(PresenterNotes, ScaleStepsAreClampedAndRepeatable) {
  float s = 1;
  s = StepNotesScale(s, 1);
  EXPECT_NEAR(s, 1.122f, 0.01f);
  EXPECT_NEAR(StepNotesScale(s, -1), 1.0f, 1e-5f);
  for (int i = 0; i < 40; ++i) s = StepNotesScale(s, 1);
  EXPECT_EQ(s, kMaxNotesScale);
  for (int i = 0; i < 40; ++i) s = StepNotesScale(s, -1);
  EXPECT_EQ(s, kMinNotesScale);
  EXPECT_EQ(StepNotesScale(std::nanf(""), 0), 1.0f);
}

// [SECTION] Geometry ----------------------------------------------------------------------

TEST(PresenterView, PreviewsFitEveryWindowShapeWithoutOverlapping) {
  Fixture f;
  const std::pair<float, float> sizes[] = {{1920, 1080}, {1280, 800}, {1366, 768}, {1440, 900},
                                           {1024, 768},  {800, 600},  {2560, 1440}, {3840, 2160},
                                           {1080, 1920}, {640, 480},  {1280, 1024}, {2560, 1080}};
  for (auto [w, h] : sizes) {
    PresenterView v = LayoutPresenterView(test::Fonts(), f.Input(w, h));
    const Rect window{0, 0, w, h};
    SCOPED_TRACE(std::to_string(static_cast<int>(w)) + "x" + std::to_string(static_cast<int>(h)));
    ASSERT_TRUE(v.current.visible);
    ASSERT_TRUE(v.next.visible);
    const Rect cur = v.current.rect, next = v.next.rect, notes = v.notes_viewport;
    const Rect toggle = v.RegionOf(PresenterHit::kTimerToggle);
    EXPECT_TRUE(Within(cur, window));
    EXPECT_TRUE(Within(next, window));
    EXPECT_TRUE(Within(notes, window));
    EXPECT_TRUE(Within(toggle, window));
    EXPECT_FALSE(Overlap(cur, next));
    EXPECT_FALSE(Overlap(cur, notes));
    EXPECT_FALSE(Overlap(next, notes));
    EXPECT_FALSE(Overlap(toggle, cur));
    EXPECT_FALSE(Overlap(toggle, next));
    EXPECT_FALSE(Overlap(toggle, notes));
    EXPECT_NEAR(cur.height() / cur.width(), 1080.0f / 1920.0f, 0.002f);
    EXPECT_NEAR(next.height() / next.width(), 1080.0f / 1920.0f, 0.002f);
    EXPECT_GT(cur.width(), next.width() * 1.2f);  // the current slide is the big one
    EXPECT_GT(cur.width(), w * 0.4f);
    EXPECT_GT(notes.height(), h * 0.15f);         // room for notes
  }
}

TEST(PresenterView, NextIsTheNextStepThenTheNextSlideThenNothing) {
  Fixture f;
  ASSERT_EQ(f.layouts[1].steps, 4);  // three fragments
  PresenterView v = LayoutPresenterView(test::Fonts(), f.Input());
  EXPECT_EQ(v.next.slide, 1);
  EXPECT_EQ(v.next.step, 0);
  f.session.GoTo(1, 1, 0);
  v = LayoutPresenterView(test::Fonts(), f.Input());
  EXPECT_EQ(v.current.slide, 1);
  EXPECT_EQ(v.current.step, 1);
  EXPECT_EQ(v.next.slide, 1);
  EXPECT_EQ(v.next.step, 2);
  f.session.GoTo(2, 0, 0);
  v = LayoutPresenterView(test::Fonts(), f.Input());
  EXPECT_FALSE(v.next.visible);
  EXPECT_EQ(v.HitAt((v.next.rect.x0 + v.next.rect.x1) / 2, (v.next.rect.y0 + v.next.rect.y1) / 2),
            PresenterHit::kNone);
}

TEST(PresenterView, BlackAndWhiteScreensDimTheCurrentPreview) {
  Fixture f;
  f.session.ToggleBlack();
  PresenterView v = LayoutPresenterView(test::Fonts(), f.Input());
  EXPECT_EQ(v.current.backdrop, 0xff000000u);
  EXPECT_LT(v.current.alpha, 0.5f);
  f.session.ToggleWhite();
  v = LayoutPresenterView(test::Fonts(), f.Input());
  // Dimmed over black too: faded over white, a dark slide's light text would vanish.
  EXPECT_EQ(v.current.backdrop, 0xff000000u);
  EXPECT_LT(v.current.alpha, 0.5f);
  f.session.ToggleWhite();
  v = LayoutPresenterView(test::Fonts(), f.Input());
  EXPECT_EQ(v.current.backdrop, 0u);
  EXPECT_EQ(v.current.alpha, 1.0f);
}

TEST(PresenterView, ProblemsBannerPushesTheContentDown) {
  Fixture f;
  PresenterInput in = f.Input();
  PresenterView plain = LayoutPresenterView(test::Fonts(), in);
  in.problems = {"talk.md:12:5: error: image 'cat.png' not found"};
  PresenterView warned = LayoutPresenterView(test::Fonts(), in);
  EXPECT_GT(warned.current.rect.y0, plain.current.rect.y0 + 40);
  EXPECT_TRUE(HasRole(warned.chrome, FontRole::kMono));
  EXPECT_TRUE(Within(warned.current.rect, {0, 0, 1920, 1080}));
}

TEST(PresenterView, TimerColoursReachTheChrome) {
  Fixture f;  // 20 minutes
  f.session.StartTimer(0);
  PresenterView normal = LayoutPresenterView(test::Fonts(), f.Input(1920, 1080, 60));
  EXPECT_FALSE(HasGlyphColor(normal.chrome, kPresenterAmber));
  PresenterView amber = LayoutPresenterView(test::Fonts(), f.Input(1920, 1080, 19 * 60));
  EXPECT_TRUE(HasGlyphColor(amber.chrome, kPresenterAmber));
  PresenterView red = LayoutPresenterView(test::Fonts(), f.Input(1920, 1080, 21 * 60));
  EXPECT_TRUE(HasGlyphColor(red.chrome, kPresenterRed));
  EXPECT_EQ(red.timer.remaining, "+1:00");
}

// [SECTION] Hits and clicks ---------------------------------------------------------------

TEST(PresenterView, ClicksMapToSessionCallsAndPrefs) {
  Fixture f;
  PresenterPrefs prefs;
  auto center = [](const Rect& r) { return std::pair((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2); };
  PresenterView v = LayoutPresenterView(test::Fonts(), f.Input());

  auto [nx, ny] = center(v.next.rect);
  EXPECT_EQ(v.HitAt(nx, ny), PresenterHit::kNextPreview);
  PresenterClick c = ApplyPresenterClick(v, nx, ny, f.session, 1, &prefs);
  EXPECT_TRUE(c.changed);
  EXPECT_EQ(f.session.slide(), 1);
  EXPECT_EQ(f.session.timer_state(), TimerState::kRunning);  // the first move starts it

  v = LayoutPresenterView(test::Fonts(), f.Input(1920, 1080, 2));
  auto [tx, ty] = center(v.RegionOf(PresenterHit::kTimerToggle));
  EXPECT_EQ(ApplyPresenterClick(v, tx, ty, f.session, 2, &prefs).hit, PresenterHit::kTimerToggle);
  EXPECT_EQ(f.session.timer_state(), TimerState::kPaused);
  auto [rx, ry] = center(v.RegionOf(PresenterHit::kTimerReset));
  EXPECT_TRUE(ApplyPresenterClick(v, rx, ry, f.session, 3, &prefs).changed);
  EXPECT_EQ(f.session.Elapsed(3), 0);

  auto [px, py] = center(v.RegionOf(PresenterHit::kNotesLarger));
  EXPECT_TRUE(ApplyPresenterClick(v, px, py, f.session, 3, &prefs).changed);
  EXPECT_GT(prefs.notes_scale, 1.0f);
  auto [mx, my] = center(v.RegionOf(PresenterHit::kNotesSmaller));
  ApplyPresenterClick(v, mx, my, f.session, 3, &prefs);
  ApplyPresenterClick(v, mx, my, f.session, 3, &prefs);
  EXPECT_LT(prefs.notes_scale, 1.0f);

  EXPECT_EQ(v.HitAt(-5, -5), PresenterHit::kNone);
  EXPECT_EQ(v.HitAt(1919, 1079), PresenterHit::kNone);  // the margin
  auto [cx, cy] = center(v.current.rect);
  EXPECT_EQ(v.HitAt(cx, cy), PresenterHit::kCurrentSlide);
  EXPECT_FALSE(ApplyPresenterClick(v, cx, cy, f.session, 3, &prefs).changed);
}

TEST(PresenterView, OverviewThumbnailClickOpensThatSlide) {
  Fixture f;
  f.session.ToggleOverview();
  PresenterView v = LayoutPresenterView(test::Fonts(), f.Input());
  ASSERT_TRUE(v.overview);
  // Thumbnail 2 in design units → layout units of the preview.
  Rect t = v.grid.Thumbnail(2);
  float k = v.current.rect.width() / v.overview_layers.under.width;
  float x = v.current.rect.x0 + (t.x0 + t.x1) / 2 * k, y = v.current.rect.y0 + (t.y0 + t.y1) / 2 * k;
  PresenterPrefs prefs;
  EXPECT_TRUE(ApplyPresenterClick(v, x, y, f.session, 5, &prefs).changed);
  EXPECT_EQ(f.session.mode(), ScreenMode::kSlide);
  EXPECT_EQ(f.session.slide(), 2);
}

TEST(PresenterView, LongNotesScrollAndEachSlideStartsAtTheTop) {
  Fixture f;
  f.session.GoTo(1, 0, 0);
  PresenterInput in = f.Input(1280, 720);
  in.prefs.notes_scale = 2;
  PresenterView v = LayoutPresenterView(test::Fonts(), in);
  ASSERT_GT(v.notes_max_scroll, 0);
  EXPECT_EQ(v.notes_scroll, 0);
  PresenterPrefs& prefs = in.prefs;
  EXPECT_TRUE(ScrollNotes(v, 1e6f, f.session.slide(), &prefs));
  EXPECT_EQ(prefs.notes_scroll, v.notes_max_scroll);
  PresenterView scrolled = LayoutPresenterView(test::Fonts(), in);
  EXPECT_EQ(scrolled.notes_scroll, v.notes_max_scroll);
  // Every notes item is clipped to the viewport.
  for (const LayoutItem& item : scrolled.chrome.items) {
    if (item.kind != LayoutItemKind::kGlyphs || item.rect.x0 < scrolled.notes_viewport.x0)
      continue;
    if (item.rect.y0 < scrolled.notes_viewport.y0) continue;  // the header
    ASSERT_TRUE(item.clipped);
    EXPECT_TRUE(Within(item.clip, scrolled.notes_viewport));
  }
  EXPECT_FALSE(ScrollNotes(scrolled, 50, f.session.slide(), &prefs));  // already at the end
  f.session.GoTo(0, 0, 0);
  PresenterView other = LayoutPresenterView(test::Fonts(), in);
  EXPECT_EQ(other.notes_scroll, 0);  // the scroll belonged to slide 2
}

TEST(PresenterView, WithoutASessionOrSlidesNothingBreaks) {
  PresenterInput in;
  PresenterView v = LayoutPresenterView(test::Fonts(), in);
  EXPECT_FALSE(v.current.visible);
  Session s;
  in.session = &s;
  in.width = std::nanf("");
  v = LayoutPresenterView(test::Fonts(), in);
  EXPECT_FALSE(v.current.visible);
  EXPECT_GT(v.width, 0);
  GlyphCache glyphs(test::Fonts());
  std::vector<SlideLayout> none;
  RgbaImage image = RenderPresenterImage(v, none, nullptr, glyphs, 0.25f);
  EXPECT_GT(image.width, 0);
}

// [SECTION] Drawing -----------------------------------------------------------------------

TEST(PresenterView, RendersOnTheCpuWithTheSlidesInTheirRects) {
  Fixture f;
  f.session.GoTo(1, 1, 0);
  f.session.StartTimer(0);
  PresenterInput in = f.Input(1600, 900, 754);
  PresenterView v = LayoutPresenterView(test::Fonts(), in);
  GlyphCache glyphs(test::Fonts());
  RgbaImage image = RenderPresenterImage(v, f.layouts, nullptr, glyphs);
  ASSERT_EQ(image.width, 1600);
  ASSERT_EQ(image.height, 900);
  MaybeWritePng(image, "presenter-1600x900.png");
  auto pixel = [&](float x, float y) {
    size_t i = (static_cast<size_t>(y) * image.width + static_cast<size_t>(x)) * 4;
    return std::array<int, 3>{image.rgba[i], image.rgba[i + 1], image.rgba[i + 2]};
  };
  // The backdrop is dark; the slides (default theme: white) are light inside their rects.
  auto corner = pixel(3, 3);
  EXPECT_LT(corner[0] + corner[1] + corner[2], 3 * 40);
  auto cur = pixel(v.current.rect.x1 - 6, v.current.rect.y1 - 20);
  EXPECT_GT(cur[0] + cur[1] + cur[2], 3 * 200);
  auto next = pixel(v.next.rect.x1 - 6, v.next.rect.y1 - 20);
  EXPECT_GT(next[0] + next[1] + next[2], 3 * 200);

  // Over time (red), paused; then the same view in Chinese, black screen, overview, a
  // portrait window: for the eyes.
  f.session.PauseTimer(21 * 60 + 5);
  PresenterInput late = f.Input(1600, 900, 22 * 60);
  MaybeWritePng(RenderPresenterImage(LayoutPresenterView(test::Fonts(), late), f.layouts,
                                     nullptr, glyphs),
                "presenter-overtime-paused.png");
  f.session.ResumeTimer(22 * 60);
  f.session.ResetTimer(22 * 60);
  f.session.StartTimer(0);
  in.language = UiLanguage::kChinese;
  f.session.ToggleBlack();
  MaybeWritePng(RenderPresenterImage(LayoutPresenterView(test::Fonts(), in), f.layouts, nullptr,
                                     glyphs),
                "presenter-zh-black.png");
  f.session.ToggleOverview();
  MaybeWritePng(RenderPresenterImage(LayoutPresenterView(test::Fonts(), in), f.layouts, nullptr,
                                     glyphs),
                "presenter-zh-overview.png");
  f.session.ToggleOverview();
  in.width = 1080;
  in.height = 1400;
  in.problems = {"talk.md:3:1: error: front matter opened with '---' is never closed"};
  MaybeWritePng(RenderPresenterImage(LayoutPresenterView(test::Fonts(), in), f.layouts, nullptr,
                                     glyphs, 0.75f),
                "presenter-portrait.png");
}

}  // namespace
}  // namespace podium
