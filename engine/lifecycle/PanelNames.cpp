#include "lifecycle/PanelNames.h"

#include "core/Utf8.h"

#include <cstdint>
#include <cstdio>
#include <utility>

namespace fairtender {

namespace {

bool isCombiningMark(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0xFE20 && c <= 0xFE2F);
}

// Letters drawn like a Latin letter in common fonts, and accented Latin letters, each with
// the lower-case Latin letter it reads as.
constexpr std::pair<char32_t, char> kLookAlikes[] = {
    // Cyrillic
    {0x0410, 'a'},
    {0x0430, 'a'},
    {0x0412, 'b'},
    {0x0432, 'b'},
    {0x0415, 'e'},
    {0x0435, 'e'},
    {0x0401, 'e'},
    {0x0451, 'e'},
    {0x041A, 'k'},
    {0x043A, 'k'},
    {0x041C, 'm'},
    {0x043C, 'm'},
    {0x041D, 'h'},
    {0x043D, 'h'},
    {0x041E, 'o'},
    {0x043E, 'o'},
    {0x0420, 'p'},
    {0x0440, 'p'},
    {0x0421, 'c'},
    {0x0441, 'c'},
    {0x0422, 't'},
    {0x0442, 't'},
    {0x0423, 'y'},
    {0x0443, 'y'},
    {0x0425, 'x'},
    {0x0445, 'x'},
    {0x0405, 's'},
    {0x0455, 's'},
    {0x0406, 'i'},
    {0x0456, 'i'},
    {0x0408, 'j'},
    {0x0458, 'j'},
    {0x0501, 'd'},
    {0x051B, 'q'},
    {0x051D, 'w'},
    {0x04BB, 'h'},
    {0x04C0, 'l'},
    {0x04CF, 'l'},
    {0x0475, 'v'},
    // Greek
    {0x0391, 'a'},
    {0x03B1, 'a'},
    {0x0392, 'b'},
    {0x0395, 'e'},
    {0x0396, 'z'},
    {0x0397, 'h'},
    {0x0399, 'i'},
    {0x03B9, 'i'},
    {0x039A, 'k'},
    {0x03BA, 'k'},
    {0x039C, 'm'},
    {0x039D, 'n'},
    {0x039F, 'o'},
    {0x03BF, 'o'},
    {0x03A1, 'p'},
    {0x03C1, 'p'},
    {0x03A4, 't'},
    {0x03C4, 't'},
    {0x03A5, 'y'},
    {0x03C5, 'u'},
    {0x03A7, 'x'},
    {0x03C7, 'x'},
    {0x03BD, 'v'},
    // Latin look-alikes
    {0x0131, 'i'},
    {0x2113, 'l'},
    {0x01C0, 'l'},
    {0x0261, 'g'},
    // Latin-1 accented letters
    {0x00C0, 'a'},
    {0x00C1, 'a'},
    {0x00C2, 'a'},
    {0x00C3, 'a'},
    {0x00C4, 'a'},
    {0x00C5, 'a'},
    {0x00E0, 'a'},
    {0x00E1, 'a'},
    {0x00E2, 'a'},
    {0x00E3, 'a'},
    {0x00E4, 'a'},
    {0x00E5, 'a'},
    {0x00C7, 'c'},
    {0x00E7, 'c'},
    {0x00C8, 'e'},
    {0x00C9, 'e'},
    {0x00CA, 'e'},
    {0x00CB, 'e'},
    {0x00E8, 'e'},
    {0x00E9, 'e'},
    {0x00EA, 'e'},
    {0x00EB, 'e'},
    {0x00CC, 'i'},
    {0x00CD, 'i'},
    {0x00CE, 'i'},
    {0x00CF, 'i'},
    {0x00EC, 'i'},
    {0x00ED, 'i'},
    {0x00EE, 'i'},
    {0x00EF, 'i'},
    {0x00D1, 'n'},
    {0x00F1, 'n'},
    {0x00D2, 'o'},
    {0x00D3, 'o'},
    {0x00D4, 'o'},
    {0x00D5, 'o'},
    {0x00D6, 'o'},
    {0x00D8, 'o'},
    {0x00F2, 'o'},
    {0x00F3, 'o'},
    {0x00F4, 'o'},
    {0x00F5, 'o'},
    {0x00F6, 'o'},
    {0x00F8, 'o'},
    {0x00D9, 'u'},
    {0x00DA, 'u'},
    {0x00DB, 'u'},
    {0x00DC, 'u'},
    {0x00F9, 'u'},
    {0x00FA, 'u'},
    {0x00FB, 'u'},
    {0x00FC, 'u'},
    {0x00DD, 'y'},
    {0x00FD, 'y'},
    {0x00FF, 'y'},
    {0x0178, 'y'},
    // Cherokee capitals drawn like Latin capitals
    {0x13AA, 'a'},
    {0x13F4, 'b'},
    {0x13DF, 'c'},
    {0x13A0, 'd'},
    {0x13AC, 'e'},
    {0x13C0, 'g'},
    {0x13BB, 'h'},
    {0x13AB, 'j'},
    {0x13E6, 'k'},
    {0x13DE, 'l'},
    {0x13B7, 'm'},
    {0x13E2, 'p'},
    {0x13A1, 'r'},
    {0x13DA, 's'},
    {0x13D4, 't'},
    {0x13D9, 'v'},
    {0x13B3, 'w'},
    {0x13C3, 'z'},
};

// Letters and digits as styles or symbols rather than as text: mathematical bold and
// script letters, letterlike symbols, Roman numerals, superscripts and subscripts, circled
// and parenthesised forms. A name written with them reads as one in plain letters.
bool isStyledCharacter(char32_t c) {
    return c == 0x00B2 || c == 0x00B3 || c == 0x00B9 || (c >= 0x2070 && c <= 0x209F) ||
           (c >= 0x2100 && c <= 0x218F) || (c >= 0x2460 && c <= 0x24FF) ||
           (c >= 0x1D400 && c <= 0x1D7FF) || (c >= 0x1F100 && c <= 0x1F1FF);
}

std::string codePointName(char32_t c) {
    char text[16];
    std::snprintf(text, sizeof text, "U+%04X", static_cast<unsigned>(c));
    return text;
}

} // namespace

