// web/player.cpp compiled natively: what the page fetches for a deck (a Latin deck never
// downloads the CJK, symbol or math faces; each is asked for only by a deck that draws it,
// or by the presenter view's notes and UI strings), the presenter view's clicks and wheel,
// and how a window takes (or leaves out) the messages of the deck's sync channel.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "player.h"

namespace podium::web {
namespace {

std::vector<uint8_t> ReadFont(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A player with the Latin faces the page always loads first.
class PlayerFonts : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<uint8_t> inter = ReadFont("/usr/share/fonts/opentype/inter/Inter-Regular.otf");
    ASSERT_FALSE(inter.empty()) << "fonts-inter is not installed";
    std::string error;
    ASSERT_TRUE(player_.AddFont(FontRole::kSans, inter, 0, &error)) << error;
  }
  int Missing(std::string_view deck) {
    player_.OpenDeck("talk.md", deck);
    return player_.MissingFallbackFonts();
  }
  Player player_;
};

TEST_F(PlayerFonts, ALatinDeckNeedsNoFallbackFace) {
  EXPECT_EQ(Missing("# Hello\n\nCafé, naïve, 1–2 “quotes” — and `code`.\n"), 0);
}

TEST_F(PlayerFonts, EachFallbackFaceIsAskedForByTheTextThatNeedsIt) {
  EXPECT_EQ(Missing("# 你好\n"), kNeedsCjkFonts);
  EXPECT_EQ(Missing("# Ship it 🚀\n"), kNeedsSymbolFont);
  EXPECT_EQ(Missing("# Law\n\nSpeed-up $\\frac{1}{1-p}$.\n"), kNeedsMathFont);
  EXPECT_EQ(Missing("# Law\n\n$$\nE = mc^2\n$$\n"), kNeedsMathFont);
  EXPECT_EQ(Missing("# T\n\n| a | b |\n|---|---|\n| $x$ | 1 |\n"), kNeedsMathFont);
  EXPECT_EQ(Missing("# 公式\n\n- $x^2$ 🚀\n"), kNeedsCjkFonts | kNeedsSymbolFont | kNeedsMathFont);
}

TEST_F(PlayerFonts, AFaceOnceLoadedIsNotAskedForAgain) {
  std::vector<uint8_t> math =
      ReadFont("/usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf");
  ASSERT_FALSE(math.empty()) << "fonts-lmodern is not installed";
  std::string error;
  ASSERT_TRUE(player_.AddFont(FontRole::kMath, math, 0, &error)) << error;
  EXPECT_EQ(Missing("# Law\n\n$x^2$\n"), 0);
}

// [SECTION] The presenter view's fonts ------------------------------------------------------

TEST_F(PlayerFonts, ThePresenterViewAsksForTheFacesOfItsNotesAndUiStrings) {
  const char* notes_in_chinese = "# Hello\n\n???\n先讲背景，再讲结果。\n";
  EXPECT_EQ(Missing(notes_in_chinese), 0);  // the audience never sees the notes
  player_.SetView(Role::kPresenter);
  EXPECT_EQ(Missing(notes_in_chinese), kNeedsCjkFonts);
  EXPECT_EQ(Missing("# Hello\n\n???\nShip it 🚀\n"), kNeedsSymbolFont);
  EXPECT_EQ(Missing("# Hello\n\n???\nThe law: $\\frac{1}{1-p}$\n"), kNeedsMathFont);

  // The UI's own strings: English needs nothing more, Chinese (the deck's lang, else the
  // browser's) needs the CJK faces even for a deck without a Chinese character.
  const char* latin = "# Hello\n\n???\nSay hi.\n";
  EXPECT_EQ(Missing(latin), 0);
  EXPECT_EQ(Missing("---\nlang: zh-CN\n---\n\n# Hello\n"), kNeedsCjkFonts);
  player_.SetSystemLanguage("zh-CN");
  EXPECT_EQ(Missing(latin), kNeedsCjkFonts);
  EXPECT_EQ(Missing("---\nlang: en\n---\n\n# Hello\n"), 0);  // the deck's lang wins
  player_.SetView(Role::kAudience);
  EXPECT_EQ(Missing(latin), 0);
}

// [SECTION] Two windows: the presenter view and sync ---------------------------------------

constexpr const char* kTalk =
    "---\ntitle: Talk\nduration: 10min\n---\n\n# One\n\n???\nFirst notes.\n\n---\n\n"
    "# Two\n\n* a\n* b\n\n---\n\n# Three\n";

// Two windows of one deck, as the page has them: each its own Player.
class TwoWindows : public PlayerFonts {
 protected:
  void SetUp() override {
    PlayerFonts::SetUp();
    std::vector<uint8_t> inter = ReadFont("/usr/share/fonts/opentype/inter/Inter-Regular.otf");
    std::string error;
    ASSERT_TRUE(presenter_.AddFont(FontRole::kSans, inter, 0, &error)) << error;
    presenter_.SetView(Role::kPresenter);
    for (Player* p : {&player_, &presenter_}) {
      p->OpenDeck("http://127.0.0.1/talk.md", kTalk);
      p->Start("", std::nullopt, 0, 100, kEpoch);
    }
  }
  static constexpr double kEpoch = 1795000000;
  Player& audience() { return player_; }
  Player presenter_;
};

TEST_F(TwoWindows, EachWindowFollowsTheOtherOnTheDeckChannel) {
  Session& p = presenter_.session();
  p.Next(101);  // → slide 2, the timer starts
  p.Next(102);  // → slide 2, step 2
  RestoreResult r = audience().ReceiveSync(p.Serialize(103, kEpoch + 3), 5, kEpoch + 3);
  ASSERT_TRUE(r.ok()) << r.detail;
  EXPECT_EQ(audience().session().slide(), 1);
  EXPECT_EQ(audience().session().step(), 1);
  EXPECT_EQ(audience().session().timer_state(), TimerState::kRunning);
  EXPECT_NEAR(audience().session().Elapsed(5), 2, 1e-3);

  // And back: the audience window's keys reach the presenter window.
  audience().session().ToggleBlack();
  r = presenter_.ReceiveSync(audience().session().Serialize(6, kEpoch + 4), 104, kEpoch + 4);
  ASSERT_TRUE(r.ok()) << r.detail;
  EXPECT_EQ(presenter_.session().mode(), ScreenMode::kBlack);
  EXPECT_EQ(presenter_.session().role(), Role::kPresenter);  // a message keeps the role
}

TEST_F(TwoWindows, MessagesForAnotherDeckMalformedOrOlderAreLeftOut) {
  Player other;
  other.OpenDeck("http://127.0.0.1/other.md", kTalk);
  other.Start("", std::nullopt, 0, 100, kEpoch);
  other.session().Last(101);
  const std::string before = audience().session().Serialize(100, kEpoch);

  EXPECT_EQ(audience().ReceiveSync(other.session().Serialize(101, kEpoch), 100, kEpoch).status,
            RestoreStatus::kWrongDeck);
  for (const char* bad : {"", "hello", "podium1 deck=x", "{\"slide\": 3}",
                          "podium1 deck=http://127.0.0.1/talk.md rev=9 slide=-1 step=0 "
                          "mode=slide timer=idle elapsed=0 epoch=0"})
    EXPECT_EQ(audience().ReceiveSync(bad, 100, kEpoch).status, RestoreStatus::kMalformed) << bad;
  EXPECT_EQ(audience().ReceiveSync("podium2 deck=x rev=1", 100, kEpoch).status,
            RestoreStatus::kUnsupportedVersion);
  EXPECT_EQ(audience().session().Serialize(100, kEpoch), before);  // nothing of it applied

  // An old message (a window that missed the latest moves) does not take the talk back.
  presenter_.session().Next(101);
  std::string old = presenter_.session().Serialize(101, kEpoch);
  presenter_.session().Next(102);
  ASSERT_TRUE(
      audience().ReceiveSync(presenter_.session().Serialize(102, kEpoch), 100, kEpoch).ok());
  EXPECT_EQ(audience().ReceiveSync(old, 100, kEpoch).status, RestoreStatus::kStale);
  EXPECT_EQ(audience().session().step(), 1);

  Player loading;  // a window still fetching its deck takes nothing
  loading.OpenDeck("http://127.0.0.1/talk.md", kTalk);
  EXPECT_EQ(loading.ReceiveSync(old, 100, kEpoch).status, RestoreStatus::kStale);
}

TEST_F(TwoWindows, ThePresenterViewTakesClicksAndTheWheel) {
  const PresenterView& view = presenter_.LayoutPresenter(1280, 800, 100, "14:05");
  ASSERT_FALSE(view.chrome.items.empty());
  auto centre = [&](PresenterHit hit) {
    Rect r = presenter_.presenter_view().RegionOf(hit);
    EXPECT_GT(r.width(), 0) << static_cast<int>(hit);
    return ImVec2((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2);
  };
  ImVec2 next = centre(PresenterHit::kNextPreview);
  PresenterClick click = presenter_.PresenterClickAt(next.x, next.y, 101);
  EXPECT_TRUE(click.changed);
  EXPECT_EQ(presenter_.session().slide(), 1);

  presenter_.LayoutPresenter(1280, 800, 101, "14:05");
  const float scale = presenter_.presenter_prefs.notes_scale;
  ImVec2 larger = centre(PresenterHit::kNotesLarger);
  EXPECT_TRUE(presenter_.PresenterClickAt(larger.x, larger.y, 102).changed);
  EXPECT_GT(presenter_.presenter_prefs.notes_scale, scale);

  ImVec2 toggle = centre(PresenterHit::kTimerToggle);
  EXPECT_TRUE(presenter_.PresenterClickAt(toggle.x, toggle.y, 103).changed);
  EXPECT_EQ(presenter_.session().timer_state(), TimerState::kPaused);

  // Short notes do not scroll.
  presenter_.LayoutPresenter(1280, 800, 104, "14:05");
  EXPECT_FALSE(presenter_.ScrollPresenterNotes(200));
}

// The first slide is drawn after its own layout, not the deck's: the others are stand-ins
// until they are needed (the neighbours, the overview) or laid out while idle.
TEST_F(PlayerFonts, SlidesAreLaidOutWhenNeededAndWhileIdle) {
  std::string deck;
  for (int i = 1; i <= 60; ++i)
    deck += (i > 1 ? "\n---\n\n# Slide " : "# Slide ") + std::to_string(i) + "\n\nWords of slide " +
            std::to_string(i) + (i == 40 ? ": \xEA\xA6\x80\n" : ".\n");
  player_.OpenDeck("talk.md", deck);
  player_.Start("", 10, 0, 100, 1795000000);  // opened at slide 11 by the URL
  auto laid_out = [&](int i) { return !player_.layouts()[i].items.empty(); };
  ASSERT_EQ(player_.layouts().size(), 60u);
  EXPECT_TRUE(laid_out(9) && laid_out(10) && laid_out(11));
  EXPECT_FALSE(laid_out(0));
  EXPECT_FALSE(laid_out(39));
  EXPECT_EQ(player_.layouts()[39].steps, 1);  // stand-ins know their steps already
  EXPECT_TRUE(player_.TakeNewDiagnostics().empty());

  int slices = 0;
  while (player_.LayOutMore(16)) ++slices;
  EXPECT_EQ(slices, 3);  // 57 slides left: 16, 16, 16, 9
  for (int i = 0; i < 60; ++i) EXPECT_TRUE(laid_out(i)) << i;
  std::vector<Diagnostic> found = player_.TakeNewDiagnostics();
  ASSERT_EQ(found.size(), 1u);  // slide 40's character no font has, found while idle
  EXPECT_EQ(found[0].code, DiagnosticCode::kMissingGlyph);
  EXPECT_TRUE(player_.TakeNewDiagnostics().empty());
  EXPECT_NE(player_.CurrentLayout().text.find("Words of slide 11"), std::string::npos);
}

TEST_F(PlayerFonts, TheOverviewLaysOutEverySlide) {
  std::string deck;
  for (int i = 1; i <= 30; ++i) deck += (i > 1 ? "\n---\n\n# " : "# ") + std::to_string(i) + "\n";
  player_.OpenDeck("talk.md", deck);
  player_.Start("", std::nullopt, 0, 100, 1795000000);
  EXPECT_TRUE(player_.layouts()[29].items.empty());
  player_.session().ToggleOverview();
  player_.EnsureLaidOut();
  for (int i = 0; i < 30; ++i) EXPECT_FALSE(player_.layouts()[i].items.empty()) << i;
}

}  // namespace
}  // namespace podium::web
