// Tests for engine/present/overlays.h: the overview grid's geometry and scrolling, hit
// tests, the overlays' contents, the clock format.
#include "present/overlays.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_fonts.h"

namespace podium {
namespace {

TEST(OverviewGrid, SmallDeckFitsCentredWithoutScrolling) {
  OverviewGrid g = PlanOverviewGrid(12, 1920, 1080, 0, 0);
  EXPECT_EQ(g.columns, 4);
  EXPECT_EQ(g.rows, 3);
  EXPECT_EQ(g.visible_rows, 3);
  EXPECT_EQ(g.first_row, 0);
  EXPECT_NEAR(g.thumb_height / g.thumb_width, 1080.0f / 1920.0f, 1e-4);
  for (int i = 0; i < 12; ++i) EXPECT_TRUE(g.IsVisible(i)) << i;
  EXPECT_FALSE(g.IsVisible(12));
  Rect last = g.Thumbnail(11);
  EXPECT_LE(last.x1, 1920);
  EXPECT_LE(last.y1, 1080);
}

TEST(OverviewGrid, LongDeckScrollsToTheCursorByWholeRows) {
  OverviewGrid g = PlanOverviewGrid(60, 1920, 1080, 0, 0);
  EXPECT_EQ(g.columns, 6);
  EXPECT_EQ(g.rows, 10);
  ASSERT_LT(g.visible_rows, g.rows);
  EXPECT_EQ(g.first_row, 0);
  g = PlanOverviewGrid(60, 1920, 1080, 59, 0);  // cursor on the last slide
  EXPECT_EQ(g.first_row, g.rows - g.visible_rows);
  EXPECT_TRUE(g.IsVisible(59));
  int kept = g.first_row;
  g = PlanOverviewGrid(60, 1920, 1080, 59 - 6, kept);  // one row up: still visible, no scroll
  EXPECT_EQ(g.first_row, kept);
  g = PlanOverviewGrid(60, 1920, 1080, 0, kept);  // back to the top
  EXPECT_EQ(g.first_row, 0);
}

TEST(OverviewGrid, SlideAtFindsThumbnailsAndLabelsButNotGaps) {
  OverviewGrid g = PlanOverviewGrid(7, 1920, 1080, 0, 0);
  for (int i = 0; i < 7; ++i) {
    Rect t = g.Thumbnail(i);
    EXPECT_EQ(g.SlideAt((t.x0 + t.x1) / 2, (t.y0 + t.y1) / 2), i);
    EXPECT_EQ(g.SlideAt(t.x0 + 1, t.y1 + 5), i);  // on its label
  }
  Rect t = g.Thumbnail(0);
  EXPECT_EQ(g.SlideAt(t.x1 + 2, t.y0 + 10), -1);  // the gap between columns
  EXPECT_EQ(g.SlideAt(0, 0), -1);
  Rect empty = g.Thumbnail(8);  // a cell of the last row with no slide
  EXPECT_EQ(g.SlideAt(empty.x0 + 10, empty.y0 + 10), -1);
}

// A title longer than its thumbnail is cut at a character and ends in "…", so the reader
// sees that it goes on; a short one is left whole.
TEST(Overview, LongTitlesEndInAnEllipsis) {
  const std::vector<std::string> titles = {
      "Short", "博客：最好的题材是上周修的 bug，以及一个很长很长很长很长的副标题",
      "A very long English title that cannot possibly fit under one thumbnail of the grid"};
  OverviewGrid grid = PlanOverviewGrid(static_cast<int>(titles.size()), 1920, 1080, 0, 0);
  OverviewLayers layers = LayoutOverview(test::Fonts(), grid, titles, 0, 0, 1920, 1080);
  const std::string& text = layers.over.text;
  EXPECT_NE(text.find("1   Short"), std::string::npos) << text;
  EXPECT_EQ(text.find("Short\u2026"), std::string::npos);
  EXPECT_NE(text.find("2   博客：最好的"), std::string::npos) << text;
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
  size_t ellipses = 0;
  for (size_t at = text.find("\u2026"); at != std::string::npos; at = text.find("\u2026", at + 1))
    ++ellipses;
  EXPECT_EQ(ellipses, 2u);
  for (const LayoutItem& item : layers.over.items)
    if (item.kind == LayoutItemKind::kGlyphs) EXPECT_LE(item.rect.x1, item.clip.x1 + 0.5f);
}

TEST(Overlays, StatusShowsProgressAndNumber) {
  StatusInfo status;
  status.slide = 4;
  status.slide_count = 10;
  SlideLayout out = LayoutStatusOverlay(test::Fonts(), 1920, 1080, status);
  EXPECT_EQ(out.background, 0u);
  ASSERT_GE(out.items.size(), 3u);
  EXPECT_FLOAT_EQ(out.items[1].rect.x1, 1920 * 0.5f);  // 5 of 10 slides
  bool glyphs = false;
  for (const LayoutItem& item : out.items) glyphs |= item.kind == LayoutItemKind::kGlyphs;
  EXPECT_TRUE(glyphs);
  status.show_number = false;
  EXPECT_EQ(LayoutStatusOverlay(test::Fonts(), 1920, 1080, status).items.size(), 2u);
}

// The panel (items[1], over the dimming backdrop items[0]) and every glyph of it stay on a
// screen of any shape: slides in both design sizes, a presenter window, a phone held upright.
TEST(Overlays, HelpPanelFitsAnyScreen) {
  const KeyHelpLine extra[] = {{"X", "swap the windows", "X", "交换窗口"}};
  for (UiLanguage language : {UiLanguage::kEnglish, UiLanguage::kChinese}) {
    for (auto [width, height] : {std::pair{1920.0f, 1080.0f},
                                 {1440.0f, 1080.0f},
                                 {1136.0f, 710.0f},
                                 {800.0f, 600.0f},
                                 {390.0f, 844.0f}}) {
      SCOPED_TRACE(testing::Message() << width << "x" << height);
      SlideLayout out = LayoutHelpOverlay(test::Fonts(), width, height, language, extra);
      ASSERT_GE(out.items.size(), 3u);
      const Rect& backdrop = out.items[0].rect;
      EXPECT_EQ(backdrop.x0, 0);
      EXPECT_EQ(backdrop.y1, height);
      const Rect& panel = out.items[1].rect;
      EXPECT_EQ(out.items[1].color >> 24, 255u);  // opaque: nothing shows through the keys
      EXPECT_GE(panel.x0, 0);
      EXPECT_LE(panel.x1, width);
      EXPECT_GE(panel.y0, 0);
      EXPECT_LE(panel.y1, height);
      int glyph_items = 0;
      for (size_t i = 2; i < out.items.size(); ++i) {
        const LayoutItem& item = out.items[i];
        if (item.kind != LayoutItemKind::kGlyphs) continue;
        ++glyph_items;
        EXPECT_GE(item.rect.y0, panel.y0);
        EXPECT_LE(item.rect.y1, panel.y1 + 0.5f);
        EXPECT_LE(item.rect.x1, panel.x1 + 0.5f);
      }
      // A title, the close hint, two labels per line: the shared keys and the extra one.
      EXPECT_GE(glyph_items, 2 + 2 * static_cast<int>(KeyHelp().size() + 1));
    }
  }
}

TEST(Overlays, HelpAndPromptSpeakTheDecksLanguage) {
  SlideLayout zh = LayoutHelpOverlay(test::Fonts(), 1920, 1080, UiLanguage::kChinese);
  EXPECT_NE(zh.text.find("快捷键"), std::string::npos) << zh.text;
  EXPECT_NE(zh.text.find("黑屏"), std::string::npos);
  SlideLayout en = LayoutHelpOverlay(test::Fonts(), 1920, 1080);
  EXPECT_NE(en.text.find("black screen"), std::string::npos) << en.text;
  StatusInfo status;
  status.typed_number = "12";
  status.language = UiLanguage::kChinese;
  EXPECT_NE(LayoutStatusOverlay(test::Fonts(), 1920, 1080, status).text.find("跳转到第 12"),
            std::string::npos);
}

TEST(FormatClock, MinutesAndHours) {
  EXPECT_EQ(FormatClock(0), "0:00");
  EXPECT_EQ(FormatClock(7.9), "0:07");
  EXPECT_EQ(FormatClock(754), "12:34");
  EXPECT_EQ(FormatClock(3723), "1:02:03");
  EXPECT_EQ(FormatClock(-65), "-1:05");
  EXPECT_EQ(FormatClock(1.0 / 0.0), "0:00");
}

}  // namespace
}  // namespace podium
