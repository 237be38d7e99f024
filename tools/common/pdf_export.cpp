// PDF export (see pdf_export.h), drawn with cairo's PDF surface.
//
// Why cairo (Debian's libcairo2) rather than libharu or PoDoFo: cairo subsets and embeds
// both CFF (Inter, Noto Sans CJK — a CID-keyed CFF font) and TrueType (JetBrains Mono)
// outlines, writes CID fonts for CJK, and builds each subset's ToUnicode map from the text
// we pass to cairo_show_text_glyphs, so copy and search are exact. It draws glyphs by id
// from a FreeType face that we open on the very bytes the layout measured, so pen positions
// and glyphs are the layout's, not a second shaping. And it is what Debian's poppler/GTK
// stack itself uses, so it is maintained and well exercised. libharu draws strings rather
// than glyph ids and cannot embed CFF-flavoured OpenType; PoDoFo (0.9 in Debian) would
// leave subsetting of CFF/CID fonts and the ToUnicode plumbing to us.
//
// Index
//   [SECTION] Font bytes: the FontSet's faces as FreeType sees them
//   [SECTION] PdfFonts: cairo font faces and the text behind glyph ids
//   [SECTION] Images: ImageStore textures as cairo surfaces
//   [SECTION] Drawing a SlideLayout
//   [SECTION] Speaker notes: Markdown → glyph runs
//   [SECTION] Pages and the file
//   [SECTION] NotesMarkdown
#include "common/pdf_export.h"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_MODULE_H  // FT_Reference_Library, FT_Done_Library
#include <md4c.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <numbers>
#include <set>
#include <unordered_map>

#include "layout/inline_layout.h"
#include "math/math_table.h"
#include "parse/html_entities.h"
#include "text/utf8.h"

namespace podium::tools {
namespace {

namespace fs = std::filesystem;

// [SECTION] Font bytes: the FontSet's faces as FreeType sees them ------------------------

uint32_t ReadU32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}
uint16_t ReadU16(const uint8_t* p) { return static_cast<uint16_t>((p[0] << 8) | p[1]); }

// End of the last table of the sfnt whose table directory starts at `start`.
size_t SfntEnd(const uint8_t* data, size_t start) {
  size_t tables = ReadU16(data + start + 4);
  size_t end = start + 12 + 16 * tables;
  for (size_t i = 0; i < tables; ++i) {
    const uint8_t* record = data + start + 12 + 16 * i;
    end = std::max(end, size_t{ReadU32(record + 8)} + ReadU32(record + 12));
  }
  return end;
}

struct FaceBytes {
  const uint8_t* data = nullptr;
  size_t size = 0;
  int index = 0;  // face in a collection
};

// The bytes a Font was read from and its index in the collection. Font keeps its bytes
// private and stb_truetype remembers only their start and the face's offset, so the extent
// is recovered from the tables the file itself lists (stb_truetype has already read them,
// so they lie inside the buffer). TODO(font.h): let Font expose bytes() and
// collection_index(), and drop this.
FaceBytes FaceBytesOf(const Font& font) {
  const stbtt_fontinfo& info = font.info();
  FaceBytes out;
  out.data = info.data;
  if (std::memcmp(info.data, "ttcf", 4) == 0) {
    uint32_t count = ReadU32(info.data + 8);
    out.size = 12 + 4 * size_t{count};
    for (uint32_t i = 0; i < count; ++i) {
      uint32_t offset = ReadU32(info.data + 12 + 4 * i);
      if (static_cast<int>(offset) == info.fontstart) out.index = static_cast<int>(i);
      out.size = std::max(out.size, SfntEnd(info.data, offset));
    }
  } else {
    out.size = SfntEnd(info.data, static_cast<size_t>(info.fontstart));
  }
  return out;
}

// [SECTION] PdfFonts: cairo font faces and the text behind glyph ids ----------------------

// Code points that fonts map to the same glyph as a more common one: Kangxi and CJK
// radicals, CJK compatibility ideographs. The common one is the text a reader searches.
bool IsCompatibilityForm(char32_t c) {
  return (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x2F800 && c <= 0x2FA1F);
}

void AddCodePoints(std::string_view utf8, std::set<char32_t>* out) {
  for (size_t i = 0; i < utf8.size();) out->insert(DecodeNext(utf8, i));
}

// One FreeType library per export; each face holds a reference to it (FT_Reference_Library)
// so that cairo, which may keep a font face in its caches after the export, frees the face
// and then the library whenever it lets go.
struct FaceOwner {
  FT_Library library;
  FT_Face face;
};
cairo_user_data_key_t kFaceOwnerKey;

void ReleaseFace(void* data) {
  auto* owner = static_cast<FaceOwner*>(data);
  FT_Done_Face(owner->face);
  FT_Done_Library(owner->library);
  delete owner;
}

class PdfFonts {
 public:
  // `text` holds every code point the deck's text may draw: the glyph → text maps are
  // built from it first (exact for every glyph the layout took from a cmap lookup), and
  // from the font's whole cmap for what it misses (bullets, numbers layout made up).
  PdfFonts(const FontSet& fonts, std::set<char32_t> text) : fonts_(fonts), text_(std::move(text)) {
    ft_ok_ = FT_Init_FreeType(&library_) == 0;
  }
  ~PdfFonts() {
    for (auto& [font, entry] : faces_)
      if (entry.face) cairo_font_face_destroy(entry.face);
    if (ft_ok_) FT_Done_Library(library_);
  }
  PdfFonts(const PdfFonts&) = delete;
  PdfFonts& operator=(const PdfFonts&) = delete;

