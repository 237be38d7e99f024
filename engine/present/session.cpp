// Session: see session.h for the contracts and the decisions.
//
// Index
//   [SECTION] Helpers
//   [SECTION] Pacing plan
//   [SECTION] Message format and parsing
//   [SECTION] Session: deck
//   [SECTION] Session: navigation
//   [SECTION] Session: screen modes
//   [SECTION] Session: timer
//   [SECTION] Session: pacing and rehearsal
//   [SECTION] Session: sync and persistence
#include "present/session.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <system_error>
#include <utility>

namespace podium {
namespace {

// [SECTION] Helpers ------------------------------------------------------------------

constexpr std::string_view kMagic = "podium1";
constexpr size_t kMaxMessageBytes = 64 * 1024;
constexpr double kMaxEpochSeconds = 1e12;

// x if it is a positive number, else 0 (also for NaN).
double PositivePart(double x) { return x > 0 ? x : 0; }

bool IsValidSeconds(double x) { return std::isfinite(x) && x >= 0 && x <= kMaxSessionSeconds; }

std::optional<double> ValidDuration(const std::optional<double>& d) {
  if (d && std::isfinite(*d) && *d > 0 && *d <= kMaxSessionSeconds) return d;
  return std::nullopt;
}

std::optional<double> ValidBudget(const SessionDeckInfo& deck, size_t slide) {
  if (slide >= deck.slide_budget_seconds.size()) return std::nullopt;
  const std::optional<double>& b = deck.slide_budget_seconds[slide];
  if (b && IsValidSeconds(*b)) return b;
  return std::nullopt;
}

// >= 1 slide, every step count >= 1. Budgets stay as given (ValidBudget reads them).
SessionDeckInfo Sanitize(SessionDeckInfo deck) {
  if (deck.steps_per_slide.empty()) deck.steps_per_slide.push_back(1);
  for (int& steps : deck.steps_per_slide) steps = std::max(steps, 1);
  return deck;
}

}  // namespace

// [SECTION] Slide identities ---------------------------------------------------------

namespace {

uint64_t Fnv1a(std::string_view text) {
  if (text.empty()) return 0;
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h ? h : 1;  // 0 is kept for "none"
}

}  // namespace

SlideIdentity MakeSlideIdentity(std::string_view title, std::string_view words) {
  return {Fnv1a(title), Fnv1a(words)};
}

std::optional<int> FindSlide(const std::vector<SlideIdentity>& slides, const SlideIdentity& wanted,
                             int near) {
  auto nearest = [&](auto matches) -> std::optional<int> {
    std::optional<int> best;
    for (int i = 0; i < static_cast<int>(slides.size()); ++i) {
      if (!matches(slides[i])) continue;
      // On a tie, the later one: an insertion before the slide is the common edit.
      if (!best || std::abs(i - near) <= std::abs(*best - near)) best = i;
    }
    return best;
  };
  if (std::optional<int> same = nearest([&](const SlideIdentity& s) { return s == wanted; }))
    return same;
  if (wanted.title == 0) return std::nullopt;
  return nearest([&](const SlideIdentity& s) { return s.title == wanted.title; });
}

// [SECTION] Pacing plan --------------------------------------------------------------

std::optional<PacingPlan> PlanPacing(const SessionDeckInfo& raw_deck) {
  const SessionDeckInfo deck = Sanitize(raw_deck);
  const size_t count = deck.steps_per_slide.size();
  double budget_sum = 0;
  size_t budgeted = 0;
  for (size_t i = 0; i < count; ++i) {
    if (std::optional<double> b = ValidBudget(deck, i)) {
      budget_sum += *b;
      ++budgeted;
    }
  }
  const size_t unbudgeted = count - budgeted;
  const std::optional<double> duration = ValidDuration(deck.duration_seconds);

  double share = 0;  // what each slide without a budget gets
  if (duration) {
    if (unbudgeted > 0) share = PositivePart(*duration - budget_sum) / unbudgeted;
  } else if (budgeted > 0) {
    share = budget_sum / budgeted;
  } else {
    return std::nullopt;
  }

  PacingPlan plan;
  plan.slide_start_seconds.reserve(count);
  plan.slide_seconds.reserve(count);
  double start = 0;
  for (size_t i = 0; i < count; ++i) {
    const double length = ValidBudget(deck, i).value_or(share);
    plan.slide_start_seconds.push_back(start);
    plan.slide_seconds.push_back(length);
    start += length;
  }
  plan.total_seconds = start;
  if (!(plan.total_seconds > 0)) return std::nullopt;
  return plan;
}

// [SECTION] Message format and parsing -----------------------------------------------

std::string_view ScreenModeName(ScreenMode mode) {
  switch (mode) {
    case ScreenMode::kSlide:
      return "slide";
    case ScreenMode::kOverview:
      return "overview";
    case ScreenMode::kBlack:
      return "black";
    case ScreenMode::kWhite:
      return "white";
  }
  return "slide";
}

std::string_view TimerStateName(TimerState state) {
  switch (state) {
    case TimerState::kIdle:
      return "idle";
    case TimerState::kRunning:
      return "running";
    case TimerState::kPaused:
      return "paused";
  }
  return "idle";
}

std::string_view RoleName(Role role) { return role == Role::kPresenter ? "presenter" : "audience"; }

namespace {

bool IsUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~' || c == '/' || c == ':' || c == '@' || c == '+';
}

void AppendPercentEncoded(std::string* out, std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : text) {
    if (IsUnreserved(c)) {
      out->push_back(static_cast<char>(c));
    } else {
      out->push_back('%');
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 15]);
    }
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

