#include "common/deck_files.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <thread>

#include "parse/parse_deck.h"
#include "text/utf8.h"

namespace podium::tools {

namespace fs = std::filesystem;

fs::path TemporaryPathBeside(const fs::path& path, const char* what) {
  static std::atomic<int> counter{0};
  fs::path name = path;
  if (!name.has_filename()) name = name.parent_path();
  name += std::string(".") + what + "-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
  return name;
}

bool WriteFileBytes(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  return static_cast<bool>(out);
}

bool WriteFileAtomically(const fs::path& path, std::string_view bytes, std::string* error) {
  fs::path temp = TemporaryPathBeside(path, "tmp");
  std::error_code ec;
  if (!WriteFileBytes(temp, bytes)) {
    fs::remove(temp, ec);
    if (error) *error = "cannot write '" + temp.string() + "'";
    return false;
  }
  fs::rename(temp, path, ec);
  if (ec) {
    if (error) *error = "cannot rename '" + temp.string() + "' to '" + path.string() + "': " + ec.message();
    fs::remove(temp, ec);
    return false;
  }
  return true;
}

std::optional<std::vector<uint8_t>> ReadFileBytes(const fs::path& path, size_t max_bytes) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  // Read straight into a buffer of the file's size (fonts are up to 20 MB: growing a vector
  // chunk by chunk cost more than the reading), then on while the file is longer than said.
  std::vector<uint8_t> bytes;
  uintmax_t size = fs::file_size(path, ec);
  size_t chunk = ec ? size_t{1} << 16 : static_cast<size_t>(std::min<uintmax_t>(size + 1, max_bytes));
  while (bytes.size() < max_bytes && in) {
    size_t before = bytes.size();
    size_t want = std::min(std::max(chunk, size_t{1} << 16), max_bytes - before);
    bytes.resize(before + want);
    in.read(reinterpret_cast<char*>(bytes.data() + before), static_cast<std::streamsize>(want));
    bytes.resize(before + static_cast<size_t>(in.gcount()));
    chunk = size_t{1} << 16;
  }
  return bytes;
}

DeckFolderLoader::DeckFolderLoader(fs::path root) {
  std::error_code ec;
  root_ = fs::weakly_canonical(fs::absolute(root, ec), ec);
}

AssetLoader::Result DeckFolderLoader::Load(std::string_view path) {
  Result result;
  std::string p(path);
  if (p.rfind("http://", 0) == 0 || p.rfind("https://", 0) == 0) {
    result.status = Status::kRemote;
    result.message = "remote images are not fetched";
    return result;
  }
  if (p.find("://") != std::string::npos || p.rfind("data:", 0) == 0) {
    result.status = Status::kRefused;
    result.message = "only files in the deck's folder are read";
    return result;
  }
  // Links may carry a query or fragment; files do not.
  if (size_t cut = p.find_first_of("?#"); cut != std::string::npos) p.resize(cut);
  fs::path relative(p);
  std::error_code ec;
  auto inside = [&](const fs::path& full) {
    auto [root_end, _] = std::mismatch(root_.begin(), root_.end(), full.begin(), full.end());
    return root_end == root_.end();
  };
  fs::path full;
  if (relative.is_absolute()) {
    // `/logo.png` is a path from the web root, as Slidev, Vite and reveal-md serve decks:
    // the deck's `public/` folder, then the deck's folder. Never the file system's root.
    relative = relative.relative_path();
    for (const fs::path& base : {root_ / "public", root_}) {
      fs::path candidate = fs::weakly_canonical(base / relative, ec);
      if (!ec && inside(candidate) && fs::is_regular_file(candidate, ec)) {
        full = candidate;
        break;
      }
    }
    if (full.empty()) {
      result.status = Status::kRefused;
      result.message = "absolute paths are read only from the deck's public/ folder or the deck's folder";
      return result;
    }
  } else {
    full = fs::weakly_canonical(root_ / relative, ec);
    if (ec || !inside(full)) {
      result.status = Status::kRefused;
      result.message = "outside the deck's folder";
      return result;
    }
  }
  // One byte over the limit is enough for ImageStore::AddEncoded to refuse it as too large.
  auto bytes = ReadFileBytes(full, kMaxImageFileBytes + 1);
  if (!bytes) {
    result.status = Status::kNotFound;
    result.message = "no such file";
    return result;
  }
  result.status = Status::kOk;
  result.bytes = std::move(*bytes);
  return result;
}

