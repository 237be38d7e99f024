#include "layout/slide_layout.h"

#include <algorithm>

namespace podium {

void PlaceBox(const LayoutBox& box, float x, float baseline, int step, SlideLayout* out) {
  for (LayoutItem item : box.items) {
    item.rect.x0 += x;
    item.rect.x1 += x;
    item.rect.y0 += baseline;
    item.rect.y1 += baseline;
    if (item.clipped) {
      item.clip.x0 += x;
      item.clip.x1 += x;
      item.clip.y0 += baseline;
      item.clip.y1 += baseline;
    }
    item.step = std::max(item.step, step);
    out->items.push_back(std::move(item));
  }
}

}  // namespace podium
