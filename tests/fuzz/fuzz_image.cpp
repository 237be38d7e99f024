// libFuzzer target: any bytes as an image file → ImageStore::AddEncoded (stb_image behind
// Podium's header checks) → a slide showing it, rendered small.
// Seeds: tests/fuzz/corpus/image (PNG, JPEG, GIF, BMP; whole, truncated, huge headers).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_paths.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  podium::fuzz::RunImage(std::string_view(reinterpret_cast<const char*>(data), size),
                         podium::fuzz::Fonts());
  return 0;
}
