// The native presenter app.
//
// [SECTION] Helpers: clocks, language, geometry, key names
// [SECTION] Deck and session
// [SECTION] Windows
// [SECTION] Input
// [SECTION] Drawing
// [SECTION] Changes, persistence, time
// [SECTION] Run
#include "app.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "common/rehearsal.h"
#include "draw/draw_slide.h"
#include "layout/theme.h"
#include "present/overlays.h"
#include "present/session_deck.h"
#include "text/utf8.h"

namespace podium::native {
namespace {

// [SECTION] Helpers: clocks, language, geometry, key names ---------------------------------

constexpr double kSaveEverySeconds = 5;        // while the timer runs
constexpr double kRehearsalEverySeconds = 30;  // --rehearse: the file beside the deck
constexpr double kWheelCooldown = 0.35;        // audience window: one notch, one step

// The app's own keys, after the shared ones in the help panel.
constexpr KeyHelpLine kAppKeyHelp[] = {
    {"X", "swap the audience and presenter windows", "X", "交换观众窗口与演讲者窗口"},
    {"Ctrl+Q", "quit", "Ctrl+Q", "退出"},
};

void Log(const std::string& line) { std::fprintf(stderr, "podium: %s\n", line.c_str()); }

std::string DisplayName(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

// The system's language for the UI: $LANGUAGE (a list), $LC_ALL, $LC_MESSAGES, $LANG.
std::string SystemLanguage() {
  for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value && *value) return value;
  }
  return "";
}

std::string WallClock(double epoch) {
  std::time_t t = static_cast<std::time_t>(epoch);
  std::tm local{};
  char text[16] = "";
  if (localtime_r(&t, &local)) std::strftime(text, sizeof text, "%H:%M", &local);
  return text;
}

struct Placement {
  int x = 0, y = 0, w = 0, h = 0;
};

bool ParseGeometry(const std::string& text, Placement* out) {
  Placement p;
  char sx = 0, sy = 0;
  if (std::sscanf(text.c_str(), "%dx%d%c%d%c%d", &p.w, &p.h, &sx, &p.x, &sy, &p.y) == 6 &&
      (sx == '+' || sx == '-') && (sy == '+' || sy == '-')) {
    if (sx == '-') p.x = -p.x;
    if (sy == '-') p.y = -p.y;
  } else if (std::sscanf(text.c_str(), "%dx%d", &p.w, &p.h) != 2) {
    return false;
  }
  if (p.w < 64 || p.h < 64 || p.w > 16384 || p.h > 16384) return false;
  *out = p;
  return true;
}

// Keys as the DOM names them (present/keymap.h); printable keys come as char events.
std::string_view DomKeyName(int key) {
  switch (key) {
    case GLFW_KEY_RIGHT: return "ArrowRight";
    case GLFW_KEY_LEFT: return "ArrowLeft";
    case GLFW_KEY_UP: return "ArrowUp";
    case GLFW_KEY_DOWN: return "ArrowDown";
    case GLFW_KEY_PAGE_UP: return "PageUp";
    case GLFW_KEY_PAGE_DOWN: return "PageDown";
    case GLFW_KEY_HOME: return "Home";
    case GLFW_KEY_END: return "End";
    case GLFW_KEY_ENTER:
    case GLFW_KEY_KP_ENTER: return "Enter";
    case GLFW_KEY_ESCAPE: return "Escape";
    case GLFW_KEY_BACKSPACE: return "Backspace";
    case GLFW_KEY_SPACE: return " ";
    default: return {};
  }
}

KeyModifiers ModifiersOf(int mods) {
  KeyModifiers m;
  m.shift = mods & GLFW_MOD_SHIFT;
  m.ctrl = mods & GLFW_MOD_CONTROL;
  m.alt = mods & GLFW_MOD_ALT;
  m.meta = mods & GLFW_MOD_SUPER;
  return m;
}

bool IsRepeatable(KeyCommand command) {
  return command == KeyCommand::kNext || command == KeyCommand::kPrev ||
         command == KeyCommand::kUp || command == KeyCommand::kDown;
}

App::Window& WindowOf(GLFWwindow* handle) {
  return *static_cast<App::Window*>(glfwGetWindowUserPointer(handle));
}

// Where a slide of design size dw×dh goes in a w×h area: scaled to fit, centred.
struct Letterbox {
  float scale = 1;
  float x = 0, y = 0;
};
Letterbox Fit(float w, float h, float dw, float dh) {
  Letterbox b;
  if (w <= 0 || h <= 0 || dw <= 0 || dh <= 0) return b;
  b.scale = std::min(w / dw, h / dh);
  b.x = std::floor((w - dw * b.scale) * 0.5f);
  b.y = std::floor((h - dh * b.scale) * 0.5f);
  return b;
}

}  // namespace

