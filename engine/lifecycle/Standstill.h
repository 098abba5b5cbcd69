// Standstill: after an award decision the contract may not be entered into until the
// standstill period has ended: 8 working days under the Procurement Act 2023 (s.51),
// counted from the day after the notice, skipping weekends and bank holidays.
#pragma once

#include "core/Date.h"
#include "core/Diagnostic.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fairtender {

// The Procurement Act 2023 standstill period in working days.
inline constexpr int kStandstillWorkingDays = 8;

// Bank holidays of one division of the UK, sorted, with the years the list covers.
struct BankHolidays {
    std::string division; // "england-and-wales"
    std::vector<Date> days;
    int firstYear = 0;
    int lastYear = 0;

    // True when `day` is listed.
    bool contains(const Date& day) const;
    // True when the list covers `year`.
    bool covers(int year) const { return year >= firstYear && year <= lastYear; }
};

// Parses bank-holidays-*.xml (<bank-holidays division=".." from=".." to=".."> with
// <holiday date="YYYY-MM-DD">name</holiday>); diagnostics name file, line and column.
std::optional<BankHolidays> parseBankHolidays(std::string_view xml, const std::string& fileName,
                                              Diagnostics& diagnostics);
// Reads and parses the file; a missing file is an error diagnostic.
std::optional<BankHolidays> loadBankHolidays(const std::filesystem::path& file,
                                             Diagnostics& diagnostics);

// 0 Monday ... 6 Sunday.
int weekday(const Date& day);
// The calendar day after `day`.
Date nextDay(const Date& day);
// Not a Saturday, a Sunday or a listed bank holiday.
bool isWorkingDay(const Date& day, const BankHolidays& holidays);

// The last day of the standstill period for an award notice given on `notice`: the
// kStandstillWorkingDays-th working day after it. nullopt when the holiday list does not
// cover a year the count passes through (the answer would be a guess).
std::optional<Date> standstillEnd(const Date& notice, const BankHolidays& holidays);

} // namespace fairtender
