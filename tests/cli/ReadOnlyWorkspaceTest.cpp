// A workspace that cannot be written (a file of mode 444 in a folder of mode 555, as on
// read-only media or an archive share) is still read, evaluated, verified and reported on;
// only a change is refused, and it says why.
#include "AwardedWorkspace.h"
#include "CliTestSupport.h"
#include "ShellCommand.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <unistd.h>

namespace fairtender::cli {
namespace {

namespace fs = std::filesystem;
using fairtender::testing::runShell;
using fairtender::testing::ScratchFolder;
using fairtender::testing::ShellRun;
using fairtender::testing::takeThroughLifecycle;
using testing::sourcePath;

class ReadOnlyWorkspace : public ::testing::Test {
protected:
    void SetUp() override {
        // The superuser writes whatever the modes say, so the commands run as nobody then,
        // from copies that nobody can reach.
        const fs::path bin = scratch_ / "bin";
        fs::create_directories(bin);
        fs::copy_file(FAIRTENDER_CLI_EXECUTABLE, bin / "fairtender");
        fs::copy(sourcePath("templates"), scratch_ / "templates", fs::copy_options::recursive);
        const fs::path archive = scratch_ / "archive";
        fs::create_directories(archive);
        takeThroughLifecycle(sourcePath("samples/school-meals"), archive);
        for (const auto& entry : fs::recursive_directory_iterator(scratch_.path()))
            fs::permissions(entry.path(), entry.is_directory() ? fs::perms(0755) : fs::perms(0644));
        fs::permissions(bin / "fairtender", fs::perms(0755));
        fs::permissions(scratch_.path(), fs::perms(0755));
        fs::create_directories(scratch_ / "out");
        fs::permissions(scratch_ / "out", fs::perms::all); // where the documents go
        workspace_ = archive / "ws.ftw";
        fs::permissions(workspace_, fs::perms(0444));
        fs::permissions(archive, fs::perms(0555));
    }
    void TearDown() override { fs::permissions(scratch_ / "archive", fs::perms(0755)); }

    ShellRun fairtender(const std::string& arguments) const {
        const std::string asNobody =
            ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
        return runShell("cd '" + scratch_.str() + "' && " + asNobody +
                        "env FAIRTENDER_TEMPLATES='" + scratch_.str() +
                        "/templates' QT_QPA_PLATFORM=offscreen '" + scratch_.str() +
                        "/bin/fairtender' " + arguments + " 2>&1");
    }

    ScratchFolder scratch_;
    fs::path workspace_;
};

TEST_F(ReadOnlyWorkspace, IsVerifiedEvaluatedAndListedWithoutWritingAByte) {
    const auto before = fs::last_write_time(workspace_);
    const std::string ws = "'" + workspace_.string() + "'";
    const auto verified = fairtender("verify " + ws);
    EXPECT_EQ(verified.exitCode, 0) << verified.out;
    EXPECT_NE(verified.out.find("verified: "), std::string::npos) << verified.out;
    for (const std::string& command :
         {"evaluate " + ws, "evaluate " + ws + " --json", "workspace status " + ws, "log " + ws}) {
        const auto shown = fairtender(command);
        EXPECT_EQ(shown.exitCode, 0) << command << ": " << shown.out;
    }
    EXPECT_EQ(fs::last_write_time(workspace_), before);
    EXPECT_FALSE(fs::exists(workspace_.string() + "-wal"));
}

TEST_F(ReadOnlyWorkspace, GivesItsDocumentsElsewhere) {
    const std::string ws = "'" + workspace_.string() + "'";
    const auto ocds = fairtender("ocds " + ws + " --out out/release.json");
    EXPECT_EQ(ocds.exitCode, 0) << ocds.out;
    EXPECT_TRUE(fs::exists(scratch_ / "out/release.json"));
    const auto report = fairtender("report " + ws + " --pdf out/award-report.pdf");
    EXPECT_EQ(report.exitCode, 0) << report.out;
    EXPECT_TRUE(fs::exists(scratch_ / "out/award-report.pdf"));
}

TEST_F(ReadOnlyWorkspace, RefusesAChangeSayingItIsReadOnly) {
    const auto refused = fairtender("exclude '" + workspace_.string() +
                                    "' --bid B2 --why 'withdrew' --as 'Ann Lee'");
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.out.find("is read-only here (the file or its folder cannot be written): it "
                               "can be read, evaluated, verified and reported on, but not changed"),
              std::string::npos)
        << refused.out;
}

} // namespace
} // namespace fairtender::cli
