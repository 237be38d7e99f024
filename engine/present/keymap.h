// Keymap: one key press → what the talk does. The same table in the browser and the native
// app (docs/architecture.md, "Keyboard"), and the help overlay lists it from here.
//
//   podium::KeyboardInput keys;                       // one per window
//   podium::KeyOutcome o = keys.Press(event.key, mods, session, now, overview_columns);
//   if (o.action == podium::KeyAction::kToggleFullscreen) ToggleFullscreen();
//   if (o.handled) PreventDefault();                  // Space must not scroll the page
//   if (o.changed) Redraw();
//
// Keys are named the way the DOM's KeyboardEvent.key names them: "ArrowRight", "PageDown",
// " " (Space), "Enter", "Escape", "Backspace", "Home", "End", and printable keys as the
// character they type ("n", "N", "?", ".", "5"). A GLFW front end translates its key
// events for the named keys and its char events for printable ones.
//
// Contracts
// - Keys with Ctrl, Alt or Meta held are never handled: browser and system shortcuts win.
// - Digits accumulate a slide number (1-based, at most 6 digits) shown by typed_number();
//   Enter goes there, Escape drops it, Backspace deletes the last digit. Any other command
//   drops it first.
// - In the overview, ↑/↓ move the cursor by `overview_columns`, Enter opens the slide under
//   the cursor; the other moves are the Session's own overview rules.
// - Escape closes, in this order: typed digits, the help overlay, else toggles the overview.
// - Nothing here reads a clock or touches a platform: `now_seconds` is passed on to Session.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "present/session.h"
#include "present/ui_language.h"

namespace podium {

// What a key means, before the session's state is consulted.
enum class KeyCommand {
  kNone,
  kNext,         // → Space PageDown N (and ↓ outside the overview)
  kPrev,         // ← PageUp Backspace P, Shift+Space (and ↑ outside the overview)
  kDown,         // ↓: next, or one row down in the overview
  kUp,           // ↑: previous, or one row up in the overview
  kFirst,        // Home
  kLast,         // End
  kDigit,        // 0–9: part of a slide number
  kEnter,        // go to the typed slide, or open the overview's cursor
  kEscape,       // drop digits, close help, else toggle the overview
  kOverview,     // O
  kBlack,        // B or .
  kWhite,        // W or ,
  kToggleTimer,  // T
  kResetTimer,   // R
  kHelp,         // ?
  kFullscreen,   // F
  kPresenter,    // S
};

struct KeyModifiers {
  bool shift = false;
  bool ctrl = false;
  bool alt = false;
  bool meta = false;
};

// The command a key stands for (table lookup only); kNone for keys Podium does not use
// and for any key with Ctrl, Alt or Meta.
KeyCommand CommandForKey(std::string_view key, KeyModifiers modifiers);

// Work a key leaves to the front end, beyond the Session.
enum class KeyAction {
  kNone,
  kToggleFullscreen,
  kTogglePresenter,  // the presenter view (S)
};

struct KeyOutcome {
  KeyCommand command = KeyCommand::kNone;
  bool handled = false;  // Podium used the key: suppress the platform's default action
  bool changed = false;  // the session, the help overlay or typed_number() changed: redraw
  KeyAction action = KeyAction::kNone;
};

class KeyboardInput {
 public:
  // Applies one key press to `session`. `overview_columns` (>= 1) is the overview grid's
  // width, for ↑/↓.
  KeyOutcome Press(std::string_view key, KeyModifiers modifiers, Session& session,
                   double now_seconds, int overview_columns);

  // Digits typed so far for "go to slide" ("" when none), for display.
  const std::string& typed_number() const { return typed_; }
  void ClearTypedNumber() { typed_.clear(); }

 private:
  std::string typed_;
};

// The help overlay's lines, in display order: keys as people read them ("→ ↓ Space …")
// and what they do, in English and in Chinese.
struct KeyHelpLine {
  std::string_view keys;
  std::string_view action;
  std::string_view keys_zh;
  std::string_view action_zh;
  std::string_view Keys(UiLanguage l) const { return l == UiLanguage::kChinese ? keys_zh : keys; }
  std::string_view Action(UiLanguage l) const {
    return l == UiLanguage::kChinese ? action_zh : action;
  }
};
// The keys both front ends share (docs/architecture.md's table).
std::span<const KeyHelpLine> KeyHelp();

}  // namespace podium
