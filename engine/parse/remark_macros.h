// remark's content classes, `.name[ … ]`, read as the HTML remark makes of them:
//
//   .pull-left[                 <div class="pull-left">
//   - one            →          - one
//   ]                           </div>
//
//   Some .red[words] here       Some <span class="red">words</span> here
//
// A macro that opens a paragraph and closes later (in it or in a later block) is a
// block; one inside running text is inline. Classes may be chained (`.center.large[`).
// The macros become kHtml blocks and spans, so the HTML pass (html_blocks.h) nests the
// Markdown between them and the cascade styles them like any element.
#pragma once

#include <vector>

#include "model/deck.h"

namespace podium::parse {

// Rewrites the macros in `blocks` (and the blocks inside them). Brackets that do not
// open a macro (`[link]`, `a[0]`) are left as they are.
void RewriteRemarkMacros(std::vector<Block>& blocks);

}  // namespace podium::parse
