// Code blocks in layout: syntax colours from the theme's palette, dimmed lines outside a
// highlight, and the warnings for unknown languages and code too wide to fit.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "layout/layout.h"
#include "layout/theme.h"
#include "test_fonts.h"

namespace podium {
namespace {

Block Code(std::string language, std::string text, SourcePos pos = {5, 1}) {
  Block b;
  b.kind = BlockKind::kCode;
  b.pos = pos;
  b.code.language = std::move(language);
  b.text = std::move(text);
  return b;
}

Deck OneSlide(std::vector<Block> blocks, std::string theme = "default") {
  Deck deck;
  deck.meta.theme = std::move(theme);
  Slide slide;
  slide.pos = {3, 1};
  slide.blocks = std::move(blocks);
  deck.slides.push_back(slide);
  return deck;
}

SlideLayout Lay(const Deck& deck, std::vector<Diagnostic>* diagnostics = nullptr) {
  LayoutContext context{&test::Fonts(), nullptr};
  return LayoutSlide(deck, 0, context, diagnostics);
}

std::set<uint32_t> GlyphColors(const SlideLayout& layout) {
  std::set<uint32_t> colors;
  for (const LayoutItem& item : layout.items)
    if (item.kind == LayoutItemKind::kGlyphs && item.font != FontRole::kSans)
      colors.insert(item.color);
  return colors;
}

std::vector<Diagnostic> Only(const std::vector<Diagnostic>& all, DiagnosticCode code) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : all)
    if (d.code == code) out.push_back(d);
  return out;
}

TEST(CodeLayoutTest, TokensTakeThePaletteColours) {
  for (const char* theme_name : {"default", "dark"}) {
    Theme theme = ThemeNamed(theme_name);
    SlideLayout layout =
        Lay(OneSlide({Code("python", "def f(x):\n    return \"s\"  # c")}, theme_name));
    std::set<uint32_t> colors = GlyphColors(layout);
    for (TokenKind kind :
         {TokenKind::kKeyword, TokenKind::kFunction, TokenKind::kString, TokenKind::kComment})
      EXPECT_TRUE(colors.count(theme.code.Color(kind))) << theme_name << " " << TokenKindName(kind);
  }
}

TEST(CodeLayoutTest, PlainAndUnknownLanguagesUseTheCodeTextColour) {
  Theme theme = ThemeNamed("default");
  for (const char* language : {"", "text", "brainfuck"}) {
    SlideLayout layout = Lay(OneSlide({Code(language, "def f(x): return 1")}));
    EXPECT_EQ(GlyphColors(layout), std::set<uint32_t>{theme.code_text}) << language;
  }
}

TEST(CodeLayoutTest, LinesOutsideTheHighlightAreDimmed) {
  Theme theme = ThemeNamed("default");
  Block code = Code("python", "x = 1\ny = 2");
  code.code.highlight_steps = {{LineRange{2, 2}}};
  SlideLayout layout = Lay(OneSlide({code}));
  uint32_t keyword_alpha = 0, dim_alpha = 0xff;
  for (const LayoutItem& item : layout.items) {
    if (item.kind != LayoutItemKind::kGlyphs || item.font == FontRole::kSans) continue;
    uint32_t alpha = item.color >> 24;
    keyword_alpha = std::max(keyword_alpha, alpha);
    dim_alpha = std::min(dim_alpha, alpha);
  }
  EXPECT_EQ(keyword_alpha, 0xffu);
  EXPECT_EQ(dim_alpha, theme.code_dim >> 24);
}

TEST(CodeLayoutTest, UnknownLanguageWarnsOncePerLanguageAtTheBlock) {
  std::vector<Diagnostic> diagnostics;
  Lay(OneSlide({Code("brainfuck", "+++", {5, 1}), Code("brainfuck", "---", {9, 1}),
                Code("cobol", "MOVE", {13, 1}), Code("text", "plain"), Code("", "none"),
                Code("console", "$ ls"), Code("py", "pass")}),
      &diagnostics);
  std::vector<Diagnostic> unknown = Only(diagnostics, DiagnosticCode::kUnknownCodeLanguage);
  ASSERT_EQ(unknown.size(), 2u);
  EXPECT_EQ(unknown[0].argument, "brainfuck");
  EXPECT_EQ(unknown[0].pos, (SourcePos{5, 1}));
  EXPECT_EQ(unknown[1].argument, "cobol");
  EXPECT_EQ(unknown[1].pos, (SourcePos{13, 1}));
}

TEST(CodeLayoutTest, ALineTooWideEvenAtTheFloorIsReportedWithItsPosition) {
  std::string wide(400, 'x');
  std::vector<Diagnostic> diagnostics;
  Lay(OneSlide({Code("python", "short = 1\nlong = \"" + wide + "\"\nok = 2", {7, 3})}),
      &diagnostics);
  std::vector<Diagnostic> too_wide = Only(diagnostics, DiagnosticCode::kCodeTooWide);
  ASSERT_EQ(too_wide.size(), 1u);
  EXPECT_EQ(too_wide[0].pos, (SourcePos{9, 3}));  // the fence is line 7, code line 2 is line 9
  EXPECT_EQ(DiagnosticMessage(too_wide[0]),
            "code line 2 is wider than the slide even at the smallest size");

  diagnostics.clear();
  Lay(OneSlide({Code("python", "fits = \"" + std::string(90, 'x') + "\"")}), &diagnostics);
  EXPECT_TRUE(Only(diagnostics, DiagnosticCode::kCodeTooWide).empty()) << "shrinking is enough";
}

TEST(CodeLayoutTest, TabsAlignToFourColumns) {
  auto first_glyph_x = [](const SlideLayout& layout, size_t line) {
    std::vector<float> ys, xs;
    for (const LayoutItem& item : layout.items)
      if (item.kind == LayoutItemKind::kGlyphs && item.font != FontRole::kSans &&
          !item.glyphs.empty()) {
        ys.push_back(item.rect.y0);
        xs.push_back(item.rect.x0 + item.glyphs[0].x);
      }
    std::vector<float> sorted = ys;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    float y = sorted.at(line);
    float x = 1e9f;
    for (size_t i = 0; i < ys.size(); ++i)
      if (ys[i] == y) x = std::min(x, xs[i]);
    return x;
  };
  SlideLayout tabbed = Lay(OneSlide({Code("go", "a\n\tb")}));
  SlideLayout spaced = Lay(OneSlide({Code("go", "a\n    b")}));
  EXPECT_FLOAT_EQ(first_glyph_x(tabbed, 1), first_glyph_x(spaced, 1));
}

}  // namespace
}  // namespace podium
