// Tests for engine/present/session.h. Time is always passed in, so every case is a table:
// a deck, a script of (time, command) lines, and what the session must say afterwards.
#include "present/session.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace podium {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

SessionDeckInfo Deck(std::vector<int> steps, std::optional<double> duration = std::nullopt,
                     std::vector<std::optional<double>> budgets = {}, std::string id = "talk.md") {
  SessionDeckInfo info;
  info.steps_per_slide = std::move(steps);
  info.slide_budget_seconds = std::move(budgets);
  info.duration_seconds = duration;
  info.deck_id = std::move(id);
  return info;
}

// One line of a script: at time `t`, do `command`.
//   next prev next-slide prev-slide first last | goto S K | overview | cursor+D | cursor S
//   confirm | black | white | start | pause | resume | toggle | reset
struct Op {
  double t;
  std::string command;
};

bool Apply(Session& s, const Op& op) {
  std::istringstream in(op.command);
  std::string verb;
  in >> verb;
  if (verb == "next") return s.Next(op.t);
  if (verb == "prev") return s.Prev(op.t);
  if (verb == "next-slide") return s.NextSlide(op.t);
  if (verb == "prev-slide") return s.PrevSlide(op.t);
  if (verb == "first") return s.First(op.t);
  if (verb == "last") return s.Last(op.t);
  if (verb == "goto") {
    int slide = 0, step = 0;
    in >> slide >> step;
    return s.GoTo(slide, step, op.t);
  }
  if (verb == "overview") return s.ToggleOverview();
  if (verb == "cursor+") {
    int delta = 0;
    in >> delta;
    return s.MoveOverviewCursor(delta);
  }
  if (verb == "cursor") {
    int slide = 0;
    in >> slide;
    return s.SetOverviewCursor(slide);
  }
  if (verb == "confirm") return s.ConfirmOverview(op.t);
  if (verb == "black") return s.ToggleBlack();
  if (verb == "white") return s.ToggleWhite();
  if (verb == "start") return s.StartTimer(op.t);
  if (verb == "pause") return s.PauseTimer(op.t);
  if (verb == "resume") return s.ResumeTimer(op.t);
  if (verb == "toggle") return s.ToggleTimer(op.t);
  if (verb == "reset") return s.ResetTimer(op.t);
  ADD_FAILURE() << "unknown test command '" << op.command << "'";
  return false;
}

void RunScript(Session& s, const std::vector<Op>& script) {
  for (const Op& op : script) Apply(s, op);
}

void ExpectInvariants(const Session& s) {
  ASSERT_GE(s.slide_count(), 1);
  EXPECT_GE(s.slide(), 0);
  EXPECT_LT(s.slide(), s.slide_count());
  EXPECT_GE(s.step(), 0);
  EXPECT_LT(s.step(), s.StepCount(s.slide()));
  EXPECT_GE(s.overview_cursor(), 0);
  EXPECT_LT(s.overview_cursor(), s.slide_count());
}

// [SECTION] Pacing plan --------------------------------------------------------------

struct PlanCase {
  const char* name;
  SessionDeckInfo deck;
  bool has_plan;
  std::vector<double> lengths;
  std::vector<double> starts;
};

TEST(SessionPlanTest, SpreadsDurationAndBudgets) {
  const std::optional<double> none;
  const PlanCase cases[] = {
      {"even share of the duration",
       Deck({1, 1, 1, 1}, 400),
       true,
       {100, 100, 100, 100},
       {0, 100, 200, 300}},
      {"steps do not change shares",
       Deck({1, 5, 1, 1}, 400),
       true,
       {100, 100, 100, 100},
       {0, 100, 200, 300}},
      {"budgets, the rest shares what is left",
       Deck({1, 1, 1, 1}, 400, {60, none, 120, none}),
       true,
       {60, 110, 120, 110},
       {0, 60, 170, 290}},
      {"every slide budgeted: the budgets, not the duration",
       Deck({1, 1, 1}, 100, {30, 60, 90}),
       true,
       {30, 60, 90},
       {0, 30, 90}},
      {"budgets beyond the duration leave nothing to the rest",
       Deck({1, 1, 1}, 200, {300}),
       true,
       {300, 0, 0},
       {0, 300, 300}},
      {"no duration: unbudgeted slides get the mean budget",
       Deck({1, 1, 1, 1}, none, {60, none, 120, none}),
       true,
       {60, 90, 120, 90},
       {0, 60, 150, 270}},
      {"budget of 0 is a budget", Deck({1, 1, 1}, 100, {0}), true, {0, 50, 50}, {0, 0, 50}},
      {"invalid budgets count as none",
       Deck({1, 1, 1}, 300, {kNaN, -5, kInf}),
       true,
       {100, 100, 100},
       {0, 100, 200}},
      {"extra budgets are ignored", Deck({1, 1}, none, {10, 20, 30, 40}), true, {10, 20}, {0, 10}},
      {"empty deck is one slide", Deck({}, 60), true, {60}, {0}},
      {"no duration, no budgets: no plan", Deck({1, 1}), false, {}, {}},
      {"zero duration is no duration", Deck({1, 1}, 0.0), false, {}, {}},
      {"NaN duration is no duration", Deck({1, 1}, kNaN), false, {}, {}},
      {"huge duration is no duration", Deck({1, 1}, 1e300), false, {}, {}},
      {"all budgets zero: nothing to plan", Deck({1, 1, 1}, none, {0, 0}), false, {}, {}},
  };
  for (const PlanCase& c : cases) {
    SCOPED_TRACE(c.name);
    std::optional<PacingPlan> plan = PlanPacing(c.deck);
    ASSERT_EQ(plan.has_value(), c.has_plan);
    if (!plan) continue;
    ASSERT_EQ(plan->slide_seconds.size(), c.lengths.size());
    double total = 0;
    for (size_t i = 0; i < c.lengths.size(); ++i) {
      EXPECT_DOUBLE_EQ(plan->slide_seconds[i], c.lengths[i]) << "slide " << i;
      EXPECT_DOUBLE_EQ(plan->slide_start_seconds[i], c.starts[i]) << "slide " << i;
      total += c.lengths[i];
    }
    EXPECT_DOUBLE_EQ(plan->total_seconds, total);
    Session session(c.deck);
    EXPECT_EQ(session.PlannedSlideStart(static_cast<int>(c.starts.size()) - 1), c.starts.back());
    EXPECT_EQ(session.PlannedSlideStart(-1), std::nullopt);
    EXPECT_EQ(session.PlannedSlideStart(static_cast<int>(c.starts.size())), std::nullopt);
  }
}

