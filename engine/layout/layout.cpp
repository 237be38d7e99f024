// Layout of one slide.
//
// [SECTION] Helpers
// [SECTION] Inline content (spans → InlineLayout)
// [SECTION] Block layout (headings, paragraphs, lists, code, tables, quotes, images)
// [SECTION] Backgrounds, header, footer, page number
// [SECTION] Fitting and the public entry points
#include "layout/layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <numeric>
#include <set>

#include "diagram/flowchart_layout.h"
#include "diagram/mermaid.h"
#include "diagram/sequence_layout.h"
#include "layout/inline_layout.h"
#include "layout/qr_code.h"
#include "layout/table_columns.h"
#include "math/tex_parse.h"
#include "math/typeset_math.h"
#include "model/color.h"
#include "text/highlight/highlight.h"
#include "text/linebreak.h"
#include "text/utf8.h"

namespace podium {
namespace {

// [SECTION] Helpers ---------------------------------------------------------------------

// Marp's slides are 1280×720 CSS pixels; size words (w:320) mean the same share of the
// slide in Podium's 1920×1080 design space.
constexpr float kMarpToDesign = 1.5f;

// Font sizes from CSS, relative to the surrounding text, are kept within these.
constexpr float kMinLookScale = 0.25f;
constexpr float kMaxLookScale = 4.0f;
constexpr float kMaxTextSize = 400;  // design px: a glyph the atlas holds at any zoom

bool HasClass(const SlideStyle& style, std::string_view name) {
  return std::find(style.classes.begin(), style.classes.end(), name) != style.classes.end();
}

uint32_t WithAlpha(uint32_t color, uint32_t alpha) { return (color & 0x00ffffff) | (alpha << 24); }

std::string CodepointName(char32_t cp) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  std::string out(buffer);
  out += " '";
  EncodeUtf8(cp, out);
  out += "'";
  return out;
}

// Where `cp` first is in `text`, a piece of the source that starts at `start` (a span's
// text, a line of code); {} when it is not there. Columns count bytes, as SourcePos does.
SourcePos FindInSource(std::string_view text, SourcePos start, char32_t cp) {
  std::string needle;
  EncodeUtf8(cp, needle);
  size_t at = text.find(needle);
  if (at == std::string_view::npos) return {};
  SourcePos pos = start;
  size_t line_start = 0;
  for (size_t i = 0; i < at; ++i) {
    if (text[i] != '\n') continue;
    ++pos.line;
    pos.col = 1;
    line_start = i + 1;
  }
  pos.col += static_cast<int>(at - line_start);
  return pos;
}

// State shared by the block layout of one slide at one scale.
struct BlockLayouter {
  const Deck& deck;
  const Slide& slide;
  const LayoutContext& context;
  Theme theme;
  float scale = 1;
  SlideLayout* out = nullptr;
  Align align = Align::kLeft;
  bool lead = false;  // a title slide: larger headings
  std::vector<std::pair<char32_t, SourcePos>> missing;  // characters no font has
  std::vector<Diagnostic> block_warnings;                // unknown languages, clipped code, math, diagrams
  std::string text;                                     // plain text, reading order
  float css_scale = 1;  // the font-size factor of the HTML boxes around what is laid out

  float S(float v) const { return v * scale; }

  // [SECTION] Inline content ------------------------------------------------------------

  TextStyle BaseStyle(float size, uint32_t color, FontRole font = FontRole::kSans) const {
    TextStyle s;
    s.font = font;
    s.size = size;
    s.color = color;
    return s;
  }

  void AddSpans(InlineLayout& flow, const std::vector<Span>& spans, const TextStyle& base) {
    for (const Span& span : spans) {
      TextStyle s = base;
      bool bold = span.style & kStyleBold;
      bool italic = span.style & kStyleItalic;
      if (bold && italic) s.font = s.font == FontRole::kMono ? FontRole::kMonoBold : FontRole::kSansBoldItalic;
      else if (bold) s.font = MakeBold(s.font);
      else if (italic && s.font == FontRole::kSans) s.font = FontRole::kSansItalic;
      else if (italic && s.font == FontRole::kSansBold) s.font = FontRole::kSansBoldItalic;
      if (span.style & kStyleStrike) s.strike = true;
      if (span.style & kStyleUnderline) s.underline = true;
      if (span.style & kStyleLink) {
        s.color = theme.accent;
        s.underline = true;
        s.href = span.href;
      }
      ApplyLook(span.look, base, s);
      switch (span.kind) {
        case SpanKind::kText:
          flow.AddText(span.text, s);
          break;
        case SpanKind::kCode:
          s.font = bold ? FontRole::kMonoBold : FontRole::kMono;
          s.size = std::min(base.size * 0.88f * std::clamp(span.look.size, kMinLookScale, kMaxLookScale),
                            S(kMaxTextSize));
          if (span.look.background.empty()) s.background = theme.inline_code_background;
          flow.AddText(span.text, s);
          break;
        case SpanKind::kMath: {
          // Text style, on the baseline; problems were reported by the parser (math_check).
          ParsedTex tex = ParseTex(span.text);
          flow.AddBox(TypesetMath(tex.root, *context.fonts, s.size * kMathTextScale, s.color, false,
                                  theme.error),
                      s, span.text);
          break;
        }
        case SpanKind::kImage:
          break;  // images are laid out as blocks (see LayoutImages)
        case SpanKind::kLineBreak:
          flow.AddHardBreak(s);
          break;
        case SpanKind::kSoftBreak:
          flow.AddSoftBreak(s);
          break;
        case SpanKind::kHtml:
          break;  // resolved by the parser (parse/html_blocks.h)
      }
    }
  }

  // What inline HTML gave a span: its colour, a tint behind it, size, sub/superscript, keycap.
  void ApplyLook(const InlineStyle& look, const TextStyle& base, TextStyle& s) const {
    if (look == InlineStyle{}) return;
    if (std::optional<uint32_t> c = ParseColor(look.color)) s.color = *c;
    if (std::optional<uint32_t> c = ParseColor(look.background)) s.background = *c;
    // CSS may ask for anything (`* { font-size: 9999px }`): a run is kept between a quarter
    // and four times its surroundings, so glyphs stay a size the atlas can hold.
    s.size = std::min(base.size * std::clamp(look.size, kMinLookScale, kMaxLookScale), S(kMaxTextSize));
    if (look.shift > 0) s.rise = base.size * 0.35f;
    if (look.shift < 0) s.rise = -base.size * 0.18f;
    if (look.key) {
      s.font = FontRole::kMono;
      if (s.background == 0) s.background = theme.inline_code_background;
      s.outline = theme.rule;
    }
    if (look.opacity < 1) {
      auto fade = [&](uint32_t c) {
        return WithAlpha(c, static_cast<uint32_t>(static_cast<float>(c >> 24) * std::max(0.0f, look.opacity) + 0.5f));
      };
      s.color = fade(s.color);
      if (s.background) s.background = fade(s.background);
    }
  }

  void NoteMissing(const InlineLayout& flow, SourcePos pos) {
    for (char32_t cp : flow.MissingCharacters()) missing.push_back({cp, pos});
  }
  // Characters `absent` in a block whose source `text` starts at `start` (code, a diagram),
  // each reported where it first is in it (or at the block's `pos`).
  void NoteMissingIn(const std::vector<char32_t>& absent, std::string_view text, SourcePos start,
                     SourcePos pos) {
    for (char32_t cp : absent) {
      SourcePos at = FindInSource(text, start, cp);
      missing.push_back({cp, at.line ? at : pos});
    }
  }
  // The same, each character reported where it first is in the spans (or at `pos`).
  void NoteMissing(const InlineLayout& flow, SourcePos pos, const std::vector<Span>& spans) {
    for (char32_t cp : flow.MissingCharacters()) {
      SourcePos at;
      for (const Span& span : spans) {
        if (span.pos.line == 0) continue;
        at = FindInSource(span.text, span.pos, cp);
        if (at.line) break;
      }
      missing.push_back({cp, at.line ? at : pos});
    }
  }

  void NoteText(const std::string& s) {
    if (s.empty()) return;
    if (!text.empty()) text += '\n';
    text += s;
  }

  // Lays out a flow of `block`'s spans at (x, y) in a box of `width`; returns its height.
  float PlaceFlow(InlineLayout& flow, float x, float y, float width, float line_height, int step,
                  const Block& block, Align a) {
    float h = flow.Layout(width, line_height);
    flow.Emit(x, y, width, a, step, out);
    NoteMissing(flow, block.pos, block.spans);
    NoteText(flow.PlainText());
    return h;
  }

