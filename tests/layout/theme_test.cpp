// Themes: the code palettes stay readable on the code panel and on highlighted lines.
#include "layout/theme.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace podium {
namespace {

// WCAG 2 relative luminance of an opaque IM_COL32 colour (0xAABBGGRR).
double Luminance(uint32_t c) {
  auto channel = [](uint32_t v) {
    double s = v / 255.0;
    return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(c & 0xff) + 0.7152 * channel((c >> 8) & 0xff) +
         0.0722 * channel((c >> 16) & 0xff);
}

double Contrast(uint32_t a, uint32_t b) {
  double la = Luminance(a), lb = Luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// `top` (with its alpha) drawn over opaque `bottom`.
uint32_t Over(uint32_t top, uint32_t bottom) {
  double a = (top >> 24) / 255.0;
  uint32_t out = 0xff000000;
  for (int shift = 0; shift < 24; shift += 8) {
    double v = ((top >> shift) & 0xff) * a + ((bottom >> shift) & 0xff) * (1 - a);
    out |= static_cast<uint32_t>(std::lround(v)) << shift;
  }
  return out;
}

TEST(ThemeTest, CodeColoursHaveContrastOnThePanelAndOnHighlightedLines) {
  for (const char* name : {"default", "dark"}) {
    Theme theme = ThemeNamed(name);
    uint32_t band = Over(theme.code_highlight, theme.code_background);
    for (int k = 0; k < kTokenKindCount; ++k) {
      uint32_t color = theme.code.colors[k];
      std::string what =
          std::string(name) + " " + std::string(TokenKindName(static_cast<TokenKind>(k)));
      EXPECT_EQ(color >> 24, 0xffu) << what << " is opaque";
      EXPECT_GE(Contrast(color, theme.code_background), 4.5) << what;
      EXPECT_GE(Contrast(color, band), 4.5) << what << " on a highlighted line";
    }
    uint32_t inserted = Over(theme.code.inserted_background, theme.code_background);
    uint32_t deleted = Over(theme.code.deleted_background, theme.code_background);
    EXPECT_GE(Contrast(theme.code.Color(TokenKind::kInserted), inserted), 4.5) << name;
    EXPECT_GE(Contrast(theme.code.Color(TokenKind::kDeleted), deleted), 4.5) << name;
  }
}

TEST(ThemeTest, InvertSwapsTheCodePalette) {
  Theme theme = ThemeNamed("default");
  SlideStyle style;
  style.classes = {"invert"};
  ApplySlideStyle(style, &theme);
  EXPECT_EQ(theme.code.Color(TokenKind::kKeyword),
            ThemeNamed("dark").code.Color(TokenKind::kKeyword));
}

}  // namespace
}  // namespace podium
