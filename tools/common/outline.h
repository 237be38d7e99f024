// The outline of a deck, as `deckc outline` prints it.
//
// JSON form (stable: editors and scripts build on it):
//   {"title": "…", "slides": [{"index": 1, "line": 7, "title": "…", "steps": 1, "notes": "…"}]}
// `index` is 1-based, `line` the slide's first source line, `steps` its views.
//
// With a rehearsal (`rehearsed`: seconds per slide from `<deck>.rehearsal.json`, see
// rehearsal.h), every slide object gains one field, `"rehearsed_seconds"`: the seconds the
// rehearsal spent on it, or null for a slide the rehearsal did not reach (added since); the
// text form shows them as "rehearsed 0:42" and a total. Without one nothing changes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/deck.h"

namespace podium::tools {

// `rehearsed` may be null (no rehearsal file).
std::string OutlineText(const Deck& deck, const std::vector<double>* rehearsed = nullptr);
std::string OutlineJson(const Deck& deck, const std::vector<double>* rehearsed = nullptr);

// A JSON string literal for `text` (quotes included; UTF-8 passes through).
std::string JsonString(std::string_view text);

}  // namespace podium::tools
