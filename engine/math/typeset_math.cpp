// The math typesetter.
//
// [SECTION] Boxes and styles
// [SECTION] Math alphanumerics (\mathbf, italic letters …)
// [SECTION] The typesetter: glyphs, stretchy glyphs, rows and spacing
// [SECTION] Constructions: scripts, limits, fractions, radicals, delimiters, accents, matrices
// [SECTION] Entry point
#include "math/typeset_math.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "math/math_table.h"
#include "text/utf8.h"

namespace podium {
namespace {

// [SECTION] Boxes and styles ---------------------------------------------------------------

// A piece of formula: items relative to its baseline's left end (y down, as in LayoutBox).
struct Box {
  float width = 0, ascent = 0, descent = 0;
  float italic = 0;       // italics correction of a lone glyph (superscripts move by it)
  float accent_x = 0;     // top accent attachment of a lone glyph (lone_glyph only)
  bool lone_glyph = false;  // one character: its scripts are placed from shift 0
  std::vector<LayoutItem> items;
};

// Moves `b` into `into` at x, raised by `up`.
void Place(Box& into, Box&& b, float x, float up) {
  for (LayoutItem& item : b.items) {
    item.rect.x0 += x;
    item.rect.x1 += x;
    item.rect.y0 -= up;
    item.rect.y1 -= up;
    into.items.push_back(std::move(item));
  }
  into.ascent = std::max(into.ascent, b.ascent + up);
  into.descent = std::max(into.descent, b.descent - up);
}

// A filled rule from x0 to x1 whose bottom is `bottom` above the baseline.
void AddRule(Box& into, float x0, float x1, float bottom, float thickness, uint32_t color) {
  LayoutItem rule;
  rule.kind = LayoutItemKind::kRect;
  rule.color = color;
  rule.rect = {x0, -(bottom + thickness), x1, -bottom};
  into.items.push_back(rule);
  into.ascent = std::max(into.ascent, bottom + thickness);
  into.descent = std::max(into.descent, -bottom);
}

// TeX's styles: 0 display, 1 text, 2 script, 3 scriptscript; cramped ones raise
// superscripts less.
struct Style {
  int level = 1;
  bool cramped = false;
};
Style SupStyle(Style s) { return {s.level < 2 ? 2 : 3, s.cramped}; }
Style SubStyle(Style s) { return {s.level < 2 ? 2 : 3, true}; }
Style NumStyle(Style s) { return {s.level == 0 ? 1 : s.level == 1 ? 2 : 3, s.cramped}; }
Style DenStyle(Style s) { return {NumStyle(s).level, true}; }
Style Cramped(Style s) { return {s.level, true}; }

struct Context {
  Style style;
  MathVariant variant = MathVariant::kDefault;
  uint32_t color = 0xff000000;
};

Context With(Context c, Style s) {
  c.style = s;
  return c;
}

// Space between atoms, TeXbook p. 170: 1 thin (3 mu), 2 medium (4 mu), 3 thick (5 mu);
// negative entries only in display and text style.
constexpr int8_t kSpacing[8][8] = {
    //        ord op bin rel open close punct inner
    /*ord*/ {0, 1, -2, -3, 0, 0, 0, -1},
    /*op*/ {1, 1, 0, -3, 0, 0, 0, -1},
    /*bin*/ {-2, -2, 0, 0, -2, 0, 0, -2},
    /*rel*/ {-3, -3, 0, 0, -3, 0, 0, -3},
    /*open*/ {0, 0, 0, 0, 0, 0, 0, 0},
    /*close*/ {0, 1, -2, -3, 0, 0, 0, -1},
    /*punct*/ {-1, -1, 0, -1, -1, -1, -1, -1},
    /*inner*/ {-1, 1, -2, -3, -1, 0, -1, -1},
};
constexpr float kSpacingMu[4] = {0, 3, 4, 5};

// TeX's \delimiterfactor and \delimitershortfall, and \nulldelimiterspace (em).
constexpr float kDelimiterFactor = 0.901f;
constexpr float kDelimiterShortfall = 0.5f;
constexpr float kNullDelimiterSpace = 0.12f;
// Extender repetitions in one glyph assembly: beyond this a delimiter stops growing.
constexpr int kMaxAssemblyRepeats = 200;

// [SECTION] Math alphanumerics ---------------------------------------------------------------

// Position of a Greek letter in the Unicode math alphabets (capital Alpha = 0 … ϖ = 57),
// or -1.
int GreekIndex(char32_t c) {
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return static_cast<int>(c - 0x391);
  if (c == 0x3F4) return 17;  // ϴ takes the unused slot
  if (c == 0x2207) return 25;  // ∇
  if (c >= 0x3B1 && c <= 0x3C9) return static_cast<int>(c - 0x3B1) + 26;
  switch (c) {
    case 0x2202: return 51;  // ∂
    case 0x3F5: return 52;   // ϵ
    case 0x3D1: return 53;   // ϑ
    case 0x3F0: return 54;   // ϰ
    case 0x3D5: return 55;   // ϕ
    case 0x3F1: return 56;   // ϱ
    case 0x3D6: return 57;   // ϖ
    default: return -1;
  }
}

// Letterlike symbols that stand in for the holes of the math alphabets.
char32_t LetterlikeHole(MathVariant v, char c) {
  struct Hole {
    MathVariant v;
    char c;
    char32_t cp;
  };
  static constexpr Hole kHoles[] = {
      {MathVariant::kItalic, 'h', 0x210E},       {MathVariant::kCalligraphic, 'B', 0x212C},
      {MathVariant::kCalligraphic, 'E', 0x2130}, {MathVariant::kCalligraphic, 'F', 0x2131},
      {MathVariant::kCalligraphic, 'H', 0x210B}, {MathVariant::kCalligraphic, 'I', 0x2110},
      {MathVariant::kCalligraphic, 'L', 0x2112}, {MathVariant::kCalligraphic, 'M', 0x2133},
      {MathVariant::kCalligraphic, 'R', 0x211B}, {MathVariant::kCalligraphic, 'e', 0x212F},
      {MathVariant::kCalligraphic, 'g', 0x210A}, {MathVariant::kCalligraphic, 'o', 0x2134},
      {MathVariant::kFraktur, 'C', 0x212D},      {MathVariant::kFraktur, 'H', 0x210C},
      {MathVariant::kFraktur, 'I', 0x2111},      {MathVariant::kFraktur, 'R', 0x211C},
      {MathVariant::kFraktur, 'Z', 0x2128},      {MathVariant::kBlackboard, 'C', 0x2102},
      {MathVariant::kBlackboard, 'H', 0x210D},   {MathVariant::kBlackboard, 'N', 0x2115},
      {MathVariant::kBlackboard, 'P', 0x2119},   {MathVariant::kBlackboard, 'Q', 0x211A},
      {MathVariant::kBlackboard, 'R', 0x211D},   {MathVariant::kBlackboard, 'Z', 0x2124},
  };
  for (const Hole& h : kHoles)
    if (h.v == v && h.c == c) return h.cp;
  return 0;
}

// The character drawn for `c` in alphabet `v`: 'x' → U+1D465 (italic x), \mathbb{R} → ℝ.
char32_t MathAlphanumeric(char32_t c, MathVariant v) {
  bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z', digit = c >= '0' && c <= '9';
  int greek = GreekIndex(c);
  if (v == MathVariant::kDefault) {
    if (upper || lower) v = MathVariant::kItalic;
    else if (greek >= 26 && greek != 51) return 0x1D6E2 + greek;  // lower-case Greek: italic
    else return c;
  }
  if (upper || lower) {
    if (char32_t hole = LetterlikeHole(v, static_cast<char>(c))) return hole;
    int index = upper ? static_cast<int>(c - 'A') : 26 + static_cast<int>(c - 'a');
    switch (v) {
      case MathVariant::kBold: return 0x1D400 + index;
      case MathVariant::kItalic: return 0x1D434 + index;
      case MathVariant::kBoldItalic: return 0x1D468 + index;
      case MathVariant::kCalligraphic: return 0x1D49C + index;
      case MathVariant::kFraktur: return 0x1D504 + index;
      case MathVariant::kBlackboard: return 0x1D538 + index;
      case MathVariant::kSansSerif: return 0x1D5A0 + index;
      case MathVariant::kMonospace: return 0x1D670 + index;
      default: return c;
    }
  }
  if (digit) {
    int index = static_cast<int>(c - '0');
    switch (v) {
      case MathVariant::kBold:
      case MathVariant::kBoldItalic: return 0x1D7CE + index;
      case MathVariant::kBlackboard: return 0x1D7D8 + index;
      case MathVariant::kSansSerif: return 0x1D7E2 + index;
      case MathVariant::kMonospace: return 0x1D7F6 + index;
      default: return c;
    }
  }
  if (greek >= 0) {
    switch (v) {
      case MathVariant::kBold: return 0x1D6A8 + greek;
      case MathVariant::kItalic: return 0x1D6E2 + greek;
      case MathVariant::kBoldItalic: return 0x1D71C + greek;
      default: return c;
    }
  }
  return c;
}

bool IsCombining(char32_t c) { return (c >= 0x300 && c < 0x370) || (c >= 0x20D0 && c < 0x2100); }

// [SECTION] The typesetter --------------------------------------------------------------------

class Typesetter {
 public:
  Typesetter(const FontSet& fonts, float size, uint32_t error_color)
      : fonts_(fonts),
        math_font_(fonts.Get(FontRole::kMath)),
        table_(math_font_),
        c_(table_.constants()),
        size_(size),
        error_color_(error_color) {}

