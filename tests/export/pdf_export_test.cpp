// PDF export (tools/common/pdf_export.h), checked the way a reader meets the file: poppler's
// pdfinfo (pages, page size), pdftotext (every slide's title can be found, Chinese
// included) and pdftoppm (each page, rasterized at 1280×720, looks like the CPU render).
//
// Decks: decks/tutorial.md and decks/zh-tech-talk.md when they exist, and always the small
// deck under tests/export/deck/ (Latin + Chinese, fragments, code, an image with alpha, a
// split background, notes) plus one whose image is missing.
//
// Raster tolerance: poppler (Splash, FreeType outlines) and the CPU rasterizer (stb_truetype
// glyph bitmaps at quarter-pixel x and whole-pixel baselines, ImGui's anti-aliased shapes,
// bilinear image sampling without mipmaps) put edges and thin strokes up to a pixel apart
// and spread them differently. So both pictures are blurred 3×3, compared with
// CompareImages at kChannelTolerance, and a differing pixel counts only when no pixel of the
// other picture within one pixel matches it. A page passes when at most kMaxDifferingShare
// of its pixels count. Measured (poppler 22.12, cairo 1.16): 0 pixels on every page of the
// three sample decks; a missing short line of body text ("With a second item") gives
// 0.20%, the slide's content moved down by 2 px gives 0.51% (by 1 px: 0.045%, i.e. a
// one-pixel move is within tolerance). MissingLineIsCaught and MovedBlockIsCaught keep
// those two checks honest. PODIUM_PDF_DIFFS=1 prints every page's share and writes its
// diff picture (light red: an edge within a pixel; red: a real difference).
#include <gtest/gtest.h>

#include <sys/wait.h>  // WIFEXITED for pclose

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "common/deck_files.h"
#include "common/pdf_export.h"
#include "draw/render_image.h"
#include "layout/layout.h"
#include "test_fonts.h"
#include "test_support.h"

