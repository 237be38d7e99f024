#include "parse/split_slides.h"

#include <algorithm>
#include <string>

#include "parse/markdown_blocks.h"
#include "parse/notes.h"
#include "parse/yaml_subset.h"

namespace podium::parse {
namespace {

constexpr size_t kNone = std::string::npos;

// What the structure pass remembers of each top-level block.
struct TopBlock {
  MD_BLOCKTYPE type = MD_BLOCK_DOC;
  int level = 0;         // headings
  size_t first = kNone;  // offset of its first text in the source
  size_t last_end = 0;   // end of its last text
};

struct VerbatimBlock {
  MD_BLOCKTYPE type = MD_BLOCK_DOC;
  char fence_char = 0;
  size_t first = kNone;
  size_t last_end = 0;
};

class StructurePass {
 public:
  StructurePass(const SourceText& src, size_t body_begin) : src_(src), body_begin_(body_begin) {}

  void Run() {
    MD_PARSER parser{};
    parser.flags = kMd4cFlags;
    // Tables too large to build would take md4c as long to walk (markdown_blocks.h).
    if (FindOversizedTable(src_.text, body_begin_, src_.text.size()).offset != kNone)
      parser.flags &= ~MD_FLAG_TABLES;
    parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) {
      return static_cast<StructurePass*>(u)->Enter(t, d);
    };
    parser.leave_block = [](MD_BLOCKTYPE t, void*, void* u) {
      return static_cast<StructurePass*>(u)->Leave(t);
    };
    parser.enter_span = [](MD_SPANTYPE, void*, void*) { return 0; };
    parser.leave_span = [](MD_SPANTYPE, void*, void*) { return 0; };
    parser.text = [](MD_TEXTTYPE, const MD_CHAR* s, MD_SIZE n, void* u) {
      return static_cast<StructurePass*>(u)->Text(s, n);
    };
    const std::string& text = src_.text;
    md_parse(text.data() + body_begin_, static_cast<MD_SIZE>(text.size() - body_begin_), &parser,
             this);
  }

  // Line starts of `---` lines under top-level setext headings.
  void FindDashUnderlines() {
    const std::string& text = src_.text;
    for (const TopBlock& b : top) {
      if (b.type != MD_BLOCK_H || b.first == kNone) continue;
      std::string_view first_line(text.data() + src_.LineStart(b.first),
                                  b.first - src_.LineStart(b.first));
      if (TrimLeft(first_line).substr(0, 1) == "#") continue;  // ATX
      size_t next = src_.LineEnd(b.last_end) + 1;
      if (next >= text.size()) continue;
      std::string_view line(text.data() + next, src_.LineEnd(next) - next);
      if (IsThematicBreakLine(line) && Trim(line)[0] == '-') dash_underlines.push_back(next);
    }
  }

  std::vector<TopBlock> top;
  std::vector<VerbatimBlock> verbatim;
  std::vector<size_t> dash_underlines;

 private:
  int Enter(MD_BLOCKTYPE type, void* detail) {
    if (depth_ == 1) {
      top.push_back({type});
      if (type == MD_BLOCK_H) top.back().level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
    }
    ++depth_;
    if (type == MD_BLOCK_CODE || type == MD_BLOCK_HTML) {
      VerbatimBlock v;
      v.type = type;
      if (type == MD_BLOCK_CODE)
        v.fence_char = static_cast<MD_BLOCK_CODE_DETAIL*>(detail)->fence_char;
      open_verbatim_ = v;
      in_verbatim_ = true;
    }
    return 0;
  }

  int Leave(MD_BLOCKTYPE type) {
    --depth_;
    if ((type == MD_BLOCK_CODE || type == MD_BLOCK_HTML) && in_verbatim_) {
      in_verbatim_ = false;
      if (open_verbatim_.first != kNone) verbatim.push_back(open_verbatim_);
    }
    return 0;
  }

  int Text(const char* p, size_t n) {
    const std::string& text = src_.text;
    if (p < text.data() || p >= text.data() + text.size()) return 0;
    size_t offset = static_cast<size_t>(p - text.data());
    if (!top.empty()) {
      TopBlock& b = top.back();
      if (b.first == kNone) b.first = offset;
      b.last_end = std::max(b.last_end, offset + n);
    }
    if (in_verbatim_) {
      if (open_verbatim_.first == kNone) open_verbatim_.first = offset;
      open_verbatim_.last_end = std::max(open_verbatim_.last_end, offset + n);
    }
    return 0;
  }

