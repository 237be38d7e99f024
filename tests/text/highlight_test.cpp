// Syntax highlighting (engine/text/highlight): the literate spec files
// tests/text/highlight/*.md, the partition invariants on every example, language names,
// and hostile input that must neither crash nor go quadratic.
//
// A spec example names its language on the fence:
//
//   ```````````````````````````````` example python
//   def mean(xs):
//   .
//   keyword "def" · function "mean" · punctuation "(" · plain "xs" · punctuation "):"
//   ````````````````````````````````
//
// The dump has one line per line of code: its tokens, separated by " · ", with plain
// tokens trimmed of whitespace and left out when nothing else is left (whitespace is
// always plain); a token that spans lines shows its part on each line. In inputs and dumps, `→`
// stands for a tab and `⟦HH⟧` for the raw byte 0xHH.
//
// PODIUM_SPEC_UPDATE=1 rewrites the expected dumps with what the highlighter gives now —
// for writing new examples; read the diff before committing it.
#include "text/highlight/highlight.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "spec_files.h"

namespace podium {
namespace {

using test::SpecExample;  // info: the language named on the fence

// `→` for a tab and `⟦HH⟧` for a raw byte; the code does not end in a newline.
const test::SpecFormat kFormat{.escapes = true, .final_newline = false};

std::string SpecDir() { return std::string(PODIUM_TESTS_DIR) + "/text/highlight"; }

std::vector<SpecExample> AllExamples() { return test::ReadSpecDir(SpecDir(), kFormat); }

// Writes a token's text: quotes and backslashes escaped, tabs as →, bytes that are not
// valid UTF-8 as ⟦HH⟧.
void AppendQuoted(std::string_view text, std::string& out) {
  out += '"';
  for (size_t i = 0; i < text.size();) {
    unsigned char c = text[i];
    size_t n = c < 0x80                  ? 1
               : (c >= 0xC2 && c < 0xE0) ? 2
               : (c >= 0xE0 && c < 0xF0) ? 3
               : (c >= 0xF0 && c < 0xF5) ? 4
                                         : 0;
    bool valid = n > 0 && i + n <= text.size();
    for (size_t k = 1; valid && k < n; ++k)
      valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (!valid || (c < 0x20 && c != '\t')) {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "⟦%02X⟧", c);
      out += buffer;
      ++i;
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\t')
      out += "→";
    else
      out.append(text.substr(i, n));
    i += n;
  }
  out += '"';
}

std::string Dump(std::string_view code, const std::vector<Token>& tokens) {
  std::string out;
  std::string line;
  auto flush = [&] {
    out += line;
    out += '\n';
    line.clear();
  };
  for (const Token& t : tokens) {
    size_t b = t.begin;
    while (b < t.end) {
      size_t nl = code.find('\n', b);
      size_t e = nl == std::string_view::npos || nl >= t.end ? t.end : nl;
      std::string_view piece = code.substr(b, e - b);
      if (t.kind == TokenKind::kPlain) {  // whitespace is always plain: show only the words
        size_t first = piece.find_first_not_of(" \t\r");
        piece = first == std::string_view::npos
                    ? std::string_view()
                    : piece.substr(first, piece.find_last_not_of(" \t\r") - first + 1);
      }
      if (!piece.empty()) {
        if (!line.empty()) line += " · ";
        line += TokenKindName(t.kind);
        line += ' ';
        AppendQuoted(piece, line);
      }
      if (e < t.end) {  // the newline
        flush();
        b = e + 1;
      } else {
        b = e;
      }
    }
  }
  flush();
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
    out.pop_back();
  return out;
}

// The contract of highlight.h: contiguous, ordered, covering, neighbours differ in kind,
// and no token ends inside a valid UTF-8 sequence.
void ExpectPartition(std::string_view code, const std::vector<Token>& tokens,
                     const std::string& what) {
  if (code.empty()) {
    EXPECT_TRUE(tokens.empty()) << what;
    return;
  }
  ASSERT_FALSE(tokens.empty()) << what;
  EXPECT_EQ(tokens.front().begin, 0u) << what;
  EXPECT_EQ(tokens.back().end, code.size()) << what;
  for (size_t i = 0; i < tokens.size(); ++i) {
    ASSERT_LT(tokens[i].begin, tokens[i].end) << what << " token " << i;
    if (i > 0) {
      ASSERT_EQ(tokens[i - 1].end, tokens[i].begin) << what << " token " << i;
      ASSERT_NE(tokens[i - 1].kind, tokens[i].kind) << what << " token " << i;
    }
    size_t e = tokens[i].end;
    if (e < code.size() && (static_cast<unsigned char>(code[e]) & 0xC0) == 0x80) {
      // A continuation byte may start a token only if the sequence it belongs to is broken.
      size_t lead = e;
      while (lead > 0 && e - lead < 4 && (static_cast<unsigned char>(code[lead]) & 0xC0) == 0x80)
        --lead;
      unsigned char c = code[lead];
      size_t n = (c >= 0xC2 && c < 0xE0)   ? 2
                 : (c >= 0xE0 && c < 0xF0) ? 3
                 : (c >= 0xF0 && c < 0xF5) ? 4
                                           : 0;
      bool valid = n > 0 && lead + n <= code.size() && lead + n > e;
      for (size_t k = 1; valid && k < n; ++k)
        valid = (static_cast<unsigned char>(code[lead + k]) & 0xC0) == 0x80;
      EXPECT_FALSE(valid) << what << ": token " << i << " ends inside a UTF-8 sequence at " << e;
    }
  }
}

class HighlightSpec : public ::testing::TestWithParam<SpecExample> {};

TEST_P(HighlightSpec, MatchesDump) {
  const SpecExample& ex = GetParam();
  std::vector<Token> tokens = Highlight(ex.info, ex.input);
  ExpectPartition(ex.input, tokens, ex.file + ":" + std::to_string(ex.line));
  EXPECT_EQ(Dump(ex.input, tokens), ex.expected);
}

INSTANTIATE_TEST_SUITE_P(Spec, HighlightSpec, ::testing::ValuesIn(AllExamples()),
                         test::SpecExampleName);

TEST(HighlightSpecFiles, UpdateWhenAsked) {
  if (!std::getenv("PODIUM_SPEC_UPDATE")) GTEST_SKIP() << "set PODIUM_SPEC_UPDATE=1 to rewrite";
  for (const std::string& f : test::SpecFiles(SpecDir()))
    test::UpdateSpecFile(f, kFormat, [](const SpecExample& ex) {
      return Dump(ex.input, Highlight(ex.info, ex.input));
    });
}

// Every language the issue asks for has a spec file with examples.
TEST(HighlightSpecFiles, EveryLanguageHasExamples) {
  std::set<std::string> covered;
  for (const SpecExample& ex : AllExamples())
    covered.insert(std::string(CanonicalLanguage(ex.info)));
  for (std::string_view name : KnownLanguages())
    EXPECT_TRUE(covered.count(std::string(name))) << name;
}

TEST(HighlightLanguages, NamesAndAliases) {
  struct Case {
    const char* alias;
    const char* canonical;
  };
  const Case cases[] = {
      {"js", "javascript"},
      {"JavaScript", "javascript"},
      {"mjs", "javascript"},
      {"ts", "typescript"},
      {"typescript", "typescript"},
      {"py", "python"},
      {"python", "python"},
      {"sh", "bash"},
      {"bash", "bash"},
      {"shell", "bash"},
      {"zsh", "bash"},
      {"console", "console"},
      {"c++", "cpp"},
      {"cpp", "cpp"},
      {"cc", "cpp"},
      {"hpp", "cpp"},
      {"c", "c"},
      {"yml", "yaml"},
      {"yaml", "yaml"},
      {"rs", "rust"},
      {"rust", "rust"},
      {"kt", "kotlin"},
      {"kotlin", "kotlin"},
      {"golang", "go"},
      {"go", "go"},
      {"md", "markdown"},
      {"markdown", "markdown"},
      {"dockerfile", "dockerfile"},
      {"Dockerfile", "dockerfile"},
      {"docker", "dockerfile"},
      {"html", "html"},
      {"xml", "html"},
      {"svg", "html"},
      {"vue", "html"},
      {"json", "json"},
      {"jsonc", "json"},
      {"toml", "toml"},
      {"sql", "sql"},
      {"css", "css"},
      {"scss", "css"},
      {"diff", "diff"},
      {"patch", "diff"},
      {"java", "java"},
      {"swift", "swift"},
  };
  for (const Case& c : cases) {
    EXPECT_TRUE(IsKnownLanguage(c.alias)) << c.alias;
    EXPECT_EQ(CanonicalLanguage(c.alias), c.canonical) << c.alias;
  }
  for (const char* plain : {"", "text", "plain", "txt", "TEXT", "plaintext"}) {
    EXPECT_TRUE(IsPlainLanguage(plain)) << plain;
    EXPECT_FALSE(IsKnownLanguage(plain)) << plain;
  }
  EXPECT_FALSE(IsKnownLanguage("brainfuck"));
  EXPECT_FALSE(IsPlainLanguage("brainfuck"));
  EXPECT_GE(KnownLanguages().size(), 20u);
}

TEST(HighlightLanguages, UnknownAndPlainGiveOnePlainToken) {
  std::string code = "def f():\n  return 1";
  for (const char* language : {"brainfuck", "", "text"}) {
    std::vector<Token> tokens = Highlight(language, code);
    ASSERT_EQ(tokens.size(), 1u) << language;
    EXPECT_EQ(tokens[0], (Token{0, static_cast<uint32_t>(code.size()), TokenKind::kPlain}));
  }
  EXPECT_TRUE(Highlight("python", "").empty());
}

TEST(HighlightLanguages, KindNamesAreDistinct) {
  std::set<std::string_view> names;
  for (int k = 0; k < kTokenKindCount; ++k) names.insert(TokenKindName(static_cast<TokenKind>(k)));
  EXPECT_EQ(names.size(), static_cast<size_t>(kTokenKindCount));
}

// [SECTION] Hostile input --------------------------------------------------------------

// Inputs that open constructs and never close them, nest without end, or repeat a
// delimiter that makes a naive scanner look ahead from every position.
std::vector<std::string> HostileInputs(size_t size) {
  auto repeat = [size](std::string_view unit) {
    std::string s;
    s.reserve(size + unit.size());
    while (s.size() < size) s += unit;
    return s;
  };
  std::vector<std::string> inputs = {
      repeat("a"),  // one 1 MB identifier
      repeat("\""),
      repeat("'"),
      repeat("`"),
      repeat("\\"),
      "\"" + repeat("x\\"),  // an unterminated string with escapes
      "/*" + repeat("*"),    // an unterminated block comment
      "'''" + repeat("x"),
      "\"\"\"" + repeat("x'"),
      repeat("${"),
      repeat("{"),
      repeat("}"),
      repeat("("),
      repeat(")"),
      repeat("["),
      repeat("( /[/ "),
      repeat("= /"),
      repeat("( \\/ "),
      repeat("/"),  // regex look-ahead
      repeat("r#"),
      repeat("R\"x"),
      repeat("#\""),
      repeat("#["),  // raw strings, attributes
      repeat("<<EOF "),
      repeat("<a "),
      repeat("</"),
      repeat("<!--"),
      repeat("&#"),
      repeat("* "),
      repeat("*a "),
      repeat("_a "),
      repeat("` `` ``` "),
      repeat("[a]"),
      repeat("[a]("),
      repeat("[["),
      repeat("**x "),  // Markdown inline
      repeat("- "),
      repeat("a: "),
      repeat("a: b: "),
      repeat("{a: "),
      repeat("&a *b !c "),
      repeat("@@ "),
      repeat("+-"),
      repeat("$("),
      repeat("$"),
      repeat("f\"{"),
      repeat("\\("),
      repeat("a(b"),
      repeat("@a.b "),
      repeat("--x "),
      repeat("#x "),
      repeat("0x"),
      repeat("1e"),
      repeat("1."),
      repeat("..."),
      repeat(":"),
      repeat("a {b: c; "),
      repeat("url("),
      repeat("#{"),
      repeat("\n"),
      repeat("\r\n"),
      repeat("  \\\n"),
      repeat("- a\n"),
      repeat("```\n"),
      repeat("key: |\n  x\n"),
      repeat("$ x \\\n"),
      repeat("RUN a \\\n"),
      repeat("'a "),
  };
  // Binary bytes and invalid UTF-8.
  std::mt19937 random(42);
  std::string binary(size, '\0');
  for (char& c : binary) c = static_cast<char>(random() & 0xff);
  inputs.push_back(binary);
  inputs.push_back(repeat("\xff\xfe\xc3\x28\xe2\x82"));
  inputs.push_back(repeat("中文\xe4\xb8"));
  return inputs;
}

TEST(HighlightHostile, EveryLanguageStaysLinearAndValid) {
  // 64 KiB per input keeps the suite quick (~20 MB in all); a scanner that looked ahead
  // from every position would take seconds per input, far over the limit below.
  const size_t kSize = 64 * 1024;
  std::vector<std::string> inputs = HostileInputs(kSize);
  auto started = std::chrono::steady_clock::now();
  for (std::string_view language : KnownLanguages()) {
    for (size_t i = 0; i < inputs.size(); ++i) {
      auto t0 = std::chrono::steady_clock::now();
      std::vector<Token> tokens = Highlight(language, inputs[i]);
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      ExpectPartition(inputs[i], tokens, std::string(language) + " input " + std::to_string(i));
      EXPECT_LT(seconds, 0.5) << language << " input " << i << " took " << seconds << " s";
      if (HasFailure()) return;
    }
  }
  double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_LT(total, 60.0);
}

TEST(HighlightHostile, OneMegabyteLine) {
  std::string line;
  while (line.size() < (1 << 20))
    line += "x = foo(\"a\\n\", 'b', `c${d}`, /e/g, 0x1f, 1.5e3) // f ";
  for (std::string_view language : KnownLanguages()) {
    auto t0 = std::chrono::steady_clock::now();
    std::vector<Token> tokens = Highlight(language, line);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ExpectPartition(line, tokens, std::string(language));
    EXPECT_LT(seconds, 1.0) << language;
  }
}

}  // namespace
}  // namespace podium
