// The generic, table-driven scanner and the primitives the custom scanners share.
//
// [SECTION] Character classes
// [SECTION] Emitting tokens
// [SECTION] Primitives
// [SECTION] The generic scanner
//
// Linear time: every scanning loop advances pos, and the few look-aheads are bounded (a
// regex literal looks at most kMaxRegex bytes ahead) or remembered (a regex that found no
// close on a line is not looked for again on that line).
#include <algorithm>
#include <cstring>

#include "text/highlight/language.h"

namespace podium::highlight {
namespace {

// [SECTION] Character classes ---------------------------------------------------------

constexpr size_t kMaxRegex = 512;

bool IsAsciiLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(unsigned char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool IsAlnum(unsigned char c) { return IsAsciiLetter(c) || IsDigit(c); }
bool IsBlank(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
// Name, HttpClient — not NAME or name.
bool IsCapitalized(std::string_view w) {
  return !w.empty() && w[0] >= 'A' && w[0] <= 'Z' &&
         std::any_of(w.begin() + 1, w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool Contains(std::string_view set, unsigned char c) {
  return c != 0 && set.find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

// [SECTION] Emitting tokens -----------------------------------------------------------

void Lexer::Push(size_t begin, size_t end, TokenKind kind) {
  if (!out_->empty() && out_->back().kind == kind && out_->back().end == begin) {
    out_->back().end = static_cast<uint32_t>(end);
    return;
  }
  out_->push_back(Token{static_cast<uint32_t>(begin), static_cast<uint32_t>(end), kind});
}

void Lexer::Emit(size_t begin, size_t end, TokenKind kind) {
  begin = std::max(begin, emitted_);
  end = std::min(end, text.size());
  if (end <= begin) return;
  if (begin > emitted_) Push(emitted_, begin, TokenKind::kPlain);
  Push(begin, end, kind);
  emitted_ = end;
}

void Lexer::Relabel(size_t from, TokenKind old_kind, TokenKind new_kind) {
  if (out_->empty()) return;
  size_t i = out_->size();
  while (i > 0 && (*out_)[i - 1].begin >= from) --i;
  size_t first = i;
  for (; i < out_->size(); ++i)
    if ((*out_)[i].kind == old_kind) (*out_)[i].kind = new_kind;
  // Merge neighbours that now share a kind.
  size_t w = first > 0 ? first - 1 : 0;
  for (size_t r = w + 1; r < out_->size(); ++r) {
    if ((*out_)[r].kind == (*out_)[w].kind && (*out_)[r].begin == (*out_)[w].end)
      (*out_)[w].end = (*out_)[r].end;
    else
      (*out_)[++w] = (*out_)[r];
  }
  out_->resize(w + 1);
}

void Lexer::Finish() {
  if (emitted_ < text.size()) Push(emitted_, text.size(), TokenKind::kPlain);
  emitted_ = text.size();
}

void Lexer::Scan(const Language& language, size_t end) {
  end = std::min(end, text.size());
  if (language.def->scan)
    language.def->scan(*this, end);
  else
    ScanCode(language, end);
  pos = std::max(pos, std::min(end, text.size()));
}

// [SECTION] Primitives ----------------------------------------------------------------

size_t Lexer::LineEnd(size_t from, size_t end) const {
  if (from >= end) return end;
  const void* nl = std::memchr(text.data() + from, '\n', end - from);
  return nl ? static_cast<size_t>(static_cast<const char*>(nl) - text.data()) : end;
}

size_t Lexer::NextLine(size_t from, size_t end) const {
  size_t e = LineEnd(from, end);
  return e < end ? e + 1 : end;
}

bool Lexer::AtLineStart(size_t at) const {
  while (at > 0) {
    unsigned char c = text[at - 1];
    if (c == '\n') return true;
    if (c != ' ' && c != '\t') return false;
    --at;
  }
  return true;
}

size_t Lexer::SkipBlanks(size_t from, size_t end) const {
  while (from < end && (text[from] == ' ' || text[from] == '\t')) ++from;
  return from;
}

bool Lexer::StartsWith(size_t at, std::string_view s, size_t end) const {
  return !s.empty() && at <= end && end - at >= s.size() && text.compare(at, s.size(), s) == 0;
}

bool Lexer::StartsWithNoCase(size_t at, std::string_view s, size_t end) const {
  if (s.empty() || at > end || end - at < s.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char a = text[at + i], b = s[i];
    if (a >= 'A' && a <= 'Z') a = a - 'A' + 'a';
    if (b >= 'A' && b <= 'Z') b = b - 'A' + 'a';
    if (a != b) return false;
  }
  return true;
}

bool Lexer::IsIdentifierStart(const Language& language, unsigned char c) const {
  return language.classes[c] & kIdentifierStart;
}

size_t Lexer::IdentifierEnd(const Language& language, size_t from, size_t end) const {
  if (from >= end || !IsIdentifierStart(language, text[from])) return from;
  size_t p = from + 1;
  while (p < end && (language.classes[static_cast<unsigned char>(text[p])] & kIdentifierChar)) ++p;
  return p;
}

size_t Lexer::CharEnd(size_t at, size_t end) const {
  if (at >= end) return end;
  unsigned char c = text[at];
  size_t n = c < 0xC2 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 1;
  size_t p = at + 1;
  while (p < end && p < at + n && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) ++p;
  return p;
}

size_t Lexer::EscapeEnd(size_t at, size_t end) const {
  size_t p = at + 1;
  if (p >= end) return end;
  unsigned char c = text[p];
  if (c == '\n') return p + 1;
  auto hex_run = [&](size_t from, size_t max) {
    size_t q = from;
    while (q < end && q - from < max && IsHexDigit(text[q])) ++q;
    return q;
  };
  if (c == 'x') return hex_run(p + 1, 2);
  if (c == 'u' && p + 1 < end && text[p + 1] == '{') {
    size_t q = p + 2;
    while (q < end && q - p < 12 && IsHexDigit(text[q])) ++q;
    return q < end && text[q] == '}' ? q + 1 : q;
  }
  if (c == 'u') return hex_run(p + 1, 4);
  if (c == 'U') return hex_run(p + 1, 8);
  if (c >= '0' && c <= '7') {
    size_t q = p + 1;
    while (q < end && q - p < 3 && text[q] >= '0' && text[q] <= '7') ++q;
    return q;
  }
  return CharEnd(p, end);
}

void Lexer::ScanBlockComment(const BlockComment& comment, size_t end) {
  size_t start = pos;
  size_t p = pos + comment.open.size();
  int level = 1;
  while (p < end) {
    if (StartsWith(p, comment.close, end)) {
      p += comment.close.size();
      if (--level == 0) break;
      continue;
    }
    if (comment.nests && StartsWith(p, comment.open, end)) {
      p += comment.open.size();
      ++level;
      continue;
    }
    ++p;
  }
  pos = std::min(p, end);
  Emit(start, pos, TokenKind::kComment);
}

void Lexer::ScanString(const Language& language, const StringSyntax& syntax, size_t start,
                       size_t open, bool raw, bool format, size_t end) {
  std::string_view close = syntax.close.empty() ? syntax.open : syntax.close;
  char escape = raw ? 0 : syntax.escape;
  bool code = !syntax.code_open.empty() && depth < kMaxDepth &&
              (language.def->format_prefixes.empty() || format);
  size_t p = open + syntax.open.size();
  size_t segment = start;  // start of the string text not emitted yet
  while (p < end) {
    unsigned char c = text[p];
    if (c == '\n' && !syntax.multiline) break;
    if (StartsWith(p, close, end)) {
      if (syntax.doubled_close && StartsWith(p + close.size(), close, end)) {
        p += 2 * close.size();
        continue;
      }
      p += close.size();
      Emit(segment, p, syntax.kind);
      pos = p;
      return;
    }
    if (code && syntax.code_open == "{" && StartsWith(p, "}}", end)) {  // f"}}" likewise
      Emit(segment, p, syntax.kind);
      Emit(p, p + 2, TokenKind::kEscape);
      p = segment = p + 2;
      continue;
    }
    if (code && StartsWith(p, syntax.code_open, end)) {
      if (syntax.code_open == "{" && p + 1 < end && text[p + 1] == '{') {  // f"{{" is a brace
        Emit(segment, p, syntax.kind);
        Emit(p, p + 2, TokenKind::kEscape);
        p = segment = p + 2;
        continue;
      }
      Emit(segment, p, syntax.kind);
      Emit(p, p + syntax.code_open.size(), TokenKind::kPunctuation);
      pos = p + syntax.code_open.size();
      CodeState saved = state_;
      state_ = CodeState{};
      ++depth;
      ScanCode(language, end, syntax.code_close);
      --depth;
      state_ = saved;
      if (pos < end && text[pos] == syntax.code_close) {
        Emit(pos, pos + 1, TokenKind::kPunctuation);
        ++pos;
      }
      p = segment = pos;
      continue;
    }
    if (escape && c == static_cast<unsigned char>(escape) && p + 1 < end) {
      size_t e = EscapeEnd(p, end);
      Emit(segment, p, syntax.kind);
      Emit(p, e, TokenKind::kEscape);
      p = segment = e;
      continue;
    }
    if (syntax.dollar != Dollar::kNone && c == '$' && p + 1 < end &&
        (IsAsciiLetter(text[p + 1]) || text[p + 1] == '_' || text[p + 1] == '{' ||
         (syntax.dollar == Dollar::kShell &&
          (IsDigit(text[p + 1]) || Contains("@?#$!*", text[p + 1]))))) {
      size_t e = p + 1;
      if (!IsAsciiLetter(text[e]) && text[e] != '_' && text[e] != '{') {
        e = p + 2;
      } else if (text[e] == '{') {
        while (e < end && text[e] != '}' && text[e] != '\n' && text[e] != close[0]) ++e;
        if (e < end && text[e] == '}') ++e;
      } else {
        while (e < end && (IsAlnum(text[e]) || text[e] == '_')) ++e;
      }
      Emit(segment, p, syntax.kind);
      Emit(p, e, TokenKind::kVariable);
      p = segment = e;
      continue;
    }
    ++p;
  }
  Emit(segment, p, syntax.kind);
  pos = p;
}

bool Lexer::ScanNumber(const Language& language, size_t end) {
  size_t p = pos;
  unsigned char c = text[p];
  if (!IsDigit(c) && !(c == '.' && p + 1 < end && IsDigit(text[p + 1]))) return false;
  if (c == '0' && p + 1 < end && (text[p + 1] == 'x' || text[p + 1] == 'X')) {
    p += 2;
    while (p < end && (IsHexDigit(text[p]) || text[p] == '_')) ++p;
  } else {
    while (p < end && (IsDigit(text[p]) || text[p] == '_')) ++p;
    if (language.def->dates && p < end && (text[p] == '-' || text[p] == ':') && p + 1 < end &&
        IsDigit(text[p + 1])) {
      // 1979-05-27T07:32:00.999-07:00, 07:32:00
      while (p < end && (IsDigit(text[p]) || Contains("-:.TZtz+", text[p]))) ++p;
      Emit(pos, p, TokenKind::kNumber);
      pos = p;
      return true;
    }
    if (p + 1 < end && text[p] == '.' && IsDigit(text[p + 1])) {
      ++p;
      while (p < end && (IsDigit(text[p]) || text[p] == '_')) ++p;
    } else if (p < end && text[p] == '.' && c != '.' &&
               (p + 1 >= end ||
                !(text[p + 1] == '.' || IsIdentifierStart(language, text[p + 1])))) {
      ++p;  // 1. is a number; 1..2 is a range and 1.max a method call
    }
    if (p < end && (text[p] == 'e' || text[p] == 'E')) {
      size_t q = p + 1;
      if (q < end && (text[q] == '+' || text[q] == '-')) ++q;
      if (q < end && IsDigit(text[q])) {
        p = q;
        while (p < end && IsDigit(text[p])) ++p;
      }
    }
  }
  while (p < end && (IsAlnum(text[p]) || text[p] == '_')) ++p;  // suffixes: 10u, 2.0f, 5i64
  Emit(pos, p, TokenKind::kNumber);
  pos = p;
  return true;
}

bool Lexer::ScanRustRaw(size_t start, size_t after_prefix, size_t end) {
  size_t p = after_prefix;
  size_t hashes = 0;
  while (p < end && text[p] == '#' && hashes < 256) ++p, ++hashes;
  if (p >= end || text[p] != '"') return false;
  ++p;
  while (p < end) {
    if (text[p] == '"') {
      size_t q = p + 1, n = 0;
      while (q < end && n < hashes && text[q] == '#') ++q, ++n;
      if (n == hashes) {
        p = q;
        Emit(start, p, TokenKind::kString);
        pos = p;
        return true;
      }
    }
    ++p;
  }
  Emit(start, end, TokenKind::kString);
  pos = end;
  return true;
}

bool Lexer::ScanCppRaw(size_t start, size_t quote, size_t end) {
  // R"delim( … )delim": the delimiter is at most 16 characters, no spaces or parentheses.
  size_t p = quote + 1;
  size_t d = p;
  while (p < end && p - d <= 16 && text[p] != '(' && text[p] != ')' && text[p] != '\\' &&
         !IsBlank(text[p]) && text[p] != '\n' && text[p] != '"')
    ++p;
  if (p >= end || text[p] != '(' || p - d > 16) return false;
  std::string_view delim = text.substr(d, p - d);
  ++p;
  while (p < end) {
    if (text[p] == ')' && (delim.empty() || StartsWith(p + 1, delim, end)) &&
        p + 1 + delim.size() < end && text[p + 1 + delim.size()] == '"') {
      p += delim.size() + 2;
      Emit(start, p, TokenKind::kString);
      pos = p;
      return true;
    }
    ++p;
  }
  Emit(start, end, TokenKind::kString);
  pos = end;
  return true;
}

bool Lexer::ScanSwiftRaw(size_t end) {
  size_t p = pos, hashes = 0;
  while (p < end && text[p] == '#' && hashes < 256) ++p, ++hashes;
  if (p >= end || text[p] != '"') return false;
  bool triple = StartsWith(p, "\"\"\"", end);
  p += triple ? 3 : 1;
  while (p < end) {
    if (!triple && text[p] == '\n') break;
    if (StartsWith(p, triple ? "\"\"\"" : "\"", end)) {
      size_t q = p + (triple ? 3 : 1), n = 0;
      while (q < end && n < hashes && text[q] == '#') ++q, ++n;
      if (n == hashes) {
        p = q;
        break;
      }
    }
    ++p;
  }
  Emit(pos, p, TokenKind::kString);
  pos = p;
  return true;
}

bool Lexer::ScanRegex(size_t end) {
  // pos is on a '/' where a value may start. A regex closes on the same line.
  if (pos < regex_fail_until_) return false;
  size_t limit = std::min(end, pos + kMaxRegex);
  bool in_class = false, entered_class = false;
  size_t p = pos + 1;
  for (; p < limit; ++p) {
    unsigned char c = text[p];
    if (c == '\n') break;
    if (c == '\\') {
      ++p;
      continue;
    }
    if (c == '[')
      in_class = entered_class = true;
    else if (c == ']')
      in_class = false;
    else if (c == '/' && !in_class)
      break;
  }
  if (p >= limit || text[p] != '/') {
    // With no class on the way, every later '/' on this line was escaped: none closes.
    if (!entered_class && (p >= end || text[p] == '\n')) regex_fail_until_ = p;
    return false;
  }
  ++p;
  while (p < end && IsAsciiLetter(text[p])) ++p;  // flags
  Emit(pos, p, TokenKind::kRegex);
  pos = p;
  return true;
}

void Lexer::ScanDollar(size_t end) {
  // $name ${name} $1 $@ $? $$ $# $! $* $-; "$(" is punctuation (the code inside is scanned).
  size_t p = pos + 1;
  if (p >= end) {
    ++pos;
    return;
  }
  unsigned char c = text[p];
  if (c == '{') {
    size_t e = p + 1;
    while (e < end && text[e] != '}' && text[e] != '\n') ++e;
    if (e < end && text[e] == '}') ++e;
    Emit(pos, e, TokenKind::kVariable);
    pos = e;
  } else if (IsAsciiLetter(c) || c == '_') {
    size_t e = p;
    while (e < end && (IsAlnum(text[e]) || text[e] == '_')) ++e;
    Emit(pos, e, TokenKind::kVariable);
    pos = e;
  } else if (IsDigit(c) || Contains("@?$#!*-", c)) {
    Emit(pos, p + 1, TokenKind::kVariable);
    pos = p + 1;
  } else if (c == '(') {
    Emit(pos, p + 1, TokenKind::kPunctuation);
    pos = p + 1;
  } else {
    ++pos;
  }
}

void Lexer::ScanHeredocBody(size_t end) {
  // pos is at the start of the line after "<<WORD": the body runs to the line that is WORD.
  size_t start = pos, p = pos;
  while (p < end) {
    size_t e = LineEnd(p, end);
    size_t b = p;
    if (heredoc_tabs_)
      while (b < e && text[b] == '\t') ++b;
    size_t t = e;
    if (t > b && text[t - 1] == '\r') --t;
    if (text.substr(b, t - b) == heredoc_word_) {
      Emit(start, b, TokenKind::kString);
      Emit(b, t, TokenKind::kString);
      pos = e;
      heredoc_word_ = {};
      return;
    }
    p = e < end ? e + 1 : end;
  }
  Emit(start, end, TokenKind::kString);
  pos = end;
  heredoc_word_ = {};
}

// [SECTION] The generic scanner -------------------------------------------------------

bool Lexer::ScanWord(const Language& language, size_t end) {
  const LanguageDef& d = *language.def;
  size_t b = pos;
  size_t e = IdentifierEnd(language, b, end);
  if (e == b) return false;
  std::string_view word = text.substr(b, e - b);

  // A string prefix: r"…", f'…', b"…", u8"…".
  if (!d.string_prefixes.empty() && word.size() <= 3 && e < end &&
      std::all_of(word.begin(), word.end(),
                  [&](char ch) { return Contains(d.string_prefixes, ch); })) {
    for (const StringSyntax& s : d.strings) {
      if (s.open.empty() || !StartsWith(e, s.open, end)) continue;
      bool raw = std::any_of(word.begin(), word.end(),
                             [&](char ch) { return Contains(d.raw_prefixes, ch); });
      bool format = std::any_of(word.begin(), word.end(),
                                [&](char ch) { return Contains(d.format_prefixes, ch); });
      ScanString(language, s, b, e, raw, format, end);
      state_ = CodeState{TokenKind::kString, text[pos - 1]};
      return true;
    }
  }
  if (d.raw_strings == RawStrings::kRust && (word == "r" || word == "br") && e < end &&
      (text[e] == '"' || text[e] == '#') && ScanRustRaw(b, e, end)) {
    state_ = CodeState{TokenKind::kString, '"'};
    return true;
  }
  if (d.raw_strings == RawStrings::kCpp && word.size() <= 3 && word.back() == 'R' && e < end &&
      text[e] == '"' && ScanCppRaw(b, e, end)) {
    state_ = CodeState{TokenKind::kString, '"'};
    return true;
  }
  if (d.macro_bang && e < end && text[e] == '!' && (e + 1 >= end || text[e + 1] != '=')) {
    Emit(b, e + 1, TokenKind::kFunction);
    pos = e + 1;
    state_ = CodeState{TokenKind::kFunction, '!'};
    return true;
  }

  TokenKind kind = language.Lookup(word);
  // obj.get(), x.type: after a member access a keyword is just a name.
  if ((kind == TokenKind::kKeyword || kind == TokenKind::kType) && !d.keywords_after_dot &&
      state_.prev_kind == TokenKind::kPunctuation && state_.prev_char == '.')
    kind = TokenKind::kPlain;
  if (kind == TokenKind::kPlain) {
    size_t next = SkipBlanks(e, end);
    if (state_.prev_is_word && state_.prev_kind == TokenKind::kKeyword &&
        language.IsFunctionKeyword(state_.prev_word))
      kind = TokenKind::kFunction;
    else if (state_.prev_is_word && state_.prev_kind == TokenKind::kKeyword &&
             language.IsTypeKeyword(state_.prev_word))
      kind = TokenKind::kType;
    else if (d.capitalized_types && !d.capitalized_calls && IsCapitalized(word))
      kind = TokenKind::kType;
    else if (d.calls_are_functions && e < end && text[e] == '(')
      kind = TokenKind::kFunction;
    else if (d.key_separator && next < end && text[next] == d.key_separator &&
             !(next + 1 < end && text[next + 1] == '='))
      kind = TokenKind::kProperty;
    else if (d.assignment_variables && e < end && text[e] == '=' &&
             (b == 0 || IsBlank(text[b - 1]) || text[b - 1] == '\n'))
      kind = TokenKind::kVariable;
    else if (d.capitalized_types && IsCapitalized(word))
      kind = TokenKind::kType;
  }
  Emit(b, e, kind);
  pos = e;
  state_.prev_kind = kind;
  state_.prev_char = word.back();
  state_.prev_word = word;
  state_.prev_is_word = true;
  return true;
}

void Lexer::ScanCode(const Language& language, size_t end, char stop) {
  const LanguageDef& d = *language.def;
  end = std::min(end, text.size());
  const char stop_open = stop == ')' ? '(' : stop == ']' ? '[' : '{';
  int nesting = 0;  // brackets of stop's kind opened since the interpolation began
  auto set_state = [&](TokenKind kind) {
    state_.prev_kind = kind;
    state_.prev_char = pos > 0 ? text[pos - 1] : 0;
    state_.prev_is_word = false;
  };
  while (pos < end) {
    unsigned char c = text[pos];
    if (c == '\n') {
      ++pos;
      if (!heredoc_word_.empty()) ScanHeredocBody(end);
      continue;
    }
    if (IsBlank(c)) {
      ++pos;
      continue;
    }
    if (stop && c == static_cast<unsigned char>(stop) && nesting == 0) return;

    const uint8_t cls = language.classes[c];
    bool word_start = pos == 0 || IsBlank(text[pos - 1]) || text[pos - 1] == '\n';
    bool matched = false;

    // Comments.
    if (cls & kOpensComment)
      for (std::string_view opener : language.line_comments) {
        if (!StartsWith(pos, opener, end) || (d.comment_at_word_start && !word_start)) continue;
        size_t e = LineEnd(pos, end);
        Emit(pos, e, TokenKind::kComment);
        pos = e;
        matched = true;
        break;
      }
    if (matched) continue;
    if (cls & kOpensComment)
      for (const BlockComment& comment : d.block_comments) {
        if (comment.open.empty() || !StartsWith(pos, comment.open, end)) continue;
        ScanBlockComment(comment, end);
        matched = true;
        break;
      }
    if (matched) continue;

    // Line-start rules: #include, [table].
    if (c == '#' && d.preprocessor && AtLineStart(pos)) {
      size_t p = SkipBlanks(pos + 1, end);
      size_t e = IdentifierEnd(language, p, end);
      if (e > p) {
        Emit(pos, e, TokenKind::kAttribute);
        std::string_view directive = text.substr(p, e - p);
        pos = SkipBlanks(e, end);
        if ((directive == "include" || directive == "import") && pos < end && text[pos] == '<') {
          size_t close = pos + 1;
          size_t line_end = LineEnd(pos, end);
          while (close < line_end && text[close] != '>') ++close;
          if (close < line_end) {
            Emit(pos, close + 1, TokenKind::kString);
            pos = close + 1;
          }
        }
        set_state(TokenKind::kAttribute);
        continue;
      }
    }
    if (c == '[' && d.table_headers && AtLineStart(pos)) {
      size_t line_end = LineEnd(pos, end);
      size_t close = pos + 1;
      while (close < line_end && text[close] != ']' && text[close] != ',' && text[close] != '=')
        ++close;
      if (close < line_end && text[close] == ']') {
        size_t e = close + 1;
        if (e < line_end && text[e] == ']') ++e;
        size_t after = SkipBlanks(e, line_end);
        if (after == line_end || text[after] == '#' || text[after] == ';' || text[after] == '\r') {
          Emit(pos, e, TokenKind::kHeading);
          pos = e;
          set_state(TokenKind::kHeading);
          continue;
        }
      }
    }
    if (c == '#' && d.hash_attributes && pos + 1 < end &&
        (text[pos + 1] == '[' || (text[pos + 1] == '!' && pos + 2 < end && text[pos + 2] == '['))) {
      size_t p = pos + (text[pos + 1] == '!' ? 2 : 1);
      int level = 0;
      for (; p < end; ++p) {
        if (text[p] == '[')
          ++level;
        else if (text[p] == ']' && --level == 0)
          break;
      }
      p = std::min(p + 1, end);
      Emit(pos, p, TokenKind::kAttribute);
      pos = p;
      set_state(TokenKind::kAttribute);
      continue;
    }
    if (c == '#' && d.raw_strings == RawStrings::kSwift && ScanSwiftRaw(end)) {
      set_state(TokenKind::kString);
      continue;
    }

    // Strings and characters.
    if (c == '\'' && d.lifetimes && pos + 1 < end && IsIdentifierStart(language, text[pos + 1])) {
      size_t e = IdentifierEnd(language, pos + 1, end);
      if (e >= end || text[e] != '\'') {
        Emit(pos, e, TokenKind::kVariable);
        pos = e;
        set_state(TokenKind::kVariable);
        continue;
      }
    }
    if (cls & kOpensString)
      for (const StringSyntax& s : d.strings) {
        if (s.open.empty() || !StartsWith(pos, s.open, end)) continue;
        size_t start = pos;
        ScanString(language, s, start, start, false, false, end);
        // "key": — a string followed by the key separator is a key.
        if (d.key_separator) {
          size_t next = SkipBlanks(pos, end);
          if (next < end && text[next] == d.key_separator)
            Relabel(start, TokenKind::kString, TokenKind::kProperty);
        }
        matched = true;
        break;
      }
    if (matched) {
      set_state(TokenKind::kString);
      continue;
    }

    if (!d.heredocs || !heredoc_word_.empty() || c != '<') {
      // fall through to the other rules
    } else if (StartsWith(pos, "<<", end) && !StartsWith(pos, "<<<", end)) {
      size_t p = pos + 2;
      if (p < end && (text[p] == '-' || text[p] == '~')) ++p;
      bool tabs = text[p - 1] == '-';
      size_t w = SkipBlanks(p, end);
      char quote = 0;
      if (w < end && (text[w] == '\'' || text[w] == '"')) quote = text[w++];
      size_t we = w;
      while (we < end && (IsAlnum(text[we]) || text[we] == '_')) ++we;
      if (we > w && (!quote || (we < end && text[we] == quote))) {
        heredoc_word_ = text.substr(w, we - w);
        heredoc_tabs_ = tabs;
        Emit(pos, p, TokenKind::kOperator);
        pos = we + (quote ? 1 : 0);
        Emit(w - (quote ? 1 : 0), pos, TokenKind::kString);
        set_state(TokenKind::kString);
        continue;
      }
    }

    if (ScanNumber(language, end)) {
      set_state(TokenKind::kNumber);
      continue;
    }
    if ((cls & kIdentifierStart) && ScanWord(language, end)) continue;

    if (c == '@' && d.at_attributes && pos + 1 < end &&
        IsIdentifierStart(language, text[pos + 1])) {
      size_t e = IdentifierEnd(language, pos + 1, end);
      while (e + 1 < end && text[e] == '.' && IsIdentifierStart(language, text[e + 1]))
        e = IdentifierEnd(language, e + 1, end);
      Emit(pos, e, TokenKind::kAttribute);
      pos = e;
      set_state(TokenKind::kAttribute);
      continue;
    }
    if (c == '$' && d.dollar_variables) {
      size_t before = pos;
      ScanDollar(end);
      if (pos == before) ++pos;
      set_state(TokenKind::kVariable);
      continue;
    }
    if (c == '/' && d.regex_literals) {
      bool value_may_start = state_.prev_kind == TokenKind::kPlain && !state_.prev_is_word ? true
                             : state_.prev_kind == TokenKind::kOperator                    ? true
                             : state_.prev_kind == TokenKind::kPunctuation
                                 ? !Contains(")]}", state_.prev_char)
                                 : state_.prev_kind == TokenKind::kKeyword;
      if (value_may_start && ScanRegex(end)) {
        set_state(TokenKind::kRegex);
        continue;
      }
    }
    if (c == '-' && d.dash_options && word_start && pos + 1 < end &&
        (IsAsciiLetter(text[pos + 1]) ||
         (text[pos + 1] == '-' && pos + 2 < end && IsAsciiLetter(text[pos + 2])))) {
      size_t e = pos + 1;
      while (e < end && (IsAlnum(text[e]) || text[e] == '-' || text[e] == '_')) ++e;
      Emit(pos, e, TokenKind::kAttribute);
      pos = e;
      set_state(TokenKind::kAttribute);
      continue;
    }

    if (cls & kPunctuationChar) {
      if (stop) {
        if (c == static_cast<unsigned char>(stop_open))
          ++nesting;
        else if (c == static_cast<unsigned char>(stop))
          --nesting;
      }
      Emit(pos, pos + 1, TokenKind::kPunctuation);
      ++pos;
      set_state(TokenKind::kPunctuation);
      continue;
    }
    if (cls & kOperatorChar) {
      size_t e = pos + 1;
      // A run of operator characters is one operator (==, ->, &&), but a comment opener or
      // the interpolation's close is not swallowed.
      while (e < end && (language.classes[static_cast<unsigned char>(text[e])] & kOperatorChar) &&
             text[e] != stop) {
        bool comment = false;
        if (!(language.classes[static_cast<unsigned char>(text[e])] & kOpensComment)) {
          ++e;
          continue;
        }
        for (std::string_view opener : language.line_comments)
          comment |= StartsWith(e, opener, end);
        for (const BlockComment& bc : d.block_comments) comment |= StartsWith(e, bc.open, end);
        if (comment) break;
        ++e;
      }
      Emit(pos, e, TokenKind::kOperator);
      pos = e;
      set_state(TokenKind::kOperator);
      continue;
    }
    // Anything else is plain; keep UTF-8 sequences whole.
    pos = CharEnd(pos, end);
    state_.prev_kind = TokenKind::kPlain;
    state_.prev_is_word = false;
  }
}

}  // namespace podium::highlight