  Box Row(const MathNode& row, const Context& ctx) {
    if (row.kind != MathNodeKind::kRow) return Node(row, ctx);
    std::vector<Atom> atoms;
    Collect(row.children, ctx, atoms);
    return Join(atoms);
  }

 private:
  struct Atom {
    MathAtom cls = MathAtom::kOrd;
    Box box;
    bool space = false;  // an explicit space (\quad): no class, no inter-atom spacing
    int level = 1;
  };

  struct Metrics {
    float advance = 0, x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // em, y up
  };

  float Em(Style s) const {
    return size_ * (s.level == 2 ? c_.script_scale : s.level == 3 ? c_.script_script_scale : 1.0f);
  }

  const Metrics& GlyphMetrics(const Font* font, int glyph) {
    uint64_t key = (reinterpret_cast<uintptr_t>(font) << 20) ^ static_cast<uint64_t>(glyph);
    auto it = metrics_.find(key);
    if (it != metrics_.end()) return it->second;
    Metrics m;
    m.advance = font->Advance(glyph, 1.0f);
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (stbtt_GetGlyphBox(&font->info(), glyph, &x0, &y0, &x1, &y1)) {
      float s = font->Scale(1.0f);
      m.x0 = x0 * s, m.y0 = y0 * s, m.x1 = x1 * s, m.y1 = y1 * s;
    }
    return metrics_.emplace(key, m).first->second;
  }