// [SECTION] Navigation ---------------------------------------------------------------

struct NavStep {
  const char* command;
  int slide;
  int step;
  bool changed;
};

struct NavCase {
  const char* name;
  std::vector<int> steps;
  std::vector<NavStep> script;
};

TEST(SessionNavigationTest, Sequences) {
  const NavCase cases[] = {
      {"next walks steps then slides, stops at the end",
       {1, 3, 1},
       {{"next", 1, 0, true},
        {"next", 1, 1, true},
        {"next", 1, 2, true},
        {"next", 2, 0, true},
        {"next", 2, 0, false}}},
      {"prev from step 0 lands on the last step of the previous slide",
       {2, 3, 1},
       {{"last", 2, 0, true},
        {"prev", 1, 2, true},
        {"prev", 1, 1, true},
        {"prev", 1, 0, true},
        {"prev", 0, 1, true},
        {"prev", 0, 0, true},
        {"prev", 0, 0, false}}},
      {"slide moves skip steps",
       {3, 3, 3},
       {{"next", 0, 1, true},
        {"next-slide", 1, 0, true},
        {"next-slide", 2, 0, true},
        {"next-slide", 2, 0, false},
        {"next", 2, 1, true},
        {"prev-slide", 1, 0, true},
        {"prev-slide", 0, 0, true},
        {"prev-slide", 0, 0, false}}},
      {"first and last; last shows the last slide fully built",
       {1, 2, 4},
       {{"last", 2, 3, true},
        {"last", 2, 3, false},
        {"first", 0, 0, true},
        {"first", 0, 0, false}}},
      {"goto clamps slide and step",
       {1, 3, 2},
       {{"goto 1 2", 1, 2, true},
        {"goto 1 99", 1, 2, false},
        {"goto 99 0", 2, 0, true},
        {"goto -5 -5", 0, 0, true},
        {"goto 2 2147483647", 2, 1, true},
        {"goto -2147483648 0", 0, 0, true}}},
      {"single slide deck: nowhere to go",
       {1},
       {{"next", 0, 0, false}, {"prev", 0, 0, false}, {"last", 0, 0, false}}},
      {"empty deck behaves as one slide", {}, {{"next", 0, 0, false}, {"goto 3 3", 0, 0, false}}},
      {"step counts below 1 count as 1",
       {0, -3, 2},
       {{"next", 1, 0, true},
        {"next", 2, 0, true},
        {"next", 2, 1, true},
        {"prev", 2, 0, true},
        {"prev", 1, 0, true}}},
  };
  for (const NavCase& c : cases) {
    SCOPED_TRACE(c.name);
    Session s(Deck(c.steps));
    double t = 0;
    for (const NavStep& step : c.script) {
      SCOPED_TRACE(step.command);
      const uint64_t revision = s.revision();
      EXPECT_EQ(Apply(s, {t += 1, step.command}), step.changed);
      EXPECT_EQ(s.slide(), step.slide);
      EXPECT_EQ(s.step(), step.step);
      EXPECT_EQ(s.revision(), revision + (step.changed ? 1 : 0));
      ExpectInvariants(s);
    }
  }
}

// [SECTION] Screen modes -------------------------------------------------------------

struct ModeStep {
  const char* command;
  ScreenMode mode;
  int slide;
  int step;
  int cursor;
};

struct ModeCase {
  const char* name;
  std::vector<ModeStep> script;
};

TEST(SessionModeTest, OverviewBlackWhite) {
  using M = ScreenMode;
  // Deck: slides with 1, 3, 1, 1, 1 steps.
  const ModeCase cases[] = {
      {"overview: cursor moves, confirm jumps to step 0",
       {{"overview", M::kOverview, 0, 0, 0},
        {"cursor+ 3", M::kOverview, 0, 0, 3},
        {"cursor+ -1", M::kOverview, 0, 0, 2},
        {"confirm", M::kSlide, 2, 0, 2}}},
      {"overview: clicker keys move the cursor, not the talk",
       {{"goto 1 2", M::kSlide, 1, 2, 1},
        {"overview", M::kOverview, 1, 2, 1},
        {"next", M::kOverview, 1, 2, 2},
        {"next-slide", M::kOverview, 1, 2, 3},
        {"prev", M::kOverview, 1, 2, 2},
        {"last", M::kOverview, 1, 2, 4},
        {"first", M::kOverview, 1, 2, 0},
        {"cursor+ 99", M::kOverview, 1, 2, 4},
        {"cursor -7", M::kOverview, 1, 2, 0},
        {"cursor 1", M::kOverview, 1, 2, 1},
        {"confirm", M::kSlide, 1, 2, 1}}},
      {"overview: toggling again cancels without moving",
       {{"goto 1 1", M::kSlide, 1, 1, 1},
        {"overview", M::kOverview, 1, 1, 1},
        {"cursor 4", M::kOverview, 1, 1, 4},
        {"overview", M::kSlide, 1, 1, 4},
        {"overview", M::kOverview, 1, 1, 1}}},
      {"overview: goto closes it and moves",
       {{"overview", M::kOverview, 0, 0, 0}, {"goto 3 0", M::kSlide, 3, 0, 3}}},
      {"cursor moves and confirm do nothing outside the overview",
       {{"cursor+ 2", M::kSlide, 0, 0, 0},
        {"cursor 3", M::kSlide, 0, 0, 0},
        {"confirm", M::kSlide, 0, 0, 0}}},
      {"black and white toggle and exclude each other",
       {{"black", M::kBlack, 0, 0, 0},
        {"white", M::kWhite, 0, 0, 0},
        {"black", M::kBlack, 0, 0, 0},
        {"black", M::kSlide, 0, 0, 0},
        {"white", M::kWhite, 0, 0, 0},
        {"white", M::kSlide, 0, 0, 0}}},
      {"navigation in the dark wakes the screen without moving",
       {{"goto 1 0", M::kSlide, 1, 0, 1},
        {"black", M::kBlack, 1, 0, 1},
        {"next", M::kSlide, 1, 0, 1},
        {"next", M::kSlide, 1, 1, 1},
        {"white", M::kWhite, 1, 1, 1},
        {"prev", M::kSlide, 1, 1, 1},
        {"black", M::kBlack, 1, 1, 1},
        {"last", M::kSlide, 1, 1, 1},
        {"white", M::kWhite, 1, 1, 1},
        {"next-slide", M::kSlide, 1, 1, 1}}},
      {"goto in the dark moves and shows the slides",
       {{"black", M::kBlack, 0, 0, 0}, {"goto 4 0", M::kSlide, 4, 0, 4}}},
      {"blanking leaves the overview; overview leaves the blank",
       {{"overview", M::kOverview, 0, 0, 0},
        {"cursor 3", M::kOverview, 0, 0, 3},
        {"black", M::kBlack, 0, 0, 3},
        {"overview", M::kOverview, 0, 0, 0},
        {"white", M::kWhite, 0, 0, 0}}},
  };
  for (const ModeCase& c : cases) {
    SCOPED_TRACE(c.name);
    Session s(Deck({1, 3, 1, 1, 1}));
    double t = 0;
    for (const ModeStep& step : c.script) {
      SCOPED_TRACE(step.command);
      Apply(s, {t += 1, step.command});
      EXPECT_EQ(s.mode(), step.mode);
      EXPECT_EQ(s.slide(), step.slide);
      EXPECT_EQ(s.step(), step.step);
      EXPECT_EQ(s.overview_cursor(), step.cursor);
      ExpectInvariants(s);
    }
  }
}