  // The cairo face for a role (after FontSet's fallback); null with *error on failure.
  cairo_font_face_t* Face(FontRole role, std::string* error) {
    Entry* entry = EntryOf(role, error);
    return entry ? entry->face : nullptr;
  }

  // Appends the text of `glyph` of the role's font (nothing when the font maps no
  // character to it).
  void AppendText(FontRole role, int glyph, std::string& out) {
    Entry* entry = EntryOf(role, nullptr);
    if (!entry) return;
    auto it = entry->text.find(glyph);
    if (it == entry->text.end()) {
      if (!entry->whole_cmap_read) ReadWholeCmap(*entry, fonts_.Get(role));
      it = entry->text.find(glyph);
      if (it == entry->text.end()) return;
    }
    EncodeUtf8(it->second, out);
  }

 private:
  struct Entry {
    cairo_font_face_t* face = nullptr;
    FT_Face ft_face = nullptr;  // owned by `face` (see ReleaseFace)
    std::unordered_map<int, char32_t> text;  // glyph → code point
    bool whole_cmap_read = false;
  };

  static void Offer(std::unordered_map<int, char32_t>& map, int glyph, char32_t c) {
    auto [it, added] = map.emplace(glyph, c);
    if (!added && IsCompatibilityForm(it->second) && !IsCompatibilityForm(c)) it->second = c;
  }

  Entry* EntryOf(FontRole role, std::string* error) {
    const Font* font = fonts_.Get(role);
    if (!font) {
      if (error) *error = "no font for a glyph run (role " + std::to_string(int(role)) + ")";
      return nullptr;
    }
    auto found = faces_.find(font);
    if (found != faces_.end()) {
      if (!found->second.face && error) *error = "FreeType cannot read a font the layout used";
      return found->second.face ? &found->second : nullptr;
    }
    Entry& entry = faces_[font];
    FaceBytes bytes = FaceBytesOf(*font);
    FT_Face ft_face = nullptr;
    if (!ft_ok_ || FT_New_Memory_Face(library_, bytes.data, static_cast<FT_Long>(bytes.size),
                                      bytes.index, &ft_face) != 0) {
      if (error) *error = "FreeType cannot read a font the layout used";
      return nullptr;
    }
    FT_Reference_Library(library_);
    auto* owner = new FaceOwner{library_, ft_face};
    // No hinting: the outlines go into the PDF as designed; the positions are the layout's.
    cairo_font_face_t* face = cairo_ft_font_face_create_for_ft_face(ft_face, FT_LOAD_NO_HINTING);
    if (cairo_font_face_set_user_data(face, &kFaceOwnerKey, owner, ReleaseFace) !=
        CAIRO_STATUS_SUCCESS) {
      cairo_font_face_destroy(face);
      ReleaseFace(owner);
      if (error) *error = "cairo cannot use a font the layout used";
      return nullptr;
    }
    entry.face = face;
    entry.ft_face = ft_face;
    for (char32_t c : text_) {
      int glyph = font->GlyphIndex(c);
      if (glyph != 0) Offer(entry.text, glyph, c);
    }
    return &entry;
  }

  // Glyphs the deck's own text does not explain: any code point the font maps to them.
  // A math face's size variants (a display ∑, a tall parenthesis) are glyphs no code point
  // maps to: they stand for their base glyph's character, so a display formula's ∑ copies
  // and searches as ∑. (Assembled delimiters stay without text: their parts would repeat it.)
  void ReadWholeCmap(Entry& entry, const Font* font) {
    entry.whole_cmap_read = true;
    std::unordered_map<int, char32_t> cmap;
    FT_UInt glyph = 0;
    for (FT_ULong c = FT_Get_First_Char(entry.ft_face, &glyph); glyph != 0;
         c = FT_Get_Next_Char(entry.ft_face, c, &glyph))
      Offer(cmap, static_cast<int>(glyph), static_cast<char32_t>(c));
    std::unordered_map<int, char32_t> variants;
    if (font) {
      MathTable math(font);
      if (!math.empty()) {
        for (auto [g, c] : cmap)
          for (bool vertical : {true, false})
            for (const MathTable::Variant& v : math.Variants(g, vertical))
              if (!cmap.count(v.glyph)) Offer(variants, v.glyph, c);
      }
    }
    for (auto [g, c] : cmap) entry.text.emplace(g, c);  // the deck's own text wins
    for (auto [g, c] : variants) entry.text.emplace(g, c);
  }

