// The `fairtender` command line: parses arguments, runs the engine, writes to the given
// streams and returns the exit code (0 success, 1 invalid files, 2 usage). main() is a
// thin wrapper over runCli so tests drive exactly what ships.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace fairtender::cli {

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace fairtender::cli
