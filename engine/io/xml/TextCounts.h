// Private to engine/io/xml: counting newlines and UTF-8 characters eight bytes at a time,
// shared by the line table and the bid scanner, which both turn offsets into line and
// column.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace fairtender::xml::counts {

constexpr std::uint64_t kLowBits = 0x7F7F7F7F7F7F7F7FULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// How many bytes of `mask` have their high bit set (no other bits may be set); a
// multiply, as the target need not have a population count instruction.
inline int countHighBits(std::uint64_t mask) {
    return static_cast<int>(((mask >> 7) * 0x0101010101010101ULL) >> 56);
}

inline std::uint64_t load8(const char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    return word;
}

// Newlines in [from, to), eight bytes at a time: lookups come every few dozen bytes, so a
// call to the library for each would cost more than the scan.
inline std::size_t countNewlines(const char* from, const char* to) {
    std::size_t count = 0;
    for (; to - from >= 8; from += 8) {
        const std::uint64_t x = load8(from) ^ 0x0A0A0A0A0A0A0A0AULL;
        // The high bit of each byte of x that is zero, i.e. of each newline.
        count +=
            static_cast<std::size_t>(countHighBits(~(((x & kLowBits) + kLowBits) | x | kLowBits)));
    }
    for (; from < to; ++from)
        count += *from == '\n';
    return count;
}

// Characters (not UTF-8 continuation bytes, 10xxxxxx) in [from, to).
inline int countCharacters(const char* from, const char* to) {
    const auto bytes = static_cast<int>(to - from);
    int continuations = 0;
    for (; to - from >= 8; from += 8) {
        const std::uint64_t w = load8(from);
        continuations += countHighBits(w & ~(w << 1) & kHighBits);
    }
    for (; from < to; ++from)
        continuations += (static_cast<unsigned char>(*from) & 0xC0) == 0x80;
    return bytes - continuations;
}

} // namespace fairtender::xml::counts
