// Slidev's slots: `::right::`, `::left::`, `::default::` lines split a slide's content
// among the regions of its layout.
//
//   ---
//   layout: two-cols            kElement grid (two equal columns)
//   ---                           ├── element <div> slot default: "# Left side"
//   # Left side                   └── element <div> slot right:   "Right side"
//   ::right::
//   Right side
//
// `two-cols` puts the default and `left` slots in the left column and `right` in the right
// one; `two-cols-header` puts the default slot above both columns. In other layouts the
// markers are taken out and the content stays in order, with a warning.
#pragma once

#include <string_view>
#include <vector>

#include "model/deck.h"

namespace podium::parse {

// Rewrites `blocks` for the slide's `layout` (Slidev's layout name, "" for none); slot
// markers in a layout without slots are reported in `diagnostics`.
void ArrangeSlidevSlots(std::string_view layout, std::vector<Block>& blocks,
                        std::vector<Diagnostic>& diagnostics);

}  // namespace podium::parse
