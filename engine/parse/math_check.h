// Math check: every formula of the deck read once by the TeX parser, so `deckc check`, the
// tests and the browser console report unknown commands and broken TeX with their place.
//
//   ReportMathProblems(src, deck.slides, deck.diagnostics);   // ParseDeck's last pass
//
// Positions: the formula is looked up in the source from its span's or block's position
// (the `$`, the `$$` or the ```math fence), and the error's byte offset inside the formula
// is added to it — exact for formulas written as they are parsed. When the formula cannot
// be found verbatim (an escape changed it), the span's or block's own position is used.
#pragma once

#include <vector>

#include "model/deck.h"
#include "parse/source_text.h"

namespace podium::parse {

void ReportMathProblems(const SourceText& src, const std::vector<Slide>& slides,
                        std::vector<Diagnostic>& diagnostics);

}  // namespace podium::parse
