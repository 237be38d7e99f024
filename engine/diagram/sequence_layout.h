// LayoutSequence: a parsed mermaid sequence diagram → a LayoutBox, fitted like a flowchart.
//
//   MermaidDiagram d = ParseMermaid("sequenceDiagram\n  A->>B: hi\n");
//   SequenceResult r = LayoutSequence(d.sequence, fonts, theme, sizing);  // FlowchartSizing
//   PlaceBox(r.box, x, y, step, &slide);   // top-left at (x, y)
//
// Participants stand in a row, at the top and again at the bottom, their lifelines dashed
// between; each message is a row with its text above the arrow, so lifelines are spaced
// to fit the longest text between them. Notes, activations (narrow bars on the lifeline),
// autonumber circles and loop/alt/opt/par/critical/break frames (rect: a tinted band) are
// drawn in the theme's colours. The box's origin is its top-left corner.
#pragma once

#include <string>
#include <vector>

#include "diagram/flowchart_layout.h"
#include "diagram/sequence.h"

namespace podium {

struct SequenceResult {
  bool ok = false;
  LayoutBox box;
  float scale = 1;
  bool overflow = false;
  std::vector<char32_t> missing;
  std::string text;  // participants and messages in reading order
  // Where the participants' lifelines run (x, box coordinates) and each message's row (y),
  // for tests.
  std::vector<float> lifelines;
  std::vector<float> message_rows;
};

SequenceResult LayoutSequence(const SequenceDiagram& diagram, const FontSet& fonts,
                              const Theme& theme, const FlowchartSizing& sizing);

}  // namespace podium
