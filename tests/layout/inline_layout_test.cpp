#include "layout/inline_layout.h"

#include <gtest/gtest.h>

#include "test_fonts.h"
#include "text/utf8.h"

namespace podium {
namespace {

TextStyle Body(float size = 40) {
  TextStyle s;
  s.size = size;
  return s;
}

std::vector<std::string> Lines(InlineLayout& flow) {
  std::vector<std::string> lines;
  for (int i = 0; i < flow.line_count(); ++i) lines.push_back(flow.LineText(i));
  return lines;
}

TEST(InlineLayoutTest, LatinWrapsAtSpacesAndStaysInsideTheBox) {
  InlineLayout flow(test::Fonts());
  flow.AddText("The quick brown fox jumps over the lazy dog and keeps on running", Body());
  flow.Layout(500, 1.4f);
  ASSERT_GT(flow.line_count(), 1);
  EXPECT_LE(flow.width(), 500.0f);
  for (const std::string& line : Lines(flow)) {
    EXPECT_NE(line.front(), ' ') << line;
  }
  EXPECT_NEAR(flow.height(), flow.line_count() * 40 * 1.4f, 0.01f);
}

TEST(InlineLayoutTest, AWordWiderThanTheLineIsBrokenAnyway) {
  InlineLayout flow(test::Fonts());
  flow.AddText("Supercalifragilisticexpialidocious", Body());
  flow.Layout(200, 1.4f);
  EXPECT_GT(flow.line_count(), 1);
  EXPECT_LE(flow.width(), 200.5f);
}

TEST(InlineLayoutTest, ChineseBreaksBetweenIdeographsWithKinsoku) {
  // Every line-start must not be closing punctuation; every line-end not opening.
  const std::u32string closing = U"，。、：；！？）」』】》";
  const std::u32string opening = U"（「『【《";
  for (float width : {300.0f, 333.0f, 361.0f, 410.0f, 455.0f, 520.0f}) {
    InlineLayout flow(test::Fonts());
    flow.AddText("工程师的名字，是靠分享（演讲、写作、开源）一点点建立起来的。「持续输出」比「一鸣惊人」更重要！你准备好了吗？", Body());
    flow.Layout(width, 1.4f);
    ASSERT_GT(flow.line_count(), 2);
    EXPECT_LE(flow.width(), width + 0.01f);
    for (int i = 0; i < flow.line_count(); ++i) {
      std::string line = flow.LineText(i);
      ASSERT_FALSE(line.empty());
      size_t offset = 0;
      std::u32string cps;
      while (offset < line.size()) cps.push_back(DecodeNext(line, offset));
      if (i > 0) EXPECT_EQ(closing.find(cps.front()), std::u32string::npos) << "line starts with closing: " << line;
      EXPECT_EQ(opening.find(cps.back()), std::u32string::npos) << "line ends with opening: " << line;
    }
  }
}

TEST(InlineLayoutTest, ThinGapBetweenChineseAndLatinWithoutEditingTheText) {
  auto width_of = [](const char* text) {
    InlineLayout flow(test::Fonts());
    flow.AddText(text, Body());
    return flow.NaturalWidth();
  };
  float joined = width_of("用Rust重写");
  float parts = width_of("用") + width_of("Rust") + width_of("重写");
  EXPECT_NEAR(joined - parts, 2 * kCjkLatinGap * 40, 2.0f);
  InlineLayout flow(test::Fonts());
  flow.AddText("用Rust重写", Body());
  EXPECT_EQ(flow.PlainText(), "用Rust重写");
}

TEST(InlineLayoutTest, SoftBreakBetweenChineseIsNoSpace) {
  InlineLayout cjk(test::Fonts());
  cjk.AddText("中文", Body());
  cjk.AddSoftBreak(Body());
  cjk.AddText("排版", Body());
  EXPECT_EQ(cjk.PlainText(), "中文排版");
  InlineLayout latin(test::Fonts());
  latin.AddText("soft", Body());
  latin.AddSoftBreak(Body());
  latin.AddText("break", Body());
  EXPECT_EQ(latin.PlainText(), "soft break");
}

TEST(InlineLayoutTest, HardBreakStartsANewLine) {
  InlineLayout flow(test::Fonts());
  flow.AddText("one", Body());
  flow.AddHardBreak(Body());
  flow.AddText("two", Body());
  flow.Layout(1000, 1.4f);
  EXPECT_EQ(Lines(flow), (std::vector<std::string>{"one", "two"}));
}

TEST(InlineLayoutTest, KerningTightensPairs) {
  InlineLayout flow(test::Fonts());
  flow.AddText("AV", Body(100));
  const Font* sans = test::Fonts().Get(FontRole::kSans);
  float plain = sans->Advance(sans->GlyphIndex('A'), 100) + sans->Advance(sans->GlyphIndex('V'), 100);
  EXPECT_LT(flow.NaturalWidth(), plain - 1.0f);
}

TEST(InlineLayoutTest, CharactersNoFontHasAreReported) {
  InlineLayout flow(test::Fonts());
  flow.AddText("ok \xF0\x90\x90\x80 ok", Body());  // U+10400 (Deseret): none of our fonts has it
  flow.Layout(1000, 1.4f);
  ASSERT_EQ(flow.MissingCharacters().size(), 1u);
  EXPECT_EQ(flow.MissingCharacters()[0], U'\U00010400');
}

TEST(InlineLayoutTest, BoldFallsBackToCjkBoldForChinese) {
  FontSet::Resolved r = test::Fonts().Resolve(U'中', FontRole::kSansBold);
  ASSERT_NE(r.font, nullptr);
  EXPECT_EQ(r.role, FontRole::kCjkBold);
}

TEST(InlineLayoutTest, InlineBoxFlowsLikeACharacterAndGrowsTheLine) {
  LayoutBox box;
  box.width = 100;
  box.ascent = 90;
  box.descent = 40;
  LayoutItem bar;
  bar.kind = LayoutItemKind::kRect;
  bar.rect = {0, -2, 100, 2};  // a fraction bar on the axis
  box.items.push_back(bar);
  InlineLayout flow(test::Fonts());
  flow.AddText("x = ", Body());
  flow.AddBox(box, Body(), "a/b");
  flow.AddText(" end", Body());
  float plain_height = 40 * 1.4f;
  flow.Layout(2000, 1.4f);
  EXPECT_EQ(flow.line_count(), 1);
  EXPECT_GT(flow.height(), plain_height + 40);  // the box is taller than a line of text
  EXPECT_EQ(flow.PlainText(), "x = a/b end");
  SlideLayout out;
  flow.Emit(10, 100, 2000, Align::kLeft, 2, &out);
  const LayoutItem* placed = nullptr;
  for (const LayoutItem& item : out.items)
    if (item.kind == LayoutItemKind::kRect) placed = &item;
  ASSERT_NE(placed, nullptr);
  EXPECT_GT(placed->rect.x0, 10 + 40.0f);  // after "x = "
  EXPECT_EQ(placed->step, 2);
  EXPECT_GT(placed->rect.y0, 100 + 90 - 2 - 0.01f);  // below the box's ascent from the top
}

// Inline code chips: their tint is laid out, not painted over the neighbours.
struct Chips {
  std::vector<Rect> tints;   // the chips' backgrounds, in order
  std::vector<Rect> glyphs;  // every glyph run
};

Chips EmitChips(InlineLayout& flow, float x) {
  flow.Layout(2000, 1.4f);
  SlideLayout out;
  flow.Emit(x, 0, 2000, Align::kLeft, 0, &out);
  Chips chips;
  for (const LayoutItem& item : out.items) {
    if (item.kind == LayoutItemKind::kRect) chips.tints.push_back(item.rect);
    if (item.kind == LayoutItemKind::kGlyphs) chips.glyphs.push_back(item.rect);
  }
  return chips;
}

TextStyle Code() {
  TextStyle s = Body();
  s.font = FontRole::kMono;
  s.background = 0xffeeeeee;
  return s;
}

TEST(InlineLayoutTest, CodeChipAtTheStartOfALineStaysInTheMargin) {
  InlineLayout flow(test::Fonts());
  flow.AddText("x", Code());
  flow.AddText(" starts the line", Body());
  Chips chips = EmitChips(flow, 100);
  ASSERT_EQ(chips.tints.size(), 1u);
  EXPECT_GE(chips.tints[0].x0, 100.0f);
  EXPECT_NEAR(flow.NaturalWidth(), chips.glyphs.back().x1 - 100, 1.0f);
}

TEST(InlineLayoutTest, TwoCodeChipsASpaceApartStayTwo) {
  InlineLayout flow(test::Fonts());
  flow.AddText("a", Code());
  flow.AddText(" ", Body());
  flow.AddText("b", Code());
  Chips chips = EmitChips(flow, 0);
  ASSERT_EQ(chips.tints.size(), 2u);
  EXPECT_GT(chips.tints[1].x0 - chips.tints[0].x1, 5.0f);  // a space's width, about 10 px
}

TEST(InlineLayoutTest, CodeChipKeepsTheCjkGapFromChinese) {
  InlineLayout flow(test::Fonts());
  flow.AddText("使用", Body());
  flow.AddText("deckc", Code());
  flow.AddText("命令", Body());
  Chips chips = EmitChips(flow, 0);
  ASSERT_EQ(chips.tints.size(), 1u);
  ASSERT_EQ(chips.glyphs.size(), 3u);
  const float gap = kCjkLatinGap * 40;
  EXPECT_NEAR(chips.tints[0].x0 - chips.glyphs[0].x1, gap, 1.0f);  // 用 … chip
  EXPECT_NEAR(chips.glyphs[2].x0 - chips.tints[0].x1, gap, 1.0f);  // chip … 命
}

}  // namespace
}  // namespace podium
