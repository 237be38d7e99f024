// DeckVersion: one version of the deck file as podium shows it — parsed, images loaded,
// every slide laid out — and the rule that decides whether a save replaces what is shown.
//
//   DeckVersion shown = LoadDeckVersion("talk.md", fonts);
//   … the file changed …
//   DeckVersion next = LoadDeckVersion("talk.md", fonts);
//   std::vector<std::string> problems;
//   if (!BreaksDeck(next, shown, &problems)) shown = std::move(next);   // else keep `shown`
//   presenter.problems = problems;                                    // the red banner
//
// A save breaks the deck when the file cannot be read, when it has no slides any more, or
// when it has an error (`deckc check`'s errors: parse errors, missing images, overflow) that
// the shown version did not have — compared by message, not position, since edits move
// lines. So a deck that starts with a known error can still be edited, and a half-written
// file (an editor saving in steps) never replaces good slides.
#pragma once

#include <string>
#include <vector>

#include "common/deck_files.h"
#include "layout/slide_layout.h"
#include "model/deck.h"
#include "text/font.h"

namespace podium::native {

struct DeckVersion {
  tools::LoadedDeck loaded;           // deck, images, path; readable == false: see read_error
  std::vector<SlideLayout> layouts;   // one per slide; one empty slide for a deck without any
  std::vector<Diagnostic> diagnostics;  // parse, images and layout, sorted by position
  DesignSize design;
  uint32_t accent = 0;                // the theme's accent (progress bar)
};

// Reads, parses and lays out `path`. Never throws.
DeckVersion LoadDeckVersion(const std::string& path, const FontSet& fonts);

// The errors of a version as "file:line:col: error: …" lines.
std::vector<std::string> FormatErrors(const DeckVersion& version);

// True when `candidate` must not replace `shown` (see above); `problems` gets the lines to
// show either way: the new problems when it breaks, else the candidate's own errors.
bool BreaksDeck(const DeckVersion& candidate, const DeckVersion& shown,
                std::vector<std::string>* problems);

}  // namespace podium::native
