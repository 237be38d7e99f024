// Index:
//   [SECTION] Tags          which elements are blocks, inline, or never shown
//   [SECTION] Pass          placeholders, the parse, positions, warnings
//   [SECTION] Blocks        elements → blocks
//   [SECTION] Inline        elements → spans
//   [SECTION] Entry points
#include "parse/html_blocks.h"

#include <algorithm>
#include <array>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "html/css.h"
#include "html/html_style.h"
#include "html/html_tree.h"

namespace podium::parse {
namespace {

using html::HtmlNode;

// [SECTION] Tags -------------------------------------------------------------------------

constexpr std::string_view kPlaceholder = "data-podium";
constexpr int kMaxBoxDepth = 100;  // boxes nested deeper are read as their text

bool OneOf(std::string_view tag, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), tag) != names.end();
}

bool IsHeading(std::string_view tag) {
  return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}

// Elements a browser lays out as blocks (and that Podium reads as such).
bool IsBlockTag(std::string_view tag) {
  return IsHeading(tag) ||
         OneOf(tag, {"p", "div", "section", "article", "aside", "header", "footer", "main", "nav",
                     "ul", "ol", "li", "pre", "blockquote", "table", "hr", "figure", "figcaption",
                     "center", "details", "summary", "dl", "dt", "dd", "address", "hgroup",
                     "menu", "caption", "fieldset", "legend"});
}

bool IsInlineTag(std::string_view tag) {
  return OneOf(tag, {"span", "a", "b", "strong", "i", "em", "u", "s", "del", "ins", "strike",
                     "mark", "small", "big", "sub", "sup", "kbd", "code", "samp", "tt", "var",
                     "cite", "dfn", "abbr", "q", "time", "label", "font", "img", "br", "wbr",
                     "bdi", "bdo", "data", "output", "ruby", "rt", "rp", "picture", "source"});
}

// Elements with nothing to draw and nothing lost when left out.
bool IsSilent(std::string_view tag) {
  return tag.empty() || tag[0] == '#' || OneOf(tag, {"meta", "title", "base", "head", "html",
                                                     "body", "col", "colgroup", "track"});
}

// [SECTION] Pass -------------------------------------------------------------------------

struct InlineContext {
  InlineStyle look;
  uint8_t style = kStyleNone;
  std::string href;
  bool code = false;
};

class HtmlPass {
 public:
  // `fragments`: the slide's steps so far (Slide::steps − 1); fragments found here add to it.
  // `reported`: what was already said once for the deck.
  HtmlPass(std::vector<Diagnostic>& diagnostics, int& fragments, const html::Cascade* cascade,
           std::set<std::string>& reported)
      : diagnostics_(diagnostics), fragments_(fragments), cascade_(cascade), reported_(reported) {}

  // A slide's blocks: with `slide`, the blocks are its top level, read inside a <section>
  // of the slide's classes (Marp's slide element, which its CSS styles).
  void Blocks(std::vector<Block>& blocks, Slide* slide = nullptr) {
    ResolveAllSpans(blocks);
    bool any = ContainsHtml(blocks);
    bool styled = slide && cascade_ && !cascade_->empty();
    if (!any && !styled) return;
    if (blocks.empty()) return;

    SourcePos first_pos = blocks.front().pos;
    pool_.clear();
    shells_.clear();
    std::string text;
    if (slide) {
      text += "<section data-podium-slide";
      if (!slide->style.classes.empty()) {
        text += " class=\"";
        for (const std::string& c : slide->style.classes) text += html::EscapeHtml(c) + " ";
        text += "\"";
      }
      text += ">";
    }
    for (Block& b : blocks) Emit(std::move(b), text);
    blocks.clear();
    if (slide) text += "</section>";
    html::HtmlTree tree = html::ParseHtml(text);
    if (tree.truncated())
      Warn(DiagnosticCode::kLimitExceeded, first_pos,
           "HTML with more than " + std::to_string(html::kMaxHtmlNodes) +
               " elements: the rest is left out");
    originals_ = &pool_;
    used_.assign(pool_.size(), false);
    slide_ = slide;
    LeftOutHead(*tree.head());
    BlockChildren(*tree.body(), blocks, first_pos);
    slide_ = nullptr;
    // A placeholder the parser moved out of reach (it never drops one) still shows.
    for (size_t i = 0; i < pool_.size(); ++i)
      if (!used_[i]) blocks.push_back(std::move(pool_[i]));
    originals_ = nullptr;
  }

 private:
  struct HtmlSource {
    SourcePos pos;
    std::string text;
  };

  static bool ContainsHtml(const std::vector<Block>& blocks) {
    for (const Block& b : blocks)
      if (b.kind == BlockKind::kHtml || ContainsHtml(b.children)) return true;
    return false;
  }

  // `<h3>…</h3>` opening a line starts an HTML block in CommonMark, but md4c 0.4.8 knows
  // only h1 among the headings there and reads a paragraph with inline HTML: such a
  // paragraph is turned back into the HTML block it is.
  static bool OpensWithHeadingTag(const Block& b) {
    if (b.kind != BlockKind::kParagraph || b.spans.empty() || b.spans[0].kind != SpanKind::kHtml) return false;
    const std::string& t = b.spans[0].text;
    return t.size() >= 4 && t[0] == '<' && (t[1] == 'h' || t[1] == 'H') && t[2] >= '2' && t[2] <= '6' &&
           (t[3] == '>' || t[3] == ' ' || t[3] == '\t' || t[3] == '/' || t[3] == '\n');
  }

