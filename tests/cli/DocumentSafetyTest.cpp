// The documents of an award are never made from a record that fails verification, never
// written over one of their own inputs, and never left half written: a full disk or a
// closed standard output fails the command and keeps the earlier file.
#include "AwardedWorkspace.h"
#include "CliTestSupport.h"
#include "DocumentText.h"
#include "FileText.h"
#include "ShellCommand.h"
#include "core/FileHash.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sqlite3.h>
#include <string>
#include <sys/stat.h>

namespace fairtender::cli {
namespace {

namespace fs = std::filesystem;
using fairtender::testing::provenanceFilesOf;
using fairtender::testing::readFile;
using fairtender::testing::runShell;
using fairtender::testing::ScratchFolder;
using fairtender::testing::ShellRun;
using fairtender::testing::takeThroughLifecycle;
using testing::run;
using testing::sourcePath;

void execute(const fs::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error != nullptr ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << message;
}

// The binary as a user runs it, standard error folded into the output.
ShellRun fairtender(const std::string& arguments, const std::string& limits = {}) {
    return runShell("env -u DISPLAY -u QT_QPA_PLATFORM bash -c \"trap '' XFSZ; " + limits +
                    " exec '" + FAIRTENDER_CLI_EXECUTABLE + "' " + arguments + "\" 2>&1");
}

class DocumentSafety : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        scratch_ = new ScratchFolder;
        takeThroughLifecycle(sourcePath("samples/school-meals"), scratch_->path());
    }
    static void TearDownTestSuite() { delete scratch_; }

    // A copy of the awarded workspace, for a test that damages it.
    static fs::path copyOfWorkspace(const ScratchFolder& into) {
        const fs::path copy = into / "ws.ftw";
        fs::copy_file(scratch_->path() / "ws.ftw", copy);
        return copy;
    }
    static std::string ws() { return (scratch_->path() / "ws.ftw").string(); }

    static ScratchFolder* scratch_;
};

ScratchFolder* DocumentSafety::scratch_ = nullptr;

// Each document command on `workspace`, writing into `out`: its name and its arguments.
std::vector<std::pair<std::string, std::vector<std::string>>>
documentCommands(const fs::path& ws, const fs::path& out) {
    return {{"report", {"report", ws.string(), "--pdf", (out / "award.pdf").string()}},
            {"summaries", {"summaries", ws.string(), "--out", (out / "summaries").string()}},
            {"ocds", {"ocds", ws.string(), "--out", (out / "release.json").string()}},
            {"export", {"export", ws.string(), "--xlsx", (out / "scorecard.xlsx").string()}}};
}

TEST_F(DocumentSafety, AChangedConsensusRowStopsEveryDocumentAndNamesTheRow) {
    const ScratchFolder copy;
    const fs::path damaged = copyOfWorkspace(copy);
    execute(damaged, "UPDATE consensus_scores SET value = '1' WHERE bid_id = 'B2' AND "
                     "criterion_id = 'q-menu'");
    for (const auto& [name, args] : documentCommands(damaged, copy.path())) {
        const auto result = run(args);
        EXPECT_EQ(result.exitCode, 1) << name << ": " << result.err;
        EXPECT_NE(result.err.find("fails verification, so no document is made from it"),
                  std::string::npos)
            << name << ": " << result.err;
        EXPECT_NE(result.err.find("consensus_scores row B2 q-menu"), std::string::npos)
            << name << ": " << result.err;
    }
    for (const char* written : {"award.pdf", "summaries", "release.json", "scorecard.xlsx"})
        EXPECT_FALSE(fs::exists(copy / written)) << written;
}

TEST_F(DocumentSafety, AnAuditEntryRewrittenWithItsTriggersDroppedNamesTheBrokenEntry) {
    const ScratchFolder copy;
    const fs::path damaged = copyOfWorkspace(copy);
    execute(damaged,
            "DROP TRIGGER audit_log_no_update; "
            "UPDATE consensus_scores SET value = '1' WHERE bid_id = 'B2' AND criterion_id = "
            "'q-menu'; "
            "UPDATE audit_log SET after_text = REPLACE(after_text, 'value=\"4\"', 'value=\"1\"') "
            "WHERE seq = (SELECT MAX(audit_seq) FROM consensus_scores WHERE bid_id = 'B2' AND "
            "criterion_id = 'q-menu')");
    const auto result = run({"ocds", damaged.string()});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(result.out, "") << "no part of the package reaches standard output";
    EXPECT_NE(result.err.find("audit log broken at entry"), std::string::npos) << result.err;
}

