#include "scoring/DerivationText.h"

#include "core/Decimal.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace fairtender {

namespace {

// Digits of a magnitude, optionally grouped in thousands, into the end of `out`.
void appendUnsigned(std::string& out, std::uint64_t value, bool thousands) {
    char digits[24];
    const auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
    (void)error; // a uint64_t always fits in 24 characters
    const auto count = static_cast<std::size_t>(end - digits);
    if (!thousands) {
        out.append(digits, count);
        return;
    }
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0 && (count - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
}

// A count of 10^-places units printed with `places` decimals.
void appendUnits(std::string& out, long long units, int places, bool thousands) {
    const bool negative = units < 0;
    const std::uint64_t magnitude = negative ? std::uint64_t(0) - static_cast<std::uint64_t>(units)
                                             : static_cast<std::uint64_t>(units);
    std::uint64_t scale = 1;
    for (int i = 0; i < places; ++i)
        scale *= 10;
    if (negative)
        out += '-';
    appendUnsigned(out, magnitude / scale, thousands);
    if (places <= 0)
        return;
    out += '.';
    char fraction[24];
    const auto [end, error] =
        std::to_chars(fraction, fraction + sizeof fraction, magnitude % scale);
    (void)error;
    out.append(static_cast<std::size_t>(places) - static_cast<std::size_t>(end - fraction), '0');
    out.append(fraction, end);
}

} // namespace

void appendFixed(std::string& out, double value, int places) {
    appendUnits(out, roundedUnits(value, places), places, false);
}

void appendDecimal(std::string& out, double value) {
    char buffer[64];
    const auto [end, error] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    if (error != std::errc()) {
        out += '0';
        return;
    }
    const std::string_view text(buffer, static_cast<std::size_t>(end - buffer));
    out += text == "-0" ? std::string_view("0") : text;
}

void appendRounded(std::string& out, double value, int places) {
    appendDecimal(out, roundHalfAwayFromZero(value, places));
}

void appendPounds(std::string& out, double pounds) {
    if (!std::isfinite(pounds)) {
        out += "n/a";
        return;
    }
    const double pence = std::round(pounds * 100.0);
    if (std::fabs(pence) >= 9.0e18) {
        out += "n/a";
        return;
    }
    appendUnits(out, static_cast<long long>(pence), 2, true);
}

std::string poundsText(double pounds) {
    std::string text;
    appendPounds(text, pounds);
    return text;
}

std::string roundedText(double value, int places) {
    std::string text;
    appendRounded(text, value, places);
    return text;
}

} // namespace fairtender
