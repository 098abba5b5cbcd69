#include "core/InputKind.h"

#include <array>
#include <cstring>
#include <fstream>

namespace fs = std::filesystem;

namespace fairtender {

bool isPostgresLocation(const std::string& text) {
    return text.starts_with("postgresql://") || text.starts_with("postgres://");
}

InputKind inputKindOf(const fs::path& path) {
    if (isPostgresLocation(path.string()))
        return InputKind::Workspace;
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (!fs::exists(status))
        return InputKind::Missing;
    if (fs::is_directory(status))
        return InputKind::Folder;
    if (!fs::is_regular_file(status))
        return InputKind::OtherFile;
    // The first 16 bytes of every SQLite database file.
    static constexpr char kSqliteHeader[] = "SQLite format 3";
    std::array<char, sizeof kSqliteHeader> head{};
    std::ifstream file(path, std::ios::binary);
    file.read(head.data(), static_cast<std::streamsize>(head.size()));
    if (file.gcount() == static_cast<std::streamsize>(head.size()) &&
        std::memcmp(head.data(), kSqliteHeader, head.size()) == 0)
        return InputKind::Workspace;
    return InputKind::OtherFile;
}

std::string notATenderFolder(const fs::path& path) {
    switch (inputKindOf(path)) {
    case InputKind::Folder:
        return {};
    case InputKind::Missing:
        return "no such folder; a tender folder holds tender.xml, bid files under bids/ and "
               "evaluations.xml";
    case InputKind::Workspace:
        return "is a workspace file, not a tender folder: give the folder it was made from, or "
               "write the workspace out as a folder first";
    case InputKind::OtherFile:
        break;
    }
    if (path.filename() == "tender.xml")
        return "is the tender file, not its folder: give the folder that holds it (" +
               (path.parent_path().empty() ? std::string(".") : path.parent_path().string()) + ")";
    return "is a file, not a tender folder: give the folder that holds tender.xml, bids/ and "
           "evaluations.xml";
}

std::string notAWorkspace(const fs::path& path) {
    switch (inputKindOf(path)) {
    case InputKind::Workspace:
        return {};
    case InputKind::Missing:
        return "no such workspace file (a workspace is created from a tender folder)";
    case InputKind::Folder:
        return "is a folder, not a workspace file: a workspace is one .ftw file, created from a "
               "tender folder";
    case InputKind::OtherFile:
        break;
    }
    return "is not a workspace file (a workspace is an .ftw file created from a tender folder)";
}

} // namespace fairtender
