// UAX #14 line breaking. Index:
//   [SECTION] Property lookup   generated tables, binary search, a one-range cache
//   [SECTION] Pair rules        LB4–LB31 for one boundary, given the context before it
//   [SECTION] FindLineBreaks    the scan that keeps that context
//   [SECTION] Character classes IsCjk, IsWide, IsSpace
//
// The rules are evaluated in the order of UAX #14 for each boundary, with a few values of
// context instead of regular expressions, so one pass over the text suffices and nothing is
// allocated besides the result.
#include "text/linebreak.h"

#include <algorithm>
#include <initializer_list>
#include <iterator>

#include "podium_unicode_tables.inc"

namespace podium {
namespace {

using namespace unicode_data;

//-----------------------------------------------------------------------------
// [SECTION] Property lookup
//-----------------------------------------------------------------------------

// The range holding c (c <= U+10FFFF): its entry in kPropertyRanges.
const uint32_t* FindRange(char32_t c) {
  uint32_t key = static_cast<uint32_t>(c) << 8 | 0xFF;
  const uint32_t* it =
      std::upper_bound(std::begin(kPropertyRanges), std::end(kPropertyRanges), key);
  return it - 1;  // the first range starts at U+0000
}

// Properties byte (line break class | east asian group << 6) of any code point.
uint8_t LookupProperties(char32_t c) {
  if (c < 0x80) return kAsciiProperties[c];
  if (c > 0x10FFFF) return kLbXX;
  return static_cast<uint8_t>(*FindRange(c) & 0xFF);
}

// Text mostly stays within a script, so remembering the last range found skips most
// binary searches.
class PropertyCache {
 public:
  uint8_t Get(char32_t c) {
    if (c < 0x80) return kAsciiProperties[c];
    if (c >= first_ && c < end_) return value_;
    if (c > 0x10FFFF) return kLbXX;
    const uint32_t* range = FindRange(c);
    first_ = *range >> 8;
    end_ = range + 1 == std::end(kPropertyRanges) ? 0x110000 : range[1] >> 8;
    value_ = static_cast<uint8_t>(*range & 0xFF);
    return value_;
  }

