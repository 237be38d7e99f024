// Index:
//   [SECTION] Helpers      attributes, trimming spans
//   [SECTION] Builder      the md4c callbacks' state: open frames, spans, comments
//   [SECTION] Blocks       enter/leave of blocks, paragraphs finished, tables
//   [SECTION] Spans        styles, links, images, code and math spans, inline HTML
//   [SECTION] Entry point
#include "parse/markdown_blocks.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <type_traits>

#include "parse/block_start.h"
#include "parse/code_info.h"
#include "parse/directives.h"
#include "parse/html_entities.h"
#include "parse/html_scan.h"
#include "parse/image_keywords.h"

namespace podium::parse {
namespace {

// [SECTION] Helpers -----------------------------------------------------------------------

// The text of an md4c attribute (link target, image source, code info), entities decoded.
std::string AttributeText(const MD_ATTRIBUTE& a) {
  std::string out;
  if (a.size == 0 || a.text == nullptr) return out;
  for (int i = 0; a.substr_offsets[i] < a.size; ++i) {
    std::string_view piece(a.text + a.substr_offsets[i],
                           a.substr_offsets[i + 1] - a.substr_offsets[i]);
    if (a.substr_types[i] == MD_TEXT_ENTITY)
      out += DecodeEntity(piece);
    else if (a.substr_types[i] == MD_TEXT_NULLCHAR)
      out += "\xEF\xBF\xBD";
    else
      out += piece;
  }
  return out;
}

bool IsBreak(const Span& s) {
  return s.kind == SpanKind::kSoftBreak || s.kind == SpanKind::kLineBreak;
}

// Drops breaks and blanks at both ends of a run of spans.
void TrimSpans(std::vector<Span>& spans) {
  while (!spans.empty() && IsBreak(spans.back())) spans.pop_back();
  size_t first = 0;
  while (first < spans.size() && IsBreak(spans[first])) ++first;
  spans.erase(spans.begin(), spans.begin() + static_cast<std::ptrdiff_t>(first));
  if (!spans.empty() && spans.front().kind == SpanKind::kText) {
    std::string_view t = TrimLeft(spans.front().text);
    spans.front().text = std::string(t);
    if (spans.front().text.empty()) spans.erase(spans.begin());
  }
  if (!spans.empty() && spans.back().kind == SpanKind::kText) {
    spans.back().text = std::string(TrimRight(spans.back().text));
    if (spans.back().text.empty()) spans.pop_back();
  }
}

// [SECTION] Builder -----------------------------------------------------------------------

struct Frame {
  MD_BLOCKTYPE type = MD_BLOCK_DOC;
  bool has_block = false;  // false for the document, table parts and flattened levels
  bool implicit = false;   // a paragraph md4c does not report (tight list items)
  bool pos_set = false;
  Block block;
  char fence_char = 0;
  size_t info_offset = std::string::npos;  // fenced code: where the info string starts
  MappedText html;                         // HTML blocks
  std::vector<size_t> display_math;        // indices of $$…$$ spans in block.spans
};

// Builder::last_block_ points into a frame's children; it must survive frames_ growing.
static_assert(std::is_nothrow_move_constructible_v<Frame>);

class Builder {
 public:
  Builder(const SourceText& src, std::vector<Diagnostic>& diagnostics, SlideContent& out)
      : src_(src), text_(src.text), diagnostics_(diagnostics), out_(out) {}

