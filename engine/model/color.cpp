#include "model/color.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>

namespace podium {
namespace {

constexpr uint32_t Rgb(uint32_t hex) {
  return ((hex >> 16) & 0xff) | (hex & 0xff00) | ((hex & 0xff) << 16) | (255u << 24);
}

struct NamedColor {
  std::string_view name;
  uint32_t hex;
};

constexpr NamedColor kNamedColors[] = {
    {"black", 0x000000},   {"white", 0xffffff},     {"red", 0xff0000},
    {"green", 0x008000},   {"blue", 0x0000ff},      {"yellow", 0xffff00},
    {"orange", 0xffa500},  {"purple", 0x800080},    {"pink", 0xffc0cb},
    {"gray", 0x808080},    {"grey", 0x808080},      {"silver", 0xc0c0c0},
    {"navy", 0x000080},    {"teal", 0x008080},      {"aqua", 0x00ffff},
    {"cyan", 0x00ffff},    {"magenta", 0xff00ff},   {"fuchsia", 0xff00ff},
    {"lime", 0x00ff00},    {"maroon", 0x800000},    {"olive", 0x808000},
    {"brown", 0xa52a2a},   {"gold", 0xffd700},      {"indigo", 0x4b0082},
    {"violet", 0xee82ee},  {"crimson", 0xdc143c},   {"coral", 0xff7f50},
    {"salmon", 0xfa8072},  {"tomato", 0xff6347},    {"khaki", 0xf0e68c},
    {"beige", 0xf5f5dc},   {"ivory", 0xfffff0},     {"linen", 0xfaf0e6},
    {"lavender", 0xe6e6fa}, {"plum", 0xdda0dd},     {"orchid", 0xda70d6},
    {"tan", 0xd2b48c},     {"chocolate", 0xd2691e}, {"skyblue", 0x87ceeb},
    {"steelblue", 0x4682b4}, {"royalblue", 0x4169e1}, {"slategray", 0x708090},
    {"darkgray", 0xa9a9a9}, {"darkgrey", 0xa9a9a9}, {"lightgray", 0xd3d3d3},
    {"lightgrey", 0xd3d3d3}, {"darkblue", 0x00008b}, {"darkgreen", 0x006400},
    {"darkred", 0x8b0000}, {"lightblue", 0xadd8e6}, {"lightgreen", 0x90ee90},
    {"whitesmoke", 0xf5f5f5}, {"gainsboro", 0xdcdcdc}, {"midnightblue", 0x191970},
    {"dimgray", 0x696969}, {"dimgrey", 0x696969},   {"turquoise", 0x40e0d0},
    {"seagreen", 0x2e8b57}, {"forestgreen", 0x228b22}, {"firebrick", 0xb22222},
    {"aliceblue", 0xf0f8ff}, {"ghostwhite", 0xf8f8ff}, {"snow", 0xfffafa},
    {"honeydew", 0xf0fff0}, {"mintcream", 0xf5fffa}, {"azure", 0xf0ffff},
    {"darkslategray", 0x2f4f4f}, {"darkslategrey", 0x2f4f4f},
};

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<uint32_t> ParseHex(std::string_view hex) {
  for (char c : hex)
    if (HexDigit(c) < 0) return std::nullopt;
  auto at = [&](size_t i) { return static_cast<uint32_t>(HexDigit(hex[i])); };
  uint32_t r, g, b, a = 255;
  switch (hex.size()) {
    case 3:
    case 4:
      r = at(0) * 17, g = at(1) * 17, b = at(2) * 17;
      if (hex.size() == 4) a = at(3) * 17;
      break;
    case 6:
    case 8:
      r = at(0) * 16 + at(1), g = at(2) * 16 + at(3), b = at(4) * 16 + at(5);
      if (hex.size() == 8) a = at(6) * 16 + at(7);
      break;
    default:
      return std::nullopt;
  }
  return r | (g << 8) | (b << 16) | (a << 24);
}

std::optional<uint32_t> ParseRgbFunction(std::string_view args) {
  float values[4] = {0, 0, 0, 1};
  int count = 0;
  std::string current;
  auto flush = [&]() -> bool {
    size_t b = current.find_first_not_of(' '), e = current.find_last_not_of(' ');
    if (b == std::string::npos) return false;
    std::string v = current.substr(b, e - b + 1);
    bool percent = !v.empty() && v.back() == '%';
    if (percent) v.pop_back();
    char* end = nullptr;
    float f = std::strtof(v.c_str(), &end);
    if (end == v.c_str() || *end != 0 || count >= 4) return false;
    if (percent) f = count < 3 ? f * 2.55f : f / 100.0f;
    values[count++] = f;
    current.clear();
    return true;
  };
  for (char c : args) {
    if (c == ',' || c == '/') {
      if (!flush()) return std::nullopt;
    } else if (c == ' ' && !current.empty() && current.find_first_not_of(' ') != std::string::npos &&
               args.find(',') == std::string_view::npos) {
      if (!flush()) return std::nullopt;
    } else {
      current += c;
    }
  }
  if (!flush() || count < 3) return std::nullopt;
  auto channel = [](float f) { return static_cast<uint32_t>(std::clamp(f, 0.0f, 255.0f) + 0.5f); };
  return channel(values[0]) | (channel(values[1]) << 8) | (channel(values[2]) << 16) |
         (channel(values[3] * 255.0f) << 24);
}

}  // namespace

std::optional<uint32_t> ParseColor(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  if (text.front() == '#') return ParseHex(text.substr(1));
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if ((lower.rfind("rgb(", 0) == 0 || lower.rfind("rgba(", 0) == 0) && lower.back() == ')') {
    size_t open = lower.find('(');
    return ParseRgbFunction(std::string_view(lower).substr(open + 1, lower.size() - open - 2));
  }
  if (lower == "transparent") return 0u;
  for (const NamedColor& named : kNamedColors)
    if (named.name == lower) return Rgb(named.hex);
  return std::nullopt;
}

}  // namespace podium
