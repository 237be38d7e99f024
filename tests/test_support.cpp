#include "test_support.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace podium::test {

std::string RepoPath(const std::string& relative_path) {
  return std::string(PODIUM_SOURCE_DIR) + "/" + relative_path;
}

std::string ReadRepoFile(const std::string& relative_path) {
  std::ifstream in(RepoPath(relative_path), std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << relative_path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace podium::test

#include "common/deck_files.h"
#include "test_fonts.h"

namespace podium::test {

const FontSet& Fonts() {
  static const FontSet* fonts = [] {
    auto* set = new FontSet();
    std::string error;
    if (!tools::LoadSystemFonts(set, &error)) ADD_FAILURE() << error;
    return set;
  }();
  return *fonts;
}

}  // namespace podium::test