bool PercentDecode(std::string_view text, std::string* out) {
  out->clear();
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out->push_back(text[i]);
      continue;
    }
    if (i + 2 >= text.size()) return false;
    const int high = HexValue(text[i + 1]);
    const int low = HexValue(text[i + 2]);
    if (high < 0 || low < 0) return false;
    out->push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return true;
}

// Seconds with at most 3 decimals, trailing zeros trimmed: 12.5, 3, 0.125.
void AppendSeconds(std::string* out, double seconds) {
  if (!std::isfinite(seconds)) seconds = 0;
  // snprintf, not std::to_chars: Emscripten 3.1.6's libc++ has no floating-point to_chars.
  // Podium never calls setlocale, so the decimal point is '.'.
  char buffer[64];
  int length = std::snprintf(buffer, sizeof buffer, "%.3f", seconds);
  if (length <= 0 || length >= static_cast<int>(sizeof buffer)) {
    out->push_back('0');
    return;
  }
  std::string_view text(buffer, static_cast<size_t>(length));
  if (text.find('.') != std::string_view::npos) {
    while (text.back() == '0') text.remove_suffix(1);
    if (text.back() == '.') text.remove_suffix(1);
  }
  if (text == "-0") text = "0";
  out->append(text);
}

template <typename Int>
bool ParseInteger(std::string_view text, Int* value) {
  if (text.empty()) return false;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return error == std::errc() && end == text.data() + text.size();
}

// 1 to 16 hex digits, either case.
bool ParseHex64(std::string_view text, uint64_t* value) {
  if (text.empty() || text.size() > 16) return false;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *value, 16);
  return error == std::errc() && end == text.data() + text.size();
}

bool ParseCount(std::string_view text, int64_t* value) {
  return ParseInteger(text, value) && *value >= 0;
}

// Plain decimal numbers only ("12", "12.5", ".5"): what AppendSeconds writes. Parsed by
// hand because Emscripten 3.1.6's libc++ has no floating-point from_chars.
bool ParseNumber(std::string_view text, double max, double* value) {
  if (text.empty() || text.size() > 40) return false;
  double whole = 0, fraction = 0, scale = 1;
  bool digits = false, point = false;
  for (char c : text) {
    if (c == '.' && !point) {
      point = true;
    } else if (c >= '0' && c <= '9') {
      digits = true;
      if (point) {
        scale /= 10;
        fraction += (c - '0') * scale;
      } else {
        whole = whole * 10 + (c - '0');
      }
    } else {
      return false;
    }
  }
  if (!digits) return false;
  *value = whole + fraction;
  return std::isfinite(*value) && *value >= 0 && *value <= max;
}

template <typename Enum, size_t N>
bool ParseName(std::string_view text, const std::pair<std::string_view, Enum> (&names)[N],
               Enum* value) {
  for (const auto& [name, e] : names) {
    if (text == name) {
      *value = e;
      return true;
    }
  }
  return false;
}

