// The database a workspace is kept in, seen through what the workspace needs of it: prepared
// statements over text and integers, a write transaction that waits its turn, and the checks
// verify makes of the database itself. Two implementations: an SQLite file (SqliteConnection)
// and a schema of a PostgreSQL database (PostgresConnection). SQL shared by both is written
// with `?` placeholders; each connection speaks its own dialect where the two differ
// (schema, guards, locks), and says which it is.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fairtender {

// A failure of the database itself (cannot connect, a statement refused, the disk full),
// with the database's own words.
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// One SQL statement compiled once and run many times: the bulk of a workspace is rows of the
// same few shapes. Every error throws StoreError.
class SqlStatement {
public:
    virtual ~SqlStatement() = default;

    // Parameters are numbered from 1. The text must stay alive until run() or the first
    // next() returns.
    virtual void bind(int index, std::string_view text) = 0;
    virtual void bind(int index, std::int64_t value) = 0;

    // Runs a statement that returns no rows, leaving it ready to be bound again.
    virtual void run() = 0;
    // Steps a query: true while there is a row; false at the end, ready to run again.
    virtual bool next() = 0;
    // Abandons a query part way, so the connection holds no read open.
    virtual void reset() = 0;

    virtual std::int64_t integer(int column) const = 0;
    virtual void text(int column, std::string& into) const = 0;
    std::string text(int column) const {
        std::string value;
        text(column, value);
        return value;
    }
};

// Resets a query however its loop ends, so an exception leaves no read open.
struct QueryScope {
    SqlStatement& query;
    ~QueryScope() { query.reset(); }
};

enum class SqlDialect { Sqlite, Postgres };

// What an attempt to start a write transaction found.
enum class WriteStart { Started, Busy, Failed };

class SqlConnection {
public:
    virtual ~SqlConnection() = default;

    virtual SqlDialect dialect() const = 0;
    // Where the workspace is, as diagnostics name it (a file path, or a URI without password).
    virtual const std::string& location() const = 0;
    // Opened for reading only: every read works, every write is refused before it starts.
    virtual bool readOnly() const = 0;

    // The statement for `sql`, compiled on first use and kept for the connection's life.
    virtual SqlStatement& statement(const std::string& sql) = 0;
    // Runs statements that take no parameters and return no rows (schema changes).
    virtual void execute(const std::string& sql) = 0;

    // A write transaction that holds the workspace's write lock from its first statement,
    // so what a command reads is what it writes over; it waits its turn while another
    // writer holds the lock. `why` says what went wrong when it did not start.
    virtual WriteStart beginWrite(std::string& why) = 0;
    // A read transaction: every statement until rollback() sees the same committed state,
    // whatever other writers commit meanwhile.
    virtual void beginRead() = 0;
    virtual void commit() = 0;
    // Undoes an open transaction; does nothing when none is open.
    virtual void rollback() noexcept = 0;

    // Settings for working on a workspace, applied once the database is known to be one
    // (an SQLite file that is not a workspace is left exactly as it was).
    virtual void configure() = 0;
    // Creates the guards that keep `audit_log` append-only (its table exists).
    virtual void guardAuditLog() = 0;

    virtual bool hasTable(const std::string& name) = 0;
    // What is wrong with the guards that keep `audit_log` append-only: one line each for a
    // guard missing, disabled or changed; empty when all hold.
    virtual std::vector<std::string> auditGuardProblems() = 0;
    // The database's own consistency check: empty when it finds nothing wrong.
    virtual std::string integrityProblem() = 0;

    // Ends the connection; for SQLite, the committed work is then all in the main file.
    virtual void close() = 0;
};

} // namespace fairtender