// [SECTION] Deck and session ------------------------------------------------------------

App::App(Options options) : options_(std::move(options)), watcher_(options_.deck_path) {}

App::~App() {
  for (auto& w : windows_)
    if (w->handle) glfwDestroyWindow(w->handle);
  windows_.clear();
}

double App::Now() const { return glfwGetTime(); }

double App::Epoch() const {
  using namespace std::chrono;
  return duration<double>(system_clock::now().time_since_epoch()).count();
}

UiLanguage App::Language() const {
  if (!options_.language.empty()) return ChooseUiLanguage(options_.language, "");
  return ChooseUiLanguage(shown_.loaded.deck.meta.lang, SystemLanguage());
}

SessionDeckInfo App::InfoFor(const DeckVersion& version) const {
  SessionDeckInfo info =
      SessionInfoFor(version.loaded.deck, version.layouts, DisplayName(options_.deck_path));
  bool any_time = false;
  for (const std::optional<double>& budget : info.slide_budget_seconds)
    any_time = any_time || budget.has_value();
  // `time:` directives win; without any, a rehearsal gives the budgets.
  if (!any_time && !rehearsed_.empty()) {
    std::vector<std::optional<double>> budgets = tools::BudgetsFromRehearsal(
        rehearsed_, info.steps_per_slide.size(), info.duration_seconds);
    if (!budgets.empty()) info.slide_budget_seconds = std::move(budgets);
  }
  return info;
}

bool App::LoadFirstDeck() {
  std::string error;
  if (!tools::LoadSystemFonts(&fonts_, &error)) {
    Log(error);
    return false;
  }
  glyphs_ = std::make_unique<GlyphCache>(fonts_);
  FileStamp stamp = StatFile(options_.deck_path);
  shown_ = LoadDeckVersion(options_.deck_path, fonts_);
  watcher_.Accept(stamp);
  if (!shown_.loaded.readable) {
    Log(shown_.loaded.read_error);
    return false;
  }
  for (const Diagnostic& d : shown_.diagnostics)
    std::fprintf(stderr, "%s\n", FormatDiagnostic(shown_.loaded.path, d).c_str());
  problems_ = FormatErrors(shown_);

  if (std::optional<std::string> text = ReadTextFile(tools::RehearsalPath(options_.deck_path))) {
    if (std::optional<std::vector<double>> seconds = tools::ParseRehearsal(*text)) {
      rehearsed_ = *seconds;
      Log("pacing from " + DisplayName(tools::RehearsalPath(options_.deck_path)) + " (" +
          std::to_string(rehearsed_.size()) + " slides) where no slide sets time:");
    } else {
      Log("ignoring " + tools::RehearsalPath(options_.deck_path) + ": not a podium rehearsal file");
    }
  }

  session_ = Session(InfoFor(shown_));
  session_.SetAmberSeconds(options_.amber_seconds);
  session_.SetRole(Role::kPresenter);
  state_path_ = SessionStatePath(options_.deck_path, options_.rehearse);
  if (options_.restore && !state_path_.empty()) {
    if (std::optional<std::string> saved = ReadTextFile(state_path_)) {
      RestoreResult r = session_.Restore(*saved, Now(), Epoch());
      if (r.ok())
        Log("restored slide " + std::to_string(session_.slide() + 1) + " and the timer from " +
            state_path_.string());
      else
        Log("not restoring " + state_path_.string() + ": " + r.detail);
    }
  }
  saved_revision_ = session_.revision();
  Settings settings = LoadSettings();
  settings_ = settings;
  prefs_.notes_scale = settings.notes_scale;
  return true;
}

