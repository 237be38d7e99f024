// YAML 1.2, line by line: `key:` at a line's start (after "- " markers) is a property,
// plain values are strings unless they are numbers or constants, "…" and '…' may span
// lines, | and > start block scalars (the more-indented lines below are the string),
// &anchors and *aliases are variables, !tags are tags, flow [ ] { } nest.
#include "text/highlight/language.h"

namespace podium::highlight {
namespace {

constexpr StringSyntax kDoubleQuoted{"\"", {}, '\\', true};
constexpr StringSyntax kSingleQuoted{"'", {}, 0, true, true};

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool IsFlow(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsNumber(std::string_view s) {
  if (s == ".inf" || s == "-.inf" || s == "+.inf" || s == ".nan" || s == ".Inf" || s == ".NaN")
    return true;
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  if (s.size() > i + 2 && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'o')) {
    for (size_t j = i + 2; j < s.size(); ++j)
      if (!IsDigit(s[j]) && !((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'f')) return false;
    return true;
  }
  size_t digits = 0;
  while (i < s.size() && (IsDigit(s[i]) || s[i] == '_')) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && IsDigit(s[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (i == s.size() || !IsDigit(s[i])) return false;
    while (i < s.size() && IsDigit(s[i])) ++i;
  }
  return i == s.size();
}

// The colon of a `key:` that starts at p, or npos.
size_t KeyColon(const Lexer& lx, size_t p, size_t line_end) {
  const std::string_view t = lx.text;
  auto colon_at = [&](size_t q) {
    return q < line_end && t[q] == ':' && (q + 1 == line_end || IsBlank(t[q + 1]));
  };
  if (p >= line_end) return std::string_view::npos;
  if (t[p] == '"' || t[p] == '\'') {
    size_t q = p + 1;
    while (q < line_end && t[q] != t[p]) q += (t[p] == '"' && t[q] == '\\') ? 2 : 1;
    if (q >= line_end) return std::string_view::npos;
    q = lx.SkipBlanks(q + 1, line_end);
    return colon_at(q) ? q : std::string_view::npos;
  }
  if (std::string_view("[{#&*!|>%@`,").find(t[p]) != std::string_view::npos)
    return std::string_view::npos;
  for (size_t q = p; q < line_end; ++q) {
    if (colon_at(q)) return q;
    if (t[q] == '#' && q > p && IsBlank(t[q - 1])) break;
  }
  return std::string_view::npos;
}

// Scans the value that starts at lexer.pos, to the end of its line, or further while a
// flow collection or a quoted string is open. Leaves pos at the start of the next line.
// Returns the indentation a block scalar's lines must exceed, or -1 if none started.
int ScanValue(Lexer& lx, const Language& yaml, size_t end, int indent) {
  const std::string_view t = lx.text;
  int depth = 0;
  int block = -1;
  bool first = true;  // nothing but anchors and tags so far
  while (lx.pos < end) {
    char c = t[lx.pos];
    if (c == '\n') {
      ++lx.pos;
      if (depth == 0) return block;
      continue;
    }
    if (IsBlank(c)) {
      ++lx.pos;
      continue;
    }
    if (c == '#' && (lx.pos == 0 || IsBlank(t[lx.pos - 1]) || t[lx.pos - 1] == '\n')) {
      size_t e = lx.LineEnd(lx.pos, end);
      lx.Emit(lx.pos, e, TokenKind::kComment);
      lx.pos = e;
      continue;
    }
    if (c == '"' || c == '\'') {
      size_t start = lx.pos;
      lx.ScanString(yaml, c == '"' ? kDoubleQuoted : kSingleQuoted, start, start, false, false,
                    end);
      size_t next = lx.SkipBlanks(lx.pos, end);
      if (next < end && t[next] == ':') lx.Relabel(start, TokenKind::kString, TokenKind::kProperty);
      first = false;
      continue;
    }
    if ((c == '&' || c == '*' || c == '!') && lx.pos + 1 < end && !IsBlank(t[lx.pos + 1]) &&
        t[lx.pos + 1] != '\n') {
      size_t e = lx.pos + 1;
      while (e < end && !IsBlank(t[e]) && t[e] != '\n' && !IsFlow(t[e])) ++e;
      lx.Emit(lx.pos, e, c == '!' ? TokenKind::kTag : TokenKind::kVariable);
      lx.pos = e;
      continue;
    }
    if (first && depth == 0 && (c == '|' || c == '>')) {
      size_t e = lx.pos + 1;
      while (e < end && (t[e] == '-' || t[e] == '+' || IsDigit(t[e]))) ++e;
      lx.Emit(lx.pos, e, TokenKind::kPunctuation);
      lx.pos = e;
      block = indent;
      first = false;
      continue;
    }
    first = false;
    if (c == '[' || c == '{' || ((c == ']' || c == '}' || c == ',') && depth > 0)) {
      if (c == '[' || c == '{')
        ++depth;
      else if (c != ',')
        --depth;
      lx.Emit(lx.pos, lx.pos + 1, TokenKind::kPunctuation);
      ++lx.pos;
      continue;
    }
    if (c == ':' && (lx.pos + 1 >= end || IsBlank(t[lx.pos + 1]) || t[lx.pos + 1] == '\n' ||
                     (depth > 0 && IsFlow(t[lx.pos + 1])))) {
      lx.Emit(lx.pos, lx.pos + 1, TokenKind::kPunctuation);
      ++lx.pos;
      continue;
    }
    // A plain scalar.
    size_t q = lx.pos;
    while (q < end && t[q] != '\n') {
      if (depth > 0 && IsFlow(t[q])) break;
      if (t[q] == ':' && (q + 1 >= end || IsBlank(t[q + 1]) || t[q + 1] == '\n' ||
                          (depth > 0 && IsFlow(t[q + 1]))))
        break;
      if (t[q] == '#' && q > lx.pos && IsBlank(t[q - 1])) break;
      q = lx.CharEnd(q, end);
    }
    size_t e = q;
    while (e > lx.pos && IsBlank(t[e - 1])) --e;
    if (e == lx.pos) {
      lx.pos = lx.CharEnd(lx.pos, end);
      continue;
    }
    std::string_view scalar = t.substr(lx.pos, e - lx.pos);
    TokenKind kind = yaml.Lookup(scalar);
    if (kind == TokenKind::kPlain)
      kind = IsNumber(scalar) ? TokenKind::kNumber : TokenKind::kString;
    size_t next = lx.SkipBlanks(e, end);
    if (next < end && t[next] == ':' && depth > 0) kind = TokenKind::kProperty;
    lx.Emit(lx.pos, e, kind);
    lx.pos = e;
  }
  return block;
}

}  // namespace

void ScanYaml(Lexer& lx, size_t end) {
  const Language& yaml = *FindLanguage("yaml");
  const std::string_view t = lx.text;
  int block_indent = -1;
  while (lx.pos < end) {
    size_t line = lx.pos;
    size_t line_end = lx.LineEnd(line, end);
    size_t p = lx.SkipBlanks(line, line_end);
    int indent = static_cast<int>(p - line);
    if (block_indent >= 0) {
      size_t e = line_end;
      while (e > p && IsBlank(t[e - 1])) --e;
      if (p == e || indent > block_indent) {
        lx.Emit(p, e, TokenKind::kString);
        lx.pos = lx.NextLine(line, end);
        continue;
      }
      block_indent = -1;
    }
    if (p == line_end) {
      lx.pos = lx.NextLine(line, end);
      continue;
    }
    if (indent == 0 && (lx.StartsWith(p, "---", line_end) || lx.StartsWith(p, "...", line_end)) &&
        (p + 3 == line_end || IsBlank(t[p + 3]))) {
      lx.Emit(p, p + 3, TokenKind::kPunctuation);
      p += 3;
    } else if (indent == 0 && t[p] == '%') {
      lx.Emit(p, line_end, TokenKind::kAttribute);
      lx.pos = lx.NextLine(line, end);
      continue;
    }
    for (;;) {  // "- " sequence entries and "? " complex keys
      p = lx.SkipBlanks(p, line_end);
      if (p < line_end && (t[p] == '-' || t[p] == '?') &&
          (p + 1 == line_end || IsBlank(t[p + 1]))) {
        lx.Emit(p, p + 1, TokenKind::kPunctuation);
        ++p;
      } else {
        break;
      }
    }
    size_t colon = KeyColon(lx, p, line_end);
    if (colon != std::string_view::npos) {
      size_t e = colon;
      while (e > p && IsBlank(t[e - 1])) --e;
      lx.Emit(p, e, TokenKind::kProperty);
      lx.Emit(colon, colon + 1, TokenKind::kPunctuation);
      p = colon + 1;
    }
    lx.pos = p;
    block_indent = ScanValue(lx, yaml, end, indent);
  }
}

extern const LanguageDef kYaml{
    .name = "yaml",
    .aliases = "yml",
    .constants = "true false null ~ yes no on off True False Null TRUE FALSE NULL Yes No",
    .scan = ScanYaml,
};

}  // namespace podium::highlight
