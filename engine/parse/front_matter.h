// Front matter: the `---` … `---` block at the very top of a deck.
//
//   ---
//   title: Rust in production
//   theme: dark
//   duration: 20min
//   ---
//
// FindFrontMatter only finds the block; ApplyFrontMatter (directives.h) gives its keys
// their meaning. The opening `---` is front matter only when the first line inside that is
// neither blank nor a comment reads `key: value` (or nothing at all is inside); otherwise it
// is the deck's first separator, as in `---` / `# One` / `---`. An opening without a closing `---`
// is reported (kUnterminatedFrontMatter) and the `key: value` lines right under it are still read,
// so the deck keeps its settings.
#pragma once

#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "parse/scan.h"
#include "parse/source_text.h"

namespace podium::parse {

struct FrontMatterBlock {
  bool present = false;
  ByteRange yaml;         // the lines between the fences
  size_t body_begin = 0;  // where the slides start
};

FrontMatterBlock FindFrontMatter(const SourceText& src, std::vector<Diagnostic>& diagnostics);

}  // namespace podium::parse
