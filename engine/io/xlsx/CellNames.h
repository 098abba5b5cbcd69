// CellNames: A1-style names of worksheet cells, for the formulas a workbook is written with
// and for the places a problem in a filled-in workbook is reported at ("Scores!E7").
#pragma once

#include <string>

namespace fairtender {

// The column's letters, 0-based: 0 -> "A", 25 -> "Z", 26 -> "AA".
std::string xlsxColumnName(int column);

// The cell's A1 name, 0-based row and column: (6, 4) -> "E7".
std::string xlsxCellName(int row, int column);

} // namespace fairtender
