// The fonts the tests lay out and draw with: Debian's Inter, JetBrains Mono and Noto Sans
// CJK, loaded once per test binary.
#pragma once

#include "text/font.h"

namespace podium::test {

const FontSet& Fonts();

}  // namespace podium::test
