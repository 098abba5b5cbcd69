#include "core/Postcode.h"

#include <cctype>

namespace fairtender {

namespace {

bool isLetter(char c) {
    return c >= 'A' && c <= 'Z';
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

std::string compactUpper(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == ' ' || c == '\t')
            continue;
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

// Outward codes take the forms A9, A99, AA9, AA99, A9A and AA9A.
bool isOutward(std::string_view s) {
    if (s.size() < 2 || s.size() > 4 || !isLetter(s[0]))
        return false;
    std::size_t i = 1;
    if (isLetter(s[i]))
        ++i;
    if (i >= s.size() || !isDigit(s[i]))
        return false;
    ++i;
    if (i == s.size())
        return true;
    if ((isDigit(s[i]) || isLetter(s[i])) && i + 1 == s.size())
        return true;
    return false;
}

bool isArea(std::string_view s) {
    return (s.size() == 1 && isLetter(s[0])) || (s.size() == 2 && isLetter(s[0]) && isLetter(s[1]));
}

bool isInward(std::string_view s) {
    return s.size() == 3 && isDigit(s[0]) && isLetter(s[1]) && isLetter(s[2]);
}

} // namespace

std::optional<Postcode> Postcode::parse(std::string_view text) {
    const std::string compact = compactUpper(text);
    if (compact == "GIR0AA")
        return Postcode("GIR 0AA");
    if (compact.size() < 5 || compact.size() > 7)
        return std::nullopt;
    const std::string_view whole = compact;
    const auto outward = whole.substr(0, whole.size() - 3);
    const auto inward = whole.substr(whole.size() - 3);
    if (!isOutward(outward) || !isInward(inward))
        return std::nullopt;
    return Postcode(std::string(outward) + " " + std::string(inward));
}

std::string_view Postcode::outward() const {
    return std::string_view(text_).substr(0, text_.find(' '));
}

std::string_view Postcode::inward() const {
    return std::string_view(text_).substr(text_.find(' ') + 1);
}

std::string_view Postcode::area() const {
    const auto out = outward();
    std::size_t n = 0;
    while (n < out.size() && isLetter(out[n]))
        ++n;
    return out.substr(0, n);
}

std::string Postcode::sector() const {
    return std::string(outward()) + " " + inward().front();
}

std::optional<PostcodePrefix> PostcodePrefix::parse(std::string_view text) {
    // Keep the caller's space, if any, to tell a sector "PR1 2" from a district.
    std::string trimmed;
    for (char c : text)
        trimmed += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    while (!trimmed.empty() && trimmed.back() == ' ')
        trimmed.pop_back();
    while (!trimmed.empty() && trimmed.front() == ' ')
        trimmed.erase(trimmed.begin());
    if (isArea(trimmed))
        return PostcodePrefix(trimmed, Level::Area);
    if (isOutward(trimmed))
        return PostcodePrefix(trimmed, Level::District);
    if (const auto unit = Postcode::parse(trimmed);
        unit && trimmed.find(' ') != std::string::npos && trimmed.size() - trimmed.find(' ') == 4)
        return PostcodePrefix(unit->text(), Level::Unit);
    if (const auto unit = Postcode::parse(trimmed); unit && trimmed.find(' ') == std::string::npos)
        return PostcodePrefix(unit->text(), Level::Unit);
    const auto space = trimmed.find(' ');
    if (space != std::string::npos) {
        const std::string outward = trimmed.substr(0, space);
        std::string rest = trimmed.substr(space + 1);
        while (!rest.empty() && rest.front() == ' ')
            rest.erase(rest.begin());
        if (isOutward(outward) && rest.size() == 1 && isDigit(rest[0]))
            return PostcodePrefix(outward + " " + rest, Level::Sector);
    }
    return std::nullopt;
}

bool PostcodePrefix::contains(const Postcode& postcode) const {
    switch (level_) {
    case Level::Area:
        return postcode.area() == text_;
    case Level::District:
        return postcode.outward() == text_;
    case Level::Sector:
        return postcode.sector() == text_;
    case Level::Unit:
        return postcode.text() == text_;
    }
    return false;
}

std::string postcodePrefixProblem(std::string_view text) {
    if (PostcodePrefix::parse(text))
        return {};
    return "postcode prefix '" + std::string(text) +
           "' is not a UK postcode area (PR), district (PR1), sector (PR1 2) or full postcode "
           "(PR1 2HE)";
}

} // namespace fairtender