TEST_F(DocumentSafety, AVerifiedWorkspaceStillGivesItsDocuments) {
    const ScratchFolder out;
    const auto result = run({"ocds", ws(), "--out", (out / "release.json").string()});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(fs::exists(out / "release.json"));
}

TEST_F(DocumentSafety, TheReportIsNeverWrittenOverTheWorkspaceOrItsCompanions) {
    const ScratchFolder copy;
    const fs::path workspace = copyOfWorkspace(copy);
    const std::string before = readFile(workspace);
    for (const std::string& target :
         {workspace.string(), workspace.string() + "-wal", workspace.string() + "-shm"}) {
        const auto result = run({"report", workspace.string(), "--pdf", target});
        EXPECT_EQ(result.exitCode, 1) << target;
        EXPECT_NE(result.err.find("an input of this document"), std::string::npos) << result.err;
    }
    const auto ocds = run({"ocds", workspace.string(), "--out", workspace.string()});
    EXPECT_EQ(ocds.exitCode, 1) << ocds.err;
    const auto exported = run({"export", workspace.string(), "--xlsx", workspace.string()});
    EXPECT_EQ(exported.exitCode, 1) << exported.err;
    EXPECT_EQ(readFile(workspace), before);
    EXPECT_FALSE(fs::exists(workspace.string() + "-wal") &&
                 fs::file_size(workspace.string() + "-wal") > 0 && readFile(workspace) != before);
}

TEST_F(DocumentSafety, ALinkToTheWorkspaceUnderAnotherNameIsRefusedToo) {
    const ScratchFolder copy;
    const fs::path workspace = copyOfWorkspace(copy);
    fs::create_symlink(workspace, copy / "looks-new.pdf");
    fs::create_hard_link(workspace, copy / "hard-link.json");
    EXPECT_EQ(
        run({"report", workspace.string(), "--pdf", (copy / "looks-new.pdf").string()}).exitCode,
        1);
    EXPECT_EQ(
        run({"ocds", workspace.string(), "--out", (copy / "hard-link.json").string()}).exitCode, 1);
    EXPECT_EQ(run({"verify", workspace.string()}).exitCode, 0);
}

TEST_F(DocumentSafety, AnOutputThatIsALinkToAnotherFileWritesThatFileAndKeepsTheLink) {
    const ScratchFolder out;
    {
        std::ofstream old(out / "release-2026.json");
        old << "old";
    }
    fs::create_symlink("release-2026.json", out / "latest.json");
    ASSERT_EQ(run({"ocds", ws(), "--out", (out / "latest.json").string()}).exitCode, 0);
    EXPECT_TRUE(fs::is_symlink(out / "latest.json"));
    EXPECT_EQ(readFile(out / "release-2026.json").rfind("{", 0), 0u) << "the package went there";
    fs::create_symlink("scorecard-2026.xlsx", out / "scorecard.xlsx");
    ASSERT_EQ(run({"export", ws(), "--xlsx", (out / "scorecard.xlsx").string()}).exitCode, 0);
    EXPECT_TRUE(fs::is_symlink(out / "scorecard.xlsx"));
    EXPECT_TRUE(fs::is_regular_file(out / "scorecard-2026.xlsx"));
}

TEST_F(DocumentSafety, StandardOutputAppendedToTheWorkspaceIsRefusedAndLeavesItWhole) {
    const ScratchFolder copy;
    const fs::path workspace = copyOfWorkspace(copy);
    const auto size = fs::file_size(workspace);
    for (const std::string& command :
         {"ocds '" + workspace.string() + "'", "evaluate '" + workspace.string() + "' --json"}) {
        const auto result = fairtender(command + " >> '" + workspace.string() + "'");
        EXPECT_EQ(result.exitCode, 1) << command;
        EXPECT_NE(result.out.find("cannot write standard output: standard output is"),
                  std::string::npos)
            << result.out;
    }
    EXPECT_EQ(fs::file_size(workspace), size);
    EXPECT_EQ(run({"verify", workspace.string()}).exitCode, 0);
}

TEST_F(DocumentSafety, TheScorecardIsNeverWrittenOverAFileOfTheTenderFolder) {
    const ScratchFolder folder;
    testing::writeSmallTender(folder);
    const std::string tender = readFile(folder / "tender.xml");
    for (const std::string& target :
         {(folder / "tender.xml").string(), (folder / "bids/bids.xml").string(),
          (folder / "bids/new-bid.xml").string(), (folder / "evaluations.xml").string(),
          folder.str() + "/bids/../tender.xml"}) {
        const auto result = run({"export", folder.str(), "--xlsx", target});
        EXPECT_EQ(result.exitCode, 1) << target << " was accepted";
    }
    EXPECT_EQ(readFile(folder / "tender.xml"), tender);
    EXPECT_FALSE(fs::exists(folder / "bids/new-bid.xml"));
    EXPECT_FALSE(fs::exists(folder / "evaluations.xml"));
    // Beside the inputs is fine: many keep the scorecard with the tender.
    EXPECT_EQ(
        run({"export", folder.str(), "--xlsx", (folder / "scorecard.xlsx").string()}).exitCode, 0);
}