TEST(SessionModeTest, HelpAndRoleAreLocal) {
  Session s(Deck({1, 1}));
  const uint64_t revision = s.revision();
  EXPECT_FALSE(s.help_visible());
  s.ToggleHelp();
  EXPECT_TRUE(s.help_visible());
  s.SetRole(Role::kPresenter);
  EXPECT_EQ(s.role(), Role::kPresenter);
  EXPECT_EQ(s.revision(), revision);
  // Help does not block navigation; the front end decides what Esc closes first.
  EXPECT_TRUE(s.Next(1));
  EXPECT_TRUE(s.help_visible());

  Session other(Deck({1, 1}));
  other.ToggleHelp();
  ASSERT_TRUE(other.Restore(s.Serialize(2, 100), 2, 100).ok());
  EXPECT_TRUE(other.help_visible());
  EXPECT_EQ(other.role(), Role::kAudience);
}

// [SECTION] Timer --------------------------------------------------------------------

struct TimerCase {
  const char* name;
  std::vector<Op> script;
  double query_time;
  double elapsed;
  TimerState state;
};

TEST(SessionTimerTest, PauseResumeArithmetic) {
  using T = TimerState;
  const TimerCase cases[] = {
      {"idle until started", {}, 50, 0, T::kIdle},
      {"start counts from the start", {{10, "start"}}, 25, 15, T::kRunning},
      {"start twice keeps the first start", {{10, "start"}, {20, "start"}}, 30, 20, T::kRunning},
      {"pause freezes", {{10, "start"}, {40, "pause"}}, 1000, 30, T::kPaused},
      {"resume continues", {{10, "start"}, {40, "pause"}, {100, "resume"}}, 110, 40, T::kRunning},
      {"several pauses add up",
       {{0, "start"}, {10, "pause"}, {20, "resume"}, {25, "pause"}, {30, "resume"}},
       40,
       25,
       T::kRunning},
      {"toggle: idle, running, paused, running",
       {{5, "toggle"}, {15, "toggle"}, {45, "toggle"}},
       50,
       15,
       T::kRunning},
      {"pause when idle does nothing", {{5, "pause"}}, 50, 0, T::kIdle},
      {"resume when idle does nothing", {{5, "resume"}}, 50, 0, T::kIdle},
      {"resume when running does nothing", {{0, "start"}, {5, "resume"}}, 10, 10, T::kRunning},
      {"reset while running restarts from zero",
       {{0, "start"}, {30, "reset"}},
       40,
       10,
       T::kRunning},
      {"reset while paused goes idle",
       {{0, "start"}, {30, "pause"}, {31, "reset"}},
       60,
       0,
       T::kIdle},
      {"first move starts an idle timer", {{7, "next"}}, 10, 3, T::kRunning},
      {"a move that goes nowhere does not start it", {{7, "prev"}}, 10, 0, T::kIdle},
      {"cursor moves and blanking do not start it",
       {{1, "black"}, {2, "black"}, {3, "overview"}, {4, "next"}, {5, "overview"}},
       10,
       0,
       T::kIdle},
      {"a move does not resume a paused timer",
       {{0, "start"}, {10, "pause"}, {20, "next"}},
       30,
       10,
       T::kPaused},
      {"after reset to idle the next move starts it again",
       {{0, "start"}, {10, "pause"}, {11, "reset"}, {20, "next"}},
       30,
       10,
       T::kRunning},
      {"the clock running backwards counts as no time", {{100, "start"}}, 90, 0, T::kRunning},
      {"NaN now uses the last time seen", {{10, "next"}, {kNaN, "pause"}}, 99, 0, T::kPaused},
  };
  for (const TimerCase& c : cases) {
    SCOPED_TRACE(c.name);
    Session s(Deck({1, 1, 1}, 600));
    RunScript(s, c.script);
    EXPECT_DOUBLE_EQ(s.Elapsed(c.query_time), c.elapsed);
    EXPECT_EQ(s.timer_state(), c.state);
    EXPECT_EQ(s.IsTimerRunning(), c.state == TimerState::kRunning);
    EXPECT_DOUBLE_EQ(*s.Remaining(c.query_time), 600 - c.elapsed);
  }
}

TEST(SessionTimerTest, RemainingNeedsADuration) {
  Session s(Deck({1, 1}));
  s.StartTimer(0);
  EXPECT_EQ(s.Remaining(10), std::nullopt);
  EXPECT_EQ(s.Warning(1e6), TimerWarning::kNormal);
}

struct WarningCase {
  std::optional<double> duration;
  double amber;  // NaN: leave the default
  double elapsed;
  TimerWarning warning;
};

