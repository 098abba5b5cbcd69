// A file read back whole to check what was written, and a text with one part changed, to
// feed a sample in a form it does not ship in.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fairtender::testing {

// Every byte of `file`; "" when it cannot be read.
inline std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// `text` with the first `from` in it replaced by `to`; unchanged when there is none.
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    if (at != std::string::npos)
        text.replace(at, from.size(), to);
    return text;
}

} // namespace fairtender::testing