void App::Reload() {
  FileStamp stamp = StatFile(options_.deck_path);
  DeckVersion next = LoadDeckVersion(options_.deck_path, fonts_);
  watcher_.Accept(stamp);  // this version is dealt with, good or broken
  std::vector<std::string> problems;
  if (BreaksDeck(next, shown_, &problems)) {
    Log("kept the last good slides: " + (problems.empty() ? std::string("?") : problems[0]));
    problems_ = std::move(problems);
  } else {
    for (const Diagnostic& d : next.diagnostics)
      std::fprintf(stderr, "%s\n", FormatDiagnostic(next.loaded.path, d).c_str());
    shown_ = std::move(next);
    problems_ = std::move(problems);
    session_.UpdateDeck(InfoFor(shown_));
    // Images of the old version are gone: forget their GL textures (the atlas re-uploads).
    if (!windows_.empty()) {
      glfwMakeContextCurrent(windows_[0]->handle);
      renderer_.host().Clear();
    }
    Log("reloaded " + DisplayName(options_.deck_path) + ": " +
        std::to_string(shown_.layouts.size()) + " slides, on slide " +
        std::to_string(session_.slide() + 1));
  }
  for (auto& w : windows_) w->dirty = true;
  AfterSessionChange();
}

// [SECTION] Windows ---------------------------------------------------------------------

namespace {

void OnKeyEvent(GLFWwindow* handle, int key, int, int action, int mods) {
  App::Window& w = WindowOf(handle);
  if (action == GLFW_RELEASE) return;
  w.mods = mods;
  w.char_repeat = action == GLFW_REPEAT;
  if ((mods & GLFW_MOD_CONTROL) && (key == GLFW_KEY_Q || key == GLFW_KEY_W)) {
    glfwSetWindowShouldClose(handle, GLFW_TRUE);
    return;
  }
  std::string_view name = DomKeyName(key);
  if (!name.empty()) w.app->OnKey(w, name, ModifiersOf(mods), action == GLFW_REPEAT);
}

void OnCharEvent(GLFWwindow* handle, unsigned int codepoint) {
  App::Window& w = WindowOf(handle);
  if (codepoint == ' ') return;  // Space is a named key (Shift+Space goes back)
  std::string text;
  EncodeUtf8(static_cast<char32_t>(codepoint), text);
  w.app->OnKey(w, text, ModifiersOf(w.mods & ~GLFW_MOD_SHIFT), w.char_repeat);
}

void OnMouseButton(GLFWwindow* handle, int button, int action, int) {
  if (button != GLFW_MOUSE_BUTTON_LEFT || action != GLFW_PRESS) return;
  double x = 0, y = 0;
  glfwGetCursorPos(handle, &x, &y);
  App::Window& w = WindowOf(handle);
  w.app->OnClick(w, x, y);
}

void OnScrollEvent(GLFWwindow* handle, double, double dy) {
  double x = 0, y = 0;
  glfwGetCursorPos(handle, &x, &y);
  App::Window& w = WindowOf(handle);
  w.app->OnScroll(w, x, y, dy);
}

void OnCursor(GLFWwindow* handle, double x, double y) {
  App::Window& w = WindowOf(handle);
  w.app->OnHover(w, x, y);
}

void OnRefresh(GLFWwindow* handle) { WindowOf(handle).dirty = true; }
void OnFramebufferSize(GLFWwindow* handle, int, int) { WindowOf(handle).dirty = true; }

}  // namespace

void App::Retitle(Window& w) {
  std::string title = w.view == Role::kPresenter ? "Podium \u2014 presenter \u2014 "
                                                 : "Podium \u2014 audience \u2014 ";
  glfwSetWindowTitle(w.handle, (title + DisplayName(options_.deck_path)).c_str());
}