  // One glyph of a resolved face as a box.
  Box GlyphBox(FontRole role, const Font* font, int glyph, float em, uint32_t color) {
    const Metrics& m = GlyphMetrics(font, glyph);
    Box b;
    b.width = m.advance * em;
    b.ascent = std::max(0.0f, m.y1 * em);
    b.descent = std::max(0.0f, -m.y0 * em);
    b.lone_glyph = true;
    std::optional<float> attach;
    if (font == math_font_) {
      b.italic = table_.ItalicsCorrection(glyph) * em;
      attach = table_.TopAccentAttachment(glyph);
    }
    b.accent_x = attach ? *attach * em : m.x1 > m.x0 ? (m.x0 + m.x1) * 0.5f * em : b.width * 0.5f;
    LayoutItem item;
    item.kind = LayoutItemKind::kGlyphs;
    item.font = role;
    item.font_size = em;
    item.color = color;
    item.glyphs.push_back({glyph, 0});
    item.rect = {0, 0, b.width, em * 0.3f};
    b.items.push_back(std::move(item));
    return b;
  }

  // The face and glyph that draw `c`: the math face first, then the text faces.
  FontSet::Resolved Find(char32_t c) const {
    if (math_font_) {
      if (int glyph = math_font_->GlyphIndex(c)) return {FontRole::kMath, math_font_, glyph};
    }
    return fonts_.Resolve(c, FontRole::kSans);
  }

  // A character in the context's alphabet; nothing (an empty box) when no face has it.
  Box CharBox(char32_t c, const Context& ctx, MathVariant variant) {
    float em = Em(ctx.style);
    char32_t mapped = MathAlphanumeric(c, variant);
    FontSet::Resolved r = Find(mapped);
    if (!r.font && mapped != c) r = Find(c);
    if (!r.font) return Box{};
    return GlyphBox(r.role, r.font, r.glyph, em, ctx.color);
  }

  // Text in the slide's text faces (\text, error source), at the text size.
  Box TextBox(std::string_view utf8, const Context& ctx, FontRole role, uint32_t color) {
    float em = Em(ctx.style) / kMathTextScale;
    Box b;
    size_t offset = 0;
    LayoutItem* run = nullptr;
    int previous_glyph = 0;
    FontRole previous_role = role;
    while (offset < utf8.size()) {
      char32_t c = DecodeNext(utf8, offset);
      FontSet::Resolved r = fonts_.Resolve(c, role);
      if (!r.font) continue;
      if (run && r.role == previous_role) b.width += r.font->Kerning(previous_glyph, r.glyph, em);
      const Metrics& m = GlyphMetrics(r.font, r.glyph);
      if (!run || r.role != previous_role) {
        LayoutItem item;
        item.kind = LayoutItemKind::kGlyphs;
        item.font = r.role;
        item.font_size = em;
        item.color = color;
        item.rect = {b.width, 0, b.width, em * 0.3f};
        b.items.push_back(std::move(item));
        run = &b.items.back();
      }
      if (m.x1 > m.x0) {
        run->glyphs.push_back({r.glyph, b.width - run->rect.x0});
        b.ascent = std::max(b.ascent, m.y1 * em);
        b.descent = std::max(b.descent, -m.y0 * em);
      }
      b.width += m.advance * em;
      run->rect.x1 = b.width;
      previous_glyph = r.glyph;
      previous_role = r.role;
    }
    std::erase_if(b.items, [](const LayoutItem& item) { return item.glyphs.empty(); });
    return b;
  }

  // The glyph of `c` grown to at least `target` (em-scaled design pixels) through the
  // font's size variants, then its glyph assembly. Without a math face: the plain glyph.
  Box Stretchy(char32_t c, float target, bool vertical, float em, uint32_t color) {
    FontSet::Resolved r = Find(c);
    if (!r.font) return Box{};
    if (r.font != math_font_) return GlyphBox(r.role, r.font, r.glyph, em, color);
    std::vector<MathTable::Variant> variants = table_.Variants(r.glyph, vertical);
    for (const MathTable::Variant& v : variants) {
      float extent = v.advance;
      if (vertical) {
        const Metrics& m = GlyphMetrics(math_font_, v.glyph);
        extent = std::max(extent, m.y1 - m.y0);
      }
      if (extent * em >= target) return GlyphBox(FontRole::kMath, math_font_, v.glyph, em, color);
    }
    std::vector<MathTable::Part> parts = table_.Assembly(r.glyph, vertical);
    if (!parts.empty()) return Assemble(parts, target, vertical, em, color);
    int glyph = variants.empty() ? r.glyph : variants.back().glyph;
    return GlyphBox(FontRole::kMath, math_font_, glyph, em, color);
  }

