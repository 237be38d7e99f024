// stb_image's failure reason is a global nothing clears: ClearStbFailureReason() does, so a
// failure without a reason of its own never shows an earlier image's.
#include "stb_failure.h"

#include <gtest/gtest.h>
#include <stb_image.h>

#include <cstdint>
#include <vector>

namespace podium {
namespace {

TEST(StbFailureReason, IsClearedBeforeTheNextDecode) {
  const std::vector<uint8_t> not_an_image = {'n', 'o', 't', ' ', 'a', 'n', ' ', 'i', 'm', 'a', 'g', 'e'};
  int w = 0, h = 0, channels = 0;
  EXPECT_EQ(stbi_load_from_memory(not_an_image.data(), static_cast<int>(not_an_image.size()), &w,
                                  &h, &channels, 4),
            nullptr);
  ASSERT_NE(stbi_failure_reason(), nullptr);  // "unknown image type"
  ClearStbFailureReason();
  EXPECT_EQ(stbi_failure_reason(), nullptr);
}

}  // namespace
}  // namespace podium
