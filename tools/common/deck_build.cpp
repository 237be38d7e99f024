// deck_build.cpp — `deckc build` (see deck_build.h).
//
// [SECTION] Small helpers: files, base64, JSON
// [SECTION] Code points the deck draws
// [SECTION] Font subsets (libharfbuzz-subset)
// [SECTION] The page: manifest, one file, a folder
// [SECTION] BuildDeck
#include "common/deck_build.h"

#include <hb-ot.h>
#include <hb-subset.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>

#include "layout/images.h"
#include "present/keymap.h"
#include "present/presenter_view.h"
#include "text/utf8.h"

namespace podium::tools {

namespace fs = std::filesystem;

namespace {

// [SECTION] Small helpers: files, base64, JSON ---------------------------------------------

std::string ReadText(const fs::path& path, bool* ok) {
  auto bytes = ReadFileBytes(path);
  *ok = bytes.has_value();
  return bytes ? std::string(bytes->begin(), bytes->end()) : std::string();
}

// Appends `bytes` in base64 to *out (in place: the manifest is megabytes long).
void AppendBase64(const std::vector<uint8_t>& bytes, std::string* out) {
  static const char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  size_t at = out->size();
  out->resize(at + (bytes.size() + 2) / 3 * 4);
  char* p = out->data() + at;
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    uint32_t v = bytes[i] << 16 | bytes[i + 1] << 8 | bytes[i + 2];
    *p++ = kDigits[v >> 18];
    *p++ = kDigits[v >> 12 & 63];
    *p++ = kDigits[v >> 6 & 63];
    *p++ = kDigits[v & 63];
  }
  if (i + 1 == bytes.size()) {
    uint32_t v = bytes[i] << 16;
    *p++ = kDigits[v >> 18];
    *p++ = kDigits[v >> 12 & 63];
    *p++ = '=';
    *p++ = '=';
  } else if (i + 2 == bytes.size()) {
    uint32_t v = bytes[i] << 16 | bytes[i + 1] << 8;
    *p++ = kDigits[v >> 18];
    *p++ = kDigits[v >> 12 & 63];
    *p++ = kDigits[v >> 6 & 63];
    *p++ = '=';
  }
}

// A JSON string literal that is also safe inside <script>: '<', '>' and '&' are escaped.
std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

// Script text inlined in <script>: a "</script" inside it (in a string or a comment) would
// end the element early; "<\/script" means the same to JavaScript.
std::string InlineScript(std::string text) {
  for (size_t at = 0; (at = text.find("</script", at)) != std::string::npos; at += 2)
    text.replace(at, 2, "<\\/");
  return text;
}

// [SECTION] Code points the deck draws -----------------------------------------------------

// Characters the player draws that no string table lists: engine/present/overlays.cpp
// (the "go to slide" caret: thin space and │), presenter_view.cpp (task boxes ☐ ☑, note
// bullets • –, separators ·, the … of a long list), web/input.cpp (timer notices ·).
constexpr char32_t kPlayerExtraCodepoints[] = {0x2009, 0x2502, 0x2610, 0x2611,
                                               0x2022, 0x2013, 0x00B7, 0x2026};

constexpr FontRole kTextRoles[] = {FontRole::kSans,       FontRole::kSansBold,
                                   FontRole::kSansItalic, FontRole::kSansBoldItalic,
                                   FontRole::kMono,       FontRole::kMonoBold};

// The non-ASCII code points of `text` (callers add ASCII as a whole).
void AddText(std::string_view text, std::set<char32_t>* out) {
  size_t offset = 0;
  while (offset < text.size()) {
    if (static_cast<unsigned char>(text[offset]) < 0x80) {
      ++offset;
      continue;
    }
    Utf8Problem problem;
    size_t before = offset;
    char32_t c = DecodeNext(text, offset, &problem);
    if (offset == before) break;
    if (c >= 0x20 && c != 0xFFFD) out->insert(c);
  }
}

// The face index of `font` inside its file (0 for a plain font file).
int CollectionIndexOf(const Font& font) {
  const unsigned char* data = font.bytes().data();
  for (int i = 0;; ++i) {
    int offset = stbtt_GetFontOffsetForIndex(data, i);
    if (offset < 0) return 0;
    if (offset == font.info().fontstart) return i;
  }
}

struct HbFace {
  hb_blob_t* blob = nullptr;
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;
  explicit HbFace(const Font& f) {
    blob = hb_blob_create(reinterpret_cast<const char*>(f.bytes().data()),
                          static_cast<unsigned>(f.bytes().size()), HB_MEMORY_MODE_READONLY, nullptr,
                          nullptr);
    face = hb_face_create(blob, static_cast<unsigned>(CollectionIndexOf(f)));
    font = hb_font_create(face);
  }
  ~HbFace() {
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
  }
  HbFace(const HbFace&) = delete;
  HbFace& operator=(const HbFace&) = delete;
};

// Glyph ids of a math glyph's size variants and assembly parts, both directions.
void AddMathVariants(hb_font_t* font, hb_codepoint_t glyph, std::set<int>* out) {
  for (hb_direction_t direction : {HB_DIRECTION_LTR, HB_DIRECTION_TTB}) {
    hb_ot_math_glyph_variant_t variants[64];
    unsigned count = 64;
    hb_ot_math_get_glyph_variants(font, glyph, direction, 0, &count, variants);
    for (unsigned i = 0; i < count; ++i) out->insert(static_cast<int>(variants[i].glyph));
    hb_ot_math_glyph_part_t parts[32];
    count = 32;
    hb_ot_math_get_glyph_assembly(font, glyph, direction, 0, &count, parts, nullptr);
    for (unsigned i = 0; i < count; ++i) out->insert(static_cast<int>(parts[i].glyph));
  }
}

}  // namespace

