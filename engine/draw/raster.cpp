// The CPU rasterizer, PNG coding and image comparison (see raster.h for the contract).
//
// Index of this file:
// [SECTION] Fixed-point and pixel helpers
// [SECTION] Texture sampling
// [SECTION] Triangle setup and spans
// [SECTION] Draw commands
// [SECTION] Public rasterizer entry points
// [SECTION] Images: make, PNG encode, decode
// [SECTION] Image comparison
//
// How a triangle is drawn: vertices are mapped to target pixels and snapped to 1/256 pixel
// (like GPU sub-pixel precision). Coverage is decided with exact 64-bit integer edge
// functions at pixel centres, so the top-left rule holds exactly and adjacent triangles never
// overlap or leave gaps. For each covered row the exact [first, last] pixel span is found by
// dividing the edge functions (no per-pixel coverage test). Colour and UV are evaluated from
// plane equations (double per row, float per pixel, no accumulated drift). Triangles whose
// source colour is constant — ImGui's solid shapes all use the white-pixel UV, and most have
// one vertex colour — take a span-fill fast path.
#include "draw/raster.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>

#ifndef STBI_NO_STDIO
#define STBI_NO_STDIO
#endif
#ifndef STBI_WRITE_NO_STDIO
#define STBI_WRITE_NO_STDIO
#endif
#include <stb_image.h>
#include <stb_image_write.h>

#include "stb_failure.h"

// Same bytes on every platform: never fuse a·b + c into an FMA (GCC already does not in
// ISO C++ mode; Clang would on ARM64).
#if defined(__clang__)
#pragma clang fp contract(off)
#endif

