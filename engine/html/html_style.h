// Styles of HTML elements: what a browser's default style sheet, the common utility
// classes of Slidev decks (UnoCSS/Windi/Tailwind, with Tailwind's scales and palette) and
// an inline `style="…"` give an element.
//
//   ElementStyle s = StyleOf(node);          // <div class="grid grid-cols-2 gap-4">
//   s.box.display == Display::kGrid;  s.box.columns == {1, 1};  s.box.gap == 16
//   StyleOf(<span style="color: tomato">).look.color == "tomato"
//
// Order: tag defaults, then utility classes, then the deck's style sheets and the inline
// style by the cascade's rules.
// What is not understood is listed in `unsupported` ("CSS property 'transform'", "class
// 'my-theme-box'"), for `check` to report once per deck.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "html/css.h"
#include "html/html_tree.h"
#include "model/deck.h"

namespace podium::html {

struct ElementStyle {
  BoxStyle box;
  InlineStyle look;
  uint8_t span_style = kStyleNone;  // SpanStyle flags: <b>, <em>, font-weight: bold, …
  bool code = false;                // <code>, <kbd>, <samp>: monospace
  bool fragment = false;            // reveal.js class="fragment", Slidev v-click
  std::vector<std::string> unsupported;
};

// With a cascade, the deck's style sheets apply too (between the classes and the inline
// style, ordered as css.h says), and var() is resolved.
ElementStyle StyleOf(const HtmlNode& element, const Cascade* cascade = nullptr);

// Tailwind's colour `name-shade` ("red-500", "slate-800") as #rrggbb, or "" when unknown.
std::string TailwindColor(std::string_view name);

// A CSS length in CSS pixels: 12px, 1.5em/rem (× 16), 50% (→ −0.5), 0; nullopt otherwise.
std::optional<float> ParseCssLength(std::string_view value);

}  // namespace podium::html
