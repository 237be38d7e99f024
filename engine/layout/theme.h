// Themes: colours, type scale and spacing of a slide, in design pixels (1920×1080 space).
//
//   Theme theme = ThemeNamed(deck.meta.theme);          // "default" | "dark"
//   ApplySlideStyle(slide.style, &theme);                 // class invert, colour directives
//
// Colours are packed as Dear ImGui's ImU32 (IM_COL32: 0xAABBGGRR).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "model/color.h"  // ParseColor, for the theme's users
#include "model/deck.h"
#include "text/highlight/highlight.h"

namespace podium {

// Colours of highlighted code: one per token kind, and the bands behind diff lines. Each
// colour has a contrast of at least 4.5:1 on its theme's code_background and code_highlight
// (checked by tests/layout/theme_test.cpp).
struct CodePalette {
  uint32_t colors[kTokenKindCount] = {};
  uint32_t inserted_background = 0;  // behind a diff's + lines
  uint32_t deleted_background = 0;   // behind a diff's - lines

  uint32_t Color(TokenKind kind) const { return colors[static_cast<int>(kind)]; }
};

struct Theme {
  // Colours.
  uint32_t background;
  uint32_t text;
  uint32_t heading;
  uint32_t accent;          // links, bullets, the h1 rule
  uint32_t muted;           // header, footer, page number
  uint32_t code_background;
  uint32_t code_text;
  uint32_t code_dim;        // lines outside a highlight
  uint32_t code_highlight;  // background of highlighted lines
  uint32_t inline_code_background;
  uint32_t quote_bar;
  uint32_t quote_text;
  uint32_t rule;            // table rules
  uint32_t table_header_background;
  uint32_t placeholder;     // missing images, source boxes
  uint32_t error;
  CodePalette code;         // syntax highlighting in code blocks

  // Type scale (pixel size of an em) and spacing.
  float body_size = 44;  // Marp's 29 px at 1280 wide
  float heading_size[6] = {84, 64, 54, 48, 44, 40};
  float code_size = 34;
  float small_size = 24;     // header, footer, page number
  float line_height = 1.4f;  // multiple of the font size
  float heading_line_height = 1.15f;
  float paragraph_gap = 0.6f;  // multiple of body_size between blocks
  float margin_x = 120;
  float margin_top = 96;
  float margin_bottom = 96;
  float list_indent = 56;
  float code_padding = 28;
  float rounding = 14;
};

Theme ThemeNamed(std::string_view name);  // unknown names give the default theme
bool IsKnownTheme(std::string_view name);

// Applies a slide's class (`invert` swaps to the dark palette, `lead` is handled by layout)
// and its color/backgroundColor directives.
void ApplySlideStyle(const SlideStyle& style, Theme* theme);

}  // namespace podium
