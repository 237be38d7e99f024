// The presenter view, in layout units.
//
// [SECTION] Strings and language
// [SECTION] Timer text
// [SECTION] Text and shape helpers
// [SECTION] Notes: Markdown → lines
// [SECTION] Geometry: where the panels go
// [SECTION] Panels: top bar, banner, previews, timer, notes
// [SECTION] LayoutPresenterView
// [SECTION] Hits, clicks, scrolling
// [SECTION] Drawing
#include "present/presenter_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "draw/draw_slide.h"
#include "draw/standalone_draw_list.h"
#include "layout/inline_layout.h"
#include "parse/parse_deck.h"

namespace podium {

// [SECTION] Strings and language --------------------------------------------------------

namespace {

struct StringEntry {
  std::string_view english;
  std::string_view chinese;
};

constexpr StringEntry kStrings[] = {
#define PODIUM_PRESENTER_TEXT_ENTRY(id, en, zh) {en, zh},
    PODIUM_PRESENTER_STRINGS(PODIUM_PRESENTER_TEXT_ENTRY)
#undef PODIUM_PRESENTER_TEXT_ENTRY
};

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The UI language a tag names ("zh-CN", "en_US.UTF-8"), if the UI speaks it.
std::optional<UiLanguage> LanguageOfTag(std::string_view tag) {
  size_t begin = 0;
  while (begin < tag.size() && (tag[begin] == ' ' || tag[begin] == '\t')) ++begin;
  tag.remove_prefix(begin);
  if (tag.size() < 2) return std::nullopt;
  std::string primary;
  for (char c : tag) {
    if (c == '-' || c == '_' || c == '.' || c == '@' || c == ' ') break;
    primary += Lower(c);
  }
  if (primary == "zh" || primary == "zho" || primary == "chi" || primary == "cmn" ||
      primary == "yue")
    return UiLanguage::kChinese;
  if (primary == "en" || primary == "eng") return UiLanguage::kEnglish;
  return std::nullopt;
}

// The first tag of a list the UI speaks: $LANGUAGE is "zh_CN:en", Accept-Language "zh,en".
std::optional<UiLanguage> LanguageOfList(std::string_view list) {
  while (!list.empty()) {
    size_t end = list.find_first_of(":,;");
    std::string_view tag = list.substr(0, end);
    if (std::optional<UiLanguage> language = LanguageOfTag(tag)) return language;
    if (end == std::string_view::npos) break;
    list.remove_prefix(end + 1);
  }
  return std::nullopt;
}

}  // namespace

UiLanguage ChooseUiLanguage(std::string_view deck_lang, std::string_view system_lang) {
  if (std::optional<UiLanguage> l = LanguageOfList(deck_lang)) return *l;
  if (std::optional<UiLanguage> l = LanguageOfList(system_lang)) return *l;
  return UiLanguage::kEnglish;
}

std::string PresenterString(PresenterText id, UiLanguage language,
                            std::initializer_list<std::string_view> args) {
  const StringEntry& entry = kStrings[static_cast<int>(id)];
  std::string_view format = language == UiLanguage::kChinese ? entry.chinese : entry.english;
  std::string out;
  auto arg = args.begin();
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] == '{' && i + 1 < format.size() && format[i + 1] == '}') {
      if (arg != args.end()) out += *arg++;
      ++i;
    } else {
      out += format[i];
    }
  }
  return out;
}

// [SECTION] Timer text ------------------------------------------------------------------

std::string FormatOvertime(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) seconds = 0;
  std::string out = "+";
  out += FormatClock(seconds);
  return out;
}

TimerDisplay DescribeTimer(const Session& session, double now, UiLanguage language) {
  TimerDisplay d;
  d.state = session.timer_state();
  d.elapsed = FormatClock(session.Elapsed(now));
  d.elapsed_color = d.state == TimerState::kRunning ? kPresenterText : kPresenterMuted;

  if (std::optional<double> remaining = session.Remaining(now)) {
    d.has_duration = true;
    d.warning = session.Warning(now);
    if (*remaining >= 0) {
      // Counting down shows whole seconds rounded up: elapsed (rounded down) + remaining is
      // always the duration, and 0:00 appears only when the time is really up.
      d.remaining = FormatClock(std::ceil(*remaining));
    } else {
      d.remaining = FormatOvertime(-*remaining);
    }
    d.remaining_color = d.warning == TimerWarning::kRed     ? kPresenterRed
                        : d.warning == TimerWarning::kAmber ? kPresenterAmber
                                                            : kPresenterText;
  }

  if (std::optional<double> pacing = session.Pacing(now)) {
    d.has_pacing = true;
    d.pacing_seconds = *pacing;
    double whole = std::floor(std::fabs(*pacing));
    if (whole < 1) {
      d.pacing = PresenterString(PresenterText::kOnTime, language);
      d.pacing_color = kPresenterText;
    } else if (*pacing > 0) {
      d.pacing = PresenterString(PresenterText::kAhead, language, {FormatClock(whole)});
      d.pacing_color = kPresenterGreen;
    } else {
      d.pacing = PresenterString(PresenterText::kBehind, language, {FormatClock(whole)});
      // Behind by more than the amber window (at least a minute), or behind at all once
      // the time is up: red, as the remaining time beside it is.
      bool red = whole > std::max(60.0, session.amber_seconds()) ||
                 (d.has_duration && d.warning == TimerWarning::kRed);
      d.pacing_color = red ? kPresenterRed : kPresenterAmber;
    }
  }
  return d;
}

float StepNotesScale(float scale, int direction) {
  if (!std::isfinite(scale) || scale <= 0) scale = 1;
  // Steps of 2^(1/6) ≈ 12%, snapped so that repeated clicks land on the same sizes.
  float steps = std::round(std::log2(scale) * 6.0f);
  if (direction > 0) steps += 1;
  if (direction < 0) steps -= 1;
  return std::clamp(std::exp2(steps / 6.0f), kMinNotesScale, kMaxNotesScale);
}

// [SECTION] Text and shape helpers ------------------------------------------------------

