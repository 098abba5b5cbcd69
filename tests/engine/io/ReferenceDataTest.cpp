#include "io/xml/ReferenceData.h"

#include "IoTestSupport.h"

#include <gtest/gtest.h>

using namespace fairtender;
using fairtender::testing::hasDiagnostic;

namespace {

const LivingWageTable& shippedTable() {
    static const LivingWageTable table = [] {
        Diagnostics d;
        auto loaded = loadLivingWageTable(std::filesystem::path(FAIRTENDER_SOURCE_DIR) /
                                              "templates/reference/living-wage-rates.xml",
                                          d);
        EXPECT_TRUE(loaded) << fairtender::testing::describe(d);
        return loaded.value_or(LivingWageTable{});
    }();
    return table;
}

Date date(const char* text) {
    return *Date::parse(text);
}

} // namespace

TEST(ReferenceData, LoadsTheShippedTemplate) {
    EXPECT_EQ(shippedTable().realLivingWage.size(), 7u);
    EXPECT_EQ(shippedTable().nationalLivingWage.size(), 8u);
}

TEST(ReferenceData, LatestAnnouncedRealLivingWageAndNationalLivingWageInForce) {
    const auto rates = shippedTable().ratesOn(date("2025-11-01"), "uk");
    ASSERT_TRUE(rates);
    EXPECT_EQ(rates->realLivingWage.pence(), 1345);
    EXPECT_EQ(rates->statutoryMinimum.pence(), 1221);
    EXPECT_EQ(rates->period, "2025/26");
}

TEST(ReferenceData, NewNationalLivingWageAppliesFromApril) {
    const auto rates = shippedTable().ratesOn(date("2026-05-01"), "uk");
    ASSERT_TRUE(rates);
    EXPECT_EQ(rates->realLivingWage.pence(), 1345);
    EXPECT_EQ(rates->statutoryMinimum.pence(), 1271);
}

TEST(ReferenceData, LondonHasItsOwnRate) {
    EXPECT_EQ(shippedTable().ratesOn(date("2025-11-01"), "london")->realLivingWage.pence(), 1480);
}

TEST(ReferenceData, DayBeforeAnAnnouncementUsesThePreviousRate) {
    EXPECT_EQ(shippedTable().ratesOn(date("2025-10-21"), "uk")->realLivingWage.pence(), 1260);
}

TEST(ReferenceData, DateBeforeTheDataOrUnknownRegionGivesNothing) {
    EXPECT_FALSE(shippedTable().ratesOn(date("2019-01-01"), "uk"));
    EXPECT_FALSE(shippedTable().ratesOn(date("2025-11-01"), "scotland"));
}

TEST(ReferenceData, BadEntriesAreReportedWithTheirLocation) {
    Diagnostics d;
    EXPECT_FALSE(parseLivingWageTable(
        "<living-wage-rates xmlns=\"urn:fairtender:reference:1\">\n"
        "  <real-living-wage period=\"2025/26\" announced=\"2025-13-01\" uk=\"13.45\"/>\n"
        "</living-wage-rates>\n",
        "rates.xml", d));
    EXPECT_TRUE(hasDiagnostic(d, 2, 38, "announced '2025-13-01' is not a date"));
    EXPECT_TRUE(hasDiagnostic(d, 2, 3, "missing the required attribute 'london'"));
}

TEST(ReferenceData, UnreadableFileIsAnError) {
    Diagnostics d;
    EXPECT_FALSE(loadLivingWageTable("/nonexistent/rates.xml", d));
    EXPECT_TRUE(fairtender::testing::hasMessage(d, "cannot read the living wage reference data"));
}

TEST(ReferenceData, MissingReferenceFileIsAWarningNotAnError) {
    Diagnostics warnings;
    const auto table = fairtender::loadReferenceLivingWageTable(
        std::filesystem::temp_directory_path() / "no-such-folder" / "living-wage-rates.xml",
        warnings);
    EXPECT_FALSE(table);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].severity, fairtender::Severity::Warning);
    EXPECT_NE(warnings[0].message.find("FAIRTENDER_TEMPLATES"), std::string::npos);
}

TEST(ReferenceData, ShippedReferenceFileLoadsWithoutWarnings) {
    Diagnostics warnings;
    const auto table = fairtender::loadReferenceLivingWageTable(
        std::filesystem::path(FAIRTENDER_SOURCE_DIR) / "templates/reference/living-wage-rates.xml",
        warnings);
    ASSERT_TRUE(table);
    EXPECT_TRUE(warnings.empty());
    EXPECT_EQ(table->ratesOn(*fairtender::Date::parse("2026-05-01"), "london")->realLivingWage,
              fairtender::Money::fromPence(1480));
}
