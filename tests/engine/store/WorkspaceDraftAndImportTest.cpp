// The draft stage, where the lead may still replace the tender, the move to open that
// freezes it, and bid files imported while the tender is open: all of a batch or none.
#include "FileText.h"
#include "WorkspaceTestSupport.h"
#include "core/FileHash.h"
#include "store/Workspace.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

namespace fairtender {
namespace {

using testing::createOpenWorkspace;
using testing::kSourceDir;
using testing::readFile;
using testing::referenceRates;
using testing::replaced;
using testing::runSql;
using testing::ScratchFolder;

const std::filesystem::path kMeals = kSourceDir / "samples/school-meals";

std::string messages(const CommandOutcome& outcome) {
    std::string text;
    for (const auto& problem : outcome.problems)
        text += problem.toString() + "\n";
    return text;
}

std::size_t entriesOf(const Workspace& ws, const std::string& action) {
    const auto log = ws.auditLog();
    return static_cast<std::size_t>(std::count_if(
        log.begin(), log.end(), [&](const AuditEntry& e) { return e.action == action; }));
}

// The school meals sample as created: six bids and the panel's records, in draft.
class WorkspaceDraft : public ::testing::TestWithParam<testing::Store> {
protected:
    void SetUp() override {
        auto created = Workspace::createFromFolder(kMeals, file_, "alice", referenceRates());
        ASSERT_TRUE(created.ok());
        ws_.emplace(std::move(*created.workspace));
    }

    Workspace& ws() { return *ws_; }

