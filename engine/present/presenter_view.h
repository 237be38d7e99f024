// PresenterView: the speaker's screen as data — the current slide as the audience sees it,
// the next step or slide, the notes rendered from Markdown, the timer panel, the slide
// counter and the screen mode — laid out the same way in the browser and the native app.
//
//   PresenterInput in;
//   in.deck = &deck;  in.layouts = &layouts;  in.session = &session;
//   in.now_seconds = now;  in.wall_clock = "14:05";             // the front end reads clocks
//   in.language = ChooseUiLanguage(deck.meta.lang, "zh_CN.UTF-8"); // deck first, then system
//   in.prefs = prefs;                                           // notes size and scroll
//   in.width = 1600;  in.height = 900;                          // the window, layout units
//   PresenterView view = LayoutPresenterView(fonts, in);
//
//   PresenterDrawTarget t{&layouts, &images, &glyphs, &host, &list, {0, 0}, pixels_per_unit};
//   if (!DrawPresenterView(view, fonts, t)) { glyphs.Clear(); …draw again… }
//
//   // A click at (x, y) in layout units: notes +/−, timer pause/reset, next-slide preview
//   // (= Next), an overview thumbnail in the current-slide preview.
//   PresenterClick c = ApplyPresenterClick(view, x, y, session, now, &prefs);
//   if (c.changed) Redraw();
//   if (ScrollNotes(view, wheel_dy * 40, &prefs)) Redraw();
//
// Units: "layout units" are the window's own coordinates (CSS pixels in the browser, GLFW
// screen coordinates natively), not the deck's design space: the presenter view fills any
// window shape. Draw with pixels_per_unit = framebuffer width / window width.
//
// Contracts
// - Pure: no clock, no files, no globals. The same input gives the same view, so the view
//   is tested on the CPU (RenderPresenterImage) exactly as the windows show it.
// - The view holds no pointers: slides are named by index into the `layouts` given to
//   DrawPresenterView, which must be the ones the view was laid out for.
// - Text that no font can draw is left out, as in slides. Nothing here fails: a missing
//   deck shows no notes, an empty `layouts` shows no previews.
// - Strings the speaker reads live in one table (PODIUM_PRESENTER_STRINGS), English and
//   Chinese, so both front ends say the same thing.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "draw/glyph_cache.h"
#include "draw/raster.h"
#include "draw/texture.h"
#include "layout/images.h"
#include "layout/slide_layout.h"
#include "model/deck.h"
#include "present/overlays.h"
#include "present/session.h"
#include "present/ui_language.h"
#include "text/font.h"