constexpr std::pair<std::string_view, ScreenMode> kModeNames[] = {
    {"slide", ScreenMode::kSlide},
    {"overview", ScreenMode::kOverview},
    {"black", ScreenMode::kBlack},
    {"white", ScreenMode::kWhite},
};
constexpr std::pair<std::string_view, TimerState> kTimerNames[] = {
    {"idle", TimerState::kIdle},
    {"running", TimerState::kRunning},
    {"paused", TimerState::kPaused},
};
constexpr std::pair<std::string_view, Role> kRoleNames[] = {
    {"audience", Role::kAudience},
    {"presenter", Role::kPresenter},
};

RestoreResult Fail(RestoreStatus status, std::string detail) {
  return RestoreResult{status, std::move(detail)};
}

RestoreResult Malformed(std::string detail) {
  return Fail(RestoreStatus::kMalformed, std::move(detail));
}

// A key's value as it appears in error details, shortened: hostile values may be huge.
std::string Quote(std::string_view text) {
  constexpr size_t kMaxShown = 40;
  std::string quoted(1, '\'');
  quoted.append(text.substr(0, kMaxShown));
  if (text.size() > kMaxShown) quoted.append("...");
  quoted.push_back('\'');
  return quoted;
}

bool IsSeparator(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::string FormatSessionMessage(const SessionMessage& m) {
  std::string out(kMagic);
  out += " deck=";
  AppendPercentEncoded(&out, m.deck_id);
  out += " rev=" + std::to_string(m.revision);
  out += " role=";
  out += RoleName(m.sender_role);
  out += " slide=" + std::to_string(m.slide);
  out += " step=" + std::to_string(m.step);
  out += " mode=";
  out += ScreenModeName(m.mode);
  out += " cursor=" + std::to_string(m.cursor.value_or(m.slide));
  out += " timer=";
  out += TimerStateName(m.timer);
  out += " elapsed=";
  AppendSeconds(&out, m.elapsed_seconds);
  out += " epoch=";
  AppendSeconds(&out, m.epoch_seconds);
  out += " spent=";
  for (size_t i = 0; i < m.seconds_per_slide.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendSeconds(&out, m.seconds_per_slide[i]);
  }
  if (m.shows) {
    char shows[48];
    std::snprintf(shows, sizeof shows, " shows=%016llx.%016llx",
                  static_cast<unsigned long long>(m.shows->title),
                  static_cast<unsigned long long>(m.shows->words));
    out += shows;
  }
  return out;
}

RestoreResult ParseSessionMessage(std::string_view text, SessionMessage* message) {
  SessionMessage m;
  if (text.size() > kMaxMessageBytes) return Malformed("message longer than 64 KiB");
  for (unsigned char c : text) {
    if ((c < 0x20 && !IsSeparator(static_cast<char>(c))) || c >= 0x7f) {
      return Malformed("control or non-ASCII byte in message");
    }
  }

  // Split into tokens at runs of whitespace.
  std::vector<std::string_view> tokens;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSeparator(text[i])) ++i;
    size_t begin = i;
    while (i < text.size() && !IsSeparator(text[i])) ++i;
    if (i > begin) tokens.push_back(text.substr(begin, i - begin));
  }
  if (tokens.empty()) return Malformed("empty message");
  const std::string_view magic = tokens[0];
  if (magic != kMagic) {
    std::string_view version = magic;
    if (version.substr(0, 6) == "podium" && version.size() > 6) {
      version.remove_prefix(6);
      if (std::all_of(version.begin(), version.end(),
                      [](char c) { return c >= '0' && c <= '9'; })) {
        return Fail(RestoreStatus::kUnsupportedVersion,
                    "unsupported session message version " + Quote(magic));
      }
    }
    return Malformed("not a Podium session message (expected 'podium1 ...')");
  }

  enum Key {
    kDeck,
    kRev,
    kRole,
    kSlide,
    kStep,
    kMode,
    kCursor,
    kTimer,
    kElapsed,
    kEpoch,
    kSpent,
    kShows,
    kKeyCount
  };
  static constexpr std::string_view kKeyNames[kKeyCount] = {
      "deck", "rev", "role", "slide", "step", "mode", "cursor", "timer", "elapsed", "epoch",
      "spent", "shows"};
  static constexpr bool kRequired[kKeyCount] = {true, true, false, true,  true,  true,
                                                false, true, true, true, false, false};
  bool seen[kKeyCount] = {};

  for (size_t t = 1; t < tokens.size(); ++t) {
    const std::string_view token = tokens[t];
    const size_t equals = token.find('=');
    if (equals == std::string_view::npos || equals == 0) {
      return Malformed("expected key=value, got " + Quote(token));
    }
    const std::string_view key = token.substr(0, equals);
    const std::string_view value = token.substr(equals + 1);
    const auto* found = std::find(std::begin(kKeyNames), std::end(kKeyNames), key);
    if (found == std::end(kKeyNames)) continue;  // a later writer's key: ignored
    const Key k = static_cast<Key>(found - std::begin(kKeyNames));
    if (seen[k]) return Malformed("key '" + std::string(key) + "' given twice");
    seen[k] = true;

    bool ok = false;
    switch (k) {
      case kDeck:
        ok = PercentDecode(value, &m.deck_id);
        break;
      case kRev:
        ok = ParseInteger(value, &m.revision);
        break;
      case kRole:
        ok = ParseName(value, kRoleNames, &m.sender_role);
        break;
      case kSlide:
        ok = ParseCount(value, &m.slide);
        break;
      case kStep:
        ok = ParseCount(value, &m.step);
        break;
      case kMode:
        ok = ParseName(value, kModeNames, &m.mode);
        break;
      case kCursor: {
        int64_t cursor = 0;
        ok = ParseCount(value, &cursor);
        m.cursor = cursor;
        break;
      }
      case kTimer:
        ok = ParseName(value, kTimerNames, &m.timer);
        break;
      case kElapsed:
        ok = ParseNumber(value, kMaxSessionSeconds, &m.elapsed_seconds);
        break;
      case kEpoch:
        ok = ParseNumber(value, kMaxEpochSeconds, &m.epoch_seconds);
        break;
      case kSpent: {
        ok = true;
        std::string_view rest = value;
        while (ok && !rest.empty()) {
          const size_t comma = rest.find(',');
          const std::string_view item = rest.substr(0, comma);
          double seconds = 0;
          ok = ParseNumber(item, kMaxSessionSeconds, &seconds);
          m.seconds_per_slide.push_back(seconds);
          if (comma == std::string_view::npos) break;
          rest.remove_prefix(comma + 1);
          if (rest.empty()) ok = false;  // trailing comma
        }
        break;
      }
      case kShows: {
        const size_t dot = value.find('.');
        SlideIdentity shows;
        ok = dot != std::string_view::npos && ParseHex64(value.substr(0, dot), &shows.title) &&
             ParseHex64(value.substr(dot + 1), &shows.words);
        m.shows = shows;
        break;
      }
      case kKeyCount:
        break;
    }
    if (!ok) return Malformed("bad value for '" + std::string(key) + "': " + Quote(value));
  }
  for (int k = 0; k < kKeyCount; ++k) {
    if (kRequired[k] && !seen[k]) {
      return Malformed("missing key '" + std::string(kKeyNames[k]) + "'");
    }
  }
  *message = std::move(m);
  return {};
}

