#include "cli/DocumentFolder.h"

#include <atomic>
#include <random>

namespace fairtender::cli {

namespace fs = std::filesystem;

namespace {

std::string uniqueSuffix() {
    static std::atomic<unsigned> counter{0};
    std::random_device device;
    return std::to_string(device() % 1000000) + "-" + std::to_string(counter++);
}

} // namespace

std::optional<Outcome> writeAllOrNone(const std::string& command, const fs::path& folder,
                                      const std::vector<NamedDocument>& documents) {
    // A new folder is the staging folder renamed; into an existing one the files are moved
    // once all are written.
    const fs::path target = folder.lexically_normal();
    std::error_code ec;
    const bool exists = fs::exists(target, ec);
    if (exists && !fs::is_directory(target, ec))
        return Outcome::failure(command, "cannot write into " + target.string() +
                                             ": it is a file, not a folder");
    fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (target.filename().empty())
        parent = target;
    if (!exists && !fs::is_directory(parent, ec))
        fs::create_directories(parent, ec);
    if (ec)
        return Outcome::failure(command, "cannot create " + parent.string() + ": " + ec.message());
    const fs::path staging =
        (exists ? target : parent) / ("." + command + ".tmp-" + uniqueSuffix());
    fs::create_directory(staging, ec);
    if (ec)
        return Outcome::failure(command, "cannot write into " +
                                             (exists ? target : parent).string() + ": " +
                                             ec.message());
    const auto discard = [&](const std::string& message) {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        return Outcome::failure(command, message);
    };
    for (const auto& document : documents)
        if (const auto error = document.write(staging / document.name))
            return discard(*error);
    if (!exists) {
        fs::rename(staging, target, ec);
        if (ec)
            return discard("cannot create " + target.string() + ": " + ec.message());
        return std::nullopt;
    }
    for (const auto& document : documents) {
        fs::rename(staging / document.name, target / document.name, ec);
        if (ec)
            return discard("cannot move " + document.name + " into " + target.string() + ": " +
                           ec.message());
    }
    fs::remove_all(staging, ec);
    return std::nullopt;
}

} // namespace fairtender::cli
