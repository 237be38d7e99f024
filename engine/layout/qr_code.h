// QR codes drawn by the engine (libqrencode): the `qr:` directive puts a scannable link
// to where the deck is published in the corner of a slide.
//
//   LayoutBox box = MakeQrBox("https://example.com/talk", 200);   // 200 × 200 design px
//   if (box.items.empty()) …the text was too long to encode…
//
// Dark modules on a white card with the quiet zone the standard asks for (4 modules), so
// phones read it on a dark theme too. The box's origin is its top-left corner (ascent 0).
#pragma once

#include <string_view>

#include "layout/slide_layout.h"

namespace podium {

LayoutBox MakeQrBox(std::string_view text, float size);

}  // namespace podium
