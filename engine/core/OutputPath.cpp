#include "core/OutputPath.h"

#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace fairtender {

namespace fs = std::filesystem;

namespace {

fs::path resolved(const fs::path& path) {
    std::error_code error;
    fs::path absolute = fs::weakly_canonical(fs::absolute(path, error), error);
    return error ? fs::absolute(path).lexically_normal() : absolute;
}

bool sameFile(const fs::path& a, const fs::path& b) {
    std::error_code error;
    if (fs::exists(a, error) && fs::exists(b, error)) {
        const bool same = fs::equivalent(a, b, error);
        if (!error)
            return same;
    }
    return resolved(a) == resolved(b);
}

bool inside(const fs::path& path, const fs::path& folder) {
    const fs::path relative = resolved(path).lexically_relative(resolved(folder));
    return !relative.empty() && relative != "." && *relative.begin() != "..";
}

} // namespace

std::vector<fs::path> workspaceFiles(const fs::path& workspace) {
    std::vector<fs::path> files{workspace};
    for (const char* suffix : {"-wal", "-shm", "-journal"})
        files.emplace_back(workspace.string() + suffix);
    return files;
}

TenderFolderInputs tenderFolderInputs(const fs::path& folder) {
    return {{folder / "tender.xml", folder / "evaluations.xml"}, {folder / "bids"}};
}

std::optional<std::string> outputPathProblem(const fs::path& out,
                                             const std::vector<fs::path>& inputFiles,
                                             const std::vector<fs::path>& inputFolders) {
    if (out.empty() || out.filename().empty())
        return "give a file name to write";
    std::error_code error;
    const fs::file_status status = fs::status(out, error);
    if (fs::is_directory(status))
        return out.string() + " is a folder: give the name of a file to write";
    if (fs::exists(status) && !fs::is_regular_file(status))
        return out.string() +
               " is not a regular file (a device, a fifo or a socket): write to a file instead";
    for (const auto& input : inputFiles)
        if (sameFile(out, input))
            return out.string() + " is " + input.string() +
                   ", an input of this document: writing there would destroy it; choose another "
                   "file name";
    for (const auto& folder : inputFolders)
        if (inside(out, folder))
            return out.string() + " is inside " + folder.string() +
                   ", which holds the inputs of this document: choose a file outside it";
    return std::nullopt;
}

std::optional<std::string> standardOutputProblem(const std::vector<fs::path>& inputFiles) {
    struct stat out {};
    if (::fstat(STDOUT_FILENO, &out) != 0 || !S_ISREG(out.st_mode))
        return std::nullopt;
    for (const auto& input : inputFiles) {
        struct stat in {};
        if (::stat(input.c_str(), &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
            return "standard output is " + input.string() +
                   ", an input of this document: writing there would damage it; send it to "
                   "another file";
    }
    return std::nullopt;
}

} // namespace fairtender
