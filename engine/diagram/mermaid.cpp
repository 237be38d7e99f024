// ParseMermaid: mermaid source → Flowchart.
//
// [SECTION] Text helpers (labels, entities, statements)
// [SECTION] The flowchart parser: header, statements, nodes, edges, subgraphs, styles
// [SECTION] Entry points
//
// The grammar follows mermaid 10's flowchart lexer where it is unambiguous and is more
// lenient where mermaid would give up on the whole diagram (an unquoted `(` inside `[ ]`,
// a space between a node id and its shape): a slide should show what the speaker meant.
#include "diagram/mermaid.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "diagram/layered_layout.h"
#include "layout/theme.h"
#include "parse/html_entities.h"
#include "text/utf8.h"

namespace podium {
namespace {

// [SECTION] Text helpers -----------------------------------------------------------------

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

bool IsIdChar(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

// The first word of a statement (up to a space or `;`).
std::string_view FirstWord(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && !IsSpace(s[n]) && s[n] != ';') ++n;
  return s.substr(0, n);
}

// Cuts `text` to at most `limit` bytes at a character boundary.
void CutUtf8(std::string& text, size_t limit) {
  if (text.size() <= limit) return;
  size_t n = limit;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xc0) == 0x80) --n;
  text.resize(n);
  text += "…";
}

// Mermaid's entity codes (#quot; #35; #9829;) and HTML's (&amp; &#169;).
void AppendEntity(std::string_view name, bool hash, std::string& out) {
  if (!name.empty() && name[0] == '#') {
    name.remove_prefix(1);
    hash = true;
  }
  if (hash && !name.empty() && std::isdigit(static_cast<unsigned char>(name[0]))) {
    uint32_t cp = 0;
    for (char c : name) {
      if (!std::isdigit(static_cast<unsigned char>(c)) || cp > 0x10ffff) return;
      cp = cp * 10 + static_cast<uint32_t>(c - '0');
    }
    if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
    EncodeUtf8(cp, out);
    return;
  }
  if (hash && !name.empty() && (name[0] == 'x' || name[0] == 'X')) {
    out += parse::DecodeEntity("&#" + std::string(name) + ";");
    return;
  }
  out += parse::DecodeEntity("&" + std::string(name) + ";");
}

// A label as mermaid shows it: `<br>` → '\n', other tags dropped, entities decoded,
// markdown-string backticks and `**` dropped, spaces at the line ends trimmed.
std::string CleanLabel(std::string_view raw) {
  raw = Trim(raw);
  if (raw.size() >= 2 && raw.front() == '`' && raw.back() == '`')
    raw = raw.substr(1, raw.size() - 2);
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size();) {
    char c = raw[i];
    if (c == '<') {
      size_t close = raw.find('>', i);
      std::string_view tag =
          close == std::string_view::npos ? std::string_view{} : raw.substr(i + 1, close - i - 1);
      bool is_tag = !tag.empty() &&
                    (std::isalpha(static_cast<unsigned char>(tag[0])) || tag[0] == '/') &&
                    tag.size() < 64;
      if (is_tag) {
        if (StartsWithNoCase(tag, "br") &&
            (tag.size() == 2 || !std::isalpha(static_cast<unsigned char>(tag[2]))))
          out += '\n';
        i = close + 1;
        continue;
      }
    }
    if (c == '#' || c == '&') {
      size_t semi = raw.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10 && semi > i + 1) {
        std::string_view name = raw.substr(i + 1, semi - i - 1);
        bool plain = std::all_of(name.begin(), name.end(), [](char ch) {
          return std::isalnum(static_cast<unsigned char>(ch)) || ch == '#';
        });
        if (plain) {
          AppendEntity(name, c == '#', out);
          i = semi + 1;
          continue;
        }
      }
    }
    // Font Awesome icons (fa:fa-car, fab:fa-github): no icon font here, so left out.
    if (c == 'f' && (i == 0 || !std::isalnum(static_cast<unsigned char>(raw[i - 1])))) {
      size_t colon = raw.find(':', i);
      if (colon != std::string_view::npos && colon - i <= 3 && raw.substr(i, 2) == "fa" &&
          raw.substr(colon + 1, 3) == "fa-") {
        size_t end = colon + 4;
        while (end < raw.size() &&
               (std::isalnum(static_cast<unsigned char>(raw[end])) || raw[end] == '-'))
          ++end;
        while (end < raw.size() && raw[end] == ' ') ++end;
        i = end;
        continue;
      }
    }
    if (c == '*' && i + 1 < raw.size() && raw[i + 1] == '*') {
      i += 2;
      continue;
    }
    if (c == '\n') {
      out += ' ';
      ++i;
      continue;
    }
    out += c;
    ++i;
  }
  // Trim each line.
  std::string tidy;
  size_t start = 0;
  while (start <= out.size()) {
    size_t nl = out.find('\n', start);
    if (nl == std::string::npos) nl = out.size();
    if (start > 0) tidy += '\n';
    tidy += Trim(std::string_view(out).substr(start, nl - start));
    start = nl + 1;
  }
  return tidy;
}

std::string FormatColor(uint32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", c & 0xff, (c >> 8) & 0xff,
                (c >> 16) & 0xff);
  return buffer;
}

// Splits `text` at `sep` outside quotes and brackets.
std::vector<std::pair<size_t, size_t>> SplitTopLevel(std::string_view text, char sep) {
  std::vector<std::pair<size_t, size_t>> parts;
  int depth = 0;
  bool quoted = false, piped = false;
  size_t begin = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"')
      quoted = !quoted;
    else if (quoted)
      continue;
    else if (c == '|' && sep == ';')
      piped = !piped;
    else if (piped)
      continue;
    else if (c == '[' || c == '(' || c == '{')
      ++depth;
    else if ((c == ']' || c == ')' || c == '}') && depth > 0)
      --depth;
    else if (c == sep && depth == 0) {
      parts.push_back({begin, i});
      begin = i + 1;
    }
  }
  parts.push_back({begin, text.size()});
  return parts;
}