  // The spans as the HTML markdown-it would write for them.
  static std::string SpansToHtml(const std::vector<Span>& spans) {
    std::string out;
    for (const Span& sp : spans) {
      std::string open, close;
      auto wrap = [&](const char* tag) {
        open += "<" + std::string(tag) + ">";
        close = "</" + std::string(tag) + ">" + close;
      };
      if (sp.kind == SpanKind::kHtml) {
        out += sp.text;
        continue;
      }
      if (sp.style & kStyleLink) {
        open += "<a href=\"" + html::EscapeHtml(sp.href) + "\">";
        close = "</a>";
      }
      if (sp.style & kStyleBold) wrap("b");
      if (sp.style & kStyleItalic) wrap("i");
      if (sp.style & kStyleStrike) wrap("s");
      if (sp.style & kStyleUnderline) wrap("u");
      switch (sp.kind) {
        case SpanKind::kText: out += open + html::EscapeHtml(sp.text) + close; break;
        case SpanKind::kCode: out += open + "<code>" + html::EscapeHtml(sp.text) + "</code>" + close; break;
        case SpanKind::kMath: out += open + html::EscapeHtml("$" + sp.text + "$") + close; break;
        case SpanKind::kImage:
          out += "<img src=\"" + html::EscapeHtml(sp.href) + "\" alt=\"" + html::EscapeHtml(sp.text) + "\">";
          break;
        case SpanKind::kLineBreak: out += "<br>"; break;
        case SpanKind::kSoftBreak: out += "\n"; break;
        case SpanKind::kHtml: break;
      }
    }
    return out;
  }

  // Slidev's icon components (`<carbon:arrow-right/>`, `<mdi:github />`): CommonMark does
  // not take a tag name with a colon for HTML, so md4c leaves them in the text. They are
  // cut out of text spans as the tags they are.
  static void SplitIconTags(std::vector<Span>& spans) {
    std::vector<Span> out;
    for (Span& sp : spans) {
      if (sp.kind != SpanKind::kText || sp.text.find(':') == std::string::npos) {
        out.push_back(std::move(sp));
        continue;
      }
      const std::string& t = sp.text;
      size_t done = 0;
      for (size_t lt = t.find('<'); lt != std::string::npos; lt = t.find('<', lt + 1)) {
        size_t i = lt + 1;
        auto name_char = [&](char c) {
          return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        };
        size_t start = i;
        while (i < t.size() && name_char(t[i])) ++i;
        if (i == start || i >= t.size() || t[i] != ':') continue;
        size_t name2 = ++i;
        while (i < t.size() && name_char(t[i])) ++i;
        if (i == name2) continue;
        size_t close = t.find("/>", i);
        size_t next_lt = t.find('<', i);
        if (close == std::string::npos || (next_lt != std::string::npos && next_lt < close)) continue;
        if (lt > done) {
          Span before = sp;
          before.text = t.substr(done, lt - done);
          out.push_back(std::move(before));
        }
        Span tag = sp;
        tag.kind = SpanKind::kHtml;
        tag.text = t.substr(lt, close + 2 - lt);
        out.push_back(std::move(tag));
        done = close + 2;
        lt = close + 1;
      }
      if (done == 0) {
        out.push_back(std::move(sp));
      } else if (done < t.size()) {
        Span rest = sp;
        rest.text = t.substr(done);
        out.push_back(std::move(rest));
      }
    }
    spans = std::move(out);
  }

  void ResolveAllSpans(std::vector<Block>& blocks) {
    for (Block& b : blocks) {
      SplitIconTags(b.spans);
      if (OpensWithHeadingTag(b)) {
        b.text = SpansToHtml(b.spans);
        b.spans.clear();
        b.kind = BlockKind::kHtml;
        continue;
      }
      ResolveAllSpans(b.children);
      ResolveSpans(b.spans, b.pos);
      for (auto& row : b.table.rows)
        for (TableCell& cell : row) ResolveSpans(cell.spans, b.pos);
    }
  }

  // Writes `b` into the slide's HTML: raw HTML as it is; a list, item or quote with raw
  // HTML inside as its element (data-podium-open names its shell: the block without its
  // children), so that a `</div>` in a list item closes the list as a browser closes it;
  // any other block as a placeholder.
  void Emit(Block&& b, std::string& text) {
    if (b.kind == BlockKind::kHtml) {
      // A marker before each HTML block tells the elements after it where they are.
      text += "<podium-at " + std::string(kPlaceholder) + "-at=\"" +
              std::to_string(html_blocks_.size()) + "\"></podium-at>";
      html_blocks_.push_back({b.pos, b.text});
      text += b.text;
      text += '\n';
      return;
    }
    bool container = b.kind == BlockKind::kList || b.kind == BlockKind::kQuote || b.kind == BlockKind::kListItem;
    if (container && ContainsHtml(b.children)) {
      std::string tag = b.kind == BlockKind::kList ? (b.ordered ? "ol" : "ul")
                        : b.kind == BlockKind::kQuote ? "blockquote" : "li";
      std::vector<Block> children = std::move(b.children);
      b.children.clear();
      text += "<" + tag + " " + std::string(kPlaceholder) + "-open=\"" + std::to_string(shells_.size()) + "\">\n";
      shells_.push_back(std::move(b));
      for (Block& c : children) {
        if (shells_[shells_.size() - 1].kind == BlockKind::kList && c.kind == BlockKind::kListItem &&
            !ContainsHtml(c.children)) {
          // Every item of an expanded list is an <li>, with placeholders inside.
          std::vector<Block> inner = std::move(c.children);
          c.children.clear();
          text += "<li " + std::string(kPlaceholder) + "-open=\"" + std::to_string(shells_.size()) + "\">\n";
          shells_.push_back(std::move(c));
          for (Block& g : inner) Emit(std::move(g), text);
          text += "</li>\n";
          continue;
        }
        Emit(std::move(c), text);
      }
      text += "</" + tag + ">\n";
      return;
    }
    std::string_view tag = PlaceholderTag(b);
    text += "<" + std::string(tag) + " " + std::string(kPlaceholder) + "=\"" +
            std::to_string(pool_.size()) + "\"></" + std::string(tag) + ">\n";
    pool_.push_back(std::move(b));
  }