// [SECTION] Session: deck ------------------------------------------------------------

Session::Session(SessionDeckInfo deck) { SetDeck(std::move(deck)); }

void Session::SetDeck(SessionDeckInfo deck) {
  deck_ = Sanitize(std::move(deck));
  duration_ = ValidDuration(deck_.duration_seconds);
  plan_ = PlanPacing(deck_);
  spent_.resize(deck_.steps_per_slide.size(), 0.0);
}

namespace {

// Time spent per slide, carried over an edit of the deck: each slide's seconds go to where
// FindSlide() finds it in the new deck, so a rehearsal interrupted by inserting a slide
// still times the slides it timed. A slide not found (deleted, or its title and words both
// edited) keeps its index if no found slide went there, else its time is dropped; so does
// time past the new end. Without identities on both sides, by index. `count` is the new
// deck's slide count.
std::vector<double> MoveSpentTime(const std::vector<double>& spent,
                                  const std::vector<SlideIdentity>& before,
                                  const std::vector<SlideIdentity>& after, size_t count) {
  std::vector<double> moved(count, 0.0);
  const bool follow = before.size() == spent.size() && after.size() == count && count > 0;
  if (!follow) {
    std::copy_n(spent.begin(), std::min(count, spent.size()), moved.begin());
    return moved;
  }
  std::vector<std::optional<int>> at(spent.size());
  std::vector<bool> claimed(count, false);
  for (size_t i = 0; i < spent.size(); ++i) {
    at[i] = FindSlide(after, before[i], static_cast<int>(i));
    if (at[i] && claimed[*at[i]]) at[i].reset();  // two alike slides: the first keeps it
    if (at[i]) claimed[*at[i]] = true;
  }
  for (size_t i = 0; i < spent.size(); ++i) {
    if (at[i]) {
      moved[*at[i]] += spent[i];
    } else if (i < count && !claimed[i]) {
      moved[i] += spent[i];
    }
  }
  return moved;
}

}  // namespace

