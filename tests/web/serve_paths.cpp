// deckc serve's request paths (tools/common/serve.h): which targets split into which
// segments, which are refused, and how a split path resolves under a folder.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "common/serve.h"

namespace podium::tools {
namespace {

namespace fs = std::filesystem;

struct SplitCase {
  const char* target;
  bool ok;
  std::vector<std::string> segments;
};

TEST(ServePaths, SplitsAndRefuses) {
  const SplitCase cases[] = {
      {"/", true, {}},
      {"/player/", true, {"player"}},
      {"/player/index.html?deck=/deck/a.md#/3", true, {"player", "index.html"}},
      {"/deck/my%20talk.md", true, {"deck", "my talk.md"}},
      {"/deck/%E8%AE%B2%E7%A8%BF.md", true, {"deck", "讲稿.md"}},
      {"/deck/a+b.png", true, {"deck", "a+b.png"}},
      {"/deck/..", false, {}},
      {"/deck/../x", false, {}},
      {"/deck/./x", false, {}},
      {"/deck/%2e%2e/x", false, {}},
      {"/deck/%2E./x", false, {}},
      {"/deck/.git/config", false, {}},
      {"/deck/..%2fx", false, {}},
      {"/deck/a%2Fb", false, {}},
      {"/deck/a%5cb", false, {}},
      {"/deck/a\\b", false, {}},
      {"/deck/a%00b", false, {}},
      {"/deck/a%zz", false, {}},
      {"/deck/a%2", false, {}},
      {"//etc/passwd", false, {}},
      {"/deck//x", false, {}},
      {"deck/x", false, {}},
      {"http://127.0.0.1/deck/x", false, {}},
      {"*", false, {}},
      {"", false, {}},
  };
  for (const SplitCase& c : cases) {
    std::vector<std::string> segments;
    PathCheck check = SplitTargetPath(c.target, &segments);
    EXPECT_EQ(check == PathCheck::kOk, c.ok) << c.target;
    if (c.ok) EXPECT_EQ(segments, c.segments) << c.target;
  }
}

TEST(ServePaths, ResolvesInsideAndRefusesSymlinksThatLeave) {
  fs::path base = fs::temp_directory_path() / ("podium-serve-paths-" + std::to_string(::getpid()));
  fs::remove_all(base);
  fs::create_directories(base / "site" / "images");
  std::ofstream(base / "secret.txt") << "secret";
  std::ofstream(base / "site" / "index.html") << "<!doctype html>";
  std::ofstream(base / "site" / "images" / "a.png") << "png";
  fs::create_symlink("images/a.png", base / "site" / "inside.png");
  fs::create_symlink("../secret.txt", base / "site" / "outside.txt");
  fs::create_directory_symlink("..", base / "site" / "up");
  fs::path root = fs::canonical(base / "site");

  fs::path file;
  EXPECT_EQ(ResolveUnder(root, {"images", "a.png"}, &file), Lookup::kFile);
  EXPECT_EQ(file, root / "images" / "a.png");
  EXPECT_EQ(ResolveUnder(root, {}, &file), Lookup::kFile);  // the folder's index.html
  EXPECT_EQ(file, root / "index.html");
  EXPECT_EQ(ResolveUnder(root, {"inside.png"}, &file), Lookup::kFile);
  EXPECT_EQ(file, root / "images" / "a.png");
  EXPECT_EQ(ResolveUnder(root, {"images"}, &file), Lookup::kNotFound);  // no index.html
  EXPECT_EQ(ResolveUnder(root, {"nope.png"}, &file), Lookup::kNotFound);
  EXPECT_EQ(ResolveUnder(root, {"outside.txt"}, &file), Lookup::kRefused);
  EXPECT_EQ(ResolveUnder(root, {"up", "secret.txt"}, &file), Lookup::kRefused);
  EXPECT_EQ(ResolveUnder(root, {"up", "site", "index.html"}, &file), Lookup::kFile);  // back in
  fs::remove_all(base);
}

TEST(ServePaths, ContentTypesAndEncoding) {
  EXPECT_EQ(ContentTypeFor("podium.wasm"), "application/wasm");
  EXPECT_EQ(ContentTypeFor("a/TALK.MD"), "text/markdown; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("x.PNG"), "image/png");
  EXPECT_EQ(ContentTypeFor("noext"), "application/octet-stream");
  EXPECT_EQ(PercentEncode("my talk-1_~.md"), "my%20talk-1_~.md");
  EXPECT_EQ(PercentEncode("讲/%"), "%E8%AE%B2%2F%25");
}

}  // namespace
}  // namespace podium::tools