  // The shell of an expanded list, item or quote (`data-podium-open`), or nullptr.
  const Block* Shell(const HtmlNode& node) const {
    std::string_view v = node.Attribute(std::string(kPlaceholder) + "-open");
    if (v.empty()) return nullptr;
    size_t k = 0;
    for (char c : v) {
      if (c < '0' || c > '9') return nullptr;
      k = k * 10 + static_cast<size_t>(c - '0');
      if (k >= shells_.size()) return nullptr;
    }
    return &shells_[k];
  }

  // The slide's own <section>: its style goes to the slide (background, colour) and, for
  // the rest (alignment, padding, columns), to a box around the slide's blocks.
  void SlideSection(const HtmlNode& section, std::vector<Block>& out, SourcePos pos, int depth) {
    html::ElementStyle s = html::StyleOf(section, cascade_);
    ReportStyle(section, s, pos);
    if (slide_) {
      if (slide_->style.background_color.empty() && !s.box.background.empty())
        slide_->style.background_color = s.box.background;
      if (slide_->style.color.empty() && !s.box.color.empty()) slide_->style.color = s.box.color;
    }
    // The slide's size and margins are Podium's own: width, height, padding and margins of
    // Marp's section (1280 × 720, padding 78 px) are the slide's frame, already drawn.
    BoxStyle box = s.box;
    box.background.clear();
    box.color.clear();
    box.width = box.height = box.max_width = kAuto;
    for (float& p : box.padding) p = 0;
    box.margin_top = box.margin_bottom = 0;
    std::vector<Block> inner;
    BlockChildren(section, inner, pos, depth);
    if (!BoxMatters(box) && box.font_size == 1) {
      for (Block& b : inner) out.push_back(std::move(b));
      return;
    }
    Block b;
    b.kind = BlockKind::kElement;
    b.pos = pos;
    b.element.tag = "section";
    b.element.style = box;
    b.children = std::move(inner);
    out.push_back(std::move(b));
  }

  static std::string_view PlaceholderTag(const Block& b) {
    switch (b.kind) {
      case BlockKind::kParagraph: return "p";
      case BlockKind::kHeading: {
        static constexpr std::array<std::string_view, 6> kH = {"h1", "h2", "h3", "h4", "h5", "h6"};
        return kH[static_cast<size_t>(std::clamp(b.level, 1, 6) - 1)];
      }
      case BlockKind::kList: return b.ordered ? "ol" : "ul";
      case BlockKind::kCode: return "pre";
      case BlockKind::kTable: return "table";
      case BlockKind::kQuote: return "blockquote";
      default: return "div";
    }
  }

  // An HTML block's marker (`<podium-at>`): the elements after it are in that block.
  // True when `node` is one.
  bool Marker(const HtmlNode& node, SourcePos& pos) {
    if (node.tag != "podium-at") return false;
    std::string_view v = node.Attribute(std::string(kPlaceholder) + "-at");
    size_t k = 0;
    for (char c : v) k = c >= '0' && c <= '9' ? k * 10 + static_cast<size_t>(c - '0') : k;
    if (k < html_blocks_.size()) {
      current_html_ = k;
      pos = html_blocks_[k].pos;
      marker_pos_ = pos;
    }
    return true;
  }

  // The later of `pos` and the last marker's: where an element after both starts.
  SourcePos Here(SourcePos pos) const {
    bool later = marker_pos_.line > pos.line || (marker_pos_.line == pos.line && marker_pos_.col > pos.col);
    return later ? marker_pos_ : pos;
  }

  // Where `<tag` is first written in the slide's HTML, from the HTML block being read on,
  // or `fallback`.
  SourcePos TagPos(std::string_view tag, SourcePos fallback) {
    std::string needle = "<" + std::string(tag);
    for (size_t k = 0; k < html_blocks_.size(); ++k) {
      const HtmlSource& h = html_blocks_[(current_html_ + k) % html_blocks_.size()];
      std::string lower = h.text;
      for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      size_t at = lower.find(needle);
      if (at == std::string::npos) continue;
      SourcePos pos = h.pos;
      size_t line_start = 0;
      for (size_t i = 0; i < at; ++i)
        if (h.text[i] == '\n') ++pos.line, line_start = i + 1;
      pos.col = (line_start == 0 ? h.pos.col : 1) + static_cast<int>(at - line_start);
      return pos;
    }
    return fallback;
  }

  void Warn(DiagnosticCode code, SourcePos pos, std::string argument) {
    diagnostics_.push_back(MakeDiagnostic(code, pos, std::move(argument)));
  }

  // A Markdown block the deck's CSS styles (`h1 { color: … }`): its look and its box.
  void StyledOriginal(const HtmlNode& n, Block&& original, std::vector<Block>& out) {
    if (!cascade_ || cascade_->empty()) {
      out.push_back(std::move(original));
      return;
    }
    html::ElementStyle s = html::StyleOf(n, cascade_);
    ReportStyle(n, s, original.pos);
    if (s.box.display == Display::kNone) return;
    InlineContext look = ContextOf(s);
    look.look.background.clear();  // a block's background is its box's
    if (look.code || look.style != kStyleNone || look.look != InlineStyle{}) ApplyLookToBlock(original, look);
    if (!BoxMatters(s.box)) {
      out.push_back(std::move(original));
      return;
    }
    Block box;
    box.kind = BlockKind::kElement;
    box.pos = original.pos;
    box.step = original.step;
    original.step = 0;
    box.element.tag = n.tag;
    box.element.style = s.box;
    box.children.push_back(std::move(original));
    out.push_back(std::move(box));
  }

