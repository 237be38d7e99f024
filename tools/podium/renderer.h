// Renderer: one frame into one GLFW window — clear, let the caller fill a draw list with
// the engine's DrawSlide() calls, upload the textures that changed, hand the list to Dear
// ImGui's OpenGL 3 backend, swap. The browser's twin is web/renderer.h.
//
//   Renderer renderer;
//   renderer.Init();                                  // once, a context current
//   renderer.DrawFrame(window, clear, glyphs, [&](ImDrawList& list, TextureHost& host,
//                                                 float pixels_per_unit, ImVec2 framebuffer) {
//     return DrawSlide(layout, params, &images, glyphs, host, list);   // false: atlas full
//   });
//
// Podium's two windows share one GL context group (textures, buffers, the shader): one
// Renderer, one texture host and one glyph atlas serve both. Only the renderer backend of
// Dear ImGui is used — there are no ImGui widgets; input goes through present/keymap.h.
#pragma once

#include <functional>

#include <imgui.h>

#include "draw/glyph_cache.h"
#include "draw/standalone_draw_list.h"
#include "common/gl_texture_host.h"

struct GLFWwindow;

namespace podium::native {

class Renderer {
 public:
  using BuildFn = std::function<bool(ImDrawList& list, TextureHost& host, float pixels_per_unit,
                                     ImVec2 framebuffer_size)>;

  Renderer() = default;
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  // Creates the ImGui context and the backend's GL objects; a context must be current.
  bool Init();
  // Releases them; a context of the group must be current.
  void Shutdown();

  // Draws one frame into `window` (made current) and presents it. `clear` is an ImU32.
  // `build` runs again, once, after the glyph atlas was cleared if it returned false.
  void DrawFrame(GLFWwindow* window, uint32_t clear, GlyphCache& glyphs, const BuildFn& build);

  GlTextureHost& host() { return host_; }
  int last_vertex_count() const { return last_vertex_count_; }

 private:
  GlTextureHost host_;
  StandaloneDrawList canvas_;
  bool initialized_ = false;
  int last_vertex_count_ = 0;
};

}  // namespace podium::native
