#include "store/Workspace.h"

#include "WorkspaceTestSupport.h"
#include "core/FileHash.h"
#include "io/json/ResultJson.h"
#include "pipeline/FolderEvaluation.h"

#include <gtest/gtest.h>

#include <fstream>

namespace fairtender {
namespace {

using testing::kSourceDir;
using testing::referenceRates;
using testing::runSql;
using testing::ScratchFolder;

std::string jsonOf(const FolderEvaluation& evaluation) {
    return evaluation.result ? toJson(*evaluation.result) : "(no result)";
}

Workspace createSample(const ScratchFolder& scratch, const std::string& sample) {
    auto created = Workspace::createFromFolder(
        kSourceDir / "samples" / sample, scratch / (sample + ".ftw"), "alice", referenceRates());
    EXPECT_TRUE(created.ok()) << (created.diagnostics.empty()
                                      ? std::string("?")
                                      : created.diagnostics.front().toString());
    return std::move(*created.workspace);
}

class SampleRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(SampleRoundTrip, ExportedFolderEvaluatesToTheSameJson) {
    ScratchFolder scratch;
    const auto original =
        evaluateTenderFolder(kSourceDir / "samples" / GetParam(), referenceRates());
    ASSERT_TRUE(original.ok());
    const Workspace workspace = createSample(scratch, GetParam());
    ASSERT_TRUE(workspace.exportToFolder(scratch / "exported").empty());
    const auto exported = evaluateTenderFolder(scratch / "exported", referenceRates());
    ASSERT_TRUE(exported.ok());
    EXPECT_EQ(jsonOf(exported), jsonOf(original));
}

TEST_P(SampleRoundTrip, WorkspaceEvaluatesToTheSameJsonAsItsFolder) {
    ScratchFolder scratch;
    const auto original =
        evaluateTenderFolder(kSourceDir / "samples" / GetParam(), referenceRates());
    const Workspace workspace = createSample(scratch, GetParam());
    EXPECT_EQ(jsonOf(workspace.evaluate(referenceRates())), jsonOf(original));
}

TEST_P(SampleRoundTrip, FreshWorkspaceVerifies) {
    ScratchFolder scratch;
    const Workspace workspace = createSample(scratch, GetParam());
    const VerifyReport report = workspace.verify(referenceRates());
    EXPECT_TRUE(report.ok()) << report.problems.front().toString();
    EXPECT_GT(report.entriesChecked, 3u);
}

// A workspace copied into PostgreSQL is the same workspace: the same results, the same
// audit log (so the same head hash) and the same files back.
TEST_P(SampleRoundTrip, ACopyInPostgresEvaluatesAndVerifiesAsTheFileWithTheSameHeadHash) {
    ScratchFolder scratch;
    const Workspace file = createSample(scratch, GetParam());
    const auto copy = testing::freshLocation(testing::Store::Postgres, scratch, "copy");
    ASSERT_TRUE(file.copyTo(copy).empty());
    auto opened = Workspace::open(copy);
    ASSERT_TRUE(opened.ok()) << opened.diagnostics.front().toString();
    EXPECT_EQ(jsonOf(opened.workspace->evaluate(referenceRates())),
              jsonOf(file.evaluate(referenceRates())));
    const VerifyReport fromFile = file.verify(referenceRates());
    const VerifyReport fromCopy = opened.workspace->verify(referenceRates());
    ASSERT_TRUE(fromCopy.ok()) << fromCopy.problems.front().toString();
    EXPECT_EQ(fromCopy.headHash, fromFile.headHash);
    EXPECT_EQ(fromCopy.rowsChecked, fromFile.rowsChecked);
    ASSERT_TRUE(opened.workspace->exportToFolder(scratch / "exported").empty());
    const auto sample = kSourceDir / "samples" / GetParam();
    std::vector<std::filesystem::path> stored{"tender.xml"};
    for (const auto& entry : std::filesystem::directory_iterator(sample / "bids"))
        stored.push_back(std::filesystem::path("bids") / entry.path().filename());
    for (const auto& relative : stored)
        EXPECT_EQ(sha256Hex(scratch / "exported" / relative), sha256Hex(sample / relative))
            << relative;
}

INSTANTIATE_TEST_SUITE_P(Samples, SampleRoundTrip,
                         ::testing::Values("school-meals", "home-care", "highways-maintenance"));

TEST(Workspace, ExportedTenderAndBidFilesAreByteForByteTheOriginals) {
    ScratchFolder scratch;
    const Workspace workspace = createSample(scratch, "school-meals");
    ASSERT_TRUE(workspace.exportToFolder(scratch / "out").empty());
    const auto sample = kSourceDir / "samples/school-meals";
    EXPECT_EQ(sha256Hex(scratch / "out/tender.xml"), sha256Hex(sample / "tender.xml"));
    EXPECT_EQ(sha256Hex(scratch / "out/bids/B1-irwell-kitchen.xml"),
              sha256Hex(sample / "bids/B1-irwell-kitchen.xml"));
}

TEST(Workspace, StatusCountsSchoolMealsRecords) {
    ScratchFolder scratch;
    const Workspace workspace = createSample(scratch, "school-meals");
    const WorkspaceStatus status = workspace.status();
    EXPECT_EQ(status.schemaVersion, 5);
    EXPECT_EQ(status.bids, 6u);
    EXPECT_EQ(status.bidDocuments, 6u);
    EXPECT_EQ(status.state, "draft");
    // tender + 6 bid files + records + lifecycle + results.
    EXPECT_EQ(status.auditEntries, 1 + 6 + status.scores + status.consensus +
                                       status.deliverability + status.abnormallyLowDecisions + 2);
    EXPECT_EQ(status.headHash.size(), 64u);
}

TEST(Workspace, InvalidFolderLeavesNoFile) {
    ScratchFolder scratch;
    std::filesystem::create_directories(scratch / "bad/bids");
    auto created = Workspace::createFromFolder(scratch / "bad", scratch / "bad.ftw", "alice");
    EXPECT_FALSE(created.ok());
    EXPECT_TRUE(hasErrors(created.diagnostics));
    EXPECT_FALSE(std::filesystem::exists(scratch / "bad.ftw"));
}

TEST(Workspace, ExistingFileIsNeverOverwritten) {
    ScratchFolder scratch;
    createSample(scratch, "school-meals");
    const auto before = sha256Hex(scratch / "school-meals.ftw");
    auto again = Workspace::createFromFolder(kSourceDir / "samples/school-meals",
                                             scratch / "school-meals.ftw", "bob", referenceRates());
    EXPECT_FALSE(again.ok());
    EXPECT_EQ(sha256Hex(scratch / "school-meals.ftw"), before);
}

TEST(Workspace, NewerSchemaIsRefusedAndTheFileLeftUnchanged) {
    ScratchFolder scratch;
    { createSample(scratch, "school-meals"); }
    const auto file = scratch / "school-meals.ftw";
    ASSERT_EQ(runSql(file, "UPDATE schema_version SET version = 6"), "");
    const auto before = sha256Hex(file);
    auto opened = Workspace::open(file);
    ASSERT_FALSE(opened.ok());
    EXPECT_NE(opened.diagnostics.front().message.find(
                  "this workspace was written by a newer fairtender (schema 6; this build reads "
                  "up to 5): open it with a newer version; nothing was changed"),
              std::string::npos)
        << opened.diagnostics.front().message;
    EXPECT_EQ(sha256Hex(file), before);
}

TEST(Workspace, FileThatIsNotAWorkspaceIsRefused) {
    ScratchFolder scratch;
    std::ofstream(scratch / "notes.ftw") << "not a database";
    auto opened = Workspace::open(scratch / "notes.ftw");
    EXPECT_FALSE(opened.ok());
}

TEST(Workspace, MissingFileIsNotCreatedByOpen) {
    ScratchFolder scratch;
    EXPECT_FALSE(Workspace::open(scratch / "none.ftw").ok());
    EXPECT_FALSE(std::filesystem::exists(scratch / "none.ftw"));
}

TEST(Workspace, ExportIntoANonEmptyFolderIsRefused) {
    ScratchFolder scratch;
    const Workspace workspace = createSample(scratch, "home-care");
    std::filesystem::create_directories(scratch / "busy");
    std::ofstream(scratch / "busy/keep.txt") << "x";
    EXPECT_TRUE(hasErrors(workspace.exportToFolder(scratch / "busy")));
    EXPECT_FALSE(std::filesystem::exists(scratch / "busy/tender.xml"));
}

} // namespace
} // namespace fairtender

