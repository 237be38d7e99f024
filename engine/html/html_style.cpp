// Index:
//   [SECTION] Values        lengths, colours
//   [SECTION] Tailwind      palette and the utility classes of Slidev decks
//   [SECTION] Declarations  style="…"
//   [SECTION] Entry point   tag defaults, classes, inline style
#include "html/html_style.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "model/color.h"

namespace podium::html {
namespace {

// [SECTION] Values -----------------------------------------------------------------------

constexpr float kRem = 16;  // CSS pixels of 1rem (and of 1em: elements inherit the root's)
constexpr float kBodyPx = 44.0f / 1.5f;  // Podium's body text in Marp's CSS pixels

std::string_view Trim(std::string_view s) { return TrimSpace(s); }
std::string Lower(std::string_view s) { return LowerAscii(s); }

std::optional<float> Number(std::string_view s) {
  if (s.empty() || s.size() > 32) return std::nullopt;
  std::string copy(s);
  char* end = nullptr;
  float v = std::strtof(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// The words of a value ("1px solid red" → 1px, solid, red).
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    size_t start = i;
    int depth = 0;
    while (i < s.size() && (depth > 0 || !std::isspace(static_cast<unsigned char>(s[i])))) {
      if (s[i] == '(') ++depth;
      if (s[i] == ')') depth = std::max(0, depth - 1);
      ++i;
    }
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

bool IsColor(std::string_view v) { return ParseColor(v).has_value(); }

// [SECTION] Tailwind ---------------------------------------------------------------------

struct Palette {
  std::string_view name;
  std::array<uint32_t, 10> shades;  // 50, 100, 200, …, 900
};

// Tailwind CSS v3's default palette (UnoCSS and Windi use the same values).
constexpr Palette kPalettes[] = {
    {"slate", {0xf8fafc, 0xf1f5f9, 0xe2e8f0, 0xcbd5e1, 0x94a3b8, 0x64748b, 0x475569, 0x334155, 0x1e293b, 0x0f172a}},
    {"gray", {0xf9fafb, 0xf3f4f6, 0xe5e7eb, 0xd1d5db, 0x9ca3af, 0x6b7280, 0x4b5563, 0x374151, 0x1f2937, 0x111827}},
    {"zinc", {0xfafafa, 0xf4f4f5, 0xe4e4e7, 0xd4d4d8, 0xa1a1aa, 0x71717a, 0x52525b, 0x3f3f46, 0x27272a, 0x18181b}},
    {"neutral", {0xfafafa, 0xf5f5f5, 0xe5e5e5, 0xd4d4d4, 0xa3a3a3, 0x737373, 0x525252, 0x404040, 0x262626, 0x171717}},
    {"stone", {0xfafaf9, 0xf5f5f4, 0xe7e5e4, 0xd6d3d1, 0xa8a29e, 0x78716c, 0x57534e, 0x44403c, 0x292524, 0x1c1917}},
    {"red", {0xfef2f2, 0xfee2e2, 0xfecaca, 0xfca5a5, 0xf87171, 0xef4444, 0xdc2626, 0xb91c1c, 0x991b1b, 0x7f1d1d}},
    {"orange", {0xfff7ed, 0xffedd5, 0xfed7aa, 0xfdba74, 0xfb923c, 0xf97316, 0xea580c, 0xc2410c, 0x9a3412, 0x7c2d12}},
    {"amber", {0xfffbeb, 0xfef3c7, 0xfde68a, 0xfcd34d, 0xfbbf24, 0xf59e0b, 0xd97706, 0xb45309, 0x92400e, 0x78350f}},
    {"yellow", {0xfefce8, 0xfef9c3, 0xfef08a, 0xfde047, 0xfacc15, 0xeab308, 0xca8a04, 0xa16207, 0x854d0e, 0x713f12}},
    {"lime", {0xf7fee7, 0xecfccb, 0xd9f99d, 0xbef264, 0xa3e635, 0x84cc16, 0x65a30d, 0x4d7c0f, 0x3f6212, 0x365314}},
    {"green", {0xf0fdf4, 0xdcfce7, 0xbbf7d0, 0x86efac, 0x4ade80, 0x22c55e, 0x16a34a, 0x15803d, 0x166534, 0x14532d}},
    {"emerald", {0xecfdf5, 0xd1fae5, 0xa7f3d0, 0x6ee7b7, 0x34d399, 0x10b981, 0x059669, 0x047857, 0x065f46, 0x064e3b}},
    {"teal", {0xf0fdfa, 0xccfbf1, 0x99f6e4, 0x5eead4, 0x2dd4bf, 0x14b8a6, 0x0d9488, 0x0f766e, 0x115e59, 0x134e4a}},
    {"cyan", {0xecfeff, 0xcffafe, 0xa5f3fc, 0x67e8f9, 0x22d3ee, 0x06b6d4, 0x0891b2, 0x0e7490, 0x155e75, 0x164e63}},
    {"sky", {0xf0f9ff, 0xe0f2fe, 0xbae6fd, 0x7dd3fc, 0x38bdf8, 0x0ea5e9, 0x0284c7, 0x0369a1, 0x075985, 0x0c4a6e}},
    {"blue", {0xeff6ff, 0xdbeafe, 0xbfdbfe, 0x93c5fd, 0x60a5fa, 0x3b82f6, 0x2563eb, 0x1d4ed8, 0x1e40af, 0x1e3a8a}},
    {"indigo", {0xeef2ff, 0xe0e7ff, 0xc7d2fe, 0xa5b4fc, 0x818cf8, 0x6366f1, 0x4f46e5, 0x4338ca, 0x3730a3, 0x312e81}},
    {"violet", {0xf5f3ff, 0xede9fe, 0xddd6fe, 0xc4b5fd, 0xa78bfa, 0x8b5cf6, 0x7c3aed, 0x6d28d9, 0x5b21b6, 0x4c1d95}},
    {"purple", {0xfaf5ff, 0xf3e8ff, 0xe9d5ff, 0xd8b4fe, 0xc084fc, 0xa855f7, 0x9333ea, 0x7e22ce, 0x6b21a8, 0x581c87}},
    {"fuchsia", {0xfdf4ff, 0xfae8ff, 0xf5d0fe, 0xf0abfc, 0xe879f9, 0xd946ef, 0xc026d3, 0xa21caf, 0x86198f, 0x701a75}},
    {"pink", {0xfdf2f8, 0xfce7f3, 0xfbcfe8, 0xf9a8d4, 0xf472b6, 0xec4899, 0xdb2777, 0xbe185d, 0x9d174d, 0x831843}},
    {"rose", {0xfff1f2, 0xffe4e6, 0xfecdd3, 0xfda4af, 0xfb7185, 0xf43f5e, 0xe11d48, 0xbe123c, 0x9f1239, 0x881337}},
};

std::string Hex(uint32_t rgb) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out = "#000000";
  for (int i = 0; i < 6; ++i) out[6 - i] = kDigits[(rgb >> (4 * i)) & 0xf];
  return out;
}

// text-xs … text-9xl: Tailwind's font sizes in rem.
std::optional<float> TextSize(std::string_view word) {
  static constexpr std::pair<std::string_view, float> kSizes[] = {
      {"xs", 0.75f}, {"sm", 0.875f}, {"base", 1},   {"lg", 1.125f}, {"xl", 1.25f}, {"2xl", 1.5f},
      {"3xl", 1.875f}, {"4xl", 2.25f}, {"5xl", 3},  {"6xl", 3.75f}, {"7xl", 4.5f}, {"8xl", 6},
      {"9xl", 8}};
  for (const auto& [name, rem] : kSizes)
    if (name == word) return rem;
  return std::nullopt;
}

// The spacing scale: `4` → 16 px (0.25rem a step), `px` → 1, `[12px]` → 12.
std::optional<float> Spacing(std::string_view word) {
  if (word == "px") return 1.0f;
  if (word.size() > 2 && word.front() == '[' && word.back() == ']')
    return ParseCssLength(word.substr(1, word.size() - 2));
  std::optional<float> n = Number(word);
  if (!n || *n < 0) return std::nullopt;
  return *n * 4;
}

// A colour utility's value: "red-500", "white", "[#123456]", with an optional "/50" alpha
// that is dropped. "" when it is not a colour.
std::string UtilityColor(std::string_view word) {
  // `blue-500/10`: the colour at 10 % opacity.
  if (size_t slash = word.find('/'); slash != std::string_view::npos) {
    std::optional<float> percent = Number(word.substr(slash + 1));
    std::string base = UtilityColor(word.substr(0, slash));
    std::optional<uint32_t> c = ParseColor(base);
    if (!percent || !c) return {};
    uint32_t v = *c;  // 0xAABBGGRR
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "rgba(%u, %u, %u, %.2f)", v & 0xff, (v >> 8) & 0xff,
                  (v >> 16) & 0xff, std::clamp(*percent / 100, 0.0f, 1.0f));
    return buffer;
  }
  if (word.size() > 2 && word.front() == '[' && word.back() == ']') {
    std::string_view v = word.substr(1, word.size() - 2);
    return IsColor(v) ? std::string(v) : std::string();
  }
  if (word == "white") return "#ffffff";
  if (word == "black") return "#000000";
  if (word == "transparent") return "transparent";
  return TailwindColor(word);
}

// Width utilities: w-N, w-full, w-1/2, w-screen, w-[300px].
std::optional<float> WidthValue(std::string_view word) {
  if (word == "full" || word == "screen") return -1.0f;
  if (size_t slash = word.find('/'); slash != std::string_view::npos) {
    std::optional<float> a = Number(word.substr(0, slash));
    std::optional<float> b = Number(word.substr(slash + 1));
    if (a && b && *b > 0) return -(*a / *b);
    return std::nullopt;
  }
  return Spacing(word);
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool GridTracks(std::string_view value, std::vector<float>& out);

// Applies one utility class; false when it is not one Podium knows.
bool ApplyUtility(std::string_view c, ElementStyle& s) {
  BoxStyle& b = s.box;
  auto rest = [&](std::string_view prefix) { return c.substr(prefix.size()); };
  // Classes that mean something to a deck tool rather than to CSS.
  if (c == "fragment" || StartsWith(c, "fade-") || c == "grow" || c == "shrink" ||
      c == "highlight-red" || c == "highlight-green" || c == "highlight-blue" ||
      c == "strike" || c == "semi-fade-out" || c == "current-visible") {
    if (c == "fragment") s.fragment = true;
    return true;
  }
  if (StartsWith(c, "language-") || StartsWith(c, "lang-")) return true;
  // remark's and xaringan's default classes.
  if (c == "left") { b.text_align = Align::kLeft; return true; }
  if (c == "center") { b.text_align = Align::kCenter; return true; }
  if (c == "right") { b.text_align = Align::kRight; return true; }
  if (c == "middle" || c == "top" || c == "bottom" || c == "hljs-default" || c == "title-slide")
    return true;  // slide placement: the slide's class does it
  if (c == "pull-left" || c == "pull-right" || c == "left-column" || c == "right-column") {
    b.float_side = c == "pull-left" || c == "left-column" ? 1 : 2;
    b.width = c == "left-column" ? -0.2f : c == "right-column" ? -0.75f : -0.47f;
    return true;
  }
  if (c == "footnote") { b.font_size = s.look.size = 0.7f; return true; }
  if (c == "large") { b.font_size = s.look.size = 1.3f; return true; }
  if (c == "inverse") {
    b.background = "#272822";
    b.color = s.look.color = "#d6d6d6";
    return true;
  }
  // Marp themes' two-column idiom: `.columns { display: grid; grid-template-columns: 1fr 1fr }`.
  if (c == "columns") {
    b.display = Display::kGrid;
    b.columns = {1, 1};
    if (b.gap == kAuto) b.gap = 16;
    return true;
  }
  if (c == "grid") { b.display = Display::kGrid; return true; }
  if (c == "flex" || c == "inline-flex" || c == "flex-row") {
    if (b.display != Display::kFlexColumn || c != "flex") b.display = Display::kFlexRow;
    return true;
  }
  if (c == "flex-col") { b.display = Display::kFlexColumn; return true; }
  if (c == "block" || c == "inline-block" || c == "inline") return true;
  if (c == "hidden") { b.display = Display::kNone; return true; }
  if (StartsWith(c, "grid-cols-[") && c.back() == ']') {  // grid-cols-[3fr_2fr]
    std::string tracks(c.substr(11, c.size() - 12));
    std::replace(tracks.begin(), tracks.end(), '_', ' ');
    if (!GridTracks(tracks, b.columns)) return false;
    b.display = Display::kGrid;
    return true;
  }
  if (StartsWith(c, "grid-cols-")) {
    std::optional<float> n = Number(rest("grid-cols-"));
    if (!n || *n < 1 || *n > 12) return false;
    b.display = Display::kGrid;
    b.columns.assign(static_cast<size_t>(*n), 1.0f);
    return true;
  }
  if (StartsWith(c, "col-span-")) {
    std::optional<float> n = Number(rest("col-span-"));
    if (!n || *n < 1 || *n > 12) return false;
    b.column_span = static_cast<int>(*n);
    return true;
  }
  if (StartsWith(c, "gap-")) {
    std::string_view v = rest("gap-");
    if (StartsWith(v, "x-")) v.remove_prefix(2);
    else if (StartsWith(v, "y-")) return true;  // rows are spaced by the block gap
    std::optional<float> px = Spacing(v);
    if (!px) return false;
    b.gap = *px;
    return true;
  }
  if (c == "items-center" || c == "justify-center" || c == "place-items-center" ||
      c == "content-center" || c == "place-content-center") {
    b.center_items = true;
    return true;
  }
  if (StartsWith(c, "items-") || StartsWith(c, "justify-") || StartsWith(c, "flex-") ||
      c == "grow" || c == "shrink-0" || StartsWith(c, "self-") || StartsWith(c, "content-") ||
      StartsWith(c, "place-") || StartsWith(c, "order-") || StartsWith(c, "overflow-") ||
      StartsWith(c, "object-") || c == "relative" || StartsWith(c, "z-") || StartsWith(c, "shadow") ||
      StartsWith(c, "transition") || StartsWith(c, "duration-") || StartsWith(c, "ease-") ||
      StartsWith(c, "select-") || StartsWith(c, "cursor-") || StartsWith(c, "whitespace-") ||
      StartsWith(c, "break-") || c == "truncate" || c == "antialiased" || c == "not-italic" ||
      c == "no-underline" || c == "normal-case" || StartsWith(c, "align-") ||
      StartsWith(c, "list-") || StartsWith(c, "aspect-") || StartsWith(c, "min-h-") ||
      StartsWith(c, "min-w-") || StartsWith(c, "max-h-"))
    return true;  // alignment and effects whose default Podium's layout already matches
  if (c == "text-left") { b.text_align = Align::kLeft; return true; }
  if (c == "text-center") { b.text_align = Align::kCenter; return true; }
  if (c == "text-right") { b.text_align = Align::kRight; return true; }
  if (StartsWith(c, "text-")) {
    if (std::optional<float> rem = TextSize(rest("text-"))) {
      b.font_size = *rem;
      s.look.size = *rem;
      return true;
    }
    std::string color = UtilityColor(rest("text-"));
    if (color.empty()) return false;
    b.color = color;
    s.look.color = color;
    return true;
  }
  if (StartsWith(c, "font-") && c.size() > 5 && c[5] >= '0' && c[5] <= '9') {  // UnoCSS's numeric weights: font-300, font-700
    std::optional<float> weight = Number(rest("font-"));
    if (!weight || *weight < 100 || *weight > 900) return false;
    if (*weight >= 600) {
      b.bold = true;
      s.span_style |= kStyleBold;
    }
    return true;
  }
  // Line height and letter spacing: Podium's own typography stands (an approximation).
  if (StartsWith(c, "leading-") || StartsWith(c, "tracking-")) return true;
  if (c == "border-none" || c == "border-0") { b.border_width = 0; return true; }
  if (c == "border-l" || c == "border-r" || c == "border-t" || c == "border-b" ||
      StartsWith(c, "border-opacity-") || StartsWith(c, "border-dashed") || c == "border-solid")
    return false;
  if (StartsWith(c, "bg-")) {
    std::string color = UtilityColor(rest("bg-"));
    if (color.empty()) return false;
    b.background = color;
    return true;
  }
  if (StartsWith(c, "border-")) {
    std::string color = UtilityColor(rest("border-"));
    if (!color.empty()) {  // the colour only: `border` (or border-2) draws the edge
      b.border_color = color;
      return true;
    }
    std::optional<float> n = Number(rest("border-"));
    if (!n) return false;
    b.border_width = *n;
    return true;
  }
  if (c == "border") { b.border_width = 1; return true; }
  if (c == "rounded") { b.radius = 4; return true; }
  if (StartsWith(c, "rounded-")) {
    static constexpr std::pair<std::string_view, float> kRadii[] = {
        {"none", 0}, {"sm", 2}, {"md", 6}, {"lg", 8}, {"xl", 12}, {"2xl", 16}, {"3xl", 24},
        {"full", 9999}};
    for (const auto& [name, px] : kRadii)
      if (name == rest("rounded-")) { b.radius = px; return true; }
    return false;
  }
  if (c == "font-bold" || c == "font-semibold" || c == "font-extrabold" || c == "font-black") {
    b.bold = true;
    s.span_style |= kStyleBold;
    return true;
  }
  if (c == "font-normal" || c == "font-medium" || c == "font-light" || c == "font-thin" ||
      c == "font-extralight" || c == "font-sans" || c == "font-serif")
    return true;
  if (c == "font-mono") { s.code = true; return true; }
  if (c == "italic") { b.italic = true; s.span_style |= kStyleItalic; return true; }
  if (c == "underline") { s.span_style |= kStyleUnderline; return true; }
  if (c == "line-through") { s.span_style |= kStyleStrike; return true; }
  if (StartsWith(c, "op-") || StartsWith(c, "opacity-") ||
      (StartsWith(c, "op") && c.size() > 2 && c[2] >= '0' && c[2] <= '9')) {  // UnoCSS: op50
    size_t dash = c.find('-');
    std::optional<float> n = Number(dash == std::string_view::npos ? c.substr(2) : c.substr(dash + 1));
    if (!n) return false;
    b.opacity = std::clamp(*n / 100, 0.0f, 1.0f);
    s.look.opacity = b.opacity;
    return true;
  }
  // Margins and padding: m-4, mt-2, mx-auto, p-6, px-4, py-2.
  static constexpr std::string_view kBoxSides[] = {"m", "mt", "mb", "my", "mx", "ml", "mr",
                                                    "p", "pt", "pb", "py", "px", "pl", "pr"};
  if (size_t dash = c.find('-'); dash != std::string_view::npos && dash > 0) {
    std::string_view side = c.substr(0, dash);
    std::string_view value = c.substr(dash + 1);
    bool negative = false;
    if (side.front() == '-') { side.remove_prefix(1); negative = true; }
    if (std::find(std::begin(kBoxSides), std::end(kBoxSides), side) != std::end(kBoxSides)) {
      if (value == "auto") return true;
      std::optional<float> px = Spacing(value);
      if (!px) return false;
      float v = negative ? -*px : *px;
      if (side == "m" || side == "my" || side == "mt") b.margin_top = v;
      if (side == "m" || side == "my" || side == "mb") b.margin_bottom = v;
      if (side == "p" || side == "py" || side == "pt") b.padding[0] = v;
      if (side == "p" || side == "px" || side == "pr") b.padding[1] = v;
      if (side == "p" || side == "py" || side == "pb") b.padding[2] = v;
      if (side == "p" || side == "px" || side == "pl") b.padding[3] = v;
      return true;  // mx/ml/mr: horizontal margins, which block layout leaves out
    }
    if (side == "w" || side == "max-w" || side == "h") {
      std::optional<float> v = WidthValue(value);
      if (!v) return side == "max-w";  // max-w-prose, max-w-xl: no narrower than the slide
      (side == "w" ? b.width : side == "h" ? b.height : b.max_width) = *v;
      return true;
    }
  }
  if (StartsWith(c, "max-w-")) return true;
  return false;
}

// [SECTION] Declarations -----------------------------------------------------------------

// `padding: 1px 2px 3px 4px` and its shorter forms → top right bottom left.
bool FourSides(std::string_view value, float out[4]) {
  std::vector<std::string_view> w = Words(value);
  if (w.empty() || w.size() > 4) return false;
  float v[4];
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i] == "auto") { v[i] = 0; continue; }
    std::optional<float> px = ParseCssLength(w[i]);
    if (!px) return false;
    v[i] = *px;
  }
  float top = v[0];
  float right = w.size() > 1 ? v[1] : top;
  float bottom = w.size() > 2 ? v[2] : top;
  float left = w.size() > 3 ? v[3] : right;
  out[0] = top, out[1] = right, out[2] = bottom, out[3] = left;
  return true;
}

