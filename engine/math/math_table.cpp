#include "math/math_table.h"

namespace podium {

MathTable::MathTable(const Font* font) {
  if (!font) return;
  const std::span<const uint8_t> bytes = font->bytes();
  data_ = bytes.data();
  size_ = bytes.size();
  units_to_em_ = font->Scale(1.0f);
  // The table directory of this face: sfnt version, numTables, 3 × uint16, then records
  // of tag, checksum, offset, length (offsets from the start of the file).
  size_t start = static_cast<size_t>(font->info().fontstart);
  uint16_t tables = U16(start + 4);
  for (uint16_t i = 0; i < tables; ++i) {
    size_t record = start + 12 + i * 16u;
    if (record + 16 > size_) break;
    if (data_[record] == 'M' && data_[record + 1] == 'A' && data_[record + 2] == 'T' &&
        data_[record + 3] == 'H') {
      size_t offset = (size_t{U16(record + 8)} << 16) | U16(record + 10);
      if (offset > 0 && offset + 10 <= size_) table_ = offset;
      break;
    }
  }
  if (!table_) return;
  // MATH header: version (2 × uint16), MathConstants, MathGlyphInfo, MathVariants.
  size_t constants = U16(table_ + 4) ? table_ + U16(table_ + 4) : 0;
  size_t glyph_info = U16(table_ + 6) ? table_ + U16(table_ + 6) : 0;
  variants_ = U16(table_ + 8) ? table_ + U16(table_ + 8) : 0;
  if (constants) {
    Constants& c = constants_;
    c.script_scale = S16(constants) / 100.0f;
    c.script_script_scale = S16(constants + 2) / 100.0f;
    c.delimited_sub_formula_min_height = U16(constants + 4) * units_to_em_;
    c.display_operator_min_height = U16(constants + 6) * units_to_em_;
    // Then MathValueRecords (value, device table offset), in the specification's order.
    float* const kRecords[] = {
        nullptr /* mathLeading */, &c.axis_height, &c.accent_base_height,
        nullptr /* flattenedAccentBaseHeight */, &c.subscript_shift_down, &c.subscript_top_max,
        &c.subscript_baseline_drop_min, &c.superscript_shift_up, &c.superscript_shift_up_cramped,
        &c.superscript_bottom_min, &c.superscript_baseline_drop_max, &c.sub_superscript_gap_min,
        &c.superscript_bottom_max_with_subscript, &c.space_after_script, &c.upper_limit_gap_min,
        &c.upper_limit_baseline_rise_min, &c.lower_limit_gap_min, &c.lower_limit_baseline_drop_min,
        &c.stack_top_shift_up, &c.stack_top_display_style_shift_up, &c.stack_bottom_shift_down,
        &c.stack_bottom_display_style_shift_down, &c.stack_gap_min, &c.stack_display_style_gap_min,
        nullptr /* stretchStackTopShiftUp */, nullptr /* stretchStackBottomShiftDown */,
        nullptr /* stretchStackGapAboveMin */, nullptr /* stretchStackGapBelowMin */,
        &c.fraction_numerator_shift_up, &c.fraction_numerator_display_style_shift_up,
        &c.fraction_denominator_shift_down, &c.fraction_denominator_display_style_shift_down,
        &c.fraction_numerator_gap_min, &c.fraction_num_display_style_gap_min,
        &c.fraction_rule_thickness, &c.fraction_denominator_gap_min,
        &c.fraction_denom_display_style_gap_min, nullptr /* skewedFractionHorizontalGap */,
        nullptr /* skewedFractionVerticalGap */, &c.overbar_vertical_gap,
        &c.overbar_rule_thickness, &c.overbar_extra_ascender, &c.underbar_vertical_gap,
        &c.underbar_rule_thickness, &c.underbar_extra_descender, &c.radical_vertical_gap,
        &c.radical_display_style_vertical_gap, &c.radical_rule_thickness,
        &c.radical_extra_ascender, &c.radical_kern_before_degree, &c.radical_kern_after_degree,
    };
    constexpr size_t kRecordCount = sizeof kRecords / sizeof kRecords[0];
    for (size_t i = 0; i < kRecordCount; ++i)
      if (kRecords[i]) *kRecords[i] = Em(S16(constants + 8 + i * 4));
    c.radical_degree_bottom_raise = S16(constants + 8 + kRecordCount * 4) / 100.0f;
    if (c.script_scale <= 0 || c.script_scale > 1) c.script_scale = 0.7f;
    if (c.script_script_scale <= 0 || c.script_script_scale > 1) c.script_script_scale = 0.5f;
  }
  if (glyph_info) {
    // MathGlyphInfo: italics correction info, top accent attachment, extended shape
    // coverage, kern info.
    italics_ = U16(glyph_info) ? glyph_info + U16(glyph_info) : 0;
    top_accent_ = U16(glyph_info + 2) ? glyph_info + U16(glyph_info + 2) : 0;
  }
  if (variants_) min_connector_overlap_ = U16(variants_) * units_to_em_;
}

uint16_t MathTable::U16(size_t offset) const {
  if (!data_ || offset + 2 > size_) return 0;
  return static_cast<uint16_t>((data_[offset] << 8) | data_[offset + 1]);
}

int16_t MathTable::S16(size_t offset) const { return static_cast<int16_t>(U16(offset)); }

int MathTable::CoverageIndex(size_t offset, int glyph) const {
  if (!offset || glyph < 0) return -1;
  uint16_t format = U16(offset);
  uint16_t count = U16(offset + 2);
  int lo = 0, hi = static_cast<int>(count) - 1;
  if (format == 1) {  // sorted glyph array
    while (lo <= hi) {
      int mid = (lo + hi) / 2;
      int g = U16(offset + 4 + mid * 2u);
      if (g == glyph) return mid;
      if (g < glyph) lo = mid + 1;
      else hi = mid - 1;
    }
  } else if (format == 2) {  // ranges: start, end, start coverage index
    while (lo <= hi) {
      int mid = (lo + hi) / 2;
      size_t range = offset + 4 + mid * 6u;
      int first = U16(range), last = U16(range + 2);
      if (glyph < first) hi = mid - 1;
      else if (glyph > last) lo = mid + 1;
      else return U16(range + 4) + (glyph - first);
    }
  }
  return -1;
}

float MathTable::ItalicsCorrection(int glyph) const {
  if (!italics_) return 0;
  // MathItalicsCorrectionInfo: coverage offset, count, MathValueRecord[count].
  int index = CoverageIndex(italics_ + U16(italics_), glyph);
  if (index < 0 || index >= U16(italics_ + 2)) return 0;
  return Em(S16(italics_ + 4 + index * 4u));
}

std::optional<float> MathTable::TopAccentAttachment(int glyph) const {
  if (!top_accent_) return std::nullopt;
  int index = CoverageIndex(top_accent_ + U16(top_accent_), glyph);
  if (index < 0 || index >= U16(top_accent_ + 2)) return std::nullopt;
  return Em(S16(top_accent_ + 4 + index * 4u));
}

size_t MathTable::Construction(int glyph, bool vertical) const {
  if (!variants_) return 0;
  // MathVariants: minConnectorOverlap, vert coverage, horiz coverage, vert count, horiz
  // count, vert construction offsets[], horiz construction offsets[].
  uint16_t vert_count = U16(variants_ + 6);
  uint16_t horiz_count = U16(variants_ + 8);
  size_t coverage = U16(variants_ + (vertical ? 2 : 4));
  if (!coverage) return 0;
  int index = CoverageIndex(variants_ + coverage, glyph);
  if (index < 0 || index >= (vertical ? vert_count : horiz_count)) return 0;
  size_t slot = variants_ + 10 + (vertical ? 0 : vert_count * 2u) + index * 2u;
  uint16_t offset = U16(slot);
  return offset ? variants_ + offset : 0;
}

std::vector<MathTable::Variant> MathTable::Variants(int glyph, bool vertical) const {
  std::vector<Variant> out;
  size_t construction = Construction(glyph, vertical);
  if (!construction) return out;
  // MathGlyphConstruction: assembly offset, variant count, (glyph, advance)[count].
  uint16_t count = U16(construction + 2);
  for (uint16_t i = 0; i < count; ++i) {
    size_t record = construction + 4 + i * 4u;
    if (record + 4 > size_) break;
    out.push_back({U16(record), U16(record + 2) * units_to_em_});
  }
  return out;
}

std::vector<MathTable::Part> MathTable::Assembly(int glyph, bool vertical) const {
  std::vector<Part> out;
  size_t construction = Construction(glyph, vertical);
  if (!construction || !U16(construction)) return out;
  size_t assembly = construction + U16(construction);
  // GlyphAssembly: italics correction (MathValueRecord), part count, parts of 5 × uint16.
  uint16_t count = U16(assembly + 4);
  for (uint16_t i = 0; i < count; ++i) {
    size_t part = assembly + 6 + i * 10u;
    if (part + 10 > size_) break;
    out.push_back({U16(part), U16(part + 2) * units_to_em_, U16(part + 4) * units_to_em_,
                   U16(part + 6) * units_to_em_, (U16(part + 8) & 1) != 0});
  }
  return out;
}

}  // namespace podium
