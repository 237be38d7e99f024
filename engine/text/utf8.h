// UTF-8: a validating decoder that never fails, and an encoder.
//
//   podium::DecodedUtf8 d = podium::DecodeUtf8(file_bytes);
//   for (const auto& r : d.replacements) Warn(r.offset);   // byte offset → line:col
//   use(d.text);                                           // std::u32string, valid
//
//   std::string clean = podium::SanitizeUtf8(file_bytes, &replacements);  // stays UTF-8
//
// Replacement policy (Unicode §3.9 "U+FFFD substitution of maximal subparts", the same
// as the WHATWG Encoding standard and browsers): each maximal subpart of an ill-formed
// sequence becomes one U+FFFD. Ill-formed means a stray continuation byte, a byte UTF-8
// never uses (C0, C1, F5..FF), an overlong form, a surrogate (U+D800..U+DFFF), a value above
// U+10FFFF, or a sequence cut short. DecodeUtf8 and SanitizeUtf8 also replace NUL, which is
// valid UTF-8 but never wanted in a deck. A U+FFFD that was in the input as valid UTF-8 is
// kept and not reported.
//
// Errors come back as values: a list of Utf8Replacement in input order, one per U+FFFD
// written. The functions never throw (except std::bad_alloc) and keep no state.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace podium {

inline constexpr char32_t kReplacementCharacter = U'\uFFFD';
inline constexpr char32_t kMaxCodePoint = U'\U0010FFFF';

// Why a byte sequence was replaced with U+FFFD.
enum class Utf8Problem : uint8_t {
  kStrayByte,  // a continuation byte (80..BF) without a lead, or F8..FF
  kOverlong,   // C0, C1, or E0/F0 followed by a byte that makes the form overlong
  kSurrogate,  // ED A0..BF: an encoded UTF-16 surrogate
  kTooLarge,   // F5..F7, or F4 90..BF: a value above U+10FFFF
  kTruncated,  // a valid start of a sequence, cut by the end or by a non-continuation byte
  kNul,        // a NUL byte (only DecodeUtf8 and SanitizeUtf8 replace it)
};

// One U+FFFD written for input bytes [offset, offset + length).
struct Utf8Replacement {
  size_t offset = 0;  // byte offset in the input
  size_t length = 0;  // 1..3 bytes
  Utf8Problem problem = Utf8Problem::kStrayByte;
  friend bool operator==(const Utf8Replacement&, const Utf8Replacement&) = default;
};

struct DecodedUtf8 {
  std::u32string text;                        // valid code points, no NUL
  std::vector<Utf8Replacement> replacements;  // in input order; empty for clean input
};

// Decodes `bytes` into code points, replacing ill-formed sequences and NUL (see above).
DecodedUtf8 DecodeUtf8(std::string_view bytes);

// The same replacement policy, but the output stays UTF-8 (for md4c, which reads bytes).
// Appends one entry per replacement to `replacements` when it is not null. Offsets are
// those of the input; clean input comes back byte-for-byte.
std::string SanitizeUtf8(std::string_view bytes, std::vector<Utf8Replacement>* replacements);

// Decodes the code point that starts at `offset` and moves `offset` past it. An ill-formed
// sequence yields U+FFFD and `offset` moves past its maximal subpart (at least one byte);
// pass `problem` to learn why. NUL is returned as U+0000 (it is valid UTF-8).
// Precondition: offset < bytes.size().
char32_t DecodeNext(std::string_view bytes, size_t& offset, Utf8Problem* problem = nullptr);

// Appends the UTF-8 form of `c` to `out`; a surrogate or a value above U+10FFFF appends
// U+FFFD instead.
void EncodeUtf8(char32_t c, std::string& out);

// The UTF-8 form of `text`, with the same replacement as EncodeUtf8(char32_t, …).
std::string EncodeUtf8(std::u32string_view text);

// True for a code point that can be encoded: at most U+10FFFF and not a surrogate.
constexpr bool IsScalarValue(char32_t c) {
  return c <= kMaxCodePoint && (c < 0xD800 || c > 0xDFFF);
}

}  // namespace podium
