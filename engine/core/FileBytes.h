// FileBytes: a whole file read as it is on disk, for the readers that parse or store what a
// file holds; whoever calls says what to do when it cannot be read.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace fairtender {

// Every byte of `file`, unchanged; nullopt when it cannot be opened or a read fails.
std::optional<std::string> readFileBytes(const std::filesystem::path& file);

} // namespace fairtender
