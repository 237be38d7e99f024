// LayoutLayered: the layered layout's passes (see layered_layout.h for the overview).
//
// [SECTION] Cycles and ranks
// [SECTION] Layer nodes: real nodes, dummies, cluster fillers
// [SECTION] Order: initial DFS order, cluster-aware barycenter sweeps, crossing count
// [SECTION] Across positions: constraints and the projection solver
// [SECTION] Rank positions, routes, direction
// [SECTION] Entry points
//
// Everything is computed top to bottom ("TB coordinates": x across the ranks, y along
// them) and turned into the requested direction at the very end.
#include "diagram/layered_layout.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <numeric>

namespace podium {
namespace {

// [SECTION] Cycles and ranks ----------------------------------------------------------------

struct RankEdge {
  int from = 0, to = 0;
  int min_len = 2;  // doubled ranks
  float weight = 1;
  int original = 0;
  bool reversed = false;
};

// Reverses the back edges of a DFS in input order (self-loops are not in `edges`).
void BreakCycles(int n, std::vector<RankEdge>& edges) {
  std::vector<std::vector<int>> out(static_cast<size_t>(n));
  for (size_t e = 0; e < edges.size(); ++e)
    out[static_cast<size_t>(edges[e].from)].push_back(static_cast<int>(e));
  std::vector<uint8_t> state(static_cast<size_t>(n), 0);  // 0 new, 1 on the stack, 2 done
  std::vector<std::pair<int, size_t>> stack;
  for (int s = 0; s < n; ++s) {
    if (state[static_cast<size_t>(s)]) continue;
    state[static_cast<size_t>(s)] = 1;
    stack.push_back({s, 0});
    while (!stack.empty()) {
      auto& [v, i] = stack.back();
      const auto& list = out[static_cast<size_t>(v)];
      if (i < list.size()) {
        int e = list[i++];
        int t = edges[static_cast<size_t>(e)].to;
        if (state[static_cast<size_t>(t)] == 1)
          edges[static_cast<size_t>(e)].reversed = true;
        else if (state[static_cast<size_t>(t)] == 0) {
          state[static_cast<size_t>(t)] = 1;
          stack.push_back({t, 0});
        }
      } else {
        state[static_cast<size_t>(v)] = 2;
        stack.pop_back();
      }
    }
  }
  for (RankEdge& e : edges)
    if (e.reversed) std::swap(e.from, e.to);
}

// Longest path from the sources, then single nodes slide within their feasible interval
// to the end their heavier side pulls to (each move shortens the weighted edge length).
std::vector<int> AssignRanks(int n, const std::vector<RankEdge>& edges) {
  std::vector<std::vector<int>> in(static_cast<size_t>(n)), out(static_cast<size_t>(n));
  std::vector<int> indegree(static_cast<size_t>(n), 0);
  for (size_t e = 0; e < edges.size(); ++e) {
    out[static_cast<size_t>(edges[e].from)].push_back(static_cast<int>(e));
    in[static_cast<size_t>(edges[e].to)].push_back(static_cast<int>(e));
    ++indegree[static_cast<size_t>(edges[e].to)];
  }
  std::vector<int> order;
  order.reserve(static_cast<size_t>(n));
  for (int v = 0; v < n; ++v)
    if (indegree[static_cast<size_t>(v)] == 0) order.push_back(v);
  for (size_t i = 0; i < order.size(); ++i)
    for (int e : out[static_cast<size_t>(order[i])])
      if (--indegree[static_cast<size_t>(edges[static_cast<size_t>(e)].to)] == 0)
        order.push_back(edges[static_cast<size_t>(e)].to);
  std::vector<int> rank(static_cast<size_t>(n), 0);
  for (int v : order)
    for (int e : in[static_cast<size_t>(v)])
      rank[static_cast<size_t>(v)] =
          std::max(rank[static_cast<size_t>(v)],
                   rank[static_cast<size_t>(edges[static_cast<size_t>(e)].from)] +
                       edges[static_cast<size_t>(e)].min_len);
  for (int pass = 0; pass < 16; ++pass) {
    bool moved = false;
    for (int v : order) {
      constexpr int kNone = std::numeric_limits<int>::max();
      int lo = -kNone, hi = kNone;
      float pull = 0;  // > 0: towards lo (the predecessors), < 0: towards hi
      for (int e : in[static_cast<size_t>(v)]) {
        const RankEdge& re = edges[static_cast<size_t>(e)];
        lo = std::max(lo, rank[static_cast<size_t>(re.from)] + re.min_len);
        pull += re.weight;
      }
      for (int e : out[static_cast<size_t>(v)]) {
        const RankEdge& re = edges[static_cast<size_t>(e)];
        hi = std::min(hi, rank[static_cast<size_t>(re.to)] - re.min_len);
        pull -= re.weight;
      }
      int r = rank[static_cast<size_t>(v)];
      int target = r;
      if (pull > 0 && lo != -kNone)
        target = lo;
      else if (pull < 0 && hi != kNone)
        target = hi;
      if (target != r) {
        rank[static_cast<size_t>(v)] = target;
        moved = true;
      }
    }
    if (!moved) break;
  }
  int lowest = n ? *std::min_element(rank.begin(), rank.end()) : 0;
  for (int& r : rank) r -= lowest;
  return rank;
}

std::vector<RankEdge> MakeRankEdges(const LayeredGraph& g) {
  std::vector<RankEdge> edges;
  int n = static_cast<int>(g.nodes.size());
  for (size_t e = 0; e < g.edges.size(); ++e) {
    const LayeredGraph::Edge& ge = g.edges[e];
    if (ge.from == ge.to || ge.from < 0 || ge.to < 0 || ge.from >= n || ge.to >= n) continue;
    RankEdge re;
    re.from = ge.from;
    re.to = ge.to;
    re.min_len = 2 * std::clamp(ge.min_ranks, 1, 8);
    re.weight = ge.weight;
    re.original = static_cast<int>(e);
    edges.push_back(re);
  }
  return edges;
}

// [SECTION] Layer nodes --------------------------------------------------------------------

struct LayerNode {
  int real = -1;  // index of the graph's node
  int edge = -1;  // the RankEdge this dummy belongs to
  int cluster = -1;
  int rank = 0;
  float width = 0, height = 0;  // TB coordinates
  float right_extra = 0;        // self-loops and their labels
  bool label = false;           // the dummy that carries its edge's label
  bool filler = false;          // keeps a cluster's box solid in a rank it has no node in
  bool dummy() const { return real < 0; }
};

struct Solver;

class Layered {
 public:
  Layered(const LayeredGraph& g, const LayeredOptions& o) : g_(g), o_(o) {
    transpose_ =
        o.direction == LayeredDirection::kLeftRight || o.direction == LayeredDirection::kRightLeft;
  }

  LayeredLayout Run();

 private:
  float Across(float width, float height) const { return transpose_ ? height : width; }
  // How far the k-th self-loop of a node reaches beyond its right side.
  float LoopReach(int k) const { return o_.loop_size * (1.0f + 0.5f * static_cast<float>(k)); }
  float Along(float width, float height) const { return transpose_ ? width : height; }

