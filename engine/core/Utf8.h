// Utf8: reading text that claims to be UTF-8 one character at a time, refusing what is not
// well formed (overlong forms, surrogates, values above U+10FFFF, cut-off sequences), for
// the places that must not pass a malformed byte on: JSON output and panel names; and
// telling text that says something from text that only looks filled in (a reason of spaces
// or of zero-width characters).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fairtender {

// The length of the well-formed UTF-8 sequence starting at text[i] (1 for ASCII), with its
// code point in `codePoint`; 0 when the bytes there are not one.
std::size_t utf8SequenceLength(std::string_view text, std::size_t i, char32_t& codePoint);

// Appends code point `c` (at most U+10FFFF) to `out` as UTF-8.
void appendUtf8(std::string& out, char32_t c);

// Characters that show nothing, or reorder what follows: zero-width spaces and joiners,
// direction marks and embeddings, word joiners, variation selectors, fillers, tags.
bool isInvisibleCharacter(char32_t c);
// C0 and C1 controls, DEL and the Unicode line and paragraph separators.
bool isControlCharacter(char32_t c);
// The space characters: ASCII space, no-break space and the other Unicode spaces.
bool isSpaceCharacter(char32_t c);

// True when `text` holds at least one character that shows: not only spaces, tabs, line
// breaks, controls and invisible characters. A byte that is not UTF-8 counts as shown.
bool hasVisibleText(std::string_view text);

} // namespace fairtender
