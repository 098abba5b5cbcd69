#include "lifecycle/Standstill.h"

#include <pugixml.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace fairtender {

namespace {

// Days since 1970-01-01 (H. Hinnant's days_from_civil).
long daysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

SourceLocation locate(std::string_view xml, std::ptrdiff_t offset, const std::string& file) {
    int line = 1;
    int column = 1;
    for (std::ptrdiff_t i = 0; i < offset && i < static_cast<std::ptrdiff_t>(xml.size()); ++i) {
        if (xml[static_cast<std::size_t>(i)] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {file, line, column};
}

} // namespace

bool BankHolidays::contains(const Date& day) const {
    return std::binary_search(days.begin(), days.end(), day);
}

int weekday(const Date& day) {
    const long days = daysFromCivil(day.year(), day.month(), day.day());
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

Date nextDay(const Date& day) {
    if (auto next = Date::fromYmd(day.year(), day.month(), day.day() + 1))
        return *next;
    if (auto next = Date::fromYmd(day.year(), day.month() + 1, 1))
        return *next;
    return *Date::fromYmd(day.year() + 1, 1, 1);
}

bool isWorkingDay(const Date& day, const BankHolidays& holidays) {
    return weekday(day) < 5 && !holidays.contains(day);
}

std::optional<Date> standstillEnd(const Date& notice, const BankHolidays& holidays) {
    Date day = notice;
    for (int counted = 0; counted < kStandstillWorkingDays;) {
        day = nextDay(day);
        if (!holidays.covers(day.year()))
            return std::nullopt;
        if (isWorkingDay(day, holidays))
            ++counted;
    }
    return day;
}

std::optional<BankHolidays> parseBankHolidays(std::string_view xml, const std::string& fileName,
                                              Diagnostics& diagnostics) {
    pugi::xml_document doc;
    const auto parsed = doc.load_buffer(xml.data(), xml.size());
    if (!parsed) {
        diagnostics.push_back(
            errorAt(locate(xml, parsed.offset, fileName),
                    std::string("is not well-formed XML: ") + parsed.description()));
        return std::nullopt;
    }
    const pugi::xml_node root = doc.child("bank-holidays");
    if (!root) {
        diagnostics.push_back(
            errorAt({fileName, 1, 1}, "the root element must be <bank-holidays>"));
        return std::nullopt;
    }
    BankHolidays holidays;
    holidays.division = root.attribute("division").as_string();
    holidays.firstYear = root.attribute("from").as_int();
    holidays.lastYear = root.attribute("to").as_int();
    bool ok = holidays.firstYear > 0 && holidays.lastYear >= holidays.firstYear;
    if (!ok)
        diagnostics.push_back(
            errorAt(locate(xml, root.offset_debug(), fileName),
                    "<bank-holidays> needs from and to years (from=\"2024\" to=\"2027\")"));
    for (const pugi::xml_node holiday : root.children("holiday")) {
        const auto date = Date::parse(holiday.attribute("date").as_string());
        if (!date || !holidays.covers(date->year())) {
            diagnostics.push_back(errorAt(locate(xml, holiday.offset_debug(), fileName),
                                          "holiday date '" +
                                              std::string(holiday.attribute("date").as_string()) +
                                              "' is not a YYYY-MM-DD day within from..to"));
            ok = false;
            continue;
        }
        holidays.days.push_back(*date);
    }
    if (!ok)
        return std::nullopt;
    std::sort(holidays.days.begin(), holidays.days.end());
    return holidays;
}

std::optional<BankHolidays> loadBankHolidays(const std::filesystem::path& file,
                                             Diagnostics& diagnostics) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        diagnostics.push_back(errorAt({file.string(), 0, 0}, "cannot be read"));
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parseBankHolidays(text.str(), file.string(), diagnostics);
}

} // namespace fairtender