bool App::CreateWindows() {
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
  glfwWindowHint(GLFW_SAMPLES, 0);  // ImGui anti-aliases with fringes
  // A fullscreen audience window must stay up while the speaker clicks the laptop screen.
  glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);

  int monitor_count = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&monitor_count);
  GLFWmonitor* primary = glfwGetPrimaryMonitor();
  GLFWmonitor* external = nullptr;
  const bool placed = !options_.presenter_geometry.empty() || !options_.audience_geometry.empty();
  if (!options_.windowed && !placed && monitor_count >= 2)
    for (int i = 0; i < monitor_count; ++i)
      if (monitors[i] != primary) {
        external = monitors[i];
        break;
      }

  Placement work{0, 0, 1920, 1080};
  if (primary) glfwGetMonitorWorkarea(primary, &work.x, &work.y, &work.w, &work.h);
  if (work.w <= 0 || work.h <= 0) work = {0, 0, 1920, 1080};

  // One monitor: the presenter view on the left, the audience view beside it, no overlap.
  const int gap = 16;
  Placement presenter, audience;
  presenter.w = std::max(640, work.w * 3 / 5 - gap);
  presenter.h = std::min(work.h - 48, presenter.w * 10 / 16);
  presenter.x = work.x;
  presenter.y = work.y;
  audience.x = work.x + presenter.w + gap;
  audience.y = work.y;
  audience.w = std::max(320, work.x + work.w - audience.x);
  audience.h = audience.w * 9 / 16;
  if (!options_.presenter_geometry.empty() &&
      !ParseGeometry(options_.presenter_geometry, &presenter))
    Log("ignoring --presenter-geometry " + options_.presenter_geometry + " (WxH+X+Y)");
  if (!options_.audience_geometry.empty() && !ParseGeometry(options_.audience_geometry, &audience))
    Log("ignoring --audience-geometry " + options_.audience_geometry + " (WxH+X+Y)");

  auto make = [&](Role view, const Placement& p, GLFWmonitor* fullscreen,
                  GLFWwindow* share) -> Window* {
    auto w = std::make_unique<Window>();
    w->app = this;
    w->view = view;
    int width = p.w, height = p.h;
    if (fullscreen) {
      const GLFWvidmode* mode = glfwGetVideoMode(fullscreen);
      width = mode->width;
      height = mode->height;
    }
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);  // shown once placed
    w->handle = glfwCreateWindow(width, height, "Podium", fullscreen, share);
    if (!w->handle) return nullptr;
    if (!fullscreen) glfwSetWindowPos(w->handle, p.x, p.y);
    w->windowed_x = p.x;
    w->windowed_y = p.y;
    w->windowed_w = p.w;
    w->windowed_h = p.h;
    glfwSetWindowUserPointer(w->handle, w.get());
    glfwSetKeyCallback(w->handle, OnKeyEvent);
    glfwSetCharCallback(w->handle, OnCharEvent);
    glfwSetMouseButtonCallback(w->handle, OnMouseButton);
    glfwSetScrollCallback(w->handle, OnScrollEvent);
    glfwSetCursorPosCallback(w->handle, OnCursor);
    glfwSetWindowRefreshCallback(w->handle, OnRefresh);
    glfwSetFramebufferSizeCallback(w->handle, OnFramebufferSize);
    Retitle(*w);
    glfwShowWindow(w->handle);
    windows_.push_back(std::move(w));
    return windows_.back().get();
  };

  Window* first = nullptr;
  Window* second = nullptr;
  if (external) {
    int mx = 0, my = 0;
    glfwGetMonitorPos(external, &mx, &my);
    first = make(Role::kAudience, {mx, my, 0, 0}, external, nullptr);
    Placement laptop = work;
    glfwWindowHint(GLFW_MAXIMIZED, GLFW_TRUE);
    if (first) second = make(Role::kPresenter, laptop, nullptr, first->handle);
    glfwWindowHint(GLFW_MAXIMIZED, GLFW_FALSE);
    Log("audience view fullscreen on " + std::string(glfwGetMonitorName(external)) +
        ", presenter view on " + std::string(primary ? glfwGetMonitorName(primary) : "?"));
  } else {
    first = make(Role::kPresenter, presenter, nullptr, nullptr);
    if (first) second = make(Role::kAudience, audience, nullptr, first->handle);
  }
  if (!first || !second) return false;
  glfwMakeContextCurrent(first->handle);
  glfwSwapInterval(1);
  glfwMakeContextCurrent(second->handle);
  glfwSwapInterval(1);
  glfwMakeContextCurrent(first->handle);
  if (options_.swap) SwapViews();
  glfwFocusWindow(PresenterWindow()->handle);
  return true;
}

App::Window* App::PresenterWindow() {
  for (auto& w : windows_)
    if (w->view == Role::kPresenter) return w.get();
  return windows_.empty() ? nullptr : windows_[0].get();
}