  // [SECTION] Block layout --------------------------------------------------------------

  float Gap() const { return S(theme.body_size * theme.paragraph_gap); }

  float LayoutBlocks(const std::vector<Block>& blocks, float x, float y, float width, int step,
                     int depth) {
    float top = y;
    bool first = true;
    for (size_t i = 0; i < blocks.size(); ++i) {
      const Block& block = blocks[i];
      if (block.kind == BlockKind::kHtml) continue;  // raw HTML is never rendered
      if (!first) y += Gap();
      int block_step = std::max(step, block.step);
      if (IsFloat(block)) {  // floated boxes side by side (remark's .pull-left/.pull-right)
        size_t end = i;
        while (end < blocks.size() && IsFloat(blocks[end])) ++end;
        y += LayoutFloats(blocks, i, end, x, y, width, step, depth);
        i = end - 1;
        first = false;
        continue;
      }
      float h = LayoutBlock(block, x, y, width, block_step, depth);
      if (h <= 0 && !first) y -= Gap();
      y += h;
      first = false;
    }
    return y - top;
  }

  static bool IsFloat(const Block& b) {
    return b.kind == BlockKind::kElement && b.element.style.float_side != 0;
  }

  // Floats [begin, end): left ones from the left edge on, right ones from the right edge
  // back, on one row; returns its height.
  float LayoutFloats(const std::vector<Block>& blocks, size_t begin, size_t end, float x, float y,
                     float width, int step, int depth) {
    float left = x, right = x + width, row_h = 0;
    for (size_t i = begin; i < end; ++i) {
      const Block& b = blocks[i];
      float w = b.element.style.width != kAuto ? CssOr(b.element.style.width, width) : width * 0.5f;
      w = std::min(w, std::max(0.0f, right - left));
      float bx = b.element.style.float_side == 1 ? left : right - w;
      float h = LayoutBlock(b, bx, y, w, std::max(step, b.step), depth);
      if (b.element.style.float_side == 1) left += w;
      else right -= w;
      row_h = std::max(row_h, h);
    }
    return row_h;
  }

  float LayoutBlock(const Block& block, float x, float y, float width, int step, int depth) {
    switch (block.kind) {
      case BlockKind::kHeading: return LayoutHeading(block, x, y, width, step);
      case BlockKind::kParagraph: return LayoutParagraph(block, x, y, width, step);
      case BlockKind::kList: return LayoutTopList(block, x, y, width, step, depth);
      case BlockKind::kListItem: return LayoutBlocks(block.children, x, y, width, step, depth);
      case BlockKind::kCode: return LayoutCode(block, x, y, width, step);
      case BlockKind::kMath: return LayoutMathBlock(block, x, y, width, step);
      case BlockKind::kDiagram: return LayoutDiagramBlock(block, x, y, width, step);
      case BlockKind::kTable: return LayoutTable(block, x, y, width, step);
      case BlockKind::kQuote: return LayoutQuote(block, x, y, width, step, depth);
      case BlockKind::kHtml: return 0;
      case BlockKind::kElement: return LayoutElement(block, x, y, width, step, depth);
    }
    return 0;
  }

  float LayoutHeading(const Block& block, float x, float y, float width, int step) {
    int level = std::clamp(block.level, 1, 6);
    float size = S(theme.heading_size[level - 1]) * (lead && level <= 2 ? 1.25f : 1.0f);
    InlineLayout flow(*context.fonts);
    AddSpans(flow, block.spans, BaseStyle(size, theme.heading, FontRole::kSansBold));
    float h = PlaceFlow(flow, x, y, width, theme.heading_line_height, step, block, align);
    if (level == 1 && align == Align::kLeft) {
      // A short accent rule under the slide's title.
      LayoutItem rule;
      rule.kind = LayoutItemKind::kRect;
      rule.step = step;
      rule.color = theme.accent;
      float ry = y + h + S(10);
      rule.rect = {x, ry, x + S(96), ry + S(8)};
      rule.rounding = S(4);
      out->items.push_back(rule);
      h += S(26);
    }
    return h;
  }

  static bool IsImageOnly(const Block& block) {
    bool any_image = false;
    for (const Span& s : block.spans) {
      if (s.kind == SpanKind::kImage) any_image = true;
      else if (s.kind == SpanKind::kSoftBreak || s.kind == SpanKind::kLineBreak) continue;
      else if (s.kind == SpanKind::kText && s.text.find_first_not_of(" \t") == std::string::npos) continue;
      else return false;
    }
    return any_image;
  }

  float LayoutParagraph(const Block& block, float x, float y, float width, int step) {
    bool has_image = false;
    for (const Span& s : block.spans) has_image |= s.kind == SpanKind::kImage;
    float h = 0;
    if (!IsImageOnly(block)) {
      InlineLayout flow(*context.fonts);
      AddSpans(flow, block.spans, BaseStyle(S(theme.body_size), theme.text));
      if (!flow.empty()) h = PlaceFlow(flow, x, y, width, theme.line_height, step, block, align);
    }
    if (has_image) {
      if (h > 0) h += Gap() * 0.5f;
      h += LayoutImages(block, x, y + h, width, step);
    }
    return h;
  }

  // The images of a paragraph, side by side, scaled to fit the width.
  float LayoutImages(const Block& block, float x, float y, float width, int step) {
    struct Placed {
      const Span* span;
      const ImageStore::Image* image;
      float w, h;
    };
    std::vector<Placed> row;
    float content_height = out->height - S(theme.margin_top) - S(theme.margin_bottom);
    for (const Span& s : block.spans) {
      if (s.kind != SpanKind::kImage) continue;
      const ImageStore::Image* image = context.images ? context.images->Find(s.href) : nullptr;
      bool ok = image && image->ok;
      float natural_w = ok ? image->width * kMarpToDesign : 640;
      float natural_h = ok ? image->height * kMarpToDesign : 360;
      auto resolve = [&](float v, float full) { return v < 0 ? -v * full : v * kMarpToDesign; };
      float w = resolve(s.image_size.width, out->width);
      float h = resolve(s.image_size.height, out->height);
      if (w > 0 && h <= 0) h = w * natural_h / natural_w;
      else if (h > 0 && w <= 0) w = h * natural_w / natural_h;
      else if (w <= 0 && h <= 0) w = natural_w, h = natural_h;
      row.push_back({&s, ok ? image : nullptr, w * scale, h * scale});
    }
    if (row.empty()) return 0;
    float gap = S(24);
    float total_w = gap * (row.size() - 1);
    float max_h = 0;
    for (const Placed& p : row) total_w += p.w, max_h = std::max(max_h, p.h);
    float shrink = 1;
    if (total_w > width) shrink = std::min(shrink, (width - gap * (row.size() - 1)) / (total_w - gap * (row.size() - 1)));
    if (max_h * shrink > content_height) shrink = std::min(shrink, content_height / max_h);
    float px = x;
    float row_w = (total_w - gap * (row.size() - 1)) * shrink + gap * (row.size() - 1);
    if (align == Align::kCenter) px = x + (width - row_w) * 0.5f;
    float row_h = max_h * shrink;
    for (const Placed& p : row) {
      float w = p.w * shrink, h = p.h * shrink;
      Rect r{px, y + (row_h - h) * 0.5f, px + w, y + (row_h - h) * 0.5f + h};
      if (p.image) {
        LayoutItem item;
        item.kind = LayoutItemKind::kImage;
        item.step = step;
        item.rect = r;
        item.src = p.span->href;
        out->items.push_back(item);
      } else {
        Placeholder(r, p.span->text, p.span->href, step);
      }
      if (!p.span->text.empty()) NoteText("[" + p.span->text + "]");
      px += w + gap;
    }
    return row_h;
  }