std::optional<std::string> panelNameProblem(std::string_view name) {
    bool visible = false;
    for (std::size_t i = 0; i < name.size();) {
        char32_t c = 0;
        const std::size_t length = utf8SequenceLength(name, i, c);
        if (length == 0)
            return std::string("the name is not valid UTF-8 text");
        if (isControlCharacter(c))
            return "the name holds a control character (" + codePointName(c) +
                   "): type it again without it";
        if (isInvisibleCharacter(c))
            return "the name holds an invisible character (" + codePointName(c) +
                   "), which would let two names look the same: type it again without it";
        if (isStyledCharacter(c))
            return "the name holds a styled letter or digit (" + codePointName(c) +
                   "), which would let two names look the same: type it in plain letters";
        visible = visible || !isSpaceCharacter(c);
        i += length;
    }
    if (!visible)
        return std::string("give the person's name");
    return std::nullopt;
}

std::string nameSkeleton(std::string_view name) {
    std::string skeleton;
    bool pendingSpace = false;
    for (std::size_t i = 0; i < name.size();) {
        char32_t c = 0;
        const std::size_t length = utf8SequenceLength(name, i, c);
        i += length == 0 ? 1 : length;
        if (length == 0 || isInvisibleCharacter(c) || isControlCharacter(c) || isCombiningMark(c))
            continue;
        if (isSpaceCharacter(c)) {
            pendingSpace = !skeleton.empty();
            continue;
        }
        if (pendingSpace) {
            skeleton += ' ';
            pendingSpace = false;
        }
        if (c >= 0xFF01 && c <= 0xFF5E) // fullwidth forms of ASCII
            c -= 0xFEE0;
        if (c < 0x80) {
            skeleton += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            continue;
        }
        char latin = 0;
        for (const auto& [alike, letter] : kLookAlikes)
            if (alike == c)
                latin = letter;
        if (latin != 0)
            skeleton += latin;
        else
            appendUtf8(skeleton, c);
    }
    return skeleton;
}

std::optional<std::string> lookAlikeOf(std::string_view name,
                                       const std::vector<std::string>& names) {
    const std::string skeleton = nameSkeleton(name);
    for (const auto& other : names)
        if (other != name && nameSkeleton(other) == skeleton)
            return other;
    return std::nullopt;
}

} // namespace fairtender
