// ParseDeck: Markdown text → Deck model.
//
//   podium::Deck deck = podium::ParseDeck(text);
//   for (const auto& d : deck.diagnostics) puts(FormatDiagnostic("talk.md", d).c_str());
//
// Never fails: any input, even binary garbage, yields a Deck (possibly with zero slides)
// plus diagnostics with line:col positions (column in bytes of the file as given), sorted
// by position. Invalid UTF-8 and NUL bytes are replaced with U+FFFD, a warning each for the
// first 20 and one more counting the rest; CRLF, lone CR and a UTF-8 byte order mark are
// fine. A file that is not text (NULs or control bytes in its first kilobyte, a PNG/PDF/ZIP
// signature, UTF-16, a legacy encoding) gives one kBinaryInput error and no slides. The
// returned Deck owns all its data; `source` is not referenced after the call.
//
// What is recognised (see decks/tutorial.md for the user's view; tests/parse/spec/*.md
// for every case):
//   front matter       a `---` … `---` block at the very top whose first line is `key:`
//                      (YAML subset); Marp, Slidev and reveal-md keys accepted
//   slide separator    a thematic break (`---`, `***`, `___`) at top level, as md4c sees
//                      it: never inside code fences, HTML blocks or list items, nor a
//                      setext underline; Slidev's per-slide header (`---` / key: value lines
//                      / `---`) is read as local directives (`hide: true` drops the slide).
//                      No empty slide before the first or after the last separator.
//   notes              remark `???`, reveal.js `Note:`/`Notes:` (any case), HTML comments
//                      that are not directives (Marp, Slidev)
//   directives         `<!-- key: value -->` (from this slide on), `<!-- _key: value -->`
//                      (this slide only); deck keys (theme, size, …) anywhere; the same
//                      keys in the front matter; reveal.js `<!-- .slide: … -->`
//   remark             `class: center, middle` lines at the top of a slide, `exclude`,
//                      `--` increments (what follows appears one step later)
//   steps              Marp fragmented lists (`*` bullets and `1)` ordered lists), reveal.js
//                      `<!-- .element: class="fragment" -->`, remark `--`
//   images             size words and `bg` in the alt text (parse/image_keywords.h)
//   code               ```lang {2,4-5}```, ```lang {1|2-3|all}```, {lines:true}, reveal's
//                      [1-2|3]; mermaid → kDiagram, math → kMath
//   math               $…$ inline spans (not `$5 and $10`), $$…$$ display blocks
//   inline HTML        never executed: `<br>` is a line break, other tags are dropped
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

#include "model/deck.h"

namespace podium {

// Runs body(0) … body(count - 1), each once, in any order and on any threads, and returns
// when all have run. The bodies the parser passes touch disjoint data. The engine itself is
// single-threaded (the browser build has no threads); the native tools pass a thread pool.
using ForEachIndex = std::function<void(size_t count, const std::function<void(size_t)>& body)>;

// With `for_each`, the slides' Markdown is read through it; the Deck is the same either way.
Deck ParseDeck(std::string_view source, const ForEachIndex& for_each = {});

}  // namespace podium