  const SourceText& src_;
  size_t body_begin_;
  int depth_ = 0;
  bool in_verbatim_ = false;
  VerbatimBlock open_verbatim_;
};

// Start offsets of the last `count` thematic-break lines among the whole lines between
// `after` (a block's last text; `from_start` when nothing came before) and the line that
// holds `before`. Earlier candidates are setext underlines of the block before.
void FindBreaks(const SourceText& src, size_t after, bool from_start, size_t before, int count,
                std::vector<size_t>& out) {
  const std::string& text = src.text;
  size_t begin = from_start ? after : std::min(src.LineEnd(after) + 1, text.size());
  size_t end = before >= text.size() ? text.size() : src.LineStart(before);
  std::vector<size_t> candidates;
  for (LineCursor c(text, begin, end); !c.Done(); c.Advance())
    if (IsThematicBreakLine(c.Text())) candidates.push_back(c.Current().begin);
  size_t skip = candidates.size() > static_cast<size_t>(count) ? candidates.size() - count : 0;
  out.insert(out.end(), candidates.begin() + static_cast<std::ptrdiff_t>(skip), candidates.end());
}

// A Slidev header right after a separator (`after` is the next line's start): `key:` lines,
// with indented continuation lines, and a closing `---`. Returns the header's
// lines and sets `close` to the closing line's start.
bool FindSlideHeader(const std::string& text, size_t after, ByteRange& lines, size_t& close) {
  LineCursor c(text, after, text.size());
  if (c.Done() || !LooksLikeYamlKeyLine(c.Text())) return false;
  for (int n = 0; !c.Done() && n < 200; ++n, c.Advance()) {
    std::string_view line = c.Text();
    if (IsDashFenceLine(line)) {
      if (n == 0) return false;
      lines = {after, c.Current().begin};
      close = c.Current().begin;
      return true;
    }
    if (IsBlank(line)) return false;
    // No blank or `#` lines: remark writes `class: center` right above `# Title`.
    if (IndentWidth(line) == 0 && !LooksLikeYamlKeyLine(line)) return false;
  }
  return false;
}

// reveal-md separator lines: lines equal to `a` or `b` outside fenced and indented code.
std::vector<size_t> LiteralSeparators(const SourceText& src, size_t body_begin,
                                      const std::vector<VerbatimBlock>& verbatim,
                                      std::string_view a, std::string_view b) {
  std::vector<size_t> out;
  const std::string& text = src.text;
  for (LineCursor c(text, body_begin, text.size()); !c.Done(); c.Advance()) {
    std::string_view line = Trim(c.Text());
    if (line.empty() || (line != a && line != b)) continue;
    size_t at = c.Current().begin;
    bool in_code = std::any_of(verbatim.begin(), verbatim.end(), [&](const VerbatimBlock& v) {
      return v.type == MD_BLOCK_CODE && v.first != kNone && at >= src.LineStart(v.first) && at < v.last_end;
    });
    if (!in_code) out.push_back(at);
  }
  return out;
}

}  // namespace

