#include "layout/images.h"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <utility>

#include <stb_image.h>

#include "stb_failure.h"

namespace podium {
namespace {

// Box-filter downscale, so a large photo keeps its detail when shown smaller.
std::vector<uint8_t> Downscale(const uint8_t* src, int w, int h, int nw, int nh) {
  std::vector<uint8_t> out(static_cast<size_t>(nw) * nh * 4);
  for (int y = 0; y < nh; ++y) {
    int sy0 = static_cast<int>(static_cast<int64_t>(y) * h / nh);
    int sy1 = std::max(sy0 + 1, static_cast<int>(static_cast<int64_t>(y + 1) * h / nh));
    for (int x = 0; x < nw; ++x) {
      int sx0 = static_cast<int>(static_cast<int64_t>(x) * w / nw);
      int sx1 = std::max(sx0 + 1, static_cast<int>(static_cast<int64_t>(x + 1) * w / nw));
      uint64_t sum[4] = {0, 0, 0, 0};
      for (int sy = sy0; sy < sy1; ++sy)
        for (int sx = sx0; sx < sx1; ++sx)
          for (int c = 0; c < 4; ++c) sum[c] += src[(static_cast<size_t>(sy) * w + sx) * 4 + c];
      uint64_t n = static_cast<uint64_t>(sy1 - sy0) * (sx1 - sx0);
      for (int c = 0; c < 4; ++c)
        out[(static_cast<size_t>(y) * nw + x) * 4 + c] = static_cast<uint8_t>((sum[c] + n / 2) / n);
    }
  }
  return out;
}

// Checks made before stb_image (Debian's 2.27) sees the bytes. It decodes what it can of a
// cut file, so a truncated image would show as a picture with a grey bottom; and some
// malformed files make it write out of bounds. Each returns why the file is refused, or
// "" when it is whole (what stb_image still checks is left to it).

// A GIF is whole when its blocks lead to the trailer (0x3B) within the bytes.
std::string CheckGif(const std::vector<uint8_t>& b) {
  auto skip_sub_blocks = [&](size_t i) {  // sub-blocks: size byte, data; a 0 size ends them
    while (i < b.size() && b[i] != 0) i += 1 + size_t{b[i]};
    return i < b.size() ? i + 1 : b.size() + 1;
  };
  const std::string truncated = "the GIF file is truncated";
  if (b.size() < 13) return truncated;
  size_t i = 13;
  if (b[10] & 0x80) i += 3u << ((b[10] & 7) + 1);  // global colour table
  while (i < b.size()) {
    if (b[i] == 0x3B) return "";
    if (b[i] == 0x21) {  // extension: label, sub-blocks
      i = skip_sub_blocks(i + 2);
    } else if (b[i] == 0x2C) {  // image: descriptor, local colour table, LZW size, data
      if (i + 10 > b.size()) return truncated;
      uint8_t flags = b[i + 9];
      i += 10;
      if (flags & 0x80) i += 3u << ((flags & 7) + 1);
      i = skip_sub_blocks(i + 1);
    } else {
      return "the GIF file is corrupt";
    }
  }
  return truncated;
}

// Where a JPEG's segments start (past SOI), or 0 if it is no JPEG. stb_image skips any
// number of 0xFF fill bytes before a marker, the first one included.
size_t JpegStart(const std::vector<uint8_t>& b) {
  size_t i = 0;
  while (i < b.size() && b[i] == 0xFF) ++i;
  return i > 0 && i < b.size() && b[i] == 0xD8 ? i + 1 : 0;
}

// A JPEG's marker segments, walked as stb_image walks them, to the end-of-image marker
// (entropy-coded data skipped: 0xFF bytes in it are stuffed or restart markers). A Huffman
// table of more than 256 codes is refused: stb_image 2.27 writes past its 257-byte size
// list for it (tests/robustness/regressions/image-jpeg-dht-*). Its tables are read as
// stb_image reads them, even past the segment's length (stb_image fails only after).
std::string CheckJpegSegments(const std::vector<uint8_t>& b, size_t i, size_t* first_scan) {
  const std::string truncated = "the JPEG file is truncated";
  // Huffman tables defined so far (class DC/AC, id 0–3): a scan that decodes with one
  // never defined would make stb_image read an uninitialised table (UBSan found it).
  bool defined[2][4] = {};
  bool progressive = false;
  while (i < b.size()) {
    if (b[i] != 0xFF) {  // padding between segments: stb_image skips it too
      ++i;
      continue;
    }
    if (i + 1 >= b.size()) return truncated;
    uint8_t marker = b[i + 1];
    if (marker == 0xD9) return "";                                                 // end of image
    if (marker == 0xFF || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // no length
      i += marker == 0xFF ? 1 : 2;
      continue;
    }
    if (i + 4 > b.size()) return truncated;
    size_t length = (size_t{b[i + 2]} << 8) | b[i + 3];
    if (marker == 0xC4) {  // DHT: tables of class/id, 16 code counts, the values
      int64_t left = static_cast<int64_t>(length) - 2;
      for (size_t p = i + 4; left > 0;) {
        if (p + 17 > b.size()) return truncated;
        size_t codes = 0;
        for (size_t k = 1; k <= 16; ++k) codes += b[p + k];
        if (codes > 256) return "the JPEG file has a corrupt Huffman table";
        if ((b[p] >> 4) <= 1 && (b[p] & 15) <= 3) defined[b[p] >> 4][b[p] & 15] = true;
        p += 17 + codes;
        left -= static_cast<int64_t>(17 + codes);
      }
      if (left != 0) return "the JPEG file has a corrupt Huffman table";
    }
    size_t end = i + 2 + length;
    if (length < 2 || end > b.size()) return truncated;
    if (marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE) progressive = true;
    if (marker == 0xDA && length >= 3) {  // SOS: components with their DC/AC tables, then Ss
      size_t count = b[i + 4];
      size_t spectral = i + 5 + 2 * count;  // Ss, Se, Ah/Al
      if (spectral + 2 < end) {
        bool dc_scan = b[spectral] == 0, first_pass = (b[spectral + 2] >> 4) == 0;
        for (size_t k = 0; k < count; ++k) {
          uint8_t tables = b[i + 6 + 2 * k];
          bool needs_dc = !progressive || (dc_scan && first_pass);
          bool needs_ac = !progressive || !dc_scan;
          if ((needs_dc && ((tables >> 4) > 3 || !defined[0][tables >> 4])) ||
              (needs_ac && ((tables & 15) > 3 || !defined[1][tables & 15])))
            return "the JPEG file uses a Huffman table it does not define";
        }
      }
    }
    i = end;
    if (marker == 0xDA && *first_scan == 0) *first_scan = end;
    if (marker == 0xDA) {  // a scan: entropy-coded data up to the next real marker
      while (i + 1 < b.size() &&
             !(b[i] == 0xFF && b[i + 1] != 0x00 && !(b[i + 1] >= 0xD0 && b[i + 1] <= 0xD7)))
        ++i;
    }
  }
  return truncated;
}

// Where stb_image reads markers after the first scan depends on where its Huffman decoder
// stops, and stb_image 2.27 then takes the byte after any 0xFF as the next marker (its
// "junk at the end" loop), so the walk above can fall out of step with it: fuzz_image made
// it read a DHT the walk had skipped as part of another segment, with 2040 codes. So every
// 0xFF 0xC4 after the first scan's header is read as a DHT, as stb_image would read it
// (zeros past the end), and one with more than 256 codes is refused. A real JPEG has 0xFF
// 0xC4 there only as a DHT marker (entropy-coded 0xFF bytes are stuffed with 0x00).
std::string CheckJpegTablesAfterFirstScan(const std::vector<uint8_t>& b, size_t from) {
  auto at = [&](size_t k) -> size_t { return k < b.size() ? b[k] : 0; };
  for (size_t i = from; i + 1 < b.size(); ++i) {
    if (b[i] != 0xFF || b[i + 1] != 0xC4) continue;
    int64_t left = static_cast<int64_t>((at(i + 2) << 8) | at(i + 3)) - 2;
    for (size_t p = i + 4; left > 0 && p < b.size();) {
      if ((at(p) >> 4) > 1 || (at(p) & 15) > 3) break;  // stb_image refuses the table
      size_t codes = 0;
      for (size_t k = 1; k <= 16; ++k) codes += at(p + k);
      if (codes > 256) return "the JPEG file has a corrupt Huffman table";
      p += 17 + codes;
      left -= static_cast<int64_t>(17 + codes);
    }
  }
  return "";
}

// `*scanned`: whether the JPEG has a scan at all (see AddEncoded).
std::string CheckJpeg(const std::vector<uint8_t>& b, size_t i, bool* scanned) {
  size_t first_scan = 0;
  std::string why = CheckJpegSegments(b, i, &first_scan);
  if (why.empty() && first_scan > 0) why = CheckJpegTablesAfterFirstScan(b, first_scan);
  *scanned = first_scan > 0;
  return why;
}

// An uncompressed BMP (BI_RGB, BI_BITFIELDS) is whole when its rows, each padded to 4
// bytes, fit between the pixel data's offset and the end of the file. stb_image reads
// past the end as zeros: a 505-byte file claiming 14872x4222 pixels kept it (and the
// downscale after it) busy for over a minute under the fuzzer (timeout-* in fuzz_image).
std::string CheckBmp(const std::vector<uint8_t>& b) {
  const std::string truncated = "the BMP file is truncated";
  if (b.size() < 26) return truncated;
  auto le = [&](size_t i, int bytes) {
    uint32_t v = 0;
    for (int k = bytes - 1; k >= 0; --k) v = (v << 8) | b[i + k];
    return v;
  };
  const int64_t offset = le(10, 4), header = le(14, 4);
  int64_t width = 0, height = 0, bpp = 0;
  uint32_t compression = 0;
  if (header == 12) {  // OS/2 BITMAPCOREHEADER: 16-bit sizes, no compression
    width = le(18, 2);
    height = le(20, 2);
    bpp = le(24, 2);
  } else {
    if (b.size() < 34) return truncated;
    width = std::abs(int64_t{static_cast<int32_t>(le(18, 4))});
    height = std::abs(int64_t{static_cast<int32_t>(le(22, 4))});
    bpp = le(28, 2);
    compression = le(30, 4);
  }
  // stb_image refuses RLE (1, 2) and 4 and up itself, but reads the field as a signed int,
  // so a "negative" compression passed as uncompressed (fuzz_image: a 143-byte file then
  // decoded 10008x1296 pixels from past its end). No BMP defines one.
  if (static_cast<int32_t>(compression) < 0) {
    return "the BMP file names an unknown compression (" + std::to_string(compression) + ")";
  }
  if (compression != 0 && compression != 3) return "";
  const int64_t row = (width * bpp + 31) / 32 * 4;
  if (width > kMaxImageSide || height > kMaxImageSide) return "";  // refused by size after
  if (offset + row * height > static_cast<int64_t>(b.size())) return truncated;
  return "";
}

// The size a PNG's header claims (false if it is not a PNG). stb_image refuses some huge
// PNGs itself, and then tries the other formats, so its reason is not the PNG's.
bool PngHeaderSize(const std::vector<uint8_t>& b, int64_t* width, int64_t* height) {
  static const uint8_t kSignature[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (b.size() < 24 || !std::equal(kSignature, kSignature + 8, b.begin())) return false;
  auto be32 = [&](size_t i) {
    return int64_t{(uint32_t{b[i]} << 24) | (uint32_t{b[i + 1]} << 16) | (uint32_t{b[i + 2]} << 8) |
                   b[i + 3]};
  };
  *width = be32(16);
  *height = be32(20);
  return true;
}

// stb_image 2.27 copies each IDAT chunk into a buffer it allocates at the first non-empty
// one, so an empty IDAT before it is a copy into a null pointer (UBSan found it; legal PNG,
// as empty IDAT chunks carry nothing). Fills `out` with the file without its empty IDAT
// chunks and returns true, or returns false when there are none. The chunks are walked as
// stb_image walks them, each by its length; a cut one ends the walk (stb_image refuses it).
// Also sets *cut when a chunk claims more bytes than the file has left: stb_image grows its
// data buffer to an IDAT's claimed length before reading it (fuzz_image: a 898-byte file
// made it allocate 2 GiB).
bool DropEmptyPngData(const std::vector<uint8_t>& b, std::vector<uint8_t>* out, bool* cut) {
  *cut = false;
  int64_t w = 0, h = 0;
  if (!PngHeaderSize(b, &w, &h)) return false;
  auto be32 = [&](size_t i) {
    return (uint32_t{b[i]} << 24) | (uint32_t{b[i + 1]} << 16) | (uint32_t{b[i + 2]} << 8) | b[i + 3];
  };
  const uint32_t kIdat = 0x49444154, kIend = 0x49454E44;
  std::vector<std::pair<size_t, size_t>> empty;  // [begin, end) of each empty IDAT chunk
  for (size_t i = 8; i + 12 <= b.size();) {
    uint32_t length = be32(i), type = be32(i + 4);
    if (length > b.size() - i - 12) {
      *cut = true;
      break;
    }
    if (type == kIdat && length == 0) empty.push_back({i, i + 12});
    if (type == kIend) break;
    i += 12 + size_t{length};
  }
  if (empty.empty()) return false;
  out->clear();
  out->reserve(b.size());
  size_t from = 0;
  for (auto [begin, end] : empty) {
    out->insert(out->end(), b.begin() + from, b.begin() + begin);
    from = end;
  }
  out->insert(out->end(), b.begin() + from, b.end());
  return true;
}

void AddUse(std::vector<ImageUse>& uses, std::set<std::string>& seen, const std::string& src,
            SourcePos pos) {
  if (src.empty() || !seen.insert(src).second) return;
  uses.push_back({src, pos});
}

void CollectFromSpans(const std::vector<Span>& spans, std::vector<ImageUse>& uses,
                      std::set<std::string>& seen) {
  for (const Span& s : spans)
    if (s.kind == SpanKind::kImage) AddUse(uses, seen, s.href, s.pos);
}

void CollectFromBlocks(const std::vector<Block>& blocks, std::vector<ImageUse>& uses,
                       std::set<std::string>& seen) {
  for (const Block& b : blocks) {
    CollectFromSpans(b.spans, uses, seen);
    for (const auto& row : b.table.rows)
      for (const TableCell& cell : row) CollectFromSpans(cell.spans, uses, seen);
    CollectFromBlocks(b.children, uses, seen);
  }
}

}  // namespace

const ImageStore::Image& ImageStore::AddEncoded(const std::string& src,
                                                const std::vector<uint8_t>& bytes) {
  Image image;
  image.src = src;
  int w = 0, h = 0, channels = 0;
  if (bytes.size() > kMaxImageFileBytes) {
    image.error = "the file is larger than the limit of " +
                  std::to_string(kMaxImageFileBytes >> 20) + " MiB";
    return images_[src] = std::move(image);
  }
  auto too_large = [&](int64_t width, int64_t height) {
    return width > kMaxImageSide || height > kMaxImageSide || width * height > kMaxImagePixels;
  };
  auto refuse_size = [&](int64_t width, int64_t height) -> const Image& {
    image.error = "image is " + std::to_string(width) + "x" + std::to_string(height) +
                  " pixels; the limit is " + std::to_string(kMaxImageSide) + " per side";
    return images_[src] = std::move(image);
  };
  if (int64_t pw = 0, ph = 0; PngHeaderSize(bytes, &pw, &ph) && too_large(pw, ph))
    return refuse_size(pw, ph);
  bool gif = bytes.size() >= 4 && std::equal(bytes.begin(), bytes.begin() + 4, "GIF8");
  bool bmp = bytes.size() >= 2 && bytes[0] == 'B' && bytes[1] == 'M';
  size_t jpeg = JpegStart(bytes);
  bool jpeg_scanned = false;
  if (std::string why = gif    ? CheckGif(bytes)
                        : bmp  ? CheckBmp(bytes)
                        : jpeg ? CheckJpeg(bytes, jpeg, &jpeg_scanned)
                               : "";
      !why.empty()) {
    image.error = "cannot decode: " + why;
    return images_[src] = std::move(image);
  }
  std::vector<uint8_t> without_empty_data;
  bool png_cut = false;
  const std::vector<uint8_t>& decoded =
      DropEmptyPngData(bytes, &without_empty_data, &png_cut) ? without_empty_data : bytes;
  if (png_cut) {
    image.error = "cannot decode: the PNG file is truncated";
    return images_[src] = std::move(image);
  }
  if (decoded.empty() || decoded.size() > static_cast<size_t>(INT32_MAX) ||
      !stbi_info_from_memory(decoded.data(), static_cast<int>(decoded.size()), &w, &h, &channels)) {
    image.error = "not an image format Podium can decode";
    return images_[src] = std::move(image);
  }
  if (w <= 0 || h <= 0 || too_large(w, h)) return refuse_size(w, h);
  // A JPEG that ends before any scan has no pixels: stb_image 2.27 hands back a progressive
  // one's claimed size in grey (fuzz_image: 34 bytes, 8995x4354 pixels, 10 s under the
  // sanitizers) and a baseline one's buffers unwritten. After the size check, which says
  // more about a file that claims too much.
  if (jpeg && !jpeg_scanned) {
    image.error = "cannot decode: the JPEG file has no image data";
    return images_[src] = std::move(image);
  }
  ClearStbFailureReason();
  stbi_uc* pixels =
      stbi_load_from_memory(decoded.data(), static_cast<int>(decoded.size()), &w, &h, &channels, 4);
  if (!pixels) {
    // stb_image's reasons are terse ("outofdata", "bad huffman code") and some failures
    // leave none: say which kind of file is broken, with its reason when it gave one.
    const char* format = gif ? "GIF" : bmp ? "BMP" : jpeg ? "JPEG" : "PNG";
    image.error = std::string("cannot decode: the ") + format + " file is corrupt or truncated";
    if (const char* why = stbi_failure_reason(); why && *why)
      image.error += std::string(" (stb_image: ") + why + ")";
    return images_[src] = std::move(image);
  }
  image.ok = true;
  image.width = w;
  image.height = h;
  image.texture.id = NewTextureId();
  image.texture.version = 1;
  int longest = std::max(w, h);
  if (longest > kMaxShownSide) {
    int nw = std::max(1, static_cast<int>(static_cast<int64_t>(w) * kMaxShownSide / longest));
    int nh = std::max(1, static_cast<int>(static_cast<int64_t>(h) * kMaxShownSide / longest));
    image.texture.rgba = Downscale(pixels, w, h, nw, nh);
    image.texture.width = nw;
    image.texture.height = nh;
  } else {
    image.texture.rgba.assign(pixels, pixels + static_cast<size_t>(w) * h * 4);
    image.texture.width = w;
    image.texture.height = h;
  }
  stbi_image_free(pixels);
  return images_[src] = std::move(image);
}

const ImageStore::Image& ImageStore::AddFailure(const std::string& src, std::string error) {
  Image image;
  image.src = src;
  image.error = std::move(error);
  return images_[src] = std::move(image);
}

const ImageStore::Image* ImageStore::Find(std::string_view src) const {
  auto it = images_.find(src);
  return it == images_.end() ? nullptr : &it->second;
}

std::string BackgroundImageSource(std::string_view value) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
  };
  value = trim(value);
  if (value.substr(0, 4) == "url(" && value.back() == ')') {
    value = trim(value.substr(4, value.size() - 5));
  }
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front()) {
    value = value.substr(1, value.size() - 2);
  }
  return std::string(value);
}