std::set<char32_t> DeckCodepoints(std::string_view source, const std::vector<SlideLayout>& layouts,
                                  const FontSet& fonts) {
  std::set<char32_t> points;
  for (char32_t c = 0x20; c < 0x7F; ++c) points.insert(c);
  AddText(source, &points);
#define PODIUM_ADD_STRING(id, english, chinese) \
  AddText(english, &points);                    \
  AddText(chinese, &points);
  PODIUM_PRESENTER_STRINGS(PODIUM_ADD_STRING)
#undef PODIUM_ADD_STRING
  for (const KeyHelpLine& line : KeyHelp()) {
    AddText(line.keys, &points);
    AddText(line.action, &points);
    AddText(line.keys_zh, &points);
    AddText(line.action_zh, &points);
  }
  points.insert(std::begin(kPlayerExtraCodepoints), std::end(kPlayerExtraCodepoints));

  // Characters behind the glyphs the layout placed: generated text (bullets, entities,
  // formula symbols) that the source spells otherwise.
  // role → glyph id → placed (a byte each: set in the scan over every glyph of the deck)
  std::array<std::vector<uint8_t>, static_cast<size_t>(FontRole::kCount)> placed;
  for (const SlideLayout& layout : layouts)
    for (const LayoutItem& item : layout.items)
      if (item.kind == LayoutItemKind::kGlyphs) {
        std::vector<uint8_t>& ids = placed[static_cast<size_t>(item.font)];
        for (const PlacedGlyph& g : item.glyphs) {
          if (g.glyph < 0) continue;
          if (static_cast<size_t>(g.glyph) >= ids.size()) ids.resize(g.glyph + 1024);
          ids[g.glyph] = 1;
        }
      }
  for (size_t r = 0; r < placed.size(); ++r) {
    const FontRole role = static_cast<FontRole>(r);
    const std::vector<uint8_t>& glyphs = placed[r];
    if (glyphs.empty() || !fonts.Has(role)) continue;
    HbFace face(*fonts.Get(role));
    hb_set_t* unicodes = hb_set_create();
    hb_face_collect_unicodes(face.face, unicodes);
    bool math = role == FontRole::kMath;
    for (hb_codepoint_t u = HB_SET_VALUE_INVALID; hb_set_next(unicodes, &u);) {
      hb_codepoint_t glyph = 0;
      if (!hb_font_get_nominal_glyph(face.font, u, &glyph)) continue;
      auto is_placed = [&](int id) {
        return id >= 0 && static_cast<size_t>(id) < glyphs.size() && glyphs[id];
      };
      bool used = is_placed(static_cast<int>(glyph));
      if (!used && math) {  // drawn as one of its size variants or assembled from parts
        std::set<int> variants;
        AddMathVariants(face.font, glyph, &variants);
        for (int v : variants) used = used || is_placed(v);
      }
      if (used) points.insert(static_cast<char32_t>(u));
    }
    hb_set_destroy(unicodes);
  }
  return points;
}

