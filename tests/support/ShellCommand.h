// Running a shell command from a test and keeping what it printed: the shipped binaries,
// and the independent checks (pdftotext, python3-openpyxl, LibreOffice). The caller says
// where standard error goes by adding " 2>&1" or " 2>/dev/null" to the command.
#pragma once

#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace fairtender::testing {

struct ShellRun {
    int exitCode = -1; // -1 when the command could not be started or did not exit
    std::string out;   // standard output
};

inline ShellRun runShell(const std::string& command) {
    ShellRun result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr)
        return result;
    char buffer[4096];
    std::size_t read = 0;
    while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        result.out.append(buffer, read);
    const int status = ::pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

} // namespace fairtender::testing