  int ClusterDepth(int c) const { return c < 0 ? -1 : cluster_depth_[static_cast<size_t>(c)]; }
  int Parent(int c) const { return g_.clusters[static_cast<size_t>(c)].parent; }
  int CommonCluster(int a, int b) const {
    while (a != b) {
      if (ClusterDepth(a) >= ClusterDepth(b))
        a = a < 0 ? -1 : Parent(a);
      else
        b = b < 0 ? -1 : Parent(b);
    }
    return a;
  }

  bool BuildLayerNodes();
  void InitialOrder();
  void SortLayer(int r, const std::vector<double>& key);
  void Arrange(std::vector<int>& members, int cluster, const std::vector<double>& key,
               std::vector<int>& out);
  void ComputeClusterKeys();
  long CountCrossings() const;
  void Sweep(bool down);
  void ReduceCrossings();
  void EnforceClusterOrder();
  void AssignAcross();
  void AssignAlong();
  LayeredLayout Emit();

  const LayeredGraph& g_;
  const LayeredOptions& o_;
  bool transpose_ = false;
  std::vector<int> cluster_depth_;
  std::vector<RankEdge> edges_;
  std::vector<int> rank_;
  std::vector<LayerNode> nodes_;
  std::vector<std::vector<int>> chain_;      // per RankEdge: layer nodes, top to bottom
  std::vector<std::vector<int>> up_, down_;  // layer-node neighbours in the adjacent ranks
  std::vector<std::vector<int>> layers_;
  std::vector<int> pos_;                        // index of a layer node in its layer
  std::vector<std::vector<int>> cluster_path_;  // per layer node: clusters, outermost first
  std::vector<double> cluster_key_;
  std::vector<int> cluster_lo_, cluster_hi_;  // rank span of each cluster (-1: empty)
  std::vector<double> x_;                     // across, centres
  std::vector<double> left_, right_;          // cluster borders
  std::vector<double> y_;                     // per rank: centre of its band
  std::vector<float> band_;                   // per rank: band height
  std::vector<float> top_extra_, bottom_extra_;
  std::vector<float> cluster_top_, cluster_bottom_;  // along-axis padding of each box
  int ranks_ = 0;
};

bool Layered::BuildLayerNodes() {
  int n = static_cast<int>(g_.nodes.size());
  cluster_depth_.assign(g_.clusters.size(), 0);
  for (size_t c = 0; c < g_.clusters.size(); ++c) {
    int p = g_.clusters[c].parent;
    cluster_depth_[c] =
        p >= 0 && static_cast<size_t>(p) < c ? cluster_depth_[static_cast<size_t>(p)] + 1 : 0;
  }
  edges_ = MakeRankEdges(g_);
  BreakCycles(n, edges_);
  rank_ = AssignRanks(n, edges_);
  ranks_ = n ? *std::max_element(rank_.begin(), rank_.end()) + 1 : 0;

  size_t count = static_cast<size_t>(n);
  for (const RankEdge& e : edges_)
    count += static_cast<size_t>(rank_[static_cast<size_t>(e.to)] -
                                 rank_[static_cast<size_t>(e.from)] - 1);
  if (count > static_cast<size_t>(kMaxLayerNodes)) return false;

  nodes_.resize(static_cast<size_t>(n));
  for (int v = 0; v < n; ++v) {
    const LayeredGraph::Node& gn = g_.nodes[static_cast<size_t>(v)];
    LayerNode& ln = nodes_[static_cast<size_t>(v)];
    ln.real = v;
    ln.cluster =
        gn.cluster >= 0 && static_cast<size_t>(gn.cluster) < g_.clusters.size() ? gn.cluster : -1;
    ln.rank = rank_[static_cast<size_t>(v)];
    ln.width = Across(gn.width, gn.height);
    ln.height = Along(gn.width, gn.height);
  }
  // Self-loops reach out on the right (TB coordinates), nested, their labels side by side
  // beyond the outermost.
  std::vector<int> loops(static_cast<size_t>(n), 0);
  std::vector<float> loop_labels(static_cast<size_t>(n), 0);
  for (const LayeredGraph::Edge& e : g_.edges) {
    if (e.from != e.to || e.from < 0 || e.from >= n) continue;
    ++loops[static_cast<size_t>(e.from)];
    if (e.label_width > 0)
      loop_labels[static_cast<size_t>(e.from)] +=
          Across(e.label_width, e.label_height) + o_.edge_gap * 0.5f;
  }
  for (int v = 0; v < n; ++v)
    if (loops[static_cast<size_t>(v)] > 0)
      nodes_[static_cast<size_t>(v)].right_extra =
          LoopReach(loops[static_cast<size_t>(v)] - 1) + loop_labels[static_cast<size_t>(v)];
  chain_.assign(edges_.size(), {});
  for (size_t e = 0; e < edges_.size(); ++e) {
    const RankEdge& re = edges_[e];
    const LayeredGraph::Edge& ge = g_.edges[static_cast<size_t>(re.original)];
    int r0 = rank_[static_cast<size_t>(re.from)], r1 = rank_[static_cast<size_t>(re.to)];
    int cluster = CommonCluster(nodes_[static_cast<size_t>(re.from)].cluster,
                                nodes_[static_cast<size_t>(re.to)].cluster);
    int label_rank = r0 + (r1 - r0) / 2;
    if ((label_rank & 1) == 0 && label_rank - 1 > r0) --label_rank;
    chain_[e].push_back(re.from);
    for (int r = r0 + 1; r < r1; ++r) {
      LayerNode d;
      d.edge = static_cast<int>(e);
      d.cluster = cluster;
      d.rank = r;
      if (r == label_rank && ge.label_width > 0) {
        d.label = true;
        d.width = Across(ge.label_width, ge.label_height);
        d.height = Along(ge.label_width, ge.label_height);
      }
      chain_[e].push_back(static_cast<int>(nodes_.size()));
      nodes_.push_back(d);
    }
    chain_[e].push_back(re.to);
  }
  // Rank spans of the clusters, from their real nodes.
  size_t nc = g_.clusters.size();
  cluster_lo_.assign(nc, -1);
  cluster_hi_.assign(nc, -1);
  for (int v = 0; v < n; ++v)
    for (int c = nodes_[static_cast<size_t>(v)].cluster; c >= 0; c = Parent(c)) {
      int r = rank_[static_cast<size_t>(v)];
      if (cluster_lo_[static_cast<size_t>(c)] < 0 || r < cluster_lo_[static_cast<size_t>(c)])
        cluster_lo_[static_cast<size_t>(c)] = r;
      cluster_hi_[static_cast<size_t>(c)] = std::max(cluster_hi_[static_cast<size_t>(c)], r);
    }
  // Fillers where a cluster has nothing in a rank of its span.
  if (nc) {
    std::vector<std::vector<uint8_t>> present(nc);
    for (size_t c = 0; c < nc; ++c)
      if (cluster_lo_[c] >= 0)
        present[c].assign(static_cast<size_t>(cluster_hi_[c] - cluster_lo_[c] + 1), 0);
    for (const LayerNode& ln : nodes_)
      for (int c = ln.cluster; c >= 0; c = Parent(c)) {
        int i = ln.rank - cluster_lo_[static_cast<size_t>(c)];
        if (i >= 0 && static_cast<size_t>(i) < present[static_cast<size_t>(c)].size())
          present[static_cast<size_t>(c)][static_cast<size_t>(i)] = 1;
      }
    for (size_t c = 0; c < nc; ++c)
      for (size_t i = 0; i < present[c].size(); ++i) {
        if (present[c][i]) continue;
        LayerNode f;
        f.filler = true;
        f.cluster = static_cast<int>(c);
        f.rank = cluster_lo_[c] + static_cast<int>(i);
        // The filler stands for the whole cluster in this rank, nested ones included.
        for (size_t d = c + 1; d < nc; ++d) {
          int p = static_cast<int>(d);
          while (p >= 0 && p != static_cast<int>(c)) p = Parent(p);
          if (p == static_cast<int>(c) && cluster_lo_[d] >= 0 && f.rank >= cluster_lo_[d] &&
              f.rank <= cluster_hi_[d])
            present[d][static_cast<size_t>(f.rank - cluster_lo_[d])] = 1;
        }
        nodes_.push_back(f);
        if (nodes_.size() > static_cast<size_t>(kMaxLayerNodes)) return false;
      }
  }
  up_.assign(nodes_.size(), {});
  down_.assign(nodes_.size(), {});
  for (const auto& chain : chain_)
    for (size_t i = 0; i + 1 < chain.size(); ++i) {
      down_[static_cast<size_t>(chain[i])].push_back(chain[i + 1]);
      up_[static_cast<size_t>(chain[i + 1])].push_back(chain[i]);
    }
  cluster_path_.assign(nodes_.size(), {});
  for (size_t v = 0; v < nodes_.size(); ++v) {
    for (int c = nodes_[v].cluster; c >= 0; c = Parent(c)) cluster_path_[v].push_back(c);
    std::reverse(cluster_path_[v].begin(), cluster_path_[v].end());
  }
  return true;
}

// [SECTION] Order ---------------------------------------------------------------------------

// Nodes in DFS order from the top ranks down (dagre's initOrder), so the input order of
// statements decides ties as it does in mermaid.
void Layered::InitialOrder() {
  layers_.assign(static_cast<size_t>(ranks_), {});
  std::vector<uint8_t> seen(nodes_.size(), 0);
  std::vector<int> starts(nodes_.size());
  std::iota(starts.begin(), starts.end(), 0);
  std::stable_sort(starts.begin(), starts.end(), [&](int a, int b) {
    return nodes_[static_cast<size_t>(a)].rank < nodes_[static_cast<size_t>(b)].rank;
  });
  std::vector<int> stack;
  for (int s : starts) {
    if (seen[static_cast<size_t>(s)]) continue;
    stack.push_back(s);
    while (!stack.empty()) {
      int v = stack.back();
      stack.pop_back();
      if (seen[static_cast<size_t>(v)]) continue;
      seen[static_cast<size_t>(v)] = 1;
      layers_[static_cast<size_t>(nodes_[static_cast<size_t>(v)].rank)].push_back(v);
      const auto& next = down_[static_cast<size_t>(v)];
      for (size_t i = next.size(); i-- > 0;)
        if (!seen[static_cast<size_t>(next[i])]) stack.push_back(next[i]);
    }
  }
  pos_.assign(nodes_.size(), 0);
  for (const auto& layer : layers_)
    for (size_t i = 0; i < layer.size(); ++i)
      pos_[static_cast<size_t>(layer[i])] = static_cast<int>(i);
  ComputeClusterKeys();
  std::vector<double> key(nodes_.size());
  for (size_t v = 0; v < nodes_.size(); ++v) key[v] = pos_[v];
  for (int r = 0; r < ranks_; ++r) SortLayer(r, key);
}

// Sibling clusters keep one order in all ranks (else their boxes could not be drawn
// apart): the order of their mean neighbour positions over all ranks.
void Layered::ComputeClusterKeys() {
  size_t nc = g_.clusters.size();
  cluster_key_.assign(nc, 0);
  if (!nc) return;
  std::vector<double> sum(nc, 0), count(nc, 0);
  for (size_t v = 0; v < nodes_.size(); ++v) {
    if (nodes_[v].cluster < 0) continue;
    double acc = 0;
    int k = 0;
    auto norm = [&](int u) {
      size_t size = layers_[static_cast<size_t>(nodes_[static_cast<size_t>(u)].rank)].size();
      return (pos_[static_cast<size_t>(u)] + 0.5) / static_cast<double>(std::max<size_t>(1, size));
    };
    for (int u : up_[v]) acc += norm(u), ++k;
    for (int u : down_[v]) acc += norm(u), ++k;
    double value = k ? acc / k : norm(static_cast<int>(v));
    for (int c : cluster_path_[v])
      sum[static_cast<size_t>(c)] += value, count[static_cast<size_t>(c)] += 1;
  }
  for (size_t c = 0; c < nc; ++c) cluster_key_[c] = count[c] > 0 ? sum[c] / count[c] : 0;
}

// Orders `members` (all inside `cluster`, or top level for -1) by key, keeping each child
// cluster's members together and the child clusters in cluster_key_ order.
void Layered::Arrange(std::vector<int>& members, int cluster, const std::vector<double>& key,
                      std::vector<int>& out) {
  int level = ClusterDepth(cluster) + 1;  // index into cluster_path_ of the child cluster
  struct Item {
    double key = 0;
    int first = 0;   // position of the first member, for stable ties
    int node = -1;   // a node directly in `cluster`
    int child = -1;  // or a child cluster
    std::vector<int> members;
  };
  std::vector<Item> items;
  std::vector<int> child_item;  // child cluster → item (small linear map)
  for (int v : members) {
    const auto& path = cluster_path_[static_cast<size_t>(v)];
    if (static_cast<int>(path.size()) <= level) {
      Item it;
      it.key = key[static_cast<size_t>(v)];
      it.first = pos_[static_cast<size_t>(v)];
      it.node = v;
      items.push_back(std::move(it));
      continue;
    }
    int child = path[static_cast<size_t>(level)];
    size_t i = 0;
    for (; i < items.size(); ++i)
      if (items[i].child == child) break;
    if (i == items.size()) {
      Item it;
      it.child = child;
      it.first = pos_[static_cast<size_t>(v)];
      items.push_back(std::move(it));
    }
    items[i].members.push_back(v);
    items[i].first = std::min(items[i].first, pos_[static_cast<size_t>(v)]);
  }
  (void)child_item;
  for (Item& it : items) {
    if (it.child < 0) continue;
    double s = 0;
    for (int v : it.members) s += key[static_cast<size_t>(v)];
    it.key = s / static_cast<double>(it.members.size());
  }
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    if (a.key != b.key) return a.key < b.key;
    return a.first < b.first;
  });
  // Child clusters into their global order, in the slots they took.
  std::vector<size_t> slots;
  std::vector<Item> blocks;
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i].child >= 0) slots.push_back(i), blocks.push_back(std::move(items[i]));
  std::stable_sort(blocks.begin(), blocks.end(), [&](const Item& a, const Item& b) {
    return cluster_key_[static_cast<size_t>(a.child)] < cluster_key_[static_cast<size_t>(b.child)];
  });
  for (size_t k = 0; k < slots.size(); ++k) items[slots[k]] = std::move(blocks[k]);
  for (Item& it : items) {
    if (it.node >= 0)
      out.push_back(it.node);
    else
      Arrange(it.members, it.child, key, out);
  }
}