// grid-template-columns: `1fr 2fr`, `200px 1fr`, `repeat(3, 1fr)`, `repeat(2, minmax(0, 1fr))`.
bool GridTracks(std::string_view value, std::vector<float>& out) {
  out.clear();
  for (std::string_view word : Words(value)) {
    if (StartsWith(word, "repeat(") && word.back() == ')') {
      std::string_view inner = word.substr(7, word.size() - 8);
      size_t comma = inner.find(',');
      if (comma == std::string_view::npos) return false;
      std::optional<float> n = Number(Trim(inner.substr(0, comma)));
      if (!n || *n < 1 || *n > 12) return false;
      std::vector<float> one;
      if (!GridTracks(Trim(inner.substr(comma + 1)), one) || one.size() != 1) return false;
      out.insert(out.end(), static_cast<size_t>(*n), one[0]);
      continue;
    }
    if (StartsWith(word, "minmax(") && word.back() == ')') {
      std::string_view inner = word.substr(7, word.size() - 8);
      size_t comma = inner.find(',');
      if (comma == std::string_view::npos) return false;
      std::vector<float> max;
      if (!GridTracks(Trim(inner.substr(comma + 1)), max) || max.size() != 1) return false;
      out.push_back(max[0]);
      continue;
    }
    if (word.size() > 2 && word.substr(word.size() - 2) == "fr") {
      std::optional<float> fr = Number(word.substr(0, word.size() - 2));
      if (!fr || *fr <= 0) return false;
      out.push_back(*fr);
      continue;
    }
    if (word == "auto") {
      out.push_back(1);
      continue;
    }
    std::optional<float> px = ParseCssLength(word);
    if (!px || *px == 0) return false;
    out.push_back(*px > 0 ? -*px : *px * 1e-4f);  // a percentage: a tiny fixed share
  }
  if (out.size() > 12) out.resize(12);
  return !out.empty();
}

