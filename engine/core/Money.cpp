#include "core/Money.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace fairtender {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

std::string withThousands(std::string digits) {
    std::string out;
    const auto n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

std::string format(std::int64_t pence, bool thousands) {
    const bool negative = pence < 0;
    // Work in unsigned to format INT64_MIN safely.
    const std::uint64_t magnitude =
        negative ? std::uint64_t(0) - static_cast<std::uint64_t>(pence) : std::uint64_t(pence);
    std::string whole = std::to_string(magnitude / 100);
    const auto fraction = static_cast<unsigned>(magnitude % 100);
    char cents[4];
    std::snprintf(cents, sizeof cents, "%02u", fraction);
    return (negative ? "-" : "") + (thousands ? withThousands(whole) : whole) + "." + cents;
}

} // namespace

std::optional<Money> Money::parse(std::string_view text) {
    if (text.empty())
        return std::nullopt;
    bool negative = false;
    if (text.front() == '-' || text.front() == '+') {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? "" : text.substr(dot + 1);
    if (whole.empty() || (dot != std::string_view::npos && fraction.empty()) || fraction.size() > 2)
        return std::nullopt;
    constexpr std::int64_t limit = std::numeric_limits<std::int64_t>::max() / 100 - 1;
    std::int64_t pounds = 0;
    for (char c : whole) {
        if (!isDigit(c))
            return std::nullopt;
        if (pounds > (limit - (c - '0')) / 10)
            return std::nullopt;
        pounds = pounds * 10 + (c - '0');
    }
    std::int64_t pence = 0;
    for (std::size_t i = 0; i < 2; ++i) {
        const char c = i < fraction.size() ? fraction[i] : '0';
        if (!isDigit(c))
            return std::nullopt;
        pence = pence * 10 + (c - '0');
    }
    const std::int64_t total = pounds * 100 + pence;
    return Money(negative ? -total : total);
}

std::optional<Money> Money::parseTyped(std::string_view text) {
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    constexpr std::string_view pound = "\xc2\xa3"; // U+00A3 in UTF-8
    if (text.substr(0, pound.size()) == pound)
        text.remove_prefix(pound.size());
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    if (whole.find(',') == std::string_view::npos)
        return parse(text);
    // Groups of three after the first group of one to three digits.
    std::string plain;
    std::size_t groupLength = 0;
    bool firstGroup = true;
    for (const char c : whole) {
        if (c == ',') {
            if (groupLength == 0 || groupLength > 3 || (!firstGroup && groupLength != 3))
                return std::nullopt;
            firstGroup = false;
            groupLength = 0;
            continue;
        }
        plain += c;
        ++groupLength;
    }
    if (groupLength != 3)
        return std::nullopt;
    if (dot != std::string_view::npos)
        plain += text.substr(dot);
    return parse(plain);
}

std::string Money::toDisplayString() const {
    return format(pence_, true);
}
std::string Money::toPlainString() const {
    return format(pence_, false);
}

std::string formatPounds(double pounds) {
    if (!std::isfinite(pounds))
        return "n/a";
    const double pence = std::round(pounds * 100.0);
    if (std::fabs(pence) >= 9.0e18)
        return "n/a";
    return format(static_cast<std::int64_t>(pence), true);
}

} // namespace fairtender
