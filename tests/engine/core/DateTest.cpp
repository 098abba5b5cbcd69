#include "core/Date.h"

#include <gtest/gtest.h>

using fairtender::Date;

TEST(Date, ParsesIsoDatesOfRealDays) {
    EXPECT_EQ(Date::parse("2025-10-22")->toString(), "2025-10-22");
    EXPECT_TRUE(Date::parse("2024-02-29"));
    EXPECT_FALSE(Date::parse("2025-02-29"));
    EXPECT_FALSE(Date::parse("2025-13-01"));
    EXPECT_FALSE(Date::parse("22/10/2025"));
}

TEST(Date, OrdersChronologically) {
    EXPECT_LT(*Date::parse("2025-04-01"), *Date::parse("2025-10-22"));
    EXPECT_LT(*Date::parse("2024-12-31"), *Date::parse("2025-01-01"));
}
