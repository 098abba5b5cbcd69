#include "store/WorkspaceImpl.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <unistd.h>

namespace fairtender {

Workspace::Workspace(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;
Workspace::~Workspace() = default;

const fs::path& Workspace::path() const {
    return impl_->path;
}

void Workspace::setClock(WorkspaceClock clock) {
    impl_->clock = std::move(clock);
}

WorkspaceOpen Workspace::openOn(std::unique_ptr<SqlConnection> db) {
    WorkspaceOpen opened;
    const fs::path where = db->location();
    try {
        auto impl = std::make_unique<Impl>(std::move(db));
        const int version = impl->schemaVersion();
        if (version < 0) {
            opened.diagnostics.push_back(
                workspaceError(where, "is not a fairtender workspace (it has no schema "
                                      "version); nothing was changed"));
            return opened;
        }
        if (version > kSchemaVersion) {
            opened.diagnostics.push_back(
                workspaceError(where, "this workspace was written by a newer fairtender (schema " +
                                          std::to_string(version) + "; this build reads up to " +
                                          std::to_string(kSchemaVersion) +
                                          "): open it with a newer version; nothing was changed"));
            return opened;
        }
        impl->db->configure();
        if (version < kSchemaVersion && impl->db->readOnly()) {
            opened.diagnostics.push_back(workspaceError(
                where, "is an older workspace (schema " + std::to_string(version) +
                           ") that must be brought up to date before it is read, which needs "
                           "write access: open it once where it can be written; nothing was "
                           "changed"));
            return opened;
        }
        if (version < kSchemaVersion) {
            std::string why;
            if (impl->db->beginWrite(why) != WriteStart::Started)
                throw StoreError(why);
            impl->migrate(version);
            impl->db->commit();
        }
        opened.workspace.emplace(Workspace(std::move(impl)));
    } catch (const StoreError& e) {
        opened.diagnostics.push_back(
            workspaceError(where, std::string("cannot open the workspace (") + e.what() +
                                      "); nothing was changed"));
    }
    return opened;
}

WorkspaceOpen Workspace::open(const fs::path& wsPath) {
    WorkspaceOpen opened;
    std::error_code error;
    if (isPostgresLocation(wsPath.string())) {
        std::string why;
        const auto location = WorkspaceLocation::parse(wsPath.string(), why);
        if (!location) {
            opened.diagnostics.push_back(workspaceError("the workspace URI", why));
            return opened;
        }
        try {
            auto db = std::make_unique<PostgresConnection>(*location);
            if (!db->schemaExists()) {
                opened.diagnostics.push_back(workspaceError(
                    location->shown, "holds no tender \"" + location->tender +
                                         "\" in this database: a workspace is first created "
                                         "from a tender folder; nothing was changed"));
                return opened;
            }
            return openOn(std::move(db));
        } catch (const StoreError& e) {
            opened.diagnostics.push_back(
                workspaceError(location->shown, std::string("cannot open the workspace (") +
                                                    e.what() + "); nothing was changed"));
            return opened;
        }
    }
    // A folder or a tender.xml where a workspace was wanted is told apart from a damaged one.
    if (const std::string wrong = notAWorkspace(wsPath); !wrong.empty()) {
        opened.diagnostics.push_back(workspaceError(wsPath, wrong));
        return opened;
    }
    const bool readOnly = SqliteConnection::mustReadOnly(wsPath);
    // Read alone, the main file lacks what a -wal beside it still holds.
    if (readOnly && !SqliteConnection::folderWritable(wsPath) &&
        fs::file_size(fs::path(wsPath.string() + "-wal"), error) > 0 && !error) {
        opened.diagnostics.push_back(workspaceError(
            wsPath, "has committed work in " + wsPath.filename().string() +
                        "-wal that cannot be read without writing in its folder: open it "
                        "where its folder can be written, or copy it with its -wal; nothing "
                        "was changed"));
        return opened;
    }
    try {
        return openOn(std::make_unique<SqliteConnection>(
            wsPath,
            readOnly ? SqliteConnection::Mode::ReadOnly : SqliteConnection::Mode::ReadWrite));
    } catch (const StoreError& e) {
        opened.diagnostics.push_back(
            workspaceError(wsPath, std::string("cannot open the workspace (") + e.what() +
                                       "); nothing was changed"));
    }
    return opened;
}

namespace {

// Makes a new workspace at `wsPath` (a file, or a tender of a PostgreSQL database) holding
// what `fill` stores, in one transaction: on any failure nothing is left behind, and an
// existing workspace is never overwritten.
Diagnostics createStore(const fs::path& wsPath, const std::function<void(Workspace::Impl&)>& fill) {
    Diagnostics problems;
    std::error_code error;
    std::string why;
    const auto location = WorkspaceLocation::parse(wsPath.string(), why);
    if (!location) {
        problems.push_back(workspaceError("the workspace URI", why));
        return problems;
    }
    if (!location->isPostgres() && fs::exists(wsPath, error)) {
        problems.push_back(workspaceError(
            wsPath, "already exists; fairtender never overwrites a workspace: choose a new name"));
        return problems;
    }
    if (location->isPostgres()) {
        try {
            auto db = std::make_unique<PostgresConnection>(*location);
            PostgresConnection& postgres = *db;
            if (postgres.schemaExists()) {
                problems.push_back(workspaceError(
                    location->shown, "already holds the tender \"" + location->tender +
                                         "\"; fairtender never overwrites a workspace: choose "
                                         "a new name"));
                return problems;
            }
            Workspace::Impl impl(std::move(db));
            try {
                // Schema and records in one transaction: a failure leaves no schema behind.
                postgres.begin();
                postgres.createSchema();
                impl.migrate(-1);
                fill(impl);
                postgres.commit();
            } catch (const StoreError&) {
                postgres.rollback();
                throw;
            }
        } catch (const StoreError& e) {
            problems.push_back(workspaceError(
                location->shown, std::string("cannot write the workspace: ") + e.what()));
            return problems;
        }
    } else {
        // Written under a temporary name and renamed when complete: no half workspace is
        // ever seen under the real name.
        const fs::path partial =
            wsPath.string() + ".part-" + std::to_string(static_cast<long>(::getpid()));
        removeDatabaseFiles(partial);
        try {
            Workspace::Impl impl(
                std::make_unique<SqliteConnection>(partial, SqliteConnection::Mode::ReadWrite));
            impl.db->configure();
            std::string why;
            if (impl.db->beginWrite(why) != WriteStart::Started)
                throw StoreError(why);
            impl.migrate(-1);
            fill(impl);
            impl.db->commit();
            impl.close();
        } catch (const StoreError& e) {
            removeDatabaseFiles(partial);
            problems.push_back(
                workspaceError(wsPath, std::string("cannot write the workspace: ") + e.what()));
            return problems;
        }
        fs::rename(partial, wsPath, error);
        if (error) {
            removeDatabaseFiles(partial);
            problems.push_back(
                workspaceError(wsPath, "cannot write the workspace: " + error.message()));
            return problems;
        }
    }
    return problems;
}

} // namespace

WorkspaceOpen Workspace::createFromFolder(const fs::path& folder, const fs::path& wsPath,
                                          const std::string& actor, const LivingWageTable* rates,
                                          const WorkspaceClock& clock) {
    WorkspaceOpen created;
    std::error_code error;
    if (actor.empty()) {
        created.diagnostics.push_back(workspaceError(
            wsPath, "say who is acting: every change is logged", "workspace.no-actor"));
        return created;
    }
    // Checked before the folder is read, so a wrong name is told at once.
    std::string why;
    if (!WorkspaceLocation::parse(wsPath.string(), why)) {
        created.diagnostics.push_back(workspaceError("the workspace URI", why));
        return created;
    }
    if (!isPostgresLocation(wsPath.string()) && fs::exists(wsPath, error)) {
        created.diagnostics.push_back(workspaceError(
            wsPath, "already exists; fairtender never overwrites a workspace: choose a new name"));
        return created;
    }
    FolderLoad load = loadTenderFolder(folder, rates);
    created.diagnostics = load.diagnostics;
    if (!load.folder || hasErrors(load.diagnostics))
        return created;
    const TenderFolder& loaded = *load.folder;

    // The exact bytes of every file, so an export gives the same files back.
    const auto tenderXml = readFileBytes(folder / "tender.xml");
    std::vector<std::pair<std::string, std::string>> documents; // file name in bids/, bytes
    for (const auto& file : loaded.files) {
        if (file.parent_path().filename() != "bids")
            continue;
        auto bytes = readFileBytes(file);
        if (!bytes) {
            created.diagnostics.push_back(
                errorAt({"bids/" + file.filename().string(), 0, 0}, "cannot be read again"));
            return created;
        }
        documents.emplace_back(file.filename().string(), std::move(*bytes));
    }
    if (!tenderXml) {
        created.diagnostics.push_back(errorAt({"tender.xml", 0, 0}, "cannot be read again"));
        return created;
    }

    // Every record with its audit entry; the caller holds the transaction.
    const auto storeAll = [&](Impl& ws) {
        ws.clock = clock;
        ws.commandTime = ws.timeNow();
        const std::string reason = "created from the folder " + folder.string();
        ws.insertRow(kTenderTable, {loaded.tender.id, loaded.tender.title, *tenderXml}, actor,
                     reason);
        for (const auto& [name, bytes] : documents) {
            std::vector<std::string> inDocument;
            for (const auto& bid : loaded.bids)
                if (bid.where.file == "bids/" + name)
                    inDocument.push_back(bid.id);
            ws.insertBidDocument(name, inDocument, bytes, actor, reason);
        }
        const Evaluations& ev = loaded.evaluations;
        for (const auto& s : ev.scores)
            ws.insertRow(kScoresTable,
                         {s.bidId, s.criterionId, s.evaluator, exactDecimalText(s.value), s.reason},
                         actor, reason);
        for (const auto& c : ev.consensus)
            ws.insertRow(kConsensusTable,
                         {c.bidId, c.criterionId, c.moderator, exactDecimalText(c.value), c.reason},
                         actor, reason);
        for (const auto& d : ev.deliverability)
            ws.insertRow(kDeliverabilityTable,
                         {d.bidId, d.measureId, exactDecimalText(d.factor), d.reason}, actor,
                         reason);
        for (const auto& a : ev.abnormallyLowDecisions)
            ws.insertRow(kDecisionsTable, {a.bidId, a.accept ? "true" : "false", a.reason}, actor,
                         reason);
        for (const auto& x : ev.exclusions)
            ws.insertRow(kExclusionsTable,
                         {x.bidId, x.reason, x.date ? x.date->toString() : std::string(),
                          x.withdrawn ? "true" : std::string()},
                         actor, reason);
        // A new workspace is a draft: the model may still be replaced until it opens.
        ws.insertRow(kLifecycleTable, {"draft", reason}, actor, reason);
        ws.append(actor, kResultsAction, loaded.tender.id, resultsText(loaded),
                  "results of the stored inputs");
    };

    if (Diagnostics written = createStore(wsPath, storeAll); !written.empty()) {
        for (auto& diagnostic : written)
            created.diagnostics.push_back(std::move(diagnostic));
        return created;
    }
    WorkspaceOpen opened = open(wsPath);
    for (auto& diagnostic : opened.diagnostics)
        created.diagnostics.push_back(std::move(diagnostic));
    created.workspace = std::move(opened.workspace);
    if (created.workspace)
        created.workspace->setClock(clock);
    return created;
}

namespace {

// Copies `columns` of every row of `table` from one store to the other, in `order`.
void copyTable(Workspace::Impl& from, Workspace::Impl& to, const std::string& table,
               const std::vector<std::string>& columns, const std::string& order) {
    std::string list;
    std::string marks;
    for (const auto& column : columns) {
        list += (list.empty() ? "" : ", ") + column;
        marks += marks.empty() ? "?" : ", ?";
    }
    SqlStatement& select =
        from.statement("SELECT " + list + " FROM " + table + " ORDER BY " + order);
    SqlStatement& insert =
        to.statement("INSERT INTO " + table + " (" + list + ") VALUES (" + marks + ")");
    QueryScope scope{select};
    std::vector<std::string> values(columns.size());
    while (select.next()) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            select.text(static_cast<int>(c), values[c]);
            insert.bind(static_cast<int>(c + 1), std::string_view(values[c]));
        }
        insert.run();
    }
}

} // namespace