void Layered::SortLayer(int r, const std::vector<double>& key) {
  std::vector<int>& layer = layers_[static_cast<size_t>(r)];
  std::vector<int> members = layer, out;
  out.reserve(layer.size());
  Arrange(members, -1, key, out);
  layer = std::move(out);
  for (size_t i = 0; i < layer.size(); ++i)
    pos_[static_cast<size_t>(layer[i])] = static_cast<int>(i);
}

long Layered::CountCrossings() const {
  long total = 0;
  std::vector<std::pair<int, int>> pairs;
  std::vector<int> tree;
  for (int r = 0; r + 1 < ranks_; ++r) {
    pairs.clear();
    for (int v : layers_[static_cast<size_t>(r)])
      for (int u : down_[static_cast<size_t>(v)])
        pairs.push_back({pos_[static_cast<size_t>(v)], pos_[static_cast<size_t>(u)]});
    std::sort(pairs.begin(), pairs.end());
    size_t size = layers_[static_cast<size_t>(r + 1)].size();
    tree.assign(size + 1, 0);
    long seen = 0;
    for (const auto& [a, b] : pairs) {
      // Count earlier pairs with a larger lower position: they cross this one.
      long not_greater = 0;
      for (int i = b + 1; i > 0; i -= i & -i) not_greater += tree[static_cast<size_t>(i)];
      total += seen - not_greater;
      for (size_t i = static_cast<size_t>(b) + 1; i <= size; i += i & (~i + 1)) ++tree[i];
      ++seen;
    }
  }
  return total;
}

