#include "common/rehearsal.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include "present/session.h"

namespace podium::tools {
namespace {

constexpr std::string_view kFormat = "podium-rehearsal-1";

std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", u);
      out += buffer;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string Seconds(double s) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", std::isfinite(s) && s > 0 ? s : 0.0);
  return buffer;
}

}  // namespace

std::string RehearsalPath(const std::string& deck_path) { return deck_path + ".rehearsal.json"; }

std::string FormatRehearsal(const Deck& deck, std::string_view deck_name,
                            const std::vector<double>& seconds, double epoch_seconds) {
  std::time_t t = static_cast<std::time_t>(epoch_seconds);
  std::tm utc{};
  char date[32] = "";
  if (gmtime_r(&t, &utc)) std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &utc);
  double total = 0;
  for (double s : seconds) total += std::isfinite(s) && s > 0 ? s : 0;

  std::string out = "{\n";
  out += "  \"format\": " + JsonString(kFormat) + ",\n";
  out += "  \"deck\": " + JsonString(deck_name) + ",\n";
  out += "  \"recorded\": " + JsonString(date) + ",\n";
  out += "  \"total_seconds\": " + Seconds(total) + ",\n";
  out += "  \"seconds_per_slide\": [";
  for (size_t i = 0; i < seconds.size(); ++i) out += (i ? ", " : "") + Seconds(seconds[i]);
  out += "],\n  \"slides\": [\n";
  for (size_t i = 0; i < seconds.size(); ++i) {
    std::string title = i < deck.slides.size() ? deck.slides[i].title : "";
    out += "    {\"slide\": " + std::to_string(i + 1) + ", \"title\": " + JsonString(title) +
           ", \"seconds\": " + Seconds(seconds[i]) + "}" + (i + 1 < seconds.size() ? "," : "") +
           "\n";
  }
  out += "  ]\n}\n";
  return out;
}

std::optional<std::vector<double>> ParseRehearsal(std::string_view json) {
  if (json.find("\"" + std::string(kFormat) + "\"") == std::string_view::npos) return std::nullopt;
  size_t key = json.find("\"seconds_per_slide\"");
  if (key == std::string_view::npos) return std::nullopt;
  size_t open = json.find('[', key);
  size_t close = json.find(']', key);
  if (open == std::string_view::npos || close == std::string_view::npos || close < open)
    return std::nullopt;
  std::string list(json.substr(open + 1, close - open - 1));
  std::vector<double> seconds;
  const char* p = list.c_str();
  while (true) {
    while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') ++p;
    if (!*p) break;
    char* end = nullptr;
    double v = std::strtod(p, &end);
    if (end == p || !std::isfinite(v) || v < 0 || v > kMaxSessionSeconds) return std::nullopt;
    seconds.push_back(v);
    p = end;
    while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') ++p;
    if (*p == ',')
      ++p;
    else if (*p)
      return std::nullopt;
  }
  return seconds;
}

std::vector<std::optional<double>> BudgetsFromRehearsal(const std::vector<double>& rehearsed,
                                                        size_t slide_count,
                                                        std::optional<double> duration) {
  // A slide shown for under a second was passed over, not rehearsed.
  constexpr double kRehearsedSeconds = 1.0;
  double total = 0;
  size_t reached = 0;
  for (size_t i = 0; i < std::min(rehearsed.size(), slide_count); ++i) {
    if (rehearsed[i] >= kRehearsedSeconds) {
      total += rehearsed[i];
      ++reached;
    }
  }
  if (reached == 0) return {};
  const double average = total / reached;
  std::vector<double> weights(slide_count, average);
  for (size_t i = 0; i < std::min(rehearsed.size(), slide_count); ++i)
    if (rehearsed[i] >= kRehearsedSeconds) weights[i] = rehearsed[i];
  double weight_sum = 0;
  for (double w : weights) weight_sum += w;
  const bool scale = duration && std::isfinite(*duration) && *duration > 0 && weight_sum > 0;
  const double factor = scale ? *duration / weight_sum : 1.0;
  std::vector<std::optional<double>> budgets;
  budgets.reserve(slide_count);
  for (double w : weights) budgets.push_back(w * factor);
  return budgets;
}

}  // namespace podium::tools
