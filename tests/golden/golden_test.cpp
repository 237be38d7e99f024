// Golden images: every slide of the sample decks (and of the test decks in tests/golden/decks/
// named below), rendered at 1280×720 on the CPU, against the PNGs under tests/golden/<deck>/.
//
// Tolerance: a pixel differs when any channel is off by more than kChannelTolerance; a
// slide passes when at most kMaxDifferingShare of its pixels differ (anti-aliasing noise
// from another compiler or libm), which still catches a moved line or a missing glyph.
// A failure writes the actual image and a diff image (differences in red) next to each
// other under the build's golden-actual/ folder.
//
// To accept new pictures after a deliberate change: PODIUM_UPDATE_GOLDEN=1 ./podium_tests
// --gtest_filter='Golden*', then look at every changed PNG before committing it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "common/deck_files.h"
#include "draw/render_image.h"
#include "layout/layout.h"
#include "test_fonts.h"
#include "test_support.h"

namespace podium {
namespace {

namespace fs = std::filesystem;

constexpr int kChannelTolerance = 24;
constexpr double kMaxDifferingShare = 0.002;

bool WriteBytes(const fs::path& path, const std::vector<uint8_t>& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, EverySlideMatches) {
  const std::string deck_name = GetParam();
  tools::LoadedDeck loaded;
  // The sample decks live in decks/; decks made only for these tests in tests/golden/decks/.
  std::string deck_path = test::RepoPath("decks/" + deck_name + ".md");
  if (!fs::exists(deck_path)) deck_path = test::RepoPath("tests/golden/decks/" + deck_name + ".md");
  tools::LoadDeckFile(deck_path, &loaded);
  ASSERT_TRUE(loaded.readable);
  ASSERT_FALSE(loaded.deck.slides.empty());
  LayoutContext context{&test::Fonts(), &loaded.images};
  std::vector<Diagnostic> diagnostics;
  std::vector<SlideLayout> layouts = LayoutDeck(loaded.deck, context, &diagnostics);
  GlyphCache glyphs(test::Fonts());
  const bool update = std::getenv("PODIUM_UPDATE_GOLDEN") != nullptr;
  const fs::path golden_dir = test::RepoPath("tests/golden/" + deck_name);
  const fs::path actual_dir = fs::current_path() / "golden-actual" / deck_name;
  for (size_t i = 0; i < layouts.size(); ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "slide-%03zu.png", i + 1);
    RgbaImage actual = RenderSlideImage(layouts[i], layouts[i].steps - 1, 1280, 720, &loaded.images, glyphs);
    std::vector<uint8_t> png = EncodePng(actual);
    if (update) {
      ASSERT_TRUE(WriteBytes(golden_dir / name, png));
      continue;
    }
    auto golden_bytes = tools::ReadFileBytes(golden_dir / name);
    if (!golden_bytes) {
      WriteBytes(actual_dir / name, png);
      ADD_FAILURE() << "no golden image " << (golden_dir / name).string() << "; actual written to "
                    << (actual_dir / name).string();
      continue;
    }
    RgbaImage golden;
    std::string error;
    ASSERT_TRUE(DecodeImage(*golden_bytes, golden, &error)) << error;
    ImageDiff diff = CompareImages(golden, actual, kChannelTolerance);
    double share = static_cast<double>(diff.differing_pixels) / (1280.0 * 720.0);
    if (share > kMaxDifferingShare) {
      WriteBytes(actual_dir / name, png);
      std::string diff_name = std::string(name).replace(std::string(name).size() - 4, 4, "-diff.png");
      WriteBytes(actual_dir / diff_name, EncodePng(diff.diff));
      ADD_FAILURE() << deck_name << " " << name << ": " << diff.differing_pixels
                    << " pixels differ (max delta " << diff.max_channel_delta << "); see "
                    << (actual_dir / name).string() << " and " << (actual_dir / diff_name).string();
    }
  }
  // Every golden image belongs to a slide: a deck that lost slides fails too.
  if (!update && fs::exists(golden_dir)) {
    size_t count = 0;
    for (const auto& entry : fs::directory_iterator(golden_dir))
      if (entry.path().extension() == ".png") ++count;
    EXPECT_EQ(count, layouts.size()) << "golden images and slides differ in number";
  }
}

INSTANTIATE_TEST_SUITE_P(SampleDecks, GoldenTest, ::testing::Values("tutorial", "zh-tech-talk", "flowcharts", "formulas",
                                                                  "code-themes"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& c : n)
                             if (c == '-') c = '_';
                           return n;
                         });

}  // namespace
}  // namespace podium
