// AtomicFile: replacing a file so that a reader sees either the old content or the new,
// never a part: the bytes go to a temporary file beside the target, are flushed to disk,
// and the temporary is renamed over the target.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace fairtender {

// A fresh hidden name beside `target` for its temporary copy: ".<name>.tmp-<6 hex digits>".
std::filesystem::path temporaryNameFor(const std::filesystem::path& target);

// Writes `bytes` to `target` atomically. Returns nullopt on success, else what went wrong
// ("cannot write /x/tender.xml: No space left on device"); the target is then unchanged and
// no temporary file is left behind. A target that is a symbolic link stays one: the file it
// leads to gets the new content.
std::optional<std::string> writeFileAtomically(const std::filesystem::path& target,
                                               std::string_view bytes);

// The same for a file a library writes itself (it opens and closes the file): `write` makes
// the whole file at the temporary path it is given and returns false when it could not (its
// own problems say why); the file is then flushed to disk and renamed over `target`.
// Returns nullopt when `target` was replaced; an empty string when `write` failed; else why
// the flush or the rename failed. On any failure the temporary is removed and `target` is
// as it was.
std::optional<std::string>
replaceFileWith(const std::filesystem::path& target,
                const std::function<bool(const std::filesystem::path& temporary)>& write);

} // namespace fairtender