  void ReportStyle(const HtmlNode& node, const html::ElementStyle& s, SourcePos pos) {
    for (const std::string& what : s.unsupported)
      if (reported_.insert(what).second) Warn(DiagnosticCode::kCssNotSupported, TagPos(node.tag, pos), what);
  }

  void LeftOut(const HtmlNode& node, SourcePos pos) {
    Warn(DiagnosticCode::kHtmlLeftOut, TagPos(node.tag, pos), node.tag);
  }

  void LeftOutHead(const HtmlNode& head) {
    for (const HtmlNode* n : head.children) {
      if (n->is_text || IsSilent(n->tag)) continue;
      if (n->tag != "style") LeftOut(*n, {});
    }
  }

  // The placeholder's original block, taken once; nullptr if `node` is none.
  Block* Original(const HtmlNode& node) {
    if (!originals_ || !node.HasAttribute(kPlaceholder)) return nullptr;
    std::string_view v = node.Attribute(kPlaceholder);
    size_t i = 0;
    for (char c : v) {
      if (c < '0' || c > '9') return nullptr;
      i = i * 10 + static_cast<size_t>(c - '0');
      if (i >= originals_->size()) return nullptr;
    }
    if (v.empty() || used_[i] || (*originals_)[i].kind == BlockKind::kHtml) return nullptr;
    used_[i] = true;
    return &(*originals_)[i];
  }

  // True when `node` holds a block: a block element or a block placeholder.
  bool HoldsBlock(const HtmlNode& node, int depth = 0) const {
    if (depth > 64) return false;
    for (const HtmlNode* c : node.children) {
      if (c->is_text) continue;
      if (IsBlockTag(c->tag) || (c->HasAttribute(kPlaceholder) && c->tag != "podium-s")) return true;
      if (HoldsBlock(*c, depth + 1)) return true;
    }
    return false;
  }

  // [SECTION] Blocks ---------------------------------------------------------------------

  void BlockChildren(const HtmlNode& parent, std::vector<Block>& out, SourcePos pos, int depth = 0) {
    std::vector<const HtmlNode*> run;  // inline content waiting for a paragraph
    auto flush = [&] {
      if (run.empty()) return;
      Block p;
      p.kind = BlockKind::kParagraph;
      p.pos = pos;
      for (const HtmlNode* n : run) Inline(*n, InlineContext{}, p.spans, pos, depth);
      run.clear();
      TrimBlank(p.spans);
      if (p.spans.empty()) return;
      // Pictures are laid out under a paragraph's text: where text and pictures take turns
      // line by line (`<img><br><a>name</a>`), each line is a paragraph of its own.
      bool image = std::any_of(p.spans.begin(), p.spans.end(),
                               [](const Span& sp) { return sp.kind == SpanKind::kImage; });
      bool text = std::any_of(p.spans.begin(), p.spans.end(), [](const Span& sp) {
        return sp.kind == SpanKind::kText && sp.text.find_first_not_of(' ') != std::string::npos;
      });
      if (!(image && text)) {
        out.push_back(std::move(p));
        return;
      }
      Block line = p;
      line.spans.clear();
      for (Span& sp : p.spans) {
        if (sp.kind == SpanKind::kLineBreak) {
          TrimBlank(line.spans);
          if (!line.spans.empty()) out.push_back(line);
          line.spans.clear();
          continue;
        }
        line.spans.push_back(std::move(sp));
      }
      TrimBlank(line.spans);
      if (!line.spans.empty()) out.push_back(std::move(line));
    };
    for (const HtmlNode* child : parent.children) {
      const HtmlNode& n = *child;
      if (Marker(n, pos)) continue;
      if (n.is_text) {
        if (!run.empty() || n.text.find_first_not_of(" \t\r\n\f") != std::string::npos) run.push_back(&n);
        continue;
      }
      if (Block* original = Original(n)) {
        flush();
        pos = original->pos;
        StyledOriginal(n, std::move(*original), out);
        continue;
      }
      if (IsSilent(n.tag) || n.tag == "style") continue;  // style sheets: read for the deck
      if (n.tag == "section" && n.HasAttribute("data-podium-slide")) {
        flush();
        SlideSection(n, out, pos, depth);
        continue;
      }
      if (html::IsInertElement(n.tag) || OneOf(n.tag, {"link", "video", "audio", "canvas", "svg", "math"})) {
        flush();
        LeftOut(n, pos);
        continue;
      }
      bool inline_element = IsInlineTag(n.tag) && !HoldsBlock(n);
      bool unknown = !IsBlockTag(n.tag) && !IsInlineTag(n.tag);
      if (inline_element || (unknown && !HoldsBlock(n) && !run.empty())) {
        if (unknown) Warn(DiagnosticCode::kHtmlUnknownElement, TagPos(n.tag, pos), n.tag);
        run.push_back(&n);
        continue;
      }
      flush();
      pos = Here(pos);
      if (unknown) Warn(DiagnosticCode::kHtmlUnknownElement, TagPos(n.tag, pos), n.tag);
      if (depth > kMaxBoxDepth) {  // deeper boxes add nothing a slide can show: their text stays
        Block p;
        p.kind = BlockKind::kParagraph;
        p.pos = pos;
        AddText(p.spans, FlatText(n), InlineContext{}, pos);
        TrimBlank(p.spans);
        if (!p.spans.empty()) out.push_back(std::move(p));
        continue;
      }
      BlockElement(n, out, pos, depth + 1);
    }
    flush();
  }

  // A step for an element marked as a fragment (reveal.js) or a click (Slidev).
  void MarkStep(const html::ElementStyle& s, Block& b) {
    if (s.fragment && b.step == 0) b.step = ++fragments_;
  }