Diagnostics Workspace::grantTeamRole(const std::string& role) {
    auto* postgres = dynamic_cast<PostgresConnection*>(impl_->db.get());
    if (postgres == nullptr)
        return {workspaceError(impl_->path, "is a workspace file, which has no database roles: "
                                            "who may change it is decided by who may write "
                                            "the file")};
    try {
        postgres->grantWriter(role);
    } catch (const StoreError& e) {
        return {workspaceError(impl_->path, "cannot grant the role " + role + " (" + e.what() +
                                                "); nothing was changed")};
    }
    return {};
}

Diagnostics Workspace::copyTo(const fs::path& destination) const {
    Impl& source = *impl_;
    const auto fill = [&source](Impl& target) {
        for (const TableSpec* spec : dataTables()) {
            std::vector<std::string> columns{"position"};
            columns.insert(columns.end(), spec->columns.begin(), spec->columns.end());
            columns.insert(columns.end(), {"row_hash", "audit_seq"});
            copyTable(source, target, spec->table, columns, "position");
            if (spec == &kBidDocumentsTable)
                copyTable(source, target, "bids", {"position", "bid_id", "file_name"}, "position");
        }
        copyTable(source, target, "audit_log",
                  {"seq", "at", "actor", "action", "subject", "before_text", "after_text", "reason",
                   "prev_hash", "hash"},
                  "seq");
    };
    try {
        // One snapshot of the source, however its writers go on meanwhile.
        source.db->beginRead();
        Diagnostics problems = createStore(destination, fill);
        source.db->rollback();
        return problems;
    } catch (const StoreError& e) {
        source.db->rollback();
        return {workspaceError(source.path, std::string("cannot read the workspace: ") + e.what())};
    }
}

