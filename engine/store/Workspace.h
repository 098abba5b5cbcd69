// Workspace: one tender kept in one SQLite file (*.ftw) or in one schema of a PostgreSQL
// database (a postgresql:// location, see WorkspaceLocation.h): the tender.xml and bid files
// as imported, the panel's records, the lifecycle and the hash-chained audit log. Both stores
// hold the same rows and follow the same rules. Results are never stored: they are
// recomputed from what is stored. Every command is one transaction.
#pragma once

#include "audit/AuditChain.h"
#include "audit/AuditSignature.h"
#include "core/Diagnostic.h"
#include "io/xml/ReferenceData.h"
#include "io/xml/TenderFolder.h"
#include "lifecycle/Lifecycle.h"
#include "lifecycle/PanelViews.h"
#include "lifecycle/Progress.h"
#include "lifecycle/Standstill.h"
#include "pipeline/FolderEvaluation.h"
#include "sensitivity/AwardSensitivity.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace fairtender {

// What `workspace status` shows.
struct WorkspaceStatus {
    int schemaVersion = 0;
    std::string tenderId;
    std::string tenderTitle;
    std::string state; // the latest lifecycle state: "draft", "open", ...
    std::size_t bidDocuments = 0;
    std::size_t bids = 0;
    std::size_t scores = 0;
    std::size_t consensus = 0;
    std::size_t deliverability = 0;
    std::size_t abnormallyLowDecisions = 0;
    std::size_t exclusions = 0; // bids excluded after the evaluation
    std::size_t auditEntries = 0;
    std::string headHash; // the last audit entry's hash, to note down outside the file
};

// What `verify` found; ok() only when the chain, the stored rows and the results all hold.
struct VerifyReport {
    Diagnostics problems; // the first chain break first, then row and result mismatches
    std::size_t entriesChecked = 0;
    std::size_t rowsChecked = 0;
    std::string headHash;
    // The key (64 hex digits) that signed the entries, when a server signed them; every
    // entry from the first signed one on is signed by it and its signature holds.
    std::string signedBy;
    std::size_t entriesSigned = 0;

    bool ok() const { return problems.empty(); }
};

// What a workspace command did. When it was refused, `problems` says why (for a forbidden
// lifecycle move: one line per thing missing) and nothing was written.
struct CommandOutcome {
    Diagnostics problems;
    std::string summary; // what was recorded, one line

    bool ok() const { return !hasErrors(problems); }
};

// One bid and criterion as moderation sees it: the individual scores, their mean as the
// starting point, the spread against the criterion's threshold and any consensus so far.
struct ModerationItem {
    std::string bidId;
    std::string criterionId;
    std::vector<EvaluatorScore> scores;
    double mean = 0;
    double spread = 0;    // highest minus lowest score
    double threshold = 0; // the spread threshold in scale points
    bool overThreshold = false;
    std::optional<ConsensusScore> consensus;
};

// Other evaluators' scores on one bid and criterion, or why they may not be read yet.
struct ScoresSeen {
    std::vector<EvaluatorScore> scores;
    Diagnostics refused;
};

// Every bid and criterion's scores as one viewer may read them, from a single read of the
// panel and the scores (Workspace::scoresSeenByAll): at() gives, for any pair, exactly what
// scoresSeenBy gives, without reading the workspace again.
class ScoresSeenGrid {
public:
    ScoresSeen at(const std::string& bidId, const std::string& criterionId) const;

private:
    friend class Workspace;

    std::filesystem::path file_;
    std::string viewer_;
    std::optional<PanelRole> role_; // nullopt: the viewer is not on the panel
    // Keyed by bid id, a line feed and criterion id; in stored order within a pair.
    std::unordered_map<std::string, std::vector<EvaluatorScore>> scores_;
};

// One score an evaluator submits, and where it was read from (a score sheet's cell), if
// anywhere.
struct ScoreSubmission {
    std::string bidId;
    std::string criterionId;
    double value = 0;
    std::string reason;
    SourceLocation where;
};

// A recorded award: the bid, the day of the award notice and the standstill's last day.
struct AwardRecord {
    std::string bidId;
    std::string noticeDate;
    std::string standstillEnd;
    std::string reason;
};

// One step of the award, in the order recorded: an award decision, a bid excluded after the
// evaluation, or the award falling away (the tender locked again for a new decision).
struct AwardEvent {
    enum class Kind { Award, Exclusion, AwardFellAway };
    Kind kind = Kind::Award;
    std::string bidId;         // the bid awarded or excluded; the award's bid when it fell away
    std::string date;          // an award's notice date; the day an exclusion was decided
    std::string standstillEnd; // an award: the standstill's last day
    std::string reason;        // as recorded with the step
    std::string by;            // who recorded it
    std::string recordedAt;    // when, as the audit entry gives it
    // An exclusion of the bid then awarded: "during the standstill, which ends at the end of
    // 2026-01-05" or "after the standstill ended on 2026-01-05"; empty otherwise.
    std::string standstill;
};