// Applies `property: value`; false when Podium does not draw it.
bool ApplyDeclaration(std::string_view property, std::string_view value, ElementStyle& s) {
  BoxStyle& b = s.box;
  if (property == "color") {
    if (!IsColor(value)) return false;
    b.color = std::string(value);
    s.look.color = b.color;
    return true;
  }
  if (property == "background-color" || property == "background") {
    if (value == "none" || value == "transparent") return true;
    if (!IsColor(value)) return false;
    b.background = std::string(value);
    s.look.background = b.background;
    return true;
  }
  if (property == "font-size") {
    static constexpr std::pair<std::string_view, float> kWords[] = {
        {"xx-small", 0.6f}, {"x-small", 0.75f}, {"small", 0.89f}, {"medium", 1},
        {"large", 1.2f},    {"x-large", 1.5f},  {"xx-large", 2},  {"smaller", 0.83f},
        {"larger", 1.2f}};
    for (const auto& [name, f] : kWords)
      if (value == name) { b.font_size = f, s.look.size = f; return true; }
    std::optional<float> px = ParseCssLength(value);
    if (!px || *px == 0) return false;
    // em and % are relative to the parent (ParseCssLength gave 16 px per em, −fraction for
    // %); px and rem are measured against Podium's body text, Marp's 29⅓ px.
    bool relative = value.size() > 2 && value.substr(value.size() - 2) == "em" &&
                    value.substr(value.size() - 3) != "rem";
    float f = *px < 0 ? -*px : relative ? *px / kRem : *px / kBodyPx;
    b.font_size = f;
    s.look.size = f;
    return true;
  }
  if (property == "font-weight") {
    std::optional<float> n = Number(value);
    if (value == "bold" || value == "bolder" || (n && *n >= 600)) {
      b.bold = true;
      s.span_style |= kStyleBold;
    }
    return true;
  }
  if (property == "font-style") {
    if (value == "italic" || value == "oblique") {
      b.italic = true;
      s.span_style |= kStyleItalic;
    }
    return true;
  }
  if (property == "text-decoration" || property == "text-decoration-line") {
    if (value.find("underline") != std::string_view::npos) s.span_style |= kStyleUnderline;
    if (value.find("line-through") != std::string_view::npos) s.span_style |= kStyleStrike;
    return true;
  }
  if (property == "text-align") {
    if (value == "center") b.text_align = Align::kCenter;
    else if (value == "right" || value == "end") b.text_align = Align::kRight;
    else if (value == "left" || value == "start" || value == "justify") b.text_align = Align::kLeft;
    else return false;
    return true;
  }
  if (property == "display") {
    if (value == "none") b.display = Display::kNone;
    else if (value == "flex" || value == "inline-flex")
      b.display = b.display == Display::kFlexColumn ? Display::kFlexColumn : Display::kFlexRow;
    else if (value == "grid" || value == "inline-grid") b.display = Display::kGrid;
    else if (value == "block" || value == "inline-block" || value == "inline") b.display = Display::kBlock;
    else return false;
    return true;
  }
  if (property == "flex-direction") {
    if (value == "column" || value == "column-reverse") b.display = Display::kFlexColumn;
    else if (value == "row" || value == "row-reverse") {
      if (b.display == Display::kFlexColumn) b.display = Display::kFlexRow;
    } else return false;
    return true;
  }
  if (property == "gap" || property == "column-gap" || property == "grid-gap" ||
      property == "grid-column-gap") {
    std::vector<std::string_view> w = Words(value);
    if (w.empty()) return false;
    std::optional<float> px = ParseCssLength(w.back());
    if (!px) return false;
    b.gap = *px;
    return true;
  }
  if (property == "row-gap" || property == "grid-row-gap") return true;
  if (property == "grid-template-columns") {
    return GridTracks(value, b.columns);  // drawn only with display: grid, as CSS does
  }
  if (property == "grid-column") {  // `span 2`, `1 / 3`
    std::vector<std::string_view> w = Words(value);
    if (w.size() == 2 && w[0] == "span") {
      std::optional<float> n = Number(w[1]);
      if (!n) return false;
      b.column_span = std::clamp(static_cast<int>(*n), 1, 12);
      return true;
    }
    return false;
  }
  if (property == "align-items" || property == "justify-content" || property == "place-items" ||
      property == "justify-items" || property == "place-content") {
    if (value == "center") b.center_items = true;
    return true;
  }
  if (property == "flex" || property == "flex-grow" || property == "flex-wrap" ||
      property == "flex-basis" || property == "flex-shrink" || property == "align-self" ||
      property == "vertical-align" || property == "box-sizing" || property == "overflow" ||
      property == "white-space" || property == "list-style" || property == "list-style-type" ||
      property == "object-fit" || property == "font-family" || property == "cursor")
    return property != "font-family";  // font-family: the fonts of issue "HTML and CSS"
  if (property == "padding") return FourSides(value, b.padding);
  static constexpr std::string_view kPaddings[] = {"padding-top", "padding-right",
                                                   "padding-bottom", "padding-left"};
  for (int i = 0; i < 4; ++i) {
    if (property != kPaddings[i]) continue;
    std::optional<float> px = ParseCssLength(value);
    if (!px) return false;
    b.padding[i] = *px;
    return true;
  }
  if (property == "margin") {
    float m[4];
    if (!FourSides(value, m)) return false;
    b.margin_top = m[0];
    b.margin_bottom = m[2];
    return true;
  }
  if (property == "margin-top" || property == "margin-bottom") {
    std::optional<float> px = ParseCssLength(value);
    if (value == "auto") return true;
    if (!px) return false;
    (property == "margin-top" ? b.margin_top : b.margin_bottom) = *px;
    return true;
  }
  if (property == "margin-left" || property == "margin-right") return true;
  if (property == "width" || property == "max-width" || property == "height") {
    if (value == "auto" || value == "none") return true;
    std::optional<float> px = ParseCssLength(value);
    if (!px) return false;
    (property == "width" ? b.width : property == "height" ? b.height : b.max_width) = *px;
    return true;
  }
  if (property == "border-radius") {
    std::vector<std::string_view> w = Words(value);
    std::optional<float> px = w.empty() ? std::nullopt : ParseCssLength(w[0]);
    if (!px) return false;
    b.radius = *px < 0 ? 9999 : *px;
    return true;
  }
  if (property == "border") {
    if (value == "none" || value == "0") return true;
    for (std::string_view w : Words(value)) {
      if (std::optional<float> px = ParseCssLength(w)) b.border_width = *px;
      else if (IsColor(w)) b.border_color = std::string(w);
      else if (w == "thin") b.border_width = 1;
    }
    if (b.border_width == 0) b.border_width = 1;
    return true;
  }
  if (property == "opacity") {
    std::optional<float> n = Number(value);
    if (!n) return false;
    b.opacity = std::clamp(*n, 0.0f, 1.0f);
    s.look.opacity = b.opacity;
    return true;
  }
  return false;
}

