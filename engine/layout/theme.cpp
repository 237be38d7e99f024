#include "layout/theme.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>

namespace podium {
namespace {

constexpr uint32_t Rgb(uint32_t hex, uint32_t alpha = 255) {
  return ((hex >> 16) & 0xff) | (hex & 0xff00) | ((hex & 0xff) << 16) | (alpha << 24);
}

// Syntax colours after GitHub's light theme (Primer "prettylights"), on the slate panel.
CodePalette LightCodePalette() {
  CodePalette p;
  auto set = [&](TokenKind kind, uint32_t hex) { p.colors[static_cast<int>(kind)] = Rgb(hex); };
  set(TokenKind::kPlain, 0x1e293b);
  set(TokenKind::kKeyword, 0xcf222e);
  set(TokenKind::kType, 0x953800);
  set(TokenKind::kBuiltin, 0x0550ae);
  set(TokenKind::kConstant, 0x0550ae);
  set(TokenKind::kString, 0x0a3069);
  set(TokenKind::kEscape, 0x116329);
  set(TokenKind::kRegex, 0x116329);
  set(TokenKind::kNumber, 0x0550ae);
  set(TokenKind::kComment, 0x57606a);
  set(TokenKind::kOperator, 0xcf222e);
  set(TokenKind::kPunctuation, 0x1e293b);
  set(TokenKind::kFunction, 0x8250df);
  set(TokenKind::kAttribute, 0x6639ba);
  set(TokenKind::kTag, 0x116329);
  set(TokenKind::kProperty, 0x0550ae);
  set(TokenKind::kVariable, 0x953800);
  set(TokenKind::kInserted, 0x116329);
  set(TokenKind::kDeleted, 0x82071e);
  set(TokenKind::kHeading, 0x0550ae);
  set(TokenKind::kStrong, 0x1e293b);
  set(TokenKind::kEmphasis, 0x953800);
  set(TokenKind::kLink, 0x0550ae);
  p.inserted_background = Rgb(0xdafbe1);
  p.deleted_background = Rgb(0xffebe9);
  return p;
}

// After GitHub's dark theme, with keywords and comments a little lighter so that they keep
// 4.5:1 on the highlighted-line band too.
CodePalette DarkCodePalette() {
  CodePalette p;
  auto set = [&](TokenKind kind, uint32_t hex) { p.colors[static_cast<int>(kind)] = Rgb(hex); };
  set(TokenKind::kPlain, 0xe2e8f0);
  set(TokenKind::kKeyword, 0xff8e86);
  set(TokenKind::kType, 0xffa657);
  set(TokenKind::kBuiltin, 0x79c0ff);
  set(TokenKind::kConstant, 0x79c0ff);
  set(TokenKind::kString, 0xa5d6ff);
  set(TokenKind::kEscape, 0x7ee787);
  set(TokenKind::kRegex, 0x7ee787);
  set(TokenKind::kNumber, 0x79c0ff);
  set(TokenKind::kComment, 0xa0aec0);
  set(TokenKind::kOperator, 0xff8e86);
  set(TokenKind::kPunctuation, 0xe2e8f0);
  set(TokenKind::kFunction, 0xd2a8ff);
  set(TokenKind::kAttribute, 0xd2a8ff);
  set(TokenKind::kTag, 0x7ee787);
  set(TokenKind::kProperty, 0x79c0ff);
  set(TokenKind::kVariable, 0xffa657);
  set(TokenKind::kInserted, 0xaff5b4);
  set(TokenKind::kDeleted, 0xffdcd7);
  set(TokenKind::kHeading, 0x79c0ff);
  set(TokenKind::kStrong, 0xe2e8f0);
  set(TokenKind::kEmphasis, 0xffa657);
  set(TokenKind::kLink, 0x79c0ff);
  p.inserted_background = Rgb(0x2ea043, 0x40);
  p.deleted_background = Rgb(0xf85149, 0x40);
  return p;
}

Theme DefaultTheme() {
  Theme t;
  t.background = Rgb(0xffffff);
  t.text = Rgb(0x1f2937);
  t.heading = Rgb(0x0f172a);
  t.accent = Rgb(0x2563eb);
  t.muted = Rgb(0x64748b);
  t.code_background = Rgb(0xf1f5f9);
  t.code_text = Rgb(0x1e293b);
  t.code_dim = Rgb(0x1e293b, 90);
  t.code_highlight = Rgb(0xfef3c7);
  t.inline_code_background = Rgb(0xe2e8f0);
  t.quote_bar = Rgb(0x93c5fd);
  t.quote_text = Rgb(0x475569);
  t.rule = Rgb(0xcbd5e1);
  t.table_header_background = Rgb(0xf1f5f9);
  t.placeholder = Rgb(0x94a3b8);
  t.error = Rgb(0xdc2626);
  t.code = LightCodePalette();
  return t;
}

Theme DarkTheme() {
  Theme t = DefaultTheme();
  t.background = Rgb(0x0f172a);
  t.text = Rgb(0xe2e8f0);
  t.heading = Rgb(0xf8fafc);
  t.accent = Rgb(0x60a5fa);
  t.muted = Rgb(0x94a3b8);
  t.code_background = Rgb(0x1e293b);
  t.code_text = Rgb(0xe2e8f0);
  t.code_dim = Rgb(0xe2e8f0, 90);
  t.code_highlight = Rgb(0x334155);
  t.inline_code_background = Rgb(0x334155);
  t.quote_bar = Rgb(0x3b82f6);
  t.quote_text = Rgb(0xcbd5e1);
  t.rule = Rgb(0x475569);
  t.table_header_background = Rgb(0x1e293b);
  t.placeholder = Rgb(0x64748b);
  t.error = Rgb(0xf87171);
  t.code = DarkCodePalette();
  return t;
}

}  // namespace

Theme ThemeNamed(std::string_view name) {
  if (name == "dark" || name == "invert") return DarkTheme();
  return DefaultTheme();
}

bool IsKnownTheme(std::string_view name) { return name == "default" || name == "dark"; }

void ApplySlideStyle(const SlideStyle& style, Theme* theme) {
  bool invert = std::find(style.classes.begin(), style.classes.end(), "invert") != style.classes.end();
  if (invert) {
    Theme dark = DarkTheme();
    Theme light = DefaultTheme();
    // Swap palettes, keep sizes: an inverted dark slide becomes light.
    bool is_dark = theme->background == dark.background;
    Theme palette = is_dark ? light : dark;
    palette.body_size = theme->body_size;
    std::copy(std::begin(theme->heading_size), std::end(theme->heading_size), palette.heading_size);
    palette.code_size = theme->code_size;
    *theme = palette;
  }
  if (auto c = ParseColor(style.background_color)) theme->background = *c;
  if (auto c = ParseColor(style.color)) {
    theme->text = *c;
    theme->heading = *c;
    // Inline code chips follow the text colour, so white text on a photo stays readable.
    theme->inline_code_background = (*c & 0x00ffffff) | (0x38u << 24);
  }
}

}  // namespace podium