namespace {

constexpr uint32_t Rgba(uint32_t r, uint32_t g, uint32_t b, uint32_t a = 255) {
  return (a << 24) | (b << 16) | (g << 8) | r;  // IM_COL32
}

constexpr uint32_t kBackdrop = Rgba(16, 17, 21);
constexpr uint32_t kPanel = Rgba(27, 29, 35);
constexpr uint32_t kButton = Rgba(48, 52, 62);
constexpr uint32_t kHairline = Rgba(255, 255, 255, 36);
constexpr uint32_t kAccent = Rgba(255, 200, 87);  // bullets, badges (overlays' key colour)
constexpr uint32_t kLink = Rgba(122, 180, 255);
constexpr uint32_t kCodeTint = Rgba(255, 255, 255, 20);
constexpr uint32_t kInlineCodeTint = Rgba(255, 255, 255, 30);
constexpr uint32_t kBannerBackground = Rgba(92, 24, 28);
constexpr uint32_t kBannerEdge = Rgba(255, 82, 82);

void AddRect(SlideLayout* out, Rect r, uint32_t color, float rounding = 0) {
  LayoutItem item;
  item.kind = LayoutItemKind::kRect;
  item.rect = r;
  item.color = color;
  item.rounding = rounding;
  out->items.push_back(std::move(item));
}

void AddFrame(SlideLayout* out, Rect r, uint32_t color, float thickness, float rounding) {
  LayoutItem item;
  item.kind = LayoutItemKind::kRectOutline;
  item.rect = r;
  item.color = color;
  item.thickness = thickness;
  item.rounding = rounding;
  out->items.push_back(std::move(item));
}

void ClipFrom(SlideLayout* out, size_t first, const Rect& clip) {
  for (size_t i = first; i < out->items.size(); ++i) {
    LayoutItem& item = out->items[i];
    if (item.clipped) {  // intersect
      item.clip = {std::max(item.clip.x0, clip.x0), std::max(item.clip.y0, clip.y0),
                   std::min(item.clip.x1, clip.x1), std::min(item.clip.y1, clip.y1)};
    } else {
      item.clipped = true;
      item.clip = clip;
    }
  }
}

bool Inside(const Rect& r, float x, float y) {
  return x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1;
}

// One line of text (or a paragraph, with a max width), measured before it is placed.
class Label {
 public:
  Label(const FontSet& fonts, std::string_view text, FontRole role, float size, uint32_t color,
        float max_width = 1e9f, float line_height = 1.25f)
      : flow_(fonts) {
    TextStyle style;
    style.font = role;
    style.size = size;
    style.color = color;
    flow_.AddText(text, style);
    flow_.Layout(max_width, line_height);
  }
  float width() const { return flow_.width(); }
  float height() const { return flow_.height(); }
  void Emit(float x, float y, float box_width, Align align, SlideLayout* out,
            const Rect* clip = nullptr) const {
    size_t first = out->items.size();
    flow_.Emit(x, y, box_width, align, 0, out);
    if (clip) ClipFrom(out, first, *clip);
  }

 private:
  InlineLayout flow_;
};

// A clock in tabular figures: every digit centred in a cell as wide as the widest digit,
// so a running timer does not wobble (Inter's default figures are proportional).
class ClockText {
 public:
  ClockText(const FontSet& fonts, std::string_view text, FontRole role, float size,
            uint32_t color)
      : size_(size) {
    item_.kind = LayoutItemKind::kGlyphs;
    item_.font = role;
    item_.font_size = size;
    item_.color = color;
    const Font* font = fonts.Get(role);
    if (!font) return;
    float cell = 0;
    for (char c = '0'; c <= '9'; ++c)
      cell = std::max(cell, font->Advance(font->GlyphIndex(static_cast<unsigned char>(c)), size));
    float x = 0;
    for (char c : text) {
      int glyph = font->GlyphIndex(static_cast<unsigned char>(c));
      float advance = font->Advance(glyph, size);
      bool digit = c >= '0' && c <= '9';
      float box = digit ? cell : advance;
      if (glyph != 0) item_.glyphs.push_back({glyph, x + (box - advance) * 0.5f});
      x += box;
    }
    width_ = x;
  }
  float width() const { return width_; }
  float cap_height() const { return size_ * 0.73f; }  // Inter's digits
  // Places the text with the top of its digits at `top`.
  void Emit(float x, float top, SlideLayout* out) const {
    LayoutItem item = item_;
    float baseline = top + cap_height();
    item.rect = {x, baseline, x + width_, baseline + size_ * 0.3f};
    if (!item.glyphs.empty()) out->items.push_back(std::move(item));
  }

 private:
  LayoutItem item_;
  float size_ = 0;
  float width_ = 0;
};

// Text in a rounded pill; returns its rectangle. (x, y) is its top-left.
Rect AddPill(SlideLayout* out, const FontSet& fonts, std::string_view text, float size,
             float x, float y, uint32_t background, uint32_t color, bool outline = false) {
  Label label(fonts, text, FontRole::kSansBold, size, color);
  float pad_x = size * 0.7f, pad_y = size * 0.32f;
  Rect r{x, y, x + label.width() + 2 * pad_x, y + label.height() + 2 * pad_y};
  if (outline)
    AddFrame(out, r, background, std::max(1.5f, size * 0.08f), r.height() * 0.5f);
  else
    AddRect(out, r, background, r.height() * 0.5f);
  label.Emit(r.x0 + pad_x, r.y0 + pad_y, label.width(), Align::kLeft, out);
  return r;
}

float PillWidth(const FontSet& fonts, std::string_view text, float size) {
  return Label(fonts, text, FontRole::kSansBold, size, 0).width() + 2 * size * 0.7f;
}

// A button: rounded rectangle with centred text.
void AddButton(SlideLayout* out, const FontSet& fonts, Rect r, std::string_view text,
               float size) {
  AddRect(out, r, kButton, std::min(r.height(), r.width()) * 0.22f);
  Label label(fonts, text, FontRole::kSansBold, size, kPresenterText);
  label.Emit(r.x0, r.y0 + (r.height() - label.height()) * 0.5f, r.width(), Align::kCenter, out);
}

void AddSign(SlideLayout* out, Rect r, bool plus, float thickness) {
  float cx = (r.x0 + r.x1) * 0.5f, cy = (r.y0 + r.y1) * 0.5f;
  float half = std::min(r.width(), r.height()) * 0.2f;
  AddRect(out, {cx - half, cy - thickness * 0.5f, cx + half, cy + thickness * 0.5f},
          kPresenterText, thickness * 0.3f);
  if (plus)
    AddRect(out, {cx - thickness * 0.5f, cy - half, cx + thickness * 0.5f, cy + half},
            kPresenterText, thickness * 0.3f);
}

// [SECTION] Notes: Markdown → lines -----------------------------------------------------

class NotesWriter {
 public:
  NotesWriter(const FontSet& fonts, float size, SlideLayout* out)
      : fonts_(fonts), size_(size), out_(out) {}

  void Blocks(const std::vector<Block>& blocks, float x, float width, uint32_t color,
              bool italic) {
    for (const Block& block : blocks) BlockAt(block, x, width, color, italic);
  }

  void Rule(float x, float width) {
    Gap(size_ * 0.6f);
    AddRect(out_, {x, y_, x + width, y_ + std::max(1.0f, size_ * 0.05f)}, kHairline);
    y_ += size_ * 0.05f;
    pending_gap_ = size_ * 0.6f;
  }

  float height() const { return y_; }
  bool empty() const { return y_ == 0; }

 private:
  // Space before a block: the larger of its own gap and the one the last block asked for;
  // none at the top, nor for the first block of a list item (it sits beside its marker).
  void Gap(float gap) {
    if (y_ > 0 && !item_start_) y_ += std::max(gap, pending_gap_);
    pending_gap_ = 0;
    item_start_ = false;
  }