  // A glyph assembly (OpenType MATH GlyphAssembly) at least `target` long: extenders
  // repeated as few times as needed, overlaps spread evenly between the connectors.
  Box Assemble(const std::vector<MathTable::Part>& parts, float target, bool vertical, float em,
               uint32_t color) {
    float min_overlap = table_.min_connector_overlap() * em;
    bool has_extender = false;
    for (const MathTable::Part& p : parts) has_extender |= p.extender;
    std::vector<const MathTable::Part*> chosen;
    for (int repeats = has_extender ? 1 : 0; repeats <= kMaxAssemblyRepeats; ++repeats) {
      chosen.clear();
      float total = 0;
      for (const MathTable::Part& p : parts) {
        int copies = p.extender ? repeats : 1;
        for (int i = 0; i < copies; ++i) chosen.push_back(&p), total += p.full_advance * em;
      }
      total -= min_overlap * static_cast<float>(chosen.size() > 0 ? chosen.size() - 1 : 0);
      if (total >= target || !has_extender) break;
    }
    if (chosen.empty()) return Box{};
    float sum = 0;
    float max_overlap = 1e9f;
    for (size_t i = 0; i < chosen.size(); ++i) {
      sum += chosen[i]->full_advance * em;
      if (i + 1 < chosen.size())
        max_overlap = std::min(max_overlap, std::min(chosen[i]->end_connector, chosen[i + 1]->start_connector) * em);
    }
    float overlap = min_overlap;
    if (chosen.size() > 1) {
      overlap = (sum - target) / static_cast<float>(chosen.size() - 1);
      overlap = std::clamp(overlap, min_overlap, std::max(min_overlap, max_overlap));
    }
    Box b;
    float cursor = 0;
    for (const MathTable::Part* p : chosen) {
      Box piece = GlyphBox(FontRole::kMath, math_font_, p->glyph, em, color);
      if (vertical) {
        const Metrics& m = GlyphMetrics(math_font_, p->glyph);
        Place(b, std::move(piece), 0, cursor - m.y0 * em);
        b.width = std::max(b.width, GlyphMetrics(math_font_, p->glyph).advance * em);
      } else {
        Place(b, std::move(piece), cursor, 0);
      }
      cursor += p->full_advance * em - overlap;
    }
    if (!vertical) b.width = cursor + overlap;
    return b;
  }

  // Raise that centres a box on the math axis.
  float OnAxis(const Box& b, float em) const {
    return c_.axis_height * em - (b.ascent - b.descent) * 0.5f;
  }

  static MathAtom ClassOf(const MathNode& n) {
    switch (n.kind) {
      case MathNodeKind::kSymbol:
      case MathNodeKind::kBigDelimiter:
      case MathNodeKind::kUnderOver: return n.atom;
      case MathNodeKind::kOperator: return MathAtom::kOp;
      case MathNodeKind::kScripts: return ClassOf(n.children[0]);
      case MathNodeKind::kFraction:
      case MathNodeKind::kDelimited: return MathAtom::kInner;
      case MathNodeKind::kMatrix: return n.cp || n.cp2 ? MathAtom::kInner : MathAtom::kOrd;
      default: return MathAtom::kOrd;
    }
  }

  // Flattens style switches and colours into the row, so spacing sees through them.
  void Collect(const std::vector<MathNode>& nodes, const Context& ctx, std::vector<Atom>& atoms) {
    for (const MathNode& n : nodes) {
      if (n.kind == MathNodeKind::kStyle) {
        Context inner = With(ctx, Style{std::clamp(n.style, 0, 3), false});
        for (const MathNode& child : n.children) Collect(child.children, inner, atoms);
        continue;
      }
      if (n.kind == MathNodeKind::kColor) {
        Context inner = ctx;
        if (n.color) inner.color = n.color;
        for (const MathNode& child : n.children) {
          if (child.kind == MathNodeKind::kRow) Collect(child.children, inner, atoms);
          else Collect({child}, inner, atoms);
        }
        continue;
      }
      if (n.kind == MathNodeKind::kSpace) {
        Atom a;
        a.space = true;
        a.box.width = n.space_mu / 18.0f * Em(ctx.style);
        atoms.push_back(std::move(a));
        continue;
      }
      if (n.kind == MathNodeKind::kEmpty) continue;
      Atom a;
      a.cls = ClassOf(n);
      a.level = ctx.style.level;
      a.box = Node(n, ctx);
      atoms.push_back(std::move(a));
    }
  }

  // Atoms side by side with TeX's spacing; a single atom keeps its glyph properties.
  Box Join(std::vector<Atom>& atoms) {
    // Binary operators without operands become ordinary (TeXbook rules 5 and 6).
    Atom* previous = nullptr;
    for (Atom& a : atoms) {
      if (a.space) continue;
      if (a.cls == MathAtom::kBin &&
          (!previous || previous->cls == MathAtom::kBin || previous->cls == MathAtom::kOp ||
           previous->cls == MathAtom::kRel || previous->cls == MathAtom::kOpen ||
           previous->cls == MathAtom::kPunct))
        a.cls = MathAtom::kOrd;
      if (previous && previous->cls == MathAtom::kBin &&
          (a.cls == MathAtom::kRel || a.cls == MathAtom::kClose || a.cls == MathAtom::kPunct))
        previous->cls = MathAtom::kOrd;
      previous = &a;
    }
    if (previous && previous->cls == MathAtom::kBin) previous->cls = MathAtom::kOrd;

    if (atoms.size() == 1 && !atoms[0].space) return std::move(atoms[0].box);
    Box row;
    float x = 0;
    previous = nullptr;
    for (Atom& a : atoms) {
      if (!a.space && previous) {
        int entry = kSpacing[static_cast<int>(previous->cls)][static_cast<int>(a.cls)];
        if (entry < 0 && a.level <= 1) entry = -entry;
        if (entry > 0) x += kSpacingMu[entry] / 18.0f * Em(Style{a.level, false});
      }
      float w = a.box.width;
      Place(row, std::move(a.box), x, 0);
      x += w;
      if (!a.space) previous = &a;
    }
    row.width = x;
    return row;
  }

