// Decks written in the conventions of Marp, reveal.js's Markdown plugin, remark and Slidev
// open unedited: `deckc check` finds no error, and slides, titles, steps and notes land
// where the .expect file beside each deck says (its header explains the format).
#include <gtest/gtest.h>

#include <sstream>

#include "common/deck_files.h"
#include "layout/layout.h"
#include "test_fonts.h"
#include "test_support.h"

namespace podium {
namespace {

struct ExpectedSlide {
  std::string title;
  int steps = 1;
  std::string notes_prefix;  // "-" for no notes
};

struct Expectation {
  size_t slides = 0;
  std::vector<ExpectedSlide> per_slide;
};

Expectation ReadExpectation(const std::string& text) {
  Expectation e;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("slides: ", 0) == 0) {
      e.slides = std::stoul(line.substr(8));
      continue;
    }
    if (line.rfind("slide ", 0) != 0) {
      ADD_FAILURE() << "unreadable expect line: " << line;
      continue;
    }
    size_t title = line.find(": title=");
    size_t steps = line.find(" steps=", title);
    size_t notes = line.find(" notes=", steps);
    if (title == std::string::npos || steps == std::string::npos || notes == std::string::npos) {
      ADD_FAILURE() << "unreadable expect line: " << line;
      continue;
    }
    ExpectedSlide s;
    s.title = line.substr(title + 8, steps - title - 8);
    s.steps = std::stoi(line.substr(steps + 7, notes - steps - 7));
    s.notes_prefix = line.substr(notes + 7);
    e.per_slide.push_back(s);
  }
  return e;
}

std::string TrimLeft(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\n");
  return b == std::string::npos ? "" : s.substr(b);
}

class ConventionTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ConventionTest, OpensUneditedWithSlidesStepsAndNotesInPlace) {
  const std::string name = GetParam();
  tools::LoadedDeck loaded;
  tools::LoadDeckFile(test::RepoPath("tests/conventions/" + name + ".md"), &loaded);
  ASSERT_TRUE(loaded.readable);
  std::vector<Diagnostic> diagnostics = loaded.deck.diagnostics;
  LayoutContext context{&test::Fonts(), &loaded.images};
  LayoutDeck(loaded.deck, context, &diagnostics);
  for (const Diagnostic& d : diagnostics)
    EXPECT_NE(d.severity, Severity::kError) << FormatDiagnostic(name + ".md", d);

  Expectation expected = ReadExpectation(test::ReadRepoFile("tests/conventions/" + name + ".expect"));
  ASSERT_EQ(loaded.deck.slides.size(), expected.slides);
  ASSERT_EQ(expected.per_slide.size(), expected.slides) << "one line per slide in the expect file";
  for (size_t i = 0; i < expected.slides; ++i) {
    const Slide& actual = loaded.deck.slides[i];
    const ExpectedSlide& want = expected.per_slide[i];
    SCOPED_TRACE(name + " slide " + std::to_string(i + 1));
    EXPECT_EQ(actual.title, want.title);
    EXPECT_EQ(actual.steps, want.steps);
    if (want.notes_prefix == "-") {
      EXPECT_EQ(actual.notes, "");
    } else {
      EXPECT_EQ(TrimLeft(actual.notes).rfind(want.notes_prefix, 0), 0u)
          << "notes: " << actual.notes.substr(0, 120);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(PeerTools, ConventionTest,
                         ::testing::Values("marp", "reveal", "remark", "slidev", "marp-theme-css", "reveal-html"));

}  // namespace
}  // namespace podium