  TextStyle Style(float size, uint32_t color, FontRole font) const {
    TextStyle s;
    s.font = font;
    s.size = size;
    s.color = color;
    return s;
  }

  void AddSpans(InlineLayout& flow, const std::vector<Span>& spans, const TextStyle& base) {
    for (const Span& span : spans) {
      TextStyle s = base;
      bool bold = span.style & kStyleBold, italic = span.style & kStyleItalic;
      if (bold && italic) s.font = FontRole::kSansBoldItalic;
      else if (bold) s.font = MakeBold(s.font);
      else if (italic && s.font == FontRole::kSans) s.font = FontRole::kSansItalic;
      else if (italic && s.font == FontRole::kSansBold) s.font = FontRole::kSansBoldItalic;
      if (span.style & kStyleStrike) s.strike = true;
      if (span.style & kStyleUnderline) s.underline = true;
      if (span.style & kStyleLink) {
        s.color = kLink;
        s.underline = true;
      }
      switch (span.kind) {
        case SpanKind::kText:
          flow.AddText(span.text, s);
          break;
        case SpanKind::kCode:
        case SpanKind::kMath:
          s.font = bold ? FontRole::kMonoBold : FontRole::kMono;
          s.size = base.size * 0.88f;
          s.background = kInlineCodeTint;
          if (span.kind == SpanKind::kMath) s.color = kAccent;
          flow.AddText(span.text, s);
          break;
        case SpanKind::kImage:
          s.color = kPresenterMuted;
          flow.AddText("[" + (span.text.empty() ? span.href : span.text) + "]", s);
          break;
        case SpanKind::kLineBreak:
          flow.AddHardBreak(s);
          break;
        case SpanKind::kSoftBreak:
          flow.AddSoftBreak(s);
          break;
        case SpanKind::kHtml:
          break;  // resolved by the parser; never reaches a view
      }
    }
  }

  void Paragraph(const std::vector<Span>& spans, float x, float width, const TextStyle& base,
                 float line_height) {
    InlineLayout flow(fonts_);
    AddSpans(flow, spans, base);
    if (flow.empty()) return;
    flow.Layout(std::max(width, base.size), line_height);
    flow.Emit(x, y_, width, Align::kLeft, 0, out_);
    y_ += flow.height();
  }

  void Preformatted(const std::string& text, float x, float width, uint32_t color) {
    const float size = size_ * 0.78f, pad = size_ * 0.45f;
    InlineLayout flow(fonts_);
    TextStyle s = Style(size, color, FontRole::kMono);
    std::string_view rest = text;
    while (!rest.empty() && rest.back() == '\n') rest.remove_suffix(1);
    bool first = true;
    while (true) {
      size_t nl = rest.find('\n');
      if (!first) flow.AddHardBreak(s);
      first = false;
      std::string_view line = rest.substr(0, nl);
      if (!line.empty()) flow.AddText(line, s);
      if (nl == std::string_view::npos) break;
      rest.remove_prefix(nl + 1);
    }
    flow.Layout(std::max(size, width - 2 * pad), 1.35f);
    float h = flow.height() + 2 * pad;
    AddRect(out_, {x, y_, x + width, y_ + h}, kCodeTint, size_ * 0.3f);
    flow.Emit(x + pad, y_ + pad, width - 2 * pad, Align::kLeft, 0, out_);
    y_ += h;
  }

  void BlockAt(const Block& block, float x, float width, uint32_t color, bool italic) {
    const FontRole body = italic ? FontRole::kSansItalic : FontRole::kSans;
    switch (block.kind) {
      case BlockKind::kParagraph:
        Gap(size_ * 0.55f);
        Paragraph(block.spans, x, width, Style(size_, color, body), 1.4f);
        pending_gap_ = size_ * (depth_ > 0 ? 0.25f : 0.55f);  // tight inside lists
        break;
      case BlockKind::kHeading: {
        static constexpr float kScale[6] = {1.3f, 1.18f, 1.08f, 1.0f, 1.0f, 1.0f};
        float size = size_ * kScale[std::clamp(block.level, 1, 6) - 1];
        Gap(size_ * 0.8f);
        Paragraph(block.spans, x, width, Style(size, kPresenterText, FontRole::kSansBold), 1.2f);
        pending_gap_ = size_ * 0.35f;
        break;
      }
      case BlockKind::kList:
        Gap(size_ * (depth_ > 0 ? 0.25f : 0.55f));
        List(block, x, width, color, italic);
        pending_gap_ = size_ * 0.55f;
        break;
      case BlockKind::kListItem:  // only inside lists
        Blocks(block.children, x, width, color, italic);
        break;
      case BlockKind::kCode:
      case BlockKind::kDiagram:
        Gap(size_ * 0.55f);
        Preformatted(block.text, x, width, kPresenterText);
        pending_gap_ = size_ * 0.55f;
        break;
      case BlockKind::kMath:
        Gap(size_ * 0.55f);
        Preformatted(block.text, x, width, kAccent);
        pending_gap_ = size_ * 0.55f;
        break;
      case BlockKind::kTable:
        Gap(size_ * 0.55f);
        Table(block.table, x, width, color);
        pending_gap_ = size_ * 0.55f;
        break;
      case BlockKind::kQuote: {
        Gap(size_ * 0.55f);
        float top = y_, bar = std::max(2.0f, size_ * 0.12f), indent = size_ * 0.8f;
        Blocks(block.children, x + indent, width - indent, kPresenterMuted, true);
        AddRect(out_, {x, top, x + bar, std::max(y_, top + size_)}, kHairline, bar * 0.5f);
        pending_gap_ = size_ * 0.55f;
        break;
      }
      case BlockKind::kHtml:
        break;  // never executed, never shown
      case BlockKind::kElement:  // notes show an HTML box's content, without the box
        Blocks(block.children, x, width, color, italic);
        break;
    }
  }

  void List(const Block& list, float x, float width, uint32_t color, bool italic) {
    const float indent = size_ * 1.3f;
    int number = list.start;
    int depth = depth_++;
    for (const Block& item : list.children) {
      y_ += pending_gap_;
      pending_gap_ = 0;
      std::string marker;
      if (item.task == TaskState::kOpen) marker = "\u2610";
      else if (item.task == TaskState::kDone) marker = "\u2611";
      else if (list.ordered) marker = std::to_string(number++) + ".";
      else marker = depth == 0 ? "\u2022" : "\u2013";
      Label label(fonts_, marker, list.ordered ? FontRole::kSansBold : FontRole::kSans, size_,
                  kAccent, 1e9f, 1.4f);
      float marker_w = std::max(indent, label.width() + size_ * 0.4f);
      label.Emit(x, y_, marker_w - size_ * 0.4f, list.ordered ? Align::kRight : Align::kLeft,
                 out_);
      float top = y_;
      item_start_ = true;
      Blocks(item.children, x + marker_w, width - marker_w, color, italic);
      item_start_ = false;
      if (y_ == top) y_ += size_ * 1.4f;  // an empty item still takes its line
      pending_gap_ = size_ * 0.25f;
    }
    --depth_;
  }

