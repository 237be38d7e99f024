// A character no font has is reported where it is — line and column of the character
// itself, in a heading, a paragraph, a list item, a table cell or a code block — so an
// editor jumps to it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "layout/layout.h"
#include "parse/parse_deck.h"
#include "test_fonts.h"

namespace podium {
namespace {

std::vector<SourcePos> MissingAt(const std::string& source) {
  Deck deck = ParseDeck(source);
  LayoutContext context{&test::Fonts(), nullptr};
  std::vector<Diagnostic> diagnostics;
  LayoutDeck(deck, context, &diagnostics);
  std::vector<SourcePos> out;
  for (const Diagnostic& d : diagnostics)
    if (d.code == DiagnosticCode::kMissingGlyph) out.push_back(d.pos);
  return out;
}

// U+A980.. (Javanese) is in none of the test fonts.
TEST(MissingGlyphPosition, PointsAtTheCharacter) {
  std::vector<SourcePos> at = MissingAt(
      "# Title \xEA\xA6\x80\n"                  // 1: col 9
      "\n"
      "Some text: \xEA\xA6\x81 and more.\n"     // 3: col 12
      "\n"
      "- item **bold \xEA\xA6\x82** x\n"        // 5: col 15
      "\n"
      "| a | b |\n"
      "|---|---|\n"
      "| c | d \xEA\xA6\x83 |\n"                 // 9: col 9
      "\n"
      "```c\n"
      "int x;\n"
      "char *s = \"\xEA\xA6\x84\";\n"           // 13: col 12
      "```\n");
  EXPECT_EQ(at, (std::vector<SourcePos>{{1, 9}, {3, 12}, {5, 15}, {9, 9}, {13, 12}}));
}

TEST(MissingGlyphPosition, InADiagramLabel) {
  std::vector<SourcePos> at = MissingAt("```mermaid\nflowchart LR\n  A[ok] --> B[x \xEA\xA6\x80]\n```\n");
  EXPECT_EQ(at, (std::vector<SourcePos>{{3, 17}}));
}

TEST(MissingGlyphPosition, OnTheLineAfterASoftBreak) {
  std::vector<SourcePos> at = MissingAt("First line\n  then \xEA\xA6\x80 here\n");
  EXPECT_EQ(at, (std::vector<SourcePos>{{2, 8}}));
}

}  // namespace
}  // namespace podium