// [SECTION] Font subsets (libharfbuzz-subset) ----------------------------------------------

std::vector<uint8_t> SubsetFont(std::span<const uint8_t> file, int collection_index,
                                const std::set<char32_t>& codepoints, std::string* error) {
  hb_blob_t* blob =
      hb_blob_create(reinterpret_cast<const char*>(file.data()), static_cast<unsigned>(file.size()),
                     HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, static_cast<unsigned>(collection_index));
  hb_blob_destroy(blob);
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  std::vector<uint8_t> out;
  if (!input) {
    hb_face_destroy(face);
    if (error) *error = "harfbuzz: out of memory";
    return out;
  }
  hb_set_t* unicodes = hb_subset_input_unicode_set(input);
  for (char32_t c : codepoints) hb_set_add(unicodes, c);
  // The engine reads kerning only (stb_truetype: kern and GPOS pair adjustments); every
  // other feature would keep glyphs nobody draws.
  hb_set_t* features = hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
  hb_set_clear(features);
  hb_set_add(features, HB_TAG('k', 'e', 'r', 'n'));
  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t tag : {HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'),
                       HB_TAG('V', 'O', 'R', 'G'), HB_TAG('B', 'A', 'S', 'E')})
    hb_set_add(drop, tag);
  // stb_truetype ignores hinting; MATH is kept (it is not in the default drop set).
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
  hb_face_t* subset = hb_subset_or_fail(face, input);
  hb_subset_input_destroy(input);
  hb_face_destroy(face);
  if (!subset) {
    if (error) *error = "harfbuzz could not subset the font";
    return out;
  }
  hb_blob_t* result = hb_face_reference_blob(subset);
  unsigned length = 0;
  const char* data = hb_blob_get_data(result, &length);
  out.assign(data, data + length);
  hb_blob_destroy(result);
  hb_face_destroy(subset);
  if (out.empty() && error) *error = "harfbuzz returned an empty font";
  return out;
}

