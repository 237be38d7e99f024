// The YAML subset that front matter, Slidev slide headers and Marp directive comments use.
//
//   YamlDocument doc = ReadYamlSubset(src.text, begin, end);
//   for (const YamlEntry& e : doc.entries) Apply(e.key, e.value, src.PosAt(e.key_offset));
//
// Understood: `key: value` at the left margin; values plain, 'single' or "double" quoted
// (with \n \t \" \\ \uXXXX escapes), flow lists `[a, b]`, block lists (`- a` lines), block
// scalars `|` and `>`, and `# comments`. A nested map (indented `k: v` lines, `{…}`) is
// kept as raw text with `nested` set: the callers only tolerate such keys. Lines that fit
// none of these come back in `bad_lines`; reading never fails.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace podium::parse {

struct YamlEntry {
  std::string key;
  std::string value;               // the scalar, unquoted; lists: items joined by ", "
  std::vector<std::string> items;  // list items (is_list)
  bool is_list = false;
  bool nested = false;    // an indented map or {…}: value is the raw text
  size_t key_offset = 0;  // offsets in the text given to ReadYamlSubset
  size_t value_offset = 0;
};

struct YamlBadLine {
  size_t offset = 0;
  std::string text;
};

struct YamlDocument {
  std::vector<YamlEntry> entries;
  std::vector<YamlBadLine> bad_lines;
};

// Reads the lines of text[begin, end).
YamlDocument ReadYamlSubset(std::string_view text, size_t begin, size_t end);

// True when `line` starts like a YAML mapping entry: `key:` then a blank or the line end.
// Sets `key` to the key's text.
bool LooksLikeYamlKeyLine(std::string_view line, std::string_view* key = nullptr);

}  // namespace podium::parse