TEST(SessionTimerTest, AmberAndRedThresholds) {
  using W = TimerWarning;
  const WarningCase cases[] = {
      {600, kNaN, 0, W::kNormal},  {600, kNaN, 479.9, W::kNormal},
      {600, kNaN, 480, W::kAmber}, {600, kNaN, 599.9, W::kAmber},
      {600, kNaN, 600, W::kAmber}, {600, kNaN, 600.1, W::kRed},
      {600, kNaN, 5000, W::kRed},  {600, 30, 569, W::kNormal},
      {600, 30, 570, W::kAmber},   {600, 30, 601, W::kRed},
      {60, kNaN, 0, W::kAmber},    {600, -10, 599.9, W::kNormal},
      {600, -10, 600, W::kAmber},  {std::nullopt, kNaN, 1e6, W::kNormal},
  };
  for (const WarningCase& c : cases) {
    SCOPED_TRACE(testing::Message() << "amber " << c.amber << " elapsed " << c.elapsed);
    Session s(Deck({1}, c.duration));
    if (!std::isnan(c.amber)) s.SetAmberSeconds(c.amber);
    s.StartTimer(1000);
    EXPECT_EQ(s.Warning(1000 + c.elapsed), c.warning);
  }
  Session s(Deck({1}, 600));
  EXPECT_EQ(s.amber_seconds(), Session::kDefaultAmberSeconds);
  s.SetAmberSeconds(kNaN);
  EXPECT_EQ(s.amber_seconds(), Session::kDefaultAmberSeconds);
}

// [SECTION] Pacing -------------------------------------------------------------------

struct PacingCase {
  const char* name;
  SessionDeckInfo deck;
  int slide;
  int step;
  double elapsed;
  double pacing;
};

TEST(SessionPacingTest, AheadAndBehind) {
  const std::optional<double> none;
  // Even: 4 slides in 400 s, slide 1 has two steps: [100,150] and [150,200].
  const SessionDeckInfo even = Deck({1, 2, 1, 1}, 400);
  // Budgets: 60 s for slide 0, the other two share 240: starts 0, 60, 180.
  const SessionDeckInfo budgets = Deck({1, 1, 1}, 300, {60, none, none});
  const PacingCase cases[] = {
      {"on time at the start", even, 0, 0, 0, 0},
      {"inside the slide's window", even, 0, 0, 50, 0},
      {"at the end of the window", even, 0, 0, 100, 0},
      {"stayed too long", even, 0, 0, 150, -50},
      {"got to slide 1 early", even, 1, 0, 50, 50},
      {"step 1 owns the second half", even, 1, 1, 160, 0},
      {"step 1 reached early", even, 1, 1, 120, 30},
      {"step 0 late", even, 1, 0, 170, -20},
      {"last slide, overtime", even, 3, 0, 450, -50},
      {"jumped far ahead", even, 3, 0, 10, 290},
      {"budgeted slide, late", budgets, 0, 0, 70, -10},
      {"unbudgeted slide early", budgets, 1, 0, 30, 30},
      {"unbudgeted slide on time", budgets, 2, 0, 200, 0},
      {"unbudgeted slide late", budgets, 2, 0, 310, -10},
  };
  for (const PacingCase& c : cases) {
    SCOPED_TRACE(c.name);
    Session s(c.deck);
    s.StartTimer(0);
    s.GoTo(c.slide, c.step, 0);
    ASSERT_EQ(s.slide(), c.slide);
    ASSERT_EQ(s.step(), c.step);
    std::optional<double> pacing = s.Pacing(c.elapsed);
    ASSERT_TRUE(pacing.has_value());
    EXPECT_DOUBLE_EQ(*pacing, c.pacing);
  }
  EXPECT_EQ(Session(Deck({1, 1})).Pacing(10), std::nullopt);
}

// [SECTION] Rehearsal ----------------------------------------------------------------

TEST(SessionRehearsalTest, TimePerSlideAccumulatesWhileRunning) {
  Session s(Deck({2, 1, 1}, 600));
  RunScript(s, {{10, "next"},       // starts the timer on slide 0 (step 1)
                {30, "next"},       // 20 s on slide 0
                {40, "pause"},      // 10 s on slide 1
                {100, "next"},      // paused: moving credits nothing
                {110, "resume"},    // slide 2 from 110
                {115, "black"},     // blank screen still counts to slide 2
                {120, "overview"},  // so does the overview
                {125, "prev"}});    // cursor only
  const std::vector<double> expected = {20, 10, 15};
  EXPECT_EQ(s.SecondsPerSlide(125), expected);
  EXPECT_DOUBLE_EQ(s.SecondsOnSlide(2, 130), 20);
  EXPECT_DOUBLE_EQ(s.Elapsed(130), 50);
  EXPECT_EQ(s.SecondsOnSlide(-1, 130), 0);
  EXPECT_EQ(s.SecondsOnSlide(3, 130), 0);

  s.ResetTimer(200);
  EXPECT_EQ(s.SecondsPerSlide(200), (std::vector<double>{0, 0, 0}));
  EXPECT_EQ(s.Elapsed(210), 10);  // it was running: it restarted from zero
  EXPECT_EQ(s.SecondsOnSlide(2, 210), 10);
}

// [SECTION] Deck reload --------------------------------------------------------------

struct ReloadCase {
  const char* name;
  std::vector<int> before;
  int slide, step;
  std::vector<int> after;
  int expected_slide, expected_step;
};

TEST(SessionReloadTest, UpdateDeckKeepsThePlaceClamped) {
  const ReloadCase cases[] = {
      {"same deck", {1, 3, 1}, 1, 2, {1, 3, 1}, 1, 2},
      {"slide gained steps", {1, 3, 1}, 1, 2, {1, 5, 1}, 1, 2},
      {"slide lost steps", {1, 3, 1}, 1, 2, {1, 2, 1}, 1, 1},
      {"slides added", {1, 3, 1}, 2, 0, {1, 3, 1, 1, 1}, 2, 0},
      {"current slide removed", {1, 3, 4}, 2, 3, {1, 3}, 1, 2},
      {"everything removed", {1, 3, 4}, 2, 3, {}, 0, 0},
  };
  for (const ReloadCase& c : cases) {
    SCOPED_TRACE(c.name);
    Session s(Deck(c.before, 300));
    s.GoTo(c.slide, c.step, 5);
    const double elapsed = s.Elapsed(20);
    const uint64_t revision = s.revision();
    s.UpdateDeck(Deck(c.after, 600));
    EXPECT_EQ(s.slide(), c.expected_slide);
    EXPECT_EQ(s.step(), c.expected_step);
    EXPECT_EQ(s.slide_count(), std::max<int>(1, static_cast<int>(c.after.size())));
    EXPECT_EQ(s.revision(),
              revision + (c.slide == c.expected_slide && c.step == c.expected_step ? 0 : 1));
    EXPECT_EQ(s.Elapsed(20), elapsed);  // the timer goes on
    EXPECT_EQ(s.duration_seconds(), 600);
    EXPECT_EQ(s.SecondsPerSlide(20).size(), static_cast<size_t>(s.slide_count()));
    ExpectInvariants(s);
  }
}

