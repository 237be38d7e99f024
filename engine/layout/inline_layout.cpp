#include "layout/inline_layout.h"

#include <algorithm>
#include <cmath>

#include "text/linebreak.h"
#include "text/utf8.h"

namespace podium {
namespace {

// CJK characters that take the thin gap next to Latin: ideographs, kana, hangul — not
// CJK punctuation, which carries its own space.
bool IsCjkLetter(char32_t c) {
  if (!IsCjk(c)) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK symbols and punctuation
  if (c >= 0xFF00 && c <= 0xFF0F) return false;  // fullwidth punctuation
  if (c >= 0xFF1A && c <= 0xFF20) return false;
  if (c >= 0xFF3B && c <= 0xFF40) return false;
  if (c >= 0xFF5B && c <= 0xFF65) return false;
  if (c >= 0xFE30 && c <= 0xFE4F) return false;  // CJK compatibility forms
  return true;
}

bool IsLatinLetterOrDigit(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x3FF) ||
         (c >= 0x400 && c <= 0x4FF);
}

// Characters that take a gap next to CJK letters: Latin letters, digits and the signs that
// belong to them in tech text (C++, C#, 3.14%).
float CodePad(const podium::TextStyle& s) { return s.size * 0.18f; }

bool TakesCjkGap(char32_t c) {
  return IsLatinLetterOrDigit(c) || c == '+' || c == '#' || c == '%' || c == '$';
}

}  // namespace

void InlineLayout::AddText(std::string_view utf8, const TextStyle& style) {
  if (utf8.empty()) return;
  int style_index = static_cast<int>(styles_.size());
  styles_.push_back(style);
  // At most a character per byte; growing geometrically, as push_back would.
  if (chars_.capacity() < chars_.size() + utf8.size())
    chars_.reserve(std::max(chars_.size() + utf8.size(), chars_.capacity() * 2));
  size_t offset = 0;
  while (offset < utf8.size()) {
    char32_t cp = DecodeNext(utf8, offset);
    if (cp == '\n' || cp == '\r') cp = ' ';
    if (cp == '\t') cp = ' ';
    // Built in place: a Char assembled on the stack and copied in stalled on store
    // forwarding, and this loop was a tenth of `deckc build`.
    Char& c = chars_.emplace_back();
    c.cp = cp;
    c.style = style_index;
  }
  prepared_ = false;
}

void InlineLayout::AddSoftBreak(const TextStyle& style) {
  styles_.push_back(style);
  Char c;
  c.cp = ' ';
  c.style = static_cast<int>(styles_.size()) - 1;
  c.soft_break = true;
  chars_.push_back(c);
  prepared_ = false;
}

void InlineLayout::AddHardBreak(const TextStyle& style) {
  styles_.push_back(style);
  Char c;
  c.cp = '\n';
  c.style = static_cast<int>(styles_.size()) - 1;
  c.hard_break = true;
  chars_.push_back(c);
  prepared_ = false;
}

void InlineLayout::AddBox(LayoutBox box, const TextStyle& style, std::string alt) {
  styles_.push_back(style);
  Char c;
  c.cp = 0xFFFC;  // object replacement character: breaks like an ideograph would not
  c.style = static_cast<int>(styles_.size()) - 1;
  c.box = static_cast<int>(boxes_.size());
  boxes_.push_back(std::move(box));
  box_alts_.push_back(std::move(alt));
  chars_.push_back(c);
  prepared_ = false;
}

