// Line breaking (UAX #14, Unicode 15.0) and the character classes the layout asks about.
//
//   std::u32string text = podium::DecodeUtf8(bytes).text;
//   std::vector<podium::BreakAction> breaks = podium::FindLineBreaks(text);
//   // breaks[i] != kNone: a line may end after text[i]; kMandatory: a line must end there.
//
// FindLineBreaks implements the default UAX #14 algorithm, rules LB1–LB31, with the
// number tailoring of UAX #14 Example 7 (the one LineBreakTest.txt assumes). Choices:
//   - LB1: AI, SG, XX → AL; SA → CM (marks) or AL; CJ → NS. CJ → NS is the UAX #14
//     default; it matches CSS `line-break: strict` for Japanese small kana, which Chinese
//     text does not contain. Everything else is the UAX #14 default, i.e. CSS "normal".
//     There is no dictionary for Thai, Lao, Khmer or Myanmar (SA): those runs break only
//     at spaces.
//   - Tailoring (Podium): no break between two PR characters, so "C++" and "++i" stay
//     whole ("C+" / "+" is never a good line).
// Chinese typesetting falls out of the classes: a break is allowed between two ideographs;
// closing punctuation (，。、：；！？）」』】》 are CL, NS or EX) never starts a line, and
// opening punctuation (（「『【《 are OP) never ends one.
//
// The data comes from the Unicode Character Database at build time
// (tools/gen_unicode_tables.py). Functions are pure and thread-safe; FindLineBreaks
// allocates only its result.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace podium {

enum class BreakAction : uint8_t {
  kNone,       // the line must not end after this character
  kAllowed,    // the line may end after this character
  kMandatory,  // the line must end after this character (BK, CR, LF, NL, end of text)
};

// For each code point i: may a line break after text[i]? The result has text.size()
// entries; the last one is kMandatory (end of text). Empty text gives an empty result.
// A CR LF pair breaks after the LF. Code points need not be valid (unpaired surrogates and
// values above U+10FFFF are treated as unknown, class AL).
std::vector<BreakAction> FindLineBreaks(std::u32string_view text);

// Chinese, Japanese or Korean: Han, Hiragana, Katakana, Hangul and Bopomofo letters, CJK
// symbols and punctuation (U+3000..U+303F and friends), radicals, enclosed and compatibility
// forms, halfwidth and fullwidth forms. The layout puts a thin gap between CJK and Latin
// text and drops a soft line break between two CJK characters instead of making it a space.
bool IsCjk(char32_t c);

// East_Asian_Width is W (wide) or F (fullwidth): takes two columns in a monospace grid.
bool IsWide(char32_t c);

// Whitespace that hangs past the end of a line when the line breaks after it, and is not
// measured there: U+0020, TAB, U+3000 IDEOGRAPHIC SPACE and the other space separators
// (Zs) except the no-break ones (U+00A0, U+2007, U+202F).
bool IsSpace(char32_t c);

// The Unicode version of the tables, e.g. "15.0.0".
std::string_view UnicodeVersion();

}  // namespace podium
