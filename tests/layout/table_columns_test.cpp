// Table column widths: naturals when they fit, narrow columns kept whole, wide ones
// sharing the rest, minimums respected.
#include "layout/table_columns.h"

#include <gtest/gtest.h>

#include <numeric>

namespace podium {
namespace {

float Sum(const std::vector<float>& v) { return std::accumulate(v.begin(), v.end(), 0.0f); }

TEST(TableColumnWidths, NaturalWidthsWhenTheyFit) {
  EXPECT_EQ(TableColumnWidths({100, 200}, {50, 60}, 400), (std::vector<float>{100, 200}));
}

TEST(TableColumnWidths, NarrowColumnsKeepTheirNaturalWidth) {
  // A two-ideograph heading (natural 80, one ideograph 50) beside a long description.
  auto w = TableColumnWidths({80, 150, 2000, 120}, {50, 60, 70, 60}, 1000);
  EXPECT_FLOAT_EQ(w[0], 80);
  EXPECT_FLOAT_EQ(w[1], 150);
  EXPECT_FLOAT_EQ(w[3], 120);
  EXPECT_FLOAT_EQ(w[2], 1000 - 80 - 150 - 120);
}

TEST(TableColumnWidths, WideColumnsShareInProportionToTheirText) {
  auto w = TableColumnWidths({1000, 3000}, {50, 50}, 800);
  EXPECT_FLOAT_EQ(w[0], 200);
  EXPECT_FLOAT_EQ(w[1], 600);
}

TEST(TableColumnWidths, NoColumnBelowItsWidestWord) {
  // Proportionally the first column would get 120, less than its 300-wide word.
  auto w = TableColumnWidths({600, 4400}, {300, 50}, 1000);
  EXPECT_FLOAT_EQ(w[0], 300);
  EXPECT_FLOAT_EQ(w[1], 700);
}

TEST(TableColumnWidths, KeptColumnsGiveWayWhenAWideOneNeedsTheRoom) {
  // Keeping the first column whole (45) would leave the second less than its minimum 80.
  auto w = TableColumnWidths({45, 200}, {10, 80}, 100);
  EXPECT_NEAR(Sum(w), 100, 0.01);
  EXPECT_GE(w[0], 10);
  EXPECT_GE(w[1], 80 - 0.01);
}

TEST(TableColumnWidths, MinimumsThatDoNotFitAreScaledAlike) {
  auto w = TableColumnWidths({400, 600}, {200, 300}, 250);
  EXPECT_FLOAT_EQ(w[0], 100);
  EXPECT_FLOAT_EQ(w[1], 150);
}

}  // namespace
}  // namespace podium
