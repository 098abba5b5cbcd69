#include "core/Money.h"

#include <gtest/gtest.h>

using fairtender::Money;

TEST(Money, ParsesPoundsAndPenceExactly) {
    EXPECT_EQ(Money::parse("1050000.00")->pence(), 105000000);
    EXPECT_EQ(Money::parse("0.1")->pence(), 10);
    EXPECT_EQ(Money::parse("13.6")->pence(), 1360);
    EXPECT_EQ(Money::parse("-12.30")->pence(), -1230);
    EXPECT_EQ(Money::parse("7")->pence(), 700);
}

TEST(Money, RejectsMoreThanTwoPlacesExponentsAndSeparators) {
    EXPECT_FALSE(Money::parse("1.005"));
    EXPECT_FALSE(Money::parse("1e6"));
    EXPECT_FALSE(Money::parse("1,000.00"));
    EXPECT_FALSE(Money::parse(""));
    EXPECT_FALSE(Money::parse("."));
    EXPECT_FALSE(Money::parse("12."));
    EXPECT_FALSE(Money::parse(".5"));
    EXPECT_FALSE(Money::parse("£12"));
    EXPECT_FALSE(Money::parse("99999999999999999999"));
}

TEST(Money, FormatsForPeopleWithThousandsAndForFilesPlain) {
    EXPECT_EQ(Money::fromPence(105000000).toDisplayString(), "1,050,000.00");
    EXPECT_EQ(Money::fromPence(105000000).toPlainString(), "1050000.00");
    EXPECT_EQ(Money::fromPence(-5).toDisplayString(), "-0.05");
    EXPECT_EQ(fairtender::formatPounds(960000.0), "960,000.00");
}