  // A missing or broken image: a tinted box with a cross, its alt text and its path.
  void Placeholder(Rect r, const std::string& alt, const std::string& src, int step) {
    LayoutItem box;
    box.kind = LayoutItemKind::kRect;
    box.step = step;
    box.rect = r;
    box.color = WithAlpha(theme.placeholder, 40);
    box.rounding = S(8);
    out->items.push_back(box);
    box.kind = LayoutItemKind::kRectOutline;
    box.color = theme.placeholder;
    box.thickness = std::max(1.0f, S(3));
    out->items.push_back(box);
    LayoutItem cross;
    cross.kind = LayoutItemKind::kLine;
    cross.step = step;
    cross.color = WithAlpha(theme.placeholder, 120);
    cross.thickness = std::max(1.0f, S(2));
    cross.rect = r;
    out->items.push_back(cross);
    cross.rect = {r.x0, r.y1, r.x1, r.y0};
    out->items.push_back(cross);
    float size = std::min(S(theme.small_size), r.height() * 0.2f);
    if (size < 6) return;
    InlineLayout flow(*context.fonts);
    TextStyle s = BaseStyle(size, theme.error, FontRole::kSansBold);
    flow.AddText(alt.empty() ? "image missing" : alt, s);
    flow.AddHardBreak(s);
    TextStyle path = BaseStyle(size * 0.85f, theme.muted, FontRole::kMono);
    flow.AddText(src, path);
    float inner = r.width() - 2 * size;
    if (inner <= 0) return;
    float h = flow.Layout(inner, 1.3f);
    float ty = r.y0 + (r.height() - h) * 0.5f;
    size_t first = out->items.size();
    flow.Emit(r.x0 + size, ty, inner, Align::kCenter, step, out);
    for (size_t i = first; i < out->items.size(); ++i) {
      out->items[i].clipped = true;
      out->items[i].clip = r;
    }
  }

  // On a centred slide (`lead`, `center`) a list is centred as one block with its items
  // left-aligned inside it, as reveal.js draws it: bullets stay in a column, and the list
  // sits under the centred heading instead of at the left margin.
  float LayoutTopList(const Block& list, float x, float y, float width, int step, int depth) {
    size_t first_item = out->items.size(), first_link = out->links.size();
    float h = LayoutList(list, x, y, width, step, depth);
    if (align != Align::kCenter) return h;
    float left = x + width, right = x;
    for (size_t i = first_item; i < out->items.size(); ++i) {
      const LayoutItem& item = out->items[i];
      float r = item.kind == LayoutItemKind::kCircle ? item.thickness : 0;
      left = std::min(left, item.rect.x0 - r);
      right = std::max(right, item.rect.x1 + r);
    }
    float dx = std::floor(x + (width - (right - left)) * 0.5f - left);
    if (dx <= 0) return h;
    for (size_t i = first_item; i < out->items.size(); ++i) {
      LayoutItem& item = out->items[i];
      item.rect.x0 += dx;
      item.rect.x1 += dx;
      for (LayoutPoint& p : item.points) p.x += dx;
      if (item.clipped) {
        item.clip.x0 += dx;
        item.clip.x1 += dx;
      }
    }
    for (size_t i = first_link; i < out->links.size(); ++i) {
      out->links[i].rect.x0 += dx;
      out->links[i].rect.x1 += dx;
    }
    return h;
  }

  float LayoutList(const Block& list, float x, float y, float width, int step, int depth) {
    float top = y;
    float size = S(theme.body_size) * (depth == 0 ? 1.0f : depth == 1 ? 0.9f : 0.85f);
    float indent = S(theme.list_indent) * (depth == 0 ? 1.0f : 0.9f);
    int number = list.start;
    bool first = true;
    for (const Block& item : list.children) {
      int item_step = std::max(step, item.step);
      if (!first) y += size * 0.3f;
      first = false;
      float line_h = size * theme.line_height;
      float cy = y + line_h * 0.5f;  // centre of the first line
      if (item.task != TaskState::kNone) {
        float box = size * 0.7f;
        Rect r{x + indent - box - size * 0.45f, cy - box * 0.5f, x + indent - size * 0.45f, cy + box * 0.5f};
        LayoutItem b;
        b.step = item_step;
        b.rect = r;
        b.rounding = box * 0.2f;
        if (item.task == TaskState::kDone) {
          b.kind = LayoutItemKind::kRect;
          b.color = theme.accent;
          out->items.push_back(b);
          LayoutItem tick;
          tick.kind = LayoutItemKind::kLine;
          tick.step = item_step;
          tick.color = theme.background;
          tick.thickness = box * 0.14f;
          tick.rect = {r.x0 + box * 0.22f, r.y0 + box * 0.52f, r.x0 + box * 0.42f, r.y0 + box * 0.72f};
          out->items.push_back(tick);
          tick.rect = {r.x0 + box * 0.42f, r.y0 + box * 0.72f, r.x0 + box * 0.78f, r.y0 + box * 0.3f};
          out->items.push_back(tick);
        } else {
          b.kind = LayoutItemKind::kRectOutline;
          b.color = theme.muted;
          b.thickness = std::max(1.0f, box * 0.1f);
          out->items.push_back(b);
        }
      } else if (list.ordered) {
        InlineLayout marker(*context.fonts);
        marker.AddText(std::to_string(number) + ".", BaseStyle(size, theme.accent, FontRole::kSansBold));
        marker.Layout(indent, theme.line_height);
        marker.Emit(x, y, indent - size * 0.35f, Align::kRight, item_step, out);
      } else {
        LayoutItem dot;
        dot.step = item_step;
        dot.color = theme.accent;
        float r = size * 0.13f;
        float bx = x + indent - size * 0.7f;
        switch (depth % 3) {
          case 0:
            dot.kind = LayoutItemKind::kCircle;
            dot.rect = {bx, cy, bx, cy};
            dot.thickness = r;
            break;
          case 1:
            dot.kind = LayoutItemKind::kCircle;
            dot.rect = {bx, cy, bx, cy};
            dot.thickness = r;
            dot.outline = true;
            break;
          default:
            dot.kind = LayoutItemKind::kRect;
            dot.rect = {bx - r, cy - r, bx + r, cy + r};
            break;
        }
        out->items.push_back(dot);
      }
      ++number;
      float h = LayoutListItem(item, x + indent, y, width - indent, item_step, depth, size);
      y += std::max(h, line_h);
    }
    return y - top;
  }

  float LayoutListItem(const Block& item, float x, float y, float width, int step, int depth,
                       float size) {
    float top = y;
    bool first = true;
    for (const Block& child : item.children) {
      if (child.kind == BlockKind::kHtml) continue;
      if (!first) y += size * 0.25f;
      first = false;
      int child_step = std::max(step, child.step);
      if (child.kind == BlockKind::kParagraph && !IsImageOnly(child)) {
        InlineLayout flow(*context.fonts);
        AddSpans(flow, child.spans, BaseStyle(size, theme.text));
        y += PlaceFlow(flow, x, y, width, theme.line_height, child_step, child, Align::kLeft);
      } else if (child.kind == BlockKind::kList) {
        y += LayoutList(child, x, y, width, child_step, depth + 1);
      } else {
        Align saved = align;
        align = Align::kLeft;
        y += LayoutBlock(child, x, y, width, child_step, depth + 1);
        align = saved;
      }
    }
    return y - top;
  }

  float LayoutQuote(const Block& block, float x, float y, float width, int step, int depth) {
    float bar = S(8), pad = S(36);
    size_t first_item = out->items.size();
    Theme saved = theme;
    theme.text = theme.quote_text;
    float h = LayoutBlocks(block.children, x + bar + pad, y + S(8), width - bar - pad, step, depth + 1) + S(16);
    theme = saved;
    LayoutItem b;
    b.kind = LayoutItemKind::kRect;
    b.step = step;
    b.color = theme.quote_bar;
    b.rect = {x, y, x + bar, y + h};
    b.rounding = bar * 0.5f;
    out->items.insert(out->items.begin() + static_cast<long>(first_item), b);
    return h;
  }

  // [SECTION] HTML boxes ----------------------------------------------------------------

  // CSS pixels of the deck's tool (Marp's 1280-wide slide) → design units at this scale.
  float Css(float px) const { return S(px * kMarpToDesign); }

  // A length that may be a fraction of `full` (negative) → design units.
  float CssOr(float v, float full) const { return v < 0 ? -v * full : Css(v); }

  // Moves items [first, end) down by dy (centring a cell's content in its row).
  void ShiftItems(size_t first, float dy) {
    if (dy == 0) return;
    for (size_t i = first; i < out->items.size(); ++i) {
      LayoutItem& it = out->items[i];
      it.rect.y0 += dy;
      it.rect.y1 += dy;
      if (it.clipped) it.clip.y0 += dy, it.clip.y1 += dy;
    }
  }

