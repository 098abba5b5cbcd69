#include "desktop/LoadedTender.h"

#include "desktop/DesktopPaths.h"
#include "io/xml/ReferenceData.h"

#include <exception>
#include <optional>
#include <system_error>

namespace fairtender::desktop {

namespace fs = std::filesystem;

namespace {

// The living wage table beside the templates (see loadReferenceLivingWageTable).
std::optional<LivingWageTable> loadReferenceRates(Diagnostics& warnings) {
    return loadReferenceLivingWageTable(
        templatesDirectory() / "reference" / "living-wage-rates.xml", warnings);
}

void fill(LoadedTender& loaded) {
    std::error_code error;
    if (!fs::is_directory(loaded.folder, error)) {
        loaded.diagnostics.push_back(
            errorAt({loaded.folder.string(), 0, 0},
                    "no such folder; a tender folder holds tender.xml, bid files under bids/ "
                    "and evaluations.xml"));
        return;
    }
    const auto rates = loadReferenceRates(loaded.diagnostics);
    loaded.evaluation = evaluateTenderFolder(loaded.folder, rates ? &*rates : nullptr);
    for (const auto& diagnostic : loaded.evaluation.diagnostics)
        loaded.diagnostics.push_back(diagnostic);
    if (!loaded.evaluation.ok() && !hasErrors(loaded.diagnostics))
        loaded.diagnostics.push_back(
            errorAt({loaded.folder.string(), 0, 0}, "the folder could not be evaluated"));
}

} // namespace

std::shared_ptr<const LoadedTender> loadTender(const fs::path& folder) noexcept {
    try {
        auto loaded = std::make_shared<LoadedTender>();
        std::error_code error;
        const fs::path absolute = fs::absolute(folder, error);
        loaded->folder = (error ? folder : absolute).lexically_normal();
        if (!loaded->folder.has_filename() && loaded->folder.has_parent_path())
            loaded->folder = loaded->folder.parent_path();
        try {
            fill(*loaded);
        } catch (const std::exception& failure) {
            loaded->diagnostics.push_back(
                errorAt({loaded->folder.string(), 0, 0},
                        std::string("could not evaluate the folder: ") + failure.what()));
        }
        return loaded;
    } catch (...) {
        return nullptr; // out of memory even for the message; the caller reports it
    }
}

} // namespace fairtender::desktop