void Layered::Sweep(bool down) {
  ComputeClusterKeys();
  std::vector<double> key(nodes_.size());
  auto sweep_rank = [&](int r) {
    int other = down ? r - 1 : r + 1;
    double scale =
        static_cast<double>(layers_[static_cast<size_t>(r)].size()) /
        static_cast<double>(std::max<size_t>(1, layers_[static_cast<size_t>(other)].size()));
    for (int v : layers_[static_cast<size_t>(r)]) {
      const auto& nb = down ? up_[static_cast<size_t>(v)] : down_[static_cast<size_t>(v)];
      if (nb.empty()) {
        key[static_cast<size_t>(v)] = pos_[static_cast<size_t>(v)];
        continue;
      }
      double s = 0;
      for (int u : nb) s += pos_[static_cast<size_t>(u)];
      key[static_cast<size_t>(v)] = (s / static_cast<double>(nb.size()) + 0.5) * scale - 0.5;
    }
    SortLayer(r, key);
  };
  if (down)
    for (int r = 1; r < ranks_; ++r) sweep_rank(r);
  else
    for (int r = ranks_ - 2; r >= 0; --r) sweep_rank(r);
  // The layer the sweep started from keeps the order of the previous cluster keys.
  if (!g_.clusters.empty() && ranks_ > 0) {
    int r = down ? 0 : ranks_ - 1;
    for (int v : layers_[static_cast<size_t>(r)])
      key[static_cast<size_t>(v)] = pos_[static_cast<size_t>(v)];
    SortLayer(r, key);
  }
}

void Layered::ReduceCrossings() {
  InitialOrder();
  long best = CountCrossings();
  std::vector<std::vector<int>> best_layers = layers_;
  int stale = 0;
  for (int i = 0; i < 24 && best > 0 && stale < 4; ++i) {
    Sweep(i % 2 == 0);
    long c = CountCrossings();
    if (c < best) {
      best = c;
      best_layers = layers_;
      stale = 0;
    } else {
      ++stale;
    }
  }
  layers_ = std::move(best_layers);
  for (const auto& layer : layers_)
    for (size_t i = 0; i < layer.size(); ++i)
      pos_[static_cast<size_t>(layer[i])] = static_cast<int>(i);
  EnforceClusterOrder();
}

// Sorts every layer by its current order under one set of cluster keys, so that sibling
// clusters stand in the same order in all ranks (a sweep leaves its first layer alone).
void Layered::EnforceClusterOrder() {
  if (g_.clusters.empty()) return;
  ComputeClusterKeys();
  std::vector<double> key(nodes_.size());
  for (size_t v = 0; v < nodes_.size(); ++v) key[v] = pos_[v];
  for (int r = 0; r < ranks_; ++r) SortLayer(r, key);
}

// [SECTION] Across positions ---------------------------------------------------------------

struct Constraint {
  int left = 0, right = 0;
  double gap = 0;
};

// Positions x closest (in weighted least squares) to `desired` such that x[right] >=
// x[left] + gap for every constraint: blocks of variables held together by active
// constraints are merged left to right in topological order (Dwyer's satisfy_VPSC), then a
// final pass in the same order makes every constraint hold exactly.
struct Solver {
  int n = 0;
  std::vector<Constraint> constraints;
  std::vector<std::vector<int>> incoming;  // constraint indices by right variable
  std::vector<int> order;                  // topological
  bool acyclic = true;

  void Prepare() {
    incoming.assign(static_cast<size_t>(n), {});
    std::vector<std::vector<int>> outgoing(static_cast<size_t>(n));
    std::vector<int> indegree(static_cast<size_t>(n), 0);
    for (size_t c = 0; c < constraints.size(); ++c) {
      incoming[static_cast<size_t>(constraints[c].right)].push_back(static_cast<int>(c));
      outgoing[static_cast<size_t>(constraints[c].left)].push_back(constraints[c].right);
      ++indegree[static_cast<size_t>(constraints[c].right)];
    }
    order.clear();
    for (int v = 0; v < n; ++v)
      if (indegree[static_cast<size_t>(v)] == 0) order.push_back(v);
    for (size_t i = 0; i < order.size(); ++i)
      for (int w : outgoing[static_cast<size_t>(order[i])])
        if (--indegree[static_cast<size_t>(w)] == 0) order.push_back(w);
    acyclic = static_cast<int>(order.size()) == n;
  }

