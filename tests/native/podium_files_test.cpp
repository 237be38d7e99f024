// Tests for tools/podium's window-free parts: which saves replace the shown deck
// (deck_version.h), noticing saves (deck_watcher.h), the rehearsal file (common/rehearsal.h) and
// where state is kept (state_files.h). The windows themselves: run_podium_test.sh.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "common/rehearsal.h"
#include "podium/deck_version.h"
#include "podium/deck_watcher.h"
#include "podium/state_files.h"
#include "present/session.h"
#include "test_fonts.h"

namespace podium::native {
namespace {

namespace fs = std::filesystem;

// A fresh folder per test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("podium-files-test-" + std::to_string(::getpid()) + "-" + std::to_string(++count_));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string File(const std::string& name) const { return (path_ / name).string(); }
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
  }
  const fs::path& path() const { return path_; }

 private:
  static inline int count_ = 0;
  fs::path path_;
};

// Sets an environment variable for the life of the object.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_)
      setenv(name_, old_->c_str(), 1);
    else
      unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

constexpr const char* kGood = "# One\n\nHello.\n\n---\n\n# Two\n\nWorld.\n";

// [SECTION] Which saves replace the shown deck -------------------------------------------

TEST(DeckVersion, AGoodSaveReplacesTheShownDeck) {
  TempDir dir;
  dir.Write("talk.md", kGood);
  DeckVersion shown = LoadDeckVersion(dir.File("talk.md"), test::Fonts());
  ASSERT_TRUE(shown.loaded.readable);
  EXPECT_EQ(shown.layouts.size(), 2u);
  dir.Write("talk.md", std::string(kGood) + "\n---\n\n# Three\n");
  DeckVersion next = LoadDeckVersion(dir.File("talk.md"), test::Fonts());
  std::vector<std::string> problems;
  EXPECT_FALSE(BreaksDeck(next, shown, &problems));
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(next.layouts.size(), 3u);
}

TEST(DeckVersion, ANewErrorBreaksTheDeckAndIsNamed) {
  TempDir dir;
  dir.Write("talk.md", kGood);
  DeckVersion shown = LoadDeckVersion(dir.File("talk.md"), test::Fonts());
  dir.Write("talk.md", "# One\n\n![](missing.png)\n");
  DeckVersion next = LoadDeckVersion(dir.File("talk.md"), test::Fonts());
  std::vector<std::string> problems;
  EXPECT_TRUE(BreaksDeck(next, shown, &problems));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0], "talk.md:3:1: error: image 'missing.png' not found");
}

TEST(DeckVersion, AnErrorTheShownDeckHadAlreadyDoesNotBlockEdits) {
  TempDir dir;
  dir.Write("talk.md", "# One\n\n![](missing.png)\n");
  DeckVersion shown = LoadDeckVersion(dir.File("talk.md"), test::Fonts());
  ASSERT_EQ(FormatErrors(shown).size(), 1u);
  // The same error two lines further down, and an edit elsewhere: shown, error still listed.
  dir.Write("talk.md", "# One, edited\n\nText.\n\n![](missing.png)\n");
  DeckVersion next = LoadDeckVersion(dir.File("talk.md"), test::Fonts());
  std::vector<std::string> problems;
  EXPECT_FALSE(BreaksDeck(next, shown, &problems));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("talk.md:5:1"), std::string::npos);
}

TEST(DeckVersion, AnEmptyOrUnreadableFileBreaksTheDeck) {
  TempDir dir;
  dir.Write("talk.md", kGood);
  DeckVersion shown = LoadDeckVersion(dir.File("talk.md"), test::Fonts());
  dir.Write("talk.md", "");  // an editor half way through a save
  std::vector<std::string> problems;
  EXPECT_TRUE(BreaksDeck(LoadDeckVersion(dir.File("talk.md"), test::Fonts()), shown, &problems));
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0], "talk.md: the deck has no slides");
  fs::remove(dir.File("talk.md"));
  DeckVersion gone = LoadDeckVersion(dir.File("talk.md"), test::Fonts());
  EXPECT_FALSE(gone.loaded.readable);
  EXPECT_TRUE(BreaksDeck(gone, shown, &problems));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("cannot read"), std::string::npos);
}

TEST(DeckVersion, ADeckWithoutSlidesStillHasOneLayout) {
  TempDir dir;
  dir.Write("empty.md", "");
  DeckVersion v = LoadDeckVersion(dir.File("empty.md"), test::Fonts());
  EXPECT_TRUE(v.loaded.readable);
  EXPECT_EQ(v.layouts.size(), 1u);
}