void App::SwapViews() {
  for (auto& w : windows_) {
    w->view = w->view == Role::kPresenter ? Role::kAudience : Role::kPresenter;
    w->keys.ClearTypedNumber();
    w->help = false;
    w->dirty = true;
    w->drawn_second = -1;
    Retitle(*w);
  }
}

void App::ToggleFullscreen(Window& w) {
  if (GLFWmonitor* current = glfwGetWindowMonitor(w.handle)) {
    (void)current;
    int ww = w.windowed_w > 0 ? w.windowed_w : 1280, wh = w.windowed_h > 0 ? w.windowed_h : 720;
    glfwSetWindowMonitor(w.handle, nullptr, w.windowed_x, w.windowed_y, ww, wh, GLFW_DONT_CARE);
  } else {
    glfwGetWindowPos(w.handle, &w.windowed_x, &w.windowed_y);
    glfwGetWindowSize(w.handle, &w.windowed_w, &w.windowed_h);
    // The monitor that holds the window's centre.
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    GLFWmonitor* target = glfwGetPrimaryMonitor();
    int cx = w.windowed_x + w.windowed_w / 2, cy = w.windowed_y + w.windowed_h / 2;
    for (int i = 0; i < count; ++i) {
      int mx = 0, my = 0;
      glfwGetMonitorPos(monitors[i], &mx, &my);
      const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
      if (mode && cx >= mx && cx < mx + mode->width && cy >= my && cy < my + mode->height)
        target = monitors[i];
    }
    if (!target) return;
    const GLFWvidmode* mode = glfwGetVideoMode(target);
    glfwSetWindowMonitor(w.handle, target, 0, 0, mode->width, mode->height, mode->refreshRate);
  }
  w.dirty = true;
}

int App::OverviewColumns() const {
  return PlanOverviewGrid(static_cast<int>(shown_.layouts.size()), shown_.design.width,
                          shown_.design.height, session_.overview_cursor(), overview_first_row_)
      .columns;
}

// [SECTION] Input -----------------------------------------------------------------------

void App::OnKey(Window& w, std::string_view key, KeyModifiers modifiers, bool repeat) {
  const double now = Now();
  if ((key == "x" || key == "X") && !modifiers.ctrl && !modifiers.alt && !modifiers.meta) {
    if (!repeat) SwapViews();
    return;
  }
  KeyCommand command = CommandForKey(key, modifiers);
  if (command == KeyCommand::kNone) return;
  if (repeat && !IsRepeatable(command)) return;  // a held B is one press

  // The help overlay belongs to the window: lend it to the session for this key only.
  if (session_.help_visible() != w.help) session_.ToggleHelp();
  const uint64_t revision = session_.revision();
  KeyOutcome outcome = w.keys.Press(key, modifiers, session_, now, OverviewColumns());
  w.help = session_.help_visible();
  if (session_.help_visible()) session_.ToggleHelp();

  if (outcome.action == KeyAction::kToggleFullscreen) ToggleFullscreen(w);
  if (outcome.action == KeyAction::kTogglePresenter) {
    if (Window* p = PresenterWindow()) glfwFocusWindow(p->handle);
  }
  if (!outcome.changed) return;
  w.dirty = true;
  if (session_.revision() != revision || command == KeyCommand::kToggleTimer ||
      command == KeyCommand::kResetTimer)
    AfterSessionChange();
}

