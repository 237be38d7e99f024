// DrawSlide: SlideLayout + step + placement → Dear ImGui draw commands.
//
//   GlyphCache glyphs(fonts);
//   CpuTextureHost host;                                  // or a GL host in a window
//   StandaloneDrawList list(glyphs.white_uv());           // or any ImDrawList of a frame
//   list->PushTextureID(host.Resolve(glyphs.texture()));
//   DrawParams p{.origin = {0, 0}, .scale = 1280.0f / layout.width, .step = 0};
//   if (!DrawSlide(layout, p, &images, glyphs, host, *list)) { glyphs.Clear(); …again… }
//
// The draw list must use the glyph atlas as its current texture and the atlas's white
// texel as its white pixel (ImDrawListSharedData::TexUvWhitePixel): shapes and text are
// then one texture, one draw call. Glyphs are rasterized for the pixel size actually
// shown (font size × scale) and placed on whole pixels vertically, quarter pixels
// horizontally. The slide is clipped to its rectangle.
#pragma once

#include <imgui.h>

#include "draw/glyph_cache.h"
#include "draw/texture.h"
#include "layout/images.h"
#include "layout/slide_layout.h"

namespace podium {

struct DrawParams {
  ImVec2 origin{0, 0};  // top-left of the slide on the target, pixels
  float scale = 1;      // target pixels per design unit
  int step = 0;         // items with item.step > step are hidden
  float alpha = 1;      // fade of the whole slide (transitions, previews)
};

// Returns false when the glyph atlas filled up mid-slide: clear it and draw again.
bool DrawSlide(const SlideLayout& layout, const DrawParams& params, const ImageStore* images,
               GlyphCache& glyphs, TextureHost& host, ImDrawList& list);

}  // namespace podium
