// Values written in front matter and directives: durations, booleans, lists of words.
//
//   ParseDurationSeconds("1h30m") == 5400;   ParseBool("yes") == true;
//
// Each returns nullopt for a value it cannot read; the caller reports kBadDirectiveValue.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace podium::parse {

// "20min", "20m", "1h30m", "1h 30 min", "90s", "1.5h", "1:30" (m:ss), "1:30:00" (h:mm:ss),
// and a plain number, which counts minutes. The result is positive.
std::optional<double> ParseDurationSeconds(std::string_view text);

// true/false, yes/no, on/off (any case).
std::optional<bool> ParseBool(std::string_view text);

// Words separated by spaces or commas: "lead invert", "center, middle".
std::vector<std::string> SplitWords(std::string_view text);

}  // namespace podium::parse