// A deck of titled slides, one step each but "Steps" (three): titles stand for the slides,
// and each slide's words are its title in lower case unless given as "Title|words".
SessionDeckInfo Titled(std::vector<std::string> slides) {
  SessionDeckInfo info;
  info.deck_id = "talk.md";
  for (const std::string& slide : slides) {
    size_t bar = slide.find('|');
    std::string title = slide.substr(0, bar);
    std::string words = bar == std::string::npos ? title + " words" : slide.substr(bar + 1);
    info.steps_per_slide.push_back(title == "Steps" ? 3 : 1);
    info.slides.push_back(MakeSlideIdentity(title, words));
  }
  return info;
}

struct FollowCase {
  const char* name;
  std::vector<std::string> before;
  int slide, step;
  std::vector<std::string> after;
  int expected_slide, expected_step;
};

TEST(SessionReloadTest, UpdateDeckFollowsTheSlideShownAcrossAnEdit) {
  const FollowCase cases[] = {
      {"slide inserted before", {"A", "B", "Steps", "D"}, 2, 1, {"A", "New", "B", "Steps", "D"}, 3, 1},
      {"two inserted before", {"A", "Steps", "C"}, 1, 2, {"X", "Y", "A", "Steps", "C"}, 3, 2},
      {"slide removed before", {"A", "B", "Steps", "D"}, 2, 2, {"A", "Steps", "D"}, 1, 2},
      {"slides moved", {"A", "B", "C", "D"}, 3, 0, {"D", "A", "B", "C"}, 0, 0},
      {"the slide itself edited", {"A", "B", "Steps|old", "D"}, 2, 1,
       {"New", "A", "B", "Steps|new words", "D"}, 3, 1},
      {"the slide removed: the one after", {"A", "B", "C", "D"}, 2, 0, {"A", "B", "D"}, 2, 0},
      {"renamed and rewritten, neighbours same", {"A", "B", "C", "D"}, 2, 0, {"X", "A", "B", "Z", "D"}, 3, 0},
      {"untitled slides by their words", {"|one", "|two", "|three"}, 2, 0, {"|zero", "|one", "|two", "|three"}, 3, 0},
      {"same title twice: the nearer", {"Demo|a", "X", "Demo|b"}, 2, 0, {"Demo|a", "X", "Y", "Demo|b edited"}, 3, 0},
      {"nothing in common: the number", {"A", "B", "C"}, 1, 0, {"X", "Y", "Z"}, 1, 0},
  };
  for (const FollowCase& c : cases) {
    SCOPED_TRACE(c.name);
    Session s(Titled(c.before));
    s.GoTo(c.slide, c.step, 5);
    s.UpdateDeck(Titled(c.after));
    EXPECT_EQ(s.slide(), c.expected_slide);
    EXPECT_EQ(s.step(), c.expected_step);
    EXPECT_EQ(s.overview_cursor(), c.expected_slide);
    ExpectInvariants(s);
  }
}

