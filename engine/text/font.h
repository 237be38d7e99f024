// Fonts: OpenType/TrueType faces read from bytes, and the set of faces a deck is drawn with.
//
//   FontSet fonts;
//   std::string error;
//   if (!fonts.AddFace(FontRole::kSans, std::move(bytes), 0, &error)) { …report error… }
//   FontSet::Resolved r = fonts.Resolve(U'中', FontRole::kSans);  // falls back to kCjk
//
// Metrics come from the font files themselves (stb_truetype: hmtx advances, kern/GPOS
// pair kerning), in design units at a given pixel size, never from a GPU — so layout is
// identical in the browser, the native app and `deckc`.
//
// The engine never opens files: front ends read the font files (or embedded subsets) and
// hand the bytes over. A Font owns its bytes, or shares them with their owner (FontBytes:
// the native tools lend memory-mapped files, so that a 20 MB CJK collection costs only the
// pages the deck touches).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include <stb_truetype.h>

namespace podium {

// The faces a slide uses. Bold/italic faces fall back to the regular one when absent.
enum class FontRole : uint8_t {
  kSans,
  kSansBold,
  kSansItalic,
  kSansBoldItalic,
  kMono,
  kMonoBold,
  kCjk,      // Chinese (Noto Sans CJK SC): the fallback for characters Latin faces lack
  kCjkBold,
  kSymbols,  // emoji and symbols (Symbola, monochrome): the last fallback
  kMath,     // OpenType math font (Latin Modern Math): formulas only, never a text fallback
  kCount
};

struct FontMetrics {
  float ascent = 0;   // above the baseline, positive
  float descent = 0;  // below the baseline, positive
  float line_gap = 0;
};

// A font file's bytes and what keeps them alive (a vector, a mapping); never written.
struct FontBytes {
  std::shared_ptr<const void> owner;
  std::span<const uint8_t> bytes;

  static FontBytes Own(std::vector<uint8_t> bytes);
};

class Font {
 public:
  // Reads the face at `collection_index` (for .ttc collections). Returns nullptr and sets
  // *error when the bytes are not a usable font.
  static std::unique_ptr<Font> FromBytes(std::vector<uint8_t> bytes, int collection_index,
                                         std::string* error);
  static std::unique_ptr<Font> FromBytes(FontBytes bytes, int collection_index,
                                         std::string* error);
  // The same face over the same bytes, with caches of its own: a Font is not safe to share
  // between threads (its caches fill as it is used), a clone per thread is.
  std::unique_ptr<Font> Clone() const;

  // Glyph index of a code point; 0 when the font lacks it.
  int GlyphIndex(char32_t codepoint) const;
  // Scale from font units to pixels for a font of `pixel_size` per em.
  float Scale(float pixel_size) const { return pixel_size * units_to_em_; }
  float Advance(int glyph, float pixel_size) const;
  float Kerning(int left_glyph, int right_glyph, float pixel_size) const;
  FontMetrics Metrics(float pixel_size) const;

  const stbtt_fontinfo& info() const { return info_; }
  // The whole file (a collection too: info().fontstart is this face's offset in it), for
  // tables stb_truetype does not read, such as MATH (math/math_table.h).
  std::span<const uint8_t> bytes() const { return bytes_.bytes; }

 private:
  Font() = default;
  FontBytes bytes_;
  stbtt_fontinfo info_{};
  float units_to_em_ = 0;
  int ascent_ = 0, descent_ = 0, line_gap_ = 0;
  bool has_kerning_ = false;
  // Caches, filled as the layout asks (stb_truetype walks cmap, hmtx and GPOS per call):
  // flat arrays where the keys are small — code points of the alphabetic scripts and
  // punctuation, glyph ids — and hash maps behind them for the rest.
  static constexpr char32_t kLowCodepoints = 0x2100;  // Latin … Cyrillic, punctuation, currency
  struct KerningEntry {
    uint64_t pair = ~uint64_t{0};  // (left << 32 | right); all ones: empty
    int value = 0;
  };
  static constexpr size_t kKerningSlots = 4096;  // direct-mapped, in front of kerning_cache_
  mutable std::vector<int> low_glyphs_;          // code point → glyph; -1: not looked up
  mutable std::unordered_map<char32_t, int> glyph_cache_;
  mutable std::vector<int> advances_;            // glyph → advance in font units; kUnknown
  mutable std::vector<KerningEntry> kerning_slots_;
  mutable std::unordered_map<uint64_t, int> kerning_cache_;  // font units
};

class FontSet {
 public:
  // Adds (or replaces) the face for `role`. False with *error on bad bytes.
  bool AddFace(FontRole role, std::vector<uint8_t> bytes, int collection_index,
               std::string* error);
  bool AddFace(FontRole role, FontBytes bytes, int collection_index, std::string* error);
  // Every face cloned (Font::Clone): for laying slides out on another thread.
  FontSet Clone() const;
  // The face for a role, after the fallback to the role's regular face; may be null.
  const Font* Get(FontRole role) const;
  bool Has(FontRole role) const { return faces_[static_cast<int>(role)] != nullptr; }

  struct Resolved {
    FontRole role = FontRole::kSans;
    const Font* font = nullptr;  // null when no face has the character
    int glyph = 0;
  };
  // The face that draws `codepoint` in the wanted role: the role's face, else the CJK
  // face of the same weight, else the plain sans face, else mono, else symbols.
  // font == nullptr when none of them has it.
  Resolved Resolve(char32_t codepoint, FontRole wanted) const;

 private:
  std::array<std::unique_ptr<Font>, static_cast<int>(FontRole::kCount)> faces_;
};

bool IsBold(FontRole role);
FontRole MakeBold(FontRole role);

}  // namespace podium
