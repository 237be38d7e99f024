// Markdown (CommonMark + GFM), line by line: headings, list and quote markers, rules,
// fenced code (highlighted in its own language when known), YAML front matter, HTML
// comments (Marp directives); inline `code`, **strong**, *emphasis*, [links](url), \escapes.
//
// Inline look-ahead for a closing delimiter stays on the line and is remembered per kind:
// once a search for a closer of some kind fails, the rest of the line has none, so hostile
// lines ("* * * …", "` `` ``` …") stay linear.
#include <array>
#include <cctype>

#include "text/highlight/language.h"

namespace podium::highlight {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Line-local memory of failed searches: no closer of that kind before `until`.
struct Misses {
  std::array<size_t, 12> until{};  // 0-7: code spans of 1-8 backticks, 8: *, 9: **, 10: _, 11: __
  size_t link_until = 0;           // no ']' before this
  size_t paren_until = 0;          // no ')' before this
  size_t bracket = std::string_view::npos;  // the last ']' found
};

// Finds a run of exactly `n` of `c` in [from, line_end) that is not preceded by a blank
// (when `flanking`); returns its start or npos.
size_t FindRun(std::string_view t, char c, size_t n, size_t from, size_t line_end, bool flanking) {
  for (size_t q = from; q < line_end;) {
    if (t[q] != c) {
      ++q;
      continue;
    }
    size_t r = q;
    while (r < line_end && t[r] == c) ++r;
    if (r - q == n && (!flanking || !IsBlank(t[q - 1]))) return q;
    q = r;
  }
  return std::string_view::npos;
}

void ScanInline(Lexer& lx, size_t line_end) {
  const std::string_view t = lx.text;
  Misses misses;
  size_t p = lx.pos;
  while (p < line_end) {
    char c = t[p];
    if (c == '\\' && p + 1 < line_end &&
        std::string_view("\\`*_{}[]()#+-.!|<>~$").find(t[p + 1]) != std::string_view::npos) {
      lx.Emit(p, p + 2, TokenKind::kEscape);
      p += 2;
      continue;
    }
    if (c == '`') {
      size_t r = p;
      while (r < line_end && t[r] == '`') ++r;
      size_t n = r - p;
      if (n <= 8 && r < line_end && misses.until[n - 1] <= p) {
        size_t close = FindRun(t, '`', n, r, line_end, false);
        if (close != std::string_view::npos) {
          lx.Emit(p, close + n, TokenKind::kString);
          p = close + n;
          continue;
        }
        misses.until[n - 1] = line_end;
      }
      p = r;
      continue;
    }
    if (c == '*' || c == '_') {
      size_t r = p;
      while (r < line_end && t[r] == c) ++r;
      size_t n = r - p;
      // A left-flanking run: not followed by a blank; _ not inside a word.
      bool opens = n <= 2 && r < line_end && !IsBlank(t[r]) &&
                   !(c == '_' && p > 0 && (std::isalnum(static_cast<unsigned char>(t[p - 1]))));
      size_t slot = (c == '*' ? 8 : 10) + (n - 1);
      if (opens && misses.until[slot] <= p) {
        size_t close = FindRun(t, c, n, r + 1, line_end, true);
        if (close != std::string_view::npos) {
          lx.Emit(p, close + n, n == 2 ? TokenKind::kStrong : TokenKind::kEmphasis);
          p = close + n;
          continue;
        }
        misses.until[slot] = line_end;
      }
      p = r;
      continue;
    }
    if ((c == '[' || (c == '!' && p + 1 < line_end && t[p + 1] == '[')) && misses.link_until <= p) {
      size_t open = c == '!' ? p + 1 : p;
      // The first ']' after an earlier '[' is also the first after this one, if it is later.
      if (misses.bracket == std::string_view::npos || misses.bracket <= open)
        misses.bracket = t.substr(0, line_end).find(']', open + 1);
      size_t close = misses.bracket;
      if (close == std::string_view::npos) {
        misses.link_until = line_end;
      } else if (close + 1 < line_end && t[close + 1] == '(' && misses.paren_until <= close) {
        size_t paren = t.substr(0, line_end).find(')', close + 2);
        if (paren == std::string_view::npos) {
          misses.paren_until = line_end;
        } else {
          lx.Emit(p, open + 1, TokenKind::kPunctuation);
          lx.Emit(open + 1, close, TokenKind::kLink);
          lx.Emit(close, close + 2, TokenKind::kPunctuation);
          lx.Emit(close + 2, paren, TokenKind::kString);
          lx.Emit(paren, paren + 1, TokenKind::kPunctuation);
          p = paren + 1;
          continue;
        }
      }
    }
    if (c == '<' && p + 1 < line_end && (lx.StartsWith(p + 1, "http", line_end))) {
      size_t close = t.substr(0, line_end).find('>', p);
      if (close != std::string_view::npos) {
        lx.Emit(p, close + 1, TokenKind::kLink);
        p = close + 1;
        continue;
      }
    }
    p = lx.CharEnd(p, line_end);
  }
  lx.pos = line_end;
}

// A fence opener at p (``` or ~~~, three or more): its character and length, or 0.
size_t FenceLength(std::string_view t, size_t p, size_t line_end) {
  if (p >= line_end || (t[p] != '`' && t[p] != '~')) return 0;
  size_t q = p;
  while (q < line_end && t[q] == t[p]) ++q;
  return q - p >= 3 ? q - p : 0;
}

}  // namespace