  const FontSet& fonts_;
  std::set<char32_t> text_;
  FT_Library library_ = nullptr;
  bool ft_ok_ = false;
  std::map<const Font*, Entry> faces_;
};

// [SECTION] Images: ImageStore textures as cairo surfaces -------------------------------

class PdfImages {
 public:
  explicit PdfImages(const ImageStore& store) : store_(store) {}
  ~PdfImages() {
    for (auto& [src, surface] : surfaces_)
      if (surface) cairo_surface_destroy(surface);
  }
  PdfImages(const PdfImages&) = delete;
  PdfImages& operator=(const PdfImages&) = delete;

  // The pixels of `src` (null when the store has no good image for it), with their size.
  cairo_surface_t* Find(const std::string& src, int* width, int* height) {
    const ImageStore::Image* image = store_.Find(src);
    if (!image || !image->ok) return nullptr;
    const Texture& t = image->texture;
    *width = t.width;
    *height = t.height;
    auto found = surfaces_.find(src);
    if (found != surfaces_.end()) return found->second;
    cairo_surface_t*& surface = surfaces_[src];
    if (t.width <= 0 || t.height <= 0 ||
        t.rgba.size() != static_cast<size_t>(t.width) * static_cast<size_t>(t.height) * 4)
      return nullptr;
    surface = ToCairo(t);
    // One image XObject per source however many pages show it.
    std::string id = "podium-image:" + src;
    auto* copy = static_cast<unsigned char*>(std::malloc(id.size()));
    if (copy) {
      std::memcpy(copy, id.data(), id.size());
      cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_UNIQUE_ID, copy, id.size(), std::free,
                                  copy);
    }
    return surface;
  }

 private:
  // RGBA straight alpha → cairo's native-endian premultiplied ARGB32 (RGB24 when opaque,
  // so that the PDF carries no soft mask).
  static cairo_surface_t* ToCairo(const Texture& t) {
    bool opaque = true;
    for (size_t i = 3; i < t.rgba.size(); i += 4) opaque &= t.rgba[i] == 255;
    cairo_surface_t* surface =
        cairo_image_surface_create(opaque ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32, t.width, t.height);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) return surface;
    cairo_surface_flush(surface);
    unsigned char* base = cairo_image_surface_get_data(surface);
    int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < t.height; ++y) {
      auto* row = reinterpret_cast<uint32_t*>(base + static_cast<size_t>(y) * stride);
      const uint8_t* in = t.rgba.data() + static_cast<size_t>(y) * t.width * 4;
      for (int x = 0; x < t.width; ++x, in += 4) {
        uint32_t a = in[3];
        auto pre = [a](uint32_t v) { return (v * a + 127) / 255; };
        row[x] = (a << 24) | (pre(in[0]) << 16) | (pre(in[1]) << 8) | pre(in[2]);
      }
    }
    cairo_surface_mark_dirty(surface);
    return surface;
  }

  const ImageStore& store_;
  std::map<std::string, cairo_surface_t*, std::less<>> surfaces_;
};

// [SECTION] Drawing a SlideLayout --------------------------------------------------------

