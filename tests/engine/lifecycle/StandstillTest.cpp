// The standstill period: 8 working days after the award notice, skipping weekends and the
// England and Wales bank holidays of the reference file.
#include "lifecycle/Standstill.h"

#include <gtest/gtest.h>

namespace fairtender {
namespace {

const BankHolidays& englandAndWales() {
    static const BankHolidays holidays = [] {
        Diagnostics diagnostics;
        auto loaded =
            loadBankHolidays(std::filesystem::path(FAIRTENDER_SOURCE_DIR) /
                                 "templates/reference/bank-holidays-england-and-wales.xml",
                             diagnostics);
        EXPECT_TRUE(diagnostics.empty());
        return loaded.value_or(BankHolidays{});
    }();
    return holidays;
}

Date day(const char* text) {
    return *Date::parse(text);
}

TEST(Standstill, ReferenceFileListsEightHolidaysAYearFor2024To2027) {
    const BankHolidays& h = englandAndWales();
    EXPECT_EQ(h.division, "england-and-wales");
    EXPECT_EQ(h.days.size(), 32u);
    EXPECT_TRUE(h.covers(2024));
    EXPECT_TRUE(h.covers(2027));
    EXPECT_FALSE(h.covers(2028));
}

TEST(Standstill, WeekdayOfFriday19December2025IsFriday) {
    EXPECT_EQ(weekday(day("2025-12-19")), 4);
    EXPECT_EQ(weekday(day("2026-01-05")), 0);
}

TEST(Standstill, AwardOnFriday19December2025EndsOnMonday5January2026) {
    // Mon 22, Tue 23, Wed 24 (3); 25 and 26 Dec holidays; Mon 29, Tue 30, Wed 31 (6);
    // 1 Jan holiday; Fri 2 Jan (7); Mon 5 Jan (8).
    EXPECT_EQ(standstillEnd(day("2025-12-19"), englandAndWales()), day("2026-01-05"));
}

TEST(Standstill, PlainFortnightCountsEightWeekdays) {
    // Tue 3 to Thu 12 March 2026: 3, 4, 5, 6, 9, 10, 11, 12.
    EXPECT_EQ(standstillEnd(day("2026-03-02"), englandAndWales()), day("2026-03-12"));
}

TEST(Standstill, EasterSkipsGoodFridayAndEasterMonday) {
    // Thu 2 April 2026: 3 and 6 April are holidays; Tue 7 .. Thu 16 April are the 8 days.
    EXPECT_EQ(standstillEnd(day("2026-04-02"), englandAndWales()), day("2026-04-16"));
}

TEST(Standstill, SubstituteBoxingDay2026IsSkipped) {
    // Thu 24 Dec 2026: 25 and 28 Dec holidays; 29, 30, 31 Dec; 1 Jan holiday; 4 .. 8 Jan.
    EXPECT_EQ(standstillEnd(day("2026-12-24"), englandAndWales()), day("2027-01-08"));
}

TEST(Standstill, CountRunningPastTheListIsRefused) {
    EXPECT_FALSE(standstillEnd(day("2027-12-24"), englandAndWales()).has_value());
}

TEST(Standstill, HolidayOutsideTheListedYearsIsAnError) {
    Diagnostics diagnostics;
    const auto parsed =
        parseBankHolidays("<bank-holidays division=\"x\" from=\"2024\" to=\"2024\">\n"
                          "  <holiday date=\"2025-01-01\">New Year</holiday>\n</bank-holidays>",
                          "bh.xml", diagnostics);
    EXPECT_FALSE(parsed.has_value());
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].where.line, 2);
}

} // namespace
} // namespace fairtender