namespace {

// [SECTION] The page: manifest, one file, a folder -----------------------------------------

// The faces the page knows by file name (web/page.js: LATIN_FONTS, FALLBACK_FONTS).
struct PageFont {
  FontRole role;
  const char* file;
  bool always;  // the page loads it for every deck
};
constexpr PageFont kPageFonts[] = {
    {FontRole::kSans, "Inter-Regular.otf", true},
    {FontRole::kSansBold, "Inter-Bold.otf", true},
    {FontRole::kSansItalic, "Inter-Italic.otf", true},
    {FontRole::kSansBoldItalic, "Inter-BoldItalic.otf", true},
    {FontRole::kMono, "JetBrainsMono-Regular.ttf", true},
    {FontRole::kMonoBold, "JetBrainsMono-Bold.ttf", true},
    {FontRole::kCjk, "NotoSansSC-Regular.otf", false},
    {FontRole::kCjkBold, "NotoSansSC-Bold.otf", false},
    {FontRole::kSymbols, "Symbola.ttf", false},
    {FontRole::kMath, "LatinModernMath.otf", false},
};

bool IsCjkRole(FontRole role) { return role == FontRole::kCjk || role == FontRole::kCjkBold; }

// One file of the build: its path in the build (as page.js names it) and its bytes.
struct BuiltFile {
  std::string path;
  std::vector<uint8_t> bytes;
};

struct Build {
  std::string deck_name;
  std::string title;
  std::vector<BuiltFile> files;  // deck, images, fonts (not the engine or the page)
  std::string images_json;       // {"src": {"file": …} | {"status": n, "message": …}, …}
  std::vector<uint8_t> wasm;
  std::vector<uint8_t> wasm_deflated;  // podium.wasm.z when it is podium.wasm's; else empty
  std::string podium_js, page_js, page_css, index_html;
};

// `bytes` in zlib's format (RFC 1950), which the page inflates with the browser's own
// DecompressionStream('deflate'); nullopt when that would not save a tenth.
std::optional<std::vector<uint8_t>> Deflate(const std::vector<uint8_t>& bytes) {
  uLongf size = compressBound(bytes.size());
  std::vector<uint8_t> out(size);
  // Level 1: on font subsets 2% larger than level 6 in half the time. (The engine, most of
  // the bytes, comes deflated at level 9 by the player's build: podium.wasm.z.)
  if (compress2(out.data(), &size, bytes.data(), bytes.size(), 1) != Z_OK) return std::nullopt;
  if (size > bytes.size() - bytes.size() / 10) return std::nullopt;
  out.resize(size);
  return out;
}

// True when `z` is a zlib stream (RFC 1950) whose trailer is the Adler-32 of `bytes`.
bool IsZlibOf(const std::vector<uint8_t>& z, const std::vector<uint8_t>& bytes) {
  // Header: deflate with a window of at most 32 KB, no preset dictionary, a valid check.
  if (z.size() < 6 || (z[0] & 0x0F) != 8 || (z[0] >> 4) > 7 || (z[1] & 0x20) != 0 ||
      ((z[0] << 8) | z[1]) % 31 != 0)
    return false;
  uLong sum = adler32(adler32(0, nullptr, 0), bytes.data(), static_cast<uInt>(bytes.size()));
  const uint8_t* t = z.data() + z.size() - 4;
  uLong trailer = uLong{t[0]} << 24 | uLong{t[1]} << 16 | uLong{t[2]} << 8 | t[3];
  return sum == trailer;
}

// The manifest page.js reads; with `inline_bytes`, every file's bytes in base64 too, those
// that compress well deflated and named in "deflated". The engine shrinks to about a
// third that way, and a one-file deck to about half.
std::string Manifest(const Build& build, bool inline_bytes) {
  std::string json =
      "{\"deck\":" + JsonString(build.deck_name) + ",\"images\":" + build.images_json;
  if (inline_bytes) {
    std::vector<std::pair<std::string, const std::vector<uint8_t>*>> files = {
        {"podium.wasm", &build.wasm}};
    for (const BuiltFile& f : build.files) files.push_back({f.path, &f.bytes});
    // Deflated in parallel: the engine alone is most of the work, the fonts the rest.
    std::vector<std::optional<std::vector<uint8_t>>> deflated(files.size());
    ForEachInParallel(
        files.size(),
        [&](size_t i) {
          deflated[i] = i == 0 && !build.wasm_deflated.empty() ? build.wasm_deflated
                                                                : Deflate(*files[i].second);
        },
        1);

    size_t size = json.size() + 64;
    for (size_t i = 0; i < files.size(); ++i) {
      const std::vector<uint8_t>& bytes = deflated[i] ? *deflated[i] : *files[i].second;
      size += files[i].first.size() * 2 + bytes.size() * 4 / 3 + 16;
    }
    json.reserve(size);
    json += ",\"files\":{";
    std::string names;
    for (size_t i = 0; i < files.size(); ++i) {
      if (i) json += ",\n";
      json += JsonString(files[i].first) + ":\"";
      AppendBase64(deflated[i] ? *deflated[i] : *files[i].second, &json);
      json += "\"";
      if (deflated[i]) names += (names.empty() ? "" : ",") + JsonString(files[i].first);
    }
    json += "},\"deflated\":[" + names + "]";
  }
  return json + "}";
}

bool ReplaceOnce(std::string* text, std::string_view what, std::string_view with) {
  size_t at = text->find(what);
  if (at == std::string::npos) return false;
  text->replace(at, what.size(), with);
  return true;
}

// The line of the player's index.html that starts fetching the wasm early.
constexpr std::string_view kWasmPreload =
    "<link rel=\"preload\" href=\"podium.wasm\" as=\"fetch\" type=\"application/wasm\" "
    "crossorigin>\n";

// index.html with the manifest (and, for one file, everything inline).
bool MakePage(const Build& build, bool one_file, std::string* html, std::string* error) {
  *html = build.index_html;
  const std::string manifest = "<script type=\"application/json\" id=\"podium-embedded\">" +
                               Manifest(build, one_file) + "</script>\n";
  bool ok =
      ReplaceOnce(html, "<title>Podium</title>", "<title>" + HtmlEscape(build.title) + "</title>");
  if (one_file) {
    // Nothing may be requested: no fetch, no remote script, style, image or font. Inline
    // scripts and styles run; 'unsafe-eval' lets WebAssembly compile in every browser.
    ok =
        ok && ReplaceOnce(html, "<meta charset=\"utf-8\">",
                          "<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" "
                          "content=\"default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; "
                          "style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'\">");
    ok = ok && ReplaceOnce(html, kWasmPreload, "");  // the wasm is in the manifest
    ok = ok && ReplaceOnce(html, "<link rel=\"stylesheet\" href=\"page.css\">",
                           "<style>\n" + build.page_css + "</style>");
    ok = ok && ReplaceOnce(html, "<script src=\"page.js\"></script>",
                           "<script>\n" + InlineScript(build.page_js) + "\n</script>");
    // Last, so the megabytes of the manifest are moved once.
    ok = ok && ReplaceOnce(html, "<script src=\"podium.js\"></script>",
                           manifest + "<script>\n" + InlineScript(build.podium_js) + "\n</script>");
  } else {
    ok = ok && ReplaceOnce(html, "<script src=\"podium.js\"></script>",
                           manifest + "<script src=\"podium.js\"></script>");
  }
  if (!ok && error) *error = "the player's index.html is not the one this deckc knows (rebuild it)";
  return ok;
}

// A folder may be replaced when it is empty or an earlier build's (its index.html carries
// the manifest).
bool IsReplaceableFolder(const fs::path& folder) {
  std::error_code ec;
  if (fs::is_empty(folder, ec)) return true;
  bool ok = false;
  std::string index = ReadText(folder / "index.html", &ok);
  return ok && index.find("id=\"podium-embedded\"") != std::string::npos;
}

bool Fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return false;
}