struct WorkspaceOpen;
class SqlConnection;

// The time a command's audit entries are stamped with, as UTC ISO 8601 to the second
// ("2026-03-02T09:30:00Z"); also what "today" is for the date checks. Empty: the system clock.
using WorkspaceClock = std::function<std::string()>;

// How far a batch of bid files has been checked: called after each file.
using ImportProgress = std::function<void(std::size_t checked, std::size_t total)>;

class Workspace {
public:
    // The newest schema this build reads and writes.
    static constexpr int kSchemaVersion = 5;

    // Loads `folder` with loadTenderFolder and stores all of it, with one audit entry per
    // record, in a new file `wsPath` in one transaction, in the draft stage. Any error in the
    // folder, an existing `wsPath` or a failed write leaves no file behind. `rates` as for
    // loadTenderFolder.
    // `signer` (a server's key) signs every entry, from the first; `reason` is what the
    // creation's entries give as their reason (empty: "created from the folder FOLDER").
    static WorkspaceOpen createFromFolder(const std::filesystem::path& folder,
                                          const std::filesystem::path& wsPath,
                                          const std::string& actor,
                                          const LivingWageTable* rates = nullptr,
                                          const WorkspaceClock& clock = {},
                                          std::shared_ptr<const AuditSigningKey> signer = {},
                                          const std::string& reason = {});
    // Opens an existing workspace, migrating an older schema forward in one transaction.
    // A newer schema, a file that is not a workspace or a missing file is an error and the
    // file is left exactly as it was.
    static WorkspaceOpen open(const std::filesystem::path& wsPath);

    Workspace(Workspace&&) noexcept;
    Workspace& operator=(Workspace&&) noexcept;
    ~Workspace();

    const std::filesystem::path& path() const;

    // Stamps later commands with `clock` instead of the system clock: for a record kept in
    // step with a calendar other than the machine's (tests replaying a tender's timeline).
    void setClock(WorkspaceClock clock);
    // Signs every entry later commands append with `signer` (a server's key); once a
    // workspace's entries are signed, verify takes an unsigned later entry for tampering.
    void setSigner(std::shared_ptr<const AuditSigningKey> signer);

    // Writes tender.xml, bids/* and evaluations.xml (when the panel recorded anything) into
    // `folder`, which must not exist or be empty; on failure what was written is removed.
    Diagnostics exportToFolder(const std::filesystem::path& folder) const;

    // The stored inputs read back as a tender folder; diagnostics name "tender.xml",
    // "bids/<file>" and "evaluations.xml" as the exported folder would.
    FolderLoad loadFolder(const LivingWageTable* rates) const;

    // loadFolder, lint and evaluate: what evaluateTenderFolder gives on the exported folder.
    FolderEvaluation evaluate(const LivingWageTable* rates) const;

    WorkspaceStatus status() const;
    // The last audit entry's hash (status().headHash without counting every table).
    std::string headHash() const;
    // The SHA-256 of the current tender.xml as stored: what identifies the version of the
    // tender a document (a score sheet) was made from. Empty when no tender is stored.
    std::string tenderSha256() const;
    // The current tender.xml as stored (the tender and its evaluation model), byte for
    // byte; empty when no tender is stored.
    std::string tenderXml() const;

    // The whole audit log in seq order.
    std::vector<AuditEntry> auditLog() const;
    // The audit entries of the lifecycle (its start and every move), in seq order: read
    // through the lifecycle rows, without the rest of a log that may hold millions of entries.
    std::vector<AuditEntry> lifecycleLog() const;

    // PostgreSQL only: lets the database role `role` (the team's login) read the tender and
    // add records, never change or delete one; the audit log's guards and verify then hold
    // against that role too. A workspace file has no roles: its file permissions decide.
    Diagnostics grantTeamRole(const std::string& role);

    // Copies every stored row, as stored, into a new workspace at `destination` (a file or a
    // postgresql:// location), which must not exist yet: the copy holds the same records and
    // the same audit log, so its verify gives the same head hash. All or nothing.
    Diagnostics copyTo(const std::filesystem::path& destination) const;

