#include "parse/code_info.h"

#include <optional>

#include "parse/scan.h"

namespace podium::parse {
namespace {

std::optional<int> ReadLineNumber(std::string_view text) {
  text = Trim(text);
  if (text.empty() || text.size() > 7) return std::nullopt;
  int n = 0;
  for (char c : text) {
    if (!IsAsciiDigit(c)) return std::nullopt;
    n = n * 10 + (c - '0');
  }
  if (n < 1) return std::nullopt;
  return n;
}

// "1|2-3|all" → steps; nullopt when any part cannot be read.
std::optional<std::vector<std::vector<LineRange>>> ReadHighlightSteps(std::string_view spec) {
  std::vector<std::vector<LineRange>> steps;
  size_t i = 0;
  while (true) {
    size_t bar = spec.find('|', i);
    std::string_view step =
        Trim(spec.substr(i, bar == std::string_view::npos ? spec.npos : bar - i));
    if (step.empty()) return std::nullopt;
    std::vector<LineRange> ranges;
    if (step != "all" && step != "*") {
      size_t j = 0;
      while (j <= step.size()) {
        size_t comma = step.find(',', j);
        std::string_view item =
            step.substr(j, comma == std::string_view::npos ? step.npos : comma - j);
        size_t dash = item.find('-');
        std::optional<int> first = ReadLineNumber(item.substr(0, dash));
        std::optional<int> last =
            dash == std::string_view::npos ? first : ReadLineNumber(item.substr(dash + 1));
        if (!first || !last || *last < *first) return std::nullopt;
        ranges.push_back({*first, *last});
        if (comma == std::string_view::npos) break;
        j = comma + 1;
      }
    }
    steps.push_back(std::move(ranges));
    if (bar == std::string_view::npos) break;
    i = bar + 1;
  }
  return steps;
}

void Bad(std::string_view spec, SourcePos pos, std::vector<Diagnostic>& diagnostics) {
  diagnostics.push_back(
      MakeDiagnostic(DiagnosticCode::kBadHighlightSpec, pos, std::string(Trim(spec))));
}

// Slidev options "lines:true,startLine:5".
void ReadOptions(std::string_view options, CodeInfo& info) {
  size_t i = 0;
  while (i <= options.size()) {
    size_t comma = options.find(',', i);
    std::string_view item =
        options.substr(i, comma == std::string_view::npos ? options.npos : comma - i);
    size_t colon = item.find(':');
    if (colon != std::string_view::npos && Trim(item.substr(0, colon)) == "lines")
      info.line_numbers = Trim(item.substr(colon + 1)) == "true";
    if (comma == std::string_view::npos) break;
    i = comma + 1;
  }
}

}  // namespace

CodeInfo ReadCodeInfo(std::string_view info_string, SourcePos pos,
                      std::vector<Diagnostic>& diagnostics) {
  CodeInfo info;
  std::string_view text = Trim(info_string);
  size_t i = 0;
  while (i < text.size() && !IsAsciiSpace(text[i]) && text[i] != '{' && text[i] != '[') ++i;
  info.language = ToLowerAscii(text.substr(0, i));
  while (i < text.size()) {
    char open = text[i];
    if (open != '{' && open != '[') {
      size_t start = i;
      while (i < text.size() && !IsAsciiSpace(text[i]) && text[i] != '{' && text[i] != '[') ++i;
      if (text.substr(start, i - start) == "showLineNumbers") info.line_numbers = true;
      if (i == start) ++i;  // a blank
      continue;
    }
    char close = open == '{' ? '}' : ']';
    size_t end = text.find(close, i);
    if (end == std::string_view::npos) {
      Bad(text.substr(i), pos, diagnostics);
      break;
    }
    std::string_view inner = Trim(text.substr(i + 1, end - i - 1));
    i = end + 1;
    if (open == '[') {
      info.line_numbers = true;
      // reveal.js may put a first line number before the steps: [712: 1-2|3]
      size_t colon = inner.find(':');
      if (colon != std::string_view::npos && ReadLineNumber(inner.substr(0, colon)))
        inner = Trim(inner.substr(colon + 1));
      if (inner.empty()) continue;
    } else if (inner.find(':') != std::string_view::npos) {
      ReadOptions(inner, info);
      continue;
    } else if (inner.empty()) {
      continue;
    }
    if (auto steps = ReadHighlightSteps(inner))
      info.highlight_steps = std::move(*steps);
    else
      Bad(inner, pos, diagnostics);
  }
  return info;
}

}  // namespace podium::parse