// [SECTION] The flowchart parser ---------------------------------------------------------

struct Shape {
  std::string_view open;
  std::string_view close;
  std::string_view close_alt;  // trapezoids: [/ … \] and [\ … /]
  NodeShape shape;
  NodeShape shape_alt;
};

// Longest openers first.
constexpr Shape kShapes[] = {
    {"(((", ")))", "", NodeShape::kDoubleCircle, NodeShape::kDoubleCircle},
    {"((", "))", "", NodeShape::kCircle, NodeShape::kCircle},
    {"([", "])", "", NodeShape::kStadium, NodeShape::kStadium},
    {"(", ")", "", NodeShape::kRounded, NodeShape::kRounded},
    {"[[", "]]", "", NodeShape::kSubroutine, NodeShape::kSubroutine},
    {"[(", ")]", "", NodeShape::kCylinder, NodeShape::kCylinder},
    {"[/", "/]", "\\]", NodeShape::kParallelogram, NodeShape::kTrapezoid},
    {"[\\", "\\]", "/]", NodeShape::kParallelogramAlt, NodeShape::kTrapezoidAlt},
    {"[", "]", "", NodeShape::kRect, NodeShape::kRect},
    {"{{", "}}", "", NodeShape::kHexagon, NodeShape::kHexagon},
    {"{", "}", "", NodeShape::kDiamond, NodeShape::kDiamond},
    {">", "]", "", NodeShape::kAsymmetric, NodeShape::kAsymmetric},
};

// Shape names of mermaid 11's `A@{ shape: … }`.
struct ShapeName {
  std::string_view name;
  NodeShape shape;
};
constexpr ShapeName kShapeNames[] = {
    {"rect", NodeShape::kRect},
    {"square", NodeShape::kRect},
    {"proc", NodeShape::kRect},
    {"process", NodeShape::kRect},
    {"rounded", NodeShape::kRounded},
    {"event", NodeShape::kRounded},
    {"stadium", NodeShape::kStadium},
    {"pill", NodeShape::kStadium},
    {"terminal", NodeShape::kStadium},
    {"subroutine", NodeShape::kSubroutine},
    {"fr-rect", NodeShape::kSubroutine},
    {"subproc", NodeShape::kSubroutine},
    {"cyl", NodeShape::kCylinder},
    {"cylinder", NodeShape::kCylinder},
    {"db", NodeShape::kCylinder},
    {"database", NodeShape::kCylinder},
    {"circle", NodeShape::kCircle},
    {"circ", NodeShape::kCircle},
    {"dbl-circ", NodeShape::kDoubleCircle},
    {"double-circle", NodeShape::kDoubleCircle},
    {"diamond", NodeShape::kDiamond},
    {"diam", NodeShape::kDiamond},
    {"decision", NodeShape::kDiamond},
    {"question", NodeShape::kDiamond},
    {"hex", NodeShape::kHexagon},
    {"hexagon", NodeShape::kHexagon},
    {"prepare", NodeShape::kHexagon},
    {"lean-r", NodeShape::kParallelogram},
    {"lean-right", NodeShape::kParallelogram},
    {"in-out", NodeShape::kParallelogram},
    {"lean-l", NodeShape::kParallelogramAlt},
    {"lean-left", NodeShape::kParallelogramAlt},
    {"out-in", NodeShape::kParallelogramAlt},
    {"trap-b", NodeShape::kTrapezoid},
    {"trapezoid", NodeShape::kTrapezoid},
    {"trap-t", NodeShape::kTrapezoidAlt},
    {"inv-trapezoid", NodeShape::kTrapezoidAlt},
    {"odd", NodeShape::kAsymmetric},
};

class FlowParser {
 public:
  FlowParser(Flowchart& chart, std::vector<Diagnostic>& diagnostics)
      : chart_(chart), diagnostics_(diagnostics) {}

  // One line of the source (without its newline); `line` is 1-based.
  void Line(std::string_view text, int line) {
    for (auto [begin, end] : SplitTopLevel(text, ';')) {
      std::string_view statement = text.substr(begin, end - begin);
      size_t lead = 0;
      while (lead < statement.size() && IsSpace(statement[lead])) ++lead;
      Statement(Trim(statement), line, static_cast<int>(begin + lead) + 1);
    }
  }

  void Finish(int last_line) {
    while (!open_.empty()) {
      const OpenSubgraph& top = open_.back();
      Warn(chart_.subgraphs[static_cast<size_t>(top.index)].line, 1,
           "subgraph '" + chart_.subgraphs[static_cast<size_t>(top.index)].id +
               "' is never closed with 'end'");
      CloseSubgraph();
    }
    (void)last_line;
    ApplyClasses();
    MergeSubgraphEndpoints();
  }

 private:
  struct OpenSubgraph {
    int index = -1;
    std::vector<int> mentioned;  // nodes named directly inside, in order
  };

  // [SECTION] Diagnostics
  void Warn(int line, int col, std::string message) {
    if (warnings_ >= 50) return;
    if (++warnings_ == 50) message = "more problems in this diagram are not reported";
    diagnostics_.push_back(
        MakeDiagnostic(DiagnosticCode::kDiagramSyntax, {line, col}, std::move(message)));
  }
  void Limit(int line, int col, std::string message) {
    diagnostics_.push_back(
        MakeDiagnostic(DiagnosticCode::kLimitExceeded, {line, col}, std::move(message)));
  }