bool WriteFolder(const Build& build, const fs::path& folder, size_t* total, std::string* error) {
  std::error_code ec;
  fs::path target = folder.has_filename() ? folder : folder.parent_path();
  bool exists = fs::exists(target, ec);
  if (exists && !fs::is_directory(target, ec))
    return Fail(error, "'" + target.string() + "' exists and is not a folder");
  if (exists && !IsReplaceableFolder(target))
    return Fail(error,
                "'" + target.string() +
                    "' is not empty and not an earlier deckc build: name a new or empty folder");
  std::string html;
  if (!MakePage(build, false, &html, error)) return false;
  fs::path fresh = TemporaryPathBeside(target, "tmp");
  std::vector<std::pair<std::string, std::string_view>> files = {
      {"index.html", html},
      {"page.js", build.page_js},
      {"page.css", build.page_css},
      {"podium.js", build.podium_js},
      {"podium.wasm", {reinterpret_cast<const char*>(build.wasm.data()), build.wasm.size()}}};
  for (const BuiltFile& f : build.files)
    files.push_back({f.path, {reinterpret_cast<const char*>(f.bytes.data()), f.bytes.size()}});
  *total = 0;
  std::string problem;
  for (const auto& [path, bytes] : files) {
    fs::path full = fresh / path;
    fs::create_directories(full.parent_path(), ec);
    if (ec || !WriteFileBytes(full, bytes)) {
      problem = "cannot write '" + full.string() + "'";
      break;
    }
    *total += bytes.size();
  }
  // Swap: the old folder steps aside, the new one takes its name, the old one goes.
  fs::path old = TemporaryPathBeside(target, "old");
  if (problem.empty() && exists) {
    fs::rename(target, old, ec);
    if (ec) problem = "cannot move the previous '" + target.string() + "' aside: " + ec.message();
  }
  if (problem.empty()) {
    fs::rename(fresh, target, ec);
    if (ec) {
      problem =
          "cannot rename '" + fresh.string() + "' to '" + target.string() + "': " + ec.message();
      if (exists) fs::rename(old, target, ec);
    }
  }
  if (!problem.empty()) {
    fs::remove_all(fresh, ec);
    return Fail(error, problem);
  }
  if (exists) fs::remove_all(old, ec);
  return true;
}