  void Solve(const std::vector<double>& desired, const std::vector<double>& weight,
             std::vector<double>& x) const {
    struct Block {
      double weight = 0, weighted = 0;  // Σw, Σw·(desired − offset)
      std::vector<int> vars;
      std::vector<int> in;
      double pos() const { return weighted / weight; }
    };
    std::vector<Block> blocks;
    blocks.reserve(static_cast<size_t>(n));
    std::vector<int> block_of(static_cast<size_t>(n), -1);
    std::vector<double> offset(static_cast<size_t>(n), 0);
    for (int v : order) {
      int b = static_cast<int>(blocks.size());
      Block nb;
      nb.weight = weight[static_cast<size_t>(v)];
      nb.weighted = nb.weight * desired[static_cast<size_t>(v)];
      nb.vars = {v};
      nb.in = incoming[static_cast<size_t>(v)];
      blocks.push_back(std::move(nb));
      block_of[static_cast<size_t>(v)] = b;
      while (true) {
        Block& blk = blocks[static_cast<size_t>(b)];
        double worst = 1e-9;
        int worst_index = -1;
        for (size_t i = 0; i < blk.in.size();) {
          const Constraint& c = constraints[static_cast<size_t>(blk.in[i])];
          int lb = block_of[static_cast<size_t>(c.left)];
          if (lb == b) {
            blk.in[i] = blk.in.back();
            blk.in.pop_back();
            continue;
          }
          double violation = blocks[static_cast<size_t>(lb)].pos() +
                             offset[static_cast<size_t>(c.left)] + c.gap -
                             (blk.pos() + offset[static_cast<size_t>(c.right)]);
          if (violation > worst) worst = violation, worst_index = static_cast<int>(i);
          ++i;
        }
        if (worst_index < 0) break;
        const Constraint c =
            constraints[static_cast<size_t>(blk.in[static_cast<size_t>(worst_index)])];
        int lb = block_of[static_cast<size_t>(c.left)];
        // Merge the smaller block into the larger, keeping the constraint exactly tight.
        int keep = b, gone = lb;
        double shift =
            offset[static_cast<size_t>(c.right)] - c.gap - offset[static_cast<size_t>(c.left)];
        if (blocks[static_cast<size_t>(lb)].vars.size() >
            blocks[static_cast<size_t>(b)].vars.size()) {
          keep = lb;
          gone = b;
          shift = -shift;
        }
        Block& k = blocks[static_cast<size_t>(keep)];
        Block& gb = blocks[static_cast<size_t>(gone)];
        for (int v2 : gb.vars) {
          offset[static_cast<size_t>(v2)] += shift;
          block_of[static_cast<size_t>(v2)] = keep;
          k.vars.push_back(v2);
        }
        k.weighted += gb.weighted - gb.weight * shift;
        k.weight += gb.weight;
        k.in.insert(k.in.end(), gb.in.begin(), gb.in.end());
        gb.vars.clear();
        gb.in.clear();
        gb.in.shrink_to_fit();
        b = keep;
      }
    }
    x.assign(static_cast<size_t>(n), 0);
    for (int v = 0; v < n; ++v)
      x[static_cast<size_t>(v)] =
          blocks[static_cast<size_t>(block_of[static_cast<size_t>(v)])].pos() +
          offset[static_cast<size_t>(v)];
    Enforce(x);
  }

  void Enforce(std::vector<double>& x) const {
    for (int v : order)
      for (int ci : incoming[static_cast<size_t>(v)]) {
        const Constraint& c = constraints[static_cast<size_t>(ci)];
        x[static_cast<size_t>(v)] =
            std::max(x[static_cast<size_t>(v)], x[static_cast<size_t>(c.left)] + c.gap);
      }
  }
};

