// The two workspace stores the store suite runs on: an SQLite file in a scratch folder, and
// a tender of its own in the test PostgreSQL cluster (tests/support/postgres-cluster.sh).
// Under ctest the cluster is started once for the run and named by the file that
// FAIRTENDER_TEST_POSTGRES gives; a test executable run on its own starts one for itself and
// stops it at exit.
#pragma once

#include "ScratchFolder.h"
#include "store/WorkspaceLocation.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <string>
#include <unistd.h>

#ifndef FAIRTENDER_SOURCE_DIR
#error "FAIRTENDER_SOURCE_DIR must name the source tree"
#endif

namespace fairtender::testing {

enum class Store { Sqlite, Postgres };

inline std::string storeName(const ::testing::TestParamInfo<Store>& info) {
    return info.param == Store::Sqlite ? "SQLite" : "PostgreSQL";
}

namespace detail {

inline std::string readUriFile(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string uri;
    std::getline(in, uri);
    return uri;
}

inline const std::filesystem::path& ownClusterFile() {
    static const std::filesystem::path file =
        std::filesystem::temp_directory_path() /
        ("fairtender-pg-" + std::to_string(::getpid()) + ".uri");
    return file;
}

inline void stopOwnCluster() {
    const std::string command = std::string(FAIRTENDER_SOURCE_DIR) +
                                "/tests/support/postgres-cluster.sh stop " +
                                ownClusterFile().string();
    [[maybe_unused]] const int ignored = std::system(command.c_str());
}

} // namespace detail

// The test cluster's URI without a tender: postgresql:///fairtender?host=...&user=postgres.
inline const std::string& postgresBase() {
    static const std::string base = [] {
        if (const char* file = std::getenv("FAIRTENDER_TEST_POSTGRES"))
            if (std::filesystem::exists(file))
                return detail::readUriFile(file);
        const std::string command = std::string(FAIRTENDER_SOURCE_DIR) +
                                    "/tests/support/postgres-cluster.sh start " +
                                    detail::ownClusterFile().string() + " >/dev/null";
        if (std::system(command.c_str()) != 0)
            return std::string();
        std::atexit(detail::stopOwnCluster);
        return detail::readUriFile(detail::ownClusterFile());
    }();
    return base;
}

// A location no workspace has used yet: a file in `scratch`, or a new tender's name.
inline std::filesystem::path freshLocation(Store store, const ScratchFolder& scratch,
                                           const std::string& name = "meals") {
    if (store == Store::Sqlite)
        return scratch / (name + ".ftw");
    static std::atomic<int> counter{0};
    return postgresBase() + "&tender=t" + std::to_string(::getpid()) + "-" +
           std::to_string(counter++) + "-" + name;
}

// `location` with the PostgreSQL user replaced by `user` (a file is returned as it is).
inline std::filesystem::path asUser(const std::filesystem::path& location,
                                    const std::string& user) {
    std::string text = location.string();
    const auto at = text.find("user=");
    if (at == std::string::npos)
        return location;
    const auto end = text.find('&', at);
    return text.replace(at, end == std::string::npos ? std::string::npos : end - at,
                        "user=" + user);
}

// SQL that gives the stored file `column` with `from` replaced by `to`: a text column in
// SQLite, the file's bytes (bytea) in PostgreSQL.
inline std::string sqlReplacingInFile(const std::filesystem::path& location,
                                      const std::string& column, const std::string& from,
                                      const std::string& to) {
    if (!isPostgresLocation(location.string()))
        return "replace(" + column + ", '" + from + "', '" + to + "')";
    return "convert_to(replace(convert_from(" + column + ", 'UTF8'), '" + from + "', '" + to +
           "'), 'UTF8')";
}

// Runs `sql` on the workspace behind fairtender's back, as the file's owner (the plain
// sqlite3 library) or the database's superuser (plain libpq, in the tender's schema);
// returns "" or the database's error text.
inline std::string runSql(const std::filesystem::path& location, const std::string& sql) {
    std::string why;
    const auto where = WorkspaceLocation::parse(location.string(), why);
    if (!where)
        return why;
    if (!where->isPostgres()) {
        sqlite3* db = nullptr;
        if (sqlite3_open(location.c_str(), &db) != SQLITE_OK) {
            sqlite3_close(db);
            return "cannot open";
        }
        char* error = nullptr;
        const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
        std::string message = rc == SQLITE_OK ? "" : (error ? error : "error");
        sqlite3_free(error);
        sqlite3_close(db);
        return message;
    }
    PGconn* conn = PQconnectdb(where->conninfo.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string message = PQerrorMessage(conn);
        PQfinish(conn);
        return message;
    }
    const std::string full = "SET search_path TO \"" + where->schema() + "\"; " + sql;
    PGresult* result = PQexec(conn, full.c_str());
    const auto status = PQresultStatus(result);
    std::string message = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK
                              ? std::string()
                              : std::string(PQresultErrorMessage(result));
    PQclear(result);
    PQfinish(conn);
    return message;
}

// A new, empty database in the test cluster, as a URI without a tender: for what keeps one
// schema per database (the server's accounts). Empty when it could not be made.
inline std::string freshDatabase(const std::string& name) {
    static std::atomic<int> counter{0};
    const std::string database =
        "db" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" + name;
    PGconn* conn = PQconnectdb(postgresBase().c_str());
    PGresult* result = PQexec(conn, ("CREATE DATABASE \"" + database + "\"").c_str());
    const bool made = PQresultStatus(result) == PGRES_COMMAND_OK;
    PQclear(result);
    PQfinish(conn);
    if (!made)
        return {};
    std::string uri = postgresBase();
    const auto slash = uri.find("/fairtender");
    return uri.replace(slash, std::string("/fairtender").size(), "/" + database);
}

} // namespace fairtender::testing