  void Table(const podium::Table& table, float x, float width, uint32_t color) {
    for (size_t r = 0; r < table.rows.size(); ++r) {
      bool head = static_cast<int>(r) < table.header_rows;
      InlineLayout flow(fonts_);
      TextStyle base = Style(size_ * 0.9f, color, head ? FontRole::kSansBold : FontRole::kSans);
      TextStyle separator = Style(size_ * 0.9f, kPresenterMuted, FontRole::kSans);
      for (size_t c = 0; c < table.rows[r].size(); ++c) {
        if (c > 0) flow.AddText("  \u00b7  ", separator);
        AddSpans(flow, table.rows[r][c].spans, base);
      }
      if (flow.empty()) continue;
      flow.Layout(width, 1.4f);
      flow.Emit(x, y_, width, Align::kLeft, 0, out_);
      y_ += flow.height();
    }
  }

  const FontSet& fonts_;
  const float size_;
  SlideLayout* out_;
  float y_ = 0;
  float pending_gap_ = 0;
  bool item_start_ = false;
  int depth_ = 0;
};

}  // namespace

SlideLayout LayoutNotesText(const FontSet& fonts, std::string_view markdown, float width,
                            float size) {
  SlideLayout out;
  out.width = width;
  out.height = 0;
  out.background = 0;
  if (!(size > 0) || !(width > 0)) return out;
  // The engine's own parser: notes are Markdown like the slides. A `---` in the notes
  // splits them like slides; the parts are shown one after the other with a rule between.
  Deck parsed = ParseDeck(markdown);
  NotesWriter writer(fonts, size, &out);
  bool first = true;
  for (const Slide& part : parsed.slides) {
    if (part.blocks.empty()) continue;
    if (!first) writer.Rule(0, width);
    first = false;
    writer.Blocks(part.blocks, 0, width, kPresenterText, false);
  }
  out.height = writer.height();
  return out;
}

// [SECTION] Geometry: where the panels go ------------------------------------------------

namespace {

struct Geometry {
  float u = 1;  // UI scale: 1 for a 1920×1080 window
  Rect bar;     // slide counter, badges, clock
  Rect banner;  // problems (empty when none)
  Rect current;
  Rect timer;
  Rect next_label;
  Rect next;
  Rect notes;
};

float BannerHeight(float u, size_t lines) {
  if (lines == 0) return 0;
  return 18 * u * 2 + 26 * u * 1.3f + std::min<size_t>(lines, 4) * 22 * u * 1.35f + 6 * u;
}

Geometry PlanGeometry(float w, float h, float aspect, size_t problem_lines) {
  Geometry g;
  // 1 on a 1920×1080 window; a portrait window counts its long side as the width.
  g.u = std::clamp(std::min(std::max(w, h) / 1920.0f, std::min(w, h) / 1080.0f), 0.55f, 2.0f);
  const float u = g.u, m = 22 * u, gap = 20 * u;
  g.bar = {m, m * 0.6f, w - m, m * 0.6f + 56 * u};
  float y = g.bar.y1 + gap * 0.6f;
  if (problem_lines > 0) {
    g.banner = {m, y, w - m, y + BannerHeight(u, problem_lines)};
    y = g.banner.y1 + gap;
  }
  const Rect content{m, y, w - m, std::max(y + 10, h - m)};
  const float label_h = 34 * u;

  if (w / std::max(h, 1.0f) >= 1.3f) {
    // Landscape: current slide and timer on the left, next slide and notes on the right.
    float left_w = (content.width() - gap) * 0.6f;
    float timer_min = std::max(210 * u, content.height() * 0.22f);
    float cur_w = left_w, cur_h = cur_w * aspect;
    if (cur_h > content.height() - gap - timer_min) {
      cur_h = std::max(content.height() * 0.3f, content.height() - gap - timer_min);
      cur_w = cur_h / aspect;
    }
    g.current = {content.x0, content.y0, content.x0 + cur_w, content.y0 + cur_h};
    g.timer = {content.x0, g.current.y1 + gap, content.x0 + left_w, content.y1};
    float rx = content.x0 + left_w + gap, rw = content.x1 - rx;
    float next_h = std::min(rw * aspect, content.height() * 0.42f);
    float next_w = next_h / aspect;
    g.next_label = {rx, content.y0, content.x1, content.y0 + label_h};
    g.next = {rx, g.next_label.y1, rx + next_w, g.next_label.y1 + next_h};
    g.notes = {rx, g.next.y1 + gap, content.x1, content.y1};
  } else {
    // Portrait or square: current slide on top, then next slide beside the timer, notes.
    float cur_w = content.width(), cur_h = cur_w * aspect;
    if (cur_h > content.height() * 0.38f) {
      cur_h = content.height() * 0.38f;
      cur_w = cur_h / aspect;
    }
    g.current = {content.x0 + (content.width() - cur_w) * 0.5f, content.y0,
                 content.x0 + (content.width() + cur_w) * 0.5f, content.y0 + cur_h};
    float row_y = g.current.y1 + gap;
    float next_w = (content.width() - gap) * 0.42f;
    float next_h = std::min(next_w * aspect, content.height() * 0.22f);
    next_w = next_h / aspect;
    g.next_label = {content.x0, row_y, content.x0 + next_w, row_y + label_h};
    g.next = {content.x0, g.next_label.y1, content.x0 + next_w, g.next_label.y1 + next_h};
    g.timer = {g.next.x1 + gap, row_y, content.x1, g.next.y1};
    g.notes = {content.x0, g.next.y1 + gap, content.x1, content.y1};
  }
  return g;
}

// [SECTION] Panels: top bar, banner, previews, timer, notes -------------------------------

struct Builder {
  const FontSet& fonts;
  const PresenterInput& in;
  const Session& session;
  PresenterView& view;
  Geometry g;
  float u = 1;

  SlideLayout& chrome() { return view.chrome; }
  void Hit(Rect r, PresenterHit hit) { view.hits.push_back({r, hit}); }
  std::string Text(PresenterText id, std::initializer_list<std::string_view> args = {}) const {
    return PresenterString(id, in.language, args);
  }
  int SlideCount() const { return in.layouts ? static_cast<int>(in.layouts->size()) : 0; }
  const Slide* DeckSlide(int i) const {
    if (!in.deck || i < 0 || i >= static_cast<int>(in.deck->slides.size())) return nullptr;
    return &in.deck->slides[i];
  }

