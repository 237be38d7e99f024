// TypesetMath: a parsed TeX formula → a LayoutBox of glyphs and rules, TeX's way.
//
//   ParsedTex tex = ParseTex(span.text);                                 // math/tex_parse.h
//   float em = text_size * kMathTextScale;
//   LayoutBox box = TypesetMath(tex.root, fonts, em, theme.text, /*display=*/false, theme.error);
//   inline_layout.AddBox(std::move(box), style, span.text);             // sits on the baseline
//
// The rules are the TeXbook's Appendix G as the OpenType MATH table restates them (and as
// MathML Core and LuaTeX apply them): the four styles and their cramped forms, fractions
// and stacks on the math axis, scripts and limits, radicals, delimiters that grow through
// the font's size variants and glyph assemblies, accents on their attachment points, and
// the ord/op/bin/rel/open/close/punct/inner spacing table. Metrics come from the font
// (stb_truetype for glyphs, math/math_table.h for MATH), so the result is the same on
// every front end.
//
// Faces: formulas use FontRole::kMath (Latin Modern Math); characters it lacks fall back
// through FontSet::Resolve (Chinese in a formula comes from the CJK face). \text{…} runs in
// the text faces at `size / kMathTextScale`, the size of the text around the formula.
// Without a math face everything still draws, in the text faces, with Latin Modern's
// constants. kError nodes draw their source in `error_color`. The box's items are
// relative to the left end of its baseline; nothing is kept after the call.
#pragma once

#include <cstdint>

#include "layout/slide_layout.h"
#include "math/tex_parse.h"
#include "text/font.h"

namespace podium {

// Formulas are set this much larger than the text around them, as KaTeX does (its CSS
// sets .katex to 1.21em): Latin Modern's x-height is 0.43 em against Inter's 0.55, and at
// 1.21× a formula's letters stand as tall as the sentence's.
inline constexpr float kMathTextScale = 1.21f;

// `size`: the math font's em in design pixels. `display`: display style (limits above and
// below, larger operators and fractions) instead of text style.
LayoutBox TypesetMath(const MathNode& root, const FontSet& fonts, float size, uint32_t color,
                      bool display, uint32_t error_color);

}  // namespace podium