  static bool BoxMatters(const BoxStyle& b) {
    BoxStyle plain;
    plain.color = b.color;  // colour and size reach the text through the spans
    plain.font_size = b.font_size;
    plain.bold = b.bold;
    plain.italic = b.italic;
    return !(b.display == plain.display && b.columns == plain.columns && b.gap == plain.gap &&
             b.text_align == plain.text_align && b.background == plain.background &&
             b.padding[0] == 0 && b.padding[1] == 0 && b.padding[2] == 0 && b.padding[3] == 0 &&
             b.margin_top == 0 && b.margin_bottom == 0 && b.width == kAuto &&
             b.max_width == kAuto && b.height == kAuto && b.radius == 0 && b.border_width == 0 &&
             b.opacity == 1 && b.column_span == 1 && !b.center_items);
  }

  static InlineContext ContextOf(const html::ElementStyle& s) {
    InlineContext c;
    c.look = s.look;
    c.style = s.span_style;
    c.code = s.code;
    return c;
  }

  void BlockElement(const HtmlNode& n, std::vector<Block>& out, SourcePos pos, int depth) {
    html::ElementStyle s = html::StyleOf(n, cascade_);
    ReportStyle(n, s, pos);
    if (s.box.display == Display::kNone) return;
    Block b;
    b.pos = pos;
    const std::string& tag = n.tag;
    if (IsHeading(tag) || tag == "p" || tag == "summary" || tag == "dt" || tag == "caption" ||
        tag == "legend") {
      if (HoldsBlock(n)) return Box(n, s, out, pos, depth);
      b.kind = IsHeading(tag) ? BlockKind::kHeading : BlockKind::kParagraph;
      b.level = IsHeading(tag) ? tag[1] - '0' : 0;
      InlineContext c = ContextOf(s);
      for (const HtmlNode* child : n.children) Inline(*child, c, b.spans, pos, depth);
      TrimBlank(b.spans);
      if (b.spans.empty() && !s.fragment) return;
      MarkStep(s, b);
      return Wrap(n, s, std::move(b), out);
    }
    if (tag == "ul" || tag == "ol" || tag == "menu") {
      b.kind = BlockKind::kList;
      b.ordered = tag == "ol";
      if (const Block* shell = Shell(n)) b = *shell;  // a Markdown list: its own numbering, steps
      if (std::string_view start = n.Attribute("start"); !start.empty())
        b.start = std::clamp(std::atoi(std::string(start).c_str()), -999999, 999999);
      for (const HtmlNode* child : n.children) {
        if (child->is_text || Marker(*child, pos)) continue;
        if (Block* original = Original(*child)) {  // a Markdown block right inside the list
          Block item;
          item.kind = BlockKind::kListItem;
          item.pos = original->pos;
          item.children.push_back(std::move(*original));
          b.children.push_back(std::move(item));
          continue;
        }
        html::ElementStyle is = html::StyleOf(*child, cascade_);
        ReportStyle(*child, is, pos);
        Block item;
        item.kind = BlockKind::kListItem;
        item.pos = pos;
        if (const Block* shell = Shell(*child)) item = *shell;  // task state, step
        BlockChildren(*child, item.children, pos, depth);
        MarkStep(is, item);
        if (child->tag != "li") Warn(DiagnosticCode::kHtmlUnknownElement, TagPos(child->tag, pos), child->tag);
        b.children.push_back(std::move(item));
      }
      MarkStep(s, b);
      return Wrap(n, s, std::move(b), out);
    }
    if (tag == "pre") {
      b.kind = BlockKind::kCode;
      std::string code;
      TextContent(n, code, 0);
      if (!code.empty() && code.front() == '\n') code.erase(0, 1);
      while (!code.empty() && code.back() == '\n') code.pop_back();
      b.text = std::move(code);
      for (const HtmlNode* child : n.children) {
        if (child->is_text || child->tag != "code") continue;
        std::string_view cls = child->Attribute("class");
        if (size_t at = cls.find("language-"); at != std::string_view::npos) {
          std::string_view lang = cls.substr(at + 9);
          b.code.language = std::string(lang.substr(0, lang.find(' ')));
        }
      }
      MarkStep(s, b);
      return Wrap(n, s, std::move(b), out);
    }
    if (tag == "blockquote") {
      b.kind = BlockKind::kQuote;
      if (const Block* shell = Shell(n)) b = *shell;
      BlockChildren(n, b.children, pos, depth);
      MarkStep(s, b);
      return Wrap(n, s, std::move(b), out);
    }
    if (tag == "table") {
      b.kind = BlockKind::kTable;
      Table(n, b.table, pos, depth);
      if (b.table.rows.empty()) return;
      MarkStep(s, b);
      return Wrap(n, s, std::move(b), out);
    }
    Box(n, s, out, pos, depth);
  }

  // A box element (div, section, …): its children become blocks inside it.
  void Box(const HtmlNode& n, const html::ElementStyle& s, std::vector<Block>& out, SourcePos pos,
           int depth) {
    Block b;
    b.kind = BlockKind::kElement;
    b.pos = pos;
    b.element.tag = n.tag;
    b.element.attributes = n.attributes;
    b.element.style = s.box;
    InlineContext look = ContextOf(s);
    look.look.color.clear();  // the box's colour, size and opacity reach its text through layout,
    look.look.size = 1;       // and its background is the box's: no tint behind each run
    look.look.opacity = 1;
    look.look.background.clear();
    if (look.code || look.style != kStyleNone || look.look != InlineStyle{}) {
      // Inline styling on a box (a bold div, <kbd> around blocks) reaches its text.
      std::vector<Block> inner;
      BlockChildren(n, inner, pos, depth);
      ApplyLook(inner, look);
      b.children = std::move(inner);
    } else {
      BlockChildren(n, b.children, pos, depth);
    }
    if (n.tag == "hr") b.element.style.display = Display::kBlock;
    else if (b.children.empty() && !BoxMatters(s.box)) return;
    MarkStep(s, b);
    out.push_back(std::move(b));
  }

