// remark.js slide syntax: properties at the top of a slide and `--` incremental steps.
//
//   ---
//   class: center, middle        properties: until the first line that is not one
//   name: intro
//
//   # Title
//   --                           everything below appears one step later
//   More text
//
// Known properties: class, name, layout, background-image, background-position,
// background-size, count, template, exclude. Only these are taken, so an ordinary first
// line such as `Note: …` or `Agenda: today` is left alone.
#pragma once

#include <string_view>
#include <vector>

#include "parse/directives.h"
#include "parse/scan.h"
#include "parse/source_text.h"

namespace podium::parse {

// Reads the properties at the top of src.text[begin, end) into `slide`; returns the offset
// where the slide's content starts (`begin` when there are none).
size_t ReadRemarkProperties(const SourceText& src, size_t begin, size_t end,
                            std::vector<Diagnostic>& diagnostics, SlideDirectives& slide);

// Line starts of the `--` lines in text[begin, end) that are outside `verbatim`.
std::vector<size_t> FindRemarkIncrements(std::string_view text, size_t begin, size_t end,
                                         const std::vector<ByteRange>& verbatim);

}  // namespace podium::parse