  // Widths of a grid's tracks in `width`: fixed tracks (< 0, CSS px) first, the rest
  // shared by fr weight.
  std::vector<float> TrackWidths(const std::vector<float>& tracks, float width, float gap) const {
    std::vector<float> w(tracks.empty() ? 1 : tracks.size(), 0.0f);
    if (tracks.empty()) {
      w[0] = width;
      return w;
    }
    float fixed = 0, fr = 0;
    for (float t : tracks) (t < 0 ? fixed : fr) += t < 0 ? Css(-t) : t;
    float free = std::max(0.0f, width - fixed - gap * static_cast<float>(tracks.size() - 1));
    float shrink = fixed > 0 && fr == 0 && fixed > free ? free / fixed : 1;
    for (size_t i = 0; i < tracks.size(); ++i)
      // Shares that add up to less than 1fr leave the rest of the row free, as CSS does.
      w[i] = tracks[i] < 0 ? Css(-tracks[i]) * shrink : (fr > 0 ? free * tracks[i] / std::max(fr, 1.0f) : 0);
    return w;
  }

  // An HTML element's box: margins, padding, border and background around its children,
  // laid out as blocks, a flex row or a grid.
  float LayoutElement(const Block& block, float x, float y, float width, int step, int depth) {
    const BoxStyle& st = block.element.style;
    if (st.display == Display::kNone) return 0;
    if (block.element.tag == "hr") {
      LayoutItem rule;
      rule.kind = LayoutItemKind::kRect;
      rule.step = step;
      rule.color = theme.rule;
      rule.rect = {x, y + S(12), x + width, y + S(12) + std::max(1.0f, S(3))};
      out->items.push_back(rule);
      return S(27);
    }
    float box_w = width;
    // (A float's width was taken by LayoutFloats, which gives it exactly that room.)
    if (st.width != kAuto && st.float_side == 0) box_w = std::min(width, CssOr(st.width, width));
    if (st.max_width != kAuto) box_w = std::min(box_w, CssOr(st.max_width, width));
    float box_x = x;
    if (box_w < width && align == Align::kCenter) box_x = x + (width - box_w) * 0.5f;
    if (box_w < width && align == Align::kRight) box_x = x + width - box_w;
    const float border = st.border_width > 0 ? std::max(1.0f, Css(st.border_width)) : 0;
    const float pt = Css(st.padding[0]) + border, pr = Css(st.padding[1]) + border;
    const float pb = Css(st.padding[2]) + border, pl = Css(st.padding[3]) + border;
    const float mt = Css(st.margin_top), mb = Css(st.margin_bottom);
    const float gap = st.gap != kAuto ? Css(st.gap) : 0;
    const float inner_x = box_x + pl, inner_w = std::max(S(40), box_w - pl - pr);
    const float top = y + mt, inner_y = top + pt;

    size_t first_item = out->items.size();
    Theme saved_theme = theme;
    Align saved_align = align;
    float saved_scale = scale;
    if (std::optional<uint32_t> c = ParseColor(st.color)) {
      theme.text = theme.heading = theme.quote_text = *c;
    }
    if (st.text_align != Align::kDefault) align = st.text_align;
    // Nested boxes compound their sizes, within the same bounds as a run's.
    float saved_css_scale = css_scale;
    css_scale = std::clamp(css_scale * st.font_size, kMinLookScale, kMaxLookScale);
    scale *= css_scale / saved_css_scale;

    float content_h = 0;
    std::vector<const Block*> children;
    for (const Block& c : block.children)
      if (c.kind != BlockKind::kHtml) children.push_back(&c);
    if (st.display == Display::kGrid || st.display == Display::kFlexRow) {
      std::vector<float> tracks = st.columns;
      if (st.display == Display::kFlexRow) {
        // Flex items share the row: an item with a width keeps it, the others split the rest.
        tracks.clear();
        for (const Block* c : children) {
          float w = c->kind == BlockKind::kElement ? c->element.style.width : kAuto;
          tracks.push_back(w == kAuto ? 1.0f : (w < 0 ? -w * 1e-6f : -w));
        }
        if (tracks.empty()) tracks.push_back(1);
        for (size_t i = 0; i < children.size(); ++i) {  // fractions of the row
          const Block* c = children[i];
          float w = c->kind == BlockKind::kElement ? c->element.style.width : kAuto;
          if (w != kAuto && w < 0) tracks[i] = -(-w * inner_w) / (kMarpToDesign * scale);
        }
      }
      std::vector<float> widths = TrackWidths(tracks, inner_w, gap);
      const size_t n = widths.size();
      size_t col = 0;
      float row_y = inner_y, row_h = 0;
      struct Cell {
        size_t first_item;
        float h;
      };
      std::vector<Cell> row;
      auto finish_row = [&] {
        if (st.center_items)
          for (const Cell& c : row) {
            size_t end = &c == &row.back() ? out->items.size() : (&c + 1)->first_item;
            for (size_t i = c.first_item; i < end; ++i) {
              out->items[i].rect.y0 += (row_h - c.h) * 0.5f;
              out->items[i].rect.y1 += (row_h - c.h) * 0.5f;
              if (out->items[i].clipped)
                out->items[i].clip.y0 += (row_h - c.h) * 0.5f, out->items[i].clip.y1 += (row_h - c.h) * 0.5f;
            }
          }
        row.clear();
      };
      for (const Block* c : children) {
        size_t span = c->kind == BlockKind::kElement
                          ? static_cast<size_t>(std::clamp(c->element.style.column_span, 1, static_cast<int>(n)))
                          : 1;
        if (col + span > n) {
          finish_row();
          row_y += row_h + (gap > 0 ? gap : Gap());
          row_h = 0;
          col = 0;
        }
        float cell_x = inner_x, cell_w = 0;
        for (size_t i = 0; i < col; ++i) cell_x += widths[i] + gap;
        for (size_t i = col; i < col + span; ++i) cell_w += widths[i];
        cell_w += gap * static_cast<float>(span - 1);
        size_t first = out->items.size();
        float h = LayoutBlock(*c, cell_x, row_y, cell_w, std::max(step, c->step), depth);
        row.push_back({first, h});
        row_h = std::max(row_h, h);
        col += span;
      }
      finish_row();
      content_h = children.empty() ? 0 : row_y + row_h - inner_y;
    } else {
      content_h = LayoutBlocks(block.children, inner_x, inner_y, inner_w, step, depth);
    }
    theme = saved_theme;
    align = saved_align;
    scale = saved_scale;
    css_scale = saved_css_scale;

    float box_h = pt + content_h + pb;
    if (st.height != kAuto && st.height > 0) box_h = std::max(box_h, Css(st.height));
    std::vector<LayoutItem> behind;
    float radius = std::min(Css(st.radius), std::min(box_w, box_h) * 0.5f);
    if (std::optional<uint32_t> bg = ParseColor(st.background); bg && (*bg >> 24) != 0) {
      LayoutItem r;
      r.kind = LayoutItemKind::kRect;
      r.step = step;
      r.color = *bg;
      r.rect = {box_x, top, box_x + box_w, top + box_h};
      r.rounding = radius;
      behind.push_back(r);
    }
    if (border > 0) {
      LayoutItem r;
      r.kind = LayoutItemKind::kRectOutline;
      r.step = step;
      r.color = ParseColor(st.border_color).value_or(theme.rule);
      r.thickness = border;
      r.rect = {box_x + border * 0.5f, top + border * 0.5f, box_x + box_w - border * 0.5f,
                top + box_h - border * 0.5f};
      r.rounding = radius;
      behind.push_back(r);
    }
    out->items.insert(out->items.begin() + static_cast<long>(first_item), behind.begin(), behind.end());
    if (st.opacity < 1) {
      for (size_t i = first_item; i < out->items.size(); ++i) {
        uint32_t& c = out->items[i].color;
        uint32_t a = static_cast<uint32_t>(static_cast<float>(c >> 24) * std::max(0.0f, st.opacity) + 0.5f);
        c = WithAlpha(c, a);
      }
    }
    return mt + box_h + mb;
  }

  // A code block cut into lines, each a list of runs of one token kind (byte ranges of the
  // block's text); a token that spans lines (a block comment) gives a run on each.
  struct CodeRun {
    size_t begin = 0, end = 0;
    TokenKind kind = TokenKind::kPlain;
  };
  static std::vector<std::vector<CodeRun>> CodeLines(const std::string& text,
                                                     const std::vector<Token>& tokens) {
    std::vector<std::vector<CodeRun>> lines(1);
    for (const Token& t : tokens) {
      for (size_t b = t.begin; b < t.end;) {
        size_t nl = text.find('\n', b);
        size_t e = nl == std::string::npos || nl >= t.end ? t.end : nl;
        if (e > b) lines.back().push_back({b, e, t.kind});
        if (e < t.end) lines.emplace_back();
        b = e < t.end ? e + 1 : e;
      }
    }
    return lines;
  }

