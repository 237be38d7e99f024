// LayoutFlowchart: measure, place (LayoutLayered), route, fit, draw.
//
// [SECTION] Node shapes: sizes and outlines
// [SECTION] Edge paths: clipping at borders, rounded corners, dashes, ends
// [SECTION] LayoutFlowchart
#include "diagram/flowchart_layout.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>

#include "diagram/diagram_draw.h"
#include "diagram/layered_layout.h"
#include "layout/inline_layout.h"

namespace podium {
namespace {

using P = LayoutPoint;
using namespace diagram;

// [SECTION] Node shapes ---------------------------------------------------------------------

struct NodeBox {
  float width = 0, height = 0;
  float text_dx = 0, text_dy = 0;  // text centre relative to the box centre
  float port_span = 0.9f;
};

NodeBox SizeNode(NodeShape shape, float tw, float th, float fs) {
  float px = fs * 0.75f, py = fs * 0.45f;
  th = std::max(th, fs * kLineHeight);
  NodeBox b;
  b.width = tw + 2 * px;
  b.height = th + 2 * py;
  switch (shape) {
    case NodeShape::kRect:
      break;
    case NodeShape::kRounded:
      b.port_span = 0.8f;
      break;
    case NodeShape::kSubroutine:
      b.width += 2 * fs * 0.35f;
      b.port_span = 0.7f;
      break;
    case NodeShape::kStadium:
      b.width = tw + b.height + px * 0.4f;
      b.port_span = 0.6f;
      break;
    case NodeShape::kCircle:
    case NodeShape::kDoubleCircle: {
      float d = std::max(std::hypot(tw, th) + fs * 0.6f, fs * 2.4f);
      if (shape == NodeShape::kDoubleCircle) d += fs * 0.5f;
      b.width = b.height = d;
      b.port_span = 0.5f;
      break;
    }
    case NodeShape::kDiamond: {
      float a = (tw * 0.5f + fs * 0.35f) / 0.6f, c = (th * 0.5f + fs * 0.2f) / 0.4f;
      b.width = std::max(2 * a, fs * 3.0f);
      b.height = std::max(2 * c, fs * 2.2f);
      b.port_span = 0.5f;
      break;
    }
    case NodeShape::kHexagon:
      b.width = tw + 2 * px * 0.6f + b.height * 0.5f;
      b.port_span = 0.6f;
      break;
    case NodeShape::kCylinder: {
      float ry = std::clamp(b.width * 0.08f, fs * 0.25f, fs * 0.5f);
      b.height += 2 * ry;
      b.text_dy = ry * 0.5f;
      b.port_span = 0.7f;
      break;
    }
    case NodeShape::kAsymmetric:
      b.width += b.height * 0.25f;
      b.text_dx = b.height * 0.125f;
      b.port_span = 0.7f;
      break;
    case NodeShape::kParallelogram:
    case NodeShape::kParallelogramAlt:
    case NodeShape::kTrapezoid:
    case NodeShape::kTrapezoidAlt:
      b.width += b.height * 0.4f;
      b.port_span = 0.6f;
      break;
  }
  b.width = std::max(b.width, fs * 2.2f);
  return b;
}

float CylinderCap(float width, float fs) {
  return std::clamp(width * 0.08f, fs * 0.25f, fs * 0.5f);
}

// The border as a closed polygon, clockwise on screen (y down).
std::vector<P> Outline(NodeShape shape, Rect r, float fs) {
  float x0 = r.x0, y0 = r.y0, x1 = r.x1, y1 = r.y1;
  float cx = (x0 + x1) * 0.5f, cy = (y0 + y1) * 0.5f, w = r.width(), h = r.height();
  std::vector<P> o;
  switch (shape) {
    case NodeShape::kRect:
    case NodeShape::kSubroutine:
      o = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
      break;
    case NodeShape::kRounded: {
      float rr = std::min({fs * 0.35f, w * 0.5f, h * 0.5f});
      AddArc(o, x1 - rr, y0 + rr, rr, rr, -90, 0, 6);
      AddArc(o, x1 - rr, y1 - rr, rr, rr, 0, 90, 6);
      AddArc(o, x0 + rr, y1 - rr, rr, rr, 90, 180, 6);
      AddArc(o, x0 + rr, y0 + rr, rr, rr, 180, 270, 6);
      break;
    }
    case NodeShape::kStadium: {
      float rr = std::min(h, w) * 0.5f;
      AddArc(o, x1 - rr, cy, rr, rr, -90, 90, 16);
      AddArc(o, x0 + rr, cy, rr, rr, 90, 270, 16);
      break;
    }
    case NodeShape::kCircle:
    case NodeShape::kDoubleCircle:
      AddArc(o, cx, cy, w * 0.5f, h * 0.5f, 0, 360, 64);
      o.pop_back();
      break;
    case NodeShape::kDiamond:
      o = {{cx, y0}, {x1, cy}, {cx, y1}, {x0, cy}};
      break;
    case NodeShape::kHexagon: {
      float k = h * 0.25f;
      o = {{x0 + k, y0}, {x1 - k, y0}, {x1, cy}, {x1 - k, y1}, {x0 + k, y1}, {x0, cy}};
      break;
    }
    case NodeShape::kCylinder: {
      float ry = CylinderCap(w, fs);
      AddArc(o, cx, y0 + ry, w * 0.5f, ry, 180, 360, 20);
      AddArc(o, cx, y1 - ry, w * 0.5f, ry, 0, 180, 20);
      break;
    }
    case NodeShape::kAsymmetric: {
      float notch = h * 0.25f;
      o = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0 + notch, cy}};
      break;
    }
    case NodeShape::kParallelogram: {
      float k = h * 0.4f;
      o = {{x0 + k, y0}, {x1, y0}, {x1 - k, y1}, {x0, y1}};
      break;
    }
    case NodeShape::kParallelogramAlt: {
      float k = h * 0.4f;
      o = {{x0, y0}, {x1 - k, y0}, {x1, y1}, {x0 + k, y1}};
      break;
    }
    case NodeShape::kTrapezoid: {
      float k = h * 0.4f;
      o = {{x0 + k, y0}, {x1 - k, y0}, {x1, y1}, {x0, y1}};
      break;
    }
    case NodeShape::kTrapezoidAlt: {
      float k = h * 0.4f;
      o = {{x0, y0}, {x1, y0}, {x1 - k, y1}, {x0 + k, y1}};
      break;
    }
  }
  return o;
}

