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
  // false: the target holds the slide's background colour already, so it is not drawn
  // (the browser player clears to it: a slide-sized quad costs 10–20 ms on a software GPU).
  bool background = true;
};

// The pixels the slide's background covers with these params, [x0, x1) × [y0, y1): those
// whose centres lie inside the slide's rectangle, as when a GPU fills it. A front end that
// passes `background = false` clears these to the background colour instead.
struct PixelBounds {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
};
PixelBounds SlidePixels(const SlideLayout& layout, const DrawParams& params);

// Returns false when the glyph atlas filled up mid-slide: clear it and draw again.
bool DrawSlide(const SlideLayout& layout, const DrawParams& params, const ImageStore* images,
               GlyphCache& glyphs, TextureHost& host, ImDrawList& list);

}  // namespace podium
