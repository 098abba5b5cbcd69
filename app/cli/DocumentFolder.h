// DocumentFolder: several documents written into one folder all or none (the assessment
// summaries of a tender, made here or fetched from a server): each is written into a hidden
// folder beside them first, and only once every one is there do they take their names.
#pragma once

#include "cli/Outcome.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace fairtender::cli {

// Writes one document to the file given; what went wrong, or nullopt.
using WriteDocument = std::function<std::optional<std::string>(const std::filesystem::path& file)>;

struct NamedDocument {
    std::string name; // the file name in the folder
    WriteDocument write;
};

// Writes every document into `folder` (made when missing) or none of them; a file of the
// same name already there is replaced. The failure names the document or folder concerned.
std::optional<Outcome> writeAllOrNone(const std::string& command,
                                      const std::filesystem::path& folder,
                                      const std::vector<NamedDocument>& documents);

} // namespace fairtender::cli
