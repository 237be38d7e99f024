// Session: the presenter's state machine — where the talk is (slide, step), what the
// screen shows (slides, overview, black, white, help), the talk timer and pacing, and the
// small text message that syncs two windows and survives a page reload.
//
// Front ends (browser, native app, deckc) turn platform events into Session calls and draw
// what the Session says. The Session does not know the Deck model: it is built from a
// SessionDeckInfo, a few numbers taken from the Deck, so it is testable on its own.
//
//   podium::SessionDeckInfo info;
//   info.steps_per_slide = {1, 3, 1};          // from Slide::steps
//   info.duration_seconds = 20 * 60;           // from DeckMeta::duration_seconds
//   info.deck_id = "talk.md";
//   podium::Session session(info);
//
//   session.Next(now);                         // → key; the first move starts the timer
//   DrawSlide(layouts[session.slide()], session.step(), ...);
//   ShowTimer(session.Elapsed(now), session.Warning(now), session.Pacing(now));
//   storage.Save(session.Serialize(now, epoch_now));
//   ... the page reloads ...
//   podium::RestoreResult r = session.Restore(storage.Load(), now, epoch_now);
//   if (!r.ok()) Log(r.detail);                // the session is left as it was
//
// Contracts
// - Time is always an argument; nothing here reads a clock. `now_seconds` comes from any
//   monotonic-ish clock of the front end (performance.now() / 1000, glfwGetTime()): only
//   differences matter, a clock that runs backwards counts as no time passing, and a
//   non-finite value is replaced by the last finite one seen. `epoch_seconds` is wall-clock
//   time (seconds since 1970), used only by messages, so that a running timer keeps
//   counting across a reload or between two windows whose `now` clocks differ.
// - Slides and steps are 0-based everywhere, messages included (the front end adds 1 for
//   people). A deck with no slides is treated as one slide with one step.
// - Invariants after every call, whatever the input: 0 <= slide() < slide_count(),
//   0 <= step() < StepCount(slide()), 0 <= overview_cursor() < slide_count().
// - Errors are values: Restore() returns a RestoreResult and leaves the session untouched
//   when it fails. Nothing here throws on bad input or asserts on it.
// - The Session owns all its data and is one object passed around, not a global.
//
// Decisions (documented here once, tested in tests/present/session_test.cpp)
// - Next() on the last step of a slide goes to step 0 of the next slide; Prev() on step 0
//   goes to the LAST step of the previous slide (reveal.js). All moves share one GoTo.
// - While the screen is black or white, Next/Prev/NextSlide/PrevSlide/First/Last only
//   bring the slides back, without moving: a clicker pressed in the dark must not make the
//   audience miss a slide. GoTo() is deliberate (digits + Enter, a click): it moves and
//   shows the slides.
// - While the overview is open, Next/Prev/NextSlide/PrevSlide move the overview cursor by
//   one slide and First/Last move it to the ends, so a clicker works there too; the talk
//   only moves on ConfirmOverview(). ToggleOverview() again (Esc) closes it without moving.
//   GoTo() closes the overview and moves.
// - Overview, black and white are one screen mode: entering one leaves the others. The help
//   overlay is independent, local to the window and not part of messages; so is the role.
// - The timer starts by itself on the first move of the talk position when it has never
//   been started (as Keynote does); a paused timer stays paused. ResetTimer() zeroes it:
//   a running timer restarts from zero, a paused one becomes idle (and will start again on
//   the next move).
// - Time spent per slide (for rehearsals) accumulates only while the timer runs, and goes
//   to the current slide, also while the overview or a black screen is shown.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace podium {

// [SECTION] Deck description ---------------------------------------------------------

// Seconds above this (durations, budgets, times in messages) are treated as invalid:
// about 31 years, far beyond any talk, far below where doubles lose sub-second precision.
inline constexpr double kMaxSessionSeconds = 1e9;

