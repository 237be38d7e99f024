// Runs the literate spec files tests/math/spec/*.md: every example is a test case.
//
// An example, as in md4c's test/spec-*.txt and tests/parse/spec:
//
//   ```````````````````````````````` example
//   \frac{a}{b}
//   .
//   DumpMathNode() of ParseTex(input), then one line per error:
//   error @<byte offset> <kind>: <argument>
//   ````````````````````````````````
//
// The input is the formula without its final newline. PODIUM_SPEC_UPDATE=1 rewrites the
// expected outputs with what the parser produces now; read the diff before committing it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "math/tex_parse.h"
#include "spec_files.h"

namespace podium {
namespace {

using test::SpecExample;

const test::SpecFormat kFormat{.escapes = false, .final_newline = false};

std::string SpecDir() { return std::string(PODIUM_TESTS_DIR) + "/math/spec"; }

std::string Actual(const std::string& input) {
  ParsedTex parsed = ParseTex(input);
  std::string out = DumpMathNode(parsed.root);
  for (const TexError& e : parsed.errors) {
    const char* kind = e.kind == TexErrorKind::kUnknownCommand       ? "unknown-command"
                       : e.kind == TexErrorKind::kUnknownEnvironment ? "unknown-environment"
                                                                     : "syntax";
    out += "error @" + std::to_string(e.offset) + " " + kind + ": " + e.argument + "\n";
  }
  return out;
}

class MathSpecTest : public testing::TestWithParam<SpecExample> {};

TEST_P(MathSpecTest, Example) {
  const SpecExample& ex = GetParam();
  EXPECT_EQ(ex.expected, Actual(ex.input)) << ex.file << ":" << ex.line << ": example " << ex.number;
}

INSTANTIATE_TEST_SUITE_P(Spec, MathSpecTest, testing::ValuesIn(test::ReadSpecDir(SpecDir(), kFormat)),
                         test::SpecExampleName);

TEST(MathSpecFilesTest, EveryFileHasExamples) {
  std::vector<std::string> files = test::SpecFiles(SpecDir());
  EXPECT_FALSE(files.empty()) << "no spec files in " << SpecDir();
  for (const std::string& f : files) EXPECT_FALSE(test::ReadSpecFile(f, kFormat).empty()) << f;
  if (test::SpecUpdateRequested())
    for (const std::string& f : files)
      test::UpdateSpecFile(f, kFormat, [](const SpecExample& ex) { return Actual(ex.input); });
}

}  // namespace
}  // namespace podium
