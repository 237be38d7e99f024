// Every crash a fuzzer found, replayed through the very path that crashed
// (tests/fuzz/fuzz_paths.h), plus every seed of the fuzz corpus — so the fuzz paths run in
// the ordinary and the sanitizer gtest builds too, not only under clang + libFuzzer.
//
// A crash input goes into tests/robustness/regressions/ named <target>-<what>[.ext], where
// <target> is the fuzz target that found it (deck, directives, html, image, session, tex,
// mermaid); the test is named after the file. See docs/robustness.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#define PODIUM_FUZZ_CHECK(condition) EXPECT_TRUE(condition) << "contract broken: " #condition
#include "fuzz/fuzz_paths.h"
#include "test_fonts.h"
// The TeX and mermaid paths exist once the engine has those parsers (compiled from
// engine/math and engine/diagram whenever the files are there).
#if __has_include("math/typeset_math.h") && __has_include("diagram/flowchart_layout.h")
#include "fuzz/fuzz_paths_parsers.h"
#define PODIUM_HAS_PARSER_TARGETS 1
#endif

namespace podium {
namespace {

namespace fs = std::filesystem;

const std::string kRegressions = std::string(PODIUM_TESTS_DIR) + "/robustness/regressions";
const std::string kCorpus = std::string(PODIUM_TESTS_DIR) + "/fuzz/corpus";

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs `bytes` through the path of fuzz target `target`; false for an unknown target.
bool RunTarget(const std::string& target, const std::string& bytes) {
  if (target == "deck") fuzz::RunDeck(bytes, test::Fonts());
  else if (target == "directives") fuzz::RunDirectives(bytes, test::Fonts());
  else if (target == "image") fuzz::RunImage(bytes, test::Fonts());
  else if (target == "html") fuzz::RunHtml(bytes, test::Fonts());
  else if (target == "session") fuzz::RunSession(bytes);
#ifdef PODIUM_HAS_PARSER_TARGETS
  else if (target == "tex") fuzz::RunTex(bytes, test::Fonts());
  else if (target == "mermaid") fuzz::RunMermaid(bytes, test::Fonts());
#endif
  else return false;
  return true;
}

std::vector<fs::path> FilesIn(const std::string& folder) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec))
    if (entry.is_regular_file() && entry.path().extension() != ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Regression files (README.txt and other notes are skipped).
std::vector<std::string> RegressionFiles() {
  std::vector<std::string> names;
  for (const fs::path& p : FilesIn(kRegressions)) names.push_back(p.filename().string());
  return names;
}

class FuzzRegression : public testing::TestWithParam<std::string> {};

TEST_P(FuzzRegression, ReplaysWithoutCrashOrBrokenContract) {
  const std::string& name = GetParam();
  std::string target = name.substr(0, name.find('-'));
  auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(RunTarget(target, ReadBytes(fs::path(kRegressions) / name)))
      << name << ": the name must start with a fuzz target (deck-, image-, …)";
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%s: %.3f s\n", name.c_str(), seconds);
  EXPECT_LT(seconds, 30.0) << "a hang the fuzzer reported as a timeout is back";
}

std::string TestName(const testing::TestParamInfo<std::string>& info) {
  std::string out;
  for (char c : info.param) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

INSTANTIATE_TEST_SUITE_P(Robustness, FuzzRegression, testing::ValuesIn(RegressionFiles()),
                         TestName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(FuzzRegression);

// The checked-in seeds pass through their targets' paths: the fuzz paths themselves are
// correct (no contract check fires on good input) and stay compiled with gcc.
TEST(FuzzCorpus, EverySeedRunsThroughItsTarget) {
  int files = 0;
  for (const std::string target : {"deck", "directives", "html", "image", "session", "tex", "mermaid"}) {
#ifndef PODIUM_HAS_PARSER_TARGETS
    if (target == "tex" || target == "mermaid") continue;
#endif
    for (const fs::path& p : FilesIn(kCorpus + "/" + target)) {
      SCOPED_TRACE(p.string());
      RunTarget(target, ReadBytes(p));
      ++files;
    }
  }
  EXPECT_GT(files, 100);
}

}  // namespace
}  // namespace podium
