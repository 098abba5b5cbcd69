#include "io/xlsx/CellNames.h"

namespace fairtender {

std::string xlsxColumnName(int column) {
    std::string name;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        name.insert(name.begin(), static_cast<char>('A' + (c - 1) % 26));
    return name;
}

std::string xlsxCellName(int row, int column) {
    return xlsxColumnName(column) + std::to_string(row + 1);
}

} // namespace fairtender