Diagnostics Workspace::exportToFolder(const fs::path& folder) const {
    Diagnostics diagnostics;
    std::error_code error;
    const bool existed = fs::exists(folder, error);
    if (existed && (!fs::is_directory(folder, error) || !fs::is_empty(folder, error))) {
        diagnostics.push_back(errorAt({folder.string(), 0, 0},
                                      "already exists and is not an empty folder; fairtender "
                                      "never overwrites a tender: choose a new folder name"));
        return diagnostics;
    }
    std::vector<fs::path> written;
    const auto fail = [&](const std::string& message) {
        for (const auto& file : written)
            fs::remove(file, error);
        fs::remove(folder / "bids", error);
        if (!existed)
            fs::remove(folder, error);
        diagnostics.push_back(errorAt({folder.string(), 0, 0}, message));
        return diagnostics;
    };
    try {
        if (!fs::create_directories(folder / "bids", error) && error)
            return fail("cannot create the folder: " + error.message());
        const auto put = [&](const fs::path& file, const std::string& bytes) {
            written.push_back(file);
            return writeBytes(file, bytes);
        };
        const auto tender = impl_->currentTender();
        if (!tender)
            return fail("the workspace holds no tender");
        if (!put(folder / "tender.xml", tender->values[2]))
            return fail("cannot write tender.xml");
        for (const auto& document : impl_->readRows(kBidDocumentsTable))
            if (!put(folder / "bids" / document.values[0], document.values[2]))
                return fail("cannot write bids/" + document.values[0]);
        TenderFolder stored;
        stored.tender.id = tender->values[0];
        Diagnostics ignored;
        impl_->readEvaluations(stored, ignored);
        if (!stored.files.empty() &&
            !put(folder / "evaluations.xml",
                 writeEvaluationsXml(stored.evaluations, stored.tender.id)))
            return fail("cannot write evaluations.xml");
    } catch (const StoreError& e) {
        return fail("cannot read the workspace: " + std::string(e.what()));
    }
    return diagnostics;
}

FolderLoad Workspace::loadFolder(const LivingWageTable* rates) const {
    try {
        return impl_->rebuild(rates);
    } catch (const StoreError& e) {
        FolderLoad load;
        load.diagnostics.push_back(
            workspaceError(impl_->path, "cannot read the workspace: " + std::string(e.what())));
        return load;
    }
}

FolderEvaluation Workspace::evaluate(const LivingWageTable* rates) const {
    FolderEvaluation evaluation;
    FolderLoad load = loadFolder(rates);
    evaluation.diagnostics = std::move(load.diagnostics);
    if (!load.folder || hasErrors(evaluation.diagnostics))
        return evaluation;
    for (auto& warning : lintModel(load.folder->tender))
        evaluation.diagnostics.push_back(std::move(warning));
    EvaluationOutcome outcome =
        fairtender::evaluate(load.folder->tender, load.folder->bids, load.folder->evaluations);
    for (auto& diagnostic : outcome.diagnostics)
        evaluation.diagnostics.push_back(std::move(diagnostic));
    evaluation.folder = std::move(load.folder);
    if (outcome.result && !hasErrors(evaluation.diagnostics))
        evaluation.result = std::move(outcome.result);
    return evaluation;
}

std::string Workspace::tenderSha256() const {
    const auto tender = impl_->currentTender();
    return tender ? sha256HexOf(tender->values[2]) : std::string();
}

WorkspaceStatus Workspace::status() const {
    WorkspaceStatus status;
    Impl& impl = *impl_;
    status.schemaVersion = impl.schemaVersion();
    if (const auto tender = impl.currentTender()) {
        status.tenderId = tender->values[0];
        status.tenderTitle = tender->values[1];
    }
    const auto states = impl.readRows(kLifecycleTable);
    if (!states.empty())
        status.state = states.back().values[0];
    status.bidDocuments = impl.count("bid_documents");
    status.bids = impl.count("bids");
    status.scores = impl.count("evaluator_scores");
    status.consensus = impl.count("consensus_scores");
    status.deliverability = impl.count("deliverability");
    status.abnormallyLowDecisions = impl.count("abnormally_low_decisions");
    status.exclusions = impl.count("exclusions");
    status.auditEntries = impl.count("audit_log");
    impl.loadHead();
    if (impl.head)
        status.headHash = impl.head->hash;
    return status;
}

std::vector<AuditEntry> Workspace::auditLog() const {
    return impl_->readLog(" ORDER BY seq");
}

std::vector<AuditEntry> Workspace::lifecycleLog() const {
    return impl_->lifecycleLog();
}

namespace {

Diagnostic refusal(const fs::path& file, std::string message) {
    return workspaceError(file, std::move(message));
}

Diagnostic refusal(const fs::path& file, const ActionRefusal& refused) {
    Diagnostic diagnostic = workspaceError(file, refused.message);
    diagnostic.code = refused.code;
    return diagnostic;
}

// `fail(message)` or `fail(ruleRefusal)`: adds the refusal to `outcome`; a command body
// returns through it.
struct Refuser {
    CommandOutcome& outcome;
    const fs::path& file;
    void operator()(std::string message) const {
        outcome.problems.push_back(refusal(file, std::move(message)));
    }
    void operator()(const ActionRefusal& refused) const {
        outcome.problems.push_back(refusal(file, refused));
    }
};

Refuser refuser(CommandOutcome& outcome, const fs::path& file) {
    return Refuser{outcome, file};
}

bool isNeeded(const TenderFolder& folder, const std::string& bidId,
              const std::string& criterionId) {
    for (const auto& item : judgementsNeeded(folder.tender, folder.bids))
        if (item.bidId == bidId && item.criterionId == criterionId)
            return true;
    return false;
}

std::optional<PanelRole> viewerRole(const PanelRecord& panel, const std::string& name) {
    for (const auto role :
         {PanelRole::Lead, PanelRole::Auditor, PanelRole::Moderator, PanelRole::Evaluator})
        if (panel.hasRole(name, role))
            return role;
    return std::nullopt;
}

// Empty when `day` (of `what`, "the award notice") is neither in the future nor before the
// results were last locked; else why it cannot be.
std::string datedAfterLock(Workspace::Impl& impl, const Date& day, const std::string& what) {
    const Date today = impl.today();
    if (day > today)
        return what + " date " + day.toString() + " is in the future (today is " +
               today.toString() + "): record it on the day it happens";
    // The latest lock counts: a tender is locked again when an award falls away.
    const auto moves = impl.lifecycleLog();
    if (const AuditEntry* locked = lastMoveTo(moves, toString(LifecycleState::Locked)))
        if (const auto lockedOn = Date::parse(std::string_view(locked->time).substr(0, 10));
            lockedOn && day < *lockedOn)
            return what + " date " + day.toString() + " is before the results were locked on " +
                   lockedOn->toString() + " (by " + locked->actor +
                   "): it can only follow the locked results; give " + lockedOn->toString() +
                   " or later";
    return {};
}

} // namespace

LifecycleState Workspace::state() const {
    return impl_->currentState();
}

namespace {

// The facts the lifecycle rules judge, as stored now; `result` set when they evaluate.
struct StoredFacts {
    std::optional<TenderFolder> folder;
    PanelRecord panel;
    std::optional<EvaluationResult> result;
};

StoredFacts storedFacts(Workspace::Impl& impl, const LivingWageTable* rates) {
    StoredFacts facts;
    facts.panel = impl.readPanel();
    FolderLoad load = impl.rebuild(rates);
    facts.folder = std::move(load.folder);
    if (facts.folder) {
        EvaluationOutcome outcome =
            evaluate(facts.folder->tender, facts.folder->bids, facts.folder->evaluations);
        if (outcome.result && !hasErrors(outcome.diagnostics))
            facts.result = std::move(outcome.result);
    }
    return facts;
}

} // namespace

EvaluationProgress Workspace::progress(const LivingWageTable* rates) const {
    const StoredFacts facts = storedFacts(*impl_, rates);
    if (!facts.folder)
        return {};
    return evaluationProgress({facts.folder->tender, facts.folder->bids, facts.folder->evaluations,
                               facts.panel, facts.result ? &*facts.result : nullptr},
                              impl_->currentState());
}

