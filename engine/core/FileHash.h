// File fingerprints for provenance: the SHA-256 of every input file, so an auditor can
// check that a result or a spreadsheet was computed from exactly these files.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace fairtender {

// One input file by the name a reader finds it under and the SHA-256 of its bytes.
struct InputFileHash {
    std::string name; // "tender.xml", "bids/B1-irwell-kitchen.xml", "evaluations.xml"
    std::string sha256;
};

// The SHA-256 of the file's bytes as 64 lower-case hex digits; nullopt if it cannot be read.
std::optional<std::string> sha256Hex(const std::filesystem::path& file);

// The SHA-256 of `bytes` as 64 lower-case hex digits: sha256HexOf("abc") == "ba7816bf...".
std::string sha256HexOf(std::string_view bytes);

} // namespace fairtender