// What a slide shows, so that the talk can find it again after the deck was edited (a
// slide inserted before the current one must not move the speaker): hashes of its title
// and of its words. 0 stands for none (an untitled slide, a slide without words).
struct SlideIdentity {
  uint64_t title = 0;
  uint64_t words = 0;
  friend bool operator==(const SlideIdentity&, const SlideIdentity&) = default;
};

// FNV-1a of each (0 for an empty one). `words` is the slide's text in reading order
// (SlideLayout::text).
SlideIdentity MakeSlideIdentity(std::string_view title, std::string_view words);

// The index in `slides` of the slide that shows `wanted`, nearest to `near`: one with the
// same title and words, else (the slide itself was edited) one with the same non-empty
// title; nullopt when there is none.
std::optional<int> FindSlide(const std::vector<SlideIdentity>& slides, const SlideIdentity& wanted,
                             int near);

// What the Session needs to know about a deck. Zero/empty means "not given".
struct SessionDeckInfo {
  // Views of each slide (Slide::steps): 1 + its fragments. Values < 1 count as 1.
  std::vector<int> steps_per_slide;
  // Per-slide `time:` budgets, by slide index. May be shorter than steps_per_slide (missing
  // entries have no budget) or longer (extra entries are ignored). A budget that is NaN,
  // infinite, negative or above kMaxSessionSeconds counts as no budget; 0 is a valid budget
  // (a slide to skip over, an appendix).
  std::vector<std::optional<double>> slide_budget_seconds;
  // Planned talk length (front matter `duration:`). Not finite or <= 0: none.
  std::optional<double> duration_seconds;
  // Identifies the deck in messages, e.g. its file name. Any bytes; compared exactly.
  std::string deck_id;
  // Optional, one per slide: lets UpdateDeck() and Restore() follow the slide shown across
  // an edit of the deck, rather than its number. Empty: positions are numbers only.
  std::vector<SlideIdentity> slides;
};

// [SECTION] Pacing plan --------------------------------------------------------------

// When each slide should start and how long it should take, in seconds from the start of
// the talk. Computed by PlanPacing():
//   - Slides with a valid budget get their budget.
//   - With a duration D, the slides without a budget share what the budgets leave,
//     max(0, D - sum of budgets), evenly. If every slide has a budget, the plan is the
//     budgets (total may differ from D; Remaining() still counts against D).
//   - Without a duration, a slide without a budget gets the mean of the given budgets.
//   - Without a duration and without any budget there is no plan (nullopt); also when the
//     total planned time is 0.
struct PacingPlan {
  std::vector<double> slide_start_seconds;  // one per slide; [0] == 0
  std::vector<double> slide_seconds;        // planned length of each slide
  double total_seconds = 0;                 // sum of slide_seconds
};

// The plan for a deck; nullopt when there is nothing to plan against (see above).
// A deck with no slides is planned as one slide, like the Session does.
std::optional<PacingPlan> PlanPacing(const SessionDeckInfo& deck);

// [SECTION] States and messages ------------------------------------------------------

enum class ScreenMode {
  kSlide,     // the current slide at the current step
  kOverview,  // the grid of slides, with overview_cursor() highlighted
  kBlack,     // a black screen (B or .)
  kWhite,     // a white screen (W or ,)
};

enum class Role {
  kAudience,   // the window the room sees
  kPresenter,  // the speaker's window: notes, next slide, timer
};

enum class TimerState {
  kIdle,     // never started since construction or reset: Elapsed() == 0
  kRunning,  // counting
  kPaused,   // stopped at Elapsed(); resumes from there
};

enum class TimerWarning {
  kNormal,  // no duration, or more than amber_seconds() left
  kAmber,   // 0 <= Remaining() <= amber_seconds()
  kRed,     // Remaining() < 0: overtime
};

