// What the native tools (deckc, podium) share: reading a deck and its folder from disk,
// and the fonts Debian installs.
//
//   LoadedDeck deck = LoadDeckFile("talks/intro.md");       // parse + images + diagnostics
//   FontSet fonts;  std::string error;
//   if (!LoadSystemFonts(&fonts, &error)) die(error);
//
// Files are read only inside the deck's folder: DeckFolderLoader refuses absolute paths,
// `..` that leaves the folder, and URLs (Podium never fetches from the network).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/images.h"
#include "layout/layout.h"
#include "model/deck.h"
#include "text/font.h"

namespace podium::tools {

// The bytes of a regular file (nullopt for anything else: missing, a folder, a FIFO, a
// device), at most `max_bytes` of them: callers pass a limit one past what they accept.
std::optional<std::vector<uint8_t>> ReadFileBytes(const std::filesystem::path& path,
                                                  size_t max_bytes = SIZE_MAX);

// A fresh name next to `path` (same folder, so a rename cannot cross file systems):
// "<path>.<what>-<pid>-<n>".
std::filesystem::path TemporaryPathBeside(const std::filesystem::path& path, const char* what);

// Writes `bytes` to `path` (created or truncated); false when any byte failed.
bool WriteFileBytes(const std::filesystem::path& path, std::string_view bytes);

// Writes `bytes` to a temporary file beside `path`, then renames it over `path`: a failed
// run never leaves a half file, and the previous file stays until the new one is whole.
// False with *error saying which step failed.
bool WriteFileAtomically(const std::filesystem::path& path, std::string_view bytes,
                         std::string* error);

class DeckFolderLoader final : public AssetLoader {
 public:
  explicit DeckFolderLoader(std::filesystem::path root);
  Result Load(std::string_view path) override;

 private:
  std::filesystem::path root_;
};

struct LoadedDeck {
  std::string path;          // as given, for diagnostics
  bool readable = false;     // false: the file could not be read (see read_error)
  std::string read_error;
  Deck deck;                 // deck.diagnostics includes image problems
  ImageStore images;
};

// Reads, parses and loads the images of a deck. Never throws.
void LoadDeckFile(const std::string& path, LoadedDeck* out);

// Loads Inter, JetBrains Mono, Noto Sans CJK SC, Symbola and Latin Modern Math from
// $PODIUM_FONT_DIR or Debian's font folders. False (with the missing files named) when the regular faces are not there.
bool LoadSystemFonts(FontSet* fonts, std::string* error);

// The same, leaving out the fallback faces (Noto Sans CJK, Symbola: 43 MB to read) that the
// deck's text cannot reach: every character of `source` is in a Latin face and it writes no
// HTML entity; and Latin Modern Math unless the source has a `$` or the word "math". What
// it leaves out, the deck would not have drawn with; `deckc build` uses it to start fast.
bool LoadSystemFontsFor(std::string_view source, FontSet* fonts, std::string* error);

// body(0) … body(count - 1), each once, on up to four threads, with at least
// `min_per_thread` items for each (all on the calling thread when there are too few).
// LoadDeckFile hands it to ParseDeck as its ForEachIndex.
void ForEachInParallel(size_t count, const std::function<void(size_t)>& body,
                       size_t min_per_thread);

// LayoutDeck (layout/layout.h) on up to four threads, each with its own clone of the fonts
// (the engine itself is single-threaded: the browser build has no threads). The same
// layouts, and the same diagnostics in the same order, as LayoutDeck; a quarter of the
// slides' time for `deckc check`, `render` and `build` of long decks on four cores.
std::vector<SlideLayout> LayoutDeckInParallel(const Deck& deck, const LayoutContext& context,
                                              std::vector<Diagnostic>* diagnostics);

}  // namespace podium::tools
