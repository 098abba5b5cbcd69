// Workspace benchmarks: creating a workspace from 500 bids x 20 judgement criteria scored by
// 50 evaluators (500,000 scores), and verifying a workspace of over a million audit entries,
// on both stores, each beside a peer in the same process (plain sqlite3, or plain libpq,
// inserting as many rows in one transaction with prepared statements; plain libcrypto
// SHA-256 of the same canonical bytes) so the figures read as ratios. The PostgreSQL
// figures use a throwaway cluster started for the run (tests/support/postgres-cluster.sh).
#include "SyntheticTender.h"
#include "audit/AuditChain.h"
#include "store/Workspace.h"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <libpq-fe.h>
#include <openssl/evp.h>
#include <sqlite3.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using namespace fairtender;
namespace fs = std::filesystem;

fs::path scratch() {
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() /
                     ("fairtender-wsbench-" + std::to_string(static_cast<long>(::getpid())));
        fs::remove_all(d);
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

void removeWorkspace(const fs::path& file) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(fs::path(file.string() + suffix), ignored);
}

// A tender folder of `bids` bids x 20 judgement criteria x `evaluators` evaluators.
const fs::path& folderOf(int bids, int evaluators) {
    static std::vector<std::pair<std::pair<int, int>, fs::path>> cache;
    for (const auto& [key, folder] : cache)
        if (key == std::make_pair(bids, evaluators))
            return folder;
    bench::SyntheticTenderSpec spec;
    spec.bids = bids;
    spec.judgementCriteria = 20;
    spec.evaluatorsPerScore = evaluators;
    const fs::path folder =
        scratch() / ("tender-" + std::to_string(bids) + "x" + std::to_string(evaluators));
    bench::writeTenderFolder(bench::generateTender(spec), folder);
    cache.emplace_back(std::make_pair(bids, evaluators), folder);
    return cache.back().second;
}

void fail(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics)
        std::cerr << d.toString() << "\n";
    std::abort();
}

// Where the benchmark's cluster is named: outside scratch(), which main() removes before the
// cluster is stopped at exit.
fs::path postgresUriFile() {
    return fs::temp_directory_path() /
           ("fairtender-wsbench-pg-" + std::to_string(static_cast<long>(::getpid())) + ".uri");
}

// The benchmark's own PostgreSQL cluster: its URI without a tender, started on first use and
// stopped at exit.
const std::string& postgresBase() {
    static const std::string base = [] {
        const std::string command = std::string(FAIRTENDER_SOURCE_DIR) +
                                    "/tests/support/postgres-cluster.sh start " +
                                    postgresUriFile().string() + " >/dev/null";
        if (std::system(command.c_str()) != 0) {
            std::cerr << "cannot start a PostgreSQL cluster for the benchmarks\n";
            std::abort();
        }
        std::atexit([] {
            const std::string stop = std::string(FAIRTENDER_SOURCE_DIR) +
                                     "/tests/support/postgres-cluster.sh stop " +
                                     postgresUriFile().string();
            [[maybe_unused]] const int ignored = std::system(stop.c_str());
        });
        std::ifstream in(postgresUriFile());
        std::string uri;
        std::getline(in, uri);
        return uri;
    }();
    return base;
}

std::string postgresTender(const std::string& name) {
    return postgresBase() + "&tender=" + name;
}

// Drops a tender's schema (and with it every row), as the database's superuser.
void dropTender(const std::string& name) {
    PGconn* conn = PQconnectdb(postgresBase().c_str());
    PQsetNoticeProcessor(
        conn, [](void*, const char*) {}, nullptr); // "drop cascades to ..."
    PQclear(PQexec(conn, ("DROP SCHEMA IF EXISTS \"fairtender_" + name + "\" CASCADE").c_str()));
    PQfinish(conn);
}

void BM_WorkspaceCreate(benchmark::State& state) {
    const int bids = static_cast<int>(state.range(0));
    const int evaluators = static_cast<int>(state.range(1));
    const fs::path& folder = folderOf(bids, evaluators);
    const fs::path ws = scratch() / "create.ftw";
    std::size_t scores = 0;
    for (auto _ : state) {
        state.PauseTiming();
        removeWorkspace(ws);
        state.ResumeTiming();
        auto created = Workspace::createFromFolder(folder, ws, "bench");
        if (!created.ok())
            fail(created.diagnostics);
        state.PauseTiming();
        scores = created.workspace->status().scores;
        created.workspace.reset();
        state.ResumeTiming();
    }
    removeWorkspace(ws);
    state.counters["scores"] = static_cast<double>(scores);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(scores));
}
BENCHMARK(BM_WorkspaceCreate)
    ->Args({500, 50})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