void ScanMarkdown(Lexer& lx, size_t end) {
  const std::string_view t = lx.text;
  // YAML front matter: "---" on the first line, up to the next "---" line.
  if (lx.pos == 0 && lx.StartsWith(0, "---", end) && lx.LineEnd(0, end) <= 4) {
    size_t body = lx.NextLine(0, end);
    size_t p = body;
    while (p < end) {
      size_t e = lx.LineEnd(p, end);
      if (lx.StartsWith(p, "---", end) && e - p <= 4) break;
      p = lx.NextLine(p, end);
    }
    lx.Emit(0, 3, TokenKind::kPunctuation);
    if (const Language* yaml = FindLanguage("yaml");
        yaml && lx.depth < Lexer::kMaxDepth && p > body) {
      lx.pos = body;
      ++lx.depth;
      lx.Scan(*yaml, p);
      --lx.depth;
    }
    if (p < end) lx.Emit(p, p + 3, TokenKind::kPunctuation);
    lx.pos = lx.NextLine(p, end);
  }
  while (lx.pos < end) {
    size_t line = lx.pos;
    size_t line_end = lx.LineEnd(line, end);
    size_t p = lx.SkipBlanks(line, line_end);
    size_t next = lx.NextLine(line, end);
    if (p == line_end) {
      lx.pos = next;
      continue;
    }
    // Fenced code.
    if (size_t n = FenceLength(t, p, line_end); n && p - line < 4) {
      char fence = t[p];
      size_t info = lx.SkipBlanks(p + n, line_end);
      size_t info_end = info;
      while (info_end < line_end && !IsBlank(t[info_end]) && t[info_end] != '{') ++info_end;
      lx.Emit(p, p + n, TokenKind::kPunctuation);
      lx.Emit(info, info_end, TokenKind::kAttribute);
      size_t body = next, q = next;
      while (q < end) {
        size_t e = lx.LineEnd(q, end);
        size_t s = lx.SkipBlanks(q, e);
        size_t m = FenceLength(t, s, e);
        if (m >= n && t[s] == fence && lx.SkipBlanks(s + m, e) == e) break;
        q = lx.NextLine(q, end);
      }
      const Language* inner = FindLanguage(t.substr(info, info_end - info));
      if (q > body) {
        if (inner && lx.depth < Lexer::kMaxDepth) {
          lx.pos = body;
          ++lx.depth;
          lx.Scan(*inner, q > body && t[q - 1] == '\n' ? q - 1 : q);
          --lx.depth;
        } else {
          lx.Emit(body, q, TokenKind::kString);
        }
      }
      if (q < end) {
        size_t s = lx.SkipBlanks(q, end);
        lx.Emit(s, s + FenceLength(t, s, lx.LineEnd(q, end)), TokenKind::kPunctuation);
      }
      lx.pos = lx.NextLine(q, end);
      continue;
    }
    // HTML comments (Marp directives, notes), possibly over several lines.
    if (lx.StartsWith(p, "<!--", end)) {
      size_t close = t.substr(0, end).find("-->", p + 4);
      size_t e = close == std::string_view::npos ? end : close + 3;
      lx.Emit(p, e, TokenKind::kComment);
      lx.pos = e;
      if (lx.pos < end && t[lx.pos] != '\n') ScanInline(lx, lx.LineEnd(lx.pos, end));
      lx.pos = lx.NextLine(lx.pos, end);
      continue;
    }
    // ATX headings.
    if (t[p] == '#') {
      size_t q = p;
      while (q < line_end && t[q] == '#') ++q;
      if (q - p <= 6 && (q == line_end || IsBlank(t[q]))) {
        lx.Emit(p, line_end, TokenKind::kHeading);
        lx.pos = next;
        continue;
      }
    }
    // Thematic breaks and setext underlines: a line of one of - * _ = (three or more).
    if (std::string_view("-*_=").find(t[p]) != std::string_view::npos) {
      size_t q = p, count = 0;
      while (q < line_end && (t[q] == t[p] || IsBlank(t[q]))) count += t[q++] == t[p];
      if (q == line_end && count >= 3) {
        lx.Emit(p, line_end, TokenKind::kPunctuation);
        lx.pos = next;
        continue;
      }
    }
    // Quote and list markers, possibly nested: "> - 1. ".
    for (;;) {
      p = lx.SkipBlanks(p, line_end);
      if (p < line_end && t[p] == '>') {
        lx.Emit(p, p + 1, TokenKind::kPunctuation);
        ++p;
        continue;
      }
      size_t q = p;
      if (q < line_end && (t[q] == '-' || t[q] == '*' || t[q] == '+')) {
        ++q;
      } else {
        while (q < line_end && q - p < 9 && IsDigit(t[q])) ++q;
        if (q > p && q < line_end && (t[q] == '.' || t[q] == ')'))
          ++q;
        else
          q = p;
      }
      if (q > p && (q == line_end || IsBlank(t[q]))) {
        lx.Emit(p, q, TokenKind::kPunctuation);
        p = q;
        size_t box = lx.SkipBlanks(p, line_end);
        if (box + 2 < line_end && t[box] == '[' && t[box + 2] == ']' &&
            (t[box + 1] == ' ' || t[box + 1] == 'x' || t[box + 1] == 'X')) {
          lx.Emit(box, box + 3, TokenKind::kPunctuation);
          p = box + 3;
        }
        continue;
      }
      break;
    }
    lx.pos = p;
    ScanInline(lx, line_end);
    lx.pos = next;
  }
}

extern const LanguageDef kMarkdown{
    .name = "markdown",
    .aliases = "md mkd mkdown mdx marp",
    .scan = ScanMarkdown,
};

}  // namespace podium::highlight
