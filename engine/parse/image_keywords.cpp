#include "parse/image_keywords.h"

#include <cstdlib>
#include <optional>

#include "parse/scan.h"

namespace podium::parse {
namespace {

constexpr std::string_view kFilters[] = {
    "blur",       "brightness", "contrast", "drop-shadow", "grayscale",
    "hue-rotate", "invert",     "opacity",  "saturate",    "sepia",
};

// "50%" → 0.5.
std::optional<float> ReadPercent(std::string_view word) {
  if (word.size() < 2 || word.back() != '%') return std::nullopt;
  std::string number(word.substr(0, word.size() - 1));
  char* stop = nullptr;
  double value = std::strtod(number.c_str(), &stop);
  if (stop != number.c_str() + number.size() || !(value >= 0)) return std::nullopt;
  return static_cast<float>(value / 100);
}

// A length: "320", "320px" → 320; "50%" → -0.5 (a fraction of the slide). Also pt, in,
// cm, mm as CSS converts them to pixels.
std::optional<float> ReadLength(std::string_view value) {
  if (auto percent = ReadPercent(value)) return -*percent;
  std::string text(value);
  char* stop = nullptr;
  double number = std::strtod(text.c_str(), &stop);
  if (stop == text.c_str() || !(number > 0)) return std::nullopt;
  std::string_view unit = std::string_view(text).substr(stop - text.c_str());
  double scale = 0;
  if (unit.empty() || unit == "px") scale = 1;
  if (unit == "pt") scale = 96.0 / 72;
  if (unit == "in") scale = 96;
  if (unit == "cm") scale = 96 / 2.54;
  if (unit == "mm") scale = 96 / 25.4;
  if (scale == 0) return std::nullopt;
  return static_cast<float>(number * scale);
}

bool IsWordValue(std::string_view word, std::string_view& name, std::string_view& value) {
  size_t colon = word.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  name = word.substr(0, colon);
  value = word.substr(colon + 1);
  for (char c : name)
    if (!IsAsciiAlpha(c) && c != '-') return false;
  return !value.empty() && value[0] != '/';  // "http://…" is not a keyword
}

}  // namespace

ImageKeywords ReadImageKeywords(std::string_view alt, SourcePos pos,
                                std::vector<Diagnostic>& diagnostics) {
  ImageKeywords out;
  std::vector<std::string_view> words;
  for (size_t i = 0; i < alt.size();) {
    while (i < alt.size() && IsAsciiSpace(alt[i])) ++i;
    size_t start = i;
    while (i < alt.size() && !IsAsciiSpace(alt[i])) ++i;
    if (i > start) words.push_back(alt.substr(start, i - start));
  }
  for (std::string_view w : words)
    if (w == "bg") out.background = true;

  auto keep = [&](std::string_view w) {
    if (!out.alt.empty()) out.alt.push_back(' ');
    out.alt.append(w);
  };
  auto bad = [&](std::string_view w) {
    diagnostics.push_back(MakeDiagnostic(DiagnosticCode::kBadDirectiveValue, pos,
                                         "image keyword '" + std::string(w) + "'"));
  };
  for (std::string_view w : words) {
    if (w == "bg") continue;
    if (std::find(std::begin(kFilters), std::end(kFilters), w) != std::end(kFilters)) continue;
    if (out.background) {
      if (w == "cover") {
        out.bg.fit = BackgroundFit::kCover;
        continue;
      }
      if (w == "contain") {
        out.bg.fit = BackgroundFit::kContain;
        continue;
      }
      if (w == "fit") {
        out.bg.fit = BackgroundFit::kFit;
        continue;
      }
      if (w == "auto") {
        out.bg.fit = BackgroundFit::kAuto;
        continue;
      }
      if (w == "stretch") {
        out.bg.fit = BackgroundFit::kStretch;
        continue;
      }
      if (w == "vertical") continue;
      if (w == "left" || w == "right") {
        out.bg.split = w == "left" ? BackgroundSplit::kLeft : BackgroundSplit::kRight;
        continue;
      }
      if (auto zoom = ReadPercent(w)) {
        if (*zoom > 0) out.bg.zoom = *zoom;
        continue;
      }
    }
    std::string_view name, value;
    if (!IsWordValue(w, name, value)) {
      keep(w);
      continue;
    }
    if (name == "w" || name == "width" || name == "h" || name == "height") {
      std::optional<float> length = ReadLength(value);
      if (!length) {
        bad(w);
      } else if (name[0] == 'w') {
        out.size.width = *length;
      } else {
        out.size.height = *length;
      }
      continue;
    }
    if (out.background && (name == "left" || name == "right")) {
      out.bg.split = name == "left" ? BackgroundSplit::kLeft : BackgroundSplit::kRight;
      std::optional<float> fraction = ReadPercent(value);
      if (fraction && *fraction > 0 && *fraction < 1)
        out.bg.split_fraction = *fraction;
      else
        bad(w);
      continue;
    }
    if (std::find(std::begin(kFilters), std::end(kFilters), name) != std::end(kFilters)) continue;
    diagnostics.push_back(
        MakeDiagnostic(DiagnosticCode::kUnknownImageKeyword, pos, std::string(w)));
  }
  return out;
}

}  // namespace podium::parse