void check(sqlite3* db, int rc) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        std::cerr << "sqlite3: " << sqlite3_errmsg(db) << "\n";
        std::abort();
    }
}

// The peers' database: the workspace's pragmas, and an audit log and a scores table of
// the workspace's columns.
void createPeerTables(sqlite3* db) {
    check(db, sqlite3_exec(db,
                           "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                           "CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at TEXT, actor "
                           "TEXT, action TEXT, subject TEXT, before_text TEXT, after_text "
                           "TEXT, reason TEXT, prev_hash TEXT, hash TEXT); "
                           "CREATE TABLE scores (position INTEGER PRIMARY KEY, bid_id TEXT, "
                           "criterion_id TEXT, evaluator TEXT, value TEXT, reason TEXT, "
                           "row_hash TEXT, audit_seq INTEGER)",
                           nullptr, nullptr, nullptr));
}

// The rows of `table`.
std::int64_t rowsIn(sqlite3* db, const char* table) {
    sqlite3_stmt* count = nullptr;
    check(db, sqlite3_prepare_v2(db, (std::string("SELECT count(*) FROM ") + table).c_str(), -1,
                                 &count, nullptr));
    check(db, sqlite3_step(count));
    const std::int64_t rows = sqlite3_column_int64(count, 0);
    sqlite3_finalize(count);
    return rows;
}