// [SECTION] Edge paths -------------------------------------------------------------------

bool InsidePolygon(P p, const std::vector<P>& poly) {
  bool inside = false;
  for (size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
    const P& a = poly[i];
    const P& b = poly[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
      inside = !inside;
  }
  return inside;
}

// Where segment a→b crosses the polygon last (largest t), if it does.
bool LastCrossing(P a, P b, const std::vector<P>& poly, P* hit) {
  float best = -1;
  for (size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
    P c = poly[j], d = poly[i];
    float rx = b.x - a.x, ry = b.y - a.y, sx = d.x - c.x, sy = d.y - c.y;
    float den = rx * sy - ry * sx;
    if (std::fabs(den) < 1e-9f) continue;
    float t = ((c.x - a.x) * sy - (c.y - a.y) * sx) / den;
    float u = ((c.x - a.x) * ry - (c.y - a.y) * rx) / den;
    if (t >= -1e-4f && t <= 1 + 1e-4f && u >= -1e-4f && u <= 1 + 1e-4f && t > best) best = t;
  }
  if (best < 0) return false;
  *hit = {a.x + (b.x - a.x) * best, a.y + (b.y - a.y) * best};
  return true;
}

// Drops the part of the path's start that lies inside `poly`: the path then begins where
// it leaves the shape.
void ClipStart(std::vector<P>& path, const std::vector<P>& poly) {
  if (path.size() < 2 || poly.size() < 3 || !InsidePolygon(path[0], poly)) return;
  for (size_t k = 0; k + 1 < path.size(); ++k) {
    if (InsidePolygon(path[k + 1], poly)) continue;
    P hit;
    if (!LastCrossing(path[k], path[k + 1], poly, &hit)) return;
    path.erase(path.begin(), path.begin() + static_cast<long>(k) + 1);
    path.insert(path.begin(), hit);
    return;
  }
}

void ClipEnd(std::vector<P>& path, const std::vector<P>& poly) {
  std::reverse(path.begin(), path.end());
  ClipStart(path, poly);
  std::reverse(path.begin(), path.end());
}

float Distance(P a, P b) { return std::hypot(b.x - a.x, b.y - a.y); }

// Removes repeated and collinear points.
std::vector<P> Simplify(const std::vector<P>& pts) {
  std::vector<P> out;
  for (const P& p : pts) {
    if (!out.empty() && Distance(out.back(), p) < 0.25f) continue;
    if (out.size() >= 2) {
      P a = out[out.size() - 2], b = out.back();
      float cross = (b.x - a.x) * (p.y - b.y) - (b.y - a.y) * (p.x - b.x);
      float dot = (b.x - a.x) * (p.x - b.x) + (b.y - a.y) * (p.y - b.y);
      if (std::fabs(cross) < 1e-3f * Distance(a, b) * Distance(b, p) + 1e-6f && dot > 0) {
        out.back() = p;
        continue;
      }
    }
    out.push_back(p);
  }
  return out;
}

// Rounds every corner with a quadratic curve of at most `radius`, leaving `keep_end`
// straight at the end (under an arrowhead).
std::vector<P> RoundCorners(const std::vector<P>& pts, float radius, float keep_start,
                            float keep_end) {
  if (pts.size() < 3) return pts;
  std::vector<P> out{pts.front()};
  size_t n = pts.size();
  for (size_t i = 1; i + 1 < n; ++i) {
    P a = pts[i - 1], c = pts[i], b = pts[i + 1];
    float lin = Distance(a, c), lout = Distance(c, b);
    float room_in = i == 1 ? lin - keep_start : lin * 0.5f;
    float room_out = i + 2 == n ? lout - keep_end : lout * 0.5f;
    float r = std::min({radius, room_in, room_out});
    if (r < 0.5f) {
      out.push_back(c);
      continue;
    }
    P ua{(c.x - a.x) / lin, (c.y - a.y) / lin}, ub{(b.x - c.x) / lout, (b.y - c.y) / lout};
    P s{c.x - ua.x * r, c.y - ua.y * r}, e{c.x + ub.x * r, c.y + ub.y * r};
    float turn = std::acos(std::clamp(ua.x * ub.x + ua.y * ub.y, -1.0f, 1.0f));
    int steps = std::clamp(static_cast<int>(turn * 8), 2, 12);
    for (int k = 0; k <= steps; ++k) {
      float t = static_cast<float>(k) / static_cast<float>(steps);
      float u = 1 - t;
      out.push_back({u * u * s.x + 2 * u * t * c.x + t * t * e.x,
                     u * u * s.y + 2 * u * t * c.y + t * t * e.y});
    }
  }
  out.push_back(pts.back());
  return Simplify(out);
}

// The point `d` back from the path's end, walking along it, and the unit direction there
// towards the end.
P BackAlong(const std::vector<P>& path, float d, P* direction) {
  P end = path.back();
  for (size_t i = path.size() - 1; i > 0; --i) {
    float len = Distance(path[i - 1], path[i]);
    if (len >= d || i == 1) {
      float t = len > 0 ? std::min(1.0f, d / len) : 0;
      P p{path[i].x + (path[i - 1].x - path[i].x) * t, path[i].y + (path[i - 1].y - path[i].y) * t};
      float dl = Distance(p, end);
      if (dl > 1e-4f)
        *direction = {(end.x - p.x) / dl, (end.y - p.y) / dl};
      else if (len > 0)
        *direction = {(path[i].x - path[i - 1].x) / len, (path[i].y - path[i - 1].y) / len};
      return p;
    }
    d -= len;
  }
  *direction = {0, 1};
  return end;
}

// Cuts `d` off the path's end.
void TrimEnd(std::vector<P>& path, float d) {
  while (path.size() >= 2 && d > 0) {
    float len = Distance(path[path.size() - 2], path.back());
    if (len > d) {
      P& e = path.back();
      const P& a = path[path.size() - 2];
      e = {e.x + (a.x - e.x) * d / len, e.y + (a.y - e.y) * d / len};
      return;
    }
    if (path.size() == 2) {
      path.back() = path.front();
      return;
    }
    path.pop_back();
    d -= len;
  }
}

struct Obstacle {
  Rect box;
  int node = -1;  // the node it stands for, if any
  int edge = -1;  // the edge whose label it is, if any
};

// Whether segment a→b meets rectangle r (Liang–Barsky).
bool SegmentHitsRect(P a, P b, const Rect& r) {
  float t0 = 0, t1 = 1, dx = b.x - a.x, dy = b.y - a.y;
  auto clip = [&](float p, float q) {
    if (p == 0) return q >= 0;
    float t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      t0 = std::max(t0, t);
    } else {
      if (t < t0) return false;
      t1 = std::min(t1, t);
    }
    return true;
  };
  return clip(-dx, a.x - r.x0) && clip(dx, r.x1 - a.x) && clip(-dy, a.y - r.y0) &&
         clip(dy, r.y1 - a.y) && t0 <= t1;
}