  void TopBar() {
    const Rect& bar = g.bar;
    const int count = std::max(session.slide_count(), 1);
    const int slide = session.slide(), steps = session.StepCount(slide);
    Label counter(fonts, Text(PresenterText::kSlideOfCount, {std::to_string(slide + 1),
                                                             std::to_string(count)}),
                  FontRole::kSansBold, 30 * u, kPresenterText);
    float cy = (bar.y0 + bar.y1) * 0.5f;
    float x = bar.x0;
    counter.Emit(x, cy - counter.height() * 0.5f, counter.width(), Align::kLeft, &chrome());
    x += counter.width() + 18 * u;
    std::string detail;
    if (steps > 1)
      detail = Text(PresenterText::kStepOfCount,
                    {std::to_string(session.step() + 1), std::to_string(steps)});
    if (const Slide* s = DeckSlide(slide); s && !s->title.empty())
      detail += (detail.empty() ? "" : "  \u00b7  ") + s->title;

    // Right: the wall clock.
    float right = bar.x1;
    if (!in.wall_clock.empty()) {
      ClockText clock(fonts, in.wall_clock, FontRole::kSansBold, 34 * u, kPresenterText);
      clock.Emit(right - clock.width(), cy - clock.cap_height() * 0.5f, &chrome());
      right -= clock.width() + 14 * u;
      Label label(fonts, Text(PresenterText::kClock), FontRole::kSansBold, 17 * u,
                  kPresenterMuted);
      label.Emit(right - label.width(), cy - label.height() * 0.5f + 2 * u, label.width(),
                 Align::kLeft, &chrome());
      right -= label.width() + 28 * u;
    }
    // Badges, right to left: typed number, rehearsal.
    float pill = 22 * u;
    auto badge = [&](std::string_view text, uint32_t background, uint32_t color, bool outline) {
      float w = PillWidth(fonts, text, pill);
      if (right - w < x + 100 * u) return;
      Rect r = AddPill(&chrome(), fonts, text, pill, right - w, cy - pill * 0.82f, background,
                       color, outline);
      right = r.x0 - 12 * u;
    };
    if (!in.typed_number.empty())
      badge(Text(PresenterText::kGoTo, {in.typed_number}), kAccent, Rgba(20, 20, 24), false);
    if (in.rehearsing) badge(Text(PresenterText::kRehearsal), kPresenterRed, kPresenterRed, true);

    if (!detail.empty()) {
      Label label(fonts, detail, FontRole::kSans, 24 * u, kPresenterMuted);
      Rect clip{x, bar.y0, std::max(x, right - 12 * u), bar.y1};
      label.Emit(x, cy - label.height() * 0.5f + 2 * u, label.width(), Align::kLeft, &chrome(),
                 &clip);
    }
  }

  void Banner() {
    if (in.problems.empty()) return;
    const Rect& r = g.banner;
    AddRect(&chrome(), r, kBannerBackground, 12 * u);
    AddRect(&chrome(), {r.x0, r.y0, r.x0 + 8 * u, r.y1}, kBannerEdge, 4 * u);
    float x = r.x0 + 28 * u, y = r.y0 + 18 * u;
    Label title(fonts, Text(PresenterText::kDeckProblem), FontRole::kSansBold, 26 * u,
                kPresenterText);
    title.Emit(x, y, title.width(), Align::kLeft, &chrome(), &r);
    Label hint(fonts, Text(PresenterText::kKeptLastGood), FontRole::kSans, 22 * u,
               Rgba(255, 200, 200));
    hint.Emit(x + title.width() + 20 * u, y + 3 * u, hint.width(), Align::kLeft, &chrome(), &r);
    y += 26 * u * 1.3f + 6 * u;
    size_t shown = std::min<size_t>(in.problems.size(), 4);
    for (size_t i = 0; i < shown; ++i) {
      std::string line = in.problems[i];
      if (i == 3 && in.problems.size() > 4)
        line = "\u2026 +" + std::to_string(in.problems.size() - 3);
      Label text(fonts, line, FontRole::kMono, 20 * u, kPresenterText);
      Rect clip{r.x0, r.y0, r.x1 - 16 * u, r.y1};
      text.Emit(x, y, r.x1 - x, Align::kLeft, &chrome(), &clip);
      y += 22 * u * 1.35f;
    }
  }

  void Previews() {
    const int count = SlideCount();
    if (count == 0) return;
    const int slide = std::clamp(session.slide(), 0, count - 1);
    const ScreenMode mode = session.mode();

    // Current: what the audience sees.
    SlidePreview& cur = view.current;
    cur.visible = true;
    cur.slide = slide;
    cur.step = session.step();
    cur.rect = g.current;
    if (mode == ScreenMode::kBlack || mode == ScreenMode::kWhite) {
      // Dimmed over black in both modes (the badge says which): faded over white, the light
      // text of a dark slide would vanish, and the speaker still reads where they will resume.
      cur.backdrop = Rgba(0, 0, 0);
      cur.alpha = 0.3f;
    }
    Hit(g.current, PresenterHit::kCurrentSlide);
    if (mode == ScreenMode::kOverview) {
      const SlideLayout& first = (*in.layouts)[0];
      view.overview = true;
      std::vector<std::string> titles;
      if (in.deck)
        for (const Slide& s : in.deck->slides) titles.push_back(s.title);
      view.grid = PlanOverviewGrid(count, first.width, first.height, session.overview_cursor(),
                                   in.overview_first_row);
      view.overview_layers = LayoutOverview(fonts, view.grid, titles, session.overview_cursor(),
                                            slide, first.width, first.height);
    }
    AddFrame(&chrome(), Outset(g.current, 1 * u), kHairline, 1 * u, 3 * u);
    if (mode != ScreenMode::kSlide) {
      PresenterText id = mode == ScreenMode::kBlack   ? PresenterText::kBlackScreen
                         : mode == ScreenMode::kWhite ? PresenterText::kWhiteScreen
                                                      : PresenterText::kOverview;
      std::string text = Text(id) + "  \u00b7  " + Text(PresenterText::kAudienceSees);
      float size = 24 * u;
      float w = PillWidth(fonts, text, size);
      float x = (g.current.x0 + g.current.x1 - w) * 0.5f;
      // At the top edge, over the slide's margin (or the grid's): not over the text being
      // resumed, nor over the thumbnails' labels.
      float y = g.current.y0 + size * 0.35f;
      uint32_t background = mode == ScreenMode::kWhite ? Rgba(20, 20, 24) : kAccent;
      uint32_t color = mode == ScreenMode::kWhite ? kPresenterText : Rgba(20, 20, 24);
      AddPill(&chrome(), fonts, text, size, x, y, background, color);
    }

    // Next: the next step of this slide, else the next slide.
    std::string label;
    SlidePreview& next = view.next;
    const int steps = session.StepCount(slide);
    if (session.step() + 1 < steps) {
      next.visible = true;
      next.slide = slide;
      next.step = session.step() + 1;
      label = Text(PresenterText::kNextStep, {std::to_string(next.step + 1), std::to_string(steps)});
    } else if (slide + 1 < count) {
      next.visible = true;
      next.slide = slide + 1;
      next.step = 0;
      label = Text(PresenterText::kNext);
      if (const Slide* s = DeckSlide(slide + 1); s && !s->title.empty())
        label += "  \u00b7  " + s->title;
    } else {
      label = Text(PresenterText::kNext);
    }
    next.rect = g.next;
    Label title(fonts, label, FontRole::kSansBold, 20 * u, kPresenterMuted);
    title.Emit(g.next_label.x0, g.next_label.y1 - title.height() - 8 * u,
               g.next_label.width(), Align::kLeft, &chrome(), &g.next_label);
    if (next.visible) {
      AddFrame(&chrome(), Outset(g.next, 1 * u), kHairline, 1 * u, 3 * u);
      Hit(g.next, PresenterHit::kNextPreview);
    } else {
      AddRect(&view.under, g.next, kPanel, 10 * u);
      Label end(fonts, Text(PresenterText::kEndOfDeck), FontRole::kSans, 26 * u, kPresenterMuted);
      end.Emit(g.next.x0, (g.next.y0 + g.next.y1 - end.height()) * 0.5f, g.next.width(),
               Align::kCenter, &chrome(), &g.next);
    }
  }

