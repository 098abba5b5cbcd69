// Money::parseTyped: amounts as people type them, with a pound sign and thousands
// separators, still exact to the penny; and the reason a postcode prefix is refused.
#include "core/Money.h"
#include "core/Postcode.h"

#include <gtest/gtest.h>

namespace fairtender {
namespace {

TEST(MoneyTyped, PoundSignAndSeparatorsGive123456789Pence) {
    EXPECT_EQ(Money::parseTyped("\u00a31,234,567.89"), Money::fromPence(123456789));
    EXPECT_EQ(Money::parseTyped(" 1,234,567.89 "), Money::fromPence(123456789));
}

TEST(MoneyTyped, PlainDigitsParseAsMoneyParseDoes) {
    EXPECT_EQ(Money::parseTyped("1234567.89"), Money::fromPence(123456789));
    EXPECT_EQ(Money::parseTyped("\u00a3999"), Money::fromPence(99900));
}

TEST(MoneyTyped, MisplacedSeparatorsAndThirdDecimalAreRefused) {
    EXPECT_FALSE(Money::parseTyped("1,23,4").has_value());
    EXPECT_FALSE(Money::parseTyped("1234,567").has_value());
    EXPECT_FALSE(Money::parseTyped(",123").has_value());
    EXPECT_FALSE(Money::parseTyped("12.345").has_value());
    EXPECT_FALSE(Money::parseTyped("\u00a3").has_value());
    EXPECT_FALSE(Money::parseTyped("1e6").has_value());
}

TEST(PostcodePrefixProblem, ValidPrefixHasNoProblem) {
    EXPECT_EQ(postcodePrefixProblem("PR1 2"), "");
}

TEST(PostcodePrefixProblem, InvalidPrefixSaysWhatAPrefixIs) {
    EXPECT_EQ(postcodePrefixProblem("PRX"),
              "postcode prefix 'PRX' is not a UK postcode area (PR), district (PR1), sector "
              "(PR1 2) or full postcode (PR1 2HE)");
}

} // namespace
} // namespace fairtender
