// ServerCommand: what `fairtender-server` does with its arguments: `init` creates the first
// administrator of a new server, and serving (the default) opens the stores and answers the
// API until told to stop.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace fairtender::server {

// The --help text.
std::string serverHelpText();

// Runs the command given by `args` (without the program's name). `waitForStop` blocks
// until the process is asked to end (SIGTERM, SIGINT). `passwordInput` is where --password-
// stdin reads from. Returns the exit code: 0 done, 1 failed, 2 usage.
int runServerCommand(const std::vector<std::string>& args, std::istream& passwordInput,
                     std::ostream& out, std::ostream& err,
                     const std::function<void()>& waitForStop);

} // namespace fairtender::server
