#include "text/font.h"

#include <algorithm>
#include <climits>

namespace podium {

FontBytes FontBytes::Own(std::vector<uint8_t> bytes) {
  auto owned = std::make_shared<const std::vector<uint8_t>>(std::move(bytes));
  return {owned, std::span<const uint8_t>(*owned)};
}

std::unique_ptr<Font> Font::FromBytes(std::vector<uint8_t> bytes, int collection_index,
                                      std::string* error) {
  return FromBytes(FontBytes::Own(std::move(bytes)), collection_index, error);
}

std::unique_ptr<Font> Font::FromBytes(FontBytes bytes, int collection_index, std::string* error) {
  std::unique_ptr<Font> font(new Font());
  font->bytes_ = std::move(bytes);
  const std::span<const uint8_t> file = font->bytes_.bytes;
  if (file.size() < 12) {
    if (error) *error = "not a font file (too short)";
    return nullptr;
  }
  const unsigned char* data = file.data();
  int offset = stbtt_GetFontOffsetForIndex(data, collection_index);
  if (offset < 0 || static_cast<size_t>(offset) >= file.size() ||
      !stbtt_InitFont(&font->info_, data, offset)) {
    if (error) *error = "not a font file stb_truetype can read";
    return nullptr;
  }
  font->units_to_em_ = stbtt_ScaleForMappingEmToPixels(&font->info_, 1.0f);
  stbtt_GetFontVMetrics(&font->info_, &font->ascent_, &font->descent_, &font->line_gap_);
  font->has_kerning_ = font->info_.kern != 0 || font->info_.gpos != 0;
  return font;
}

std::unique_ptr<Font> Font::Clone() const {
  std::unique_ptr<Font> font(new Font());
  font->bytes_ = bytes_;  // shared, read-only; info_ points into them
  font->info_ = info_;
  font->units_to_em_ = units_to_em_;
  font->ascent_ = ascent_;
  font->descent_ = descent_;
  font->line_gap_ = line_gap_;
  font->has_kerning_ = has_kerning_;
  return font;
}

int Font::GlyphIndex(char32_t codepoint) const {
  if (codepoint < kLowCodepoints) {
    if (low_glyphs_.empty()) low_glyphs_.assign(kLowCodepoints, -1);
    int& glyph = low_glyphs_[codepoint];
    if (glyph < 0) glyph = stbtt_FindGlyphIndex(&info_, static_cast<int>(codepoint));
    return glyph;
  }
  auto it = glyph_cache_.find(codepoint);
  if (it != glyph_cache_.end()) return it->second;
  int glyph = stbtt_FindGlyphIndex(&info_, static_cast<int>(codepoint));
  glyph_cache_.emplace(codepoint, glyph);
  return glyph;
}

namespace {
constexpr int kUnknownAdvance = INT_MIN;
}

float Font::Advance(int glyph, float pixel_size) const {
  int lsb = 0, advance = 0;
  if (glyph < 0 || glyph >= info_.numGlyphs) {  // no such glyph: whatever stb reads, uncached
    stbtt_GetGlyphHMetrics(&info_, glyph, &advance, &lsb);
    return advance * Scale(pixel_size);
  }
  if (advances_.empty()) advances_.assign(static_cast<size_t>(info_.numGlyphs), kUnknownAdvance);
  int& cached = advances_[static_cast<size_t>(glyph)];
  if (cached == kUnknownAdvance) stbtt_GetGlyphHMetrics(&info_, glyph, &cached, &lsb);
  return cached * Scale(pixel_size);
}

float Font::Kerning(int left_glyph, int right_glyph, float pixel_size) const {
  if (!has_kerning_ || left_glyph == 0 || right_glyph == 0) return 0;
  // stb_truetype walks the GPOS class tables on every call: a 1000-slide deck asks for the
  // same few thousand pairs again and again (a fifth of `deckc build`'s time before this).
  uint64_t pair = static_cast<uint64_t>(static_cast<uint32_t>(left_glyph)) << 32 |
                  static_cast<uint32_t>(right_glyph);
  if (kerning_slots_.empty()) kerning_slots_.resize(kKerningSlots);
  KerningEntry& slot = kerning_slots_[(static_cast<uint32_t>(left_glyph) * 0x9E3779B1u ^
                                       static_cast<uint32_t>(right_glyph)) %
                                      kKerningSlots];
  if (slot.pair != pair) {
    auto it = kerning_cache_.find(pair);
    if (it != kerning_cache_.end()) {
      slot.value = it->second;
    } else {
      slot.value = stbtt_GetGlyphKernAdvance(&info_, left_glyph, right_glyph);
      kerning_cache_.emplace(pair, slot.value);
    }
    slot.pair = pair;
  }
  return slot.value * Scale(pixel_size);
}

FontMetrics Font::Metrics(float pixel_size) const {
  float s = Scale(pixel_size);
  return {ascent_ * s, -descent_ * s, line_gap_ * s};
}

bool FontSet::AddFace(FontRole role, std::vector<uint8_t> bytes, int collection_index,
                      std::string* error) {
  return AddFace(role, FontBytes::Own(std::move(bytes)), collection_index, error);
}

FontSet FontSet::Clone() const {
  FontSet copy;
  for (size_t i = 0; i < faces_.size(); ++i)
    if (faces_[i]) copy.faces_[i] = faces_[i]->Clone();
  return copy;
}

bool FontSet::AddFace(FontRole role, FontBytes bytes, int collection_index, std::string* error) {
  std::unique_ptr<Font> font = Font::FromBytes(std::move(bytes), collection_index, error);
  if (!font) return false;
  faces_[static_cast<int>(role)] = std::move(font);
  return true;
}

namespace {

FontRole RegularOf(FontRole role) {
  switch (role) {
    case FontRole::kSansBold:
    case FontRole::kSansItalic:
    case FontRole::kSansBoldItalic:
      return FontRole::kSans;
    case FontRole::kMonoBold:
      return FontRole::kMono;
    case FontRole::kCjkBold:
      return FontRole::kCjk;
    default:
      return role;
  }
}

}  // namespace

bool IsBold(FontRole role) {
  return role == FontRole::kSansBold || role == FontRole::kSansBoldItalic ||
         role == FontRole::kMonoBold || role == FontRole::kCjkBold;
}

FontRole MakeBold(FontRole role) {
  switch (role) {
    case FontRole::kSans: return FontRole::kSansBold;
    case FontRole::kSansItalic: return FontRole::kSansBoldItalic;
    case FontRole::kMono: return FontRole::kMonoBold;
    case FontRole::kCjk: return FontRole::kCjkBold;
    default: return role;
  }
}

const Font* FontSet::Get(FontRole role) const {
  if (const Font* f = faces_[static_cast<int>(role)].get()) return f;
  // Bold italic falls back to bold before regular: weight matters more than slant.
  if (role == FontRole::kSansBoldItalic) {
    if (const Font* f = faces_[static_cast<int>(FontRole::kSansBold)].get()) return f;
  }
  return faces_[static_cast<int>(RegularOf(role))].get();
}

FontSet::Resolved FontSet::Resolve(char32_t codepoint, FontRole wanted) const {
  FontRole chain[5] = {wanted, IsBold(wanted) ? FontRole::kCjkBold : FontRole::kCjk,
                       FontRole::kSans, FontRole::kMono, FontRole::kSymbols};
  for (FontRole role : chain) {
    const Font* font = Get(role);
    if (!font) continue;
    int glyph = font->GlyphIndex(codepoint);
    if (glyph != 0) return {role, font, glyph};
  }
  return {wanted, nullptr, 0};
}

}  // namespace podium
