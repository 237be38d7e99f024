// libFuzzer target: the presenter sync message (what another window or storage hands a
// player) → ParseSessionMessage + Session::Restore, then moves; Session invariants checked.
// Input: one byte choosing the deck's shape, then the message. Seeds: corpus/session.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_paths.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  podium::fuzz::RunSession(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