  Box Node(const MathNode& n, const Context& ctx) {
    float em = Em(ctx.style);
    switch (n.kind) {
      case MathNodeKind::kRow: return Row(n, ctx);
      case MathNodeKind::kEmpty:
      case MathNodeKind::kSpace: return Box{};
      case MathNodeKind::kStyle:
      case MathNodeKind::kColor: {
        MathNode row;
        row.children.push_back(n);
        return Row(row, ctx);
      }
      case MathNodeKind::kSymbol: {
        if (n.atom == MathAtom::kOp) return BigOperator(n, ctx);
        Box b = CharBox(n.cp, ctx, ctx.variant);
        return b;
      }
      case MathNodeKind::kOperator: {
        Box b;
        size_t offset = 0;
        Context roman = ctx;
        while (offset < n.text.size()) {
          char32_t c = DecodeNext(n.text, offset);
          Box letter = CharBox(c, roman, MathVariant::kRoman);
          float w = letter.width;
          Place(b, std::move(letter), b.width, 0);
          b.width += w;
        }
        return b;
      }
      case MathNodeKind::kText: {
        FontRole role = n.variant == MathVariant::kBold     ? FontRole::kSansBold
                        : n.variant == MathVariant::kItalic ? FontRole::kSansItalic
                        : n.variant == MathVariant::kMonospace ? FontRole::kMono
                                                               : FontRole::kSans;
        return TextBox(n.text, ctx, role, ctx.color);
      }
      case MathNodeKind::kError: return TextBox(n.text, ctx, FontRole::kSans, error_color_);
      case MathNodeKind::kFontVariant: {
        Context inner = ctx;
        inner.variant = n.variant;
        return n.children.empty() ? Box{} : Row(n.children[0], inner);
      }
      case MathNodeKind::kScripts: return Scripts(n, ctx);
      case MathNodeKind::kFraction: return Fraction(n, ctx);
      case MathNodeKind::kRoot: return Root(n, ctx);
      case MathNodeKind::kDelimited: {
        Box content = Row(n.children[0], ctx);
        return Delimit(std::move(content), n.cp, n.cp2, ctx);
      }
      case MathNodeKind::kBigDelimiter: {
        static constexpr float kHeights[] = {1.2f, 1.8f, 2.4f, 3.0f};
        float target = kHeights[std::clamp(n.size, 1, 4) - 1] * em * 0.9f;
        Box d = Stretchy(n.cp, target, true, em, ctx.color);
        Box b;
        float w = d.width;
        Place(b, std::move(d), 0, OnAxis(d, em));
        b.width = w;
        return b;
      }
      case MathNodeKind::kAccent: return Accent(n, ctx);
      case MathNodeKind::kOverline:
      case MathNodeKind::kUnderline: {
        Box base = Row(n.children[0], With(ctx, n.kind == MathNodeKind::kOverline ? Cramped(ctx.style) : ctx.style));
        Box b;
        float w = base.width;
        float base_ascent = base.ascent, base_descent = base.descent;
        Place(b, std::move(base), 0, 0);
        b.width = w;
        if (n.kind == MathNodeKind::kOverline) {
          float t = c_.overbar_rule_thickness * em;
          AddRule(b, 0, w, base_ascent + c_.overbar_vertical_gap * em, t, ctx.color);
          b.ascent += c_.overbar_extra_ascender * em;
        } else {
          float t = c_.underbar_rule_thickness * em;
          AddRule(b, 0, w, -(base_descent + c_.underbar_vertical_gap * em) - t, t, ctx.color);
          b.descent += c_.underbar_extra_descender * em;
        }
        return b;
      }
      case MathNodeKind::kUnderOver: {
        bool any = n.children[1].kind != MathNodeKind::kEmpty || n.children[2].kind != MathNodeKind::kEmpty;
        Box base = Row(n.children[0], ctx);
        if (!any) return base;
        return Limits(std::move(base), n.children[1], n.children[2], ctx, 0);
      }
      case MathNodeKind::kMatrix: return Matrix(n, ctx);
    }
    return Box{};
  }

  // [SECTION] Constructions ---------------------------------------------------------------

  // ∑ ∫ …: the display-size variant in display style, centred on the axis.
  Box BigOperator(const MathNode& n, const Context& ctx) {
    float em = Em(ctx.style);
    FontSet::Resolved r = Find(n.cp);
    if (!r.font) return Box{};
    int glyph = r.glyph;
    if (r.font == math_font_ && ctx.style.level == 0) {
      std::vector<MathTable::Variant> variants = table_.Variants(glyph, true);
      for (const MathTable::Variant& v : variants) {
        glyph = v.glyph;
        if (v.advance >= c_.display_operator_min_height) break;
      }
    }
    Box g = GlyphBox(r.role, r.font, glyph, em, ctx.color);
    Box b;
    b.width = g.width;
    b.italic = g.italic;  // scripts are placed from the box's top and bottom (TeX's make_op)
    Place(b, std::move(g), 0, OnAxis(g, em));
    return b;
  }

  static bool IsOperator(const MathNode& n) {
    return (n.kind == MathNodeKind::kSymbol && n.atom == MathAtom::kOp) ||
           n.kind == MathNodeKind::kOperator;
  }

