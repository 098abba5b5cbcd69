// Helpers for the workspace tests: throwaway workspaces on either store, the reference
// rates, and SQL run behind fairtender's back (StoreUnderTest.h).
#pragma once

#include "ScratchFolder.h"
#include "StoreUnderTest.h"
#include "Timeline.h"
#include "io/xml/ReferenceData.h"
#include "store/Workspace.h"

#include <filesystem>
#include <optional>
#include <string>

namespace fairtender::testing {

inline const std::filesystem::path kSourceDir = FAIRTENDER_SOURCE_DIR;

inline const LivingWageTable* referenceRates() {
    static const std::optional<LivingWageTable> table = [] {
        Diagnostics ignored;
        return loadLivingWageTable(kSourceDir / "templates/reference/living-wage-rates.xml",
                                   ignored);
    }();
    return table ? &*table : nullptr;
}

// A workspace created from `folder` (in draft) and taken to open as a buyer would: `lead`
// on the panel as its lead, then the model frozen. Diagnostics say which step failed.
inline WorkspaceOpen createOpenWorkspace(const std::filesystem::path& folder,
                                         const std::filesystem::path& file,
                                         const std::string& lead = "alice",
                                         const WorkspaceClock& clock = {}) {
    WorkspaceOpen created =
        Workspace::createFromFolder(folder, file, lead, referenceRates(), clock);
    if (!created.ok())
        return created;
    Workspace& ws = *created.workspace;
    CommandOutcome step = ws.addPanelMember(lead, lead, PanelRole::Lead);
    if (step.ok())
        step = ws.advance(lead, LifecycleState::Open, "the model is final", referenceRates());
    if (!step.ok()) {
        created.diagnostics = std::move(step.problems);
        created.workspace.reset();
    }
    return created;
}

} // namespace fairtender::testing
