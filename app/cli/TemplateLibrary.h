// TemplateLibrary: the tender templates shipped with fairtender (templates/*.xml) and
// the reference data beside them (templates/reference/), found the same way whether
// fairtender runs from a build tree, an installed prefix or a FAIRTENDER_TEMPLATES folder.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fairtender::cli {

struct TemplateInfo {
    std::string name; // file name without .xml: "community-wealth-building"
    std::filesystem::path file;
    std::string title;   // the <title>, or empty
    std::string summary; // first sentence of the leading XML comment, or empty
};

// FAIRTENDER_TEMPLATES if set; else <executable dir>/../share/fairtender/templates if it
// exists; else the source tree's templates/ folder.
std::filesystem::path templatesDirectory();

// <templates>/reference/living-wage-rates.xml
std::filesystem::path livingWageRatesFile(const std::filesystem::path& templates);

// Every *.xml directly in `templates` (not reference/), sorted by name; empty if the folder
// cannot be read.
std::vector<TemplateInfo> listTemplates(const std::filesystem::path& templates);

// The template called `name` ("social-value-model" or "social-value-model.xml"); nullopt
// if there is none (names with a path separator never match).
std::optional<TemplateInfo> findTemplate(const std::filesystem::path& templates,
                                         std::string_view name);

// The title and summary of a template document's text.
TemplateInfo describeTemplate(std::string_view xml);

} // namespace fairtender::cli