namespace podium {
namespace {

namespace fs = std::filesystem;

constexpr int kChannelTolerance = 64;
constexpr double kMaxDifferingShare = 0.0005;  // of the page's 921,600 pixels: 460

// [SECTION] Helpers -----------------------------------------------------------------------

// stdout of a shell command; *status gets its exit status.
std::string RunCommand(const std::string& command, int* status = nullptr) {
  std::string out;
  std::FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  int rc = pclose(pipe);
  if (status) *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return out;
}

bool HavePoppler() {
  int status = -1;
  RunCommand("pdfinfo -v >/dev/null 2>&1 && pdftotext -v >/dev/null 2>&1 && pdftoppm -v >/dev/null 2>&1",
      &status);
  return status == 0;
}

std::string Quote(const std::string& s) { return "'" + s + "'"; }

std::string WithoutSpace(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f') out += c;
  return out;
}

// Where the PDFs, pages and diff images go: pdf-export/ in the test's working folder (the
// build folder), kept for a look after a failure.
fs::path TestDir() {
  fs::path dir = fs::current_path() / "pdf-export";
  fs::create_directories(dir);
  return dir;
}

struct Exported {
  tools::LoadedDeck loaded;
  std::vector<SlideLayout> layouts;
  std::string pdf;
};

// Loads, lays out and exports a deck of the repository; fails the test on any error.
void Export(const std::string& deck, const tools::PdfOptions& options, const std::string& name,
            Exported* out) {
  tools::LoadDeckFile(test::RepoPath(deck), &out->loaded);
  ASSERT_TRUE(out->loaded.readable) << deck;
  LayoutContext context{&test::Fonts(), &out->loaded.images};
  std::vector<Diagnostic> diagnostics;
  out->layouts = LayoutDeck(out->loaded.deck, context, &diagnostics);
  ASSERT_FALSE(out->layouts.empty()) << deck;
  out->pdf = (TestDir() / name).string();
  std::string error;
  ASSERT_TRUE(tools::ExportPdf(out->loaded, out->layouts, test::Fonts(), options, out->pdf, &error))
      << deck << ": " << error;
}

int PageCount(const std::string& pdf) {
  std::string info = RunCommand("pdfinfo " + Quote(pdf));
  size_t at = info.find("Pages:");
  return at == std::string::npos ? -1 : std::atoi(info.c_str() + at + 6);
}

std::string PageText(const std::string& pdf, int page) {
  return RunCommand("pdftotext -enc UTF-8 -f " + std::to_string(page) + " -l " + std::to_string(page) +
             " " + Quote(pdf) + " -");
}

// Every page rasterized by poppler at 1280 pixels wide (96 dpi for a 960 pt page), in one
// pdftoppm run.
std::vector<RgbaImage> RasterizePages(const std::string& pdf) {
  fs::path folder = fs::path(pdf).replace_extension("").string() + "-pages";
  fs::remove_all(folder);
  fs::create_directories(folder);
  RunCommand("pdftoppm -png -r 96 " + Quote(pdf) + " " + Quote((folder / "p").string()));
  std::vector<fs::path> files;  // p-01.png … (zero-padded, so sorting keeps page order)
  for (const auto& entry : fs::directory_iterator(folder)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<RgbaImage> pages;
  for (const fs::path& file : files) {
    RgbaImage image;
    std::string error;
    if (auto bytes = tools::ReadFileBytes(file)) DecodeImage(*bytes, image, &error);
    pages.push_back(std::move(image));
  }
  return pages;
}

bool Near(const uint8_t* a, const uint8_t* b) {
  for (int c = 0; c < 4; ++c)
    if (std::abs(int{a[c]} - int{b[c]}) > kChannelTolerance) return false;
  return true;
}

// Whether pixel (x, y) of `a` has a pixel within one pixel of (x, y) in `b` that is within
// the tolerance.
bool HasNearMatch(const RgbaImage& a, const RgbaImage& b, int x, int y) {
  const uint8_t* p = &a.rgba[(static_cast<size_t>(y) * a.width + x) * 4];
  for (int dy = -1; dy <= 1; ++dy)
    for (int dx = -1; dx <= 1; ++dx) {
      int bx = x + dx, by = y + dy;
      if (bx < 0 || by < 0 || bx >= b.width || by >= b.height) continue;
      if (Near(p, &b.rgba[(static_cast<size_t>(by) * b.width + bx) * 4])) return true;
    }
  return false;
}

// A 3×3 box blur: a thin stroke that one rasterizer puts in one pixel column and the other
// spreads over two comes out the same, while a missing or moved stroke still shows.
RgbaImage Blur(const RgbaImage& in) {
  RgbaImage out = in;
  for (int y = 0; y < in.height; ++y)
    for (int x = 0; x < in.width; ++x)
      for (int c = 0; c < 4; ++c) {
        int sum = 0, n = 0;
        for (int dy = -1; dy <= 1; ++dy)
          for (int dx = -1; dx <= 1; ++dx) {
            int sx = x + dx, sy = y + dy;
            if (sx < 0 || sy < 0 || sx >= in.width || sy >= in.height) continue;
            sum += in.rgba[(static_cast<size_t>(sy) * in.width + sx) * 4 + c];
            ++n;
          }
        out.rgba[(static_cast<size_t>(y) * in.width + x) * 4 + c] = static_cast<uint8_t>((sum + n / 2) / n);
      }
  return out;
}

// Share of the page's pixels that differ and are not explained by rasterizer noise: both
// images are blurred (see Blur), compared with CompareImages, and a differing pixel counts
// only when, in either direction, no pixel of the other image within one pixel matches it
// (an edge that moved by less than a pixel is noise; a stroke that is not there is not).
double DifferingShare(const RgbaImage& sharp_expected, const RgbaImage& sharp_actual,
                      ImageDiff* diff_out = nullptr) {
  if (sharp_expected.width != sharp_actual.width || sharp_expected.height != sharp_actual.height)
    return 1.0;
  RgbaImage expected = Blur(sharp_expected), actual = Blur(sharp_actual);
  ImageDiff diff = CompareImages(expected, actual, kChannelTolerance);
  int differing = 0;
  if (diff.differing_pixels > 0) {
    for (int y = 0; y < expected.height; ++y)
      for (int x = 0; x < expected.width; ++x) {
        uint8_t* shown = &diff.diff.rgba[(static_cast<size_t>(y) * expected.width + x) * 4];
        if (!HasNearMatch(expected, actual, x, y) || !HasNearMatch(actual, expected, x, y)) {
          ++differing;
        } else if (shown[0] == 255 && shown[1] == 0 && shown[2] == 0) {
          shown[0] = 255, shown[1] = 170, shown[2] = 170;  // an edge that moved: light red
        }
      }
  }
  if (diff_out) *diff_out = std::move(diff);
  return static_cast<double>(differing) / (static_cast<double>(expected.width) * expected.height);
}

std::vector<std::string> SampleDecks() {
  std::vector<std::string> decks;
  for (const char* d : {"decks/tutorial.md", "decks/zh-tech-talk.md"})
    if (fs::exists(test::RepoPath(d))) decks.push_back(d);
  decks.push_back("tests/export/deck/export.md");
  return decks;
}

std::string SafeName(std::string s) {
  for (char& c : s)
    if (c == '/' || c == '.') c = '_';
  return s;
}

// [SECTION] Pages, text and pixels of each sample deck ------------------------------------

class PdfDeckTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (!HavePoppler()) GTEST_SKIP() << "poppler-utils (pdfinfo, pdftotext, pdftoppm) not installed";
  }
};

TEST_P(PdfDeckTest, OnePagePerSlideWithEveryTitleFindable) {
  Exported e;
  ASSERT_NO_FATAL_FAILURE(Export(GetParam(), {}, SafeName(GetParam()) + ".pdf", &e));
  ASSERT_EQ(PageCount(e.pdf), static_cast<int>(e.layouts.size()));
  EXPECT_NE(RunCommand("pdfinfo " + Quote(e.pdf)).find("Page size:       960 x 540 pts"), std::string::npos);
  for (size_t i = 0; i < e.loaded.deck.slides.size(); ++i) {
    const std::string& title = e.loaded.deck.slides[i].title;
    if (title.empty()) continue;
    std::string text = WithoutSpace(PageText(e.pdf, static_cast<int>(i) + 1));
    // Titles with math or inline code are drawn differently from their source text.
    if (title.find_first_of("$`\\") != std::string::npos) continue;
    EXPECT_NE(text.find(WithoutSpace(title)), std::string::npos)
        << GetParam() << " slide " << i + 1 << ": title '" << title << "' not in the page text:\n"
        << text;
  }
}

TEST_P(PdfDeckTest, PagesLookLikeTheCpuRender) {
  Exported e;
  ASSERT_NO_FATAL_FAILURE(Export(GetParam(), {}, SafeName(GetParam()) + "-pixels.pdf", &e));
  GlyphCache glyphs(test::Fonts());
  std::vector<RgbaImage> pages = RasterizePages(e.pdf);
  ASSERT_EQ(pages.size(), e.layouts.size());
  for (size_t i = 0; i < e.layouts.size(); ++i) {
    RgbaImage expected =
        RenderSlideImage(e.layouts[i], e.layouts[i].steps - 1, 1280, 720, &e.loaded.images, glyphs);
    const RgbaImage& actual = pages[i];
    ASSERT_EQ(actual.width, 1280);
    ASSERT_EQ(actual.height, 720);
    ImageDiff diff;
    double share = DifferingShare(expected, actual, &diff);
    if (std::getenv("PODIUM_PDF_DIFFS"))
      std::printf("%s slide %zu: %.4f%% differ\n", GetParam().c_str(), i + 1, share * 100);
    if (share > kMaxDifferingShare || std::getenv("PODIUM_PDF_DIFFS")) {
      fs::path base = fs::path(e.pdf).replace_extension("");
      std::string name = base.string() + "-slide-" + std::to_string(i + 1);
      std::vector<uint8_t> png = EncodePng(diff.diff);
      std::ofstream(name + "-diff.png", std::ios::binary)
          .write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
      png = EncodePng(actual);
      std::ofstream(name + "-pdf.png", std::ios::binary)
          .write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
      if (share > kMaxDifferingShare) ADD_FAILURE() << GetParam() << " slide " << i + 1 << ": " << share * 100
                    << "% of pixels differ (max delta " << diff.max_channel_delta << "); see "
                    << name << "-diff.png";
    }
  }
}

TEST_P(PdfDeckTest, StepsGiveOnePagePerStep) {
  Exported e;
  tools::PdfOptions options;
  options.steps = true;
  ASSERT_NO_FATAL_FAILURE(Export(GetParam(), options, SafeName(GetParam()) + "-steps.pdf", &e));
  int steps = 0;
  for (const SlideLayout& l : e.layouts) steps += std::max(1, l.steps);
  EXPECT_EQ(PageCount(e.pdf), steps);
}

INSTANTIATE_TEST_SUITE_P(Decks, PdfDeckTest, ::testing::ValuesIn(SampleDecks()),
                         [](const auto& info) {
                           std::string name = fs::path(info.param).stem().string();
                           for (char& c : name)
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

// [SECTION] The tolerance still catches real differences --------------------------------

class PdfToleranceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!HavePoppler()) GTEST_SKIP() << "poppler-utils not installed";
    // A file per test: ctest runs the tests of this fixture side by side, in processes of
    // their own, and one shared name had one read the PDF while the other rewrote it.
    const std::string name =
        std::string("tolerance-") + testing::UnitTest::GetInstance()->current_test_info()->name() + ".pdf";
    ASSERT_NO_FATAL_FAILURE(Export("tests/export/deck/export.md", {}, name, &e_));
    page_ = RasterizePages(e_.pdf).at(0);
    ASSERT_EQ(page_.width, 1280);
  }
  Exported e_;
  RgbaImage page_;
};

