// The flowchart layout checked geometrically: nodes never overlap, no edge runs through a
// node that is not its own, edges end on their nodes' borders, subgraph boxes hold exactly
// their nodes, ranks follow the direction, and hostile input stays bounded.
#include "diagram/flowchart_layout.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <random>
#include <string>

#include "diagram/layered_layout.h"
#include "diagram/mermaid.h"
#include "layout/theme.h"
#include "test_fonts.h"

namespace podium {
namespace {

using P = LayoutPoint;

// A 20-node graph: a cycle, a self-loop, a subgraph (nested), long edges, labels.
constexpr const char* kTwentyNodes = R"(flowchart TD
  start([Start]) --> parse[Parse input]
  parse --> check{Valid?}
  check -->|no| report[Report error] --> start
  check -->|yes| plan[Plan]
  subgraph work [Worker pool]
    plan --> split[Split] --> w1[Worker 1] & w2[Worker 2] & w3[Worker 3]
    subgraph merge_step [Merge]
      w1 & w2 & w3 --> merge((Merge))
    end
  end
  merge --> store[(Store)]
  store --> index[[Index]] --> search{{Search}}
  search --> rank[/Rank/] --> show>Show]
  parse --> log[Log] --> audit[Audit]
  start --> audit
  audit ----> archive[\Archive\]
  show --> done(((Done)))
  archive --> done
  retry[Retry] --> retry
  report -.-> retry
  plan ==> search
)";

FlowchartResult Lay(const std::string& source, FlowchartSizing sizing = {}) {
  MermaidDiagram d = ParseMermaid(source);
  EXPECT_EQ(d.kind, DiagramKind::kFlowchart);
  return LayoutFlowchart(d.flowchart, test::Fonts(), ThemeNamed("default"), sizing);
}

bool Overlap(const Rect& a, const Rect& b, float tolerance) {
  return a.x0 + tolerance < b.x1 && b.x0 + tolerance < a.x1 && a.y0 + tolerance < b.y1 &&
         b.y0 + tolerance < a.y1;
}

bool Contains(const Rect& outer, const Rect& inner, float tolerance) {
  return inner.x0 >= outer.x0 - tolerance && inner.y0 >= outer.y0 - tolerance &&
         inner.x1 <= outer.x1 + tolerance && inner.y1 <= outer.y1 + tolerance;
}

// Whether segment a→b passes through the inside of r shrunk by `inset`.
bool SegmentEntersRect(P a, P b, Rect r, float inset) {
  r = {r.x0 + inset, r.y0 + inset, r.x1 - inset, r.y1 - inset};
  if (r.x0 >= r.x1 || r.y0 >= r.y1) return false;
  float t0 = 0, t1 = 1, dx = b.x - a.x, dy = b.y - a.y;
  auto clip = [&](float p, float q) {
    if (p == 0) return q > 0;
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
         clip(dy, r.y1 - a.y) && t0 < t1;
}

float DistanceToOutline(P p, const std::vector<P>& poly) {
  float best = 1e30f;
  for (size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
    P a = poly[j], b = poly[i];
    float dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    float t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0f, 1.0f) : 0;
    best = std::min(best, std::hypot(p.x - a.x - t * dx, p.y - a.y - t * dy));
  }
  return best;
}

