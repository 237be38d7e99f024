// SlideLayout: one slide, positioned — the output of layout and the input of draw.
//
// Everything is in design units (1920×1080 or 1440×1080), independent of any window:
// line breaks are decided here once, and drawing only scales. Items are drawn in order;
// an item is visible when the slide's current step is >= item.step.
//
// Plain data: copyable, no pointers into the Deck, the fonts or the image store (images
// are named by their src, glyphs by FontRole + glyph index).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/deck.h"
#include "text/font.h"

namespace podium {

struct Rect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float width() const { return x1 - x0; }
  float height() const { return y1 - y0; }
};

struct PlacedGlyph {
  int glyph = 0;
  float x = 0;  // pen position, relative to the run's origin
};

enum class LayoutItemKind {
  kRect,         // filled rectangle, optional rounding
  kRectOutline,  // outlined rectangle: thickness
  kLine,         // from (x0,y0) to (x1,y1): thickness
  kCircle,       // centre (x0,y0), radius thickness; filled unless `outline`
  kGlyphs,       // a run of glyphs of one face and size; origin (x0, y0 = baseline)
  kImage,        // image `src` into rect, sampling uv
  kPolygon,      // closed `points`: filled (must be convex) unless `outline`, then stroked
  kPolyline,     // open `points`, stroked with thickness
};

// A point of a polygon or polyline, relative to the item's (rect.x0, rect.y0), so that
// moving the rect moves the shape.
struct LayoutPoint {
  float x = 0, y = 0;
};

struct LayoutItem {
  LayoutItemKind kind = LayoutItemKind::kRect;
  int step = 0;                     // first step at which the item shows
  int last_step = 1 << 30;          // last step at which it shows (stepped code highlights)
  Rect rect;
  uint32_t color = 0xffffffff;
  float rounding = 0;
  float thickness = 1;
  bool outline = false;
  // kGlyphs.
  FontRole font = FontRole::kSans;
  float font_size = 0;
  std::vector<PlacedGlyph> glyphs;
  // kImage.
  std::string src;
  float u0 = 0, v0 = 0, u1 = 1, v1 = 1;
  // kPolygon, kPolyline (diagrams): rect is their bounding box.
  std::vector<LayoutPoint> points;
  // Clip to this rectangle when set (code blocks, split backgrounds).
  bool clipped = false;
  Rect clip;
};

inline bool VisibleAt(const LayoutItem& item, int step) {
  return step >= item.step && step <= item.last_step;
}

// A clickable region: a link in the text.
struct LayoutLink {
  Rect rect;
  std::string href;
  int step = 0;
};

struct SlideLayout {
  float width = 1920;
  float height = 1080;
  int steps = 1;
  uint32_t background = 0xffffffff;
  std::vector<LayoutItem> items;
  std::vector<LayoutLink> links;
  std::string text;  // the slide's words in reading order (accessibility, search)

  // Fitting: content is laid out at fit_scale × the theme's sizes (1 = no shrinking).
  float fit_scale = 1;
  float overflow = 0;  // design pixels that still do not fit at the floor scale (0: fits)
};

// A piece of drawing with its own origin — a typeset formula, a diagram: items are placed
// relative to (0, 0) = the left end of the baseline; ascent goes up (negative y), descent
// down. PlaceBox() copies them into a slide at a position.
struct LayoutBox {
  float width = 0;
  float ascent = 0;
  float descent = 0;
  std::vector<LayoutItem> items;
};

// Appends `box`'s items to `out`, moved to (x, baseline), visible from `step`.
void PlaceBox(const LayoutBox& box, float x, float baseline, int step, SlideLayout* out);

}  // namespace podium
