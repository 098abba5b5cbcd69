// DerivationText: fast appenders for the numbers in derivation formulas and flag details.
// They write straight into the caller's string with std::to_chars and print exactly what
// formatFixed, formatDecimal and formatPounds print.
#pragma once

#include <string>

namespace fairtender {

// Appends formatFixed(value, places): 38.1 with 2 places -> "38.10".
void appendFixed(std::string& out, double value, int places);

// Appends formatDecimal(value): 0.8 -> "0.8", 40 -> "40".
void appendDecimal(std::string& out, double value);

// Appends formatDecimal of the value rounded to `places`: a readable mean or ratio
// (3.3333333 with 4 places -> "3.3333") that never prints binary noise.
void appendRounded(std::string& out, double value, int places);

// Appends formatPounds(pounds): 960000.0 -> "960,000.00".
void appendPounds(std::string& out, double pounds);

// The text appendPounds would append.
std::string poundsText(double pounds);

// The text appendRounded would append.
std::string roundedText(double value, int places);

} // namespace fairtender
