// InputKind: what a path given as a tender's input is, so that every command can tell a
// person who gave a workspace where a folder was wanted (or a folder's tender.xml where the
// folder was wanted) what they gave and what to give instead, rather than failing on the
// wrong kind of file with the wrong advice.
#pragma once

#include <filesystem>
#include <string>

namespace fairtender {

enum class InputKind {
    Missing,   // nothing at the path
    Folder,    // a directory: a tender folder, if it holds tender.xml
    Workspace, // a regular file that starts as an SQLite database does, or a postgresql:// URI
    OtherFile, // any other file: a tender.xml, a bid file, a document
};

InputKind inputKindOf(const std::filesystem::path& path);

// Whether `text` names a workspace in a PostgreSQL database (postgresql:// or postgres://)
// rather than a path.
bool isPostgresLocation(const std::string& text);

// Why `path` is not a tender folder, in words that say what it is and what to give
// instead; empty when it is a folder.
std::string notATenderFolder(const std::filesystem::path& path);
// Why `path` is not a workspace file, likewise; empty when it is one.
std::string notAWorkspace(const std::filesystem::path& path);

} // namespace fairtender
