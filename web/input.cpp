// Input: browser events → Session calls, through the shared keymap (present/keymap.h).
//
// [SECTION] Keyboard
// [SECTION] Mouse: click, hover
// [SECTION] Wheel
// [SECTION] Touch: swipes
// [SECTION] Installation
//
// Every handler ends with AfterChange() when it changed something. Keys are handled only
// while a deck is shown, so the start page's controls keep their keyboard. In the presenter
// view the keys are the same (they act on the one talk, which the other window follows);
// clicks, the pointer and the wheel go to the presenter view's own regions instead.
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <cmath>

#include "app.h"
#include "page.h"
#include "present/overlays.h"

namespace podium::web {
namespace {

constexpr double kNoticeSeconds = 1.6;
constexpr double kWheelThreshold = 60;     // CSS pixels of scrolling per step
constexpr double kWheelCooldown = 0.45;    // seconds: one flick of a trackpad, one step
constexpr double kWheelGestureGap = 0.25;  // seconds of quiet that end a wheel gesture
constexpr double kSwipeDistance = 50;      // CSS pixels

void ExpireNotice(void*) {
  if (GetApp().player.ExpireNotice(NowSeconds())) RequestFrame();
}

void ShowNotice(std::string text) {
  GetApp().player.ShowNotice(std::move(text), NowSeconds() + kNoticeSeconds);
  emscripten_set_timeout(ExpireNotice, kNoticeSeconds * 1000 + 50, nullptr);
}

void ShowTimerNotice(const Session& session, KeyCommand command) {
  double now = NowSeconds();
  std::string clock = FormatClock(session.Elapsed(now));
  if (command == KeyCommand::kResetTimer) {
    ShowNotice("Timer reset");
  } else if (session.timer_state() == TimerState::kRunning) {
    ShowNotice("Timer running \u00b7 " + clock);
  } else {
    ShowNotice("Timer paused \u00b7 " + clock);
  }
}

// [SECTION] Keyboard ---------------------------------------------------------------------

bool IsRepeatable(KeyCommand command) {
  return command == KeyCommand::kNext || command == KeyCommand::kPrev ||
         command == KeyCommand::kUp || command == KeyCommand::kDown;
}

EM_BOOL OnKeyDown(int, const EmscriptenKeyboardEvent* event, void*) {
  App& app = GetApp();
  if (!app.player.started()) return EM_FALSE;
  KeyModifiers modifiers;
  modifiers.shift = event->shiftKey;
  modifiers.ctrl = event->ctrlKey;
  modifiers.alt = event->altKey;
  modifiers.meta = event->metaKey;
  KeyCommand command = CommandForKey(event->key, modifiers);
  if (command == KeyCommand::kNone) return EM_FALSE;
  if (event->repeat && !IsRepeatable(command)) return EM_TRUE;  // a held F is one press

  Session& session = app.player.session();
  KeyOutcome outcome = app.player.keyboard().Press(event->key, modifiers, session, NowSeconds(),
                                                   CurrentOverviewGrid(app.player).columns);
  const bool presenter = app.player.view() == Role::kPresenter;  // its timer panel says it
  if (!presenter &&
      (outcome.command == KeyCommand::kToggleTimer || outcome.command == KeyCommand::kResetTimer))
    ShowTimerNotice(session, outcome.command);
  if (outcome.action == KeyAction::kToggleFullscreen) page::ToggleFullscreen();
  if (outcome.action == KeyAction::kTogglePresenter) page::TogglePresenter();
  if (outcome.changed || !app.player.notice().empty()) AfterChange();
  return outcome.handled ? EM_TRUE : EM_FALSE;
}

// [SECTION] Mouse: click, hover ----------------------------------------------------------

// The design-space point under a mouse event on the canvas.
ImVec2 DesignPoint(const App& app, long target_x, long target_y) {
  DesignSize design = app.player.design_size();
  SlidePlacement place =
      PlaceSlide(app.framebuffer_width, app.framebuffer_height, design.width, design.height);
  return place.ToDesign(CssToFramebufferX(target_x), CssToFramebufferY(target_y));
}

// The link under a design-space point on the current slide, or nullptr.
const LayoutLink* LinkAt(const App& app, ImVec2 p) {
  const Session& session = app.player.session();
  if (session.mode() != ScreenMode::kSlide || session.help_visible()) return nullptr;
  for (const LayoutLink& link : app.player.CurrentLayout().links) {
    if (link.step > session.step()) continue;
    if (p.x >= link.rect.x0 && p.x <= link.rect.x1 && p.y >= link.rect.y0 && p.y <= link.rect.y1)
      return &link;
  }
  return nullptr;
}

// A click in the presenter view: notes −/+, timer buttons, the next preview, an overview
// thumbnail; the help overlay closes first.
void ClickPresenter(App& app, float x, float y) {
  Session& session = app.player.session();
  if (session.help_visible()) {
    session.ToggleHelp();
    RequestFrame();
    return;
  }
  const float scale = app.player.presenter_prefs.notes_scale;
  PresenterClick click = app.player.PresenterClickAt(x, y, NowSeconds());
  if (app.player.presenter_prefs.notes_scale != scale)
    page::SaveNotesScale(app.player.presenter_prefs.notes_scale);
  if (click.changed) AfterChange();
}

// Whether the presenter view reacts to a click at (x, y): the pointer shows it.
bool PresenterClickable(const App& app, float x, float y) {
  const PresenterView& view = app.player.presenter_view();
  switch (view.HitAt(x, y)) {
    case PresenterHit::kNotesSmaller:
    case PresenterHit::kNotesLarger:
    case PresenterHit::kTimerToggle:
    case PresenterHit::kTimerReset:
    case PresenterHit::kNextPreview: return true;
    case PresenterHit::kCurrentSlide: return view.overview;
    default: return false;
  }
}

EM_BOOL OnClick(int, const EmscriptenMouseEvent* event, void*) {
  App& app = GetApp();
  if (!app.player.started() || event->button != 0) return EM_FALSE;
  if (app.player.view() == Role::kPresenter) {
    ClickPresenter(app, static_cast<float>(event->targetX), static_cast<float>(event->targetY));
    return EM_TRUE;
  }
  Session& session = app.player.session();
  double now = NowSeconds();
  ImVec2 p = DesignPoint(app, event->targetX, event->targetY);
  if (session.help_visible()) {
    session.ToggleHelp();
  } else if (session.mode() == ScreenMode::kOverview) {
    int slide = CurrentOverviewGrid(app.player).SlideAt(p.x, p.y);
    if (slide < 0) return EM_TRUE;
    session.SetOverviewCursor(slide);
    session.ConfirmOverview(now);
  } else if (const LayoutLink* link = LinkAt(app, p)) {
    if (IsOpenableLink(link->href)) page::OpenLink(link->href);
    return EM_TRUE;
  } else {
    app.player.keyboard().ClearTypedNumber();
    session.Next(now);
  }
  AfterChange();
  return EM_TRUE;
}

EM_BOOL OnMouseMove(int, const EmscriptenMouseEvent* event, void*) {
  App& app = GetApp();
  if (!app.player.started()) return EM_FALSE;
  Session& session = app.player.session();
  ImVec2 p = DesignPoint(app, event->targetX, event->targetY);
  bool pointer = false;
  if (app.player.view() == Role::kPresenter) {
    pointer = !session.help_visible() &&
              PresenterClickable(app, static_cast<float>(event->targetX),
                                 static_cast<float>(event->targetY));
  } else if (session.mode() == ScreenMode::kOverview && !session.help_visible()) {
    int slide = CurrentOverviewGrid(app.player).SlideAt(p.x, p.y);
    pointer = slide >= 0;
    if (slide >= 0 && slide != session.overview_cursor()) {
      session.SetOverviewCursor(slide);
      AfterChange();
    }
  } else if (const LayoutLink* link = LinkAt(app, p)) {
    pointer = IsOpenableLink(link->href);
  }
  if (pointer != app.pointer_cursor) {
    app.pointer_cursor = pointer;
    page::SetPointerCursor(pointer);
  }
  return EM_FALSE;
}

// [SECTION] Wheel ------------------------------------------------------------------------

struct WheelState {
  double accumulated = 0;
  double last_event = -1e9;
  double last_move = -1e9;
};
WheelState g_wheel;

EM_BOOL OnWheel(int, const EmscriptenWheelEvent* event, void*) {
  App& app = GetApp();
  if (!app.player.started()) return EM_FALSE;
  double now = NowSeconds();
  double dy = event->deltaY;
  if (event->deltaMode == DOM_DELTA_LINE) dy *= 40;
  if (event->deltaMode == DOM_DELTA_PAGE) dy *= 800;
  if (app.player.view() == Role::kPresenter) {  // the wheel scrolls the notes, pixel for pixel
    if (app.player.ScrollPresenterNotes(static_cast<float>(dy))) RequestFrame();
    return EM_TRUE;
  }
  if (now - g_wheel.last_event > kWheelGestureGap) g_wheel.accumulated = 0;
  g_wheel.last_event = now;
  g_wheel.accumulated += dy;
  if (std::fabs(g_wheel.accumulated) < kWheelThreshold || now - g_wheel.last_move < kWheelCooldown)
    return EM_TRUE;
  bool forward = g_wheel.accumulated > 0;
  g_wheel.accumulated = 0;
  g_wheel.last_move = now;
  Session& session = app.player.session();
  bool changed;
  if (session.mode() == ScreenMode::kOverview) {
    int columns = CurrentOverviewGrid(app.player).columns;
    changed = session.MoveOverviewCursor(forward ? columns : -columns);
  } else {
    changed = forward ? session.Next(now) : session.Prev(now);
  }
  if (changed) AfterChange();
  return EM_TRUE;
}

// [SECTION] Touch: swipes ----------------------------------------------------------------

struct TouchState {
  bool active = false;
  long start_x = 0, start_y = 0;
};
TouchState g_touch;

EM_BOOL OnTouchStart(int, const EmscriptenTouchEvent* event, void*) {
  g_touch.active = event->numTouches == 1;
  if (g_touch.active) {
    g_touch.start_x = event->touches[0].clientX;
    g_touch.start_y = event->touches[0].clientY;
  }
  return EM_FALSE;  // a tap must still become a click
}

EM_BOOL OnTouchEnd(int, const EmscriptenTouchEvent* event, void*) {
  App& app = GetApp();
  if (!g_touch.active || !app.player.started()) return EM_FALSE;
  g_touch.active = false;
  const EmscriptenTouchPoint* touch = nullptr;
  for (int i = 0; i < event->numTouches; ++i)
    if (event->touches[i].isChanged) touch = &event->touches[i];
  if (!touch) return EM_FALSE;
  double dx = touch->clientX - g_touch.start_x, dy = touch->clientY - g_touch.start_y;
  bool horizontal = std::fabs(dx) >= kSwipeDistance && std::fabs(dx) > 1.2 * std::fabs(dy);
  bool vertical = std::fabs(dy) >= kSwipeDistance && std::fabs(dy) > 1.2 * std::fabs(dx);
  if (!horizontal && !vertical) return EM_FALSE;
  bool forward = horizontal ? dx < 0 : dy < 0;  // swipe left or up: next
  Session& session = app.player.session();
  double now = NowSeconds();
  bool changed = forward ? session.Next(now) : session.Prev(now);
  if (changed) AfterChange();
  return EM_TRUE;
}

EM_BOOL OnResize(int, const EmscriptenUiEvent*, void*) {
  RequestFrame();
  return EM_FALSE;
}

}  // namespace

// [SECTION] Installation -----------------------------------------------------------------

void InstallInputHandlers() {
  const char* window = EMSCRIPTEN_EVENT_TARGET_WINDOW;
  const char* canvas = "#canvas";
  emscripten_set_keydown_callback(window, nullptr, EM_FALSE, OnKeyDown);
  emscripten_set_click_callback(canvas, nullptr, EM_FALSE, OnClick);
  emscripten_set_mousemove_callback(canvas, nullptr, EM_FALSE, OnMouseMove);
  emscripten_set_wheel_callback(canvas, nullptr, EM_FALSE, OnWheel);
  emscripten_set_touchstart_callback(canvas, nullptr, EM_FALSE, OnTouchStart);
  emscripten_set_touchend_callback(canvas, nullptr, EM_FALSE, OnTouchEnd);
  emscripten_set_resize_callback(window, nullptr, EM_FALSE, OnResize);
}

}  // namespace podium::web
