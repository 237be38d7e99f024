// ParseTex: a TeX math formula (the text between `$…$` or `$$…$$`) → a MathNode tree.
//
//   ParsedTex tex = ParseTex("\\frac{a}{b^2}");
//   for (const TexError& e : tex.errors) Warn(e.offset, e.kind, e.argument);
//   LayoutBox box = TypesetMath(tex.root, fonts, 48, color, true, error_color);  // math/typeset_math.h
//
// The subset is what slides use (KaTeX's common core): groups, ^ _ and primes, \frac
// \dfrac \tfrac \binom, \sqrt[n], Greek letters, operators and relations, big operators and
// named operators with \limits/\nolimits, \left…\right and \big…\Bigg, \text, accents,
// \overline \underline, \mathbf \mathrm \mathit \mathbb \mathcal \mathsf \mathtt \mathfrak
// \boldsymbol, \overset \underset \stackrel, \color, the spacing commands, style switches
// (\displaystyle …) and the environments matrix, pmatrix, bmatrix, Bmatrix, vmatrix,
// Vmatrix, smallmatrix, cases and array.
//
// Errors are values: parsing never fails and never throws. Whatever cannot be understood
// becomes a kError node (drawn as its source in the error colour) plus a TexError with the
// byte offset in the formula where it starts. Nesting deeper than kMaxTexDepth is cut off
// with one error; at most kMaxTexErrors errors are listed. The tree owns all its strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace podium {

inline constexpr int kMaxTexDepth = 64;
inline constexpr size_t kMaxTexErrors = 16;

// TeX's atom classes: they decide the space between neighbours (TeXbook ch. 18).
enum class MathAtom : uint8_t { kOrd, kOp, kBin, kRel, kOpen, kClose, kPunct, kInner };

// Alphabets of \mathbf & co, drawn with the Unicode math alphanumerics (U+1D400…).
enum class MathVariant : uint8_t {
  kDefault,       // letters italic, digits and capital Greek upright (TeX's rule)
  kRoman,         // \mathrm, \operatorname: upright
  kItalic,        // \mathit: italic, capital Greek too
  kBold,          // \mathbf: bold upright
  kBoldItalic,    // \boldsymbol, \bm
  kBlackboard,    // \mathbb
  kCalligraphic,  // \mathcal, \mathscr (the font's script alphabet)
  kSansSerif,     // \mathsf
  kMonospace,     // \mathtt
  kFraktur,       // \mathfrak
};

// When a big operator takes its scripts above and below.
enum class MathLimits : uint8_t {
  kNever,        // ∫, \sin, or \nolimits: scripts at the side
  kDisplayOnly,  // ∑, \lim: above and below in display style, at the side inline
  kAlways,       // \limits
};

enum class MathNodeKind : uint8_t {
  kRow,        // children laid out in sequence with TeX's inter-atom spacing; `{…}` groups
  kEmpty,      // nothing (a missing argument, an absent script)
  kSymbol,     // one character `cp` of class `atom`; big operators: class kOp with `limits`
  kOperator,   // a named operator (\sin, \lim, \operatorname{…}): `text` upright, `limits`
  kText,       // \text{…}: `text` in the slide's text faces (Chinese included)
  kFraction,   // children: numerator, denominator; `style` forced or -1; `rule` (no: \binom)
  kRoot,       // children: radicand, and the index for \sqrt[n]
  kScripts,    // children: base, subscript, superscript (kEmpty when absent)
  kDelimited,  // \left `cp` … \right `cp2` (0 for `.`): children: the content (a row)
  kBigDelimiter,  // \big( …: `cp` at size `size` (1–4), class `atom`
  kAccent,     // children: base; `cp` the accent character; `stretchy` for \widehat & co
  kOverline,   // children: base
  kUnderline,  // children: base
  kUnderOver,  // \overset/\underset/\stackrel: children: base, under, over (kEmpty if none)
  kFontVariant,  // children: content; `variant`
  kStyle,      // \displaystyle & co: children: the rest of the group; `style`
  kColor,      // \color{…}/\textcolor: children: content; `color` (0xAABBGGRR)
  kMatrix,     // children: rows (kRow of cells, each a kRow); `text` the environment,
               // `cp`/`cp2` its delimiters, `align` one of 'l' 'c' 'r' per column
  kSpace,      // `space_mu` (18 mu = 1 em; negative for \!)
  kError,      // `text`: source that could not be understood, drawn in the error colour
};

struct MathNode {
  MathNodeKind kind = MathNodeKind::kRow;
  MathAtom atom = MathAtom::kOrd;
  MathLimits limits = MathLimits::kNever;
  MathVariant variant = MathVariant::kDefault;
  char32_t cp = 0;
  char32_t cp2 = 0;
  int style = -1;      // kFraction, kStyle: 0 display, 1 text, 2 script, 3 scriptscript
  int size = 0;        // kBigDelimiter: 1 \big … 4 \Bigg
  bool rule = true;    // kFraction
  bool stretchy = false;  // kAccent
  float space_mu = 0;  // kSpace
  uint32_t color = 0;  // kColor
  std::string text;    // kOperator, kText, kError, kMatrix; kColor: the colour as written
  std::string align;   // kMatrix
  size_t offset = 0;   // byte offset in the formula where the node's source starts
  std::vector<MathNode> children;
};

enum class TexErrorKind : uint8_t {
  kUnknownCommand,      // argument: the command with its backslash, e.g. "\\foo"
  kUnknownEnvironment,  // argument: the environment name
  kSyntax,              // argument: what is wrong, e.g. "missing '}'"
};

struct TexError {
  size_t offset = 0;  // byte offset in the formula
  TexErrorKind kind = TexErrorKind::kSyntax;
  std::string argument;
};

struct ParsedTex {
  MathNode root;  // always a kRow
  std::vector<TexError> errors;
};

ParsedTex ParseTex(std::string_view tex);

// A readable, indented dump of the tree (one node per line), for the spec tests.
std::string DumpMathNode(const MathNode& node);

}  // namespace podium
