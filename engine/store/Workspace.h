// Workspace: one tender kept in one SQLite file (*.ftw): the tender.xml and bid files as
// imported, the panel's records, the lifecycle and the hash-chained audit log. Results are
// never stored: they are recomputed from what is stored. Every command is one transaction.
#pragma once

#include "audit/AuditChain.h"
#include "core/Diagnostic.h"
#include "io/xml/ReferenceData.h"
#include "io/xml/TenderFolder.h"
#include "pipeline/FolderEvaluation.h"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fairtender {

// What `workspace status` shows.
struct WorkspaceStatus {
    int schemaVersion = 0;
    std::string tenderId;
    std::string tenderTitle;
    std::string state; // the latest lifecycle state: "open", ...
    std::size_t bidDocuments = 0;
    std::size_t bids = 0;
    std::size_t scores = 0;
    std::size_t consensus = 0;
    std::size_t deliverability = 0;
    std::size_t abnormallyLowDecisions = 0;
    std::size_t auditEntries = 0;
    std::string headHash; // the last audit entry's hash, to note down outside the file
};

// What `verify` found; ok() only when the chain, the stored rows and the results all hold.
struct VerifyReport {
    Diagnostics problems; // the first chain break first, then row and result mismatches
    std::size_t entriesChecked = 0;
    std::size_t rowsChecked = 0;
    std::string headHash;

    bool ok() const { return problems.empty(); }
};

struct WorkspaceOpen;

class Workspace {
public:
    // The newest schema this build reads and writes.
    static constexpr int kSchemaVersion = 1;

    // Loads `folder` with loadTenderFolder and stores all of it, with one audit entry per
    // record, in a new file `wsPath` in one transaction. Any error in the folder, an existing
    // `wsPath` or a failed write leaves no file behind. `rates` as for loadTenderFolder.
    static WorkspaceOpen createFromFolder(const std::filesystem::path& folder,
                                          const std::filesystem::path& wsPath,
                                          const std::string& actor,
                                          const LivingWageTable* rates = nullptr);
    // Opens an existing workspace, migrating an older schema forward in one transaction.
    // A newer schema, a file that is not a workspace or a missing file is an error and the
    // file is left exactly as it was.
    static WorkspaceOpen open(const std::filesystem::path& wsPath);

    Workspace(Workspace&&) noexcept;
    Workspace& operator=(Workspace&&) noexcept;
    ~Workspace();

    const std::filesystem::path& path() const;

    // Writes tender.xml, bids/* and evaluations.xml (when the panel recorded anything) into
    // `folder`, which must not exist or be empty; on failure what was written is removed.
    Diagnostics exportToFolder(const std::filesystem::path& folder) const;

    // The stored inputs read back as a tender folder; diagnostics name "tender.xml",
    // "bids/<file>" and "evaluations.xml" as the exported folder would.
    FolderLoad loadFolder(const LivingWageTable* rates) const;

    // loadFolder, lint and evaluate: what evaluateTenderFolder gives on the exported folder.
    FolderEvaluation evaluate(const LivingWageTable* rates) const;

    WorkspaceStatus status() const;

    // The whole audit log in seq order.
    std::vector<AuditEntry> auditLog() const;

    // Checks the hash chain, every stored row against the entry that wrote it (and that
    // every such entry still has its row), SQLite's integrity check, and that the results
    // recomputed from the stored inputs are those recorded when they were last stored.
    VerifyReport verify(const LivingWageTable* rates) const;

    struct Impl;

private:
    explicit Workspace(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// The outcome of createFromFolder or open: a workspace, or the errors saying why not.
struct WorkspaceOpen {
    std::optional<Workspace> workspace;
    Diagnostics diagnostics;

    bool ok() const { return workspace.has_value(); }
};

} // namespace fairtender
