// App: the browser window's single state — the Player, the Renderer, the canvas size — and
// the two things every event handler does after changing something: publish the change to
// the page (URL hash, title, aria text, storage) and ask for one frame.
//
// There is exactly one App per page (the page has one canvas), created by main() and
// reached through GetApp(), the way Dear ImGui reaches its context through GImGui.
//
// Frames are drawn only on change: AfterChange() draws one at once (the user is waiting
// for it), RequestFrame() asks the browser for one animation frame (however often it is
// called before that frame comes), and nothing runs while the deck sits still — a slide
// left on screen costs no CPU. The presenter view also draws when
// the second its timer shows or the minute of its wall clock changes (one timeout ahead).
#pragma once

#include <cstdint>

#include "player.h"
#include "renderer.h"

namespace podium::web {

struct App {
  Player player;
  Renderer renderer;

  // The canvas: its CSS size and its framebuffer size (CSS × devicePixelRatio).
  double css_width = 0, css_height = 0;
  int framebuffer_width = 1, framebuffer_height = 1;

  long frame_request = 0;  // the requestAnimationFrame asked for (0: none)
  uint64_t frames_drawn = 0;
  double last_frame_ms = 0;  // CPU time of the last frame in the wasm (measurements)
  uint64_t last_frame_uploaded = 0;  // texture bytes the last frame sent (measurements)

  // What the page shows already, so AfterChange() publishes only what changed.
  int published_slide = -1;
  int published_step = -1;
  uint64_t saved_revision = UINT64_MAX;
  uint64_t sent_revision = UINT64_MAX;  // last state posted to the deck's sync channel
  bool pointer_cursor = false;
  long tick_timeout = 0;  // the presenter view's next redraw (0: none)
  long warm_timeout = 0;  // the next Renderer::Warm, after a frame (0: none)
  long layout_timeout = 0;  // the next slice of Player::LayOutMore (0: none)
  uint64_t glyphs_warmed = 0;  // glyphs Warm added since start (measurements)
};

App& GetApp();

// Draw at the next animation frame.
void RequestFrame();
// The deck's problems not reported yet (slides are laid out as they are needed) to the
// console.
void ReportNewDiagnostics();
// Publishes what changed (hash, aria text, saved session) and draws the frame now.
void AfterChange();
// Saves the session message now (page hide, timer changes).
void SaveSession();
// Posts the session message to the other windows of the deck (sync channel) now.
void SendSession();
// Switches this window between the audience and the presenter view (Player::SetView),
// and tells the page which fonts it now needs.
void SetView(Role view);

// Clocks: monotonic seconds for the Session, wall-clock seconds for its messages.
double NowSeconds();
double EpochSeconds();

// Framebuffer pixels from CSS pixels of the canvas.
float CssToFramebufferX(double x);
float CssToFramebufferY(double y);

// Installs the keyboard, mouse, wheel, touch and resize handlers (input.cpp).
void InstallInputHandlers();

}  // namespace podium::web