void LoadDeckFile(const std::string& path, LoadedDeck* out) {
  out->path = path;
  // More than ParseDeck accepts (64 MiB) is enough for it to refuse the deck with
  // kLimitExceeded; a 20 GB file is never read whole.
  auto bytes = ReadFileBytes(path, size_t{65} << 20);
  if (!bytes) {
    out->readable = false;
    out->read_error = "cannot read '" + path + "'";
    return;
  }
  out->readable = true;
  // Below a few dozen slides, starting threads costs more than it saves.
  out->deck = ParseDeck(std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()),
                        [](size_t count, const std::function<void(size_t)>& body) {
                          ForEachInParallel(count, body, 32);
                        });
  std::error_code ec;
  fs::path folder = fs::absolute(fs::path(path), ec).parent_path();
  DeckFolderLoader loader(folder);
  LoadDeckImages(out->deck, loader, out->images, &out->deck.diagnostics);
}

namespace {

struct FontFile {
  FontRole role;
  const char* relative;  // below the font folder
  int index;             // face in a collection
  bool required;
};

// Why these: Inter (SIL OFL) is a screen-first sans with real bold and italic faces and
// kerning; JetBrains Mono (OFL) keeps code legible from the back row; Noto Sans CJK SC
// (OFL) covers Chinese with matching weights; Symbola (free for any use) draws emoji and
// symbols in outline, so a 🚀 on a slide is never a box. All are in Debian.
constexpr FontFile kFontFiles[] = {
    {FontRole::kSans, "opentype/inter/Inter-Regular.otf", 0, true},
    {FontRole::kSansBold, "opentype/inter/Inter-Bold.otf", 0, false},
    {FontRole::kSansItalic, "opentype/inter/Inter-Italic.otf", 0, false},
    {FontRole::kSansBoldItalic, "opentype/inter/Inter-BoldItalic.otf", 0, false},
    {FontRole::kMono, "truetype/jetbrains-mono/JetBrainsMono-Regular.ttf", 0, true},
    {FontRole::kMonoBold, "truetype/jetbrains-mono/JetBrainsMono-Bold.ttf", 0, false},
    {FontRole::kCjk, "opentype/noto/NotoSansCJK-Regular.ttc", 2, false},  // 2: SC
    {FontRole::kCjkBold, "opentype/noto/NotoSansCJK-Bold.ttc", 2, false},
    {FontRole::kSymbols, "truetype/ancient-scripts/Symbola_hint.ttf", 0, false},
    // Latin Modern Math (GUST font licence, fonts-lmodern; Debian installs it under texmf,
    // beside the fonts folder): the Computer Modern shapes KaTeX and LaTeX readers know,
    // with a full MATH table (size variants and assemblies for every delimiter, radical and
    // big operator) and complete math alphanumerics (bold, blackboard, script, fraktur,
    // Greek). Its CFF outlines read well with stb_truetype. TeX Gyre's math faces are
    // heavier but lack the familiar look; STIX Two is not packaged in Debian 12.
    {FontRole::kMath, "../texmf/fonts/opentype/public/lm-math/latinmodern-math.otf", 0, false},
};

}  // namespace

namespace {

// Which faces to read: all of them, or only those `wanted` says yes to.
// A font file mapped into memory, read-only: only the pages the layout touches are read,
// where reading a 20 MB CJK collection took a quarter of a 1000-slide check. Falls back to
// reading the file when it cannot be mapped.
std::optional<FontBytes> MapFontFile(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
      size_t size = static_cast<size_t>(st.st_size);
      void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
      ::close(fd);
      if (data != MAP_FAILED) {
        std::shared_ptr<const void> owner(data, [size](const void* p) {
          ::munmap(const_cast<void*>(p), size);
        });
        return FontBytes{owner, {static_cast<const uint8_t*>(data), size}};
      }
    } else {
      ::close(fd);
    }
  }
  auto bytes = ReadFileBytes(path);
  if (!bytes) return std::nullopt;
  return FontBytes::Own(std::move(*bytes));
}

bool LoadFonts(FontSet* fonts, std::string* error, const std::function<bool(const FontFile&)>& wanted) {
  const char* env = std::getenv("PODIUM_FONT_DIR");
  fs::path dir = env && *env ? fs::path(env) : fs::path(PODIUM_SYSTEM_FONT_DIR);
  std::string problems;
  for (const FontFile& f : kFontFiles) {
    if (!wanted(f)) continue;
    fs::path path = dir / f.relative;
    auto bytes = MapFontFile(path);
    std::string why;
    if (!bytes) {
      why = "missing";
    } else if (fonts->AddFace(f.role, std::move(*bytes), f.index, &why)) {
      continue;
    }
    if (f.required) problems += "  " + path.string() + ": " + why + "\n";
  }
  if (!problems.empty()) {
    if (error) *error = "required fonts are not installed (run tools/setup.sh):\n" + problems;
    return false;
  }
  return true;
}

