#include "parse/source_text.h"

#include <algorithm>
#include <cstdint>

#include "text/utf8.h"

namespace podium::parse {

// [SECTION] Positions ------------------------------------------------------------------

SourcePos SourceText::PosAt(size_t offset) const {
  if (anchors.empty() || original_line_starts.empty()) return {};
  auto anchor = std::upper_bound(anchors.begin(), anchors.end(), offset,
                                 [](size_t off, const Anchor& a) { return off < a.clean; });
  --anchor;  // anchors[0].clean == 0, so there is always one at or before `offset`
  size_t original = anchor->original + (offset - anchor->clean);
  auto line = std::upper_bound(original_line_starts.begin(), original_line_starts.end(), original);
  --line;
  return {static_cast<int>(line - original_line_starts.begin()) + 1,
          static_cast<int>(original - *line) + 1};
}

size_t SourceText::LineStart(size_t offset) const {
  offset = std::min(offset, text.size());
  while (offset > 0 && text[offset - 1] != '\n') --offset;
  return offset;
}

size_t SourceText::LineEnd(size_t offset) const {
  size_t end = text.find('\n', std::min(offset, text.size()));
  return end == std::string::npos ? text.size() : end;
}

// [SECTION] Cleaning --------------------------------------------------------------------

SourceText MakeSourceText(std::string_view bytes, std::vector<Diagnostic>& diagnostics) {
  SourceText src;
  src.text.reserve(bytes.size());
  src.anchors.push_back({0, 0});

  // Line starts of the original, with the same line ends md4c knows: \n, \r\n, \r.
  src.original_line_starts.push_back(0);
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n')))
      src.original_line_starts.push_back(i + 1);
  }

  int warned = 0;
  int unreported = 0;
  SourcePos first_unreported;
  auto mark = [&](size_t original) { src.anchors.push_back({src.text.size(), original}); };

  size_t i = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    i = 3;
    mark(i);
    src.original_line_starts[0] = 3;  // editors do not count the byte order mark
  }
  while (i < bytes.size()) {
    unsigned char b = static_cast<unsigned char>(bytes[i]);
    if (b == '\r') {
      src.text.push_back('\n');
      i += (i + 1 < bytes.size() && bytes[i + 1] == '\n') ? 2 : 1;
      if (bytes[i - 1] == '\n') mark(i);
      continue;
    }
    if (b != 0 && b < 0x80) {
      src.text.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    size_t start = i;
    char32_t c = 0;
    bool replaced = false;
    DiagnosticCode code = DiagnosticCode::kNulByte;
    if (b == 0) {
      ++i;
      replaced = true;
    } else {
      c = DecodeNext(bytes, i);
      replaced = c == kReplacementCharacter && bytes.substr(start, i - start) != "\xEF\xBF\xBD";
      code = DiagnosticCode::kInvalidUtf8;
    }
    if (!replaced) {
      src.text.append(bytes.substr(start, i - start));
      continue;
    }
    size_t clean_start = src.text.size();
    src.text.append("\xEF\xBF\xBD");
    mark(i);
    SourcePos pos = src.PosAt(clean_start);  // anchors up to here are final
    if (warned < kMaxReplacementWarnings) {
      diagnostics.push_back(MakeDiagnostic(code, pos));
      ++warned;
    } else {
      if (unreported == 0) first_unreported = pos;
      ++unreported;
    }
  }
  if (unreported > 0)
    diagnostics.push_back(MakeDiagnostic(DiagnosticCode::kMoreReplacements, first_unreported,
                                         std::to_string(unreported)));
  return src;
}

// [SECTION] Binary detection --------------------------------------------------------------

std::optional<std::string> DescribeBinaryInput(std::string_view bytes) {
  struct Magic {
    std::string_view prefix;
    std::string_view what;
  };
  static constexpr Magic kMagic[] = {
      {"\x89PNG", "a PNG image"},
      {"\xFF\xD8\xFF", "a JPEG image"},
      {"GIF8", "a GIF image"},
      {"%PDF-", "a PDF document"},
      {"PK\x03\x04", "a ZIP archive, e.g. .pptx or .docx"},
      {"\xD0\xCF\x11\xE0", "an Office document"},
      {"\x1F\x8B", "gzip data"},
      {"\x7F"
       "ELF",
       "a program"},
      {"\xFF\xFE", "UTF-16 text; save it as UTF-8"},
      {"\xFE\xFF", "UTF-16 text; save it as UTF-8"},
  };
  for (const Magic& m : kMagic)
    if (bytes.substr(0, m.prefix.size()) == m.prefix) return std::string(m.what);

  std::string_view head = bytes.substr(0, 1024);
  int nul = 0, control = 0, invalid = 0;
  for (size_t i = 0; i < head.size();) {
    unsigned char b = static_cast<unsigned char>(head[i]);
    if (b < 0x80) {
      if (b == 0)
        ++nul;
      else if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' &&
               b != 0x1B)
        ++control;
      ++i;
      continue;
    }
    size_t start = i;
    char32_t c = DecodeNext(head, i);
    // A sequence cut by the end of the window is not held against the file.
    if (c == kReplacementCharacter && head.substr(start, i - start) != "\xEF\xBF\xBD" &&
        !(i == head.size() && head.size() < bytes.size()))
      ++invalid;
  }
  int bad = nul + control + invalid;
  size_t n = head.size();
  if (nul >= 16 || (nul >= 4 && static_cast<size_t>(nul) * 16 > n)) return "NUL bytes";
  if (bad >= 4 && static_cast<size_t>(bad) * 8 > n) {
    if (nul + control >= invalid) return "control bytes";
    return "not UTF-8; save it as UTF-8";
  }
  return std::nullopt;
}

}  // namespace podium::parse