 private:
  char32_t first_ = 0, end_ = 0;
  uint8_t value_ = 0;
};

bool InPairs(const uint32_t* pairs, size_t count, char32_t c) {
  // pairs = [first0, last0, first1, last1, …], sorted: find the last pair with first <= c.
  size_t lo = 0, hi = count / 2;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (pairs[2 * mid] <= c) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo > 0 && c <= pairs[2 * (lo - 1) + 1];
}

bool IsExtPictUnassigned(char32_t c) {
  return c >= 0x1F000 && InPairs(kExtPictUnassignedRanges, std::size(kExtPictUnassignedRanges), c);
}

using Class = LineBreakClass;
constexpr Class kNoClass = kLineBreakClassCount;  // "nothing before": start of text

Class ClassOf(uint8_t properties) { return static_cast<Class>(properties & kLineBreakClassMask); }

// LB1 with Podium's choices (see linebreak.h). SA was resolved by the table generator.
Class ResolveClass(Class c) {
  switch (c) {
    case kLbAI:
    case kLbSG:
    case kLbXX:
      return kLbAL;
    case kLbCJ:
      return kLbNS;
    default:
      return c;
  }
}

// East_Asian_Width F, W or H (LB30 exempts such brackets).
bool IsEastAsianFwh(uint8_t properties) {
  return (properties >> kEastAsianShift) != kEastAsianOther;
}

//-----------------------------------------------------------------------------
// [SECTION] Pair rules
//-----------------------------------------------------------------------------

// LB25 as the regular expression of UAX #14 Example 7, tracked one character at a time.
enum class NumberState : uint8_t {
  kNone,
  kInNumber,      // after NU (NU | SY | IS)*
  kAfterBracket,  // after NU (NU | SY | IS)* (CL | CP)
};

// What the rules need to know about the text before a boundary. "Base" is the last
// character not absorbed by LB9 (a combining mark takes the class of its base), with LB10
// applied (a lone CM or ZWJ counts as AL).
struct Context {
  Class previous = kNoClass;       // the character right before the boundary, after LB1
  Class base = kNoClass;           // class of the base
  Class before_base = kNoClass;    // class of the base before it (LB21a)
  Class before_spaces = kNoClass;  // the base, or the last non-SP base before it (X SP*)
  bool base_fwh = false;           // the base's East_Asian_Width is F, W or H (LB30)
  char32_t base_code_point = 0;    // LB30b
  size_t regional_indicators = 0;  // RI bases in a row, ending at the base (LB30a)
  NumberState number = NumberState::kNone;
};

// Sets of classes as bit masks, so that IsOneOf is a shift and a test.
constexpr uint64_t Mask(std::initializer_list<Class> set) {
  uint64_t mask = 0;
  for (Class c : set) mask |= uint64_t{1} << c;
  return mask;
}
constexpr bool IsOneOf(Class c, uint64_t mask) { return (mask >> c) & 1; }

// After LB1–LB10: may the line break between the base (and its marks) and `next`?
// `next_fwh`: East_Asian_Width of the next character; `number_follows`: a NU comes after
// `next` (its marks skipped), for LB25's (PR | PO) × (OP | HY) NU.
BreakAction PairRule(const Context& x, Class next, bool next_fwh, bool number_follows) {
  const Class b = x.base;
  constexpr BreakAction kNone = BreakAction::kNone, kAllowed = BreakAction::kAllowed;
  // LB11
  if (next == kLbWJ || b == kLbWJ) return kNone;
  // LB12, LB12a
  if (b == kLbGL) return kNone;
  if (next == kLbGL && b != kLbSP && b != kLbBA && b != kLbHY) return kNone;
  // LB13 (Example 7 writes [^NU] × CL|CP|IS|SY; LB25 gives NU the same result)
  if (IsOneOf(next, Mask({kLbCL, kLbCP, kLbEX, kLbIS, kLbSY}))) return kNone;
  // LB14–LB17: X SP* × Y
  if (x.before_spaces == kLbOP) return kNone;
  if (x.before_spaces == kLbQU && next == kLbOP) return kNone;
  if ((x.before_spaces == kLbCL || x.before_spaces == kLbCP) && next == kLbNS) return kNone;
  if (x.before_spaces == kLbB2 && next == kLbB2) return kNone;
  // LB18
  if (b == kLbSP) return kAllowed;
  // LB19, LB20
  if (next == kLbQU || b == kLbQU) return kNone;
  if (next == kLbCB || b == kLbCB) return kAllowed;
  // LB21, LB21a, LB21b
  if (IsOneOf(next, Mask({kLbBA, kLbHY, kLbNS})) || b == kLbBB) return kNone;
  if (x.before_base == kLbHL && (b == kLbHY || b == kLbBA)) return kNone;
  if (b == kLbSY && next == kLbHL) return kNone;
  // LB22
  if (next == kLbIN) return kNone;
  // LB23, LB23a
  const bool b_alpha = b == kLbAL || b == kLbHL;
  const bool next_alpha = next == kLbAL || next == kLbHL;
  if (b_alpha && next == kLbNU) return kNone;
  if (b == kLbNU && next_alpha) return kNone;
  if (b == kLbPR && IsOneOf(next, Mask({kLbID, kLbEB, kLbEM}))) return kNone;
  if (IsOneOf(b, Mask({kLbID, kLbEB, kLbEM})) && next == kLbPO) return kNone;
  // LB24
  const bool b_affix = b == kLbPR || b == kLbPO;
  if (b_affix && next_alpha) return kNone;
  if (b_alpha && (next == kLbPR || next == kLbPO)) return kNone;
  // LB25 (Example 7)
  if (b_affix && next == kLbNU) return kNone;
  if (b_affix && (next == kLbOP || next == kLbHY) && number_follows) return kNone;
  if ((b == kLbOP || b == kLbHY) && next == kLbNU) return kNone;
  if (x.number == NumberState::kInNumber &&
      IsOneOf(next, Mask({kLbNU, kLbSY, kLbIS, kLbCL, kLbCP}))) {
    return kNone;
  }
  if (x.number != NumberState::kNone && (next == kLbPO || next == kLbPR)) return kNone;
  // Podium tailoring: PR × PR keeps "C++" and "++i" whole.
  if (b == kLbPR && next == kLbPR) return kNone;
  // LB26, LB27: Korean syllable blocks
  if (b == kLbJL && IsOneOf(next, Mask({kLbJL, kLbJV, kLbH2, kLbH3}))) return kNone;
  if ((b == kLbJV || b == kLbH2) && (next == kLbJV || next == kLbJT)) return kNone;
  if ((b == kLbJT || b == kLbH3) && next == kLbJT) return kNone;
  const bool next_hangul = IsOneOf(next, Mask({kLbJL, kLbJV, kLbJT, kLbH2, kLbH3}));
  if (IsOneOf(b, Mask({kLbJL, kLbJV, kLbJT, kLbH2, kLbH3})) && next == kLbPO) return kNone;
  if (b == kLbPR && next_hangul) return kNone;
  // LB28, LB29
  if (b_alpha && next_alpha) return kNone;
  if (b == kLbIS && next_alpha) return kNone;
  // LB30: brackets that are not East Asian stick to letters and digits
  if ((b_alpha || b == kLbNU) && next == kLbOP && !next_fwh) return kNone;
  if (b == kLbCP && !x.base_fwh && (next_alpha || next == kLbNU)) return kNone;
  // LB30a: regional indicators pair up into flags
  if (b == kLbRI && next == kLbRI && x.regional_indicators % 2 == 1) return kNone;
  // LB30b: emoji modifiers
  if (next == kLbEM && (b == kLbEB || IsExtPictUnassigned(x.base_code_point))) return kNone;
  // LB31
  return kAllowed;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] FindLineBreaks
//-----------------------------------------------------------------------------

std::vector<BreakAction> FindLineBreaks(std::u32string_view text) {
  const size_t n = text.size();
  std::vector<BreakAction> breaks(n, BreakAction::kNone);
  if (n == 0) return breaks;
  PropertyCache cache;
  Context x;

  for (size_t i = 0; i < n; ++i) {
    const uint8_t properties = cache.Get(text[i]);
    const Class original = ResolveClass(ClassOf(properties));
    const bool is_mark = original == kLbCM || original == kLbZWJ;
    // LB9: a mark takes the class of the base before it, unless that is a break or space.
    const bool absorbed =
        is_mark && i > 0 && !IsOneOf(x.base, Mask({kLbBK, kLbCR, kLbLF, kLbNL, kLbSP, kLbZW}));
    const Class next = is_mark && !absorbed ? kLbAL : original;  // LB10

    if (i > 0) {
      BreakAction action;
      const Class p = x.previous;
      if (p == kLbBK || p == kLbLF || p == kLbNL || (p == kLbCR && original != kLbLF)) {
        action = BreakAction::kMandatory;  // LB4, LB5
      } else if (p == kLbCR) {
        action = BreakAction::kNone;  // LB5: CR × LF
      } else if (IsOneOf(original, Mask({kLbBK, kLbCR, kLbLF, kLbNL, kLbSP, kLbZW}))) {
        action = BreakAction::kNone;  // LB6, LB7
      } else if (x.before_spaces == kLbZW) {
        action = BreakAction::kAllowed;  // LB8: ZW SP* ÷
      } else if (p == kLbZWJ || absorbed) {
        action = BreakAction::kNone;  // LB8a, LB9
      } else {
        bool number_follows = false;
        if ((next == kLbOP || next == kLbHY) && (x.base == kLbPR || x.base == kLbPO)) {
          for (size_t j = i + 1; j < n; ++j) {
            Class c = ResolveClass(ClassOf(cache.Get(text[j])));
            if (c != kLbCM && c != kLbZWJ) {
              number_follows = c == kLbNU;
              break;
            }
          }
        }
        action = PairRule(x, next, IsEastAsianFwh(properties), number_follows);
      }
      breaks[i - 1] = action;
    }

    x.previous = original;
    if (absorbed) continue;
    x.before_base = x.base;
    x.base = next;
    if (next != kLbSP) x.before_spaces = next;
    x.base_fwh = IsEastAsianFwh(properties);
    x.base_code_point = text[i];
    x.regional_indicators = next == kLbRI ? x.regional_indicators + 1 : 0;
    if (next == kLbNU) {
      x.number = NumberState::kInNumber;
    } else if (x.number == NumberState::kInNumber && (next == kLbSY || next == kLbIS)) {
      // still in the number
    } else if (x.number == NumberState::kInNumber && (next == kLbCL || next == kLbCP)) {
      x.number = NumberState::kAfterBracket;
    } else {
      x.number = NumberState::kNone;
    }
  }
  breaks[n - 1] = BreakAction::kMandatory;  // LB3
  return breaks;
}

//-----------------------------------------------------------------------------
// [SECTION] Character classes
//-----------------------------------------------------------------------------

bool IsCjk(char32_t c) { return c >= 0x1100 && InPairs(kCjkRanges, std::size(kCjkRanges), c); }

bool IsWide(char32_t c) { return (LookupProperties(c) >> kEastAsianShift) == kEastAsianWide; }

bool IsSpace(char32_t c) {
  switch (c) {
    case U' ':
    case U'\t':
    case U'\u1680':
    case U'\u205F':
    case U'\u3000':
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A && c != 0x2007;
  }
}

std::string_view UnicodeVersion() { return kUnicodeVersion; }

}  // namespace podium
