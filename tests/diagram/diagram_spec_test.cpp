// Runs the literate spec files tests/diagram/spec/*.md: every example is a test case.
//
//   ```````````````````````````````` example
//   flowchart LR
//     A --> B
//   .
//   flowchart LR
//   node A rect "A"
//   node B rect "B"
//   edge A --> B
//   ````````````````````````````````
//
// The input is the source of a ```mermaid fence; the output is DumpFlowchart() or
// DumpSequence() (or `empty`, or `other <type>` for a diagram that is not drawn), then the
// warnings as `line:col: severity: message`, positions within the source. In inputs, `→`
// stands for a tab.
//
// PODIUM_SPEC_UPDATE=1 rewrites the expected outputs with what the parser produces now —
// for writing new examples; read the diff before committing it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "diagram/mermaid.h"
#include "spec_files.h"

namespace podium {
namespace {

using test::SpecExample;

const test::SpecFormat kFormat;  // `→` for a tab; the input ends in a newline

std::string SpecDir() { return std::string(PODIUM_TESTS_DIR) + "/diagram/spec"; }

std::string Dump(const std::string& source) {
  MermaidDiagram d = ParseMermaid(source);
  std::string out;
  switch (d.kind) {
    case DiagramKind::kEmpty:
      out = "empty\n";
      break;
    case DiagramKind::kOther:
      out = "other " + d.type + "\n";
      break;
    case DiagramKind::kFlowchart:
      out = DumpFlowchart(d.flowchart);
      break;
    case DiagramKind::kSequence:
      out = DumpSequence(d.sequence);
      break;
  }
  for (const Diagnostic& diag : d.diagnostics) {
    out += std::to_string(diag.pos.line) + ":" + std::to_string(diag.pos.col) + ": ";
    out += diag.severity == Severity::kError ? "error: " : "warning: ";
    out += DiagnosticMessage(diag) + "\n";
  }
  return out;
}

class DiagramSpecTest : public testing::TestWithParam<SpecExample> {};

TEST_P(DiagramSpecTest, Example) {
  const SpecExample& ex = GetParam();
  EXPECT_EQ(ex.expected, Dump(ex.input)) << ex.file << ":" << ex.line << ": example " << ex.number;
}

INSTANTIATE_TEST_SUITE_P(Mermaid, DiagramSpecTest, testing::ValuesIn(test::ReadSpecDir(SpecDir(), kFormat)),
                         test::SpecExampleName);

TEST(DiagramSpecFilesTest, EveryFileHasExamples) {
  std::vector<std::string> files = test::SpecFiles(SpecDir());
  EXPECT_FALSE(files.empty()) << "no spec files in " << SpecDir();
  for (const std::string& f : files) EXPECT_FALSE(test::ReadSpecFile(f, kFormat).empty()) << f;
  if (test::SpecUpdateRequested())
    for (const std::string& f : files)
      test::UpdateSpecFile(f, kFormat, [](const SpecExample& ex) { return Dump(ex.input); });
}

}  // namespace
}  // namespace podium
