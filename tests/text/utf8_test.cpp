#include "text/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace podium {
namespace {

using P = Utf8Problem;

struct InvalidCase {
  const char* name;
  std::string bytes;
  std::u32string text;                        // what DecodeUtf8 yields
  std::vector<Utf8Replacement> replacements;  // what it reports
};

const std::vector<InvalidCase>& InvalidCases() {
  static const std::vector<InvalidCase> cases = {
      {"stray continuation byte", "a\x80z", U"a\uFFFDz", {{1, 1, P::kStrayByte}}},
      {"two stray bytes",
       "\xBF\x80",
       U"\uFFFD\uFFFD",
       {{0, 1, P::kStrayByte}, {1, 1, P::kStrayByte}}},
      {"byte FF", "\xFF", U"\uFFFD", {{0, 1, P::kStrayByte}}},
      {"byte F8",
       "\xF8\x88\x80\x80\x80",
       U"\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD",
       {{0, 1, P::kStrayByte},
        {1, 1, P::kStrayByte},
        {2, 1, P::kStrayByte},
        {3, 1, P::kStrayByte},
        {4, 1, P::kStrayByte}}},
      // Overlong forms: each maximal subpart is the lead byte alone.
      {"overlong 2-byte '/'",
       "\xC0\xAF",
       U"\uFFFD\uFFFD",
       {{0, 1, P::kOverlong}, {1, 1, P::kStrayByte}}},
      {"overlong C1", "\xC1\xBF", U"\uFFFD\uFFFD", {{0, 1, P::kOverlong}, {1, 1, P::kStrayByte}}},
      {"overlong 3-byte",
       "\xE0\x80\xAF",
       U"\uFFFD\uFFFD\uFFFD",
       {{0, 1, P::kOverlong}, {1, 1, P::kStrayByte}, {2, 1, P::kStrayByte}}},
      {"overlong 4-byte",
       "\xF0\x8F\xBF\xBF",
       U"\uFFFD\uFFFD\uFFFD\uFFFD",
       {{0, 1, P::kOverlong}, {1, 1, P::kStrayByte}, {2, 1, P::kStrayByte}, {3, 1, P::kStrayByte}}},
      {"surrogate D800",
       "\xED\xA0\x80",
       U"\uFFFD\uFFFD\uFFFD",
       {{0, 1, P::kSurrogate}, {1, 1, P::kStrayByte}, {2, 1, P::kStrayByte}}},
      {"surrogate DFFF",
       "x\xED\xBF\xBFy",
       U"x\uFFFD\uFFFD\uFFFDy",
       {{1, 1, P::kSurrogate}, {2, 1, P::kStrayByte}, {3, 1, P::kStrayByte}}},
      {"above U+10FFFF (F4 90)",
       "\xF4\x90\x80\x80",
       U"\uFFFD\uFFFD\uFFFD\uFFFD",
       {{0, 1, P::kTooLarge}, {1, 1, P::kStrayByte}, {2, 1, P::kStrayByte}, {3, 1, P::kStrayByte}}},
      {"above U+10FFFF (F5)",
       "\xF5\x80",
       U"\uFFFD\uFFFD",
       {{0, 1, P::kTooLarge}, {1, 1, P::kStrayByte}}},
      // Truncated sequences: the lead and the continuation bytes that fitted make one U+FFFD.
      {"truncated 2-byte at end", "ab\xC3", U"ab\uFFFD", {{2, 1, P::kTruncated}}},
      {"truncated 3-byte at end", "\xE4\xB8", U"\uFFFD", {{0, 2, P::kTruncated}}},
      {"truncated 4-byte at end", "\xF0\x9F\x98", U"\uFFFD", {{0, 3, P::kTruncated}}},
      {"truncated by ASCII", "\xF0\x9F\x98!", U"\uFFFD!", {{0, 3, P::kTruncated}}},
      {"truncated by a lead byte", "\xE4\xB8\xE4\xB8\xAD", U"\uFFFD中", {{0, 2, P::kTruncated}}},
      {"lead byte then space", "\xC3 ", U"\uFFFD ", {{0, 1, P::kTruncated}}},
      {"NUL", std::string("a\0b", 3), U"a\uFFFDb", {{1, 1, P::kNul}}},
      {"NUL at the end", std::string("\0", 1), U"\uFFFD", {{0, 1, P::kNul}}},
  };
  return cases;
}

TEST(Utf8Test, DecodesValidMultiByteText) {
  // 1, 2, 3 and 4 bytes, and the edges of each length.
  std::string bytes =
      "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80"
      "\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF";
  DecodedUtf8 d = DecodeUtf8(bytes);
  EXPECT_EQ(d.text, U"aé中😀\u007F\u0080\u07FF\u0800\uFFFF\U00010000\U0010FFFF");
  EXPECT_TRUE(d.replacements.empty());
}

TEST(Utf8Test, KeepsAValidReplacementCharacterUnreported) {
  DecodedUtf8 d = DecodeUtf8("x\xEF\xBF\xBDy");
  EXPECT_EQ(d.text, U"x\uFFFDy");
  EXPECT_TRUE(d.replacements.empty());
}

TEST(Utf8Test, EmptyInput) {
  DecodedUtf8 d = DecodeUtf8("");
  EXPECT_TRUE(d.text.empty());
  EXPECT_TRUE(d.replacements.empty());
}

TEST(Utf8Test, ReplacesEachKindOfInvalidSequence) {
  for (const InvalidCase& c : InvalidCases()) {
    SCOPED_TRACE(c.name);
    DecodedUtf8 d = DecodeUtf8(c.bytes);
    EXPECT_EQ(d.text, c.text);
    EXPECT_EQ(d.replacements, c.replacements);
  }
}

TEST(Utf8Test, SanitizeGivesTheSameReplacementsAsUtf8) {
  for (const InvalidCase& c : InvalidCases()) {
    SCOPED_TRACE(c.name);
    std::vector<Utf8Replacement> replacements;
    std::string clean = SanitizeUtf8(c.bytes, &replacements);
    EXPECT_EQ(clean, EncodeUtf8(c.text));
    EXPECT_EQ(replacements, c.replacements);
  }
  std::string valid = "Podium 是一个 engine 😀";
  EXPECT_EQ(SanitizeUtf8(valid, nullptr), valid);
}

TEST(Utf8Test, ReportsByteOffsetsForLineAndColumn) {
  // line 1 "ok", line 2 "中" + bad byte at byte 6, NUL at byte 9.
  std::string bytes("ok\n\xE4\xB8\xAD\xFFx\n\0", 10);
  DecodedUtf8 d = DecodeUtf8(bytes);
  ASSERT_EQ(d.replacements.size(), 2u);
  EXPECT_EQ(d.replacements[0], (Utf8Replacement{6, 1, P::kStrayByte}));
  EXPECT_EQ(d.replacements[1], (Utf8Replacement{9, 1, P::kNul}));
  EXPECT_EQ(d.text, U"ok\n中\uFFFDx\n\uFFFD");
}

TEST(Utf8Test, DecodeNextAdvancesPastOneCodePoint) {
  std::string_view bytes = "a\xE4\xB8\xAD\xF0\x9F\x98\x80\xE4\xB8";
  size_t offset = 0;
  EXPECT_EQ(DecodeNext(bytes, offset), U'a');
  EXPECT_EQ(offset, 1u);
  EXPECT_EQ(DecodeNext(bytes, offset), U'中');
  EXPECT_EQ(offset, 4u);
  EXPECT_EQ(DecodeNext(bytes, offset), U'😀');
  EXPECT_EQ(offset, 8u);
  Utf8Problem problem = P::kNul;
  EXPECT_EQ(DecodeNext(bytes, offset, &problem), kReplacementCharacter);
  EXPECT_EQ(offset, 10u);
  EXPECT_EQ(problem, P::kTruncated);
}

TEST(Utf8Test, DecodeNextPassesNulThrough) {
  std::string_view bytes("\0", 1);
  size_t offset = 0;
  EXPECT_EQ(DecodeNext(bytes, offset), U'\0');
  EXPECT_EQ(offset, 1u);
}

TEST(Utf8Test, EncodesEveryLength) {
  std::string out;
  EncodeUtf8(U'A', out);
  EncodeUtf8(U'é', out);
  EncodeUtf8(U'中', out);
  EncodeUtf8(U'😀', out);
  EXPECT_EQ(out, "A\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80");
}

TEST(Utf8Test, EncodeReplacesSurrogatesAndTooLargeValues) {
  EXPECT_EQ(EncodeUtf8(std::u32string{0xD800, 0xDFFF, 0x110000, 0xFFFFFFFF}),
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(Utf8Test, EveryScalarValueRoundTrips) {
  std::u32string all;
  for (char32_t c = 1; c <= kMaxCodePoint; ++c) {
    if (IsScalarValue(c)) all.push_back(c);
  }
  DecodedUtf8 d = DecodeUtf8(EncodeUtf8(all));
  EXPECT_TRUE(d.replacements.empty());
  EXPECT_TRUE(d.text == all);
}

}  // namespace
}  // namespace podium
