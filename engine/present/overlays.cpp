// Overlays over the slide, in design units.
//
// [SECTION] Text and shape helpers
// [SECTION] Status: progress bar, slide number, typed number, notice
// [SECTION] Help panel
// [SECTION] Overview grid
// [SECTION] Clock
#include "present/overlays.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "layout/inline_layout.h"
#include "present/keymap.h"
#include "present/presenter_view.h"

namespace podium {
namespace {

// [SECTION] Text and shape helpers ---------------------------------------------------------

constexpr uint32_t Rgba(uint32_t r, uint32_t g, uint32_t b, uint32_t a) {
  return (a << 24) | (b << 16) | (g << 8) | r;  // IM_COL32
}

constexpr uint32_t kPillBackground = Rgba(0, 0, 0, 150);
constexpr uint32_t kPillText = Rgba(255, 255, 255, 235);
constexpr uint32_t kPanelBackground = Rgba(22, 24, 30, 255);  // opaque: text behind would show
constexpr uint32_t kHelpBackdrop = Rgba(0, 0, 0, 140);
constexpr uint32_t kPanelMuted = Rgba(160, 166, 180, 255);
constexpr uint32_t kKeyColor = Rgba(255, 200, 87, 255);
constexpr uint32_t kOverviewBackdrop = Rgba(24, 26, 32, 255);
constexpr uint32_t kCursorFrame = Rgba(255, 200, 87, 255);
constexpr uint32_t kCurrentFrame = Rgba(255, 255, 255, 150);

// One line of text, measured before it is placed.
class Label {
 public:
  Label(const FontSet& fonts, std::string_view text, FontRole role, float size, uint32_t color)
      : flow_(fonts), text_(text) {
    TextStyle style;
    style.font = role;
    style.size = size;
    style.color = color;
    flow_.AddText(text, style);
    flow_.Layout(1e9f, 1.25f);
  }
  float width() const { return flow_.width(); }
  float height() const { return flow_.height(); }
  // Places the text with its top at y in [x, x + box_width]; clipped to `clip` if given.
  void Emit(float x, float y, float box_width, Align align, SlideLayout* out,
            const Rect* clip = nullptr) const {
    size_t first = out->items.size();
    flow_.Emit(x, y, box_width, align, 0, out);
    if (!out->text.empty()) out->text += '\n';
    out->text += text_;  // what the overlay says, in reading order (accessibility, tests)
    if (!clip) return;
    for (size_t i = first; i < out->items.size(); ++i) {
      out->items[i].clipped = true;
      out->items[i].clip = *clip;
    }
  }

