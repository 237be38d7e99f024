// The info string of a fenced code block: language, line highlights, line numbers.
//
//   ```python {2,4-5}          one highlight step: lines 2 and 4–5
//   ```js {1|2-3|all}          three steps; `all` (or `*`) highlights every line
//   ```ts {2} {lines:true}     Slidev options: lines:true shows line numbers
//   ```js [1-2|3]              reveal.js form; it also turns line numbers on
//
// A spec that cannot be read warns kBadHighlightSpec and is dropped; the language stays.
#pragma once

#include <string_view>
#include <vector>

#include "model/deck.h"

namespace podium::parse {

CodeInfo ReadCodeInfo(std::string_view info, SourcePos pos, std::vector<Diagnostic>& diagnostics);

}  // namespace podium::parse
