#include "draw/draw_slide.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace podium {
namespace {

uint32_t Fade(uint32_t color, float alpha) {
  if (alpha >= 1) return color;
  uint32_t a = static_cast<uint32_t>(((color >> 24) & 0xff) * std::clamp(alpha, 0.0f, 1.0f) + 0.5f);
  return (color & 0x00ffffff) | (a << 24);
}

}  // namespace

PixelBounds SlidePixels(const SlideLayout& layout, const DrawParams& params) {
  auto first = [](float edge) { return static_cast<int>(std::ceil(edge - 0.5f)); };
  PixelBounds b;
  b.x0 = first(params.origin.x);
  b.y0 = first(params.origin.y);
  b.x1 = first(params.origin.x + layout.width * params.scale);
  b.y1 = first(params.origin.y + layout.height * params.scale);
  return b;
}

bool DrawSlide(const SlideLayout& layout, const DrawParams& params, const ImageStore* images,
               GlyphCache& glyphs, TextureHost& host, ImDrawList& list) {
  const float s = params.scale;
  auto P = [&](float x, float y) { return ImVec2(params.origin.x + x * s, params.origin.y + y * s); };
  ImVec2 slide_min = P(0, 0), slide_max = P(layout.width, layout.height);
  ImTextureID atlas = host.Resolve(glyphs.texture());

  list.PushClipRect(slide_min, slide_max, true);
  if (params.background)
    list.AddRectFilled(slide_min, slide_max, Fade(layout.background, params.alpha));

  for (const LayoutItem& item : layout.items) {
    if (!VisibleAt(item, params.step)) continue;
    if (item.clipped) list.PushClipRect(P(item.clip.x0, item.clip.y0), P(item.clip.x1, item.clip.y1), true);
    uint32_t color = Fade(item.color, params.alpha);
    switch (item.kind) {
      case LayoutItemKind::kRect: {
        ImVec2 a = P(item.rect.x0, item.rect.y0), b = P(item.rect.x1, item.rect.y1);
        // A rule or a strike line thinner than a pixel (a table on a small preview) would
        // fall between pixel centres and vanish: it keeps one pixel.
        if (b.y > a.y && b.y - a.y < 1) {
          a.y = std::floor((a.y + b.y) * 0.5f);
          b.y = a.y + 1;
        }
        if (b.x > a.x && b.x - a.x < 1) {
          a.x = std::floor((a.x + b.x) * 0.5f);
          b.x = a.x + 1;
        }
        list.AddRectFilled(a, b, color, item.rounding * s);
        break;
      }
      case LayoutItemKind::kRectOutline:
        list.AddRect(P(item.rect.x0, item.rect.y0), P(item.rect.x1, item.rect.y1), color,
                     item.rounding * s, 0, std::max(1.0f, item.thickness * s));
        break;
      case LayoutItemKind::kLine:
        list.AddLine(P(item.rect.x0, item.rect.y0), P(item.rect.x1, item.rect.y1), color,
                     std::max(1.0f, item.thickness * s));
        break;
      case LayoutItemKind::kCircle: {
        float radius = std::max(0.5f, item.thickness * s);
        if (item.outline)
          list.AddCircle(P(item.rect.x0, item.rect.y0), radius * 0.85f, color, 0, std::max(1.0f, radius * 0.3f));
        else
          list.AddCircleFilled(P(item.rect.x0, item.rect.y0), radius, color);
        break;
      }
      case LayoutItemKind::kGlyphs: {
        float pixel_size = item.font_size * s;
        if (pixel_size < 1) break;
        float baseline = std::round(params.origin.y + item.rect.y0 * s);
        for (const PlacedGlyph& g : item.glyphs) {
          float pen = params.origin.x + (item.rect.x0 + g.x) * s;
          float whole = std::floor(pen);
          int subpixel = static_cast<int>((pen - whole) * 4.0f) & 3;
          const GlyphCache::Entry* e = glyphs.Find(item.font, g.glyph, pixel_size, subpixel);
          if (!e) {
            if (item.clipped) list.PopClipRect();
            list.PopClipRect();
            return false;
          }
          if (e->width == 0) continue;
          ImVec2 p0(whole + e->x0, baseline + e->y0);
          ImVec2 p1(p0.x + e->width, p0.y + e->height);
          list.AddImage(atlas, p0, p1, ImVec2(e->u0, e->v0), ImVec2(e->u1, e->v1), color);
        }
        break;
      }
      case LayoutItemKind::kPolygon:
      case LayoutItemKind::kPolyline: {
        if (item.points.size() < 2) break;
        std::vector<ImVec2> path;
        path.reserve(item.points.size());
        for (const LayoutPoint& p : item.points) path.push_back(P(item.rect.x0 + p.x, item.rect.y0 + p.y));
        int count = static_cast<int>(path.size());
        if (item.kind == LayoutItemKind::kPolygon && !item.outline) {
          // Anti-aliased filling wants the points clockwise on screen (y down).
          float area = 0;
          for (int i = 0; i < count; ++i) {
            const ImVec2& a = path[static_cast<size_t>(i)];
            const ImVec2& b = path[static_cast<size_t>((i + 1) % count)];
            area += a.x * b.y - b.x * a.y;
          }
          if (area < 0) std::reverse(path.begin(), path.end());
          list.AddConvexPolyFilled(path.data(), count, color);
        } else {
          list.AddPolyline(path.data(), count, color,
                           item.kind == LayoutItemKind::kPolygon ? ImDrawFlags_Closed : ImDrawFlags_None,
                           std::max(1.0f, item.thickness * s));
        }
        break;
      }
      case LayoutItemKind::kImage: {
        const ImageStore::Image* image = images ? images->Find(item.src) : nullptr;
        if (!image || !image->ok) break;
        list.AddImage(host.Resolve(image->texture), P(item.rect.x0, item.rect.y0),
                      P(item.rect.x1, item.rect.y1), ImVec2(item.u0, item.v0), ImVec2(item.u1, item.v1),
                      Fade(IM_COL32_WHITE, params.alpha));
        break;
      }
    }
    if (item.clipped) list.PopClipRect();
  }
  list.PopClipRect();
  return true;
}

}  // namespace podium
