#include "store/sql/SqliteConnection.h"

#include <cctype>
#include <cstdio>
#include <map>
#include <sqlite3.h>
#include <unistd.h>
#include <vector>

namespace fairtender {

namespace fs = std::filesystem;

namespace {

// How long one attempt to take the write lock waits, and how many attempts a command makes,
// before it says the workspace is busy.
constexpr int kBusyTimeoutMs = 20000;
constexpr int kBeginAttempts = 3;

[[noreturn]] void fail(sqlite3* db, const std::string& doing) {
    throw StoreError(doing.empty() ? std::string(sqlite3_errmsg(db))
                                   : std::string(sqlite3_errmsg(db)) + " (" + doing + ")");
}

class SqliteStatement final : public SqlStatement {
public:
    SqliteStatement(sqlite3* db, const std::string& sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
            SQLITE_OK)
            fail(db, sql);
    }
    ~SqliteStatement() override { sqlite3_finalize(stmt_); }
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    void bind(int index, std::string_view text) override {
        check(sqlite3_bind_text(stmt_, index, text.data() == nullptr ? "" : text.data(),
                                static_cast<int>(text.size()), SQLITE_STATIC));
    }
    void bind(int index, std::int64_t value) override {
        check(sqlite3_bind_int64(stmt_, index, value));
    }
    void run() override {
        const int rc = sqlite3_step(stmt_);
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW)
            fail(db_, {});
    }
    bool next() override {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW)
            return true;
        sqlite3_reset(stmt_);
        if (rc != SQLITE_DONE)
            fail(db_, {});
        return false;
    }
    void reset() override { sqlite3_reset(stmt_); }
    std::int64_t integer(int column) const override { return sqlite3_column_int64(stmt_, column); }
    void text(int column, std::string& into) const override {
        const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
        const int size = sqlite3_column_bytes(stmt_, column);
        if (bytes == nullptr)
            into.clear();
        else
            into.assign(bytes, static_cast<std::size_t>(size));
    }
    using SqlStatement::text;

private:
    void check(int rc) {
        if (rc != SQLITE_OK)
            fail(db_, {});
    }

    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

// An SQLite URI that opens `file` for reading only: "mode=ro" when its folder can be written
// (the shared-memory file is made there), else "immutable=1", which reads the main file alone.
std::string readOnlyUri(const fs::path& file) {
    std::string uri = "file:";
    for (const unsigned char c : fs::absolute(file).string()) {
        if (std::isalnum(c) || c == '/' || c == '.' || c == '-' || c == '_') {
            uri += static_cast<char>(c);
        } else {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", c);
            uri += escaped;
        }
    }
    return uri + (SqliteConnection::folderWritable(file) ? "?mode=ro" : "?immutable=1");
}

} // namespace

struct SqliteConnection::State {
    sqlite3* db = nullptr;
    // Finalized before the connection closes.
    std::map<std::string, std::unique_ptr<SqliteStatement>, std::less<>> statements;
};

bool SqliteConnection::folderWritable(const fs::path& file) {
    const fs::path folder = fs::absolute(file).parent_path();
    return ::access(folder.c_str(), W_OK) == 0;
}

bool SqliteConnection::mustReadOnly(const fs::path& file) {
    return ::access(file.c_str(), W_OK) != 0 || !folderWritable(file);
}

