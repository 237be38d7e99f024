#include "diagram/diagram_draw.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace podium::diagram {

using P = LayoutPoint;

uint32_t Mix(uint32_t a, uint32_t b, float t) {
  uint32_t out = 0;
  for (int shift = 0; shift < 32; shift += 8) {
    float ca = static_cast<float>((a >> shift) & 0xff),
          cb = static_cast<float>((b >> shift) & 0xff);
    out |= static_cast<uint32_t>(std::lround(ca + (cb - ca) * t)) << shift;
  }
  return out;
}

float Luma(uint32_t c) {
  return 0.299f * static_cast<float>(c & 0xff) + 0.587f * static_cast<float>((c >> 8) & 0xff) +
         0.114f * static_cast<float>((c >> 16) & 0xff);
}

Palette MakePalette(const Theme& theme) {
  bool dark = Luma(theme.background) < 128;
  constexpr uint32_t kAmber = 0xff24bffb;  // #fbbf24 as ImU32
  Palette p;
  p.node_fill = Mix(theme.background, theme.accent, dark ? 0.22f : 0.10f);
  p.node_stroke = theme.accent;
  p.node_text = theme.text;
  p.edge = Mix(theme.background, theme.text, dark ? 0.70f : 0.72f);
  p.label_fill = Mix(theme.background, theme.text, dark ? 0.10f : 0.06f);
  p.label_text = theme.text;
  p.cluster_fill = Mix(theme.background, theme.text, dark ? 0.06f : 0.035f);
  p.cluster_stroke = Mix(theme.background, theme.text, dark ? 0.35f : 0.28f);
  p.cluster_text = Mix(theme.background, theme.text, 0.85f);
  p.note_fill = Mix(theme.background, kAmber, dark ? 0.22f : 0.18f);
  p.note_stroke = Mix(theme.background, kAmber, dark ? 0.7f : 0.8f);
  p.activation_fill = Mix(theme.background, theme.text, dark ? 0.18f : 0.08f);
  p.lifeline = Mix(theme.background, theme.text, dark ? 0.45f : 0.4f);
  return p;
}

std::unique_ptr<InlineLayout> MakeText(const FontSet& fonts, const std::string& label,
                                       const TextStyle& style, float max_width) {
  auto flow = std::make_unique<InlineLayout>(fonts);
  size_t start = 0;
  while (start <= label.size()) {
    size_t nl = label.find('\n', start);
    if (nl == std::string::npos) nl = label.size();
    if (nl > start) flow->AddText(std::string_view(label).substr(start, nl - start), style);
    if (nl < label.size()) flow->AddHardBreak(style);
    start = nl + 1;
  }
  flow->Layout(max_width, kLineHeight);
  return flow;
}

void AddArc(std::vector<P>& out, float cx, float cy, float rx, float ry, float from_deg,
            float to_deg, int steps) {
  for (int i = 0; i <= steps; ++i) {
    float a = (from_deg + (to_deg - from_deg) * static_cast<float>(i) / static_cast<float>(steps)) *
              std::numbers::pi_v<float> / 180.0f;
    out.push_back({cx + rx * std::cos(a), cy + ry * std::sin(a)});
  }
}

namespace {

LayoutItem Item(LayoutItemKind kind, uint32_t color) {
  LayoutItem item;
  item.kind = kind;
  item.color = color;
  return item;
}

}  // namespace

void Emitter::Rectangle(Rect r, uint32_t fill, float rounding) {
  LayoutItem item = Item(LayoutItemKind::kRect, fill);
  item.rect = Scale(r);
  item.rounding = rounding * s;
  box->items.push_back(std::move(item));
}

void Emitter::RectangleOutline(Rect r, uint32_t color, float rounding, float thickness) {
  LayoutItem item = Item(LayoutItemKind::kRectOutline, color);
  item.rect = Scale(r);
  item.rounding = rounding * s;
  item.thickness = thickness * s;
  box->items.push_back(std::move(item));
}

void Emitter::Shape(LayoutItemKind kind, const std::vector<P>& pts, uint32_t color, bool outline,
                    float thickness) {
  if (pts.size() < 2) return;
  LayoutItem item = Item(kind, color);
  float x0 = pts[0].x, y0 = pts[0].y, x1 = x0, y1 = y0;
  for (const P& p : pts)
    x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  item.rect = Scale({x0, y0, x1, y1});
  for (const P& p : pts) item.points.push_back({(p.x - x0) * s, (p.y - y0) * s});
  item.outline = outline;
  item.thickness = thickness * s;
  box->items.push_back(std::move(item));
}

void Emitter::Line(P a, P b, uint32_t color, float thickness) {
  LayoutItem item = Item(LayoutItemKind::kLine, color);
  item.rect = {a.x * s, a.y * s, b.x * s, b.y * s};
  item.thickness = thickness * s;
  box->items.push_back(std::move(item));
}

void Emitter::Dashed(const std::vector<P>& line, uint32_t color, float thickness, float dash) {
  if (line.size() < 2) return;
  float gap = dash * 0.8f;
  std::vector<P> piece{line.front()};
  float left = dash;
  bool on = true;
  for (size_t i = 1; i < line.size(); ++i) {
    P a = line[i - 1], b = line[i];
    float len = std::hypot(b.x - a.x, b.y - a.y), at = 0;
    while (len - at > left) {
      at += left;
      P p{a.x + (b.x - a.x) * at / len, a.y + (b.y - a.y) * at / len};
      if (on) {
        piece.push_back(p);
        Shape(LayoutItemKind::kPolyline, piece, color, false, thickness);
      }
      piece = {p};
      on = !on;
      left = on ? dash : gap;
    }
    left -= len - at;
    if (on)
      piece.push_back(b);
    else
      piece = {b};
  }
  if (on && piece.size() >= 2) Shape(LayoutItemKind::kPolyline, piece, color, false, thickness);
}

std::string Emitter::Text(const FontSet& fonts, const std::string& text, TextStyle style,
                          float wrap, float cx, float cy, uint32_t color) {
  style.size *= s;
  style.color = color;
  auto flow = MakeText(fonts, text, style, wrap * s + 1);
  float w = flow->width(), h = flow->empty() ? 0 : flow->height();
  SlideLayout scratch;  // InlineLayout emits into a SlideLayout; its items move to the box
  flow->Emit(cx * s - w * 0.5f, cy * s - h * 0.5f, w, Align::kCenter, 0, &scratch);
  for (LayoutItem& item : scratch.items) box->items.push_back(std::move(item));
  return flow->PlainText();
}

}  // namespace podium::diagram
