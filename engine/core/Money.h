// Money: an exact amount in pence, as the spec requires (no binary floating point on input).
// Parsed from decimal text with at most two places; formatted for people ("1,050,000.00")
// and for files ("1050000.00").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fairtender {

class Money final {
public:
    constexpr Money() = default;
    static constexpr Money fromPence(std::int64_t pence) { return Money(pence); }

    // Parses "1050000", "1050000.5" or "-12.30"; returns nullopt for anything else
    // (more than two decimal places, exponents, thousands separators, overflow).
    static std::optional<Money> parse(std::string_view text);

    // What a person types: parse() plus an optional leading pound sign and thousands
    // separators in groups of three: "£1,234,567.89", "1,234,567.89", "1234567.89";
    // nullopt for "1,23,4" or "12.345".
    static std::optional<Money> parseTyped(std::string_view text);

    constexpr std::int64_t pence() const { return pence_; }
    // The amount in pounds as a double, for ratios in scoring; never used for input.
    constexpr double pounds() const { return static_cast<double>(pence_) / 100.0; }

    // "1,050,000.00"
    std::string toDisplayString() const;
    // "1050000.00"
    std::string toPlainString() const;

    constexpr bool isPositive() const { return pence_ > 0; }
    friend constexpr auto operator<=>(Money, Money) = default;

private:
    constexpr explicit Money(std::int64_t pence) : pence_(pence) {}
    std::int64_t pence_ = 0;
};

// Formats a pound amount held as a double (a derived figure such as a net present value)
// with two decimals and thousands separators: 960000.0 -> "960,000.00".
std::string formatPounds(double pounds);

} // namespace fairtender