// Everything the layout promises, for one diagram.
void ExpectTidy(const std::string& source, const FlowchartResult& r) {
  SCOPED_TRACE(source);
  ASSERT_TRUE(r.ok) << r.problem;
  MermaidDiagram d = ParseMermaid(source);
  const Flowchart& chart = d.flowchart;
  const FlowchartGeometry& g = r.geometry;
  ASSERT_GE(g.nodes.size(), chart.nodes.size());
  // Nodes apart, and inside the box.
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    EXPECT_TRUE(Contains({0, 0, r.box.width, r.box.descent}, g.nodes[i].box, 0.5f)) << "node " << i;
    for (size_t j = i + 1; j < g.nodes.size(); ++j)
      EXPECT_FALSE(Overlap(g.nodes[i].box, g.nodes[j].box, 0.5f))
          << "nodes " << i << " and " << j << " overlap";
  }
  // Edges: through no other node or label, ending on their own nodes' borders.
  for (size_t e = 0; e < g.edges.size(); ++e) {
    const FlowchartGeometry::Edge& edge = g.edges[e];
    if (!edge.drawn) continue;
    ASSERT_GE(edge.path.size(), 2u) << "edge " << e;
    for (size_t k = 0; k + 1 < edge.path.size(); ++k) {
      for (size_t i = 0; i < chart.nodes.size(); ++i) {
        if (static_cast<int>(i) == edge.from || static_cast<int>(i) == edge.to) continue;
        EXPECT_FALSE(SegmentEntersRect(edge.path[k], edge.path[k + 1], g.nodes[i].box, 1.0f))
            << "edge " << chart.nodes[static_cast<size_t>(edge.from)].id << "→"
            << chart.nodes[static_cast<size_t>(edge.to)].id << " runs through node "
            << chart.nodes[i].id;
      }
      for (size_t f = 0; f < g.edges.size(); ++f) {
        if (f == e || !g.edges[f].has_label) continue;
        EXPECT_FALSE(SegmentEntersRect(edge.path[k], edge.path[k + 1], g.edges[f].label, 1.0f))
            << "edge " << e << " runs under the label of edge " << f;
      }
    }
    float tolerance = 1.0f;
    if (!edge.from_subgraph)
      EXPECT_LT(
          DistanceToOutline(edge.path.front(), g.nodes[static_cast<size_t>(edge.from)].outline),
          tolerance)
          << "edge " << e << " does not start on its source's border";
    if (!edge.to_subgraph)
      EXPECT_LT(DistanceToOutline(edge.path.back(), g.nodes[static_cast<size_t>(edge.to)].outline),
                tolerance)
          << "edge " << e << " does not end on its target's border";
  }
  // Labels clear of nodes and of each other.
  for (size_t e = 0; e < g.edges.size(); ++e) {
    if (!g.edges[e].has_label) continue;
    for (size_t i = 0; i < g.nodes.size(); ++i)
      EXPECT_FALSE(Overlap(g.edges[e].label, g.nodes[i].box, 0.5f))
          << "label " << e << " on node " << i;
    for (size_t f = e + 1; f < g.edges.size(); ++f)
      if (g.edges[f].has_label) EXPECT_FALSE(Overlap(g.edges[e].label, g.edges[f].label, 0.5f));
  }
  // Subgraph boxes hold their nodes and no other; nested inside their parents; siblings
  // apart.
  for (size_t c = 0; c < chart.subgraphs.size(); ++c) {
    const Rect& box = g.subgraphs[c];
    for (size_t i = 0; i < chart.nodes.size(); ++i) {
      bool member = false;
      for (int s = chart.nodes[i].subgraph; s >= 0;
           s = chart.subgraphs[static_cast<size_t>(s)].parent)
        member |= s == static_cast<int>(c);
      if (member)
        EXPECT_TRUE(Contains(box, g.nodes[i].box, 0.5f))
            << chart.nodes[i].id << " outside subgraph " << chart.subgraphs[c].id;
      else
        EXPECT_FALSE(Overlap(box, g.nodes[i].box, 0.5f))
            << chart.nodes[i].id << " inside subgraph " << chart.subgraphs[c].id;
    }
    int parent = chart.subgraphs[c].parent;
    if (parent >= 0) EXPECT_TRUE(Contains(g.subgraphs[static_cast<size_t>(parent)], box, 0.5f));
    for (size_t o = c + 1; o < chart.subgraphs.size(); ++o) {
      bool related = false;
      for (int s = chart.subgraphs[o].parent; s >= 0;
           s = chart.subgraphs[static_cast<size_t>(s)].parent)
        related |= s == static_cast<int>(c);
      for (int s = chart.subgraphs[c].parent; s >= 0;
           s = chart.subgraphs[static_cast<size_t>(s)].parent)
        related |= s == static_cast<int>(o);
      if (!related)
        EXPECT_FALSE(Overlap(box, g.subgraphs[o], 0.5f))
            << "subgraphs " << c << " and " << o << " overlap";
    }
  }
}

TEST(FlowchartLayoutTest, TwentyNodeGraphIsTidyInEveryDirection) {
  for (const char* direction : {"TD", "BT", "LR", "RL"}) {
    std::string source = kTwentyNodes;
    source.replace(source.find("TD"), 2, direction);
    MermaidDiagram d = ParseMermaid(source);
    ASSERT_EQ(d.flowchart.nodes.size(), 20u);
    EXPECT_TRUE(d.diagnostics.empty());
    ExpectTidy(source, Lay(source));
  }
}

