// Layout: a Deck's slide + theme + fonts + image sizes → SlideLayout in design units.
//
//   LayoutContext ctx{&fonts, &images};
//   std::vector<Diagnostic> diagnostics;
//   SlideLayout slide = LayoutSlide(deck, 3, ctx, &diagnostics);
//
// Content that does not fit is laid out again at smaller sizes, down to kMinFitScale; what
// still does not fit is reported (kSlideOverflow, with how many pixels) and clipped at the
// slide's edge by the drawer. Characters no font has are reported (kMissingGlyph) and left
// out. Layout never reads files: images must already be in the ImageStore (a missing entry
// is drawn as a placeholder).
#pragma once

#include <vector>

#include "layout/images.h"
#include "layout/slide_layout.h"
#include "layout/theme.h"
#include "model/deck.h"
#include "text/font.h"

namespace podium {

inline constexpr float kMinFitScale = 0.6f;

struct LayoutContext {
  const FontSet* fonts = nullptr;
  const ImageStore* images = nullptr;  // may be null: every image is a placeholder
  // false: a slide that overflows at full size is laid out once more, at the floor, instead
  // of searched for the largest scale that fits (about 6 layouts). The characters, glyphs
  // and diagnostics are the same, only the sizes differ: for `deckc build`, which ships
  // the deck and the glyphs it needs, not the layout.
  bool search_fit = true;
};

SlideLayout LayoutSlide(const Deck& deck, int slide_index, const LayoutContext& context,
                        std::vector<Diagnostic>* diagnostics);

// Every slide; diagnostics of all slides appended in slide order.
std::vector<SlideLayout> LayoutDeck(const Deck& deck, const LayoutContext& context,
                                    std::vector<Diagnostic>* diagnostics);

}  // namespace podium