std::vector<TodoItem> Workspace::todo(const std::string& person,
                                      const LivingWageTable* rates) const {
    const StoredFacts facts = storedFacts(*impl_, rates);
    if (!facts.folder)
        return {};
    return todoOf({facts.folder->tender, facts.folder->bids, facts.folder->evaluations, facts.panel,
                   facts.result ? &*facts.result : nullptr},
                  impl_->currentState(), person);
}

PanelRecord Workspace::panel() const {
    return impl_->readPanel();
}

std::optional<AwardRecord> Workspace::award() const {
    auto all = awards();
    if (all.empty())
        return std::nullopt;
    return std::move(all.back());
}

std::vector<AwardRecord> Workspace::awards() const {
    std::vector<AwardRecord> records;
    for (const auto& row : impl_->readRows(kAwardsTable))
        records.push_back({row.values[0], row.values[1], row.values[2], row.values[3]});
    return records;
}

std::vector<AwardEvent> Workspace::awardHistory() const {
    Impl& impl = *impl_;
    struct Step {
        std::int64_t seq;
        AwardEvent event;
    };
    std::vector<Step> steps;
    for (const auto& row : impl.readRows(kAwardsTable))
        steps.push_back({row.auditSeq,
                         {AwardEvent::Kind::Award,
                          row.values[0],
                          row.values[1],
                          row.values[2],
                          row.values[3],
                          {},
                          {},
                          {}}});
    for (const auto& row : impl.readRows(kExclusionsTable))
        steps.push_back({row.auditSeq,
                         {AwardEvent::Kind::Exclusion,
                          row.values[0],
                          row.values[2],
                          {},
                          row.values[1],
                          {},
                          {},
                          {}}});
    bool awardedYet = false;
    for (const auto& row : impl.readRows(kLifecycleTable)) {
        if (row.values[0] == toString(LifecycleState::Awarded))
            awardedYet = true;
        else if (awardedYet && row.values[0] == toString(LifecycleState::Locked))
            steps.push_back(
                {row.auditSeq,
                 {AwardEvent::Kind::AwardFellAway, {}, {}, {}, row.values[1], {}, {}, {}}});
    }
    std::sort(steps.begin(), steps.end(),
              [](const Step& a, const Step& b) { return a.seq < b.seq; });
    std::string seqs;
    for (const auto& step : steps)
        seqs += (seqs.empty() ? "" : ", ") + std::to_string(step.seq);
    std::map<std::int64_t, AuditEntry> entries;
    if (!seqs.empty())
        for (auto& entry : impl.readLog(" WHERE seq IN (" + seqs + ")"))
            entries.emplace(entry.seq, std::move(entry));
    std::vector<AwardEvent> history;
    std::optional<AwardEvent> standing; // the award in force at each step
    for (auto& step : steps) {
        AwardEvent& event = step.event;
        if (const auto entry = entries.find(step.seq); entry != entries.end()) {
            event.by = entry->second.actor;
            event.recordedAt = entry->second.time;
        }
        if (event.kind == AwardEvent::Kind::Exclusion && standing &&
            standing->bidId == event.bidId) {
            const auto end = Date::parse(standing->standstillEnd);
            const auto day = Date::parse(event.date);
            event.standstill =
                end && day && *day > *end
                    ? "after the standstill ended on " + end->toString()
                    : "during the standstill, which ends at the end of " + standing->standstillEnd;
        }
        if (event.kind == AwardEvent::Kind::Award)
            standing = event;
        if (event.kind == AwardEvent::Kind::AwardFellAway) {
            if (standing)
                event.bidId = standing->bidId;
            standing.reset();
        }
        history.push_back(std::move(event));
    }
    return history;
}

CommandOutcome Workspace::addPanelMember(const std::string& actor, const std::string& name,
                                         PanelRole role) {
    Impl& impl = *impl_;
    return impl.run(actor, [&](CommandOutcome& outcome) {
        const PanelRecord panel = impl.readPanel();
        const LifecycleState state = impl.currentState();
        std::vector<std::string> names;
        for (const auto& member : panel.members)
            names.push_back(member.name);
        if (const auto problem = panelNameProblem(name))
            outcome.problems.push_back(refusal(impl.path, *problem));
        else if (const auto twin = lookAlikeOf(name, names))
            outcome.problems.push_back(refusal(
                impl.path, "\"" + name + "\" cannot be told apart from \"" + *twin +
                               "\", already on the panel: it differs only by look-alike or "
                               "invisible characters, spacing or case; use the same name for "
                               "the same person, or tell two people apart in a way that shows"));
        else if (const auto refused =
                     actionRefusals(WorkspaceAction::AddPanelMember, panel, state, actor);
                 !refused.empty())
            outcome.problems.push_back(refusal(impl.path, refused.front()));
        else if (panel.hasRole(name, role))
            outcome.problems.push_back(
                refusal(impl.path, name + " is already a " + std::string(toString(role))));
        if (!outcome.ok())
            return;
        impl.insertRow(kPanelTable, {name, std::string(toString(role))}, actor,
                       "added to the panel");
        outcome.summary = name + " added to the panel as " + std::string(toString(role));
    });
}

CommandOutcome Workspace::declareInterests(const std::string& actor,
                                           const std::vector<ConflictDeclaration>& conflicts,
                                           const LivingWageTable* rates) {
    Impl& impl = *impl_;
    return impl.run(actor, [&](CommandOutcome& outcome) {
        const PanelRecord panel = impl.readPanel();
        // Once locked, a conflict declared would take scores out of results already locked.
        if (const auto refused = actionRefusals(WorkspaceAction::DeclareInterests, panel,
                                                impl.currentState(), actor);
            !refused.empty()) {
            outcome.problems.push_back(refusal(impl.path, refused.front()));
            return;
        }
        std::set<std::string> bids;
        for (const auto& row : impl.readRows(kBidDocumentsTable)) {
            std::istringstream ids(row.values[1]);
            std::string id;
            while (ids >> id)
                bids.insert(id);
        }
        for (const auto& c : conflicts) {
            if (bids.count(c.bidId) == 0)
                outcome.problems.push_back(refusal(impl.path, "no bid " + c.bidId));
            else if (c.details.empty())
                outcome.problems.push_back(
                    refusal(impl.path, "say what the conflict with " + c.bidId + " is"));
        }
        if (!outcome.ok())
            return;
        if (conflicts.empty()) {
            impl.insertRow(kDeclarationsTable, {actor, "", "no conflict of interest"}, actor,
                           "declaration of interests");
            outcome.summary = actor + " declared no conflict of interest";
            return;
        }
        for (const auto& c : conflicts)
            impl.insertRow(kDeclarationsTable, {actor, c.bidId, c.details}, actor,
                           "declaration of interests");
        impl.recordResults(actor, rates);
        outcome.summary =
            actor + " declared " + std::to_string(conflicts.size()) + " conflict(s) of interest";
    });
}

CommandOutcome Workspace::submitScore(const std::string& actor, const std::string& bidId,
                                      const std::string& criterionId, double value,
                                      const std::string& reason, const LivingWageTable* rates) {
    CommandOutcome outcome = submitScores(actor, {{bidId, criterionId, value, reason, {}}}, rates);
    if (outcome.ok())
        outcome.summary =
            actor + " scored " + bidId + " " + criterionId + " " + exactDecimalText(value);
    return outcome;
}