// Applies declarations in order (later wins); var() is resolved against `node`.
void ApplyDeclarations(const std::vector<const CssDeclaration*>& declarations, const HtmlNode& node,
                       const Cascade* cascade, ElementStyle& s) {
  for (const CssDeclaration* d : declarations) {
    if (d->property.substr(0, 2) == "--") continue;  // custom properties: read by var()
    std::string value = cascade ? cascade->ResolveVars(node, d->value)
                                : std::string(d->value.find("var(") == std::string::npos ? d->value : "");
    if (value.empty()) {
      s.unsupported.push_back("CSS '" + d->property + ": " + d->value.substr(0, 40) + "'");
      continue;
    }
    if (!ApplyDeclaration(d->property, Trim(value), s))
      s.unsupported.push_back("CSS '" + d->property + ": " + value.substr(0, 40) + "'");
  }
}

// [SECTION] Entry point ------------------------------------------------------------------

void ApplyTagDefaults(std::string_view tag, ElementStyle& s) {
  if (tag == "b" || tag == "strong") s.span_style |= kStyleBold;
  else if (tag == "i" || tag == "em" || tag == "cite" || tag == "var" || tag == "dfn" ||
           tag == "address")
    s.span_style |= kStyleItalic;
  else if (tag == "u" || tag == "ins") s.span_style |= kStyleUnderline;
  else if (tag == "s" || tag == "del" || tag == "strike") s.span_style |= kStyleStrike;
  else if (tag == "mark") {
    s.look.background = "#ffff00";
    s.look.color = "#000000";
  } else if (tag == "small") s.look.size = 0.83f;
  else if (tag == "big") s.look.size = 1.2f;
  else if (tag == "sub" || tag == "sup") {
    s.look.size = 0.75f;
    s.look.shift = tag == "sub" ? -1 : 1;
  } else if (tag == "kbd") {
    s.look.key = true;
    s.code = true;
  } else if (tag == "code" || tag == "samp" || tag == "tt") s.code = true;
  else if (tag == "center") s.box.text_align = Align::kCenter;
  else if (tag == "th") s.span_style |= kStyleBold;
  else if (tag == "figure") s.box.text_align = Align::kCenter;
  else if (tag == "figcaption") s.look.size = s.box.font_size = 0.8f;
}

}  // namespace