  Box Scripts(const MathNode& n, const Context& ctx) {
    const MathNode& base_node = n.children[0];
    const MathNode& sub_node = n.children[1];
    const MathNode& sup_node = n.children[2];
    Box base = Node(base_node, ctx);
    if (IsOperator(base_node)) {
      bool limits = base_node.limits == MathLimits::kAlways ||
                    (base_node.limits == MathLimits::kDisplayOnly && ctx.style.level == 0);
      if (limits) {
        float italic = base_node.kind == MathNodeKind::kSymbol ? base.italic : 0;
        return Limits(std::move(base), sub_node, sup_node, ctx, italic);
      }
    }
    float em = Em(ctx.style);
    bool has_sub = sub_node.kind != MathNodeKind::kEmpty;
    bool has_sup = sup_node.kind != MathNodeKind::kEmpty;
    Box sup = has_sup ? Row(sup_node, With(ctx, SupStyle(ctx.style))) : Box{};
    Box sub = has_sub ? Row(sub_node, With(ctx, SubStyle(ctx.style))) : Box{};
    // Shifts, from TeXbook rule 18 as MATH states it (MathML Core §3.4.3).
    float u = base.lone_glyph ? 0 : base.ascent - c_.superscript_baseline_drop_max * em;
    float v = base.lone_glyph ? 0 : base.descent + c_.subscript_baseline_drop_min * em;
    if (has_sup) {
      float shift = (ctx.style.cramped ? c_.superscript_shift_up_cramped : c_.superscript_shift_up) * em;
      u = std::max({u, shift, sup.descent + c_.superscript_bottom_min * em});
    }
    if (has_sub && !has_sup) {
      v = std::max({v, c_.subscript_shift_down * em, sub.ascent - c_.subscript_top_max * em});
    } else if (has_sub) {
      v = std::max(v, c_.subscript_shift_down * em);
      float gap = (u - sup.descent) - (sub.ascent - v);
      float min_gap = c_.sub_superscript_gap_min * em;
      if (gap < min_gap) {
        v += min_gap - gap;
        float lift = c_.superscript_bottom_max_with_subscript * em - (u - sup.descent);
        if (lift > 0) {
          u += lift;
          v -= lift;
        }
      }
    }
    Box b;
    float base_width = base.width;
    float italic = base.italic;
    Place(b, std::move(base), 0, 0);
    // A letter's advance leaves out its italics correction, which moves the superscript
    // out; a big operator's advance includes it, which moves the subscript in (OpenType
    // MATH, unlike TeX's fonts), so an integral's subscript tucks under its slant.
    bool op = IsOperator(base_node);
    float end = base_width;
    if (has_sup) {
      float x = op ? base_width : base_width + italic;
      end = std::max(end, x + sup.width);
      Place(b, std::move(sup), x, u);
    }
    if (has_sub) {
      float x = op ? base_width - italic : base_width;
      end = std::max(end, x + sub.width);
      Place(b, std::move(sub), x, -v);
    }
    b.width = end + c_.space_after_script * em;
    return b;
  }

  // Limits above and below an operator (display style, \limits, \overset).
  Box Limits(Box base, const MathNode& under_node, const MathNode& over_node, const Context& ctx,
             float italic) {
    float em = Em(ctx.style);
    bool has_over = over_node.kind != MathNodeKind::kEmpty;
    bool has_under = under_node.kind != MathNodeKind::kEmpty;
    Box over = has_over ? Row(over_node, With(ctx, SupStyle(ctx.style))) : Box{};
    Box under = has_under ? Row(under_node, With(ctx, SubStyle(ctx.style))) : Box{};
    float width = std::max({base.width, over.width, under.width});
    Box b;
    float base_ascent = base.ascent, base_descent = base.descent, base_width = base.width;
    Place(b, std::move(base), (width - base_width) * 0.5f, 0);
    if (has_over) {
      float up = base_ascent + std::max(c_.upper_limit_baseline_rise_min * em,
                                        c_.upper_limit_gap_min * em + over.descent);
      float w = over.width;
      Place(b, std::move(over), (width - w) * 0.5f + italic * 0.5f, up);
    }
    if (has_under) {
      float down = base_descent + std::max(c_.lower_limit_baseline_drop_min * em,
                                           c_.lower_limit_gap_min * em + under.ascent);
      float w = under.width;
      Place(b, std::move(under), (width - w) * 0.5f - italic * 0.5f, -down);
    }
    b.width = width;
    return b;
  }

