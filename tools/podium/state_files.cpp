#include "state_files.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include <unistd.h>

namespace fs = std::filesystem;

namespace podium::native {
namespace {

// FNV-1a, 64 bits: a stable name for a path (not security).
uint64_t HashBytes(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

fs::path SettingsPath() {
  fs::path dir = StateDirectory();
  return dir.empty() ? fs::path() : dir / "settings";
}

}  // namespace

fs::path StateDirectory() {
  const char* xdg = std::getenv("XDG_STATE_HOME");
  if (xdg && *xdg == '/') return fs::path(xdg) / "podium";
  const char* home = std::getenv("HOME");
  if (home && *home) return fs::path(home) / ".local" / "state" / "podium";
  return {};
}

fs::path SessionStatePath(const fs::path& deck_path, bool rehearsal) {
  fs::path dir = StateDirectory();
  if (dir.empty()) return {};
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(fs::absolute(deck_path, ec), ec);
  char hash[20];
  std::snprintf(hash, sizeof hash, "%016llx",
                static_cast<unsigned long long>(HashBytes(absolute.string())));
  std::string name = deck_path.filename().string() + "-" + hash;
  name += rehearsal ? ".rehearse.session" : ".session";
  return dir / name;
}

std::optional<std::string> ReadTextFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return text.str();
}

bool WriteTextFileAtomically(const fs::path& path, std::string_view text, std::string* error) {
  auto fail = [&](std::string why) {
    if (error) *error = "cannot write '" + path.string() + "': " + why;
    return false;
  };
  if (path.empty()) return fail("no path");
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  fs::path tmp = path;
  tmp += ".tmp" + std::to_string(static_cast<long>(::getpid()));
  FILE* file = std::fopen(tmp.c_str(), "wb");
  if (!file) return fail(std::strerror(errno));
  bool ok = std::fwrite(text.data(), 1, text.size(), file) == text.size();
  ok = std::fflush(file) == 0 && ok;
  ok = std::fclose(file) == 0 && ok;
  if (!ok) {
    fs::remove(tmp, ec);
    return fail("disk full?");
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return fail(ec.message());
  }
  return true;
}

Settings LoadSettings() {
  Settings settings;
  std::optional<std::string> text = ReadTextFile(SettingsPath());
  if (!text) return settings;
  std::istringstream in(*text);
  std::string key;
  double value = 0;
  while (in >> key >> value) {
    if (key == "notes_scale" && std::isfinite(value) && value > 0.1 && value < 10)
      settings.notes_scale = static_cast<float>(value);
  }
  return settings;
}

bool SaveSettings(const Settings& settings) {
  char text[64];
  std::snprintf(text, sizeof text, "notes_scale %.4f\n", settings.notes_scale);
  return WriteTextFileAtomically(SettingsPath(), text);
}

}  // namespace podium::native
