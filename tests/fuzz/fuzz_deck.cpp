// libFuzzer target: any bytes as a deck file → ParseDeck → LayoutDeck of every slide and
// of the speaker notes → now and then one slide rendered small on the CPU.
// Seeds: tests/fuzz/corpus/deck (sample decks, spec examples). Dictionary: deck.dict.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_paths.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  podium::fuzz::RunDeck(std::string_view(reinterpret_cast<const char*>(data), size),
                        podium::fuzz::Fonts());
  return 0;
}