void App::OnClick(Window& w, double x, double y) {
  const double now = Now();
  const uint64_t revision = session_.revision();
  if (w.help) {
    w.help = false;
    w.dirty = true;
    return;
  }
  if (w.view == Role::kPresenter) {
    const float old_scale = prefs_.notes_scale;
    PresenterClick click = ApplyPresenterClick(w.last_view, static_cast<float>(x),
                                               static_cast<float>(y), session_, now, &prefs_);
    if (prefs_.notes_scale != old_scale) {
      settings_.notes_scale = prefs_.notes_scale;
      SaveSettings(settings_);  // remembered for the next talk
    }
    if (click.changed) w.dirty = true;
  } else {
    int ww = 0, wh = 0;
    glfwGetWindowSize(w.handle, &ww, &wh);
    Letterbox box = Fit(static_cast<float>(ww), static_cast<float>(wh), shown_.design.width,
                        shown_.design.height);
    float dx = (static_cast<float>(x) - box.x) / box.scale;
    float dy = (static_cast<float>(y) - box.y) / box.scale;
    if (session_.mode() == ScreenMode::kOverview) {
      OverviewGrid grid = PlanOverviewGrid(static_cast<int>(shown_.layouts.size()),
                                           shown_.design.width, shown_.design.height,
                                           session_.overview_cursor(), overview_first_row_);
      int slide = grid.SlideAt(dx, dy);
      if (slide >= 0) {
        session_.SetOverviewCursor(slide);
        session_.ConfirmOverview(now);
      }
    } else {
      w.keys.ClearTypedNumber();
      session_.Next(now);  // links are not opened: podium stays off the network
    }
  }
  if (session_.revision() != revision) AfterSessionChange();
}

void App::OnScroll(Window& w, double x, double y, double dy) {
  const double now = Now();
  if (w.view == Role::kPresenter) {
    (void)x;
    (void)y;
    if (ScrollNotes(w.last_view, static_cast<float>(-dy * 56), session_.slide(), &prefs_))
      w.dirty = true;
    return;
  }
  if (dy == 0 || now - w.last_wheel_step < kWheelCooldown) return;
  w.last_wheel_step = now;
  const uint64_t revision = session_.revision();
  if (session_.mode() == ScreenMode::kOverview) {
    int columns = OverviewColumns();
    session_.MoveOverviewCursor(dy < 0 ? columns : -columns);
  } else if (dy < 0) {
    session_.Next(now);
  } else {
    session_.Prev(now);
  }
  if (session_.revision() != revision) AfterSessionChange();
}

void App::OnHover(Window& w, double x, double y) {
  if (w.view != Role::kAudience || session_.mode() != ScreenMode::kOverview || w.help) return;
  int ww = 0, wh = 0;
  glfwGetWindowSize(w.handle, &ww, &wh);
  Letterbox box = Fit(static_cast<float>(ww), static_cast<float>(wh), shown_.design.width,
                      shown_.design.height);
  OverviewGrid grid = PlanOverviewGrid(static_cast<int>(shown_.layouts.size()),
                                       shown_.design.width, shown_.design.height,
                                       session_.overview_cursor(), overview_first_row_);
  int slide = grid.SlideAt((static_cast<float>(x) - box.x) / box.scale,
                           (static_cast<float>(y) - box.y) / box.scale);
  if (slide >= 0 && slide != session_.overview_cursor() && session_.SetOverviewCursor(slide))
    AfterSessionChange();
}

// [SECTION] Drawing ---------------------------------------------------------------------

void App::DrawWindow(Window& w, double now) {
  if (w.view == Role::kPresenter)
    DrawPresenter(w, now);
  else
    DrawAudience(w);
  w.dirty = false;
}