std::string TailwindColor(std::string_view name) {
  size_t dash = name.rfind('-');
  if (dash == std::string_view::npos) return {};
  std::string_view family = name.substr(0, dash);
  std::optional<float> shade = Number(name.substr(dash + 1));
  if (!shade) return {};
  int index = *shade == 50 ? 0 : static_cast<int>(*shade) / 100;
  if (*shade != 50 && (static_cast<int>(*shade) % 100 != 0 || index < 1 || index > 9)) {
    if (*shade == 950) index = 9;  // Tailwind 3.3's 950: the 900 is the nearest here
    else return {};
  }
  for (const Palette& p : kPalettes)
    if (p.name == family) return Hex(p.shades[static_cast<size_t>(index)]);
  return {};
}

std::optional<float> ParseCssLength(std::string_view value) {
  value = Trim(value);
  if (value == "0") return 0.0f;
  auto unit = [&](std::string_view suffix) {
    return value.size() > suffix.size() && value.substr(value.size() - suffix.size()) == suffix;
  };
  if (unit("px")) return Number(value.substr(0, value.size() - 2));
  if (unit("rem")) {
    std::optional<float> n = Number(value.substr(0, value.size() - 3));
    return n ? std::optional<float>(*n * kRem) : std::nullopt;
  }
  if (unit("em")) {
    std::optional<float> n = Number(value.substr(0, value.size() - 2));
    return n ? std::optional<float>(*n * kRem) : std::nullopt;
  }
  if (unit("%")) {
    std::optional<float> n = Number(value.substr(0, value.size() - 1));
    if (!n || *n <= 0) return std::nullopt;
    return -(*n / 100);
  }
  if (unit("pt")) {
    std::optional<float> n = Number(value.substr(0, value.size() - 2));
    return n ? std::optional<float>(*n * 4 / 3) : std::nullopt;
  }
  return std::nullopt;
}