  // [SECTION] Statements
  void Statement(std::string_view s, int line, int col) {
    if (s.empty() || s.substr(0, 2) == "%%") return;
    std::string_view word = FirstWord(s);
    std::string_view rest = Trim(s.substr(word.size()));
    if (word == "subgraph") return OpenSubgraphStatement(rest, line, col);
    if (word == "end" && rest.empty()) return EndStatement(line, col);
    if (word == "direction" || word == "linkStyle" || word == "click" || word == "accTitle" ||
        word == "accDescr" || word == "accTitle:" || word == "accDescr:" || word == "title")
      return;
    if (word == "classDef") return ClassDefStatement(rest, line, col);
    if (word == "class" && !rest.empty() && rest[0] != '-' && rest[0] != '=')
      return ClassStatement(rest);
    if (word == "style" && !rest.empty() && rest[0] != '-' && rest[0] != '=')
      return StyleStatement(rest, line, col);
    ChainStatement(s, line, col);
  }

  void OpenSubgraphStatement(std::string_view rest, int line, int col) {
    if (static_cast<int>(open_.size()) >= kMaxSubgraphDepth) {
      if (ignored_depth_++ == 0)
        Limit(line, col,
              "subgraphs nested deeper than " + std::to_string(kMaxSubgraphDepth) +
                  " levels are flattened");
      return;
    }
    if (static_cast<int>(chart_.subgraphs.size()) >= kMaxFlowSubgraphs) {
      if (!subgraph_limit_reported_)
        Limit(line, col,
              "more than " + std::to_string(kMaxFlowSubgraphs) +
                  " subgraphs: the rest are flattened");
      subgraph_limit_reported_ = true;
      ++ignored_depth_;
      return;
    }
    FlowSubgraph sub;
    sub.line = line;
    sub.parent = open_.empty() ? -1 : open_.back().index;
    size_t bracket = rest.find('[');
    if (!rest.empty() && rest[0] == '"') {
      size_t close = rest.find('"', 1);
      sub.title = CleanLabel(
          rest.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
    } else if (bracket != std::string_view::npos && bracket > 0 && rest.back() == ']') {
      sub.id = std::string(Trim(rest.substr(0, bracket)));
      std::string_view title = Trim(rest.substr(bracket + 1, rest.size() - bracket - 2));
      if (title.size() >= 2 && title.front() == '"' && title.back() == '"')
        title = title.substr(1, title.size() - 2);
      sub.title = CleanLabel(title);
    } else {
      sub.id = std::string(rest);
      sub.title = CleanLabel(rest);
    }
    CutUtf8(sub.title, kMaxLabelBytes);
    if (sub.id.empty()) sub.id = "subGraph" + std::to_string(chart_.subgraphs.size());
    if (subgraph_index_.count(sub.id)) {
      Warn(line, col, "subgraph '" + sub.id + "' is defined twice");
      sub.id += "#" + std::to_string(chart_.subgraphs.size());
    }
    int index = static_cast<int>(chart_.subgraphs.size());
    subgraph_index_[sub.id] = index;
    chart_.subgraphs.push_back(std::move(sub));
    open_.push_back({index, {}});
  }

  void EndStatement(int line, int col) {
    if (ignored_depth_ > 0) {
      --ignored_depth_;
      return;
    }
    if (open_.empty()) {
      Warn(line, col, "'end' without a 'subgraph'");
      return;
    }
    CloseSubgraph();
  }

  // The subgraph that closes first claims the nodes named in it (mermaid's rule), so a
  // node named in a nested subgraph belongs to the innermost one.
  void CloseSubgraph() {
    OpenSubgraph top = std::move(open_.back());
    open_.pop_back();
    for (int n : top.mentioned) {
      FlowNode& node = chart_.nodes[static_cast<size_t>(n)];
      if (node.subgraph < 0) node.subgraph = top.index;
    }
  }

  void ClassDefStatement(std::string_view rest, int line, int col) {
    std::string_view names = FirstWord(rest);
    FlowColors colors = ParseStyles(Trim(rest.substr(names.size())), line, col);
    for (auto [b, e] : SplitTopLevel(names, ',')) {
      std::string name(Trim(names.substr(b, e - b)));
      if (!name.empty()) class_colors_[name] = colors;
    }
  }

  void ClassStatement(std::string_view rest) {
    size_t space = rest.find_last_of(" \t");
    if (space == std::string_view::npos) return;
    std::string cls(Trim(rest.substr(space + 1)));
    std::string_view ids = Trim(rest.substr(0, space));
    for (auto [b, e] : SplitTopLevel(ids, ',')) {
      std::string id(Trim(ids.substr(b, e - b)));
      if (!id.empty()) classes_.push_back({id, cls});
    }
  }

  void StyleStatement(std::string_view rest, int line, int col) {
    std::string_view id = FirstWord(rest);
    FlowColors colors = ParseStyles(Trim(rest.substr(id.size())), line, col);
    styles_.push_back({std::string(id), colors});
  }

  // "fill:#f9f,stroke:#333,stroke-width:4px" → the colours we draw with.
  FlowColors ParseStyles(std::string_view text, int line, int col) {
    FlowColors colors;
    for (auto [b, e] : SplitTopLevel(text, ',')) {
      std::string_view item = Trim(text.substr(b, e - b));
      if (!item.empty() && item.back() == ';') item.remove_suffix(1);
      size_t colon = item.find(':');
      if (colon == std::string_view::npos) continue;
      std::string_view key = Trim(item.substr(0, colon));
      std::string_view value = Trim(item.substr(colon + 1));
      if (size_t bang = value.find('!'); bang != std::string_view::npos)
        value = Trim(value.substr(0, bang));
      uint32_t* target = key == "fill"     ? &colors.fill
                         : key == "stroke" ? &colors.stroke
                         : key == "color"  ? &colors.text
                                           : nullptr;
      if (!target) continue;
      if (auto c = ParseColor(value))
        *target = *c;
      else
        Warn(line, col, "unknown colour '" + std::string(value) + "'");
    }
    return colors;
  }

  // A chain: group (edge group)* where a group is `node (& node)*`.
  void ChainStatement(std::string_view s, int line, int col) {
    text_ = s;
    pos_ = 0;
    line_ = line;
    col_ = col;
    std::vector<int> group;
    if (!NodeGroup(&group)) return;
    while (true) {
      SkipSpaces();
      if (pos_ >= text_.size()) return;
      FlowEdge edge;
      size_t edge_at = pos_;
      size_t reported = diagnostics_.size();
      if (!Edge(&edge)) {
        if (diagnostics_.size() == reported)
          Warn(line_, Col(edge_at),
               "expected an edge (-->, ---, -.->, ==>) at '" + Excerpt(edge_at) + "'");
        return;
      }
      SkipSpaces();
      std::vector<int> next;
      if (pos_ >= text_.size()) {
        Warn(line_, Col(edge_at), "the edge has no target node");
        return;
      }
      if (!NodeGroup(&next)) return;
      for (int from : group)
        for (int to : next) AddEdge(edge, from, to);
      group = std::move(next);
    }
  }

  void AddEdge(const FlowEdge& edge, int from, int to) {
    if (from < 0 || to < 0) return;
    if (static_cast<int>(chart_.edges.size()) >= kMaxFlowEdges) {
      if (!edge_limit_reported_)
        Limit(line_, col_,
              "more than " + std::to_string(kMaxFlowEdges) + " edges: the rest are left out");
      edge_limit_reported_ = true;
      return;
    }
    FlowEdge e = edge;
    e.from = from;
    e.to = to;
    e.line = line_;
    chart_.edges.push_back(std::move(e));
  }

  int Col(size_t at) const { return col_ + static_cast<int>(at); }

  std::string Excerpt(size_t at) const {
    std::string out(text_.substr(at, 12));
    if (at + 12 < text_.size()) {
      CutUtf8(out, 12);
      if (out.size() == 12 || out.find("…") == std::string::npos) out += "…";
    }
    return out;
  }

  void SkipSpaces() {
    while (pos_ < text_.size() && IsSpace(text_[pos_])) ++pos_;
  }

  bool NodeGroup(std::vector<int>* group) {
    while (true) {
      SkipSpaces();
      int node = -1;
      if (!Node(&node)) return false;
      group->push_back(node);
      SkipSpaces();
      if (pos_ < text_.size() && text_[pos_] == '&') {
        ++pos_;
        continue;
      }
      return true;
    }
  }

  // id, then an optional shape with its label, then an optional `:::class`.
  bool Node(int* index) {
    size_t start = pos_;
    while (pos_ < text_.size()) {
      unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (IsIdChar(c)) {
        ++pos_;
      } else if (c == '-' || c == '.') {
        // Part of an id (`my-node`, `v1.2`) unless an edge starts here.
        char next = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
        if (next == '-' || next == '.' || next == '>' || next == '=' ||
            !IsIdChar(static_cast<unsigned char>(next)))
          break;
        if (c == '.' && pos_ > start && text_[pos_ - 1] == '-') break;
        ++pos_;
      } else {
        break;
      }
    }
    if (pos_ == start) {
      Warn(line_, Col(start),
           pos_ < text_.size() ? "expected a node id at '" + Excerpt(start) + "'"
                               : "expected a node id");
      return false;
    }
    std::string id(text_.substr(start, pos_ - start));
    if (id == "end" || id == "subgraph") {
      Warn(line_, Col(start),
           "'" + id + "' cannot be a node id (mermaid keyword); write End or \"" + id + "\"");
    }
    *index = GetNode(id, start);
    // A shape: directly after the id, or after spaces for the bracket forms.
    size_t after_id = pos_;
    SkipSpaces();
    bool spaced = pos_ > after_id;
    bool shaped = false;
    if (text_.compare(pos_, 2, "@{") == 0) {
      if (!ShapeObject(*index)) return false;
      shaped = true;
    } else {
      for (const Shape& shape : kShapes) {
        if (text_.compare(pos_, shape.open.size(), shape.open) != 0) continue;
        if (shape.open == ">" && spaced) break;
        if (!ShapeLabel(shape, *index)) return false;
        shaped = true;
        break;
      }
    }
    if (!shaped) pos_ = after_id;  // the spaces belong to what follows
    if (text_.compare(pos_, 3, ":::") == 0) {
      pos_ += 3;
      size_t cls = pos_;
      while (pos_ < text_.size() &&
             (IsIdChar(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '-'))
        ++pos_;
      if (*index >= 0)
        classes_.push_back({chart_.nodes[static_cast<size_t>(*index)].id,
                            std::string(text_.substr(cls, pos_ - cls))});
    }
    return true;
  }

  // [ label ] and its kin. Quoted labels may hold any bracket; unquoted ones may hold
  // balanced brackets (mermaid would refuse them).
  bool ShapeLabel(const Shape& shape, int index) {
    size_t open_at = pos_;
    pos_ += shape.open.size();
    size_t label_begin = pos_;
    std::string_view label;
    bool alt = false;
    size_t q = pos_;
    while (q < text_.size() && IsSpace(text_[q])) ++q;
    auto closes_at = [&](size_t at) -> int {
      if (text_.compare(at, shape.close.size(), shape.close) == 0) return 1;
      if (!shape.close_alt.empty() &&
          text_.compare(at, shape.close_alt.size(), shape.close_alt) == 0)
        return 2;
      return 0;
    };
    if (q < text_.size() && text_[q] == '"') {
      size_t end_quote = text_.find('"', q + 1);
      if (end_quote == std::string_view::npos) {
        Warn(line_, Col(q), "the quoted label is never closed");
        return false;
      }
      label = text_.substr(q + 1, end_quote - q - 1);
      pos_ = end_quote + 1;
      SkipSpaces();
      int which = closes_at(pos_);
      if (which == 0) {
        Warn(line_, Col(pos_),
             "expected '" + std::string(shape.close) + "' after the quoted label");
        return false;
      }
      alt = which == 2;
      pos_ += which == 2 ? shape.close_alt.size() : shape.close.size();
    } else {
      int depth = 0;
      size_t at = pos_;
      int which = 0;
      for (; at < text_.size(); ++at) {
        if (depth == 0 && (which = closes_at(at)) != 0) break;
        char c = text_[at];
        if (c == '(' || c == '[' || c == '{')
          ++depth;
        else if ((c == ')' || c == ']' || c == '}') && depth > 0)
          --depth;
      }
      if (which == 0) {
        Warn(line_, Col(open_at),
             "'" + std::string(shape.open) + "' is never closed (expected '" +
                 std::string(shape.close) + "')");
        label = text_.substr(label_begin);
        pos_ = text_.size();
      } else {
        label = text_.substr(label_begin, at - label_begin);
        alt = which == 2;
        pos_ = at + (which == 2 ? shape.close_alt.size() : shape.close.size());
      }
    }
    if (index >= 0) {
      FlowNode& node = chart_.nodes[static_cast<size_t>(index)];
      node.shape = alt ? shape.shape_alt : shape.shape;
      node.label = MakeLabel(label, Col(label_begin));
    }
    return true;
  }

  // mermaid 11: A@{ shape: diamond, label: "text" }
  bool ShapeObject(int index) {
    size_t open_at = pos_;
    size_t close = text_.find('}', pos_);
    if (close == std::string_view::npos) {
      Warn(line_, Col(open_at), "'@{' is never closed");
      pos_ = text_.size();
      return false;
    }
    std::string_view body = text_.substr(pos_ + 2, close - pos_ - 2);
    pos_ = close + 1;
    if (index < 0) return true;
    FlowNode& node = chart_.nodes[static_cast<size_t>(index)];
    for (auto [b, e] : SplitTopLevel(body, ',')) {
      std::string_view item = Trim(body.substr(b, e - b));
      size_t colon = item.find(':');
      if (colon == std::string_view::npos) continue;
      std::string_view key = Trim(item.substr(0, colon));
      std::string_view value = Trim(item.substr(colon + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.substr(1, value.size() - 2);
      if (key == "shape") {
        bool known = false;
        for (const ShapeName& n : kShapeNames)
          if (n.name == value) node.shape = n.shape, known = true;
        if (!known)
          Warn(line_, Col(open_at),
               "unknown shape '" + std::string(value) + "'; drawn as a rectangle");
      } else if (key == "label") {
        node.label = MakeLabel(value, Col(open_at));
      }
    }
    return true;
  }

  std::string MakeLabel(std::string_view raw, int col) {
    std::string label = CleanLabel(raw);
    if (label.size() > kMaxLabelBytes) {
      Limit(line_, col, "a label longer than " + std::to_string(kMaxLabelBytes) + " bytes is cut");
      CutUtf8(label, kMaxLabelBytes);
    }
    return label;
  }

  int GetNode(const std::string& id, size_t at) {
    auto it = node_index_.find(id);
    int index;
    if (it != node_index_.end()) {
      index = it->second;
    } else {
      if (static_cast<int>(chart_.nodes.size()) >= kMaxFlowNodes) {
        if (!node_limit_reported_)
          Limit(line_, Col(at),
                "more than " + std::to_string(kMaxFlowNodes) + " nodes: the rest are left out");
        node_limit_reported_ = true;
        return -1;
      }
      FlowNode node;
      node.id = id;
      node.label = id;
      CutUtf8(node.label, kMaxLabelBytes);
      node.line = line_;
      index = static_cast<int>(chart_.nodes.size());
      node_index_[id] = index;
      chart_.nodes.push_back(std::move(node));
    }
    if (!open_.empty()) open_.back().mentioned.push_back(index);
    return index;
  }

  // An edge at pos_: its stroke, ends, length and label. Leaves pos_ after it.
  bool Edge(FlowEdge* edge) {
    size_t start = pos_;
    auto at = [&](size_t i) { return i < text_.size() ? text_[i] : '\0'; };
    auto end_marker = [](char c) {
      return c == '>'   ? EdgeEnd::kArrow
             : c == 'o' ? EdgeEnd::kCircle
             : c == 'x' ? EdgeEnd::kCross
                        : EdgeEnd::kNone;
    };
    // An optional start marker: <-- o-- x--.
    char c0 = at(pos_);
    EdgeEnd start_end = EdgeEnd::kNone;
    if ((c0 == '<' || c0 == 'o' || c0 == 'x') && (at(pos_ + 1) == '-' || at(pos_ + 1) == '=')) {
      start_end = end_marker(c0 == '<' ? '>' : c0);
      ++pos_;
    }
    char k = at(pos_);
    edge->start = start_end;
    if (k == '~') {
      size_t n = 0;
      while (at(pos_) == '~') ++pos_, ++n;
      if (n < 3) return pos_ = start, false;
      edge->stroke = EdgeStroke::kInvisible;
      edge->end = EdgeEnd::kNone;
      edge->length = static_cast<int>(n) - 2;
    } else if (k == '-' || k == '=') {
      size_t n = 0;
      while (at(pos_) == k) ++pos_, ++n;
      edge->stroke = k == '=' ? EdgeStroke::kThick : EdgeStroke::kNormal;
      if (k == '-' && at(pos_) == '.') {
        // Dotted: -.- -.-> -..-> and -. text .->
        if (n != 1) return pos_ = start, false;
        size_t dots = 0;
        while (at(pos_) == '.') ++pos_, ++dots;
        edge->stroke = EdgeStroke::kDotted;
        if (at(pos_) == '-') {
          ++pos_;
          edge->end = end_marker(at(pos_));
          if (edge->end != EdgeEnd::kNone) ++pos_;
          edge->length = static_cast<int>(dots);
        } else if (dots == 1 && IsSpace(at(pos_))) {
          if (!TextEdge('.', edge)) return pos_ = start, false;
        } else {
          return pos_ = start, false;
        }
      } else if (n >= 2 && end_marker(at(pos_)) != EdgeEnd::kNone) {
        edge->end = end_marker(at(pos_));
        ++pos_;
        edge->length = static_cast<int>(n) - 1;
      } else if (n >= 3) {
        edge->end = EdgeEnd::kNone;
        edge->length = static_cast<int>(n) - 2;
      } else if (n == 2) {
        if (!TextEdge(k, edge)) return pos_ = start, false;
      } else {
        return pos_ = start, false;
      }
    } else {
      return false;
    }
    // |label|
    size_t before = pos_;
    SkipSpaces();
    if (at(pos_) == '|') {
      size_t from = pos_ + 1;
      while (from < text_.size() && IsSpace(text_[from])) ++from;
      if (at(from) == '"') {
        size_t quote = text_.find('"', from + 1);
        if (quote != std::string_view::npos) from = quote + 1;
      }
      size_t close = text_.find('|', from);
      if (close == std::string_view::npos) {
        Warn(line_, Col(pos_), "the edge label '|' is never closed");
        pos_ = text_.size();
        return false;
      }
      std::string_view label = Trim(text_.substr(pos_ + 1, close - pos_ - 1));
      if (label.size() >= 2 && label.front() == '"' && label.back() == '"')
        label = label.substr(1, label.size() - 2);
      edge->label = MakeLabel(label, Col(pos_ + 1));
      pos_ = close + 1;
    } else {
      pos_ = before;
    }
    return true;
  }

  // `-- text -->`, `== text ==>`, `-. text .->`: pos_ is after the opening token (k is
  // '-', '=' or '.' for dotted); reads the text and the closing token.
  bool TextEdge(char k, FlowEdge* edge) {
    auto at = [&](size_t i) { return i < text_.size() ? text_[i] : '\0'; };
    auto end_marker = [](char c) {
      return c == '>'   ? EdgeEnd::kArrow
             : c == 'o' ? EdgeEnd::kCircle
             : c == 'x' ? EdgeEnd::kCross
                        : EdgeEnd::kNone;
    };
    for (size_t i = pos_; i < text_.size(); ++i) {
      size_t j = i;
      EdgeEnd end = EdgeEnd::kNone;
      int length = 1;
      if (k == '.') {
        if (text_.compare(i, 2, ".-") != 0) continue;
        j = i + 2;
        end = end_marker(at(j));
      } else {
        if (at(i) != k || at(i + 1) != k) continue;
        size_t run = 0;
        while (at(j) == k) ++j, ++run;
        end = end_marker(at(j));
        if (end != EdgeEnd::kNone) {
          length = static_cast<int>(run) - 1;
        } else if (run >= 3) {
          length = static_cast<int>(run) - 2;
        } else {
          i = j - 1;
          continue;
        }
      }
      edge->label = MakeLabel(text_.substr(pos_, i - pos_), Col(pos_));
      edge->end = end;
      edge->length = length;
      pos_ = end == EdgeEnd::kNone ? j : j + 1;
      return true;
    }
    std::string closer = k == '.' ? ".->" : std::string(2, k) + ">";
    Warn(line_, Col(pos_), "the edge text is never closed (expected '" + closer + "')");
    pos_ = text_.size();
    return false;
  }

  // [SECTION] Classes and styles, applied once everything is read
  void ApplyClasses() {
    auto apply = [](FlowColors& to, const FlowColors& from) {
      if (from.fill) to.fill = from.fill;
      if (from.stroke) to.stroke = from.stroke;
      if (from.text) to.text = from.text;
    };
    if (auto it = class_colors_.find("default"); it != class_colors_.end())
      for (FlowNode& n : chart_.nodes) apply(n.colors, it->second);
    auto target = [&](const std::string& id) -> FlowColors* {
      if (auto n = node_index_.find(id); n != node_index_.end())
        return &chart_.nodes[static_cast<size_t>(n->second)].colors;
      if (auto s = subgraph_index_.find(id); s != subgraph_index_.end())
        return &chart_.subgraphs[static_cast<size_t>(s->second)].colors;
      return nullptr;
    };
    for (const auto& [id, cls] : classes_) {
      auto it = class_colors_.find(cls);
      FlowColors* to = target(id);
      if (it != class_colors_.end() && to) apply(*to, it->second);
    }
    for (const auto& [id, colors] : styles_)
      if (FlowColors* to = target(id)) apply(*to, colors);
  }

  // An edge may name a subgraph (`A --> sub1`): mermaid then draws it to the subgraph's
  // box. Such an id was read as a node; it becomes the subgraph again here, and the edge
  // goes to the subgraph's first node (FlowEdge::to_subgraph keeps the box to clip at).
  void MergeSubgraphEndpoints() {
    if (chart_.subgraphs.empty()) return;
    std::vector<int> as_subgraph(chart_.nodes.size(), -1);
    bool any = false;
    for (size_t i = 0; i < chart_.nodes.size(); ++i) {
      auto it = subgraph_index_.find(chart_.nodes[i].id);
      if (it == subgraph_index_.end()) continue;
      as_subgraph[i] = it->second;
      any = true;
    }
    if (!any) return;
    // The first node inside each subgraph (or inside one of its descendants).
    std::vector<int> first_member(chart_.subgraphs.size(), -1);
    for (size_t i = 0; i < chart_.nodes.size(); ++i) {
      if (as_subgraph[i] >= 0) continue;
      for (int s = chart_.nodes[i].subgraph; s >= 0;
           s = chart_.subgraphs[static_cast<size_t>(s)].parent)
        if (first_member[static_cast<size_t>(s)] < 0)
          first_member[static_cast<size_t>(s)] = static_cast<int>(i);
    }
    std::vector<int> renumber(chart_.nodes.size(), -1);
    std::vector<FlowNode> kept;
    for (size_t i = 0; i < chart_.nodes.size(); ++i) {
      if (as_subgraph[i] >= 0 && first_member[static_cast<size_t>(as_subgraph[i])] >= 0) continue;
      renumber[i] = static_cast<int>(kept.size());
      kept.push_back(std::move(chart_.nodes[i]));
    }
    std::vector<FlowEdge> edges;
    for (FlowEdge e : chart_.edges) {
      auto map_end = [&](int& node, int& sub) {
        int s = as_subgraph[static_cast<size_t>(node)];
        if (s >= 0 && first_member[static_cast<size_t>(s)] >= 0) {
          sub = s;
          node = renumber[static_cast<size_t>(first_member[static_cast<size_t>(s)])];
        } else {
          node = renumber[static_cast<size_t>(node)];
        }
      };
      map_end(e.from, e.from_subgraph);
      map_end(e.to, e.to_subgraph);
      if (e.from_subgraph >= 0 && e.from_subgraph == e.to_subgraph) continue;
      edges.push_back(std::move(e));
    }
    chart_.nodes = std::move(kept);
    chart_.edges = std::move(edges);
    node_index_.clear();
    for (size_t i = 0; i < chart_.nodes.size(); ++i)
      node_index_[chart_.nodes[i].id] = static_cast<int>(i);
  }

  Flowchart& chart_;
  std::vector<Diagnostic>& diagnostics_;
  std::unordered_map<std::string, int> node_index_;
  std::unordered_map<std::string, int> subgraph_index_;
  std::vector<OpenSubgraph> open_;
  int ignored_depth_ = 0;
  std::map<std::string, FlowColors> class_colors_;
  std::vector<std::pair<std::string, std::string>> classes_;  // (node or subgraph id, class)
  std::vector<std::pair<std::string, FlowColors>> styles_;
  bool node_limit_reported_ = false;
  bool edge_limit_reported_ = false;
  bool subgraph_limit_reported_ = false;
  int warnings_ = 0;
  // The statement being read.
  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 0;
  int col_ = 1;
};

bool ParseDirection(std::string_view word, FlowDirection* direction) {
  if (word == "TB" || word == "TD" || word == "v")
    *direction = FlowDirection::kTopBottom;
  else if (word == "BT" || word == "^")
    *direction = FlowDirection::kBottomTop;
  else if (word == "LR" || word == ">")
    *direction = FlowDirection::kLeftRight;
  else if (word == "RL" || word == "<")
    *direction = FlowDirection::kRightLeft;
  else
    return false;
  return true;
}

}  // namespace

// [SECTION] Entry points ---------------------------------------------------------------

MermaidDiagram ParseMermaid(std::string_view source) {
  MermaidDiagram out;
  if (source.size() > kMaxMermaidBytes) {
    out.diagnostics.push_back(MakeDiagnostic(DiagnosticCode::kLimitExceeded, {1, 1},
                                             "a mermaid diagram larger than 1 MiB is cut"));
    source = source.substr(0, kMaxMermaidBytes);
  }
  std::vector<std::string_view> lines;
  for (size_t start = 0; start <= source.size();) {
    size_t nl = source.find('\n', start);
    if (nl == std::string_view::npos) nl = source.size();
    std::string_view line = source.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = nl + 1;
  }
  size_t i = 0;
  // Mermaid's own front matter (--- title: … ---) and blank or comment lines come first.
  auto skip_blank = [&] {
    while (i < lines.size() && (Trim(lines[i]).empty() || Trim(lines[i]).substr(0, 2) == "%%")) ++i;
  };
  skip_blank();
  if (i < lines.size() && Trim(lines[i]) == "---") {
    size_t j = i + 1;
    while (j < lines.size() && Trim(lines[j]) != "---") ++j;
    if (j < lines.size()) i = j + 1;
    skip_blank();
  }
  if (i >= lines.size()) return out;
  std::string_view header = Trim(lines[i]);
  std::string_view word = FirstWord(header);
  out.type = std::string(word);
  int header_line = static_cast<int>(i) + 1;
  int header_col = static_cast<int>(header.data() - lines[i].data()) + 1;
  if (word == "sequenceDiagram") {
    out.kind = DiagramKind::kSequence;
    std::string_view rest = Trim(header.substr(word.size()));
    if (!rest.empty())
      out.diagnostics.push_back(MakeDiagnostic(DiagnosticCode::kDiagramSyntax,
                                               {header_line, header_col},
                                               "unexpected text after 'sequenceDiagram'"));
    ParseSequenceLines(lines, i + 1, &out.sequence, &out.diagnostics);
    return out;
  }
  if (word != "graph" && word != "flowchart" && word != "flowchart-elk") {
    out.kind = DiagramKind::kOther;
    out.diagnostics.push_back(
        MakeDiagnostic(DiagnosticCode::kUnsupportedDiagram, {header_line, header_col}, out.type));
    return out;
  }
  out.kind = DiagramKind::kFlowchart;
  FlowParser parser(out.flowchart, out.diagnostics);
  // The header may carry a direction and, after `;`, statements.
  std::string_view rest = header.substr(word.size());
  size_t lead = 0;
  while (lead < rest.size() && IsSpace(rest[lead])) ++lead;
  std::string_view direction = FirstWord(rest.substr(lead));
  if (!direction.empty() && ParseDirection(direction, &out.flowchart.direction)) {
    lead += direction.size();
  } else if (!direction.empty() && direction.find_first_of("-=[({>") == std::string_view::npos) {
    out.diagnostics.push_back(MakeDiagnostic(
        DiagnosticCode::kDiagramSyntax,
        {header_line, header_col + static_cast<int>(word.size() + lead)},
        "unknown direction '" + std::string(direction) + "' (TB, TD, BT, LR or RL)"));
    lead += direction.size();
  }
  std::string_view after = rest.substr(lead);
  if (!Trim(after).empty()) {
    std::string padded(header.data() - lines[i].data() + word.size() + lead, ' ');
    padded += after;
    parser.Line(padded, header_line);
  }
  for (++i; i < lines.size(); ++i) parser.Line(lines[i], static_cast<int>(i) + 1);
  parser.Finish(static_cast<int>(lines.size()));
  return out;
}

std::vector<Diagnostic> CheckDiagramBlock(const Block& block) {
  std::vector<Diagnostic> out;
  if (block.kind != BlockKind::kDiagram || block.code.language != "mermaid") return out;
  MermaidDiagram diagram = ParseMermaid(block.text);
  if (diagram.kind == DiagramKind::kFlowchart) {
    // What LayoutLayered would refuse, said here once rather than at every layout.
    LayeredGraph graph;
    graph.nodes.resize(diagram.flowchart.nodes.size());
    for (const FlowEdge& e : diagram.flowchart.edges) {
      LayeredGraph::Edge ge;
      ge.from = e.from;
      ge.to = e.to;
      ge.min_ranks = e.length;
      graph.edges.push_back(ge);
    }
    int count = CountLayerNodes(graph);
    if (count > kMaxLayerNodes)
      diagram.diagnostics.push_back(
          MakeDiagnostic(DiagnosticCode::kLimitExceeded, {},
                         "the flowchart is too large to draw (" + std::to_string(count) +
                             " nodes once long edges are split; at most " +
                             std::to_string(kMaxLayerNodes) + "): shown as source"));
  }
  for (Diagnostic d : diagram.diagnostics) {
    if (d.pos.line > 0 && block.pos.line > 0) {
      d.pos.line += block.pos.line;
      d.pos.col += std::max(0, block.pos.col - 1);
    } else {
      d.pos = block.pos;
    }
    out.push_back(std::move(d));
  }
  return out;
}

std::string CleanMermaidText(std::string_view raw) { return CleanLabel(raw); }

// [SECTION] Dump ------------------------------------------------------------------------

std::string_view NodeShapeName(NodeShape shape) {
  switch (shape) {
    case NodeShape::kRect:
      return "rect";
    case NodeShape::kRounded:
      return "rounded";
    case NodeShape::kStadium:
      return "stadium";
    case NodeShape::kSubroutine:
      return "subroutine";
    case NodeShape::kCylinder:
      return "cylinder";
    case NodeShape::kCircle:
      return "circle";
    case NodeShape::kDoubleCircle:
      return "double-circle";
    case NodeShape::kAsymmetric:
      return "asymmetric";
    case NodeShape::kDiamond:
      return "diamond";
    case NodeShape::kHexagon:
      return "hexagon";
    case NodeShape::kParallelogram:
      return "parallelogram";
    case NodeShape::kParallelogramAlt:
      return "parallelogram-alt";
    case NodeShape::kTrapezoid:
      return "trapezoid";
    case NodeShape::kTrapezoidAlt:
      return "trapezoid-alt";
  }
  return "?";
}

namespace {

std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '\n')
      out += "\\n";
    else if (c == '"')
      out += "\\\"";
    else
      out += c;
  }
  return out + "\"";
}

std::string DumpColors(const FlowColors& c) {
  std::string out;
  if (c.fill) out += " fill=" + FormatColor(c.fill);
  if (c.stroke) out += " stroke=" + FormatColor(c.stroke);
  if (c.text) out += " color=" + FormatColor(c.text);
  return out;
}

std::string EdgeArrow(const FlowEdge& e) {
  auto mark = [](EdgeEnd end, bool left) -> std::string {
    switch (end) {
      case EdgeEnd::kNone:
        return "";
      case EdgeEnd::kArrow:
        return left ? "<" : ">";
      case EdgeEnd::kCircle:
        return "o";
      case EdgeEnd::kCross:
        return "x";
    }
    return "";
  };
  std::string body;
  switch (e.stroke) {
    case EdgeStroke::kNormal:
      body = e.end == EdgeEnd::kNone ? "---" : "--";
      break;
    case EdgeStroke::kDotted:
      body = "-.-";
      break;
    case EdgeStroke::kThick:
      body = e.end == EdgeEnd::kNone ? "===" : "==";
      break;
    case EdgeStroke::kInvisible:
      body = "~~~";
      break;
  }
  return mark(e.start, true) + body + mark(e.end, false);
}

}  // namespace