void Layered::AssignAcross() {
  size_t nn = nodes_.size(), nc = g_.clusters.size();
  int n = static_cast<int>(nn + 2 * nc);
  auto L = [&](int c) { return static_cast<int>(nn) + 2 * c; };
  auto R = [&](int c) { return static_cast<int>(nn) + 2 * c + 1; };
  bool title_across = transpose_;
  auto pad_left = [&](int c) {
    return o_.cluster_padding + (title_across ? g_.clusters[static_cast<size_t>(c)].title_height +
                                                    o_.cluster_padding * 0.25f
                                              : 0);
  };
  auto half_left = [&](int v) { return nodes_[static_cast<size_t>(v)].width * 0.5; };
  auto half_right = [&](int v) {
    return nodes_[static_cast<size_t>(v)].width * 0.5 + nodes_[static_cast<size_t>(v)].right_extra;
  };
  auto sep = [&](int a, int b) {
    const LayerNode& na = nodes_[static_cast<size_t>(a)];
    const LayerNode& nb = nodes_[static_cast<size_t>(b)];
    if (!na.dummy() && !nb.dummy()) return static_cast<double>(o_.node_gap);
    if (na.label || nb.label) return static_cast<double>(o_.edge_gap) * 1.5;
    // An edge passing a node keeps more air than two edges side by side.
    if (na.dummy() != nb.dummy()) return (o_.edge_gap + o_.node_gap) * 0.5;
    return static_cast<double>(o_.edge_gap);
  };
  auto build = [&](bool with_clusters) {
    Solver s;
    s.n = n;
    for (const auto& layer : layers_) {
      // Items: node v (>= 0) or cluster border events encoded as (-1 - var).
      std::vector<std::pair<int, int>>
          seq;  // (variable, kind: 0 node, 1 left border, 2 right border)
      std::vector<int> open;
      for (int v : layer) {
        const auto& path =
            with_clusters ? cluster_path_[static_cast<size_t>(v)] : std::vector<int>{};
        size_t common = 0;
        while (common < open.size() && common < path.size() && open[common] == path[common])
          ++common;
        while (open.size() > common) {
          seq.push_back({R(open.back()), 2});
          open.pop_back();
        }
        for (size_t i = common; i < path.size(); ++i) {
          seq.push_back({L(path[i]), 1});
          open.push_back(path[i]);
        }
        seq.push_back({v, 0});
      }
      while (!open.empty()) {
        seq.push_back({R(open.back()), 2});
        open.pop_back();
      }
      auto cluster_of = [&](int var) { return (var - static_cast<int>(nn)) / 2; };
      for (size_t i = 0; i + 1 < seq.size(); ++i) {
        auto [a, ka] = seq[i];
        auto [b, kb] = seq[i + 1];
        double gap = 0;
        if (ka == 0 && kb == 0)
          gap = half_right(a) + half_left(b) + sep(a, b);
        else if (ka == 0 && kb == 2)
          gap = half_right(a) + o_.cluster_padding;
        else if (ka == 0 && kb == 1)
          gap =
              half_right(a) + (nodes_[static_cast<size_t>(a)].dummy() ? o_.edge_gap : o_.node_gap);
        else if (ka == 2 && kb == 2)
          gap = o_.cluster_padding;
        else if (ka == 2 && kb == 1)
          gap = o_.node_gap;
        else if (ka == 2 && kb == 0)
          gap = (nodes_[static_cast<size_t>(b)].dummy() ? o_.edge_gap : o_.node_gap) + half_left(b);
        else if (ka == 1 && kb == 1)
          gap = pad_left(cluster_of(a));
        else if (ka == 1 && kb == 0)
          gap = pad_left(cluster_of(a)) + half_left(b);
        else
          gap = o_.cluster_padding;  // an empty cluster: left then right
        s.constraints.push_back({a, b, gap});
      }
    }
    if (with_clusters && !transpose_) {
      for (size_t c = 0; c < nc; ++c)
        if (cluster_lo_[c] >= 0)
          s.constraints.push_back({L(static_cast<int>(c)), R(static_cast<int>(c)),
                                   g_.clusters[c].title_width + 2.0 * o_.cluster_padding});
    }
    s.Prepare();
    return s;
  };
  Solver solver = build(nc > 0);
  if (!solver.acyclic) solver = build(false);

  // Springs along the edges' segments: stiffer between dummies so long edges run straight.
  struct Spring {
    int other;
    double weight;
  };
  std::vector<std::vector<Spring>> springs(static_cast<size_t>(n));
  for (size_t e = 0; e < chain_.size(); ++e) {
    const auto& chain = chain_[e];
    // Edges turned round to break a cycle pull less: the main flow stays straight and the
    // way back goes round it.
    double w = std::max(0.05f, edges_[e].weight) * (edges_[e].reversed ? 0.25 : 1.0);
    for (size_t i = 0; i + 1 < chain.size(); ++i) {
      int a = chain[i], b = chain[i + 1];
      int dummies = nodes_[static_cast<size_t>(a)].dummy() + nodes_[static_cast<size_t>(b)].dummy();
      double k = w * (dummies == 2 ? 8.0 : dummies == 1 ? 2.0 : 1.0);
      springs[static_cast<size_t>(a)].push_back({b, k});
      springs[static_cast<size_t>(b)].push_back({a, k});
    }
  }
  std::vector<double> x(static_cast<size_t>(n), 0), desired(static_cast<size_t>(n)),
      weight(static_cast<size_t>(n), 1);
  solver.Enforce(x);
  for (int v = 0; v < n; ++v) {
    double total = 0;
    for (const Spring& s : springs[static_cast<size_t>(v)]) total += s.weight;
    weight[static_cast<size_t>(v)] = static_cast<size_t>(v) >= nn ? 0.05 : std::max(0.2, total);
  }
  std::vector<double> members_sum(nc), members_count(nc), tight_left(nc), tight_right(nc);
  long work = static_cast<long>(n) + static_cast<long>(solver.constraints.size());
  int iterations = static_cast<int>(std::clamp(4000000L / std::max(1L, work), 6L, 80L));
  const double straighten = std::max(1.0, o_.edge_gap * 0.25);
  for (int it = 0; it < iterations; ++it) {
    // Where each cluster's members are now: fillers go to their middle, borders hug them.
    std::fill(members_sum.begin(), members_sum.end(), 0);
    std::fill(members_count.begin(), members_count.end(), 0);
    std::fill(tight_left.begin(), tight_left.end(), std::numeric_limits<double>::max());
    std::fill(tight_right.begin(), tight_right.end(), std::numeric_limits<double>::lowest());
    for (size_t v = 0; v < nn; ++v) {
      for (int c : cluster_path_[v]) {
        if (!nodes_[v].filler)
          members_sum[static_cast<size_t>(c)] += x[v], members_count[static_cast<size_t>(c)] += 1;
        tight_left[static_cast<size_t>(c)] =
            std::min(tight_left[static_cast<size_t>(c)], x[v] - half_left(static_cast<int>(v)));
        tight_right[static_cast<size_t>(c)] =
            std::max(tight_right[static_cast<size_t>(c)], x[v] + half_right(static_cast<int>(v)));
      }
    }
    for (int v = 0; v < n; ++v) {
      size_t sv = static_cast<size_t>(v);
      if (sv >= nn) {
        int c = static_cast<int>((sv - nn) / 2);
        bool left = (sv - nn) % 2 == 0;
        double depth_pad = o_.cluster_padding;
        desired[sv] = left ? tight_left[static_cast<size_t>(c)] - (left ? pad_left(c) : depth_pad)
                           : tight_right[static_cast<size_t>(c)] + depth_pad;
        if (members_count[static_cast<size_t>(c)] == 0 &&
            tight_left[static_cast<size_t>(c)] > 1e300)
          desired[sv] = x[sv];
        continue;
      }
      const auto& list = springs[sv];
      if (list.empty()) {
        const LayerNode& ln = nodes_[sv];
        if (ln.filler && members_count[static_cast<size_t>(ln.cluster)] > 0)
          desired[sv] = members_sum[static_cast<size_t>(ln.cluster)] /
                        members_count[static_cast<size_t>(ln.cluster)];
        else
          desired[sv] = x[sv];
        continue;
      }
      // In the later rounds a spring pulls less the longer it is (reweighted least squares
      // towards the sum of absolute lengths): a node then lines up exactly with most of its
      // neighbours instead of settling between them, as in Brandes–Köpf.
      double s = 0, w = 0;
      for (const Spring& sp : list) {
        double k = sp.weight;
        if (it >= iterations / 3)
          k *= straighten /
               std::max(straighten, std::fabs(x[static_cast<size_t>(sp.other)] - x[sv]));
        s += k * x[static_cast<size_t>(sp.other)], w += k;
      }
      desired[sv] = 0.5 * x[sv] + 0.5 * s / w;
    }
    solver.Solve(desired, weight, x);
  }
  // The rounds above converge towards straight edges but stop a pixel or two short where
  // a weak pull (an edge turned round for a cycle) is left over: a chain A → B → C with a
  // way back from C to A ends with A and C a little off the line. Last, the nodes that
  // nearly line up along their springs (within `snap`) are grouped, each group goes to one
  // line, and the constraints are solved once more.
  {
    const double snap = 3 * straighten;
    std::vector<int> group(nn);
    for (size_t v = 0; v < nn; ++v) group[v] = static_cast<int>(v);
    auto find = [&](int v) {
      while (group[static_cast<size_t>(v)] != v)
        v = group[static_cast<size_t>(v)] = group[static_cast<size_t>(group[static_cast<size_t>(v)])];
      return v;
    };
    for (size_t v = 0; v < nn; ++v)
      for (const Spring& sp : springs[v]) {
        size_t so = static_cast<size_t>(sp.other);
        if (so < nn && std::fabs(x[so] - x[v]) <= snap) group[static_cast<size_t>(find(static_cast<int>(v)))] = find(sp.other);
      }
    // Each group goes to its weighted median: where most of it already is, held by the
    // constraints (a mean would drag those against their neighbours).
    std::vector<std::vector<std::pair<double, double>>> members(nn);  // (x, weight)
    for (size_t v = 0; v < nn; ++v)
      members[static_cast<size_t>(find(static_cast<int>(v)))].push_back({x[v], weight[v]});
    std::vector<double> target(nn, 0);
    for (size_t g = 0; g < nn; ++g) {
      auto& m = members[g];
      if (m.empty()) continue;
      std::sort(m.begin(), m.end());
      double half = 0, acc = 0;
      for (const auto& [value, w] : m) half += w;
      half *= 0.5;
      target[g] = m.back().first;
      for (const auto& [value, w] : m) {
        acc += w;
        if (acc >= half) {
          target[g] = value;
          break;
        }
      }
    }
    desired = x;
    for (size_t v = 0; v < nn; ++v) desired[v] = target[static_cast<size_t>(find(static_cast<int>(v)))];
    std::vector<double> snapped = x;
    solver.Solve(desired, weight, snapped);
    // Kept only when it straightens segments and bends none that were straight: where the
    // constraints push a group apart again, the rounds' result was the better one.
    constexpr double kStraight = 0.05;
    int gained = 0, lost = 0;
    for (size_t v = 0; v < nn; ++v)
      for (const Spring& sp : springs[v]) {
        size_t so = static_cast<size_t>(sp.other);
        if (so >= nn || so < v) continue;
        bool before = std::fabs(x[so] - x[v]) < kStraight;
        bool after = std::fabs(snapped[so] - snapped[v]) < kStraight;
        gained += after && !before;
        lost += before && !after;
      }
    if (lost == 0 && gained > 0) x = std::move(snapped);
  }
  x_.assign(x.begin(), x.begin() + static_cast<long>(nn));
  // Borders: as tight as the content allows (never looser than the solver's).
  left_.assign(nc, 0);
  right_.assign(nc, 0);
  std::vector<double> lo(nc, std::numeric_limits<double>::max()),
      hi(nc, std::numeric_limits<double>::lowest());
  for (size_t v = 0; v < nn; ++v)
    for (int c : cluster_path_[v]) {
      lo[static_cast<size_t>(c)] =
          std::min(lo[static_cast<size_t>(c)], x_[v] - half_left(static_cast<int>(v)));
      hi[static_cast<size_t>(c)] =
          std::max(hi[static_cast<size_t>(c)], x_[v] + half_right(static_cast<int>(v)));
    }
  for (size_t c = nc; c-- > 0;) {
    if (lo[c] > hi[c]) continue;
    left_[c] = lo[c] - pad_left(static_cast<int>(c));
    right_[c] = hi[c] + o_.cluster_padding;
    if (solver.acyclic) {
      // The solver's borders bound what may stand outside; tight ones lie within them.
      double outer_left = x[nn + 2 * c], outer_right = x[nn + 2 * c + 1];
      left_[c] = std::max(left_[c], outer_left);
      right_[c] = std::min(right_[c], outer_right);
      double need = transpose_ ? 0
                               : g_.clusters[c].title_width + 2.0 * o_.cluster_padding -
                                     (right_[c] - left_[c]);
      if (need > 0) {
        left_[c] -= need * 0.5;
        right_[c] += need * 0.5;
        if (left_[c] < outer_left) right_[c] += outer_left - left_[c], left_[c] = outer_left;
        if (right_[c] > outer_right) left_[c] -= right_[c] - outer_right, right_[c] = outer_right;
      }
    }
    int p = g_.clusters[c].parent;
    if (p >= 0) {
      lo[static_cast<size_t>(p)] = std::min(lo[static_cast<size_t>(p)], left_[c]);
      hi[static_cast<size_t>(p)] = std::max(hi[static_cast<size_t>(p)], right_[c]);
    }
  }
}