DeckOutline OutlineDeck(const SourceText& src, size_t body_begin,
                        std::vector<Diagnostic>& diagnostics, const SplitRules& rules) {
  const std::string& text = src.text;
  DeckOutline outline;
  StructurePass pass(src, body_begin);
  pass.Run();
  pass.FindDashUnderlines();

  // Verbatim ranges, and fences that run to the end of the deck.
  for (const VerbatimBlock& v : pass.verbatim) {
    outline.verbatim.push_back({v.first, v.last_end});
    if (v.type == MD_BLOCK_CODE && v.fence_char != 0 &&
        IsBlank(std::string_view(text).substr(v.last_end))) {
      size_t fence_line = src.LineStart(v.first);
      fence_line = fence_line > 0 ? src.LineStart(fence_line - 1) : 0;
      size_t fence = text.find(v.fence_char, fence_line);
      if (fence == std::string::npos || fence > src.LineEnd(fence_line)) fence = fence_line;
      diagnostics.push_back(MakeDiagnostic(DiagnosticCode::kUnclosedCodeFence, src.PosAt(fence)));
    }
  }
  std::sort(outline.verbatim.begin(), outline.verbatim.end(),
            [](const ByteRange& a, const ByteRange& b) { return a.begin < b.begin; });

  // Separators: each run of top-level breaks lies between two blocks that have text.
  std::vector<size_t> separators;
  size_t gap_begin = body_begin;
  bool from_start = true;
  int pending = 0;
  for (const TopBlock& b : pass.top) {
    if (b.type == MD_BLOCK_HR) {
      ++pending;
      continue;
    }
    if (b.first == kNone) continue;
    if (pending > 0) FindBreaks(src, gap_begin, from_start, b.first, pending, separators);
    pending = 0;
    gap_begin = b.last_end;
    from_start = false;
  }
  if (pending > 0) FindBreaks(src, gap_begin, from_start, text.size(), pending, separators);
  if (!rules.separator.empty() || !rules.vertical_separator.empty()) {
    // reveal-md with its own separators: `---` is a rule inside a slide, not a break.
    std::string_view horizontal = rules.separator.empty() ? std::string_view("---") : rules.separator;
    std::string_view vertical = rules.vertical_separator.empty() ? horizontal : rules.vertical_separator;
    separators = LiteralSeparators(src, body_begin, pass.verbatim, horizontal, vertical);
  }
  // Marp's headingDivider: a slide starts at each heading of a divided level (the heading
  // stays on it), unless nothing but blanks and comments comes before it on its slide.
  std::vector<size_t> heading_cuts;
  if (rules.heading_divider != 0) {
    for (const TopBlock& b : pass.top) {
      if (b.type != MD_BLOCK_H || b.first == kNone || b.level < 1 || b.level > 6) continue;
      if (!(rules.heading_divider & (1u << b.level))) continue;
      size_t line = src.LineStart(b.first);
      auto before = std::upper_bound(separators.begin(), separators.end(), line);
      size_t region = before == separators.begin() ? body_begin : src.LineEnd(*(before - 1)) + 1;
      if (!heading_cuts.empty() && heading_cuts.back() > region) region = heading_cuts.back();
      // HTML comments (directives, notes) are not content, as Marpit hides them.
      std::string content(std::string_view(text).substr(region, line > region ? line - region : 0));
      for (size_t open; (open = content.find("<!--")) != std::string::npos;) {
        size_t close = content.find("-->", open + 4);
        content.erase(open, close == std::string::npos ? std::string::npos : close + 3 - open);
      }
      if (IsBlank(content)) continue;
      heading_cuts.push_back(line);
    }
    separators.insert(separators.end(), heading_cuts.begin(), heading_cuts.end());
    std::sort(separators.begin(), separators.end());
  }

  // Regions between separators. A Slidev header swallows the `---` that closes it; in a
  // notes section (remark `???`, reveal.js `Note:`) a `---` line ends the slide even right
  // under text, as those tools split there and a note is never a heading.
  std::vector<size_t> consumed;  // `---` lines that md4c may have read as setext underlines
  size_t region_begin = body_begin;
  bool after_separator = false;
  ByteRange header;
  for (size_t i = 0;; ++i) {
    size_t sep = i < separators.size() ? separators[i] : text.size();
    if (sep < region_begin) continue;  // the closing line of the header just read
    if (auto marker = FindNotesMarker(text, region_begin, sep, outline.verbatim)) {
      for (LineCursor c(text, std::min(marker->notes_begin, sep), sep); !c.Done(); c.Advance()) {
        if (c.Current().begin < marker->notes_begin) continue;  // the marker's own line
        if (IsDashFenceLine(c.Text()) && !InRanges(outline.verbatim, c.Current().begin)) {
          sep = c.Current().begin;
          separators.insert(separators.begin() + static_cast<std::ptrdiff_t>(i), sep);
          consumed.push_back(sep);
          break;
        }
      }
    }
    outline.slides.push_back({region_begin, sep, header, after_separator});
    if (i >= separators.size()) break;
    bool heading_cut = std::binary_search(heading_cuts.begin(), heading_cuts.end(), sep);
    region_begin = heading_cut ? sep : std::min(src.LineEnd(sep) + 1, text.size());
    after_separator = true;
    header = {};
    if (heading_cut) continue;
    size_t close = 0;
    if (FindSlideHeader(text, region_begin, header, close)) {
      region_begin = std::min(src.LineEnd(close) + 1, text.size());
      consumed.push_back(close);
    }
  }

  // `Text` / `---` is a setext heading (CommonMark, Marp); reveal.js, remark and Slidev
  // would have split there, so say how to get a slide break.
  for (size_t underline : pass.dash_underlines)
    if (std::find(consumed.begin(), consumed.end(), underline) == consumed.end())
      diagnostics.push_back(MakeDiagnostic(DiagnosticCode::kDashUnderline, src.PosAt(underline)));
  return outline;
}

}  // namespace podium::parse
