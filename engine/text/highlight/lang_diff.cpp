// Unified diffs and patches: the first characters of a line decide it. File headers
// (diff, index, ---, +++) are headings, @@ hunks attributes, + lines inserted, - lines
// deleted, "\ No newline" a comment; context lines stay plain.
#include "text/highlight/language.h"

namespace podium::highlight {
namespace {

struct LinePrefix {
  std::string_view prefix;
  TokenKind kind;
};

// Tried in order: the longer prefixes first.
constexpr LinePrefix kPrefixes[] = {
    {"diff ", TokenKind::kHeading},      {"index ", TokenKind::kHeading},
    {"--- ", TokenKind::kHeading},       {"+++ ", TokenKind::kHeading},
    {"@@", TokenKind::kAttribute},       {"+", TokenKind::kInserted},
    {"-", TokenKind::kDeleted},          {">", TokenKind::kInserted},
    {"<", TokenKind::kDeleted},          {"\\", TokenKind::kComment},
    {"new file", TokenKind::kHeading},   {"deleted file", TokenKind::kHeading},
    {"similarity", TokenKind::kHeading}, {"rename ", TokenKind::kHeading},
    {"Only in", TokenKind::kHeading},
};

}  // namespace

void ScanDiff(Lexer& lx, size_t end) {
  while (lx.pos < end) {
    size_t line_end = lx.LineEnd(lx.pos, end);
    for (const LinePrefix& rule : kPrefixes) {
      if (!lx.StartsWith(lx.pos, rule.prefix, line_end)) continue;
      size_t e = line_end;
      if (e > lx.pos && lx.text[e - 1] == '\r') --e;
      lx.Emit(lx.pos, e, rule.kind);
      break;
    }
    lx.pos = lx.NextLine(lx.pos, end);
  }
}

extern const LanguageDef kDiff{
    .name = "diff",
    .aliases = "patch udiff",
    .scan = ScanDiff,
};

}  // namespace podium::highlight
