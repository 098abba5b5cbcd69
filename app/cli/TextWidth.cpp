#include "cli/TextWidth.h"

#include <cstdint>

namespace fairtender::cli {

namespace {

struct Decoded {
    std::uint32_t codePoint = 0xFFFD;
    std::size_t length = 1;
};

Decoded decodeAt(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80)
        return {lead, 1};
    std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || i + length > text.size())
        return {};
    std::uint32_t codePoint = lead & (0x7Fu >> length);
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0) != 0x80)
            return {};
        codePoint = (codePoint << 6) | (next & 0x3Fu);
    }
    return {codePoint, length};
}

bool isZeroWidth(std::uint32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0xFE20 && c <= 0xFE2F) || c == 0x200B || c == 0x200C || c == 0x200D ||
           c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F);
}

bool isWide(std::uint32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
           (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

std::size_t columnsOf(std::uint32_t c) {
    if (isZeroWidth(c))
        return 0;
    return isWide(c) ? 2 : 1;
}

} // namespace

std::size_t displayWidth(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const Decoded d = decodeAt(text, i);
        width += columnsOf(d.codePoint);
        i += d.length;
    }
    return width;
}

std::string truncateToWidth(std::string_view text, std::size_t width) {
    if (displayWidth(text) <= width)
        return std::string(text);
    if (width == 0)
        return {};
    const std::size_t room = width - 1; // one column for the ellipsis
    std::size_t used = 0;
    std::size_t end = 0;
    while (end < text.size()) {
        const Decoded d = decodeAt(text, end);
        const std::size_t columns = columnsOf(d.codePoint);
        if (used + columns > room)
            break;
        used += columns;
        end += d.length;
    }
    // Keep trailing combining marks with their base character.
    while (end < text.size()) {
        const Decoded d = decodeAt(text, end);
        if (columnsOf(d.codePoint) != 0)
            break;
        end += d.length;
    }
    std::string cut(text.substr(0, end));
    while (!cut.empty() && cut.back() == ' ')
        cut.pop_back();
    return cut + "\xE2\x80\xA6";
}

std::string oneLine(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            c = ' ';
    return out;
}

std::string padRight(std::string_view text, std::size_t width) {
    const std::size_t used = displayWidth(text);
    return std::string(text) + std::string(used < width ? width - used : 0, ' ');
}

std::string padLeft(std::string_view text, std::size_t width) {
    const std::size_t used = displayWidth(text);
    return std::string(used < width ? width - used : 0, ' ') + std::string(text);
}

} // namespace fairtender::cli
