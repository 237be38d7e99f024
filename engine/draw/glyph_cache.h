// GlyphCache: glyphs rasterized at the pixel size actually shown, packed into one atlas.
//
//   GlyphCache cache(fonts);
//   const GlyphCache::Entry* e = cache.Find(FontRole::kSans, glyph, 37.5f, subpixel);
//   if (!e) { cache.Clear(); …draw the frame again… }   // atlas full
//
// Keyed by (face, glyph, pixel size in 1/4 px, horizontal subpixel phase in 1/4 px), so text
// is crisp at any scale — a 4K projector and a phone each get their own bitmaps, never a
// scaled one. The atlas is a Texture (white, with coverage in alpha) that also holds a
// white block for untextured shapes (white_uv()). A front end uploads it through its
// TextureHost; `texture().version` changes whenever glyphs were added, and
// `texture().used_rows` says how far down glyphs were packed (the rest need no upload).
#pragma once

#include <imgui.h>

#include <cstdint>
#include <unordered_map>

#include "draw/texture.h"
#include "text/font.h"

namespace podium {

class GlyphCache {
 public:
  struct Entry {
    float u0 = 0, v0 = 0, u1 = 0, v1 = 0;  // atlas coordinates
    int x0 = 0, y0 = 0;                    // bitmap offset from the pen position, pixels
    int width = 0, height = 0;             // 0 for blank glyphs (space)
  };

  explicit GlyphCache(const FontSet& fonts, int atlas_size = 2048);

  // The glyph's bitmap at this pixel size and subpixel phase (0–3, quarter pixels).
  // Returns nullptr only when the atlas is full: Clear() and draw again.
  const Entry* Find(FontRole role, int glyph, float pixel_size, int subpixel);

  // Forgets every glyph (a face was replaced, or the atlas is full). Clears only the rows
  // glyphs were packed into, and nothing when none were: cheap to call often.
  void Clear();
  const Texture& texture() const { return atlas_; }
  ImVec2 white_uv() const { return white_uv_; }
  size_t size() const { return entries_.size(); }

 private:
  bool Pack(int w, int h, int* x, int* y);
  void ClearRows(int y0, int y1);
  void StoreRows(int rows);  // makes the atlas store at least `rows` rows, the new ones clear
  void Reset();

  const FontSet& fonts_;
  Texture atlas_;
  ImVec2 white_uv_;
  int shelf_x_ = 0, shelf_y_ = 0, shelf_height_ = 0;
  std::unordered_map<uint64_t, Entry> entries_;
};

}  // namespace podium
