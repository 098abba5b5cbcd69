// Utf8: reading text that claims to be UTF-8 one character at a time, refusing what is not
// well formed (overlong forms, surrogates, values above U+10FFFF, cut-off sequences), for
// the places that must not pass a malformed byte on: JSON output and panel names.
#pragma once

#include <cstddef>
#include <string_view>

namespace fairtender {

// The length of the well-formed UTF-8 sequence starting at text[i] (1 for ASCII), with its
// code point in `codePoint`; 0 when the bytes there are not one.
std::size_t utf8SequenceLength(std::string_view text, std::size_t i, char32_t& codePoint);

} // namespace fairtender
