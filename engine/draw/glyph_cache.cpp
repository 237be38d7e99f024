#include "draw/glyph_cache.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace podium {
namespace {

constexpr int kWhiteBlock = 4;  // white square at the atlas origin
constexpr int kPadding = 1;     // empty texels around each glyph, for bilinear sampling
constexpr int kRowsPerGrowth = 64;  // the stored rows grow by this many at a time

// One row of `width` texels, white with zero coverage: white, so that bilinear sampling at
// a glyph's edge blends towards the glyph's own colour, not black.
void WriteClearRow(uint8_t* row, int width) {
  for (size_t x = 0; x < static_cast<size_t>(width) * 4; x += 4) {
    row[x] = row[x + 1] = row[x + 2] = 255;
    row[x + 3] = 0;
  }
}

uint64_t Key(FontRole role, int glyph, int quarter_px, int subpixel) {
  return (static_cast<uint64_t>(role) << 56) | (static_cast<uint64_t>(subpixel & 3) << 48) |
         (static_cast<uint64_t>(quarter_px & 0xffff) << 32) | static_cast<uint32_t>(glyph);
}

}  // namespace

GlyphCache::GlyphCache(const FontSet& fonts, int atlas_size) : fonts_(fonts) {
  atlas_.id = NewTextureId();
  atlas_.width = atlas_size;
  atlas_.height = atlas_size;
  // Room for every row, but only the rows glyphs are packed into are stored (StoreRows):
  // writing the whole 16 MB at start cost 25–30 ms of the browser's first frame, mostly in
  // touching fresh pages.
  atlas_.rgba.reserve(static_cast<size_t>(atlas_size) * atlas_size * 4);
  StoreRows(kWhiteBlock + kPadding);
  Reset();
}

void GlyphCache::StoreRows(int rows) {
  const int stored = atlas_.StoredRows();
  if (rows <= stored) return;
  rows = std::min(atlas_.height, (rows + kRowsPerGrowth - 1) / kRowsPerGrowth * kRowsPerGrowth);
  // Clear rows appended from one clear row: inserting from pointers is a memcpy, where
  // resize() would be a byte loop in the browser's -Os build.
  std::vector<uint8_t> clear(static_cast<size_t>(atlas_.width) * 4);
  WriteClearRow(clear.data(), atlas_.width);
  for (int y = stored; y < rows; ++y)
    atlas_.rgba.insert(atlas_.rgba.end(), clear.data(), clear.data() + clear.size());
}

// Rows [y0, y1) of the atlas become clear (WriteClearRow).
void GlyphCache::ClearRows(int y0, int y1) {
  if (y1 <= y0) return;
  const size_t row = static_cast<size_t>(atlas_.width) * 4;
  uint8_t* first = &atlas_.rgba[row * y0];
  WriteClearRow(first, atlas_.width);
  for (int y = y0 + 1; y < y1; ++y) std::memcpy(first + row * (y - y0), first, row);
}

void GlyphCache::Clear() {
  entries_.clear();  // blank glyphs (spaces) have entries but no pixels
  const int used = atlas_.used_rows;
  if (shelf_y_ == 0 && shelf_x_ == kWhiteBlock + kPadding) return;  // nothing packed since
  // Only the rows glyphs were packed into: the rows below them are still clear.
  ClearRows(0, used);
  Reset();
  atlas_.MarkRowsChanged(0, used);
}

// The packer's state, the white block and the rows in use of an atlas with no glyphs.
void GlyphCache::Reset() {
  for (int y = 0; y < kWhiteBlock; ++y)
    for (int x = 0; x < kWhiteBlock; ++x) atlas_.rgba[(y * atlas_.width + x) * 4 + 3] = 255;
  white_uv_ = ImVec2((kWhiteBlock * 0.5f) / atlas_.width, (kWhiteBlock * 0.5f) / atlas_.height);
  shelf_x_ = kWhiteBlock + kPadding;
  shelf_y_ = 0;
  shelf_height_ = kWhiteBlock;
  atlas_.used_rows = kWhiteBlock + kPadding;
}

bool GlyphCache::Pack(int w, int h, int* x, int* y) {
  if (w + kPadding > atlas_.width || h + kPadding > atlas_.height) return false;
  if (shelf_x_ + w + kPadding > atlas_.width) {
    shelf_y_ += shelf_height_ + kPadding;
    shelf_x_ = 0;
    shelf_height_ = 0;
  }
  if (shelf_y_ + h + kPadding > atlas_.height) return false;
  *x = shelf_x_;
  *y = shelf_y_;
  shelf_x_ += w + kPadding;
  if (h > shelf_height_) shelf_height_ = h;
  return true;
}

const GlyphCache::Entry* GlyphCache::Find(FontRole role, int glyph, float pixel_size,
                                          int subpixel) {
  int quarter_px = static_cast<int>(std::lround(pixel_size * 4));
  if (quarter_px <= 0) quarter_px = 1;
  if (quarter_px > 0xffff) quarter_px = 0xffff;
  uint64_t key = Key(role, glyph, quarter_px, subpixel);
  auto it = entries_.find(key);
  if (it != entries_.end()) return &it->second;

  const Font* font = fonts_.Get(role);
  Entry entry;
  if (font) {
    float scale = font->Scale(quarter_px * 0.25f);
    float shift_x = (subpixel & 3) * 0.25f;
    int x0, y0, x1, y1;
    stbtt_GetGlyphBitmapBoxSubpixel(&font->info(), glyph, scale, scale, shift_x, 0, &x0, &y0, &x1,
                                    &y1);
    int w = x1 - x0, h = y1 - y0;
    if (w > 0 && h > 0) {
      int ax, ay;
      if (!Pack(w, h, &ax, &ay)) return nullptr;
      StoreRows(ay + h + kPadding);
      std::vector<unsigned char> bitmap(static_cast<size_t>(w) * h);
      stbtt_MakeGlyphBitmapSubpixel(&font->info(), bitmap.data(), w, h, w, scale, scale, shift_x, 0,
                                    glyph);
      for (int row = 0; row < h; ++row) {
        uint8_t* dst = &atlas_.rgba[((ay + row) * static_cast<size_t>(atlas_.width) + ax) * 4];
        for (int col = 0; col < w; ++col) dst[col * 4 + 3] = bitmap[row * w + col];
      }
      entry.x0 = x0;
      entry.y0 = y0;
      entry.width = w;
      entry.height = h;
      entry.u0 = static_cast<float>(ax) / atlas_.width;
      entry.v0 = static_cast<float>(ay) / atlas_.height;
      entry.u1 = static_cast<float>(ax + w) / atlas_.width;
      entry.v1 = static_cast<float>(ay + h) / atlas_.height;
      // With the padding row under the glyph, which bilinear sampling at its edge reads.
      const int end = std::min(atlas_.height, ay + h + kPadding);
      atlas_.used_rows = std::max(atlas_.used_rows, end);
      atlas_.MarkRowsChanged(ay, end);
    }
  }
  return &entries_.emplace(key, entry).first->second;
}

}  // namespace podium
