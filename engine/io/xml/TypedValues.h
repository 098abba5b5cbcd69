// Private to engine/io/xml: the typed value checks (text, money, numbers, booleans) shared
// by the pugixml document and the bid scanner, so that both accept exactly the same values.
// `Doc` reports problems (error(...), at(...), textAt(...)); `Element` names itself, gives
// its trimmed text and looks attributes up.
#pragma once

#include "core/Decimal.h"
#include "core/Diagnostic.h"
#include "core/Money.h"

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace fairtender::xml::values {

inline bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Element and attribute names are short and mostly differ in length or first letter: a
// plain loop beats memcmp here.
inline bool sameName(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i])
            return false;
    return true;
}

inline bool isListed(std::initializer_list<std::string_view> names, std::string_view name) {
    for (const auto known : names)
        if (sameName(known, name))
            return true;
    return false;
}

inline std::string_view trim(std::string_view s) {
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

inline std::string quoted(std::string_view value) {
    return "'" + std::string(value) + "'";
}

// A whole number of up to nine digits, the usual case for quantities and percentages,
// read without going through parseDecimal; exactly the value parseDecimal gives.
inline std::optional<double> smallWholeNumber(std::string_view value) {
    if (value.empty() || value.size() > 9)
        return std::nullopt;
    int number = 0;
    for (const char c : value) {
        if (c < '0' || c > '9')
            return std::nullopt;
        number = number * 10 + (c - '0');
    }
    return number;
}

// Looks like a decimal with too many places, so the message can say exactly that.
inline bool hasTooManyPlaces(std::string_view value) {
    const auto dot = value.find('.');
    return dot != std::string_view::npos && parseDecimal(value).has_value() &&
           value.size() - dot - 1 > 2;
}

// The attribute's value if present and, when `required`, not blank; otherwise nullopt,
// reported when required.
template <class Doc, class Element>
std::optional<std::string_view> text(Doc& doc, Element element, const char* name,
                                     std::optional<std::string_view> value, bool required) {
    if (!value) {
        if (required)
            doc.error(element, "<" + std::string(element.name()) +
                                   "> is missing the required attribute '" + name + "': add " +
                                   name + "=\"...\"");
        return std::nullopt;
    }
    if (required && trim(*value).empty()) {
        doc.error(element, name,
                  std::string(name) + " on <" + std::string(element.name()) +
                      "> is empty: give a value");
        return std::nullopt;
    }
    return value;
}

// `value` as Money, or nullopt with a report at `where` naming `what`.
template <class Doc>
std::optional<Money> parseMoney(Doc& doc, std::string_view value, std::string_view what,
                                SourceLocation where) {
    if (auto money = Money::parse(value))
        return money;
    if (hasTooManyPlaces(value))
        doc.error(std::move(where), std::string(what) + " " + quoted(value) +
                                        " has more than two decimal places: give pounds and "
                                        "pence, e.g. 1050000.00");
    else
        doc.error(std::move(where),
                  std::string(what) + " " + quoted(value) +
                      " is not an amount of money: write pounds with at most two decimals, "
                      "without a currency sign or commas, e.g. 1050000.00");
    return std::nullopt;
}

template <class Doc, class Element>
std::optional<Money> money(Doc& doc, Element element, const char* name,
                           std::optional<std::string_view> attribute, bool required) {
    const auto value = text(doc, element, name, attribute, required);
    if (!value)
        return std::nullopt;
    if (auto parsed = Money::parse(*value))
        return parsed;
    return parseMoney(doc, *value, name, doc.at(element, name));
}

template <class Doc, class Element>
std::optional<double> decimal(Doc& doc, Element element, const char* name,
                              std::optional<std::string_view> attribute, bool required, double min,
                              double max) {
    const auto value = text(doc, element, name, attribute, required);
    if (!value)
        return std::nullopt;
    auto number = smallWholeNumber(*value);
    if (!number)
        number = parseDecimal(*value);
    if (!number) {
        doc.error(element, name,
                  std::string(name) + " " + quoted(*value) +
                      " is not a number: write digits with an optional sign and decimal point, "
                      "e.g. 40 or 12.5");
        return std::nullopt;
    }
    if (*number < min || *number > max) {
        std::string range;
        if (min != -std::numeric_limits<double>::infinity() &&
            max != std::numeric_limits<double>::infinity())
            range = "between " + formatDecimal(min) + " and " + formatDecimal(max);
        else if (min != -std::numeric_limits<double>::infinity())
            range = "at least " + formatDecimal(min);
        else
            range = "at most " + formatDecimal(max);
        doc.error(element, name,
                  std::string(name) + " " + quoted(*value) + " is out of range: it must be " +
                      range);
        return std::nullopt;
    }
    return number;
}

template <class Doc, class Element>
std::optional<int> integer(Doc& doc, Element element, const char* name,
                           std::optional<std::string_view> attribute, bool required, int min,
                           int max) {
    const auto value = text(doc, element, name, attribute, required);
    if (!value)
        return std::nullopt;
    const bool digits =
        !value->empty() && value->size() <= 9 &&
        std::all_of(value->begin(), value->end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) {
        doc.error(element, name,
                  std::string(name) + " " + quoted(*value) +
                      " is not a whole number: write digits only, e.g. " + std::to_string(min));
        return std::nullopt;
    }
    const int number = std::stoi(std::string(*value));
    if (number < min || number > max) {
        doc.error(element, name,
                  std::string(name) + " " + quoted(*value) +
                      " is out of range: it must be between " + std::to_string(min) + " and " +
                      std::to_string(max));
        return std::nullopt;
    }
    return number;
}

template <class Doc, class Element>
std::optional<bool> boolean(Doc& doc, Element element, const char* name,
                            std::optional<std::string_view> attribute, bool required) {
    const auto value = text(doc, element, name, attribute, required);
    if (!value)
        return std::nullopt;
    if (*value == "true")
        return true;
    if (*value == "false")
        return false;
    doc.error(element, name,
              std::string(name) + " " + quoted(*value) + " must be exactly true or false");
    return std::nullopt;
}

// The element's trimmed text, required to be non-empty.
template <class Doc, class Element>
std::optional<std::string_view> requiredText(Doc& doc, Element element) {
    const auto value = element.text();
    if (value.empty()) {
        doc.error(element, "<" + std::string(element.name()) +
                               "> is empty: write its value between the tags");
        return std::nullopt;
    }
    return value;
}

// The element's text as Money (required, non-empty), reported at the text.
template <class Doc, class Element> std::optional<Money> moneyText(Doc& doc, Element element) {
    const auto value = requiredText(doc, element);
    if (!value)
        return std::nullopt;
    if (auto parsed = Money::parse(*value))
        return parsed;
    return parseMoney(doc, *value, element.name(), doc.textAt(element));
}

} // namespace fairtender::xml::values