TEST(SessionReloadTest, TimeSpentPerSlideMovesWithItsSlide) {
  // A rehearsal of A, B, C (10, 20, 30 s), then the deck is edited while D is shown: each
  // slide keeps its own seconds, wherever it went (podium --rehearse writes them).
  struct Case {
    const char* name;
    std::vector<std::string> after;
    std::vector<double> expected;
  };
  const Case cases[] = {
      {"same deck", {"A", "B", "C", "D"}, {10, 20, 30, 0}},
      {"slide inserted before", {"A", "New", "B", "C", "D"}, {10, 0, 20, 30, 0}},
      {"slide removed: its time goes", {"A", "C", "D"}, {10, 30, 0}},
      {"slides moved", {"D", "A", "B", "C"}, {0, 10, 20, 30}},
      {"a slide's words edited", {"A", "B|new words", "C", "D"}, {10, 20, 30, 0}},
      {"renamed and rewritten: its number", {"A", "X", "C", "D"}, {10, 20, 30, 0}},
      {"everything new: by number", {"W", "X", "Y"}, {10, 20, 30}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Session s(Titled({"A", "B", "C", "D"}));
    s.StartTimer(0);
    s.GoTo(1, 0, 10);
    s.GoTo(2, 0, 30);
    s.GoTo(3, 0, 60);
    ASSERT_EQ(s.SecondsPerSlide(60), (std::vector<double>{10, 20, 30, 0}));
    s.UpdateDeck(Titled(c.after));
    EXPECT_EQ(s.SecondsPerSlide(60), c.expected);
    EXPECT_EQ(s.Elapsed(60), 60);
    ExpectInvariants(s);
  }
  // Without identities the seconds stay by number.
  Session numbers(Deck({1, 1, 1}));
  numbers.StartTimer(0);
  numbers.GoTo(1, 0, 10);
  numbers.UpdateDeck(Deck({1, 1, 1, 1}));
  EXPECT_EQ(numbers.SecondsPerSlide(15), (std::vector<double>{10, 5, 0, 0}));
}

TEST(SessionReloadTest, ARestoredMessageFollowsTheSlideItShows) {
  // The page reloads after a slide was inserted before the current one: the saved message
  // says slide 2, but what slide 2 showed is slide 3 now.
  Session before(Titled({"A", "B", "Steps", "D"}));
  before.GoTo(2, 1, 5);
  const std::string saved = before.Serialize(10, 1000);
  EXPECT_NE(saved.find(" shows="), std::string::npos) << saved;

  Session after(Titled({"A", "New", "B", "Steps", "D"}));
  ASSERT_TRUE(after.Restore(saved, 0, 1001).ok());
  EXPECT_EQ(after.slide(), 3);
  EXPECT_EQ(after.step(), 1);

  // The same deck: the message's number is the place.
  Session same(Titled({"A", "B", "Steps", "D"}));
  ASSERT_TRUE(same.Restore(saved, 0, 1001).ok());
  EXPECT_EQ(same.slide(), 2);

  // A session without identities (or a message without shows=) keeps numbers.
  Session numbers(Deck({1, 1, 3, 1, 1}));
  ASSERT_TRUE(numbers.Restore(saved, 0, 1001).ok());
  EXPECT_EQ(numbers.slide(), 2);
}

TEST(SessionMessageTest, ShowsIsTwoHexNumbers) {
  const std::string base =
      "podium1 deck=talk.md rev=1 slide=0 step=0 mode=slide timer=idle elapsed=0 epoch=0";
  SessionMessage m;
  ASSERT_TRUE(ParseSessionMessage(base + " shows=00ff.A", &m).ok());
  ASSERT_TRUE(m.shows.has_value());
  EXPECT_EQ(m.shows->title, 0xffu);
  EXPECT_EQ(m.shows->words, 0xau);
  for (const char* bad : {"shows=", "shows=12", "shows=.1", "shows=1.", "shows=1.2.3",
                          "shows=-1.2", "shows=g.1", "shows=11111111111111111.1"}) {
    EXPECT_FALSE(ParseSessionMessage(base + " " + bad, &m).ok()) << bad;
  }
  ASSERT_TRUE(ParseSessionMessage(base, &m).ok());
  EXPECT_FALSE(m.shows.has_value());
}

// [SECTION] Messages -----------------------------------------------------------------

TEST(SessionMessageTest, FormatIsReadableAndStable) {
  Session s(Deck({1, 3, 1, 1}, 1200, {}, "my talk/第一.md"));
  s.SetRole(Role::kPresenter);
  RunScript(s, {{100, "start"}, {110.5, "next"}, {120, "next"}, {130, "next"}});
  EXPECT_EQ(s.Serialize(223.4, 1732234567.25),
            "podium1 deck=my%20talk/%E7%AC%AC%E4%B8%80.md rev=4 role=presenter slide=1 step=2 "
            "mode=slide cursor=1 timer=running elapsed=123.4 epoch=1732234567.25 "
            "spent=10.5,112.9,0,0");
}

struct RoundTripCase {
  const char* name;
  std::vector<Op> script;
};

TEST(SessionMessageTest, SerializeRestoreRoundTrip) {
  const RoundTripCase cases[] = {
      {"fresh session", {}},
      {"moved, timer running", {{10, "next"}, {20, "next"}, {35.125, "next-slide"}}},
      {"paused in the overview",
       {{0, "goto 2 1"}, {30, "pause"}, {31, "overview"}, {32, "cursor 4"}}},
      {"black screen", {{0, "start"}, {5, "goto 1 2"}, {7, "black"}}},
      {"white screen, timer reset to idle",
       {{0, "start"}, {5, "pause"}, {6, "reset"}, {7, "white"}}},
      {"last slide, long talk", {{0, "last"}, {3599.999, "prev"}}},
  };
  for (const RoundTripCase& c : cases) {
    SCOPED_TRACE(c.name);
    const SessionDeckInfo deck = Deck({1, 3, 2, 1, 1}, 900, {}, "deck id with spaces & = %");
    Session a(deck);
    RunScript(a, c.script);
    const double now = 5000;
    const double epoch = 1.7e9;
    const std::string message = a.Serialize(now, epoch);

    Session b(deck);
    const RestoreResult r = b.Restore(message, 42, epoch);  // another clock, same instant
    ASSERT_TRUE(r.ok()) << r.detail << "\n" << message;
    EXPECT_EQ(b.slide(), a.slide());
    EXPECT_EQ(b.step(), a.step());
    EXPECT_EQ(b.mode(), a.mode());
    EXPECT_EQ(b.overview_cursor(), a.overview_cursor());
    EXPECT_EQ(b.timer_state(), a.timer_state());
    EXPECT_EQ(b.revision(), a.revision());
    EXPECT_NEAR(b.Elapsed(42 + 10), a.Elapsed(now + 10), 1e-3);
    const std::vector<double> spent_a = a.SecondsPerSlide(now);
    const std::vector<double> spent_b = b.SecondsPerSlide(42);
    ASSERT_EQ(spent_a.size(), spent_b.size());
    for (size_t i = 0; i < spent_a.size(); ++i) EXPECT_NEAR(spent_a[i], spent_b[i], 1e-3);
    // Writing the restored session gives the same message, byte for byte.
    EXPECT_EQ(b.Serialize(42, epoch), message);
  }
}

struct AwayCase {
  const char* name;
  TimerState state;
  double away_epoch_seconds;  // wall clock between writing and restoring
  double elapsed_after;       // right after restoring
};

TEST(SessionMessageTest, RestoreCountsTimeAwayForARunningTimer) {
  const AwayCase cases[] = {
      {"running, reloaded 30 s later", TimerState::kRunning, 30, 130},
      {"running, restored at once", TimerState::kRunning, 0, 100},
      {"running, wall clock went backwards", TimerState::kRunning, -50, 100},
      {"paused: time away does not count", TimerState::kPaused, 30, 100},
      {"running, page closed overnight", TimerState::kRunning, 8 * 3600, 100 + 8 * 3600},
  };
  for (const AwayCase& c : cases) {
    SCOPED_TRACE(c.name);
    const SessionDeckInfo deck = Deck({1, 1, 1}, 1800);
    Session before(deck);
    RunScript(before, {{1000, "start"}, {1040, "next"}});
    if (c.state == TimerState::kPaused) before.PauseTimer(1100);
    const std::string message = before.Serialize(1100, 1.7e9);

    Session after(deck);  // the reloaded page: its `now` clock starts again near 0
    ASSERT_TRUE(after.Restore(message, 2, 1.7e9 + c.away_epoch_seconds).ok());
    EXPECT_EQ(after.timer_state(), c.state);
    EXPECT_DOUBLE_EQ(after.Elapsed(2), c.elapsed_after);
    const double later = c.state == TimerState::kRunning ? 10 : 0;
    EXPECT_DOUBLE_EQ(after.Elapsed(12), c.elapsed_after + later);
    // The time away belongs to the slide the talk was on.
    EXPECT_DOUBLE_EQ(after.SecondsOnSlide(0, 2), 40);
    EXPECT_DOUBLE_EQ(after.SecondsOnSlide(1, 2), c.elapsed_after - 40);
  }
}

TEST(SessionMessageTest, HostileMessagesAreRejectedAndChangeNothing) {
  const std::string valid =
      "podium1 deck=talk.md rev=5 slide=1 step=1 mode=slide timer=running elapsed=10 "
      "epoch=1700000000";
  auto with = [&](const std::string& from, const std::string& to) {
    std::string text = valid;
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  struct Hostile {
    std::string text;
    RestoreStatus status;
  };
  using S = RestoreStatus;
  const Hostile cases[] = {
      {"", S::kMalformed},
      {"   \n\t ", S::kMalformed},
      {"garbage", S::kMalformed},
      {"podium1", S::kMalformed},
      {"podium", S::kMalformed},
      {"podium1x deck=talk.md", S::kMalformed},
      {"{\"slide\": 3}", S::kMalformed},
      {with("podium1", "podium2"), S::kUnsupportedVersion},
      {with("podium1", "podium0"), S::kUnsupportedVersion},
      {with("slide=1", "slide=-1"), S::kMalformed},
      {with("slide=1", "slide=1.5"), S::kMalformed},
      {with("slide=1", "slide=99999999999999999999999999"), S::kMalformed},
      {with("slide=1", "slide="), S::kMalformed},
      {with("slide=1", "slide=0x10"), S::kMalformed},
      {with("slide=1", "slide=+1"), S::kMalformed},
      {with("step=1", "step=abc"), S::kMalformed},
      {with("step=1", "step=-2147483648"), S::kMalformed},
      {with("elapsed=10", "elapsed=nan"), S::kMalformed},
      {with("elapsed=10", "elapsed=NaN"), S::kMalformed},
      {with("elapsed=10", "elapsed=inf"), S::kMalformed},
      {with("elapsed=10", "elapsed=1e400"), S::kMalformed},
      {with("elapsed=10", "elapsed=1e300"), S::kMalformed},
      {with("elapsed=10", "elapsed=-5"), S::kMalformed},
      {with("epoch=1700000000", "epoch=nan"), S::kMalformed},
      {with("epoch=1700000000", "epoch=-1"), S::kMalformed},
      {with("rev=5", "rev=-1"), S::kMalformed},
      {with("rev=5", "rev=18446744073709551616"), S::kMalformed},
      {with("mode=slide", "mode=fullscreen"), S::kMalformed},
      {with("mode=slide", "mode=SLIDE"), S::kMalformed},
      {with("timer=running", "timer=started"), S::kMalformed},
      {with("slide=1", "slide=1 slide=2"), S::kMalformed},
      {with("mode=slide ", ""), S::kMalformed},
      {with("epoch=1700000000", ""), S::kMalformed},
      {with("deck=talk.md", "deck=talk%2"), S::kMalformed},
      {with("deck=talk.md", "deck=talk%G1.md"), S::kMalformed},
      {with("deck=talk.md", "deck=talk.md\x01"), S::kMalformed},
      {with("deck=talk.md", "deck=t\xC3\xA4lk.md"), S::kMalformed},
      {with("deck=talk.md", std::string("deck=talk\0.md", 13)), S::kMalformed},
      {valid + " spent=1,,2", S::kMalformed},
      {valid + " spent=1,2,", S::kMalformed},
      {valid + " spent=1,nan", S::kMalformed},
      {valid + " spent=1,-3", S::kMalformed},
      {valid + " cursor=-1", S::kMalformed},
      {valid + " role=admin", S::kMalformed},
      {valid + " =3", S::kMalformed},
      {valid + " loneword", S::kMalformed},
      {valid + " x=" + std::string(70000, '1'), S::kMalformed},
      {with("deck=talk.md", "deck=other.md"), S::kWrongDeck},
      {with("deck=talk.md", "deck="), S::kWrongDeck},
      {with("deck=talk.md", "deck=talk.MD"), S::kWrongDeck},
      {with("deck=talk.md", "deck=talk%2Emd"), S::kOk},  // %2E is '.': the same deck
  };
  ASSERT_GE(std::size(cases), 15u);
  for (const Hostile& c : cases) {
    SCOPED_TRACE(testing::Message() << "message: " << c.text.substr(0, 200));
    Session s(Deck({1, 3, 1}, 600));
    RunScript(s, {{10, "goto 2 0"}, {20, "black"}});
    const std::string before = s.Serialize(30, 1.7e9);
    const RestoreResult r = s.Restore(c.text, 30, 1.7e9);
    EXPECT_EQ(r.status, c.status) << r.detail;
    if (r.ok()) continue;
    EXPECT_FALSE(r.detail.empty());
    EXPECT_LT(r.detail.size(), 200u);
    EXPECT_EQ(s.Serialize(30, 1.7e9), before);
    ExpectInvariants(s);
  }
}

struct ClampCase {
  const char* fields;
  int slide, step, cursor;
  ScreenMode mode;
};

TEST(SessionMessageTest, PositionsBeyondTheDeckAreClamped) {
  // Deck: 3 slides with 1, 3, 2 steps.
  const ClampCase cases[] = {
      {"slide=1 step=2", 1, 2, 1, ScreenMode::kSlide},
      {"slide=1 step=7", 1, 2, 1, ScreenMode::kSlide},
      {"slide=9 step=0", 2, 0, 2, ScreenMode::kSlide},
      {"slide=9223372036854775807 step=9223372036854775807", 2, 1, 2, ScreenMode::kSlide},
      {"slide=0 step=5 mode=overview cursor=100", 0, 0, 2, ScreenMode::kOverview},
      {"slide=2 step=1 mode=overview", 2, 1, 2, ScreenMode::kOverview},
      {"slide=007 step=00", 2, 0, 2, ScreenMode::kSlide},
  };
  for (const ClampCase& c : cases) {
    SCOPED_TRACE(c.fields);
    std::string text = std::string("podium1 deck=d rev=1 timer=idle elapsed=0 epoch=0 ") + c.fields;
    if (text.find("mode=") == std::string::npos) text += " mode=slide";
    text += " future-key=whatever";  // unknown keys are ignored
    Session s(Deck({1, 3, 2}, std::nullopt, {}, "d"));
    const RestoreResult r = s.Restore(text, 0, 0);
    ASSERT_TRUE(r.ok()) << r.detail;
    EXPECT_EQ(s.slide(), c.slide);
    EXPECT_EQ(s.step(), c.step);
    EXPECT_EQ(s.overview_cursor(), c.cursor);
    EXPECT_EQ(s.mode(), c.mode);
    ExpectInvariants(s);
  }
}

TEST(SessionMessageTest, SpentListOfAnotherLengthIsFittedToTheDeck) {
  Session s(Deck({1, 1, 1}, 600, {}, "d"));
  ASSERT_TRUE(s.Restore("podium1 deck=d rev=1 slide=0 step=0 mode=slide timer=paused "
                        "elapsed=9 epoch=0 spent=1,2,3,4,5",
                        0, 0)
                  .ok());
  EXPECT_EQ(s.SecondsPerSlide(0), (std::vector<double>{1, 2, 3}));
  ASSERT_TRUE(s.Restore("podium1 deck=d rev=1 slide=0 step=0 mode=slide timer=paused "
                        "elapsed=9 epoch=0 spent=4",
                        0, 0)
                  .ok());
  EXPECT_EQ(s.SecondsPerSlide(0), (std::vector<double>{4, 0, 0}));
}

// [SECTION] Sync between windows -----------------------------------------------------

TEST(SessionSyncTest, NewerRevisionWins) {
  const SessionDeckInfo deck = Deck({1, 1, 1, 1});
  Session presenter(deck);
  presenter.SetRole(Role::kPresenter);
  Session audience(deck);

  presenter.Next(1);  // rev 1
  ASSERT_TRUE(
      audience.Restore(presenter.Serialize(1, 100), 1, 100, Session::RestoreMode::kIfNewer).ok());
  EXPECT_EQ(audience.slide(), 1);
  EXPECT_EQ(audience.revision(), 1u);

  // Echoing back the same revision to the presenter is stale: no ping-pong.
  EXPECT_EQ(
      presenter.Restore(audience.Serialize(1, 100), 1, 100, Session::RestoreMode::kIfNewer).status,
      RestoreStatus::kStale);

  // The audience window moves (a clicker aimed at it): it is newer now.
  audience.Next(2);  // rev 2
  ASSERT_TRUE(
      presenter.Restore(audience.Serialize(2, 101), 2, 101, Session::RestoreMode::kIfNewer).ok());
  EXPECT_EQ(presenter.slide(), 2);
  EXPECT_EQ(presenter.role(), Role::kPresenter);  // the role is never taken from a message

  // Both move at once to the same revision: the presenter wins the tie.
  presenter.Next(3);  // rev 3, slide 3
  audience.Prev(3);   // rev 3, slide 1
  const std::string from_presenter = presenter.Serialize(3, 102);
  const std::string from_audience = audience.Serialize(3, 102);
  EXPECT_EQ(presenter.Restore(from_audience, 3, 102, Session::RestoreMode::kIfNewer).status,
            RestoreStatus::kStale);
  ASSERT_TRUE(audience.Restore(from_presenter, 3, 102, Session::RestoreMode::kIfNewer).ok());
  EXPECT_EQ(audience.slide(), 3);
  EXPECT_EQ(presenter.slide(), 3);

  // kAlways applies an older message but never lowers the revision.
  Session reloaded(deck);
  RunScript(reloaded, {{0, "next"}, {1, "next"}, {2, "next"}, {3, "prev"}, {4, "prev"}});  // rev 5
  ASSERT_TRUE(reloaded.Restore(from_presenter, 5, 102).ok());
  EXPECT_EQ(reloaded.slide(), 3);
  EXPECT_EQ(reloaded.revision(), 5u);
}

TEST(SessionSyncTest, RevisionCountsEveryChangeOnce) {
  struct Step {
    Op op;
    int increments;
  };
  const Step script[] = {
      {{0, "prev"}, 0},      {{1, "next"}, 1},      {{2, "start"}, 0},      {{3, "pause"}, 1},
      {{4, "pause"}, 0},     {{5, "toggle"}, 1},    {{6, "black"}, 1},      {{7, "next"}, 1},
      {{8, "overview"}, 1},  {{9, "cursor+ 0"}, 0}, {{10, "cursor+ 1"}, 1}, {{11, "confirm"}, 1},
      {{12, "reset"}, 1},    {{12, "reset"}, 0},    {{13, "goto 2 0"}, 0},  {{14, "white"}, 1},
      {{15, "goto 2 0"}, 1},
  };
  Session s(Deck({1, 1, 1}));
  for (const Step& step : script) {
    SCOPED_TRACE(step.op.command);
    const uint64_t before = s.revision();
    Apply(s, step.op);
    EXPECT_EQ(s.revision(), before + step.increments);
  }
}

// [SECTION] Robustness ---------------------------------------------------------------

// Random commands at random (sometimes absurd) times, and random damage to valid messages:
// the session must keep its invariants and never produce a message it cannot read back.
TEST(SessionRobustnessTest, RandomScriptsAndDamagedMessages) {
  const char* commands[] = {"next",       "prev",     "next-slide", "prev-slide", "first",
                            "last",       "goto 3 1", "goto -1 9",  "overview",   "cursor+ 2",
                            "cursor+ -9", "confirm",  "black",      "white",      "start",
                            "pause",      "resume",   "toggle",     "reset"};
  const double times[] = {0, 1, 2.5, 100, -50, 1e12, kNaN, kInf, -kInf, 3};
  std::mt19937 random(1234);
  for (int round = 0; round < 200; ++round) {
    Session s(Deck({1, 4, 2, 1, 3}, 600, {30}, "r"));
    double now = 0;
    for (int i = 0; i < 40; ++i) {
      now = times[random() % std::size(times)];
      Apply(s, {now, commands[random() % std::size(commands)]});
      ExpectInvariants(s);
    }
    std::string message = s.Serialize(now, 1.7e9);
    Session copy(Deck({1, 4, 2, 1, 3}, 600, {30}, "r"));
    ASSERT_TRUE(copy.Restore(message, now, 1.7e9).ok()) << message;
    for (int damage = 0; damage < 5; ++damage) {
      message[random() % message.size()] = static_cast<char>(random() % 256);
      copy.Restore(message, now, 1.7e9);  // may fail; must not break anything
      ExpectInvariants(copy);
      EXPECT_GE(copy.Elapsed(now), 0);
    }
  }
}

}  // namespace
}  // namespace podium
