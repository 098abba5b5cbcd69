#include "io/xlsx/XlsxReader.h"

#include <Poco/Exception.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace fairtender {

namespace fs = std::filesystem;

namespace {

// The whole of one part of the archive; nullopt when absent or too large.
std::optional<std::string> readPart(std::istream& in, const Poco::Zip::ZipArchive& archive,
                                    const std::string& name, std::size_t maxBytes,
                                    std::string& error) {
    const auto header = archive.findHeader(name);
    if (header == archive.headerEnd())
        return std::nullopt;
    if (header->second.getUncompressedSize() > maxBytes) {
        error = "the part " + name + " is larger than a score sheet can be";
        return std::nullopt;
    }
    in.clear();
    Poco::Zip::ZipInputStream zip(in, header->second);
    std::string bytes;
    char buffer[65536];
    while (zip.read(buffer, sizeof buffer) || zip.gcount() > 0) {
        bytes.append(buffer, static_cast<std::size_t>(zip.gcount()));
        if (bytes.size() > maxBytes) {
            error = "the part " + name + " is larger than a score sheet can be";
            return std::nullopt;
        }
    }
    return bytes;
}

// The text of a string item: its <t>, or the <t> of each of its rich-text runs.
std::string itemText(const pugi::xml_node& item) {
    if (const auto t = item.child("t"))
        return t.text().get();
    std::string text;
    for (const auto& run : item.children("r"))
        text += run.child("t").text().get();
    return text;
}

// Row and column of "E8" (0-based); false when it is not a cell reference.
bool parseReference(const std::string& reference, int& row, int& column) {
    std::size_t i = 0;
    column = 0;
    while (i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z')
        column = column * 26 + (reference[i++] - 'A' + 1);
    if (i == 0 || i == reference.size())
        return false;
    int number = 0;
    const auto [end, failed] =
        std::from_chars(reference.data() + i, reference.data() + reference.size(), number);
    if (failed != std::errc() || end != reference.data() + reference.size() || number < 1)
        return false;
    row = number - 1;
    --column;
    return true;
}

} // namespace

XlsxCell XlsxSheet::at(int row, int column) const {
    const auto found = cells.find({row, column});
    return found == cells.end() ? XlsxCell{} : found->second;
}

XlsxWorkbook readXlsxSheets(const fs::path& file, const std::vector<std::string>& names,
                            std::size_t maxPartBytes) {
    XlsxWorkbook workbook;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        workbook.error = "cannot be read: check that it is a file you may read";
        return workbook;
    }
    try {
        const Poco::Zip::ZipArchive archive(in);
        std::string error;
        const auto part = [&](const std::string& name) {
            return readPart(in, archive, name, maxPartBytes, error);
        };
        const auto workbookXml = part("xl/workbook.xml");
        const auto relationsXml = part("xl/_rels/workbook.xml.rels");
        if (!workbookXml || !relationsXml) {
            workbook.error = error.empty() ? "is not an Excel workbook (.xlsx)" : error;
            return workbook;
        }
        pugi::xml_document book;
        pugi::xml_document relations;
        if (!book.load_string(workbookXml->c_str()) ||
            !relations.load_string(relationsXml->c_str())) {
            workbook.error = "is not an Excel workbook: its workbook part does not read";
            return workbook;
        }
        std::map<std::string, std::string> targets; // relationship id -> part name
        for (const auto& r : relations.child("Relationships").children("Relationship")) {
            std::string target = r.attribute("Target").value();
            target = target.starts_with("/") ? target.substr(1) : "xl/" + target;
            targets[r.attribute("Id").value()] = target;
        }
        std::vector<std::string> strings;
        if (const auto shared = part("xl/sharedStrings.xml")) {
            pugi::xml_document doc;
            if (doc.load_string(shared->c_str()))
                for (const auto& item : doc.child("sst").children("si"))
                    strings.push_back(itemText(item));
        }
        for (const auto& sheet : book.child("workbook").child("sheets").children("sheet")) {
            const std::string name = sheet.attribute("name").value();
            if (std::find(names.begin(), names.end(), name) == names.end())
                continue;
            const auto target = targets.find(sheet.attribute("r:id").value());
            if (target == targets.end())
                continue;
            const auto xml = part(target->second);
            pugi::xml_document doc;
            if (!xml || !doc.load_string(xml->c_str())) {
                workbook.error = error.empty() ? "its sheet " + name + " does not read" : error;
                workbook.sheets.clear();
                return workbook;
            }
            XlsxSheet& cells = workbook.sheets[name];
            for (const auto& row : doc.child("worksheet").child("sheetData").children("row"))
                for (const auto& c : row.children("c")) {
                    int r = 0;
                    int column = 0;
                    if (!parseReference(c.attribute("r").value(), r, column))
                        continue;
                    const std::string type = c.attribute("t").value();
                    const std::string value = c.child("v").text().get();
                    XlsxCell cell;
                    cell.formula = static_cast<bool>(c.child("f"));
                    if (type == "s") {
                        const auto index = static_cast<std::size_t>(std::atoll(value.c_str()));
                        cell.text = index < strings.size() ? strings[index] : std::string();
                    } else if (type == "inlineStr") {
                        cell.text = itemText(c.child("is"));
                    } else if (type == "str" || type == "e") {
                        cell.text = value;
                    } else if (type == "b") {
                        cell.text = value == "1" ? "TRUE" : "FALSE";
                    } else if (!value.empty()) {
                        cell.text = value;
                        double number = 0;
                        const auto [end, failed] =
                            std::from_chars(value.data(), value.data() + value.size(), number);
                        if (failed == std::errc() && end == value.data() + value.size())
                            cell.number = number;
                    }
                    if (!cell.empty())
                        cells.cells[{r, column}] = std::move(cell);
                }
        }
    } catch (const Poco::Exception& e) {
        workbook.error = "is not an Excel workbook (.xlsx): " + e.displayText();
        workbook.sheets.clear();
    } catch (const std::exception& e) {
        workbook.error = std::string("is not an Excel workbook (.xlsx): ") + e.what();
        workbook.sheets.clear();
    }
    return workbook;
}

} // namespace fairtender