void SetColor(cairo_t* cr, uint32_t c) {  // ImU32: 0xAABBGGRR
  cairo_set_source_rgba(cr, (c & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0,
                        ((c >> 16) & 0xff) / 255.0, ((c >> 24) & 0xff) / 255.0);
}

void RectPath(cairo_t* cr, const Rect& r, float rounding) {
  double w = r.width(), h = r.height();
  double radius = std::min<double>(rounding, std::min(std::fabs(w), std::fabs(h)) * 0.5);
  if (radius < 0.5) {
    cairo_rectangle(cr, r.x0, r.y0, w, h);
    return;
  }
  constexpr double kQuarter = std::numbers::pi / 2;
  cairo_new_sub_path(cr);
  cairo_arc(cr, r.x1 - radius, r.y0 + radius, radius, -kQuarter, 0);
  cairo_arc(cr, r.x1 - radius, r.y1 - radius, radius, 0, kQuarter);
  cairo_arc(cr, r.x0 + radius, r.y1 - radius, radius, kQuarter, 2 * kQuarter);
  cairo_arc(cr, r.x0 + radius, r.y0 + radius, radius, 2 * kQuarter, 3 * kQuarter);
  cairo_close_path(cr);
}

bool IsExternalLink(const std::string& href) {
  return href.rfind("http://", 0) == 0 || href.rfind("https://", 0) == 0 ||
         href.rfind("mailto:", 0) == 0;
}

// A cairo tag attribute string value: single quotes, with ' and \ escaped.
std::string QuoteAttribute(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

struct DrawContext {
  cairo_t* cr;
  PdfFonts& fonts;
  PdfImages& images;
  std::string* error;  // set when a font cannot be used
};

void DrawGlyphs(DrawContext& dc, const LayoutItem& item) {
  if (item.glyphs.empty() || item.font_size <= 0) return;
  cairo_font_face_t* face = dc.fonts.Face(item.font, dc.error);
  if (!face) return;
  cairo_t* cr = dc.cr;
  cairo_set_font_face(cr, face);
  cairo_set_font_size(cr, item.font_size);
  SetColor(cr, item.color);
  std::vector<cairo_glyph_t> glyphs;
  std::vector<cairo_text_cluster_t> clusters;
  std::string text;
  glyphs.reserve(item.glyphs.size());
  clusters.reserve(item.glyphs.size());
  for (const PlacedGlyph& g : item.glyphs) {
    glyphs.push_back({static_cast<unsigned long>(g.glyph), item.rect.x0 + g.x, item.rect.y0});
    size_t before = text.size();
    dc.fonts.AppendText(item.font, g.glyph, text);
    clusters.push_back({static_cast<int>(text.size() - before), 1});
  }
  cairo_show_text_glyphs(cr, text.data(), static_cast<int>(text.size()), glyphs.data(),
                         static_cast<int>(glyphs.size()), clusters.data(),
                         static_cast<int>(clusters.size()), cairo_text_cluster_flags_t(0));
}

void DrawImage(DrawContext& dc, const LayoutItem& item) {
  int width = 0, height = 0;
  cairo_surface_t* surface = dc.images.Find(item.src, &width, &height);
  if (!surface || cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) return;
  double du = (item.u1 - item.u0) * width, dv = (item.v1 - item.v0) * height;
  if (std::fabs(du) < 1e-6 || std::fabs(dv) < 1e-6 || item.rect.width() == 0 ||
      item.rect.height() == 0)
    return;
  cairo_t* cr = dc.cr;
  cairo_save(cr);
  cairo_rectangle(cr, item.rect.x0, item.rect.y0, item.rect.width(), item.rect.height());
  cairo_clip(cr);
  // Texture point (u·w, v·h) lands on the rect point that DrawSlide gives it.
  cairo_translate(cr, item.rect.x0, item.rect.y0);
  cairo_scale(cr, item.rect.width() / du, item.rect.height() / dv);
  cairo_translate(cr, -item.u0 * width, -item.v0 * height);
  cairo_set_source_surface(cr, surface, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);  // /Interpolate true
  cairo_paint(cr);
  cairo_restore(cr);
}

// Draws `layout` at `step` in design units into the current transform, clipped to the
// slide. Mirrors DrawSlide (engine/draw/draw_slide.cpp) item by item.
void DrawLayout(DrawContext& dc, const SlideLayout& layout, int step) {
  cairo_t* cr = dc.cr;
  cairo_save(cr);
  cairo_rectangle(cr, 0, 0, layout.width, layout.height);
  cairo_clip(cr);
  if ((layout.background >> 24) != 0) {
    SetColor(cr, layout.background);
    cairo_paint(cr);
  }
  for (const LayoutItem& item : layout.items) {
    if (!VisibleAt(item, step)) continue;
    if (item.clipped) {
      cairo_save(cr);
      cairo_rectangle(cr, item.clip.x0, item.clip.y0, item.clip.width(), item.clip.height());
      cairo_clip(cr);
    }
    switch (item.kind) {
      case LayoutItemKind::kRect:
        RectPath(cr, item.rect, item.rounding);
        SetColor(cr, item.color);
        cairo_fill(cr);
        break;
      case LayoutItemKind::kRectOutline:
        RectPath(cr, item.rect, item.rounding);
        SetColor(cr, item.color);
        cairo_set_line_width(cr, item.thickness);
        cairo_stroke(cr);
        break;
      case LayoutItemKind::kLine:
        cairo_move_to(cr, item.rect.x0, item.rect.y0);
        cairo_line_to(cr, item.rect.x1, item.rect.y1);
        SetColor(cr, item.color);
        cairo_set_line_width(cr, item.thickness);
        cairo_stroke(cr);
        break;
      case LayoutItemKind::kCircle: {
        SetColor(cr, item.color);
        float radius = item.thickness;
        cairo_new_sub_path(cr);
        if (item.outline) {
          cairo_arc(cr, item.rect.x0, item.rect.y0, radius * 0.85, 0, 2 * std::numbers::pi);
          cairo_set_line_width(cr, radius * 0.3);
          cairo_stroke(cr);
        } else {
          cairo_arc(cr, item.rect.x0, item.rect.y0, radius, 0, 2 * std::numbers::pi);
          cairo_fill(cr);
        }
        break;
      }
      case LayoutItemKind::kGlyphs:
        DrawGlyphs(dc, item);
        break;
      case LayoutItemKind::kImage:
        DrawImage(dc, item);
        break;
      case LayoutItemKind::kPolygon:
      case LayoutItemKind::kPolyline: {
        if (item.points.size() < 2) break;
        cairo_new_path(cr);
        for (const LayoutPoint& p : item.points) cairo_line_to(cr, item.rect.x0 + p.x, item.rect.y0 + p.y);
        if (item.kind == LayoutItemKind::kPolygon) cairo_close_path(cr);
        SetColor(cr, item.color);
        if (item.kind == LayoutItemKind::kPolygon && !item.outline) {
          cairo_fill(cr);
        } else {
          cairo_set_line_width(cr, item.thickness);
          cairo_stroke(cr);
        }
        break;
      }
    }
    if (item.clipped) cairo_restore(cr);
  }
  for (const LayoutLink& link : layout.links) {
    if (link.step > step || !IsExternalLink(link.href)) continue;
    // cairo reads `rect` in page points from the top-left, whatever the transform.
    double x0 = link.rect.x0, y0 = link.rect.y0, x1 = link.rect.x1, y1 = link.rect.y1;
    cairo_user_to_device(cr, &x0, &y0);
    cairo_user_to_device(cr, &x1, &y1);
    char rect[128];
    std::snprintf(rect, sizeof rect, " rect=[%.2f %.2f %.2f %.2f]", std::min(x0, x1),
                  std::min(y0, y1), std::fabs(x1 - x0), std::fabs(y1 - y0));
    std::string attributes = "uri=" + QuoteAttribute(link.href) + rect;
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.c_str());
    cairo_tag_end(cr, CAIRO_TAG_LINK);
  }
  cairo_restore(cr);
}

// [SECTION] Speaker notes: Markdown → glyph runs ----------------------------------------

constexpr float kNotesSize = 34;          // design units: 17 pt on a 960 pt wide page
constexpr float kNotesLineHeight = 1.45f;
constexpr float kNotesIndent = 44;        // per list level
constexpr uint32_t kNotesText = 0xff303030;
constexpr uint32_t kNotesMuted = 0xff707070;
constexpr uint32_t kNotesCodeBackground = 0xffeeeeee;

// md4c callbacks that feed InlineLayouts: one flow per paragraph, heading, list item or
// code block, emitted one under the other.
class NotesBuilder {
 public:
  NotesBuilder(const FontSet& fonts, float width, SlideLayout* out)
      : fonts_(fonts), width_(width), out_(out) {}

  int EnterBlock(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        Flush();
        lists_.push_back({type == MD_BLOCK_OL,
                          type == MD_BLOCK_OL ? static_cast<int>(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start) : 1});
        break;
      case MD_BLOCK_LI: {
        Flush();
        List& list = lists_.empty() ? (lists_.push_back({}), lists_.back()) : lists_.back();
        marker_ = list.ordered ? std::to_string(list.next++) + "." : "•";
        auto* li = static_cast<MD_BLOCK_LI_DETAIL*>(detail);
        if (li->is_task) marker_ = (li->task_mark == ' ') ? "[ ]" : "[x]";
        break;
      }
      case MD_BLOCK_H:
        Flush();
        heading_ = true;
        break;
      case MD_BLOCK_QUOTE:
        Flush();
        ++quote_;
        break;
      case MD_BLOCK_CODE:
        Flush();
        code_block_ = true;
        break;
      case MD_BLOCK_P:
      case MD_BLOCK_TABLE:
        Flush();
        break;
      case MD_BLOCK_TR:
        first_cell_ = true;
        break;
      case MD_BLOCK_TD:
      case MD_BLOCK_TH:
        if (!first_cell_) Flow().AddText("    ", Style());  // cells: plain text, spaced
        first_cell_ = false;
        break;
      default:
        break;
    }
    return 0;
  }

  int LeaveBlock(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        Flush();
        if (!lists_.empty()) lists_.pop_back();
        break;
      case MD_BLOCK_H:
        Flush();
        heading_ = false;
        break;
      case MD_BLOCK_QUOTE:
        Flush();
        --quote_;
        break;
      case MD_BLOCK_CODE:
        Flush();
        code_block_ = false;
        break;
      case MD_BLOCK_TR:
        if (flow_) flow_->AddHardBreak(Style());
        break;
      case MD_BLOCK_P:
      case MD_BLOCK_LI:
      case MD_BLOCK_TABLE:
        Flush();
        break;
      default:
        break;
    }
    return 0;
  }

  int EnterSpan(MD_SPANTYPE type) {
    if (type == MD_SPAN_STRONG) ++bold_;
    if (type == MD_SPAN_EM) ++italic_;
    if (type == MD_SPAN_CODE) ++code_;
    if (type == MD_SPAN_DEL) ++strike_;
    return 0;
  }
  int LeaveSpan(MD_SPANTYPE type) {
    if (type == MD_SPAN_STRONG) --bold_;
    if (type == MD_SPAN_EM) --italic_;
    if (type == MD_SPAN_CODE) --code_;
    if (type == MD_SPAN_DEL) --strike_;
    return 0;
  }

  int Text(MD_TEXTTYPE type, std::string_view text) {
    InlineLayout& flow = Flow();
    switch (type) {
      case MD_TEXT_SOFTBR:
        flow.AddSoftBreak(Style());
        break;
      case MD_TEXT_BR:
        flow.AddHardBreak(Style());
        break;
      case MD_TEXT_NULLCHAR:
        flow.AddText("\uFFFD", Style());
        break;
      case MD_TEXT_ENTITY:
        flow.AddText(parse::DecodeEntity(text), Style());
        break;
      case MD_TEXT_HTML:
        break;  // never reached with MD_FLAG_NOHTML
      default:
        // Code blocks come line by line, each followed by "\n".
        for (size_t start = 0; start <= text.size();) {
          size_t nl = text.find('\n', start);
          std::string_view piece = text.substr(start, nl == std::string_view::npos ? nl : nl - start);
          if (!piece.empty()) flow.AddText(piece, Style());
          if (nl == std::string_view::npos) break;
          if (nl + 1 < text.size() || !code_block_) flow.AddHardBreak(Style());
          else pending_code_break_ = true;
          start = nl + 1;
        }
        break;
    }
    return 0;
  }

  void Finish() {
    Flush();
    out_->height = std::max(0.0f, y_ - Gap());
  }

 private:
  struct List {
    bool ordered = false;
    int next = 1;
  };

  float Gap() const { return kNotesSize * 0.55f; }
  float Indent() const { return kNotesIndent * (static_cast<float>(lists_.size()) + quote_); }

  TextStyle Style() const {
    TextStyle s;
    s.size = heading_ ? kNotesSize * 1.15f : kNotesSize;
    s.color = quote_ > 0 ? kNotesMuted : kNotesText;
    bool bold = bold_ > 0 || heading_;
    if (code_ > 0 || code_block_) {
      s.font = bold ? FontRole::kMonoBold : FontRole::kMono;
      s.size *= 0.9f;
      if (code_ > 0) s.background = kNotesCodeBackground;
    } else if (bold) {
      s.font = italic_ > 0 ? FontRole::kSansBoldItalic : FontRole::kSansBold;
    } else {
      s.font = italic_ > 0 ? FontRole::kSansItalic : FontRole::kSans;
    }
    s.strike = strike_ > 0;
    return s;
  }

  InlineLayout& Flow() {
    if (pending_code_break_) {
      pending_code_break_ = false;
      if (flow_) flow_->AddHardBreak(Style());
    }
    if (!flow_) flow_ = std::make_unique<InlineLayout>(fonts_);
    return *flow_;
  }

  void Flush() {
    pending_code_break_ = false;
    if (!flow_ || flow_->empty()) {
      flow_.reset();
      return;
    }
    float indent = Indent();
    float line_height = kNotesLineHeight;
    float box = std::max(kNotesSize * 4, width_ - indent);
    float pad = code_block_ ? kNotesSize * 0.5f : 0;  // code blocks sit on a tinted box
    float height = flow_->Layout(box - 2 * pad, line_height);
    if (code_block_) {
      LayoutItem back;
      back.kind = LayoutItemKind::kRect;
      back.rect = {indent, y_, indent + box, y_ + height + 2 * pad};
      back.color = kNotesCodeBackground;
      back.rounding = 8;
      out_->items.push_back(back);
    }
    float text_x = indent + pad;
    if (!marker_.empty()) {
      // Hanging: the marker ends a little before the item's text, but never reaches into
      // the parent's indent; a wide marker ("[x]") pushes the text right instead.
      InlineLayout marker(fonts_);
      TextStyle s = Style();
      s.font = FontRole::kSans;
      s.background = 0;
      s.strike = false;
      marker.AddText(marker_, s);
      marker.Layout(width_, line_height);
      constexpr float kMarkerGap = 12;
      float left = std::max(indent - kNotesIndent, indent - kMarkerGap - marker.width());
      marker.Emit(left, y_, marker.width(), Align::kLeft, 0, out_);
      float pushed = left + marker.width() + kMarkerGap - indent;
      if (pushed > 0) {
        text_x += pushed;
        box -= pushed;
        height = flow_->Layout(box - 2 * pad, line_height);
      }
      marker_.clear();
    }
    flow_->Emit(text_x, y_ + pad, box - 2 * pad, Align::kLeft, 0, out_);
    y_ += height + 2 * pad + Gap();
    flow_.reset();
  }

  const FontSet& fonts_;
  float width_;
  SlideLayout* out_;
  std::unique_ptr<InlineLayout> flow_;
  std::vector<List> lists_;
  std::string marker_;  // list marker waiting for its item's first line
  float y_ = 0;
  int bold_ = 0, italic_ = 0, code_ = 0, strike_ = 0, quote_ = 0;
  bool heading_ = false, code_block_ = false, pending_code_break_ = false, first_cell_ = true;
};