std::vector<ImageUse> CollectImageSources(const Deck& deck) {
  std::vector<ImageUse> uses;
  std::set<std::string> seen;
  for (const Slide& slide : deck.slides) {
    for (const Background& bg : slide.backgrounds) AddUse(uses, seen, bg.src, bg.pos);
    if (!slide.style.background_image.empty())
      AddUse(uses, seen, BackgroundImageSource(slide.style.background_image), slide.pos);
    CollectFromBlocks(slide.blocks, uses, seen);
  }
  return uses;
}

void LoadDeckImages(const Deck& deck, AssetLoader& loader, ImageStore& store,
                    std::vector<Diagnostic>* diagnostics) {
  for (const ImageUse& use : CollectImageSources(deck)) {
    if (store.Find(use.src)) continue;
    AssetLoader::Result result = loader.Load(use.src);
    if (result.status == AssetLoader::Status::kOk) {
      const ImageStore::Image& image = store.AddEncoded(use.src, result.bytes);
      if (!image.ok && diagnostics) {
        // With the reason: "cannot decode image 'a.jpg': the JPEG file is truncated",
        // "image too large: 'b.png' (image is 20000x20000 pixels; the limit is …)".
        const std::string quoted = "'" + use.src + "'";
        if (image.error.find("limit") != std::string::npos) {
          diagnostics->push_back(MakeDiagnostic(DiagnosticCode::kImageTooLarge, use.pos,
                                                quoted + " (" + image.error + ")"));
        } else {
          std::string_view why = image.error;
          if (why.substr(0, 15) == "cannot decode: ") why.remove_prefix(15);
          diagnostics->push_back(MakeDiagnostic(DiagnosticCode::kImageUndecodable, use.pos,
                                                quoted + ": " + std::string(why)));
        }
      }
      continue;
    }
    store.AddFailure(use.src, result.message);
    if (!diagnostics) continue;
    DiagnosticCode code = result.status == AssetLoader::Status::kRefused
                              ? DiagnosticCode::kImagePathRefused
                          : result.status == AssetLoader::Status::kRemote
                              ? DiagnosticCode::kImageRemote
                              : DiagnosticCode::kImageNotFound;
    diagnostics->push_back(MakeDiagnostic(code, use.pos, use.src));
  }
}

}  // namespace podium
