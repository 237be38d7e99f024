// `deckc build`: a deck, its images and the fonts it draws with, packed with the browser
// player into something to share — one HTML file that presents from file:// with no network,
// or a static folder for any web host.
//
//   tools::LoadedDeck loaded;  tools::LoadDeckFile("talk.md", &loaded);
//   std::vector<SlideLayout> layouts = LayoutDeck(loaded.deck, {&fonts, &loaded.images}, &diags);
//   tools::BuildOptions options;
//   options.output = "talk.html";                // or "site/": a folder
//   options.player_dir = "build-web/web/player";   // tools/build_web.sh's output
//   tools::BuildSummary summary;  std::string error;
//   if (!tools::BuildDeck(loaded, layouts, fonts, options, &summary, &error)) die(error);
//
// What goes in: the player's page (index.html, page.css, page.js), podium.js and
// podium.wasm as built; the deck's text; every image the deck names, read by the same
// deck-folder loader as every other command (only inside the deck's folder: absolute paths,
// `..` out of it and URLs are refused, and a refused or missing image travels as its status,
// so the page draws the placeholder and warns as it does for a served deck); the fonts,
// subset with HarfBuzz's subsetter to the code points the deck can draw (below).
//
// One file: the page with page.css, podium.js and page.js inline and a
// <script type="application/json" id="podium-embedded"> manifest holding every other byte in
// base64 (page.js hands podium.wasm to Emscripten as `wasmBinary` and reads deck, images and
// fonts from it instead of fetching). A Content-Security-Policy in the page forbids every
// request (connect-src 'none', no remote scripts, styles, images or fonts), so no byte
// leaves the file. A folder: the same manifest without the bytes, and the files beside it.
//
// Code points kept: every character of the deck's source (slides and notes), printable
// ASCII, the player's own strings (help overlay, notices, the presenter view's table in
// English and Chinese), and the characters behind every glyph the native layout placed
// (bullets, entities, formula symbols and their size variants) — each face keeping those it
// would draw under FontSet::Resolve's fallback order, so the player resolves every character
// to the same face as the full fonts. Fallback faces (CJK, Symbola, Latin Modern Math) go in
// only when the deck draws with them.
//
// Contracts: BuildDeck borrows everything and keeps nothing. It never writes to the deck or
// its folder's files (an output that is the deck, or a folder holding it, is refused), and
// a failed build leaves the previous output untouched: a file is written to a temporary
// name and renamed; a folder is assembled beside the old one and swapped in, and an existing
// folder is replaced only when it is empty or an earlier build. Errors come back as `false`
// plus a message; nothing throws (except std::bad_alloc).
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "common/deck_files.h"
#include "layout/slide_layout.h"
#include "text/font.h"

namespace podium::tools {

struct BuildOptions {
  std::string output;  // a file (one HTML), or a folder: an existing one or a path ending in '/'
  std::string
      player_dir;  // the built player: index.html, page.css, page.js, podium.js, podium.wasm
};

struct BuildSummary {
  bool folder = false;      // the output is a folder
  size_t bytes = 0;         // the HTML file, or all files of the folder
  size_t engine_bytes = 0;  // podium.js + podium.wasm, before the one file deflates them
  size_t font_bytes = 0;    // the font subsets, raw
  size_t image_bytes = 0;
  int fonts = 0;             // faces shipped
  int glyph_codepoints = 0;  // code points asked of the subsetter
  int images = 0;            // images shipped (missing or refused ones are not counted)
};

// True when `output` names a folder: it ends in '/' or is an existing directory.
bool IsFolderOutput(const std::string& output);

// The code points the deck can draw (see the header comment), with the player's strings.
// `source` is the deck's text as read.
std::set<char32_t> DeckCodepoints(std::string_view source, const std::vector<SlideLayout>& layouts,
                                  const FontSet& fonts);

// One face of a font file (a collection too) cut down to `codepoints` with libharfbuzz-subset:
// only the kern feature of the layout tables, the MATH table and the glyphs its variants and
// assemblies need, no hinting, names 0–6. Empty with *error on failure.
std::vector<uint8_t> SubsetFont(std::span<const uint8_t> file, int collection_index,
                                const std::set<char32_t>& codepoints, std::string* error);

bool BuildDeck(const LoadedDeck& loaded, const std::vector<SlideLayout>& layouts,
               const FontSet& fonts, const BuildOptions& options, BuildSummary* summary,
               std::string* error);

}  // namespace podium::tools