void InlineLayout::Prepare() {
  if (prepared_) return;
  prepared_ = true;
  missing_.clear();
  // A soft break between two CJK characters is no space at all (Chinese has no spaces).
  for (size_t i = 0; i < chars_.size(); ++i) {
    Char& c = chars_[i];
    if (!c.soft_break || i == 0 || i + 1 >= chars_.size()) continue;
    if (IsCjk(chars_[i - 1].cp) && IsCjk(chars_[i + 1].cp)) c.cp = 0x200B;  // zero width space
  }
  std::u32string text;
  text.reserve(chars_.size());
  for (const Char& c : chars_) text.push_back(c.hard_break ? U'\n' : c.cp);
  std::vector<BreakAction> breaks = FindLineBreaks(text);
  breaks_.resize(chars_.size());
  for (size_t i = 0; i < chars_.size(); ++i)
    breaks_[i] = static_cast<uint8_t>(i < breaks.size() ? breaks[i] : BreakAction::kAllowed);

  for (size_t i = 0; i < chars_.size(); ++i) {
    Char& c = chars_[i];
    const TextStyle& style = styles_[c.style];
    c.advance = 0;
    c.gap = c.lead = c.trail = 0;
    c.drawable = false;
    if (c.hard_break || c.cp == 0x200B) continue;
    if (c.box >= 0) {
      c.advance = boxes_[c.box].width;
      continue;
    }
    FontSet::Resolved r = fonts_.Resolve(c.cp, style.font);
    if (!r.font) {
      if (std::find(missing_.begin(), missing_.end(), c.cp) == missing_.end())
        missing_.push_back(c.cp);
      continue;
    }
    c.role = r.role;
    c.glyph = r.glyph;
    c.advance = r.font->Advance(r.glyph, style.size);
    c.drawable = !IsSpace(c.cp);
  }
  // Kerning and CJK/Latin gaps go on the left character of each pair.
  for (size_t i = 0; i + 1 < chars_.size(); ++i) {
    Char& a = chars_[i];
    const Char& b = chars_[i + 1];
    if (a.glyph == 0 || b.glyph == 0) continue;
    const TextStyle& sa = styles_[a.style];
    const TextStyle& sb = styles_[b.style];
    if (a.role == b.role && sa.size == sb.size && sa.background == sb.background) {
      if (const Font* font = fonts_.Get(a.role)) a.advance += font->Kerning(a.glyph, b.glyph, sa.size);
    }
    if ((IsCjkLetter(a.cp) && TakesCjkGap(b.cp)) || (TakesCjkGap(a.cp) && IsCjkLetter(b.cp))) {
      a.gap = kCjkLatinGap * std::min(sa.size, sb.size);
      a.advance += a.gap;
    }
  }
  // An inline code chip's tint reaches CodePad() beyond its text on each side: that room
  // is laid out, so a chip never overlaps its neighbours or sticks out of the margin, and
  // two chips a space apart stay two.
  for (size_t i = 0; i < chars_.size(); ++i) {
    const TextStyle& s = styles_[chars_[i].style];
    if (s.background == 0) continue;
    if (i == 0 || chars_[i - 1].style != chars_[i].style) chars_[i].lead = CodePad(s);
    if (i + 1 == chars_.size() || chars_[i + 1].style != chars_[i].style) chars_[i].trail = CodePad(s);
  }
}

float InlineLayout::Measure(int begin, int end) const {
  while (end > begin && (IsSpace(chars_[end - 1].cp) || chars_[end - 1].hard_break)) --end;
  float w = 0;
  for (int i = begin; i < end; ++i) w += Width(chars_[i]);
  return w;
}

float InlineLayout::NaturalWidth() const {
  const_cast<InlineLayout*>(this)->Prepare();
  float widest = 0;
  int begin = 0;
  for (int i = 0; i < static_cast<int>(chars_.size()); ++i) {
    if (chars_[i].hard_break) {
      widest = std::max(widest, Measure(begin, i));
      begin = i + 1;
    }
  }
  return std::max(widest, Measure(begin, static_cast<int>(chars_.size())));
}

float InlineLayout::MinWidth() const {
  const_cast<InlineLayout*>(this)->Prepare();
  float widest = 0;
  int begin = 0;
  for (int i = 0; i < static_cast<int>(chars_.size()); ++i) {
    if (breaks_[i] != static_cast<uint8_t>(BreakAction::kNone)) {
      widest = std::max(widest, Measure(begin, i + 1));
      begin = i + 1;
    }
  }
  return std::max(widest, Measure(begin, static_cast<int>(chars_.size())));
}