void App::DrawAudience(Window& w) {
  const ScreenMode mode = session_.mode();
  const uint32_t clear = mode == ScreenMode::kWhite ? 0xffffffff : 0xff000000;
  renderer_.DrawFrame(w.handle, clear, *glyphs_, [&](ImDrawList& list, TextureHost& host,
                                                      float, ImVec2 fb) {
    if (mode == ScreenMode::kBlack || mode == ScreenMode::kWhite) return true;
    const DesignSize design = shown_.design;
    Letterbox box = Fit(fb.x, fb.y, design.width, design.height);
    DrawParams params;
    params.origin = ImVec2(box.x, box.y);
    params.scale = box.scale;
    const auto& layouts = shown_.layouts;
    const int count = static_cast<int>(layouts.size());
    if (mode == ScreenMode::kOverview) {
      OverviewGrid grid = PlanOverviewGrid(count, design.width, design.height,
                                           session_.overview_cursor(), overview_first_row_);
      overview_first_row_ = grid.first_row;
      std::vector<std::string> titles;
      for (const Slide& s : shown_.loaded.deck.slides) titles.push_back(s.title);
      OverviewLayers layers = LayoutOverview(fonts_, grid, titles, session_.overview_cursor(),
                                             session_.slide(), design.width, design.height);
      if (!DrawSlide(layers.under, params, nullptr, *glyphs_, host, list)) return false;
      for (int i = 0; i < count; ++i) {
        if (!grid.IsVisible(i)) continue;
        Rect t = grid.Thumbnail(i);
        DrawParams thumb;
        thumb.origin = ImVec2(std::round(box.x + t.x0 * box.scale),
                              std::round(box.y + t.y0 * box.scale));
        thumb.scale = box.scale * t.width() / layouts[i].width;
        thumb.step = layouts[i].steps - 1;
        if (!DrawSlide(layouts[i], thumb, &shown_.loaded.images, *glyphs_, host, list))
          return false;
      }
      if (!DrawSlide(layers.over, params, nullptr, *glyphs_, host, list)) return false;
    } else {
      const int slide = std::clamp(session_.slide(), 0, count - 1);
      DrawParams p = params;
      p.step = session_.step();
      if (!DrawSlide(layouts[slide], p, &shown_.loaded.images, *glyphs_, host, list))
        return false;
    }
    StatusInfo status;
    status.slide = session_.slide();
    status.slide_count = count;
    status.step = session_.step();
    status.step_count = session_.StepCount(session_.slide());
    const auto& slides = shown_.loaded.deck.slides;
    status.show_number = mode == ScreenMode::kSlide &&
                         !(session_.slide() < static_cast<int>(slides.size()) &&
                           slides[session_.slide()].style.paginate);
    status.typed_number = w.keys.typed_number();
    status.language = Language();
    status.accent = shown_.accent;
    SlideLayout overlay = LayoutStatusOverlay(fonts_, design.width, design.height, status);
    if (!DrawSlide(overlay, params, nullptr, *glyphs_, host, list)) return false;
    if (w.help) {
      SlideLayout help =
          LayoutHelpOverlay(fonts_, design.width, design.height, Language(), kAppKeyHelp);
      if (!DrawSlide(help, params, nullptr, *glyphs_, host, list)) return false;
    }
    return true;
  });
}

void App::DrawPresenter(Window& w, double now) {
  int ww = 0, wh = 0;
  glfwGetWindowSize(w.handle, &ww, &wh);
  if (ww <= 0 || wh <= 0) return;
  PresenterInput in;
  in.deck = &shown_.loaded.deck;
  in.layouts = &shown_.layouts;
  in.session = &session_;
  in.now_seconds = now;
  in.wall_clock = WallClock(Epoch());
  in.language = Language();
  in.prefs = prefs_;
  in.width = static_cast<float>(ww);
  in.height = static_cast<float>(wh);
  in.typed_number = w.keys.typed_number();
  in.problems = problems_;
  in.rehearsing = options_.rehearse;
  in.overview_first_row = overview_first_row_;
  w.last_view = LayoutPresenterView(fonts_, in);
  if (w.last_view.overview) overview_first_row_ = w.last_view.grid.first_row;
  w.drawn_second = static_cast<int64_t>(std::floor(session_.Elapsed(now)));
  w.drawn_clock = in.wall_clock;

  renderer_.DrawFrame(w.handle, 0xff151411, *glyphs_, [&](ImDrawList& list, TextureHost& host,
                                                          float pixels_per_unit, ImVec2) {
    PresenterDrawTarget target;
    target.layouts = &shown_.layouts;
    target.images = &shown_.loaded.images;
    target.glyphs = glyphs_.get();
    target.host = &host;
    target.list = &list;
    target.scale = pixels_per_unit;
    if (!DrawPresenterView(w.last_view, target)) return false;
    if (w.help) {
      SlideLayout help = LayoutHelpOverlay(fonts_, in.width, in.height, in.language, kAppKeyHelp);
      DrawParams params;
      params.scale = pixels_per_unit;
      if (!DrawSlide(help, params, nullptr, *glyphs_, host, list)) return false;
    }
    return true;
  });
}

// [SECTION] Changes, persistence, time ----------------------------------------------------

void App::AfterSessionChange() {
  for (auto& w : windows_) w->dirty = true;
  SaveSession(Now());
}

void App::SaveSession(double now) {
  if (state_path_.empty()) return;
  std::string error;
  if (!WriteTextFileAtomically(state_path_, session_.Serialize(now, Epoch()), &error)) {
    static bool warned = false;  // once: a read-only home costs only the restore
    if (!warned) Log(error);
    warned = true;
  }
  saved_revision_ = session_.revision();
  last_save_ = now;
}

