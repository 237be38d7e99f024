// Tests for engine/present/keymap.h: docs/architecture.md's keyboard table, key by key, and the
// stateful parts (typed slide numbers, the overview, Escape's order).
#include "present/keymap.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace podium {
namespace {

SessionDeckInfo FourSlides() {
  SessionDeckInfo info;
  info.steps_per_slide = {1, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};  // slide 2 has 2 fragments
  info.deck_id = "talk.md";
  return info;
}

struct CommandCase {
  const char* key;
  KeyModifiers modifiers;
  KeyCommand expected;
};

TEST(CommandForKey, FollowsTheDesignTable) {
  const KeyModifiers none, shift{.shift = true}, ctrl{.ctrl = true}, alt{.alt = true},
      meta{.meta = true};
  const CommandCase cases[] = {
      {"ArrowRight", none, KeyCommand::kNext}, {"ArrowDown", none, KeyCommand::kDown},
      {" ", none, KeyCommand::kNext},          {"PageDown", none, KeyCommand::kNext},
      {"n", none, KeyCommand::kNext},          {"N", shift, KeyCommand::kNext},
      {"ArrowLeft", none, KeyCommand::kPrev},  {"ArrowUp", none, KeyCommand::kUp},
      {"PageUp", none, KeyCommand::kPrev},     {"Backspace", none, KeyCommand::kPrev},
      {"p", none, KeyCommand::kPrev},          {"P", none, KeyCommand::kPrev},
      {" ", shift, KeyCommand::kPrev},         {"Home", none, KeyCommand::kFirst},
      {"End", none, KeyCommand::kLast},        {"0", none, KeyCommand::kDigit},
      {"9", none, KeyCommand::kDigit},         {"Enter", none, KeyCommand::kEnter},
      {"f", none, KeyCommand::kFullscreen},    {"F", none, KeyCommand::kFullscreen},
      {"s", none, KeyCommand::kPresenter},     {"o", none, KeyCommand::kOverview},
      {"O", none, KeyCommand::kOverview},      {"Escape", none, KeyCommand::kEscape},
      {"b", none, KeyCommand::kBlack},         {".", none, KeyCommand::kBlack},
      {"w", none, KeyCommand::kWhite},         {",", none, KeyCommand::kWhite},
      {"t", none, KeyCommand::kToggleTimer},   {"T", none, KeyCommand::kToggleTimer},
      {"r", none, KeyCommand::kResetTimer},    {"R", none, KeyCommand::kResetTimer},
      {"?", shift, KeyCommand::kHelp},         {"x", none, KeyCommand::kNone},
      {"Tab", none, KeyCommand::kNone},        {"", none, KeyCommand::kNone},
      {"ArrowRight", ctrl, KeyCommand::kNone}, {"r", ctrl, KeyCommand::kNone},
      {"f", meta, KeyCommand::kNone},          {"ArrowLeft", alt, KeyCommand::kNone},
      {"Right", none, KeyCommand::kNone},      {"nn", none, KeyCommand::kNone},
  };
  for (const CommandCase& c : cases)
    EXPECT_EQ(CommandForKey(c.key, c.modifiers), c.expected) << "key '" << c.key << "'";
}

// Presses `keys` one by one; returns the last outcome.
KeyOutcome PressAll(KeyboardInput& input, Session& session, const std::vector<std::string>& keys,
                    int columns = 4) {
  KeyOutcome last;
  double now = 10;
  for (const std::string& k : keys) last = input.Press(k, {}, session, now += 1, columns);
  return last;
}

TEST(KeyboardInput, NextAndPrevWalkSteps) {
  Session session(FourSlides());
  KeyboardInput input;
  PressAll(input, session, {" ", "ArrowRight", "PageDown"});
  EXPECT_EQ(session.slide(), 1);
  EXPECT_EQ(session.step(), 2);
  PressAll(input, session, {"PageUp"});
  EXPECT_EQ(session.step(), 1);
  PressAll(input, session, {"Backspace", "p", "ArrowLeft"});
  EXPECT_EQ(session.slide(), 0);
  KeyOutcome o = PressAll(input, session, {"ArrowLeft"});
  EXPECT_TRUE(o.handled);
  EXPECT_FALSE(o.changed);                // nowhere to go, but the key is still Podium's
  EXPECT_TRUE(session.IsTimerRunning());  // the first move started it
}

TEST(KeyboardInput, DigitsThenEnterGoToOneBasedSlide) {
  Session session(FourSlides());
  KeyboardInput input;
  KeyOutcome o = PressAll(input, session, {"1", "2"});
  EXPECT_TRUE(o.changed);
  EXPECT_EQ(input.typed_number(), "12");
  EXPECT_EQ(session.slide(), 0);
  PressAll(input, session, {"Backspace"});
  EXPECT_EQ(input.typed_number(), "1");
  EXPECT_EQ(session.slide(), 0);  // Backspace edited the number; it did not go back
  PressAll(input, session, {"0", "Enter"});
  EXPECT_EQ(session.slide(), 9);
  EXPECT_EQ(input.typed_number(), "");
  PressAll(input, session, {"9", "9", "9", "Enter"});
  EXPECT_EQ(session.slide(), 11);  // clamped to the last slide
  PressAll(input, session, {"0", "0"});
  EXPECT_EQ(input.typed_number(), "");  // a leading zero is ignored
  PressAll(input, session, {"1", "2", "3", "4", "5", "6", "7", "8"});
  EXPECT_EQ(input.typed_number(), "123456");
  PressAll(input, session, {"Escape"});
  EXPECT_EQ(input.typed_number(), "");
  EXPECT_EQ(session.mode(), ScreenMode::kSlide);  // Escape dropped the digits only
  PressAll(input, session, {"3", "ArrowRight"});
  EXPECT_EQ(input.typed_number(), "");  // another command drops them
  EXPECT_EQ(session.slide(), 11);
}

TEST(KeyboardInput, EnterWithoutDigitsIsNotHandledOnSlides) {
  Session session(FourSlides());
  KeyboardInput input;
  KeyOutcome o = PressAll(input, session, {"Enter"});
  EXPECT_FALSE(o.handled);
}

TEST(KeyboardInput, OverviewRowsAndConfirm) {
  Session session(FourSlides());
  KeyboardInput input;
  PressAll(input, session, {"o"});
  EXPECT_EQ(session.mode(), ScreenMode::kOverview);
  PressAll(input, session, {"ArrowDown", "ArrowRight"}, 4);
  EXPECT_EQ(session.overview_cursor(), 5);
  PressAll(input, session, {"ArrowUp"}, 4);
  EXPECT_EQ(session.overview_cursor(), 1);
  EXPECT_EQ(session.slide(), 0);  // the talk does not move while browsing
  PressAll(input, session, {"Enter"});
  EXPECT_EQ(session.mode(), ScreenMode::kSlide);
  EXPECT_EQ(session.slide(), 1);
  PressAll(input, session, {"Escape", "End", "Escape"});
  EXPECT_EQ(session.mode(), ScreenMode::kSlide);
  EXPECT_EQ(session.slide(), 1);  // Escape closed the overview without moving
}

TEST(KeyboardInput, EscapeClosesHelpBeforeOpeningTheOverview) {
  Session session(FourSlides());
  KeyboardInput input;
  PressAll(input, session, {"?"});
  EXPECT_TRUE(session.help_visible());
  PressAll(input, session, {"Escape"});
  EXPECT_FALSE(session.help_visible());
  EXPECT_EQ(session.mode(), ScreenMode::kSlide);
  PressAll(input, session, {"Escape"});
  EXPECT_EQ(session.mode(), ScreenMode::kOverview);
}

// A speaker who blanked the screen and presses Esc wants the slide back, not the overview
// grid on the projector.
TEST(KeyboardInput, EscapeBringsABlankedScreenBackToTheSlide) {
  Session session(FourSlides());
  KeyboardInput input;
  PressAll(input, session, {"ArrowRight", "b"});
  EXPECT_EQ(session.mode(), ScreenMode::kBlack);
  PressAll(input, session, {"Escape"});
  EXPECT_EQ(session.mode(), ScreenMode::kSlide);
  PressAll(input, session, {"w", "Escape"});
  EXPECT_EQ(session.mode(), ScreenMode::kSlide);
  EXPECT_EQ(session.slide(), 1);  // nowhere else
  PressAll(input, session, {"Escape"});
  EXPECT_EQ(session.mode(), ScreenMode::kOverview);
}

TEST(KeyboardInput, ScreensTimerAndFrontEndActions) {
  Session session(FourSlides());
  KeyboardInput input;
  PressAll(input, session, {"b"});
  EXPECT_EQ(session.mode(), ScreenMode::kBlack);
  PressAll(input, session, {","});
  EXPECT_EQ(session.mode(), ScreenMode::kWhite);
  PressAll(input, session, {"ArrowRight"});
  EXPECT_EQ(session.mode(), ScreenMode::kSlide);
  EXPECT_EQ(session.slide(), 0);  // the clicker in the dark only brings the slide back
  PressAll(input, session, {"t"});
  EXPECT_TRUE(session.IsTimerRunning());
  PressAll(input, session, {"T"});
  EXPECT_EQ(session.timer_state(), TimerState::kPaused);
  PressAll(input, session, {"r"});
  EXPECT_EQ(session.timer_state(), TimerState::kIdle);
  EXPECT_EQ(PressAll(input, session, {"f"}).action, KeyAction::kToggleFullscreen);
  EXPECT_EQ(PressAll(input, session, {"S"}).action, KeyAction::kTogglePresenter);
  KeyOutcome ctrl_r = input.Press("r", {.ctrl = true}, session, 30, 4);
  EXPECT_FALSE(ctrl_r.handled);  // the browser's reload
}

TEST(KeyHelp, ListsEveryCommandOfTheTable) {
  std::string all;
  for (const KeyHelpLine& line : KeyHelp()) all += std::string(line.keys) + "|";
  for (const char* needle : {"Space", "PageDown", "Backspace", "Home", "Enter", "Esc", "B", "W",
                             "T", "R", "F", "S", "?"})
    EXPECT_NE(all.find(needle), std::string::npos) << needle;
}

}  // namespace
}  // namespace podium
