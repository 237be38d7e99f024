// Splitting a deck into slides, with md4c's own view of where the thematic breaks are.
//
//   DeckOutline outline = OutlineDeck(src, body_begin, diagnostics);
//   for (const SlideSource& s : outline.slides) …   // regions of src.text, in order
//
// md4c parses the whole body once; its top-level MD_BLOCK_HR events are the separators, so
// `---` inside fenced code, HTML blocks, list items, or under a paragraph line (a setext
// heading) never splits, exactly as CommonMark says. md4c reports no positions, but the
// text around each break does: the break lies between the last text of the block before
// and the first text of the block after, and the lines there are scanned for it.
//
// A separator followed directly by `key: value` lines and a closing `---` is a Slidev
// slide header: its lines are handed back apart from the slide's content.
//
// SplitRules add Marp's headingDivider (a slide starts at a heading, which stays on it)
// and reveal-md's own separator lines (`<!--s-->`), which replace `---`.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "parse/scan.h"
#include "parse/source_text.h"

namespace podium::parse {

struct SlideSource {
  size_t begin = 0;  // the slide's text: after its separator (or header) …
  size_t end = 0;    // … up to the next separator
  ByteRange header;  // Slidev header lines (empty when none)
  bool has_separator_before = false;
};

struct DeckOutline {
  std::vector<SlideSource> slides;
  std::vector<ByteRange> verbatim;  // code and HTML blocks, sorted: no markers inside
};

// Other tools' ways of splitting, from the front matter (DeckMeta).
struct SplitRules {
  uint8_t heading_divider = 0;  // Marp: bit L → a slide starts at each level-L heading
  // reveal-md: lines equal to these (outside code) split instead of `---` lines.
  std::string separator;
  std::string vertical_separator;  // vertical slides come in document order
};

DeckOutline OutlineDeck(const SourceText& src, size_t body_begin,
                        std::vector<Diagnostic>& diagnostics, const SplitRules& rules = {});

}  // namespace podium::parse
