// Speaker notes: where they start in a slide, and how their text is tidied.
//
//   remark     a line `???`: the rest of the slide is notes
//   reveal.js  a line starting `Note:` or `Notes:` (any case, up to 3 spaces in): the rest
//              of the slide is notes, the text after the colon included
//   Marp       HTML comments that are not directives (see directives.h) — collected by the
//              block pass, tidied here
//
// Notes keep their Markdown; several notes of one slide are joined by a blank line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/scan.h"

namespace podium::parse {

struct NotesMarker {
  size_t line_begin = 0;   // the marker line: the slide's content ends here
  size_t notes_begin = 0;  // the notes' text starts here
};

// The first notes marker in text[begin, end) on a line that does not start inside one of
// `verbatim` (code blocks and HTML blocks).
std::optional<NotesMarker> FindNotesMarker(std::string_view text, size_t begin, size_t end,
                                           const std::vector<ByteRange>& verbatim);

// Trims blank lines and trailing blanks, and removes the indentation all lines share.
std::string TidyNoteText(std::string_view text);

// Appends `note` to `notes`, with a blank line between two notes. Empty notes are skipped.
void AppendNote(std::string& notes, std::string_view note);

}  // namespace podium::parse
