// The shipped `fairtender` binary run as a user would: exit codes as a shell sees them,
// and standard output left empty when the files are invalid.
#include "CliTestSupport.h"
#include "ShellCommand.h"

#include <gtest/gtest.h>

#include <string>

namespace fairtender::cli {
namespace {

using fairtender::testing::runShell;
using fairtender::testing::ShellRun;
using testing::ScratchFolder;
using testing::sourcePath;

// Runs the binary with `arguments` (already shell-quoted), standard error discarded.
ShellRun runExecutable(const std::string& arguments) {
    return runShell(std::string("'") + FAIRTENDER_CLI_EXECUTABLE + "' " + arguments +
                    " 2>/dev/null");
}

TEST(CliExecutable, ValidSampleExitsZero) {
    const auto result = runExecutable("validate '" + sourcePath("samples/school-meals") + "'");
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_NE(result.out.find("is valid"), std::string::npos) << result.out;
}

TEST(CliExecutable, InvalidFolderExitsOneWithEmptyStdout) {
    ScratchFolder folder;
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