CommandOutcome Workspace::submitScores(const std::string& actor,
                                       const std::vector<ScoreSubmission>& scores,
                                       const LivingWageTable* rates) {
    Impl& impl = *impl_;
    return impl.run(actor, [&](CommandOutcome& outcome) {
        const auto fail = refuser(outcome, impl.path);
        const PanelRecord panel = impl.readPanel();
        const LifecycleState state = impl.currentState();
        FolderLoad load = impl.rebuild(rates);
        if (!load.folder)
            return fail("the stored inputs do not read; run verify");
        // Who may score; the stage is checked score by score below, since during moderation
        // only a score the lead reopened may be given.
        for (const auto& refused : actionRefusals(WorkspaceAction::Score, panel, state, actor))
            if (refused.kind != ActionRefusal::Kind::Stage)
                return fail(refused);
        if (scores.empty())
            return fail("no scores to record");
        std::set<std::pair<std::string, std::string>> needed;
        for (const auto& item : judgementsNeeded(load.folder->tender, load.folder->bids))
            needed.emplace(item.bidId, item.criterionId);
        // A score reopened by the lead may be given again during moderation.
        std::set<std::pair<std::string, std::string>> reopened;
        for (const auto& row : impl.readRows(kReopeningsTable))
            if (row.values[2] == actor)
                reopened.emplace(row.values[0], row.values[1]);
        std::set<std::pair<std::string, std::string>> submitted;
        for (const auto& score : load.folder->evaluations.scores)
            if (score.evaluator == actor)
                submitted.emplace(score.bidId, score.criterionId);
        std::set<std::pair<std::string, std::string>> batch;
        for (const auto& score : scores) {
            const auto refuse = [&](std::string message) {
                outcome.problems.push_back(score.where.file.empty()
                                               ? refusal(impl.path, std::move(message))
                                               : errorAt(score.where, std::move(message)));
            };
            const auto pair = std::make_pair(score.bidId, score.criterionId);
            const bool done = submitted.count(pair) != 0;
            if (const auto* c = panel.conflict(actor, score.bidId))
                refuse(actor + " declared a conflict of interest with " + score.bidId + " (" +
                       c->details + ") and cannot score it");
            else if (state != LifecycleState::Evaluation &&
                     !(state == LifecycleState::Moderation && reopened.count(pair) != 0 && !done))
                refuse("scores are given during evaluation; the tender is " +
                       std::string(toString(state)));
            else if (!hasVisibleText(score.reason))
                refuse("a score needs a written reason");
            else if (needed.count(pair) == 0)
                refuse(score.bidId + " " + score.criterionId +
                       " is not a bid and judgement criterion the panel scores");
            else if (const std::string problem =
                         scoreScaleProblem(load.folder->tender, score.criterionId, score.value);
                     !problem.empty())
                refuse(problem);
            else if (done)
                refuse(actor + " already submitted a score for " + score.bidId + " " +
                       score.criterionId + ": a submitted score is locked; the lead may reopen it");
            else if (!batch.insert(pair).second)
                refuse(score.bidId + " " + score.criterionId + " is scored twice");
        }
        if (!outcome.ok())
            return;
        for (const auto& score : scores)
            impl.insertRow(kScoresTable,
                           {score.bidId, score.criterionId, actor, exactDecimalText(score.value),
                            score.reason},
                           actor, "score submitted", true);
        impl.recordResults(actor, rates);
        outcome.summary = actor + " submitted " + std::to_string(scores.size()) +
                          (scores.size() == 1 ? " score" : " scores");
    });
}

CommandOutcome Workspace::reopenScore(const std::string& actor, const std::string& bidId,
                                      const std::string& criterionId, const std::string& evaluator,
                                      const std::string& reason, const LivingWageTable* rates) {
    Impl& impl = *impl_;
    return impl.run(actor, [&](CommandOutcome& outcome) {
        const auto fail = refuser(outcome, impl.path);
        const LifecycleState state = impl.currentState();
        if (const auto refused =
                actionRefusals(WorkspaceAction::ReopenScore, impl.readPanel(), state, actor);
            !refused.empty())
            return fail(refused.front());
        if (!hasVisibleText(reason))
            return fail("reopening a score needs a reason");
        std::set<std::string> reopened;
        for (const auto& row : impl.readRows(kReopeningsTable))
            reopened.insert(row.values[3]);
        for (const auto& row : impl.readRows(kScoresTable)) {
            const auto& v = row.values;
            if (v[0] != bidId || v[1] != criterionId || v[2] != evaluator ||
                reopened.count(std::to_string(row.position)) != 0)
                continue;
            impl.insertRow(kReopeningsTable,
                           {bidId, criterionId, evaluator, std::to_string(row.position), reason},
                           actor, reason, false, rowText(kScoresTable, v));
            impl.recordResults(actor, rates);
            outcome.summary = evaluator + "'s score for " + bidId + " " + criterionId +
                              " reopened; the original stays in the trail";
            return;
        }
        fail(evaluator + " has no submitted score for " + bidId + " " + criterionId);
    });
}

namespace {

// scoresSeenBy's rule, shared with ScoresSeenGrid: the scores on one pair when `role` may
// read them (an evaluator only after scoring it), else why not.
ScoresSeen seenUnder(const std::optional<PanelRole>& role, const fs::path& file,
                     const std::string& viewer, const std::string& bidId,
                     const std::string& criterionId,
                     const std::vector<const EvaluatorScore*>& scores) {
    ScoresSeen seen;
    if (!role) {
        seen.refused.push_back(refusal(file, viewer + " is not on the panel"));
        return seen;
    }
    const bool own = std::any_of(scores.begin(), scores.end(),
                                 [&](const auto* s) { return s->evaluator == viewer; });
    if (!mayReadOthersScores(*role, own)) {
        seen.refused.push_back(refusal(file, viewer + " cannot read the other scores for " + bidId +
                                                 " " + criterionId +
                                                 " before submitting their own"));
        return seen;
    }
    seen.scores.reserve(scores.size());
    for (const auto* s : scores)
        seen.scores.push_back(*s);
    return seen;
}

std::string pairKey(const std::string& bidId, const std::string& criterionId) {
    std::string key;
    key.reserve(bidId.size() + 1 + criterionId.size());
    key += bidId;
    key += '\n';
    key += criterionId;
    return key;
}

} // namespace

ScoresSeen Workspace::scoresSeenBy(const std::string& viewer, const std::string& bidId,
                                   const std::string& criterionId) const {
    Impl& impl = *impl_;
    const PanelRecord panel = impl.readPanel();
    const auto role = viewerRole(panel, viewer);
    if (!role)
        return seenUnder(role, impl.path, viewer, bidId, criterionId, {});
    TenderFolder folder;
    Diagnostics ignored;
    impl.readEvaluations(folder, ignored);
    return seenUnder(role, impl.path, viewer, bidId, criterionId,
                     folder.evaluations.scoresFor(bidId, criterionId));
}

ScoresSeenGrid Workspace::scoresSeenByAll(const std::string& viewer) const {
    Impl& impl = *impl_;
    ScoresSeenGrid grid;
    grid.file_ = impl.path;
    grid.viewer_ = viewer;
    grid.role_ = viewerRole(impl.readPanel(), viewer);
    if (!grid.role_)
        return grid;
    TenderFolder folder;
    Diagnostics ignored;
    impl.readEvaluations(folder, ignored);
    for (auto& score : folder.evaluations.scores) {
        auto& pair = grid.scores_[pairKey(score.bidId, score.criterionId)];
        pair.push_back(std::move(score));
    }
    return grid;
}

