// Limits: hostile sizes and bytes meet a clear diagnostic, never a crash, a hang or a huge
// allocation. Each test prints what it measured ("[limits] …"); the asserted time bounds
// are generous on purpose (they catch blow-ups, not slowdowns — the sanitizer build runs
// these too). docs/robustness.md lists every case with the test that proves it.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "common/deck_files.h"
#include "draw/raster.h"
#include "layout/images.h"
#include "layout/layout.h"
#include "model/deck.h"
#include "parse/parse_deck.h"
#include "test_fonts.h"
#include "test_support.h"

namespace podium {
namespace {

namespace fs = std::filesystem;

// [SECTION] Helpers ----------------------------------------------------------------------

// Bounds are on processor time, so a loaded CI machine does not fail them; wall time is
// printed beside it.
// Under ASan + UBSan (the sanitizer build runs these too) everything is a few times slower.
#if defined(__SANITIZE_ADDRESS__)
constexpr double kSanitizerSlowdown = 5;
#else
constexpr double kSanitizerSlowdown = 1;
#endif
// Far above any measured time (see each test's print), so only a blow-up fails.
constexpr double kBlowUpSeconds = 30 * kSanitizerSlowdown;

double CpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

// Processor seconds `run` took (wall seconds in *wall, when given).
double SecondsOf(const std::function<void()>& run, double* wall = nullptr) {
  auto start = std::chrono::steady_clock::now();
  double cpu = CpuSeconds();
  run();
  if (wall) *wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return CpuSeconds() - cpu;
}

// What `deckc check` does: parse, then lay out every slide with the real fonts.
struct Checked {
  Deck deck;
  std::vector<SlideLayout> layouts;
  std::vector<Diagnostic> diagnostics;  // parse + layout
  double parse_seconds = 0;  // processor time
  double layout_seconds = 0;
  double wall_seconds = 0;   // both stages
};

Checked Check(const std::string& source, const ImageStore* images = nullptr) {
  Checked c;
  double wall = 0;
  c.parse_seconds = SecondsOf([&] { c.deck = ParseDeck(source); }, &wall);
  c.wall_seconds = wall;
  c.diagnostics = c.deck.diagnostics;
  LayoutContext context{&test::Fonts(), images};
  c.layout_seconds =
      SecondsOf([&] { c.layouts = LayoutDeck(c.deck, context, &c.diagnostics); }, &wall);
  c.wall_seconds += wall;
  return c;
}

void Report(const char* what, size_t bytes, const Checked& c) {
  std::printf(
      "[limits] %s: %.2f MB, %zu slides, %zu diagnostics: parse %.2f s + layout %.2f s CPU "
      "(%.2f s wall)\n",
      what, bytes / 1e6, c.deck.slides.size(), c.diagnostics.size(), c.parse_seconds,
      c.layout_seconds, c.wall_seconds);
}

int Count(const std::vector<Diagnostic>& diagnostics, DiagnosticCode code) {
  int n = 0;
  for (const Diagnostic& d : diagnostics) n += d.code == code;
  return n;
}

const Diagnostic* Find(const std::vector<Diagnostic>& diagnostics, DiagnosticCode code) {
  for (const Diagnostic& d : diagnostics)
    if (d.code == code) return &d;
  return nullptr;
}

// A slide as talks have them: about 1 KB of heading, text, bullets, code and a table.
std::string TypicalSlide(int i) {
  std::string n = std::to_string(i);
  return "# Slide " + n + ": what we measured\n\n"
         "The cache hit rate went from **62%** to *91%* after we moved the hot keys into "
         "one shard, and tail latency followed; see `bench/" + n + ".txt` for the raw data "
         "and [the dashboard](https://example.com/d/" + n + ") for the weeks after.\n\n"
         "* fewer cold starts\n* one shard per region\n  * two replicas\n* 缓存命中率提高\n\n"
         "```python {2}\nfor key in hot_keys:\n    shard = ring.lookup(key)\n"
         "    shard.pin(key)\n```\n\n"
         "| metric | before | after |\n|---|--:|--:|\n| p50 | 12 ms | 9 ms |\n"
         "| p99 | 180 ms | 41 ms |\n\n"
         "Note: mention the incident of week " + n + ".\n\n---\n\n";
}

std::string PngOf(int width, int height) {
  RgbaImage image = MakeImage(width, height, 0x336699FF);
  std::vector<uint8_t> png = EncodePng(image);
  return std::string(png.begin(), png.end());
}

std::vector<uint8_t> Bytes(const std::string& s) { return {s.begin(), s.end()}; }

std::string ReadFixture(const std::string& name) {
  return test::ReadRepoFile("tests/robustness/images/" + name);
}

// A fuzz regression file through the image store, its size checked first (0: any size).
const ImageStore::Image& AddRegression(ImageStore& store, const std::string& name,
                                       size_t size = 0) {
  std::string file = test::ReadRepoFile("tests/robustness/regressions/" + name);
  EXPECT_FALSE(file.empty()) << name;
  if (size) EXPECT_EQ(file.size(), size) << name;
  return store.AddEncoded(name, std::vector<uint8_t>(file.begin(), file.end()));
}

// The baseline and progressive photos decode: a JPEG check refuses no real file.
void ExpectRealJpegsDecode(ImageStore& store) {
  for (const char* name : {"photo.jpg", "photo-progressive.jpg"}) {
    std::string good = ReadFixture(name);
    EXPECT_TRUE(store.AddEncoded(name, std::vector<uint8_t>(good.begin(), good.end())).ok) << name;
  }
}

// [SECTION] Size ---------------------------------------------------------------------------

TEST(Limits, TenMegabyteDeckOfTenThousandSlidesChecksInSeconds) {
  std::string source = "---\ntitle: Ten thousand slides\n---\n\n";
  for (int i = 0; source.size() < 10'000'000; ++i) source += TypicalSlide(i);
  Checked c = Check(source);
  Report("10 MB deck", source.size(), c);
  EXPECT_GE(c.deck.slides.size(), 10000u);
  EXPECT_EQ(c.layouts.size(), c.deck.slides.size());
  EXPECT_EQ(Count(c.diagnostics, DiagnosticCode::kLimitExceeded), 0);
  EXPECT_LT(c.parse_seconds + c.layout_seconds, kBlowUpSeconds);
}

TEST(Limits, TenThousandTinySlidesCheckInSeconds) {
  std::string source;
  for (int i = 0; i < 10000; ++i) source += "# " + std::to_string(i) + "\n\n---\n\n";
  Checked c = Check(source);
  Report("10,000 tiny slides", source.size(), c);
  EXPECT_EQ(c.deck.slides.size(), 10000u);
  EXPECT_EQ(c.layouts.size(), 10000u);
  EXPECT_LT(c.parse_seconds + c.layout_seconds, kBlowUpSeconds);
}

TEST(Limits, TenMegabytesOnOneSlideIsAnOverflowNotAHang) {
  std::string source = "# One slide\n\n";
  std::string paragraph = std::string(60, 'x') + " words words words words words.\n\n";
  while (source.size() < 10'000'000) source += paragraph;
  Checked c = Check(source);
  Report("10 MB on one slide", source.size(), c);
  ASSERT_EQ(c.deck.slides.size(), 1u);
  EXPECT_GE(Count(c.diagnostics, DiagnosticCode::kSlideOverflow), 1);
  EXPECT_LT(c.parse_seconds + c.layout_seconds, kBlowUpSeconds);
}

TEST(Limits, DeckOverSixtyFourMegabytesIsRefusedWithAnError) {
  std::string source(65 << 20, 'a');
  Checked c = Check(source);
  Report("65 MB deck", source.size(), c);
  EXPECT_TRUE(c.deck.slides.empty());
  ASSERT_NE(Find(c.diagnostics, DiagnosticCode::kLimitExceeded), nullptr);
  EXPECT_LT(c.parse_seconds + c.layout_seconds, kBlowUpSeconds);
}

TEST(Limits, OneMegabyteLineInEveryPlaceALineCanBe) {
  std::string words;
  while (words.size() < 1'000'000) words += "lorem ipsum dolor ";
  std::string word(1'000'000, 'w');
  std::string cjk;
  while (cjk.size() < 1'000'000) cjk += "中文字";
  struct Case {
    const char* what;
    std::string source;
  };
  const Case cases[] = {
      {"1 MB paragraph of words", words + "\n"},
      {"1 MB word", word + "\n"},
      {"1 MB of Chinese", cjk + "\n"},
      {"1 MB heading", "# " + words + "\n"},
      {"1 MB bullet", "* " + words + "\n"},
      {"1 MB code line", "```\n" + word + "\n```\n"},
      {"1 MB table cell", "| a |\n|---|\n| " + words + " |\n"},
      {"1 MB link target", "[x](" + word + ")\n"},
      {"1 MB inline math", "$" + word + "$\n"},
      {"1 MB front matter value", "---\ntitle: " + words + "\n---\n\n# x\n"},
      {"1 MB directive", "<!-- header: " + words + " -->\n\n# x\n"},
      {"1 MB image alt", "![" + words + "](a.png)\n"},
  };
  for (const Case& k : cases) {
    Checked c = Check(k.source);
    Report(k.what, k.source.size(), c);
    EXPECT_EQ(c.deck.slides.size(), 1u) << k.what;
    EXPECT_LT(c.parse_seconds + c.layout_seconds, kBlowUpSeconds) << k.what;
  }
}

// [SECTION] Nesting ------------------------------------------------------------------------

TEST(Limits, ThousandLevelsOfNestingAreFlattenedWithAWarning) {
  std::string lists, ordered, quotes, mixed;
  for (int i = 0; i < 1000; ++i) {
    lists += std::string(static_cast<size_t>(i) * 2, ' ') + "- level " + std::to_string(i) + "\n";
    ordered += std::string(static_cast<size_t>(i) * 3, ' ') + "1. level\n";
    mixed += "> - ";
  }
  quotes = std::string(1000, '>') + " deep\n";
  for (int i = 0; i < 1000; ++i) quotes += std::string(static_cast<size_t>(1000 - i), '>') + " x\n";
  mixed += "deep\n";
  struct Case {
    const char* what;
    std::string source;
  };
  const Case cases[] = {{"1,000 nested bullet lists", lists},
                        {"1,000 nested ordered lists", ordered},
                        {"1,000 nested quotes", quotes},
                        {"1,000 quote+list levels", mixed}};
  for (const Case& k : cases) {
    Checked c = Check(k.source);
    Report(k.what, k.source.size(), c);
    ASSERT_EQ(c.deck.slides.size(), 1u) << k.what;
    const Diagnostic* d = Find(c.diagnostics, DiagnosticCode::kTooDeep);
    ASSERT_NE(d, nullptr) << k.what;
    EXPECT_GT(d->pos.line, 0) << k.what;
    std::printf("[limits]   %s\n", FormatDiagnostic("deck.md", *d).c_str());
    EXPECT_LT(c.parse_seconds + c.layout_seconds, kBlowUpSeconds) << k.what;
  }
}

// [SECTION] HTML ---------------------------------------------------------------------------

TEST(Limits, HostileHtmlIsReadInBoundedTimeAndDepth) {
  std::string nested;
  for (int i = 0; i < 10000; ++i) nested += "<div>";
  nested += "deep text";
  for (int i = 0; i < 10000; ++i) nested += "</div>";
  std::string inline_nested = "Start ";
  for (int i = 0; i < 10000; ++i) inline_nested += "<span style=\"color:red\">";
  inline_nested += "deep";
  std::string huge_style = "<div style=\"";
  for (int i = 0; i < 30000; ++i) huge_style += "color: red; padding: 1px 2px; ";
  huge_style += "\">\n\nstyled\n\n</div>\n";
  std::string soup;
  for (int i = 0; i < 60000; ++i) soup += "<b><i>x";  // more elements than the node limit
  struct Case {
    const char* what;
    std::string source;
    const char* word;  // text that must still be on the slide ("" when cut off by the limit)
  };
  const Case cases[] = {
      {"10,000 nested divs", nested + "\n", "deep text"},
      {"10,000 nested inline spans", inline_nested + "\n", "deep"},
      {"a 1 MB style attribute", huge_style, "styled"},
      {"a style sheet with * { font-size: 9999px }",
       "<style>\n* { font-size: 9999px }\n</style>\n\n# Still readable\n", "Still readable"},
      {"100,000 unclosed inline tags", soup + "\n", ""},
  };
  for (const Case& k : cases) {
    Checked c = Check(k.source);
    Report(k.what, k.source.size(), c);
    ASSERT_EQ(c.deck.slides.size(), 1u) << k.what;
    ASSERT_EQ(c.layouts.size(), 1u) << k.what;
    if (*k.word) EXPECT_NE(c.layouts[0].text.find(k.word), std::string::npos) << k.what;
    EXPECT_LT(c.parse_seconds + c.layout_seconds, kBlowUpSeconds) << k.what;
  }
}

// [SECTION] Tables -------------------------------------------------------------------------

std::string WideTable(int columns, int rows, bool empty_rows) {
  std::string head = "|", rule = "|", row = "|";
  for (int i = 0; i < columns; ++i) {
    head += "c" + std::to_string(i) + "|";
    rule += "---|";
    row += std::to_string(i) + "|";
  }
  std::string source = head + "\n" + rule + "\n";
  for (int r = 0; r < rows; ++r) source += (empty_rows ? std::string("|") : row) + "\n";
  return source;
}

TEST(Limits, TableOfAThousandColumnsIsShownAsTextWithAnError) {
  std::string source = "# Wide\n\n" + WideTable(1000, 3, false);
  Checked c = Check(source);
  Report("table of 1,000 columns", source.size(), c);
  ASSERT_EQ(c.deck.slides.size(), 1u);
  const Diagnostic* d = Find(c.diagnostics, DiagnosticCode::kLimitExceeded);
  ASSERT_NE(d, nullptr) << "columns beyond what a slide can show are reported";
  EXPECT_EQ(d->pos, (SourcePos{4, 1}));  // the delimiter row
  std::printf("[limits]   %s\n", FormatDiagnostic("deck.md", *d).c_str());
  for (const Block& b : c.deck.slides[0].blocks) EXPECT_NE(b.kind, BlockKind::kTable);
  EXPECT_LT(c.parse_seconds + c.layout_seconds, kBlowUpSeconds);
}

// md4c pads every row to the delimiter row's column count: a wide head over many one-byte
// rows multiplies into cells (2,000 × 5,000 = 10 million cells from 30 KB, 108 s before the
// limit). Within the column limit, the cell budget catches the same trick.
TEST(Limits, WideTableOverManyShortRowsDoesNotMultiplyIntoMillionsOfCells) {
  struct Case {
    const char* what;
    int columns, rows;
  };
  for (Case k : {Case{"2,000 columns x 5,000 empty rows", 2000, 5000},
                 Case{"128 columns x 200,000 empty rows", 128, 200000}}) {
    std::string source = WideTable(k.columns, k.rows, true);
    source += "\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";  // a normal table on slide 2
    Checked c = Check(source);
    Report(k.what, source.size(), c);
    ASSERT_EQ(c.deck.slides.size(), 2u) << k.what;
    EXPECT_NE(Find(c.diagnostics, DiagnosticCode::kLimitExceeded), nullptr) << k.what;
    size_t cells = 0;
    for (const Block& b : c.deck.slides[0].blocks)
      for (const auto& row : b.table.rows) cells += row.size();
    EXPECT_EQ(cells, 0u) << k.what;
    ASSERT_EQ(c.deck.slides[1].blocks.size(), 1u) << k.what;
    EXPECT_EQ(c.deck.slides[1].blocks[0].kind, BlockKind::kTable) << k.what;
    EXPECT_LT(c.parse_seconds + c.layout_seconds, kBlowUpSeconds) << k.what;
  }
}

TEST(Limits, LargeButReasonableTablesAreStillTables) {
  std::string source = "|";
  for (int i = 0; i < 20; ++i) source += " h" + std::to_string(i) + " |";
  source += "\n|";
  for (int i = 0; i < 20; ++i) source += "---|";
  source += "\n";
  for (int r = 0; r < 300; ++r) {
    source += "|";
    for (int i = 0; i < 20; ++i) source += " " + std::to_string(r * i) + " |";
    source += "\n";
  }
  Checked c = Check(source);
  Report("table of 20 columns x 300 rows", source.size(), c);
  ASSERT_EQ(c.deck.slides.size(), 1u);
  EXPECT_EQ(Find(c.diagnostics, DiagnosticCode::kLimitExceeded), nullptr);
  ASSERT_EQ(c.deck.slides[0].blocks.size(), 1u);
  EXPECT_EQ(c.deck.slides[0].blocks[0].table.rows.size(), 301u);
  EXPECT_LT(c.parse_seconds + c.layout_seconds, kBlowUpSeconds);
}

// [SECTION] Images -------------------------------------------------------------------------

// Headers that claim 100,000 × 100,000 pixels (40 GB of RGBA) are refused from the header:
// the message names the claimed size, which only the check before decoding knows. (Under
// the sanitizer build, an attempt to allocate that much would abort the test binary.)
TEST(Limits, ImageHeadersClaimingHugeSizesAreRefusedBeforeDecoding) {
  for (const char* name : {"huge-100000x100000.png", "huge-65500x65500.jpg",
                           "huge-65535x65535.gif", "huge-16384x16384.png"}) {
    ImageStore store;
    const ImageStore::Image* image = nullptr;
    double seconds = SecondsOf([&] { image = &store.AddEncoded(name, Bytes(ReadFixture(name))); });
    std::printf("[limits] %s: %.4f s: %s\n", name, seconds, image->error.c_str());
    EXPECT_FALSE(image->ok) << name;
    EXPECT_NE(image->error.find("the limit is 16384 per side"), std::string::npos) << name;
    std::string claimed = std::string(name).substr(5, std::string(name).find('.') - 5);
    EXPECT_NE(image->error.find(claimed), std::string::npos) << name << ": names " << claimed;
    EXPECT_TRUE(image->texture.rgba.empty()) << name;
    EXPECT_LT(seconds, 1.0) << name;
  }
}

TEST(Limits, HugeImageHeaderInADeckIsAnErrorAndAPlaceholder) {
  fs::path dir = fs::path(testing::TempDir()) / "podium-huge-image";
  fs::create_directories(dir);
  std::ofstream(dir / "huge.png", std::ios::binary) << ReadFixture("huge-100000x100000.png");
  std::ofstream(dir / "deck.md") << "# Huge\n\n![w:400](huge.png)\n";
  tools::LoadedDeck loaded;
  tools::LoadDeckFile((dir / "deck.md").string(), &loaded);
  const Diagnostic* d = Find(loaded.deck.diagnostics, DiagnosticCode::kImageTooLarge);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->pos.line, 3);
  std::printf("[limits] %s\n", FormatDiagnostic("deck.md", *d).c_str());
  LayoutContext context{&test::Fonts(), &loaded.images};
  std::vector<Diagnostic> diagnostics;
  SlideLayout layout = LayoutSlide(loaded.deck, 0, context, &diagnostics);
  for (const LayoutItem& item : layout.items) EXPECT_NE(item.kind, LayoutItemKind::kImage);
  fs::remove_all(dir);
}

TEST(Limits, LargeRealImagesAreDownscaledToWhatASlideShows) {
  struct Case {
    int width, height;
  };
  for (Case k : {Case{6000, 4000}, Case{16384, 300}, Case{300, 9000}}) {
    std::string png = PngOf(k.width, k.height);
    ImageStore store;
    const ImageStore::Image* image = nullptr;
    double seconds = SecondsOf([&] { image = &store.AddEncoded("big.png", Bytes(png)); });
    std::printf("[limits] %dx%d PNG (%zu KB): %.2f s → texture %dx%d\n", k.width, k.height,
                png.size() / 1024, seconds, image->texture.width, image->texture.height);
    ASSERT_TRUE(image->ok) << image->error;
    EXPECT_EQ(image->width, k.width);
    EXPECT_EQ(image->height, k.height);
    EXPECT_EQ(std::max(image->texture.width, image->texture.height), kMaxShownSide);
    EXPECT_EQ(image->texture.rgba.size(),
              static_cast<size_t>(image->texture.width) * image->texture.height * 4);
    EXPECT_LT(seconds, kBlowUpSeconds);
  }
}

// The checks made before stb_image (images.cpp: CheckGif, CheckJpeg) pass whole files of
// every kind: baseline, progressive and grey JPEG, still and animated GIF, PNG, BMP.
TEST(Limits, WholeImagesOfEveryKindStillDecode) {
  for (const char* path :
       {"tests/robustness/images/photo.png", "tests/robustness/images/photo.jpg",
        "tests/robustness/images/photo.gif", "tests/fuzz/corpus/image/progressive.jpg",
        "tests/fuzz/corpus/image/grey.jpg", "tests/fuzz/corpus/image/baseline.jpg",
        "tests/fuzz/corpus/image/animated.gif", "tests/fuzz/corpus/image/still.gif",
        "tests/fuzz/corpus/image/small.bmp", "tests/fuzz/corpus/image/interlaced.png",
        "tests/fuzz/corpus/image/palette.png", "tests/fuzz/corpus/image/deep16.png",
        "decks/images/logo.png"}) {
    ImageStore store;
    const ImageStore::Image& image = store.AddEncoded(path, Bytes(test::ReadRepoFile(path)));
    EXPECT_TRUE(image.ok) << path << ": " << image.error;
  }
}

// stb_image is built for PNG, JPEG, GIF and BMP only (engine/third_party_impl.cpp): its
// HDR decoder hangs on a truncated file, and no slide needs TGA, PSD, PNM or HDR.
TEST(Limits, FormatsSlidesDoNotUseAreRefused) {
  for (const char* name : {"small.tga", "small.psd", "small.ppm", "small.hdr", "truncated-small.hdr"}) {
    std::string path = std::string("tests/fuzz/corpus/image/") + name;
    ImageStore store;
    const ImageStore::Image& image = store.AddEncoded(name, Bytes(test::ReadRepoFile(path)));
    EXPECT_FALSE(image.ok) << name;
    EXPECT_EQ(image.error, "not an image format Podium can decode") << name;
  }
}

// Broken files: each is an error at the image's line and a placeholder on the slide.
TEST(Limits, AJpegScanWithAnUndefinedHuffmanTableIsRefusedBeforeDecoding) {
  // Found by fuzz_image: a progressive AC scan naming AC table 0, which no DHT defines;
  // stb_image would decode with an uninitialised table (UBSan: a shift by 32).
  ImageStore store;
  const ImageStore::Image& image =
      AddRegression(store, "image-jpeg-progressive-undefined-huffman-table.jpg");
  EXPECT_FALSE(image.ok);
  EXPECT_NE(image.error.find("Huffman table it does not define"), std::string::npos) << image.error;
  ExpectRealJpegsDecode(store);
}

TEST(Limits, AHuffmanTableStbImageWouldReadAfterABrokenScanIsRefused) {
  // Found by fuzz_image: after a scan whose data ends early, stb_image 2.27 takes the byte
  // after the next 0xFF as a marker and read a DHT with 2040 codes that the segment walk
  // had skipped (UBSan: index 257 out of bounds in stbi__build_huffman).
  ImageStore store;
  const ImageStore::Image& image =
      AddRegression(store, "image-jpeg-dht-after-skipped-segment.jpg", 731);
  EXPECT_FALSE(image.ok);
  EXPECT_EQ(image.error, "cannot decode: the JPEG file has a corrupt Huffman table");
  ExpectRealJpegsDecode(store);  // with tables between scans (progressive) too
}

TEST(Limits, AJpegWithoutAScanIsRefused) {
  // Found by fuzz_image (a slow unit, 10 s): 34 bytes, a progressive frame header claiming
  // 8995x4354 pixels and the end marker; stb_image decoded 39 million grey pixels.
  ImageStore store;
  const ImageStore::Image& image = AddRegression(store, "image-jpeg-progressive-no-scan.jpg", 34);
  EXPECT_FALSE(image.ok);
  EXPECT_EQ(image.error, "cannot decode: the JPEG file has no image data");
}

TEST(Limits, APngWithAnEmptyDataChunkBeforeItsDataStillDecodes) {
  // Found by fuzz_image: stb_image copied the empty IDAT into a buffer not yet allocated
  // (UBSan: null passed to memcpy). An empty IDAT is legal and carries nothing, so the file
  // decodes without it: 3x2 red pixels.
  std::string file =
      test::ReadRepoFile("tests/robustness/regressions/image-png-empty-idat-before-data.png");
  ASSERT_FALSE(file.empty());
  ImageStore store;
  const ImageStore::Image& image =
      store.AddEncoded("x.png", std::vector<uint8_t>(file.begin(), file.end()));
  ASSERT_TRUE(image.ok) << image.error;
  EXPECT_EQ(image.width, 3);
  EXPECT_EQ(image.height, 2);
  ASSERT_EQ(image.texture.rgba.size(), 3u * 2 * 4);
  EXPECT_EQ(image.texture.rgba[0], 255);
  EXPECT_EQ(image.texture.rgba[1], 0);
  EXPECT_EQ(image.texture.rgba[3], 255);
  // With only empty data chunks it is an error, not a crash.
  std::string none = file;
  size_t idat = none.find("IDAT", none.find("IDAT") + 4) - 4;  // the one with the data
  uint32_t length = (uint8_t(none[idat]) << 24) | (uint8_t(none[idat + 1]) << 16) |
                    (uint8_t(none[idat + 2]) << 8) | uint8_t(none[idat + 3]);
  none.erase(idat, 12 + length);
  EXPECT_FALSE(store.AddEncoded("y.png", std::vector<uint8_t>(none.begin(), none.end())).ok);
}

TEST(Limits, ABmpWhoseRowsAreNotInTheFileIsRefusedBeforeDecoding) {
  // Found by fuzz_image (a timeout): 505 bytes claiming 14872x4222 32-bit pixels, which
  // stb_image decoded from zeros past the end for over a minute.
  std::string file =
      test::ReadRepoFile("tests/robustness/regressions/image-bmp-truncated-huge-claimed-size.bmp");
  ASSERT_EQ(file.size(), 505u);
  ImageStore store;
  auto start = std::chrono::steady_clock::now();
  const ImageStore::Image& image =
      store.AddEncoded("x.bmp", std::vector<uint8_t>(file.begin(), file.end()));
  EXPECT_FALSE(image.ok);
  EXPECT_EQ(image.error, "cannot decode: the BMP file is truncated");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  // A whole BMP decodes; the same file without its last byte is truncated.
  std::string bmp = test::ReadRepoFile("tests/fuzz/corpus/image/small.bmp");
  ASSERT_FALSE(bmp.empty());
  EXPECT_TRUE(store.AddEncoded("a.bmp", std::vector<uint8_t>(bmp.begin(), bmp.end())).ok);
  const ImageStore::Image& cut = store.AddEncoded("b.bmp", std::vector<uint8_t>(bmp.begin(), bmp.end() - 1));
  EXPECT_FALSE(cut.ok);
  EXPECT_EQ(cut.error, "cannot decode: the BMP file is truncated");
}

TEST(Limits, ABmpWithANegativeCompressionIsRefusedBeforeDecoding) {
  // Found by fuzz_image (a timeout): 143 bytes whose compression field reads 0xff00d8ff,
  // negative to stb_image, which then decoded 10008x1296 pixels from past the end.
  ImageStore store;
  const ImageStore::Image& image = AddRegression(store, "image-bmp-negative-compression.bmp", 143);
  EXPECT_FALSE(image.ok);
  EXPECT_EQ(image.error, "cannot decode: the BMP file names an unknown compression (4278245631)");
  // Compression 3 (bit fields) with whole rows still decodes: the check is for the sign.
  std::string bmp = test::ReadRepoFile("tests/fuzz/corpus/image/small.bmp");
  ASSERT_GE(bmp.size(), 34u);
  EXPECT_TRUE(store.AddEncoded("a.bmp", std::vector<uint8_t>(bmp.begin(), bmp.end())).ok);
}

TEST(Limits, CorruptOrTruncatedImagesGiveAnErrorAndAPlaceholder) {
  std::string png = ReadFixture("photo.png"), jpg = ReadFixture("photo.jpg"),
              gif = ReadFixture("photo.gif");
  auto corrupt = [](std::string s) {
    for (size_t i = s.size() / 3; i < s.size(); i += 7) s[i] = static_cast<char>(s[i] ^ 0x5a);
    return s;
  };
  struct Case {
    const char* name;
    std::string bytes;
  };
  const Case cases[] = {
      {"truncated.png", png.substr(0, png.size() / 2)},
      {"corrupt.png", corrupt(png)},
      {"header-only.png", png.substr(0, 33)},
      {"truncated.jpg", jpg.substr(0, jpg.size() / 2)},
      {"corrupt.jpg", corrupt(jpg)},
      {"header-only.jpg", jpg.substr(0, 200)},
      {"truncated.gif", gif.substr(0, gif.size() / 2)},
      {"corrupt.gif", corrupt(gif)},
      {"header-only.gif", gif.substr(0, 13)},
      {"end-cut.jpg", jpg.substr(0, jpg.size() - 40)},
      {"end-cut.gif", gif.substr(0, gif.size() - 40)},
      {"trailer-only-cut.gif", gif.substr(0, gif.size() - 1)},
      {"empty.png", ""},
      {"text.png", "this is not an image\n"},
  };
  fs::path dir = fs::path(testing::TempDir()) / "podium-broken-images";
  fs::create_directories(dir);
  std::string deck = "# Broken images\n\n";
  for (const Case& k : cases) {
    std::ofstream(dir / k.name, std::ios::binary) << k.bytes;
    deck += std::string("![") + k.name + "](" + k.name + ")\n\n";
  }
  std::ofstream(dir / "deck.md") << deck;
  tools::LoadedDeck loaded;
  tools::LoadDeckFile((dir / "deck.md").string(), &loaded);
  LayoutContext context{&test::Fonts(), &loaded.images};
  std::vector<Diagnostic> diagnostics;
  SlideLayout layout = LayoutSlide(loaded.deck, 0, context, &diagnostics);
  int line = 3;
  for (const Case& k : cases) {
    const ImageStore::Image* image = loaded.images.Find(k.name);
    ASSERT_NE(image, nullptr) << k.name;
    bool reported = false;
    for (const Diagnostic& d : loaded.deck.diagnostics) {
      // "cannot decode image 'truncated.png': <why>", the reason stb_image or a check gave.
      if (d.argument.rfind("'" + std::string(k.name) + "': ", 0) == 0 && d.pos.line == line) {
        reported = d.code == DiagnosticCode::kImageUndecodable && d.severity == Severity::kError &&
                   d.argument.size() > std::string(k.name).size() + 4;
        std::printf("[limits] %s\n", FormatDiagnostic("deck.md", d).c_str());
      }
    }
    EXPECT_FALSE(image->ok) << k.name << " decoded as " << image->width << "x" << image->height;
    EXPECT_TRUE(reported) << k.name << ": no kImageUndecodable error at line " << line;
    for (const LayoutItem& item : layout.items)
      if (item.kind == LayoutItemKind::kImage) EXPECT_NE(item.src, k.name);
    line += 2;
  }
  fs::remove_all(dir);
}

// [SECTION] Bytes that are not text ------------------------------------------------------

TEST(Limits, InvalidUtf8AndNulBytesAreReplacedWithTheirPositions) {
  using namespace std::string_literals;
  // Enough text around them that the file is text with a few bad bytes (a short file of
  // mostly bad bytes is not text: BinaryFilesAsADeck… below).
  std::string source = "# Caf\xC3\n\nA\0B and \xFF\xFE and \xED\xA0\x80 end\n"s;
  for (int i = 0; i < 20; ++i) source += "\nA paragraph of ordinary words around the bad bytes.\n";
  Checked c = Check(source);
  ASSERT_EQ(c.deck.slides.size(), 1u);
  EXPECT_NE(c.deck.slides[0].title.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
  const Diagnostic* utf8 = Find(c.diagnostics, DiagnosticCode::kInvalidUtf8);
  const Diagnostic* nul = Find(c.diagnostics, DiagnosticCode::kNulByte);
  ASSERT_NE(utf8, nullptr);
  ASSERT_NE(nul, nullptr);
  EXPECT_EQ(utf8->pos, (SourcePos{1, 6}));
  EXPECT_EQ(nul->pos, (SourcePos{3, 2}));
  for (const Diagnostic& d : c.diagnostics) std::printf("[limits] %s\n", FormatDiagnostic("deck.md", d).c_str());
}

TEST(Limits, ManyInvalidBytesAreCountedNotListed) {
  // Text first: a file whose first kilobyte is mostly invalid is not text at all (below).
  std::string source = "# Title\n\n";
  while (source.size() < 2000) source += "plain words ";
  for (int i = 0; i < 100000; ++i) source += "ok \xFF ";
  Checked c = Check(source);
  Report("100,000 invalid bytes", source.size(), c);
  EXPECT_EQ(Count(c.diagnostics, DiagnosticCode::kInvalidUtf8), 20);
  EXPECT_EQ(Count(c.diagnostics, DiagnosticCode::kMoreReplacements), 1);
  EXPECT_LT(c.parse_seconds + c.layout_seconds, kBlowUpSeconds);
}

// Binary files passed as a deck: one error, no slides — never slides of garbage.
TEST(Limits, BinaryFilesAsADeckGiveOneErrorAndNoSlides) {
  std::string self;  // this very test program: an ELF executable
  {
    std::ifstream in("/proc/self/exe", std::ios::binary);
    self.assign(std::istreambuf_iterator<char>(in), {});
    self.resize(std::min<size_t>(self.size(), 1 << 20));
  }
  std::string zip = std::string("PK\x03\x04", 4) + std::string(100, 'x');
  std::string utf16 = std::string("\xFF\xFE#\0 \0T\0i\0t\0l\0e\0\n\0", 16);
  std::string random;
  uint32_t state = 7;
  for (int i = 0; i < 100000; ++i) {
    state = state * 1664525u + 1013904223u;
    random += static_cast<char>(state >> 24);
  }
  struct Case {
    const char* what;
    std::string bytes;
  };
  const Case cases[] = {{"ELF executable", self},
                        {"PNG image", ReadFixture("photo.png")},
                        {"JPEG image", ReadFixture("photo.jpg")},
                        {"GIF image", ReadFixture("photo.gif")},
                        {"ZIP archive", zip},
                        {"UTF-16 text", utf16},
                        {"random bytes", random},
                        {"PDF", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n"}};
  for (const Case& k : cases) {
    Checked c = Check(k.bytes);
    ASSERT_FALSE(c.diagnostics.empty()) << k.what;
    EXPECT_TRUE(c.deck.slides.empty()) << k.what;
    EXPECT_EQ(c.diagnostics[0].code, DiagnosticCode::kBinaryInput) << k.what;
    EXPECT_EQ(c.diagnostics.size(), 1u) << k.what;
    std::printf("[limits] %s: %s\n", k.what, FormatDiagnostic("deck.md", c.diagnostics[0]).c_str());
  }
}

}  // namespace
}  // namespace podium
