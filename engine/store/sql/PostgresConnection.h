// One tender's schema in a PostgreSQL database (libpq): statements prepared on the server,
// the `xml` columns as bytea so a file's bytes come back exactly, a write lock that makes
// writers of one tender take turns (an advisory lock held to the end of the transaction),
// and the audit log guarded by triggers and by granting the team's role only INSERT and
// SELECT on it.
#pragma once

#include "store/WorkspaceLocation.h"
#include "store/sql/SqlConnection.h"

#include <memory>

namespace fairtender {

class PostgresConnection final : public SqlConnection {
public:
    // Connects and works in the tender's schema (which need not exist yet); throws StoreError.
    explicit PostgresConnection(const WorkspaceLocation& location);
    ~PostgresConnection() override;
    PostgresConnection(const PostgresConnection&) = delete;
    PostgresConnection& operator=(const PostgresConnection&) = delete;

    bool schemaExists();
    // Creates the tender's schema; the caller holds the transaction (begin()).
    void createSchema();
    // A transaction without the write lock, for creating a workspace.
    void begin();
    // Lets `role` work on the tender: read and add rows, never change or delete them.
    void grantWriter(const std::string& role);

    SqlDialect dialect() const override { return SqlDialect::Postgres; }
    const std::string& location() const override { return shown_; }
    bool readOnly() const override { return false; }
    SqlStatement& statement(const std::string& sql) override;
    void execute(const std::string& sql) override;
    WriteStart beginWrite(std::string& why) override;
    void beginRead() override;
    void commit() override;
    void rollback() noexcept override;
    void configure() override {}
    void guardAuditLog() override;
    bool hasTable(const std::string& name) override;
    std::vector<std::string> auditGuardProblems() override;
    std::string integrityProblem() override { return {}; }
    void close() override;

    // A double-quoted SQL identifier.
    static std::string quoted(const std::string& identifier);

    // The connection and its prepared statements, kept open for the next opening of the
    // same location once this one is closed (see ConnectionPool in the .cpp).
    struct State;

private:
    std::string shown_;
    std::string schema_;
    std::string poolKey_; // the connection string and schema
    std::unique_ptr<State> state_;
};

// The PostgreSQL form of a statement of the workspace schema written for SQLite: positions
// and sequence numbers as bigint, the xml columns as bytea.
std::string postgresSchemaStatement(const std::string& sqliteStatement);

} // namespace fairtender