// A session message, parsed. Text form (one line, fields separated by spaces, `key=value`,
// keys in any order, unknown keys ignored so that later writers can add some):
//
//   podium1 deck=talk.md rev=42 role=presenter slide=3 step=2 mode=slide cursor=3
//           timer=running elapsed=123.4 epoch=1732234567.25 spent=10,20.5,80,12.9
//
//   podium1   magic and format version; another version is kUnsupportedVersion
//   deck      deck id, percent-encoded (bytes other than A-Z a-z 0-9 - . _ ~ / : @ + as %XX)
//   rev       revision of the sender's state (unsigned 64-bit); the newer state wins
//   role      the sender's role: presenter | audience (optional, informative)
//   slide     0-based slide; step: 0-based step; cursor: overview cursor (optional)
//   mode      slide | overview | black | white
//   timer     idle | running | paused
//   elapsed   timer seconds at the moment of writing
//   epoch     wall-clock seconds at the moment of writing; restoring a running timer adds
//             the wall-clock time that passed since
//   spent     optional: seconds spent on each slide, comma-separated
//   shows     optional: the SlideIdentity of the slide shown, two hex numbers TITLE.WORDS;
//             when the receiver's slide at `slide` is another one (its deck was edited
//             since, or the sender's was), Restore() goes to the slide that shows it
//
// Seconds are written with at most 3 decimals. Required: deck rev slide step mode timer
// elapsed epoch. A message over 64 KiB, with control or non-ASCII bytes, a duplicated or
// missing key, a negative or non-numeric count, a non-finite or out-of-range time
// (elapsed and spent in [0, kMaxSessionSeconds], epoch in [0, 1e12]) is rejected as a whole.
// Slide, step and cursor beyond the deck are accepted and clamped when applied (the deck
// may have been edited in between).
struct SessionMessage {
  std::string deck_id;  // decoded
  uint64_t revision = 0;
  Role sender_role = Role::kAudience;
  int64_t slide = 0;              // >= 0, not yet clamped to a deck
  int64_t step = 0;               // >= 0, not yet clamped
  std::optional<int64_t> cursor;  // >= 0; absent: the slide
  ScreenMode mode = ScreenMode::kSlide;
  TimerState timer = TimerState::kIdle;
  double elapsed_seconds = 0;
  double epoch_seconds = 0;
  std::vector<double> seconds_per_slide;  // may be empty
  std::optional<SlideIdentity> shows;     // the slide at `slide`, in the sender's deck
};

enum class RestoreStatus {
  kOk,
  kMalformed,           // not a well-formed podium1 message (detail says why)
  kUnsupportedVersion,  // a podiumN message with N != 1
  kWrongDeck,           // well-formed, but for another deck
  kStale,               // Restore(kIfNewer): not newer than the session's own state
};

// The outcome of ParseSessionMessage() and Session::Restore().
struct RestoreResult {
  RestoreStatus status = RestoreStatus::kOk;
  std::string detail;  // for logs and the console: why it failed; empty when ok
  bool ok() const { return status == RestoreStatus::kOk; }
};

// Parses `text` into `*message` (not null). On failure `*message` is unspecified.
RestoreResult ParseSessionMessage(std::string_view text, SessionMessage* message);

// The text form of `message`; ParseSessionMessage() reads it back (times to 1 ms).
std::string FormatSessionMessage(const SessionMessage& message);

// Stable lowercase names, as used in messages: "slide", "overview", …
std::string_view ScreenModeName(ScreenMode mode);
std::string_view TimerStateName(TimerState state);
std::string_view RoleName(Role role);

// [SECTION] Session ------------------------------------------------------------------

class Session {
 public:
  // GoTo(slide, kLastStep, now) shows the slide fully built.
  static constexpr int kLastStep = std::numeric_limits<int>::max();
  static constexpr double kDefaultAmberSeconds = 120;

  enum class RestoreMode {
    kAlways,   // apply any well-formed message for this deck (reload from storage)
    kIfNewer,  // sync from another window: apply only if its revision is newer, or equal
               // and sent by a presenter to an audience window (the presenter wins ties)
  };

