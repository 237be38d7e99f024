#include "layout/layout.h"

#include <gtest/gtest.h>

#include <set>

#include "test_fonts.h"

namespace podium {
namespace {

Span Text(std::string s) {
  Span span;
  span.text = std::move(s);
  return span;
}

Block Paragraph(std::string s) {
  Block b;
  b.kind = BlockKind::kParagraph;
  b.spans = {Text(std::move(s))};
  return b;
}

Block Heading(std::string s, int level = 1) {
  Block b = Paragraph(std::move(s));
  b.kind = BlockKind::kHeading;
  b.level = level;
  return b;
}

Block Bullets(int count, bool fragmented = false) {
  Block list;
  list.kind = BlockKind::kList;
  list.fragmented = fragmented;
  for (int i = 0; i < count; ++i) {
    Block item;
    item.kind = BlockKind::kListItem;
    item.children = {Paragraph("Bullet point number " + std::to_string(i + 1))};
    if (fragmented) item.step = i + 1;
    list.children.push_back(item);
  }
  return list;
}

Deck OneSlide(std::vector<Block> blocks) {
  Deck deck;
  Slide slide;
  slide.pos = {3, 1};
  slide.blocks = std::move(blocks);
  deck.slides.push_back(slide);
  return deck;
}

LayoutContext Context() { return LayoutContext{&test::Fonts(), nullptr}; }

bool HasCode(const std::vector<Diagnostic>& list, DiagnosticCode code) {
  for (const Diagnostic& d : list)
    if (d.code == code) return true;
  return false;
}

TEST(LayoutTest, ShortSlideFitsAtFullSizeAndIsCentredVertically) {
  Deck deck = OneSlide({Heading("Title"), Paragraph("One line.")});
  std::vector<Diagnostic> diagnostics;
  SlideLayout layout = LayoutSlide(deck, 0, Context(), &diagnostics);
  EXPECT_EQ(layout.fit_scale, 1.0f);
  EXPECT_EQ(layout.overflow, 0.0f);
  EXPECT_TRUE(diagnostics.empty());
  float top = 1e9f, bottom = 0;
  for (const LayoutItem& item : layout.items) {
    top = std::min(top, item.rect.y0);
    bottom = std::max(bottom, item.rect.y1);
  }
  EXPECT_GT(top, 300.0f);  // centred, not stuck to the top margin
  EXPECT_LT(bottom, 800.0f);
}

TEST(LayoutTest, ListOnALeadSlideIsCentredAsOneBlock) {
  Deck deck = OneSlide({Heading("Title"), Bullets(2)});
  deck.slides[0].style.classes = {"lead"};
  SlideLayout layout = LayoutSlide(deck, 0, Context(), nullptr);
  float left = layout.width, right = 0;
  std::vector<float> bullets;
  for (const LayoutItem& item : layout.items) {
    if (item.kind == LayoutItemKind::kCircle) bullets.push_back(item.rect.x0);
    if (item.kind != LayoutItemKind::kGlyphs || item.font != FontRole::kSans) continue;  // not the bold title
    left = std::min(left, item.rect.x0);
    right = std::max(right, item.rect.x1);
  }
  ASSERT_EQ(bullets.size(), 2u);
  EXPECT_EQ(bullets[0], bullets[1]);  // the bullets stay in one column
  EXPECT_GT(bullets[0], 500.0f);      // not at the left margin
  // The list's text is about as far from the right edge as its bullets from the left.
  EXPECT_NEAR(bullets[0], layout.width - right, 40.0f);
}

TEST(LayoutTest, LongSlideShrinksToFit) {
  Deck deck = OneSlide({Heading("Many bullets"), Bullets(12)});
  std::vector<Diagnostic> diagnostics;
  SlideLayout layout = LayoutSlide(deck, 0, Context(), &diagnostics);
  EXPECT_LT(layout.fit_scale, 1.0f);
  EXPECT_GE(layout.fit_scale, kMinFitScale);
  EXPECT_EQ(layout.overflow, 0.0f);
  EXPECT_FALSE(HasCode(diagnostics, DiagnosticCode::kSlideOverflow));
  for (const LayoutItem& item : layout.items) EXPECT_LE(item.rect.y1, layout.height);
}

TEST(LayoutTest, OverflowPastTheFloorIsAnErrorWithItsSize) {
  Deck deck = OneSlide({Heading("Far too much"), Bullets(40)});
  std::vector<Diagnostic> diagnostics;
  SlideLayout layout = LayoutSlide(deck, 0, Context(), &diagnostics);
  EXPECT_EQ(layout.fit_scale, kMinFitScale);
  EXPECT_GT(layout.overflow, 100.0f);
  ASSERT_TRUE(HasCode(diagnostics, DiagnosticCode::kSlideOverflow));
  const Diagnostic& d = diagnostics.front();
  EXPECT_EQ(d.severity, Severity::kError);
  EXPECT_EQ(d.pos, (SourcePos{3, 1}));
  EXPECT_NE(DiagnosticMessage(d).find("px too tall"), std::string::npos);
}

TEST(LayoutTest, WithoutTheFitSearchTheGlyphsAndProblemsAreTheSame) {
  // deckc build lays overflowing slides out at the floor only (search_fit = false): what it
  // ships (the glyphs) and reports (the diagnostics) must be what the exact fit gives.
  for (int bullets : {12, 40}) {
    Deck deck = OneSlide({Heading("Many bullets"), Bullets(bullets), Paragraph("private \xF0\x90\x90\x80 use")});
    LayoutContext exact = Context(), quick = Context();
    quick.search_fit = false;
    std::vector<Diagnostic> exact_problems, quick_problems;
    SlideLayout a = LayoutSlide(deck, 0, exact, &exact_problems);
    SlideLayout b = LayoutSlide(deck, 0, quick, &quick_problems);
    auto glyphs = [](const SlideLayout& layout) {
      std::set<std::pair<int, int>> out;
      for (const LayoutItem& item : layout.items)
        for (const PlacedGlyph& g : item.glyphs) out.insert({static_cast<int>(item.font), g.glyph});
      return out;
    };
    EXPECT_EQ(glyphs(a), glyphs(b)) << bullets;
    ASSERT_EQ(exact_problems.size(), quick_problems.size()) << bullets;
    for (size_t i = 0; i < exact_problems.size(); ++i)
      EXPECT_EQ(DiagnosticMessage(exact_problems[i]), DiagnosticMessage(quick_problems[i]));
    EXPECT_EQ(a.text, b.text);
    EXPECT_EQ(b.fit_scale, bullets == 12 ? kMinFitScale : a.fit_scale);
  }
}

TEST(LayoutTest, FragmentItemsCarryTheirSteps) {
  Deck deck = OneSlide({Bullets(3, /*fragmented=*/true)});
  deck.slides[0].steps = 4;
  SlideLayout layout = LayoutSlide(deck, 0, Context(), nullptr);
  EXPECT_EQ(layout.steps, 4);
  int max_step = 0;
  for (const LayoutItem& item : layout.items) max_step = std::max(max_step, item.step);
  EXPECT_EQ(max_step, 3);
}

TEST(LayoutTest, DesignSpaceFollowsTheDeckSize) {
  Deck deck = OneSlide({Paragraph("4:3")});
  deck.meta.size = "4:3";
  SlideLayout layout = LayoutSlide(deck, 0, Context(), nullptr);
  EXPECT_EQ(layout.width, 1440.0f);
  EXPECT_EQ(layout.height, 1080.0f);
}

TEST(LayoutTest, LineBreaksDoNotDependOnAnythingButTheDeck) {
  Deck deck = OneSlide({Paragraph("Same words, same lines, at every window size and on every machine.")});
  SlideLayout a = LayoutSlide(deck, 0, Context(), nullptr);
  SlideLayout b = LayoutSlide(deck, 0, Context(), nullptr);
  ASSERT_EQ(a.items.size(), b.items.size());
  for (size_t i = 0; i < a.items.size(); ++i) {
    EXPECT_EQ(a.items[i].rect.x0, b.items[i].rect.x0);
    EXPECT_EQ(a.items[i].rect.y0, b.items[i].rect.y0);
  }
}

TEST(LayoutTest, MissingImageBecomesAPlaceholder) {
  Block p;
  p.kind = BlockKind::kParagraph;
  Span image;
  image.kind = SpanKind::kImage;
  image.href = "nowhere.png";
  image.text = "a cat";
  p.spans = {image};
  Deck deck = OneSlide({p});
  SlideLayout layout = LayoutSlide(deck, 0, Context(), nullptr);
  int outlines = 0;
  for (const LayoutItem& item : layout.items) {
    EXPECT_NE(item.kind, LayoutItemKind::kImage);
    outlines += item.kind == LayoutItemKind::kRectOutline;
  }
  EXPECT_EQ(outlines, 1);
  EXPECT_NE(layout.text.find("a cat"), std::string::npos);
}

TEST(LayoutTest, CharacterNoFontHasIsAWarning) {
  Deck deck = OneSlide({Paragraph("private \xF0\x90\x90\x80 use")});
  std::vector<Diagnostic> diagnostics;
  LayoutSlide(deck, 0, Context(), &diagnostics);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].code, DiagnosticCode::kMissingGlyph);
  EXPECT_EQ(DiagnosticMessage(diagnostics[0]), "no font has the character U+10400 '\xF0\x90\x90\x80'");
}