  static Rect Outset(Rect r, float d) { return {r.x0 - d, r.y0 - d, r.x1 + d, r.y1 + d}; }

  void TimerPanel() {
    const Rect& r = g.timer;
    if (r.width() <= 0 || r.height() <= 0) return;
    const TimerDisplay& t = view.timer;
    AddRect(&view.under, r, kPanel, 16 * u);
    const float pad = 26 * u;
    // A coloured edge when time is short or over.
    if (t.warning != TimerWarning::kNormal)
      AddRect(&chrome(), {r.x0, r.y0 + 16 * u, r.x0 + 6 * u, r.y1 - 16 * u},
              t.warning == TimerWarning::kRed ? kPresenterRed : kPresenterAmber, 3 * u);

    const bool wide = r.width() >= 600 * u;
    const float button_h = 52 * u, button_text = 22 * u;
    const float label_size = 18 * u;
    const float left_w = wide ? r.width() * 0.56f : r.width();
    const float x0 = r.x0 + pad;

    // Elapsed: the big number.
    float y = r.y0 + pad;
    Label elapsed_label(fonts, Text(PresenterText::kElapsed), FontRole::kSansBold, label_size,
                        kPresenterMuted);
    elapsed_label.Emit(x0, y, elapsed_label.width(), Align::kLeft, &chrome());
    if (t.state == TimerState::kPaused) {
      AddPill(&chrome(), fonts, Text(PresenterText::kPaused), label_size * 0.9f,
              x0 + elapsed_label.width() + 14 * u, y - label_size * 0.3f, kPresenterAmber,
              Rgba(20, 20, 24));
    }
    y += elapsed_label.height() + 10 * u;
    float space = r.y1 - pad - button_h - 18 * u - y;
    if (!wide) space = std::min(space, 140 * u);
    float big = std::clamp(space / 0.95f, 30 * u, 150 * u);
    for (int i = 0; i < 8; ++i) {  // fit the width too
      ClockText probe(fonts, t.elapsed, FontRole::kSansBold, big, 0);
      if (probe.width() <= left_w - 2 * pad || big <= 30 * u) break;
      big *= 0.9f;
    }
    ClockText elapsed(fonts, t.elapsed, FontRole::kSansBold, big, t.elapsed_color);
    elapsed.Emit(x0, y + big * 0.1f, &chrome());
    float after_clock = y + big * 0.1f + elapsed.cap_height() + big * 0.16f;
    if (t.state == TimerState::kIdle) {
      Label idle(fonts, Text(PresenterText::kTimerIdle), FontRole::kSans, 20 * u,
                 kPresenterMuted, left_w - 2 * pad);
      idle.Emit(x0, after_clock, left_w - 2 * pad, Align::kLeft, &chrome());
    }

    // Remaining and pace: beside the clock when wide, else below it.
    float sx = wide ? r.x0 + left_w + pad * 0.5f : x0;
    float sy = wide ? r.y0 + pad : after_clock + (t.state == TimerState::kIdle ? 34 * u : 6 * u);
    float value_size = wide ? 50 * u : 34 * u;
    auto stat = [&](PresenterText label_id, const std::string& value, uint32_t color,
                    bool clock) {
      Label label(fonts, Text(label_id), FontRole::kSansBold, label_size, kPresenterMuted);
      if (wide) {
        label.Emit(sx, sy, r.x1 - pad - sx, Align::kLeft, &chrome());
        sy += label.height() + 6 * u;
        if (clock) {
          ClockText v(fonts, value, FontRole::kSansBold, value_size, color);
          v.Emit(sx, sy + value_size * 0.08f, &chrome());
          sy += v.cap_height() + value_size * 0.5f;
        } else {
          Label v(fonts, value, FontRole::kSansBold, value_size * 0.8f, color);
          v.Emit(sx, sy, r.x1 - pad - sx, Align::kLeft, &chrome());
          sy += v.height() + value_size * 0.3f;
        }
      } else {
        Label v(fonts, value, FontRole::kSansBold, value_size * 0.8f, color);
        label.Emit(sx, sy + (v.height() - label.height()) * 0.5f, label.width(), Align::kLeft,
                   &chrome());
        v.Emit(sx + label.width() + 14 * u, sy, v.width(), Align::kLeft, &chrome());
        sy += v.height() + 4 * u;
      }
    };
    if (t.has_duration) {
      stat(t.warning == TimerWarning::kRed ? PresenterText::kOvertime : PresenterText::kRemaining,
           t.remaining, t.remaining_color, true);
    } else {
      Label none(fonts, Text(PresenterText::kNoDuration), FontRole::kSans, 20 * u,
                 kPresenterMuted);
      none.Emit(sx, sy, none.width(), Align::kLeft, &chrome());
      sy += none.height() + 14 * u;
    }
    if (t.has_pacing) stat(PresenterText::kPacing, t.pacing, t.pacing_color, false);

    // Buttons along the bottom: start/pause/resume (T), reset (R).
    PresenterText toggle = t.state == TimerState::kRunning  ? PresenterText::kPause
                           : t.state == TimerState::kPaused ? PresenterText::kResume
                                                            : PresenterText::kStart;
    float by = r.y1 - pad - button_h;
    float bw = std::max(PillWidth(fonts, Text(toggle) + "   T", button_text),
                        PillWidth(fonts, Text(PresenterText::kReset) + "   R", button_text));
    bw = std::max(bw, 150 * u);
    Rect toggle_rect{x0, by, x0 + bw, by + button_h};
    Rect reset_rect{toggle_rect.x1 + 14 * u, by, toggle_rect.x1 + 14 * u + bw, by + button_h};
    if (by > y) {
      AddButtonWithKey(toggle_rect, Text(toggle), "T", button_text);
      AddButtonWithKey(reset_rect, Text(PresenterText::kReset), "R", button_text);
      Hit(toggle_rect, PresenterHit::kTimerToggle);
      Hit(reset_rect, PresenterHit::kTimerReset);
    }
  }

