// Table column widths, from what each column's cells need.
//
//   std::vector<float> w = TableColumnWidths(natural, minimum, 1200);
//
// `natural[c]` is the width column c takes with no line broken, `minimum[c]` the widest
// word (or ideograph) it holds; both include the cell padding. When the naturals fit they
// are the answer. Otherwise a narrow column — one whose natural width is within its fair
// share of what is left — keeps its natural width, so a two-character Chinese heading is
// never broken one character a line to give a long description 20 px more; the wide
// columns share the rest in proportion to their natural widths, none below its minimum.
// When even the minimums do not fit, every column is scaled down alike (the text in it
// then breaks inside words, and the fit search shrinks the slide).
#pragma once

#include <vector>

namespace podium {

std::vector<float> TableColumnWidths(const std::vector<float>& natural,
                                     const std::vector<float>& minimum, float width);

}  // namespace podium
