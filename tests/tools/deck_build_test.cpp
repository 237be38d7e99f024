// tools/common/deck_build.h: the characters a built deck's font subsets must keep. The player
// draws more than the deck's own text: its overlays and presenter view say things too, in
// English and Chinese, and a subset without those characters would draw them as tofu.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "common/deck_build.h"
#include "present/overlays.h"
#include "present/presenter_view.h"
#include "test_fonts.h"
#include "text/utf8.h"

namespace podium::tools {
namespace {

std::string Missing(const std::string& text, const std::set<char32_t>& kept) {
  std::string missing;
  for (char32_t c : DecodeUtf8(text).text)
    if (c >= 0x20 && !kept.count(c)) EncodeUtf8(c, missing);
  return missing;
}

TEST(DeckCodepoints, KeepEveryCharacterOfTheHelpInBothLanguages) {
  const std::set<char32_t> kept = DeckCodepoints("# Talk\n", {}, test::Fonts());
  for (UiLanguage language : {UiLanguage::kEnglish, UiLanguage::kChinese}) {
    SlideLayout help = LayoutHelpOverlay(test::Fonts(), 1280, 720, language);
    ASSERT_FALSE(help.text.empty());
    EXPECT_EQ(Missing(help.text, kept), "") << static_cast<int>(language);
  }
}

TEST(DeckCodepoints, KeepEveryPresenterString) {
  const std::set<char32_t> kept = DeckCodepoints("", {}, test::Fonts());
  for (UiLanguage language : {UiLanguage::kEnglish, UiLanguage::kChinese}) {
    EXPECT_EQ(Missing(PresenterString(PresenterText::kKeptLastGood, language), kept), "");
    EXPECT_EQ(Missing(PresenterString(PresenterText::kHelpClose, language), kept), "");
  }
}

}  // namespace
}  // namespace podium::tools
