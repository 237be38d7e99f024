// Runs the literate spec files tests/parse/spec/*.md: every example is a test case.
//
// An example, as in md4c's test/spec-*.txt:
//
//   ```````````````````````````````` example
//   # Markdown input
//   .
//   expected DumpDeck() output
//   ````````````````````````````````
//
// In inputs, `→` stands for a tab, `␍` for a carriage return, `␀` for a NUL byte and
// `⟦HH⟧` for the raw byte 0xHH (so that files with bad bytes can be written as text).
//
// PODIUM_SPEC_UPDATE=1 rewrites the expected outputs with what the parser produces now —
// for writing new examples; read the diff before committing it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/dump.h"
#include "parse/parse_deck.h"
#include "spec_files.h"

namespace podium {
namespace {

using test::SpecExample;

const test::SpecFormat kFormat;  // every escape; the input ends in a newline

std::string SpecDir() { return std::string(PODIUM_TESTS_DIR) + "/parse/spec"; }

class ParseSpecTest : public testing::TestWithParam<SpecExample> {};

TEST_P(ParseSpecTest, Example) {
  const SpecExample& ex = GetParam();
  std::string actual = DumpDeck(ParseDeck(ex.input));
  EXPECT_EQ(ex.expected, actual) << ex.file << ":" << ex.line << ": example " << ex.number
                                 << " differs (- expected, + actual):\n"
                                 << test::LineDiff(ex.expected, actual);
}

INSTANTIATE_TEST_SUITE_P(Spec, ParseSpecTest, testing::ValuesIn(test::ReadSpecDir(SpecDir(), kFormat)),
                         test::SpecExampleName);

TEST(ParseSpecFilesTest, EveryFileHasExamples) {
  std::vector<std::string> files = test::SpecFiles(SpecDir());
  EXPECT_FALSE(files.empty()) << "no spec files in " << SpecDir();
  for (const std::string& f : files) EXPECT_FALSE(test::ReadSpecFile(f, kFormat).empty()) << f;
  if (test::SpecUpdateRequested())
    for (const std::string& f : files)
      test::UpdateSpecFile(f, kFormat,
                           [](const SpecExample& ex) { return DumpDeck(ParseDeck(ex.input)); });
}

}  // namespace
}  // namespace podium