// [SECTION] Rank positions, routes, direction ------------------------------------------------

void Layered::AssignAlong() {
  size_t nc = g_.clusters.size();
  band_.assign(static_cast<size_t>(ranks_), 0);
  for (const LayerNode& ln : nodes_)
    band_[static_cast<size_t>(ln.rank)] = std::max(band_[static_cast<size_t>(ln.rank)], ln.height);
  // Padding of each cluster's box along the ranks, nested boxes inside their parents.
  bool title_top = o_.direction == LayeredDirection::kTopBottom;
  bool title_bottom = o_.direction == LayeredDirection::kBottomTop;
  cluster_top_.assign(nc, 0);
  cluster_bottom_.assign(nc, 0);
  for (size_t c = nc; c-- > 0;) {
    if (cluster_lo_[c] < 0) continue;
    float title = g_.clusters[c].title_height > 0
                      ? g_.clusters[c].title_height + o_.cluster_padding * 0.25f
                      : 0;
    cluster_top_[c] += o_.cluster_padding + (title_top ? title : 0);
    cluster_bottom_[c] += o_.cluster_padding + (title_bottom ? title : 0);
    int p = g_.clusters[c].parent;
    if (p >= 0) {
      if (cluster_lo_[static_cast<size_t>(p)] == cluster_lo_[c])
        cluster_top_[static_cast<size_t>(p)] =
            std::max(cluster_top_[static_cast<size_t>(p)], cluster_top_[c]);
      if (cluster_hi_[static_cast<size_t>(p)] == cluster_hi_[c])
        cluster_bottom_[static_cast<size_t>(p)] =
            std::max(cluster_bottom_[static_cast<size_t>(p)], cluster_bottom_[c]);
    }
  }
  top_extra_.assign(static_cast<size_t>(ranks_), 0);
  bottom_extra_.assign(static_cast<size_t>(ranks_), 0);
  for (size_t c = 0; c < nc; ++c) {
    if (cluster_lo_[c] < 0) continue;
    top_extra_[static_cast<size_t>(cluster_lo_[c])] =
        std::max(top_extra_[static_cast<size_t>(cluster_lo_[c])], cluster_top_[c]);
    bottom_extra_[static_cast<size_t>(cluster_hi_[c])] =
        std::max(bottom_extra_[static_cast<size_t>(cluster_hi_[c])], cluster_bottom_[c]);
  }
  // A gap crossed by steep edges (a wide fan) opens up a little, up to twice its size, so
  // that no edge runs flatter than about 1 : 4.
  std::vector<double> spread(static_cast<size_t>(ranks_), 0);
  for (const auto& chain : chain_)
    for (size_t i = 0; i + 1 < chain.size(); ++i) {
      size_t r = static_cast<size_t>(nodes_[static_cast<size_t>(chain[i])].rank);
      spread[r] = std::max(spread[r], std::fabs(x_[static_cast<size_t>(chain[i + 1])] -
                                                x_[static_cast<size_t>(chain[i])]));
    }
  y_.assign(static_cast<size_t>(ranks_), 0);
  double y = 0;
  for (int r = 0; r < ranks_; ++r) {
    size_t sr = static_cast<size_t>(r);
    if (r > 0) y += std::clamp(spread[sr - 1] * 0.25, o_.rank_gap * 0.5, o_.rank_gap * 1.0);
    y += top_extra_[sr] + band_[sr] * 0.5;
    y_[sr] = y;
    y += band_[sr] * 0.5 + bottom_extra_[sr];
  }
}

