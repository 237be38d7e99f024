// A formula or a diagram still wider than the slide at its smallest size is cut off at the
// right edge; `deckc check` says so at the block's line, with how much is lost and what to
// do. One that shrinking makes fit says nothing.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "layout/layout.h"
#include "parse/parse_deck.h"
#include "test_fonts.h"

namespace podium {
namespace {

std::vector<Diagnostic> TooWide(const std::string& source) {
  Deck deck = ParseDeck(source);
  LayoutContext context{&test::Fonts(), nullptr};
  std::vector<Diagnostic> diagnostics, out;
  LayoutDeck(deck, context, &diagnostics);
  for (const Diagnostic& d : diagnostics)
    if (d.code == DiagnosticCode::kDrawingTooWide) out.push_back(d);
  return out;
}

std::string Chain(int nodes) {
  std::string s = "flowchart LR\n  n0[Step number 0]";
  for (int i = 1; i < nodes; ++i) s += " --> n" + std::to_string(i) + "[Step number " + std::to_string(i) + "]";
  return s + "\n";
}

TEST(TooWideTest, ALongLeftToRightChainIsReportedAtItsFence) {
  std::vector<Diagnostic> d = TooWide("# Pipeline\n\n```mermaid\n" + Chain(18) + "```\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos, (SourcePos{3, 1}));
  std::string message = DiagnosticMessage(d[0]);
  EXPECT_EQ(message.rfind("the diagram is ", 0), 0u) << message;
  EXPECT_NE(message.find(" px wider than the slide even at its smallest size, and cut off; split it"),
            std::string::npos) << message;
}

TEST(TooWideTest, DiagramsAndFormulasThatShrinkToFitSayNothing) {
  EXPECT_TRUE(TooWide("# Pipeline\n\n```mermaid\n" + Chain(5) + "```\n").empty());
  EXPECT_TRUE(TooWide("# Pipeline\n\n```mermaid\nflowchart TD\n" + Chain(18).substr(13) + "```\n").empty());
  EXPECT_TRUE(TooWide("# Sum\n\n$$\n\\sum_{k=1}^{n} q_k (1 + r)^{t - t_k}\n$$\n").empty());
}

TEST(TooWideTest, AFormulaWiderThanTheSlideAtHalfSizeIsReported) {
  std::string tex;
  for (int i = 0; i < 60; ++i) tex += (i ? " + " : "") + std::string("x_{") + std::to_string(i) + "}^{2}";
  std::vector<Diagnostic> d = TooWide("# Long\n\ntext\n\n$$\n" + tex + "\n$$\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 5);
  EXPECT_NE(DiagnosticMessage(d[0]).find("the formula is "), std::string::npos);
  EXPECT_NE(DiagnosticMessage(d[0]).find("break it into lines"), std::string::npos);
}

}  // namespace
}  // namespace podium
