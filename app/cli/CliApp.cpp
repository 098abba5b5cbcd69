#include "cli/CliApp.h"

#include <ostream>

namespace fairtender::cli {

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    (void)args;
    (void)out;
    err << "fairtender: not yet available\n";
    return 2;
}

} // namespace fairtender::cli