LayeredLayout Layered::Emit() {
  LayeredLayout out;
  size_t n = g_.nodes.size(), nc = g_.clusters.size();
  // Extent in TB coordinates, then the shift that puts everything at (0, 0).
  double min_x = 0, max_x = 0, max_y = 0;
  bool any = false;
  auto extend = [&](double x0, double x1) {
    if (!any) min_x = x0, max_x = x1, any = true;
    min_x = std::min(min_x, x0);
    max_x = std::max(max_x, x1);
  };
  for (size_t v = 0; v < nodes_.size(); ++v)
    extend(x_[v] - nodes_[v].width * 0.5, x_[v] + nodes_[v].width * 0.5 + nodes_[v].right_extra);
  for (size_t c = 0; c < nc; ++c)
    if (cluster_lo_[c] >= 0) extend(left_[c], right_[c]);
  if (ranks_ > 0) max_y = y_.back() + band_.back() * 0.5 + bottom_extra_.back();
  double width_tb = max_x - min_x, height_tb = max_y;
  auto to_screen = [&](double x, double y) {
    x -= min_x;
    switch (o_.direction) {
      case LayeredDirection::kTopBottom:
        return LayeredPoint{static_cast<float>(x), static_cast<float>(y)};
      case LayeredDirection::kBottomTop:
        return LayeredPoint{static_cast<float>(x), static_cast<float>(height_tb - y)};
      case LayeredDirection::kLeftRight:
        return LayeredPoint{static_cast<float>(y), static_cast<float>(x)};
      case LayeredDirection::kRightLeft:
        return LayeredPoint{static_cast<float>(height_tb - y), static_cast<float>(x)};
    }
    return LayeredPoint{};
  };
  out.width = static_cast<float>(transpose_ ? height_tb : width_tb);
  out.height = static_cast<float>(transpose_ ? width_tb : height_tb);
  out.nodes.resize(n);
  for (size_t v = 0; v < n; ++v) {
    LayeredPoint p = to_screen(x_[v], y_[static_cast<size_t>(nodes_[v].rank)]);
    out.nodes[v] = {p.x, p.y, nodes_[v].rank};
  }
  out.clusters.resize(nc);
  for (size_t c = 0; c < nc; ++c) {
    if (cluster_lo_[c] < 0) continue;
    double top = y_[static_cast<size_t>(cluster_lo_[c])] -
                 band_[static_cast<size_t>(cluster_lo_[c])] * 0.5 - cluster_top_[c];
    double bottom = y_[static_cast<size_t>(cluster_hi_[c])] +
                    band_[static_cast<size_t>(cluster_hi_[c])] * 0.5 + cluster_bottom_[c];
    LayeredPoint a = to_screen(left_[c], top), b = to_screen(right_[c], bottom);
    LayeredLayout::Cluster& box = out.clusters[c];
    box.x0 = std::min(a.x, b.x);
    box.x1 = std::max(a.x, b.x);
    box.y0 = std::min(a.y, b.y);
    box.y1 = std::max(a.y, b.y);
    box.title = {(box.x0 + box.x1) * 0.5f,
                 box.y0 + o_.cluster_padding * 0.5f + g_.clusters[c].title_height * 0.5f};
  }
  // Ports: the edges leaving a node downwards (TB coordinates) spread along its bottom
  // side in the order of where they go; those arriving, along its top.
  std::vector<double> port(2 * chain_.size(), 0);  // [2e] at the top end, [2e+1] at the bottom end
  {
    std::vector<std::vector<std::pair<double, int>>> below(n), above(n);
    for (size_t e = 0; e < chain_.size(); ++e) {
      const auto& ch = chain_[e];
      below[static_cast<size_t>(ch.front())].push_back(
          {x_[static_cast<size_t>(ch[1])], static_cast<int>(2 * e)});
      above[static_cast<size_t>(ch.back())].push_back(
          {x_[static_cast<size_t>(ch[ch.size() - 2])], static_cast<int>(2 * e + 1)});
    }
    for (size_t v = 0; v < n; ++v) {
      for (auto* list : {&below[v], &above[v]}) {
        if (list->size() < 2) continue;
        std::stable_sort(list->begin(), list->end());
        double span = nodes_[v].width * std::clamp(g_.nodes[v].port_span, 0.0f, 1.0f);
        double step = std::min(span / static_cast<double>(list->size()),
                               static_cast<double>(o_.edge_gap) * 1.25);
        for (size_t i = 0; i < list->size(); ++i)
          port[static_cast<size_t>((*list)[i].second)] =
              (static_cast<double>(i) - (list->size() - 1) * 0.5) * step;
      }
    }
  }
  out.edges.resize(g_.edges.size());
  for (size_t e = 0; e < chain_.size(); ++e) {
    const auto& ch = chain_[e];
    LayeredLayout::Edge& oe = out.edges[static_cast<size_t>(edges_[e].original)];
    std::vector<LayeredPoint> pts;
    auto add = [&](double x, double y) { pts.push_back(to_screen(x, y)); };
    int top = ch.front(), bottom = ch.back();
    size_t rt = static_cast<size_t>(nodes_[static_cast<size_t>(top)].rank);
    size_t rb = static_cast<size_t>(nodes_[static_cast<size_t>(bottom)].rank);
    double xt = x_[static_cast<size_t>(top)] + port[2 * e];
    add(xt, y_[rt]);
    add(xt, y_[rt] + band_[rt] * 0.5);
    for (size_t i = 1; i + 1 < ch.size(); ++i) {
      size_t d = static_cast<size_t>(ch[i]);
      size_t r = static_cast<size_t>(nodes_[d].rank);
      if (band_[r] > 0) {
        add(x_[d], y_[r] - band_[r] * 0.5);
        add(x_[d], y_[r] + band_[r] * 0.5);
      } else {
        add(x_[d], y_[r]);
      }
      if (nodes_[d].label) oe.label = to_screen(x_[d], y_[r]);
    }
    double xb = x_[static_cast<size_t>(bottom)] + port[2 * e + 1];
    add(xb, y_[rb] - band_[rb] * 0.5);
    add(xb, y_[rb]);
    oe.reversed = edges_[e].reversed;
    if (oe.reversed) std::reverse(pts.begin(), pts.end());
    oe.points = std::move(pts);
  }
  // Self-loops on the right of their node (TB coordinates), the k-th one around the
  // (k-1)-th; labels beyond the outermost, in order.
  std::vector<int> loop_count(n, 0), loop_index(g_.edges.size(), 0);
  for (size_t e = 0; e < g_.edges.size(); ++e) {
    const LayeredGraph::Edge& ge = g_.edges[e];
    if (ge.from == ge.to && ge.from >= 0 && static_cast<size_t>(ge.from) < n)
      loop_index[e] = loop_count[static_cast<size_t>(ge.from)]++;
  }
  std::vector<float> label_pen(n, 0);
  for (size_t e = 0; e < g_.edges.size(); ++e) {
    const LayeredGraph::Edge& ge = g_.edges[e];
    if (ge.from != ge.to || ge.from < 0 || static_cast<size_t>(ge.from) >= n) continue;
    size_t v = static_cast<size_t>(ge.from);
    double cx = x_[v], cy = y_[static_cast<size_t>(nodes_[v].rank)];
    double w = nodes_[v].width, h = nodes_[v].height;
    int k = loop_index[e];
    double reach = cx + w * 0.5 + LoopReach(k);
    double dy = std::max(4.0, h * 0.25 * (1.0 + 0.4 * k) / (1.0 + 0.4 * (loop_count[v] - 1)));
    LayeredLayout::Edge& oe = out.edges[e];
    oe.self_loop = true;
    oe.points = {to_screen(cx, cy - dy), to_screen(reach, cy - dy), to_screen(reach, cy + dy),
                 to_screen(cx, cy + dy)};
    if (ge.label_width > 0) {
      float label = Across(ge.label_width, ge.label_height);
      double outer = cx + w * 0.5 + LoopReach(loop_count[v] - 1);
      oe.label = to_screen(outer + o_.edge_gap * 0.5 + label_pen[v] + label * 0.5, cy);
      label_pen[v] += label + o_.edge_gap * 0.5f;
    }
  }
  return out;
}

LayeredLayout Layered::Run() {
  LayeredLayout out;
  if (g_.nodes.empty()) return out;
  if (!BuildLayerNodes()) {
    out.ok = false;
    out.problem = "too large to lay out (more than " + std::to_string(kMaxLayerNodes) +
                  " nodes once long edges are split)";
    return out;
  }
  ReduceCrossings();
  AssignAcross();
  AssignAlong();
  out = Emit();
  out.crossings =
      static_cast<int>(std::min<long>(CountCrossings(), std::numeric_limits<int>::max()));
  return out;
}

}  // namespace

// [SECTION] Entry points -----------------------------------------------------------------

LayeredLayout LayoutLayered(const LayeredGraph& graph, const LayeredOptions& options) {
  Layered layered(graph, options);
  return layered.Run();
}

int CountLayerNodes(const LayeredGraph& graph) {
  int n = static_cast<int>(graph.nodes.size());
  std::vector<RankEdge> edges = MakeRankEdges(graph);
  BreakCycles(n, edges);
  std::vector<int> rank = AssignRanks(n, edges);
  long count = n;
  for (const RankEdge& e : edges)
    count += rank[static_cast<size_t>(e.to)] - rank[static_cast<size_t>(e.from)] - 1;
  return static_cast<int>(std::min<long>(count, std::numeric_limits<int>::max()));
}

}  // namespace podium