// Peer: plain sqlite3 writing as many audit rows and score rows as the workspace holds for
// 500 bids x 20 criteria x 50 evaluators, with the same pragmas, in one transaction with
// two prepared statements reused: no XML, hashing or validation.
void BM_PeerSqliteInsert(benchmark::State& state) {
    const int rows = static_cast<int>(state.range(0));
    const fs::path file = scratch() / "peer.sqlite";
    const std::string hash(64, 'a');
    const std::string text = "bid_id=\"B123\" criterion_id=\"q1-1\" evaluator=\"E12\" value=\"3\" "
                             "reason=\"Evidence reviewed.\"";
    for (auto _ : state) {
        state.PauseTiming();
        removeWorkspace(file);
        state.ResumeTiming();
        sqlite3* db = nullptr;
        check(db, sqlite3_open(file.c_str(), &db));
        createPeerTables(db);
        check(db, sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr));
        sqlite3_stmt* audit = nullptr;
        sqlite3_stmt* score = nullptr;
        check(db, sqlite3_prepare_v2(db,
                                     "INSERT INTO audit_log VALUES (?, '2026-01-01T00:00:00Z', "
                                     "'bench', 'score.import', ?, '', ?, 'created', ?, ?)",
                                     -1, &audit, nullptr));
        check(db, sqlite3_prepare_v2(db,
                                     "INSERT INTO scores (bid_id, criterion_id, evaluator, value, "
                                     "reason, row_hash, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                     -1, &score, nullptr));
        for (int i = 1; i <= rows; ++i) {
            const std::string bid = "B" + std::to_string(i / 1000 + 1);
            const std::string evaluator = "E" + std::to_string(i % 50 + 1);
            sqlite3_bind_int64(audit, 1, i);
            sqlite3_bind_text(audit, 2, bid.data(), static_cast<int>(bid.size()), SQLITE_STATIC);
            sqlite3_bind_text(audit, 3, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
            sqlite3_bind_text(audit, 4, hash.data(), 64, SQLITE_STATIC);
            sqlite3_bind_text(audit, 5, hash.data(), 64, SQLITE_STATIC);
            check(db, sqlite3_step(audit));
            sqlite3_reset(audit);
            sqlite3_bind_text(score, 1, bid.data(), static_cast<int>(bid.size()), SQLITE_STATIC);
            sqlite3_bind_text(score, 2, "q1-1", 4, SQLITE_STATIC);
            sqlite3_bind_text(score, 3, evaluator.data(), static_cast<int>(evaluator.size()),
                              SQLITE_STATIC);
            sqlite3_bind_text(score, 4, "3", 1, SQLITE_STATIC);
            sqlite3_bind_text(score, 5, "Evidence reviewed.", 18, SQLITE_STATIC);
            sqlite3_bind_text(score, 6, hash.data(), 64, SQLITE_STATIC);
            sqlite3_bind_int64(score, 7, i);
            check(db, sqlite3_step(score));
            sqlite3_reset(score);
        }
        sqlite3_finalize(audit);
        sqlite3_finalize(score);
        check(db, sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr));
        sqlite3_close(db);
    }
    removeWorkspace(file);
    state.SetItemsProcessed(state.iterations() * rows);
}
BENCHMARK(BM_PeerSqliteInsert)->Arg(510000)->Unit(benchmark::kMillisecond)->UseRealTime();

// One evaluator's score after another into a 1,000-bid x 20-criterion workspace at
// evaluation, each its own command (what a server does per score written), against
// BM_PeerSqliteScoreWrite: the same row and audit row inserted and committed alone.
void BM_ScoreWrite(benchmark::State& state) {
    const int bids = static_cast<int>(state.range(0));
    const fs::path folder = scratch() / ("score-write-" + std::to_string(bids));
    if (!fs::exists(folder)) {
        bench::SyntheticTenderSpec spec;
        spec.bids = bids;
        spec.judgementCriteria = 20;
        bench::writeTenderFolder(bench::generateTender(spec), folder);
        fs::remove(folder / "evaluations.xml"); // the panel scores from nothing
    }
    const fs::path file = scratch() / "score-write.ftw";
    removeWorkspace(file);
    auto created = Workspace::createFromFolder(folder, file, "ann");
    if (!created.ok())
        fail(created.diagnostics);
    Workspace& ws = *created.workspace;
    for (const CommandOutcome& step :
         {ws.addPanelMember("ann", "ann", PanelRole::Lead),
          ws.addPanelMember("ann", "raj", PanelRole::Evaluator), ws.declareInterests("raj", {}),
          ws.declareInterests("ann", {}),
          ws.advance("ann", LifecycleState::Open, "published", nullptr),
          ws.advance("ann", LifecycleState::Evaluation, "bids opened", nullptr)})
        if (!step.ok())
            fail(step.problems);
    const FolderLoad load = ws.loadFolder(nullptr);
    std::vector<std::string> judgements;
    const std::function<void(const std::vector<ModelNode>&)> collect =
        [&](const std::vector<ModelNode>& nodes) {
            for (const auto& node : nodes)
                if (node.kind == NodeKind::Criterion &&
                    node.criterion.type == CriterionType::Judgement)
                    judgements.push_back(node.id);
                else
                    collect(node.children);
        };
    collect(load.folder->tender.model.children);
    std::vector<std::pair<std::string, std::string>> cells;
    for (const auto& bid : load.folder->bids)
        for (const auto& criterion : judgements)
            cells.emplace_back(bid.id, criterion);
    std::size_t next = 0;
    for (auto _ : state) {
        if (next == cells.size())
            std::abort(); // more iterations than cells to score
        const auto& [bid, criterion] = cells[next++];
        const CommandOutcome done =
            ws.submitScore("raj", bid, criterion, 3, "Evidence reviewed.", nullptr);
        if (!done.ok())
            fail(done.problems);
    }
    // Every score written is stored, and the record still verifies.
    if (ws.status().scores != next) {
        std::cerr << "wrote " << next << " scores, the workspace holds " << ws.status().scores
                  << "\n";
        std::abort();
    }
    if (const VerifyReport report = ws.verify(nullptr); !report.ok())
        fail(report.problems);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ScoreWrite)->Arg(1000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(200);

void BM_PeerSqliteScoreWrite(benchmark::State& state) {
    const fs::path file = scratch() / "peer-write.sqlite";
    removeWorkspace(file);
    sqlite3* db = nullptr;
    check(db, sqlite3_open(file.c_str(), &db));
    createPeerTables(db);
    const std::string hash(64, 'a');
    const std::string text = "bid_id=\"B123\" criterion_id=\"q1-1\" evaluator=\"raj\" "
                             "value=\"3\" reason=\"Evidence reviewed.\"";
    std::int64_t seq = 0;
    for (auto _ : state) {
        ++seq;
        check(db, sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr));
        const std::string audit = "INSERT INTO audit_log VALUES (" + std::to_string(seq) +
                                  ", '2026-01-01T00:00:00Z', 'raj', 'score.submit', 'B123', '', '" +
                                  text + "', 'score submitted', '" + hash + "', '" + hash + "')";
        check(db, sqlite3_exec(db, audit.c_str(), nullptr, nullptr, nullptr));
        const std::string score = "INSERT INTO scores (bid_id, criterion_id, evaluator, value, "
                                  "reason, row_hash, audit_seq) VALUES ('B123', 'q1-1', 'raj', "
                                  "'3', 'Evidence reviewed.', '" +
                                  hash + "', " + std::to_string(seq) + ")";
        check(db, sqlite3_exec(db, score.c_str(), nullptr, nullptr, nullptr));
        check(db, sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr));
    }
    if (rowsIn(db, "scores") != seq || rowsIn(db, "audit_log") != seq) {
        std::cerr << "the peer stored fewer rows than it wrote\n";
        std::abort();
    }
    sqlite3_close(db);
    removeWorkspace(file);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PeerSqliteScoreWrite)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(200);

