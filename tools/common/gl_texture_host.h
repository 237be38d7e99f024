// GlTextureHost: the engine's Textures (glyph atlas, decoded images) as OpenGL textures —
// WebGL2 in the browser player (GLES 3 headers under Emscripten), OpenGL 3.3 in the native
// app. One source for both front ends, so both upload the same pixels the same way. It is
// compiled into each front end (web/, tools/podium/), not into podium_tools_common, which
// deckc links without GL.
//
//   GlTextureHost host;                       // needs a current GL context
//   ImTextureID id = host.Resolve(texture);   // while building draw lists: a name, no upload
//   host.UploadPending();                     // before rendering: uploads what changed
//   host.Clear();                             // a new or reloaded deck: forget every texture
//
// Uploads wait for UploadPending() because DrawSlide() resolves the glyph atlas before it
// adds the glyphs it needs: uploading at Resolve() time would send the 16 MB atlas once per
// DrawSlide() call (the overview makes dozens) and still miss the last glyphs. Only rows
// that changed are sent, and never the rows a texture says are unused (Texture::used_rows):
// a new atlas costs the rows of its first glyphs, not 16 MB.
//
// Owns the GL texture names it creates and deletes them in Clear(), which must run while a
// context of its share group is current (the destructor deletes nothing: by then the
// context may be gone). The native app's two windows share one context group, so one host
// serves both. Textures passed to Resolve() must outlive the next UploadPending(). Images
// get mipmaps (they are drawn small in the overview); textures marked with SetNoMipmaps()
// (the glyph atlas, whose glyphs are drawn at their rasterized size) do not.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "draw/texture.h"

namespace podium {

class GlTextureHost final : public TextureHost {
 public:
  GlTextureHost() = default;
  GlTextureHost(const GlTextureHost&) = delete;
  GlTextureHost& operator=(const GlTextureHost&) = delete;
  ~GlTextureHost() override = default;

  ImTextureID Resolve(const Texture& texture) override;
  // Uploads the pixels of every texture resolved since the last call whose version changed.
  void UploadPending();
  void Clear();

  void SetNoMipmaps(uint64_t texture_id) { no_mipmaps_id_ = texture_id; }
  // Bytes uploaded so far (for measurements).
  uint64_t uploaded_bytes() const { return uploaded_bytes_; }

 private:
  struct Entry {
    unsigned name = 0;  // GLuint
    uint64_t version = 0;
    int width = 0, height = 0;
    const Texture* pending = nullptr;  // resolved since the last upload, not yet sent
  };
  void Upload(Entry& entry, const Texture& texture);

  std::unordered_map<uint64_t, Entry> textures_;
  std::vector<uint64_t> pending_;
  uint64_t no_mipmaps_id_ = 0;
  uint64_t uploaded_bytes_ = 0;
};

}  // namespace podium
