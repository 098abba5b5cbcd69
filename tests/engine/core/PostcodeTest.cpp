#include "core/Postcode.h"

#include <gtest/gtest.h>

using fairtender::Postcode;
using fairtender::PostcodePrefix;

TEST(Postcode, NormalisesCaseAndSpacing) {
    EXPECT_EQ(Postcode::parse("pr12he")->text(), "PR1 2HE");
    EXPECT_EQ(Postcode::parse("  PR1   2HE ")->text(), "PR1 2HE");
    EXPECT_EQ(Postcode::parse("ec1a1bb")->text(), "EC1A 1BB");
    EXPECT_EQ(Postcode::parse("M1 1AE")->text(), "M1 1AE");
}

TEST(Postcode, RejectsWhatIsNotAUkPostcode) {
    EXPECT_FALSE(Postcode::parse("PR1"));
    EXPECT_FALSE(Postcode::parse("12345"));
    EXPECT_FALSE(Postcode::parse("PR1 2H"));
    EXPECT_FALSE(Postcode::parse("PRR1 2HE"));
    EXPECT_FALSE(Postcode::parse(""));
}

TEST(Postcode, SplitsIntoAreaDistrictSector) {
    const auto p = *Postcode::parse("PR10 1AA");
    EXPECT_EQ(p.area(), "PR");
    EXPECT_EQ(p.outward(), "PR10");
    EXPECT_EQ(p.inward(), "1AA");
    EXPECT_EQ(p.sector(), "PR10 1");
}

TEST(PostcodePrefix, DistrictContainsItsUnitsButNotALongerDistrict) {
    const auto pr1 = *PostcodePrefix::parse("PR1");
    EXPECT_TRUE(pr1.contains(*Postcode::parse("PR1 2HE")));
    EXPECT_FALSE(pr1.contains(*Postcode::parse("PR10 1AA")));
}

TEST(PostcodePrefix, AreaSectorAndUnitLevels) {
    EXPECT_EQ(PostcodePrefix::parse("pr")->level(), PostcodePrefix::Level::Area);
    EXPECT_EQ(PostcodePrefix::parse("PR1 2")->level(), PostcodePrefix::Level::Sector);
    EXPECT_EQ(PostcodePrefix::parse("PR1 2HE")->level(), PostcodePrefix::Level::Unit);
    EXPECT_TRUE(PostcodePrefix::parse("PR")->contains(*Postcode::parse("PR10 1AA")));
    EXPECT_FALSE(PostcodePrefix::parse("P")->contains(*Postcode::parse("PR1 2HE")));
    EXPECT_TRUE(PostcodePrefix::parse("PR1 2")->contains(*Postcode::parse("PR1 2HE")));
    EXPECT_FALSE(PostcodePrefix::parse("PR1 2")->contains(*Postcode::parse("PR1 3HE")));
    EXPECT_FALSE(PostcodePrefix::parse("PR1 2X"));
}
