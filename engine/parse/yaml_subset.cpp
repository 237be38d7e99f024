#include "parse/yaml_subset.h"

#include <algorithm>
#include <cstdlib>

#include "parse/scan.h"
#include "text/utf8.h"

namespace podium::parse {
namespace {

bool IsKeyChar(char c) {
  return IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '_' || c == '-' || c == '.' || c == '$';
}

// Removes a trailing ` # comment` from a plain scalar. A value that starts with '#' is kept
// (Marp reads `color: #fff` loosely, as the colour, and so do we).
std::string_view StripComment(std::string_view value) {
  for (size_t i = 1; i < value.size(); ++i)
    if (value[i] == '#' && IsSpaceOrTab(value[i - 1])) return value.substr(0, i);
  return value;
}

// Reads a quoted scalar starting at value[0] (' or "). Returns false when unterminated.
bool ReadQuoted(std::string_view value, std::string& out, size_t& consumed) {
  char quote = value[0];
  out.clear();
  for (size_t i = 1; i < value.size(); ++i) {
    char c = value[i];
    if (quote == '\'' && c == '\'') {
      if (i + 1 < value.size() && value[i + 1] == '\'') {
        out.push_back('\'');
        ++i;
        continue;
      }
      consumed = i + 1;
      return true;
    }
    if (quote == '"' && c == '"') {
      consumed = i + 1;
      return true;
    }
    if (quote == '"' && c == '\\' && i + 1 < value.size()) {
      char e = value[++i];
      switch (e) {
        case 'n':
          out.push_back('\n');
          break;
        case 't':
          out.push_back('\t');
          break;
        case '"':
          out.push_back('"');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case '/':
          out.push_back('/');
          break;
        case 'u':
          if (i + 4 < value.size()) {
            std::string hex(value.substr(i + 1, 4));
            char* stop = nullptr;
            long code = std::strtol(hex.c_str(), &stop, 16);
            if (stop == hex.c_str() + 4) {
              EncodeUtf8(static_cast<char32_t>(code), out);
              i += 4;
              break;
            }
          }
          [[fallthrough]];
        default:
          out.push_back('\\');
          out.push_back(e);
      }
      continue;
    }
    out.push_back(c);
  }
  return false;
}

// A scalar on one line: quoted or plain (comment stripped).
std::string ReadScalar(std::string_view value) {
  value = Trim(value);
  if (!value.empty() && (value[0] == '"' || value[0] == '\'')) {
    std::string out;
    size_t consumed = 0;
    if (ReadQuoted(value, out, consumed)) return out;
  }
  return std::string(Trim(StripComment(value)));
}

// Items of a flow list "[a, 'b', c]" (the brackets included in `value`).
std::vector<std::string> ReadFlowList(std::string_view value) {
  std::vector<std::string> items;
  std::string_view inner = value.substr(1);
  size_t close = inner.rfind(']');
  if (close != std::string_view::npos) inner = inner.substr(0, close);
  size_t i = 0;
  while (i <= inner.size()) {
    // Find the next comma outside quotes.
    size_t j = i;
    char quote = 0;
    while (j < inner.size()) {
      char c = inner[j];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == ',') {
        break;
      }
      ++j;
    }
    std::string item = ReadScalar(inner.substr(i, j - i));
    if (!item.empty()) items.push_back(std::move(item));
    i = j + 1;
  }
  return items;
}

std::string JoinItems(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

bool IsListItemLine(std::string_view line) {
  std::string_view t = TrimLeft(line);
  return !t.empty() && t[0] == '-' && (t.size() == 1 || IsSpaceOrTab(t[1]));
}

}  // namespace

bool LooksLikeYamlKeyLine(std::string_view line, std::string_view* key) {
  size_t i = 0;
  while (i < line.size() && IsKeyChar(line[i])) ++i;
  if (i == 0 || i >= line.size() || line[i] != ':') return false;
  if (i + 1 < line.size() && !IsSpaceOrTab(line[i + 1])) return false;
  if (key) *key = line.substr(0, i);
  return true;
}

YamlDocument ReadYamlSubset(std::string_view text, size_t begin, size_t end) {
  YamlDocument doc;
  // The left margin: the indentation all non-blank lines share (a comment's body is often
  // indented as a whole).
  size_t margin = std::string_view::npos;
  for (LineCursor c(text, begin, end); !c.Done(); c.Advance()) {
    std::string_view line = c.Text();
    if (IsBlank(line)) continue;
    size_t indent = 0;
    while (indent < line.size() && IsSpaceOrTab(line[indent])) ++indent;
    margin = std::min(margin, indent);
  }
  if (margin == std::string_view::npos) return doc;
  auto strip = [margin](std::string_view line) {
    return IsBlank(line) ? TrimLeft(line) : line.substr(margin);
  };

  LineCursor cursor(text, begin, end);
  while (!cursor.Done()) {
    std::string_view line = strip(cursor.Text());
    Line at = cursor.Current();
    at.begin += cursor.Text().size() - line.size();
    std::string_view trimmed = TrimLeft(line);
    if (trimmed.empty() || trimmed[0] == '#') {
      cursor.Advance();
      continue;
    }
    std::string_view key;
    if (IndentWidth(line) > 0 || !LooksLikeYamlKeyLine(line, &key)) {
      doc.bad_lines.push_back({at.begin, std::string(TrimRight(line))});
      cursor.Advance();
      continue;
    }
    YamlEntry entry;
    entry.key = std::string(key);
    entry.key_offset = at.begin;
    size_t value_start = key.size() + 1;
    while (value_start < line.size() && IsSpaceOrTab(line[value_start])) ++value_start;
    entry.value_offset = at.begin + value_start;
    std::string_view value = TrimRight(line.substr(value_start));
    cursor.Advance();

    // Lines that belong to this entry: indented ones, blank ones between them, and `- `
    // items (YAML allows those at the key's own indentation).
    auto take_children = [&](bool allow_items_at_margin) {
      std::vector<std::string_view> lines;
      while (!cursor.Done()) {
        std::string_view next = strip(cursor.Text());
        bool child = IndentWidth(next) > 0 || (allow_items_at_margin && IsListItemLine(next));
        if (IsBlank(next)) {
          // A blank line belongs to the entry only if an indented line follows it.
          LineCursor look = cursor;
          while (!look.Done() && IsBlank(look.Text())) look.Advance();
          if (look.Done() || IndentWidth(strip(look.Text())) == 0) break;
          child = true;
        }
        if (!child) break;
        lines.push_back(next);
        cursor.Advance();
      }
      return lines;
    };

    if (value.empty()) {
      std::vector<std::string_view> children = take_children(true);
      bool all_items = !children.empty();
      for (std::string_view c : children)
        if (!IsBlank(c) && !IsListItemLine(c)) all_items = false;
      if (all_items) {
        entry.is_list = true;
        for (std::string_view c : children) {
          if (IsBlank(c)) continue;
          std::string item = ReadScalar(TrimLeft(c).substr(1));
          if (!item.empty()) entry.items.push_back(std::move(item));
        }
        entry.value = JoinItems(entry.items);
      } else if (!children.empty()) {
        entry.nested = true;
        for (std::string_view c : children) {
          if (!entry.value.empty()) entry.value += '\n';
          entry.value += c;
        }
      }
    } else if (value[0] == '|' || value[0] == '>') {
      bool literal = value[0] == '|';
      std::vector<std::string_view> children = take_children(false);
      int indent = -1;
      for (std::string_view c : children)
        if (!IsBlank(c) && (indent < 0 || IndentWidth(c) < indent)) indent = IndentWidth(c);
      std::string out;
      bool previous_blank = true;
      for (std::string_view c : children) {
        std::string_view content =
            IsBlank(c) ? std::string_view()
                       : c.substr(std::min<size_t>(c.size(),
                                                   static_cast<size_t>(indent < 0 ? 0 : indent)));
        if (literal) {
          out.append(content);
          out.push_back('\n');
        } else if (content.empty()) {
          out.push_back('\n');
          previous_blank = true;
        } else {
          if (!previous_blank) out.push_back(' ');
          out.append(content);
          previous_blank = false;
        }
      }
      entry.value = std::string(TrimRight(out));
    } else if (value[0] == '[') {
      entry.is_list = true;
      entry.items = ReadFlowList(value);
      entry.value = JoinItems(entry.items);
    } else if (value[0] == '{') {
      entry.nested = true;
      entry.value = std::string(value);
      take_children(false);
    } else {
      entry.value = ReadScalar(value);
      // A plain scalar may go on over indented lines (folded with spaces).
      if (value[0] != '"' && value[0] != '\'') {
        for (std::string_view c : take_children(false)) {
          std::string_view more = Trim(StripComment(c));
          if (more.empty()) continue;
          entry.value += ' ';
          entry.value += more;
        }
      } else {
        take_children(false);
      }
    }
    doc.entries.push_back(std::move(entry));
  }
  return doc;
}

}  // namespace podium::parse
