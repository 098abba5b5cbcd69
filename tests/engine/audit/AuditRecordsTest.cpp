// What the audit entries say, read as values: the record text written and read in one place,
// and the questions the reports ask of the log.
#include "audit/AuditRecords.h"

#include <gtest/gtest.h>

namespace fairtender {
namespace {

AuditEntry entry(AuditAction action, std::string subject, std::string before = {},
                 std::string after = {}) {
    AuditEntry e;
    e.action = std::string(toString(action));
    e.subject = std::move(subject);
    e.before = std::move(before);
    e.after = std::move(after);
    e.actor = "Mo Khan";
    e.time = "2026-03-25T10:00:00Z";
    return e;
}

TEST(AuditRecords, EveryActionReadsBackFromItsWord) {
    const AuditEntry set = entry(AuditAction::ConsensusSet, "B1 q-menu");
    EXPECT_EQ(set.action, "consensus.set");
    EXPECT_EQ(actionOf(set), AuditAction::ConsensusSet);
    AuditEntry unknown = set;
    unknown.action = "consensus.guess";
    EXPECT_EQ(actionOf(unknown), std::nullopt);
}

TEST(AuditRecords, AFieldKeepsQuotesBackslashesAndLineBreaksAndReadsBackWhole) {
    const std::string value = "said \"4\"\\nnot 5\nsee C:\\x";
    const std::string text = recordField("bid_id", "B1") + " " + recordField("reason", value);
    EXPECT_EQ(text.substr(0, 12), "bid_id=\"B1\" ");
    EXPECT_EQ(recordFieldValue(text, "reason"), value);
    EXPECT_EQ(recordFieldValue(text, "bid_id"), "B1");
    EXPECT_EQ(recordFieldValue(text, "value"), "");
}

TEST(AuditRecords, AFieldNameInsideAnotherFieldsValueIsNotTakenForTheField) {
    const std::string text =
        recordField("reason", "was value=\"9\" before") + " " + recordField("value", "4");
    EXPECT_EQ(recordFieldValue(text, "value"), "4");
}

TEST(AuditRecords, AChangedConsensusGivesItsEarlierAndNewValue) {
    const std::vector<AuditEntry> log{
        entry(AuditAction::ConsensusSet, "B1 q-menu", "", recordField("value", "3")),
        entry(AuditAction::ConsensusSet, "B1 q-menu", recordField("value", "3"),
              recordField("value", "4")),
        entry(AuditAction::ScoreReopen, "B2 q-menu E1")};
    const auto changes = consensusChanges(log);
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].subject, "B1 q-menu");
    EXPECT_EQ(changes[0].from, "3");
    EXPECT_EQ(changes[0].to, "4");
    EXPECT_EQ(reopenedScores(log), 1u);
}

TEST(AuditRecords, TheFirstAndLastMoveToAStageAreFoundByTheStage) {
    std::vector<AuditEntry> log{entry(AuditAction::LifecycleStart, "draft"),
                                entry(AuditAction::LifecycleAdvance, "locked"),
                                entry(AuditAction::LifecycleAdvance, "awarded"),
                                entry(AuditAction::LifecycleAdvance, "locked")};
    log[1].time = "2026-03-25T10:00:00Z";
    log[3].time = "2026-04-02T09:00:00Z";
    ASSERT_NE(firstMoveTo(log, "locked"), nullptr);
    EXPECT_EQ(firstMoveTo(log, "locked")->time, "2026-03-25T10:00:00Z");
    EXPECT_EQ(lastMoveTo(log, "locked")->time, "2026-04-02T09:00:00Z");
    EXPECT_EQ(firstMoveTo(log, "open"), nullptr);
}

TEST(AuditRecords, TheLastDecisionOnAPriceNamesWhoDecidedIt) {
    std::vector<AuditEntry> log{
        entry(AuditAction::AbnormallyLowDecisionImport, "B6 accept", "",
              recordField("bid_id", "B6")),
        entry(AuditAction::AbnormallyLowDecide, "B6 reject", "", recordField("bid_id", "B6"))};
    log[1].actor = "Ann Lee";
    EXPECT_EQ(abnormallyLowDeciders(log).at("B6"), "Ann Lee");
}

} // namespace
} // namespace fairtender