// [SECTION] Pages and the file -----------------------------------------------------------

void CollectBlockText(const Block& block, std::set<char32_t>* out) {
  for (const Span& span : block.spans) AddCodePoints(span.text, out);
  AddCodePoints(block.text, out);
  for (const auto& row : block.table.rows)
    for (const TableCell& cell : row)
      for (const Span& span : cell.spans) AddCodePoints(span.text, out);
  for (const Block& child : block.children) CollectBlockText(child, out);
}

// Every code point the deck's pages may draw (see PdfFonts).
std::set<char32_t> CollectDeckText(const Deck& deck, const std::vector<SlideLayout>& layouts) {
  std::set<char32_t> text;
  for (const std::string* s : {&deck.meta.title, &deck.meta.author, &deck.meta.date})
    AddCodePoints(*s, &text);
  for (const Slide& slide : deck.slides) {
    AddCodePoints(slide.title, &text);
    AddCodePoints(slide.notes, &text);
    AddCodePoints(slide.style.header, &text);
    AddCodePoints(slide.style.footer, &text);
    for (const Block& block : slide.blocks) CollectBlockText(block, &text);
  }
  for (const SlideLayout& layout : layouts) AddCodePoints(layout.text, &text);
  return text;
}

struct OutputFile {
  std::FILE* file = nullptr;
  bool failed = false;
};

