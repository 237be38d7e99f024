// libFuzzer target: a TeX formula (what a deck writes between `$…$` or `$$…$$`) →
// ParseTex → TypesetMath, inline and display. Seeds: corpus/tex. Dictionary: tex.dict.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_paths_parsers.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  podium::fuzz::RunTex(std::string_view(reinterpret_cast<const char*>(data), size),
                       podium::fuzz::Fonts());
  return 0;
}