void BM_WorkspaceCreatePostgres(benchmark::State& state) {
    const fs::path& folder =
        folderOf(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
    std::size_t scores = 0;
    for (auto _ : state) {
        state.PauseTiming();
        dropTender("create");
        state.ResumeTiming();
        auto created = Workspace::createFromFolder(folder, postgresTender("create"), "bench");
        if (!created.ok())
            fail(created.diagnostics);
        state.PauseTiming();
        scores = created.workspace->status().scores;
        created.workspace.reset();
        state.ResumeTiming();
    }
    dropTender("create");
    // The figure is only comparable with its peer's if every score was stored.
    if (scores != static_cast<std::size_t>(state.range(0) * 20 * state.range(1))) {
        std::cerr << "PostgreSQL create stored " << scores << " scores\n";
        std::abort();
    }
    state.counters["scores"] = static_cast<double>(scores);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(scores));
}
BENCHMARK(BM_WorkspaceCreatePostgres)
    ->Args({500, 50})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

void checkPg(PGconn* conn, PGresult* result) {
    const auto status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        std::cerr << "libpq: " << PQerrorMessage(conn) << "\n";
        std::abort();
    }
    PQclear(result);
}

// Peer: plain libpq writing the same audit rows and score rows as BM_PeerSqliteInsert, into
// tables of the same shape, in one transaction with two prepared statements: no XML,
// hashing or validation.
void BM_PeerLibpqInsert(benchmark::State& state) {
    const int rows = static_cast<int>(state.range(0));
    const std::string hash(64, 'a');
    const std::string text = "bid_id=\"B123\" criterion_id=\"q1-1\" evaluator=\"E12\" value=\"3\" "
                             "reason=\"Evidence reviewed.\"";
    for (auto _ : state) {
        state.PauseTiming();
        dropTender("peer");
        state.ResumeTiming();
        PGconn* conn = PQconnectdb(postgresBase().c_str());
        if (PQstatus(conn) != CONNECTION_OK) {
            std::cerr << "libpq: " << PQerrorMessage(conn) << "\n";
            std::abort();
        }
        checkPg(conn,
                PQexec(conn, "BEGIN; CREATE SCHEMA fairtender_peer; SET search_path TO "
                             "fairtender_peer; CREATE TABLE audit_log (seq BIGINT PRIMARY KEY, "
                             "at TEXT, actor TEXT, action TEXT, subject TEXT, before_text TEXT, "
                             "after_text TEXT, reason TEXT, prev_hash TEXT, hash TEXT); CREATE "
                             "TABLE scores (position BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY "
                             "KEY, bid_id TEXT, criterion_id TEXT, evaluator TEXT, value TEXT, "
                             "reason TEXT, row_hash TEXT, audit_seq BIGINT)"));
        checkPg(conn, PQprepare(conn, "audit",
                                "INSERT INTO audit_log VALUES ($1, '2026-01-01T00:00:00Z', "
                                "'bench', 'score.import', $2, '', $3, 'created', $4, $5)",
                                0, nullptr));
        checkPg(conn, PQprepare(conn, "score",
                                "INSERT INTO scores (bid_id, criterion_id, evaluator, value, "
                                "reason, row_hash, audit_seq) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                                0, nullptr));
        for (int i = 1; i <= rows; ++i) {
            const std::string seq = std::to_string(i);
            const std::string bid = "B" + std::to_string(i / 1000 + 1);
            const std::string evaluator = "E" + std::to_string(i % 50 + 1);
            const char* audit[] = {seq.c_str(), bid.c_str(), text.c_str(), hash.c_str(),
                                   hash.c_str()};
            checkPg(conn, PQexecPrepared(conn, "audit", 5, audit, nullptr, nullptr, 0));
            const char* score[] = {bid.c_str(),          "q1-1",       evaluator.c_str(), "3",
                                   "Evidence reviewed.", hash.c_str(), seq.c_str()};
            checkPg(conn, PQexecPrepared(conn, "score", 7, score, nullptr, nullptr, 0));
        }
        checkPg(conn, PQexec(conn, "COMMIT"));
        PQfinish(conn);
    }
    dropTender("peer");
    state.SetItemsProcessed(state.iterations() * rows);
}
BENCHMARK(BM_PeerLibpqInsert)->Arg(510000)->Unit(benchmark::kMillisecond)->UseRealTime();

// A workspace of 1000 bids x 20 criteria x 50 evaluators: 1,020,000 score and consensus
// records, each with its audit entry, made once by createFromFolder.
struct VerifyFixture {
    fs::path ws;
    std::size_t entries = 0;
};

const VerifyFixture& verifyFixture() {
    static const VerifyFixture fixture = [] {
        VerifyFixture f;
        f.ws = scratch() / "verify.ftw";
        removeWorkspace(f.ws);
        auto created = Workspace::createFromFolder(folderOf(1000, 50), f.ws, "bench");
        if (!created.ok())
            fail(created.diagnostics);
        f.entries = created.workspace->status().auditEntries;
        return f;
    }();
    return fixture;
}

void BM_VerifyLog(benchmark::State& state) {
    const auto& fixture = verifyFixture();
    auto opened = Workspace::open(fixture.ws);
    if (!opened.ok())
        fail(opened.diagnostics);
    for (auto _ : state) {
        const VerifyReport report = opened.workspace->verify(nullptr);
        if (!report.ok())
            fail(report.problems);
        benchmark::DoNotOptimize(report);
    }
    state.counters["entries"] = static_cast<double>(fixture.entries);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(fixture.entries));
}
BENCHMARK(BM_VerifyLog)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

// The same workspace copied into PostgreSQL, row for row.
const std::string& verifyPostgresFixture() {
    static const std::string location = [] {
        const std::string uri = postgresTender("verify");
        dropTender("verify");
        auto opened = Workspace::open(verifyFixture().ws);
        if (!opened.ok())
            fail(opened.diagnostics);
        if (const Diagnostics problems = opened.workspace->copyTo(uri); !problems.empty())
            fail(problems);
        return uri;
    }();
    return location;
}

void BM_VerifyLogPostgres(benchmark::State& state) {
    auto opened = Workspace::open(verifyPostgresFixture());
    if (!opened.ok())
        fail(opened.diagnostics);
    std::size_t entries = 0;
    for (auto _ : state) {
        const VerifyReport report = opened.workspace->verify(nullptr);
        if (!report.ok())
            fail(report.problems);
        entries = report.entriesChecked;
        // The copy must be the whole workspace, or the figure measures less than the file's.
        if (entries != verifyFixture().entries) {
            std::cerr << "PostgreSQL verify checked " << entries << " entries, not "
                      << verifyFixture().entries << "\n";
            std::abort();
        }
        benchmark::DoNotOptimize(report);
    }
    state.counters["entries"] = static_cast<double>(entries);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(entries));
}
BENCHMARK(BM_VerifyLogPostgres)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