  // A heading, paragraph, list, … whose element has a box style of its own sits in a box.
  void Wrap(const HtmlNode& n, const html::ElementStyle& s, Block&& b, std::vector<Block>& out) {
    if (!s.box.color.empty() || s.look.size != 1) {
      InlineContext look = ContextOf(s);
      look.look.background.clear();  // a block's background is its box's
      ApplyLookToBlock(b, look);
    }
    if (!BoxMatters(s.box)) {
      out.push_back(std::move(b));
      return;
    }
    Block box;
    box.kind = BlockKind::kElement;
    box.pos = b.pos;
    box.step = b.step;
    b.step = 0;
    box.element.tag = n.tag;
    box.element.attributes = n.attributes;
    box.element.style = s.box;
    box.children.push_back(std::move(b));
    out.push_back(std::move(box));
  }

  static void MergeLook(Span& span, const InlineContext& c) {
    span.style |= c.style;
    if (!c.href.empty() && !(span.style & kStyleLink)) {
      span.style |= kStyleLink;
      span.href = c.href;
    }
    InlineStyle& l = span.look;
    if (l.color.empty()) l.color = c.look.color;
    if (l.background.empty()) l.background = c.look.background;
    l.size *= c.look.size;
    if (l.shift == 0) l.shift = c.look.shift;
    l.key = l.key || c.look.key;
    l.opacity *= c.look.opacity;
    if (c.code && span.kind == SpanKind::kText) span.kind = SpanKind::kCode;
  }

  static void ApplyLookToBlock(Block& b, const InlineContext& c) {
    for (Span& s : b.spans) MergeLook(s, c);
    for (auto& row : b.table.rows)
      for (TableCell& cell : row)
        for (Span& s : cell.spans) MergeLook(s, c);
    for (Block& child : b.children) ApplyLookToBlock(child, c);
  }

  static void ApplyLook(std::vector<Block>& blocks, const InlineContext& c) {
    for (Block& b : blocks) ApplyLookToBlock(b, c);
  }

  void Table(const HtmlNode& table, podium::Table& out, SourcePos pos, int depth) {
    std::vector<const HtmlNode*> rows;
    int head_rows = 0;
    for (const HtmlNode* part : table.children) {
      if (part->is_text) continue;
      if (part->tag == "tr") rows.push_back(part);
      if (part->tag == "thead" || part->tag == "tbody" || part->tag == "tfoot") {
        for (const HtmlNode* tr : part->children)
          if (!tr->is_text && tr->tag == "tr") {
            rows.push_back(tr);
            if (part->tag == "thead") ++head_rows;
          }
      }
    }
    size_t columns = 0;
    for (const HtmlNode* tr : rows) {
      std::vector<TableCell> cells;
      bool all_th = true;
      for (const HtmlNode* cell : tr->children) {
        if (cell->is_text || (cell->tag != "td" && cell->tag != "th")) continue;
        all_th = all_th && cell->tag == "th";
        html::ElementStyle cs = html::StyleOf(*cell, cascade_);
        ReportStyle(*cell, cs, pos);
        TableCell c;
        InlineContext ctx = ContextOf(cs);
        for (const HtmlNode* child : cell->children) Inline(*child, ctx, c.spans, pos, depth);
        TrimBlank(c.spans);
        if (out.rows.empty() || out.aligns.size() < cells.size() + 1)
          out.aligns.push_back(cs.box.text_align);
        cells.push_back(std::move(c));
      }
      if (cells.empty()) continue;
      if (head_rows == 0 && out.rows.empty() && all_th) head_rows = -1;  // a head without <thead>
      columns = std::max(columns, cells.size());
      out.rows.push_back(std::move(cells));
    }
    for (auto& row : out.rows) row.resize(columns);
    out.aligns.resize(columns, Align::kDefault);
    out.header_rows = head_rows < 0 ? 1 : head_rows;
  }

  // All the text under `n`, blanks collapsed, without recursion (10,000 nested divs).
  static std::string FlatText(const HtmlNode& n) {
    std::string text;
    std::vector<const HtmlNode*> stack(n.children.rbegin(), n.children.rend());
    while (!stack.empty()) {
      const HtmlNode* c = stack.back();
      stack.pop_back();
      if (c->is_text) text += c->text;
      else if (!html::IsInertElement(c->tag) && c->tag != "style") {
        text += ' ';
        stack.insert(stack.end(), c->children.rbegin(), c->children.rend());
      }
    }
    return Collapse(text);
  }

  static void TextContent(const HtmlNode& n, std::string& out, int depth) {
    if (depth > 256) return;
    for (const HtmlNode* c : n.children) {
      if (c->is_text) out += c->text;
      else if (c->tag == "br") out += '\n';
      else TextContent(*c, out, depth + 1);
    }
  }

  // [SECTION] Inline ---------------------------------------------------------------------

  static void TrimBlank(std::vector<Span>& spans) {
    auto blank = [](const Span& s) {
      return (s.kind == SpanKind::kText && s.text.find_first_not_of(' ') == std::string::npos) ||
             s.kind == SpanKind::kSoftBreak;
    };
    while (!spans.empty() && blank(spans.back())) spans.pop_back();
    size_t first = 0;
    while (first < spans.size() && blank(spans[first])) ++first;
    spans.erase(spans.begin(), spans.begin() + static_cast<std::ptrdiff_t>(first));
    if (!spans.empty() && spans.front().kind == SpanKind::kText)
      spans.front().text.erase(0, spans.front().text.find_first_not_of(' '));
    if (!spans.empty() && spans.back().kind == SpanKind::kText) {
      std::string& t = spans.back().text;
      t.erase(t.find_last_not_of(' ') + 1);
    }
  }