void Session::UpdateDeck(SessionDeckInfo deck) {
  Settle(last_now_);
  const bool id_changed = deck.deck_id != deck_.deck_id;
  const std::vector<SlideIdentity> before = std::move(deck_.slides);
  const std::vector<double> spent_before = std::move(spent_);
  spent_.clear();  // SetDeck sizes it; MoveSpentTime fills it
  SetDeck(std::move(deck));
  int slide = ClampSlide(slide_);
  const std::vector<SlideIdentity>& after = deck_.slides;
  spent_ = MoveSpentTime(spent_before, before, after, slide_count());
  if (static_cast<size_t>(slide_) < before.size() && !after.empty() &&
      !(static_cast<size_t>(slide_) < after.size() && after[slide_] == before[slide_])) {
    // The slide shown is elsewhere now, or gone: find it, else its neighbours.
    auto exactly = [&](const SlideIdentity& wanted) -> std::optional<int> {
      std::optional<int> at = FindSlide(after, wanted, slide_);
      if (at && after[*at] == wanted) return at;
      return std::nullopt;
    };
    if (std::optional<int> at = FindSlide(after, before[slide_], slide_)) {
      slide = *at;
    } else if (std::optional<int> prev = slide_ > 0 ? exactly(before[slide_ - 1]) : std::nullopt) {
      slide = ClampSlide(*prev + 1);
    } else if (std::optional<int> next = static_cast<size_t>(slide_ + 1) < before.size()
                                             ? exactly(before[slide_ + 1])
                                             : std::nullopt) {
      slide = ClampSlide(*next - 1);
    }
  }
  const int step = ClampStep(slide, step_);
  // The overview cursor moves with the slide when it was on it.
  const int cursor = cursor_ == slide_ ? slide : ClampSlide(cursor_);
  const bool moved = slide != slide_ || step != step_ || cursor != cursor_;
  slide_ = slide;
  step_ = step;
  cursor_ = cursor;
  if (moved || id_changed) ++revision_;
}

int Session::slide_count() const { return static_cast<int>(deck_.steps_per_slide.size()); }

int Session::StepCount(int slide) const {
  if (slide < 0 || slide >= slide_count()) return 1;
  return deck_.steps_per_slide[slide];
}

const std::string& Session::deck_id() const { return deck_.deck_id; }

int Session::ClampSlide(int64_t slide) const {
  return static_cast<int>(std::clamp<int64_t>(slide, 0, slide_count() - 1));
}

int Session::ClampStep(int slide, int64_t step) const {
  return static_cast<int>(std::clamp<int64_t>(step, 0, StepCount(slide) - 1));
}

// [SECTION] Session: navigation ------------------------------------------------------

bool Session::MoveTo(int slide, int step, double now_seconds) {
  const double now = Observe(now_seconds);
  slide = ClampSlide(slide);
  step = ClampStep(slide, step);
  if (slide == slide_ && step == step_) return false;
  Settle(now);
  slide_ = slide;
  step_ = step;
  cursor_ = slide;
  if (timer_state_ == TimerState::kIdle) {
    timer_state_ = TimerState::kRunning;
    settled_seconds_ = 0;
    run_since_ = now;
  }
  return true;
}

bool Session::Next(double now_seconds) {
  if (Wake()) return true;
  if (mode_ == ScreenMode::kOverview) return MoveOverviewCursor(1);
  bool moved = step_ + 1 < StepCount(slide_) ? MoveTo(slide_, step_ + 1, now_seconds)
               : slide_ + 1 < slide_count()  ? MoveTo(slide_ + 1, 0, now_seconds)
                                             : false;
  if (moved) ++revision_;
  return moved;
}