    // Checks the hash chain, every stored row against the entry that wrote it (and that
    // every such entry still has its row), the bid index against the bid documents, the
    // audit log's append-only guards, SQLite's integrity check, and that the results
    // recomputed from the stored inputs are those recorded when they were last stored.
    // Entries a server signed are checked against the key recorded with them, and, when
    // `expectedSigner` is given (a server's public key, 64 hex digits), every entry must
    // be signed by that key. A workspace given a signer (setSigner) expects that signer's
    // key when no other is given: the server holding it signed every entry it holds.
    VerifyReport verify(const LivingWageTable* rates, const std::string& expectedSigner = {}) const;

    // The public key (64 hex digits) of the server that signed the audit entries; empty for
    // a workspace whose entries are not signed. verify checks that it signed every one.
    std::string signingKey() const;

    // The next command is refused (code "tender.head-changed", nothing written) unless the
    // log still ends at `headHash` when it takes the write lock: a change made on what its
    // sender last saw, never over someone else's change made meanwhile.
    void expectHead(std::string headHash);

    // Empty when the log ends at `expectedHead`, a head hash noted elsewhere (in a report,
    // an email, a minute); else how this copy differs: entries added after the noted one,
    // or the noted entry missing (another workspace, or a copy that lost its last entries).
    std::string expectedHeadProblem(const std::string& expectedHead) const;

    // The current lifecycle stage.
    LifecycleState state() const;
    // How far the evaluation has got at the current stage (evaluationProgress).
    EvaluationProgress progress(const LivingWageTable* rates) const;
    // What `person` has left to do at the current stage (todoOf).
    std::vector<TodoItem> todo(const std::string& person, const LivingWageTable* rates) const;
    // The panel members and their declarations.
    PanelRecord panel() const;
    // The current award, once the tender is awarded: the latest award record.
    std::optional<AwardRecord> award() const;
    // Every award record, oldest first: more than one when an awarded bid was excluded.
    std::vector<AwardRecord> awards() const;
    // The awards, the exclusions after the evaluation and the awards that fell away, in the
    // order they were recorded, each with who recorded it: the story of the award.
    std::vector<AwardEvent> awardHistory() const;

    // The commands below each run in one transaction with their audit entries, and are
    // refused (nothing written) when the rules do not allow them. `actor` is who acts;
    // `rates` as for loadFolder, so the recorded results are those verify recomputes.

