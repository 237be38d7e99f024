#include "model/deck.h"

namespace podium {

DesignSize DesignSizeOf(const DeckMeta& meta) {
  if (meta.size == "4:3") return {1440, 1080};
  return {1920, 1080};
}

}  // namespace podium
