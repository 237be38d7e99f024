// Marp's image keywords: words in an image's alt text that size it or make it a background.
//
//   ![w:320 h:200](a.png)           inline, 320×200 design pixels
//   ![width:50%](a.png)             half the slide's width (stored as -0.5)
//   ![bg contain](a.png)            background, letterboxed; also cover (default), fit,
//                                   auto, stretch, and a zoom such as 150%
//   ![bg left:30%](a.png)           split slide: the image takes the left 30%
//
// Words that are not keywords stay alt text. Marp's image filters (blur, sepia, …) and
// `vertical` are accepted and ignored; any other `word:value` warns kUnknownImageKeyword.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/deck.h"

namespace podium::parse {

struct ImageKeywords {
  bool background = false;
  Background bg;    // fit, split, split_fraction, zoom (the caller sets src and pos)
  ImageSize size;   // inline images
  std::string alt;  // the words that were not keywords, joined by single spaces
};

ImageKeywords ReadImageKeywords(std::string_view alt, SourcePos pos,
                                std::vector<Diagnostic>& diagnostics);

}  // namespace podium::parse