TEST(FlowchartLayoutTest, RanksFollowTheDirection) {
  struct Case {
    const char* direction;
    float dx, dy;  // where each next node must lie
  };
  for (Case c : {Case{"TB", 0, 1}, Case{"TD", 0, 1}, Case{"BT", 0, -1}, Case{"LR", 1, 0},
                 Case{"RL", -1, 0}}) {
    std::string source = std::string("flowchart ") + c.direction + "\n  A --> B --> C\n  A --> C\n";
    FlowchartResult r = Lay(source);
    ASSERT_TRUE(r.ok);
    const auto& n = r.geometry.nodes;
    for (size_t i = 0; i + 1 < 3; ++i) {
      float cx0 = (n[i].box.x0 + n[i].box.x1) * 0.5f, cy0 = (n[i].box.y0 + n[i].box.y1) * 0.5f;
      float cx1 = (n[i + 1].box.x0 + n[i + 1].box.x1) * 0.5f,
            cy1 = (n[i + 1].box.y0 + n[i + 1].box.y1) * 0.5f;
      float along = (cx1 - cx0) * c.dx + (cy1 - cy0) * c.dy;
      EXPECT_GT(along, 10) << c.direction << ": node " << i + 1 << " is not after node " << i;
      // The next rank starts after this one ends.
      if (c.dy > 0) EXPECT_GT(n[i + 1].box.y0, n[i].box.y1);
      if (c.dy < 0) EXPECT_LT(n[i + 1].box.y1, n[i].box.y0);
      if (c.dx > 0) EXPECT_GT(n[i + 1].box.x0, n[i].box.x1);
      if (c.dx < 0) EXPECT_LT(n[i + 1].box.x1, n[i].box.x0);
    }
    ExpectTidy(source, r);
  }
}

TEST(FlowchartLayoutTest, CyclesKeepTheirArrows) {
  std::string source = "flowchart TD\n  A --> B --> C --> A\n";
  FlowchartResult r = Lay(source);
  ASSERT_TRUE(r.ok);
  const auto& g = r.geometry;
  // A → B and B → C go down; C → A, laid out reversed, goes back up from C to A.
  EXPECT_LT(g.edges[0].path.front().y, g.edges[0].path.back().y);
  EXPECT_LT(g.edges[1].path.front().y, g.edges[1].path.back().y);
  EXPECT_GT(g.edges[2].path.front().y, g.edges[2].path.back().y);
  ExpectTidy(source, r);
}

TEST(FlowchartLayoutTest, AChainWithAWayBackStaysOnOneLine) {
  // The showcase deck's loop: six steps left to right and an edge from the last back to the
  // first. The way back goes round below; the six boxes sit on one line, the two ends too
  // (they had come out a pixel low, pulled by the way back).
  std::string source =
      "flowchart LR\n  A[线上踩坑] --> B[内部复盘] --> C[技术博客] --> D[Meetup 演讲] --> "
      "E[听众提 Issue] --> F[开源 PR]\n  F --> A\n";
  FlowchartResult r = Lay(source);
  ASSERT_TRUE(r.ok);
  ASSERT_EQ(r.geometry.nodes.size(), 6u);
  const float centre = (r.geometry.nodes[1].box.y0 + r.geometry.nodes[1].box.y1) * 0.5f;
  for (const auto& node : r.geometry.nodes)
    EXPECT_NEAR((node.box.y0 + node.box.y1) * 0.5f, centre, 0.05f);
  ExpectTidy(source, r);
}

TEST(FlowchartLayoutTest, EdgesEndOnCurvedAndSlantedBorders) {
  std::string source =
      "flowchart LR\n  a((circle)) --> b{diamond} --> c{{hexagon}} --> d([stadium]) --> e[(db)]\n"
      "  a --> c\n  b --> d\n  a --> e\n";
  ExpectTidy(source, Lay(source));
}

TEST(FlowchartLayoutTest, RandomGraphsWithSubgraphsAreTidy) {
  std::mt19937 random(20240611);
  for (int round = 0; round < 80; ++round) {
    int nodes = 6 + static_cast<int>(random() % 18);
    std::string source = round % 4 == 0   ? "flowchart LR\n"
                         : round % 4 == 1 ? "flowchart BT\n"
                                          : "flowchart TD\n";
    auto node = [&](int i) { return "n" + std::to_string(i); };
    // Some nodes in (nested) subgraphs, declared first.
    int groups = static_cast<int>(random() % 4);
    int next = 0;
    for (int gidx = 0; gidx < groups && next < nodes; ++gidx) {
      source += "  subgraph g" + std::to_string(gidx) + " [Group " + std::to_string(gidx) + "]\n";
      int members = 1 + static_cast<int>(random() % 4);
      for (int m = 0; m < members && next < nodes; ++m) source += "    " + node(next++) + "\n";
      if (random() % 2 && next < nodes) {
        source += "    subgraph h" + std::to_string(gidx) + " [Inner]\n";
        for (int m = 0; m < 2 && next < nodes; ++m) source += "      " + node(next++) + "\n";
        source += "    end\n";
      }
      source += "  end\n";
    }
    int edges = nodes + static_cast<int>(random() % nodes);
    for (int e = 0; e < edges; ++e) {
      int a = static_cast<int>(random() % nodes), b = static_cast<int>(random() % nodes);
      std::string arrow = random() % 5 == 0   ? " -->|l" + std::to_string(e) + "| "
                          : random() % 7 == 0 ? " ---> "
                                              : " --> ";
      source += "  " + node(a) + arrow + node(b) + "\n";
    }
    ExpectTidy(source, Lay(source));
    if (HasFailure()) break;
  }
}

