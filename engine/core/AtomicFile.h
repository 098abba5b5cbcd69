// AtomicFile: replacing a file so that a reader sees either the old content or the new,
// never a part: the bytes go to a temporary file beside the target, are flushed to disk,
// and the temporary is renamed over the target.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace fairtender {

// The file a write to `out` replaces: `out` itself, or, when `out` is a symbolic link, the
// file its links lead to (which may not exist yet), so the link stays a link and the file
// it names gets the new content. At most 40 links are followed, as the system does.
std::filesystem::path replacedFileOf(const std::filesystem::path& out);

// A fresh hidden name beside `target` for its temporary copy: ".<name>.tmp-<6 hex digits>".
std::filesystem::path temporaryNameFor(const std::filesystem::path& target);

// Writes `bytes` to `target` atomically (to replacedFileOf(target)). Returns nullopt on success,
// else what went wrong
// ("cannot write /x/tender.xml: No space left on device"); the target is then unchanged and
// no temporary file is left behind.
std::optional<std::string> writeFileAtomically(const std::filesystem::path& target,
                                               std::string_view bytes);

// Flushes a file written by someone else's writer (a library that closed it) to disk, so a
// rename over a target cannot leave the new name on content still in memory. Returns nullopt
// on success, else what went wrong.
std::optional<std::string> flushFileToDisk(const std::filesystem::path& file);

} // namespace fairtender
