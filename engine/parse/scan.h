// Small string and line helpers shared by the parser's passes (header-only).
//
// Everything works on std::string_view into SourceText::text, whose lines end in '\n'.
// Views returned point into the string given; they live as long as it does.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace podium::parse {

inline bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }
inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

inline std::string_view TrimLeft(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsAsciiSpace(s[i])) ++i;
  return s.substr(i);
}
inline std::string_view TrimRight(std::string_view s) {
  size_t n = s.size();
  while (n > 0 && IsAsciiSpace(s[n - 1])) --n;
  return s.substr(0, n);
}
inline std::string_view Trim(std::string_view s) { return TrimRight(TrimLeft(s)); }
inline bool IsBlank(std::string_view s) { return TrimLeft(s).empty(); }

inline std::string ToLowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// Number of leading spaces (a tab counts to the next multiple of 4, as CommonMark does).
inline int IndentWidth(std::string_view line) {
  int width = 0;
  for (char c : line) {
    if (c == ' ')
      ++width;
    else if (c == '\t')
      width += 4 - width % 4;
    else
      break;
  }
  return width;
}

// One line of a text: [begin, end) without its '\n'; `next` is where the following starts.
struct Line {
  size_t begin = 0;
  size_t end = 0;
  size_t next = 0;
};

// Walks the lines of text[begin, end). Usage:
//   for (LineCursor c(text, b, e); !c.Done(); c.Advance()) use(c.Text(), c.Current());
class LineCursor {
 public:
  LineCursor(std::string_view text, size_t begin, size_t end)
      : text_(text), end_(end < text.size() ? end : text.size()) {
    Load(begin);
  }
  bool Done() const { return line_.begin >= end_; }
  void Advance() { Load(line_.next); }
  const Line& Current() const { return line_; }
  std::string_view Text() const { return text_.substr(line_.begin, line_.end - line_.begin); }

 private:
  void Load(size_t begin) {
    line_.begin = begin;
    size_t nl = begin < end_ ? text_.find('\n', begin) : std::string_view::npos;
    if (nl == std::string_view::npos || nl >= end_) {
      line_.end = end_ > begin ? end_ : begin;
      line_.next = line_.end;
    } else {
      line_.end = nl;
      line_.next = nl + 1;
    }
  }
  std::string_view text_;
  size_t end_;
  Line line_;
};

// A CommonMark thematic break: up to 3 spaces, then 3 or more of one of - * _ with only
// spaces or tabs between them.
inline bool IsThematicBreakLine(std::string_view line) {
  if (IndentWidth(line) > 3) return false;
  char mark = 0;
  int count = 0;
  for (char c : line) {
    if (IsSpaceOrTab(c)) continue;
    if (c != '-' && c != '*' && c != '_') return false;
    if (mark == 0) mark = c;
    if (c != mark) return false;
    ++count;
  }
  return count >= 3;
}

// A half-open range of offsets [begin, end).
struct ByteRange {
  size_t begin = 0;
  size_t end = 0;
};

// True when `offset` lies in one of `ranges` (sorted by begin, not overlapping).
inline bool InRanges(const std::vector<ByteRange>& ranges, size_t offset) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), offset,
                             [](size_t off, const ByteRange& r) { return off < r.begin; });
  return it != ranges.begin() && offset < (it - 1)->end;
}

// "---" with optional trailing blanks (and no indentation): the front-matter fence.
inline bool IsDashFenceLine(std::string_view line) { return TrimRight(line) == "---"; }

}  // namespace podium::parse