ScoresSeenGrid Workspace::scoresSeenIn(const TenderFolder& folder, const PanelRecord& panel,
                                       const std::string& viewer) const {
    ScoresSeenGrid grid;
    grid.file_ = impl_->path;
    grid.viewer_ = viewer;
    grid.role_ = viewerRole(panel, viewer);
    if (!grid.role_)
        return grid;
    for (const auto& score : folder.evaluations.scores)
        grid.scores_[pairKey(score.bidId, score.criterionId)].push_back(score);
    return grid;
}

ScoresSeen ScoresSeenGrid::at(const std::string& bidId, const std::string& criterionId) const {
    std::vector<const EvaluatorScore*> scores;
    if (role_)
        if (const auto found = scores_.find(pairKey(bidId, criterionId)); found != scores_.end())
            for (const auto& score : found->second)
                scores.push_back(&score);
    return seenUnder(role_, file_, viewer_, bidId, criterionId, scores);
}

std::vector<ModerationItem> Workspace::moderationAgenda(const LivingWageTable* rates) const {
    FolderLoad load = impl_->rebuild(rates);
    if (!load.folder)
        return {};
    return moderationAgendaOf(*load.folder);
}

std::vector<ModerationItem> Workspace::moderationAgendaOf(const TenderFolder& folder) {
    std::vector<ModerationItem> items;
    // The scores and consensus indexed by bid and criterion once: a large tender has
    // hundreds of thousands of items, and searching every score for each would not end.
    std::unordered_map<std::string, std::vector<const EvaluatorScore*>> scoresOf;
    for (const auto& s : folder.evaluations.scores)
        scoresOf[pairKey(s.bidId, s.criterionId)].push_back(&s);
    std::unordered_map<std::string, const ConsensusScore*> consensusOf;
    for (const auto& c : folder.evaluations.consensus)
        consensusOf.try_emplace(pairKey(c.bidId, c.criterionId), &c);
    const std::vector<const EvaluatorScore*> none;
    for (const auto& need : judgementsNeeded(folder.tender, folder.bids)) {
        ModerationItem item;
        item.bidId = need.bidId;
        item.criterionId = need.criterionId;
        const std::string key = pairKey(need.bidId, need.criterionId);
        const auto scored = scoresOf.find(key);
        double low = 0;
        double high = 0;
        double sum = 0;
        for (const auto* s : scored != scoresOf.end() ? scored->second : none) {
            low = item.scores.empty() ? s->value : std::min(low, s->value);
            high = item.scores.empty() ? s->value : std::max(high, s->value);
            sum += s->value;
            item.scores.push_back(*s);
        }
        if (!item.scores.empty())
            item.mean = sum / static_cast<double>(item.scores.size());
        item.spread = high - low;
        if (const ModelNode* node = findNode(folder.tender.model, need.criterionId)) {
            const auto& c = node->criterion;
            item.threshold = c.spreadPercent.value_or(folder.tender.model.defaultSpreadPercent) /
                             100.0 * c.scaleMax;
        }
        item.overThreshold = item.spread > item.threshold + 1e-9;
        if (const auto c = consensusOf.find(key); c != consensusOf.end())
            item.consensus = *c->second;
        items.push_back(std::move(item));
    }
    std::stable_partition(items.begin(), items.end(),
                          [](const ModerationItem& i) { return i.overThreshold; });
    return items;
}

CommandOutcome Workspace::setConsensus(const std::string& actor, const std::string& bidId,
                                       const std::string& criterionId, double value,
                                       const std::string& reason, const std::string& changeReason,
                                       const LivingWageTable* rates) {
    Impl& impl = *impl_;
    return impl.run(actor, [&](CommandOutcome& outcome) {
        const auto fail = refuser(outcome, impl.path);
        const PanelRecord panel = impl.readPanel();
        const LifecycleState state = impl.currentState();
        FolderLoad load = impl.rebuild(rates);
        if (!load.folder)
            return fail("the stored inputs do not read; run verify");
        if (const auto refused = actionRefusals(WorkspaceAction::SetConsensus, panel, state, actor);
            !refused.empty())
            return fail(refused.front());
        if (const auto* c = panel.conflict(actor, bidId))
            return fail(actor + " declared a conflict of interest with " + bidId + " (" +
                        c->details + ") and cannot moderate it");
        if (!hasVisibleText(reason))
            return fail("a consensus score needs its reason");
        if (!isNeeded(*load.folder, bidId, criterionId))
            return fail(bidId + " " + criterionId +
                        " is not a bid and judgement criterion the panel scores");
        if (const std::string problem = scoreScaleProblem(load.folder->tender, criterionId, value);
            !problem.empty())
            return fail(problem);
        const auto* earlier = load.folder->evaluations.findConsensus(bidId, criterionId);
        if (earlier != nullptr && !hasVisibleText(changeReason)) {
            // Said with who agreed it and when: two moderators may have agreed it at once.
            std::string when;
            for (const auto& row : impl.readRows(kConsensusTable))
                if (row.values[0] == bidId && row.values[1] == criterionId)
                    if (const auto entries =
                            impl.readLog(" WHERE seq = " + std::to_string(row.auditSeq));
                        !entries.empty())
                        when = " at " + entries.front().time;
            return fail("a consensus for " + bidId + " " + criterionId +
                        " is already agreed: " + exactDecimalText(earlier->value) + " by " +
                        earlier->moderator + when + "; changing it needs a reason for the change");
        }
        std::string before;
        if (earlier != nullptr)
            before =
                rowText(kConsensusTable, {earlier->bidId, earlier->criterionId, earlier->moderator,
                                          exactDecimalText(earlier->value), earlier->reason});
        impl.insertRow(kConsensusTable,
                       {bidId, criterionId, actor, exactDecimalText(value), reason}, actor,
                       earlier != nullptr ? changeReason : reason, true, before);
        impl.recordResults(actor, rates);
        outcome.summary = std::string(earlier != nullptr ? "consensus changed: " : "consensus: ") +
                          bidId + " " + criterionId + " " + exactDecimalText(value);
    });
}

CommandOutcome Workspace::decideAbnormallyLow(const std::string& actor, const std::string& bidId,
                                              bool accept, const std::string& reason,
                                              const LivingWageTable* rates) {
    Impl& impl = *impl_;
    return impl.run(actor, [&](CommandOutcome& outcome) {
        const auto fail = refuser(outcome, impl.path);
        const LifecycleState state = impl.currentState();
        FolderLoad load = impl.rebuild(rates);
        if (!load.folder)
            return fail("the stored inputs do not read; run verify");
        const PanelRecord panel = impl.readPanel();
        if (const auto refused =
                actionRefusals(WorkspaceAction::DecideAbnormallyLow, panel, state, actor);
            !refused.empty())
            return fail(refused.front());
        if (const auto* c = panel.conflict(actor, bidId))
            return fail(actor + " declared a conflict of interest with " + bidId + " (" +
                        c->details + ") and cannot decide on its price");
        if (!hasVisibleText(reason))
            return fail("the decision needs its reason");
        const auto& bids = load.folder->bids;
        if (std::none_of(bids.begin(), bids.end(), [&](const Bid& b) { return b.id == bidId; }))
            return fail("no bid " + bidId);
        const auto flagged =
            flaggedForDecision(load.folder->tender, bids, load.folder->evaluations, bidId);
        if (!flagged)
            return fail("the prices can be examined once every bid evaluates (scores are still "
                        "missing): decide during moderation");
        if (!*flagged)
            return fail("the price of " + bidId +
                        " is not flagged as abnormally low by the tender's rule: only a price the "
                        "engine flags is accepted or rejected as abnormally low");
        std::string before;
        if (const auto* earlier = load.folder->evaluations.findAbnormallyLowDecision(bidId))
            before = rowText(kDecisionsTable,
                             {earlier->bidId, earlier->accept ? "true" : "false", earlier->reason});
        impl.insertRow(kDecisionsTable, {bidId, accept ? "true" : "false", reason}, actor, reason,
                       true, before);
        impl.recordResults(actor, rates);
        outcome.summary =
            std::string("abnormally low price of ") + bidId + (accept ? " accepted" : " rejected");
    });
}