cairo_status_t WriteToFile(void* closure, const unsigned char* data, unsigned int length) {
  auto* out = static_cast<OutputFile*>(closure);
  if (std::fwrite(data, 1, length, out->file) != length) {
    out->failed = true;
    return CAIRO_STATUS_WRITE_ERROR;
  }
  return CAIRO_STATUS_SUCCESS;
}

// A fresh file next to `path` (same folder, so the rename cannot cross file systems).
std::FILE* OpenTemporary(const std::string& path, std::string* temp_path) {
  static std::atomic<int> counter{0};
  for (int attempt = 0; attempt < 100; ++attempt) {
    *temp_path = path + ".tmp-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
    if (std::FILE* f = std::fopen(temp_path->c_str(), "wbx")) return f;
    if (errno != EEXIST) break;
  }
  return nullptr;
}

// Handout geometry, in design units of the slide's width.
struct HandoutPage {
  float margin = 0;
  float slide_scale = 1;  // the slide drawn at this scale at (margin, margin)
  float notes_top = 0;
  float height = 0;
};

HandoutPage PlanHandout(const SlideLayout& slide, float notes_height) {
  HandoutPage page;
  page.margin = slide.width * 0.05f;
  page.slide_scale = (slide.width - 2 * page.margin) / slide.width;
  page.notes_top = page.margin + slide.height * page.slide_scale + page.margin * 0.75f;
  // Portrait, √2 like ISO paper; taller when the notes need it.
  page.height = std::max(std::ceil(slide.width * 1.41421356f),
                         std::ceil(page.notes_top + notes_height + page.margin));
  return page;
}