  // HTML text: runs of blanks and line ends are one space, as a browser shows them.
  static std::string Collapse(std::string_view text) {
    std::string out;
    bool blank = false;
    for (char c : text) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        if (!blank) out += ' ';
        blank = true;
      } else {
        out += c;
        blank = false;
      }
    }
    return out;
  }

  void AddText(std::vector<Span>& out, std::string text, const InlineContext& c, SourcePos pos) {
    if (text.empty()) return;
    if (text == " " && (out.empty() || (out.back().kind == SpanKind::kText &&
                                        !out.back().text.empty() && out.back().text.back() == ' ')))
      return;
    Span s;
    s.kind = c.code ? SpanKind::kCode : SpanKind::kText;
    s.text = std::move(text);
    s.pos = pos;
    MergeLook(s, InlineContext{c.look, c.style, c.href, false});
    s.look.size = c.look.size;
    Push(out, std::move(s));
  }

  // Appends `s`, joined to the span before when they are text of one look.
  static void Push(std::vector<Span>& out, Span s) {
    if (!out.empty() && (s.kind == SpanKind::kText || s.kind == SpanKind::kCode)) {
      Span& last = out.back();
      if (last.kind == s.kind && last.style == s.style && last.href == s.href && last.look == s.look) {
        last.text += s.text;
        return;
      }
    }
    out.push_back(std::move(s));
  }

  void Inline(const HtmlNode& n, const InlineContext& c, std::vector<Span>& out, SourcePos pos,
              int depth) {
    if (n.is_text) {
      AddText(out, c.code && n.parent && n.parent->tag == "pre" ? n.text : Collapse(n.text), c, pos);
      return;
    }
    if (n.tag == "podium-at") return;
    if (n.tag == "podium-s") {  // a Markdown span
      if (Span* original = OriginalSpan(n)) {
        Span s = std::move(*original);
        MergeLook(s, c);
        Push(out, std::move(s));
      }
      return;
    }
    if (Block* original = Original(n)) {  // a Markdown block inside inline HTML: its text
      for (Span& s : original->spans) {
        MergeLook(s, c);
        out.push_back(std::move(s));
      }
      return;
    }
    if (IsSilent(n.tag)) return;
    if (n.tag == "style") return;  // read for the deck (ResolveDeckHtml)
    if (html::IsInertElement(n.tag) || OneOf(n.tag, {"link", "video", "audio", "canvas", "svg", "math"}))
      return LeftOut(n, pos);
    if (n.tag == "br") {
      Span s;
      s.kind = SpanKind::kLineBreak;
      out.push_back(std::move(s));
      return;
    }
    html::ElementStyle st = html::StyleOf(n, cascade_);
    ReportStyle(n, st, pos);
    if (st.box.display == Display::kNone) return;
    if (n.tag == "img") {
      Span s;
      s.kind = SpanKind::kImage;
      s.href = std::string(n.Attribute("src"));
      s.text = std::string(n.Attribute("alt"));
      s.pos = TagPos("img", pos);
      s.style = c.style;
      auto size = [&](std::string_view attr, float box) {
        if (box != kAuto) return box;
        std::string_view v = n.Attribute(attr);
        if (v.empty()) return 0.0f;
        if (std::optional<float> px = html::ParseCssLength(v)) return *px;
        std::optional<float> plain = html::ParseCssLength(std::string(v) + "px");
        return plain ? *plain : 0.0f;
      };
      s.image_size.width = size("width", st.box.width);
      s.image_size.height = size("height", st.box.height);
      if (s.href.empty()) return;
      out.push_back(std::move(s));
      return;
    }
    if (!IsBlockTag(n.tag) && !IsInlineTag(n.tag) && !n.tag.empty())
      Warn(DiagnosticCode::kHtmlUnknownElement, TagPos(n.tag, pos), n.tag);
    InlineContext inner = c;
    inner.style |= st.span_style;
    if (n.tag == "a" && n.HasAttribute("href")) inner.href = std::string(n.Attribute("href"));
    if (!st.look.color.empty()) inner.look.color = st.look.color;
    if (!st.look.background.empty()) inner.look.background = st.look.background;
    inner.look.size *= st.look.size;
    if (st.look.shift != 0) inner.look.shift = st.look.shift;
    inner.look.key = inner.look.key || st.look.key;
    inner.look.opacity *= st.look.opacity;
    inner.code = inner.code || st.code;
    bool block_like = IsBlockTag(n.tag) && n.tag != "li";
    if (block_like && !out.empty()) {
      Span br;
      br.kind = SpanKind::kLineBreak;
      out.push_back(std::move(br));
    }
    if (depth > 256) return;
    for (const HtmlNode* child : n.children) Inline(*child, inner, out, pos, depth + 1);
  }

  Span* OriginalSpan(const HtmlNode& n) {
    if (!span_originals_) return nullptr;
    std::string_view v = n.Attribute(kPlaceholder);
    size_t i = 0;
    for (char ch : v) {
      if (ch < '0' || ch > '9') return nullptr;
      i = i * 10 + static_cast<size_t>(ch - '0');
      if (i >= span_originals_->size()) return nullptr;
    }
    if (v.empty() || span_used_[i]) return nullptr;
    span_used_[i] = true;
    return &(*span_originals_)[i];
  }

  void ResolveSpans(std::vector<Span>& spans, SourcePos pos) {
    bool any = std::any_of(spans.begin(), spans.end(),
                           [](const Span& s) { return s.kind == SpanKind::kHtml; });
    if (!any) return;
    std::vector<Span> originals = std::move(spans);
    spans.clear();
    std::string text;
    for (size_t i = 0; i < originals.size(); ++i) {
      if (originals[i].kind == SpanKind::kHtml) {
        html_blocks_.push_back({originals[i].pos.line ? originals[i].pos : pos, originals[i].text});
        text += originals[i].text;
      } else {
        text += "<podium-s " + std::string(kPlaceholder) + "=\"" + std::to_string(i) + "\"></podium-s>";
      }
    }
    html::HtmlTree tree = html::ParseHtml(text);
    span_originals_ = &originals;
    span_used_.assign(originals.size(), false);
    LeftOutHead(*tree.head());
    for (const HtmlNode* n : tree.body()->children) Inline(*n, InlineContext{}, spans, pos, 0);
    for (size_t i = 0; i < originals.size(); ++i)
      if (!span_used_[i] && originals[i].kind != SpanKind::kHtml) spans.push_back(std::move(originals[i]));
    span_originals_ = nullptr;
  }

  std::vector<Diagnostic>& diagnostics_;
  int& fragments_;
  const html::Cascade* cascade_ = nullptr;
  std::set<std::string>& reported_;
  Slide* slide_ = nullptr;
  std::vector<HtmlSource> html_blocks_;
  size_t current_html_ = 0;
  SourcePos marker_pos_;
  std::vector<Block>* originals_ = nullptr;
  std::vector<Block> pool_;    // the blocks the placeholders stand for
  std::vector<Block> shells_;  // expanded lists, items and quotes, without their children
  std::vector<bool> used_;
  std::vector<Span>* span_originals_ = nullptr;
  std::vector<bool> span_used_;
};

}  // namespace