TEST(ThemeTest, ParsesCssColours) {
  struct Case {
    const char* text;
    std::optional<uint32_t> expected;
  } cases[] = {
      {"#fff", 0xffffffffu},       {"#000000", 0xff000000u},     {"#1e293b", 0xff3b291eu},
      {"#11223344", 0x44332211u},  {"white", 0xffffffffu},       {"Red", 0xff0000ffu},
      {"rgb(255, 0, 0)", 0xff0000ffu}, {"rgba(0,0,255,0.5)", 0x80ff0000u}, {"transparent", 0u},
      {"#12", std::nullopt},       {"nonsense", std::nullopt},   {"", std::nullopt},
      {"rgb(1,2)", std::nullopt},
  };
  for (const Case& c : cases) EXPECT_EQ(ParseColor(c.text), c.expected) << c.text;
}

TEST(ThemeTest, InvertSwapsThePalette) {
  Theme light = ThemeNamed("default");
  Theme t = light;
  SlideStyle style;
  style.classes = {"invert"};
  ApplySlideStyle(style, &t);
  EXPECT_EQ(t.background, ThemeNamed("dark").background);
  Theme dark = ThemeNamed("dark");
  ApplySlideStyle(style, &dark);
  EXPECT_EQ(dark.background, light.background);
}

}  // namespace
}  // namespace podium
