// SourceText: the deck's bytes made safe to parse, with a way back to the user's file.
//
//   std::vector<Diagnostic> diags;
//   if (auto why = DescribeBinaryInput(bytes)) { /* report kBinaryInput(*why), stop */ }
//   SourceText src = MakeSourceText(bytes, diags);
//   md_parse(src.text.data(), …);                 // valid UTF-8, '\n' line ends, no BOM
//   SourcePos pos = src.PosAt(pointer - src.text.data());   // line:col in the user's file
//
// Every later pass works on `text` and reports positions through PosAt(), so a column is
// counted in the bytes of the original file even where a CR, a BOM or an invalid byte was
// changed. Problems come back as diagnostics appended to the list given; nothing throws.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace podium::parse {

struct SourceText {
  // The cleaned text: valid UTF-8 (invalid sequences and NUL replaced with U+FFFD), line
  // ends "\n" (CRLF and lone CR converted), UTF-8 byte order mark removed.
  std::string text;

  // 1-based line and byte column in the original file of `text[offset]`.
  SourcePos PosAt(size_t offset) const;

  // Offset in `text` of the start of the line holding `offset`, and of its end (the '\n'
  // or the end of the text).
  size_t LineStart(size_t offset) const;
  size_t LineEnd(size_t offset) const;

  // From clean offset `clean` on, original offset = original + (offset − clean).
  struct Anchor {
    size_t clean = 0;
    size_t original = 0;
  };
  std::vector<Anchor> anchors;               // sorted by clean; anchors[0] = {0, 0}
  std::vector<size_t> original_line_starts;  // offsets in the original bytes
};

// Cleans `bytes` (see SourceText::text), warning once per replaced sequence (kInvalidUtf8,
// kNulByte) up to a cap, then once with the count of the rest (kMoreReplacements).
SourceText MakeSourceText(std::string_view bytes, std::vector<Diagnostic>& diagnostics);

// Why `bytes` is not a Markdown file ("PNG image", "NUL bytes", "not UTF-8 …"), judged from
// its first kilobyte; nullopt for text. A file that fails this check yields no slides.
std::optional<std::string> DescribeBinaryInput(std::string_view bytes);

// The cap on per-byte replacement warnings.
inline constexpr int kMaxReplacementWarnings = 20;

}  // namespace podium::parse
