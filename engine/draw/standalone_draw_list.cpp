#include "draw/standalone_draw_list.h"

namespace podium {

namespace {
// ImGuiStyle's defaults (imgui.cpp, ImGuiStyle::ImGuiStyle()).
constexpr float kDefaultCurveTessellationTolerance = 1.25f;
constexpr float kDefaultCircleTessellationMaxError = 0.30f;
}  // namespace

// `list_` is constructed after `shared_` (declaration order), so the pointer it keeps is
// to a live object.
StandaloneDrawList::StandaloneDrawList(const StandaloneDrawListDesc& desc) : list_(&shared_) {
  shared_.TexUvWhitePixel = desc.white_pixel_uv;
  shared_.CurveTessellationTol = desc.curve_tessellation_tolerance > 0.0f
                                     ? desc.curve_tessellation_tolerance
                                     : kDefaultCurveTessellationTolerance;
  shared_.SetCircleTessellationMaxError(desc.circle_tessellation_max_error > 0.0f
                                            ? desc.circle_tessellation_max_error
                                            : kDefaultCircleTessellationMaxError);
  shared_.InitialFlags = ImDrawListFlags_None;
  if (!desc.no_anti_aliasing) {
    shared_.InitialFlags |= ImDrawListFlags_AntiAliasedLines | ImDrawListFlags_AntiAliasedFill;
  }
  if (desc.allow_vtx_offset) shared_.InitialFlags |= ImDrawListFlags_AllowVtxOffset;
  // Font stays null: text goes through ImDrawList::AddText(font, …) with an explicit font,
  // or through the engine's own glyph quads.
  BeginFrame(ImTextureID{}, ImVec4(0.0f, 0.0f, 0.0f, 0.0f));
}

void StandaloneDrawList::BeginFrame(ImTextureID texture, const ImVec4& fullscreen_clip) {
  shared_.ClipRectFullscreen = fullscreen_clip;
  list_._ResetForNewFrame();
  list_.PushTextureID(texture);
  list_.PushClipRectFullScreen();
}

ImDrawData& StandaloneDrawList::MakeDrawData(ImVec2 display_pos, ImVec2 display_size,
                                             ImVec2 framebuffer_scale) {
  draw_data_.Clear();
  draw_data_.Valid = true;
  draw_data_.CmdListsCount = 1;
  draw_data_.CmdLists = &list_pointer_;
  draw_data_.TotalIdxCount = list_.IdxBuffer.Size;
  draw_data_.TotalVtxCount = list_.VtxBuffer.Size;
  draw_data_.DisplayPos = display_pos;
  draw_data_.DisplaySize = display_size;
  draw_data_.FramebufferScale = framebuffer_scale;
  return draw_data_;
}

}  // namespace podium
