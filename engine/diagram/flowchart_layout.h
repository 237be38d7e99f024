// LayoutFlowchart: a parsed mermaid flowchart → a LayoutBox of shapes, lines and text in
// the theme's colours, fitted into a given size.
//
//   MermaidDiagram d = ParseMermaid(block.text);
//   FlowchartSizing sizing{.font_size = 33, .max_width = 1680, .max_height = 700};
//   FlowchartResult r = LayoutFlowchart(d.flowchart, fonts, theme, sizing);
//   if (r.ok) PlaceBox(r.box, x, y, step, &slide);   // top-left at (x, y)
//
// Node labels are measured and broken with InlineLayout (CJK-correct, wrapped at a
// maximum width); the graph is placed by LayoutLayered (diagram/layered_layout.h); edges
// are clipped at their nodes' real borders (diamonds, circles, …), their corners rounded,
// and they end in arrowheads, circles or crosses; edge labels sit on their edge over a
// plain background. The whole drawing is scaled down uniformly to fit the maximum size,
// never below min_scale (then `overflow` is set and the drawing is larger than asked).
//
// The box's origin is its top-left corner: ascent 0, descent = height. `geometry` repeats
// what was drawn as plain shapes for tests. Never fails on a valid Flowchart; ok = false
// only when the graph is too large to lay out (see `problem`).
#pragma once

#include <string>
#include <vector>

#include "diagram/flowchart.h"
#include "layout/slide_layout.h"
#include "layout/theme.h"
#include "text/font.h"

namespace podium {

struct FlowchartSizing {
  float font_size = 32;    // node labels at full size, design pixels
  float max_width = 0;     // 0: no limit
  float max_height = 0;    // 0: no limit
  float min_scale = 0.5f;  // the smallest share of full size the drawing may shrink to
};

// The drawing as shapes, in the box's coordinates (tests assert on these).
struct FlowchartGeometry {
  struct Node {
    Rect box;
    std::vector<LayoutPoint> outline;  // closed polygon of the border, absolute
    bool drawn = true;                 // false for the stand-in of an empty subgraph
  };
  struct Edge {
    int from = 0, to = 0;
    std::vector<LayoutPoint> path;  // the drawn line, from the source's border to the target's
    bool has_label = false;
    Rect label;
    bool drawn = true;  // false for `~~~`
    bool self_loop = false;
    bool to_subgraph = false, from_subgraph = false;
  };
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  std::vector<Rect> subgraphs;
};

struct FlowchartResult {
  bool ok = false;
  std::string problem;
  LayoutBox box;
  float scale = 1;                // applied to the full-size drawing
  bool overflow = false;          // even at min_scale larger than max_width × max_height
  std::vector<char32_t> missing;  // characters no font has
  std::string text;               // labels, in reading order (accessibility)
  FlowchartGeometry geometry;
};

FlowchartResult LayoutFlowchart(const Flowchart& chart, const FontSet& fonts, const Theme& theme,
                                const FlowchartSizing& sizing);

}  // namespace podium
