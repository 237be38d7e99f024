// The browser player's defences that live in plain C++ (web/player.cpp, compiled natively
// here; tests/robustness/suite.cmake builds this file as its own test program):
//   - a link on a slide opens only for http, https and mailto (web/input.cpp calls
//     IsOpenableLink before page.js's window.open(href, '_blank', 'noopener,noreferrer'));
//   - raw HTML in a deck is drawn by the engine, never run: `<img src=…>` is an image like
//     `![](…)` (through the same loader), but no script text reaches the page, no event
//     attribute means anything and no iframe is fetched (the canvas draws glyphs; nothing
//     is put in the DOM);
//   - a saved session message that is malformed or belongs to another deck is ignored.
#include <gtest/gtest.h>

#include <string>

#include "player.h"

namespace podium::web {
namespace {

TEST(WebPlayerLinks, OnlyHttpHttpsAndMailtoOpen) {
  for (const char* ok : {"http://example.com", "https://example.com/a?b#c", "HTTPS://EXAMPLE.COM",
                         "mailto:speaker@example.com", "MailTo:x@y"}) {
    EXPECT_TRUE(IsOpenableLink(ok)) << ok;
  }
  for (const char* refused :
       {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
        "\tjavascript:alert(1)", "java\nscript:alert(1)", "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)", "file:///etc/passwd", "blob:https://example.com/x", "//evil.example",
        "/relative/page.html", "slides.md", "#/3", "", "http:", "https:/", "ftp://example.com"}) {
    EXPECT_FALSE(IsOpenableLink(refused)) << refused;
  }
}

TEST(WebPlayerLinks, RawHtmlIsDrawnNeverRun) {
  Player player;
  player.OpenDeck("hostile.md",
                  "# Raw HTML\n\n<script>alert('never runs')</script>\n\n"
                  "<img src=\"x.png\" onerror=\"alert(1)\">\n\n<iframe src=\"https://evil.example\">\n\n"
                  "Inline <b onclick=\"alert(2)\">bold</b> text. [j](javascript:alert(3))\n");
  for (const ImageUse& use : player.image_sources()) EXPECT_EQ(use.src, "x.png");
  player.Start("", std::nullopt, 0, 0, 0);
  ASSERT_EQ(player.layouts().size(), 1u);
  const SlideLayout& layout = player.layouts()[0];
  EXPECT_EQ(layout.text.find("alert"), std::string::npos) << layout.text;
  EXPECT_EQ(layout.text.find("onerror"), std::string::npos) << layout.text;
  EXPECT_EQ(layout.text.find("evil"), std::string::npos) << layout.text;
  EXPECT_NE(layout.text.find("bold"), std::string::npos) << layout.text;
  for (const LayoutItem& item : layout.items) EXPECT_NE(item.src, "https://evil.example");
  for (const LayoutLink& link : layout.links) EXPECT_FALSE(IsOpenableLink(link.href)) << link.href;
}

TEST(WebPlayerLinks, SavedSessionsOfAnotherDeckOrMalformedAreIgnored) {
  Player player;
  player.OpenDeck("talk.md", "# 1\n\n---\n\n# 2\n\n---\n\n# 3\n");
  struct Case {
    const char* saved;
    RestoreStatus status;
  };
  const Case cases[] = {
      {"podium1 deck=other.md rev=3 slide=2 step=0 mode=slide timer=idle elapsed=0 epoch=0",
       RestoreStatus::kWrongDeck},
      {"podium1 deck=talk.md rev=3 slide=2", RestoreStatus::kMalformed},
      {"<script>alert(1)</script>", RestoreStatus::kMalformed},
      {"podium9 deck=talk.md rev=3 slide=2 step=0 mode=slide timer=idle elapsed=0 epoch=0",
       RestoreStatus::kUnsupportedVersion},
  };
  for (const Case& c : cases) {
    RestoreResult r = player.Start(c.saved, std::nullopt, 0, 10, 1000);
    EXPECT_EQ(r.status, c.status) << c.saved;
    EXPECT_EQ(player.session().slide(), 0) << c.saved;
  }
  RestoreResult ok = player.Start(
      "podium1 deck=talk.md rev=3 slide=2 step=0 mode=slide timer=idle elapsed=0 epoch=0",
      std::nullopt, 0, 10, 1000);
  EXPECT_TRUE(ok.ok()) << ok.detail;
  EXPECT_EQ(player.session().slide(), 2);
}

}  // namespace
}  // namespace podium::web
