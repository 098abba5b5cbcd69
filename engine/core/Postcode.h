// Postcode: a valid UK postcode in normal form (upper case, one space before the
// three-character inward code), and PostcodePrefix: an area ("PR"), district ("PR1"),
// sector ("PR1 2") or whole unit, as used to define local areas.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fairtender {

class Postcode final {
public:
    // Accepts any case and spacing ("pr12he", " PR1  2HE"); nullopt if not a UK postcode.
    static std::optional<Postcode> parse(std::string_view text);

    const std::string& text() const { return text_; } // "PR1 2HE"
    std::string_view outward() const;                 // "PR1"
    std::string_view inward() const;                  // "2HE"
    std::string_view area() const;                    // "PR"
    std::string sector() const;                       // "PR1 2"
    friend bool operator==(const Postcode&, const Postcode&) = default;

private:
    explicit Postcode(std::string text) : text_(std::move(text)) {}
    std::string text_;
};

class PostcodePrefix final {
public:
    enum class Level { Area, District, Sector, Unit };
    // Accepts "pr", "PR1", "pr1 2", "PR1 2HE"; nullopt for anything that is not one of them.
    static std::optional<PostcodePrefix> parse(std::string_view text);

    const std::string& text() const { return text_; }
    Level level() const { return level_; }
    // "PR1" contains "PR1 2HE" but not "PR10 1AA"; "PR" contains both.
    bool contains(const Postcode& postcode) const;

private:
    PostcodePrefix(std::string text, Level level) : text_(std::move(text)), level_(level) {}
    std::string text_;
    Level level_;
};

// Why `text` is not a postcode prefix, as the tender reader and the desktop report it:
// "postcode prefix 'PRX' is not a UK postcode area (PR), district (PR1), sector (PR1 2) or
// full postcode (PR1 2HE)"; empty when PostcodePrefix::parse accepts it.
std::string postcodePrefixProblem(std::string_view text);

} // namespace fairtender