bool SameFile(const std::string& a, const std::string& b) {
  std::error_code ec;
  return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

}  // namespace

SlideLayout LayoutNotes(const std::string& notes_markdown, float width, const FontSet& fonts) {
  SlideLayout out;
  out.width = width;
  out.height = 0;
  out.background = 0;
  NotesBuilder builder(fonts, width, &out);
  MD_PARSER parser{};
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS |
                 MD_FLAG_PERMISSIVEAUTOLINKS | MD_FLAG_NOHTML;
  parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) {
    return static_cast<NotesBuilder*>(u)->EnterBlock(t, d);
  };
  parser.leave_block = [](MD_BLOCKTYPE t, void*, void* u) {
    return static_cast<NotesBuilder*>(u)->LeaveBlock(t);
  };
  parser.enter_span = [](MD_SPANTYPE t, void*, void* u) {
    return static_cast<NotesBuilder*>(u)->EnterSpan(t);
  };
  parser.leave_span = [](MD_SPANTYPE t, void*, void* u) {
    return static_cast<NotesBuilder*>(u)->LeaveSpan(t);
  };
  parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
    return static_cast<NotesBuilder*>(u)->Text(t, std::string_view(s, n));
  };
  std::string clean = SanitizeUtf8(notes_markdown, nullptr);
  md_parse(clean.data(), static_cast<MD_SIZE>(clean.size()), &parser, &builder);
  builder.Finish();
  return out;
}

