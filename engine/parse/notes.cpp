#include "parse/notes.h"

namespace podium::parse {

std::optional<NotesMarker> FindNotesMarker(std::string_view text, size_t begin, size_t end,
                                           const std::vector<ByteRange>& verbatim) {
  for (LineCursor c(text, begin, end); !c.Done(); c.Advance()) {
    std::string_view line = c.Text();
    const Line& at = c.Current();
    if (IndentWidth(line) > 3 || InRanges(verbatim, at.begin)) continue;
    std::string_view t = TrimLeft(line);
    if (TrimRight(t) == "???") return NotesMarker{at.begin, at.next};
    for (std::string_view word : {std::string_view("notes:"), std::string_view("note:")}) {
      if (t.size() >= word.size() && EqualsIgnoreCase(t.substr(0, word.size()), word)) {
        size_t after = at.begin + (line.size() - t.size()) + word.size();
        return NotesMarker{at.begin, after};
      }
    }
  }
  return std::nullopt;
}

std::string TidyNoteText(std::string_view text) {
  std::vector<std::string_view> lines;
  for (LineCursor c(text, 0, text.size()); !c.Done(); c.Advance())
    lines.push_back(TrimRight(c.Text()));
  // A text on the marker's own line (`Note: text`, `<!-- text`) has no indentation of its
  // own, so that line is left out when the shared indentation is measured.
  size_t first = 0;
  while (first < lines.size() && lines[first].empty()) ++first;
  size_t last = lines.size();
  while (last > first && lines[last - 1].empty()) --last;
  if (first >= last) return {};
  size_t margin = std::string_view::npos;
  for (size_t i = first == 0 ? 1 : first; i < last; ++i) {
    if (lines[i].empty()) continue;
    size_t indent = 0;
    while (indent < lines[i].size() && IsSpaceOrTab(lines[i][indent])) ++indent;
    margin = std::min(margin, indent);
  }
  std::string out(first == 0 ? TrimLeft(lines[first])
                             : lines[first].substr(std::min(margin, lines[first].size())));
  for (size_t i = first + 1; i < last; ++i) {
    out.push_back('\n');
    if (!lines[i].empty())
      out.append(lines[i].substr(margin == std::string_view::npos ? 0 : margin));
  }
  return out;
}

void AppendNote(std::string& notes, std::string_view note) {
  if (note.empty()) return;
  if (!notes.empty()) notes += "\n\n";
  notes += note;
}

}  // namespace podium::parse
