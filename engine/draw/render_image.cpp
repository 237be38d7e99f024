#include "draw/render_image.h"

#include <algorithm>

#include "draw/draw_slide.h"
#include "draw/standalone_draw_list.h"

namespace podium {

RgbaImage RenderSlideImage(const SlideLayout& layout, int step, int width, int height,
                           const ImageStore* images, GlyphCache& glyphs) {
  RgbaImage image = MakeImage(width, height, 0x000000ff);  // the bars: opaque black
  if (width <= 0 || height <= 0 || layout.width <= 0 || layout.height <= 0) return image;
  float scale = std::min(width / layout.width, height / layout.height);
  DrawParams params;
  params.scale = scale;
  params.step = step;
  params.origin = ImVec2(static_cast<float>(static_cast<int>((width - layout.width * scale) * 0.5f)),
                         static_cast<float>(static_cast<int>((height - layout.height * scale) * 0.5f)));
  CpuTextureHost host;
  StandaloneDrawListDesc desc;
  desc.allow_vtx_offset = true;
  StandaloneDrawList canvas(desc);
  for (int attempt = 0; attempt < 2; ++attempt) {
    canvas.SetWhitePixelUv(glyphs.white_uv());
    canvas.BeginFrame(host.Resolve(glyphs.texture()),
                      ImVec4(0, 0, static_cast<float>(width), static_cast<float>(height)));
    if (DrawSlide(layout, params, images, glyphs, host, canvas.list())) break;
    glyphs.Clear();  // the atlas filled up: start it afresh for this slide
  }
  RasterizeDrawList(canvas.list(), image);
  return image;
}

}  // namespace podium
