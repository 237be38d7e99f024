// App: the native presenter — one deck, one Session, two windows.
//
//   podium::native::Options options;
//   options.deck_path = "talk.md";
//   return podium::native::App(options).Run();       // until a window is closed or Ctrl+Q
//
// Windows. With two monitors, the audience view goes fullscreen on the one that is not the
// primary (the projector) and the presenter view fills the primary (the laptop); with one
// monitor (or --windowed), two windows side by side. X swaps the two views; F makes the
// window it is pressed in fullscreen (on the monitor it is on) and back; S in the audience
// window brings the presenter window forward. Both windows take every key of
// present/keymap.h and drive the one Session, so go-to-slide, overview, black and white
// screens typed in the presenter window act on the audience's screen. Ctrl+Q quits.
//
// Frames are drawn only when something changed: input, a reload, a resize — and, in the
// presenter window, when the shown second of the timer or the minute of the wall clock
// changes. Between events the app sleeps in glfwWaitEventsTimeout(), waking every ~300 ms
// to look at the deck file's metadata (deck_watcher.h).
//
// Files: see state_files.h (session restore, settings) and common/rehearsal.h (--rehearse). The
// deck is only ever read. No network.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "deck_version.h"
#include "deck_watcher.h"
#include "present/keymap.h"
#include "present/presenter_view.h"
#include "present/session.h"
#include "renderer.h"
#include "state_files.h"

struct GLFWwindow;

namespace podium::native {

struct Options {
  std::string deck_path;
  bool rehearse = false;      // record seconds per slide into <deck>.rehearsal.json
  bool windowed = false;      // two windows even when there are two monitors
  bool swap = false;          // start with the views swapped
  bool restore = true;        // restore slide, step and timer from the state file
  double amber_seconds = Session::kDefaultAmberSeconds;
  std::string presenter_geometry;  // "WxH+X+Y": place the presenter window (windowed)
  std::string audience_geometry;   // same for the audience window
  std::string language;            // "en", "zh"; "": the deck's lang, else the system's
};

class App {
 public:
  explicit App(Options options);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Loads the deck, opens the windows and runs until quit. Returns the exit status:
  // 0, or 2 when the deck cannot be read or no window can be opened.
  int Run();

  // [SECTION] Event entry points (called from GLFW callbacks) ------------------------
  struct Window;
  void OnKey(Window& window, std::string_view key, KeyModifiers modifiers, bool repeat);
  void OnClick(Window& window, double x, double y);
  void OnScroll(Window& window, double x, double y, double dy);
  void OnHover(Window& window, double x, double y);

  struct Window {
    App* app = nullptr;
    GLFWwindow* handle = nullptr;
    Role view = Role::kAudience;  // the view this window shows (X swaps)
    KeyboardInput keys;           // typed digits are per window
    bool help = false;            // the help overlay is per window, never on both
    bool dirty = true;
    bool char_repeat = false;     // the key event before this char event was a repeat
    int mods = 0;                 // GLFW modifier bits of the last key event
    int64_t drawn_second = -1;    // presenter: the timer second last drawn
    std::string drawn_clock;      // presenter: the wall clock last drawn
    PresenterView last_view;      // presenter: what was drawn, for clicks
    double last_wheel_step = -1e9;
    int windowed_x = 0, windowed_y = 0, windowed_w = 0, windowed_h = 0;  // before F
  };

 private:
  // [SECTION] Deck and session
  bool LoadFirstDeck();
  void Reload();
  SessionDeckInfo InfoFor(const DeckVersion& version) const;
  UiLanguage Language() const;
  // [SECTION] Windows
  bool CreateWindows();
  void SwapViews();
  void ToggleFullscreen(Window& window);
  void Retitle(Window& window);
  Window* PresenterWindow();
  int OverviewColumns() const;
  // [SECTION] Drawing
  void DrawWindow(Window& window, double now);
  void DrawAudience(Window& window);
  void DrawPresenter(Window& window, double now);
  // [SECTION] Changes, persistence, time
  void AfterSessionChange();
  void SaveSession(double now);
  void SaveRehearsal(double now);
  void Tick(double now);
  double NextWake(double now) const;
  double Now() const;
  double Epoch() const;

  Options options_;
  FontSet fonts_;
  std::unique_ptr<GlyphCache> glyphs_;
  DeckVersion shown_;                    // the last good version of the deck
  std::vector<std::string> problems_;    // shown in the presenter view's banner
  std::vector<double> rehearsed_;        // seconds per slide from <deck>.rehearsal.json
  DeckWatcher watcher_;
  Session session_;
  PresenterPrefs prefs_;
  Settings settings_;
  std::filesystem::path state_path_;
  uint64_t saved_revision_ = UINT64_MAX;
  double last_save_ = -1e9;
  double last_rehearsal_write_ = -1e9;
  int overview_first_row_ = 0;

  Renderer renderer_;
  std::vector<std::unique_ptr<Window>> windows_;
  bool quit_ = false;
};

}  // namespace podium::native
