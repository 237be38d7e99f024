// DumpDeck: the Deck model as indented text — stable, readable, diffable.
//
//   std::string text = podium::DumpDeck(podium::ParseDeck(markdown));
//
// The parser's spec tests (tests/parse/spec/*.md) compare against this text, so its shape
// is a contract: one line per deck, slide, style, background, block and span; fields left
// at their defaults are not printed; multi-line text (code, notes) follows as `| ` lines.
// Diagnostics close the dump as `line:col: severity: message`.
#pragma once

#include <string>

#include "model/deck.h"

namespace podium {

std::string DumpDeck(const Deck& deck);

}  // namespace podium