namespace podium {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Fixed-point and pixel helpers
//-----------------------------------------------------------------------------

constexpr int64_t kSubpixel = 256;             // vertex positions snap to 1/256 pixel
constexpr int64_t kHalfPixel = kSubpixel / 2;  // a pixel centre, in sub-pixel units
// Vertices further than this from the target's origin are refused, which keeps every edge
// function product inside int64 (2^28 sub-pixels per coordinate → products < 2^60).
constexpr float kMaxPixelCoordinate = 1048576.0f;

int64_t FloorDiv(int64_t n, int64_t d) {  // d > 0
  int64_t q = n / d;
  return (n % d != 0 && n < 0) ? q - 1 : q;
}
int64_t CeilDiv(int64_t n, int64_t d) { return -FloorDiv(-n, d); }  // d > 0

// round(x / 255) for 0 <= x <= 255 * 255, exactly.
inline uint32_t Div255(uint32_t x) {
  x += 128;
  return (x + (x >> 8)) >> 8;
}

inline uint32_t RoundToByte(float value) {  // clamps to 0..255; NaN gives 0
  if (!(value > 0.0f)) return 0;
  if (value >= 255.0f) return 255;
  return static_cast<uint32_t>(value + 0.5f);
}

inline float Clamp255(float value) {
  if (!(value > 0.0f)) return 0.0f;
  return value < 255.0f ? value : 255.0f;
}

// A source colour, 8-bit straight alpha.
struct Source {
  uint32_t r, g, b, a;
};

// GL blending with GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA (rgb) and GL_ONE,
// GL_ONE_MINUS_SRC_ALPHA (alpha), rounded to nearest.
inline void BlendPixel(uint8_t* dst, const Source& s) {
  if (s.a == 255) {
    dst[0] = static_cast<uint8_t>(s.r);
    dst[1] = static_cast<uint8_t>(s.g);
    dst[2] = static_cast<uint8_t>(s.b);
    dst[3] = 255;
    return;
  }
  if (s.a == 0) return;
  const uint32_t inv = 255 - s.a;
  dst[0] = static_cast<uint8_t>(Div255(s.r * s.a + dst[0] * inv));
  dst[1] = static_cast<uint8_t>(Div255(s.g * s.a + dst[1] * inv));
  dst[2] = static_cast<uint8_t>(Div255(s.b * s.a + dst[2] * inv));
  dst[3] = static_cast<uint8_t>(Div255(s.a * 255 + dst[3] * inv));
}

// Blends one constant source colour over `n` pixels from `p` on.
void FillSpan(uint8_t* p, int n, const Source& s) {
  if (s.a == 255) {
    const uint8_t px[4] = {static_cast<uint8_t>(s.r), static_cast<uint8_t>(s.g),
                           static_cast<uint8_t>(s.b), 255};
    uint32_t packed;
    std::memcpy(&packed, px, 4);
    for (int i = 0; i < n; ++i) std::memcpy(p + i * 4, &packed, 4);
    return;
  }
  if (s.a == 0) return;
  const uint32_t inv = 255 - s.a;
  const uint32_t r = s.r * s.a, g = s.g * s.a, b = s.b * s.a, a = s.a * 255;
  for (int i = 0; i < n; ++i, p += 4) {
    p[0] = static_cast<uint8_t>(Div255(r + p[0] * inv));
    p[1] = static_cast<uint8_t>(Div255(g + p[1] * inv));
    p[2] = static_cast<uint8_t>(Div255(b + p[2] * inv));
    p[3] = static_cast<uint8_t>(Div255(a + p[3] * inv));
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Texture sampling
//-----------------------------------------------------------------------------

// A texture ready to sample; `rgba == nullptr` samples as opaque white.
struct Sampler {
  const uint8_t* rgba = nullptr;
  int width = 0;
  int height = 0;  // of the texture, for texture coordinates
  int rows = 0;    // stored (the atlas stores only the rows in use); reads clamp to them
};

Sampler MakeSampler(ImTextureID id, const RasterOptions& options) {
  Sampler sampler;
  const Texture* texture = nullptr;
  if (options.texture_lookup != nullptr) {
    texture = options.texture_lookup(id, options.texture_lookup_user_data);
  } else {
    texture = static_cast<const Texture*>(id);
  }
  if (texture == nullptr || texture->width <= 0 || texture->height <= 0) return sampler;
  const int rows = std::min(texture->StoredRows(), texture->height);
  if (rows < 1 || rows < texture->RowsInUse()) return sampler;
  sampler.rgba = texture->rgba.data();
  sampler.width = texture->width;
  sampler.height = texture->height;
  sampler.rows = rows;
  return sampler;
}

// A filtered texel: each channel 0..255 with 8 fractional bits (0..65280). Filter weights
// have 8 fractional bits, as GPUs' do.
struct Texel {
  uint32_t r, g, b, a;
};

// One axis of the bilinear filter: two texel indices and the 8-bit weight of the upper.
struct FilterTap {
  int lower, upper;
  uint32_t weight;
};

inline FilterTap FilterCoordinate(float coordinate, int size) {
  // Texel centres sit at +0.5, so the lower texel is floor(coordinate·size − 0.5). Shifted
  // by one texel to stay non-negative, rounded to 1/256 texel, and split without branches
  // (the rounding direction near texel centres is data-dependent and would mispredict).
  const float size_f = static_cast<float>(size);
  const float shifted = std::min(std::max(-0.0f, coordinate * size_f + 0.5f), size_f + 1.0f);
  const int fixed = static_cast<int>(shifted * 256.0f + 0.5f);  // NaN became -0 above
  const int i0 = (fixed >> 8) - 1;
  // GL_CLAMP_TO_EDGE
  return {std::clamp(i0, 0, size - 1), std::clamp(i0 + 1, 0, size - 1),
          static_cast<uint32_t>(fixed & 255)};
}

// Filters within two texel rows already chosen, `wy` being the weight of `row1`.
inline Texel SampleRows(const uint8_t* row0, const uint8_t* row1, uint32_t wy, const FilterTap& x) {
  const uint8_t* t00 = row0 + static_cast<size_t>(x.lower) * 4;
  const uint32_t wx = x.weight;
  if (wy == 0) {
    if (wx == 0) {  // on a texel centre, e.g. pixel-aligned images and glyphs
      return {uint32_t{t00[0]} << 8, uint32_t{t00[1]} << 8, uint32_t{t00[2]} << 8,
              uint32_t{t00[3]} << 8};
    }
    const uint8_t* t10 = row0 + static_cast<size_t>(x.upper) * 4;
    const uint32_t w0 = 256 - wx;
    return {t00[0] * w0 + t10[0] * wx, t00[1] * w0 + t10[1] * wx, t00[2] * w0 + t10[2] * wx,
            t00[3] * w0 + t10[3] * wx};
  }
  const uint8_t* t10 = row0 + static_cast<size_t>(x.upper) * 4;
  const uint8_t* t01 = row1 + static_cast<size_t>(x.lower) * 4;
  const uint8_t* t11 = row1 + static_cast<size_t>(x.upper) * 4;
  const uint32_t w00 = (256 - wx) * (256 - wy), w10 = wx * (256 - wy);
  const uint32_t w01 = (256 - wx) * wy, w11 = wx * wy;
  auto channel = [&](int k) {
    return (t00[k] * w00 + t10[k] * w10 + t01[k] * w01 + t11[k] * w11 + 128) >> 8;
  };
  return {channel(0), channel(1), channel(2), channel(3)};
}

inline const uint8_t* TexelRow(const Sampler& s, int y) {
  return s.rgba + static_cast<size_t>(std::min(y, s.rows - 1)) * static_cast<size_t>(s.width) * 4;
}

inline Texel SampleBilinear(const Sampler& s, float u, float v) {
  const FilterTap fy = FilterCoordinate(v, s.height);
  return SampleRows(TexelRow(s, fy.lower), TexelRow(s, fy.upper), fy.weight,
                    FilterCoordinate(u, s.width));
}

// texture × vertex colour, the fragment shader of imgui_impl_opengl3, for an interpolated
// colour (0..255 floats)…
inline Source Modulate(const Texel& t, float r, float g, float b, float a) {
  constexpr float kScale = 1.0f / 65280.0f;
  return {RoundToByte(r * (static_cast<float>(t.r) * kScale)),
          RoundToByte(g * (static_cast<float>(t.g) * kScale)),
          RoundToByte(b * (static_cast<float>(t.b) * kScale)),
          RoundToByte(a * (static_cast<float>(t.a) * kScale))};
}

// …and for a constant 8-bit colour, rounded to nearest in integers.
inline Source Modulate(const Texel& t, const Source& c) {
  return {(t.r * c.r + 32640) / 65280, (t.g * c.g + 32640) / 65280, (t.b * c.b + 32640) / 65280,
          (t.a * c.a + 32640) / 65280};
}

//-----------------------------------------------------------------------------
// [SECTION] Triangle setup and spans
//-----------------------------------------------------------------------------

// Target pixels and the scissor box of the current command, [x0, x1) × [y0, y1).
struct Surface {
  uint8_t* rgba;
  int width;
  int height;
  int x0, y0, x1, y1;
};

// pixel = (position − offset) × scale
struct Transform {
  float offset_x = 0, offset_y = 0;
  float scale_x = 1, scale_y = 1;
};

// One edge function along a row: value(x) = c + a·x for pixel x; c moves by step per row.
// A pixel is covered when value >= 0 for all three edges (the bias is folded into c).
struct Edge {
  int64_t a;
  int64_t c;
  int64_t step;
};

// An attribute linear in screen space: value at pixel centre (x, y) =
// origin + dx·(x + 0.5 − x0) + dy·(y + 0.5 − y0).
struct Plane {
  double origin, dx, dy;
};

struct TriangleSetup {
  double x0, y0;  // snapped position of the first vertex, pixels
  double inv_area;
  double e1x, e1y, e2x, e2y;  // v1 − v0, v2 − v0
  Plane Make(double a0, double a1, double a2) const {
    const double d1 = a1 - a0, d2 = a2 - a0;
    return {a0, (d1 * e2y - d2 * e1y) * inv_area, (d2 * e1x - d1 * e2x) * inv_area};
  }
  double At(const Plane& p, double px, double py) const {
    return p.origin + p.dx * (px - x0) + p.dy * (py - y0);
  }
};

inline float ChannelOf(ImU32 col, int shift) { return static_cast<float>((col >> shift) & 0xFF); }

template <bool kVaryingColour, bool kVaryingTexel>
void ShadeTriangle(const Surface& surface, const Sampler& sampler, const TriangleSetup& setup,
                   const ImDrawVert* const v[3], Edge edges[3], int x_lo, int x_hi, int y_lo,
                   int y_hi) {
  Plane colour[4];
  float flat[4];
  for (int k = 0; k < 4; ++k) {
    const int shift = 8 * k;  // IM_COL32: R in the low byte
    flat[k] = ChannelOf(v[0]->col, shift);
    if (kVaryingColour) {
      colour[k] = setup.Make(flat[k], ChannelOf(v[1]->col, shift), ChannelOf(v[2]->col, shift));
    }
  }
  const Source flat_colour{v[0]->col & 0xFF, (v[0]->col >> 8) & 0xFF, (v[0]->col >> 16) & 0xFF,
                           v[0]->col >> 24};
  Plane pu{}, pv{};
  Texel flat_texel{255u << 8, 255u << 8, 255u << 8, 255u << 8};  // white
  if (kVaryingTexel) {
    pu = setup.Make(v[0]->uv.x, v[1]->uv.x, v[2]->uv.x);
    pv = setup.Make(v[0]->uv.y, v[1]->uv.y, v[2]->uv.y);
  } else if (sampler.rgba != nullptr) {
    flat_texel = SampleBilinear(sampler, v[0]->uv.x, v[0]->uv.y);
  }
  const Source flat_source = Modulate(flat_texel, flat_colour);
  if (!kVaryingColour && !kVaryingTexel && flat_source.a == 0) return;

  const size_t stride = static_cast<size_t>(surface.width) * 4;
  for (int y = y_lo; y <= y_hi; ++y) {
    int64_t lo = x_lo, hi = x_hi;
    for (int k = 0; k < 3; ++k) {
      const Edge& e = edges[k];
      if (e.a > 0) {
        lo = std::max(lo, CeilDiv(-e.c, e.a));
      } else if (e.a < 0) {
        hi = std::min(hi, FloorDiv(e.c, -e.a));
      } else if (e.c < 0) {
        hi = lo - 1;
      }
      edges[k].c += e.step;
    }
    if (lo > hi) continue;
    uint8_t* p = surface.rgba + static_cast<size_t>(y) * stride + static_cast<size_t>(lo) * 4;
    const int n = static_cast<int>(hi - lo) + 1;
    if (!kVaryingColour && !kVaryingTexel) {
      FillSpan(p, n, flat_source);
      continue;
    }
    const double cx = static_cast<double>(lo) + 0.5, cy = y + 0.5;
    float base[4] = {}, step[4] = {};
    if (kVaryingColour) {
      for (int k = 0; k < 4; ++k) {
        base[k] = static_cast<float>(setup.At(colour[k], cx, cy));
        step[k] = static_cast<float>(colour[k].dx);
      }
    }
    // The fragment at span index i, given its texel.
    auto shade = [&](uint8_t* pixel, float fi, const Texel& texel) {
      if (texel.a == 0) return;  // source alpha 0 leaves the pixel as it is
      if (kVaryingColour) {
        BlendPixel(
            pixel,
            Modulate(texel, Clamp255(base[0] + step[0] * fi), Clamp255(base[1] + step[1] * fi),
                     Clamp255(base[2] + step[2] * fi), Clamp255(base[3] + step[3] * fi)));
      } else {
        BlendPixel(pixel, Modulate(texel, flat_colour));
      }
    };
    if (!kVaryingTexel) {
      for (int i = 0; i < n; ++i, p += 4) shade(p, static_cast<float>(i), flat_texel);
      continue;
    }
    const float u0 = static_cast<float>(setup.At(pu, cx, cy)), du = static_cast<float>(pu.dx);
    const float v0 = static_cast<float>(setup.At(pv, cx, cy)), dv = static_cast<float>(pv.dx);
    if (dv == 0.0f) {  // axis-aligned images and glyphs: one pair of texel rows per span
      const FilterTap fy = FilterCoordinate(v0, sampler.height);
      const uint8_t* row0 = TexelRow(sampler, fy.lower);
      const uint8_t* row1 = TexelRow(sampler, fy.upper);
      for (int i = 0; i < n; ++i, p += 4) {
        const float fi = static_cast<float>(i);
        shade(p, fi,
              SampleRows(row0, row1, fy.weight, FilterCoordinate(u0 + du * fi, sampler.width)));
      }
    } else {
      for (int i = 0; i < n; ++i, p += 4) {
        const float fi = static_cast<float>(i);
        shade(p, fi, SampleBilinear(sampler, u0 + du * fi, v0 + dv * fi));
      }
    }
  }
}

inline bool MapPosition(const ImVec2& pos, const Transform& t, float& x, float& y) {
  x = (pos.x - t.offset_x) * t.scale_x;
  y = (pos.y - t.offset_y) * t.scale_y;
  // Written so that NaN fails too.
  return std::fabs(x) <= kMaxPixelCoordinate && std::fabs(y) <= kMaxPixelCoordinate;
}

inline int64_t Snap(float pixel) {
  return static_cast<int64_t>(std::floor(static_cast<double>(pixel) * kSubpixel + 0.5));
}

void DrawTriangle(const Surface& surface, const Sampler& sampler, const Transform& transform,
                  const ImDrawVert* a, const ImDrawVert* b, const ImDrawVert* c) {
  float fx[3], fy[3];
  if (!MapPosition(a->pos, transform, fx[0], fy[0]) ||
      !MapPosition(b->pos, transform, fx[1], fy[1]) ||
      !MapPosition(c->pos, transform, fx[2], fy[2])) {
    return;
  }
  // Cheap rejection against the scissor before any exact arithmetic.
  const float min_x = std::min({fx[0], fx[1], fx[2]}), max_x = std::max({fx[0], fx[1], fx[2]});
  const float min_y = std::min({fy[0], fy[1], fy[2]}), max_y = std::max({fy[0], fy[1], fy[2]});
  if (max_x < static_cast<float>(surface.x0) || min_x > static_cast<float>(surface.x1) ||
      max_y < static_cast<float>(surface.y0) || min_y > static_cast<float>(surface.y1)) {
    return;
  }

  int64_t X[3], Y[3];
  for (int k = 0; k < 3; ++k) {
    X[k] = Snap(fx[k]);
    Y[k] = Snap(fy[k]);
  }
  // Pixels whose centres lie in the bounding box, clipped to the scissor.
  const int64_t bx_min = std::min({X[0], X[1], X[2]}), bx_max = std::max({X[0], X[1], X[2]});
  const int64_t by_min = std::min({Y[0], Y[1], Y[2]}), by_max = std::max({Y[0], Y[1], Y[2]});
  const int64_t x_lo = std::max<int64_t>(CeilDiv(bx_min - kHalfPixel, kSubpixel), surface.x0);
  const int64_t x_hi = std::min<int64_t>(FloorDiv(bx_max - kHalfPixel, kSubpixel), surface.x1 - 1);
  const int64_t y_lo = std::max<int64_t>(CeilDiv(by_min - kHalfPixel, kSubpixel), surface.y0);
  const int64_t y_hi = std::min<int64_t>(FloorDiv(by_max - kHalfPixel, kSubpixel), surface.y1 - 1);
  if (x_lo > x_hi || y_lo > y_hi) return;

  int64_t area = (X[1] - X[0]) * (Y[2] - Y[0]) - (X[2] - X[0]) * (Y[1] - Y[0]);
  if (area == 0) return;
  const ImDrawVert* v[3] = {a, b, c};
  if (area < 0) {  // make the winding consistent: interior on the positive side of each edge
    std::swap(X[1], X[2]);
    std::swap(Y[1], Y[2]);
    std::swap(v[1], v[2]);
    area = -area;
  }

  Edge edges[3];
  const int64_t row_centre = y_lo * kSubpixel + kHalfPixel;
  for (int k = 0; k < 3; ++k) {
    const int i = k, j = (k + 1) % 3;
    const int64_t dx = X[j] - X[i], dy = Y[j] - Y[i];
    // Top-left rule (y down): a top edge is horizontal with the interior below it, a left
    // edge goes up. Pixel centres exactly on any other edge belong to the neighbour.
    const bool top_left = (dy == 0 && dx > 0) || dy < 0;
    edges[k].a = -dy * kSubpixel;
    edges[k].c = dx * (row_centre - Y[i]) - dy * (kHalfPixel - X[i]) - (top_left ? 0 : 1);
    edges[k].step = dx * kSubpixel;
  }

  TriangleSetup setup;
  setup.x0 = static_cast<double>(X[0]) / kSubpixel;
  setup.y0 = static_cast<double>(Y[0]) / kSubpixel;
  setup.e1x = static_cast<double>(X[1] - X[0]) / kSubpixel;
  setup.e1y = static_cast<double>(Y[1] - Y[0]) / kSubpixel;
  setup.e2x = static_cast<double>(X[2] - X[0]) / kSubpixel;
  setup.e2y = static_cast<double>(Y[2] - Y[0]) / kSubpixel;
  setup.inv_area = static_cast<double>(kSubpixel * kSubpixel) / static_cast<double>(area);

  const bool varying_colour = v[0]->col != v[1]->col || v[0]->col != v[2]->col;
  const bool varying_texel =
      sampler.rgba != nullptr && (v[0]->uv.x != v[1]->uv.x || v[0]->uv.x != v[2]->uv.x ||
                                  v[0]->uv.y != v[1]->uv.y || v[0]->uv.y != v[2]->uv.y);
  const int xl = static_cast<int>(x_lo), xh = static_cast<int>(x_hi);
  const int yl = static_cast<int>(y_lo), yh = static_cast<int>(y_hi);
  if (varying_colour) {
    if (varying_texel) {
      ShadeTriangle<true, true>(surface, sampler, setup, v, edges, xl, xh, yl, yh);
    } else {
      ShadeTriangle<true, false>(surface, sampler, setup, v, edges, xl, xh, yl, yh);
    }
  } else if (varying_texel) {
    ShadeTriangle<false, true>(surface, sampler, setup, v, edges, xl, xh, yl, yh);
  } else {
    ShadeTriangle<false, false>(surface, sampler, setup, v, edges, xl, xh, yl, yh);
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Draw commands
//-----------------------------------------------------------------------------

// Where draw-list coordinates land: geometry goes through `transform`; clip rectangles
// are projected like the GL backend, (clip − clip_offset) × clip_scale, then truncated
// to a scissor box with GL's lower-left origin on a framebuffer `framebuffer_height` tall.
struct Frame {
  Transform transform;
  ImVec2 clip_offset;
  ImVec2 clip_scale;
  int framebuffer_height = 0;
};

// (int)value as C++ and glScissor's callers do, for values that may be NaN or huge.
inline int64_t TruncateToInt(float value) {
  if (!(value == value)) return 0;
  const float limit = 1073741824.0f;  // 2^30
  return static_cast<int64_t>(std::clamp(value, -limit, limit));
}

// The scissor of `clip` on `target`, or false when nothing can be drawn.
bool MakeScissor(const ImVec4& clip, const Frame& frame, int width, int height, Surface& out) {
  const float min_x = (clip.x - frame.clip_offset.x) * frame.clip_scale.x;
  const float min_y = (clip.y - frame.clip_offset.y) * frame.clip_scale.y;
  const float max_x = (clip.z - frame.clip_offset.x) * frame.clip_scale.x;
  const float max_y = (clip.w - frame.clip_offset.y) * frame.clip_scale.y;
  if (!(max_x > min_x) || !(max_y > min_y)) return false;
  // glScissor((int)min_x, (int)(fb_height - max_y), (int)(max_x - min_x), (int)(max_y - min_y))
  const int64_t sx = TruncateToInt(min_x);
  const int64_t sw = TruncateToInt(max_x - min_x);
  const int64_t gl_y = TruncateToInt(static_cast<float>(frame.framebuffer_height) - max_y);
  const int64_t sh = TruncateToInt(max_y - min_y);
  const int64_t top = frame.framebuffer_height - gl_y - sh;  // back to rows counted from the top
  out.x0 = static_cast<int>(std::clamp<int64_t>(sx, 0, width));
  out.x1 = static_cast<int>(std::clamp<int64_t>(sx + sw, 0, width));
  out.y0 = static_cast<int>(std::clamp<int64_t>(top, 0, height));
  out.y1 = static_cast<int>(std::clamp<int64_t>(top + sh, 0, height));
  return out.x0 < out.x1 && out.y0 < out.y1;
}

bool TargetIsValid(const RgbaImage& target) {
  if (target.width <= 0 || target.height <= 0) return false;
  return target.rgba.size() ==
         static_cast<uint64_t>(target.width) * static_cast<uint64_t>(target.height) * 4;
}

void DrawList(const ImDrawList& list, const Frame& frame, const RasterOptions& options,
              RgbaImage& target) {
  const ImDrawIdx* indices = list.IdxBuffer.Data;
  const ImDrawVert* vertices = list.VtxBuffer.Data;
  const uint64_t index_count = list.IdxBuffer.Size > 0 ? list.IdxBuffer.Size : 0;
  const uint64_t vertex_count = list.VtxBuffer.Size > 0 ? list.VtxBuffer.Size : 0;
  if (indices == nullptr || vertices == nullptr || list.CmdBuffer.Data == nullptr) return;
  for (int n = 0; n < list.CmdBuffer.Size; ++n) {
    const ImDrawCmd& cmd = list.CmdBuffer.Data[n];
    if (cmd.UserCallback != nullptr || cmd.ElemCount < 3) continue;
    Surface surface{target.rgba.data(), target.width, target.height, 0, 0, 0, 0};
    if (!MakeScissor(cmd.ClipRect, frame, target.width, target.height, surface)) continue;
    const uint64_t begin = cmd.IdxOffset;
    const uint64_t end = std::min<uint64_t>(begin + cmd.ElemCount, index_count);
    const Sampler sampler = MakeSampler(cmd.TextureId, options);
    const uint64_t base = cmd.VtxOffset;
    for (uint64_t k = begin; k + 3 <= end; k += 3) {
      const uint64_t i0 = base + indices[k], i1 = base + indices[k + 1], i2 = base + indices[k + 2];
      if (i0 >= vertex_count || i1 >= vertex_count || i2 >= vertex_count) continue;
      DrawTriangle(surface, sampler, frame.transform, &vertices[i0], &vertices[i1], &vertices[i2]);
    }
  }
}

Frame FrameFromOptions(const RasterOptions& options, const RgbaImage& target) {
  Frame frame;
  const float sx = options.framebuffer_scale.x != 0.0f ? options.framebuffer_scale.x : 1.0f;
  const float sy = options.framebuffer_scale.y != 0.0f ? options.framebuffer_scale.y : 1.0f;
  frame.transform = {options.display_pos.x, options.display_pos.y, sx, sy};
  frame.clip_offset = options.display_pos;
  frame.clip_scale = ImVec2(sx, sy);
  frame.framebuffer_height = target.height;
  return frame;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Public rasterizer entry points
//-----------------------------------------------------------------------------

void RasterizeDrawList(const ImDrawList& list, RgbaImage& target, const RasterOptions& options) {
  if (!TargetIsValid(target)) return;
  DrawList(list, FrameFromOptions(options, target), options, target);
}

void RasterizeDrawLists(std::span<const ImDrawList* const> lists, RgbaImage& target,
                        const RasterOptions& options) {
  if (!TargetIsValid(target)) return;
  const Frame frame = FrameFromOptions(options, target);
  for (const ImDrawList* list : lists) {
    if (list != nullptr) DrawList(*list, frame, options, target);
  }
}

void RasterizeDrawData(const ImDrawData& data, RgbaImage& target, const RasterOptions& options) {
  if (!TargetIsValid(target) || data.CmdLists == nullptr) return;
  // Same arithmetic as ImGui_ImplOpenGL3_RenderDrawData: the viewport is the whole
  // framebuffer, the projection maps DisplayPos..DisplayPos+DisplaySize onto it.
  const float fb_width_f = data.DisplaySize.x * data.FramebufferScale.x;
  const float fb_height_f = data.DisplaySize.y * data.FramebufferScale.y;
  if (!(fb_width_f >= 1.0f) || !(fb_height_f >= 1.0f) || fb_width_f > kMaxPixelCoordinate ||
      fb_height_f > kMaxPixelCoordinate) {
    return;
  }
  const int fb_width = static_cast<int>(fb_width_f), fb_height = static_cast<int>(fb_height_f);
  Frame frame;
  frame.transform = {data.DisplayPos.x, data.DisplayPos.y,
                     static_cast<float>(fb_width) / data.DisplaySize.x,
                     static_cast<float>(fb_height) / data.DisplaySize.y};
  frame.clip_offset = data.DisplayPos;
  frame.clip_scale = data.FramebufferScale;
  frame.framebuffer_height = fb_height;
  for (int n = 0; n < data.CmdListsCount; ++n) {
    if (data.CmdLists[n] != nullptr) DrawList(*data.CmdLists[n], frame, options, target);
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Images: make, PNG encode, decode
//-----------------------------------------------------------------------------

RgbaImage MakeImage(int width, int height, uint32_t clear_rgba) {
  RgbaImage image;
  if (width <= 0 || height <= 0) return image;
  image.width = width;
  image.height = height;
  const uint8_t px[4] = {static_cast<uint8_t>(clear_rgba >> 24),
                         static_cast<uint8_t>(clear_rgba >> 16),
                         static_cast<uint8_t>(clear_rgba >> 8), static_cast<uint8_t>(clear_rgba)};
  const size_t count = static_cast<size_t>(width) * static_cast<size_t>(height);
  image.rgba.resize(count * 4);
  for (size_t i = 0; i < count; ++i) std::memcpy(&image.rgba[i * 4], px, 4);
  return image;
}

std::vector<uint8_t> EncodePng(const RgbaImage& image) {
  std::vector<uint8_t> png;
  if (image.width <= 0 || image.height <= 0 || image.width > INT_MAX / 4 ||
      image.rgba.size() !=
          static_cast<uint64_t>(image.width) * static_cast<uint64_t>(image.height) * 4) {
    return png;
  }
  auto append = [](void* context, void* data, int size) {
    auto* out = static_cast<std::vector<uint8_t>*>(context);
    const auto* bytes = static_cast<const uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
  };
  if (stbi_write_png_to_func(append, &png, image.width, image.height, 4, image.rgba.data(),
                             image.width * 4) == 0) {
    png.clear();
  }
  return png;
}

bool DecodeImage(std::span<const uint8_t> bytes, RgbaImage& out, std::string* error) {
  out = RgbaImage{};
  auto fail = [error](const std::string& message) {
    if (error != nullptr) *error = message;
    return false;
  };
  if (bytes.empty()) return fail("no image data");
  if (bytes.size() > static_cast<size_t>(INT_MAX)) return fail("image data over 2 GiB");
  const int length = static_cast<int>(bytes.size());
  int width = 0, height = 0, channels = 0;
  ClearStbFailureReason();
  if (stbi_info_from_memory(bytes.data(), length, &width, &height, &channels) == 0) {
    const char* reason = stbi_failure_reason();
    return fail(std::string("unreadable image: ") + (reason ? reason : "unknown format"));
  }
  constexpr int64_t kMaxPixels = int64_t{1} << 26;
  if (width <= 0 || height <= 0 || static_cast<int64_t>(width) * height > kMaxPixels) {
    return fail("image too large: " + std::to_string(width) + "x" + std::to_string(height));
  }
  ClearStbFailureReason();
  stbi_uc* pixels = stbi_load_from_memory(bytes.data(), length, &width, &height, &channels, 4);
  if (pixels == nullptr) {
    const char* reason = stbi_failure_reason();
    return fail(std::string("cannot decode image: ") + (reason ? reason : "unknown error"));
  }
  out.width = width;
  out.height = height;
  out.rgba.assign(pixels, pixels + static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
  stbi_image_free(pixels);
  return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Image comparison
//-----------------------------------------------------------------------------

namespace {

const uint8_t* PixelOrNull(const RgbaImage& image, int x, int y) {
  if (x >= image.width || y >= image.height) return nullptr;
  const size_t offset = (static_cast<size_t>(y) * static_cast<size_t>(image.width) + x) * 4;
  if (offset + 4 > image.rgba.size()) return nullptr;
  return &image.rgba[offset];
}

}  // namespace

ImageDiff CompareImages(const RgbaImage& expected, const RgbaImage& actual,
                        int per_channel_tolerance) {
  ImageDiff result;
  const int width = std::max({expected.width, actual.width, 0});
  const int height = std::max({expected.height, actual.height, 0});
  result.diff = MakeImage(width, height, 0xFFFFFFFF);
  if (width == 0 || height == 0) return result;
  uint64_t total_delta = 0;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const uint8_t* e = PixelOrNull(expected, x, y);
      const uint8_t* a = PixelOrNull(actual, x, y);
      int worst = 0;
      for (int k = 0; k < 4; ++k) {
        const int delta = (e != nullptr && a != nullptr) ? std::abs(int{e[k]} - int{a[k]}) : 255;
        worst = std::max(worst, delta);
        total_delta += static_cast<uint64_t>(delta);
      }
      result.max_channel_delta = std::max(result.max_channel_delta, worst);
      uint8_t* d = &result.diff.rgba[(static_cast<size_t>(y) * width + x) * 4];
      if (worst > per_channel_tolerance) {
        ++result.differing_pixels;
        d[0] = 255, d[1] = 0, d[2] = 0, d[3] = 255;
        continue;
      }
      const uint8_t* source = e != nullptr ? e : a;
      // Faded: the pixel's luminance, composited over white, squeezed into the top quarter.
      const uint32_t luma = (54u * source[0] + 183u * source[1] + 19u * source[2]) >> 8;
      const uint32_t over_white = Div255(luma * source[3] + 255u * (255u - source[3]));
      const uint8_t faded = static_cast<uint8_t>(191 + over_white / 4);
      d[0] = d[1] = d[2] = faded;
      d[3] = 255;
    }
  }
  result.mean_abs_delta =
      static_cast<double>(total_delta) / (static_cast<double>(width) * height * 4.0);
  return result;
}

}  // namespace podium