  // Starts at slide 0, step 0, ScreenMode::kSlide, timer idle, role audience, revision 0.
  explicit Session(SessionDeckInfo deck = {});

  // --- Deck -------------------------------------------------------------------------

  // The deck file was edited: keeps slide, step and cursor where they are, clamped to the
  // new deck — or, when both decks carry slide identities, on the slide that shows what
  // was shown (found by FindSlide(), else next to the slide that was before it or after
  // it); recomputes the plan. Time spent per slide moves with its slide the same way
  // (by index without identities; time up to the last `now` seen goes to the slide shown
  // before the update), so a rehearsal edited midway still times each slide. The timer is
  // untouched.
  // Increments revision() only if the position or the deck id changed.
  void UpdateDeck(SessionDeckInfo deck);

  int slide_count() const;         // >= 1
  int StepCount(int slide) const;  // >= 1; 1 for a slide out of range
  const std::string& deck_id() const;

  // --- Navigation -------------------------------------------------------------------
  // Each returns true if it changed the session's state (position, cursor or mode);
  // false when there was nowhere to go (Next() on the last step of the last slide).

  bool Next(double now_seconds);       // next step, else step 0 of the next slide
  bool Prev(double now_seconds);       // previous step, else last step of previous slide
  bool NextSlide(double now_seconds);  // step 0 of the next slide, skipping steps
  bool PrevSlide(double now_seconds);  // step 0 of the previous slide, skipping steps
  bool First(double now_seconds);      // slide 0, step 0
  bool Last(double now_seconds);       // last slide, its last step (fully built)
  // Any slide and step, clamped into the deck (negative → 0, kLastStep → the last step).
  // Closes the overview and shows the slides (leaves a black or white screen).
  bool GoTo(int slide, int step, double now_seconds);

  int slide() const { return slide_; }
  int step() const { return step_; }

  // --- Screen modes and role --------------------------------------------------------

  ScreenMode mode() const { return mode_; }

  // Opens the overview with the cursor on the current slide, or closes it without moving.
  bool ToggleOverview();
  // Moves the cursor by `delta` slides (grids: ± columns), clamped. Overview only.
  bool MoveOverviewCursor(int delta);
  // Puts the cursor on `slide`, clamped (mouse hover). Overview only.
  bool SetOverviewCursor(int slide);
  // Closes the overview and goes to the cursor's slide at step 0 — or stays at the current
  // step if the cursor is on the current slide. Overview only.
  bool ConfirmOverview(double now_seconds);
  int overview_cursor() const { return cursor_; }

  bool ToggleBlack();  // black ⇄ slides; from white, overview: black
  bool ToggleWhite();  // white ⇄ slides; from black, overview: white

  void ToggleHelp() { help_visible_ = !help_visible_; }  // local: no revision, no message
  bool help_visible() const { return help_visible_; }

  void SetRole(Role role) { role_ = role; }  // local: no revision; sent as `role=`
  Role role() const { return role_; }

  // --- Timer ------------------------------------------------------------------------
  // Each returns true if it changed the timer.

  bool StartTimer(double now_seconds);   // idle → running from 0; otherwise nothing
  bool PauseTimer(double now_seconds);   // running → paused
  bool ResumeTimer(double now_seconds);  // paused → running
  bool ToggleTimer(double now_seconds);  // T key: idle → running ⇄ paused
  bool ResetTimer(double now_seconds);   // R key: elapsed and per-slide times to 0 (above)

  TimerState timer_state() const { return timer_state_; }
  bool IsTimerRunning() const { return timer_state_ == TimerState::kRunning; }
  double Elapsed(double now_seconds) const;  // >= 0
  // duration - Elapsed(now); negative when overtime; nullopt without a duration.
  std::optional<double> Remaining(double now_seconds) const;
  std::optional<double> duration_seconds() const { return duration_; }

