// The SQLite file of a workspace (*.ftw): WAL journal, full sync, a busy timeout so that
// writers take turns, and a read-only open for a file or folder that cannot be written.
#pragma once

#include "store/sql/SqlConnection.h"

#include <filesystem>
#include <memory>

namespace fairtender {

class SqliteConnection final : public SqlConnection {
public:
    enum class Mode { ReadWrite, ReadOnly };

    // Opens (ReadWrite: creating if missing) the file; throws StoreError.
    SqliteConnection(const std::filesystem::path& file, Mode mode);
    ~SqliteConnection() override;
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    // Whether `file` would be opened ReadOnly: it, or its folder, cannot be written.
    static bool mustReadOnly(const std::filesystem::path& file);
    static bool folderWritable(const std::filesystem::path& file);

    SqlDialect dialect() const override { return SqlDialect::Sqlite; }
    const std::string& location() const override { return location_; }
    bool readOnly() const override { return mode_ == Mode::ReadOnly; }
    SqlStatement& statement(const std::string& sql) override;
    void execute(const std::string& sql) override;
    WriteStart beginWrite(std::string& why) override;
    void beginRead() override;
    void commit() override;
    void rollback() noexcept override;
    void configure() override;
    void guardAuditLog() override;
    bool hasTable(const std::string& name) override;
    std::vector<std::string> auditGuardProblems() override;
    std::string integrityProblem() override;
    void close() override;

private:
    struct State;
    std::string location_;
    Mode mode_;
    std::unique_ptr<State> state_;
};

} // namespace fairtender
