// Workspace::Impl: a workspace's connection and what every command needs of it (reading
// the rows back as a tender folder, appending to the audit log, one transaction per
// command). Internal to engine/store: Workspace.cpp holds the commands, WorkspaceVerify.cpp
// the checks.
#pragma once

#include "audit/AuditRecords.h"
#include "audit/AuditSignature.h"
#include "audit/Sha256.h"
#include "core/Date.h"
#include "core/Decimal.h"
#include "core/FileBytes.h"
#include "core/FileHash.h"
#include "core/InputKind.h"
#include "core/Utf8.h"
#include "io/json/ResultJson.h"
#include "io/json/SensitivityJson.h"
#include "lifecycle/PanelNames.h"
#include "lifecycle/PanelRules.h"
#include "scoring/Evaluator.h"
#include "store/EvaluationsXml.h"
#include "store/ParsedBidDocuments.h"
#include "store/Workspace.h"
#include "store/WorkspaceLocation.h"
#include "store/WorkspaceSchema.h"
#include "store/sql/PostgresConnection.h"
#include "store/sql/SqliteConnection.h"
#include "validation/Lint.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string_view>
#include <unistd.h>
#include <unordered_map>
#include <utility>

namespace fairtender {

namespace fs = std::filesystem;

inline bool writeBytes(const fs::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.close();
    return static_cast<bool>(out);
}

inline std::optional<double> parseStoredNumber(const std::string& text) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// What a results.recorded entry says: the SHA-256 of the result's JSON document, or that
// the stored inputs cannot be evaluated yet (scores still missing, for example).
inline std::string resultsText(const EvaluationOutcome& outcome) {
    if (!outcome.result || hasErrors(outcome.diagnostics))
        return "results=\"none\"";
    return recordField("results_sha256", sha256HexOf(toJson(*outcome.result)));
}
inline std::string resultsText(const TenderFolder& folder) {
    return resultsText(evaluate(folder.tender, folder.bids, folder.evaluations));
}

// What a sensitivity.recorded entry says: how the odds were sampled, the verdict, and the
// SHA-256 of the analysis's JSON document (`fairtender sensitivity --json`); or that the
// stored inputs cannot be evaluated.
inline std::string sensitivityText(const TenderFolder& folder, const OddsSettings& odds,
                                   AwardSensitivity* analysed = nullptr) {
    const EvaluationOutcome outcome = evaluate(folder.tender, folder.bids, folder.evaluations);
    if (!outcome.result || hasErrors(outcome.diagnostics))
        return "results=\"none\"";
    OddsSettings settings = odds;
    settings.threads = 0; // the same odds on any number of threads
    AwardSensitivity sensitivity =
        analyseAward(folder.tender, folder.bids, folder.evaluations, *outcome.result, settings);
    const int places = outcome.result->rounding;
    std::string text = recordField("samples", std::to_string(odds.samples)) + " " +
                       recordField("seed", std::to_string(odds.seed)) + " " +
                       recordField("step_probability", formatDecimal(odds.stepProbability)) + " " +
                       recordField("verdict", verdictText(sensitivity, places)) + " " +
                       recordField("sensitivity_sha256", sha256HexOf(toJson(sensitivity, places)));
    if (analysed != nullptr)
        *analysed = std::move(sensitivity);
    return text;
}

// The sampling a sensitivity.recorded entry names; nullopt when its fields do not read.
inline std::optional<OddsSettings> recordedOdds(const std::string& text) {
    const std::string samples = recordFieldValue(text, "samples");
    const std::string seed = recordFieldValue(text, "seed");
    OddsSettings odds;
    const auto whole = [](const std::string& digits, auto& value) {
        const auto [end, error] =
            std::from_chars(digits.data(), digits.data() + digits.size(), value);
        return error == std::errc() && end == digits.data() + digits.size() && !digits.empty();
    };
    const auto step = parseStoredNumber(recordFieldValue(text, "step_probability"));
    if (!whole(samples, odds.samples) || !whole(seed, odds.seed) || !step || odds.samples == 0 ||
        odds.samples > kMostRecordedSamples)
        return std::nullopt;
    odds.stepProbability = *step;
    return odds;
}

struct StoredRow {
    std::int64_t position = 0;
    std::int64_t auditSeq = 0;
    std::string rowHash;
    std::vector<std::string> values;
};

inline void removeDatabaseFiles(const fs::path& file) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(fs::path(file.string() + suffix), ignored);
}