  // Adds code text with tabs expanded to the next multiple of 4 columns (`column` counts
  // the code points of the line so far).
  static void AddCodeText(InlineLayout& flow, std::string_view text, const TextStyle& style,
                          int* column) {
    constexpr int kTabWidth = 4;
    std::string expanded;
    size_t copied = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\t') {
        int n = kTabWidth - *column % kTabWidth;
        expanded.append(text.substr(copied, i - copied)).append(static_cast<size_t>(n), ' ');
        *column += n;
        copied = i + 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        ++*column;
      }
    }
    if (copied == 0) {
      flow.AddText(text, style);
      return;
    }
    expanded.append(text.substr(copied));
    flow.AddText(expanded, style);
  }

  // Lines of code: the whole block in JetBrains Mono on a tinted panel, coloured by the
  // syntax highlighter (text/highlight); never wrapped — shrunk to fit the width down to
  // the floor, then clipped (with a kCodeTooWide warning per clipped line).
  float LayoutCode(const Block& block, float x, float y, float width, int step) {
    const std::string& language = block.code.language;
    bool known = IsKnownLanguage(language);
    if (!known && !IsPlainLanguage(language) &&
        std::none_of(block_warnings.begin(), block_warnings.end(), [&](const Diagnostic& d) {
          return d.code == DiagnosticCode::kUnknownCodeLanguage && d.argument == language;
        }))
      block_warnings.push_back(
          MakeDiagnostic(DiagnosticCode::kUnknownCodeLanguage, block.pos, language));
    std::vector<std::vector<CodeRun>> lines =
        CodeLines(block.text, Highlight(known ? std::string_view(language) : "", block.text));
    auto color_of = [&](TokenKind kind, bool on) {
      uint32_t c = kind == TokenKind::kPlain ? theme.code_text : theme.code.Color(kind);
      return on ? c : WithAlpha(c, ((c >> 24) * (theme.code_dim >> 24)) / 255);
    };
    auto add_line = [&](InlineLayout& flow, size_t i, float at, bool on) {
      int column = 0;
      for (const CodeRun& r : lines[i]) {
        TextStyle s = BaseStyle(at, color_of(r.kind, on), FontRole::kMono);
        if (r.kind == TokenKind::kHeading || r.kind == TokenKind::kStrong)
          s.font = FontRole::kMonoBold;
        if (r.kind == TokenKind::kLink) s.underline = true;
        std::string_view text = std::string_view(block.text).substr(r.begin, r.end - r.begin);
        AddCodeText(flow, text, s, &column);
      }
    };
    const Font* mono = context.fonts->Get(FontRole::kMono);
    float size = S(theme.code_size);
    float pad = S(theme.code_padding);
    bool numbers = block.code.line_numbers;
    std::string widest_number = std::to_string(lines.size());
    auto numbers_width = [&](float at) {
      if (!numbers || !mono) return 0.0f;
      return (widest_number.size() + 2) * mono->Advance(mono->GlyphIndex('0'), at);
    };
    std::vector<float> line_widths(lines.size());  // at the natural size
    float widest = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
      InlineLayout flow(*context.fonts);
      add_line(flow, i, size, true);
      line_widths[i] = flow.NaturalWidth();
      widest = std::max(widest, line_widths[i]);
    }
    float natural = widest + numbers_width(size);
    float room = width - 2 * pad;
    if (natural > room && natural > 0) {
      float fit = std::max(room / natural, kMinFitScale / std::max(scale, kMinFitScale));
      float shrink = std::min(1.0f, fit);
      for (size_t i = 0; i < lines.size(); ++i) {
        if (line_widths[i] * shrink + numbers_width(size * shrink) <= room + 0.5f) continue;
        SourcePos at{block.pos.line + 1 + static_cast<int>(i), block.pos.col};
        block_warnings.push_back(
            MakeDiagnostic(DiagnosticCode::kCodeTooWide, at, std::to_string(i + 1)));
      }
      size *= shrink;
    }
    float line_h = size * 1.45f;
    float h = lines.size() * line_h + 2 * pad;
    Rect panel{x, y, x + width, y + h};
    LayoutItem bg;
    bg.kind = LayoutItemKind::kRect;
    bg.step = step;
    bg.rect = panel;
    bg.color = theme.code_background;
    bg.rounding = S(theme.rounding);
    out->items.push_back(bg);

    // Highlight stages: one for ```py {2,4-5}```, several for ```js {1|2-3|all}```, which
    // show one after the other as the slide's steps advance (CodeInfo::first_stage_step).
    static const std::vector<LineRange> kAllLines;
    const auto& stages = block.code.highlight_steps;
    size_t stage_count = std::max<size_t>(1, stages.size());
    float number_w = numbers_width(size);
    Rect clip{panel.x0 + pad * 0.5f, panel.y0, panel.x1 - pad * 0.5f, panel.y1};
    auto clip_from = [&](size_t first_item) {
      for (size_t k = first_item; k < out->items.size(); ++k) {
        out->items[k].clipped = true;
        out->items[k].clip = clip;
      }
    };
    auto limit_from = [&](size_t first_item, int first_step, int last_step) {
      for (size_t k = first_item; k < out->items.size(); ++k) {
        out->items[k].step = first_step;
        out->items[k].last_step = last_step;
      }
    };
    for (size_t stage = 0; stage < stage_count; ++stage) {
      const std::vector<LineRange>& highlight = stages.empty() ? kAllLines : stages[stage];
      auto highlighted = [&](int line) {
        if (highlight.empty()) return true;
        for (const LineRange& r : highlight)
          if (line >= r.first && line <= r.last) return true;
        return false;
      };
      int first_step = stage == 0 ? step : std::max(step, block.code.first_stage_step + static_cast<int>(stage) - 1);
      int last_step = stage + 1 < stage_count
                          ? std::max(step, block.code.first_stage_step + static_cast<int>(stage)) - 1
                          : (1 << 30);
      size_t first_item = out->items.size();
      for (size_t i = 0; i < lines.size(); ++i) {
        float ly = y + pad + i * line_h;
        bool on = highlighted(static_cast<int>(i) + 1);
        // A band behind a highlighted line, or behind a diff's added and removed lines.
        uint32_t band_color = 0;
        if (!highlight.empty() && on) band_color = theme.code_highlight;
        else if (highlight.empty() && !lines[i].empty() && lines[i][0].kind == TokenKind::kInserted)
          band_color = theme.code.inserted_background;
        else if (highlight.empty() && !lines[i].empty() && lines[i][0].kind == TokenKind::kDeleted)
          band_color = theme.code.deleted_background;
        if (band_color) {
          LayoutItem band;
          band.kind = LayoutItemKind::kRect;
          band.color = band_color;
          band.rect = {panel.x0, ly, panel.x1, ly + line_h};
          out->items.push_back(band);
        }
        InlineLayout flow(*context.fonts);
        add_line(flow, i, size, on);
        flow.Layout(1e9f, 1.45f);
        flow.Emit(x + pad + number_w, ly, room, Align::kLeft, step, out);
        // The code's first line is the one after the fence.
        if (stage == 0) NoteMissingIn(flow.MissingCharacters(), block.text, {block.pos.line + 1, 1}, block.pos);
      }
      clip_from(first_item);
      limit_from(first_item, first_step, last_step);
    }
    // Line numbers last, so that the bands of highlighted lines do not cover them.
    if (numbers) {
      size_t first_item = out->items.size();
      for (size_t i = 0; i < lines.size(); ++i) {
        InlineLayout num(*context.fonts);
        num.AddText(std::to_string(i + 1), BaseStyle(size, theme.muted, FontRole::kMono));
        num.Layout(number_w, 1.45f);
        num.Emit(x + pad, y + pad + i * line_h, number_w - size, Align::kRight, step, out);
      }
      clip_from(first_item);
    }
    NoteText(block.text);
    if (!block.code.language.empty()) {
      InlineLayout label(*context.fonts);
      label.AddText(block.code.language, BaseStyle(S(20), theme.muted, FontRole::kSans));
      label.Layout(width, 1.2f);
      label.Emit(panel.x1 - S(16) - label.width(), panel.y0 + S(6), label.width(), Align::kLeft, step, out);
    }
    return h;
  }

  // A drawing still wider than its column at its smallest size is clipped at the slide's
  // edge; the warning says by how much, in design pixels (1920 or 1440 wide).
  void WarnTooWide(const Block& block, const char* what, const char* advice, float overflow) {
    if (out->steps < 0) return;  // a scratch layout measuring the blocks after a diagram
    char detail[160];
    std::snprintf(detail, sizeof detail,
                  "%s is %.0f px wider than the slide even at its smallest size, and cut off; %s",
                  what, std::ceil(overflow / std::max(scale, 0.01f)), advice);
    block_warnings.push_back(MakeDiagnostic(DiagnosticCode::kDrawingTooWide, block.pos, detail));
  }

  // Display math: display style, centred, shrunk (never below half size) to the width.
  float LayoutMathBlock(const Block& block, float x, float y, float width, int step) {
    ParsedTex tex = ParseTex(block.text);
    float size = S(theme.body_size) * kMathTextScale;
    LayoutBox box = TypesetMath(tex.root, *context.fonts, size, theme.text, true, theme.error);
    if (box.width > width && box.width > 0) {
      size *= std::max(0.5f, width / box.width);
      box = TypesetMath(tex.root, *context.fonts, size, theme.text, true, theme.error);
      if (box.width > width + 0.5f) WarnTooWide(block, "the formula", "break it into lines", box.width - width);
    }
    float pad = S(theme.body_size) * 0.15f;
    PlaceBox(box, x + (width - box.width) * 0.5f, y + pad + box.ascent, step, out);
    NoteText(block.text);
    return box.ascent + box.descent + 2 * pad;
  }

  // A mermaid flowchart or sequence diagram drawn by the engine (diagram/flowchart_layout.h,
  // diagram/sequence_layout.h), centred, at most its natural size, shrunk to the width and to
  // the room left on the slide once the blocks after it are placed. Other diagram types and
  // graphs too large to lay out stay a source box; their warnings come from the parser
  // (CheckDiagramBlock in diagram/mermaid.h).
  float LayoutDiagramBlock(const Block& block, float x, float y, float width, int step) {
    std::string label = block.code.language.empty() ? "diagram" : block.code.language;
    if (block.code.language != "mermaid") return LayoutSourceBox(block, label, x, y, width, step);
    MermaidDiagram diagram = ParseMermaid(block.text);
    if (diagram.kind == DiagramKind::kOther) label = "mermaid " + diagram.type + " · not drawn yet, shown as source";
    bool drawable = (diagram.kind == DiagramKind::kFlowchart && !diagram.flowchart.nodes.empty()) ||
                    (diagram.kind == DiagramKind::kSequence && !diagram.sequence.participants.empty());
    if (!drawable) return LayoutSourceBox(block, label, x, y, width, step);
    // What the following top-level blocks need, measured on a scratch layout. A scratch
    // layout carries kMeasuringSteps, so the diagrams met while measuring do not measure.
    constexpr int kMeasuringSteps = -1;
    float following = 0;
    const std::vector<Block>& top = slide.blocks;
    if (out->steps != kMeasuringSteps && !top.empty() && &block >= &top.front() && &block <= &top.back()) {
      std::vector<Block> rest(top.begin() + (&block - &top.front()) + 1, top.end());
      if (!rest.empty()) {
        SlideLayout scratch;
        scratch.width = out->width;
        scratch.height = out->height;
        scratch.steps = kMeasuringSteps;
        BlockLayouter measure = *this;
        measure.out = &scratch;
        following = Gap() + measure.LayoutBlocks(rest, x, 0, width, step, 0);
      }
    }
    FlowchartSizing sizing;
    sizing.font_size = S(theme.body_size) * 0.75f;
    sizing.max_width = width;
    sizing.max_height = std::max(out->height - theme.margin_bottom - y - following, S(theme.body_size) * 4);
    sizing.min_scale = 0.55f;
    LayoutBox drawing;
    std::vector<char32_t> absent;
    std::string words;
    if (diagram.kind == DiagramKind::kSequence) {
      SequenceResult seq = LayoutSequence(diagram.sequence, *context.fonts, theme, sizing);
      if (!seq.ok) return LayoutSourceBox(block, label, x, y, width, step);
      drawing = std::move(seq.box), absent = std::move(seq.missing), words = std::move(seq.text);
    } else {
      FlowchartResult chart = LayoutFlowchart(diagram.flowchart, *context.fonts, theme, sizing);
      if (!chart.ok) return LayoutSourceBox(block, label, x, y, width, step);
      drawing = std::move(chart.box), absent = std::move(chart.missing), words = std::move(chart.text);
    }
    if (drawing.width > width + 0.5f) WarnTooWide(block, "the diagram", "split it, or draw it top-down (flowchart TD)", drawing.width - width);
    PlaceBox(drawing, x + std::max(0.0f, (width - drawing.width) * 0.5f), y, step, out);
    NoteMissingIn(absent, block.text, {block.pos.line + 1, 1}, block.pos);  // after the fence
    NoteText(words);
    return drawing.descent;
  }

  // Math and diagrams until their renderers land: the source, in a labelled, dashed box.
  float LayoutSourceBox(const Block& block, const std::string& label, float x, float y,
                        float width, int step) {
    float size = S(theme.code_size) * 0.9f;
    float pad = S(theme.code_padding);
    InlineLayout flow(*context.fonts);
    size_t start = 0;
    TextStyle s = BaseStyle(size, theme.text, FontRole::kMono);
    while (start <= block.text.size()) {
      size_t nl = block.text.find('\n', start);
      if (nl == std::string::npos) nl = block.text.size();
      flow.AddText(block.text.substr(start, nl - start), s);
      if (nl < block.text.size()) flow.AddHardBreak(s);
      start = nl + 1;
    }
    float label_h = S(30);
    float text_h = flow.Layout(width - 2 * pad, 1.4f);
    float h = text_h + 2 * pad + label_h;
    Rect panel{x, y, x + width, y + h};
    LayoutItem bg;
    bg.kind = LayoutItemKind::kRect;
    bg.step = step;
    bg.rect = panel;
    bg.color = WithAlpha(theme.accent, 18);
    bg.rounding = S(theme.rounding);
    out->items.push_back(bg);
    bg.kind = LayoutItemKind::kRectOutline;
    bg.color = WithAlpha(theme.accent, 110);
    bg.thickness = std::max(1.0f, S(2));
    out->items.push_back(bg);
    InlineLayout tag(*context.fonts);
    tag.AddText(label, BaseStyle(S(22), theme.accent, FontRole::kSansBold));
    tag.Layout(width, 1.2f);
    tag.Emit(x + pad, y + pad * 0.6f, width, Align::kLeft, step, out);
    flow.Emit(x + pad, y + pad * 0.6f + label_h + pad * 0.4f, width - 2 * pad,
              block.kind == BlockKind::kMath ? Align::kCenter : Align::kLeft, step, out);
    NoteMissing(flow, block.pos);
    NoteText(block.text);
    return h;
  }

  float LayoutTable(const Block& block, float x, float y, float width, int step) {
    const Table& table = block.table;
    size_t columns = table.aligns.size();
    for (const auto& row : table.rows) columns = std::max(columns, row.size());
    if (columns == 0 || table.rows.empty()) return 0;
    float size = S(theme.body_size) * 0.85f;
    float pad_x = size * 0.6f, pad_y = size * 0.35f;
    auto make_flow = [&](size_t r, size_t c) {
      auto flow = std::make_unique<InlineLayout>(*context.fonts);
      const auto& row = table.rows[r];
      if (c < row.size()) {
        bool head = static_cast<int>(r) < table.header_rows;
        AddSpans(*flow, row[c].spans,
                 BaseStyle(size, head ? theme.heading : theme.text, head ? FontRole::kSansBold : FontRole::kSans));
      }
      return flow;
    };
    std::vector<std::vector<std::unique_ptr<InlineLayout>>> cells(table.rows.size());
    std::vector<float> natural(columns, 0), minimum(columns, 0);
    for (size_t r = 0; r < table.rows.size(); ++r) {
      for (size_t c = 0; c < columns; ++c) {
        cells[r].push_back(make_flow(r, c));
        natural[c] = std::max(natural[c], cells[r][c]->NaturalWidth() + 2 * pad_x);
        minimum[c] = std::max(minimum[c], cells[r][c]->MinWidth() + 2 * pad_x);
      }
    }
    std::vector<float> widths = TableColumnWidths(natural, minimum, width);
    float total = std::accumulate(widths.begin(), widths.end(), 0.0f);
    float left = x;
    if (align == Align::kCenter) left = x + (width - total) * 0.5f;
    float ty = y;
    for (size_t r = 0; r < table.rows.size(); ++r) {
      bool head = static_cast<int>(r) < table.header_rows;
      float row_h = 0;
      for (size_t c = 0; c < columns; ++c)
        row_h = std::max(row_h, cells[r][c]->Layout(widths[c] - 2 * pad_x, 1.3f));
      row_h += 2 * pad_y;
      if (head) {
        LayoutItem bg;
        bg.kind = LayoutItemKind::kRect;
        bg.step = step;
        bg.color = theme.table_header_background;
        bg.rect = {left, ty, left + total, ty + row_h};
        out->items.push_back(bg);
      }
      float cx = left;
      for (size_t c = 0; c < columns; ++c) {
        Align a = c < table.aligns.size() ? table.aligns[c] : Align::kDefault;
        if (a == Align::kDefault) a = Align::kLeft;
        cells[r][c]->Emit(cx + pad_x, ty + pad_y, widths[c] - 2 * pad_x, a, step, out);
        if (c < table.rows[r].size()) NoteMissing(*cells[r][c], block.pos, table.rows[r][c].spans);
        NoteText(cells[r][c]->PlainText());
        cx += widths[c];
      }
      ty += row_h;
      LayoutItem rule;
      rule.kind = LayoutItemKind::kRect;
      rule.step = step;
      rule.color = head ? theme.muted : theme.rule;
      float t = head ? std::max(1.0f, S(3)) : std::max(1.0f, S(1.5f));
      rule.rect = {left, ty - t * 0.5f, left + total, ty + t * 0.5f};
      out->items.push_back(rule);
    }
    return ty - y;
  }
};