  Box Fraction(const MathNode& n, const Context& ctx) {
    Style style = n.style >= 0 ? Style{n.style, ctx.style.cramped} : ctx.style;
    float em = Em(style);
    bool display = style.level == 0;
    Box num = Row(n.children[0], With(ctx, NumStyle(style)));
    Box den = Row(n.children[1], With(ctx, DenStyle(style)));
    float axis = c_.axis_height * em;
    float up, down;
    float t = n.rule ? c_.fraction_rule_thickness * em : 0;
    if (n.rule) {
      up = (display ? c_.fraction_numerator_display_style_shift_up : c_.fraction_numerator_shift_up) * em;
      down = (display ? c_.fraction_denominator_display_style_shift_down : c_.fraction_denominator_shift_down) * em;
      float gap_num = (display ? c_.fraction_num_display_style_gap_min : c_.fraction_numerator_gap_min) * em;
      float gap_den = (display ? c_.fraction_denom_display_style_gap_min : c_.fraction_denominator_gap_min) * em;
      up = std::max(up, axis + t * 0.5f + gap_num + num.descent);
      down = std::max(down, gap_den + t * 0.5f - axis + den.ascent);
    } else {
      up = (display ? c_.stack_top_display_style_shift_up : c_.stack_top_shift_up) * em;
      down = (display ? c_.stack_bottom_display_style_shift_down : c_.stack_bottom_shift_down) * em;
      float gap_min = (display ? c_.stack_display_style_gap_min : c_.stack_gap_min) * em;
      float gap = (up - num.descent) - (den.ascent - down);
      if (gap < gap_min) {
        up += (gap_min - gap) * 0.5f;
        down += (gap_min - gap) * 0.5f;
      }
    }
    float pad = kNullDelimiterSpace * em;
    float inner = std::max(num.width, den.width);
    Box b;
    float nw = num.width, dw = den.width;
    Place(b, std::move(num), pad + (inner - nw) * 0.5f, up);
    Place(b, std::move(den), pad + (inner - dw) * 0.5f, -down);
    if (n.rule) AddRule(b, pad, pad + inner, axis - t * 0.5f, t, ctx.color);
    b.width = inner + 2 * pad;
    if (!n.rule) return Delimit(std::move(b), '(', ')', With(ctx, style));
    return b;
  }

  Box Root(const MathNode& n, const Context& ctx) {
    float em = Em(ctx.style);
    Box radicand = Row(n.children[0], With(ctx, Cramped(ctx.style)));
    float t = c_.radical_rule_thickness * em;
    float gap = (ctx.style.level == 0 ? c_.radical_display_style_vertical_gap : c_.radical_vertical_gap) * em;
    float target = radicand.ascent + radicand.descent + gap + t;
    Box sign = Stretchy(U'√', target, true, em, ctx.color);
    float extra = sign.ascent + sign.descent - target;
    if (extra > 0) gap += extra * 0.5f;
    float rule_bottom = radicand.ascent + gap;
    float sign_up = rule_bottom + t - sign.ascent;
    float sign_total = sign.ascent + sign.descent;
    float sign_width = sign.width;
    Box b;
    float x = 0;
    if (n.children.size() > 1) {
      Box index = Row(n.children[1], With(ctx, Style{3, false}));
      float before = c_.radical_kern_before_degree * em;
      float after = c_.radical_kern_after_degree * em;
      float raise = c_.radical_degree_bottom_raise * sign_total - (sign.descent - sign_up);
      float index_width = index.width;
      x = std::max(0.0f, before + index_width + after);
      Place(b, std::move(index), x - after - index_width, raise);
    }
    Place(b, std::move(sign), x, sign_up);
    float rw = radicand.width;
    Place(b, std::move(radicand), x + sign_width, 0);
    AddRule(b, x + sign_width, x + sign_width + rw, rule_bottom, t, ctx.color);
    b.ascent += c_.radical_extra_ascender * em;
    b.width = x + sign_width + rw;
    return b;
  }

  // Content between delimiters grown to its height around the axis (\left…\right).
  Box Delimit(Box content, char32_t left, char32_t right, const Context& ctx) {
    float em = Em(ctx.style);
    float axis = c_.axis_height * em;
    float reach = 2 * std::max(content.ascent - axis, content.descent + axis);
    float target = std::max(reach * kDelimiterFactor, reach - kDelimiterShortfall * em);
    Box b;
    float x = 0;
    auto add = [&](char32_t c) {
      if (!c) {
        x += kNullDelimiterSpace * em;
        return;
      }
      Box d = Stretchy(c, target, true, em, ctx.color);
      float w = d.width;
      float up = OnAxis(d, em);
      Place(b, std::move(d), x, up);
      x += w;
    };
    add(left);
    float w = content.width;
    Place(b, std::move(content), x, 0);
    x += w;
    add(right);
    b.width = x;
    return b;
  }

  Box Accent(const MathNode& n, const Context& ctx) {
    float em = Em(ctx.style);
    Box base = Row(n.children[0], With(ctx, Cramped(ctx.style)));
    float base_width = base.width;
    float attach = base.lone_glyph ? base.accent_x : base_width * 0.5f;
    float base_ascent = base.ascent;
    Box b;
    b.lone_glyph = false;
    Place(b, std::move(base), 0, 0);
    b.width = base_width;
    if (n.cp == 0x338) {  // \not over something: a slash through it
      Box slash = CharBox(U'/', With(ctx, ctx.style), MathVariant::kRoman);
      float w = slash.width;
      Place(b, std::move(slash), (base_width - w) * 0.5f, 0);
      return b;
    }
    Box accent;
    if (n.stretchy) {
      accent = Stretchy(n.cp, base_width, false, em, ctx.color);
    } else {
      FontSet::Resolved r = Find(n.cp);
      if (r.font) accent = GlyphBox(r.role, r.font, r.glyph, em, ctx.color);
    }
    if (accent.items.empty()) return b;
    float accent_attach = accent.lone_glyph ? accent.accent_x : accent.width * 0.5f;
    float up;
    if (IsCombining(n.cp)) {
      up = std::max(0.0f, base_ascent - c_.accent_base_height * em);
    } else {  // an arrow over the base: its ink a small gap above the base
      up = base_ascent + 0.1f * em - InkBottom(accent);
    }
    Place(b, std::move(accent), attach - accent_attach, up);
    return b;
  }