// Peer: SHA-256 (libcrypto, as the engine uses) of the same canonical bytes, one digest per
// entry, already in memory: no reading, comparing or row checks.
void BM_PeerSha256(benchmark::State& state) {
    const auto& fixture = verifyFixture();
    auto opened = Workspace::open(fixture.ws);
    if (!opened.ok())
        fail(opened.diagnostics);
    std::vector<std::string> canonical;
    for (const auto& entry : opened.workspace->auditLog())
        canonical.push_back(canonicalAuditContent(entry));
    std::int64_t bytes = 0;
    for (const auto& c : canonical)
        bytes += static_cast<std::int64_t>(c.size());
    EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    for (auto _ : state) {
        for (const auto& c : canonical) {
            EVP_DigestInit_ex2(context, md, nullptr);
            EVP_DigestUpdate(context, c.data(), c.size());
            EVP_DigestFinal_ex(context, digest, &size);
            benchmark::DoNotOptimize(digest);
        }
    }
    EVP_MD_CTX_free(context);
    EVP_MD_free(md);
    state.counters["entries"] = static_cast<double>(canonical.size());
    state.SetBytesProcessed(state.iterations() * bytes);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(canonical.size()));
}
BENCHMARK(BM_PeerSha256)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    std::error_code ignored;
    fs::remove_all(scratch(), ignored);
    return 0;
}