std::string DumpFlowchart(const Flowchart& chart) {
  static constexpr std::string_view kDirections[] = {"TB", "BT", "LR", "RL"};
  std::string out = "flowchart ";
  out += kDirections[static_cast<int>(chart.direction)];
  out += '\n';
  for (const FlowSubgraph& s : chart.subgraphs) {
    out += "subgraph " + s.id + " " + Quote(s.title);
    if (s.parent >= 0) out += " in=" + chart.subgraphs[static_cast<size_t>(s.parent)].id;
    out += DumpColors(s.colors) + "\n";
  }
  for (const FlowNode& n : chart.nodes) {
    out += "node " + n.id + " ";
    out += NodeShapeName(n.shape);
    out += " " + Quote(n.label);
    if (n.subgraph >= 0) out += " in=" + chart.subgraphs[static_cast<size_t>(n.subgraph)].id;
    out += DumpColors(n.colors) + "\n";
  }
  for (const FlowEdge& e : chart.edges) {
    out += "edge ";
    out += e.from_subgraph >= 0
               ? "[" + chart.subgraphs[static_cast<size_t>(e.from_subgraph)].id + "]"
               : chart.nodes[static_cast<size_t>(e.from)].id;
    out += " " + EdgeArrow(e) + " ";
    out += e.to_subgraph >= 0 ? "[" + chart.subgraphs[static_cast<size_t>(e.to_subgraph)].id + "]"
                              : chart.nodes[static_cast<size_t>(e.to)].id;
    if (e.length > 1) out += " length=" + std::to_string(e.length);
    if (!e.label.empty()) out += " " + Quote(e.label);
    out += "\n";
  }
  return out;
}

}  // namespace podium