CommandOutcome Workspace::advance(const std::string& actor, LifecycleState to,
                                  const std::string& reason, const LivingWageTable* rates,
                                  const BankHolidays* holidays, std::optional<Date> noticeDate) {
    Impl& impl = *impl_;
    return impl.run(actor, [&](CommandOutcome& outcome) {
        const auto fail = refuser(outcome, impl.path);
        const PanelRecord panel = impl.readPanel();
        const LifecycleState from = impl.currentState();
        // Who may move the tender on; where to is the transition rules' to say.
        for (const auto& refused : actionRefusals(WorkspaceAction::Advance, panel, from, actor))
            if (refused.kind == ActionRefusal::Kind::Role)
                return fail(refused);
        if (!hasVisibleText(reason))
            return fail("say why the tender moves on");
        FolderLoad load = impl.rebuild(rates);
        if (!load.folder) {
            // Each error keeps its file, line and column: the model is what needs fixing.
            for (auto& problem : load.diagnostics)
                if (problem.severity == Severity::Error) {
                    problem.message =
                        "cannot move to " + std::string(toString(to)) + ": " + problem.message;
                    outcome.problems.push_back(std::move(problem));
                }
            if (outcome.ok())
                fail("the stored inputs do not read; run verify");
            return;
        }
        const TenderFolder& folder = *load.folder;
        EvaluationOutcome evaluated =
            fairtender::evaluate(folder.tender, folder.bids, folder.evaluations);
        const EvaluationResult* result =
            evaluated.result && !hasErrors(evaluated.diagnostics) ? &*evaluated.result : nullptr;
        const LifecycleFacts facts{folder.tender, folder.bids, folder.evaluations, panel, result};
        for (auto& blocker : transitionBlockers(from, to, facts))
            fail("cannot move to " + std::string(toString(to)) + ": " + blocker);
        if (!outcome.ok())
            return;
        for (auto& warning : transitionWarnings(from, to, facts))
            outcome.problems.push_back(
                warningAt({impl.path.string(), 0, 0},
                          "moving to " + std::string(toString(to)) + ": " + warning));
        std::optional<Date> end;
        if (to == LifecycleState::Awarded) {
            if (!noticeDate)
                return fail(ActionRefusal{ActionRefusal::Kind::Stage, "award.notice-date-missing",
                                          "give the day of the award notice"});
            if (const std::string problem = datedAfterLock(impl, *noticeDate, "the award notice");
                !problem.empty())
                return fail(problem);
            if (holidays == nullptr)
                return fail("the bank holiday list is needed to count the standstill period");
            end = standstillEnd(*noticeDate, *holidays);
            if (!end)
                return fail("the bank holiday list (" + std::to_string(holidays->firstYear) +
                            " to " + std::to_string(holidays->lastYear) +
                            ") does not cover the standstill period after " +
                            noticeDate->toString() + ": add the later years");
        }
        impl.insertRow(kLifecycleTable, {std::string(toString(to)), reason}, actor, reason, true);
        outcome.summary =
            "moved from " + std::string(toString(from)) + " to " + std::string(toString(to));
        if (end) {
            impl.insertRow(kAwardsTable,
                           {*result->winnerId, noticeDate->toString(), end->toString(), reason},
                           actor, reason);
            outcome.summary += ": awarded to " + *result->winnerId +
                               "; standstill ends at the "
                               "end of " +
                               end->toString();
        }
    });
}

CommandOutcome Workspace::replaceTender(const std::string& actor, const std::string& tenderXml,
                                        const std::string& reason, const LivingWageTable* rates) {
    Impl& impl = *impl_;
    return impl.run(actor, [&](CommandOutcome& outcome) {
        const auto fail = refuser(outcome, impl.path);
        const PanelRecord panel = impl.readPanel();
        const LifecycleState state = impl.currentState();
        for (const auto& refused :
             actionRefusals(WorkspaceAction::ReplaceTender, panel, state, actor)) {
            if (refused.kind == ActionRefusal::Kind::Role)
                return fail(refused);
            // The stage refusal, told with when and by whom the model froze.
            std::string since;
            if (const auto opened = impl.entryReaching(LifecycleState::Open))
                since =
                    " since the tender opened on " + opened->time + " (by " + opened->actor + ")";
            return fail("the evaluation model is frozen" + since + "; the tender is " +
                        std::string(toString(state)) +
                        ": the tender can only be replaced in draft");
        }
        if (!hasVisibleText(reason))
            return fail("say why the tender is replaced");
        FolderLoad load = impl.rebuild(rates, &tenderXml);
        for (auto& problem : load.diagnostics)
            if (problem.severity == Severity::Error)
                outcome.problems.push_back(std::move(problem));
        if (!outcome.ok() || !load.folder)
            return;
        const auto earlier = impl.currentTender();
        const Tender& tender = load.folder->tender;
        impl.insertRow(kTenderTable, {tender.id, tender.title, tenderXml}, actor, reason, true,
                       earlier ? rowText(kTenderTable, earlier->values) : std::string());
        impl.recordResults(actor, rates);
        outcome.summary =
            "tender " + tender.id + " replaced (tender.xml SHA-256 " + sha256HexOf(tenderXml) + ")";
    });
}

namespace {

bool isBidFileName(const std::string& name) {
    if (name.empty() || name.front() == '.' || name.size() < 5)
        return false;
    std::string extension = name.substr(name.size() - 4);
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".xml";
}

} // namespace

