// What every Podium fuzz target shares: the real fonts, loaded once per process (from
// $PODIUM_FONT_DIR or Debian's folders, as deckc does), so layout measures real glyphs.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "common/deck_files.h"
#include "text/font.h"

namespace podium::fuzz {

inline const FontSet& Fonts() {
  static const FontSet* fonts = [] {
    auto* set = new FontSet;  // lives for the process: libFuzzer never returns
    std::string error;
    if (!tools::LoadSystemFonts(set, &error)) {
      std::fprintf(stderr, "fuzz: %s", error.c_str());
      std::abort();
    }
    return set;
  }();
  return *fonts;
}

}  // namespace podium::fuzz