bool Session::Prev(double now_seconds) {
  if (Wake()) return true;
  if (mode_ == ScreenMode::kOverview) return MoveOverviewCursor(-1);
  bool moved = step_ > 0    ? MoveTo(slide_, step_ - 1, now_seconds)
               : slide_ > 0 ? MoveTo(slide_ - 1, kLastStep, now_seconds)
                            : false;
  if (moved) ++revision_;
  return moved;
}

bool Session::NextSlide(double now_seconds) {
  if (Wake()) return true;
  if (mode_ == ScreenMode::kOverview) return MoveOverviewCursor(1);
  bool moved = slide_ + 1 < slide_count() && MoveTo(slide_ + 1, 0, now_seconds);
  if (moved) ++revision_;
  return moved;
}

bool Session::PrevSlide(double now_seconds) {
  if (Wake()) return true;
  if (mode_ == ScreenMode::kOverview) return MoveOverviewCursor(-1);
  bool moved = slide_ > 0 && MoveTo(slide_ - 1, 0, now_seconds);
  if (moved) ++revision_;
  return moved;
}

bool Session::First(double now_seconds) {
  if (Wake()) return true;
  if (mode_ == ScreenMode::kOverview) return SetOverviewCursor(0);
  bool moved = MoveTo(0, 0, now_seconds);
  if (moved) ++revision_;
  return moved;
}

bool Session::Last(double now_seconds) {
  if (Wake()) return true;
  if (mode_ == ScreenMode::kOverview) return SetOverviewCursor(slide_count() - 1);
  bool moved = MoveTo(slide_count() - 1, kLastStep, now_seconds);
  if (moved) ++revision_;
  return moved;
}

bool Session::GoTo(int slide, int step, double now_seconds) {
  const bool mode_changed = mode_ != ScreenMode::kSlide;
  mode_ = ScreenMode::kSlide;
  const bool moved = MoveTo(slide, step, now_seconds);
  if (!moved) cursor_ = slide_;
  if (moved || mode_changed) ++revision_;
  return moved || mode_changed;
}

// [SECTION] Session: screen modes ----------------------------------------------------

bool Session::SetMode(ScreenMode mode) {
  if (mode_ == mode) return false;
  mode_ = mode;
  ++revision_;
  return true;
}

bool Session::Wake() {
  if (mode_ != ScreenMode::kBlack && mode_ != ScreenMode::kWhite) return false;
  return SetMode(ScreenMode::kSlide);
}

bool Session::ToggleOverview() {
  if (mode_ == ScreenMode::kOverview) return SetMode(ScreenMode::kSlide);
  cursor_ = slide_;
  return SetMode(ScreenMode::kOverview);
}

bool Session::MoveCursor(int slide) {
  if (mode_ != ScreenMode::kOverview) return false;
  slide = ClampSlide(slide);
  if (slide == cursor_) return false;
  cursor_ = slide;
  ++revision_;
  return true;
}

bool Session::MoveOverviewCursor(int delta) {
  return MoveCursor(ClampSlide(static_cast<int64_t>(cursor_) + delta));
}

bool Session::SetOverviewCursor(int slide) { return MoveCursor(slide); }

bool Session::ConfirmOverview(double now_seconds) {
  if (mode_ != ScreenMode::kOverview) return false;
  mode_ = ScreenMode::kSlide;
  if (cursor_ != slide_) MoveTo(cursor_, 0, now_seconds);
  ++revision_;
  return true;
}

bool Session::ToggleBlack() {
  return SetMode(mode_ == ScreenMode::kBlack ? ScreenMode::kSlide : ScreenMode::kBlack);
}

bool Session::ToggleWhite() {
  return SetMode(mode_ == ScreenMode::kWhite ? ScreenMode::kSlide : ScreenMode::kWhite);
}

// [SECTION] Session: timer -----------------------------------------------------------

double Session::Now(double now_seconds) const {
  return std::isfinite(now_seconds) ? now_seconds : last_now_;
}

double Session::Observe(double now_seconds) {
  if (std::isfinite(now_seconds)) last_now_ = now_seconds;
  return last_now_;
}

void Session::Settle(double now_seconds) {
  if (timer_state_ != TimerState::kRunning) return;
  const double delta = PositivePart(now_seconds - run_since_);
  settled_seconds_ += delta;
  spent_[slide_] += delta;
  run_since_ = std::max(run_since_, now_seconds);
}