  void AddButtonWithKey(Rect r, const std::string& text, std::string_view key, float size) {
    AddRect(&chrome(), r, kButton, r.height() * 0.22f);
    Label label(fonts, text, FontRole::kSansBold, size, kPresenterText);
    Label hint(fonts, key, FontRole::kMonoBold, size * 0.85f, kPresenterMuted);
    float total = label.width() + 12 * u + hint.width();
    float x = r.x0 + (r.width() - total) * 0.5f;
    label.Emit(x, r.y0 + (r.height() - label.height()) * 0.5f, label.width(), Align::kLeft,
               &chrome());
    hint.Emit(x + label.width() + 12 * u, r.y0 + (r.height() - hint.height()) * 0.5f,
              hint.width(), Align::kLeft, &chrome());
  }

  void NotesPanel() {
    const Rect& r = g.notes;
    if (r.width() <= 0 || r.height() <= 0) return;
    AddRect(&view.under, r, kPanel, 16 * u);
    const float pad = 26 * u;
    const float head = 52 * u;

    Label title(fonts, Text(PresenterText::kNotes), FontRole::kSansBold, 18 * u, kPresenterMuted);
    title.Emit(r.x0 + pad, r.y0 + pad * 0.5f + (head - title.height()) * 0.5f, title.width(),
               Align::kLeft, &chrome());
    // −  100%  + at the right of the header.
    const float b = 44 * u;
    float by = r.y0 + pad * 0.5f + (head - b) * 0.5f;
    Rect plus{r.x1 - pad - b, by, r.x1 - pad, by + b};
    char percent[16];
    std::snprintf(percent, sizeof percent, "%d%%",
                  static_cast<int>(std::lround(NotesScale() * 100)));
    Label pct(fonts, percent, FontRole::kSansBold, 20 * u, kPresenterMuted);
    float pct_w = std::max(pct.width(), Label(fonts, "250%", FontRole::kSansBold, 20 * u, 0).width());
    Rect minus{plus.x0 - 12 * u - pct_w - 12 * u - b, by, plus.x0 - 24 * u - pct_w, by + b};
    AddButton(&chrome(), fonts, minus, "", 1);
    AddSign(&chrome(), minus, false, 3 * u);
    AddButton(&chrome(), fonts, plus, "", 1);
    AddSign(&chrome(), plus, true, 3 * u);
    pct.Emit(minus.x1 + 12 * u, by + (b - pct.height()) * 0.5f, pct_w, Align::kCenter, &chrome());

    Rect viewport{r.x0 + pad, r.y0 + pad * 0.5f + head + 8 * u, r.x1 - pad, r.y1 - pad * 0.6f};
    view.notes_viewport = viewport;
    Hit(viewport, PresenterHit::kNotes);
    Hit(minus, PresenterHit::kNotesSmaller);
    Hit(plus, PresenterHit::kNotesLarger);
    if (viewport.height() <= 0 || viewport.width() <= 0) return;

    const Slide* slide = DeckSlide(session.slide());
    const float size = kNotesBaseSize * NotesScale() * std::clamp(u, 0.85f, 1.5f);
    const float bar_w = 6 * u;
    SlideLayout text;
    if (slide) text = LayoutNotesText(fonts, slide->notes, viewport.width() - bar_w * 3, size);
    if (text.items.empty()) {
      Label none(fonts, Text(PresenterText::kNoNotes), FontRole::kSansItalic, size * 0.8f,
                 kPresenterMuted, viewport.width());
      none.Emit(viewport.x0, viewport.y0, viewport.width(), Align::kLeft, &chrome(), &viewport);
      return;
    }
    view.notes_max_scroll = std::max(0.0f, text.height - viewport.height());
    float scroll = in.prefs.notes_slide == session.slide() ? in.prefs.notes_scroll : 0;
    if (!std::isfinite(scroll)) scroll = 0;
    view.notes_scroll = std::clamp(scroll, 0.0f, view.notes_max_scroll);
    size_t first = chrome().items.size();
    for (LayoutItem item : text.items) {
      float dx = viewport.x0, dy = viewport.y0 - view.notes_scroll;
      item.rect = {item.rect.x0 + dx, item.rect.y0 + dy, item.rect.x1 + dx, item.rect.y1 + dy};
      if (item.clipped)
        item.clip = {item.clip.x0 + dx, item.clip.y0 + dy, item.clip.x1 + dx, item.clip.y1 + dy};
      // Skip what is entirely outside the viewport (long notes: fewer vertices).
      float top = item.kind == LayoutItemKind::kGlyphs ? item.rect.y0 - item.font_size : item.rect.y0;
      float bottom = item.kind == LayoutItemKind::kGlyphs ? item.rect.y0 + item.font_size * 0.4f
                                                          : item.rect.y1;
      if (bottom < viewport.y0 || top > viewport.y1) continue;
      chrome().items.push_back(std::move(item));
    }
    ClipFrom(&chrome(), first, viewport);
    if (view.notes_max_scroll > 0) {  // a scroll bar
      Rect track{viewport.x1 - bar_w, viewport.y0, viewport.x1, viewport.y1};
      AddRect(&chrome(), track, Rgba(255, 255, 255, 22), bar_w * 0.5f);
      float share = viewport.height() / text.height;
      float top = track.y0 + track.height() * (view.notes_scroll / text.height);
      AddRect(&chrome(), {track.x0, top, track.x1, top + track.height() * share},
              Rgba(255, 255, 255, 110), bar_w * 0.5f);
    }
  }

  float NotesScale() const {
    float s = in.prefs.notes_scale;
    return std::isfinite(s) ? std::clamp(s, kMinNotesScale, kMaxNotesScale) : 1.0f;
  }
};

}  // namespace

// [SECTION] LayoutPresenterView ----------------------------------------------------------

PresenterView LayoutPresenterView(const FontSet& fonts, const PresenterInput& in) {
  PresenterView view;
  const float w = std::isfinite(in.width) ? std::max(in.width, 64.0f) : 1600;
  const float h = std::isfinite(in.height) ? std::max(in.height, 64.0f) : 900;
  view.width = w;
  view.height = h;
  view.under.width = view.chrome.width = w;
  view.under.height = view.chrome.height = h;
  view.under.background = kBackdrop;
  view.chrome.background = 0;
  if (!in.session) return view;

  float aspect = 1080.0f / 1920.0f;
  if (in.layouts && !in.layouts->empty() && (*in.layouts)[0].width > 0)
    aspect = (*in.layouts)[0].height / (*in.layouts)[0].width;
  else if (in.deck) {
    DesignSize d = DesignSizeOf(in.deck->meta);
    aspect = d.height / d.width;
  }

  Builder b{fonts, in, *in.session, view, PlanGeometry(w, h, aspect, in.problems.size())};
  b.u = b.g.u;
  view.timer = DescribeTimer(*in.session, in.now_seconds, in.language);
  b.TopBar();
  b.Banner();
  b.Previews();
  b.TimerPanel();
  b.NotesPanel();
  return view;
}