// [SECTION] Entry points ---------------------------------------------------------------

namespace {

struct FoundSheet {
  std::string css;
  bool scoped = false;
  SourcePos pos;
};

void CollectStyleText(const HtmlNode& node, std::vector<FoundSheet>& out, SourcePos pos, int depth) {
  if (depth > 256) return;
  for (const HtmlNode* c : node.children) {
    if (c->is_text) continue;
    if (c->tag == "style") {
      FoundSheet f;
      for (const HtmlNode* t : c->children)
        if (t->is_text) f.css += t->text;
      f.scoped = c->HasAttribute("scoped");
      f.pos = pos;
      out.push_back(std::move(f));
      continue;
    }
    CollectStyleText(*c, out, pos, depth + 1);
  }
}

// The <style> elements of a slide's HTML blocks, in order.
void CollectStyles(const std::vector<Block>& blocks, std::vector<FoundSheet>& out) {
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::kHtml) {
      std::string lower = b.text;
      for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (lower.find("<style") == std::string::npos) continue;
      html::HtmlTree tree = html::ParseHtml(b.text);
      CollectStyleText(*tree.head(), out, b.pos, 0);
      CollectStyleText(*tree.body(), out, b.pos, 0);
    }
    CollectStyles(b.children, out);
  }
}

const Block* FirstHeadingOf(const std::vector<Block>& blocks) {
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::kHeading) return &b;
    if (const Block* inner = FirstHeadingOf(b.children)) return inner;
  }
  return nullptr;
}

}  // namespace

void ResolveDeckHtml(Deck& deck, std::vector<Diagnostic>& diagnostics) {
  std::set<std::string> reported;
  std::vector<std::unique_ptr<html::StyleSheet>> sheets;
  auto add_sheet = [&](const std::string& css, SourcePos pos) {
    sheets.push_back(std::make_unique<html::StyleSheet>(html::ParseStyleSheet(css)));
    for (const std::string& what : sheets.back()->unsupported)
      if (reported.insert(what).second)
        diagnostics.push_back(MakeDiagnostic(DiagnosticCode::kCssNotSupported, pos, "CSS " + what));
    return sheets.back().get();
  };
  // Marp: a <style> anywhere styles every slide; <style scoped> only its own.
  html::Cascade deck_cascade;
  if (!deck.meta.style.empty()) deck_cascade.Add(add_sheet(deck.meta.style, deck.meta.style_pos));
  std::vector<std::vector<FoundSheet>> found(deck.slides.size());
  for (size_t i = 0; i < deck.slides.size(); ++i) {
    CollectStyles(deck.slides[i].blocks, found[i]);
    for (const FoundSheet& f : found[i])
      if (!f.scoped) deck_cascade.Add(add_sheet(f.css, f.pos));
  }
  for (size_t i = 0; i < deck.slides.size(); ++i) {
    Slide& slide = deck.slides[i];
    html::Cascade cascade = deck_cascade;
    for (const FoundSheet& f : found[i])
      if (f.scoped) cascade.Add(add_sheet(f.css, f.pos));
    int fragments = slide.steps - 1;
    HtmlPass(diagnostics, fragments, &cascade, reported).Blocks(slide.blocks, &slide);
    slide.steps = 1 + fragments;
    if (const Block* heading = FirstHeadingOf(slide.blocks)) {
      slide.title.clear();
      for (const Span& sp : heading->spans) {
        if (sp.kind == SpanKind::kSoftBreak || sp.kind == SpanKind::kLineBreak) slide.title += ' ';
        else if (sp.kind != SpanKind::kHtml) slide.title += sp.text;
      }
    }
  }
}

void DropRepeatedStyleWarnings(std::vector<Diagnostic>& diagnostics) {
  std::set<std::pair<DiagnosticCode, std::string>> seen;
  std::vector<Diagnostic> kept;
  kept.reserve(diagnostics.size());
  for (Diagnostic& d : diagnostics) {
    bool once = d.code == DiagnosticCode::kCssNotSupported || d.code == DiagnosticCode::kHtmlUnknownElement;
    if (once && !seen.insert({d.code, d.argument}).second) continue;
    kept.push_back(std::move(d));
  }
  diagnostics = std::move(kept);
}

}  // namespace podium::parse
