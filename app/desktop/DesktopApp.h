// DesktopApp: the desktop executable's whole behaviour behind its thin main(): command
// line options, application identity for settings, the main window, and a screenshot mode
// that opens a folder, saves a picture of a screen and quits (for docs and tests).
#pragma once

namespace fairtender::desktop {

// Runs the application; returns the process exit code (0 success, 1 a screenshot could not
// be taken or saved, 2 bad options).
int runDesktop(int argc, char** argv);

} // namespace fairtender::desktop