float InlineLayout::Layout(float max_width, float line_height) {
  Prepare();
  line_height_ = line_height;
  lines_.clear();
  const int n = static_cast<int>(chars_.size());
  int line_start = 0;
  int last_break = -1;  // break allowed after this char
  float x = 0;
  auto end_line = [&](int end) {
    Line line;
    line.begin = line_start;
    line.end = end;
    line.width = Measure(line_start, end);
    lines_.push_back(line);
    line_start = end;
    last_break = -1;
  };
  for (int i = 0; i < n; ++i) {
    const Char& c = chars_[i];
    if (c.hard_break) {
      end_line(i + 1);
      x = 0;
      continue;
    }
    if (x + Width(c) > max_width + 0.01f && !IsSpace(c.cp) && i > line_start) {
      if (last_break >= line_start) {
        end_line(last_break + 1);
      } else {
        end_line(i);  // one unbreakable piece wider than the line: break it anyway
      }
      x = 0;
      for (int j = line_start; j < i; ++j) x += Width(chars_[j]);
    }
    x += Width(c);
    if (breaks_[i] != static_cast<uint8_t>(BreakAction::kNone)) last_break = i;
  }
  if (line_start < n || lines_.empty()) end_line(n);

  width_ = 0;
  height_ = 0;
  for (Line& line : lines_) {
    float size = 0, box_ascent = 0, box_descent = 0;
    for (int i = line.begin; i < line.end; ++i) {
      size = std::max(size, styles_[chars_[i].style].size);
      if (chars_[i].box >= 0) {
        box_ascent = std::max(box_ascent, boxes_[chars_[i].box].ascent);
        box_descent = std::max(box_descent, boxes_[chars_[i].box].descent);
      }
    }
    if (size == 0) size = styles_.empty() ? 40 : styles_.front().size;
    line.height = size * line_height_;
    const Font* sans = fonts_.Get(FontRole::kSans);
    FontMetrics m = sans ? sans->Metrics(size) : FontMetrics{size * 0.9f, size * 0.25f, 0};
    line.ascent = (line.height - (m.ascent + m.descent)) * 0.5f + m.ascent;
    // A tall inline box (a fraction) grows the line instead of touching its neighbours.
    float half_leading = (line.height - (m.ascent + m.descent)) * 0.5f;
    if (box_ascent + half_leading > line.ascent) line.ascent = box_ascent + half_leading;
    float below = line.height - line.ascent;
    if (box_descent + half_leading > below) below = box_descent + half_leading;
    line.height = line.ascent + below;
    width_ = std::max(width_, line.width);
    height_ += line.height;
  }
  return height_;
}

