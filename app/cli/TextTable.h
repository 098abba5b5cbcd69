// TextTable: columns of text laid out for a terminal, each as wide as its widest cell
// (measured in terminal columns), with a header line and a rule under it.
#pragma once

#include <string>
#include <vector>

namespace fairtender::cli {

enum class Align { Left, Right };

struct Column {
    std::string header;
    Align align = Align::Left;
    std::vector<std::string> cells;
};

// The header, a rule of dashes and one line per row; trailing spaces trimmed.
std::string renderColumns(const std::vector<Column>& columns);

} // namespace fairtender::cli