ElementStyle StyleOf(const HtmlNode& element, const Cascade* cascade) {
  ElementStyle s;
  ApplyTagDefaults(element.tag, s);
  if (std::string_view align = element.Attribute("align"); !align.empty()) {
    std::string a = Lower(align);
    if (a == "center" || a == "middle") s.box.text_align = Align::kCenter;
    else if (a == "right") s.box.text_align = Align::kRight;
    else if (a == "left") s.box.text_align = Align::kLeft;
  }
  if (element.tag == "font") {
    if (std::string_view color = element.Attribute("color"); IsColor(color)) {
      s.box.color = std::string(color);
      s.look.color = s.box.color;
    }
  }
  if (element.HasAttribute("v-click") || element.HasAttribute("v-after")) s.fragment = true;
  if (element.HasAttribute("hidden")) s.box.display = Display::kNone;
  std::string_view classes = element.Attribute("class");
  size_t i = 0;
  while (i < classes.size()) {
    size_t start = classes.find_first_not_of(" \t\n\r\f", i);
    if (start == std::string_view::npos) break;
    size_t end = std::min(classes.find_first_of(" \t\n\r\f", start), classes.size());
    std::string_view c = classes.substr(start, end - start);
    i = end;
    // Variants (dark:, md:, hover:) apply on other screens or states: the base style stands.
    if (c.find(':') != std::string_view::npos) continue;
    // `!p-2` and `p-2!` are UnoCSS's !important: the same utility here.
    if (c.size() > 1 && c.front() == '!') c.remove_prefix(1);
    if (c.size() > 1 && c.back() == '!') c.remove_suffix(1);
    if (!ApplyUtility(c, s) && !(cascade && cascade->NamesClass(c)))
      s.unsupported.push_back("class '" + std::string(c) + "'");
  }
  // The cascade: the sheets' normal declarations, the inline style's, then the !important
  // ones of each (sheets first, as the author's inline !important wins).
  std::vector<const CssDeclaration*> sheet;
  if (cascade) sheet = cascade->Match(element);
  std::vector<CssDeclaration> inline_style;
  if (element.HasAttribute("style")) inline_style = ParseDeclarations(element.Attribute("style"));
  std::vector<const CssDeclaration*> ordered;
  for (const CssDeclaration* d : sheet)
    if (!d->important) ordered.push_back(d);
  for (const CssDeclaration& d : inline_style)
    if (!d.important) ordered.push_back(&d);
  for (const CssDeclaration* d : sheet)
    if (d->important) ordered.push_back(d);
  for (const CssDeclaration& d : inline_style)
    if (d.important) ordered.push_back(&d);
  ApplyDeclarations(ordered, element, cascade, s);
  return s;
}

}  // namespace podium::html