// [SECTION] Hits, clicks, scrolling -------------------------------------------------------

PresenterHit PresenterView::HitAt(float x, float y) const {
  for (auto it = hits.rbegin(); it != hits.rend(); ++it)
    if (Inside(it->rect, x, y)) return it->hit;
  return PresenterHit::kNone;
}

Rect PresenterView::RegionOf(PresenterHit hit) const {
  for (auto it = hits.rbegin(); it != hits.rend(); ++it)
    if (it->hit == hit) return it->rect;
  return {};
}

PresenterClick ApplyPresenterClick(const PresenterView& view, float x, float y, Session& session,
                                   double now, PresenterPrefs* prefs) {
  PresenterClick click;
  click.hit = view.HitAt(x, y);
  switch (click.hit) {
    case PresenterHit::kNotesSmaller:
    case PresenterHit::kNotesLarger: {
      if (!prefs) break;
      float next = StepNotesScale(prefs->notes_scale,
                                  click.hit == PresenterHit::kNotesLarger ? 1 : -1);
      click.changed = next != prefs->notes_scale;
      prefs->notes_scale = next;
      break;
    }
    case PresenterHit::kTimerToggle:
      click.changed = session.ToggleTimer(now);
      break;
    case PresenterHit::kTimerReset:
      click.changed = session.ResetTimer(now);
      break;
    case PresenterHit::kNextPreview:
      click.changed = session.Next(now);
      break;
    case PresenterHit::kCurrentSlide: {
      if (!view.overview || session.mode() != ScreenMode::kOverview) break;
      const Rect& r = view.current.rect;
      if (r.width() <= 0) break;
      // The overview is laid out in the deck's design units over the preview rectangle.
      float design_w = view.overview_layers.under.width;
      float k = design_w / r.width();
      int slide = view.grid.SlideAt((x - r.x0) * k, (y - r.y0) * k);
      if (slide < 0) break;
      bool moved = session.SetOverviewCursor(slide);
      click.changed = session.ConfirmOverview(now) || moved;
      break;
    }
    case PresenterHit::kNotes:
    case PresenterHit::kNone:
      break;
  }
  return click;
}

bool ScrollNotes(const PresenterView& view, float dy, int slide, PresenterPrefs* prefs) {
  if (!prefs || !std::isfinite(dy)) return false;
  float from = prefs->notes_slide == slide ? view.notes_scroll : 0;
  float to = std::clamp(from + dy, 0.0f, view.notes_max_scroll);
  bool changed = to != view.notes_scroll;
  prefs->notes_scroll = to;
  prefs->notes_slide = slide;
  return changed;
}

// [SECTION] Drawing ------------------------------------------------------------------------

namespace {

bool DrawPreview(const SlidePreview& p, const PresenterDrawTarget& t) {
  if (!p.visible || !t.layouts || p.slide < 0 ||
      p.slide >= static_cast<int>(t.layouts->size()))
    return true;
  const SlideLayout& layout = (*t.layouts)[p.slide];
  if (layout.width <= 0) return true;
  ImVec2 origin(std::round(t.origin.x + p.rect.x0 * t.scale),
                std::round(t.origin.y + p.rect.y0 * t.scale));
  if (p.backdrop != 0) {
    ImVec2 end(std::round(t.origin.x + p.rect.x1 * t.scale),
               std::round(t.origin.y + p.rect.y1 * t.scale));
    t.list->AddRectFilled(origin, end, p.backdrop);
  }
  DrawParams params;
  params.origin = origin;
  params.scale = t.scale * p.rect.width() / layout.width;
  params.step = p.step;
  params.alpha = p.alpha;
  return DrawSlide(layout, params, t.images, *t.glyphs, *t.host, *t.list);
}

bool DrawOverview(const PresenterView& view, const PresenterDrawTarget& t) {
  const Rect& r = view.current.rect;
  const float design_w = view.overview_layers.under.width;
  if (design_w <= 0) return true;
  DrawParams params;
  params.origin = ImVec2(std::round(t.origin.x + r.x0 * t.scale),
                         std::round(t.origin.y + r.y0 * t.scale));
  params.scale = t.scale * r.width() / design_w;
  if (!DrawSlide(view.overview_layers.under, params, nullptr, *t.glyphs, *t.host, *t.list))
    return false;
  const OverviewGrid& grid = view.grid;
  for (int i = 0; i < grid.slide_count && i < static_cast<int>(t.layouts->size()); ++i) {
    if (!grid.IsVisible(i)) continue;
    const SlideLayout& layout = (*t.layouts)[i];
    Rect thumb = grid.Thumbnail(i);
    DrawParams p;
    p.origin = ImVec2(std::round(params.origin.x + thumb.x0 * params.scale),
                      std::round(params.origin.y + thumb.y0 * params.scale));
    p.scale = params.scale * thumb.width() / layout.width;
    p.step = layout.steps - 1;
    if (!DrawSlide(layout, p, t.images, *t.glyphs, *t.host, *t.list)) return false;
  }
  return DrawSlide(view.overview_layers.over, params, nullptr, *t.glyphs, *t.host, *t.list);
}

}  // namespace

bool DrawPresenterView(const PresenterView& view, const PresenterDrawTarget& t) {
  if (!t.glyphs || !t.host || !t.list) return true;
  DrawParams params;
  params.origin = t.origin;
  params.scale = t.scale;
  if (!DrawSlide(view.under, params, nullptr, *t.glyphs, *t.host, *t.list)) return false;
  if (t.layouts) {
    if (view.overview) {
      if (!DrawOverview(view, t)) return false;
    } else if (!DrawPreview(view.current, t)) {
      return false;
    }
    if (!DrawPreview(view.next, t)) return false;
  }
  return DrawSlide(view.chrome, params, nullptr, *t.glyphs, *t.host, *t.list);
}

RgbaImage RenderPresenterImage(const PresenterView& view, const std::vector<SlideLayout>& layouts,
                               const ImageStore* images, GlyphCache& glyphs, float scale) {
  int w = static_cast<int>(std::lround(view.width * scale));
  int h = static_cast<int>(std::lround(view.height * scale));
  RgbaImage image = MakeImage(w, h, 0x000000ff);
  if (w <= 0 || h <= 0) return image;
  CpuTextureHost host;
  StandaloneDrawListDesc desc;
  desc.allow_vtx_offset = true;
  StandaloneDrawList canvas(desc);
  PresenterDrawTarget target{&layouts, images, &glyphs, &host, &canvas.list(), {0, 0}, scale};
  for (int attempt = 0; attempt < 2; ++attempt) {
    canvas.SetWhitePixelUv(glyphs.white_uv());
    canvas.BeginFrame(host.Resolve(glyphs.texture()),
                      ImVec4(0, 0, static_cast<float>(w), static_cast<float>(h)));
    if (DrawPresenterView(view, target)) break;
    glyphs.Clear();
  }
  RasterizeDrawList(canvas.list(), image);
  return image;
}

}  // namespace podium
