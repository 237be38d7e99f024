// Tests of the CPU rasterizer (engine/draw/raster.h): coverage, fill rule, blending,
// sampling, clipping, determinism, hostile input, PNG coding and image comparison.
//
// Set PODIUM_WRITE_TEST_IMAGES=<dir> to have the scene tests write their PNGs there.
#include "draw/raster.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <set>
#include <string>

#include "draw/standalone_draw_list.h"

namespace podium {
namespace {

constexpr uint32_t kBlack = 0x000000FF;
constexpr uint32_t kWhite = 0xFFFFFFFF;

// A standalone draw list whose white pixel is the only texel of a 1×1 white texture.
class Canvas {
 public:
  explicit Canvas(float width, float height, bool allow_vtx_offset = false)
      : white_(MakeWhite()),
        draw_({.white_pixel_uv = ImVec2(0.5f, 0.5f), .allow_vtx_offset = allow_vtx_offset}) {
    draw_.BeginFrame(&white_, ImVec4(0, 0, width, height));
  }
  ImDrawList& list() { return draw_.list(); }
  StandaloneDrawList& draw() { return draw_; }
  ImTextureID white_id() { return &white_; }

 private:
  static Texture MakeWhite() {
    Texture t;
    t.id = NewTextureId();
    t.width = 1;
    t.height = 1;
    t.rgba = {255, 255, 255, 255};
    return t;
  }
  Texture white_;
  StandaloneDrawList draw_;
};

struct Pixel {
  int r, g, b, a;
  bool operator==(const Pixel&) const = default;
};

Pixel At(const RgbaImage& image, int x, int y) {
  const uint8_t* p = &image.rgba[(static_cast<size_t>(y) * image.width + x) * 4];
  return {p[0], p[1], p[2], p[3]};
}

void PrintTo(const Pixel& p, std::ostream* os) {
  *os << "(" << p.r << "," << p.g << "," << p.b << "," << p.a << ")";
}

void MaybeWrite(const RgbaImage& image, const std::string& name) {
  const char* dir = std::getenv("PODIUM_WRITE_TEST_IMAGES");
  if (dir == nullptr || *dir == '\0') return;
  const std::vector<uint8_t> png = EncodePng(image);
  std::ofstream out(std::string(dir) + "/" + name + ".png", std::ios::binary);
  out.write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
}

// Appends one raw triangle with per-vertex colours.
void AddRawTriangle(ImDrawList& list, ImVec2 a, ImVec2 b, ImVec2 c, ImU32 ca, ImU32 cb, ImU32 cc,
                    ImVec2 uv = ImVec2(0.5f, 0.5f)) {
  list.PrimReserve(3, 3);
  list.PrimVtx(a, uv, ca);
  list.PrimVtx(b, uv, cb);
  list.PrimVtx(c, uv, cc);
}

// ---------------------------------------------------------------------------------------
// Coverage and the fill rule

TEST(RasterTest, FilledRectGivesExactPixelsAndEdges) {
  Canvas canvas(32, 32);
  canvas.list().AddRectFilled(ImVec2(10, 10), ImVec2(20, 15), IM_COL32(255, 0, 0, 255));
  RgbaImage image = MakeImage(32, 32, kBlack);
  RasterizeDrawList(canvas.list(), image);
  for (int y = 0; y < 32; ++y) {
    for (int x = 0; x < 32; ++x) {
      const bool inside = x >= 10 && x < 20 && y >= 10 && y < 15;
      ASSERT_EQ(At(image, x, y), inside ? (Pixel{255, 0, 0, 255}) : (Pixel{0, 0, 0, 255}))
          << "at " << x << "," << y;
    }
  }
}

TEST(RasterTest, FractionalRectCoversPixelsWhoseCentresAreInside) {
  Canvas canvas(16, 16);
  // Centres at 2.5..: x in [2.4, 6.6) covers centres 2.5 … 6.5 → pixels 2..6.
  canvas.list().AddRectFilled(ImVec2(2.4f, 3.6f), ImVec2(6.6f, 5.4f), IM_COL32_WHITE);
  RgbaImage image = MakeImage(16, 16, kBlack);
  RasterizeDrawList(canvas.list(), image);
  for (int y = 0; y < 16; ++y) {
    for (int x = 0; x < 16; ++x) {
      const bool inside = x >= 2 && x <= 6 && y == 4;
      ASSERT_EQ(At(image, x, y).r, inside ? 255 : 0) << "at " << x << "," << y;
    }
  }
}

TEST(RasterTest, TrianglesSharingAnEdgeBlendOnce) {
  // A translucent quad split along a slanted diagonal, and a fan of slivers around a
  // centre: every covered pixel must be blended exactly once.
  Canvas canvas(64, 64);
  const ImU32 half_red = IM_COL32(255, 0, 0, 128);
  const ImVec2 a(3.3f, 4.1f), b(40.7f, 2.2f), c(44.9f, 30.6f), d(1.2f, 27.5f);
  AddRawTriangle(canvas.list(), a, b, c, half_red, half_red, half_red);
  AddRawTriangle(canvas.list(), a, c, d, half_red, half_red, half_red);
  const ImVec2 centre(40.5f, 48.5f);  // exactly on a pixel centre, where all slivers meet
  const int kSlivers = 37;
  for (int i = 0; i < kSlivers; ++i) {
    const float t0 = 2.0f * 3.14159265f * i / kSlivers,
                t1 = 2.0f * 3.14159265f * (i + 1) / kSlivers;
    AddRawTriangle(canvas.list(), centre,
                   ImVec2(centre.x + 14 * std::cos(t0), centre.y + 14 * std::sin(t0)),
                   ImVec2(centre.x + 14 * std::cos(t1), centre.y + 14 * std::sin(t1)), half_red,
                   half_red, half_red);
  }
  RgbaImage image = MakeImage(64, 64, kWhite);
  RasterizeDrawList(canvas.list(), image);
  MaybeWrite(image, "raster_shared_edges");
  std::set<int> greens;
  int covered = 0;
  for (int y = 0; y < 64; ++y) {
    for (int x = 0; x < 64; ++x) {
      const Pixel p = At(image, x, y);
      if (p.g != 255) {
        greens.insert(p.g);
        ++covered;
      }
    }
  }
  // round(255 · 127 / 255) = 127: one blend; two blends would give 63.
  EXPECT_EQ(greens, std::set<int>{127});
  EXPECT_EQ(At(image, 40, 48), (Pixel{255, 127, 127, 255}));  // the shared vertex
  EXPECT_GT(covered, 900);
}

TEST(RasterTest, EdgeThroughPixelCentresBelongsToOneSide) {
  // Two rects meet at x = 10.5 and y = 6.5, exactly on pixel centres.
  Canvas canvas(24, 16);
  const ImU32 half = IM_COL32(0, 0, 255, 128);
  canvas.list().AddRectFilled(ImVec2(2, 2), ImVec2(10.5f, 12), half);
  canvas.list().AddRectFilled(ImVec2(10.5f, 2), ImVec2(20, 12), half);
  canvas.list().AddRectFilled(ImVec2(2, 12), ImVec2(20, 6.5f), half);  // flipped y order
  RgbaImage image = MakeImage(24, 16, kWhite);
  RasterizeDrawList(canvas.list(), image);
  for (int x = 2; x < 20; ++x) {
    EXPECT_EQ(At(image, x, 4).r, 127) << x;  // one layer
    EXPECT_EQ(At(image, x, 8).r, 63) << x;   // two layers (overlap with the third rect)
  }
  // Row 6 has its centre on y = 6.5, the top edge of the third rect: it is drawn there.
  EXPECT_EQ(At(image, 5, 6).r, 63);
  EXPECT_EQ(At(image, 5, 12).r, 255);  // bottom edges are exclusive
  EXPECT_EQ(At(image, 20, 5).r, 255);  // right edges too
}

TEST(RasterTest, AntiAliasedCircleIsSymmetricWithSoftEdges) {
  Canvas canvas(64, 64);
  canvas.list().AddCircleFilled(ImVec2(32, 32), 20.0f, IM_COL32_BLACK);
  RgbaImage image = MakeImage(64, 64, 0xFFFFFF00);  // transparent: alpha is the coverage
  RasterizeDrawList(canvas.list(), image);
  MaybeWrite(image, "raster_circle");
  double coverage = 0;
  std::set<int> alphas;
  for (int y = 0; y < 64; ++y) {
    for (int x = 0; x < 64; ++x) {
      const int alpha = At(image, x, y).a;
      coverage += alpha / 255.0;
      alphas.insert(alpha);
      EXPECT_NEAR(alpha, At(image, 63 - x, y).a, 2) << x << "," << y;
      EXPECT_NEAR(alpha, At(image, x, 63 - y).a, 2) << x << "," << y;
      EXPECT_NEAR(alpha, At(image, y, x).a, 2) << x << "," << y;
    }
  }
  // ImGui's polygon is inscribed in the circle (20 or so segments): ~1.5% less area.
  EXPECT_NEAR(coverage, 3.14159265 * 20 * 20, 0.025 * 3.14159265 * 20 * 20);
  EXPECT_EQ(At(image, 32, 32).a, 255);
  EXPECT_EQ(At(image, 0, 0).a, 0);
  EXPECT_GT(alphas.size(), 10u) << "edges should fade, not step";
}

// ---------------------------------------------------------------------------------------
// Clipping

TEST(RasterTest, ClipRectCutsLikeGlScissor) {
  Canvas canvas(32, 32);
  canvas.list().PushClipRect(ImVec2(5, 6), ImVec2(15, 17));
  canvas.list().AddRectFilled(ImVec2(0, 0), ImVec2(32, 32), IM_COL32_WHITE);
  canvas.list().PopClipRect();
  // A fractional clip rect: glScissor((int)20.5, (int)(32 - 29.7), (int)(9.2), (int)(9.2))
  // = x 20..28, GL rows 2..10, i.e. rows 21..29 counted from the top.
  canvas.list().PushClipRect(ImVec2(20.5f, 20.5f), ImVec2(29.7f, 29.7f));
  canvas.list().AddRectFilled(ImVec2(0, 0), ImVec2(32, 32), IM_COL32_WHITE);
  canvas.list().PopClipRect();
  RgbaImage image = MakeImage(32, 32, kBlack);
  RasterizeDrawList(canvas.list(), image);
  for (int y = 0; y < 32; ++y) {
    for (int x = 0; x < 32; ++x) {
      const bool first = x >= 5 && x < 15 && y >= 6 && y < 17;
      const bool second = x >= 20 && x < 29 && y >= 21 && y < 30;
      ASSERT_EQ(At(image, x, y).r, first || second ? 255 : 0) << x << "," << y;
    }
  }
}

TEST(RasterTest, ClipRectOutsideTargetDrawsNothing) {
  Canvas canvas(16, 16);
  canvas.list().PushClipRect(ImVec2(40, 40), ImVec2(80, 80));
  canvas.list().AddRectFilled(ImVec2(0, 0), ImVec2(100, 100), IM_COL32_WHITE);
  RgbaImage image = MakeImage(16, 16, kBlack);
  const RgbaImage before = image;
  RasterizeDrawList(canvas.list(), image);
  EXPECT_EQ(image.rgba, before.rgba);
}

// ---------------------------------------------------------------------------------------
// Textures

Texture MakeTexture(int width, int height, const std::vector<uint8_t>& rgba) {
  Texture t;
  t.id = NewTextureId();
  t.width = width;
  t.height = height;
  t.rgba = rgba;
  return t;
}

TEST(RasterTest, PixelAlignedTexturedQuadCopiesTexelsExactly) {
  std::vector<uint8_t> rgba;
  for (int i = 0; i < 16; ++i) {
    rgba.insert(rgba.end(), {static_cast<uint8_t>(i * 16), static_cast<uint8_t>(255 - i * 13),
                             static_cast<uint8_t>(i * 7), 255});
  }
  const Texture texture = MakeTexture(4, 4, rgba);
  Canvas canvas(16, 16);
  canvas.list().AddImage(const_cast<Texture*>(&texture), ImVec2(8, 3), ImVec2(12, 7));
  RgbaImage image = MakeImage(16, 16, kBlack);
  RasterizeDrawList(canvas.list(), image);
  for (int ty = 0; ty < 4; ++ty) {
    for (int tx = 0; tx < 4; ++tx) {
      const uint8_t* t = &rgba[(ty * 4 + tx) * 4];
      EXPECT_EQ(At(image, 8 + tx, 3 + ty), (Pixel{t[0], t[1], t[2], t[3]})) << tx << "," << ty;
    }
  }
  EXPECT_EQ(At(image, 7, 3), (Pixel{0, 0, 0, 255}));
  EXPECT_EQ(At(image, 12, 3), (Pixel{0, 0, 0, 255}));
}

TEST(RasterTest, MagnifiedTextureIsBilinearWithClampToEdge) {
  const Texture texture = MakeTexture(2, 1, {0, 0, 0, 255, 255, 255, 255, 255});
  Canvas canvas(8, 1);
  canvas.list().AddImage(const_cast<Texture*>(&texture), ImVec2(0, 0), ImVec2(8, 1));
  RgbaImage image = MakeImage(8, 1, kBlack);
  RasterizeDrawList(canvas.list(), image);
  // Pixel i samples texel coordinate (i + 0.5) / 4 − 0.5; weights have 8 fractional bits.
  const int expected[8] = {0, 0, 32, 96, 159, 223, 255, 255};
  for (int x = 0; x < 8; ++x) EXPECT_EQ(At(image, x, 0).r, expected[x]) << x;
}

TEST(RasterTest, TextureModulatesVertexColour) {
  const Texture texture = MakeTexture(1, 1, {200, 100, 50, 255});
  Canvas canvas(4, 4);
  canvas.list().AddImage(const_cast<Texture*>(&texture), ImVec2(0, 0), ImVec2(4, 4), ImVec2(0, 0),
                         ImVec2(1, 1), IM_COL32(128, 255, 0, 255));
  RgbaImage image = MakeImage(4, 4, kBlack);
  RasterizeDrawList(canvas.list(), image);
  EXPECT_EQ(At(image, 1, 1), (Pixel{100, 100, 0, 255}));  // round(200·128/255) = 100
}

TEST(RasterTest, NullOrEmptyTextureSamplesWhite) {
  const Texture empty = MakeTexture(8, 8, {});  // no pixels
  Canvas canvas(8, 8);
  canvas.list().AddImage(nullptr, ImVec2(0, 0), ImVec2(4, 8), ImVec2(0, 0), ImVec2(1, 1),
                         IM_COL32(10, 20, 30, 255));
  canvas.list().AddImage(const_cast<Texture*>(&empty), ImVec2(4, 0), ImVec2(8, 8), ImVec2(0, 0),
                         ImVec2(1, 1), IM_COL32(10, 20, 30, 255));
  RgbaImage image = MakeImage(8, 8, kBlack);
  RasterizeDrawList(canvas.list(), image);
  EXPECT_EQ(At(image, 1, 1), (Pixel{10, 20, 30, 255}));
  EXPECT_EQ(At(image, 6, 6), (Pixel{10, 20, 30, 255}));
}

TEST(RasterTest, TextureLookupOverridesPointerIds) {
  const Texture red = MakeTexture(1, 1, {255, 0, 0, 255});
  Canvas canvas(4, 4);
  canvas.list().AddImage(reinterpret_cast<ImTextureID>(uintptr_t{42}), ImVec2(0, 0), ImVec2(4, 4));
  RasterOptions options;
  options.texture_lookup = [](ImTextureID id, void* user) -> const Texture* {
    return reinterpret_cast<uintptr_t>(id) == 42 ? static_cast<const Texture*>(user) : nullptr;
  };
  options.texture_lookup_user_data = const_cast<Texture*>(&red);
  RgbaImage image = MakeImage(4, 4, kBlack);
  RasterizeDrawList(canvas.list(), image, options);
  EXPECT_EQ(At(image, 2, 2), (Pixel{255, 0, 0, 255}));
}

// ---------------------------------------------------------------------------------------
// Blending

TEST(RasterTest, BlendsLikeGlSrcAlphaOneMinusSrcAlpha) {
  Canvas canvas(4, 2);
  canvas.list().AddRectFilled(ImVec2(0, 0), ImVec2(4, 2), IM_COL32(200, 100, 50, 128));
  RgbaImage opaque = MakeImage(4, 2, 0x0A141EFF);  // (10, 20, 30, 255)
  RasterizeDrawList(canvas.list(), opaque);
  // rgb = round((s·128 + d·127) / 255), a = round((128·255 + 255·127) / 255)
  EXPECT_EQ(At(opaque, 1, 1), (Pixel{105, 60, 40, 255}));

  RgbaImage clear = MakeImage(4, 2, 0x00000000);
  RasterizeDrawList(canvas.list(), clear);
  EXPECT_EQ(At(clear, 1, 1), (Pixel{100, 50, 25, 128}));  // what GL stores

  RgbaImage twice = MakeImage(4, 2, 0xFFFFFFFF);
  RasterizeDrawList(canvas.list(), twice);
  RasterizeDrawList(canvas.list(), twice);
  // First: (200·128 + 255·127)/255 = 227.4 → 227; second: (25600 + 227·127)/255 = 213.5 → 213.
  EXPECT_EQ(At(twice, 0, 0).r, 213);
}

TEST(RasterTest, FullyTransparentAndOpaqueSourcesAreExact) {
  Canvas canvas(4, 4);
  canvas.list().AddRectFilled(ImVec2(0, 0), ImVec2(2, 4), IM_COL32(1, 2, 3, 0));
  canvas.list().AddRectFilled(ImVec2(2, 0), ImVec2(4, 4), IM_COL32(1, 2, 3, 255));
  RgbaImage image = MakeImage(4, 4, 0x80808080);
  RasterizeDrawList(canvas.list(), image);
  EXPECT_EQ(At(image, 0, 0), (Pixel{128, 128, 128, 128}));
  EXPECT_EQ(At(image, 3, 3), (Pixel{1, 2, 3, 255}));
}

TEST(RasterTest, ColourIsInterpolatedAcrossTheTriangle) {
  Canvas canvas(256, 1);
  canvas.list().AddRectFilledMultiColor(ImVec2(0, 0), ImVec2(256, 1), IM_COL32(0, 0, 0, 255),
                                        IM_COL32(255, 0, 0, 255), IM_COL32(255, 0, 0, 255),
                                        IM_COL32(0, 0, 0, 255));
  RgbaImage image = MakeImage(256, 1, kWhite);
  RasterizeDrawList(canvas.list(), image);
  for (int x = 0; x < 256; ++x) {
    // Centre x + 0.5 of 256 → 255 · (x + 0.5) / 256.
    EXPECT_NEAR(At(image, x, 0).r, 255.0 * (x + 0.5) / 256.0, 0.51) << x;
  }
}

// ---------------------------------------------------------------------------------------
// Frames: DisplayPos, FramebufferScale, several lists, large meshes

TEST(RasterTest, DrawDataHonoursDisplayPosAndFramebufferScale) {
  Canvas canvas(100, 100);
  canvas.list().AddRectFilled(ImVec2(12, 13), ImVec2(16, 15), IM_COL32_WHITE);
  ImDrawData& data = canvas.draw().MakeDrawData(ImVec2(10, 10), ImVec2(20, 20), ImVec2(2, 2));
  RgbaImage image = MakeImage(40, 40, kBlack);
  RasterizeDrawData(data, image);
  for (int y = 0; y < 40; ++y) {
    for (int x = 0; x < 40; ++x) {
      const bool inside = x >= 4 && x < 12 && y >= 6 && y < 10;
      ASSERT_EQ(At(image, x, y).r, inside ? 255 : 0) << x << "," << y;
    }
  }
}

TEST(RasterTest, SeveralListsDrawBackToFront) {
  Canvas back(8, 8), front(8, 8);
  back.list().AddRectFilled(ImVec2(0, 0), ImVec2(8, 8), IM_COL32(255, 0, 0, 255));
  front.list().AddRectFilled(ImVec2(0, 0), ImVec2(4, 8), IM_COL32(0, 255, 0, 255));
  const ImDrawList* lists[] = {&back.list(), nullptr, &front.list()};
  RgbaImage image = MakeImage(8, 8, kBlack);
  RasterizeDrawLists(lists, image);
  EXPECT_EQ(At(image, 1, 1), (Pixel{0, 255, 0, 255}));
  EXPECT_EQ(At(image, 6, 1), (Pixel{255, 0, 0, 255}));
}

// With 16-bit indices ImGui splits the mesh with VtxOffset; Podium builds with 32-bit
// indices (third_party/CMakeLists.txt), where the same mesh is one command.
TEST(RasterTest, MeshesPast64kVerticesDrawCompletely) {
  Canvas canvas(256, 256, /*allow_vtx_offset=*/true);
  for (int i = 0; i < 20000; ++i) {  // 80,000 vertices
    const float x = static_cast<float>(i % 128), y = static_cast<float>(i / 128 % 128);
    canvas.list().AddRectFilled(ImVec2(x, y), ImVec2(x + 1, y + 1), IM_COL32(0, 0, 255, 255));
  }
  canvas.list().AddRectFilled(ImVec2(200, 200), ImVec2(210, 210), IM_COL32(255, 0, 0, 255));
  if constexpr (sizeof(ImDrawIdx) == 2) {
    ASSERT_GT(canvas.list().CmdBuffer.Size, 1);
    ASSERT_GT(canvas.list().CmdBuffer.back().VtxOffset, 0u);
  }
  ASSERT_GT(canvas.list().VtxBuffer.Size, 65536);
  RgbaImage image = MakeImage(256, 256, kBlack);
  RasterizeDrawList(canvas.list(), image);
  EXPECT_EQ(At(image, 205, 205), (Pixel{255, 0, 0, 255}));
  EXPECT_EQ(At(image, 100, 100), (Pixel{0, 0, 255, 255}));
  EXPECT_EQ(At(image, 150, 150), (Pixel{0, 0, 0, 255}));
}

// ---------------------------------------------------------------------------------------
// A slide-like scene: determinism and speed

// ~50k triangles over 1920×1080: glyph-sized textured quads, AA circles, rounded rects,
// thick polylines, gradients.
void DrawBusyScene(ImDrawList& list, ImTextureID glyphs) {
  list.AddRectFilled(ImVec2(0, 0), ImVec2(1920, 1080), IM_COL32(250, 248, 240, 255));
  for (int i = 0; i < 12; ++i) {
    list.AddRectFilled(ImVec2(60.0f + i * 150, 80), ImVec2(190.0f + i * 150, 240),
                       IM_COL32(40 + i * 15, 90, 200 - i * 10, 200), 18.0f);
  }
  unsigned seed = 12345;
  auto next = [&seed]() {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) / 16777216.0f;
  };
  for (int line = 0; line < 40; ++line) {  // "text": 40 lines × 100 glyph quads
    for (int g = 0; g < 100; ++g) {
      const float x = 80.0f + g * 17.5f, y = 280.0f + line * 19.0f;
      const float u = std::floor(next() * 15) / 16, v = std::floor(next() * 15) / 16;
      list.AddImage(glyphs, ImVec2(x, y), ImVec2(x + 14, y + 17), ImVec2(u, v),
                    ImVec2(u + 1.0f / 16, v + 1.0f / 16), IM_COL32(20, 20, 30, 255));
    }
  }
  for (int i = 0; i < 300; ++i) {
    const float x = 100 + next() * 1720, y = 100 + next() * 880, radius = 4 + next() * 40;
    list.AddCircleFilled(ImVec2(x, y), radius, IM_COL32(200, 60 + i / 2, 80, 160));
  }
  for (int i = 0; i < 60; ++i) {
    ImVec2 points[40];
    for (int k = 0; k < 40; ++k) {
      points[k] = ImVec2(50 + k * 45.0f, 900 + i * 2.5f + 30 * std::sin(k * 0.4f + i));
    }
    list.AddPolyline(points, 40, IM_COL32(30, 120, 60, 220), 0, 1.0f + (i % 4));
  }
  list.AddRectFilledMultiColor(ImVec2(1500, 300), ImVec2(1880, 700), IM_COL32(255, 0, 0, 255),
                               IM_COL32(0, 255, 0, 255), IM_COL32(0, 0, 255, 255),
                               IM_COL32(255, 255, 0, 128));
}

Texture MakeGlyphAtlas() {
  std::vector<uint8_t> rgba(256 * 256 * 4);
  for (int y = 0; y < 256; ++y) {
    for (int x = 0; x < 256; ++x) {
      uint8_t* p = &rgba[(y * 256 + x) * 4];
      const int cx = x % 16, cy = y % 16;
      const float d = std::hypot(cx - 7.5f, cy - 7.5f);
      p[0] = p[1] = p[2] = 255;
      p[3] = static_cast<uint8_t>(std::clamp(255.0f * (6.0f - d) / 2.0f, 0.0f, 255.0f));
    }
  }
  return MakeTexture(256, 256, rgba);
}

TEST(RasterTest, RasterizingTwiceGivesIdenticalBytes) {
  const Texture atlas = MakeGlyphAtlas();
  Canvas canvas(1920, 1080);
  DrawBusyScene(canvas.list(), const_cast<Texture*>(&atlas));
  RgbaImage first = MakeImage(1920, 1080, kWhite);
  RgbaImage second = MakeImage(1920, 1080, kWhite);
  RasterizeDrawList(canvas.list(), first);
  RasterizeDrawList(canvas.list(), second);
  EXPECT_TRUE(first.rgba == second.rgba);
  EXPECT_EQ(EncodePng(first), EncodePng(second));
  MaybeWrite(first, "raster_busy_scene");
}

TEST(RasterTest, FiftyThousandTrianglesAt1080pAreFast) {
  const Texture atlas = MakeGlyphAtlas();
  Canvas canvas(1920, 1080);
  DrawBusyScene(canvas.list(), const_cast<Texture*>(&atlas));
  const int triangles = canvas.list().IdxBuffer.Size / 3;
  EXPECT_GT(triangles, 40000);
  RgbaImage image = MakeImage(1920, 1080, kWhite);
  const auto start = std::chrono::steady_clock::now();
  const int kRuns = 5;
  for (int i = 0; i < kRuns; ++i) RasterizeDrawList(canvas.list(), image);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() /
      kRuns;
  std::printf("[ raster   ] %d triangles, 1920x1080: %.1f ms per frame, %.2f M triangles/s\n",
              triangles, ms, triangles / ms / 1000.0);
  RecordProperty("ms_per_frame", std::to_string(ms));
  EXPECT_LT(ms, 5000.0);  // a loose guard against pathologies, even in sanitizer builds
}

// ---------------------------------------------------------------------------------------
// Hostile draw data

TEST(RasterTest, HostileDrawDataDoesNotCrash) {
  Canvas canvas(64, 64);
  ImDrawList& list = canvas.list();
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();
  // Huge but within range: covers everything, with an alpha too small to change a pixel.
  AddRawTriangle(list, ImVec2(-9e5f, -9e5f), ImVec2(9e5f, -9e5f), ImVec2(0, 9e5f),
                 IM_COL32(0, 0, 0, 0), IM_COL32(0, 0, 0, 0), IM_COL32(0, 0, 0, 1));
  list.AddRectFilled(ImVec2(1, 1), ImVec2(5, 5), IM_COL32_WHITE);  // one sane rect
  AddRawTriangle(list, ImVec2(nan, 0), ImVec2(10, 10), ImVec2(0, 10), IM_COL32_WHITE,
                 IM_COL32_WHITE, IM_COL32_WHITE);
  AddRawTriangle(list, ImVec2(-inf, 0), ImVec2(inf, 10), ImVec2(0, inf), IM_COL32_WHITE,
                 IM_COL32_WHITE, IM_COL32_WHITE);
  AddRawTriangle(list, ImVec2(-1e30f, -1e30f), ImVec2(1e30f, 0), ImVec2(0, 1e30f), IM_COL32_WHITE,
                 IM_COL32_WHITE, IM_COL32_WHITE);
  AddRawTriangle(list, ImVec2(3, 3), ImVec2(3, 3), ImVec2(3, 3), IM_COL32_WHITE, IM_COL32_WHITE,
                 IM_COL32_WHITE);  // degenerate
  AddRawTriangle(list, ImVec2(20, 20), ImVec2(30, 20), ImVec2(25, 30), IM_COL32_WHITE,
                 IM_COL32_WHITE, IM_COL32_WHITE, ImVec2(nan, inf));  // hostile UVs
  list.AddImage(canvas.white_id(), ImVec2(40, 40), ImVec2(50, 50), ImVec2(-1e30f, nan),
                ImVec2(1e30f, inf));
  // Indices past the vertex buffer, a command past the index buffer, a broken clip rect.
  list.IdxBuffer.push_back(static_cast<ImDrawIdx>(list.VtxBuffer.Size + 5));
  list.IdxBuffer.push_back(0);
  list.IdxBuffer.push_back(1);
  list.CmdBuffer.back().ElemCount += 3;
  ImDrawCmd bad = list.CmdBuffer.back();
  bad.IdxOffset = 1000000;
  bad.ElemCount = 999;
  list.CmdBuffer.push_back(bad);
  bad.IdxOffset = 0;
  bad.ElemCount = 0xFFFFFFFFu;
  bad.VtxOffset = 0xFFFFFF00u;
  list.CmdBuffer.push_back(bad);
  bad.VtxOffset = 0;
  bad.ClipRect = ImVec4(nan, 0, inf, 1e38f);
  list.CmdBuffer.push_back(bad);
  bad.ClipRect = ImVec4(-1e38f, -1e38f, 1e38f, 1e38f);
  bad.ElemCount = 7;  // not a multiple of 3
  list.CmdBuffer.push_back(bad);

  RgbaImage image = MakeImage(64, 64, kBlack);
  RasterizeDrawList(list, image);
  EXPECT_EQ(At(image, 2, 2), (Pixel{255, 255, 255, 255}));
  EXPECT_EQ(At(image, 60, 2), (Pixel{0, 0, 0, 255}));

  RgbaImage wrong_size = MakeImage(64, 64, kBlack);
  wrong_size.rgba.resize(100);
  RasterizeDrawList(list, wrong_size);  // left untouched
  RgbaImage empty;
  RasterizeDrawList(list, empty);

  ImDrawData data;
  data.CmdListsCount = 3;
  data.CmdLists = nullptr;
  RasterizeDrawData(data, image);
  ImDrawList* lists[] = {&list, nullptr};
  data.CmdLists = lists;
  data.CmdListsCount = 2;
  data.DisplaySize = ImVec2(nan, 64);
  data.FramebufferScale = ImVec2(1, 1);
  RasterizeDrawData(data, image);
  data.DisplaySize = ImVec2(1e30f, 1e30f);
  RasterizeDrawData(data, image);
}

// ---------------------------------------------------------------------------------------
// PNG coding

TEST(RasterImageTest, PngRoundTripIsLossless) {
  RgbaImage image = MakeImage(7, 5, 0);
  for (size_t i = 0; i < image.rgba.size(); ++i) image.rgba[i] = static_cast<uint8_t>(i * 37);
  const std::vector<uint8_t> png = EncodePng(image);
  ASSERT_GT(png.size(), 8u);
  EXPECT_EQ(png[1], 'P');
  RgbaImage decoded;
  std::string error;
  ASSERT_TRUE(DecodeImage(png, decoded, &error)) << error;
  EXPECT_EQ(decoded.width, 7);
  EXPECT_EQ(decoded.height, 5);
  EXPECT_EQ(decoded.rgba, image.rgba);
}

TEST(RasterImageTest, DecodeRejectsGarbageWithAMessage) {
  const uint8_t garbage[] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  RgbaImage out = MakeImage(2, 2, kWhite);
  std::string error;
  EXPECT_FALSE(DecodeImage(garbage, out, &error));
  EXPECT_FALSE(error.empty());
  EXPECT_EQ(out.width, 0);
  EXPECT_TRUE(out.rgba.empty());
  EXPECT_FALSE(DecodeImage({}, out, nullptr));

  // A valid PNG cut short.
  std::vector<uint8_t> png = EncodePng(MakeImage(32, 32, 0x12345678));
  png.resize(png.size() / 2);
  EXPECT_FALSE(DecodeImage(png, out, &error));
}

TEST(RasterImageTest, EncodeRefusesInconsistentImages) {
  RgbaImage bad = MakeImage(4, 4, kWhite);
  bad.rgba.pop_back();
  EXPECT_TRUE(EncodePng(bad).empty());
  EXPECT_TRUE(EncodePng(RgbaImage{}).empty());
}

TEST(RasterImageTest, MakeImageFillsRgbaInOrder) {
  const RgbaImage image = MakeImage(2, 1, 0x11223344);
  EXPECT_EQ(image.rgba, (std::vector<uint8_t>{0x11, 0x22, 0x33, 0x44, 0x11, 0x22, 0x33, 0x44}));
  EXPECT_TRUE(MakeImage(-1, 5, 0).rgba.empty());
}

// ---------------------------------------------------------------------------------------
// Image comparison

TEST(CompareImagesTest, CountsPixelsBeyondTolerance) {
  const RgbaImage expected = MakeImage(10, 10, 0x808080FF);
  RgbaImage actual = expected;
  for (int i = 0; i < 3; ++i) actual.rgba[i * 4] += 5;  // three pixels, +5 red
  actual.rgba[50 * 4 + 2] -= 50;                        // one pixel, −50 blue
  const ImageDiff loose = CompareImages(expected, actual, 10);
  EXPECT_EQ(loose.differing_pixels, 1);
  EXPECT_EQ(loose.max_channel_delta, 50);
  EXPECT_NEAR(loose.mean_abs_delta, (3 * 5 + 50) / 400.0, 1e-12);
  ASSERT_EQ(loose.diff.width, 10);
  EXPECT_EQ(At(loose.diff, 0, 5), (Pixel{255, 0, 0, 255}));
  const Pixel faded = At(loose.diff, 9, 9);
  EXPECT_EQ(faded.r, faded.g);
  EXPECT_GT(faded.r, 190);

  const ImageDiff strict = CompareImages(expected, actual, 2);
  EXPECT_EQ(strict.differing_pixels, 4);
  EXPECT_EQ(CompareImages(expected, expected, 0).differing_pixels, 0);
  EXPECT_EQ(CompareImages(expected, expected, 0).max_channel_delta, 0);
}

TEST(CompareImagesTest, SizeMismatchCountsMissingPixels) {
  const RgbaImage a = MakeImage(4, 4, kWhite);
  const RgbaImage b = MakeImage(5, 3, kWhite);
  const ImageDiff diff = CompareImages(a, b, 0);
  EXPECT_EQ(diff.diff.width, 5);
  EXPECT_EQ(diff.diff.height, 4);
  EXPECT_EQ(diff.differing_pixels, 20 - 12);
  EXPECT_EQ(diff.max_channel_delta, 255);
  EXPECT_EQ(CompareImages(RgbaImage{}, RgbaImage{}, 0).differing_pixels, 0);
}

// ---------------------------------------------------------------------------------------
// The standalone draw list (engine/draw/standalone_draw_list.h)

TEST(StandaloneDrawListTest, WorksWithoutAnImGuiContext) {
  ASSERT_EQ(ImGui::GetCurrentContext(), nullptr);
  Texture white = MakeTexture(1, 1, {255, 255, 255, 255});
  StandaloneDrawList canvas({.white_pixel_uv = ImVec2(0.5f, 0.5f)});
  canvas.BeginFrame(&white, ImVec4(0, 0, 320, 200));
  ASSERT_EQ(canvas.list().CmdBuffer.Size, 1);
  EXPECT_EQ(canvas.list().CmdBuffer[0].TextureId, &white);
  EXPECT_EQ(canvas.list().CmdBuffer[0].ClipRect.z, 320.0f);
  canvas.list().AddCircleFilled(ImVec2(50, 50), 30, IM_COL32_WHITE);
  canvas.list().AddBezierCubic(ImVec2(0, 0), ImVec2(100, 0), ImVec2(0, 100), ImVec2(100, 100),
                               IM_COL32_WHITE, 2.0f);
  canvas.list().AddRect(ImVec2(10, 10), ImVec2(90, 90), IM_COL32_WHITE, 8.0f, 0, 3.0f);
  EXPECT_GT(canvas.list().VtxBuffer.Size, 100);
  for (const ImDrawVert& v : canvas.list().VtxBuffer) {
    EXPECT_EQ(v.uv.x, 0.5f);
    EXPECT_EQ(v.uv.y, 0.5f);
  }
  // Anti-aliasing is on: the circle has fringe vertices with alpha 0.
  bool has_fringe = false;
  for (const ImDrawVert& v : canvas.list().VtxBuffer) has_fringe |= (v.col >> 24) == 0;
  EXPECT_TRUE(has_fringe);

  canvas.BeginFrame(&white, ImVec4(0, 0, 64, 64));  // drops the previous frame
  EXPECT_EQ(canvas.list().VtxBuffer.Size, 0);
  EXPECT_EQ(canvas.list().IdxBuffer.Size, 0);
  EXPECT_EQ(canvas.list().CmdBuffer[0].ClipRect.z, 64.0f);
}

TEST(StandaloneDrawListTest, NoAntiAliasingMeansNoFringes) {
  StandaloneDrawList canvas({.no_anti_aliasing = true});
  canvas.BeginFrame(nullptr, ImVec4(0, 0, 100, 100));
  canvas.list().AddCircleFilled(ImVec2(50, 50), 30, IM_COL32_WHITE);
  for (const ImDrawVert& v : canvas.list().VtxBuffer) EXPECT_EQ(v.col, IM_COL32_WHITE);
}

TEST(StandaloneDrawListTest, MakeDrawDataDescribesTheList) {
  StandaloneDrawList canvas;
  canvas.BeginFrame(nullptr, ImVec4(0, 0, 100, 100));
  canvas.list().AddRectFilled(ImVec2(0, 0), ImVec2(10, 10), IM_COL32_WHITE);
  const ImDrawData& data = canvas.MakeDrawData(ImVec2(0, 0), ImVec2(100, 100), ImVec2(1, 1));
  EXPECT_TRUE(data.Valid);
  ASSERT_EQ(data.CmdListsCount, 1);
  EXPECT_EQ(data.CmdLists[0], &canvas.list());
  EXPECT_EQ(data.TotalVtxCount, 4);
  EXPECT_EQ(data.TotalIdxCount, 6);
  EXPECT_EQ(data.DisplaySize.x, 100.0f);
}

}  // namespace
}  // namespace podium
