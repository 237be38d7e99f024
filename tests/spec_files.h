// Literate spec files, as in md4c's test/spec-*.txt: Markdown prose with examples
//
//   ```````````````````````````````` example [info]
//   input
//   .
//   expected output
//   ````````````````````````````````
//
// read into test cases, and rewritten in place with what the code under test gives now
// (PODIUM_SPEC_UPDATE=1; read the diff before committing it). The parser, TeX, mermaid and
// highlighting spec tests share this reader.
//
// With escapes on, inputs may write `→` for a tab, `␍` for a carriage return, `␀` for a NUL
// byte and `⟦HH⟧` for the raw byte 0xHH, so files with bad bytes stay text.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace podium::test {

struct SpecExample {
  std::string file;   // file name without directory
  int number = 0;     // 1-based within the file
  int line = 0;       // line of the opening fence
  std::string info;   // the words after "example" on the fence (a language), or ""
  std::string input;  // escapes replaced when the format says so
  std::string expected;
};

struct SpecFormat {
  bool escapes = true;        // replace → ␍ ␀ ⟦HH⟧ in inputs
  bool final_newline = true;  // the input keeps the newline of its last line
};

// gtest prints a failing parameter with this.
void PrintTo(const SpecExample& ex, std::ostream* os);

// The .md files of `dir`, sorted; none when the folder is missing.
std::vector<std::string> SpecFiles(const std::string& dir);
std::vector<SpecExample> ReadSpecFile(const std::string& path, SpecFormat format);
std::vector<SpecExample> ReadSpecDir(const std::string& dir, SpecFormat format);

// Rewrites every expected output of the file with actual(example).
void UpdateSpecFile(const std::string& path, SpecFormat format,
                    const std::function<std::string(const SpecExample&)>& actual);

// PODIUM_SPEC_UPDATE=1 is set.
bool SpecUpdateRequested();

// "<file stem>_<number>", with characters gtest refuses in names turned into '_'.
std::string SpecExampleName(const testing::TestParamInfo<SpecExample>& info);

// A line diff (longest common subsequence): "  same", "- expected", "+ actual".
std::string LineDiff(const std::string& expected, const std::string& actual);

}  // namespace podium::test
