// `fairtender report`, `summaries` and `ocds` run as the shipped binary on the school meals
// sample taken to awarded, with no display and no Qt platform set: the PDFs and the JSON
// written, and the refusals when the tender is not locked yet.
#include "AwardedWorkspace.h"
#include "CliTestSupport.h"
#include "ShellCommand.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

namespace fairtender::cli {
namespace {

namespace fs = std::filesystem;
using fairtender::testing::runShell;
using fairtender::testing::ScratchFolder;
using fairtender::testing::ShellRun;
using fairtender::testing::takeThroughLifecycle;
using testing::run;
using testing::sourcePath;

// Standard output and standard error together.
ShellRun shell(const std::string& command) {
    return runShell(command + " 2>&1");
}

// The binary as a server runs it: no display, no Qt platform chosen.
ShellRun fairtender(const std::string& arguments) {
    return shell(std::string("env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM '") +
                 FAIRTENDER_CLI_EXECUTABLE + "' " + arguments);
}

class ReportCommands : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        scratch_ = new ScratchFolder;
        takeThroughLifecycle(sourcePath("samples/school-meals"), scratch_->path());
    }
    static void TearDownTestSuite() { delete scratch_; }

    static std::string ws() { return (scratch_->path() / "ws.ftw").string(); }
    static fs::path path(const std::string& name) { return scratch_->path() / name; }

    static ScratchFolder* scratch_;
};

ScratchFolder* ReportCommands::scratch_ = nullptr;

TEST_F(ReportCommands, ReportWritesTheAwardReportWithoutADisplay) {
    const auto result =
        fairtender("report '" + ws() + "' --pdf '" + path("award.pdf").string() + "'");
    ASSERT_EQ(result.exitCode, 0) << result.out;
    EXPECT_NE(result.out.find("Wrote the award report of SCC-2026-014 to"), std::string::npos)
        << result.out;
    const auto text = shell("pdftotext '" + path("award.pdf").string() + "' -");
    EXPECT_NE(text.out.find("82.44"), std::string::npos);
}

TEST_F(ReportCommands, SummariesWritesOnePdfPerSupplierIntoANewFolder) {
    const fs::path out = path("out") / "summaries";
    const auto result = fairtender("summaries '" + ws() + "' --out '" + out.string() + "'");
    ASSERT_EQ(result.exitCode, 0) << result.out;
    for (const char* bid : {"B1", "B2", "B3", "B4", "B5", "B6"})
        EXPECT_TRUE(fs::exists(out / (std::string(bid) + "-assessment-summary.pdf"))) << bid;
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(path("out")))
        ++entries;
    EXPECT_EQ(entries, 1u); // the folder itself, no temporary folder left beside it
}

TEST_F(ReportCommands, SummariesIntoAnExistingFolderKeepItsOtherFiles) {
    fs::create_directories(path("existing"));
    std::ofstream(path("existing") / "notes.txt") << "kept";
    const auto result =
        fairtender("summaries '" + ws() + "' --out '" + path("existing").string() + "'");
    ASSERT_EQ(result.exitCode, 0) << result.out;
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(path("existing")))
        ++entries;
    EXPECT_EQ(entries, 7u); // notes.txt and six summaries, no temporary folder
    EXPECT_TRUE(fs::exists(path("existing") / "B6-assessment-summary.pdf"));
}

TEST_F(ReportCommands, ReportWithoutPdfIsAUsageError) {
    const auto result = run({"report", ws()});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("missing --pdf OUT.pdf"), std::string::npos) << result.err;
}

TEST_F(ReportCommands, SummariesIntoAFileFailsAndWritesNothing) {
    std::ofstream(path("taken")) << "x";
    const auto result =
        fairtender("summaries '" + ws() + "' --out '" + path("taken").string() + "'");
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.out.find("it is a file, not a folder"), std::string::npos) << result.out;
}

TEST_F(ReportCommands, OcdsPrintsAPackageThatParsesAsJson) {
    const auto result = shell(std::string("'") + FAIRTENDER_CLI_EXECUTABLE + "' ocds '" + ws() +
                              "' | /usr/bin/python3 -c 'import json,sys; "
                              "print(json.load(sys.stdin)[\"releases\"][0][\"ocid\"])'");
    EXPECT_EQ(result.exitCode, 0) << result.out;
    EXPECT_EQ(result.out, "ocds-fairtender-SCC-2026-014\n");
}

TEST_F(ReportCommands, OcdsOutWritesTheSamePackageToAFile) {
    const auto printed =
        run({"ocds", ws(), "--published", "2025-12-19T09:00:00Z", "--ocid-prefix", "ocds-abc123-"});
    ASSERT_EQ(printed.exitCode, 0) << printed.err;
    EXPECT_NE(printed.out.find("\"ocid\": \"ocds-abc123-SCC-2026-014\""), std::string::npos);
    const auto written = run({"ocds", ws(), "--out", path("release.json").string(), "--published",
                              "2025-12-19T09:00:00Z", "--ocid-prefix", "ocds-abc123-"});
    ASSERT_EQ(written.exitCode, 0) << written.err;
    std::ifstream file(path("release.json"));
    const std::string content((std::istreambuf_iterator<char>(file)), {});
    EXPECT_EQ(content, printed.out);
}

TEST(ReportCommandsStage, EveryDocumentIsRefusedBeforeTheResultsAreLocked) {
    ScratchFolder scratch;
    takeThroughLifecycle(sourcePath("samples/school-meals"), scratch.path(),
                         LifecycleState::Moderation);
    const std::string ws = (scratch.path() / "ws.ftw").string();
    const std::string pdf = (scratch.path() / "early.pdf").string();
    const auto report = fairtender("report '" + ws + "' --pdf '" + pdf + "'");
    EXPECT_EQ(report.exitCode, 1);
    EXPECT_NE(report.out.find("this tender is at the moderation stage"), std::string::npos)
        << report.out;
    EXPECT_FALSE(fs::exists(pdf));
    const auto summaries = run({"summaries", ws, "--out", (scratch.path() / "s").string()});
    EXPECT_EQ(summaries.exitCode, 1);
    EXPECT_FALSE(fs::exists(scratch.path() / "s"));
    const auto ocds = run({"ocds", ws});
    EXPECT_EQ(ocds.exitCode, 1);
    EXPECT_TRUE(ocds.out.empty());
}

TEST(ReportCommandsHelp, EachCommandHasHelpWithAnExample) {
    for (const char* command : {"report", "summaries", "ocds"}) {
        const auto help = run({"help", command});
        EXPECT_EQ(help.exitCode, 0);
        EXPECT_NE(help.out.find("fairtender " + std::string(command) + " meals.ftw"),
                  std::string::npos)
            << command;
    }
}

} // namespace
} // namespace fairtender::cli
