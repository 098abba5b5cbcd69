// OutputPath: where a command may write what it makes. A document never overwrites one of
// the inputs it was made from (the workspace and its SQLite companions, a tender folder's
// tender.xml, bid files and evaluations.xml), nor anything that is not a plain file.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fairtender {

// The files a workspace lives in: the file itself and its -wal, -shm and -journal companions.
std::vector<std::filesystem::path> workspaceFiles(const std::filesystem::path& workspace);

// What a tender folder is read from: tender.xml, evaluations.xml and the bids/ folder (every
// file in it counts as an input, whether it exists yet or not).
struct TenderFolderInputs {
    std::vector<std::filesystem::path> files;
    std::vector<std::filesystem::path> folders; // nothing may be written inside these
};
TenderFolderInputs tenderFolderInputs(const std::filesystem::path& folder);

// Why `out` may not be written, or nullopt when it may: it is (or is a link to) one of
// `inputFiles`, lies inside one of `inputFolders`, is a folder, or exists and is not a
// regular file (a device, a fifo, a socket). Paths are compared after resolving links and
// "..", and by identity when both exist (a hard link is the same file).
std::optional<std::string>
outputPathProblem(const std::filesystem::path& out,
                  const std::vector<std::filesystem::path>& inputFiles,
                  const std::vector<std::filesystem::path>& inputFolders = {});

// Why this process's standard output may not take the document, or nullopt: when the shell
// sent it to one of `inputFiles` (a ">> meals.ftw"), writing would append to the input.
std::optional<std::string>
standardOutputProblem(const std::vector<std::filesystem::path>& inputFiles);

} // namespace fairtender