inline Diagnostic workspaceError(const fs::path& file, std::string message) {
    return errorAt({file.string(), 0, 0}, std::move(message));
}

inline Diagnostic workspaceError(const fs::path& file, std::string message, const char* code) {
    Diagnostic diagnostic = workspaceError(file, std::move(message));
    diagnostic.code = code;
    return diagnostic;
}

struct Workspace::Impl {
    fs::path path; // as diagnostics name the workspace: its file, or its URI without password
    std::unique_ptr<SqlConnection> db;
    std::optional<AuditEntry> head; // the last entry, while a command appends
    std::string commandTime;        // one time for every entry of a command
    WorkspaceClock clock;           // empty: the system clock
    // Signs every entry appended (the server's key); empty: entries are not signed.
    std::shared_ptr<const AuditSigningKey> signer;
    // The head the next command's sender last saw; the command is refused when, under the
    // write lock, the log no longer ends there. Used once, then cleared.
    std::string expectedHead;
    // Rows are read as they stood when this audit entry was appended (verify replays the
    // results recorded then); empty: as they stand now.
    std::optional<std::int64_t> rowsAsOf;
    // Every bid document is parsed from its stored text, none taken as parsed before
    // (verify).
    bool reparseBids = false;
    Sha256 hasher;

    explicit Impl(std::unique_ptr<SqlConnection> connection)
        : path(connection->location()), db(std::move(connection)) {}
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    std::string timeNow() const { return clock ? clock() : utcTimestampNow(); }
    Date today() const {
        return Date::parse(std::string_view(timeNow()).substr(0, 10)).value_or(todayUtc());
    }

    SqlStatement& statement(const std::string& sql) { return db->statement(sql); }
    void close() { db->close(); }

    int schemaVersion() {
        if (!db->hasTable("schema_version"))
            return -1;
        SqlStatement& select = statement("SELECT COALESCE(MAX(version), 0) FROM schema_version");
        QueryScope scope{select};
        return select.next() ? static_cast<int>(select.integer(0)) : 0;
    }

    // Brings the schema from `from` to kSchemaVersion; the caller holds the transaction.
    void migrate(int from) {
        const bool postgres = db->dialect() == SqlDialect::Postgres;
        if (from < 0) {
            db->execute(postgres ? "CREATE TABLE schema_version (version BIGINT NOT NULL)"
                                 : "CREATE TABLE schema_version (version INTEGER NOT NULL)");
            db->execute("INSERT INTO schema_version (version) VALUES (0)");
            from = 0;
        }
        for (int version = from; version < kSchemaVersion; ++version) {
            for (const auto& sql : migrations().at(static_cast<std::size_t>(version))) {
                if (sql == kGuardAuditLog)
                    db->guardAuditLog();
                else
                    db->execute(postgres ? postgresSchemaStatement(sql) : sql);
            }
            db->execute("UPDATE schema_version SET version = " + std::to_string(version + 1));
        }
    }

    void loadHead() {
        head.reset();
        std::vector<AuditEntry> last = readLog(" ORDER BY seq DESC LIMIT 1");
        if (!last.empty())
            head = last.front();
    }

    static constexpr const char* kLogColumns = "SELECT seq, at, actor, action, subject, "
                                               "before_text, after_text, reason, prev_hash, hash "
                                               "FROM audit_log";

    // The query's current row into `e`, reusing its strings' storage.
    static void readEntry(const SqlStatement& select, AuditEntry& e) {
        e.seq = select.integer(0);
        std::string* fields[] = {&e.time,  &e.actor,  &e.action,   &e.subject, &e.before,
                                 &e.after, &e.reason, &e.prevHash, &e.hash};
        for (int c = 0; c < 9; ++c)
            select.text(c + 1, *fields[c]);
    }

    std::vector<AuditEntry> readLog(const std::string& tail) {
        SqlStatement& select = statement(kLogColumns + tail);
        QueryScope scope{select};
        std::vector<AuditEntry> entries;
        while (select.next())
            readEntry(select, entries.emplace_back());
        return entries;
    }