// [SECTION] LayoutFlowchart -------------------------------------------------------------

struct MeasuredText {
  float width = 0, height = 0;
};

}  // namespace

FlowchartResult LayoutFlowchart(const Flowchart& chart, const FontSet& fonts, const Theme& theme,
                                const FlowchartSizing& sizing) {
  FlowchartResult result;
  const float fs = std::max(1.0f, sizing.font_size);
  const float label_fs = fs * 0.82f, title_fs = fs * 0.8f;
  const float node_wrap = fs * 11, diamond_wrap = fs * 7, label_wrap = fs * 9;
  Palette palette = MakePalette(theme);
  size_t n = chart.nodes.size(), ns = chart.subgraphs.size();

  TextStyle node_style;
  node_style.font = FontRole::kSans;
  node_style.size = fs;
  TextStyle edge_style = node_style;
  edge_style.size = label_fs;
  TextStyle title_style = node_style;
  title_style.size = title_fs;
  title_style.font = FontRole::kSansBold;

  // Measure at full size.
  std::vector<MeasuredText> node_text(n), edge_text(chart.edges.size()), title_text(ns);
  auto note = [&](const InlineLayout& flow) {
    for (char32_t cp : flow.MissingCharacters())
      if (std::find(result.missing.begin(), result.missing.end(), cp) == result.missing.end())
        result.missing.push_back(cp);
  };
  auto wrap_of = [&](const FlowNode& node) {
    return node.shape == NodeShape::kDiamond || node.shape == NodeShape::kCircle ||
                   node.shape == NodeShape::kDoubleCircle
               ? diamond_wrap
               : node_wrap;
  };
  for (size_t i = 0; i < n; ++i) {
    auto flow = MakeText(fonts, chart.nodes[i].label, node_style, wrap_of(chart.nodes[i]));
    node_text[i] = {flow->width(), flow->empty() ? 0 : flow->height()};
    note(*flow);
  }
  for (size_t e = 0; e < chart.edges.size(); ++e) {
    if (chart.edges[e].label.empty() || chart.edges[e].stroke == EdgeStroke::kInvisible) continue;
    auto flow = MakeText(fonts, chart.edges[e].label, edge_style, label_wrap);
    edge_text[e] = {flow->width(), flow->height()};
    note(*flow);
  }
  for (size_t c = 0; c < ns; ++c) {
    if (chart.subgraphs[c].title.empty()) continue;
    auto flow = MakeText(fonts, chart.subgraphs[c].title, title_style, node_wrap * 2);
    title_text[c] = {flow->width(), flow->height()};
    note(*flow);
  }

  // The graph for LayoutLayered: one node per flowchart node, plus a stand-in for each
  // empty subgraph so that its box is still drawn.
  LayeredGraph graph;
  std::vector<NodeBox> node_box(n);
  for (size_t i = 0; i < n; ++i) {
    node_box[i] = SizeNode(chart.nodes[i].shape, node_text[i].width, node_text[i].height, fs);
    LayeredGraph::Node gn;
    gn.width = node_box[i].width;
    gn.height = node_box[i].height;
    gn.cluster = chart.nodes[i].subgraph;
    gn.port_span = node_box[i].port_span;
    graph.nodes.push_back(gn);
  }
  std::vector<bool> has_member(ns, false);
  for (const FlowNode& node : chart.nodes)
    for (int c = node.subgraph; c >= 0; c = chart.subgraphs[static_cast<size_t>(c)].parent)
      has_member[static_cast<size_t>(c)] = true;
  for (size_t c = 0; c < ns; ++c) {
    bool child_has = false;
    for (size_t d = 0; d < ns; ++d)
      if (chart.subgraphs[d].parent == static_cast<int>(c) && has_member[d]) child_has = true;
    if (has_member[c] || child_has) continue;
    LayeredGraph::Node stand_in;
    stand_in.width = std::max(fs * 3, title_text[c].width * 0.5f);
    stand_in.height = fs * 1.2f;
    stand_in.cluster = static_cast<int>(c);
    graph.nodes.push_back(stand_in);
    for (int p = static_cast<int>(c); p >= 0; p = chart.subgraphs[static_cast<size_t>(p)].parent)
      has_member[static_cast<size_t>(p)] = true;
  }
  for (const FlowSubgraph& sub : chart.subgraphs) {
    LayeredGraph::Cluster gc;
    gc.parent = sub.parent;
    size_t c = graph.clusters.size();
    gc.title_width = title_text[c].width;
    gc.title_height = title_text[c].height;
    graph.clusters.push_back(gc);
  }
  const float label_pad_x = label_fs * 0.4f, label_pad_y = label_fs * 0.18f;
  for (size_t e = 0; e < chart.edges.size(); ++e) {
    const FlowEdge& fe = chart.edges[e];
    LayeredGraph::Edge ge;
    ge.from = fe.from;
    ge.to = fe.to;
    ge.min_ranks = fe.length;
    ge.weight = fe.from_subgraph >= 0 || fe.to_subgraph >= 0 ? 0.5f : 1.0f;
    if (edge_text[e].width > 0) {
      ge.label_width = edge_text[e].width + 2 * label_pad_x;
      ge.label_height = edge_text[e].height + 2 * label_pad_y;
    }
    graph.edges.push_back(ge);
  }
  LayeredOptions options;
  switch (chart.direction) {
    case FlowDirection::kTopBottom:
      options.direction = LayeredDirection::kTopBottom;
      break;
    case FlowDirection::kBottomTop:
      options.direction = LayeredDirection::kBottomTop;
      break;
    case FlowDirection::kLeftRight:
      options.direction = LayeredDirection::kLeftRight;
      break;
    case FlowDirection::kRightLeft:
      options.direction = LayeredDirection::kRightLeft;
      break;
  }
  bool horizontal = options.direction == LayeredDirection::kLeftRight ||
                    options.direction == LayeredDirection::kRightLeft;
  options.node_gap = fs * (horizontal ? 0.9f : 1.3f);
  options.rank_gap = fs * (horizontal ? 2.0f : 1.7f);
  options.edge_gap = fs * 0.5f;
  options.cluster_padding = fs * 0.55f;
  options.loop_size = fs * 0.9f;
  LayeredLayout placed = LayoutLayered(graph, options);
  if (!placed.ok) {
    result.problem = placed.problem;
    return result;
  }

  // Geometry at full size, shifted by a margin so strokes and arrowheads stay inside.
  const float stroke = std::max(1.5f, fs * 0.065f);
  const float margin = stroke * 2;
  const float arrow_len = fs * 0.42f, arrow_half = fs * 0.19f;
  const float corner_radius = options.edge_gap * 0.8f;
  FlowchartGeometry& geo = result.geometry;
  geo.nodes.resize(n);
  for (size_t i = 0; i < n; ++i) {
    float cx = placed.nodes[i].x + margin, cy = placed.nodes[i].y + margin;
    Rect r{cx - node_box[i].width * 0.5f, cy - node_box[i].height * 0.5f,
           cx + node_box[i].width * 0.5f, cy + node_box[i].height * 0.5f};
    geo.nodes[i].box = r;
    geo.nodes[i].outline = Outline(chart.nodes[i].shape, r, fs);
  }
  geo.subgraphs.resize(ns);
  for (size_t c = 0; c < ns; ++c) {
    const LayeredLayout::Cluster& lc = placed.clusters[c];
    geo.subgraphs[c] = {lc.x0 + margin, lc.y0 + margin, lc.x1 + margin, lc.y1 + margin};
  }
  auto box_polygon = [](Rect r) {
    return std::vector<P>{{r.x0, r.y0}, {r.x1, r.y0}, {r.x1, r.y1}, {r.x0, r.y1}};
  };
  geo.edges.resize(chart.edges.size());
  for (size_t e = 0; e < chart.edges.size(); ++e) {
    if (edge_text[e].width <= 0) continue;
    FlowchartGeometry::Edge& ge = geo.edges[e];
    ge.has_label = true;
    float lw = edge_text[e].width + 2 * label_pad_x, lh = edge_text[e].height + 2 * label_pad_y;
    float lx = placed.edges[e].label.x + margin, ly = placed.edges[e].label.y + margin;
    ge.label = {lx - lw * 0.5f, ly - lh * 0.5f, lx + lw * 0.5f, ly + lh * 0.5f};
  }
  // What a line must not cross: other nodes (with a little air), other edges' labels and
  // subgraph titles.
  std::vector<Obstacle> obstacles;
  const float air = fs * 0.12f;
  for (size_t i = 0; i < n; ++i) {
    Rect r = geo.nodes[i].box;
    obstacles.push_back(
        {{r.x0 - air, r.y0 - air, r.x1 + air, r.y1 + air}, static_cast<int>(i), -1});
  }
  for (size_t e = 0; e < chart.edges.size(); ++e)
    if (geo.edges[e].has_label) obstacles.push_back({geo.edges[e].label, -1, static_cast<int>(e)});
  // Subgraph titles sit in the box's top-left corner, where edges into the box rarely pass.
  auto title_rect = [&](size_t c) {
    const Rect& box = geo.subgraphs[c];
    float x = box.x0 + options.cluster_padding * 0.6f, y = box.y0 + options.cluster_padding * 0.5f;
    return Rect{x, y, x + title_text[c].width, y + title_text[c].height};
  };
  for (size_t c = 0; c < ns; ++c)
    if (title_text[c].width > 0) obstacles.push_back({title_rect(c), -1, -1});
  for (size_t e = 0; e < chart.edges.size(); ++e) {
    const FlowEdge& fe = chart.edges[e];
    FlowchartGeometry::Edge& ge = geo.edges[e];
    ge.from = fe.from;
    ge.to = fe.to;
    ge.drawn = fe.stroke != EdgeStroke::kInvisible;
    ge.self_loop = placed.edges[e].self_loop;
    std::vector<P> path;
    for (const LayeredPoint& p : placed.edges[e].points)
      path.push_back({p.x + margin, p.y + margin});
    if (path.size() < 2) continue;
    // The obstacles near this edge.
    Rect near{path[0].x, path[0].y, path[0].x, path[0].y};
    for (const P& p : path)
      near = {std::min(near.x0, p.x), std::min(near.y0, p.y), std::max(near.x1, p.x),
              std::max(near.y1, p.y)};
    std::vector<Rect> local;
    for (const Obstacle& o : obstacles) {
      if (o.node == fe.from || o.node == fe.to || o.edge == static_cast<int>(e)) continue;
      if (o.box.x1 < near.x0 || o.box.x0 > near.x1 || o.box.y1 < near.y0 || o.box.y0 > near.y1)
        continue;
      local.push_back(o.box);
    }
    auto clear = [&](P a, P b) {
      for (const Rect& r : local)
        if (SegmentHitsRect(a, b, r)) return false;
      return true;
    };
    if (!ge.self_loop) {
      // Pull the string: drop the bends a straight line can do without, keeping the
      // point that carries the label.
      std::vector<bool> fixed(path.size(), false);
      if (ge.has_label) {
        // The line passes through its label's centre (a fixed point); the route's points at
        // the label band's edges stay, for when a straight line to the centre is blocked.
        const Rect& l = ge.label;
        auto in_label = [&](P p) {
          return p.x >= l.x0 - 0.5f && p.x <= l.x1 + 0.5f && p.y >= l.y0 - 0.5f &&
                 p.y <= l.y1 + 0.5f;
        };
        std::vector<P> through;
        size_t centre_at = 0;
        for (size_t k = 0; k < path.size(); ++k) {
          through.push_back(path[k]);
          if (centre_at == 0 && k > 0 && in_label(path[k])) {
            centre_at = through.size();
            through.push_back({(l.x0 + l.x1) * 0.5f, (l.y0 + l.y1) * 0.5f});
          }
        }
        path = std::move(through);
        fixed.assign(path.size(), false);
        if (centre_at > 0 && centre_at + 1 < path.size()) fixed[centre_at] = true;
      }
      // A line leaves and enters its nodes through the side facing the neighbouring rank
      // (as the route does), never through a side wall: else a fan of edges would all
      // start from one corner.
      P rank_dir = options.direction == LayeredDirection::kTopBottom   ? P{0, 1}
                   : options.direction == LayeredDirection::kBottomTop ? P{0, -1}
                   : options.direction == LayeredDirection::kLeftRight ? P{1, 0}
                                                                       : P{-1, 0};
      auto faces = [&](size_t node, P inside, P outside, P towards) {
        const FlowchartGeometry::Node& gn = geo.nodes[node];
        P hit;
        if (!LastCrossing(outside, inside, gn.outline, &hit)) return true;
        float cx = (gn.box.x0 + gn.box.x1) * 0.5f, cy = (gn.box.y0 + gn.box.y1) * 0.5f;
        float side = (towards.x - inside.x) * rank_dir.x + (towards.y - inside.y) * rank_dir.y >= 0
                         ? 1.0f
                         : -1.0f;
        float along = ((hit.x - cx) * rank_dir.x + (hit.y - cy) * rank_dir.y) * side;
        float half = std::fabs(rank_dir.x) * gn.box.width() * 0.5f +
                     std::fabs(rank_dir.y) * gn.box.height() * 0.5f;
        NodeShape shape =
            static_cast<size_t>(node) < n ? chart.nodes[node].shape : NodeShape::kRect;
        bool pointed = shape == NodeShape::kDiamond || shape == NodeShape::kCircle ||
                       shape == NodeShape::kDoubleCircle || shape == NodeShape::kHexagon;
        return along >= half * (pointed ? 0.5f : 0.9f);
      };
      std::vector<P> pulled{path[0]};
      size_t i = 0;
      size_t last = path.size() - 1;
      while (i + 1 < path.size()) {
        size_t next = i + 1;
        size_t far = std::min(path.size() - 1, i + 24);
        for (size_t k = far; k > i + 1; --k) {
          bool blocked = false;
          for (size_t m = i + 1; m < k && !blocked; ++m) blocked = fixed[m];
          if (!blocked && i == 0 && !faces(static_cast<size_t>(fe.from), path[0], path[k], path[1]))
            blocked = true;
          if (!blocked && k == last &&
              !faces(static_cast<size_t>(fe.to), path[last], path[i], path[last - 1]))
            blocked = true;
          if (!blocked && clear(path[i], path[k])) {
            next = k;
            break;
          }
        }
        pulled.push_back(path[next]);
        i = next;
      }
      path = std::move(pulled);
    }
    ClipStart(path, geo.nodes[static_cast<size_t>(fe.from)].outline);
    ClipEnd(path, geo.nodes[static_cast<size_t>(fe.to)].outline);
    if (fe.from_subgraph >= 0) {
      ClipStart(path, box_polygon(geo.subgraphs[static_cast<size_t>(fe.from_subgraph)]));
      ge.from_subgraph = true;
    }
    if (fe.to_subgraph >= 0) {
      ClipEnd(path, box_polygon(geo.subgraphs[static_cast<size_t>(fe.to_subgraph)]));
      ge.to_subgraph = true;
    }
    float keep_start = fe.start == EdgeEnd::kNone ? 0 : arrow_len * 1.2f;
    float keep_end = fe.end == EdgeEnd::kNone ? 0 : arrow_len * 1.2f;
    path = Simplify(path);
    if (ge.self_loop) {
      ge.path = RoundCorners(path, options.loop_size * 0.45f, keep_start, keep_end);
      continue;
    }
    // Corners as round as the neighbourhood allows.
    ge.path = path;
    for (float radius : {options.rank_gap, options.rank_gap * 0.5f, corner_radius}) {
      std::vector<P> round = RoundCorners(path, radius, keep_start, keep_end);
      bool ok = true;
      for (size_t k = 0; k + 1 < round.size() && ok; ++k) ok = clear(round[k], round[k + 1]);
      if (ok) {
        ge.path = std::move(round);
        break;
      }
    }
  }
  float width = placed.width + 2 * margin, height = placed.height + 2 * margin;

  // Fit: one uniform scale, not below the floor.
  float scale = 1;
  if (sizing.max_width > 0) scale = std::min(scale, sizing.max_width / width);
  if (sizing.max_height > 0) scale = std::min(scale, sizing.max_height / height);
  if (scale < sizing.min_scale) {
    scale = sizing.min_scale;
    result.overflow = true;
  }
  result.scale = scale;
  result.box.width = width * scale;
  result.box.ascent = 0;
  result.box.descent = height * scale;

  Emitter out{&result.box, scale};
  auto emit_text = [&](const std::string& text, const TextStyle& style, float wrap, float cx,
                       float cy, uint32_t color) {
    out.Text(fonts, text, style, wrap, cx, cy, color);
    if (!result.text.empty()) result.text += '\n';
    result.text += text;
  };

  // Subgraphs: boxes with their titles, outer before inner.
  for (size_t c = 0; c < ns; ++c) {
    const FlowSubgraph& sub = chart.subgraphs[c];
    Rect r = geo.subgraphs[c];
    if (r.width() <= 0) continue;
    out.Rectangle(r, sub.colors.fill ? sub.colors.fill : palette.cluster_fill, fs * 0.2f);
    out.RectangleOutline(r, sub.colors.stroke ? sub.colors.stroke : palette.cluster_stroke,
                         fs * 0.2f, stroke * 0.75f);
    if (!sub.title.empty()) {
      Rect t = title_rect(c);
      emit_text(sub.title, title_style, node_wrap * 2, (t.x0 + t.x1) * 0.5f, (t.y0 + t.y1) * 0.5f,
                sub.colors.text ? sub.colors.text : palette.cluster_text);
    }
  }

  // Edges: lines, then their ends.
  for (size_t e = 0; e < chart.edges.size(); ++e) {
    const FlowEdge& fe = chart.edges[e];
    const FlowchartGeometry::Edge& ge = geo.edges[e];
    if (!ge.drawn || ge.path.size() < 2) continue;
    float thickness = fe.stroke == EdgeStroke::kThick ? stroke * 2.2f : stroke;
    float head = fe.stroke == EdgeStroke::kThick ? 1.25f : 1.0f;
    std::vector<P> line = ge.path;
    auto end_mark = [&](EdgeEnd end, bool at_start) {
      if (end == EdgeEnd::kNone) return;
      std::vector<P> path = line;
      if (at_start) std::reverse(path.begin(), path.end());
      P dir;
      P tip = path.back();
      BackAlong(path, arrow_len * head, &dir);
      P nrm{-dir.y, dir.x};
      if (end == EdgeEnd::kArrow) {
        P base{tip.x - dir.x * arrow_len * head, tip.y - dir.y * arrow_len * head};
        out.Shape(LayoutItemKind::kPolygon,
                  {tip,
                   {base.x + nrm.x * arrow_half * head, base.y + nrm.y * arrow_half * head},
                   {base.x - nrm.x * arrow_half * head, base.y - nrm.y * arrow_half * head}},
                  palette.edge, false, 0);
      } else if (end == EdgeEnd::kCircle) {
        float r = arrow_half * 1.05f * head;
        std::vector<P> circle;
        AddArc(circle, tip.x - dir.x * r, tip.y - dir.y * r, r, r, 0, 360, 24);
        circle.pop_back();
        out.Shape(LayoutItemKind::kPolygon, circle, palette.edge, false, 0);
      } else {
        float r = arrow_half * 1.1f * head;
        P c{tip.x - dir.x * r, tip.y - dir.y * r};
        float k = 0.7071f;
        P d1{(dir.x + nrm.x) * k * r, (dir.y + nrm.y) * k * r},
            d2{(dir.x - nrm.x) * k * r, (dir.y - nrm.y) * k * r};
        out.Line({c.x - d1.x, c.y - d1.y}, {c.x + d1.x, c.y + d1.y}, palette.edge,
                 thickness * 1.2f);
        out.Line({c.x - d2.x, c.y - d2.y}, {c.x + d2.x, c.y + d2.y}, palette.edge,
                 thickness * 1.2f);
      }
    };
    // The line stops under an arrowhead, so its end does not poke through the tip.
    if (fe.end == EdgeEnd::kArrow) TrimEnd(line, arrow_len * head * 0.6f);
    if (fe.end == EdgeEnd::kCircle || fe.end == EdgeEnd::kCross) TrimEnd(line, arrow_half * head);
    if (fe.start != EdgeEnd::kNone) {
      std::reverse(line.begin(), line.end());
      TrimEnd(line, fe.start == EdgeEnd::kArrow ? arrow_len * head * 0.6f : arrow_half * head);
      std::reverse(line.begin(), line.end());
    }
    if (fe.stroke == EdgeStroke::kDotted)
      out.Dashed(line, palette.edge, thickness, std::max(thickness * 2.5f, fs * 0.2f));
    else
      out.Shape(LayoutItemKind::kPolyline, line, palette.edge, false, thickness);
    end_mark(fe.end, false);
    end_mark(fe.start, true);
  }
  // Edge labels over their lines.
  for (size_t e = 0; e < chart.edges.size(); ++e) {
    const FlowchartGeometry::Edge& ge = geo.edges[e];
    if (!ge.has_label || !ge.drawn) continue;
    out.Rectangle(ge.label, palette.label_fill, label_fs * 0.25f);
    emit_text(chart.edges[e].label, edge_style, label_wrap, (ge.label.x0 + ge.label.x1) * 0.5f,
              (ge.label.y0 + ge.label.y1) * 0.5f, palette.label_text);
  }
  // Nodes.
  for (size_t i = 0; i < n; ++i) {
    const FlowNode& node = chart.nodes[i];
    const Rect& r = geo.nodes[i].box;
    uint32_t fill = node.colors.fill ? node.colors.fill : palette.node_fill;
    uint32_t line = node.colors.stroke ? node.colors.stroke : palette.node_stroke;
    uint32_t text = node.colors.text ? node.colors.text : palette.node_text;
    const std::vector<P>& outline = geo.nodes[i].outline;
    switch (node.shape) {
      case NodeShape::kRect:
      case NodeShape::kRounded:
      case NodeShape::kSubroutine: {
        float rounding = node.shape == NodeShape::kRounded ? std::min(fs * 0.35f, r.height() * 0.5f)
                                                           : fs * 0.06f;
        out.Rectangle(r, fill, rounding);
        out.RectangleOutline(r, line, rounding, stroke);
        if (node.shape == NodeShape::kSubroutine) {
          float inset = fs * 0.3f;
          out.Line({r.x0 + inset, r.y0}, {r.x0 + inset, r.y1}, line, stroke);
          out.Line({r.x1 - inset, r.y0}, {r.x1 - inset, r.y1}, line, stroke);
        }
        break;
      }
      case NodeShape::kAsymmetric: {
        // Concave: filled as three convex pieces.
        float notch = r.height() * 0.25f, cy = (r.y0 + r.y1) * 0.5f;
        out.Shape(LayoutItemKind::kPolygon,
                  {{r.x0 + notch, r.y0}, {r.x1, r.y0}, {r.x1, r.y1}, {r.x0 + notch, r.y1}}, fill,
                  false, 0);
        out.Shape(LayoutItemKind::kPolygon,
                  {{r.x0, r.y0}, {r.x0 + notch + 0.5f, r.y0}, {r.x0 + notch + 0.5f, cy}}, fill,
                  false, 0);
        out.Shape(LayoutItemKind::kPolygon,
                  {{r.x0 + notch + 0.5f, cy}, {r.x0 + notch + 0.5f, r.y1}, {r.x0, r.y1}}, fill,
                  false, 0);
        out.Shape(LayoutItemKind::kPolygon, outline, line, true, stroke);
        break;
      }
      default:
        out.Shape(LayoutItemKind::kPolygon, outline, fill, false, 0);
        out.Shape(LayoutItemKind::kPolygon, outline, line, true, stroke);
        break;
    }
    if (node.shape == NodeShape::kCylinder) {
      float ry = CylinderCap(r.width(), fs), cx = (r.x0 + r.x1) * 0.5f;
      std::vector<P> front;
      AddArc(front, cx, r.y0 + ry, r.width() * 0.5f, ry, 180, 0, 20);
      out.Shape(LayoutItemKind::kPolyline, front, line, false, stroke);
    } else if (node.shape == NodeShape::kDoubleCircle) {
      float gap = fs * 0.2f;
      std::vector<P> inner;
      AddArc(inner, (r.x0 + r.x1) * 0.5f, (r.y0 + r.y1) * 0.5f, r.width() * 0.5f - gap,
             r.height() * 0.5f - gap, 0, 360, 64);
      inner.pop_back();
      out.Shape(LayoutItemKind::kPolygon, inner, line, true, stroke);
    }
    float cx = (r.x0 + r.x1) * 0.5f + node_box[i].text_dx,
          cy = (r.y0 + r.y1) * 0.5f + node_box[i].text_dy;
    emit_text(node.label, node_style, wrap_of(node), cx, cy, text);
  }

  // The geometry in the box's coordinates.
  auto scale_point = [&](P& p) { p.x *= scale, p.y *= scale; };
  auto scale_rect = [&](Rect& r) { r = {r.x0 * scale, r.y0 * scale, r.x1 * scale, r.y1 * scale}; };
  for (auto& node : geo.nodes) {
    scale_rect(node.box);
    for (P& p : node.outline) scale_point(p);
  }
  for (auto& edge : geo.edges) {
    for (P& p : edge.path) scale_point(p);
    scale_rect(edge.label);
  }
  for (Rect& r : geo.subgraphs) scale_rect(r);
  // Stand-ins of empty subgraphs are in geometry too, never drawn.
  for (size_t i = n; i < graph.nodes.size(); ++i) {
    FlowchartGeometry::Node stand_in;
    float cx = (placed.nodes[i].x + margin) * scale, cy = (placed.nodes[i].y + margin) * scale;
    float hw = graph.nodes[i].width * 0.5f * scale, hh = graph.nodes[i].height * 0.5f * scale;
    stand_in.box = {cx - hw, cy - hh, cx + hw, cy + hh};
    stand_in.drawn = false;
    geo.nodes.push_back(stand_in);
  }
  result.ok = true;
  return result;
}

}  // namespace podium
