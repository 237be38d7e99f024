#include "gl_texture_host.h"

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#endif

#include <algorithm>
#include <cstdint>

namespace podium {

ImTextureID GlTextureHost::Resolve(const Texture& texture) {
  Entry& entry = textures_[texture.id];
  if (entry.name == 0) {
    glGenTextures(1, &entry.name);
    glBindTexture(GL_TEXTURE_2D, entry.name);
    const bool mipmaps = texture.id != no_mipmaps_id_;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER,
                    mipmaps ? GL_LINEAR_MIPMAP_LINEAR : GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  }
  if (!entry.pending) pending_.push_back(texture.id);  // Upload() checks the version
  entry.pending = &texture;
  return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(entry.name));
}

void GlTextureHost::UploadPending() {
  for (uint64_t id : pending_) {
    auto it = textures_.find(id);
    if (it == textures_.end() || !it->second.pending) continue;
    Upload(it->second, *it->second.pending);
  }
  pending_.clear();
  for (auto& [id, entry] : textures_) entry.pending = nullptr;
}

void GlTextureHost::Upload(Entry& entry, const Texture& texture) {
  const size_t bytes = static_cast<size_t>(texture.width) * texture.height * 4;
  if (entry.version == texture.version && entry.width != 0) return;
  const int used = texture.RowsInUse();
  if (texture.width <= 0 || texture.height <= 0 || texture.StoredRows() < used) return;
  glBindTexture(GL_TEXTURE_2D, entry.name);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  const size_t row = static_cast<size_t>(texture.width) * 4;
  int y0 = 0, y1 = 0;  // rows to send after the storage exists
  if (entry.width != texture.width || entry.height != texture.height) {
    // Storage for every row, pixels for the rows in use: the unused ones are never sampled.
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, texture.width, texture.height, 0, GL_RGBA,
                 GL_UNSIGNED_BYTE, used == texture.height ? texture.rgba.data() : nullptr);
    if (used == texture.height)
      uploaded_bytes_ += bytes;
    else
      y1 = used;
  } else {
    // Only the rows that changed since our copy (new glyphs in the atlas), not 16 MB.
    std::tie(y0, y1) = texture.RowsToUpload(entry.version);
  }
  if (y1 > y0) {
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, y0, texture.width, y1 - y0, GL_RGBA, GL_UNSIGNED_BYTE,
                    texture.rgba.data() + row * y0);
    uploaded_bytes_ += row * (y1 - y0);
  }
  if (texture.id != no_mipmaps_id_) glGenerateMipmap(GL_TEXTURE_2D);
  entry.version = texture.version;
  entry.width = texture.width;
  entry.height = texture.height;
}

void GlTextureHost::Clear() {
  for (auto& [id, entry] : textures_)
    if (entry.name != 0) glDeleteTextures(1, &entry.name);
  textures_.clear();
  pending_.clear();
}

}  // namespace podium
