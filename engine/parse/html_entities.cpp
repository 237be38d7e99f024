#include "parse/html_entities.h"

#include <cstdlib>

#include "text/utf8.h"

namespace podium::parse {
namespace {

struct NamedEntity {
  std::string_view name;
  char32_t code;
};

constexpr NamedEntity kNamed[] = {
    {"amp", U'&'},     {"lt", U'<'},       {"gt", U'>'},       {"quot", U'"'},
    {"apos", U'\''},   {"nbsp", 0xA0},     {"copy", 0xA9},     {"reg", 0xAE},
    {"trade", 0x2122}, {"hellip", 0x2026}, {"mdash", 0x2014},  {"ndash", 0x2013},
    {"lsquo", 0x2018}, {"rsquo", 0x2019},  {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"laquo", 0xAB},   {"raquo", 0xBB},    {"bull", 0x2022},   {"middot", 0xB7},
    {"larr", 0x2190},  {"uarr", 0x2191},   {"rarr", 0x2192},   {"darr", 0x2193},
    {"harr", 0x2194},  {"lArr", 0x21D0},   {"rArr", 0x21D2},   {"hArr", 0x21D4},
    {"times", 0xD7},   {"divide", 0xF7},   {"plusmn", 0xB1},   {"minus", 0x2212},
    {"le", 0x2264},    {"ge", 0x2265},     {"ne", 0x2260},     {"asymp", 0x2248},
    {"infin", 0x221E}, {"sum", 0x2211},    {"prod", 0x220F},   {"radic", 0x221A},
    {"deg", 0xB0},     {"micro", 0xB5},    {"para", 0xB6},     {"sect", 0xA7},
    {"euro", 0x20AC},  {"pound", 0xA3},    {"yen", 0xA5},      {"cent", 0xA2},
    {"alpha", 0x3B1},  {"beta", 0x3B2},    {"gamma", 0x3B3},   {"delta", 0x3B4},
    {"lambda", 0x3BB}, {"mu", 0x3BC},      {"pi", 0x3C0},      {"sigma", 0x3C3},
    {"theta", 0x3B8},  {"omega", 0x3C9},   {"Delta", 0x394},   {"Omega", 0x3A9},
    {"check", 0x2713}, {"cross", 0x2717},  {"star", 0x2606},   {"hearts", 0x2665},
    {"ensp", 0x2002},  {"emsp", 0x2003},   {"thinsp", 0x2009}, {"zwj", 0x200D},
    {"zwnj", 0x200C},  {"shy", 0xAD},      {"iexcl", 0xA1},    {"iquest", 0xBF},
};

}  // namespace

std::string DecodeEntity(std::string_view entity) {
  if (entity.size() < 3 || entity.front() != '&' || entity.back() != ';')
    return std::string(entity);
  std::string_view name = entity.substr(1, entity.size() - 2);
  std::string out;
  if (name[0] == '#') {
    bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    std::string digits(name.substr(hex ? 2 : 1));
    if (digits.empty() || digits.size() > 7) return std::string(entity);
    char* stop = nullptr;
    unsigned long code = std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
    if (stop != digits.c_str() + digits.size()) return std::string(entity);
    // CommonMark: NUL and values that are not characters become U+FFFD.
    EncodeUtf8(code == 0 || code > 0x10FFFF ? kReplacementCharacter : static_cast<char32_t>(code),
               out);
    return out;
  }
  for (const NamedEntity& e : kNamed) {
    if (e.name == name) {
      EncodeUtf8(e.code, out);
      return out;
    }
  }
  return std::string(entity);
}

}  // namespace podium::parse