namespace podium {

// [SECTION] Language and strings ------------------------------------------------------

// UiLanguage and ChooseUiLanguage(): present/ui_language.h.

// X(id, English, Chinese). `{}` placeholders are filled in order by PresenterString().
#define PODIUM_PRESENTER_STRINGS(X)                                                           \
  X(kSlideOfCount, "Slide {} of {}", "第 {} 页，共 {} 页")                                    \
  X(kStepOfCount, "step {} of {}", "第 {} 步，共 {} 步")                                      \
  X(kElapsed, "ELAPSED", "已用时间")                                                          \
  X(kRemaining, "REMAINING", "剩余时间")                                                      \
  X(kOvertime, "OVER TIME", "已超时")                                                         \
  X(kPacing, "PACE", "进度")                                                                  \
  X(kAhead, "ahead {}", "提前 {}")                                                            \
  X(kBehind, "behind {}", "落后 {}")                                                          \
  X(kOnTime, "on time", "正好")                                                               \
  X(kNoDuration, "no duration set", "未设定时长")                                             \
  X(kTimerIdle, "starts with the first slide change", "翻页后开始计时")                       \
  X(kPaused, "PAUSED", "已暂停")                                                              \
  X(kPause, "Pause", "暂停")                                                                  \
  X(kResume, "Resume", "继续")                                                                \
  X(kStart, "Start", "开始")                                                                  \
  X(kReset, "Reset", "重置")                                                                  \
  X(kClock, "CLOCK", "时间")                                                                  \
  X(kNext, "NEXT", "下一页")                                                                  \
  X(kNextStep, "NEXT: STEP {} OF {}", "下一步：第 {} 步，共 {} 步")                           \
  X(kEndOfDeck, "End of the deck", "已经是最后一页")                                          \
  X(kNotes, "NOTES", "备注")                                                                  \
  X(kNoNotes, "No notes for this slide.", "这一页没有备注。")                                 \
  X(kBlackScreen, "BLACK SCREEN", "黑屏")                                                     \
  X(kWhiteScreen, "WHITE SCREEN", "白屏")                                                     \
  X(kOverview, "OVERVIEW", "概览")                                                            \
  X(kAudienceSees, "the audience sees this", "观众看到的画面")                                \
  X(kRehearsal, "REHEARSAL", "排练")                                                          \
  X(kGoTo, "Go to slide {}", "跳转到第 {} 页")                                                \
  X(kHelpTitle, "Keyboard", "快捷键")                                                         \
  X(kHelpClose, "Press ? or Esc to close", "按 ? 或 Esc 关闭")                                \
  X(kDeckProblem, "The deck has problems", "演示文稿有问题")                                  \
  X(kKeptLastGood, "Showing the last good version. Fix the file and save again.",             \
    "仍显示上一个正确的版本。修改文件后再保存即可。")

enum class PresenterText {
#define PODIUM_PRESENTER_TEXT_ENUM(id, en, zh) id,
  PODIUM_PRESENTER_STRINGS(PODIUM_PRESENTER_TEXT_ENUM)
#undef PODIUM_PRESENTER_TEXT_ENUM
};

// The string in `language`, its `{}` replaced by `args` in order (missing args: "").
std::string PresenterString(PresenterText id, UiLanguage language,
                            std::initializer_list<std::string_view> args = {});

// [SECTION] Timer panel text ----------------------------------------------------------

// Colours of the presenter view (ImU32, IM_COL32 order), public for tests and front ends.
inline constexpr uint32_t kPresenterText = 0xfff5f0ee;    // near white
inline constexpr uint32_t kPresenterMuted = 0xffa0918a;   // grey-blue labels
inline constexpr uint32_t kPresenterAmber = 0xff20b0ff;   // last minutes, behind
inline constexpr uint32_t kPresenterRed = 0xff5252ff;     // over time, far behind
inline constexpr uint32_t kPresenterGreen = 0xff8cd65e;   // ahead

// What the timer panel says, computed from the Session alone.
struct TimerDisplay {
  TimerState state = TimerState::kIdle;
  std::string elapsed;             // "0:00", "9:59", "1:00:00"
  uint32_t elapsed_color = kPresenterText;  // muted while paused or idle
  bool has_duration = false;
  TimerWarning warning = TimerWarning::kNormal;
  std::string remaining;           // "7:26" counting down (whole seconds, rounded up);
                                   // "+1:23" when over time; "" without a duration
  uint32_t remaining_color = kPresenterText;  // amber, red
  bool has_pacing = false;
  double pacing_seconds = 0;       // > 0 ahead, < 0 behind (Session::Pacing)
  std::string pacing;              // "ahead 0:42", "behind 1:10", "on time"
  uint32_t pacing_color = kPresenterText;
};

TimerDisplay DescribeTimer(const Session& session, double now_seconds, UiLanguage language);

// "+1:23": time over the planned duration (seconds >= 0, whole seconds, rounded down).
std::string FormatOvertime(double seconds);

// [SECTION] Input ---------------------------------------------------------------------

// The presenter window's own settings, kept (and remembered) by the front end.
struct PresenterPrefs {
  float notes_scale = 1;   // × kNotesBaseSize; StepNotesScale() changes it
  float notes_scroll = 0;  // layout units scrolled down in the notes of `notes_slide`
  int notes_slide = -1;    // the slide the scroll belongs to; another slide starts at the top
};

inline constexpr float kNotesBaseSize = 32;      // notes text, layout units, at scale 1
inline constexpr float kMinNotesScale = 0.75f;   // 24 px
inline constexpr float kMaxNotesScale = 2.5f;    // 80 px

// The next notes scale up (direction > 0) or down (< 0), in steps of about 12%, clamped.
float StepNotesScale(float scale, int direction);

struct PresenterInput {
  const Deck* deck = nullptr;                         // notes, titles; may be null
  const std::vector<SlideLayout>* layouts = nullptr;  // one per slide; may be null
  const Session* session = nullptr;                   // required: nothing is shown without
  double now_seconds = 0;
  std::string wall_clock;   // local time as the front end formats it ("14:05"); "" hides
  UiLanguage language = UiLanguage::kEnglish;
  PresenterPrefs prefs;
  float width = 1600;       // the window, layout units
  float height = 900;
  std::string typed_number;            // digits typed for "go to slide" ("" hides)
  std::vector<std::string> problems;   // lines for a red banner, e.g. FormatDiagnostic()
                                       // of a save that broke the deck; empty hides it
  bool rehearsing = false;             // shows a REHEARSAL badge
  int overview_first_row = 0;          // the overview's scroll, kept by the front end
};

// [SECTION] Output --------------------------------------------------------------------

// A slide drawn into a rectangle of the presenter view.
struct SlidePreview {
  bool visible = false;
  int slide = 0;          // index into the layouts
  int step = 0;           // the step to draw it at
  Rect rect;              // layout units, the slide's aspect ratio
  float alpha = 1;        // < 1: dimmed over `backdrop` (black or white screen)
  uint32_t backdrop = 0;  // filled behind the slide first (0: nothing)
};

// What a click hits.
enum class PresenterHit {
  kNone,
  kNotesSmaller,  // − : smaller notes
  kNotesLarger,   // + : larger notes
  kTimerToggle,   // start / pause / resume
  kTimerReset,
  kNextPreview,   // the next step or slide: Next()
  kCurrentSlide,  // the current slide (in the overview: a thumbnail)
  kNotes,         // the notes text (wheel scrolls it)
};

struct PresenterHitRegion {
  Rect rect;
  PresenterHit hit = PresenterHit::kNone;
};

struct PresenterView {
  float width = 0, height = 0;
  SlideLayout under;     // the backdrop and panels: drawn first
  SlidePreview current;  // the audience's screen: the slide at its step (dimmed on black/white)
  bool overview = false; // the audience sees the overview: it is drawn into current.rect
  OverviewGrid grid;     // that overview, in the deck's design units
  OverviewLayers overview_layers;
  SlidePreview next;     // the next step of this slide, else the next slide; hidden at the end
  SlideLayout chrome;    // text, timer, notes, buttons, badges: drawn last
  std::vector<PresenterHitRegion> hits;  // later regions lie on top of earlier ones

