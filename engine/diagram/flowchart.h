// Flowchart: a mermaid `graph`/`flowchart` as plain data — what ParseMermaid() builds and
// LayoutFlowchart() draws.
//
//   MermaidDiagram d = ParseMermaid(source);   // diagram/mermaid.h
//   if (d.kind == DiagramKind::kFlowchart) puts(DumpFlowchart(d.flowchart).c_str());
//
// Nodes, edges and subgraphs refer to each other by index into the vectors below. The
// model owns its strings. Labels keep mermaid's line breaks as '\n' (from `<br>`), with
// entities (`#quot;`) and tags already taken out.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace podium {

enum class FlowDirection {
  kTopBottom,  // TB, TD (the default)
  kBottomTop,  // BT
  kLeftRight,  // LR
  kRightLeft,  // RL
};

enum class NodeShape {
  kRect,              // A[text]
  kRounded,           // A(text)
  kStadium,           // A([text])
  kSubroutine,        // A[[text]]
  kCylinder,          // A[(text)]
  kCircle,            // A((text))
  kDoubleCircle,      // A(((text)))
  kAsymmetric,        // A>text]
  kDiamond,           // A{text}
  kHexagon,           // A{{text}}
  kParallelogram,     // A[/text/]
  kParallelogramAlt,  // A[\text\]
  kTrapezoid,         // A[/text\]
  kTrapezoidAlt,      // A[\text/]
};

enum class EdgeStroke {
  kNormal,     // --- -->
  kDotted,     // -.- -.->
  kThick,      // === ==>
  kInvisible,  // ~~~ (takes part in the layout, never drawn)
};

enum class EdgeEnd {
  kNone,
  kArrow,   // >
  kCircle,  // o
  kCross,   // x
};

// Colours from `style` and `classDef` lines (0 = the theme's). Packed as ImU32 (0xAABBGGRR).
struct FlowColors {
  uint32_t fill = 0;
  uint32_t stroke = 0;
  uint32_t text = 0;
};

struct FlowNode {
  std::string id;
  std::string label;  // the id when no label was given
  NodeShape shape = NodeShape::kRect;
  int subgraph = -1;  // innermost subgraph holding the node, -1 for none
  FlowColors colors;
  int line = 0;  // 1-based line of the diagram source where the node first appears
};

struct FlowEdge {
  int from = 0;  // node indices
  int to = 0;
  // An edge that names a subgraph (`A --> sub`) is laid out to the subgraph's first node
  // and drawn to the subgraph's box: from/to hold that node, these the subgraph (else -1).
  int from_subgraph = -1;
  int to_subgraph = -1;
  std::string label;
  EdgeStroke stroke = EdgeStroke::kNormal;
  EdgeEnd start = EdgeEnd::kNone;  // <-->, o--o, x--x
  EdgeEnd end = EdgeEnd::kArrow;
  int length = 1;  // 1 + the extra dashes of `--->`: the ranks the edge spans at least
  int line = 0;
};

struct FlowSubgraph {
  std::string id;
  std::string title;
  int parent = -1;  // enclosing subgraph, -1 for the top level
  FlowColors colors;
  int line = 0;
};

struct Flowchart {
  FlowDirection direction = FlowDirection::kTopBottom;
  std::vector<FlowNode> nodes;
  std::vector<FlowEdge> edges;
  std::vector<FlowSubgraph> subgraphs;  // a parent comes before its children
};

// A readable dump for the spec tests: one line per node, edge and subgraph.
std::string DumpFlowchart(const Flowchart& chart);

std::string_view NodeShapeName(NodeShape shape);

}  // namespace podium