  void ParseSegment(ByteRange segment, int step) {
    segment_step_ = step;
    fallback_offset_ = segment.begin;
    MD_PARSER parser{};
    parser.flags = kMd4cFlags;
    if (OversizedTable t = FindOversizedTable(text_, segment.begin, segment.end);
        t.offset != std::string::npos) {
      parser.flags &= ~MD_FLAG_TABLES;
      diagnostics_.push_back(MakeDiagnostic(
          DiagnosticCode::kLimitExceeded, src_.PosAt(t.offset),
          "table too large: " + std::to_string(t.columns) + " columns x up to " +
              std::to_string(t.rows) + " rows (limits: " + std::to_string(kMaxTableColumns) +
              " columns, " + std::to_string(kTableCellAllowance) +
              " cells + 2 per byte of the slide); shown as text"));
    }
    parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) {
      return static_cast<Builder*>(u)->EnterBlock(t, d);
    };
    parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) {
      return static_cast<Builder*>(u)->LeaveBlock(t, d);
    };
    parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) {
      return static_cast<Builder*>(u)->EnterSpan(t, d);
    };
    parser.leave_span = [](MD_SPANTYPE t, void* d, void* u) {
      return static_cast<Builder*>(u)->LeaveSpan(t, d);
    };
    parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
      return static_cast<Builder*>(u)->Text(t, s, n);
    };
    md_parse(text_.data() + segment.begin, static_cast<MD_SIZE>(segment.end - segment.begin),
             &parser, this);
    frames_.clear();
    nesting_ = 0;
  }

 private:
  // Offset of `p` in the source, or npos for md4c's own strings.
  size_t OffsetOf(const char* p) const {
    if (p >= text_.data() && p < text_.data() + text_.size())
      return static_cast<size_t>(p - text_.data());
    return std::string::npos;
  }

  Frame& Top() { return frames_.back(); }

  static bool IsNestingFrame(const Frame& f) {
    return f.has_block && (f.block.kind == BlockKind::kList || f.block.kind == BlockKind::kQuote);
  }

  // The frame whose block receives a finished child block, or nullptr for the slide.
  Frame* ContainerFor() {
    for (size_t i = frames_.size(); i-- > 0;) {
      Frame& f = frames_[i];
      if (!f.has_block) continue;
      BlockKind k = f.block.kind;
      if (k == BlockKind::kList || k == BlockKind::kListItem || k == BlockKind::kQuote) return &f;
    }
    return nullptr;
  }

  void AppendBlock(Block&& block) {
    if (Frame* parent = ContainerFor()) {
      parent->block.children.push_back(std::move(block));
      last_block_ = &parent->block.children.back();
    } else {
      if (segment_step_ > 0 && block.step == 0) block.step = segment_step_;
      if (!click_steps_.empty() && block.step < click_steps_.back().step)
        block.step = click_steps_.back().step;
      out_.blocks.push_back(std::move(block));
      last_block_ = &out_.blocks.back();
    }
  }

  // A text at `offset` arrived: blocks still without a position start around it.
  void SetPendingPositions(size_t offset) {
    size_t cursor = offset;
    for (size_t i = frames_.size(); i-- > 0;) {
      Frame& f = frames_[i];
      if (!f.has_block) continue;
      if (f.pos_set) break;
      BlockShape shape;
      shape.kind = f.block.kind;
      shape.indented_code = f.type == MD_BLOCK_CODE && f.fence_char == 0;
      shape.fence_char = f.fence_char;
      shape.info_offset = f.info_offset;
      shape.task = f.block.task != TaskState::kNone;
      cursor = BlockStart(src_, shape, cursor);
      f.block.pos = src_.PosAt(cursor);
      f.pos_set = true;
    }
  }

  void NoteText(const char* p, size_t n) {
    size_t offset = OffsetOf(p);
    if (offset == std::string::npos) return;
    if (depth_warning_pending_) {
      depth_warning_pending_ = false;
      diagnostics_.push_back(MakeDiagnostic(DiagnosticCode::kTooDeep, src_.PosAt(offset),
                                            std::to_string(kMaxNesting)));
    }
    SetPendingPositions(offset);
    fallback_offset_ = offset + n;
  }

  // [SECTION] Blocks ----------------------------------------------------------------------

  void PushFrame(MD_BLOCKTYPE type, BlockKind kind, bool has_block) {
    Frame f;
    f.type = type;
    f.has_block = has_block;
    f.block.kind = kind;
    frames_.push_back(std::move(f));
  }

  void CloseImplicitParagraph() {
    if (!frames_.empty() && Top().implicit) LeaveBlock(MD_BLOCK_P, nullptr);
  }

  int EnterBlock(MD_BLOCKTYPE type, void* detail) {
    FlushInlineHtml();
    CloseImplicitParagraph();
    switch (type) {
      case MD_BLOCK_DOC:
        PushFrame(type, BlockKind::kParagraph, false);
        break;
      case MD_BLOCK_QUOTE:
      case MD_BLOCK_UL:
      case MD_BLOCK_OL: {
        bool keep = nesting_ < kMaxNesting;
        if (!keep && !warned_depth_) {
          warned_depth_ = true;
          depth_warning_pending_ = true;  // reported at the first text inside
        }
        // Slidev's <v-clicks> reveals the items of the list right inside it.
        bool clicks = v_clicks_ > 0 && ContainerFor() == nullptr;
        PushFrame(type, type == MD_BLOCK_QUOTE ? BlockKind::kQuote : BlockKind::kList, keep);
        if (keep) ++nesting_;
        Block& b = Top().block;
        if (type == MD_BLOCK_UL) {
          b.fragmented = static_cast<MD_BLOCK_UL_DETAIL*>(detail)->mark == '*' || clicks;
        } else if (type == MD_BLOCK_OL) {
          auto* ol = static_cast<MD_BLOCK_OL_DETAIL*>(detail);
          b.ordered = true;
          b.start = static_cast<int>(ol->start);
          b.fragmented = ol->mark_delimiter == ')' || clicks;
        }
        break;
      }
      case MD_BLOCK_LI: {
        const Frame& list = Top();
        bool fragmented = list.block.fragmented;
        PushFrame(type, BlockKind::kListItem, list.has_block);
        auto* li = static_cast<MD_BLOCK_LI_DETAIL*>(detail);
        if (li->is_task)
          Top().block.task = (li->task_mark == ' ') ? TaskState::kOpen : TaskState::kDone;
        if (fragmented && Top().has_block) Top().block.step = ++out_.steps;
        break;
      }
      case MD_BLOCK_HR:  // only inside containers (slides are split at top-level ones)
        PushFrame(type, BlockKind::kParagraph, false);
        break;
      case MD_BLOCK_H:
        PushFrame(type, BlockKind::kHeading, true);
        Top().block.level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
        break;
      case MD_BLOCK_CODE: {
        PushFrame(type, BlockKind::kCode, true);
        auto* code = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
        Frame& f = Top();
        f.fence_char = code->fence_char;
        if (code->info.size > 0) {
          f.info_offset = OffsetOf(code->info.text);
          SourcePos pos =
              f.info_offset != std::string::npos ? src_.PosAt(f.info_offset) : SourcePos{};
          f.block.code = ReadCodeInfo(AttributeText(code->info), pos, diagnostics_);
        }
        break;
      }
      case MD_BLOCK_HTML:
        PushFrame(type, BlockKind::kHtml, true);
        break;
      case MD_BLOCK_P:
        PushFrame(type, BlockKind::kParagraph, true);
        break;
      case MD_BLOCK_TABLE:
        PushFrame(type, BlockKind::kTable, true);
        Top().block.table.header_rows =
            static_cast<int>(static_cast<MD_BLOCK_TABLE_DETAIL*>(detail)->head_row_count);
        table_frame_ = frames_.size() - 1;
        break;
      case MD_BLOCK_THEAD:
      case MD_BLOCK_TBODY:
        PushFrame(type, BlockKind::kParagraph, false);
        break;
      case MD_BLOCK_TR:
        PushFrame(type, BlockKind::kParagraph, false);
        if (table_frame_) frames_[*table_frame_].block.table.rows.emplace_back();
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        PushFrame(type, BlockKind::kParagraph, false);
        if (table_frame_) {
          Table& table = frames_[*table_frame_].block.table;
          if (table.rows.size() == 1) {
            auto align = static_cast<MD_BLOCK_TD_DETAIL*>(detail)->align;
            table.aligns.push_back(align == MD_ALIGN_LEFT     ? Align::kLeft
                                   : align == MD_ALIGN_CENTER ? Align::kCenter
                                   : align == MD_ALIGN_RIGHT  ? Align::kRight
                                                              : Align::kDefault);
          }
          if (!table.rows.empty()) table.rows.back().emplace_back();
        }
        break;
    }
    return 0;
  }

  int LeaveBlock(MD_BLOCKTYPE type, void*) {
    FlushInlineHtml();
    if (type != MD_BLOCK_P || frames_.empty() || !Top().implicit) CloseImplicitParagraph();
    if (frames_.empty()) return 0;
    Frame f = std::move(frames_.back());
    frames_.pop_back();
    if (IsNestingFrame(f)) --nesting_;
    if (type == MD_BLOCK_TABLE) table_frame_.reset();
    if (!f.has_block) return 0;
    if (!f.pos_set) f.block.pos = src_.PosAt(fallback_offset_);
    switch (f.block.kind) {
      case BlockKind::kParagraph:
      case BlockKind::kHeading:
        FinishTextBlock(std::move(f));
        return 0;
      case BlockKind::kCode:
        FinishCode(f.block);
        break;
      case BlockKind::kHtml:
        FinishHtml(f);
        if (f.block.text.empty()) return 0;
        break;
      default:
        break;
    }
    AppendBlock(std::move(f.block));
    return 0;
  }

  void FinishCode(Block& b) {
    if (!b.text.empty() && b.text.back() == '\n') b.text.pop_back();
    if (b.code.highlight_steps.size() > 1) {
      b.code.first_stage_step = out_.steps + 1;
      out_.steps += static_cast<int>(b.code.highlight_steps.size()) - 1;
    }
    if (b.code.language == "mermaid") {
      b.kind = BlockKind::kDiagram;
    } else if (b.code.language == "math") {
      b.kind = BlockKind::kMath;
      b.text = std::string(Trim(b.text));
    }
  }

  // Takes the comments out of an HTML block; what is left (if anything) stays as kHtml.
  void FinishHtml(Frame& f) {
    const MappedText& html = f.html;
    std::string rest;
    for (const HtmlPart& part : SplitHtml(html.text)) {
      if (part.kind == HtmlPartKind::kComment)
        AddComment(html.Slice(part.body_begin, part.body_end), false);
      else
        rest.append(html.text, part.begin, part.end - part.begin);
    }
    ReadClickTags(rest);
    bool empty = IsBlank(rest) || IsOnlyLineBreaks(rest);
    f.block.text = empty ? std::string() : std::string(TrimRight(rest));
  }

  // Slidev's click tags, each on a line of its own with blank lines around the Markdown
  // they wrap: `<v-clicks>` … `</v-clicks>` makes the list inside a fragmented list, one
  // item per step; `<v-click>` … `</v-click>`, or an element with the `v-click` attribute
  // (`<div v-click>` … `</div>`), shows the blocks inside at one step more. The tags are
  // taken out of `html`.
  void ReadClickTags(std::string& html) {
    std::string rest;
    size_t i = 0;
    while (i < html.size()) {
      size_t open = html.find('<', i);
      if (open == std::string::npos) break;
      size_t close = html.find('>', open);
      if (close == std::string::npos) break;
      std::string_view tag = Trim(std::string_view(html).substr(open + 1, close - open - 1));
      bool ending = !tag.empty() && tag.front() == '/';
      if (ending) tag.remove_prefix(1);
      size_t name_end = std::min(tag.find_first_of(" \t\n"), tag.size());
      std::string_view name = tag.substr(0, name_end);
      // <v-click> and <v-clicks> tags go; an element with the attribute stays (the HTML
      // pass draws it) without the attribute, and the blocks after it take its step.
      bool drop = false;
      size_t attribute = std::string::npos;
      if (name == "v-clicks") {
        drop = true;
        v_clicks_ = std::max(0, v_clicks_ + (ending ? -1 : 1));
      } else if (ending) {
        bool known = !click_steps_.empty() && click_steps_.back().closer == name;
        if (known) {
          drop = name == "v-click";
          click_steps_.pop_back();
        }
      } else if (name == "v-click") {
        drop = true;
        click_steps_.push_back({++out_.steps, std::string(name)});
      } else if (size_t at = ClickAttribute(tag.substr(name_end)); at != std::string_view::npos) {
        attribute = static_cast<size_t>(tag.data() - html.data()) + name_end + at;
        click_steps_.push_back({++out_.steps, std::string(name)});
      }
      if (attribute != std::string::npos) {
        rest.append(html, i, attribute - i);
        rest.append(html, attribute + 8, close + 1 - (attribute + 8));
      } else {
        rest.append(html, i, (drop ? open : close + 1) - i);
      }
      i = close + 1;
    }
    rest.append(html, std::min(i, html.size()), std::string::npos);
    html = std::move(rest);
  }

  // ` class="x" v-click` → where " v-click" starts (the blank before it): `v-click` alone
  // among a tag's attributes; npos when it is not there.
  static size_t ClickAttribute(std::string_view attributes) {
    for (size_t at = attributes.find("v-click"); at != std::string_view::npos;
         at = attributes.find("v-click", at + 1)) {
      bool starts = at > 0 && IsAsciiSpace(attributes[at - 1]);
      size_t after = at + 7;
      bool ends = after == attributes.size() || IsAsciiSpace(attributes[after]) || attributes[after] == '/';
      if (starts && ends) return at - 1;
    }
    return std::string_view::npos;
  }

  void AddComment(MappedText body, bool inline_comment) {
    std::string_view text = Trim(body.text);
    if (text.substr(0, 9) == ".element:") {
      if (RevealElementIsFragment(text.substr(9))) MarkRevealFragment(inline_comment);
      return;
    }
    out_.comments.push_back({std::move(body), inline_comment});
  }

  // reveal.js: the element holding the comment (inline) or the one before it (block)
  // becomes a fragment.
  void MarkRevealFragment(bool inline_comment) {
    Block* target = nullptr;
    if (inline_comment) {
      for (size_t i = frames_.size(); i-- > 0;) {
        Frame& f = frames_[i];
        if (!f.has_block) continue;
        target = &f.block;
        // A paragraph directly in a list item: the item is the element.
        if (i > 0 && f.block.kind == BlockKind::kParagraph && frames_[i - 1].has_block &&
            frames_[i - 1].block.kind == BlockKind::kListItem)
          target = &frames_[i - 1].block;
        break;
      }
    } else {
      target = last_block_;
    }
    if (target && target->step == 0) target->step = ++out_.steps;
  }

  void FinishTextBlock(Frame f) {
    Block& b = f.block;
    if (f.display_math.empty()) {
      TrimSpans(b.spans);
      if (b.spans.empty()) return;
      AppendBlock(std::move(b));
      return;
    }
    // $$…$$ is a math block of its own; text around it stays paragraphs.
    std::vector<Span> spans = std::move(b.spans);
    std::vector<Span> run;
    auto flush = [&] {
      TrimSpans(run);
      if (run.empty()) return;
      Block p;
      p.kind = b.kind;
      p.level = b.level;
      p.pos = run.front().pos.line ? run.front().pos : b.pos;
      p.spans = std::move(run);
      run.clear();
      AppendBlock(std::move(p));
    };
    size_t next_math = 0;
    for (size_t i = 0; i < spans.size(); ++i) {
      if (next_math < f.display_math.size() && f.display_math[next_math] == i) {
        ++next_math;
        flush();
        Block math;
        math.kind = BlockKind::kMath;
        math.pos = spans[i].pos.line ? spans[i].pos : b.pos;
        math.text = std::string(Trim(spans[i].text));
        AppendBlock(std::move(math));
        continue;
      }
      run.push_back(std::move(spans[i]));
    }
    flush();
  }

  // [SECTION] Spans -----------------------------------------------------------------------

  // The span list text goes to: a table cell, or the paragraph or heading being built
  // (opening an implicit paragraph in a tight list item).
  std::vector<Span>* SpanTarget() {
    if (frames_.empty()) return nullptr;
    Frame& top = Top();
    if ((top.type == MD_BLOCK_TH || top.type == MD_BLOCK_TD) && table_frame_) {
      Table& t = frames_[*table_frame_].block.table;
      if (!t.rows.empty() && !t.rows.back().empty()) return &t.rows.back().back().spans;
      return nullptr;
    }
    if (top.has_block &&
        (top.block.kind == BlockKind::kParagraph || top.block.kind == BlockKind::kHeading))
      return &top.block.spans;
    if (top.type == MD_BLOCK_LI || top.type == MD_BLOCK_QUOTE) {
      PushFrame(MD_BLOCK_P, BlockKind::kParagraph, true);
      Top().implicit = true;
      return &Top().block.spans;
    }
    if (!top.has_block) {  // a flattened level: the text joins the kept item above
      PushFrame(MD_BLOCK_P, BlockKind::kParagraph, true);
      Top().implicit = true;
      return &Top().block.spans;
    }
    return nullptr;
  }

  uint8_t CurrentStyle() const {
    uint8_t style = kStyleNone;
    if (bold_ > 0) style |= kStyleBold;
    if (italic_ > 0) style |= kStyleItalic;
    if (strike_ > 0) style |= kStyleStrike;
    if (underline_ > 0) style |= kStyleUnderline;
    if (!links_.empty()) style |= kStyleLink;
    return style;
  }

  void AddSpan(SpanKind kind, std::string_view text, const char* p) {
    std::vector<Span>* target = SpanTarget();
    if (!target) return;
    size_t offset = OffsetOf(p);
    if (offset != std::string::npos) SetPendingPositions(offset);
    uint8_t style = CurrentStyle();
    std::string href = links_.empty() ? std::string() : links_.back();
    if (kind == SpanKind::kText && removed_inline_ && !target->empty() && !text.empty() &&
        text.front() == ' ' && target->back().kind == SpanKind::kText &&
        !target->back().text.empty() && target->back().text.back() == ' ')
      text.remove_prefix(1);  // "a <!-- note --> b" reads "a b"
    removed_inline_ = false;
    if (text.empty() && kind == SpanKind::kText) return;
    if (kind == SpanKind::kText || kind == SpanKind::kCode) {
      if (!target->empty()) {
        Span& last = target->back();
        if (last.kind == kind && last.style == style && last.href == href &&
            !(kind == SpanKind::kCode && code_span_start_)) {
          last.text.append(text);
          return;
        }
      }
    }
    code_span_start_ = false;
    Span s;
    s.kind = kind;
    s.text = std::string(text);
    s.style = style;
    s.href = std::move(href);
    if (offset != std::string::npos) s.pos = src_.PosAt(offset);
    target->push_back(std::move(s));
  }

  int EnterSpan(MD_SPANTYPE type, void* detail) {
    FlushInlineHtml();
    if (image_depth_ > 0) {
      if (type == MD_SPAN_IMG) ++image_depth_;
      return 0;
    }
    switch (type) {
      case MD_SPAN_EM:
        ++italic_;
        break;
      case MD_SPAN_STRONG:
        ++bold_;
        break;
      case MD_SPAN_DEL:
        ++strike_;
        break;
      case MD_SPAN_U:
        ++underline_;
        break;
      case MD_SPAN_A:
        links_.push_back(AttributeText(static_cast<MD_SPAN_A_DETAIL*>(detail)->href));
        break;
      case MD_SPAN_IMG: {
        auto* img = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
        image_depth_ = 1;
        image_alt_.clear();
        image_src_ = AttributeText(img->src);
        image_offset_ = std::string::npos;
        image_src_offset_ = img->src.size > 0 ? OffsetOf(img->src.text) : std::string::npos;
        break;
      }
      case MD_SPAN_CODE:
        code_span_start_ = true;
        break;
      case MD_SPAN_LATEXMATH:
      case MD_SPAN_LATEXMATH_DISPLAY:
        math_.clear();
        math_offset_ = std::string::npos;
        math_end_ = std::string::npos;
        in_math_ = true;
        break;
      default:
        break;
    }
    return 0;
  }

  int LeaveSpan(MD_SPANTYPE type, void*) {
    FlushInlineHtml();
    if (image_depth_ > 0) {
      if (type == MD_SPAN_IMG && --image_depth_ == 0) FinishImage();
      return 0;
    }
    switch (type) {
      case MD_SPAN_EM:
        --italic_;
        break;
      case MD_SPAN_STRONG:
        --bold_;
        break;
      case MD_SPAN_DEL:
        --strike_;
        break;
      case MD_SPAN_U:
        --underline_;
        break;
      case MD_SPAN_A:
        if (!links_.empty()) links_.pop_back();
        break;
      case MD_SPAN_CODE:
        code_span_start_ = false;
        break;
      case MD_SPAN_LATEXMATH:
      case MD_SPAN_LATEXMATH_DISPLAY: {
        in_math_ = false;
        if (type == MD_SPAN_LATEXMATH && !LooksLikeInlineMath()) {
          // "$5 and $10": prices, not maths (the rule of Pandoc and Marp's KaTeX plugin).
          AddSpan(SpanKind::kText, "$" + math_ + "$", nullptr);
          break;
        }
        size_t start = math_offset_;
        if (start != std::string::npos) {
          start -= type == MD_SPAN_LATEXMATH ? 1 : 0;
          if (type == MD_SPAN_LATEXMATH_DISPLAY) {
            while (start > 0 && IsAsciiSpace(text_[start - 1])) --start;
            if (start >= 2 && text_.compare(start - 2, 2, "$$") == 0) start -= 2;
          }
        }
        std::vector<Span>* target = SpanTarget();
        if (!target) break;
        if (start != std::string::npos) SetPendingPositions(start);
        Span s;
        s.kind = SpanKind::kMath;
        s.text = type == MD_SPAN_LATEXMATH ? math_ : std::string(Trim(math_));
        s.style = CurrentStyle();
        if (start != std::string::npos) s.pos = src_.PosAt(start);
        if (type == MD_SPAN_LATEXMATH_DISPLAY && Top().has_block && &Top().block.spans == target)
          Top().display_math.push_back(target->size());
        target->push_back(std::move(s));
        break;
      }
      default:
        break;
    }
    return 0;
  }

  // Where `![` is: just before the alt text, or before the source on the same line.
  size_t ImageStart() const {
    if (image_offset_ != std::string::npos && image_offset_ >= 2 &&
        text_.compare(image_offset_ - 2, 2, "![") == 0)
      return image_offset_ - 2;
    if (image_src_offset_ != std::string::npos) {
      size_t line = src_.LineStart(image_src_offset_);
      size_t bang = text_.rfind("![", image_src_offset_);
      if (bang != std::string::npos && bang >= line) return bang;
    }
    return image_offset_ != std::string::npos ? image_offset_ : fallback_offset_;
  }

  // Inline $…$ is maths unless it starts or ends with a blank or a digit follows it.
  bool LooksLikeInlineMath() const {
    if (math_.empty() || IsAsciiSpace(math_.front()) || IsAsciiSpace(math_.back())) return false;
    if (math_end_ != std::string::npos && math_end_ + 1 < text_.size() && text_[math_end_] == '$' &&
        IsAsciiDigit(text_[math_end_ + 1]))
      return false;
    return true;
  }

  void FinishImage() {
    image_offset_ = ImageStart();
    SourcePos pos = src_.PosAt(image_offset_);
    ImageKeywords kw = ReadImageKeywords(image_alt_, pos, diagnostics_);
    if (kw.background) {
      Background bg = kw.bg;
      bg.src = image_src_;
      bg.alt = kw.alt;
      bg.pos = pos;
      out_.backgrounds.push_back(std::move(bg));
      removed_inline_ = true;
      return;
    }
    std::vector<Span>* target = SpanTarget();
    if (!target) return;
    SetPendingPositions(image_offset_);
    Span s;
    s.kind = SpanKind::kImage;
    s.text = kw.alt;
    s.href = image_src_;
    s.style = CurrentStyle();
    s.image_size = kw.size;
    s.pos = pos;
    target->push_back(std::move(s));
  }

  // Inline raw HTML: comments are collected, <br> is a line break, other tags become kHtml
  // spans (their content, which md4c reports as ordinary text, stays between them).
  void FlushInlineHtml() {
    if (inline_html_.empty()) return;
    MappedText html = std::move(inline_html_);
    inline_html_ = MappedText();
    for (const HtmlPart& part : SplitHtml(html.text)) {
      switch (part.kind) {
        case HtmlPartKind::kComment:
          AddComment(html.Slice(part.body_begin, part.body_end), true);
          removed_inline_ = true;
          break;
        case HtmlPartKind::kLineBreak:
          AddSpan(SpanKind::kLineBreak, "", nullptr);
          break;
        case HtmlPartKind::kTag: {  // kept for the HTML pass (html_blocks.h)
          size_t offset = html.SourceOffset(part.begin);
          const char* at = offset < text_.size() ? text_.data() + offset : nullptr;
          AddSpan(SpanKind::kHtml, std::string_view(html.text).substr(part.begin, part.end - part.begin), at);
          break;
        }
        case HtmlPartKind::kText:  // md4c reports text between tags as text, not HTML
          break;
      }
    }
  }

  int Text(MD_TEXTTYPE type, const MD_CHAR* p, MD_SIZE n) {
    std::string_view piece(p, n);
    bool html_block = !frames_.empty() && Top().type == MD_BLOCK_HTML;
    if (type == MD_TEXT_HTML && !html_block) {
      if (image_depth_ == 0) {
        if (OffsetOf(p) != std::string::npos && inline_html_.empty()) NoteText(p, n);
        inline_html_.Append(piece, text_);
      }
      return 0;
    }
    FlushInlineHtml();
    NoteText(p, n);
    if (image_depth_ > 0) {
      if (image_offset_ == std::string::npos) image_offset_ = OffsetOf(p);
      switch (type) {
        case MD_TEXT_ENTITY:
          image_alt_ += DecodeEntity(piece);
          break;
        case MD_TEXT_NULLCHAR:
          image_alt_ += "\xEF\xBF\xBD";
          break;
        case MD_TEXT_BR:
        case MD_TEXT_SOFTBR:
          image_alt_ += ' ';
          break;
        default:
          image_alt_ += piece;
          break;
      }
      return 0;
    }
    if (in_math_) {
      if (math_offset_ == std::string::npos) math_offset_ = OffsetOf(p);
      if (OffsetOf(p) != std::string::npos) math_end_ = OffsetOf(p) + n;
      // md4c turns a line end inside math into a space of its own: keep the line end.
      if (OffsetOf(p) == std::string::npos && piece == " ")
        math_ += '\n';
      else
        math_ += piece;
      return 0;
    }
    switch (type) {
      case MD_TEXT_NORMAL:
        AddSpan(SpanKind::kText, piece, p);
        break;
      case MD_TEXT_NULLCHAR:
        AddSpan(SpanKind::kText, "\xEF\xBF\xBD", p);
        break;
      case MD_TEXT_ENTITY:
        AddSpan(SpanKind::kText, DecodeEntity(piece), p);
        break;
      case MD_TEXT_BR:
        AddSpan(SpanKind::kLineBreak, "", nullptr);
        break;
      case MD_TEXT_SOFTBR:
        AddSpan(SpanKind::kSoftBreak, "", nullptr);
        break;
      case MD_TEXT_CODE:
        if (!frames_.empty() && Top().type == MD_BLOCK_CODE)
          Top().block.text.append(piece);
        else
          AddSpan(SpanKind::kCode, piece, p);
        break;
      case MD_TEXT_HTML:  // an HTML block
        Top().html.Append(piece, text_);
        break;
      case MD_TEXT_LATEXMATH:
        break;
    }
    return 0;
  }

  const SourceText& src_;
  std::string_view text_;
  std::vector<Diagnostic>& diagnostics_;
  SlideContent& out_;

  std::vector<Frame> frames_;
  std::optional<size_t> table_frame_;
  Block* last_block_ = nullptr;
  int segment_step_ = 0;
  int v_clicks_ = 0;              // open Slidev <v-clicks> tags
  struct OpenClick {
    int step = 0;
    std::string closer;  // the tag that ends it: "v-click", or the element's ("div")
  };
  std::vector<OpenClick> click_steps_;  // open Slidev <v-click> tags and v-click elements
  size_t fallback_offset_ = 0;
  int nesting_ = 0;  // kept lists and quotes open
  bool warned_depth_ = false;
  bool depth_warning_pending_ = false;

  int bold_ = 0, italic_ = 0, strike_ = 0, underline_ = 0;
  std::vector<std::string> links_;
  bool code_span_start_ = false;
  bool removed_inline_ = false;  // a comment, tag or bg image was just taken out

  int image_depth_ = 0;
  std::string image_alt_;
  std::string image_src_;
  size_t image_offset_ = std::string::npos;
  size_t image_src_offset_ = std::string::npos;

  bool in_math_ = false;
  std::string math_;
  size_t math_offset_ = std::string::npos;
  size_t math_end_ = std::string::npos;

  MappedText inline_html_;
};

}  // namespace

