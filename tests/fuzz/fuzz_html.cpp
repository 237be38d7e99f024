// libFuzzer target: raw HTML and a style sheet on a slide (up to the first \x01 the CSS,
// then the HTML) → ParseDeck's HTML pass and cascade → layout → pixels. Seeds:
// corpus/html. Dictionary: html.dict.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_paths.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  podium::fuzz::RunHtml(std::string_view(reinterpret_cast<const char*>(data), size),
                        podium::fuzz::Fonts());
  return 0;
}