    ScratchFolder scratch_;
    std::filesystem::path file_ = testing::freshLocation(GetParam(), scratch_);
    std::optional<Workspace> ws_;
    const std::string tender_ = readFile(kMeals / "tender.xml");
};

TEST_P(WorkspaceDraft, NewWorkspaceIsADraft) {
    EXPECT_EQ(ws().state(), LifecycleState::Draft);
}

TEST_P(WorkspaceDraft, ReplacedTenderCountsAndTheTrailHoldsBothHashes) {
    const std::string retitled = replaced(tender_, "<title>Primary school meals catering",
                                          "<title>Primary and nursery school meals catering");
    const auto done = ws().replaceTender(
        "alice", retitled, "nurseries added after market engagement", referenceRates());
    ASSERT_TRUE(done.ok()) << messages(done);
    EXPECT_EQ(ws().status().tenderTitle,
              "Primary and nursery school meals catering, September 2026 to August 2029");
    const auto log = ws().auditLog();
    const auto entry = std::find_if(
        log.begin(), log.end(), [](const AuditEntry& e) { return e.action == "tender.replace"; });
    ASSERT_NE(entry, log.end());
    EXPECT_NE(entry->before.find("xml_sha256=\"" + sha256HexOf(tender_) + "\""), std::string::npos)
        << entry->before;
    EXPECT_NE(entry->after.find("xml_sha256=\"" + sha256HexOf(retitled) + "\""), std::string::npos)
        << entry->after;
    EXPECT_EQ(entry->reason, "nurseries added after market engagement");
    EXPECT_TRUE(ws().verify(referenceRates()).ok());
}

TEST_P(WorkspaceDraft, ExportGivesTheReplacedTender) {
    const std::string retitled = replaced(tender_, "<buyer>Salford City Council</buyer>",
                                          "<buyer>Salford City Council (Education)</buyer>");
    ASSERT_TRUE(ws().replaceTender("alice", retitled, "buyer named", referenceRates()).ok());
    ASSERT_TRUE(ws().exportToFolder(scratch_ / "out").empty());
    EXPECT_EQ(readFile(scratch_ / "out/tender.xml"), retitled);
}

TEST_P(WorkspaceDraft, ReplacedTenderChangedBehindTheToolsBackIsFound) {
    const std::string retitled =
        replaced(tender_, "<buyer>Salford City Council</buyer>", "<buyer>Salford CC</buyer>");
    ASSERT_TRUE(ws().replaceTender("alice", retitled, "buyer named", referenceRates()).ok());
    ws_.reset();
    ASSERT_EQ(runSql(file_, "UPDATE tender SET xml = " +
                                testing::sqlReplacingInFile(file_, "xml", "Salford CC", "Salford") +
                                " WHERE position = 2"),
              "");
    auto opened = Workspace::open(file_);
    ASSERT_TRUE(opened.ok());
    const VerifyReport report = opened.workspace->verify(referenceRates());
    ASSERT_FALSE(report.ok());
    EXPECT_NE(report.problems[0].message.find("tender row SCC-2026-014 (audit entry"),
              std::string::npos)
        << report.problems[0].message;
}

TEST_P(WorkspaceDraft, InvalidTenderIsRefusedNamingLineAndColumnAndNothingIsWritten) {
    const auto entries = ws().status().auditEntries;
    // The price weight 40 becomes 45: the top level then sums to 105.
    const auto refused = ws().replaceTender(
        "alice", replaced(tender_, "type=\"price\" weight=\"40\"", "type=\"price\" weight=\"45\""),
        "more on price", referenceRates());
    ASSERT_FALSE(refused.ok());
    ASSERT_FALSE(refused.problems.empty());
    EXPECT_EQ(refused.problems[0].where.file, "tender.xml");
    EXPECT_GT(refused.problems[0].where.line, 0) << messages(refused);
    EXPECT_NE(refused.problems[0].message.find("105"), std::string::npos) << messages(refused);
    EXPECT_EQ(ws().status().auditEntries, entries);
}

TEST_P(WorkspaceDraft, TenderTheStoredBidsNoLongerFitIsRefusedWithTheirProblems) {
    const auto refused =
        ws().replaceTender("alice", replaced(tender_, "id=\"SCC-2026-014\"", "id=\"SCC-2026-015\""),
                           "renumbered", referenceRates());
    ASSERT_FALSE(refused.ok());
    const std::string text = messages(refused);
    EXPECT_NE(text.find("bids/B1-irwell-kitchen.xml:2:"), std::string::npos) << text;
    EXPECT_NE(text.find("this file is for tender 'SCC-2026-014', but tender.xml has id "
                        "'SCC-2026-015'"),
              std::string::npos)
        << text;
    EXPECT_EQ(ws().status().tenderId, "SCC-2026-014");
}

TEST_P(WorkspaceDraft, ReplacingNeedsAReason) {
    const auto refused = ws().replaceTender("alice", tender_, "", referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message, "say why the tender is replaced");
}

TEST_P(WorkspaceDraft, OpeningFreezesTheModelNamingWhenAndByWhom) {
    ASSERT_TRUE(ws().addPanelMember("alice", "alice", PanelRole::Lead).ok());
    ASSERT_TRUE(ws().advance("alice", LifecycleState::Open, "published", referenceRates()).ok());
    const auto log = ws().auditLog();
    const auto opened = std::find_if(log.begin(), log.end(), [](const AuditEntry& e) {
        return e.action == "lifecycle.advance" && e.subject == "open";
    });
    ASSERT_NE(opened, log.end());
    const auto refused = ws().replaceTender("alice", tender_, "late change", referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message,
              "the evaluation model is frozen since the tender opened on " + opened->time +
                  " (by alice); the tender is open: the tender can only be replaced in draft");
}

TEST_P(WorkspaceDraft, OpeningIsRefusedWhileTheStoredTenderHasErrorsListingThem) {
    ASSERT_TRUE(ws().addPanelMember("alice", "alice", PanelRole::Lead).ok());
    ws_.reset();
    ASSERT_EQ(
        runSql(file_, "UPDATE tender SET xml = " +
                          testing::sqlReplacingInFile(file_, "xml", "type=\"price\" weight=\"40\"",
                                                      "type=\"price\" weight=\"45\"")),
        "");
    auto opened = Workspace::open(file_);
    ASSERT_TRUE(opened.ok());
    const auto refused =
        opened.workspace->advance("alice", LifecycleState::Open, "published", referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].where.file, "tender.xml");
    EXPECT_EQ(refused.problems[0].message.rfind("cannot move to open: ", 0), 0u)
        << messages(refused);
    EXPECT_EQ(opened.workspace->state(), LifecycleState::Draft);
}

TEST_P(WorkspaceDraft, OpeningNeedsALeadOnThePanel) {
    const auto refused = ws().advance("alice", LifecycleState::Open, "published", referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message,
              "the panel has no lead, and only the lead moves the tender on: add one first");
}

// A procurement officer sets the panel up while the tender is drafted and keeps adding
// to it once it is open.
TEST_P(WorkspaceDraft, PanelSetUpInDraftCarriesIntoOpenAndGrowsThere) {
    ASSERT_TRUE(ws().addPanelMember("alice", "alice", PanelRole::Lead).ok());
    ASSERT_TRUE(ws().addPanelMember("alice", "eve", PanelRole::Evaluator).ok());
    ASSERT_TRUE(ws().declareInterests("eve", {}).ok());
    ASSERT_TRUE(ws().advance("alice", LifecycleState::Open, "published", referenceRates()).ok());
    ASSERT_TRUE(ws().addPanelMember("alice", "emma", PanelRole::Evaluator).ok());
    EXPECT_EQ(ws().panel().withRole(PanelRole::Evaluator),
              (std::vector<std::string>{"eve", "emma"}));
    EXPECT_TRUE(ws().panel().hasDeclared("eve"));
}

TEST_P(WorkspaceDraft, OnlyTheLeadReplacesTheTenderOnceThereIsALead) {
    ASSERT_TRUE(ws().addPanelMember("alice", "alice", PanelRole::Lead).ok());
    ASSERT_TRUE(ws().addPanelMember("alice", "eve", PanelRole::Evaluator).ok());
    const auto refused = ws().replaceTender("eve", tender_, "mine", referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message,
              "eve is not the lead: only the lead replaces the tender");
}

// The school meals tender opened with no bids yet; bid files are written into the scratch
// folder as a supplier's portal would deliver them.
class WorkspaceImport : public ::testing::TestWithParam<testing::Store> {
protected:
    void SetUp() override {
        std::filesystem::create_directories(scratch_ / "tender");
        std::filesystem::copy_file(kMeals / "tender.xml", scratch_ / "tender/tender.xml");
        auto created = createOpenWorkspace(scratch_ / "tender", file_);
        ASSERT_TRUE(created.ok()) << created.diagnostics.front().toString();
        ws_.emplace(std::move(*created.workspace));
    }