namespace fairtender {
namespace {

TEST(WorkspaceExpectedHead, ACommandAgainstAnOlderHeadIsRefusedAndWritesNothing) {
    ScratchFolder scratch;
    Workspace ws = createSample(scratch, "school-meals");
    const std::string seen = ws.status().headHash;
    ASSERT_TRUE(ws.addPanelMember("alice", "alice", PanelRole::Lead).ok());
    const std::size_t entries = ws.status().auditEntries;
    ws.expectHead(seen);
    const CommandOutcome refused = ws.addPanelMember("alice", "raj", PanelRole::Evaluator);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems.front().code, "tender.head-changed");
    EXPECT_EQ(ws.status().auditEntries, entries);
    // The expectation is for one command: the next goes ahead.
    EXPECT_TRUE(ws.addPanelMember("alice", "raj", PanelRole::Evaluator).ok());
}

TEST(WorkspaceHead, IsTheLastEntrysHashAsAnotherWriterLeftIt) {
    ScratchFolder scratch;
    Workspace ws = createSample(scratch, "school-meals");
    EXPECT_EQ(ws.headHash(), ws.auditLog().back().hash);
    EXPECT_EQ(ws.headHash().size(), 64u);
    auto other = Workspace::open(ws.path());
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE(other.workspace->addPanelMember("alice", "alice", PanelRole::Lead).ok());
    EXPECT_EQ(ws.headHash(), other.workspace->auditLog().back().hash);
    EXPECT_EQ(ws.headHash(), ws.status().headHash);
}

TEST(WorkspaceExpectedHead, ACommandAtTheHeadItWasSentAgainstGoesAhead) {
    ScratchFolder scratch;
    Workspace ws = createSample(scratch, "school-meals");
    ws.expectHead(ws.status().headHash);
    EXPECT_TRUE(ws.addPanelMember("alice", "alice", PanelRole::Lead).ok());
}

} // namespace
} // namespace fairtender