bool Session::StartTimer(double now_seconds) {
  if (timer_state_ != TimerState::kIdle) return false;
  timer_state_ = TimerState::kRunning;
  settled_seconds_ = 0;
  run_since_ = Observe(now_seconds);
  ++revision_;
  return true;
}

bool Session::PauseTimer(double now_seconds) {
  if (timer_state_ != TimerState::kRunning) return false;
  Settle(Observe(now_seconds));
  timer_state_ = TimerState::kPaused;
  ++revision_;
  return true;
}

bool Session::ResumeTimer(double now_seconds) {
  if (timer_state_ != TimerState::kPaused) return false;
  timer_state_ = TimerState::kRunning;
  run_since_ = Observe(now_seconds);
  ++revision_;
  return true;
}

bool Session::ToggleTimer(double now_seconds) {
  switch (timer_state_) {
    case TimerState::kIdle:
      return StartTimer(now_seconds);
    case TimerState::kRunning:
      return PauseTimer(now_seconds);
    case TimerState::kPaused:
      return ResumeTimer(now_seconds);
  }
  return false;
}

bool Session::ResetTimer(double now_seconds) {
  const double now = Observe(now_seconds);
  const bool was_zero = Elapsed(now) == 0 &&
                        std::all_of(spent_.begin(), spent_.end(), [](double s) { return s == 0; });
  const TimerState state =
      timer_state_ == TimerState::kRunning ? TimerState::kRunning : TimerState::kIdle;
  if (was_zero && state == timer_state_) return false;
  timer_state_ = state;
  settled_seconds_ = 0;
  run_since_ = now;
  std::fill(spent_.begin(), spent_.end(), 0.0);
  ++revision_;
  return true;
}

double Session::Elapsed(double now_seconds) const {
  if (timer_state_ != TimerState::kRunning) return settled_seconds_;
  return settled_seconds_ + PositivePart(Now(now_seconds) - run_since_);
}

std::optional<double> Session::Remaining(double now_seconds) const {
  if (!duration_) return std::nullopt;
  return *duration_ - Elapsed(now_seconds);
}

void Session::SetAmberSeconds(double seconds) {
  if (std::isnan(seconds)) {
    amber_seconds_ = kDefaultAmberSeconds;
  } else {
    amber_seconds_ = std::clamp(seconds, 0.0, kMaxSessionSeconds);
  }
}

TimerWarning Session::Warning(double now_seconds) const {
  const std::optional<double> remaining = Remaining(now_seconds);
  if (!remaining) return TimerWarning::kNormal;
  if (*remaining < 0) return TimerWarning::kRed;
  if (*remaining <= amber_seconds_) return TimerWarning::kAmber;
  return TimerWarning::kNormal;
}

// [SECTION] Session: pacing and rehearsal --------------------------------------------

std::optional<double> Session::PlannedSlideStart(int slide) const {
  if (!plan_ || slide < 0 || slide >= slide_count()) return std::nullopt;
  return plan_->slide_start_seconds[slide];
}

std::optional<double> Session::Pacing(double now_seconds) const {
  if (!plan_) return std::nullopt;
  const double start = plan_->slide_start_seconds[slide_];
  const double length = plan_->slide_seconds[slide_];
  const double steps = StepCount(slide_);
  const double window_begin = start + length * step_ / steps;
  const double window_end = start + length * (step_ + 1) / steps;
  const double elapsed = Elapsed(now_seconds);
  if (elapsed < window_begin) return window_begin - elapsed;
  if (elapsed > window_end) return window_end - elapsed;
  return 0.0;
}

double Session::SecondsOnSlide(int slide, double now_seconds) const {
  if (slide < 0 || slide >= slide_count()) return 0;
  double seconds = spent_[slide];
  if (slide == slide_ && timer_state_ == TimerState::kRunning) {
    seconds += PositivePart(Now(now_seconds) - run_since_);
  }
  return seconds;
}

std::vector<double> Session::SecondsPerSlide(double now_seconds) const {
  std::vector<double> seconds(spent_);
  seconds[slide_] = SecondsOnSlide(slide_, now_seconds);
  return seconds;
}

// [SECTION] Session: sync and persistence --------------------------------------------

