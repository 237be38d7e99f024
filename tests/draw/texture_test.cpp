#include "draw/texture.h"

#include <gtest/gtest.h>

#include "draw/glyph_cache.h"
#include "test_fonts.h"

namespace podium {
namespace {

TEST(TextureTest, RowsChangedSinceCoversRecordedChanges) {
  Texture t;
  t.height = 100;
  t.version = 5;  // some history nobody recorded
  EXPECT_EQ(t.RowsChangedSince(5), std::make_pair(0, 0));
  EXPECT_EQ(t.RowsChangedSince(3), std::make_pair(0, 100));  // unrecorded: everything
  t.MarkRowsChanged(10, 20);
  t.MarkRowsChanged(40, 45);
  EXPECT_EQ(t.version, 7u);
  EXPECT_EQ(t.RowsChangedSince(7), std::make_pair(0, 0));
  EXPECT_EQ(t.RowsChangedSince(6), std::make_pair(40, 45));
  EXPECT_EQ(t.RowsChangedSince(5), std::make_pair(10, 45));
  EXPECT_EQ(t.RowsChangedSince(4), std::make_pair(0, 100));
  ++t.version;  // a change without rows: a host must take it all
  EXPECT_EQ(t.RowsChangedSince(7), std::make_pair(0, 100));
}

TEST(TextureTest, GlyphAtlasRecordsTheRowsOfNewGlyphs) {
  GlyphCache cache(test::Fonts(), 512);
  uint64_t before = cache.texture().version;
  const Font* sans = test::Fonts().Get(FontRole::kSans);
  ASSERT_NE(cache.Find(FontRole::kSans, sans->GlyphIndex('A'), 40, 0), nullptr);
  auto [y0, y1] = cache.texture().RowsChangedSince(before);
  EXPECT_GE(y0, 0);
  EXPECT_LT(y1 - y0, 64);  // one glyph's rows, not the whole atlas
  EXPECT_GT(y1, y0);
  EXPECT_EQ(cache.texture().used_rows, y1);  // the glyph and the padding row under it
  const uint64_t with_glyph = cache.texture().version;
  cache.Clear();
  // Clearing sends the rows that held glyphs again, not the whole atlas.
  EXPECT_EQ(cache.texture().RowsChangedSince(with_glyph), std::make_pair(0, y1));
  EXPECT_EQ(cache.texture().RowsToUpload(before), std::make_pair(0, cache.texture().used_rows));
}

// Every pixel of a cleared atlas is white with no coverage (bilinear sampling at a glyph's
// edge blends towards white, not black), but the white block that untextured shapes use.
void ExpectClearAtlas(const Texture& t) {
  int wrong = 0;
  ASSERT_GE(t.StoredRows(), t.RowsInUse());
  for (int y = 0; y < t.StoredRows(); ++y)
    for (int x = 0; x < t.width; ++x) {
      const uint8_t* p = &t.rgba[(static_cast<size_t>(y) * t.width + x) * 4];
      const uint8_t alpha = x < 4 && y < 4 ? 255 : 0;
      if (p[0] != 255 || p[1] != 255 || p[2] != 255 || p[3] != alpha) ++wrong;
    }
  EXPECT_EQ(wrong, 0);
}

TEST(TextureTest, GlyphAtlasClearsOnlyTheRowsItUsed) {
  GlyphCache cache(test::Fonts(), 256);
  ExpectClearAtlas(cache.texture());
  EXPECT_EQ(cache.texture().used_rows, 5);  // the white block and its padding
  const uint64_t fresh = cache.texture().version;
  cache.Clear();  // nothing was drawn: nothing changes, nothing to upload
  EXPECT_EQ(cache.texture().version, fresh);

  const Font* sans = test::Fonts().Get(FontRole::kSans);
  for (char c = 'A'; c <= 'Z'; ++c)
    ASSERT_NE(cache.Find(FontRole::kSans, sans->GlyphIndex(c), 60, c % 4), nullptr);
  const int used = cache.texture().used_rows;
  EXPECT_GT(used, 60);
  EXPECT_LT(used, 256);
  cache.Clear();
  ExpectClearAtlas(cache.texture());
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.texture().used_rows, 5);
  // The same glyphs come back into the same places after a clear.
  ASSERT_NE(cache.Find(FontRole::kSans, sans->GlyphIndex('A'), 60, 1), nullptr);
}

// A fresh atlas stores only its first rows, and more as glyphs are packed lower: the
// browser's first frame does not write 16 MB.
TEST(TextureTest, GlyphAtlasStoresRowsAsItPacksThem) {
  GlyphCache cache(test::Fonts(), 2048);
  const Texture& atlas = cache.texture();
  EXPECT_LE(atlas.StoredRows(), 64);
  EXPECT_GE(atlas.StoredRows(), atlas.used_rows);
  const Font* sans = test::Fonts().Get(FontRole::kSans);
  // 26 letters × 4 phases × 4 sizes: many shelves.
  for (int size = 40; size <= 100; size += 20)
    for (char c = 'A'; c <= 'Z'; ++c)
      for (int phase = 0; phase < 4; ++phase)
        ASSERT_NE(cache.Find(FontRole::kSans, sans->GlyphIndex(c), size, phase), nullptr);
  EXPECT_GT(atlas.used_rows, 300);
  EXPECT_GE(atlas.StoredRows(), atlas.used_rows);
  EXPECT_LT(atlas.StoredRows(), atlas.used_rows + 64);
  EXPECT_EQ(atlas.rgba.size(), static_cast<size_t>(atlas.StoredRows()) * atlas.width * 4);
  cache.Clear();
  ExpectClearAtlas(atlas);
}

}  // namespace
}  // namespace podium
