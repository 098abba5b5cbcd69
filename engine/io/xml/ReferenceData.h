// Reference data shipped in templates/: the published Real Living Wage rates (UK and
// London) and National Living Wage (the statutory minimum for the tender's purposes),
// so a tender can give a date and region instead of the rates.
#pragma once

#include "core/Date.h"
#include "core/Diagnostic.h"
#include "core/Money.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fairtender {

// <real-living-wage period="2025/26" announced="2025-10-22" uk="13.45" london="14.80"/>
struct RealLivingWageRate {
    std::string period;
    Date announced;
    Money uk;
    Money london;
};

// <national-living-wage effective="2026-04-01" hourly="12.71"/>
struct NationalLivingWageRate {
    Date effective;
    Money hourly;
};

struct RatesInForce {
    Money realLivingWage;
    Money statutoryMinimum;
    std::string period; // the Real Living Wage year, "2025/26"
    Date realLivingWageAnnounced;
    Date statutoryMinimumEffective;
};

struct LivingWageTable {
    std::vector<RealLivingWageRate> realLivingWage;         // sorted by announcement
    std::vector<NationalLivingWageRate> nationalLivingWage; // sorted by effective date

    // The latest Real Living Wage announced on or before `date` for region "uk" or
    // "london", and the National Living Wage in force on `date`; nullopt if the date
    // precedes the data or the region is unknown.
    std::optional<RatesInForce> ratesOn(const Date& date, std::string_view region) const;
};

// Parses living-wage-rates.xml; diagnostics name the file, line and column.
std::optional<LivingWageTable>
parseLivingWageTable(std::string_view xml, const std::string& fileName, Diagnostics& diagnostics);
std::optional<LivingWageTable> loadLivingWageTable(const std::filesystem::path& file,
                                                   Diagnostics& diagnostics);

// The reference table as the applications use it: a missing or broken file yields nullopt
// and WARNINGS (not errors), since only a tender that gives its living-wage rate by date
// needs the table, and that tender then fails with the reader's own error.
std::optional<LivingWageTable> loadReferenceLivingWageTable(const std::filesystem::path& file,
                                                            Diagnostics& warnings);

} // namespace fairtender
