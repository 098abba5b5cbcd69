#include "CliTestSupport.h"

#include <gtest/gtest.h>

#include <sqlite3.h>

namespace fairtender::cli {
namespace {

using testing::run;
using testing::ScratchFolder;
using testing::sourcePath;

std::string createSchoolMeals(const ScratchFolder& folder) {
    const std::string file = folder.str() + "/meals.ftw";
    const auto created =
        run({"workspace", "create", sourcePath("samples/school-meals"), file, "--as", "Ann Lee"});
    EXPECT_EQ(created.exitCode, 0) << created.err;
    return file;
}

TEST(WorkspaceCommands, CreateReportsSixBidsAndSixtyScores) {
    ScratchFolder folder;
    const auto created = run({"workspace", "create", sourcePath("samples/school-meals"),
                              folder.str() + "/meals.ftw", "--as", "Ann Lee"});
    EXPECT_EQ(created.exitCode, 0) << created.err;
    EXPECT_NE(created.out.find("6 bids, 60 scores"), std::string::npos) << created.out;
}

TEST(WorkspaceCommands, CreateWithoutAsIsAUsageError) {
    ScratchFolder folder;
    const auto created = run(
        {"workspace", "create", sourcePath("samples/school-meals"), folder.str() + "/meals.ftw"});
    EXPECT_EQ(created.exitCode, 2);
}

// A draft's results are not final even when every score came with the folder.
TEST(WorkspaceCommands, ADraftWorkspaceGivesNoResultDocumentYet) {
    ScratchFolder folder;
    const std::string file = createSchoolMeals(folder);
    const auto fromWorkspace = run({"evaluate", file, "--json"});
    EXPECT_EQ(fromWorkspace.exitCode, 1);
    EXPECT_EQ(fromWorkspace.out, "");
    EXPECT_NE(fromWorkspace.err.find("are given once they are locked; the tender is at the draft "
                                     "stage"),
              std::string::npos)
        << fromWorkspace.err;
}

TEST(WorkspaceCommands, ExportedFolderEvaluatesToTheSameJson) {
    ScratchFolder folder;
    const std::string file = createSchoolMeals(folder);
    ASSERT_EQ(run({"workspace", "export", file, folder.str() + "/out"}).exitCode, 0);
    EXPECT_EQ(run({"evaluate", folder.str() + "/out", "--json"}).out,
              run({"evaluate", sourcePath("samples/school-meals"), "--json"}).out);
}

TEST(WorkspaceCommands, FreshWorkspaceVerifiesWithExitZero) {
    ScratchFolder folder;
    const auto verified = run({"verify", createSchoolMeals(folder)});
    EXPECT_EQ(verified.exitCode, 0) << verified.err;
    EXPECT_NE(verified.out.find("92 audit entries chained"), std::string::npos) << verified.out;
}

TEST(WorkspaceCommands, ScoreChangedWithSqliteFailsVerifyNamingTheEntry) {
    ScratchFolder folder;
    const std::string file = createSchoolMeals(folder);
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "UPDATE evaluator_scores SET value = '1' WHERE audit_seq = 20",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    const auto verified = run({"verify", file});
    EXPECT_EQ(verified.exitCode, 1);
    EXPECT_NE(verified.err.find("audit entry 20"), std::string::npos) << verified.err;
}

TEST(WorkspaceCommands, LogFiltersByBid) {
    ScratchFolder folder;
    const auto log = run({"log", createSchoolMeals(folder), "--bid", "B2"});
    EXPECT_EQ(log.exitCode, 0);
    EXPECT_NE(log.out.find("score.import  B2 q-menu E1"), std::string::npos) << log.out;
    EXPECT_EQ(log.out.find(" B1 "), std::string::npos);
}

TEST(WorkspaceCommands, LogFiltersByWhoAndShowsNothingForSomeoneElse) {
    ScratchFolder folder;
    const auto log = run({"log", createSchoolMeals(folder), "--who", "Bob"});
    EXPECT_EQ(log.exitCode, 0);
    EXPECT_EQ(log.out, "");
}

TEST(WorkspaceCommands, StatusShowsStateAndCounts) {
    ScratchFolder folder;
    const auto status = run({"workspace", "status", createSchoolMeals(folder)});
    EXPECT_EQ(status.exitCode, 0);
    EXPECT_NE(status.out.find("state            draft"), std::string::npos) << status.out;
    EXPECT_NE(status.out.find("scores           60"), std::string::npos) << status.out;
}

TEST(WorkspaceCommands, WorkspaceWithoutSubcommandIsAUsageError) {
    EXPECT_EQ(run({"workspace"}).exitCode, 2);
    EXPECT_EQ(run({"workspace", "frobnicate"}).exitCode, 2);
}

TEST(WorkspaceCommands, HelpCoversEveryWorkspaceCommand) {
    for (const std::vector<std::string>& args : {std::vector<std::string>{"help", "workspace"},
                                                 {"workspace", "create", "--help"},
                                                 {"workspace", "set-tender", "--help"},
                                                 {"workspace", "import-bids", "--help"},
                                                 {"help", "exclude"},
                                                 {"help", "verify"},
                                                 {"help", "log"}})
        EXPECT_EQ(run(args).exitCode, 0) << args.back();
}

TEST(WorkspaceCommands, InvalidFolderCreatesNoWorkspace) {
    ScratchFolder folder;
    folder.write("bad/tender.xml", "<tender/>");
    const auto created = run({"workspace", "create", folder.str() + "/bad",
                              folder.str() + "/bad.ftw", "--as", "Ann Lee"});
    EXPECT_EQ(created.exitCode, 1);
    EXPECT_FALSE(std::filesystem::exists(folder.path() / "bad.ftw"));
}

} // namespace
} // namespace fairtender::cli