    // Adds `name` with `role`. Only the lead may add once the panel has a lead.
    CommandOutcome addPanelMember(const std::string& actor, const std::string& name,
                                  PanelRole role);
    // Records the actor's conflict-of-interest declaration: no conflict when `conflicts` is
    // empty, else one line per bid (ConflictDeclaration::person is ignored). A conflict
    // declared after scoring takes the actor's scores on that bid out of the results (they
    // stay on record); `rates` as for loadFolder, so the results recorded then are those
    // verify recomputes.
    CommandOutcome declareInterests(const std::string& actor,
                                    const std::vector<ConflictDeclaration>& conflicts,
                                    const LivingWageTable* rates = nullptr);
    // An evaluator's score with its written reason, during evaluation (or moderation, after
    // the lead reopened it). Once submitted it is locked.
    CommandOutcome submitScore(const std::string& actor, const std::string& bidId,
                               const std::string& criterionId, double value,
                               const std::string& reason, const LivingWageTable* rates);
    // Several scores of the actor at once, each as submitScore would take it, all or none:
    // every problem comes back, located at the score's `where` when it has one (the cell of
    // a score sheet), else at the workspace.
    CommandOutcome submitScores(const std::string& actor,
                                const std::vector<ScoreSubmission>& scores,
                                const LivingWageTable* rates);
    // The lead reopens an evaluator's submitted score; the original stays in the trail.
    CommandOutcome reopenScore(const std::string& actor, const std::string& bidId,
                               const std::string& criterionId, const std::string& evaluator,
                               const std::string& reason);
    // What `viewer` may read of the evaluators' scores on one bid and criterion.
    ScoresSeen scoresSeenBy(const std::string& viewer, const std::string& bidId,
                            const std::string& criterionId) const;
    // What `viewer` may read on every bid and criterion, read once: for a screen that shows
    // all of them, where a scoresSeenBy per pair would read every score each time.
    ScoresSeenGrid scoresSeenByAll(const std::string& viewer) const;
    // The same from what was already read: the folder (loadFolder's, or evaluate()'s) and
    // the panel, so a screen that evaluated the workspace does not read the scores again.
    ScoresSeenGrid scoresSeenIn(const TenderFolder& folder, const PanelRecord& panel,
                                const std::string& viewer) const;
    // Every bid and judgement criterion to moderate, spreads over the threshold first.
    std::vector<ModerationItem> moderationAgenda(const LivingWageTable* rates) const;
    // The same agenda from a folder already read (loadFolder's, or evaluate()'s), for a
    // screen that has one: reading the workspace again costs as much as the agenda itself.
    static std::vector<ModerationItem> moderationAgendaOf(const TenderFolder& folder);
    // A moderator's (or the lead's) consensus with its reason, during moderation. Replacing
    // a consensus needs `changeReason`; the earlier one stays in the trail.
    CommandOutcome setConsensus(const std::string& actor, const std::string& bidId,
                                const std::string& criterionId, double value,
                                const std::string& reason, const std::string& changeReason,
                                const LivingWageTable* rates);
    // The lead accepts or rejects an abnormally low price, with the reason.
    CommandOutcome decideAbnormallyLow(const std::string& actor, const std::string& bidId,
                                       bool accept, const std::string& reason,
                                       const LivingWageTable* rates);
    // In draft only, replaces the tender definition with `tenderXml`, checked as a folder's
    // tender.xml is (diagnostics name "tender.xml") and against the bids and records
    // already stored; any problem refuses it. The earlier tender stays on record and the
    // audit entry gives the SHA-256 of both texts. Once the panel has a lead, only the lead.
    CommandOutcome replaceTender(const std::string& actor, const std::string& tenderXml,
                                 const std::string& reason, const LivingWageTable* rates);
    // While the tender is open, the lead stores the bid files `files` (*.xml) with one
    // audit entry each, all or none: every file is checked with the stored tender and bids
    // as a folder would be, and every problem is returned, named "bids/<file name>" as in
    // an exported folder. `progress` (optional) hears of each file checked.
    CommandOutcome importBids(const std::string& actor,
                              const std::vector<std::filesystem::path>& files,
                              const LivingWageTable* rates, const ImportProgress& progress = {});
    // Once locked (or awarded), the lead records that `bidId` is excluded after the
    // evaluation (failed final checks, withdrew) with the reason and the day it was decided
    // (today when not given; not in the future, not before the results were locked, nor
    // before the notice of an award it ends): the bid is then excluded and the others ranked
    // again without it. When the award no longer stands (its bid excluded, or no longer the
    // single first-ranked bid), the tender is locked again and the lead awards anew with
    // advance; the earlier award stays on record. Refused for an unknown or already excluded
    // bid.
    // `withdrawn`: the supplier withdrew the bid, rather than it failing a final check.
    CommandOutcome excludeAfterEvaluation(const std::string& actor, const std::string& bidId,
                                          const std::string& reason, const LivingWageTable* rates,
                                          std::optional<Date> decidedOn = std::nullopt,
                                          bool withdrawn = false);
    // The lead moves the tender to `to` with a reason; refused with what is missing. Moving
    // to open freezes the evaluation model and is refused while the stored inputs have
    // errors, each given with its file, line and column. Moving to awarded records the
    // first-ranked bid and the standstill end counted from `noticeDate` with `holidays`; the
    // notice may be neither in the future nor before the results were last locked. What the
    // move allows but a reviewer would question comes back as warnings in `problems`.
    CommandOutcome advance(const std::string& actor, LifecycleState to, const std::string& reason,
                           const LivingWageTable* rates, const BankHolidays* holidays = nullptr,
                           std::optional<Date> noticeDate = std::nullopt);
    // The lead records how robust the award is before it is made (the tender locked): the
    // award confidence analysis of the stored inputs with `odds`' samples and seed, as a
    // sensitivity.recorded entry with the verdict and the SHA-256 of the analysis's JSON,
    // which verify recomputes. A close call needs `reason`: why the award stands.
    CommandOutcome recordSensitivity(const std::string& actor, const OddsSettings& odds,
                                     const std::string& reason, const LivingWageTable* rates);
    // The bids as `viewer` sees them now (price-blind, anonymous when asked).
    std::vector<BidView> bidViewsFor(const std::string& viewer, bool anonymous,
                                     const LivingWageTable* rates) const;
    // The same views from what was already read: the folder (loadFolder's, or evaluate()'s),
    // the panel and the stage.
    static std::vector<BidView> bidViewsOf(const TenderFolder& folder, const PanelRecord& panel,
                                           LifecycleState state, const std::string& viewer,
                                           bool anonymous);

    struct Impl;

private:
    explicit Workspace(std::unique_ptr<Impl> impl);
    // Checks the schema version of what `db` holds and brings it up to date.
    static WorkspaceOpen openOn(std::unique_ptr<SqlConnection> db);
    std::unique_ptr<Impl> impl_;
};

// The outcome of createFromFolder or open: a workspace, or the errors saying why not.
struct WorkspaceOpen {
    std::optional<Workspace> workspace;
    Diagnostics diagnostics;

    bool ok() const { return workspace.has_value(); }
};

} // namespace fairtender