  // Height above the baseline of a box's lowest ink.
  float InkBottom(const Box& b) {
    float bottom = 1e9f;
    for (const LayoutItem& item : b.items) {
      if (item.kind != LayoutItemKind::kGlyphs) continue;
      const Font* font = fonts_.Get(item.font);
      if (!font) continue;
      for (const PlacedGlyph& g : item.glyphs)
        bottom = std::min(bottom, -item.rect.y0 + GlyphMetrics(font, g.glyph).y0 * item.font_size);
    }
    return bottom == 1e9f ? 0 : bottom;
  }

  Box Matrix(const MathNode& n, const Context& ctx) {
    bool small = n.text == "smallmatrix";
    bool aligned = n.text == "aligned" || n.text == "align" || n.text == "align*" ||
                   n.text == "gathered" || n.text == "gather" || n.text == "gather*";
    Style cell_style = small ? Style{std::max(2, ctx.style.level), false}
                       : aligned ? Style{0, false} : Style{std::max(1, ctx.style.level), false};
    Context cell_ctx = With(ctx, cell_style);
    float em = Em(cell_style);
    float stretch = (n.text == "cases" || n.text == "rcases") ? 1.2f : 1.0f;
    float strut_ascent = 0.7f * 1.2f * em * stretch, strut_descent = 0.3f * 1.2f * em * stretch;
    float column_gap = (aligned ? 0.0f : small ? 0.56f : 1.0f) * em;
    size_t columns = n.align.size();
    std::vector<std::vector<Box>> cells(n.children.size());
    std::vector<float> widths(columns, 0);
    std::vector<float> ascents(n.children.size(), strut_ascent), descents(n.children.size(), strut_descent);
    for (size_t r = 0; r < n.children.size(); ++r) {
      const MathNode& row = n.children[r];
      for (size_t c = 0; c < row.children.size() && c < columns; ++c) {
        Box cell = Row(row.children[c], cell_ctx);
        widths[c] = std::max(widths[c], cell.width);
        ascents[r] = std::max(ascents[r], cell.ascent);
        descents[r] = std::max(descents[r], cell.descent);
        cells[r].push_back(std::move(cell));
      }
    }
    std::vector<float> left(columns, 0);
    float x = 0;
    for (size_t c = 0; c < columns; ++c) {
      left[c] = x;
      float gap = column_gap;
      if (aligned) gap = (c % 2 == 1) ? 1.0f * em : 0.0f;  // align: r|l pairs, 1 em apart
      x += widths[c] + (c + 1 < columns ? gap : 0);
    }
    float total_width = x;
    float height = 0;
    for (size_t r = 0; r < ascents.size(); ++r) height += ascents[r] + descents[r];
    float axis = c_.axis_height * Em(ctx.style);
    float top = height * 0.5f + axis;  // the block is centred on the axis
    Box b;
    float y = top;
    for (size_t r = 0; r < cells.size(); ++r) {
      float baseline = y - ascents[r];
      for (size_t c = 0; c < cells[r].size(); ++c) {
        float w = cells[r][c].width;
        char a = n.align[c];
        float cx = a == 'l' ? left[c] : a == 'r' ? left[c] + widths[c] - w : left[c] + (widths[c] - w) * 0.5f;
        Place(b, std::move(cells[r][c]), cx, baseline);
      }
      y = baseline - descents[r];
    }
    b.width = total_width;
    b.ascent = std::max(b.ascent, top);
    b.descent = std::max(b.descent, height - top);
    if (n.cp || n.cp2) return Delimit(std::move(b), n.cp, n.cp2, ctx);
    return b;
  }

  const FontSet& fonts_;
  const Font* math_font_;
  MathTable table_;
  const MathTable::Constants& c_;
  float size_;
  uint32_t error_color_;
  std::unordered_map<uint64_t, Metrics> metrics_;
};

// Adjacent glyph items of one face, size, colour and baseline become one run.
void MergeRuns(std::vector<LayoutItem>& items) {
  std::vector<LayoutItem> out;
  out.reserve(items.size());
  for (LayoutItem& item : items) {
    if (!out.empty() && item.kind == LayoutItemKind::kGlyphs) {
      LayoutItem& last = out.back();
      if (last.kind == LayoutItemKind::kGlyphs && last.font == item.font &&
          last.font_size == item.font_size && last.color == item.color &&
          last.rect.y0 == item.rect.y0) {
        for (const PlacedGlyph& g : item.glyphs)
          last.glyphs.push_back({g.glyph, g.x + item.rect.x0 - last.rect.x0});
        last.rect.x1 = std::max(last.rect.x1, item.rect.x1);
        continue;
      }
    }
    out.push_back(std::move(item));
  }
  items = std::move(out);
}

}  // namespace

// [SECTION] Entry point ---------------------------------------------------------------------

LayoutBox TypesetMath(const MathNode& root, const FontSet& fonts, float size, uint32_t color,
                      bool display, uint32_t error_color) {
  Typesetter typesetter(fonts, size, error_color);
  Context ctx;
  ctx.style = Style{display ? 0 : 1, false};
  ctx.color = color;
  Box box = typesetter.Row(root, ctx);
  MergeRuns(box.items);
  LayoutBox out;
  out.width = box.width;
  out.ascent = box.ascent;
  out.descent = box.descent;
  out.items = std::move(box.items);
  return out;
}

}  // namespace podium