void InlineLayout::Emit(float x, float y, float box_width, Align align, int step,
                        SlideLayout* out) const {
  float top = y;
  std::vector<float> pen;  // pen positions of a line's characters, and where the line ends
  for (const Line& line : lines_) {
    float left = x;
    if (align == Align::kCenter) left = x + (box_width - line.width) * 0.5f;
    if (align == Align::kRight) left = x + box_width - line.width;
    float baseline = top + line.ascent;

    pen.resize(line.end - line.begin + 1);
    float px = left;
    for (int i = line.begin; i < line.end; ++i) {
      pen[i - line.begin] = px + chars_[i].lead;
      px += Width(chars_[i]);
    }
    pen[line.end - line.begin] = px;

    // Decorations first (behind the text): inline code backgrounds, then runs of glyphs,
    // then underlines and strike-through lines, and link regions.
    for (int i = line.begin; i < line.end;) {
      const TextStyle& s = styles_[chars_[i].style];
      int j = i + 1;
      while (j < line.end && chars_[j].style == chars_[i].style) ++j;
      int vis_end = j;
      while (vis_end > i && IsSpace(chars_[vis_end - 1].cp)) --vis_end;
      float x0 = pen[i - line.begin];
      float x1 = vis_end > i ? InkEnd(vis_end - 1, pen[vis_end - 1 - line.begin]) : x0;
      if (s.background != 0 && x1 > x0) {
        LayoutItem bg;
        bg.kind = LayoutItemKind::kRect;
        bg.step = step;
        float pad = CodePad(s);
        float b = baseline - s.rise;
        bg.rect = {x0 - pad, b - s.size * 0.92f, x1 + pad, b + s.size * 0.3f};
        bg.color = s.background;
        bg.rounding = s.size * 0.2f;
        out->items.push_back(bg);
        if (s.outline != 0) {
          bg.kind = LayoutItemKind::kRectOutline;
          bg.color = s.outline;
          bg.thickness = std::max(1.5f, s.size * 0.05f);
          out->items.push_back(bg);
        }
      }
      if (!s.href.empty() && x1 > x0) {
        out->links.push_back({{x0, top, x1, top + line.height}, s.href, step});
      }
      i = j;
    }
    for (int i = line.begin; i < line.end;) {
      const Char& first = chars_[i];
      if (!first.drawable) {
        ++i;
        continue;
      }
      const TextStyle& s = styles_[first.style];
      LayoutItem run;
      run.kind = LayoutItemKind::kGlyphs;
      run.step = step;
      run.font = first.role;
      run.font_size = s.size;
      run.color = s.color;
      const float run_baseline = baseline - s.rise;
      run.rect = {pen[i - line.begin], run_baseline, pen[i - line.begin], run_baseline};
      // The run: characters of one face, size and colour (spaces only move the pen).
      auto in_run = [&](const Char& c) {
        if (IsSpace(c.cp) || c.cp == 0x200B) return true;
        const TextStyle& cs = styles_[c.style];
        return c.drawable && c.role == first.role && cs.size == s.size && cs.color == s.color &&
               cs.rise == s.rise;
      };
      int end = i;
      while (end < line.end && in_run(chars_[end])) ++end;
      run.glyphs.reserve(end - i);
      int j = i;
      for (; j < end; ++j) {
        const Char& c = chars_[j];
        if (IsSpace(c.cp) || c.cp == 0x200B) continue;
        run.glyphs.push_back({c.glyph, pen[j - line.begin] - run.rect.x0});
        run.rect.x1 = InkEnd(j, pen[j - line.begin]);
      }
      run.rect.y1 = run_baseline + s.size * 0.3f;  // y0 stays the baseline
      if (!run.glyphs.empty()) out->items.push_back(std::move(run));
      i = std::max(j, i + 1);
    }
    for (int i = line.begin; i < line.end; ++i)
      if (chars_[i].box >= 0) PlaceBox(boxes_[chars_[i].box], pen[i - line.begin], baseline, step, out);
    for (int i = line.begin; i < line.end;) {
      const TextStyle& s = styles_[chars_[i].style];
      int j = i + 1;
      while (j < line.end && chars_[j].style == chars_[i].style) ++j;
      int vis_end = j;
      while (vis_end > i && IsSpace(chars_[vis_end - 1].cp)) --vis_end;
      float x0 = pen[i - line.begin];
      float x1 = vis_end > i ? InkEnd(vis_end - 1, pen[vis_end - 1 - line.begin]) : x0;
      if (x1 > x0 && (s.underline || s.strike)) {
        LayoutItem deco;
        deco.kind = LayoutItemKind::kRect;
        deco.step = step;
        deco.color = s.color;
        float t = std::max(1.5f, s.size * 0.06f);
        float b = baseline - s.rise;
        float yline = s.underline ? b + s.size * 0.12f : b - s.size * 0.3f;
        deco.rect = {x0, yline, x1, yline + t};
        out->items.push_back(deco);
        if (s.underline && s.strike) {
          yline = b - s.size * 0.3f;
          deco.rect = {x0, yline, x1, yline + t};
          out->items.push_back(deco);
        }
      }
      i = j;
    }
    top += line.height;
  }
}

std::string InlineLayout::PlainText() const {
  const_cast<InlineLayout*>(this)->Prepare();
  std::string out;
  for (const Char& c : chars_) {
    if (c.cp == 0x200B) continue;
    if (c.box >= 0) {
      out += box_alts_[c.box];
      continue;
    }
    EncodeUtf8(c.hard_break ? U'\n' : c.cp, out);
  }
  return out;
}



std::string InlineLayout::LineText(int line) const {
  std::string out;
  if (line < 0 || line >= static_cast<int>(lines_.size())) return out;
  for (int i = lines_[line].begin; i < lines_[line].end; ++i) {
    if (chars_[i].cp == 0x200B || chars_[i].hard_break) continue;
    EncodeUtf8(chars_[i].cp, out);
  }
  return out;
}

}  // namespace podium
