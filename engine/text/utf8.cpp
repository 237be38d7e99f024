#include "text/utf8.h"

namespace podium {
namespace {

constexpr bool IsContinuation(uint8_t b) { return (b & 0xC0) == 0x80; }

// The range a lead byte allows for the byte after it (Unicode Table 3-7); other
// continuation bytes are always 80..BF.
struct LeadInfo {
  int length;         // bytes in the whole sequence; 0 for a byte that cannot lead
  uint8_t second_lo;  // allowed range of the second byte
  uint8_t second_hi;
  Utf8Problem below;  // what a continuation byte below second_lo means
  Utf8Problem above;  // what a continuation byte above second_hi means
};

LeadInfo Lead(uint8_t b) {
  using P = Utf8Problem;
  if (b >= 0xC2 && b <= 0xDF) return {2, 0x80, 0xBF, P::kTruncated, P::kTruncated};
  if (b == 0xE0) return {3, 0xA0, 0xBF, P::kOverlong, P::kTruncated};
  if (b == 0xED) return {3, 0x80, 0x9F, P::kTruncated, P::kSurrogate};
  if (b >= 0xE1 && b <= 0xEF) return {3, 0x80, 0xBF, P::kTruncated, P::kTruncated};
  if (b == 0xF0) return {4, 0x90, 0xBF, P::kOverlong, P::kTruncated};
  if (b >= 0xF1 && b <= 0xF3) return {4, 0x80, 0xBF, P::kTruncated, P::kTruncated};
  if (b == 0xF4) return {4, 0x80, 0x8F, P::kTruncated, P::kTooLarge};
  return {0, 0, 0, P::kStrayByte, P::kStrayByte};
}

Utf8Problem BadLeadProblem(uint8_t b) {
  if (b == 0xC0 || b == 0xC1) return Utf8Problem::kOverlong;
  if (b >= 0xF5 && b <= 0xF7) return Utf8Problem::kTooLarge;
  return Utf8Problem::kStrayByte;  // 80..BF, F8..FF
}

// Decodes the sequence at `offset` and moves past it (past the maximal subpart when it is
// ill-formed). Returns false, with `problem` set, for an ill-formed sequence.
bool DecodeChecked(std::string_view bytes, size_t& offset, char32_t& c, Utf8Problem& problem) {
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t size = bytes.size();
  uint8_t b0 = p[offset];
  if (b0 < 0x80) {
    ++offset;
    c = b0;
    return true;
  }
  LeadInfo lead = Lead(b0);
  if (lead.length == 0) {
    ++offset;
    problem = BadLeadProblem(b0);
    return false;
  }
  size_t i = offset + 1;
  if (i >= size || !IsContinuation(p[i])) {
    offset = i;
    problem = Utf8Problem::kTruncated;
    return false;
  }
  if (p[i] < lead.second_lo || p[i] > lead.second_hi) {
    offset = i;  // the lead alone is the maximal subpart; p[i] is read again next time
    problem = p[i] < lead.second_lo ? lead.below : lead.above;
    return false;
  }
  c = b0 & (0xFF >> (lead.length + 1));
  for (int k = 1; k < lead.length; ++k, ++i) {
    if (i >= size || !IsContinuation(p[i])) {
      offset = i;  // the subpart is every byte that fitted so far
      problem = Utf8Problem::kTruncated;
      return false;
    }
    c = (c << 6) | (p[i] & 0x3F);
  }
  offset = i;
  return true;
}

// The loop shared by DecodeUtf8 and SanitizeUtf8: calls emit(c) for each well-formed code
// point other than NUL and replace(start, end) for each stretch of input to replace with
// one U+FFFD, and records the replacements.
template <typename Emit, typename Replace>
void Decode(std::string_view bytes, std::vector<Utf8Replacement>* replacements, Emit emit,
            Replace replace) {
  size_t offset = 0;
  const size_t size = bytes.size();
  while (offset < size) {
    size_t start = offset;
    uint8_t b0 = static_cast<uint8_t>(bytes[offset]);
    if (b0 != 0 && b0 < 0x80) {  // ASCII fast path
      ++offset;
      emit(static_cast<char32_t>(b0));
      continue;
    }
    char32_t c = 0;
    Utf8Problem problem = Utf8Problem::kNul;
    if (DecodeChecked(bytes, offset, c, problem) && c != 0) {
      emit(c);
      continue;
    }
    replace(start, offset);
    if (replacements) replacements->push_back({start, offset - start, problem});
  }
}

}  // namespace

char32_t DecodeNext(std::string_view bytes, size_t& offset, Utf8Problem* problem) {
  char32_t c = 0;
  Utf8Problem why = Utf8Problem::kStrayByte;
  if (DecodeChecked(bytes, offset, c, why)) return c;
  if (problem) *problem = why;
  return kReplacementCharacter;
}

DecodedUtf8 DecodeUtf8(std::string_view bytes) {
  DecodedUtf8 result;
  // Each input byte yields at most one code point.
  result.text.resize(bytes.size());
  char32_t* out = result.text.data();
  Decode(
      bytes, &result.replacements, [&](char32_t c) { *out++ = c; },
      [&](size_t, size_t) { *out++ = kReplacementCharacter; });
  result.text.resize(static_cast<size_t>(out - result.text.data()));
  return result;
}

std::string SanitizeUtf8(std::string_view bytes, std::vector<Utf8Replacement>* replacements) {
  std::string out;
  out.reserve(bytes.size());
  size_t clean_from = 0;  // start of the well-formed bytes not yet copied
  Decode(
      bytes, replacements, [](char32_t) {},
      [&](size_t start, size_t end) {
        out.append(bytes.substr(clean_from, start - clean_from));
        out.append("\xEF\xBF\xBD");
        clean_from = end;
      });
  out.append(bytes.substr(clean_from));
  return out;
}

void EncodeUtf8(char32_t c, std::string& out) {
  if (!IsScalarValue(c)) c = kReplacementCharacter;
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string EncodeUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) EncodeUtf8(c, out);
  return out;
}

}  // namespace podium