// [SECTION] Backgrounds, header, footer, page number ---------------------------------------

// The UV window and rectangle that draw an image of size (iw, ih) into `box` with `fit`.
void FitImage(BackgroundFit fit, float zoom, float iw, float ih, Rect box, LayoutItem* item) {
  item->rect = box;
  item->u0 = item->v0 = 0;
  item->u1 = item->v1 = 1;
  if (iw <= 0 || ih <= 0 || box.width() <= 0 || box.height() <= 0) return;
  float bw = box.width(), bh = box.height();
  switch (fit) {
    case BackgroundFit::kStretch:
      return;
    case BackgroundFit::kCover: {
      float s = std::max(bw / iw, bh / ih) * zoom;
      float vw = bw / (iw * s), vh = bh / (ih * s);  // visible fraction
      item->u0 = (1 - vw) * 0.5f, item->u1 = item->u0 + vw;
      item->v0 = (1 - vh) * 0.5f, item->v1 = item->v0 + vh;
      if (vw > 1 || vh > 1) {
        // Zoomed out below cover: shrink the rectangle instead.
        item->u0 = item->v0 = 0, item->u1 = item->v1 = 1;
        float w = iw * s, h = ih * s;
        item->rect = {box.x0 + (bw - w) * 0.5f, box.y0 + (bh - h) * 0.5f, box.x0 + (bw + w) * 0.5f,
                      box.y0 + (bh + h) * 0.5f};
      }
      return;
    }
    case BackgroundFit::kContain:
    case BackgroundFit::kFit:
    case BackgroundFit::kAuto: {
      float s = fit == BackgroundFit::kAuto ? kMarpToDesign * zoom : std::min(bw / iw, bh / ih) * zoom;
      float w = iw * s, h = ih * s;
      item->rect = {box.x0 + (bw - w) * 0.5f, box.y0 + (bh - h) * 0.5f, box.x0 + (bw + w) * 0.5f,
                    box.y0 + (bh + h) * 0.5f};
      return;
    }
  }
}