TEST_F(PdfToleranceTest, MissingLineIsCaught) {
  // The CPU render of slide 1 without the run of its last line ("With a second item").
  SlideLayout without = e_.layouts[0];
  float last_baseline = 0;
  for (const LayoutItem& item : without.items)
    if (item.kind == LayoutItemKind::kGlyphs) last_baseline = std::max(last_baseline, item.rect.y0);
  std::erase_if(without.items, [&](const LayoutItem& item) {
    return item.kind == LayoutItemKind::kGlyphs && item.rect.y0 == last_baseline;
  });
  GlyphCache glyphs(test::Fonts());
  RgbaImage expected = RenderSlideImage(without, without.steps - 1, 1280, 720, &e_.loaded.images, glyphs);
  double share = DifferingShare(expected, page_);
  if (std::getenv("PODIUM_PDF_DIFFS")) std::printf("%s: %.4f%% differ\n", test_info_->name(), share * 100);
  EXPECT_GT(share, kMaxDifferingShare);
}

TEST_F(PdfToleranceTest, MovedBlockIsCaught) {
  // Everything 3 design units (2 pixels) lower.
  SlideLayout moved = e_.layouts[0];
  for (LayoutItem& item : moved.items) {
    item.rect.y0 += 3;
    item.rect.y1 += 3;
  }
  GlyphCache glyphs(test::Fonts());
  RgbaImage expected = RenderSlideImage(moved, moved.steps - 1, 1280, 720, &e_.loaded.images, glyphs);
  double share = DifferingShare(expected, page_);
  if (std::getenv("PODIUM_PDF_DIFFS")) std::printf("%s: %.4f%% differ\n", test_info_->name(), share * 100);
  EXPECT_GT(share, kMaxDifferingShare);
}