    Workspace& ws() { return *ws_; }

    std::vector<std::filesystem::path> sampleBids() const {
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(kMeals / "bids"))
            files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        return files;
    }

    // `count` copies of B1 as X1.xml, X2.xml ... with ids X1, X2 ...
    std::vector<std::filesystem::path> copiesOfB1(int count) const {
        const std::string b1 = readFile(kMeals / "bids/B1-irwell-kitchen.xml");
        std::filesystem::create_directories(scratch_ / "batch");
        std::vector<std::filesystem::path> files;
        for (int n = 1; n <= count; ++n) {
            const std::string id = "X" + std::to_string(n);
            files.push_back(scratch_ / "batch" / (id + ".xml"));
            std::ofstream(files.back(), std::ios::binary)
                << replaced(b1, "id=\"B1\"", "id=\"" + id + "\"");
        }
        return files;
    }

    ScratchFolder scratch_;
    std::filesystem::path file_ = testing::freshLocation(GetParam(), scratch_);
    std::optional<Workspace> ws_;
};

TEST_P(WorkspaceImport, GoodBatchStoresEveryBidWithOneEntryPerFile) {
    const auto done = ws().importBids("alice", sampleBids(), referenceRates());
    ASSERT_TRUE(done.ok()) << messages(done);
    EXPECT_EQ(done.summary, "imported 6 bids from 6 files");
    EXPECT_EQ(ws().status().bids, 6u);
    EXPECT_EQ(entriesOf(ws(), "bid-document.import"), 6u);
    EXPECT_TRUE(ws().verify(referenceRates()).ok());
}

TEST_P(WorkspaceImport, ImportedBidsEvaluateAsTheSampleFolder) {
    ASSERT_TRUE(ws().importBids("alice", sampleBids(), referenceRates()).ok());
    ASSERT_TRUE(ws().exportToFolder(scratch_ / "out").empty());
    EXPECT_EQ(readFile(scratch_ / "out/bids/B6-amberline.xml"),
              readFile(kMeals / "bids/B6-amberline.xml"));
}

TEST_P(WorkspaceImport, OneBadFileInThreeHundredImportsNoneAndEveryProblemIsNamed) {
    auto files = copiesOfB1(300);
    // X150 states a price that is not a number (line 4); X200 reuses the id X7.
    const std::string b1 = readFile(kMeals / "bids/B1-irwell-kitchen.xml");
    std::ofstream(files[149], std::ios::binary)
        << replaced(replaced(b1, "id=\"B1\"", "id=\"X150\""), "7140000.00", "seven million");
    std::ofstream(files[199], std::ios::binary) << replaced(b1, "id=\"B1\"", "id=\"X7\"");
    const auto refused = ws().importBids("alice", files, referenceRates());
    ASSERT_FALSE(refused.ok());
    const std::string text = messages(refused);
    EXPECT_NE(text.find("bids/X150.xml:4:"), std::string::npos) << text;
    EXPECT_NE(text.find("bids/X200.xml:2:"), std::string::npos) << text;
    EXPECT_EQ(ws().status().bids, 0u);
    EXPECT_EQ(entriesOf(ws(), "bid-document.import"), 0u);
}

