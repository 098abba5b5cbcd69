#include "desktop/DesktopPaths.h"

#include <cstdlib>
#include <system_error>

namespace fairtender::desktop {

namespace fs = std::filesystem;

namespace {

fs::path locate(const char* variable, const char* installedName, const char* sourceFallback) {
    if (const char* fromEnvironment = std::getenv(variable);
        fromEnvironment != nullptr && *fromEnvironment != '\0')
        return fs::path(fromEnvironment);
    std::error_code error;
    const fs::path executable = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        const fs::path installed =
            executable.parent_path() / ".." / "share" / "fairtender" / installedName;
        if (fs::is_directory(installed, error))
            return installed.lexically_normal();
    }
    return fs::path(sourceFallback);
}

} // namespace

fs::path samplesDirectory() {
    return locate("FAIRTENDER_SAMPLES", "samples", FAIRTENDER_SOURCE_SAMPLES_DIR);
}

fs::path templatesDirectory() {
    return locate("FAIRTENDER_TEMPLATES", "templates", FAIRTENDER_SOURCE_TEMPLATES_DIR);
}

} // namespace fairtender::desktop