TEST_F(DocumentSafety, ADeviceOrAFifoIsNotADocument) {
    const ScratchFolder out;
    const auto device = run({"report", ws(), "--pdf", "/dev/null"});
    EXPECT_EQ(device.exitCode, 1);
    EXPECT_NE(device.err.find("is not a regular file"), std::string::npos) << device.err;
    ASSERT_EQ(::mkfifo((out / "pipe").c_str(), 0600), 0);
    const auto fifo = run({"ocds", ws(), "--out", (out / "pipe").string()});
    EXPECT_EQ(fifo.exitCode, 1);
    EXPECT_NE(fifo.err.find("is not a regular file"), std::string::npos) << fifo.err;
}

// A file size limit stands in for a full disk: the write fails part way with EFBIG. The
// limits leave room for SQLite's 32 KiB shared-memory file beside the workspace.
TEST_F(DocumentSafety, AReportOnAFullDiskFailsAndKeepsTheEarlierFile) {
    const ScratchFolder out;
    out.write("award.pdf", "the earlier report");
    const auto result = fairtender(
        "report '" + ws() + "' --pdf '" + (out / "award.pdf").string() + "'", "ulimit -f 64;");
    EXPECT_EQ(result.exitCode, 1) << result.out;
    EXPECT_NE(result.out.find("File too large"), std::string::npos) << result.out;
    EXPECT_EQ(readFile(out / "award.pdf"), "the earlier report");
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(out.path()))
        ++files;
    EXPECT_EQ(files, 1u) << "no temporary file is left behind";
}

TEST_F(DocumentSafety, AWorkspaceScorecardHashesTheStoredInputsNotFilesOnDisk) {
    const ScratchFolder out;
    ASSERT_EQ(run({"export", ws(), "--xlsx", (out / "scorecard.xlsx").string()}).exitCode, 0);
    ASSERT_EQ(run({"workspace", "export", ws(), (out / "inputs").string()}).exitCode, 0);
    const std::string listed = provenanceFilesOf(out / "scorecard.xlsx");
    EXPECT_EQ(listed.find("(unreadable)"), std::string::npos) << listed;
    const std::string tenderHash = sha256Hex(out / "inputs" / "tender.xml").value_or("?");
    EXPECT_NE(listed.find("tender.xml " + tenderHash), std::string::npos) << listed;
    const std::string bidHash =
        sha256Hex(out / "inputs" / "bids" / "B1-irwell-kitchen.xml").value_or("?");
    EXPECT_NE(listed.find("bids/B1-irwell-kitchen.xml " + bidHash), std::string::npos) << listed;
}

TEST_F(DocumentSafety, AScorecardOnAFullDiskFailsAndKeepsTheEarlierFile) {
    const ScratchFolder out;
    out.write("scorecard.xlsx", "the earlier scorecard");
    const auto result =
        fairtender("export '" + ws() + "' --xlsx '" + (out / "scorecard.xlsx").string() + "'",
                   "ulimit -f 36;");
    EXPECT_EQ(result.exitCode, 1) << result.out;
    EXPECT_EQ(readFile(out / "scorecard.xlsx"), "the earlier scorecard");
}

TEST_F(DocumentSafety, SummariesOnAFullDiskWriteNoneOfThem) {
    const ScratchFolder out;
    const auto result = fairtender(
        "summaries '" + ws() + "' --out '" + (out / "summaries").string() + "'", "ulimit -f 33;");
    EXPECT_EQ(result.exitCode, 1) << result.out;
    EXPECT_FALSE(fs::exists(out / "summaries"));
}

TEST_F(DocumentSafety, AFullStandardOutputFailsTheCommand) {
    for (const std::string& command : {"ocds '" + ws() + "'", "evaluate '" + ws() + "' --json",
                                       "evaluate '" + sourcePath("samples/school-meals") + "'"}) {
        const auto result = fairtender(command + " > /dev/full");
        EXPECT_EQ(result.exitCode, 1) << command;
        EXPECT_NE(result.out.find("cannot write standard output"), std::string::npos) << result.out;
    }
}

} // namespace
} // namespace fairtender::cli
