#include "store/sql/PostgresConnection.h"

#include <charconv>
#include <libpq-fe.h>
#include <map>
#include <mutex>
#include <unistd.h>
#include <vector>

namespace fairtender {

namespace {

constexpr Oid kByteaOid = 17;
// How long a command waits for another writer of the same tender before it says the
// workspace is busy: as long as the SQLite store's attempts together.
constexpr const char* kLockTimeout = "60s";

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

// Owns a PGresult.
struct Result {
    PGresult* res = nullptr;
    explicit Result(PGresult* r = nullptr) : res(r) {}
    ~Result() { PQclear(res); }
    Result(const Result&) = delete;
    Result& operator=(const Result&) = delete;
    void reset(PGresult* r = nullptr) {
        PQclear(res);
        res = r;
    }
};

// The error of a failed result, with its SQLSTATE when the server gave one.
[[noreturn]] void fail(PGconn* conn, PGresult* res) {
    std::string why = res != nullptr ? PQresultErrorMessage(res) : "";
    if (why.empty())
        why = PQerrorMessage(conn);
    throw StoreError(trimmed(why));
}

bool succeeded(PGresult* res) {
    const auto status = PQresultStatus(res);
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

// `?` placeholders as PostgreSQL's $1, $2, ..., outside quoted text.
std::string numberedPlaceholders(const std::string& sql) {
    std::string out;
    int next = 1;
    bool inQuote = false;
    for (const char c : sql) {
        if (c == '\'')
            inQuote = !inQuote;
        if (c == '?' && !inQuote)
            out += "$" + std::to_string(next++);
        else
            out += c;
    }
    return out;
}

class PostgresStatement final : public SqlStatement {
public:
    PostgresStatement(PGconn* conn, const std::string& sql, int number)
        : conn_(conn), name_("fairtender_" + std::to_string(number)) {
        Result prepared(
            PQprepare(conn, name_.c_str(), numberedPlaceholders(sql).c_str(), 0, nullptr));
        if (!succeeded(prepared.res))
            fail(conn, prepared.res);
        Result described(PQdescribePrepared(conn, name_.c_str()));
        if (!succeeded(described.res))
            fail(conn, described.res);
        const int count = PQnparams(described.res);
        values_.resize(static_cast<std::size_t>(count));
        binary_.resize(static_cast<std::size_t>(count));
        for (int i = 0; i < count; ++i)
            binary_[static_cast<std::size_t>(i)] = PQparamtype(described.res, i) == kByteaOid;
    }

    void bind(int index, std::string_view text) override {
        values_.at(static_cast<std::size_t>(index - 1)).assign(text);
    }
    void bind(int index, std::int64_t value) override {
        values_.at(static_cast<std::size_t>(index - 1)) = std::to_string(value);
    }
    void run() override {
        execute();
        result_.reset();
    }
    // Rows stream one at a time (libpq's single-row mode): a query over a million audit
    // entries holds one row in memory, not all of them, and is read as the server sends it.
    bool next() override {
        if (!streaming_) {
            std::vector<const char*> values;
            std::vector<int> lengths;
            std::vector<int> formats;
            parameters(values, lengths, formats);
            if (PQsendQueryPrepared(conn_, name_.c_str(), static_cast<int>(values.size()),
                                    values.data(), lengths.data(), formats.data(), 0) == 0)
                fail(conn_, nullptr);
            PQsetSingleRowMode(conn_);
            streaming_ = true;
        }
        result_.reset(PQgetResult(conn_));
        row_ = 0;
        if (result_.res != nullptr && PQresultStatus(result_.res) == PGRES_SINGLE_TUPLE)
            return true;
        if (result_.res != nullptr && PQresultStatus(result_.res) != PGRES_TUPLES_OK) {
            const std::string why = trimmed(PQresultErrorMessage(result_.res));
            reset();
            throw StoreError(why);
        }
        reset();
        return false;
    }
    void reset() override {
        result_.reset();
        // What is left of a query abandoned part way is read and dropped, so the connection
        // is free for the next statement.
        if (streaming_)
            while (PGresult* rest = PQgetResult(conn_))
                PQclear(rest);
        streaming_ = false;
    }
    ~PostgresStatement() override { reset(); }
    std::int64_t integer(int column) const override {
        const char* text = PQgetvalue(result_.res, row_, column);
        std::int64_t value = 0;
        std::from_chars(text, text + PQgetlength(result_.res, row_, column), value);
        return value;
    }
    void text(int column, std::string& into) const override {
        const char* text = PQgetvalue(result_.res, row_, column);
        if (PQftype(result_.res, column) != kByteaOid) {
            into.assign(text, static_cast<std::size_t>(PQgetlength(result_.res, row_, column)));
            return;
        }
        std::size_t size = 0;
        unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &size);
        if (bytes == nullptr)
            throw StoreError("cannot decode a stored file's bytes");
        into.assign(reinterpret_cast<const char*>(bytes), size);
        PQfreemem(bytes);
    }
    using SqlStatement::text;

private:
    void parameters(std::vector<const char*>& values, std::vector<int>& lengths,
                    std::vector<int>& formats) const {
        for (std::size_t i = 0; i < values_.size(); ++i) {
            values.push_back(values_[i].c_str());
            lengths.push_back(static_cast<int>(values_[i].size()));
            formats.push_back(binary_[i] ? 1 : 0);
        }
    }

    void execute() {
        std::vector<const char*> values;
        std::vector<int> lengths;
        std::vector<int> formats;
        parameters(values, lengths, formats);
        result_.reset(PQexecPrepared(conn_, name_.c_str(), static_cast<int>(values.size()),
                                     values.data(), lengths.data(), formats.data(), 0));
        if (!succeeded(result_.res)) {
            PGresult* failed = result_.res;
            result_.res = nullptr;
            Result owned(failed);
            fail(conn_, owned.res);
        }
    }

    PGconn* conn_;
    std::string name_;
    std::vector<std::string> values_;
    std::vector<bool> binary_; // bytea parameters are sent as their bytes
    Result result_;
    int row_ = -1;
    bool streaming_ = false; // a query's rows are still coming
};

// The guards of the audit log: one function refusing the change, on three triggers (TRUNCATE
// needs its own: it fires no row trigger).
constexpr const char* kGuardFunctionBody =
    " BEGIN RAISE EXCEPTION 'the audit log is append-only: entries are never %', "
    "CASE TG_OP WHEN 'UPDATE' THEN 'updated' WHEN 'DELETE' THEN 'deleted' "
    "ELSE 'truncated' END; END ";
const char* const kGuards[][2] = {
    {"audit_log_no_update", "BEFORE UPDATE ON audit_log FOR EACH ROW"},
    {"audit_log_no_delete", "BEFORE DELETE ON audit_log FOR EACH ROW"},
    {"audit_log_no_truncate", "BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT"},
};

} // namespace

struct PostgresConnection::State {
    PGconn* conn = nullptr;
    std::map<std::string, std::unique_ptr<PostgresStatement>, std::less<>> statements;
    int prepared = 0;
    bool inTransaction = false;
    pid_t owner = ::getpid(); // the process that opened the connection
};

namespace {

// Connections kept open between the workspaces one process opens one after another (a
// server opens a tender for each request): PostgreSQL starts a process for each new
// connection, which costs more than a read of the tender itself. A connection goes back
// idle, with its prepared statements and settings, only when no transaction is open on it;
// it is taken again only by the process that opened it (a forked child opens its own) and
// after a round trip shows it still answers. At most kIdlePerLocation wait per location.
class ConnectionPool {
public:
    static constexpr std::size_t kIdlePerLocation = 16;

