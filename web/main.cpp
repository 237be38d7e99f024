// The browser player's entry point: the WebGL2 context (through Emscripten's GLFW), the App,
// and frames drawn on demand. Everything after main() is driven by events: input
// (input.cpp), calls from the page (bridge.cpp) and animation frames requested here.
#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app.h"
#include "page.h"

namespace podium::web {
namespace {

constexpr const char* kCanvas = "#canvas";

App* g_app = nullptr;  // the page's one App (see app.h); lives until the page goes

// Matches the canvas's framebuffer to its CSS size × devicePixelRatio.
void SyncCanvasSize(App& app) {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
  double ratio = emscripten_get_device_pixel_ratio();
  if (!(ratio > 0)) ratio = 1;
  int w = std::max(1, static_cast<int>(std::lround(css_w * ratio)));
  int h = std::max(1, static_cast<int>(std::lround(css_h * ratio)));
  app.css_width = css_w;
  app.css_height = css_h;
  if (w != app.framebuffer_width || h != app.framebuffer_height) {
    emscripten_set_canvas_element_size(kCanvas, w, h);
    app.framebuffer_width = w;
    app.framebuffer_height = h;
  }
}

void OnPresenterTick(void*) {
  GetApp().tick_timeout = 0;
  RequestFrame();
}

// The presenter view shows the timer's seconds and the wall clock's minutes: one timeout
// for whichever changes first. Nothing is scheduled while the timer stands still, except
// the clock's next minute.
void SchedulePresenterTick(App& app, double now) {
  if (app.tick_timeout) emscripten_clear_timeout(app.tick_timeout);
  app.tick_timeout = 0;
  if (app.player.view() != Role::kPresenter || !app.player.started()) return;
  const double epoch = EpochSeconds();
  // The next minute: minute boundaries are the same in every time zone.
  double wait = 60 - std::fmod(epoch, 60.0) + 0.01;
  const Session& session = app.player.session();
  if (session.IsTimerRunning()) {
    double elapsed = session.Elapsed(now);
    wait = std::min(wait, std::floor(elapsed) + 1 - elapsed + 0.002);
  }
  app.tick_timeout = emscripten_set_timeout(OnPresenterTick, wait * 1000, nullptr);
}

// The glyphs of the neighbouring slides go into the atlas once the frame is on screen and
// the page has had a moment for input (a clicker's double press is not held up).
constexpr double kWarmDelayMs = 40;

// The slides not laid out yet, a few at a time while the page is idle (Player::LayOutMore),
// so that a key press waits for one slice at most; their problems go to the console.
constexpr int kSlidesPerSlice = 16;
constexpr double kSliceDelayMs = 4;

void OnLayOutMore(void*) {
  App& app = GetApp();
  app.layout_timeout = 0;
  if (!app.player.started()) return;
  bool more = app.player.LayOutMore(kSlidesPerSlice);
  ReportNewDiagnostics();
  if (more) app.layout_timeout = emscripten_set_timeout(OnLayOutMore, kSliceDelayMs, nullptr);
}

void OnWarm(void*) {
  App& app = GetApp();
  app.warm_timeout = 0;
  app.glyphs_warmed += app.renderer.Warm(app.player, app.framebuffer_width, app.framebuffer_height);
  if (!app.layout_timeout) OnLayOutMore(nullptr);
}

void DrawFrame() {
  App& app = GetApp();
  double start = emscripten_get_now();
  SyncCanvasSize(app);
  app.player.EnsureLaidOut();  // the overview, opened by a key, needs every slide
  ReportNewDiagnostics();
  if (app.player.started() && app.player.view() == Role::kPresenter) {
    double now = NowSeconds();
    app.player.LayoutPresenter(static_cast<float>(app.css_width),
                               static_cast<float>(app.css_height), now, page::WallClock());
    SchedulePresenterTick(app, now);
  }
  const uint64_t uploaded = app.renderer.host().uploaded_bytes();
  app.renderer.Draw(app.player, app.framebuffer_width, app.framebuffer_height);
  app.last_frame_uploaded = app.renderer.host().uploaded_bytes() - uploaded;
  app.last_frame_ms = emscripten_get_now() - start;
  ++app.frames_drawn;
  if (app.warm_timeout) emscripten_clear_timeout(app.warm_timeout);
  app.warm_timeout = emscripten_set_timeout(OnWarm, kWarmDelayMs, nullptr);
}

EM_BOOL OnAnimationFrame(double, void*) {
  GetApp().frame_request = 0;
  DrawFrame();
  return EM_FALSE;  // one frame only: the next one is requested by the next change
}

// A change the user made (a key, a click, a deck opened) is drawn at once rather than at
// the next animation frame: the GPU works on it while the browser waits for that frame,
// which then only has to show it. On SwiftShader that took the switch from about one
// frame and a half to one frame. The browser still shows at most one picture per frame.
void DrawNow() {
  App& app = GetApp();
  if (app.frame_request) {
    emscripten_cancel_animation_frame(app.frame_request);
    app.frame_request = 0;
  }
  DrawFrame();
  glFlush();  // to the GPU process now, not at the end of the task
}

}  // namespace

App& GetApp() { return *g_app; }

void ReportNewDiagnostics() {
  App& app = GetApp();
  for (const Diagnostic& d : app.player.TakeNewDiagnostics())
    page::Warn(FormatDiagnostic(app.player.deck_id(), d));
}

void RequestFrame() {
  App& app = GetApp();
  if (app.frame_request) return;
  app.frame_request = emscripten_request_animation_frame(OnAnimationFrame, nullptr);
}

double NowSeconds() { return emscripten_get_now() / 1000.0; }
double EpochSeconds() { return emscripten_date_now() / 1000.0; }

float CssToFramebufferX(double x) {
  const App& app = GetApp();
  return app.css_width > 0 ? static_cast<float>(x * app.framebuffer_width / app.css_width) : 0;
}
float CssToFramebufferY(double y) {
  const App& app = GetApp();
  return app.css_height > 0 ? static_cast<float>(y * app.framebuffer_height / app.css_height) : 0;
}

void SaveSession() {
  App& app = GetApp();
  if (!app.player.started()) return;
  const Session& session = app.player.session();
  page::SaveSession(session.Serialize(NowSeconds(), EpochSeconds()));
  app.saved_revision = session.revision();
}

void SendSession() {
  App& app = GetApp();
  if (!app.player.started()) return;
  const Session& session = app.player.session();
  page::SendSession(session.Serialize(NowSeconds(), EpochSeconds()));
  app.sent_revision = session.revision();
}

void SetView(Role view) {
  App& app = GetApp();
  if (app.player.view() == view) return;
  app.player.SetView(view);
  app.player.keyboard().ClearTypedNumber();
  app.pointer_cursor = false;
  page::SetPointerCursor(false);
  if (view != Role::kPresenter && app.tick_timeout) {
    emscripten_clear_timeout(app.tick_timeout);
    app.tick_timeout = 0;
  }
  page::ViewChanged(view == Role::kPresenter, app.player.MissingFallbackFonts());
  RequestFrame();
}

void AfterChange() {
  App& app = GetApp();
  if (app.player.started()) {
    app.player.EnsureLaidOut();
    ReportNewDiagnostics();
    const Session& session = app.player.session();
    int slide = session.slide(), step = session.step();
    if (slide != app.published_slide || step != app.published_step) {
      bool new_slide = slide != app.published_slide;
      page::SetHash(slide + 1, step + 1, new_slide && app.published_slide >= 0);
      if (new_slide) {
        page::SetSlideText(app.player.CurrentLayout().text, slide + 1,
                           static_cast<int>(app.player.layouts().size()));
      }
      app.published_slide = slide;
      app.published_step = step;
    }
    if (session.revision() != app.saved_revision) SaveSession();
    if (session.revision() != app.sent_revision) SendSession();
  }
  DrawNow();
}

}  // namespace podium::web

int main() {
  using namespace podium::web;
  g_app = new App();
  if (!glfwInit()) {
    std::fprintf(stderr, "podium: glfwInit failed\n");
    return 1;
  }
  // Emscripten's GLFW passes these to getContext('webgl2'): no alpha (the page must not
  // show through), no depth or stencil, no MSAA (ImGui anti-aliases with fringes).
  glfwWindowHint(GLFW_ALPHA_BITS, 0);
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
  glfwWindowHint(GLFW_SAMPLES, 0);
  GLFWwindow* window = glfwCreateWindow(1280, 720, "Podium", nullptr, nullptr);
  if (!window) {
    std::fprintf(stderr, "podium: no WebGL2 context\n");
    return 1;
  }
  glfwMakeContextCurrent(window);
  if (!GetApp().renderer.Init()) {
    std::fprintf(stderr, "podium: the renderer could not start\n");
    return 1;
  }
  InstallInputHandlers();
  // No frame yet: the canvas stays hidden until a deck starts (page.css), and that draws.
  return 0;  // the runtime stays alive: events and animation frames drive everything
}