 private:
  InlineLayout flow_;
  std::string text_;
};

void AddRect(SlideLayout* out, Rect r, uint32_t color, float rounding = 0) {
  LayoutItem item;
  item.kind = LayoutItemKind::kRect;
  item.rect = r;
  item.color = color;
  item.rounding = rounding;
  out->items.push_back(item);
}

void AddFrame(SlideLayout* out, Rect r, uint32_t color, float thickness, float rounding) {
  LayoutItem item;
  item.kind = LayoutItemKind::kRectOutline;
  item.rect = r;
  item.color = color;
  item.thickness = thickness;
  item.rounding = rounding;
  out->items.push_back(item);
}

// Text in a rounded dark pill; (cx, cy) is the pill's anchor given by `align`:
// kLeft → left edge, kRight → right edge, else the centre.
void AddPill(SlideLayout* out, const FontSet& fonts, std::string_view text, float size, float ax,
             float cy, Align align) {
  Label label(fonts, text, FontRole::kSans, size, kPillText);
  float pad_x = size * 0.6f, pad_y = size * 0.3f;
  float w = label.width() + 2 * pad_x, h = label.height() + 2 * pad_y;
  float x0 = align == Align::kRight ? ax - w : align == Align::kLeft ? ax : ax - w * 0.5f;
  AddRect(out, {x0, cy - h * 0.5f, x0 + w, cy + h * 0.5f}, kPillBackground, h * 0.5f);
  label.Emit(x0 + pad_x, cy - h * 0.5f + pad_y, label.width(), Align::kLeft, out);
}

// `text` as it fits in `max_width`: whole, or cut at a character with "…" after it.
std::string FitWithEllipsis(const FontSet& fonts, const std::string& text, FontRole role,
                            float size, float max_width) {
  if (Label(fonts, text, role, size, 0).width() <= max_width) return text;
  std::vector<size_t> cuts;  // byte offsets where a character starts
  for (size_t i = 1; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) cuts.push_back(i);
  auto cut = [&](size_t n) {
    std::string s = text.substr(0, n);
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s + "\u2026";
  };
  size_t lo = 0, hi = cuts.size();  // the longest prefix that fits: cuts[lo - 1]
  while (lo < hi) {
    size_t mid = (lo + hi + 1) / 2;
    if (Label(fonts, cut(cuts[mid - 1]), role, size, 0).width() <= max_width)
      lo = mid;
    else
      hi = mid - 1;
  }
  return lo == 0 ? cut(cuts.empty() ? text.size() : cuts[0]) : cut(cuts[lo - 1]);
}

SlideLayout EmptyOverlay(float width, float height) {
  SlideLayout out;
  out.width = width;
  out.height = height;
  out.background = 0;
  return out;
}

}  // namespace

// [SECTION] Status: progress bar, slide number, typed number, notice -----------------------

SlideLayout LayoutStatusOverlay(const FontSet& fonts, float width, float height,
                                const StatusInfo& status) {
  SlideLayout out = EmptyOverlay(width, height);
  const int count = std::max(1, status.slide_count);
  const int steps = std::max(1, status.step_count);
  const int slide = std::clamp(status.slide, 0, count - 1);
  const int step = std::clamp(status.step, 0, steps - 1);

  // A thin bar along the bottom edge: slides done plus the share of this slide's steps.
  const float bar = 6;
  float done = (static_cast<float>(slide) + static_cast<float>(step + 1) / steps) / count;
  AddRect(&out, {0, height - bar, width, height}, Rgba(128, 128, 128, 48));
  AddRect(&out, {0, height - bar, width * std::clamp(done, 0.0f, 1.0f), height}, status.accent);

  if (status.show_number) {
    std::string number = std::to_string(slide + 1) + " / " + std::to_string(count);
    AddPill(&out, fonts, number, 22, width - 24, height - bar - 32, Align::kRight);
  }
  if (!status.typed_number.empty()) {
    std::string prompt = PresenterString(PresenterText::kGoTo, status.language,
                                         {status.typed_number + "\u2009\u2502"});
    AddPill(&out, fonts, prompt, 40, width * 0.5f, height - 150, Align::kCenter);
  }
  if (!status.notice.empty()) {
    AddPill(&out, fonts, status.notice, 30, width * 0.5f, 70, Align::kCenter);
  }
  return out;
}

// [SECTION] Help panel ---------------------------------------------------------------------

SlideLayout LayoutHelpOverlay(const FontSet& fonts, float width, float height, UiLanguage language,
                              std::span<const KeyHelpLine> extra) {
  SlideLayout out = EmptyOverlay(width, height);
  std::vector<const KeyHelpLine*> lines;
  for (const KeyHelpLine& line : KeyHelp()) lines.push_back(&line);
  for (const KeyHelpLine& line : extra) lines.push_back(&line);

  // The panel at design size first; on a screen too small for it (a presenter window, a
  // phone), everything again at the scale that fits. Returns the share of the screen the
  // panel takes (the larger of width and height).
  auto panel_at = [&](float s, SlideLayout* target) {
    const float size = 30 * s, row = size * 1.55f, pad = 56 * s, gap = 48 * s;
    Label title(fonts, PresenterString(PresenterText::kHelpTitle, language), FontRole::kSansBold,
                44 * s, kPillText);
    Label hint(fonts, PresenterString(PresenterText::kHelpClose, language), FontRole::kSans,
               24 * s, kPanelMuted);
    float keys_width = 0, actions_width = 0;
    std::vector<Label> keys, actions;
    keys.reserve(lines.size());
    actions.reserve(lines.size());
    for (const KeyHelpLine* line : lines) {
      keys.emplace_back(fonts, line->Keys(language), FontRole::kSansBold, size, kKeyColor);
      actions.emplace_back(fonts, line->Action(language), FontRole::kSans, size, kPillText);
      keys_width = std::max(keys_width, keys.back().width());
      actions_width = std::max(actions_width, actions.back().width());
    }
    const float panel_w = keys_width + gap + actions_width + 2 * pad;
    const float panel_h =
        pad + title.height() + 28 * s + row * lines.size() + 20 * s + hint.height() + pad;
    const float share = std::max(panel_w / width, panel_h / height);
    if (!target) return share;
    const float x0 = (width - panel_w) * 0.5f, y0 = (height - panel_h) * 0.5f;
    AddRect(target, {0, 0, width, height}, kHelpBackdrop);  // the slide stays, dimmed
    AddRect(target, {x0, y0, x0 + panel_w, y0 + panel_h}, kPanelBackground, 24 * s);
    const Rect clip{x0, y0, x0 + panel_w, y0 + panel_h};
    float y = y0 + pad;
    title.Emit(x0 + pad, y, panel_w - 2 * pad, Align::kLeft, target, &clip);
    y += title.height() + 28 * s;
    const float key_x = x0 + pad, action_x = key_x + keys_width + gap;
    for (size_t i = 0; i < lines.size(); ++i) {
      keys[i].Emit(key_x, y, keys_width, Align::kRight, target, &clip);
      actions[i].Emit(action_x, y, panel_w - (action_x - x0) - pad, Align::kLeft, target, &clip);
      y += row;
    }
    y += 20 * s;
    hint.Emit(x0 + pad, y, panel_w - 2 * pad, Align::kLeft, target, &clip);
    return share;
  };
  // At most 94 % of the screen either way.
  const float share = panel_at(1.0f, nullptr);
  panel_at(share > 0.94f ? 0.94f / share : 1.0f, &out);
  return out;
}

// [SECTION] Overview grid ------------------------------------------------------------------

namespace {
constexpr float kGridMarginX = 80, kGridMarginTop = 64, kGridMarginBottom = 48;
constexpr float kGridGapX = 32, kGridGapY = 20, kGridLabel = 40;
constexpr int kMinColumns = 3, kMaxColumns = 6;
}  // namespace

bool OverviewGrid::IsVisible(int slide) const {
  if (slide < 0 || slide >= slide_count) return false;
  int row = slide / columns;
  return row >= first_row && row < first_row + visible_rows;
}

Rect OverviewGrid::Thumbnail(int slide) const {
  int row = slide / columns - first_row, column = slide % columns;
  float x0 = x + column * step_x, y0 = y + row * step_y;
  return {x0, y0, x0 + thumb_width, y0 + thumb_height};
}

int OverviewGrid::SlideAt(float px, float py) const {
  if (step_x <= 0 || step_y <= 0 || px < x || py < y) return -1;
  int column = static_cast<int>((px - x) / step_x);
  int row = static_cast<int>((py - y) / step_y);
  if (column >= columns || row >= visible_rows) return -1;
  // Inside the thumbnail or its label, not in the gap.
  if (px - x - column * step_x > thumb_width) return -1;
  if (py - y - row * step_y > thumb_height + kGridLabel) return -1;
  int slide = (first_row + row) * columns + column;
  return slide < slide_count ? slide : -1;
}

OverviewGrid PlanOverviewGrid(int slide_count, float width, float height, int cursor,
                              int first_row) {
  OverviewGrid g;
  g.slide_count = std::max(1, slide_count);
  // The fewest columns (largest thumbnails) that show every slide; else the most, scrolled.
  float usable = height - kGridMarginTop - kGridMarginBottom + kGridGapY;
  for (int columns = kMinColumns; columns <= kMaxColumns; ++columns) {
    g.columns = columns;
    g.thumb_width = (width - 2 * kGridMarginX - (columns - 1) * kGridGapX) / columns;
    g.thumb_height = g.thumb_width * height / width;
    g.step_x = g.thumb_width + kGridGapX;
    g.step_y = g.thumb_height + kGridLabel + kGridGapY;
    g.rows = (g.slide_count + columns - 1) / columns;
    g.visible_rows = std::clamp(static_cast<int>(usable / g.step_y), 1, g.rows);
    if (g.visible_rows == g.rows) break;
  }
  int cursor_row = std::clamp(cursor, 0, g.slide_count - 1) / g.columns;
  first_row = std::clamp(first_row, cursor_row - g.visible_rows + 1, cursor_row);
  g.first_row = std::clamp(first_row, 0, g.rows - g.visible_rows);
  float grid_w = g.columns * g.step_x - kGridGapX;
  float grid_h = g.visible_rows * g.step_y - kGridGapY;
  g.x = (width - grid_w) * 0.5f;
  g.y = g.rows <= g.visible_rows ? (height - grid_h) * 0.5f : kGridMarginTop;
  return g;
}

OverviewLayers LayoutOverview(const FontSet& fonts, const OverviewGrid& grid,
                              const std::vector<std::string>& titles, int cursor, int current,
                              float width, float height) {
  OverviewLayers layers;
  layers.under = EmptyOverlay(width, height);
  layers.under.background = kOverviewBackdrop;
  SlideLayout& out = layers.over = EmptyOverlay(width, height);
  for (int i = 0; i < grid.slide_count; ++i) {
    if (!grid.IsVisible(i)) continue;
    Rect t = grid.Thumbnail(i);
    if (i == current) AddFrame(&out, {t.x0 - 4, t.y0 - 4, t.x1 + 4, t.y1 + 4}, kCurrentFrame, 2, 4);
    if (i == cursor) AddFrame(&out, {t.x0 - 7, t.y0 - 7, t.x1 + 7, t.y1 + 7}, kCursorFrame, 6, 6);
    std::string text = std::to_string(i + 1);
    if (i < static_cast<int>(titles.size()) && !titles[i].empty()) text += "   " + titles[i];
    const FontRole role = i == cursor ? FontRole::kSansBold : FontRole::kSans;
    Label label(fonts, FitWithEllipsis(fonts, text, role, 22, grid.thumb_width), role, 22,
                i == cursor ? kCursorFrame : kPanelMuted);
    Rect clip{t.x0, t.y1, t.x1, t.y1 + kGridLabel};
    label.Emit(t.x0, t.y1 + 10, grid.thumb_width, Align::kLeft, &out, &clip);
  }
  // A scroll bar when not every row fits.
  if (grid.rows > grid.visible_rows) {
    float x0 = width - 36, x1 = width - 28, y0 = kGridMarginTop, y1 = height - kGridMarginBottom;
    AddRect(&out, {x0, y0, x1, y1}, Rgba(255, 255, 255, 30), 4);
    float share = static_cast<float>(grid.visible_rows) / grid.rows;
    float top = y0 + (y1 - y0) * grid.first_row / grid.rows;
    AddRect(&out, {x0, top, x1, top + (y1 - y0) * share}, Rgba(255, 255, 255, 110), 4);
  }
  return layers;
}

// [SECTION] Clock --------------------------------------------------------------------------

std::string FormatClock(double seconds) {
  if (!std::isfinite(seconds)) seconds = 0;
  bool negative = seconds < 0;
  long long total = static_cast<long long>(std::floor(std::fabs(seconds)));
  long long h = total / 3600, m = total / 60 % 60, s = total % 60;
  char buffer[40];
  if (h > 0)
    std::snprintf(buffer, sizeof buffer, "%s%lld:%02lld:%02lld", negative ? "-" : "", h, m, s);
  else
    std::snprintf(buffer, sizeof buffer, "%s%lld:%02lld", negative ? "-" : "", m, s);
  return buffer;
}

}  // namespace podium
