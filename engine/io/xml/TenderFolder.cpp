// loadTenderFolder: reads tender.xml, bids/*.xml and evaluations.xml, collects every
// problem in every file, then the cross-file checks; all or nothing.
#include "io/xml/TenderFolder.h"

#include "core/InputKind.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace fairtender {

namespace {

namespace fs = std::filesystem;

std::optional<std::string> readFile(const fs::path& path, const std::string& name,
                                    Diagnostics& diagnostics) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    if (in)
        content << in.rdbuf();
    if (!in || in.bad()) {
        diagnostics.push_back(
            errorAt({name, 0, 0},
                    "cannot read " + name + ": check that it is a file you are allowed to read"));
        return std::nullopt;
    }
    return std::move(content).str();
}

bool isBidFile(const fs::directory_entry& entry) {
    std::error_code ec;
    if (!entry.is_regular_file(ec))
        return false;
    const auto name = entry.path().filename().string();
    // Editors' lock and backup files and macOS "._" companions are not bids.
    if (name.empty() || name.front() == '.')
        return false;
    auto extension = entry.path().extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".xml";
}

} // namespace

FolderLoad loadTenderFolder(const fs::path& folderPath, const LivingWageTable* rates) {
    FolderLoad load;
    auto& diagnostics = load.diagnostics;
    TenderFolder folder;
    bool complete = true;
    std::error_code ec;

    const auto tenderPath = folderPath / "tender.xml";
    if (const std::string wrong = notATenderFolder(folderPath); !wrong.empty()) {
        diagnostics.push_back(errorAt({folderPath.string(), 0, 0}, wrong));
        return load;
    }
    if (!fs::is_regular_file(tenderPath, ec)) {
        diagnostics.push_back(
            errorAt({"tender.xml", 0, 0}, "the folder " + folderPath.string() +
                                              " has no tender.xml: every tender folder needs one"));
        complete = false;
    } else if (const auto text = readFile(tenderPath, "tender.xml", diagnostics)) {
        folder.files.push_back(tenderPath);
        if (auto tender = parseTender(*text, "tender.xml", rates, diagnostics))
            folder.tender = std::move(*tender);
        else
            complete = false;
    } else {
        complete = false;
    }

    const auto bidsPath = folderPath / "bids";
    if (fs::is_directory(bidsPath, ec)) {
        std::vector<fs::path> bidFiles;
        for (const auto& entry : fs::directory_iterator(bidsPath, ec))
            if (isBidFile(entry))
                bidFiles.push_back(entry.path());
        if (ec) {
            diagnostics.push_back(
                errorAt({"bids", 0, 0}, "cannot list the bids folder: " + ec.message()));
            complete = false;
        }
        std::sort(bidFiles.begin(), bidFiles.end(), [](const fs::path& a, const fs::path& b) {
            return a.filename().string() < b.filename().string();
        });
        for (const auto& path : bidFiles) {
            const std::string name = "bids/" + path.filename().string();
            const auto text = readFile(path, name, diagnostics);
            if (!text) {
                complete = false;
                continue;
            }
            folder.files.push_back(path);
            if (auto bids = parseBids(*text, name, diagnostics))
                std::move(bids->begin(), bids->end(), std::back_inserter(folder.bids));
            else
                complete = false;
        }
    }

    const auto evaluationsPath = folderPath / "evaluations.xml";
    if (fs::exists(evaluationsPath, ec)) {
        if (const auto text = readFile(evaluationsPath, "evaluations.xml", diagnostics)) {
            folder.files.push_back(evaluationsPath);
            if (auto evaluations = parseEvaluations(*text, "evaluations.xml", diagnostics))
                folder.evaluations = std::move(*evaluations);
            else
                complete = false;
        } else {
            complete = false;
        }
    }

    // Cross-file checks only on complete data: a bid missing from a broken file would
    // otherwise produce misleading errors about the evaluations that name it.
    if (complete)
        checkConsistency(folder, diagnostics);
    if (!hasErrors(diagnostics))
        load.folder = std::move(folder);
    return load;
}

} // namespace fairtender
