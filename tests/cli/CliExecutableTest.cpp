// The shipped `fairtender` binary run as a user would: exit codes as a shell sees them,
// and standard output left empty when the files are invalid.
#include "CliTestSupport.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace fairtender::cli {
namespace {

using testing::sourcePath;
using testing::TempFolder;

struct ProcessRun {
    int exitCode = -1;
    std::string out;
};

// Runs the binary with `arguments` (already shell-quoted), standard error discarded.
ProcessRun runExecutable(const std::string& arguments) {
    const std::string command =
        std::string("'") + FAIRTENDER_CLI_EXECUTABLE + "' " + arguments + " 2>/dev/null";
    ProcessRun result;
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

TEST(CliExecutable, ValidSampleExitsZero) {
    const auto result = runExecutable("validate '" + sourcePath("samples/school-meals") + "'");
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_NE(result.out.find("is valid"), std::string::npos) << result.out;
}

TEST(CliExecutable, InvalidFolderExitsOneWithEmptyStdout) {
    TempFolder folder;
    folder.write("tender.xml", "<tender>");
    const auto result = runExecutable("evaluate '" + folder.str() + "' --json");
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.out.empty()) << result.out;
}

TEST(CliExecutable, UnknownCommandExitsTwo) {
    const auto result = runExecutable("frobnicate");
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.out.empty());
}

} // namespace
} // namespace fairtender::cli
