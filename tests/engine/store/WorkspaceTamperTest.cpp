// Edits made to a workspace behind fairtender's back, on both stores, as an outsider who owns
// the file or the database would: the triggers refuse changes to the log, and verify finds
// every other edit and names it.
#include "WorkspaceTestSupport.h"
#include "store/Workspace.h"

#include <gtest/gtest.h>

namespace fairtender {
namespace {

using testing::kSourceDir;
using testing::referenceRates;
using testing::runSql;
using testing::ScratchFolder;

class WorkspaceTamper : public ::testing::TestWithParam<testing::Store> {
protected:
    void SetUp() override {
        auto created = Workspace::createFromFolder(kSourceDir / "samples/school-meals", file_,
                                                   "alice", referenceRates());
        ASSERT_TRUE(created.ok());
    }

    VerifyReport verify() const {
        auto opened = Workspace::open(file_);
        EXPECT_TRUE(opened.ok());
        return opened.workspace->verify(referenceRates());
    }

    std::string allProblems(const VerifyReport& report) const {
        std::string text;
        for (const auto& problem : report.problems)
            text += problem.message + "\n";
        return text;
    }

    bool postgres() const { return GetParam() == testing::Store::Postgres; }
    std::string dropTrigger(const std::string& name) const {
        return "DROP TRIGGER " + name + (postgres() ? " ON audit_log" : "");
    }

    ScratchFolder scratch_;
    std::filesystem::path file_ = testing::freshLocation(GetParam(), scratch_, "t");
};

TEST_P(WorkspaceTamper, TriggerRefusesUpdatingTheLog) {
    EXPECT_NE(
        runSql(file_, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 2").find("append-only"),
        std::string::npos);
    EXPECT_TRUE(verify().ok());
}

TEST_P(WorkspaceTamper, TriggerRefusesDeletingFromTheLog) {
    EXPECT_NE(runSql(file_, "DELETE FROM audit_log WHERE seq = 2").find("append-only"),
              std::string::npos);
    EXPECT_TRUE(verify().ok());
}

TEST_P(WorkspaceTamper, ChangedScoreIsNamedByItsAuditEntry) {
    // Entry 8 is the first score: 1 tender entry and 6 bid files come before it.
    ASSERT_EQ(runSql(file_, "UPDATE evaluator_scores SET value = '5' WHERE audit_seq = 8"), "");
    const VerifyReport report = verify();
    ASSERT_FALSE(report.ok());
    EXPECT_NE(allProblems(report).find("differs from what audit entry 8 recorded"),
              std::string::npos)
        << allProblems(report);
}

TEST_P(WorkspaceTamper, ScoreChangedWithItsRowHashIsStillFound) {
    ASSERT_EQ(runSql(file_, "UPDATE evaluator_scores SET value = '1', row_hash = "
                            "'0000000000000000000000000000000000000000000000000000000000000000' "
                            "WHERE audit_seq = 8"),
              "");
    EXPECT_NE(allProblems(verify()).find("audit entry 8"), std::string::npos);
}

TEST_P(WorkspaceTamper, DeletedScoreRowIsFound) {
    ASSERT_EQ(runSql(file_, "DELETE FROM evaluator_scores WHERE audit_seq = 9"), "");
    EXPECT_NE(allProblems(verify()).find("audit entry 9 (score.import"), std::string::npos)
        << allProblems(verify());
}

TEST_P(WorkspaceTamper, ABidIdChangedInTheBidIndexIsFound) {
    ASSERT_EQ(runSql(file_, "UPDATE bids SET bid_id = 'B9' WHERE bid_id = 'B2'"), "");
    const std::string problems = allProblems(verify());
    EXPECT_NE(problems.find("bids row B9 (B2-eccles-community-food.xml) is not a bid of the "
                            "stored bid documents"),
              std::string::npos)
        << problems;
    EXPECT_NE(problems.find("bid B2 of B2-eccles-community-food.xml is missing from the bids "
                            "table"),
              std::string::npos)
        << problems;
}

TEST_P(WorkspaceTamper, ADeletedBidIndexRowIsFound) {
    ASSERT_EQ(runSql(file_, "DELETE FROM bids WHERE bid_id = 'B5'"), "");
    EXPECT_NE(allProblems(verify()).find("bid B5 of "), std::string::npos);
}

TEST_P(WorkspaceTamper, DroppingAnAppendOnlyGuardFailsVerifyOnItsOwn) {
    ASSERT_EQ(runSql(file_, dropTrigger("audit_log_no_delete")), "");
    const std::string problems = allProblems(verify());
    EXPECT_EQ(problems, "the audit log's append-only guard audit_log_no_delete is missing: it was "
                        "dropped outside fairtender, so entries may have been changed\n");
}

TEST_P(WorkspaceTamper, DeletedLogRowBreaksTheChainAtThatEntry) {
    ASSERT_EQ(
        runSql(file_, dropTrigger("audit_log_no_delete") + "; DELETE FROM audit_log WHERE seq = 3"),
        "");
    const VerifyReport report = verify();
    ASSERT_FALSE(report.ok());
    EXPECT_NE(
        report.problems.front().message.find("audit log broken at entry 3: entry 3 is missing"),
        std::string::npos)
        << report.problems.front().message;
}

TEST_P(WorkspaceTamper, ReorderedLogRowsBreakTheChain) {
    ASSERT_EQ(runSql(file_, dropTrigger("audit_log_no_update") +
                                "; UPDATE audit_log SET seq = -1 WHERE seq = 4; "
                                "UPDATE audit_log SET seq = 4 WHERE seq = 5; "
                                "UPDATE audit_log SET seq = 5 WHERE seq = -1;"),
              "");
    const VerifyReport report = verify();
    ASSERT_FALSE(report.ok());
    EXPECT_NE(report.problems.front().message.find("audit log broken at entry 4"),
              std::string::npos)
        << report.problems.front().message;
}

TEST_P(WorkspaceTamper, EditedLogEntryIsNamed) {
    ASSERT_EQ(runSql(file_, dropTrigger("audit_log_no_update") +
                                "; UPDATE audit_log SET actor = 'mallory' WHERE seq = 6"),
              "");
    EXPECT_NE(verify().problems.front().message.find("entry 6 was changed"), std::string::npos);
}

TEST_P(WorkspaceTamper, ChangedBidDocumentIsFound) {
    ASSERT_EQ(runSql(file_, "UPDATE bid_documents SET xml = " +
                                testing::sqlReplacingInFile(file_, "xml", "<price>", "<price>1") +
                                " WHERE position = 1"),
              "");
    EXPECT_NE(allProblems(verify()).find("audit entry 2 recorded"), std::string::npos)
        << allProblems(verify());
}

INSTANTIATE_TEST_SUITE_P(BothStores, WorkspaceTamper,
                         ::testing::Values(testing::Store::Sqlite, testing::Store::Postgres),
                         testing::storeName);

} // namespace
} // namespace fairtender