bool WriteOneFile(const Build& build, const fs::path& path, size_t* total, std::string* error) {
  std::string html;
  if (!MakePage(build, true, &html, error)) return false;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);  // -o out/talk.html into a new folder
  if (!WriteFileAtomically(path, html, error)) return false;
  *total = html.size();
  return true;
}

// "images/a b.png?x" → "images/a b.png" (the name shown in the folder build; page.js
// finds it through the manifest, by the src as written).
std::string ImageFileName(int index, const std::string& src) {
  std::string name = src.substr(0, src.find_first_of("?#"));
  name = fs::path(name).filename().string();
  std::string safe;
  for (char c : name)
    safe +=
        (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_') ? c : '_';
  return "images/" + std::to_string(index) + "-" + (safe.empty() ? "image" : safe);
}

}  // namespace

// [SECTION] BuildDeck ----------------------------------------------------------------------

bool IsFolderOutput(const std::string& output) {
  std::error_code ec;
  return !output.empty() && (output.back() == '/' || fs::is_directory(output, ec));
}

bool BuildDeck(const LoadedDeck& loaded, const std::vector<SlideLayout>& layouts,
               const FontSet& fonts, const BuildOptions& options, BuildSummary* summary,
               std::string* error) {
  BuildSummary local;
  BuildSummary& s = summary ? *summary : local;
  s = BuildSummary{};
  std::error_code ec;
  const fs::path deck_path = fs::absolute(loaded.path, ec);
  const fs::path deck_folder = fs::weakly_canonical(deck_path.parent_path(), ec);
  s.folder = IsFolderOutput(options.output);
  fs::path output = fs::absolute(options.output, ec);

  // Never write to the deck: not over it, not over (or inside a replaced) folder holding it.
  fs::path target = fs::weakly_canonical(output.has_filename() ? output : output.parent_path(), ec);
  if (!s.folder && fs::exists(target, ec) && fs::equivalent(target, deck_path, ec))
    return Fail(error, "the output '" + options.output + "' is the deck itself");
  if (s.folder) {
    auto [t, d] =
        std::mismatch(target.begin(), target.end(), deck_folder.begin(), deck_folder.end());
    if (t == target.end())
      return Fail(error,
                  "the output folder '" + options.output + "' holds the deck: name another folder");
  }

  // The player.
  Build build;
  const fs::path player = options.player_dir;
  bool ok[5];
  build.index_html = ReadText(player / "index.html", &ok[0]);
  build.page_js = ReadText(player / "page.js", &ok[1]);
  build.page_css = ReadText(player / "page.css", &ok[2]);
  build.podium_js = ReadText(player / "podium.js", &ok[3]);
  auto wasm = ReadFileBytes(player / "podium.wasm");
  ok[4] = wasm.has_value();
  if (wasm && !s.folder) {
    // Taken only when it is this very podium.wasm deflated: a stale one from an earlier
    // player build must never ship. A zlib stream ends with the Adler-32 of what it
    // inflates to, so comparing that with podium.wasm's own is the check, in a tenth of a
    // millisecond instead of the 5 ms that inflating it takes.
    if (auto z = ReadFileBytes(player / "podium.wasm.z"); z && IsZlibOf(*z, *wasm))
      build.wasm_deflated = std::move(*z);
  }
  if (!std::all_of(std::begin(ok), std::end(ok), [](bool b) { return b; }))
    return Fail(error, "no browser player in '" + options.player_dir +
                           "': build it with tools/build_web.sh (or name one with --player)");
  build.wasm = std::move(*wasm);
  s.engine_bytes = build.podium_js.size() + build.wasm.size();

  // The deck.
  auto source = ReadFileBytes(deck_path, size_t{65} << 20);
  if (!source) return Fail(error, "cannot read '" + loaded.path + "'");
  build.deck_name = deck_path.filename().string();
  build.title = !loaded.deck.meta.title.empty() ? loaded.deck.meta.title
                : !loaded.deck.slides.empty() && !loaded.deck.slides[0].title.empty()
                    ? loaded.deck.slides[0].title
                    : build.deck_name;
  build.files.push_back({build.deck_name, *source});

  // Images, through the deck-folder loader: inside the deck's folder only.
  DeckFolderLoader loader(deck_folder);
  build.images_json = "{";
  int index = 0;
  std::set<std::string> seen;
  for (const ImageUse& use : CollectImageSources(loaded.deck)) {
    if (!seen.insert(use.src).second) continue;
    AssetLoader::Result result = loader.Load(use.src);
    if (index > 0) build.images_json += ",";
    build.images_json += JsonString(use.src) + ":";
    ++index;
    if (result.status == AssetLoader::Status::kOk) {
      std::string file = ImageFileName(index, use.src);
      build.images_json += "{\"file\":" + JsonString(file) + "}";
      s.image_bytes += result.bytes.size();
      ++s.images;
      build.files.push_back({file, std::move(result.bytes)});
    } else {
      build.images_json += "{\"status\":" + std::to_string(static_cast<int>(result.status)) +
                           ",\"message\":" + JsonString(result.message) + "}";
    }
  }
  build.images_json += "}";

  // Fonts: which faces draw which code points, as FontSet::Resolve decides.
  std::string_view text(reinterpret_cast<const char*>(source->data()), source->size());
  std::set<char32_t> all = DeckCodepoints(text, layouts, fonts);
  s.glyph_codepoints = static_cast<int>(all.size());
  std::map<FontRole, std::set<char32_t>> per_face;
  for (char32_t c : all)
    for (FontRole role : kTextRoles) {
      FontSet::Resolved r = fonts.Resolve(c, role);
      if (r.font) per_face[r.role].insert(c);
    }
  // The deck (not just the player's strings) must need a fallback face for it to ship.
  std::set<char32_t> deck_only;
  AddText(text, &deck_only);
  bool needs_cjk = false, needs_symbols = false, needs_math = false;
  for (char32_t c : deck_only)
    for (FontRole role : kTextRoles) {
      FontRole r = fonts.Resolve(c, role).role;
      if (fonts.Resolve(c, role).font) {
        needs_cjk = needs_cjk || IsCjkRole(r);
        needs_symbols = needs_symbols || r == FontRole::kSymbols;
      }
    }
  for (const SlideLayout& layout : layouts)
    for (const LayoutItem& item : layout.items) {
      if (item.kind != LayoutItemKind::kGlyphs) continue;
      needs_math = needs_math || item.font == FontRole::kMath;
      needs_cjk = needs_cjk || IsCjkRole(item.font);
      needs_symbols = needs_symbols || item.font == FontRole::kSymbols;
    }
  if (needs_math) per_face[FontRole::kMath] = all;
  std::vector<const PageFont*> shipped;
  for (const PageFont& f : kPageFonts) {
    bool wanted = f.always || (IsCjkRole(f.role) && needs_cjk) ||
                  (f.role == FontRole::kSymbols && needs_symbols) ||
                  (f.role == FontRole::kMath && needs_math);
    if (wanted && fonts.Has(f.role)) shipped.push_back(&f);
  }
  // One face per thread: each subset is a few milliseconds of HarfBuzz on its own face.
  std::vector<std::vector<uint8_t>> subsets(shipped.size());
  std::vector<std::string> why(shipped.size());
  std::vector<const std::set<char32_t>*> kept;  // looked up here: operator[] inserts
  for (const PageFont* f : shipped) kept.push_back(&per_face[f->role]);
  ForEachInParallel(
      shipped.size(),
      [&](size_t i) {
        const Font& face = *fonts.Get(shipped[i]->role);
        subsets[i] = SubsetFont(face.bytes(), CollectionIndexOf(face), *kept[i], &why[i]);
      },
      1);
  for (size_t i = 0; i < shipped.size(); ++i) {
    if (subsets[i].empty()) return Fail(error, std::string(shipped[i]->file) + ": " + why[i]);
    s.font_bytes += subsets[i].size();
    ++s.fonts;
    build.files.push_back({std::string("fonts/") + shipped[i]->file, std::move(subsets[i])});
  }

  if (s.folder) return WriteFolder(build, output, &s.bytes, error);
  return WriteOneFile(build, output, &s.bytes, error);
}

}  // namespace podium::tools