CommandOutcome Workspace::importBids(const std::string& actor, const std::vector<fs::path>& files,
                                     const LivingWageTable* rates, const ImportProgress& progress) {
    Impl& impl = *impl_;
    return impl.run(actor, [&](CommandOutcome& outcome) {
        const auto fail = refuser(outcome, impl.path);
        if (const auto refused = actionRefusals(WorkspaceAction::ImportBids, impl.readPanel(),
                                                impl.currentState(), actor);
            !refused.empty())
            return fail(refused.front());
        if (files.empty())
            return fail("give at least one bid file");
        FolderLoad load = impl.rebuild(rates);
        if (!load.folder)
            return fail("the stored inputs do not read; run verify");
        TenderFolder& folder = *load.folder;
        std::map<std::string, fs::path> names; // file name in bids/ -> where it came from
        for (const auto& row : impl.readRows(kBidDocumentsTable))
            names.emplace(row.values[0], fs::path());
        struct Document {
            std::string name;
            std::string bytes;
            std::vector<std::string> ids;
        };
        std::vector<Document> documents;
        Diagnostics& problems = outcome.problems;
        for (std::size_t i = 0; i < files.size(); ++i) {
            const fs::path& file = files[i];
            const std::string name = file.filename().string();
            const std::string shown = "bids/" + name;
            std::error_code missing;
            const bool exists = fs::exists(file, missing);
            const auto [earlier, added] =
                exists ? names.emplace(name, file) : std::make_pair(names.end(), true);
            if (!exists) {
                problems.push_back(errorAt({file.string(), 0, 0},
                                           "no such file or folder: check the path, or give the "
                                           "folder that holds the bid files"));
            } else if (!isBidFileName(name)) {
                problems.push_back(
                    errorAt({file.string(), 0, 0}, "is not a bid file: bid files are named *.xml"));
            } else if (!added) {
                problems.push_back(
                    errorAt({shown, 0, 0},
                            earlier->second.empty()
                                ? "a bid file of this name is already stored in the workspace: "
                                  "rename " +
                                      file.string() + " if it holds other bids"
                                : "is given twice in this batch (" + earlier->second.string() +
                                      " and " + file.string() + "): import each file once"));
            } else if (auto bytes = readFileBytes(file); !bytes) {
                problems.push_back(
                    errorAt({file.string(), 0, 0}, "cannot read " + file.string() +
                                                       ": check that it is a file you may read"));
            } else if (auto bids = parseBids(*bytes, shown, problems)) {
                Document& document = documents.emplace_back(Document{name, std::move(*bytes), {}});
                for (auto& bid : *bids) {
                    document.ids.push_back(bid.id);
                    folder.bids.push_back(std::move(bid));
                }
            }
            if (progress)
                progress(i + 1, files.size());
        }
        // Across files as for a folder: duplicate ids against the stored bids, the tender id,
        // measures and gates the tender knows. A folder skips this after a broken file, lest
        // the evaluations naming its bids mislead; here the evaluations name only stored bids,
        // so the files that did read are checked too and every problem is reported at once.
        checkConsistency(folder, problems);
        if (!outcome.ok())
            return;
        std::size_t bids = 0;
        for (const auto& document : documents) {
            impl.insertBidDocument(document.name, document.ids, document.bytes, actor,
                                   "imported while the tender is open");
            bids += document.ids.size();
        }
        impl.recordResults(actor, rates);
        outcome.summary = "imported " + std::to_string(bids) + " bids from " +
                          std::to_string(documents.size()) + " files";
    });
}

CommandOutcome Workspace::excludeAfterEvaluation(const std::string& actor, const std::string& bidId,
                                                 const std::string& reason,
                                                 const LivingWageTable* rates,
                                                 std::optional<Date> decidedOn, bool withdrawn) {
    Impl& impl = *impl_;
    return impl.run(actor, [&](CommandOutcome& outcome) {
        const auto fail = refuser(outcome, impl.path);
        const LifecycleState state = impl.currentState();
        if (const auto refused =
                actionRefusals(WorkspaceAction::Exclude, impl.readPanel(), state, actor);
            !refused.empty())
            return fail(refused.front());
        if (!hasVisibleText(reason))
            return fail("say why the bid is excluded");
        const Date day = decidedOn.value_or(impl.today());
        if (const std::string problem = datedAfterLock(impl, day, "the exclusion");
            !problem.empty())
            return fail(problem);
        FolderLoad load = impl.rebuild(rates);
        if (!load.folder)
            return fail("the stored inputs do not read; run verify");
        const auto& bids = load.folder->bids;
        if (std::none_of(bids.begin(), bids.end(), [&](const Bid& b) { return b.id == bidId; }))
            return fail("no bid " + bidId);
        if (const auto* earlier = load.folder->evaluations.findExclusion(bidId))
            return fail(bidId + " is already excluded after the evaluation (" + earlier->reason +
                        ")");
        const auto before =
            fairtender::evaluate(load.folder->tender, bids, load.folder->evaluations);
        if (before.result)
            if (const BidResult* bid = before.result->findBid(bidId);
                bid != nullptr && bid->status == BidStatus::Excluded)
                return fail(bidId + " is already excluded: " + bid->exclusionReason());
        const auto awarded = impl.readRows(kAwardsTable);
        const bool holdsAward = state == LifecycleState::Awarded && !awarded.empty() &&
                                awarded.back().values[0] == bidId;
        if (holdsAward)
            if (const auto notice = Date::parse(awarded.back().values[1]); notice && day < *notice)
                return fail("the exclusion date " + day.toString() +
                            " is before the award notice of " + notice->toString() +
                            ": a bid is excluded from an award only after it was made");
        impl.insertRow(kExclusionsTable,
                       {bidId, reason, day.toString(), withdrawn ? "true" : std::string()}, actor,
                       reason);

        FolderLoad after = impl.rebuild(rates);
        std::optional<EvaluationOutcome> ranked;
        if (after.folder)
            ranked = fairtender::evaluate(after.folder->tender, after.folder->bids,
                                          after.folder->evaluations);
        const EvaluationResult* result = ranked && ranked->result && !hasErrors(ranked->diagnostics)
                                             ? &*ranked->result
                                             : nullptr;
        outcome.summary = bidId + " excluded after the evaluation";
        if (holdsAward) {
            const auto standstillEnd = Date::parse(awarded.back().values[2]);
            outcome.summary += standstillEnd && day > *standstillEnd
                                   ? " on " + day.toString() + ", after the standstill ended on " +
                                         standstillEnd->toString()
                                   : " on " + day.toString() + ", during the standstill";
        }
        if (result != nullptr && result->winnerId) {
            const BidResult* first = result->findBid(*result->winnerId);
            outcome.summary += "; " + *result->winnerId + " is now ranked first with " +
                               formatFixed(first->total, result->rounding);
        } else {
            outcome.summary += "; no single bid is now ranked first";
        }
        // An award stands only while its bid is still the single first-ranked bid. When it
        // no longer is, the award falls away and the tender is locked again: the next award
        // is the lead's own decision, with its own reason, notice date and standstill.
        const bool awardStands = state == LifecycleState::Awarded && !holdsAward &&
                                 result != nullptr && result->winnerId &&
                                 *result->winnerId == awarded.back().values[0];
        if (state == LifecycleState::Awarded && !awardStands) {
            const std::string fallen = awarded.back().values[0];
            impl.insertRow(kLifecycleTable,
                           {std::string(toString(LifecycleState::Locked)),
                            "the award to " + fallen + " falls away: " + bidId +
                                " excluded after the evaluation (" + reason + ")"},
                           actor, reason, true);
            outcome.summary += "; the award to " + fallen +
                               " falls away and the tender is locked again for a new award "
                               "decision";
        }
        impl.recordResults(actor, rates);
    });
}

std::vector<BidView> Workspace::bidViewsFor(const std::string& viewer, bool anonymous,
                                            const LivingWageTable* rates) const {
    const PanelRecord panel = impl_->readPanel();
    const auto role = viewerRole(panel, viewer);
    FolderLoad load = impl_->rebuild(rates);
    if (!role || !load.folder)
        return {};
    return bidViews(load.folder->bids, *role, impl_->currentState(), anonymous);
}

std::vector<BidView> Workspace::bidViewsOf(const TenderFolder& folder, const PanelRecord& panel,
                                           LifecycleState state, const std::string& viewer,
                                           bool anonymous) {
    const auto role = viewerRole(panel, viewer);
    if (!role)
        return {};
    return bidViews(folder.bids, *role, state, anonymous);
}

} // namespace fairtender