bool IsFallback(FontRole role) {
  return role == FontRole::kCjk || role == FontRole::kCjkBold || role == FontRole::kSymbols;
}

}  // namespace

bool LoadSystemFonts(FontSet* fonts, std::string* error) {
  return LoadFonts(fonts, error, [](const FontFile&) { return true; });
}

bool LoadSystemFontsFor(std::string_view source, FontSet* fonts, std::string* error) {
  if (!LoadFonts(fonts, error, [](const FontFile& f) { return !IsFallback(f.role) && f.role != FontRole::kMath; }))
    return false;
  bool fallback = source.find('&') != std::string_view::npos;
  for (size_t offset = 0; offset < source.size() && !fallback;) {
    if (static_cast<unsigned char>(source[offset]) < 0x80) {
      ++offset;
      continue;
    }
    char32_t c = DecodeNext(source, offset);
    bool latin = false;
    for (FontRole role : {FontRole::kSans, FontRole::kSansBold, FontRole::kSansItalic,
                          FontRole::kSansBoldItalic, FontRole::kMono, FontRole::kMonoBold})
      latin = latin || (fonts->Has(role) && fonts->Get(role)->GlyphIndex(c) != 0);
    fallback = !latin;
  }
  bool math = source.find('$') != std::string_view::npos || source.find("math") != std::string_view::npos;
  return LoadFonts(fonts, error, [&](const FontFile& f) {
    return (IsFallback(f.role) && fallback) || (f.role == FontRole::kMath && math);
  });
}

namespace {

// Threads for `count` items: up to four, none of them idle for want of `per_thread` items.
unsigned ThreadsFor(size_t count, size_t per_thread) {
  per_thread = std::max<size_t>(per_thread, 1);
  return static_cast<unsigned>(std::min<size_t>(
      {std::max(1u, std::thread::hardware_concurrency()), 4u, count / per_thread}));
}

// work(0) on the calling thread and work(1) … work(threads - 1) on threads of their own.
void RunOnThreads(unsigned threads, const std::function<void(unsigned)>& work) {
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t) workers.emplace_back(work, t);
  work(0);
  for (std::thread& w : workers) w.join();
}

// Hands out [0, count) in chunks of neighbouring indices: one fetch of the counter for
// `chunk` items.
template <typename Body>
void TakeChunks(std::atomic<size_t>& next, size_t count, size_t chunk, Body&& body) {
  for (size_t first; (first = next.fetch_add(chunk)) < count;)
    for (size_t i = first; i < std::min(first + chunk, count); ++i) body(i);
}

}  // namespace

void ForEachInParallel(size_t count, const std::function<void(size_t)>& body,
                       size_t min_per_thread) {
  const unsigned threads = ThreadsFor(count, min_per_thread);
  if (threads <= 1) {
    for (size_t i = 0; i < count; ++i) body(i);
    return;
  }
  std::atomic<size_t> next{0};
  const size_t chunk = std::min<size_t>(8, min_per_thread);
  RunOnThreads(threads, [&](unsigned) { TakeChunks(next, count, chunk, body); });
}

std::vector<SlideLayout> LayoutDeckInParallel(const Deck& deck, const LayoutContext& context,
                                              std::vector<Diagnostic>* diagnostics) {
  const size_t count = deck.slides.size();
  // Below a few dozen slides, starting threads and cloning fonts costs more than it saves.
  const unsigned threads = ThreadsFor(count, 32);
  if (threads <= 1) return LayoutDeck(deck, context, diagnostics);

  std::vector<SlideLayout> layouts(count);
  std::vector<std::vector<Diagnostic>> found(count);
  std::vector<FontSet> clones;  // thread t > 0 draws with clones[t - 1]
  for (unsigned t = 1; t < threads; ++t) clones.push_back(context.fonts->Clone());
  std::atomic<size_t> next{0};
  RunOnThreads(threads, [&](unsigned t) {
    LayoutContext mine = context;
    if (t > 0) mine.fonts = &clones[t - 1];
    TakeChunks(next, count, 8, [&](size_t i) {
      layouts[i] = LayoutSlide(deck, static_cast<int>(i), mine, &found[i]);
    });
  });
  if (diagnostics)
    for (std::vector<Diagnostic>& d : found)
      diagnostics->insert(diagnostics->end(), d.begin(), d.end());
  return layouts;
}

}  // namespace podium::tools