// [SECTION] Entry point -----------------------------------------------------------------

OversizedTable FindOversizedTable(std::string_view text, size_t begin, size_t end) {
  end = std::min(end, text.size());
  const size_t budget = kTableCellAllowance + kTableCellsPerByte * (end - begin);
  auto content_start = [&](size_t line, size_t eol) {  // past indentation and quote marks
    while (line < eol && (text[line] == ' ' || text[line] == '\t' || text[line] == '>')) ++line;
    return line;
  };
  auto line_end = [&](size_t line) { return std::min(end, text.find('\n', line)); };
  size_t total = 0;
  for (size_t line = begin; line < end;) {
    size_t eol = line_end(line);
    size_t columns = 0;
    bool pipe = false, dash_in_cell = false, delimiter = true;
    for (size_t i = content_start(line, eol); i < eol && delimiter; ++i) {
      switch (text[i]) {
        case '-':
          if (!dash_in_cell) ++columns;
          dash_in_cell = true;
          break;
        case '|': pipe = true; dash_in_cell = false; break;
        case ':': case ' ': case '\t': case '\r': break;
        default: delimiter = false;
      }
    }
    size_t next = eol + 1;
    if (delimiter && pipe && columns > 0) {
      size_t rows = 2;  // the head and the delimiter row itself
      while (next < end) {
        size_t row_end = line_end(next);
        size_t first = content_start(next, row_end);
        if (first == row_end || (first + 1 == row_end && text[first] == '\r')) break;  // blank
        ++rows;
        next = row_end + 1;
      }
      total += columns * rows;
      if (columns > kMaxTableColumns || total > budget) return {line, columns, rows};
    }
    line = next;
  }
  return {};
}

void BuildSlideContent(const SourceText& src, const std::vector<ByteRange>& segments,
                       std::vector<Diagnostic>& diagnostics, SlideContent& out) {
  Builder builder(src, diagnostics, out);
  for (size_t k = 0; k < segments.size(); ++k) {
    int step = 0;
    if (k > 0) step = ++out.steps;
    builder.ParseSegment(segments[k], step);
  }
}

}  // namespace podium::parse
