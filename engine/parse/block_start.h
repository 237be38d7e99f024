// Where a block starts, found from where its first text is.
//
// md4c tells neither where a block starts nor where its marker is; its first text callback
// does point into the source. From that point the block's start is found by stepping left
// over what must come before the text on the same line: inline openers (`**`, `` ` ``,
// `[`, `![`, `$`), then the block's own marker (`#`, `>`, `-`/`1.`/`[x]`, table pipes) or,
// for fenced code, the fence on the line above. Containers are placed one after the other,
// innermost first, each starting from where the one inside it starts.
#pragma once

#include <cstddef>
#include <string>

#include "model/deck.h"
#include "parse/source_text.h"

namespace podium::parse {

struct BlockShape {
  BlockKind kind = BlockKind::kParagraph;
  bool indented_code = false;              // kCode without a fence
  char fence_char = 0;                     // fenced code: ` or ~
  size_t info_offset = std::string::npos;  // fenced code: where its info string is
  bool task = false;                       // a list item with [ ] or [x]
};

// Moves `cursor` (an offset on the block's first line, at or before its first text) left
// to where the block starts.
size_t BlockStart(const SourceText& src, const BlockShape& block, size_t cursor);

}  // namespace podium::parse
