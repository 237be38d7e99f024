#include "parse/values.h"

#include <cstdlib>

#include "parse/scan.h"

namespace podium::parse {
namespace {

// Reads a non-negative decimal number at text[i]; moves i past it.
std::optional<double> ReadNumber(std::string_view text, size_t& i) {
  size_t start = i;
  while (i < text.size() && IsAsciiDigit(text[i])) ++i;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && IsAsciiDigit(text[i])) ++i;
  }
  if (i == start || (i == start + 1 && text[start] == '.')) return std::nullopt;
  return std::strtod(std::string(text.substr(start, i - start)).c_str(), nullptr);
}

std::optional<double> UnitSeconds(std::string_view unit) {
  static constexpr std::string_view kHours[] = {"h", "hr", "hrs", "hour", "hours"};
  static constexpr std::string_view kMinutes[] = {"m", "min", "mins", "minute", "minutes"};
  static constexpr std::string_view kSeconds[] = {"s", "sec", "secs", "second", "seconds"};
  for (auto u : kHours)
    if (unit == u) return 3600.0;
  for (auto u : kMinutes)
    if (unit == u) return 60.0;
  for (auto u : kSeconds)
    if (unit == u) return 1.0;
  return std::nullopt;
}

std::optional<double> ParseClock(std::string_view text) {
  std::vector<double> parts;
  size_t i = 0;
  while (true) {
    size_t start = i;
    while (i < text.size() && IsAsciiDigit(text[i])) ++i;
    if (i == start) return std::nullopt;
    parts.push_back(std::strtod(std::string(text.substr(start, i - start)).c_str(), nullptr));
    if (i == text.size()) break;
    if (text[i] != ':') return std::nullopt;
    ++i;
  }
  if (parts.size() == 2 && parts[1] < 60) return parts[0] * 60 + parts[1];
  if (parts.size() == 3 && parts[1] < 60 && parts[2] < 60)
    return parts[0] * 3600 + parts[1] * 60 + parts[2];
  return std::nullopt;
}

}  // namespace

std::optional<double> ParseDurationSeconds(std::string_view raw) {
  std::string text = ToLowerAscii(Trim(raw));
  if (text.empty()) return std::nullopt;
  std::optional<double> total;
  if (text.find(':') != std::string::npos) {
    total = ParseClock(text);
  } else {
    size_t i = 0;
    double sum = 0;
    int terms = 0;
    while (i < text.size()) {
      while (i < text.size() && IsSpaceOrTab(text[i])) ++i;
      if (i == text.size()) break;
      std::optional<double> number = ReadNumber(text, i);
      if (!number) return std::nullopt;
      while (i < text.size() && IsSpaceOrTab(text[i])) ++i;
      size_t unit_start = i;
      while (i < text.size() && IsAsciiAlpha(text[i])) ++i;
      std::string_view unit = std::string_view(text).substr(unit_start, i - unit_start);
      if (unit.empty()) {
        if (terms > 0 || i != text.size()) return std::nullopt;
        sum += *number * 60;  // a plain number counts minutes
      } else {
        std::optional<double> scale = UnitSeconds(unit);
        if (!scale) return std::nullopt;
        sum += *number * *scale;
      }
      ++terms;
    }
    if (terms > 0) total = sum;
  }
  if (!total || *total <= 0) return std::nullopt;
  return total;
}

std::optional<bool> ParseBool(std::string_view raw) {
  std::string text = ToLowerAscii(Trim(raw));
  if (text == "true" || text == "yes" || text == "on") return true;
  if (text == "false" || text == "no" || text == "off") return false;
  return std::nullopt;
}

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (IsAsciiSpace(text[i]) || text[i] == ',')) ++i;
    size_t start = i;
    while (i < text.size() && !IsAsciiSpace(text[i]) && text[i] != ',') ++i;
    if (i > start) words.emplace_back(text.substr(start, i - start));
  }
  return words;
}

}  // namespace podium::parse
