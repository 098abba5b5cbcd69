// The Excel scorecard: a workbook an auditor can recalculate. Every normalised score and
// every points cell is a live formula over the bids' inputs and the Model sheet (effective
// weights, parameters, rounding places), written with the engine's value cached, so the
// spreadsheet, the report and the ranking agree. Written atomically: a temporary file in
// the target's folder, renamed over the target only when complete.
#pragma once

#include "core/Diagnostic.h"
#include "core/FileHash.h"
#include "io/xml/TenderFolder.h"
#include "scoring/EvaluationResult.h"
#include "sensitivity/AwardSensitivity.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace fairtender {

struct ScorecardOptions {
    std::string toolVersion;      // shown on the Provenance sheet ("0.1.0")
    std::string exportedAt;       // shown as the time of export; empty: now, in UTC (ISO 8601)
    std::filesystem::path folder; // the tender folder, to name input files relative to it
    // The inputs as a workspace stores them (storedInputHashes), for the Provenance sheet;
    // empty: the files the folder was read from are hashed where they lie.
    std::vector<InputFileHash> storedInputs;
    // How robust the award is (analyseAward over the same result); when given, a
    // Sensitivity sheet shows the margin, the weight and mark flips and the odds.
    const AwardSensitivity* sensitivity = nullptr;
    // Write row by row with bounded memory (needed for thousands of bids).
    bool constantMemory = true;
    // Above this many bids the per-bid scorecards share one "Scorecards" sheet (a page per
    // bid) instead of one sheet each.
    std::size_t maxScorecardSheets = 50;
    // Test seam: called with the complete temporary file before it is renamed; returning
    // false makes the export fail as an interrupted write would.
    std::function<bool(const std::filesystem::path& temporaryFile)> beforeRename;
};

struct ExportResult {
    // Warnings (text cut at Excel's 32,767 characters), or the error that stopped the export.
    Diagnostics diagnostics;
    // The sheet names written, in workbook order; empty on failure.
    std::vector<std::string> sheets;

    bool ok() const { return !hasErrors(diagnostics); }
};

// Writes the scorecard of `result` (evaluated from `folder`) to `out`. `lint` holds the
// model's lint warnings, listed on the Model sheet. Never throws; on failure `out` is left
// as it was (absent or the previous file) and no temporary file remains.
ExportResult exportScorecard(const TenderFolder& folder, const EvaluationResult& result,
                             const std::vector<Diagnostic>& lint, const ScorecardOptions& options,
                             const std::filesystem::path& out);

// A name Excel accepts for a sheet: `[]:*?/\` replaced by "-", leading and trailing
// apostrophes dropped, at most 31 characters; "Sheet" if nothing remains.
std::string excelSheetName(const std::string& wanted);

// Text Excel can hold in a cell: at most 32,767 characters; longer text is cut and ends
// with a visible marker "... [cut: N characters]". Sets `cut` when it cut.
std::string excelCellText(const std::string& text, bool& cut);

} // namespace fairtender
