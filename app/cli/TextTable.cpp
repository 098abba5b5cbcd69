#include "cli/TextTable.h"

#include "cli/TextWidth.h"

#include <algorithm>

namespace fairtender::cli {

std::string renderColumns(const std::vector<Column>& columns) {
    std::vector<std::size_t> widths;
    std::size_t rows = 0;
    for (const auto& column : columns) {
        std::size_t width = displayWidth(column.header);
        for (const auto& cell : column.cells)
            width = std::max(width, displayWidth(cell));
        widths.push_back(width);
        rows = std::max(rows, column.cells.size());
    }
    const auto line = [&](auto cellAt) {
        std::string text;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const std::string cell = cellAt(c);
            if (c > 0)
                text += "  ";
            text += columns[c].align == Align::Right ? padLeft(cell, widths[c])
                                                     : padRight(cell, widths[c]);
        }
        while (!text.empty() && text.back() == ' ')
            text.pop_back();
        return text + "\n";
    };
    std::string out = line([&](std::size_t c) { return columns[c].header; });
    out += line([&](std::size_t c) { return std::string(widths[c], '-'); });
    for (std::size_t r = 0; r < rows; ++r)
        out += line([&](std::size_t c) {
            return r < columns[c].cells.size() ? columns[c].cells[r] : std::string();
        });
    return out;
}

} // namespace fairtender::cli
