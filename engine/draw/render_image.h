// RenderSlideImage: one slide at one step → RGBA pixels, on the CPU (no GPU, no window).
//
//   GlyphCache glyphs(fonts);
//   RgbaImage png_pixels = RenderSlideImage(layout, /*step=*/0, 1280, 720, &images, glyphs);
//
// The same DrawSlide() the browser and the native app use, rasterized by draw/raster.h,
// so `deckc render`, PDF pages and golden tests show what the audience sees. A target
// whose aspect ratio differs from the slide's gets the slide centred, letterboxed in black.
// Deterministic: the same inputs give the same bytes.
#pragma once

#include "draw/glyph_cache.h"
#include "draw/raster.h"
#include "layout/images.h"
#include "layout/slide_layout.h"

namespace podium {

RgbaImage RenderSlideImage(const SlideLayout& layout, int step, int width, int height,
                           const ImageStore* images, GlyphCache& glyphs);

}  // namespace podium
