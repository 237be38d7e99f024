// CSS colours, as decks write them in directives (`backgroundColor: #1e293b`), mermaid
// styles and TeX's \color: #rgb, #rgba, #rrggbb, #rrggbbaa, rgb()/rgba(), `transparent`
// and the common CSS named colours. Packed as Dear ImGui's ImU32 (0xAABBGGRR).
//
//   ParseColor("#1e293b") == 0xff3b291e;   ParseColor("nonsense") == std::nullopt
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace podium {

std::optional<uint32_t> ParseColor(std::string_view text);

}  // namespace podium
