// Security of deck loading (tools/common/deck_files): a deck names files, and only files
// inside its own folder are read. Every refused path is a kImagePathRefused error at the
// line that names it, and a placeholder on the slide. The same cases through the `deckc`
// binary are in tests/robustness/suite.cmake.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "common/deck_files.h"
#include "layout/layout.h"
#include "test_fonts.h"
#include "test_support.h"

namespace podium {
namespace {

namespace fs = std::filesystem;

// A scratch tree:  root/secret.png (outside)   root/deck/{deck.md, ok.png, sub/in.png, links}
class DeckFolderTest : public testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(testing::TempDir()) / ("podium-security-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "deck" / "sub");
    png_ = test::ReadRepoFile("tests/robustness/images/photo.png");
    Write(root_ / "secret.png", png_);
    Write(root_ / "deck" / "ok.png", png_);
    Write(root_ / "deck" / "sub" / "in.png", png_);
  }
  void TearDown() override { fs::remove_all(root_); }

  static void Write(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
  }

  // Loads a deck made of one image line per source; returns the diagnostics.
  tools::LoadedDeck Load(const std::vector<std::string>& sources) {
    std::string text = "# Images\n\n";
    for (const std::string& s : sources) text += "![x](" + s + ")\n\n";
    Write(root_ / "deck" / "deck.md", text);
    tools::LoadedDeck loaded;
    tools::LoadDeckFile((root_ / "deck" / "deck.md").string(), &loaded);
    EXPECT_TRUE(loaded.readable);
    return loaded;
  }

  // The diagnostic for the image on line `line`, or null.
  static const Diagnostic* At(const tools::LoadedDeck& loaded, int line) {
    for (const Diagnostic& d : loaded.deck.diagnostics)
      if (d.pos.line == line) return &d;
    return nullptr;
  }

  fs::path root_;
  std::string png_;
};

TEST_F(DeckFolderTest, PathsLeavingTheFolderAreRefusedWithADiagnostic) {
  const std::vector<std::string> hostile = {
      "../secret.png",
      "../../etc/passwd",
      "../../../../../../../../etc/passwd",
      "sub/../../secret.png",
      "./../secret.png",
      "sub/./../../secret.png",
      "/etc/passwd",
      (root_ / "secret.png").string(),  // absolute, even when it exists
      "//etc/passwd",
  };
  tools::LoadedDeck loaded = Load(hostile);
  int line = 3;
  for (const std::string& src : hostile) {
    const Diagnostic* d = At(loaded, line);
    ASSERT_NE(d, nullptr) << src;
    EXPECT_EQ(d->code, DiagnosticCode::kImagePathRefused) << src;
    EXPECT_EQ(d->severity, Severity::kError) << src;
    EXPECT_EQ(d->argument, src);
    const ImageStore::Image* image = loaded.images.Find(src);
    ASSERT_NE(image, nullptr) << src;
    EXPECT_FALSE(image->ok) << src;
    std::printf("[security] %s  (%s)\n", FormatDiagnostic("deck.md", *d).c_str(),
                image->error.c_str());
    line += 2;
  }
}

TEST_F(DeckFolderTest, WebRootPathsReadThePublicFolderThenTheDeckFolder) {
  fs::create_directories(root_ / "deck" / "public" / "img");
  fs::copy_file(root_ / "deck" / "ok.png", root_ / "deck" / "public" / "img" / "logo.png");
  tools::LoadedDeck loaded = Load({"/img/logo.png", "/ok.png", "/missing.png"});
  EXPECT_TRUE(loaded.images.Find("/img/logo.png")->ok) << "Slidev's public/ folder";
  EXPECT_TRUE(loaded.images.Find("/ok.png")->ok) << "the deck's folder";
  EXPECT_EQ(At(loaded, 3), nullptr);
  EXPECT_EQ(At(loaded, 5), nullptr);
  const Diagnostic* d = At(loaded, 7);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->code, DiagnosticCode::kImagePathRefused);
}

TEST_F(DeckFolderTest, PathsInsideTheFolderStillLoad) {
  tools::LoadedDeck loaded = Load({"ok.png", "sub/in.png", "sub/../ok.png", "./ok.png",
                                   "ok.png?v=2", "ok.png#frag"});
  EXPECT_TRUE(loaded.deck.diagnostics.empty());
  for (const char* src : {"ok.png", "sub/in.png", "sub/../ok.png", "./ok.png"})
    EXPECT_TRUE(loaded.images.Find(src) && loaded.images.Find(src)->ok) << src;
}

