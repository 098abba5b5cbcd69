// Strict decimal numbers for percentages, weights, scores and quantities: plain digits
// with an optional sign and fraction, never exponents, "nan" or "inf". Money has its own
// exact type; these are ratios where a double is the right representation.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fairtender {

// Parses "40", "-2.5", "0.333"; nullopt for "1e3", "", "12abc", ".5", "nan".
std::optional<double> parseDecimal(std::string_view text);

// Rounds half away from zero to `places` decimals, as the spec's totals require:
// roundHalfAwayFromZero(2.345, 2) == 2.35, roundHalfAwayFromZero(-0.5, 0) == -1.
double roundHalfAwayFromZero(double value, int places);

// The rounded value as an integer count of 10^-places units, for exact comparison of totals.
long long roundedUnits(double value, int places);

// Fixed-point text with `places` decimals: formatFixed(38.1, 2) == "38.10".
std::string formatFixed(double value, int places);

// Shortest text that reads back as the same number, without exponent for ordinary
// magnitudes: formatDecimal(0.8) == "0.8", formatDecimal(40) == "40".
std::string formatDecimal(double value);

// The shortest decimal in plain notation that reads back as exactly `value` ("4", "0.5"),
// however large: a score or factor as stored and as quoted in a message.
std::string exactDecimalText(double value);

} // namespace fairtender
