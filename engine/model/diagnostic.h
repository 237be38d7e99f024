// Diagnostics: every problem Podium reports about a deck, in one table.
//
// A stage never throws for bad input: it appends Diagnostic values to a list and keeps
// going. `deckc check`, the tests and the browser console print them the same way,
// through FormatDiagnostic():
//
//   talk.md:12:5: error: image 'cat.png' not found
//
// Codes and message templates live in PODIUM_DIAGNOSTICS below and nowhere else. A
// template has at most one `{}`, replaced by Diagnostic::argument.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace podium {

enum class Severity { kWarning, kError };

// X(code, severity, message template)
#define PODIUM_DIAGNOSTICS(X)                                                                      \
  X(kInvalidUtf8, kWarning, "invalid UTF-8 byte sequence replaced with U+FFFD")                    \
  X(kNulByte, kWarning, "NUL byte replaced with U+FFFD")                                           \
  X(kMoreReplacements, kWarning, "{} more invalid or NUL bytes replaced with U+FFFD")              \
  X(kBinaryInput, kError, "this does not look like a text file ({})")                               \
  X(kUnterminatedFrontMatter, kError, "front matter opened with '---' is never closed")            \
  X(kBadFrontMatterLine, kWarning, "front matter line is not 'key: value': {}")                    \
  X(kUnknownFrontMatterKey, kWarning, "unknown front-matter key '{}'")                             \
  X(kUnknownDirective, kWarning, "unknown directive '{}'")                                         \
  X(kBadDirectiveValue, kWarning, "bad value for {}")                                              \
  X(kGlobalDirectiveOnly, kWarning, "'{}' applies to the whole deck: set it in the front matter")  \
  X(kUnsupportedDirective, kWarning, "'{}' is not supported and is ignored")                        \
  X(kUnknownImageKeyword, kWarning, "unknown image keyword '{}'")                                  \
  X(kImageNotFound, kError, "image '{}' not found")                                                \
  X(kImageUndecodable, kError, "cannot decode image {}")                                          \
  X(kImageTooLarge, kError, "image too large: {}")                                                \
  X(kImagePathRefused, kError, "image path '{}' is outside the deck's folder")                      \
  X(kImageRemote, kWarning, "remote image '{}' is not fetched: a placeholder is shown")            \
  X(kSlideOverflow, kError, "slide content does not fit: {}")                                      \
  X(kMissingGlyph, kWarning, "no font has the character {}")                                       \
  X(kUnknownCodeLanguage, kWarning, "unknown code language '{}'; shown without highlighting")      \
  X(kCodeTooWide, kWarning, "code line {} is wider than the slide even at the smallest size")      \
  X(kBadHighlightSpec, kWarning, "bad line-highlight spec '{}'")                                   \
  X(kUnclosedCodeFence, kWarning, "code fence is never closed: the rest of the deck is code")      \
  X(kDashUnderline, kWarning, "text right above '---' became a heading; add a blank line to split")\
  X(kTooDeep, kWarning, "nesting deeper than {} levels is flattened")                              \
  X(kUnknownTexCommand, kWarning, "unknown TeX command '{}'; shown as source")                     \
  X(kUnknownTexEnvironment, kWarning, "unknown TeX environment '{}'; laid out as a matrix")        \
  X(kBadTex, kWarning, "TeX: {}")                                                                  \
  X(kUnsupportedDiagram, kWarning, "mermaid '{}' diagrams are not drawn yet; shown as source")     \
  X(kDiagramSyntax, kWarning, "mermaid: {}")                                                       \
  X(kDrawingTooWide, kWarning, "{}")  /* "the diagram is 120 px wider than the slide…" */        \
  X(kHtmlLeftOut, kWarning, "<{}> is left out: decks never run scripts or embed pages")          \
  X(kHtmlUnknownElement, kWarning, "unknown element <{}>: only its content is shown")              \
  X(kCssNotSupported, kWarning, "{} is not supported yet and is ignored")                          \
  X(kLimitExceeded, kError, "{}")

enum class DiagnosticCode {
#define PODIUM_DIAGNOSTIC_ENUM(code, severity, message) code,
  PODIUM_DIAGNOSTICS(PODIUM_DIAGNOSTIC_ENUM)
#undef PODIUM_DIAGNOSTIC_ENUM
};

// A position in the deck's source: 1-based line and column (column in bytes, as GCC and
// Clang count). 0 means unknown.
struct SourcePos {
  int line = 0;
  int col = 0;
  friend bool operator==(const SourcePos&, const SourcePos&) = default;
};

struct Diagnostic {
  DiagnosticCode code;
  Severity severity;
  SourcePos pos;
  std::string argument;  // fills the template's {}
};

// Makes a diagnostic with the severity the table gives its code.
Diagnostic MakeDiagnostic(DiagnosticCode code, SourcePos pos, std::string argument = {});

// The message text: the template with its {} replaced.
std::string DiagnosticMessage(const Diagnostic& d);

// "file:line:col: error: message" (":line:col" left out when unknown).
std::string FormatDiagnostic(std::string_view file, const Diagnostic& d);

// The code's name without its 'k', e.g. "ImageNotFound" — stable, for tests and tools.
std::string_view DiagnosticCodeName(DiagnosticCode code);

bool HasErrors(const std::vector<Diagnostic>& diagnostics);

}  // namespace podium