    // A forked child leaves its parent's connections alone: closing one would end it for
    // the parent too.
    ~ConnectionPool() {
        for (auto& [key, states] : idle_)
            for (auto& state : states)
                if (state->owner == ::getpid())
                    PQfinish(state->conn);
    }

    std::unique_ptr<PostgresConnection::State> take(const std::string& key) {
        const std::lock_guard lock(mutex_);
        auto& states = idle_[key];
        while (!states.empty()) {
            std::unique_ptr<PostgresConnection::State> state = std::move(states.back());
            states.pop_back();
            if (state->owner == ::getpid() && answers(state->conn))
                return state;
            if (state->owner == ::getpid())
                PQfinish(state->conn);
        }
        return nullptr;
    }

    // Keeps `state` for the next opening of `key`, or closes it.
    void give(const std::string& key, std::unique_ptr<PostgresConnection::State> state) {
        if (state->conn == nullptr)
            return;
        state->inTransaction = false;
        if (state->owner == ::getpid() && PQstatus(state->conn) == CONNECTION_OK &&
            PQtransactionStatus(state->conn) == PQTRANS_IDLE) {
            const std::lock_guard lock(mutex_);
            auto& states = idle_[key];
            if (states.size() < kIdlePerLocation) {
                states.push_back(std::move(state));
                return;
            }
        }
        if (state->owner != ::getpid())
            return;
        state->statements.clear();
        PQfinish(state->conn);
    }

private:
    static bool answers(PGconn* conn) {
        if (PQstatus(conn) != CONNECTION_OK || PQtransactionStatus(conn) != PQTRANS_IDLE)
            return false;
        PGresult* result = PQexec(conn, "SELECT 1");
        const bool ok = PQresultStatus(result) == PGRES_TUPLES_OK;
        PQclear(result);
        return ok;
    }