// [SECTION] Handouts, missing images, failures ---------------------------------------------

class PdfExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!HavePoppler()) GTEST_SKIP() << "poppler-utils not installed";
  }
};

TEST_F(PdfExportTest, NotesHandoutHasTallerPagesWithTheNotesText) {
  Exported e;
  tools::PdfOptions options;
  options.notes = true;
  ASSERT_NO_FATAL_FAILURE(Export("tests/export/deck/export.md", options, "notes.pdf", &e));
  EXPECT_EQ(PageCount(e.pdf), static_cast<int>(e.layouts.size()));
  std::string info = RunCommand("pdfinfo " + Quote(e.pdf));
  EXPECT_NE(info.find("Page size:       960 x 1358 pts"), std::string::npos) << info;
  EXPECT_NE(WithoutSpace(PageText(e.pdf, 1)).find("Notesforthefirstslide"), std::string::npos);
  std::string page2 = WithoutSpace(PageText(e.pdf, 2));
  EXPECT_NE(page2.find("中文标题：幻灯片导出"), std::string::npos) << page2;
  EXPECT_NE(page2.find("这是中文备注。"), std::string::npos) << page2;
  EXPECT_NE(page2.find("标点符号不会出现在行首"), std::string::npos) << page2;
}

TEST_F(PdfExportTest, DisplaySizeOperatorsCopyAsTheirCharacters) {
  // A display ∑ or ∫ is one of the math face's size variants, a glyph no code point maps
  // to: the PDF still says which character it is, so the formula searches and copies.
  Exported e;
  ASSERT_NO_FATAL_FAILURE(Export("tests/export/deck/display-math.md", {}, "math.pdf", &e));
  std::string text = WithoutSpace(PageText(e.pdf, 1));
  EXPECT_NE(text.find("∑"), std::string::npos) << text;
  EXPECT_NE(text.find("∫"), std::string::npos) << text;
  EXPECT_NE(text.find("Displaymath"), std::string::npos) << text;
}