TEST_F(DeckFolderTest, SymlinksLeavingTheFolderAreRefused) {
  fs::create_symlink(root_ / "secret.png", root_ / "deck" / "file-link.png");
  fs::create_directory_symlink(root_, root_ / "deck" / "dir-link");
  fs::create_symlink("../secret.png", root_ / "deck" / "relative-link.png");
  fs::create_symlink("/etc/passwd", root_ / "deck" / "passwd.png");
  fs::create_symlink(root_ / "deck" / "ok.png", root_ / "deck" / "inside-link.png");
  tools::LoadedDeck loaded = Load({"file-link.png", "dir-link/secret.png",
                                   "relative-link.png", "passwd.png", "inside-link.png"});
  for (int line : {3, 5, 7, 9}) {
    const Diagnostic* d = At(loaded, line);
    ASSERT_NE(d, nullptr) << "line " << line;
    EXPECT_EQ(d->code, DiagnosticCode::kImagePathRefused) << d->argument;
    std::printf("[security] %s\n", FormatDiagnostic("deck.md", *d).c_str());
  }
  EXPECT_EQ(At(loaded, 11), nullptr) << "a link that stays inside the folder is fine";
  EXPECT_TRUE(loaded.images.Find("inside-link.png")->ok);
}

TEST_F(DeckFolderTest, UrlsAreNeverFetched) {
  tools::LoadedDeck loaded =
      Load({"http://example.com/a.png", "https://example.com/a.png", "file:///etc/passwd",
            "data:image/png;base64,iVBORw0KGgo="});
  for (int line : {3, 5, 7, 9}) {
    const Diagnostic* d = At(loaded, line);
    ASSERT_NE(d, nullptr) << "line " << line;
    // A web image is a warning (a placeholder, the deck still builds); other schemes are
    // refused as errors.
    EXPECT_EQ(d->severity, line <= 5 ? Severity::kWarning : Severity::kError) << d->argument;
    EXPECT_EQ(d->code, line <= 5 ? DiagnosticCode::kImageRemote : DiagnosticCode::kImagePathRefused);
    EXPECT_FALSE(loaded.images.Find(d->argument)->ok);
    std::printf("[security] %s  (%s)\n", FormatDiagnostic("deck.md", *d).c_str(),
                loaded.images.Find(d->argument)->error.c_str());
  }
}

TEST_F(DeckFolderTest, BackgroundDirectivesAreConfinedToo) {
  Write(root_ / "deck" / "deck.md",
        "<!-- backgroundImage: url('../secret.png') -->\n\n# A\n\n![bg](../../etc/passwd)\n");
  tools::LoadedDeck loaded;
  tools::LoadDeckFile((root_ / "deck" / "deck.md").string(), &loaded);
  int refused = 0;
  for (const Diagnostic& d : loaded.deck.diagnostics) {
    refused += d.code == DiagnosticCode::kImagePathRefused;
    std::printf("[security] %s\n", FormatDiagnostic("deck.md", d).c_str());
  }
  EXPECT_EQ(refused, 2);
}

// Files that are not regular files never block or flood the loader.
TEST_F(DeckFolderTest, FifosDirectoriesAndDevicesAreNotRead) {
  ASSERT_EQ(::mkfifo((root_ / "deck" / "fifo.png").c_str(), 0600), 0);
  fs::create_directory(root_ / "deck" / "dir.png");
  tools::LoadedDeck loaded = Load({"fifo.png", "dir.png", "sub"});
  for (int line : {3, 5, 7}) {
    const Diagnostic* d = At(loaded, line);
    ASSERT_NE(d, nullptr) << "line " << line;
    EXPECT_EQ(d->code, DiagnosticCode::kImageNotFound) << d->argument;
  }
}

// A sparse 20 GB file costs no disk, but reading it whole would exhaust memory.
TEST_F(DeckFolderTest, HugeFilesAreRefusedWithoutReadingThem) {
  for (const char* name : {"huge.png", "huge.md"}) {
    std::FILE* f = std::fopen((root_ / "deck" / name).c_str(), "wb");
    ASSERT_NE(f, nullptr);
    ASSERT_EQ(::ftruncate(::fileno(f), int64_t{20} << 30), 0);
    std::fclose(f);
  }
  tools::LoadedDeck loaded = Load({"huge.png"});
  const Diagnostic* d = At(loaded, 3);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->code, DiagnosticCode::kImageTooLarge);
  std::printf("[security] %s  (%s)\n", FormatDiagnostic("deck.md", *d).c_str(),
              loaded.images.Find("huge.png")->error.c_str());

  tools::LoadedDeck deck;
  tools::LoadDeckFile((root_ / "deck" / "huge.md").string(), &deck);
  EXPECT_TRUE(deck.readable);
  ASSERT_FALSE(deck.deck.diagnostics.empty());
  EXPECT_EQ(deck.deck.diagnostics[0].code, DiagnosticCode::kLimitExceeded);
  EXPECT_TRUE(deck.deck.slides.empty());
  std::printf("[security] %s\n", FormatDiagnostic("huge.md", deck.deck.diagnostics[0]).c_str());
}

}  // namespace
}  // namespace podium
