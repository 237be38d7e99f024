// ParseDeck checks that are easier in code than in the spec files: exact positions,
// robustness against hostile input, and the time a very large deck takes.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include "model/dump.h"
#include "parse/parse_deck.h"
#include "parse/values.h"

namespace podium {
namespace {

const Diagnostic* FindDiagnostic(const Deck& deck, DiagnosticCode code) {
  for (const Diagnostic& d : deck.diagnostics)
    if (d.code == code) return &d;
  return nullptr;
}

// Every slide numbered in order, every position set and inside the file.
void ExpectWellFormed(const Deck& deck, int line_count) {
  for (size_t i = 0; i < deck.slides.size(); ++i) {
    const Slide& s = deck.slides[i];
    EXPECT_EQ(s.index, static_cast<int>(i));
    EXPECT_GE(s.steps, 1);
    EXPECT_GE(s.pos.line, 1);
    EXPECT_LE(s.pos.line, line_count + 1);
  }
  for (const Diagnostic& d : deck.diagnostics) EXPECT_LE(d.pos.line, line_count + 1);
}

int CountLines(const std::string& s) {
  int n = 1;
  for (char c : s) n += c == '\n';
  return n;
}

// [SECTION] Positions ----------------------------------------------------------------------

TEST(ParseDeckTest, SlidePositionIsTheFirstNonBlankLine) {
  Deck deck = ParseDeck("# One\n\n---\n\n\n  Two\n\n---\n# Three\n");
  ASSERT_EQ(deck.slides.size(), 3u);
  EXPECT_EQ(deck.slides[0].pos, (SourcePos{1, 1}));
  EXPECT_EQ(deck.slides[1].pos, (SourcePos{6, 3}));
  EXPECT_EQ(deck.slides[2].pos, (SourcePos{9, 1}));
}

TEST(ParseDeckTest, BlockPositionsPointAtTheirMarkers) {
  Deck deck = ParseDeck(
      "## Title\n"        // 1
      "\n"                // 2
      "  - **item**\n"    // 3
      "\n"                // 4
      "> quote\n"         // 5
      "\n"                // 6
      "```js\n"           // 7
      "x\n"               // 8
      "```\n"             // 9
      "\n"                // 10
      "| a |\n|---|\n");  // 11
  ASSERT_EQ(deck.slides.size(), 1u);
  const auto& blocks = deck.slides[0].blocks;
  ASSERT_EQ(blocks.size(), 5u);
  EXPECT_EQ(blocks[0].pos, (SourcePos{1, 1}));                          // the '#'
  EXPECT_EQ(blocks[1].pos, (SourcePos{3, 3}));                          // the list's '-'
  EXPECT_EQ(blocks[1].children[0].pos, (SourcePos{3, 3}));              // its item
  EXPECT_EQ(blocks[1].children[0].children[0].pos, (SourcePos{3, 5}));  // paragraph '**'
  EXPECT_EQ(blocks[2].pos, (SourcePos{5, 1}));                          // '>'
  EXPECT_EQ(blocks[3].pos, (SourcePos{7, 1}));                          // the fence
  EXPECT_EQ(blocks[4].pos, (SourcePos{11, 1}));                         // the table's first '|'
}

TEST(ParseDeckTest, TableAfterCodeIsItsOwnBlock) {
  Deck deck = ParseDeck("```\nx\n```\n\n| a |\n|---|\n| b |\n");
  ASSERT_EQ(deck.slides.size(), 1u);
  ASSERT_EQ(deck.slides[0].blocks.size(), 2u);
  EXPECT_EQ(deck.slides[0].blocks[1].kind, BlockKind::kTable);
  EXPECT_EQ(deck.slides[0].blocks[1].pos, (SourcePos{5, 1}));
}

TEST(ParseDeckTest, SpanPositions) {
  Deck deck = ParseDeck("Hello **bold** ![w:10 cat](c.png)\n");
  const auto& spans = deck.slides.at(0).blocks.at(0).spans;
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(spans[0].pos, (SourcePos{1, 1}));
  EXPECT_EQ(spans[1].pos, (SourcePos{1, 9}));  // the text inside the stars
  EXPECT_EQ(spans[3].kind, SpanKind::kImage);
  EXPECT_EQ(spans[3].pos, (SourcePos{1, 16}));  // the '!'
}

TEST(ParseDeckTest, DirectiveDiagnosticInsideAQuoteMapsToTheSource) {
  // The comment's lines reach md4c without their "> " markers; positions must not shift.
  Deck deck = ParseDeck("# A\n\n> <!--\n> paginate: maybe\n> -->\n");
  const Diagnostic* d = FindDiagnostic(deck, DiagnosticCode::kBadDirectiveValue);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->pos, (SourcePos{4, 13}));
}

TEST(ParseDeckTest, ColumnsCountTheFileBytes) {
  // CRLF, a UTF-8 byte order mark and a replaced byte before the problem must not move it.
  Deck deck = ParseDeck("\xEF\xBB\xBF# A\r\n\r\n\xFF\xFF <!-- colr: red -->\r\n");
  const Diagnostic* bad_byte = FindDiagnostic(deck, DiagnosticCode::kInvalidUtf8);
  const Diagnostic* unknown = FindDiagnostic(deck, DiagnosticCode::kUnknownDirective);
  ASSERT_NE(bad_byte, nullptr);
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ(bad_byte->pos, (SourcePos{3, 1}));
  EXPECT_EQ(unknown->pos, (SourcePos{3, 9}));
}

TEST(ParseDeckTest, DiagnosticsAreSortedByPosition) {
  Deck deck = ParseDeck("---\ncolour: x\n---\n# A <!-- a: 1 -->\n\n![bg foo:1](x.png)\n");
  ASSERT_GE(deck.diagnostics.size(), 3u);
  for (size_t i = 1; i < deck.diagnostics.size(); ++i)
    EXPECT_LE(deck.diagnostics[i - 1].pos.line, deck.diagnostics[i].pos.line);
}

// [SECTION] Model details ------------------------------------------------------------------

TEST(ParseDeckTest, StepsCountOnAcrossFragmentedLists) {
  Deck deck = ParseDeck("* a\n* b\n\ntext\n\n1) c\n");
  const Slide& s = deck.slides.at(0);
  EXPECT_EQ(s.steps, 4);
  EXPECT_TRUE(s.blocks[0].fragmented);
  EXPECT_EQ(s.blocks[0].children[1].step, 2);
  EXPECT_EQ(s.blocks[2].children[0].step, 3);
}

TEST(ParseDeckTest, TheDeckOwnsItsText) {
  Deck deck;
  {
    std::string source = "# Title\n\nBody with [a link](https://x.example)\n";
    deck = ParseDeck(source);
    source.assign(source.size(), 'Z');
  }
  EXPECT_EQ(deck.slides.at(0).title, "Title");
  EXPECT_EQ(deck.slides[0].blocks[1].spans[1].href, "https://x.example");
}

TEST(ParseDeckTest, CodeHighlightStepsAreRanges) {
  Deck deck = ParseDeck("```py {1,3-4|all}\na\nb\nc\nd\n```\n");
  const Block& code = deck.slides.at(0).blocks.at(0);
  ASSERT_EQ(code.code.highlight_steps.size(), 2u);
  EXPECT_EQ(code.code.highlight_steps[0], (std::vector<LineRange>{{1, 1}, {3, 4}}));
  EXPECT_TRUE(code.code.highlight_steps[1].empty());
  EXPECT_EQ(code.text, "a\nb\nc\nd");
}

TEST(ParseDeckTest, DurationSpellings) {
  struct Case {
    const char* text;
    double seconds;  // 0: not a duration
  };
  const Case cases[] = {
      {"20min", 1200},   {"20m", 1200},  {"20 minutes", 1200}, {"1h30m", 5400},
      {"1h 30m", 5400},  {"1.5h", 5400}, {"90s", 90},          {"1:30", 90},
      {"1:30:00", 5400}, {"45", 2700},   {"2 hours", 7200},    {"0", 0},
      {"", 0},           {"soon", 0},    {"20 parsecs", 0},    {"1:75", 0},
      {"m20", 0},        {"20min 5", 0},
  };
  for (const Case& c : cases) {
    std::optional<double> got = parse::ParseDurationSeconds(c.text);
    if (c.seconds == 0) {
      EXPECT_FALSE(got.has_value()) << c.text;
    } else {
      ASSERT_TRUE(got.has_value()) << c.text;
      EXPECT_DOUBLE_EQ(*got, c.seconds) << c.text;
    }
  }
}

// [SECTION] Robustness --------------------------------------------------------------------

TEST(ParseDeckTest, PathologicalNestingStaysBounded) {
  std::string quotes(20000, '>');
  std::string lists;
  for (int i = 0; i < 2000; ++i) lists += std::string(static_cast<size_t>(i) * 2, ' ') + "- x\n";
  for (const std::string& source : {quotes + " deep\n", lists, std::string(50000, '['),
                                    std::string(50000, '*'), std::string(30000, '`')}) {
    Deck deck = ParseDeck(source);
    ExpectWellFormed(deck, CountLines(source));
  }
}

TEST(ParseDeckTest, RandomBytesNeverBreakTheParser) {
  // Deterministic mutations of a deck that uses every feature.
  const std::string seed =
      "---\ntitle: T\nduration: 20min\n---\n# A <!-- fit -->\n\n* one\n* two\n\n"
      "```py {1|2}\nx\n```\n\n$$\nx^2\n$$\n\n![bg left:30%](a.png)\n\n???\nnotes\n\n---\n"
      "layout: cover\n---\n\n<!-- _class: lead -->\n| a | b |\n|---|:-:|\n| `c` | $d$ |\n"
      "\nNote: bye\n";
  uint32_t state = 12345;
  auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  const char alphabet[] = "-*_`~#>|[]()!$<>:\n\r\t \x00\xFF\xE4{}0123456789abc";
  for (int round = 0; round < 2000; ++round) {
    std::string s = seed;
    int edits = 1 + static_cast<int>(next() % 12);
    for (int e = 0; e < edits; ++e) {
      size_t at = next() % (s.size() + 1);
      char c = alphabet[next() % (sizeof(alphabet) - 1)];
      switch (next() % 3) {
        case 0:
          s.insert(s.begin() + static_cast<std::ptrdiff_t>(at), c);
          break;
        case 1:
          if (at < s.size()) s.erase(at, 1);
          break;
        default:
          if (at < s.size()) s[at] = c;
          break;
      }
    }
    Deck deck = ParseDeck(s);
    ExpectWellFormed(deck, CountLines(s) + 1);
    DumpDeck(deck);  // walks the whole model
  }
}

TEST(ParseDeckTest, BinaryInputGivesOneErrorAndNoSlides) {
  std::string png = "\x89PNG\r\n\x1A\n";
  png += std::string(200, '\0');
  Deck deck = ParseDeck(png);
  EXPECT_TRUE(deck.slides.empty());
  ASSERT_EQ(deck.diagnostics.size(), 1u);
  EXPECT_EQ(deck.diagnostics[0].code, DiagnosticCode::kBinaryInput);
}

// [SECTION] Scale ------------------------------------------------------------------------

TEST(ParseDeckTest, TenThousandSlides) {
  std::string source = "---\ntitle: Big\n---\n\n";
  for (int i = 0; i < 10000; ++i) {
    source += "# Slide " + std::to_string(i) + "\n\n* point *one*\n* point `two`\n\n";
    source += "```js {1|2}\nconst a = " + std::to_string(i) + ";\nf(a);\n```\n\n";
    source += "<!-- _class: lead -->\n\n???\nNotes for " + std::to_string(i) + "\n\n---\n\n";
  }
  auto start = std::chrono::steady_clock::now();
  Deck deck = ParseDeck(source);
  auto elapsed =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
  std::printf("[ParseDeck] 10,000 slides, %.1f MB: %.1f ms\n", source.size() / 1e6,
              elapsed.count());
  ASSERT_EQ(deck.slides.size(), 10000u);
  EXPECT_EQ(deck.slides[9999].title, "Slide 9999");
  EXPECT_EQ(deck.slides[9999].steps, 4);  // two fragments and one more highlight stage
  EXPECT_EQ(deck.slides[9999].notes, "Notes for 9999");
  EXPECT_TRUE(deck.diagnostics.empty());
  EXPECT_LT(elapsed.count(), 20000.0);  // only catches a blow-up, not a slowdown
}

}  // namespace
}  // namespace podium
