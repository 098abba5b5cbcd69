#include "core/Decimal.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace fairtender {

std::optional<double> parseDecimal(std::string_view text) {
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+'))
        ++i;
    std::size_t digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        ++i;
        ++digits;
    }
    if (digits == 0)
        return std::nullopt;
    if (i < text.size() && text[i] == '.') {
        ++i;
        std::size_t fraction = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            ++i;
            ++fraction;
        }
        if (fraction == 0)
            return std::nullopt;
    }
    if (i != text.size())
        return std::nullopt;
    // from_chars rejects a leading '+'.
    const std::string_view body = text.front() == '+' ? text.substr(1) : text;
    double value = 0;
    const auto [end, error] = std::from_chars(body.data(), body.data() + body.size(), value);
    if (error != std::errc() || end != body.data() + body.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

namespace {
double powerOfTen(int places) {
    double p = 1;
    for (int i = 0; i < places; ++i)
        p *= 10;
    return p;
}
} // namespace

long long roundedUnits(double value, int places) {
    const double scaled = value * powerOfTen(places);
    // Nudge by a few dozen units in the last place so that values like 2.345 (stored as
    // 2.34499999...) round the way a person and a spreadsheet would; the nudge is relative
    // so it never moves a large amount across a rounding boundary.
    const double nudged = scaled + std::copysign(std::fabs(scaled) * 1e-14 + 1e-12, scaled);
    return static_cast<long long>(std::trunc(nudged + std::copysign(0.5, scaled)));
}

double roundHalfAwayFromZero(double value, int places) {
    return static_cast<double>(roundedUnits(value, places)) / powerOfTen(places);
}

std::string formatFixed(double value, int places) {
    const long long units = roundedUnits(value, places);
    const bool negative = units < 0;
    const unsigned long long magnitude = negative ? 0ULL - static_cast<unsigned long long>(units)
                                                  : static_cast<unsigned long long>(units);
    const auto scale = static_cast<unsigned long long>(powerOfTen(places));
    std::string text = (negative ? "-" : "") + std::to_string(magnitude / scale);
    if (places > 0) {
        std::string fraction = std::to_string(magnitude % scale);
        text +=
            "." + std::string(static_cast<std::size_t>(places) - fraction.size(), '0') + fraction;
    }
    return text;
}

std::string formatDecimal(double value) {
    char buffer[64];
    const auto [end, error] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    if (error != std::errc())
        return "0";
    std::string text(buffer, end);
    if (text == "-0")
        text = "0";
    return text;
}

std::string exactDecimalText(double value) {
    std::array<char, 400> buffer{};
    const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                            std::chars_format::fixed);
    if (error != std::errc())
        return "0";
    return std::string(buffer.data(), end);
}

} // namespace fairtender
