// tools/common/outline.h: `deckc outline`, with and without the times of a rehearsal
// (tools/common/rehearsal.h) recorded by `podium --rehearse`.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/outline.h"
#include "common/rehearsal.h"
#include "parse/parse_deck.h"

namespace podium::tools {
namespace {

constexpr const char* kDeck =
    "---\ntitle: Talk\n---\n\n# One\n\n???\nSay hi\n\n---\n\n# Two\n\n---\n\n# Three\n";

TEST(Outline, WithoutARehearsalTheJsonIsUnchanged) {
  Deck deck = ParseDeck(kDeck);
  EXPECT_EQ(
      OutlineJson(deck),
      "{\"title\": \"Talk\", \"slides\": ["
      "{\"index\": 1, \"line\": 5, \"title\": \"One\", \"steps\": 1, \"notes\": \"Say hi\"}, "
      "{\"index\": 2, \"line\": 12, \"title\": \"Two\", \"steps\": 1, \"notes\": \"\"}, "
      "{\"index\": 3, \"line\": 16, \"title\": \"Three\", \"steps\": 1, \"notes\": \"\"}]}\n");
  EXPECT_EQ(OutlineText(deck).find("rehearsed"), std::string::npos);
}

TEST(Outline, ShowsTheRehearsedSecondsOfEachSlide) {
  Deck deck = ParseDeck(kDeck);
  // The rehearsal file podium writes, read back as deckc reads it; slide 3 was added since.
  std::optional<std::vector<double>> rehearsed =
      ParseRehearsal(FormatRehearsal(deck, "talk.md", {42.1, 75.5}, 1795000000));
  ASSERT_TRUE(rehearsed);
  std::string json = OutlineJson(deck, &*rehearsed);
  EXPECT_NE(json.find("\"notes\": \"Say hi\", \"rehearsed_seconds\": 42.100}"), std::string::npos)
      << json;
  EXPECT_NE(
      json.find(
          "\"title\": \"Two\", \"steps\": 1, \"notes\": \"\", \"rehearsed_seconds\": 75.500}"),
      std::string::npos)
      << json;
  EXPECT_NE(
      json.find(
          "\"title\": \"Three\", \"steps\": 1, \"notes\": \"\", \"rehearsed_seconds\": null}"),
      std::string::npos)
      << json;

  std::string text = OutlineText(deck, &*rehearsed);
  EXPECT_NE(text.find("One  rehearsed 0:42\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Two  rehearsed 1:15\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Three  (not rehearsed)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("rehearsed in total 1:57\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace podium::tools
