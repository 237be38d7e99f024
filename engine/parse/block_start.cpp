#include "parse/block_start.h"

#include <string_view>

#include "parse/scan.h"

namespace podium::parse {

size_t BlockStart(const SourceText& src, const BlockShape& block, size_t cursor) {
  const std::string& text = src.text;
  auto back_over = [&](auto pred) {
    while (cursor > 0 && text[cursor - 1] != '\n' && pred(text[cursor - 1])) --cursor;
  };
  auto before = [&](char c) { return cursor > 0 && text[cursor - 1] == c; };
  BlockKind kind = block.kind;
  bool verbatim = kind == BlockKind::kCode || kind == BlockKind::kDiagram ||
                  kind == BlockKind::kMath || kind == BlockKind::kHtml;
  if (!verbatim)  // inline openers: **bold**, `code`, [link](…), ![image](…), $x$, <url>
    back_over(
        [](char c) { return std::string_view("*_~`[!$<").find(c) != std::string_view::npos; });

  switch (kind) {
    case BlockKind::kHeading: {
      size_t text_start = cursor;
      back_over(IsSpaceOrTab);
      if (before('#'))
        back_over([](char c) { return c == '#'; });
      else
        cursor = text_start;  // a setext heading starts with its text
      break;
    }
    case BlockKind::kCode:
    case BlockKind::kDiagram:
    case BlockKind::kMath:
      if (block.indented_code) {
        for (int i = 0; i < 4 && before(' '); ++i) --cursor;
      } else if (block.fence_char) {
        size_t line =
            block.info_offset != std::string::npos
                ? src.LineStart(block.info_offset)
                : src.LineStart(src.LineStart(cursor) > 0 ? src.LineStart(cursor) - 1 : 0);
        size_t fence = text.find(block.fence_char, line);
        if (fence != std::string::npos && fence <= src.LineEnd(line)) cursor = fence;
      }
      break;
    case BlockKind::kTable:
      back_over([](char c) { return c == ' ' || c == '\t' || c == '|'; });
      break;
    case BlockKind::kQuote:
      back_over(IsSpaceOrTab);
      if (before('>')) --cursor;
      break;
    case BlockKind::kListItem: {
      size_t keep = cursor;
      back_over(IsSpaceOrTab);
      if (block.task && cursor >= 3 && before(']')) {
        cursor -= 3;
        back_over(IsSpaceOrTab);
      }
      if (before('-') || before('+') || before('*')) {
        --cursor;
      } else if (before('.') || before(')')) {
        --cursor;
        back_over(IsAsciiDigit);
      } else {
        cursor = keep;
      }
      break;
    }
    default:
      break;
  }
  return cursor;
}

}  // namespace podium::parse