void App::SaveRehearsal(double now) {
  if (!options_.rehearse || !(session_.Elapsed(now) > 0)) return;  // an empty run keeps the last
  std::string path = tools::RehearsalPath(options_.deck_path);
  std::string text = tools::FormatRehearsal(shown_.loaded.deck, DisplayName(options_.deck_path),
                                     session_.SecondsPerSlide(now), Epoch());
  std::string error;
  if (!WriteTextFileAtomically(path, text, &error)) Log(error);
  last_rehearsal_write_ = now;
}

void App::Tick(double now) {
  if (session_.revision() != saved_revision_ ||
      (session_.IsTimerRunning() && now - last_save_ >= kSaveEverySeconds))
    SaveSession(now);
  if (options_.rehearse && session_.IsTimerRunning() &&
      now - last_rehearsal_write_ >= kRehearsalEverySeconds)
    SaveRehearsal(now);
  // The presenter's timer and clock: redraw when what they show changes.
  const int64_t second = static_cast<int64_t>(std::floor(session_.Elapsed(now)));
  const std::string clock = WallClock(Epoch());
  for (auto& w : windows_)
    if (w->view == Role::kPresenter && (w->drawn_second != second || w->drawn_clock != clock))
      w->dirty = true;
}

double App::NextWake(double now) const {
  double wake = watcher_.NextPoll();
  if (session_.IsTimerRunning()) {
    double elapsed = session_.Elapsed(now);
    wake = std::min(wake, now + (std::floor(elapsed) + 1 - elapsed) + 0.002);
    wake = std::min(wake, last_save_ + kSaveEverySeconds);
  }
  double epoch = Epoch();
  wake = std::min(wake, now + (std::floor(epoch / 60) + 1) * 60 - epoch + 0.01);
  return wake;
}

// [SECTION] Run ---------------------------------------------------------------------------

int App::Run() {
  glfwSetErrorCallback([](int code, const char* text) {
    std::fprintf(stderr, "podium: GLFW error %d: %s\n", code, text);
  });
  if (!glfwInit()) return 2;
  if (!LoadFirstDeck() || !CreateWindows()) {
    windows_.clear();
    glfwTerminate();
    return 2;
  }
  if (!renderer_.Init()) {
    Log("the OpenGL 3.3 renderer could not start");
    glfwTerminate();
    return 2;
  }
  // A rehearsal counts the first slide too: its clock starts with the windows, not with the
  // first move as a talk's does (Keynote's rule, which would leave slide 1 at 0 seconds).
  if (options_.rehearse && session_.timer_state() == TimerState::kIdle) {
    session_.StartTimer(Now());
    AfterSessionChange();
  }
  Log("showing " + DisplayName(options_.deck_path) + ": " +
      std::to_string(shown_.layouts.size()) + " slides" +
      (options_.rehearse ? ", rehearsing into " + tools::RehearsalPath(options_.deck_path) : ""));

  while (!quit_) {
    double now = Now();
    if (watcher_.Poll(now)) Reload();
    Tick(now);
    for (auto& w : windows_)
      if (w->dirty) DrawWindow(*w, Now());
    for (auto& w : windows_)
      if (glfwWindowShouldClose(w->handle)) quit_ = true;
    if (quit_) break;
    double wait = NextWake(Now()) - Now();
    glfwWaitEventsTimeout(std::clamp(wait, 0.001, 5.0));
  }

  const double now = Now();
  SaveSession(now);
  if (options_.rehearse) {
    SaveRehearsal(now);
    if (session_.Elapsed(now) > 0)
      Log("rehearsal: " + FormatClock(session_.Elapsed(now)) + " written to " +
          tools::RehearsalPath(options_.deck_path));
    std::error_code ec;
    std::filesystem::remove(state_path_, ec);  // the next rehearsal starts afresh
  }
  if (!windows_.empty()) glfwMakeContextCurrent(windows_[0]->handle);
  renderer_.Shutdown();
  for (auto& w : windows_) glfwDestroyWindow(w->handle);
  windows_.clear();
  glfwTerminate();
  return 0;
}

}  // namespace podium::native
