#include "layout/qr_code.h"

#include <string>

#include <qrencode.h>

namespace podium {

LayoutBox MakeQrBox(std::string_view text, float size) {
  LayoutBox box;
  if (text.empty() || text.size() > 2000) return box;
  std::string owned(text);
  QRcode* code = QRcode_encodeString8bit(owned.c_str(), 0, QR_ECLEVEL_M);
  if (!code) return box;
  constexpr int kQuietZone = 4;
  const int n = code->width;
  const float module = size / static_cast<float>(n + 2 * kQuietZone);
  box.width = size;
  box.descent = size;

  LayoutItem card;
  card.kind = LayoutItemKind::kRect;
  card.rect = {0, 0, size, size};
  card.color = 0xffffffff;
  card.rounding = module * 1.5f;
  box.items.push_back(card);
  // One rectangle per horizontal run of dark modules.
  for (int y = 0; y < n; ++y) {
    for (int x = 0; x < n;) {
      if (!(code->data[y * n + x] & 1)) {
        ++x;
        continue;
      }
      int end = x;
      while (end < n && (code->data[y * n + end] & 1)) ++end;
      LayoutItem run;
      run.kind = LayoutItemKind::kRect;
      run.color = 0xff000000;
      run.rect = {(kQuietZone + x) * module, (kQuietZone + y) * module, (kQuietZone + end) * module,
                  (kQuietZone + y + 1) * module};
      box.items.push_back(run);
      x = end;
    }
  }
  QRcode_free(code);
  return box;
}

}  // namespace podium
