// The HTML pass: a slide's raw HTML and the Markdown between it become one tree, as a
// browser builds it from markdown-it's output.
//
//   <div class="grid grid-cols-2">        kElement div (grid, two columns)
//                                           ├── heading "Left"
//   ## Left                                 └── paragraph "Right"
//
//   Right
//
//   </div>
//
// The block pass (markdown_blocks) leaves raw HTML blocks as kHtml blocks and inline tags
// as kHtml spans. Here each list of blocks with kHtml among it is written out as one HTML
// text — the raw HTML as it is, every Markdown block as an empty placeholder element of
// its kind (`<p data-podium="3"></p>`) — and parsed by the HTML5 parser (html/html_tree.h),
// so tags open in one HTML block and closed in a later one nest the Markdown between
// them, and bad nesting is repaired as browsers repair it. The tree is then read back into
// blocks: placeholders are the original blocks, elements are headings, paragraphs, lists,
// tables, code, or boxes (kElement) with the style html/html_style.h computes. Inline tags
// are resolved the same way inside each paragraph, heading and table cell.
//
// Scripts, iframes and the like are left out with a warning at their line; unknown
// elements show their content with a warning; CSS Podium does not draw is reported.
#pragma once

#include <vector>

#include "model/deck.h"

namespace podium::parse {

// Runs the pass over every slide of `deck`, after its directives are resolved (a slide's
// classes are its <section>'s). The deck's style sheets — front matter `style:` and every
// <style> — style all slides; a <style scoped> only its own. Slide titles and steps are
// brought up to date.
void ResolveDeckHtml(Deck& deck, std::vector<Diagnostic>& diagnostics);

// Keeps the first kCssNotSupported and kHtmlUnknownElement of each kind in a deck's
// sorted diagnostics: a class used on every slide is one warning, where it is first used.
void DropRepeatedStyleWarnings(std::vector<Diagnostic>& diagnostics);

}  // namespace podium::parse
