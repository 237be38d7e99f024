// MappedText: a string assembled from pieces of the source (and a few pieces that are not,
// such as the "\n" md4c adds), which can say where each of its bytes came from.
//
//   MappedText t;  t.Append(ptr, size, src.text);  …
//   SourcePos pos = src.PosAt(t.SourceOffset(i));
//
// md4c hands text over in pieces that point into the document; an HTML comment inside a
// list item or a quote comes without the markers between its lines, so its text is not one
// slice of the source. Header-only.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace podium::parse {

struct MappedText {
  static constexpr size_t kNoSource = static_cast<size_t>(-1);
  struct Anchor {
    size_t offset = 0;          // in text
    size_t source = kNoSource;  // in the source, or kNoSource
  };

  std::string text;
  std::vector<Anchor> anchors;

  // Appends `piece`; `source` is the document it may point into.
  void Append(std::string_view piece, std::string_view source) {
    const char* p = piece.data();
    bool inside = p >= source.data() && p + piece.size() <= source.data() + source.size();
    anchors.push_back({text.size(), inside ? static_cast<size_t>(p - source.data()) : kNoSource});
    text.append(piece);
  }

  // Source offset of text[i]; for a byte of a piece that is not from the source, the
  // offset just after the nearest earlier source piece (0 if none).
  size_t SourceOffset(size_t i) const {
    auto it = std::upper_bound(anchors.begin(), anchors.end(), i,
                               [](size_t off, const Anchor& a) { return off < a.offset; });
    while (it != anchors.begin()) {
      --it;
      if (it->source != kNoSource) {
        size_t piece_end = (it + 1 != anchors.end()) ? (it + 1)->offset : text.size();
        return it->source + (std::min(i, piece_end) - it->offset);
      }
    }
    return 0;
  }

  // text[begin, end) with its anchors: a MappedText of its own.
  MappedText Slice(size_t begin, size_t end) const {
    MappedText out;
    for (size_t i = begin; i < end;) {
      auto next = std::upper_bound(anchors.begin(), anchors.end(), i,
                                   [](size_t off, const Anchor& a) { return off < a.offset; });
      size_t piece_end = std::min(next == anchors.end() ? text.size() : next->offset, end);
      bool inside = next != anchors.begin() && (next - 1)->source != kNoSource;
      out.anchors.push_back({out.text.size(), inside ? SourceOffset(i) : kNoSource});
      out.text.append(text, i, piece_end - i);
      i = piece_end;
    }
    return out;
  }

  bool empty() const { return text.empty(); }
};

}  // namespace podium::parse