TEST(FlowchartLayoutTest, FitsTheBoxDownToTheFloor) {
  FlowchartSizing sizing;
  sizing.max_width = 300;
  FlowchartResult r = Lay(kTwentyNodes, sizing);
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(r.overflow);
  EXPECT_FLOAT_EQ(r.scale, sizing.min_scale);
  sizing.max_width = 1600;
  sizing.max_height = 1200;
  r = Lay(kTwentyNodes, sizing);
  EXPECT_FALSE(r.overflow);
  EXPECT_LE(r.box.width, 1600.5f);
  EXPECT_LE(r.box.descent, 1200.5f);
  EXPECT_LT(r.scale, 1.0f);
}

TEST(FlowchartLayoutTest, LayeredLayoutRefusesWhatIsTooLarge) {
  // A long chain with edges from its head to every node: quadratic dummies.
  LayeredGraph g;
  g.nodes.resize(400, {20, 10});
  for (int i = 0; i + 1 < 400; ++i) g.edges.push_back({i, i + 1});
  for (int i = 2; i < 400; ++i) g.edges.push_back({0, i});
  EXPECT_GT(CountLayerNodes(g), kMaxLayerNodes);
  LayeredLayout l = LayoutLayered(g, {});
  EXPECT_FALSE(l.ok);
  EXPECT_FALSE(l.problem.empty());
}

TEST(FlowchartLayoutTest, HostileInputStaysBounded) {
  auto start = std::chrono::steady_clock::now();
  // 10,000 nodes: the parser keeps kMaxFlowNodes and says so.
  std::string many = "flowchart TD\n";
  for (int i = 0; i < 10000; ++i)
    many += "  n" + std::to_string(i) + " --> n" + std::to_string(i + 1) + "\n";
  MermaidDiagram d = ParseMermaid(many);
  EXPECT_EQ(d.flowchart.nodes.size(), static_cast<size_t>(kMaxFlowNodes));
  ASSERT_FALSE(d.diagnostics.empty());
  EXPECT_EQ(d.diagnostics[0].code, DiagnosticCode::kLimitExceeded);
  FlowchartResult r = LayoutFlowchart(d.flowchart, test::Fonts(), ThemeNamed("default"), {});
  EXPECT_TRUE(r.ok);
  // A 1 MB label is cut.
  std::string huge = "flowchart LR\n  A[" + std::string(1 << 20, 'x') + "] --> B\n";
  d = ParseMermaid(huge);
  EXPECT_LE(d.flowchart.nodes[0].label.size(), kMaxLabelBytes + 4);
  EXPECT_TRUE(LayoutFlowchart(d.flowchart, test::Fonts(), ThemeNamed("default"), {}).ok);
  // Deep nesting, unbalanced brackets, a self-loop on every node, a complete graph.
  std::string nasty = "flowchart TD\n";
  for (int i = 0; i < 200; ++i) nasty += "subgraph s" + std::to_string(i) + "\n";
  nasty += "A[[(({{x --> B(((\n";
  for (int i = 0; i < 30; ++i)
    nasty += "  c" + std::to_string(i) + " --> c" + std::to_string(i) + "\n";
  for (int i = 0; i < 30; ++i)
    for (int j = 0; j < 30; ++j)
      nasty += "  c" + std::to_string(i) + " --> c" + std::to_string(j) + "\n";
  d = ParseMermaid(nasty);
  r = LayoutFlowchart(d.flowchart, test::Fonts(), ThemeNamed("default"), {});
  EXPECT_TRUE(r.ok || !r.problem.empty());
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 30.0);
}

TEST(FlowchartLayoutTest, DarkThemeUsesItsOwnColours) {
  MermaidDiagram d = ParseMermaid("flowchart LR\n  A --> B\n");
  Theme dark = ThemeNamed("dark");
  FlowchartResult r = LayoutFlowchart(d.flowchart, test::Fonts(), dark, {});
  ASSERT_TRUE(r.ok);
  bool stroke_is_accent = false;
  for (const LayoutItem& item : r.box.items) {
    if (item.kind == LayoutItemKind::kRect) {
      // Node fill: a dark tint, far from white.
      uint32_t c = item.color;
      EXPECT_LT((c & 0xff) + ((c >> 8) & 0xff) + ((c >> 16) & 0xff), 3u * 128);
    }
    if (item.kind == LayoutItemKind::kRectOutline && item.color == dark.accent)
      stroke_is_accent = true;
  }
  EXPECT_TRUE(stroke_is_accent);
}

}  // namespace
}  // namespace podium
