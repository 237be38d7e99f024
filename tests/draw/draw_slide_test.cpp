#include "draw/draw_slide.h"

#include <gtest/gtest.h>

#include "draw/raster.h"
#include "draw/render_image.h"
#include "draw/standalone_draw_list.h"
#include "test_fonts.h"

namespace podium {
namespace {

// The pixels the rasterizer fills for the slide's background rectangle, as a box.
PixelBounds FilledBox(const SlideLayout& layout, const DrawParams& params, int w, int h) {
  RgbaImage image = MakeImage(w, h, 0x000000ff);
  StandaloneDrawList canvas;
  canvas.BeginFrame(nullptr, ImVec4(0, 0, static_cast<float>(w), static_cast<float>(h)));
  canvas.list().AddRectFilled(params.origin,
                              ImVec2(params.origin.x + layout.width * params.scale,
                                     params.origin.y + layout.height * params.scale),
                              IM_COL32_WHITE);
  RasterizeDrawList(canvas.list(), image);
  PixelBounds box{w, h, 0, 0};
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      if (image.rgba[(static_cast<size_t>(y) * w + x) * 4] > 127) {
        box.x0 = std::min(box.x0, x);
        box.y0 = std::min(box.y0, y);
        box.x1 = std::max(box.x1, x + 1);
        box.y1 = std::max(box.y1, y + 1);
      }
  return box;
}

// The browser player clears SlidePixels() instead of drawing the background: the pixels
// must be those the quad would have filled, at whole and fractional scales alike.
TEST(SlidePixels, AreThePixelsTheBackgroundQuadFills) {
  SlideLayout layout;
  layout.width = 1280;
  layout.height = 720;
  struct Case { float x, y, scale; int w, h; };
  for (const Case& c : {Case{0, 0, 0.25f, 320, 180}, Case{0, 3, 0.2f, 256, 150},
                        Case{7, 0, 0.1234f, 172, 89}, Case{2, 5, 0.0777f, 104, 66}}) {
    DrawParams params;
    params.origin = ImVec2(c.x, c.y);
    params.scale = c.scale;
    const PixelBounds want = FilledBox(layout, params, c.w, c.h);
    const PixelBounds got = SlidePixels(layout, params);
    EXPECT_EQ(got.x0, want.x0) << c.scale;
    EXPECT_EQ(got.y0, want.y0) << c.scale;
    EXPECT_EQ(got.x1, want.x1) << c.scale;
    EXPECT_EQ(got.y1, want.y1) << c.scale;
  }
}

// Without its background the slide draws only its items: on a target cleared to the
// background colour, the picture is the same as with it.
TEST(DrawSlideTest, WithoutBackgroundOnAClearedTargetLooksTheSame) {
  SlideLayout layout;
  layout.width = 160;
  layout.height = 90;
  layout.background = IM_COL32(20, 60, 120, 255);
  LayoutItem rule;
  rule.kind = LayoutItemKind::kRect;
  rule.rect = {20, 40, 140, 50};
  rule.color = IM_COL32(250, 200, 80, 255);
  layout.items.push_back(rule);
  GlyphCache glyphs(test::Fonts(), 256);
  const RgbaImage with = RenderSlideImage(layout, 0, 160, 90, nullptr, glyphs);

  RgbaImage without = MakeImage(160, 90, 0x143c78ff);  // the background colour, as RRGGBBAA
  CpuTextureHost host;
  StandaloneDrawList canvas;
  canvas.SetWhitePixelUv(glyphs.white_uv());
  canvas.BeginFrame(host.Resolve(glyphs.texture()), ImVec4(0, 0, 160, 90));
  DrawParams params;
  params.background = false;
  ASSERT_TRUE(DrawSlide(layout, params, nullptr, glyphs, host, canvas.list()));
  RasterizeDrawList(canvas.list(), without);
  EXPECT_EQ(with.rgba, without.rgba);
  // And the background really was left out: on black, the slide's corner stays black.
  RgbaImage on_black = MakeImage(160, 90, 0x000000ff);
  RasterizeDrawList(canvas.list(), on_black);
  EXPECT_EQ(on_black.rgba[0], 0);
  EXPECT_EQ(on_black.rgba[2], 0);
}

// A target of another shape gets the slide centred between opaque black bars.
TEST(RenderSlideImageTest, LetterboxesInOpaqueBlack) {
  SlideLayout layout;
  layout.width = 160;
  layout.height = 90;
  layout.background = IM_COL32(255, 255, 255, 255);
  GlyphCache glyphs(test::Fonts(), 256);
  const RgbaImage image = RenderSlideImage(layout, 0, 200, 90, nullptr, glyphs);
  auto pixel = [&](int x, int y) { return &image.rgba[(static_cast<size_t>(y) * 200 + x) * 4]; };
  for (int x : {0, 19, 180, 199}) {
    const uint8_t* p = pixel(x, 45);
    EXPECT_EQ(p[0] + p[1] + p[2], 0) << x;
    EXPECT_EQ(p[3], 255) << x;
  }
  EXPECT_EQ(pixel(100, 45)[0], 255);
}

}  // namespace
}  // namespace podium
