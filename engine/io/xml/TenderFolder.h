// Reading a tender folder (spec section 4): tender.xml, bid files under bids/ and an
// optional evaluations.xml. Every problem in every file is collected with its file,
// line and column; a folder with any error yields no data at all (all or nothing).
#pragma once

#include "core/Diagnostic.h"
#include "io/xml/ReferenceData.h"
#include "model/Bid.h"
#include "model/Evaluations.h"
#include "model/Tender.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fairtender {

struct TenderFolder {
    Tender tender;
    std::vector<Bid> bids; // in file name order, then document order
    Evaluations evaluations;
    std::vector<std::filesystem::path> files; // every file read, for provenance
};

struct FolderLoad {
    std::optional<TenderFolder> folder; // nullopt when diagnostics hold an error
    Diagnostics diagnostics;            // errors and lint warnings

    bool ok() const { return folder.has_value(); }
};

// Reads and checks the whole folder: syntax, vocabulary, values, and references across
// files (bids to the tender, evaluations to bids and criteria). `rates` resolves a
// living-wage-rate given by date; pass nullptr if no reference data is available.
// Diagnostics name files relative to `folderPath`'s parent-free form: "tender.xml",
// "bids/b1.xml".
FolderLoad loadTenderFolder(const std::filesystem::path& folderPath, const LivingWageTable* rates);

// The single-document readers behind loadTenderFolder, for tests, tools and benchmarks.
// Each appends its problems to `diagnostics` and returns nullopt on any error in the file.
// parseTender also checks the model on its own: sibling weights sum to 100, ids unique,
// tie-break and band references resolve, min-percent groups hold only non-comparing criteria.
std::optional<Tender> parseTender(std::string_view xml, const std::string& fileName,
                                  const LivingWageTable* rates, Diagnostics& diagnostics);
// A <bids> document or a single <bid> document.
std::optional<std::vector<Bid>> parseBids(std::string_view xml, const std::string& fileName,
                                          Diagnostics& diagnostics);
std::optional<Evaluations> parseEvaluations(std::string_view xml, const std::string& fileName,
                                            Diagnostics& diagnostics);

// Checks that only make sense across files: bids against the tender (unique ids, known
// measures and gates, prices), evaluations against bids and criteria (judgement values in
// range and on the step). Appends to diagnostics.
void checkConsistency(const TenderFolder& folder, Diagnostics& diagnostics);

} // namespace fairtender
