// Helpers for the scorecard tests: evaluated sample folders, throwaway folders, and the
// independent checks run as child processes (python3-openpyxl, LibreOffice Calc).
#pragma once

#include "FileText.h"
#include "ScratchFolder.h"
#include "ShellCommand.h"
#include "io/json/ResultJson.h"
#include "io/xml/ReferenceData.h"
#include "io/xml/TenderFolder.h"
#include "pipeline/FolderEvaluation.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace fairtender::xlsxtest {

using testing::readFile;
using testing::ScratchFolder;

inline const std::filesystem::path kSourceDir = FAIRTENDER_SOURCE_DIR;
inline const std::filesystem::path kChecker = kSourceDir / "tests/engine/xlsx/check_scorecard.py";

inline const LivingWageTable* referenceRates() {
    static const auto table = [] {
        Diagnostics ignored;
        return loadLivingWageTable(kSourceDir / "templates/reference/living-wage-rates.xml",
                                   ignored);
    }();
    return table ? &*table : nullptr;
}

inline void writeFile(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

// Runs a shell command, returning its exit status and its standard output and error.
inline testing::ShellRun runCommand(const std::string& command) {
    return testing::runShell(command + " 2>&1");
}

inline std::string shellQuoted(const std::filesystem::path& path) {
    std::string text = "'";
    for (char c : path.string())
        text += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return text + "'";
}

// Loads and evaluates a folder, failing the test if it does not evaluate.
inline FolderEvaluation evaluated(const std::filesystem::path& folder) {
    FolderEvaluation evaluation = evaluateTenderFolder(folder, referenceRates());
    EXPECT_TRUE(evaluation.ok()) << folder;
    for (const auto& diagnostic : evaluation.diagnostics)
        EXPECT_NE(diagnostic.severity, Severity::Error) << diagnostic.toString();
    return evaluation;
}

inline Diagnostics warningsOf(const Diagnostics& diagnostics) {
    Diagnostics warnings;
    for (const auto& diagnostic : diagnostics)
        if (diagnostic.severity == Severity::Warning)
            warnings.push_back(diagnostic);
    return warnings;
}

} // namespace fairtender::xlsxtest
