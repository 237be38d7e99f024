// The block pass: one slide's Markdown → Blocks and Spans, through md4c's callbacks.
//
//   SlideContent content;
//   BuildSlideContent(src, {{begin, end}}, diagnostics, content);
//
// md4c reads the slide's text in place (a pointer into SourceText::text), so every text
// callback's pointer minus the text's start is a byte offset: that is how blocks and spans
// get their line:col. Pointers outside the text (md4c's own "\n" and indentation strings)
// are recognised and carry no position.
//
// Besides blocks this pass takes out of the flow: `![bg …]` images (→ backgrounds), HTML
// comments (→ comments, for the directive and notes passes), and Marp's fragmented lists
// and reveal.js `.element: class="fragment"` comments (→ Block::step).
#pragma once

#include <md4c.h>

#include <string>
#include <string_view>
#include <vector>

#include "model/deck.h"
#include "parse/mapped_text.h"
#include "parse/scan.h"
#include "parse/source_text.h"

namespace podium::parse {

// The md4c dialect: GitHub's (tables, strikethrough, task lists, bare-URL autolinks) plus
// $math$. `_x_` stays emphasis (no MD_FLAG_UNDERLINE), raw HTML is recognised so that
// comments are found (it is never executed).
inline constexpr unsigned kMd4cFlags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS |
                                       MD_FLAG_LATEXMATHSPANS | MD_FLAG_PERMISSIVEAUTOLINKS;

// Lists and quotes nested deeper than this are flattened into the deepest kept level.
inline constexpr int kMaxNesting = 8;

// Tables: md4c pads every row to the delimiter row's column count, so 30 KB of a wide
// head over many `|` lines would become millions of cells (a 64 MiB deck, 10^14). A text
// whose tables could break a limit is parsed without MD_FLAG_TABLES: its tables show as
// text, and the block pass reports kLimitExceeded at the delimiter row.
inline constexpr size_t kMaxTableColumns = 128;        // as md4c 0.5 (TABLE_MAXCOLCOUNT)
inline constexpr size_t kTableCellAllowance = 4096;    // cells any text may have, plus
inline constexpr size_t kTableCellsPerByte = 2;        // this many per byte of the text

struct OversizedTable {
  size_t offset = std::string::npos;  // the delimiter row; npos: the tables fit
  size_t columns = 0;
  size_t rows = 0;  // an upper bound: the head and the lines up to the next blank line
};

// An upper bound of the cells md4c could emit for text[begin, end): each delimiter row
// (`|---|:-:|`, after any indentation and `>`) counts its columns times its rows. The
// first table with more than kMaxTableColumns columns, or that takes the running total
// over kTableCellAllowance + kTableCellsPerByte × (end − begin), or nothing. O(end − begin).
OversizedTable FindOversizedTable(std::string_view text, size_t begin, size_t end);

struct SlideComment {
  MappedText body;              // the text between `<!--` and `-->`
  bool inline_comment = false;  // inside a paragraph rather than a block of its own
};

struct SlideContent {
  std::vector<Block> blocks;
  std::vector<Background> backgrounds;
  std::vector<SlideComment> comments;  // in source order; `.element:` ones already applied
  int steps = 0;  // fragments and increments found: the slide has 1 + steps views
};

// Parses src.text over each of `segments` (in order) into `out`. The blocks of segment k
// (k ≥ 1) appear one step after those of segment k−1 (remark's `--` increments).
void BuildSlideContent(const SourceText& src, const std::vector<ByteRange>& segments,
                       std::vector<Diagnostic>& diagnostics, SlideContent& out);

}  // namespace podium::parse
