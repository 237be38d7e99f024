// The TeX names the math parser knows: symbols, named operators, accents, spaces and
// delimiters, each with its Unicode character and TeX atom class. One table per kind in
// tex_symbols.cpp; adding a symbol is adding a row.
#pragma once

#include <string_view>

#include "math/tex_parse.h"

namespace podium {

struct TexSymbol {
  std::string_view name;  // without the backslash
  char32_t cp;
  MathAtom atom;
  MathLimits limits = MathLimits::kNever;  // big operators
};

// \alpha, \leq, \sum, \{ … (name without the backslash); null when unknown.
const TexSymbol* FindTexSymbol(std::string_view name);

// \sin, \lim, \max …: the text drawn and whether limits go above/below in display style.
struct TexOperatorName {
  std::string_view name;
  std::string_view text;
  MathLimits limits;
};
const TexOperatorName* FindTexOperatorName(std::string_view name);

// \hat, \vec, \widehat …: the combining character and whether it stretches to the base.
struct TexAccent {
  std::string_view name;
  char32_t cp;
  bool stretchy;
};
const TexAccent* FindTexAccent(std::string_view name);

// \, \quad \! …: width in mu (18 mu = 1 em). False when `name` is not a space.
bool FindTexSpace(std::string_view name, float* mu);

// A delimiter after \left, \right or \big: "(" "\\{" "\\langle" "." …. Sets *cp (0 for
// ".") and returns the bytes consumed from `text`, or 0 when none starts there.
size_t ReadTexDelimiter(std::string_view text, char32_t* cp);

// The class of a character typed in a formula: '+' bin, '=' rel, '(' open, 'x' ord, '≤'
// rel …. `cp` is the character as drawn ('-' comes back as U+2212 through *drawn).
MathAtom AtomOfCharacter(char32_t cp, char32_t* drawn);

}  // namespace podium
