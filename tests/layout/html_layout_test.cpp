// HTML boxes laid out as the author's browser would: geometric checks on
// tests/conventions/html-columns.md (columns side by side, centred covers, inline styles,
// fragments, tinted boxes).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "layout/layout.h"
#include "model/color.h"
#include "parse/parse_deck.h"
#include "test_fonts.h"

namespace podium {
namespace {

Deck ColumnsDeck() {
  std::ifstream in(std::string(PODIUM_TESTS_DIR) + "/conventions/html-columns.md");
  std::stringstream text;
  text << in.rdbuf();
  return ParseDeck(text.str());
}

LayoutContext Context() { return LayoutContext{&test::Fonts(), nullptr}; }

// Glyph runs in the order they were laid out, with the text they start.
const LayoutItem* RunAt(const SlideLayout& layout, size_t index) {
  size_t i = 0;
  for (const LayoutItem& item : layout.items) {
    if (item.kind != LayoutItemKind::kGlyphs) continue;
    if (i++ == index) return &item;
  }
  return nullptr;
}

std::vector<const LayoutItem*> Runs(const SlideLayout& layout) {
  std::vector<const LayoutItem*> out;
  for (const LayoutItem& item : layout.items)
    if (item.kind == LayoutItemKind::kGlyphs) out.push_back(&item);
  return out;
}

TEST(HtmlLayout, DeckParsesWithoutWarnings) {
  Deck deck = ColumnsDeck();
  ASSERT_EQ(deck.slides.size(), 4u);
  for (const Diagnostic& d : deck.diagnostics) ADD_FAILURE() << DiagnosticMessage(d);
}

TEST(HtmlLayout, GridColumnsSitSideBySide) {
  Deck deck = ColumnsDeck();
  std::vector<Diagnostic> diagnostics;
  SlideLayout layout = LayoutSlide(deck, 0, Context(), &diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  // The two column headings (h3: the second-largest text on the slide) start the columns.
  std::vector<const LayoutItem*> runs = Runs(layout);
  std::set<float> sizes;
  for (const LayoutItem* r : runs) sizes.insert(r->font_size);
  ASSERT_GE(sizes.size(), 3u);
  float h3 = *std::next(sizes.rbegin());
  const LayoutItem* before = nullptr;
  const LayoutItem* after = nullptr;
  for (const LayoutItem* r : runs) {
    if (r->font_size != h3) continue;
    if (!before && r->rect.x0 < layout.width / 2) before = r;
    if (!after && r->rect.x0 > layout.width / 2) after = r;
  }
  ASSERT_NE(before, nullptr);
  ASSERT_NE(after, nullptr);
  EXPECT_NEAR(before->rect.y0, after->rect.y0, 0.5f) << "the columns' first lines share a baseline";
  EXPECT_GT(after->rect.x0, layout.width * 0.5f);
  // Nothing of the left column reaches into the right one.
  for (const LayoutItem* r : runs)
    if (r->rect.y0 >= before->rect.y0 && r->rect.x0 < layout.width / 2) EXPECT_LT(r->rect.x1, after->rect.x0) << "left column overlaps";
  // The styled phrase is drawn in its colour.
  bool red = false;
  for (const LayoutItem* r : runs) red |= r->color == *ParseColor("#dc2626");
  EXPECT_TRUE(red);
}

TEST(HtmlLayout, MarpColumnsClassMakesTwoColumns) {
  Deck deck = ColumnsDeck();
  SlideLayout layout = LayoutSlide(deck, 1, Context(), nullptr);
  const LayoutItem* left = nullptr;
  const LayoutItem* right = nullptr;
  float body = 1e9f;
  for (const LayoutItem* r : Runs(layout)) body = std::min(body, r->font_size);
  for (const LayoutItem* r : Runs(layout)) {
    if (r->font_size != body) continue;  // the title
    if (!left && r->rect.x0 < layout.width / 2) left = r;
    if (!right && r->rect.x0 > layout.width / 2) right = r;
  }
  ASSERT_NE(left, nullptr);
  ASSERT_NE(right, nullptr);
  EXPECT_NEAR(left->rect.y0, right->rect.y0, 0.5f);
}

TEST(HtmlLayout, HtmlCoverIsCentredWithKeycapAndMark) {
  Deck deck = ColumnsDeck();
  EXPECT_EQ(deck.slides[2].title, "A cover written in HTML");
  SlideLayout layout = LayoutSlide(deck, 2, Context(), nullptr);
  const LayoutItem* title = RunAt(layout, 0);
  ASSERT_NE(title, nullptr);
  float centre = (title->rect.x0 + title->rect.x1) * 0.5f;
  EXPECT_NEAR(centre, layout.width * 0.5f, layout.width * 0.02f);
  bool keycap = false, mark = false;
  for (const LayoutItem& item : layout.items) {
    keycap |= item.kind == LayoutItemKind::kRectOutline;
    mark |= item.kind == LayoutItemKind::kRect && item.color == *ParseColor("#ffff00");
  }
  EXPECT_TRUE(keycap) << "<kbd> draws a keycap";
  EXPECT_TRUE(mark) << "<mark> draws its yellow tint";
  // H₂O: the subscript is smaller than the text before it, and sits below its baseline.
  std::vector<const LayoutItem*> body;
  for (const LayoutItem* r : Runs(layout))
    if (r->rect.y0 > title->rect.y0 + 50) body.push_back(r);
  const LayoutItem* h = nullptr;
  const LayoutItem* two = nullptr;
  for (size_t i = 1; i < body.size() && !two; ++i)
    if (body[i]->font_size < body[i - 1]->font_size * 0.8f) h = body[i - 1], two = body[i];
  ASSERT_NE(h, nullptr);
  ASSERT_NE(two, nullptr);
  EXPECT_GT(two->rect.y0, h->rect.y0) << "subscript baseline is lower";
}

TEST(HtmlLayout, FragmentsAndTintedBox) {
  Deck deck = ColumnsDeck();
  ASSERT_EQ(deck.slides[3].steps, 3);
  SlideLayout layout = LayoutSlide(deck, 3, Context(), nullptr);
  std::set<int> steps;
  for (const LayoutItem& item : layout.items) steps.insert(item.step);
  EXPECT_TRUE(steps.count(1) && steps.count(2));
  bool tint = false;
  for (const LayoutItem& item : layout.items)
    tint |= item.kind == LayoutItemKind::kRect && item.color == *ParseColor("#dbeafe") && item.rounding > 0;
  EXPECT_TRUE(tint);
}

// tests/conventions/marp-theme-css.md: a Marp deck whose look is its own CSS.
Deck MarpThemeDeck() {
  std::ifstream in(std::string(PODIUM_TESTS_DIR) + "/conventions/marp-theme-css.md");
  std::stringstream text;
  text << in.rdbuf();
  return ParseDeck(text.str());
}

bool HasRunOfColor(const SlideLayout& layout, const char* css) {
  for (const LayoutItem* r : Runs(layout))
    if (r->color == *ParseColor(css)) return true;
  return false;
}

TEST(HtmlLayout, MarpDeckCssStylesSlidesSectionsAndScopes) {
  Deck deck = MarpThemeDeck();
  ASSERT_EQ(deck.slides.size(), 4u) << "headingDivider: 2";
  for (const Diagnostic& d : deck.diagnostics) ADD_FAILURE() << DiagnosticMessage(d);
  std::vector<SlideLayout> layouts;
  for (int i = 0; i < 4; ++i) layouts.push_back(LayoutSlide(deck, i, Context(), nullptr));
  // section { background-color } is every slide's background.
  for (const SlideLayout& l : layouts) EXPECT_EQ(l.background, *ParseColor("#fffbeb"));
  // section.lead h1 colours the lead slide's title only.
  EXPECT_TRUE(HasRunOfColor(layouts[0], "#b45309"));
  EXPECT_FALSE(HasRunOfColor(layouts[1], "#b45309"));
  // <style scoped> colours its own slide's h2, not the next slide's.
  EXPECT_TRUE(HasRunOfColor(layouts[2], "#1d4ed8"));
  EXPECT_FALSE(HasRunOfColor(layouts[3], "#1d4ed8"));
  // The footer is Markdown: the entity is a character, the bold is bold, no asterisks.
  EXPECT_EQ(layouts[1].text.find("**"), std::string::npos);
  bool bold_footer = false;
  for (const LayoutItem* r : Runs(layouts[1]))
    bold_footer |= r->font == FontRole::kSansBold && r->rect.y0 > layouts[1].height * 0.9f;
  EXPECT_TRUE(bold_footer);
  // .columns from the deck's CSS: the list and the paragraph start on one line, side by side.
  const LayoutItem* left = nullptr;
  const LayoutItem* right = nullptr;
  float body = 1e9f;  // the smallest text above the footer
  for (const LayoutItem* r : Runs(layouts[1]))
    if (r->rect.y0 < layouts[1].height * 0.9f) body = std::min(body, r->font_size);
  for (const LayoutItem* r : Runs(layouts[1])) {
    if (r->font_size != body || r->rect.y0 > layouts[1].height * 0.9f) continue;
    if (!left && r->rect.x0 < layouts[1].width / 2) left = r;
    if (!right && r->rect.x0 > layouts[1].width / 2) right = r;
  }
  ASSERT_NE(left, nullptr);
  ASSERT_NE(right, nullptr);
  EXPECT_NEAR(left->rect.y0, right->rect.y0, 0.5f);
}

}  // namespace
}  // namespace podium
