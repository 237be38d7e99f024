#include "layout/table_columns.h"

#include <algorithm>
#include <numeric>

namespace podium {

std::vector<float> TableColumnWidths(const std::vector<float>& natural,
                                     const std::vector<float>& minimum, float width) {
  const size_t n = natural.size();
  std::vector<float> widths = natural;
  if (std::accumulate(natural.begin(), natural.end(), 0.0f) <= width) return widths;

  float min_total = std::accumulate(minimum.begin(), minimum.end(), 0.0f);
  if (min_total >= width) {
    widths = minimum;
    if (min_total > 0)
      for (float& w : widths) w *= width / min_total;
    return widths;
  }

  // Each pass settles columns at their natural width (narrow ones) or at their minimum
  // (wide ones whose proportional share would be below it), until the proportional share
  // of the rest respects every remaining minimum.
  std::vector<bool> settled(n, false);
  float left = width;
  for (bool changed = true; changed;) {
    changed = false;
    size_t open = 0;
    for (size_t c = 0; c < n; ++c) open += settled[c] ? 0 : 1;
    if (open == 0) break;
    float fair = left / static_cast<float>(open);
    for (size_t c = 0; c < n; ++c) {
      if (!settled[c] && natural[c] <= fair) {
        settled[c] = true;
        widths[c] = natural[c];
        left -= natural[c];
        changed = true;
      }
    }
    if (changed) continue;
    float open_natural = 0;
    for (size_t c = 0; c < n; ++c)
      if (!settled[c]) open_natural += natural[c];
    for (size_t c = 0; c < n; ++c) {
      if (settled[c]) continue;
      float share = open_natural > 0 ? left * natural[c] / open_natural : 0;
      if (share < minimum[c]) {
        settled[c] = true;
        widths[c] = minimum[c];
        left -= minimum[c];
        changed = true;
      }
    }
    if (changed) continue;
    for (size_t c = 0; c < n; ++c)
      if (!settled[c]) widths[c] = open_natural > 0 ? left * natural[c] / open_natural : 0;
  }
  if (std::accumulate(widths.begin(), widths.end(), 0.0f) <= width + 0.01f) return widths;

  // Narrow columns kept whole left a wide one less than its widest word: shrink every
  // column towards its minimum instead, in proportion to what it can give.
  float slack = 0, excess = -width;
  for (size_t c = 0; c < n; ++c) {
    slack += natural[c] - minimum[c];
    excess += natural[c];
  }
  for (size_t c = 0; c < n; ++c)
    widths[c] = natural[c] - (natural[c] - minimum[c]) / slack * excess;
  return widths;
}

}  // namespace podium
