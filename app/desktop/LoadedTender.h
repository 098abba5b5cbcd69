// LoadedTender: one tender folder read, linted and evaluated by the engine, as the desktop
// screens show it. Loading is a plain function with no Qt widgets, so it runs off the GUI
// thread, and it never throws: every failure becomes a diagnostic.
#pragma once

#include "core/Diagnostic.h"
#include "pipeline/FolderEvaluation.h"

#include <filesystem>
#include <memory>

namespace fairtender::desktop {

struct LoadedTender {
    std::filesystem::path folder; // as opened, absolute
    FolderEvaluation evaluation;
    // Reference data warnings first, then the engine's; engine files are named relative to
    // `folder` ("bids/B1.xml").
    Diagnostics diagnostics;

    // True when the folder evaluated without errors and the results can be shown.
    bool ok() const { return evaluation.ok() && evaluation.folder && !hasErrors(diagnostics); }
};

// Reads reference data beside the templates, then loads, lints and evaluates `folder`.
// Never throws; a missing folder or an unexpected failure is an error diagnostic.
std::shared_ptr<const LoadedTender> loadTender(const std::filesystem::path& folder) noexcept;

} // namespace fairtender::desktop
