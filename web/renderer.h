// Renderer: draws the Player's screen — the letterboxed slide, the overview, a black or
// white screen, and the overlays; or, in a presenter window, the presenter view the Player
// laid out last (Player::LayoutPresenter) — with the engine's DrawSlide() into one
// ImDrawList, and hands it to Dear ImGui's OpenGL3 backend (WebGL2).
//
//   Renderer renderer;
//   if (!renderer.Init()) …;                       // after the GL context is current
//   renderer.Draw(player, framebuffer_w, framebuffer_h);   // only when something changed
//
// Text is rasterized by the GlyphCache at the pixel size the slide has on this framebuffer
// (docs/architecture.md: crisp at any size); a resize just draws again at the new scale.
#pragma once

#include <imgui.h>

#include "draw/standalone_draw_list.h"
#include "common/gl_texture_host.h"
#include "present/overlays.h"

namespace podium::web {

class Player;

// Where the slide goes on a framebuffer: scaled to fit, centred, black bars around
// (the same arithmetic as the CPU renderer's RenderSlideImage, so both look the same).
struct SlidePlacement {
  float scale = 1;      // framebuffer pixels per design unit
  ImVec2 origin{0, 0};  // top-left of the slide, framebuffer pixels (whole pixels)
  ImVec2 ToDesign(float x, float y) const {
    return ImVec2((x - origin.x) / scale, (y - origin.y) / scale);
  }
};
SlidePlacement PlaceSlide(int framebuffer_width, int framebuffer_height, float design_width,
                          float design_height);

// The overview grid the Renderer draws for `player` (also for hit tests).
OverviewGrid CurrentOverviewGrid(const Player& player);

class Renderer {
 public:
  Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;
  ~Renderer();

  // Creates the Dear ImGui context (only the renderer backend uses it) and the GL objects.
  bool Init();
  void Draw(Player& player, int framebuffer_width, int framebuffer_height);
  // Rasterizes and uploads, without drawing anything on screen, the glyphs and images of
  // what the next key press can show: the rest of this slide's steps and the slides before
  // and after it, at this framebuffer's scale — so a first visit to a slide draws from a
  // warm atlas instead of rasterizing in the frame the speaker waits for. Call when the
  // page is idle after a frame. Stops when the atlas is full (the next frame that needs
  // room starts it afresh with just what it shows). Returns the glyphs added.
  size_t Warm(Player& player, int framebuffer_width, int framebuffer_height);
  GlTextureHost& host() { return host_; }
  bool initialized() const { return initialized_; }
  // Vertices of the last frame (for measurements).
  int last_vertex_count() const { return last_vertex_count_; }

 private:
  // background_cleared: the slide's background colour is on the framebuffer already.
  bool DrawScreen(Player& player, const SlidePlacement& placement, bool background_cleared);
  bool DrawPresenter(Player& player, float pixels_per_unit);
  GlTextureHost host_;
  StandaloneDrawList canvas_;
  bool initialized_ = false;
  int last_vertex_count_ = 0;
};

}  // namespace podium::web
