// Date: a calendar date (proleptic Gregorian), parsed from and printed as ISO 8601
// "2025-10-22". Used for living-wage rates in force and, later, standstill periods.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace fairtender {

class Date final {
public:
    // nullopt unless the text is YYYY-MM-DD naming a real day ("2025-02-29" is not).
    static std::optional<Date> parse(std::string_view text);
    static std::optional<Date> fromYmd(int year, int month, int day);

    int year() const { return year_; }
    int month() const { return month_; }
    int day() const { return day_; }
    std::string toString() const;
    friend auto operator<=>(const Date&, const Date&) = default;

private:
    Date(int y, int m, int d) : year_(y), month_(m), day_(d) {}
    int year_ = 1970;
    int month_ = 1;
    int day_ = 1;
};

// Today in UTC, the day a command is dated when no day is given.
Date todayUtc();

// Now in UTC as ISO 8601 to the second, "2025-12-19T10:31:05Z": when an audit entry, an
// export or a release was made.
std::string utcTimestampNow();

} // namespace fairtender
