// libFuzzer target: front matter, `<!-- directive -->` comments and Slidev slide headers,
// generated around the fuzzer's bytes (DirectivesDeckText in fuzz_paths.h) and run
// through the whole deck path. Seeds: tests/fuzz/corpus/directives.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_paths.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  podium::fuzz::RunDirectives(std::string_view(reinterpret_cast<const char*>(data), size),
                              podium::fuzz::Fonts());
  return 0;
}