TEST_F(PdfExportTest, MissingImageStillExportsWithItsPlaceholder) {
  Exported e;
  ASSERT_NO_FATAL_FAILURE(Export("tests/export/deck/missing-image.md", {}, "missing.pdf", &e));
  EXPECT_EQ(PageCount(e.pdf), 1);
  std::string text = PageText(e.pdf, 1);
  EXPECT_NE(text.find("A missing image"), std::string::npos) << text;
  EXPECT_NE(text.find("Still exports."), std::string::npos) << text;
  GlyphCache glyphs(test::Fonts());
  RgbaImage expected = RenderSlideImage(e.layouts[0], 0, 1280, 720, &e.loaded.images, glyphs);
  std::vector<RgbaImage> pages = RasterizePages(e.pdf);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_LE(DifferingShare(expected, pages[0]), kMaxDifferingShare);
}

TEST_F(PdfExportTest, FailedExportLeavesThePreviousFileIntact) {
  tools::LoadedDeck loaded;
  tools::LoadDeckFile(test::RepoPath("tests/export/deck/export.md"), &loaded);
  LayoutContext context{&test::Fonts(), &loaded.images};
  std::vector<Diagnostic> diagnostics;
  std::vector<SlideLayout> layouts = LayoutDeck(loaded.deck, context, &diagnostics);
  fs::path dir = TestDir() / "failed";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::path pdf = dir / "talk.pdf";
  std::ofstream(pdf) << "previous";
  FontSet no_fonts;  // every glyph run fails to find its face
  std::string error;
  EXPECT_FALSE(tools::ExportPdf(loaded, layouts, no_fonts, {}, pdf.string(), &error));
  EXPECT_FALSE(error.empty());
  std::ifstream in(pdf);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, "previous");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1)
      << "a temporary file was left behind";
}

