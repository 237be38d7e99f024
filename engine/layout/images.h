// Images of a deck: loaded through the front end's AssetLoader, decoded once, kept as
// Textures for drawing and as sizes for layout.
//
//   NativeLoader loader(deck_dir);               // front end: reads bytes, refuses escapes
//   ImageStore images;
//   LoadDeckImages(deck, loader, images, &deck.diagnostics);
//   const ImageStore::Image* img = images.Find("cat.png");   // img->ok, size, texture
//
// A missing, refused or undecodable image is kept as a failed entry (ok == false): layout
// draws a placeholder in its place and the diagnostic names the source position. Huge
// images are refused from their header before any pixel is allocated; large ones are
// downscaled to what a slide can show.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "draw/texture.h"
#include "model/deck.h"

namespace podium {

// How a front end hands the engine the bytes of a file named in a deck.
class AssetLoader {
 public:
  // kRemote: an http(s) URL that this loader does not fetch (a warning, not an error).
  enum class Status { kOk, kNotFound, kRefused, kError, kRemote };
  struct Result {
    Status status = Status::kNotFound;
    std::vector<uint8_t> bytes;
    std::string message;  // why, when not kOk
  };
  virtual ~AssetLoader() = default;
  // `path` is as written in the deck (relative to the deck's folder).
  virtual Result Load(std::string_view path) = 0;
};

// Limits on decoded images.
inline constexpr int kMaxImageSide = 16384;           // refuse larger headers
inline constexpr int64_t kMaxImagePixels = 64 << 20;  // refuse more pixels than this
inline constexpr int kMaxShownSide = 2048;            // downscale larger images to this
inline constexpr size_t kMaxImageFileBytes = 256u << 20;  // refuse larger files unread

class ImageStore {
 public:
  struct Image {
    std::string src;
    bool ok = false;
    std::string error;  // why it failed
    int width = 0;      // natural size (before downscaling), pixels
    int height = 0;
    Texture texture;    // possibly downscaled pixels
  };

  // Decodes `bytes` as the image for `src` (PNG, JPEG, GIF or BMP) and keeps it.
  const Image& AddEncoded(const std::string& src, const std::vector<uint8_t>& bytes);
  const Image& AddFailure(const std::string& src, std::string error);
  const Image* Find(std::string_view src) const;
  void Clear() { images_.clear(); }

 private:
  std::map<std::string, Image, std::less<>> images_;
};

// Every image source a deck names, with the position of its first use.
struct ImageUse {
  std::string src;
  SourcePos pos;
};
std::vector<ImageUse> CollectImageSources(const Deck& deck);

// Loads and decodes every image the deck names that the store does not have yet;
// appends a diagnostic for each one that fails.
void LoadDeckImages(const Deck& deck, AssetLoader& loader, ImageStore& store,
                    std::vector<Diagnostic>* diagnostics);

// The src of a `backgroundImage` directive value: `url(x.png)`, `url('x.png')` or `x.png`.
std::string BackgroundImageSource(std::string_view directive_value);

}  // namespace podium