SessionMessage Session::ToMessage(double now_seconds, double epoch_seconds) const {
  SessionMessage m;
  m.deck_id = deck_.deck_id;
  m.revision = revision_;
  m.sender_role = role_;
  m.slide = slide_;
  m.step = step_;
  m.cursor = cursor_;
  m.mode = mode_;
  m.timer = timer_state_;
  const double now = Now(now_seconds);
  // Clamped to what ParseSessionMessage() accepts, so that a session can always read its
  // own message back, even after a front end passed absurd times.
  m.elapsed_seconds = std::min(Elapsed(now), kMaxSessionSeconds);
  m.epoch_seconds = std::min(PositivePart(epoch_seconds), kMaxEpochSeconds);
  m.seconds_per_slide = SecondsPerSlide(now);
  for (double& seconds : m.seconds_per_slide) seconds = std::min(seconds, kMaxSessionSeconds);
  if (static_cast<size_t>(slide_) < deck_.slides.size()) m.shows = deck_.slides[slide_];
  return m;
}

std::string Session::Serialize(double now_seconds, double epoch_seconds) const {
  return FormatSessionMessage(ToMessage(now_seconds, epoch_seconds));
}

RestoreResult Session::Restore(std::string_view text, double now_seconds, double epoch_seconds,
                               RestoreMode restore_mode) {
  SessionMessage message;
  RestoreResult result = ParseSessionMessage(text, &message);
  if (!result.ok()) return result;
  return Restore(message, now_seconds, epoch_seconds, restore_mode);
}

RestoreResult Session::Restore(const SessionMessage& m, double now_seconds, double epoch_seconds,
                               RestoreMode restore_mode) {
  if (m.deck_id != deck_.deck_id) {
    return Fail(RestoreStatus::kWrongDeck,
                "message is for deck " + Quote(m.deck_id) + ", this is " + Quote(deck_.deck_id));
  }
  // Messages built in code (not parsed) get the same checks as parsed ones.
  const bool times_valid =
      IsValidSeconds(m.elapsed_seconds) && std::isfinite(m.epoch_seconds) &&
      std::all_of(m.seconds_per_slide.begin(), m.seconds_per_slide.end(), IsValidSeconds);
  if (m.slide < 0 || m.step < 0 || (m.cursor && *m.cursor < 0) || !times_valid) {
    return Malformed("negative position or invalid time in message");
  }
  if (restore_mode == RestoreMode::kIfNewer) {
    const bool newer =
        m.revision > revision_ ||
        (m.revision == revision_ && m.sender_role == Role::kPresenter && role_ == Role::kAudience);
    if (!newer) {
      return Fail(RestoreStatus::kStale, "message revision " + std::to_string(m.revision) +
                                             " is not newer than " + std::to_string(revision_));
    }
  }

  const double now = Observe(now_seconds);
  slide_ = ClampSlide(m.slide);
  // The sender's slide is another one here (one of the two decks was edited): follow it.
  if (m.shows && !deck_.slides.empty() &&
      !(static_cast<size_t>(slide_) < deck_.slides.size() && deck_.slides[slide_] == *m.shows)) {
    if (std::optional<int> at = FindSlide(deck_.slides, *m.shows, slide_)) slide_ = *at;
  }
  step_ = ClampStep(slide_, m.step);
  cursor_ = !m.cursor || *m.cursor == m.slide ? slide_ : ClampSlide(*m.cursor);
  mode_ = m.mode;

  std::fill(spent_.begin(), spent_.end(), 0.0);
  timer_state_ = m.timer;
  run_since_ = now;
  if (m.timer == TimerState::kIdle) {
    settled_seconds_ = 0;
  } else {
    const size_t n = std::min(spent_.size(), m.seconds_per_slide.size());
    std::copy_n(m.seconds_per_slide.begin(), n, spent_.begin());
    double away = 0;
    if (m.timer == TimerState::kRunning && std::isfinite(epoch_seconds)) {
      away = std::min(PositivePart(epoch_seconds - m.epoch_seconds), kMaxSessionSeconds);
    }
    settled_seconds_ = std::min(m.elapsed_seconds + away, kMaxSessionSeconds);
    spent_[slide_] = std::min(spent_[slide_] + away, kMaxSessionSeconds);
  }
  revision_ = std::max(revision_, m.revision);
  return {};
}

}  // namespace podium
