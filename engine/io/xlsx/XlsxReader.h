// XlsxReader: the cell values of named sheets of an .xlsx workbook (Office Open XML as
// Excel, LibreOffice and libxlsxwriter write it), to read back a workbook a person filled
// in. Values only: strings (shared or inline), numbers, booleans and the cached results of
// formulas; styles, validation and charts are not read.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fairtender {

// One cell's value: `text` is what the cell shows as text (a number's digits as stored),
// `number` is set for a numeric cell; `formula` when the cell is computed (its value is then
// the result the writing program saved, if any), for a reader that wants typed values only.
struct XlsxCell {
    std::string text;
    std::optional<double> number;
    bool formula = false;

    bool empty() const { return text.empty() && !number && !formula; }
};

// The cells of one sheet by 0-based row and column.
struct XlsxSheet {
    std::map<std::pair<int, int>, XlsxCell> cells;

    // The cell at `row`, `column`; an empty cell when nothing is there.
    XlsxCell at(int row, int column) const;
};

struct XlsxWorkbook {
    std::map<std::string, XlsxSheet> sheets; // by name, those asked for that exist
    std::string error; // why the file cannot be read as a workbook; empty when it can

    bool ok() const { return error.empty(); }
};

// Reads the sheets `names` of `file`. A file that is not a workbook (not a zip, no
// xl/workbook.xml, a part larger than `maxPartBytes` uncompressed) gives an error and no
// sheets; a sheet name the workbook lacks is simply absent.
XlsxWorkbook readXlsxSheets(const std::filesystem::path& file,
                            const std::vector<std::string>& names,
                            std::size_t maxPartBytes = 64u << 20);

} // namespace fairtender
