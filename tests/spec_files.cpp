#include "spec_files.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace podium::test {
namespace {

const std::string kFence = std::string(32, '`');
const std::string kOpening = kFence + " example";

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    auto starts = [&](std::string_view w) { return s.substr(i, w.size()) == w; };
    if (starts("→")) {
      out += '\t';
      i += std::string_view("→").size();
    } else if (starts("␍")) {
      out += '\r';
      i += std::string_view("␍").size();
    } else if (starts("␀")) {
      out += '\0';
      i += std::string_view("␀").size();
    } else if (starts("⟦") && s.substr(i + 5, 3) == "⟧") {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 3, 2)), nullptr, 16));
      i += 8;
    } else {
      out += s[i++];
    }
  }
  return out;
}

bool IsOpening(const std::string& line) { return line.rfind(kOpening, 0) == 0; }

std::string InfoOf(const std::string& opening) {
  std::string info = opening.substr(kOpening.size());
  size_t first = info.find_first_not_of(' ');
  return first == std::string::npos ? "" : info.substr(first);
}

// Reads the example whose opening fence is lines[i]; returns the index of its closing fence
// (or lines.size()). `input_lines` receives the input as written.
size_t ReadExample(const std::vector<std::string>& lines, size_t i, SpecFormat format,
                   SpecExample* ex, std::vector<std::string>* input_lines) {
  ex->line = static_cast<int>(i) + 1;
  ex->info = InfoOf(lines[i]);
  size_t j = i + 1;
  for (; j < lines.size() && lines[j] != "."; ++j) {
    input_lines->push_back(lines[j]);
    ex->input += (format.escapes ? Unescape(lines[j]) : lines[j]) + "\n";
  }
  if (!format.final_newline && !ex->input.empty()) ex->input.pop_back();
  for (++j; j < lines.size() && lines[j] != kFence; ++j) ex->expected += lines[j] + "\n";
  return j;
}

}  // namespace

void PrintTo(const SpecExample& ex, std::ostream* os) {
  *os << ex.file << ":" << ex.line << " (example " << ex.number;
  if (!ex.info.empty()) *os << ", " << ex.info;
  *os << ")";
}

std::vector<std::string> SpecFiles(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".md") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<SpecExample> ReadSpecFile(const std::string& path, SpecFormat format) {
  std::vector<SpecExample> examples;
  std::vector<std::string> lines = ReadLines(path);
  std::string file = std::filesystem::path(path).filename().string();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!IsOpening(lines[i])) continue;
    SpecExample ex;
    ex.file = file;
    ex.number = static_cast<int>(examples.size()) + 1;
    std::vector<std::string> input_lines;
    i = ReadExample(lines, i, format, &ex, &input_lines);
    examples.push_back(std::move(ex));
  }
  return examples;
}

std::vector<SpecExample> ReadSpecDir(const std::string& dir, SpecFormat format) {
  std::vector<SpecExample> all;
  for (const std::string& f : SpecFiles(dir)) {
    std::vector<SpecExample> some = ReadSpecFile(f, format);
    all.insert(all.end(), some.begin(), some.end());
  }
  return all;
}

void UpdateSpecFile(const std::string& path, SpecFormat format,
                    const std::function<std::string(const SpecExample&)>& actual) {
  std::vector<std::string> lines = ReadLines(path);
  std::string file = std::filesystem::path(path).filename().string();
  std::string out;
  int number = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    out += lines[i] + "\n";
    if (!IsOpening(lines[i])) continue;
    SpecExample ex;
    ex.file = file;
    ex.number = ++number;
    std::vector<std::string> input_lines;
    size_t closing = ReadExample(lines, i, format, &ex, &input_lines);
    for (const std::string& l : input_lines) out += l + "\n";
    out += ".\n" + actual(ex) + kFence + "\n";
    i = closing;
  }
  std::ofstream(path, std::ios::binary) << out;
}

bool SpecUpdateRequested() {
  const char* update = std::getenv("PODIUM_SPEC_UPDATE");
  return update && *update == '1';
}

std::string SpecExampleName(const testing::TestParamInfo<SpecExample>& info) {
  std::string name = std::filesystem::path(info.param.file).stem().string();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name + "_" + std::to_string(info.param.number);
}

std::string LineDiff(const std::string& expected, const std::string& actual) {
  std::vector<std::string> a = SplitLines(expected), b = SplitLines(actual);
  std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;)
    for (size_t j = b.size(); j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::string out;
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      out += "  " + a[i++] + "\n";
      ++j;
    } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out += "+ " + b[j++] + "\n";
    } else {
      out += "- " + a[i++] + "\n";
    }
  }
  return out;
}

}  // namespace podium::test
