// Raw HTML as the parser meets it, cut into comments, line breaks, other tags and text.
//
//   for (const HtmlPart& p : SplitHtml("<!-- note --><br>hi")) …
//     → kComment (body " note "), kLineBreak, kText "hi"
//
// Podium never executes HTML: comments become notes or directives, `<br>` a line break,
// and other tags are dropped (or, as whole HTML blocks, kept as text for layout to show
// or ignore). An unclosed comment runs to the end of the text.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace podium::parse {

enum class HtmlPartKind { kText, kComment, kLineBreak, kTag };

struct HtmlPart {
  HtmlPartKind kind = HtmlPartKind::kText;
  size_t begin = 0;  // the whole part: [begin, end)
  size_t end = 0;
  size_t body_begin = 0;  // comments: the text between `<!--` and `-->`
  size_t body_end = 0;
};

std::vector<HtmlPart> SplitHtml(std::string_view html);

// True when `html` is only `<br>` tags and blanks (spacing in Slidev and Marp decks).
bool IsOnlyLineBreaks(std::string_view html);

}  // namespace podium::parse
