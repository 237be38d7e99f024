// LayoutLayered: a directed graph with node sizes → positions, in the layered (Sugiyama)
// style of dot and dagre. Knows nothing of fonts, shapes or mermaid: sizes in, geometry out.
//
//   LayeredGraph g;
//   g.nodes = {{120, 60}, {120, 60}};
//   g.edges = {{0, 1}};
//   LayeredLayout l = LayoutLayered(g, LayeredOptions{});
//   l.nodes[1].y > l.nodes[0].y            // top to bottom by default
//
// The passes, in order:
//   1. cycles     a DFS in input order; its back edges are laid out reversed
//   2. ranks      longest path from the sources, then nodes slide towards their neighbours
//                 while that shortens the edges (a coordinate descent on network
//                 simplex's objective). Ranks are doubled as in dagre: every edge spans at
//                 least two, so its label, and its bend, has a rank of its own.
//   3. dummies    long edges become chains of dummy nodes, one per rank they cross; each
//                 cluster gets a filler where it has no node, so its box stays solid
//   4. order      DFS order, then barycenter sweeps down and up, keeping the order with the
//                 fewest crossings; a cluster's nodes stay together in every rank, and
//                 sibling clusters keep one left-to-right order in all ranks
//   5. across     positions along the rank: springs along the edges (stiffer between
//                 dummies, so long edges run straight), projected onto the separation
//                 constraints of each rank and of the cluster borders; always feasible
//   6. ranks' y   bands as tall as their tallest node, gaps widened for cluster borders
//   7. routes     each edge leaves its node through a port on the side facing the next rank,
//                 crosses every rank band straight and the gaps between them diagonally:
//                 so no segment can cross a node that is not its own
//   8. direction  TB as computed; BT flips, LR and RL transpose
//
// Everything comes back in the final (screen) orientation. Nothing fails: a graph over
// kMaxLayerNodes (nodes + dummies) comes back with ok = false and no geometry.
#pragma once

#include <string>
#include <vector>

namespace podium {

inline constexpr int kMaxLayerNodes = 12000;

enum class LayeredDirection { kTopBottom, kBottomTop, kLeftRight, kRightLeft };

struct LayeredPoint {
  float x = 0, y = 0;
};

struct LayeredGraph {
  struct Node {
    float width = 0, height = 0;  // on screen
    int cluster = -1;             // innermost cluster, -1 for none
    // Share of the side facing the next rank that edges may leave or enter through (1 for
    // a rectangle; less for a diamond or a circle, whose border bends away).
    float port_span = 1;
  };
  struct Edge {
    int from = 0, to = 0;
    int min_ranks = 1;      // mermaid's length: `--->` asks for 2
    float weight = 1;       // 0 for edges that should not pull (never for real ones)
    float label_width = 0;  // on screen; 0 = no label
    float label_height = 0;
  };
  struct Cluster {
    int parent = -1;
    float title_width = 0, title_height = 0;  // on screen
  };
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  std::vector<Cluster> clusters;  // parents before children
};

struct LayeredOptions {
  LayeredDirection direction = LayeredDirection::kTopBottom;
  float node_gap = 40;         // between neighbours in a rank
  float edge_gap = 16;         // next to an edge's bend
  float rank_gap = 56;         // between the bands of two ranks
  float cluster_padding = 18;  // inside a cluster's box, around its content
  float loop_size = 28;        // how far a self-loop reaches out
};

struct LayeredLayout {
  struct Node {
    float x = 0, y = 0;  // centre
    int rank = 0;        // doubled rank (0, 2, 4, …), in layout order
  };
  struct Edge {
    // From the source's centre line to the target's: points.front() lies inside the
    // source and points.back() inside the target; the segments next to them cross the
    // border once (clip there). Reversed edges are already turned back.
    std::vector<LayeredPoint> points;
    LayeredPoint label;  // centre of the label, when the edge has one
    bool reversed = false;
    bool self_loop = false;
  };
  struct Cluster {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    LayeredPoint title;  // centre of the title's line
  };
  bool ok = true;
  std::string problem;  // why not ok
  float width = 0, height = 0;
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  std::vector<Cluster> clusters;
  int crossings = 0;  // edge crossings left by the order pass (between adjacent ranks)
};

LayeredLayout LayoutLayered(const LayeredGraph& graph, const LayeredOptions& options);

// Nodes plus the dummies LayoutLayered would create (cheap: cycles and ranks only), for
// checking a diagram against kMaxLayerNodes without laying it out.
int CountLayerNodes(const LayeredGraph& graph);

}  // namespace podium
