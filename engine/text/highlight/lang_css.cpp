// CSS, SCSS and Less. Whether a statement is a selector or a declaration is decided by
// looking ahead to its first { ; or }: `a:hover {` is a selector (tag, pseudo-class),
// `color: red;` a declaration (property, then values). In selectors, elements are tags,
// .classes and #ids attributes; in values, numbers keep their units, #fff is a number,
// name( a function, other words constants. $variables, // comments and #{…} from SCSS.
#include "text/highlight/language.h"

namespace podium::highlight {
namespace {

constexpr StringSyntax kDoubleQuoted{"\""};
constexpr StringSyntax kSingleQuoted{"'"};
constexpr BlockComment kComment{"/*", "*/"};

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool IsNameChar(char c) { return IsNameStart(c) || IsDigit(c) || c == '-'; }

// End of a CSS name at p (vendor prefixes and custom properties start with '-').
size_t NameEnd(const Lexer& lx, size_t p, size_t end) {
  const std::string_view t = lx.text;
  size_t q = p;
  while (q < end && t[q] == '-') ++q;
  if (q >= end || !IsNameStart(t[q])) return p;
  while (q < end && IsNameChar(t[q])) q = lx.CharEnd(q, end);
  return q;
}

// The first { ; or } at or after p, outside strings and comments (or end).
size_t StatementEnd(const Lexer& lx, size_t p, size_t end) {
  const std::string_view t = lx.text;
  while (p < end) {
    char c = t[p];
    if (c == '{' || c == ';' || c == '}') return p;
    if (c == '"' || c == '\'') {
      size_t q = p + 1;
      while (q < end && t[q] != c && t[q] != '\n') q += t[q] == '\\' ? 2 : 1;
      p = q + 1;
      continue;
    }
    if (c == '/' && p + 1 < end && t[p + 1] == '*') {
      size_t close = t.substr(0, end).find("*/", p + 2);
      p = close == std::string_view::npos ? end : close + 2;
      continue;
    }
    ++p;
  }
  return end;
}

}  // namespace

void ScanCss(Lexer& lx, size_t end) {
  const Language& css = *FindLanguage("css");
  const std::string_view t = lx.text;
  bool decided = false;      // the current statement's kind is known
  bool declaration = false;  // it is `property: value` (or an at-rule's prelude)
  bool in_value = false;     // past the property's colon
  bool in_brackets = false;  // inside a selector's [attribute]
  while (lx.pos < end) {
    size_t p = lx.pos;
    char c = t[p];
    if (IsBlank(c)) {
      ++lx.pos;
      continue;
    }
    if (lx.StartsWith(p, "/*", end)) {
      lx.ScanBlockComment(kComment, end);
      continue;
    }
    if (lx.StartsWith(p, "//", end) &&
        (p == 0 || IsBlank(t[p - 1]) || t[p - 1] == ';' || t[p - 1] == '{' || t[p - 1] == '}')) {
      size_t e = lx.LineEnd(p, end);
      lx.Emit(p, e, TokenKind::kComment);
      lx.pos = e;
      continue;
    }
    if (!decided) {
      size_t s = StatementEnd(lx, p, end);
      declaration = (s >= end || t[s] != '{') && c != '@';
      in_value = false;
      in_brackets = false;
      decided = true;
    }
    if (c == '{' || c == '}' || c == ';') {
      lx.Emit(p, p + 1, TokenKind::kPunctuation);
      ++lx.pos;
      decided = false;
      continue;
    }
    if (c == '"' || c == '\'') {
      lx.ScanString(css, c == '"' ? kDoubleQuoted : kSingleQuoted, p, p, false, false, end);
      continue;
    }
    if (c == '@' && p + 1 < end && IsNameStart(t[p + 1])) {
      size_t e = NameEnd(lx, p + 1, end);
      lx.Emit(p, e, TokenKind::kKeyword);
      lx.pos = e;
      declaration = in_value = true;  // the prelude reads like a value: (max-width: 600px)
      continue;
    }
    if (c == '$' && p + 1 < end && IsNameStart(t[p + 1])) {
      size_t e = NameEnd(lx, p + 1, end);
      lx.Emit(p, e, TokenKind::kVariable);
      lx.pos = e;
      continue;
    }
    if (c == '#' && p + 1 < end && t[p + 1] == '{') {  // SCSS interpolation #{…}
      size_t close = t.substr(0, end).find('}', p);
      size_t e = close == std::string_view::npos ? end : close + 1;
      lx.Emit(p, e, TokenKind::kVariable);
      lx.pos = e;
      continue;
    }
    if (declaration && in_value) {
      bool number = IsDigit(c) || (c == '.' && p + 1 < end && IsDigit(t[p + 1]));
      if (number) {
        size_t e = p;
        while (e < end && (IsDigit(t[e]) || t[e] == '.')) ++e;
        if (e < end && t[e] == '%')
          ++e;
        else
          while (e < end && ((t[e] >= 'a' && t[e] <= 'z') || (t[e] >= 'A' && t[e] <= 'Z'))) ++e;
        lx.Emit(p, e, TokenKind::kNumber);
        lx.pos = e;
        continue;
      }
      if (c == '#') {
        size_t e = p + 1;
        while (e < end && (IsDigit(t[e]) || ((t[e] | 0x20) >= 'a' && (t[e] | 0x20) <= 'f'))) ++e;
        if (e > p + 1) {
          lx.Emit(p, e, TokenKind::kNumber);
          lx.pos = e;
          continue;
        }
      }
      if (c == '!' && p + 1 < end && IsNameStart(t[p + 1])) {
        size_t e = NameEnd(lx, p + 1, end);
        lx.Emit(p, e, TokenKind::kKeyword);
        lx.pos = e;
        continue;
      }
      size_t e = NameEnd(lx, p, end);
      if (e > p) {
        std::string_view name = t.substr(p, e - p);
        if (e < end && t[e] == '(') {
          lx.Emit(p, e, TokenKind::kFunction);
          lx.Emit(e, e + 1, TokenKind::kPunctuation);
          lx.pos = e + 1;
          size_t q = lx.SkipBlanks(lx.pos, end);
          if (name == "url" && q < end && t[q] != '"' && t[q] != '\'') {
            size_t close = q;
            while (close < end && t[close] != ')' && t[close] != '\n') ++close;
            lx.Emit(q, close, TokenKind::kString);
            lx.pos = close;
          }
          continue;
        }
        size_t next = lx.SkipBlanks(e, end);
        bool key = next < end && t[next] == ':';  // (max-width: …) in an at-rule
        lx.Emit(p, e,
                key                      ? TokenKind::kProperty
                : name.starts_with("--") ? TokenKind::kVariable
                                         : TokenKind::kConstant);
        lx.pos = e;
        continue;
      }
    } else if (declaration) {
      size_t e = NameEnd(lx, p, end);
      if (e > p) {
        lx.Emit(p, e, t.substr(p, 2) == "--" ? TokenKind::kVariable : TokenKind::kProperty);
        lx.pos = e;
        continue;
      }
      if (c == ':') {
        lx.Emit(p, p + 1, TokenKind::kPunctuation);
        ++lx.pos;
        in_value = true;
        continue;
      }
    } else {  // a selector
      if (c == '[') in_brackets = true;
      if (c == ']') in_brackets = false;
      if ((c == '.' || c == '#') && p + 1 < end && NameEnd(lx, p + 1, end) > p + 1) {
        size_t e = NameEnd(lx, p + 1, end);
        lx.Emit(p, e, TokenKind::kAttribute);
        lx.pos = e;
        continue;
      }
      if (c == ':') {
        size_t b = p + 1 < end && t[p + 1] == ':' ? p + 2 : p + 1;
        size_t e = NameEnd(lx, b, end);
        if (e > b) {
          lx.Emit(p, e, TokenKind::kKeyword);
          lx.pos = e;
          continue;
        }
      }
      size_t e = NameEnd(lx, p, end);
      if (e > p) {
        lx.Emit(p, e, in_brackets ? TokenKind::kAttribute : TokenKind::kTag);
        lx.pos = e;
        continue;
      }
      if (IsDigit(c)) {  // keyframe stops: 50% {
        size_t e2 = p;
        while (e2 < end && (IsDigit(t[e2]) || t[e2] == '.' || t[e2] == '%')) ++e2;
        lx.Emit(p, e2, TokenKind::kNumber);
        lx.pos = e2;
        continue;
      }
    }
    if (c == '(' || c == ')' || c == ',' || c == '[' || c == ']' || c == ':' || c == '.') {
      lx.Emit(p, p + 1, TokenKind::kPunctuation);
    } else if (std::string_view("&>+~*=/|^$<!%-").find(c) != std::string_view::npos) {
      lx.Emit(p, p + 1, TokenKind::kOperator);
    }
    lx.pos = lx.CharEnd(p, end);
  }
}

extern const LanguageDef kCss{
    .name = "css",
    .aliases = "scss less postcss",
    .scan = ScanCss,
};

}  // namespace podium::highlight