SqliteConnection::SqliteConnection(const fs::path& file, Mode mode)
    : location_(file.string()), mode_(mode), state_(std::make_unique<State>()) {
    // A connection is used by one thread at a time (a command, a desktop job): SQLite's own
    // locking of every call is not needed.
    const int flags = SQLITE_OPEN_NOMUTEX |
                      (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
                                              : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    const std::string name = mode == Mode::ReadOnly ? readOnlyUri(file) : file.string();
    if (sqlite3_open_v2(name.c_str(), &state_->db, flags, nullptr) != SQLITE_OK) {
        const std::string why = state_->db ? sqlite3_errmsg(state_->db) : "out of memory";
        sqlite3_close(state_->db);
        state_->db = nullptr;
        throw StoreError(why);
    }
    sqlite3_extended_result_codes(state_->db, 0);
    sqlite3_busy_timeout(state_->db, kBusyTimeoutMs);
}

SqliteConnection::~SqliteConnection() {
    close();
}

void SqliteConnection::close() {
    if (state_->db == nullptr)
        return;
    state_->statements.clear();
    // The committed work is all in the main file once a writer closes, so a copy of the file
    // alone is complete (its -wal would otherwise hold the last entries). Another connection
    // still reading makes this fail: its close checkpoints instead.
    if (mode_ == Mode::ReadWrite)
        sqlite3_exec(state_->db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_close(state_->db);
    state_->db = nullptr;
}

SqlStatement& SqliteConnection::statement(const std::string& sql) {
    const auto found = state_->statements.find(sql);
    if (found != state_->statements.end())
        return *found->second;
    auto compiled = std::make_unique<SqliteStatement>(state_->db, sql);
    return *state_->statements.emplace(sql, std::move(compiled)).first->second;
}

void SqliteConnection::execute(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(state_->db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string why = error ? error : sqlite3_errmsg(state_->db);
        sqlite3_free(error);
        throw StoreError(why + " (" + sql + ")");
    }
}

WriteStart SqliteConnection::beginWrite(std::string& why) {
    // The write lock is taken first (IMMEDIATE), so the reads that follow see every change
    // committed before; a command waits its turn (the busy timeout) a few times over.
    int begun = SQLITE_BUSY;
    for (int attempt = 0; attempt < kBeginAttempts && begun == SQLITE_BUSY; ++attempt)
        begun = sqlite3_exec(state_->db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    if (begun == SQLITE_OK)
        return WriteStart::Started;
    why = sqlite3_errmsg(state_->db);
    return begun == SQLITE_BUSY ? WriteStart::Busy : WriteStart::Failed;
}

void SqliteConnection::beginRead() {
    // Deferred: the snapshot is taken at the first read and held to the end.
    execute("BEGIN");
}

void SqliteConnection::commit() {
    if (sqlite3_exec(state_->db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        fail(state_->db, {});
}

void SqliteConnection::rollback() noexcept {
    if (state_->db != nullptr && sqlite3_get_autocommit(state_->db) == 0)
        sqlite3_exec(state_->db, "ROLLBACK", nullptr, nullptr, nullptr);
}

bool SqliteConnection::hasTable(const std::string& name) {
    SqlStatement& select =
        statement("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
    QueryScope scope{select};
    select.bind(1, std::string_view(name));
    return select.next() && select.integer(0) > 0;
}

namespace {

// The guards of the audit log: SQLite aborts any UPDATE or DELETE of an entry.
const char* const kAuditGuards[][2] = {
    {"audit_log_no_update",
     "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT "
     "RAISE(ABORT, 'the audit log is append-only: entries are never updated'); END"},
    {"audit_log_no_delete",
     "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT "
     "RAISE(ABORT, 'the audit log is append-only: entries are never deleted'); END"},
};

} // namespace

void SqliteConnection::configure() {
    if (mode_ == Mode::ReadWrite)
        execute("PRAGMA journal_mode=WAL");
    execute("PRAGMA synchronous=FULL");
    execute("PRAGMA foreign_keys=ON");
}

void SqliteConnection::guardAuditLog() {
    for (const auto& [name, sql] : kAuditGuards)
        execute(sql);
}

std::vector<std::string> SqliteConnection::auditGuardProblems() {
    std::vector<std::string> problems;
    SqlStatement& select =
        statement("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log' "
                  "AND name = ?");
    for (const auto& [name, sql] : kAuditGuards) {
        QueryScope scope{select};
        select.bind(1, std::string_view(name));
        if (!select.next())
            problems.push_back(std::string("the audit log's append-only guard ") + name +
                               " is missing: it was dropped outside fairtender, so entries may "
                               "have been changed");
        else if (select.text(0) != sql)
            problems.push_back(std::string("the audit log's append-only guard ") + name +
                               " was changed outside fairtender, so entries may have been "
                               "changed");
    }
    return problems;
}

std::string SqliteConnection::integrityProblem() {
    SqlStatement& check = statement("PRAGMA integrity_check");
    QueryScope scope{check};
    std::string result = check.next() ? check.text(0) : std::string("no answer");
    return result == "ok" ? std::string() : "SQLite integrity check failed: " + result;
}

} // namespace fairtender
