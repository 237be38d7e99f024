// Drawing helpers shared by the diagram layouts (flowchart_layout, sequence_layout): the
// theme's diagram colours, label text, and an emitter that scales full-size shapes into a
// LayoutBox. Internal to engine/diagram/.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "layout/inline_layout.h"
#include "layout/slide_layout.h"
#include "layout/theme.h"

namespace podium::diagram {

// Mixes two ImU32 colours channel by channel: t = 0 gives a, 1 gives b.
uint32_t Mix(uint32_t a, uint32_t b, float t);
// Perceived brightness, 0–255.
float Luma(uint32_t c);

inline constexpr float kLineHeight = 1.25f;  // of diagram labels

// Diagram colours derived from a theme (light and dark alike).
struct Palette {
  uint32_t node_fill, node_stroke, node_text;
  uint32_t edge, label_fill, label_text;
  uint32_t cluster_fill, cluster_stroke, cluster_text;
  uint32_t note_fill, note_stroke;
  uint32_t activation_fill;
  uint32_t lifeline;
};
Palette MakePalette(const Theme& theme);

// Label text with its '\n' line breaks, laid out and wrapped at max_width.
std::unique_ptr<InlineLayout> MakeText(const FontSet& fonts, const std::string& label,
                                       const TextStyle& style, float max_width);

// Appends an elliptic arc (degrees, y down) as steps + 1 points.
void AddArc(std::vector<LayoutPoint>& out, float cx, float cy, float rx, float ry, float from_deg,
            float to_deg, int steps);

// Writes items into `box`, multiplying full-size coordinates by `s`.
struct Emitter {
  LayoutBox* box;
  float s;

  void Rectangle(Rect r, uint32_t fill, float rounding);
  void RectangleOutline(Rect r, uint32_t color, float rounding, float thickness);
  // A polygon (filled convex, or outlined) or a polyline.
  void Shape(LayoutItemKind kind, const std::vector<LayoutPoint>& pts, uint32_t color, bool outline,
             float thickness);
  void Line(LayoutPoint a, LayoutPoint b, uint32_t color, float thickness);
  // A polyline drawn as dashes of `dash` with gaps of 0.8 × dash.
  void Dashed(const std::vector<LayoutPoint>& line, uint32_t color, float thickness, float dash);
  // Text centred on (cx, cy), wrapped at `wrap` (full size); returns its plain text.
  std::string Text(const FontSet& fonts, const std::string& text, TextStyle style, float wrap,
                   float cx, float cy, uint32_t color);
  Rect Scale(Rect r) const { return {r.x0 * s, r.y0 * s, r.x1 * s, r.y1 * s}; }
};

}  // namespace podium::diagram
