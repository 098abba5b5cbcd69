// TextWidth: how many terminal columns UTF-8 text takes, so tables line up for names
// like "Café Co-op" (combining accents take none, CJK ideographs take two), and
// truncation that never cuts a character in half.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fairtender::cli {

// Terminal columns of `text`; an invalid byte counts as one column.
std::size_t displayWidth(std::string_view text);

// `text` unchanged if it fits in `width` columns, else cut at a character boundary and
// ended with "…" so the result takes at most `width` columns.
std::string truncateToWidth(std::string_view text, std::size_t width);

// `text` with every control character (newline, tab, escape) shown as a space, so a
// hostile name cannot break a table or move the cursor.
std::string oneLine(std::string_view text);

// `text` padded with spaces to `width` columns, on the right (left-aligned) or the left.
std::string padRight(std::string_view text, std::size_t width);
std::string padLeft(std::string_view text, std::size_t width);

} // namespace fairtender::cli
