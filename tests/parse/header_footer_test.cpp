// Headers and footers are inline Markdown, as Marp renders them.
#include <gtest/gtest.h>

#include "parse/parse_deck.h"

namespace podium {
namespace {

TEST(HeaderFooter, AreReadAsInlineMarkdownWithEntities) {
  Deck deck = ParseDeck("---\nfooter: ATS &copy; 2025 **bold** [site](https://example.com)\n---\n\n# A\n");
  ASSERT_EQ(deck.slides.size(), 1u);
  const std::vector<Span>& spans = deck.slides[0].style.footer_spans;
  std::string text;
  bool bold = false, link = false;
  for (const Span& s : spans) {
    text += s.text;
    bold |= s.text == "bold" && (s.style & kStyleBold);
    link |= s.text == "site" && (s.style & kStyleLink) && s.href == "https://example.com";
  }
  EXPECT_EQ(text, "ATS \u00a9 2025 bold site");
  EXPECT_TRUE(bold);
  EXPECT_TRUE(link);
  EXPECT_TRUE(deck.diagnostics.empty());
}

TEST(HeaderFooter, AnImageIsReportedNeverShownAsSource) {
  Deck deck = ParseDeck("---\nheader: ![](logo.png)\n---\n\n# A\n");
  ASSERT_EQ(deck.slides.size(), 1u);
  for (const Span& s : deck.slides[0].style.header_spans) EXPECT_EQ(s.text.find("!["), std::string::npos);
  ASSERT_EQ(deck.diagnostics.size(), 1u);
  EXPECT_EQ(deck.diagnostics[0].code, DiagnosticCode::kUnsupportedDirective);
}

}  // namespace
}  // namespace podium