TEST_P(WorkspaceImport, BidIdAlreadyStoredIsRefused) {
    ASSERT_TRUE(
        ws().importBids("alice", {kMeals / "bids/B1-irwell-kitchen.xml"}, referenceRates()).ok());
    std::filesystem::create_directories(scratch_ / "late");
    std::filesystem::copy_file(kMeals / "bids/B1-irwell-kitchen.xml", scratch_ / "late/again.xml");
    const auto refused = ws().importBids("alice", {scratch_ / "late/again.xml"}, referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(messages(refused).find("bids/again.xml:2:"), std::string::npos) << messages(refused);
    EXPECT_NE(messages(refused).find("bid id 'B1' is used twice (first at "
                                     "bids/B1-irwell-kitchen.xml:2:"),
              std::string::npos)
        << messages(refused);
    EXPECT_EQ(ws().status().bids, 1u);
}

TEST_P(WorkspaceImport, FileNameAlreadyStoredIsRefused) {
    const auto b1 = kMeals / "bids/B1-irwell-kitchen.xml";
    ASSERT_TRUE(ws().importBids("alice", {b1}, referenceRates()).ok());
    const auto refused = ws().importBids("alice", {b1}, referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].where.file, "bids/B1-irwell-kitchen.xml");
    EXPECT_EQ(refused.problems[0].message.rfind("a bid file of this name is already stored", 0), 0u)
        << messages(refused);
}

TEST_P(WorkspaceImport, AMissingFolderIsNamedAsMissingNotAsABadBidFile) {
    const auto refused = ws().importBids("alice", {scratch_ / "received-bids"}, referenceRates());
    ASSERT_FALSE(refused.ok());
    ASSERT_EQ(refused.problems.size(), 1u);
    EXPECT_EQ(refused.problems[0].message,
              "no such file or folder: check the path, or give the folder that holds the bid "
              "files");
    EXPECT_EQ(ws().status().bids, 0u);
}

TEST_P(WorkspaceImport, OnlyTheLeadImportsBids) {
    ASSERT_TRUE(ws().addPanelMember("alice", "eve", PanelRole::Evaluator).ok());
    const auto refused =
        ws().importBids("eve", {kMeals / "bids/B1-irwell-kitchen.xml"}, referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message, "eve is not the lead: only the lead imports bids");
    EXPECT_EQ(ws().status().bids, 0u);
}

TEST_P(WorkspaceImport, ProgressHearsOfEveryFileChecked) {
    std::vector<std::size_t> heard;
    ASSERT_TRUE(ws().importBids("alice", copiesOfB1(3), referenceRates(),
                                [&](std::size_t checked, std::size_t total) {
                                    heard.push_back(checked * 10 + total);
                                })
                    .ok());
    EXPECT_EQ(heard, (std::vector<std::size_t>{13, 23, 33}));
}

TEST(WorkspaceImportStage, ImportIsRefusedInDraftSayingToOpenFirst) {
    ScratchFolder scratch;
    auto created =
        Workspace::createFromFolder(kMeals, scratch / "meals.ftw", "alice", referenceRates());
    ASSERT_TRUE(created.ok());
    const auto refused = created.workspace->importBids(
        "alice", {kMeals / "bids/B1-irwell-kitchen.xml"}, referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message,
              "bids are imported while the tender is open; it is still a draft: move it to open "
              "first, which freezes the model");
}

TEST_P(WorkspaceImport, ImportIsRefusedOnceEvaluationHasBegun) {
    ASSERT_TRUE(
        ws().importBids("alice", {kMeals / "bids/B1-irwell-kitchen.xml"}, referenceRates()).ok());
    ASSERT_TRUE(ws().addPanelMember("alice", "eve", PanelRole::Evaluator).ok());
    ASSERT_TRUE(ws().declareInterests("alice", {}).ok());
    ASSERT_TRUE(ws().declareInterests("eve", {}).ok());
    ASSERT_TRUE(ws().advance("alice", LifecycleState::Evaluation, "closed", referenceRates()).ok());
    const auto refused =
        ws().importBids("alice", {kMeals / "bids/B2-eccles-community-food.xml"}, referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message,
              "bids are imported while the tender is open; it is at the evaluation stage, so no "
              "more bids can be added");
    EXPECT_EQ(ws().status().bids, 1u);
}

INSTANTIATE_TEST_SUITE_P(BothStores, WorkspaceDraft,
                         ::testing::Values(testing::Store::Sqlite, testing::Store::Postgres),
                         testing::storeName);
INSTANTIATE_TEST_SUITE_P(BothStores, WorkspaceImport,
                         ::testing::Values(testing::Store::Sqlite, testing::Store::Postgres),
                         testing::storeName);

} // namespace
} // namespace fairtender