  Rect notes_viewport;        // where the notes scroll
  float notes_scroll = 0;     // the scroll actually used (clamped)
  float notes_max_scroll = 0; // 0 when the notes fit
  TimerDisplay timer;         // what the timer panel shows

  // The topmost region holding the point, or kNone.
  PresenterHit HitAt(float x, float y) const;
  // The rectangle of a region (empty if absent), for tests and focus rings.
  Rect RegionOf(PresenterHit hit) const;
};

// Lays out the whole presenter view. `fonts` are only read during the call.
PresenterView LayoutPresenterView(const FontSet& fonts, const PresenterInput& input);

// [SECTION] Notes ---------------------------------------------------------------------

// Speaker notes (Markdown, parsed with the engine's parser) as lines of text `width` wide,
// the first line's top at y = 0: headings, paragraphs with bold/italic/code/links, lists
// (nested, ordered, tasks), code blocks, quotes, tables (one line per row), display math.
// `size` is the body text's size. The layout's height is the notes' height.
SlideLayout LayoutNotesText(const FontSet& fonts, std::string_view markdown, float width,
                            float size);

// [SECTION] Clicks and scrolling ------------------------------------------------------

struct PresenterClick {
  PresenterHit hit = PresenterHit::kNone;
  bool changed = false;  // the session or the prefs changed: redraw (and sync, save)
};

// Applies a click at (x, y), layout units: notes −/+ change prefs->notes_scale; the timer
// buttons call ToggleTimer/ResetTimer; the next preview calls Next(); in the overview, a
// thumbnail in the current-slide preview opens that slide.
PresenterClick ApplyPresenterClick(const PresenterView& view, float x, float y, Session& session,
                                   double now_seconds, PresenterPrefs* prefs);

// Scrolls the notes by `dy` layout units (positive: down), clamped to the notes.
// Returns whether the scroll changed.
bool ScrollNotes(const PresenterView& view, float dy, int slide, PresenterPrefs* prefs);

// [SECTION] Drawing -------------------------------------------------------------------

struct PresenterDrawTarget {
  const std::vector<SlideLayout>* layouts = nullptr;  // the ones the view was laid out for
  const ImageStore* images = nullptr;                 // may be null
  GlyphCache* glyphs = nullptr;
  TextureHost* host = nullptr;
  ImDrawList* list = nullptr;  // current texture: the glyph atlas (see draw_slide.h)
  ImVec2 origin{0, 0};         // where the view's (0, 0) lands, pixels
  float scale = 1;             // pixels per layout unit
};

// Draws the view with DrawSlide(): backdrop, previews, chrome. Returns false when the glyph
// atlas filled up mid-frame: clear it and draw the frame again (as DrawSlide).
bool DrawPresenterView(const PresenterView& view, const PresenterDrawTarget& target);

// The view on the CPU, `scale` pixels per layout unit (tests, screenshots in docs).
RgbaImage RenderPresenterImage(const PresenterView& view, const std::vector<SlideLayout>& layouts,
                               const ImageStore* images, GlyphCache& glyphs, float scale = 1);

}  // namespace podium
