// Overlays: what a player window shows over or instead of the slide — the progress bar and
// slide number, the typed "go to" number, short notices, the help panel and the overview
// grid — laid out as SlideLayouts in the deck's design units, so every front end draws them
// with the same DrawSlide() and the same letterbox transform as the slide itself.
//
//   StatusInfo status{.slide = s.slide(), .slide_count = n, …};
//   SlideLayout over = LayoutStatusOverlay(fonts, 1920, 1080, status);
//   DrawSlide(over, params, nullptr, glyphs, host, list);     // after the slide
//
//   OverviewGrid grid = PlanOverviewGrid(n, 1920, 1080, s.overview_cursor(), grid.first_row);
//   OverviewLayers layers = LayoutOverview(fonts, grid, titles, s.overview_cursor(), s.slide());
//   DrawSlide(layers.under …); for each grid.IsVisible(i): DrawSlide(layouts[i], thumbnail
//   placement …); DrawSlide(layers.over …);
//
// Overlay layouts have background 0 (transparent): DrawSlide draws only their items. They
// hold no pointers; fonts are only read while laying out. Text that no font can draw is
// left out, as in slides.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "layout/slide_layout.h"
#include "present/keymap.h"
#include "present/ui_language.h"
#include "text/font.h"

namespace podium {

// [SECTION] Progress, slide number, typed number, notice --------------------------------

struct StatusInfo {
  int slide = 0;  // 0-based; shown 1-based
  int slide_count = 1;
  int step = 0;  // 0-based; the bar moves by steps within a slide
  int step_count = 1;
  bool show_number = true;   // false when the slide paginates itself
  std::string typed_number;  // digits typed for "go to slide"; "" hides the prompt
  UiLanguage language = UiLanguage::kEnglish;  // of the "go to slide" prompt
  std::string notice;            // a short message ("Timer paused 03:12"); "" hides it
  uint32_t accent = 0xffd08a3b;  // progress bar colour (ImU32), e.g. the theme's accent
};

SlideLayout LayoutStatusOverlay(const FontSet& fonts, float width, float height,
                                const StatusInfo& status);

// [SECTION] Help ------------------------------------------------------------------------

// The keyboard help panel (present/keymap.h's KeyHelp(), then `extra` lines a front end
// adds for keys of its own), centred on a dimmed screen, opaque, and scaled down to fit a
// `width`×`height` screen of any shape. In `language` (pass kEnglish when the CJK faces
// are not loaded).
SlideLayout LayoutHelpOverlay(const FontSet& fonts, float width, float height,
                              UiLanguage language = UiLanguage::kEnglish,
                              std::span<const KeyHelpLine> extra = {});

// [SECTION] Overview --------------------------------------------------------------------

// Geometry of the overview: a grid of thumbnails, scrolled by whole rows.
struct OverviewGrid {
  int slide_count = 1;
  int columns = 1;
  int rows = 1;          // rows of the whole deck
  int visible_rows = 1;  // rows that fit
  int first_row = 0;     // the first visible row
  float x = 0, y = 0;    // top-left of the first visible thumbnail
  float thumb_width = 0, thumb_height = 0;
  float step_x = 0, step_y = 0;  // from one cell to the next (thumbnail, label, gap)

  bool IsVisible(int slide) const;
  Rect Thumbnail(int slide) const;        // where slide's thumbnail goes (also when not visible)
  int SlideAt(float px, float py) const;  // the slide whose thumbnail holds the point; -1
};

// A grid for `slide_count` slides in a width×height design area, thumbnails of the same
// aspect ratio; scrolled as little as possible from `first_row` to show `cursor`'s row.
OverviewGrid PlanOverviewGrid(int slide_count, float width, float height, int cursor,
                              int first_row);

struct OverviewLayers {
  SlideLayout under;  // the backdrop, drawn before the thumbnails
  SlideLayout over;   // numbers, titles, the cursor and current-slide frames
};
// `titles[i]` labels slide i (may be shorter than the deck: missing titles are blank).
OverviewLayers LayoutOverview(const FontSet& fonts, const OverviewGrid& grid,
                              const std::vector<std::string>& titles, int cursor, int current,
                              float width, float height);

// [SECTION] Helpers ---------------------------------------------------------------------

// Timer text: "0:07", "12:34", "1:02:03"; negative values get a leading "-".
std::string FormatClock(double seconds);

}  // namespace podium
