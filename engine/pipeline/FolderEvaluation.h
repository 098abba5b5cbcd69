// FolderEvaluation: the whole pipeline over a tender folder in one call (read and check
// every file, lint the model, evaluate), for front ends that start from a folder: the
// command line, the desktop app's "open folder" and the server's upload.
#pragma once

#include "core/Diagnostic.h"
#include "io/xml/ReferenceData.h"
#include "io/xml/TenderFolder.h"
#include "scoring/EvaluationResult.h"

#include <filesystem>
#include <optional>

namespace fairtender {

struct FolderEvaluation {
    std::optional<TenderFolder> folder;     // nullopt when a file is invalid
    std::optional<EvaluationResult> result; // nullopt when diagnostics hold an error
    Diagnostics diagnostics;                // reader errors, lint warnings, evaluation errors

    bool ok() const { return result.has_value(); }
};

// Loads the folder, adds lint warnings and evaluates; stops after loading if any file is
// invalid (folder and result both nullopt). Diagnostics name files relative to the folder
// ("bids/b1.xml"). `rates` may be nullptr when no reference data is available.
FolderEvaluation evaluateTenderFolder(const std::filesystem::path& folder,
                                      const LivingWageTable* rates);

} // namespace fairtender
