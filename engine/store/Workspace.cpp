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

void Workspace::setSigner(std::shared_ptr<const AuditSigningKey> signer) {
    impl_->signer = std::move(signer);
}

void Workspace::expectHead(std::string headHash) {
    impl_->expectedHead = std::move(headHash);
}

std::string Workspace::signingKey() const {
    SqlStatement& select =
        impl_->statement("SELECT signed_by FROM audit_signatures ORDER BY seq LIMIT 1");
    QueryScope scope{select};
    return select.next() ? select.text(0) : std::string();
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
                                          const WorkspaceClock& clock,
                                          std::shared_ptr<const AuditSigningKey> signer,
                                          const std::string& creationReason) {
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
        ws.signer = signer;
        ws.commandTime = ws.timeNow();
        const std::string reason =
            creationReason.empty() ? "created from the folder " + folder.string() : creationReason;
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
        copyTable(source, target, "audit_signatures", {"seq", "signed_by", "signature"}, "seq");
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
    if (outcome.result && !hasErrors(evaluation.diagnostics)) {
        // A close call is said once the results are given to the whole panel, not before.
        const LifecycleState stage = state();
        if (stage == LifecycleState::Locked || stage == LifecycleState::Awarded)
            for (auto& warning : lintAward(evaluation.folder->tender, *outcome.result))
                evaluation.diagnostics.push_back(std::move(warning));
        evaluation.result = std::move(outcome.result);
    }
    return evaluation;
}

std::string Workspace::tenderSha256() const {
    const auto tender = impl_->currentTender();
    return tender ? sha256HexOf(tender->values[2]) : std::string();
}

std::string Workspace::tenderXml() const {
    const auto tender = impl_->currentTender();
    return tender ? tender->values[2] : std::string();
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

std::string Workspace::headHash() const {
    impl_->loadHead();
    return impl_->head ? impl_->head->hash : std::string();
}

std::vector<AuditEntry> Workspace::auditLog() const {
    return impl_->readLog(" ORDER BY seq");
}

std::vector<AuditEntry> Workspace::lifecycleLog() const {
    return impl_->lifecycleLog();
}

LifecycleState Workspace::state() const {
    return impl_->currentState();
}

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

} // namespace fairtender
