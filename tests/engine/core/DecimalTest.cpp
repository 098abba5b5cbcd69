#include "core/Decimal.h"

#include <gtest/gtest.h>

using namespace fairtender;

TEST(Decimal, ParsesPlainDecimalsOnly) {
    EXPECT_DOUBLE_EQ(*parseDecimal("40"), 40.0);
    EXPECT_DOUBLE_EQ(*parseDecimal("-2.5"), -2.5);
    EXPECT_DOUBLE_EQ(*parseDecimal("+0.25"), 0.25);
    EXPECT_FALSE(parseDecimal("1e3"));
    EXPECT_FALSE(parseDecimal("nan"));
    EXPECT_FALSE(parseDecimal(".5"));
    EXPECT_FALSE(parseDecimal("5."));
    EXPECT_FALSE(parseDecimal("12abc"));
    EXPECT_FALSE(parseDecimal(""));
}

TEST(Decimal, RoundsHalfAwayFromZero) {
    EXPECT_DOUBLE_EQ(roundHalfAwayFromZero(2.345, 2), 2.35);
    EXPECT_DOUBLE_EQ(roundHalfAwayFromZero(1.005, 2), 1.01);
    EXPECT_DOUBLE_EQ(roundHalfAwayFromZero(-0.5, 0), -1.0);
    EXPECT_DOUBLE_EQ(roundHalfAwayFromZero(38.095238, 2), 38.10);
    EXPECT_DOUBLE_EQ(roundHalfAwayFromZero(36.571428, 2), 36.57);
}

TEST(Decimal, FormatsFixedPlaces) {
    EXPECT_EQ(formatFixed(38.1, 2), "38.10");
    EXPECT_EQ(formatFixed(0.9523809, 6), "0.952381");
    EXPECT_EQ(formatFixed(-1.5, 0), "-2");
    EXPECT_EQ(formatFixed(7, 0), "7");
    EXPECT_EQ(formatDecimal(0.8), "0.8");
    EXPECT_EQ(formatDecimal(40), "40");
}

TEST(Decimal, RoundsLargeAmountsWithoutDrift) {
    EXPECT_EQ(formatFixed(123456789012.5, 2), "123456789012.50");
    EXPECT_EQ(formatFixed(9876543210.125, 2), "9876543210.13");
    EXPECT_EQ(roundedUnits(4999999999.994, 2), 499999999999);
}
