// WorkspaceAccess: a tender as the desktop screens show it to the person working on it: a
// workspace (*.ftw) here, worked on as the name under "Acting as", or a tender on a
// fairtender-server, worked on as the account signed in. Everything a screen needs is read
// in one go (a snapshot) by plain functions that run off the GUI thread, reach the tender
// for that call only and never throw. Changes go through TenderAccess, so each is written
// once for both.
#pragma once

#include "client/ServerConnection.h"
#include "desktop/LoadedTender.h"
#include "io/xlsx/ScoreSheet.h"
#include "lifecycle/AbnormallyLowPrices.h"
#include "store/ScoringView.h"
#include "store/TenderAccess.h"
#include "store/Workspace.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fairtender::desktop {

// The reference data beside the templates that workspace commands take.
struct ReferenceTables {
    std::optional<LivingWageTable> rates;
    std::optional<BankHolidays> holidays;
    Diagnostics warnings;

    const LivingWageTable* ratesOrNull() const { return rates ? &*rates : nullptr; }
    const BankHolidays* holidaysOrNull() const { return holidays ? &*holidays : nullptr; }
};

// Reads both tables once per process; later calls return the same tables.
const ReferenceTables& referenceTables();

// Where the window's tender is: a workspace file here, or a tender on a server with the
// session signed in for it (its token is kept in memory only, never written to disk).
struct TenderSource {
    std::filesystem::path file;
    std::optional<client::ServerLocation> server;
    client::SavedSession session;

    bool remote() const { return server.has_value(); }
    // The file, or the tender's address ("https://host:port/api/v1/tenders/NAME").
    std::string shown() const;
};

struct WorkspaceSnapshot {
    std::filesystem::path path; // the workspace file, or the tender's address when remote
    bool remote = false;
    Diagnostics problems; // why the workspace could not be read; nothing else is set then
    std::string actor;
    bool anonymous = false;

    WorkspaceStatus status;
    LifecycleState state = LifecycleState::Draft;
    PanelRecord panel;
    std::optional<AwardRecord> award;
    // The stored inputs evaluated as a folder would be, for Results, Model and Export.
    std::shared_ptr<const LoadedTender> tender;
    std::vector<AuditEntry> audit;      // empty unless readsEveryScore
    std::vector<ModerationItem> agenda; // empty unless readsEveryScore
    // The prices flagged as abnormally low and the decisions on them, as the report lists them.
    std::vector<AbnormallyLowPrice> abnormallyLow;

    std::vector<std::string> bidIds; // stored order
    std::vector<BidView> bidViews;   // as the actor sees them; empty when not on the panel
    std::vector<JudgementCriterion> criteria;
    std::vector<JudgementCell> cells; // bidIds.size() x criteria.size(), row by row

    // Why the evaluation model cannot be changed any more ("The model is frozen: the tender
    // opened on <time> (<who>)"), empty in draft.
    std::string modelFrozen;
    // Why the reports cannot be written yet (requireLockedOrAwarded), empty once locked.
    std::string reportsUnavailable;

    std::optional<LifecycleState> next; // nullopt once awarded
    std::vector<std::string> nextBlockers;
    // How far the evaluation has got, and what the person acting has left to do.
    EvaluationProgress progress;
    std::vector<TodoItem> todo;

    bool ok() const { return problems.empty(); }
    const JudgementCell* cell(std::size_t bid, std::size_t criterion) const;
    // The label the actor sees for a stored bid id ("Bid A" when anonymous), else the id.
    std::string labelOf(const std::string& bidId) const;
    // A judgement criterion's title (its id when untitled or unknown).
    std::string titleOf(const std::string& criterionId) const;
};

// True when one of `actor`'s roles may read every evaluator's scores (PanelViews'
// mayReadOthersScores without a score of one's own): the moderation agenda and the audit
// log, which quote every score, are read only for them.
bool readsEveryScore(const PanelRecord& panel, const std::string& actor);

// True when one of the acting person's roles may see prices and results at the snapshot's
// stage (PanelViews' pricesVisible): the Results, Bids and Export screens show them.
bool seesPrices(const WorkspaceSnapshot& snapshot);

// Opens `path` and reads everything the screens show for `actor`. Never throws; an error
// becomes `problems`, and nullptr means not even that could be allocated.
std::shared_ptr<const WorkspaceSnapshot> readWorkspaceSnapshot(const std::filesystem::path& path,
                                                               const std::string& actor,
                                                               bool anonymous) noexcept;

// The same of a tender on a server, from what the server sends the account signed in:
// nothing the account may not see (prices before the envelope opens, others' scores) is
// asked for, and the server would refuse it anyway.
std::shared_ptr<const WorkspaceSnapshot> readServerSnapshot(const TenderSource& source,
                                                            bool anonymous) noexcept;

// The tender `source` names, worked on as `actor` (on a server, as the account signed in);
// null with why in `problems`.
std::unique_ptr<TenderAccess> openTenderAccess(const TenderSource& source, const std::string& actor,
                                               Diagnostics& problems);

// A change to the tender as the person working on it (TenderAccess::person()).
using WorkspaceCommand = std::function<CommandOutcome(TenderAccess&, const ReferenceTables&)>;
using LocalWorkspaceCommand = std::function<CommandOutcome(Workspace&, const ReferenceTables&)>;

// A change only a workspace here can take (`what`, e.g. "Saving the model"): refused for a
// tender on a server with the way it is done there, `howOnServer`.
WorkspaceCommand onWorkspaceHere(std::string what, std::string howOnServer,
                                 LocalWorkspaceCommand command);

// Reaches `source`, runs `command` as `actor` (the account signed in, for a server) and lets
// go of the tender. Never throws: a failure to open, or an exception from the command, comes
// back as a refused outcome saying what to do.
CommandOutcome runWorkspaceCommand(const TenderSource& source, const std::string& actor,
                                   const WorkspaceCommand& command) noexcept;

// The score sheet of `actor` (on a server, of the account signed in) written to `out`, made
// from what the tender gives them (ScoreSheet.h). Never throws.
ScoreSheetWritten writeScoreSheetOf(const TenderSource& source, const std::string& actor,
                                    bool anonymous, const std::filesystem::path& out) noexcept;

// Every score `tender.person()` typed into the sheet `file`, recorded all or none.
CommandOutcome submitScoreSheet(TenderAccess& tender, const ReferenceTables& tables,
                                const std::filesystem::path& file);

// Workspace::createFromFolder with the reference rates; the diagnostics when refused.
Diagnostics createWorkspace(const std::filesystem::path& folder, const std::filesystem::path& path,
                            const std::string& actor) noexcept;

// Workspace::verify on a freshly opened `path`; an open failure is reported as a problem.
VerifyReport verifyWorkspace(const std::filesystem::path& path) noexcept;

// What a background workspace job did: the command's outcome (when one ran) and the
// workspace as read after it.
struct WorkspaceJobResult {
    bool commanded = false;
    CommandOutcome outcome;
    std::shared_ptr<const WorkspaceSnapshot> snapshot;
};

// Runs `command` (when given) on `source`, then reads the snapshot for `actor` (for a
// server, the account signed in). Never throws; nullptr only when memory ran out.
std::shared_ptr<const WorkspaceJobResult> runWorkspaceJob(const TenderSource& source,
                                                          const std::string& actor, bool anonymous,
                                                          const WorkspaceCommand& command) noexcept;

// The problems joined one per line, each with its location when it has one.
std::string describe(const Diagnostics& problems);

} // namespace fairtender::desktop