TEST_F(PdfExportTest, RefusesToWriteOverTheDeck) {
  fs::path dir = TestDir() / "self";
  fs::create_directories(dir);
  fs::path deck = dir / "talk.md";
  std::ofstream(deck) << "# Title\n";
  tools::LoadedDeck loaded;
  tools::LoadDeckFile(deck.string(), &loaded);
  LayoutContext context{&test::Fonts(), &loaded.images};
  std::vector<Diagnostic> diagnostics;
  std::vector<SlideLayout> layouts = LayoutDeck(loaded.deck, context, &diagnostics);
  std::string error;
  EXPECT_FALSE(tools::ExportPdf(loaded, layouts, test::Fonts(), {}, deck.string(), &error));
  std::ifstream in(deck);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, "# Title\n");
}

// [SECTION] Notes layout and NotesMarkdown (no poppler needed) ----------------------------

TEST(PdfNotesTest, ChineseNotesBreakByCjkRules) {
  const std::string notes =
      "这是中文备注。演讲者需要强调：导出的 PDF 可以选择、复制和搜索中文，而且长段落会按照中文的"
      "断行规则自动换行，标点符号不会出现在行首。这一段故意写得很长，好让它在窄的宽度下换成好几行，"
      "每一行的开头都不应该是逗号、句号或者冒号。";
  SlideLayout layout = tools::LayoutNotes(notes, 600, test::Fonts());
  const Font* cjk = test::Fonts().Get(FontRole::kCjk);
  ASSERT_NE(cjk, nullptr);
  std::set<int> no_line_start;
  for (char32_t c : std::u32string(U"，。：、）》」"))
    no_line_start.insert(cjk->GlyphIndex(c));
  std::map<float, const LayoutItem*> first_run_of_line;  // baseline → leftmost run
  for (const LayoutItem& item : layout.items) {
    if (item.kind != LayoutItemKind::kGlyphs) continue;
    EXPECT_LE(item.rect.x1, 600.5f);
    auto [it, added] = first_run_of_line.emplace(item.rect.y0, &item);
    if (!added && item.rect.x0 < it->second->rect.x0) it->second = &item;
  }
  EXPECT_GE(first_run_of_line.size(), 5u);
  for (auto& [baseline, run] : first_run_of_line) {
    if (run->font != FontRole::kCjk) continue;
    EXPECT_EQ(no_line_start.count(run->glyphs.front().glyph), 0u) << "a line starts with punctuation";
  }
  EXPECT_GT(layout.height, 5 * 34.0f);
}

TEST(PdfNotesTest, MarkdownListsAndEmphasisBecomeRuns) {
  SlideLayout layout =
      tools::LayoutNotes("Say **hello**.\n\n- one\n- two\n\n```\ncode line\n```\n", 1000, test::Fonts());
  int bold = 0, mono = 0, baselines = 0;
  std::set<float> lines;
  for (const LayoutItem& item : layout.items) {
    if (item.kind != LayoutItemKind::kGlyphs) continue;
    bold += item.font == FontRole::kSansBold;
    mono += item.font == FontRole::kMono;
    lines.insert(item.rect.y0);
  }
  baselines = static_cast<int>(lines.size());
  EXPECT_GE(bold, 1);
  EXPECT_GE(mono, 1);
  EXPECT_EQ(baselines, 4);  // paragraph, two items, code
}

TEST(PdfNotesTest, NotesMarkdownHasOneHeadingPerSlide) {
  Deck deck;
  deck.slides.resize(3);
  for (int i = 0; i < 3; ++i) deck.slides[i].index = i;
  deck.slides[0].title = "Intro";
  deck.slides[0].notes = "Say hello.\n";
  deck.slides[2].title = "结语";
  deck.slides[2].notes = "谢谢大家。";
  EXPECT_EQ(tools::NotesMarkdown(deck),
            "## Slide 1 — Intro\n\nSay hello.\n\n"
            "## Slide 2\n\n"
            "## Slide 3 — 结语\n\n谢谢大家。\n\n");
}

}  // namespace
}  // namespace podium
