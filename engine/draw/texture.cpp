#include "draw/texture.h"

#include <algorithm>
#include <atomic>

namespace podium {

uint64_t NewTextureId() {
  static std::atomic<uint64_t> next{1};
  return next++;
}

void Texture::MarkRowsChanged(int y0, int y1) {
  constexpr size_t kKeptChanges = 256;
  ++version;
  if (changes.size() >= kKeptChanges)
    changes.erase(changes.begin(), changes.begin() + kKeptChanges / 2);
  changes.push_back({version, y0, y1});
}

std::pair<int, int> Texture::RowsChangedSince(uint64_t known_version) const {
  if (known_version == version) return {0, 0};
  // Every version after known_version must be a recorded change, else upload it all.
  if (known_version > version || changes.empty() || changes.front().version > known_version + 1)
    return {0, height};
  int y0 = height, y1 = 0;
  uint64_t expected = known_version + 1;
  for (const TextureChange& c : changes) {
    if (c.version <= known_version) continue;
    if (c.version != expected) return {0, height};
    ++expected;
    y0 = std::min(y0, c.y0);
    y1 = std::max(y1, c.y1);
  }
  if (expected != version + 1) return {0, height};
  return {std::max(0, y0), std::min(height, y1)};
}

std::pair<int, int> Texture::RowsToUpload(uint64_t known_version) const {
  auto [y0, y1] = RowsChangedSince(known_version);
  y1 = std::min(y1, RowsInUse());
  return y1 > y0 ? std::make_pair(y0, y1) : std::make_pair(0, 0);
}

}  // namespace podium