// [SECTION] Noticing saves -----------------------------------------------------------------

TEST(DeckWatcher, ReportsAChangeOnceItHasSettled) {
  TempDir dir;
  dir.Write("talk.md", kGood);
  DeckWatcher watcher(dir.File("talk.md"), 0.3);
  watcher.Accept(StatFile(dir.File("talk.md")));
  EXPECT_FALSE(watcher.Poll(0.0));
  dir.Write("talk.md", std::string(kGood) + "more\n");
  EXPECT_FALSE(watcher.Poll(0.1));  // not due yet
  EXPECT_FALSE(watcher.Poll(0.3));  // seen once: maybe still being written
  EXPECT_TRUE(watcher.Poll(0.6));   // the same twice: reload
  watcher.Accept(StatFile(dir.File("talk.md")));
  EXPECT_FALSE(watcher.Poll(0.9));
  EXPECT_NEAR(watcher.NextPoll(), 1.2, 1e-9);
}

TEST(DeckWatcher, ADeletedFileIsAChangeAndIsReportedOnce) {
  TempDir dir;
  dir.Write("talk.md", kGood);
  DeckWatcher watcher(dir.File("talk.md"), 0.3);
  watcher.Accept(StatFile(dir.File("talk.md")));
  fs::remove(dir.File("talk.md"));
  EXPECT_FALSE(watcher.Poll(1));
  EXPECT_TRUE(watcher.Poll(2));
  FileStamp gone = StatFile(dir.File("talk.md"));
  EXPECT_FALSE(gone.exists);
  watcher.Accept(gone);  // dealt with (the app keeps the last good slides)
  EXPECT_FALSE(watcher.Poll(3));
  EXPECT_FALSE(watcher.Poll(4));
}

TEST(DeckWatcher, ASaveByRenameIsNoticedEvenWithTheSameSize) {
  TempDir dir;
  dir.Write("talk.md", "# AAA\n");
  DeckWatcher watcher(dir.File("talk.md"), 0.3);
  watcher.Accept(StatFile(dir.File("talk.md")));
  dir.Write("talk.md.new", "# BBB\n");
  fs::rename(dir.File("talk.md.new"), dir.File("talk.md"));
  watcher.Poll(1);
  EXPECT_TRUE(watcher.Poll(2));
}

// [SECTION] The rehearsal file -------------------------------------------------------------

TEST(Rehearsal, FormatAndParseAgree) {
  Deck deck;
  deck.slides.resize(3);
  deck.slides[0].title = "Say \"hello\"";
  deck.slides[1].title = "谢谢\\n";
  std::string text = tools::FormatRehearsal(deck, "talk.md", {42.1, 30, 0.0004}, 1795000000);
  EXPECT_NE(text.find("\"format\": \"podium-rehearsal-1\""), std::string::npos);
  EXPECT_NE(text.find("\"recorded\": \"2026-11-18T"), std::string::npos);
  EXPECT_NE(text.find("\"title\": \"Say \\\"hello\\\"\""), std::string::npos);
  EXPECT_NE(text.find("\"total_seconds\": 72.100"), std::string::npos);
  std::optional<std::vector<double>> seconds = tools::ParseRehearsal(text);
  ASSERT_TRUE(seconds);
  ASSERT_EQ(seconds->size(), 3u);
  EXPECT_DOUBLE_EQ((*seconds)[0], 42.1);
  EXPECT_DOUBLE_EQ((*seconds)[1], 30);
  EXPECT_DOUBLE_EQ((*seconds)[2], 0);
  EXPECT_EQ(tools::RehearsalPath("talks/intro.md"), "talks/intro.md.rehearsal.json");
}

