// workspace set-tender (draft only), workspace import-bids (open only, all or none) and
// exclude (once locked) from the command line: exit codes and what they print.
#include "CliTestSupport.h"
#include "FileText.h"

#include <gtest/gtest.h>

namespace fairtender::cli {
namespace {

using fairtender::testing::replaced;
using testing::createOpenWorkspace;
using testing::run;
using testing::ScratchFolder;
using testing::sourcePath;

std::string sampleText(const std::string& relative) {
    return fairtender::testing::readFile(sourcePath("samples/school-meals/" + relative));
}

class WorkspaceLifecycleCommands : public ::testing::Test {
protected:
    // The school meals tender with no bids yet, ready to create a workspace from.
    void SetUp() override { folder_.write("tender/tender.xml", sampleText("tender.xml")); }

    std::string tenderFolder() const { return folder_.str() + "/tender"; }

    ScratchFolder folder_;
    std::string file_ = folder_.str() + "/meals.ftw";
};

TEST_F(WorkspaceLifecycleCommands, SetTenderInDraftChangesTheTitleTheStatusShows) {
    ASSERT_EQ(run({"workspace", "create", tenderFolder(), file_, "--as", "Ann Lee"}).exitCode, 0);
    folder_.write("revised.xml",
                  replaced(sampleText("tender.xml"), "<title>Primary school meals catering",
                           "<title>Primary and nursery school meals catering"));
    const auto done = run({"workspace", "set-tender", file_, folder_.str() + "/revised.xml", "--as",
                           "Ann Lee", "--why", "nurseries added"});
    ASSERT_EQ(done.exitCode, 0) << done.err;
    EXPECT_NE(done.out.find("tender SCC-2026-014 replaced"), std::string::npos) << done.out;
    EXPECT_NE(run({"workspace", "status", file_}).out.find("(Primary and nursery school meals"),
              std::string::npos);
    EXPECT_EQ(run({"verify", file_}).exitCode, 0);
}

TEST_F(WorkspaceLifecycleCommands, SetTenderWithAnErrorExitsOneNamingTenderXml) {
    ASSERT_EQ(run({"workspace", "create", tenderFolder(), file_, "--as", "Ann Lee"}).exitCode, 0);
    folder_.write("broken.xml", replaced(sampleText("tender.xml"), "<buyer>", "<buyer"));
    const auto refused = run({"workspace", "set-tender", file_, folder_.str() + "/broken.xml",
                              "--as", "Ann Lee", "--why", "typo"});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("tender.xml:9:"), std::string::npos) << refused.err;
}

TEST_F(WorkspaceLifecycleCommands, SetTenderAfterOpeningIsRefusedAsFrozen) {
    ASSERT_EQ(createOpenWorkspace(tenderFolder(), file_), "");
    folder_.write("late.xml", sampleText("tender.xml"));
    const auto refused = run({"workspace", "set-tender", file_, folder_.str() + "/late.xml", "--as",
                              "Ann Lee", "--why", "late change"});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("the evaluation model is frozen since the tender opened on "),
              std::string::npos)
        << refused.err;
    EXPECT_NE(refused.err.find("(by Ann Lee)"), std::string::npos) << refused.err;
}

TEST_F(WorkspaceLifecycleCommands, ImportBidsFromAFolderImportsEveryXmlFile) {
    ASSERT_EQ(createOpenWorkspace(tenderFolder(), file_), "");
    const auto done = run({"workspace", "import-bids", file_,
                           sourcePath("samples/school-meals/bids"), "--as", "Ann Lee"});
    ASSERT_EQ(done.exitCode, 0) << done.err;
    EXPECT_EQ(done.out, "imported 6 bids from 6 files into " + file_ + "\n");
    EXPECT_EQ(run({"verify", file_}).exitCode, 0);
}

TEST_F(WorkspaceLifecycleCommands, ThreeHundredFilesWithOneBadImportNoneAndNameTheLine) {
    ASSERT_EQ(createOpenWorkspace(tenderFolder(), file_), "");
    const std::string b1 = sampleText("bids/B1-irwell-kitchen.xml");
    std::vector<std::string> args{"workspace", "import-bids", file_};
    for (int n = 1; n <= 300; ++n) {
        const std::string id = "X" + std::to_string(n);
        std::string text = replaced(b1, "id=\"B1\"", "id=\"" + id + "\"");
        if (n == 150)
            text = replaced(text, "7140000.00", "7,140,000");
        folder_.write("batch/" + id + ".xml", text);
        args.push_back(folder_.str() + "/batch/" + id + ".xml");
    }
    args.insert(args.end(), {"--as", "Ann Lee"});
    const auto refused = run(args);
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("bids/X150.xml:4:10: price '7,140,000' is not an amount of money"),
              std::string::npos)
        << refused.err;
    EXPECT_NE(run({"workspace", "status", file_}).out.find("bids             0 in 0 files"),
              std::string::npos);
}

TEST_F(WorkspaceLifecycleCommands, ImportBidsInDraftIsRefusedSayingToOpenFirst) {
    ASSERT_EQ(run({"workspace", "create", tenderFolder(), file_, "--as", "Ann Lee"}).exitCode, 0);
    const auto refused =
        run({"workspace", "import-bids", file_,
             sourcePath("samples/school-meals/bids/B1-irwell-kitchen.xml"), "--as", "Ann Lee"});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("move it to open first, which freezes the model\n  to do: the lead "
                               "opens it with: fairtender advance WS.ftw --to open"),
              std::string::npos)
        << refused.err;
}

TEST_F(WorkspaceLifecycleCommands, ImportBidsWithoutAFileIsAUsageError) {
    EXPECT_EQ(run({"workspace", "import-bids", file_, "--as", "Ann Lee"}).exitCode, 2);
}

TEST_F(WorkspaceLifecycleCommands, ExcludeBeforeLockingIsRefused) {
    ASSERT_EQ(createOpenWorkspace(tenderFolder(), file_), "");
    const auto refused =
        run({"exclude", file_, "--bid", "B1", "--why", "withdrew", "--as", "Ann Lee"});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("once the results are locked; the tender is open"),
              std::string::npos)
        << refused.err;
}

TEST_F(WorkspaceLifecycleCommands, ExcludeWithoutABidIsAUsageError) {
    EXPECT_EQ(run({"exclude", file_, "--why", "withdrew", "--as", "Ann Lee"}).exitCode, 2);
}

} // namespace
} // namespace fairtender::cli