  // Amber starts when this many seconds are left (default 120). NaN: the default;
  // negative: 0 (amber only at the very end).
  void SetAmberSeconds(double seconds);
  double amber_seconds() const { return amber_seconds_; }
  TimerWarning Warning(double now_seconds) const;

  // --- Pacing -----------------------------------------------------------------------

  const std::optional<PacingPlan>& plan() const { return plan_; }
  // Planned start of `slide` in seconds from the start of the talk; nullopt without a plan
  // or for a slide out of range.
  std::optional<double> PlannedSlideStart(int slide) const;
  // Seconds ahead (+) of or behind (-) the plan; nullopt without a plan. The current step
  // owns a window of the plan: slide s with n steps, at step k, owns
  //   [start(s) + len(s)·k/n, start(s) + len(s)·(k+1)/n].
  // Pacing is window_begin - Elapsed when the speaker got there early, window_end - Elapsed
  // when late, and 0 while Elapsed is inside the window.
  std::optional<double> Pacing(double now_seconds) const;

  // --- Rehearsal --------------------------------------------------------------------

  // Timer seconds spent on `slide` (0 for a slide out of range).
  double SecondsOnSlide(int slide, double now_seconds) const;
  std::vector<double> SecondsPerSlide(double now_seconds) const;  // one per slide

  // --- Sync and persistence ---------------------------------------------------------

  // Incremented once by every call that changes what Serialize() writes (except the
  // passing of time). Restore() sets it to max(own, message's).
  uint64_t revision() const { return revision_; }

  // The session as a message (format above). Help and role are not state that is synced;
  // the role is written as the sender's role.
  std::string Serialize(double now_seconds, double epoch_seconds) const;
  // Its `shows` names the slide shown: reset it when changing `slide` by hand, or Restore()
  // follows `shows` back to where the session was.
  SessionMessage ToMessage(double now_seconds, double epoch_seconds) const;

  // Applies a message: slide, step, cursor (clamped to this deck), mode, timer and
  // per-slide times. A running timer gains the wall-clock time since the message was
  // written (epoch_seconds - message epoch, if positive). Keeps help and role. On any
  // failure returns the reason and changes nothing.
  RestoreResult Restore(std::string_view message, double now_seconds, double epoch_seconds,
                        RestoreMode restore_mode = RestoreMode::kAlways);
  RestoreResult Restore(const SessionMessage& message, double now_seconds, double epoch_seconds,
                        RestoreMode restore_mode = RestoreMode::kAlways);

 private:
  double Now(double now_seconds) const;  // a usable `now`: finite, else the last one seen
  double Observe(double now_seconds);    // Now(), and remembers it
  void Settle(double now_seconds);       // credits running time to the current slide
  bool MoveTo(int slide, int step, double now_seconds);  // the one goto; auto-starts
  bool MoveCursor(int slide);
  bool Wake();  // black/white → slides
  bool SetMode(ScreenMode mode);
  void SetDeck(SessionDeckInfo deck);
  int ClampSlide(int64_t slide) const;
  int ClampStep(int slide, int64_t step) const;

  SessionDeckInfo deck_;  // sanitized: >= 1 slide, every step count >= 1
  std::optional<double> duration_;
  std::optional<PacingPlan> plan_;

  int slide_ = 0;
  int step_ = 0;
  int cursor_ = 0;
  ScreenMode mode_ = ScreenMode::kSlide;
  bool help_visible_ = false;
  Role role_ = Role::kAudience;

  TimerState timer_state_ = TimerState::kIdle;
  double settled_seconds_ = 0;  // elapsed up to run_since_ (or total, when not running)
  double run_since_ = 0;        // when running: `now` up to which time is settled
  double last_now_ = 0;         // last finite `now` seen
  std::vector<double> spent_;   // settled seconds per slide
  double amber_seconds_ = kDefaultAmberSeconds;

  uint64_t revision_ = 0;
};

}  // namespace podium