void AddBackground(const Background& bg, Rect box, const LayoutContext& context,
                   BlockLayouter& blocks) {
  const ImageStore::Image* image = context.images ? context.images->Find(bg.src) : nullptr;
  if (!image || !image->ok) {
    blocks.Placeholder(box, bg.alt, bg.src, 0);
    return;
  }
  LayoutItem item;
  item.kind = LayoutItemKind::kImage;
  item.src = bg.src;
  FitImage(bg.fit, bg.zoom, static_cast<float>(image->width), static_cast<float>(image->height), box,
           &item);
  item.clipped = true;
  item.clip = box;
  blocks.out->items.push_back(item);
}

// [SECTION] Fitting and the public entry points ---------------------------------------

struct ContentBox {
  Rect box;
  Align align = Align::kLeft;
  bool center_vertically = true;
};

}  // namespace

SlideLayout LayoutSlide(const Deck& deck, int slide_index, const LayoutContext& context,
                        std::vector<Diagnostic>* diagnostics) {
  const Slide& slide = deck.slides.at(static_cast<size_t>(slide_index));
  DesignSize size = DesignSizeOf(deck.meta);
  Theme theme = ThemeNamed(deck.meta.theme);
  ApplySlideStyle(slide.style, &theme);

  SlideLayout out;
  out.width = size.width;
  out.height = size.height;
  out.steps = std::max(1, slide.steps);
  out.background = theme.background;

  BlockLayouter blocks{deck, slide, context, theme, 1.0f, &out};

  // Backgrounds: split images take a side; the others share the whole slide.
  Rect content{theme.margin_x, theme.margin_top, size.width - theme.margin_x,
               size.height - theme.margin_bottom};
  std::vector<const Background*> full;
  for (const Background& bg : slide.backgrounds) {
    if (bg.split == BackgroundSplit::kNone) {
      full.push_back(&bg);
      continue;
    }
    float w = size.width * std::clamp(bg.split_fraction, 0.05f, 0.95f);
    Rect side = bg.split == BackgroundSplit::kLeft ? Rect{0, 0, w, size.height}
                                                   : Rect{size.width - w, 0, size.width, size.height};
    AddBackground(bg, side, context, blocks);
    if (bg.split == BackgroundSplit::kLeft) content.x0 = w + theme.margin_x * 0.75f;
    else content.x1 = size.width - w - theme.margin_x * 0.75f;
  }
  if (!slide.style.background_image.empty()) {
    Background bg;
    bg.src = BackgroundImageSource(slide.style.background_image);
    AddBackground(bg, {0, 0, size.width, size.height}, context, blocks);
  }
  for (size_t i = 0; i < full.size(); ++i) {
    float w = size.width / full.size();
    AddBackground(*full[i], {w * i, 0, w * (i + 1), size.height}, context, blocks);
  }

  const Rect chrome = content;  // header and footer column: beside split images only

  // A QR code of the published deck sits in the bottom-right corner; content keeps clear.
  constexpr float kQrSize = 220;
  std::string qr_text = slide.style.qr == "true" ? deck.meta.url : slide.style.qr;
  LayoutBox qr = MakeQrBox(qr_text, kQrSize);
  if (!qr.items.empty()) {
    float x = content.x1 - kQrSize, y = size.height - theme.margin_bottom - kQrSize;
    PlaceBox(qr, x, y, 0, &out);
    out.links.push_back({{x, y, x + kQrSize, y + kQrSize}, qr_text, 0});
    content.x1 -= kQrSize + theme.margin_x * 0.5f;
    // Centred slides stay centred on the slide: give up the same room on the left.
    if (HasClass(slide.style, "lead") || HasClass(slide.style, "center"))
      content.x0 += kQrSize + theme.margin_x * 0.5f;
  }

  bool lead = HasClass(slide.style, "lead");
  Align align = (lead || HasClass(slide.style, "center")) ? Align::kCenter : Align::kLeft;
  bool center_vertically = true;
  if (HasClass(slide.style, "top")) center_vertically = false;

  // Lay the content out at the largest scale that fits, down to kMinFitScale.
  size_t first_content_item = out.items.size();
  size_t first_link = out.links.size();
  auto layout_at = [&](float scale) {
    out.items.resize(first_content_item);
    out.links.resize(first_link);
    blocks.scale = scale;
    blocks.align = align;
    blocks.lead = lead;
    blocks.missing.clear();
    blocks.block_warnings.clear();
    blocks.text.clear();
    return blocks.LayoutBlocks(slide.blocks, content.x0, content.y0, content.width(), 0, 0);
  };
  float room = content.height();
  float height = layout_at(1.0f);
  float scale = 1.0f;
  if (height > room && !context.search_fit) {
    scale = kMinFitScale;
    height = layout_at(kMinFitScale);
  } else if (height > room) {
    // The largest scale in [kMinFitScale, 1) whose height fits, to within kScalePrecision.
    // Height shrinks about as fast as the scale (a little faster: lines rewrap to fewer),
    // so each guess is where a straight line through the last result meets the room — a
    // guess that fits more often than not — and bisection takes over when guesses stall.
    // About 3 layouts instead of bisection's 10 for a slide that overflows.
    constexpr float kScalePrecision = 0.005f;
    float hi = 1.0f, hi_height = height;    // known not to fit
    float lo = 0.0f, lo_height = 0.0f;      // fits (lo > 0 once known)
    float last = 1.0f;                      // the scale `out` is laid out at
    // What the layout at `lo` produced, moved aside when a larger guess is tried next, so
    // that the best fit need not be laid out again at the end.
    struct Saved {
      std::vector<LayoutItem> items;
      std::vector<LayoutLink> links;
      std::vector<std::pair<char32_t, SourcePos>> missing;
      std::vector<Diagnostic> block_warnings;
      std::string text;
    } saved;
    auto save = [&] {
      saved.items.assign(std::make_move_iterator(out.items.begin() + first_content_item),
                         std::make_move_iterator(out.items.end()));
      saved.links.assign(out.links.begin() + first_link, out.links.end());
      saved.missing = std::move(blocks.missing);
      saved.block_warnings = std::move(blocks.block_warnings);
      saved.text = std::move(blocks.text);
    };
    auto restore = [&] {
      out.items.resize(first_content_item);
      out.items.insert(out.items.end(), std::make_move_iterator(saved.items.begin()),
                       std::make_move_iterator(saved.items.end()));
      out.links.resize(first_link);
      out.links.insert(out.links.end(), saved.links.begin(), saved.links.end());
      blocks.missing = std::move(saved.missing);
      blocks.block_warnings = std::move(saved.block_warnings);
      blocks.text = std::move(saved.text);
    };
    for (int i = 0; i < 12 && hi - lo > kScalePrecision; ++i) {
      float guess = lo > 0 ? lo * room / std::max(lo_height, 1.0f) : hi * room / hi_height;
      // A guess that cannot narrow the range much (the height jumps where a line rewraps),
      // or a third one: bisect.
      if (lo > 0 && (guess >= hi - kScalePrecision || guess <= lo + kScalePrecision || i >= 3))
        guess = (lo + hi) * 0.5f;
      guess = std::max(guess, kMinFitScale);
      if (guess >= hi) break;
      if (lo > 0 && last == lo) save();
      float h = layout_at(guess);
      last = guess;
      if (h <= room) {
        lo = guess;
        lo_height = h;
        if (h >= room * 0.995f) break;  // fills the room: nothing larger would look different
      } else {
        hi = guess;
        hi_height = h;
        if (guess <= kMinFitScale) break;  // does not fit even at the floor
      }
    }
    if (lo > 0) {
      scale = lo;
      height = lo_height;
      if (last != lo) restore();
    } else {
      scale = kMinFitScale;
      height = last == kMinFitScale ? hi_height : layout_at(kMinFitScale);
    }
  }
  out.fit_scale = scale;
  out.overflow = std::max(0.0f, height - room);
  if (center_vertically && height < room) {
    float dy = (room - height) * 0.5f;
    for (size_t i = first_content_item; i < out.items.size(); ++i) {
      out.items[i].rect.y0 += dy;
      out.items[i].rect.y1 += dy;
      out.items[i].clip.y0 += dy;
      out.items[i].clip.y1 += dy;
    }
    for (size_t i = first_link; i < out.links.size(); ++i) {
      out.links[i].rect.y0 += dy;
      out.links[i].rect.y1 += dy;
    }
  }
  out.text = blocks.text;

  // Header, footer and page number sit in the margins, one line each: a header or footer
  // too long for its line is made smaller, down to kMinFitScale, then cut with "…".
  blocks.scale = 1.0f;
  // `markdown`: the header's or footer's spans (bold, links, code); `text`, its words.
  auto small_text = [&](const std::vector<Span>& markdown, const std::string& source, float y,
                        Align a, float room) {
    if (source.empty() || room <= 0) return;
    std::vector<Span> parsed = markdown;
    if (parsed.empty()) parsed.push_back(Span{SpanKind::kText, source});  // a layout of its own
    std::string text;
    for (const Span& sp : parsed) text += sp.kind == SpanKind::kSoftBreak || sp.kind == SpanKind::kLineBreak ? " " : sp.text;
    if (text.empty()) return;
    auto laid_out_spans = [&](const std::vector<Span>& spans, float font_size) {
      auto flow = std::make_unique<InlineLayout>(*context.fonts);
      blocks.AddSpans(*flow, spans, blocks.BaseStyle(font_size, theme.muted));
      flow->Layout(room, 1.2f);
      return flow;
    };
    auto laid_out = [&](const std::string& t, float font_size) {
      return laid_out_spans({Span{SpanKind::kText, t}}, font_size);
    };
    float font_size = theme.small_size;
    std::unique_ptr<InlineLayout> flow = laid_out_spans(parsed, font_size);
    if (flow->line_count() > 1) {
      font_size = std::max(theme.small_size * kMinFitScale,
                           theme.small_size * room / std::max(flow->NaturalWidth(), 1.0f));
      flow = laid_out_spans(parsed, font_size);
    }
    if (flow->line_count() > 1) {
      // The longest start of the text that fits with "…" after it.
      std::u32string chars = DecodeUtf8(text).text;
      size_t lo = 0, hi = chars.size();
      while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        if (laid_out(EncodeUtf8(chars.substr(0, mid)) + "…", font_size)->line_count() <= 1)
          lo = mid;
        else
          hi = mid - 1;
      }
      while (lo > 0 && IsSpace(chars[lo - 1])) --lo;
      flow = laid_out(EncodeUtf8(chars.substr(0, lo)) + "…", font_size);
    }
    // Baseline where a full-size line would have it.
    float dy = (theme.small_size - font_size) * 0.9f;
    // In the content column, so a split background never sits under the footer.
    flow->Emit(chrome.x0, y + dy, room, a, 0, &out);
    blocks.NoteMissing(*flow, slide.pos);
  };
  const float bottom_line = size.height - theme.margin_bottom * 0.35f - theme.small_size * 1.2f;
  // The page number keeps its corner; the footer gets the rest of the line.
  float number_room = 0;
  if (slide.style.paginate) {
    InlineLayout number(*context.fonts);
    std::vector<Span> spans{Span{SpanKind::kText, std::to_string(slide_index + 1)}};
    blocks.AddSpans(number, spans, blocks.BaseStyle(theme.small_size, theme.muted));
    number_room = number.NaturalWidth() + theme.small_size;
    number.Layout(number_room, 1.2f);
    number.Emit(chrome.x1 - number_room, bottom_line, number_room, Align::kRight, 0, &out);
  }
  small_text(slide.style.header_spans, slide.style.header, theme.margin_top * 0.35f, Align::kLeft,
             chrome.width());
  small_text(slide.style.footer_spans, slide.style.footer, bottom_line, Align::kLeft,
             chrome.width() - number_room);

  if (diagnostics) {
    if (out.overflow > 0.5f) {
      char what[160];
      std::snprintf(what, sizeof what, "%.0f px too tall even at %.0f%% size (slide %d)",
                    std::ceil(out.overflow), kMinFitScale * 100, slide_index + 1);
      diagnostics->push_back(MakeDiagnostic(DiagnosticCode::kSlideOverflow, slide.pos, what));
    }
    if (!slide.style.qr.empty() && qr.items.empty()) {
      diagnostics->push_back(MakeDiagnostic(
          DiagnosticCode::kBadDirectiveValue, slide.pos,
          qr_text.empty() ? "qr: set `url:` in the front matter, or give the link: qr: https://…"
                          : "qr: the link is too long for a QR code"));
    }
    for (const Diagnostic& d : blocks.block_warnings) diagnostics->push_back(d);
    std::set<char32_t> reported;
    for (const auto& [cp, pos] : blocks.missing) {
      if (!reported.insert(cp).second) continue;
      diagnostics->push_back(MakeDiagnostic(DiagnosticCode::kMissingGlyph,
                                            pos.line ? pos : slide.pos, CodepointName(cp)));
    }
  }
  return out;
}

std::vector<SlideLayout> LayoutDeck(const Deck& deck, const LayoutContext& context,
                                    std::vector<Diagnostic>* diagnostics) {
  std::vector<SlideLayout> slides;
  slides.reserve(deck.slides.size());
  for (size_t i = 0; i < deck.slides.size(); ++i)
    slides.push_back(LayoutSlide(deck, static_cast<int>(i), context, diagnostics));
  return slides;
}

}  // namespace podium
