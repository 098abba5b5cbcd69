// Helpers for the workspace tests: throwaway files, the reference rates, and the sqlite3 C
// API used directly, as someone editing a workspace behind fairtender's back would.
#pragma once

#include "ScratchFolder.h"
#include "Timeline.h"
#include "io/xml/ReferenceData.h"
#include "store/Workspace.h"

#include <filesystem>
#include <optional>
#include <sqlite3.h>
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

// Runs `sql` on the file with the plain sqlite3 library; returns "" or SQLite's error text.
inline std::string runSql(const std::filesystem::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    if (sqlite3_open(file.c_str(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return "cannot open";
    }
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    std::string message = rc == SQLITE_OK ? "" : (error ? error : "error");
    sqlite3_free(error);
    sqlite3_close(db);
    return message;
}

} // namespace fairtender::testing
