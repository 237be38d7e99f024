// Mermaid warnings reach the deck's diagnostics at their lines in the deck's file, and a
// flowchart too large to draw is reported once, by the parser.
#include <gtest/gtest.h>

#include <string>

#include "diagram/mermaid.h"
#include "parse/parse_deck.h"

namespace podium {
namespace {

std::vector<Diagnostic> DiagramDiagnostics(const Deck& deck) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : deck.diagnostics)
    if (d.code == DiagnosticCode::kDiagramSyntax || d.code == DiagnosticCode::kUnsupportedDiagram ||
        d.code == DiagnosticCode::kLimitExceeded)
      out.push_back(d);
  return out;
}

TEST(MermaidCheckTest, WarningsCarryTheDecksLines) {
  Deck deck = ParseDeck(
      "# Title\n"       // 1
      "\n"              // 2
      "```mermaid\n"    // 3
      "flowchart LR\n"  // 4
      "  A --> B\n"     // 5
      "  B -> C\n"      // 6
      "```\n"           // 7
      "\n"              // 8
      "---\n"           // 9
      "\n"              // 10
      "- item\n"        // 11
      "\n"              // 12
      "  ```mermaid\n"  // 13
      "  gantt\n"       // 14
      "  ```\n");
  std::vector<Diagnostic> d = DiagramDiagnostics(deck);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].code, DiagnosticCode::kDiagramSyntax);
  EXPECT_EQ(d[0].pos, (SourcePos{6, 5}));
  EXPECT_EQ(DiagnosticMessage(d[0]), "mermaid: expected an edge (-->, ---, -.->, ==>) at '-> C'");
  EXPECT_EQ(d[1].code, DiagnosticCode::kUnsupportedDiagram);
  EXPECT_EQ(d[1].pos.line, 14);
  EXPECT_EQ(DiagnosticMessage(d[1]), "mermaid 'gantt' diagrams are not drawn yet; shown as source");
}

TEST(MermaidCheckTest, AGoodFlowchartSaysNothing) {
  Deck deck = ParseDeck("```mermaid\nflowchart TD\n  A[Start] --> B{Ok?} -->|yes| C\n```\n");
  EXPECT_TRUE(DiagramDiagnostics(deck).empty());
}

TEST(MermaidCheckTest, AFlowchartTooLargeToDrawIsReportedOnce) {
  // Every node joined to the first over ever longer distances: dummies grow quadratically.
  std::string source = "flowchart TD\n";
  for (int i = 0; i < 300; ++i)
    source += "  n" + std::to_string(i) + " --> n" + std::to_string(i + 1) + "\n";
  for (int i = 2; i < 300; ++i) source += "  n0 --> n" + std::to_string(i) + "\n";
  Block block;
  block.kind = BlockKind::kDiagram;
  block.code.language = "mermaid";
  block.text = source;
  block.pos = {10, 1};
  std::vector<Diagnostic> d = CheckDiagramBlock(block);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, DiagnosticCode::kLimitExceeded);
  EXPECT_EQ(d[0].pos, (SourcePos{10, 1}));
  EXPECT_NE(DiagnosticMessage(d[0]).find("too large to draw"), std::string::npos);
}

}  // namespace
}  // namespace podium
