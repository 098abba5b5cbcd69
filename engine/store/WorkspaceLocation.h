// Where a workspace is kept: an SQLite file (a path, "meals.ftw"), or one tender's schema in
// a PostgreSQL database, named by a libpq URI with a `tender` parameter:
//   postgresql://[user[:password]@][host][:port]/database?tender=NAME[&libpq parameters]
// for example postgresql:///fairtender?host=/run/postgresql&tender=school-meals-2026.
// NAME is lower-case letters, digits, '-' and '_', starting with a letter (at most 48); the
// tender is kept in the schema "fairtender_NAME".
#pragma once

#include "core/InputKind.h"

#include <filesystem>
#include <optional>
#include <string>

namespace fairtender {

struct WorkspaceLocation {
    enum class Kind { File, Postgres };
    Kind kind = Kind::File;
    std::filesystem::path file; // Kind::File
    std::string conninfo;       // Kind::Postgres: the URI without `tender`, for libpq
    std::string tender;         // Kind::Postgres: the tender's name
    std::string shown;          // as diagnostics name it: the path, or the URI without password

    // A path, or a URI when `text` starts with postgresql:// or postgres://. A URI without a
    // valid tender is refused, with `why` saying what must be true.
    static std::optional<WorkspaceLocation> parse(const std::string& text, std::string& why);
    static WorkspaceLocation ofFile(const std::filesystem::path& file);
    // The location of the tender `tender` in the database `databaseUri` (a postgresql://
    // URI without a tender): the URI with tender=NAME added.
    static std::string tenderUri(const std::string& databaseUri, const std::string& tender);

    // True for a tender name a URI may give (see above).
    static bool validTenderName(const std::string& name);

    bool isPostgres() const { return kind == Kind::Postgres; }
    std::string schema() const { return "fairtender_" + tender; }
};

} // namespace fairtender
