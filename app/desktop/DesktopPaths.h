// DesktopPaths: where the desktop app finds the shipped samples and the reference data
// beside the templates, the same way the command line finds its templates, whether it runs
// from a build tree, an installed prefix or folders named in the environment.
#pragma once

#include <filesystem>

namespace fairtender::desktop {

// FAIRTENDER_SAMPLES if set; else <executable dir>/../share/fairtender/samples if it
// exists; else the source tree's samples/ folder.
std::filesystem::path samplesDirectory();

// FAIRTENDER_TEMPLATES if set; else <executable dir>/../share/fairtender/templates if it
// exists; else the source tree's templates/ folder.
std::filesystem::path templatesDirectory();

} // namespace fairtender::desktop