// A rehearsal of slides 1–3 of 6 (slide 2 skipped in a second) paces the whole talk: the
// unrehearsed slides count at the rehearsed average, and all of it is fitted to the duration.
TEST(Rehearsal, BudgetsCoverUnrehearsedSlidesAndFitTheDuration) {
  const std::vector<double> rehearsed = {60, 0.4, 120, 0};
  std::vector<std::optional<double>> raw = tools::BudgetsFromRehearsal(rehearsed, 6, std::nullopt);
  ASSERT_EQ(raw.size(), 6u);
  EXPECT_DOUBLE_EQ(*raw[0], 60);
  EXPECT_DOUBLE_EQ(*raw[1], 90);  // under a second: passed over, counted at the average
  EXPECT_DOUBLE_EQ(*raw[2], 120);
  EXPECT_DOUBLE_EQ(*raw[3], 90);
  EXPECT_DOUBLE_EQ(*raw[5], 90);  // added since the rehearsal
  std::vector<std::optional<double>> fitted = tools::BudgetsFromRehearsal(rehearsed, 6, 270.0);
  double sum = 0;
  for (const auto& b : fitted) sum += *b;
  EXPECT_NEAR(sum, 270, 1e-9);
  EXPECT_NEAR(*fitted[2] / *fitted[0], 2.0, 1e-9);  // the rehearsal's proportions stay
  EXPECT_TRUE(tools::BudgetsFromRehearsal({0, 0.2}, 2, 600.0).empty());  // nothing rehearsed

  // Pacing from these budgets: 2 of 6 slides done after 90 s of a 270 s talk is on time.
  SessionDeckInfo info;
  info.steps_per_slide.assign(6, 1);
  info.slide_budget_seconds = fitted;
  info.duration_seconds = 270;
  std::optional<PacingPlan> plan = PlanPacing(info);
  ASSERT_TRUE(plan);
  EXPECT_NEAR(plan->total_seconds, 270, 1e-9);
}

TEST(Rehearsal, RejectsWhatIsNotARehearsal) {
  const char* bad[] = {
      "",
      "{\"seconds_per_slide\": [1, 2]}",                                       // no format
      "{\"format\": \"podium-rehearsal-1\"}",                                  // no list
      "{\"format\": \"podium-rehearsal-1\", \"seconds_per_slide\": [1, -2]}",  // negative
      "{\"format\": \"podium-rehearsal-1\", \"seconds_per_slide\": [1, nan]}",
      "{\"format\": \"podium-rehearsal-1\", \"seconds_per_slide\": [1, \"2\"]}",
      "{\"format\": \"podium-rehearsal-1\", \"seconds_per_slide\": [1e300]}",
      "{\"format\": \"podium-rehearsal-2\", \"seconds_per_slide\": [1]}",
  };
  for (const char* text : bad) EXPECT_FALSE(tools::ParseRehearsal(text)) << text;
  std::optional<std::vector<double>> empty =
      tools::ParseRehearsal("{\"format\": \"podium-rehearsal-1\", \"seconds_per_slide\": []}");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
}

// [SECTION] Where state is kept ------------------------------------------------------------

TEST(StateFiles, SessionStateLivesUnderXdgStateHomeNeverBesideTheDeck) {
  TempDir dir;
  ScopedEnv xdg("XDG_STATE_HOME", dir.path().string());
  fs::path a = SessionStatePath("talks/a/talk.md", false);
  fs::path b = SessionStatePath("talks/b/talk.md", false);
  fs::path r = SessionStatePath("talks/a/talk.md", true);
  EXPECT_EQ(a.parent_path(), dir.path() / "podium");
  EXPECT_EQ(a.filename().string().rfind("talk.md-", 0), 0u);
  EXPECT_NE(a, b);  // same name, other folder: another file
  EXPECT_NE(a, r);
  EXPECT_NE(r.filename().string().find(".rehearse.session"), std::string::npos);
  EXPECT_EQ(SessionStatePath("talks/a/talk.md", false), a);  // stable
}

TEST(StateFiles, FallsBackToHomeLocalState) {
  ScopedEnv xdg("XDG_STATE_HOME", "");
  ScopedEnv home("HOME", "/home/speaker");
  EXPECT_EQ(StateDirectory(), fs::path("/home/speaker/.local/state/podium"));
}

TEST(StateFiles, WritesAtomicallyAndRemembersSettings) {
  TempDir dir;
  ScopedEnv xdg("XDG_STATE_HOME", dir.path().string());
  fs::path file = dir.path() / "deep" / "er" / "state.txt";
  EXPECT_TRUE(WriteTextFileAtomically(file, "podium1 deck=talk.md"));
  EXPECT_EQ(ReadTextFile(file).value_or(""), "podium1 deck=talk.md");
  EXPECT_FALSE(ReadTextFile(dir.path() / "nope"));
  EXPECT_EQ(LoadSettings().notes_scale, 1.0f);
  Settings s;
  s.notes_scale = 1.26f;
  EXPECT_TRUE(SaveSettings(s));
  EXPECT_NEAR(LoadSettings().notes_scale, 1.26f, 1e-4f);
  std::string error;
  EXPECT_FALSE(WriteTextFileAtomically("/proc/podium-cannot/x", "x", &error));
  EXPECT_NE(error.find("cannot write"), std::string::npos);
}

}  // namespace
}  // namespace podium::native
