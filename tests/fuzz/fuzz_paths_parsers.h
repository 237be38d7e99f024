// The TeX and mermaid parsers' fuzz paths (fuzz_tex, fuzz_mermaid), apart from
// fuzz_paths.h because those parsers (engine/math, engine/diagram) are newer than the rest
// of the engine: tests/fuzz/CMakeLists.txt builds their targets, and regression_test.cpp
// replays their regressions, only when the engine has them.
//
//   podium::fuzz::RunTex(bytes, fonts);       // ParseTex → TypesetMath, inline and display
//   podium::fuzz::RunMermaid(bytes, fonts);   // ParseMermaid → LayoutFlowchart
#pragma once

#include <cmath>
#include <string_view>

#include "diagram/flowchart_layout.h"
#include "diagram/mermaid.h"
#include "fuzz/fuzz_paths.h"
#include "layout/theme.h"
#include "math/tex_parse.h"
#include "math/typeset_math.h"

namespace podium::fuzz {

inline void CheckBox(const LayoutBox& box) {
  PODIUM_FUZZ_CHECK(std::isfinite(box.width) && std::isfinite(box.ascent) &&
                    std::isfinite(box.descent));
  for (const LayoutItem& item : box.items) {
    PODIUM_FUZZ_CHECK(std::isfinite(item.rect.x0) && std::isfinite(item.rect.y0) &&
                      std::isfinite(item.rect.x1) && std::isfinite(item.rect.y1));
  }
}

// A formula as written between `$…$` or `$$…$$`.
inline void RunTex(std::string_view tex, const FontSet& fonts) {
  ParsedTex parsed = ParseTex(tex);
  PODIUM_FUZZ_CHECK(parsed.root.kind == MathNodeKind::kRow);
  PODIUM_FUZZ_CHECK(parsed.errors.size() <= kMaxTexErrors);
  for (const TexError& e : parsed.errors) PODIUM_FUZZ_CHECK(e.offset <= tex.size());
  DumpMathNode(parsed.root);
  CheckBox(TypesetMath(parsed.root, fonts, 48, 0xff000000, false, 0xff0000ff));
  CheckBox(TypesetMath(parsed.root, fonts, 48, 0xff000000, true, 0xff0000ff));
}

// The source of a ```mermaid fence.
inline void RunMermaid(std::string_view source, const FontSet& fonts) {
  MermaidDiagram diagram = ParseMermaid(source);
  CheckDiagnostics(diagram.diagnostics);
  if (diagram.kind != DiagramKind::kFlowchart) return;
  FlowchartSizing sizing;
  sizing.font_size = 32;
  sizing.max_width = 1680;
  sizing.max_height = 700;
  FlowchartResult r = LayoutFlowchart(diagram.flowchart, fonts, ThemeNamed("default"), sizing);
  if (r.ok) CheckBox(r.box);
  else PODIUM_FUZZ_CHECK(!r.problem.empty());
}

}  // namespace podium::fuzz
