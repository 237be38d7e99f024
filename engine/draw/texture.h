// Textures the engine draws with, and how a front end turns them into its own handles.
//
// The engine owns pixel data (the glyph atlas, decoded images) as Texture values. Draw
// code asks a TextureHost for the ImTextureID to put into ImDrawList commands:
//   - the CPU rasterizer's host returns the Texture's own address, and samples it;
//   - an OpenGL/WebGL host uploads the pixels (again when `version` changes) and returns
//     the GL texture name.
// Pixels are RGBA8, straight (not premultiplied) alpha, rows top to bottom.
#pragma once

#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace podium {

// A change to some rows of a texture: what `version` changed, rows [y0, y1).
struct TextureChange {
  uint64_t version = 0;
  int y0 = 0, y1 = 0;
};

struct Texture {
  uint64_t id = 0;  // unique for the engine's lifetime, never reused
  int width = 0;
  int height = 0;
  // width * StoredRows() * 4 bytes: every row of an image; the glyph atlas stores its rows
  // as it packs glyphs into them (at least used_rows), so a fresh atlas costs no 16 MB.
  std::vector<uint8_t> rgba;
  uint64_t version = 0;       // bumped whenever rgba changes
  // Recent partial changes, oldest first (the glyph atlas records each glyph it adds), so
  // a GPU host can upload only the rows that changed. A version bump without a recorded
  // change means "everything changed".
  std::vector<TextureChange> changes;
  // Rows [used_rows, height) hold nothing any draw data samples (the glyph atlas below its
  // last shelf): a host may leave them out of an upload. -1: every row is in use.
  int used_rows = -1;

  // The rows `rgba` holds.
  int StoredRows() const {
    return width > 0 ? static_cast<int>(rgba.size() / (static_cast<size_t>(width) * 4)) : 0;
  }
  // The rows a host or sampler needs: `height`, or `used_rows` when that is set.
  int RowsInUse() const { return used_rows < 0 ? height : std::min(used_rows, height); }

  // Marks rows [y0, y1) changed: bumps the version and records the change.
  void MarkRowsChanged(int y0, int y1);
  // Rows [first, second) that a host holding `known_version` must upload to be current:
  // empty when current, every row when the recent changes do not reach back that far.
  std::pair<int, int> RowsChangedSince(uint64_t known_version) const;
  // The rows a host must send: those changed since `known_version`, without the unused
  // rows at the bottom. Empty when current.
  std::pair<int, int> RowsToUpload(uint64_t known_version) const;
};

// Gives out a fresh Texture::id.
uint64_t NewTextureId();

class TextureHost {
 public:
  virtual ~TextureHost() = default;
  // The handle to draw `texture` with. Called every frame; must be cheap when the
  // texture's id and version are unchanged.
  virtual ImTextureID Resolve(const Texture& texture) = 0;
};

// The host of the CPU rasterizer: the handle is the Texture's address.
class CpuTextureHost final : public TextureHost {
 public:
  ImTextureID Resolve(const Texture& texture) override { return const_cast<Texture*>(&texture); }
};

}  // namespace podium