    std::mutex mutex_;
    std::map<std::string, std::vector<std::unique_ptr<PostgresConnection::State>>> idle_;
};

ConnectionPool& pool() {
    static ConnectionPool connections;
    return connections;
}

} // namespace

std::string PostgresConnection::quoted(const std::string& identifier) {
    std::string out = "\"";
    for (const char c : identifier)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

PostgresConnection::PostgresConnection(const WorkspaceLocation& location)
    : shown_(location.shown), schema_(location.schema()),
      poolKey_(location.conninfo + '\n' + location.schema()) {
    state_ = pool().take(poolKey_);
    if (state_)
        return;
    state_ = std::make_unique<State>();
    state_->conn = PQconnectdb(location.conninfo.c_str());
    if (state_->conn == nullptr || PQstatus(state_->conn) != CONNECTION_OK) {
        const std::string why =
            state_->conn ? trimmed(PQerrorMessage(state_->conn)) : std::string("out of memory");
        PQfinish(state_->conn);
        state_->conn = nullptr;
        throw StoreError(why);
    }
    PQsetNoticeProcessor(
        state_->conn, [](void*, const char*) {}, nullptr);
    execute("SET search_path TO " + quoted(schema_) + "; SET lock_timeout = '" + kLockTimeout +
            "'; SET client_encoding = 'UTF8'");
}

PostgresConnection::~PostgresConnection() {
    close();
}

void PostgresConnection::close() {
    if (!state_)
        return;
    for (auto& [sql, statement] : state_->statements)
        statement->reset();
    pool().give(poolKey_, std::move(state_));
}

SqlStatement& PostgresConnection::statement(const std::string& sql) {
    const auto found = state_->statements.find(sql);
    if (found != state_->statements.end())
        return *found->second;
    auto compiled = std::make_unique<PostgresStatement>(state_->conn, sql, ++state_->prepared);
    return *state_->statements.emplace(sql, std::move(compiled)).first->second;
}

void PostgresConnection::execute(const std::string& sql) {
    Result result(PQexec(state_->conn, sql.c_str()));
    if (!succeeded(result.res))
        fail(state_->conn, result.res);
}

void PostgresConnection::begin() {
    execute("BEGIN");
    state_->inTransaction = true;
}

WriteStart PostgresConnection::beginWrite(std::string& why) {
    try {
        begin();
        // One lock per tender: its writers take turns, other tenders' writers do not wait.
        SqlStatement& lock =
            statement("SELECT pg_advisory_xact_lock(hashtext(current_setting('search_path')))");
        QueryScope scope{lock};
        lock.next();
        return WriteStart::Started;
    } catch (const StoreError& e) {
        why = e.what();
        rollback();
        return why.find("lock timeout") != std::string::npos ? WriteStart::Busy
                                                             : WriteStart::Failed;
    }
}

void PostgresConnection::beginRead() {
    execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    state_->inTransaction = true;
}

void PostgresConnection::commit() {
    state_->inTransaction = false;
    execute("COMMIT");
}

void PostgresConnection::rollback() noexcept {
    if (!state_ || state_->conn == nullptr || PQtransactionStatus(state_->conn) == PQTRANS_IDLE)
        return;
    PQclear(PQexec(state_->conn, "ROLLBACK"));
    state_->inTransaction = false;
}

bool PostgresConnection::schemaExists() {
    SqlStatement& select = statement("SELECT COUNT(*) FROM pg_namespace WHERE nspname = ?");
    QueryScope scope{select};
    select.bind(1, std::string_view(schema_));
    return select.next() && select.integer(0) > 0;
}

void PostgresConnection::createSchema() {
    execute("CREATE SCHEMA " + quoted(schema_));
}

void PostgresConnection::grantWriter(const std::string& role) {
    const std::string schema = quoted(schema_);
    execute("GRANT USAGE ON SCHEMA " + schema + " TO " + quoted(role) +
            "; GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA " + schema + " TO " + quoted(role));
}

bool PostgresConnection::hasTable(const std::string& name) {
    SqlStatement& select = statement("SELECT COUNT(*) FROM pg_tables WHERE schemaname = "
                                     "current_schema() AND tablename = ?");
    QueryScope scope{select};
    select.bind(1, std::string_view(name));
    return select.next() && select.integer(0) > 0;
}

void PostgresConnection::guardAuditLog() {
    execute(std::string("CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE "
                        "plpgsql AS $guard$") +
            kGuardFunctionBody + "$guard$");
    for (const auto& [name, when] : kGuards)
        execute(std::string("CREATE TRIGGER ") + name + " " + when +
                " EXECUTE FUNCTION audit_log_append_only()");
    // Nobody but the owner may change the log directly; the triggers stop the owner too.
    execute("REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC");
}

std::vector<std::string> PostgresConnection::auditGuardProblems() {
    std::vector<std::string> problems;
    const auto guard = [](const std::string& name) {
        return "the audit log's append-only guard " + name;
    };
    SqlStatement& select = statement(
        "SELECT t.tgenabled, pg_get_triggerdef(t.oid), p.prosrc, pn.nspname = current_schema() "
        "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = "
        "c.relnamespace JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_namespace pn ON pn.oid = "
        "p.pronamespace WHERE n.nspname = current_schema() AND c.relname = 'audit_log' AND "
        "t.tgname = ?");
    for (const auto& [name, when] : kGuards) {
        QueryScope scope{select};
        select.bind(1, std::string_view(name));
        if (!select.next()) {
            problems.push_back(guard(name) + " is missing: it was dropped outside fairtender, so "
                                             "entries may have been changed");
            continue;
        }
        const std::string enabled = select.text(0);
        const std::string definition = select.text(1);
        if (enabled != "O" && enabled != "A")
            problems.push_back(guard(name) + " is disabled: it was switched off outside "
                                             "fairtender, so entries may have been changed");
        if (definition.find(std::string(when).substr(0, std::string(when).find(" ON "))) ==
                std::string::npos ||
            select.text(2) != kGuardFunctionBody || select.text(3) != "t")
            problems.push_back(guard(name) + " was changed outside fairtender, so entries may "
                                             "have been changed");
    }
    SqlStatement& grants = statement(
        "SELECT DISTINCT grantee FROM information_schema.role_table_grants WHERE table_schema = "
        "current_schema() AND table_name = 'audit_log' AND privilege_type IN ('UPDATE', "
        "'DELETE', 'TRUNCATE') AND grantee <> (SELECT pg_get_userbyid(relowner) FROM pg_class "
        "WHERE oid = 'audit_log'::regclass) ORDER BY grantee");
    QueryScope scope{grants};
    while (grants.next())
        problems.push_back("the role " + grants.text(0) +
                           " may change or delete audit log entries: only INSERT and SELECT may "
                           "be granted on it");
    return problems;
}

std::string postgresSchemaStatement(const std::string& sqliteStatement) {
    std::string sql = sqliteStatement;
    const auto replaceAll = [&sql](const std::string& from, const std::string& to) {
        for (auto at = sql.find(from); at != std::string::npos; at = sql.find(from, at + to.size()))
            sql.replace(at, from.size(), to);
    };
    replaceAll("INTEGER", "BIGINT");
    replaceAll("xml TEXT", "xml BYTEA");
    return sql;
}

} // namespace fairtender