    const AuditEntry& append(const std::string& actor, const std::string& action,
                             const std::string& subject, const std::string& after,
                             const std::string& reason, const std::string& before = {}) {
        AuditEntry e;
        e.before = before;
        e.time = commandTime;
        e.actor = actor;
        e.action = action;
        e.subject = subject;
        e.after = after;
        e.reason = reason;
        chainAfter(head ? &*head : nullptr, e);
        SqlStatement& insert =
            statement("INSERT INTO audit_log (seq, at, actor, action, subject, before_text, "
                      "after_text, reason, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, e.seq);
        int index = 2;
        for (const std::string* field : {&e.time, &e.actor, &e.action, &e.subject, &e.before,
                                         &e.after, &e.reason, &e.prevHash, &e.hash})
            insert.bind(index++, *field);
        insert.run();
        if (signer) {
            SqlStatement& sign = statement(
                "INSERT INTO audit_signatures (seq, signed_by, signature) VALUES (?, ?, ?)");
            const std::string signature = signer->sign(e.hash);
            sign.bind(1, e.seq);
            sign.bind(2, signer->publicKeyHex());
            sign.bind(3, signature);
            sign.run();
        }
        head = std::move(e);
        return *head;
    }

    // Inserts one data row and the audit entry that records it.
    void insertRow(const TableSpec& spec, std::vector<std::string> values, const std::string& actor,
                   const std::string& reason, bool byCommand = false,
                   const std::string& before = {}) {
        const std::string text = rowText(spec, values);
        const std::string rowHash = hasher.hex(text);
        const std::int64_t seq =
            append(actor,
                   std::string(toString(byCommand && spec.commandAction ? *spec.commandAction
                                                                        : spec.action)),
                   rowSubject(spec, values), text, reason, before)
                .seq;
        SqlStatement& insert = statement(insertSql(spec));
        int index = 1;
        for (const auto& value : values)
            insert.bind(index++, value);
        insert.bind(index++, rowHash);
        insert.bind(index, seq);
        insert.run();
    }

    static std::string insertSql(const TableSpec& spec) {
        std::string sql = std::string("INSERT INTO ") + spec.table + " (position, ";
        std::string marks;
        for (const char* column : spec.columns) {
            sql += std::string(column) + ", ";
            marks += "?, ";
        }
        return sql + "row_hash, audit_seq) VALUES (" + nextPosition(spec.table) + ", " + marks +
               "?, ?)";
    }

    // A row's position is the next after the last, chosen under the write lock: what SQLite
    // would choose itself, said so that both stores number rows alike.
    static std::string nextPosition(const std::string& table) {
        return "(SELECT COALESCE(MAX(position), 0) + 1 FROM " + table + ")";
    }

    // Stores one bid file with its audit entry and indexes the bids it holds.
    void insertBidDocument(const std::string& name, const std::vector<std::string>& ids,
                           const std::string& bytes, const std::string& actor,
                           const std::string& reason) {
        std::string joined;
        for (const auto& id : ids)
            joined += (joined.empty() ? "" : " ") + id;
        insertRow(kBidDocumentsTable, {name, joined, bytes}, actor, reason);
        SqlStatement& insert = statement("INSERT INTO bids (position, bid_id, file_name) VALUES (" +
                                         nextPosition("bids") + ", ?, ?)");
        for (const auto& id : ids) {
            insert.bind(1, id);
            insert.bind(2, name);
            insert.run();
        }
    }

    // The audit entry that moved the tender to `state`, if it got there.
    std::optional<AuditEntry> entryReaching(LifecycleState state) {
        for (const auto& row : readRows(kLifecycleTable))
            if (row.values[0] == toString(state)) {
                auto entries = readLog(" WHERE seq = " + std::to_string(row.auditSeq));
                if (!entries.empty())
                    return entries.front();
            }
        return std::nullopt;
    }

    // The audit entries that moved the tender from stage to stage, oldest first.
    std::vector<AuditEntry> lifecycleLog() {
        return readLog(" WHERE seq IN (SELECT audit_seq FROM lifecycle) ORDER BY seq");
    }

    // The rows of a table in order; `leading` reads only its first columns.
    std::vector<StoredRow> readRows(const TableSpec& spec,
                                    std::size_t leading = std::string::npos) {
        const std::size_t columns = std::min(leading, spec.columns.size());
        std::string sql = "SELECT position, audit_seq, row_hash";
        for (std::size_t c = 0; c < columns; ++c)
            sql += std::string(", ") + spec.columns[c];
        sql += std::string(" FROM ") + spec.table + " ORDER BY position";
        SqlStatement& select = statement(sql);
        QueryScope scope{select};
        std::vector<StoredRow> result;
        while (select.next()) {
            const std::int64_t auditSeq = select.integer(1);
            if (rowsAsOf && auditSeq > *rowsAsOf)
                continue;
            StoredRow& row = result.emplace_back();
            row.position = select.integer(0);
            row.auditSeq = auditSeq;
            select.text(2, row.rowHash);
            row.values.resize(columns);
            for (std::size_t c = 0; c < columns; ++c)
                select.text(static_cast<int>(c + 3), row.values[c]);
        }
        return result;
    }

    std::size_t count(const std::string& table) {
        SqlStatement& select = statement("SELECT COUNT(*) FROM " + table);
        QueryScope scope{select};
        return select.next() ? static_cast<std::size_t>(select.integer(0)) : 0;
    }

    // The current tender: the last row of the tender table (a replaced one stays on record).
    std::optional<StoredRow> currentTender() {
        auto tenders = readRows(kTenderTable);
        if (tenders.empty())
            return std::nullopt;
        return std::move(tenders.back());
    }

    // The stored inputs as a tender folder; with `tenderXml`, that text in place of the
    // stored tender, to check a replacement against the bids and records already stored.
    FolderLoad rebuild(const LivingWageTable* rates, const std::string* tenderXml = nullptr) {
        FolderLoad load;
        TenderFolder folder;
        bool complete = true;
        const auto stored = currentTender();
        if (!stored) {
            load.diagnostics.push_back(workspaceError(path, "the workspace holds no tender"));
            return load;
        }
        if (auto tender = parseTender(tenderXml != nullptr ? *tenderXml : stored->values[2],
                                      "tender.xml", rates, load.diagnostics))
            folder.tender = std::move(*tender);
        else
            complete = false;
        folder.files.emplace_back("tender.xml");
        // The file name and bid ids only: the text is read when its bids are not kept.
        for (const auto& document : readRows(kBidDocumentsTable, 2)) {
            const std::string name = "bids/" + document.values[0];
            folder.files.emplace_back(name);
            if (ParsedBids bids = parsedBidDocument(document, name, load.diagnostics))
                folder.bids.insert(folder.bids.end(), bids->begin(), bids->end());
            else
                complete = false;
        }
        readEvaluations(folder, load.diagnostics);
        if (complete)
            checkConsistency(folder, load.diagnostics);
        if (!hasErrors(load.diagnostics))
            load.folder = std::move(folder);
        return load;
    }

    // The bids of one stored bid document, parsed once per process unless `reparseBids`.
    ParsedBids parsedBidDocument(const StoredRow& document, const std::string& name,
                                 Diagnostics& diagnostics) {
        if (!reparseBids)
            if (ParsedBids kept = findParsedBids(document.rowHash))
                return kept;
        SqlStatement& select = statement("SELECT xml FROM bid_documents WHERE position = ?");
        QueryScope scope{select};
        select.bind(1, document.position);
        std::string text;
        if (select.next())
            select.text(0, text);
        Diagnostics found;
        auto bids = parseBids(text, name, found);
        const bool clean = found.empty();
        diagnostics.insert(diagnostics.end(), std::make_move_iterator(found.begin()),
                           std::make_move_iterator(found.end()));
        if (!bids)
            return nullptr;
        auto parsed = std::make_shared<const std::vector<Bid>>(std::move(*bids));
        // A document with warnings is parsed each time, so its warnings are reported each time.
        if (clean && !reparseBids)
            keepParsedBids(document.rowHash, parsed, text.size());
        return parsed;
    }

    // The panel's records as the exported evaluations.xml would read: each record's location
    // is its line in that file.
    void readEvaluations(TenderFolder& folder, Diagnostics& diagnostics) {
        Evaluations& evaluations = folder.evaluations;
        evaluations.tenderId = folder.tender.id;
        evaluations.where = {"evaluations.xml", 2, 1};
        evaluations.tenderWhere = evaluations.where;
        int line = 3;
        const auto number = [&](const std::string& text, int at) {
            auto value = parseStoredNumber(text);
            if (!value)
                diagnostics.push_back(errorAt({"evaluations.xml", at, 3},
                                              "stored value '" + text + "' is not a number"));
            return value.value_or(0);
        };
        // A reopened score stays in its table and in the trail but no longer counts; a
        // changed consensus or decision counts by its latest row.
        std::set<std::string> reopened;
        for (const auto& row : readRows(kReopeningsTable))
            reopened.insert(row.values[3]);
        // A conflict declared after scoring takes that person's scores on the bid out of the
        // mean and the agenda; the scores stay on record.
        std::set<std::pair<std::string, std::string>> conflicted; // evaluator, bid
        for (const auto& row : readRows(kDeclarationsTable))
            if (!row.values[1].empty())
                conflicted.emplace(row.values[0], row.values[1]);
        for (const auto& row : readRows(kScoresTable)) {
            if (!reopened.empty() && reopened.count(std::to_string(row.position)) != 0)
                continue;
            if (!conflicted.empty() && conflicted.count({row.values[2], row.values[0]}) != 0)
                continue;
            EvaluatorScore s{row.values[0], row.values[1],
                             row.values[2], number(row.values[3], line),
                             row.values[4], {"evaluations.xml", line++, 3}};
            evaluations.scores.push_back(std::move(s));
        }
        // Indexed by bid and criterion: a tender has tens of thousands of consensus scores.
        std::map<std::pair<std::string, std::string>, std::size_t> consensusAt;
        for (const auto& row : readRows(kConsensusTable)) {
            ConsensusScore c{row.values[0], row.values[1],
                             row.values[2], number(row.values[3], line),
                             row.values[4], {"evaluations.xml", line++, 3}};
            const auto [at, added] = consensusAt.try_emplace(std::make_pair(c.bidId, c.criterionId),
                                                             evaluations.consensus.size());
            if (added)
                evaluations.consensus.push_back(std::move(c));
            else
                evaluations.consensus[at->second] = std::move(c);
        }
        for (const auto& row : readRows(kDeliverabilityTable)) {
            DeliverabilityFactor d{row.values[0],
                                   row.values[1],
                                   number(row.values[2], line),
                                   row.values[3],
                                   {"evaluations.xml", line++, 3}};
            evaluations.deliverability.push_back(std::move(d));
        }
        for (const auto& row : readRows(kDecisionsTable)) {
            AbnormallyLowDecision a{row.values[0],
                                    row.values[1] == "true",
                                    row.values[2],
                                    {"evaluations.xml", line++, 3}};
            const auto same = std::find_if(evaluations.abnormallyLowDecisions.begin(),
                                           evaluations.abnormallyLowDecisions.end(),
                                           [&](const auto& e) { return e.bidId == a.bidId; });
            if (same != evaluations.abnormallyLowDecisions.end())
                *same = std::move(a);
            else
                evaluations.abnormallyLowDecisions.push_back(std::move(a));
        }
        for (const auto& row : readRows(kExclusionsTable))
            evaluations.exclusions.push_back({row.values[0],
                                              row.values[1],
                                              Date::parse(row.values[2]),
                                              {"evaluations.xml", line++, 3},
                                              row.values[3] == "true"});
        if (line > 3)
            folder.files.emplace_back("evaluations.xml");
    }

    LifecycleState currentState() {
        const auto rows = readRows(kLifecycleTable);
        if (rows.empty())
            return LifecycleState::Draft;
        return parseLifecycleState(rows.back().values[0]).value_or(LifecycleState::Draft);
    }

    PanelRecord readPanel() {
        PanelRecord panel;
        for (const auto& row : readRows(kPanelTable))
            if (auto role = parsePanelRole(row.values[1]))
                panel.members.push_back({row.values[0], *role});
        for (const auto& row : readRows(kDeclarationsTable))
            panel.declarations.push_back({row.values[0], row.values[1], row.values[2]});
        return panel;
    }

    // Appends the results of the stored inputs where they decide something: a move to the
    // next stage (moderation, locked, awarded), an exclusion, a decision on an abnormally low
    // price, a declared conflict, a replaced tender or new bids. A score or a consensus alone
    // does not: its effect is recorded when the tender moves on, and verify replays each
    // recording from the rows stored up to it.
    void recordResults(const std::string& actor, const LivingWageTable* rates) {
        FolderLoad load = rebuild(rates);
        if (load.folder)
            recordResults(actor, load.folder->tender.id,
                          fairtender::evaluate(load.folder->tender, load.folder->bids,
                                               load.folder->evaluations));
    }
    // The same from the inputs' evaluation the command already made.
    void recordResults(const std::string& actor, const std::string& tenderId,
                       const EvaluationOutcome& evaluated) {
        append(actor, kResultsAction, tenderId, resultsText(evaluated),
               "results of the stored inputs");
    }

    // Runs `body` in one transaction; any error it reports rolls everything back.
    template <class Body> CommandOutcome run(const std::string& actor, Body&& body) {
        CommandOutcome outcome;
        if (actor.empty()) {
            outcome.problems.push_back(workspaceError(
                path, "say who is acting: every change is logged", "workspace.no-actor"));
            return outcome;
        }
        if (db->readOnly()) {
            outcome.problems.push_back(workspaceError(
                path,
                "is read-only here (the file or its folder cannot be written): it can be "
                "read, evaluated, verified and reported on, but not changed; nothing was "
                "changed",
                "workspace.read-only"));
            return outcome;
        }
        try {
            // The write lock is taken first, so the rule's reads below see every change
            // committed before, and two people's commands follow one another instead of one
            // failing.
            std::string why;
            const WriteStart start = db->beginWrite(why);
            if (start != WriteStart::Started) {
                outcome.problems.push_back(
                    start == WriteStart::Busy
                        ? workspaceError(path,
                                         "is busy: other changes have held it for over a "
                                         "minute; nothing was changed, try again",
                                         "workspace.busy")
                        : workspaceError(path, "cannot write the workspace (" + why +
                                                   "); nothing was changed"));
                return outcome;
            }
            commandTime = timeNow();
            loadHead();
            const std::string wanted = std::exchange(expectedHead, std::string());
            const std::string current = head ? head->hash : std::string();
            if (!wanted.empty() && wanted != current) {
                outcome.problems.push_back(workspaceError(
                    path,
                    "changed since " + wanted.substr(0, 12) + "...: its log now ends at " +
                        current + "; read it again, then decide; nothing was changed",
                    "tender.head-changed"));
                db->rollback();
                return outcome;
            }
            body(outcome);
            if (!outcome.ok())
                db->rollback();
            else
                db->commit();
        } catch (const StoreError& e) {
            db->rollback();
            outcome.problems.push_back(
                workspaceError(path, std::string("cannot write the workspace (") + e.what() +
                                         "); nothing was changed"));
        }
        loadHead();
        return outcome;
    }
};

// What every command shares: refusing with a reason, and the facts its rules read.

inline Diagnostic refusal(const fs::path& file, std::string message) {
    return workspaceError(file, std::move(message));
}

inline Diagnostic refusal(const fs::path& file, const ActionRefusal& refused) {
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

inline Refuser refuser(CommandOutcome& outcome, const fs::path& file) {
    return Refuser{outcome, file};
}

inline bool isNeeded(const TenderFolder& folder, const std::string& bidId,
                     const std::string& criterionId) {
    return JudgementsNeeded(folder.tender, folder.bids).contains(bidId, criterionId);
}

inline std::optional<PanelRole> viewerRole(const PanelRecord& panel, const std::string& name) {
    for (const auto role :
         {PanelRole::Lead, PanelRole::Auditor, PanelRole::Moderator, PanelRole::Evaluator})
        if (panel.hasRole(name, role))
            return role;
    return std::nullopt;
}

// Empty when `day` (of `what`, "the award notice") is neither in the future nor before the
// results were last locked; else why it cannot be.
inline std::string datedAfterLock(Workspace::Impl& impl, const Date& day, const std::string& what) {
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

// The facts the lifecycle rules judge, as stored now; `result` set when they evaluate.
struct StoredFacts {
    std::optional<TenderFolder> folder;
    PanelRecord panel;
    std::optional<EvaluationResult> result;
};

inline StoredFacts storedFacts(Workspace::Impl& impl, const LivingWageTable* rates) {
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

} // namespace fairtender
