// tools/common/deck_files.h: LayoutDeckInParallel lays a long deck out on several threads,
// each with its own clone of the fonts, and must give exactly what LayoutDeck gives: the
// same items in the same places, the same fit, and the same diagnostics in the same order.
// (Under the sanitizer build this is also the test that the engine shares no mutable state
// between slides.)
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/deck_files.h"
#include "layout/layout.h"
#include "model/dump.h"
#include "parse/parse_deck.h"
#include "test_fonts.h"

namespace podium::tools {
namespace {

// A slide of every kind the layout has a path for: lists with steps, code, a table, a
// formula, a flowchart, CJK, warnings (an unknown language and TeX command), and one too
// long to fit at full size.
std::string VariedDeck(int slides) {
  std::string deck = "---\ntitle: Parallel\n---\n\n";
  for (int i = 0; i < slides; ++i) {
    if (i) deck += "\n---\n\n";
    deck += "# Slide " + std::to_string(i + 1) + "\n\n";
    switch (i % 7) {
      case 0: deck += "* one\n* two **bold** and *italic*\n* three `code`\n"; break;
      case 1: deck += "```cpp {2}\nint main() {\n  return 0;  // done\n}\n```\n"; break;
      case 2: deck += "| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n| 四 | 五 | 六 |\n"; break;
      case 3: deck += "$$\\frac{a}{b} + \\sum_{i=1}^{n} x_i^2$$\n\nInline $e^{i\\pi}$.\n"; break;
      case 4: deck += "```mermaid\ngraph LR\n  A[Start] --> B{Ok?}\n  B -->|yes| C[Done]\n```\n"; break;
      case 5: deck += "中文段落，混合 English 文字。\n\n```klingon\nqaStaH nuq\n```\n\n$\\nosuch{x}$\n"; break;
      case 6:
        for (int line = 0; line < 14; ++line)
          deck += "A long paragraph line " + std::to_string(line) + " that wraps across the slide.\n\n";
        break;
    }
  }
  return deck;
}

// Also with search_fit off (deckc build): the threads must get the whole context.
class ParallelLayout : public ::testing::TestWithParam<bool> {};

TEST_P(ParallelLayout, GivesWhatLayoutDeckGives) {
  Deck deck = ParseDeck(VariedDeck(150));
  ASSERT_EQ(deck.slides.size(), 150u);
  ImageStore images;
  LayoutContext context{&test::Fonts(), &images};
  context.search_fit = GetParam();
  std::vector<Diagnostic> one_thread, threads;
  std::vector<SlideLayout> expected = LayoutDeck(deck, context, &one_thread);
  std::vector<SlideLayout> actual = LayoutDeckInParallel(deck, context, &threads);

  ASSERT_EQ(actual.size(), expected.size());
  bool some_fit = false;
  for (size_t s = 0; s < expected.size(); ++s) {
    SCOPED_TRACE("slide " + std::to_string(s + 1));
    const SlideLayout& e = expected[s];
    const SlideLayout& a = actual[s];
    EXPECT_EQ(a.text, e.text);
    EXPECT_EQ(a.steps, e.steps);
    EXPECT_EQ(a.fit_scale, e.fit_scale);
    EXPECT_EQ(a.overflow, e.overflow);
    some_fit = some_fit || e.fit_scale < 1;
    if (!context.search_fit && a.fit_scale < 1) EXPECT_EQ(a.fit_scale, kMinFitScale);
    ASSERT_EQ(a.items.size(), e.items.size());
    for (size_t i = 0; i < e.items.size(); ++i) {
      EXPECT_EQ(a.items[i].kind, e.items[i].kind);
      EXPECT_EQ(a.items[i].rect.x0, e.items[i].rect.x0);
      EXPECT_EQ(a.items[i].rect.y0, e.items[i].rect.y0);
      EXPECT_EQ(a.items[i].font, e.items[i].font);
      ASSERT_EQ(a.items[i].glyphs.size(), e.items[i].glyphs.size());
      for (size_t g = 0; g < e.items[i].glyphs.size(); ++g) {
        EXPECT_EQ(a.items[i].glyphs[g].glyph, e.items[i].glyphs[g].glyph);
        EXPECT_EQ(a.items[i].glyphs[g].x, e.items[i].glyphs[g].x);
      }
    }
  }
  EXPECT_TRUE(some_fit) << "no slide needed shrinking: the fit search went untested";
  ASSERT_EQ(threads.size(), one_thread.size());
  ASSERT_FALSE(one_thread.empty());
  for (size_t d = 0; d < one_thread.size(); ++d)
    EXPECT_EQ(FormatDiagnostic("t.md", threads[d]), FormatDiagnostic("t.md", one_thread[d]));
}

INSTANTIATE_TEST_SUITE_P(SearchFit, ParallelLayout, ::testing::Bool());

// ParseDeck reads the slides' Markdown through ForEachInParallel in LoadDeckFile. The deck
// must be the same as read on one thread, including what depends on order across slides:
// a deck key set by a comment and again by a later slide's Slidev header (the later wins),
// directives that carry on from their slide, remark properties and notes.
TEST(ParseDeckInParallel, GivesWhatOneThreadGives) {
  std::string deck = VariedDeck(150);
  for (int i = 0; i < 40; ++i) {
    deck += "\n---\n";
    switch (i % 5) {
      case 0: deck += "\n<!-- theme: dark -->\n<!-- paginate: true -->\n# Comment " + std::to_string(i) + "\n"; break;
      case 1: deck += "theme: default\nfooter: from a header\n---\n\n# Header " + std::to_string(i) + "\n"; break;
      case 2: deck += "\nclass: center, middle\n\n# Remark\n\n--\n\nLater\n\n???\nRemark notes\n"; break;
      case 3: deck += "\n# Notes\n\n<!-- a note -->\n\nNote: reveal notes\n"; break;
      case 4: deck += "\n<!-- _unknown_key: 1 -->\n* a\n* b\n"; break;
    }
  }
  ForEachIndex threads = [](size_t count, const std::function<void(size_t)>& body) {
    ForEachInParallel(count, body, 1);
  };
  Deck one = ParseDeck(deck);
  Deck many = ParseDeck(deck, threads);
  ASSERT_GT(one.slides.size(), 150u);
  EXPECT_EQ(DumpDeck(many), DumpDeck(one));
  ASSERT_EQ(many.diagnostics.size(), one.diagnostics.size());
  ASSERT_FALSE(one.diagnostics.empty());
  for (size_t d = 0; d < one.diagnostics.size(); ++d)
    EXPECT_EQ(FormatDiagnostic("t.md", many.diagnostics[d]), FormatDiagnostic("t.md", one.diagnostics[d]));
}

}  // namespace
}  // namespace podium::tools
