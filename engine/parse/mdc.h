// MDC attributes (Slidev decks with `mdc: true`): `{.class #id}` after an element gives it
// classes, as Nuxt's MDC syntax does.
//
//   # Title{.text-red}            the heading, in a box of class text-red
//   ![](logo.png){.w-30.mt-4}     the picture, as <img class="w-30 mt-4">
//   [some words]{.op50}           <span class="op50">some words</span>
//   **bold**{.text-blue}          the bold run in a span of class text-blue
//
// The attributes become kHtml blocks and spans, so the HTML pass styles them like any
// element. Other attributes (`v-after`, `key=value`) are kept on the element.
#pragma once

#include <vector>

#include "model/deck.h"

namespace podium::parse {

void ReadMdcAttributes(std::vector<Block>& blocks);

}  // namespace podium::parse
