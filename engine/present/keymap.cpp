#include "present/keymap.h"

#include <array>

namespace podium {
namespace {

constexpr size_t kMaxTypedDigits = 6;

struct KeyBinding {
  std::string_view key;
  KeyCommand command;
};

// The keyboard table of docs/architecture.md. Letters are listed in both cases (Caps Lock, Shift).
constexpr KeyBinding kBindings[] = {
    {"ArrowRight", KeyCommand::kNext}, {" ", KeyCommand::kNext},
    {"PageDown", KeyCommand::kNext},   {"n", KeyCommand::kNext},
    {"N", KeyCommand::kNext},          {"ArrowDown", KeyCommand::kDown},
    {"ArrowLeft", KeyCommand::kPrev},  {"PageUp", KeyCommand::kPrev},
    {"Backspace", KeyCommand::kPrev},  {"p", KeyCommand::kPrev},
    {"P", KeyCommand::kPrev},          {"ArrowUp", KeyCommand::kUp},
    {"Home", KeyCommand::kFirst},      {"End", KeyCommand::kLast},
    {"Enter", KeyCommand::kEnter},     {"Escape", KeyCommand::kEscape},
    {"o", KeyCommand::kOverview},      {"O", KeyCommand::kOverview},
    {"b", KeyCommand::kBlack},         {"B", KeyCommand::kBlack},
    {".", KeyCommand::kBlack},         {"w", KeyCommand::kWhite},
    {"W", KeyCommand::kWhite},         {",", KeyCommand::kWhite},
    {"t", KeyCommand::kToggleTimer},   {"T", KeyCommand::kToggleTimer},
    {"r", KeyCommand::kResetTimer},    {"R", KeyCommand::kResetTimer},
    {"?", KeyCommand::kHelp},          {"f", KeyCommand::kFullscreen},
    {"F", KeyCommand::kFullscreen},    {"s", KeyCommand::kPresenter},
    {"S", KeyCommand::kPresenter},
};

constexpr KeyHelpLine kHelp[] = {
    {"\u2192  \u2193  Space  PageDown  N  click", "next step",
     "\u2192  \u2193  空格  PageDown  N  单击", "下一步"},
    {"\u2190  \u2191  PageUp  Backspace  P", "previous step",
     "\u2190  \u2191  PageUp  Backspace  P", "上一步"},
    {"Home  /  End", "first / last slide", "Home  /  End", "第一页 / 最后一页"},
    {"digits, then Enter", "go to slide", "数字，然后 Enter", "跳到该页"},
    {"O  or  Esc", "overview (click a slide to open it)", "O  或  Esc", "概览（单击一页打开）"},
    {"B  or  .", "black screen", "B  或  .", "黑屏"},
    {"W  or  ,", "white screen", "W  或  ,", "白屏"},
    {"T", "pause / resume the timer", "T", "暂停 / 继续计时"},
    {"R", "reset the timer", "R", "计时归零"},
    {"F", "fullscreen", "F", "全屏"},
    {"S", "presenter view", "S", "演讲者视图"},
    {"?", "this help", "?", "本帮助"},
};
}  // namespace

KeyCommand CommandForKey(std::string_view key, KeyModifiers modifiers) {
  if (modifiers.ctrl || modifiers.alt || modifiers.meta) return KeyCommand::kNone;
  if (key.size() == 1 && key[0] >= '0' && key[0] <= '9') return KeyCommand::kDigit;
  if (key == " " && modifiers.shift) return KeyCommand::kPrev;
  for (const KeyBinding& b : kBindings)
    if (b.key == key) return b.command;
  return KeyCommand::kNone;
}

KeyOutcome KeyboardInput::Press(std::string_view key, KeyModifiers modifiers, Session& session,
                                double now, int overview_columns) {
  KeyOutcome out;
  out.command = CommandForKey(key, modifiers);
  if (out.command == KeyCommand::kNone) return out;
  out.handled = true;
  const bool overview = session.mode() == ScreenMode::kOverview;
  const int columns = overview_columns < 1 ? 1 : overview_columns;

  // Editing the typed number comes first: these keys mean something else without it.
  switch (out.command) {
    case KeyCommand::kDigit:
      if (typed_.size() < kMaxTypedDigits && !(typed_.empty() && key[0] == '0')) {
        typed_ += key[0];
        out.changed = true;
      }
      return out;
    case KeyCommand::kEnter:
      if (!typed_.empty()) {
        int slide = std::stoi(typed_) - 1;
        typed_.clear();
        session.GoTo(slide, 0, now);
        out.changed = true;  // at least the typed number disappeared
        return out;
      }
      if (overview)
        out.changed = session.ConfirmOverview(now);
      else
        out.handled = false;
      return out;
    case KeyCommand::kEscape:
      if (!typed_.empty()) {
        typed_.clear();
        out.changed = true;
        return out;
      }
      if (session.help_visible()) {
        session.ToggleHelp();
        out.changed = true;
        return out;
      }
      // A blanked screen comes back to the slide, as in Keynote and PowerPoint: Esc is the
      // key a speaker reaches for, and the audience should not see the overview grid.
      if (session.mode() == ScreenMode::kBlack) {
        out.changed = session.ToggleBlack();
        return out;
      }
      if (session.mode() == ScreenMode::kWhite) {
        out.changed = session.ToggleWhite();
        return out;
      }
      out.changed = session.ToggleOverview();
      return out;
    case KeyCommand::kPrev:
      if (key == "Backspace" && !typed_.empty()) {
        typed_.pop_back();
        out.changed = true;
        return out;
      }
      break;
    default:
      break;
  }
  if (!typed_.empty()) {
    typed_.clear();
    out.changed = true;
  }

  bool changed = false;
  switch (out.command) {
    case KeyCommand::kNext:
      changed = session.Next(now);
      break;
    case KeyCommand::kPrev:
      changed = session.Prev(now);
      break;
    case KeyCommand::kDown:
      changed = overview ? session.MoveOverviewCursor(columns) : session.Next(now);
      break;
    case KeyCommand::kUp:
      changed = overview ? session.MoveOverviewCursor(-columns) : session.Prev(now);
      break;
    case KeyCommand::kFirst:
      changed = session.First(now);
      break;
    case KeyCommand::kLast:
      changed = session.Last(now);
      break;
    case KeyCommand::kOverview:
      changed = session.ToggleOverview();
      break;
    case KeyCommand::kBlack:
      changed = session.ToggleBlack();
      break;
    case KeyCommand::kWhite:
      changed = session.ToggleWhite();
      break;
    case KeyCommand::kToggleTimer:
      changed = session.ToggleTimer(now);
      break;
    case KeyCommand::kResetTimer:
      changed = session.ResetTimer(now);
      break;
    case KeyCommand::kHelp:
      session.ToggleHelp();
      changed = true;
      break;
    case KeyCommand::kFullscreen:
      out.action = KeyAction::kToggleFullscreen;
      break;
    case KeyCommand::kPresenter:
      out.action = KeyAction::kTogglePresenter;
      break;
    default:
      break;
  }
  out.changed = out.changed || changed;
  return out;
}

std::span<const KeyHelpLine> KeyHelp() { return kHelp; }

}  // namespace podium
