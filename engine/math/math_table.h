// MathTable: the OpenType MATH table of a font, read straight from its bytes.
//
//   MathTable math(fonts.Get(FontRole::kMath));     // a view: the Font must outlive it
//   float axis = math.constants().axis_height * size;  // constants are in em
//   for (const MathTable::Variant& v : math.Variants(glyph, /*vertical=*/true)) …
//
// stb_truetype reads glyphs, metrics and kerning but not MATH, so this reads the parts the
// typesetter uses: MathConstants, italics corrections, top accent attachments, and
// MathVariants (size variants and glyph assemblies of growing delimiters, radicals, big
// operators and wide accents). The layout is in the OpenType specification, "MATH — The
// Mathematical Typesetting Table"; every offset is bounds-checked, so a damaged or hostile
// font gives defaults and empty lists, never a crash. A font without MATH (or a null font)
// gives Latin Modern Math's constants, so formulas still look right in the text faces.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "text/font.h"

namespace podium {

class MathTable {
 public:
  // Every length in em (font units / unitsPerEm); percentages as fractions.
  struct Constants {
    float script_scale = 0.70f;         // scriptPercentScaleDown
    float script_script_scale = 0.50f;  // scriptScriptPercentScaleDown
    float delimited_sub_formula_min_height = 1.30f;
    float display_operator_min_height = 1.30f;
    float axis_height = 0.25f;
    float accent_base_height = 0.45f;
    float subscript_shift_down = 0.247f;
    float subscript_top_max = 0.344f;
    float subscript_baseline_drop_min = 0.20f;
    float superscript_shift_up = 0.363f;
    float superscript_shift_up_cramped = 0.289f;
    float superscript_bottom_min = 0.108f;
    float superscript_baseline_drop_max = 0.25f;
    float sub_superscript_gap_min = 0.16f;
    float superscript_bottom_max_with_subscript = 0.344f;
    float space_after_script = 0.056f;
    float upper_limit_gap_min = 0.20f;
    float upper_limit_baseline_rise_min = 0.111f;
    float lower_limit_gap_min = 0.167f;
    float lower_limit_baseline_drop_min = 0.60f;
    float stack_top_shift_up = 0.444f;
    float stack_top_display_style_shift_up = 0.677f;
    float stack_bottom_shift_down = 0.345f;
    float stack_bottom_display_style_shift_down = 0.686f;
    float stack_gap_min = 0.12f;
    float stack_display_style_gap_min = 0.28f;
    float fraction_numerator_shift_up = 0.394f;
    float fraction_numerator_display_style_shift_up = 0.677f;
    float fraction_denominator_shift_down = 0.345f;
    float fraction_denominator_display_style_shift_down = 0.686f;
    float fraction_numerator_gap_min = 0.04f;
    float fraction_num_display_style_gap_min = 0.12f;
    float fraction_rule_thickness = 0.04f;
    float fraction_denominator_gap_min = 0.04f;
    float fraction_denom_display_style_gap_min = 0.12f;
    float overbar_vertical_gap = 0.12f;
    float overbar_rule_thickness = 0.04f;
    float overbar_extra_ascender = 0.04f;
    float underbar_vertical_gap = 0.12f;
    float underbar_rule_thickness = 0.04f;
    float underbar_extra_descender = 0.04f;
    float radical_vertical_gap = 0.05f;
    float radical_display_style_vertical_gap = 0.148f;
    float radical_rule_thickness = 0.04f;
    float radical_extra_ascender = 0.04f;
    float radical_kern_before_degree = 0.278f;
    float radical_kern_after_degree = -0.556f;
    float radical_degree_bottom_raise = 0.60f;
  };

  struct Variant {
    int glyph = 0;
    float advance = 0;  // em: height (vertical) or width (horizontal) of the variant
  };
  struct Part {
    int glyph = 0;
    float start_connector = 0, end_connector = 0, full_advance = 0;  // em
    bool extender = false;
  };

  explicit MathTable(const Font* font);

  bool empty() const { return table_ == 0; }
  const Constants& constants() const { return constants_; }
  float min_connector_overlap() const { return min_connector_overlap_; }

  // Italics correction of a glyph in em (0 when the table has none).
  float ItalicsCorrection(int glyph) const;
  // Top accent attachment x in em (combining accents have negative ones); nullopt when
  // the table has none.
  std::optional<float> TopAccentAttachment(int glyph) const;
  // Size variants, smallest first (the glyph itself usually first); empty when none.
  std::vector<Variant> Variants(int glyph, bool vertical) const;
  // Parts of the glyph assembly, bottom-to-top or left-to-right; empty when none.
  std::vector<Part> Assembly(int glyph, bool vertical) const;

 private:
  uint16_t U16(size_t offset) const;
  int16_t S16(size_t offset) const;
  float Em(int16_t value) const { return value * units_to_em_; }
  // Index of `glyph` in the coverage table at `offset`, or -1.
  int CoverageIndex(size_t offset, int glyph) const;
  // Offset of the MathGlyphConstruction of `glyph`, or 0.
  size_t Construction(int glyph, bool vertical) const;

  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  size_t table_ = 0;  // offset of MATH in data_; 0 when absent
  float units_to_em_ = 0;
  Constants constants_;
  size_t italics_ = 0, top_accent_ = 0, variants_ = 0;
  float min_connector_overlap_ = 0;
};

}  // namespace podium