bool ExportPdf(const LoadedDeck& deck, const std::vector<SlideLayout>& layouts,
               const FontSet& fonts, const PdfOptions& options, const std::string& path,
               std::string* error) {
  auto fail = [&](std::string message) {
    if (error) *error = std::move(message);
    return false;
  };
  if (layouts.empty()) return fail("the deck has no slides");
  if (path.empty()) return fail("no output file given");
  if (SameFile(path, deck.path)) return fail("refusing to write over the deck '" + path + "'");
  const double ppu = options.points_per_unit > 0 ? options.points_per_unit : 0.5;

  PdfFonts pdf_fonts(fonts, CollectDeckText(deck.deck, layouts));
  PdfImages pdf_images(deck.images);
  std::string draw_error;
  DrawContext dc{nullptr, pdf_fonts, pdf_images, &draw_error};

  // Handout notes, laid out once per slide.
  std::vector<SlideLayout> notes(options.notes ? layouts.size() : 0);
  for (size_t i = 0; i < notes.size(); ++i) {
    const std::string& md = i < deck.deck.slides.size() ? deck.deck.slides[i].notes : std::string();
    const HandoutPage plan = PlanHandout(layouts[i], 0);
    notes[i] = LayoutNotes(md, layouts[i].width - 2 * plan.margin, fonts);
  }

  std::string temp_path;
  OutputFile out;
  out.file = OpenTemporary(path, &temp_path);
  if (!out.file) return fail("cannot create a file next to '" + path + "': " + std::strerror(errno));

  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(WriteToFile, &out, layouts[0].width * ppu, layouts[0].height * ppu);
  cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5);
  const DeckMeta& meta = deck.deck.meta;
  std::string title = !meta.title.empty() ? meta.title
                      : !deck.deck.slides.empty() ? deck.deck.slides[0].title
                                                  : std::string();
  if (!title.empty()) cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  if (!meta.author.empty())
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, meta.author.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Podium deckc");
  // Reproducible builds: the same deck gives the same bytes when SOURCE_DATE_EPOCH is set
  // (the creation date is the only thing that otherwise changes between runs).
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    std::time_t t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
    std::tm utc{};
    char date[32];
    if (gmtime_r(&t, &utc) && std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &utc))
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  }

  cairo_t* cr = cairo_create(surface);
  dc.cr = cr;
  cairo_font_options_t* font_options = cairo_font_options_create();
  cairo_font_options_set_hint_style(font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(font_options, CAIRO_HINT_METRICS_OFF);
  cairo_set_font_options(cr, font_options);
  cairo_font_options_destroy(font_options);

  int page = 0;
  for (size_t i = 0; i < layouts.size() && draw_error.empty(); ++i) {
    const SlideLayout& layout = layouts[i];
    int steps = options.steps ? std::max(1, layout.steps) : 1;
    for (int s = 0; s < steps && draw_error.empty(); ++s) {
      int step = options.steps ? s : std::max(0, layout.steps - 1);
      double page_width = layout.width * ppu, page_height = layout.height * ppu;
      HandoutPage handout;
      if (options.notes) {
        handout = PlanHandout(layout, notes[i].height);
        page_height = handout.height * ppu;
      }
      cairo_pdf_surface_set_size(surface, page_width, page_height);
      ++page;
      if (s == 0) {
        const std::string& slide_title = i < deck.deck.slides.size() ? deck.deck.slides[i].title : "";
        std::string name = std::to_string(i + 1) + ". " + (slide_title.empty() ? "Slide " + std::to_string(i + 1) : slide_title);
        std::string target = "page=" + std::to_string(page);
        cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, name.c_str(), target.c_str(),
                                      cairo_pdf_outline_flags_t(0));
      }
      cairo_save(cr);
      cairo_scale(cr, ppu, ppu);
      if (options.notes) {
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_save(cr);
        cairo_translate(cr, handout.margin, handout.margin);
        cairo_scale(cr, handout.slide_scale, handout.slide_scale);
        DrawLayout(dc, layout, step);
        cairo_rectangle(cr, 0, 0, layout.width, layout.height);
        cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
        cairo_set_line_width(cr, 2 / handout.slide_scale);
        cairo_stroke(cr);
        cairo_restore(cr);
        cairo_translate(cr, handout.margin, handout.notes_top);
        DrawLayout(dc, notes[i], 0);
      } else {
        DrawLayout(dc, layout, step);
      }
      cairo_restore(cr);
      cairo_show_page(cr);
      if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) break;
    }
  }
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  bool closed = std::fclose(out.file) == 0;

  std::string problem;
  if (!draw_error.empty()) problem = draw_error;
  else if (out.failed || !closed) problem = "cannot write '" + temp_path + "' (disk full?)";
  else if (status != CAIRO_STATUS_SUCCESS) problem = std::string("cairo: ") + cairo_status_to_string(status);
  std::error_code ec;
  if (problem.empty()) {
    fs::rename(temp_path, path, ec);
    if (ec) problem = "cannot rename '" + temp_path + "' to '" + path + "': " + ec.message();
  }
  if (!problem.empty()) {
    fs::remove(temp_path, ec);
    return fail(problem);
  }
  return true;
}

// [SECTION] NotesMarkdown ----------------------------------------------------------------

std::string NotesMarkdown(const Deck& deck) {
  std::string out;
  if (!deck.meta.title.empty()) out += "# " + deck.meta.title + " — notes\n\n";
  for (const Slide& slide : deck.slides) {
    out += "## Slide " + std::to_string(slide.index + 1);
    if (!slide.title.empty()) out += " — " + slide.title;
    out += "\n\n";
    std::string_view notes = slide.notes;
    while (!notes.empty() && (notes.back() == '\n' || notes.back() == ' ')) notes.remove_suffix(1);
    if (!notes.empty()) out += std::string(notes) + "\n\n";
  }
  return out;
}

}  // namespace podium::tools
