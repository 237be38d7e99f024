// ParseMermaid: the source of a ```mermaid fence → a diagram model plus warnings.
//
//   MermaidDiagram d = ParseMermaid("flowchart LR\n  A[Start] --> B{Ok?}\n");
//   d.kind == DiagramKind::kFlowchart; d.flowchart.nodes.size() == 2
//
// Flowcharts (`graph`, `flowchart`) are understood: directions TB TD BT LR RL, every node
// shape of mermaid 10 (flowchart.h), quoted labels, `<br>`, edges `---` `-->` `-.->` `==>`
// `~~~` `--o` `--x` `<-->` with `|labels|` or `-- text -->`, longer edges (`--->`), chains,
// `A & B --> C`, nested `subgraph id [title] … end`, `%%` comments, `;` separators,
// `A:::class`, and `classDef`/`class`/`style` lines whose fill, stroke and color are kept.
// `linkStyle`, `click` and `direction` lines are read and ignored.
//
// `sequenceDiagram` is read too (sequence.h): participants and actors, messages of every
// arrow, notes, activations, autonumber, and loop/alt/opt/par/critical/break/rect frames.
// Any other first word (pie, gantt, classDiagram, …) gives DiagramKind::kOther with `type`
// set, and one kUnsupportedDiagram warning.
//
// Never fails: bad statements are skipped with a warning at their line and column (1-based,
// within the source given), and the rest is kept. Input is bounded (kMaxFlowNodes, …):
// what is over a limit is left out with one kLimitExceeded error.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diagram/flowchart.h"
#include "diagram/sequence.h"
#include "model/deck.h"
#include "model/diagnostic.h"

namespace podium {

inline constexpr int kMaxFlowNodes = 1000;
inline constexpr int kMaxFlowEdges = 3000;
inline constexpr int kMaxFlowSubgraphs = 200;
inline constexpr int kMaxSubgraphDepth = 16;
inline constexpr size_t kMaxLabelBytes = 2000;
inline constexpr size_t kMaxMermaidBytes = 1 << 20;

enum class DiagramKind {
  kEmpty,      // nothing but blank lines and comments
  kFlowchart,  // graph, flowchart
  kSequence,   // sequenceDiagram
  kOther,      // a type that is not drawn: `type` names it
};

struct MermaidDiagram {
  DiagramKind kind = DiagramKind::kEmpty;
  std::string type;  // the first word as written: "flowchart", "sequenceDiagram", …
  Flowchart flowchart;
  SequenceDiagram sequence;
  std::vector<Diagnostic> diagnostics;  // positions within the source
};

MermaidDiagram ParseMermaid(std::string_view source);

// A label or message text as mermaid shows it: `<br>` → '\n', other tags dropped, entities
// (`#quot;`, `&amp;`) decoded, markdown-string backticks and `**` dropped, lines trimmed.
std::string CleanMermaidText(std::string_view raw);

// The warnings of a kDiagram block, at their positions in the deck's file (the source
// starts on the line after the block's opening fence).
std::vector<Diagnostic> CheckDiagramBlock(const Block& block);

}  // namespace podium
