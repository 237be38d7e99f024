// An ImDrawList that works without a Dear ImGui context.
//
// Dear ImGui normally owns the ImDrawListSharedData every ImDrawList points at and
// prepares it in ImGui::NewFrame(). The engine draws slides with ImDrawList primitives
// (rects, rounded rects, circles, polylines, textured quads) but never creates an ImGui
// context, so this class owns both and sets them up as NewFrame() would with ImGui's
// default style: curve tolerance 1.25, circle max error 0.30, anti-aliased lines and fills.
// Textured anti-aliased lines stay off: they need a font atlas's baked line texels.
//
// Usage:
//   StandaloneDrawList canvas({.white_pixel_uv = atlas_white_uv});
//   canvas.BeginFrame(atlas_texture_id, ImVec4(0, 0, 1920, 1080));  // drops the last frame
//   canvas.list().AddRectFilled(...);  canvas.list().AddCircleFilled(...);
//   RasterizeDrawList(canvas.list(), image);   // or ImGui_ImplOpenGL3_RenderDrawData(
//                                              //      &canvas.MakeDrawData(...))
//
// Every primitive without its own UVs samples `white_pixel_uv` of the current texture, so
// the texture given to BeginFrame must hold an opaque white texel there (a null texture id
// samples as white in the CPU rasterizer).
//
// Large meshes: ImDrawIdx is 16 bits. With `allow_vtx_offset` ImGui starts a new command
// with ImDrawCmd::VtxOffset past 65,535 vertices; the CPU rasterizer and desktop GL 3.2+
// honour it, WebGL2 does not. Without it, keep a list under 65,536 vertices (draw several
// lists instead).
//
// Owns the shared data and the list. Not copyable or movable: the list points at the
// shared data. Use from one thread at a time.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

namespace podium {

// Setup of a StandaloneDrawList; zero means ImGui's default everywhere.
struct StandaloneDrawListDesc {
  ImVec2 white_pixel_uv = ImVec2(0.0f, 0.0f);  // UV of an opaque white texel
  float curve_tessellation_tolerance = 0.0f;   // 0: 1.25 (ImGuiStyle's default)
  float circle_tessellation_max_error = 0.0f;  // 0: 0.30 (ImGuiStyle's default)
  bool no_anti_aliasing = false;               // true: no AA fringes on lines and fills
  bool allow_vtx_offset = false;               // true: meshes past 64k vertices (see above)
};

class StandaloneDrawList {
 public:
  explicit StandaloneDrawList(const StandaloneDrawListDesc& desc = {});
  StandaloneDrawList(const StandaloneDrawList&) = delete;
  StandaloneDrawList& operator=(const StandaloneDrawList&) = delete;

  // Empties the list and starts a frame: `texture` is the current texture id and
  // `fullscreen_clip` (x0, y0, x1, y1, draw-list units) the current clip rect, which is
  // also what PushClipRectFullScreen() restores.
  void BeginFrame(ImTextureID texture, const ImVec4& fullscreen_clip);

  // The list to draw into. Valid after BeginFrame(); stays valid for this object's life.
  ImDrawList& list() { return list_; }
  const ImDrawList& list() const { return list_; }

  // The UV primitives use for solid colour; takes effect immediately (e.g. when the glyph
  // atlas holding the white texel is rebuilt).
  void SetWhitePixelUv(ImVec2 uv) { shared_.TexUvWhitePixel = uv; }
  ImVec2 white_pixel_uv() const { return shared_.TexUvWhitePixel; }

  // Draw data holding just this list, as a GPU backend expects it. The result points into
  // this object and is valid until the next call or until the list changes.
  ImDrawData& MakeDrawData(ImVec2 display_pos, ImVec2 display_size, ImVec2 framebuffer_scale);

 private:
  ImDrawListSharedData shared_;
  ImDrawList list_;
  ImDrawList* list_pointer_ = &list_;  // ImDrawData::CmdLists points here
  ImDrawData draw_data_;
};

}  // namespace podium
