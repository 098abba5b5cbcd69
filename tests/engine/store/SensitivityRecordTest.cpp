// The lead records how robust the award is in the audit trail, once the results are locked
// and before the award; verify runs each recorded analysis again.
#include "AwardedWorkspace.h"
#include "audit/AuditRecords.h"
#include "core/FileHash.h"
#include "io/json/SensitivityJson.h"
#include "store/Workspace.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fairtender {
namespace {

using testing::livingWageRates;
using testing::ScratchFolder;
using testing::sourceDir;
using testing::takeThroughLifecycle;

const OddsSettings kOdds{500, 4, 0.1, 0};

std::string text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(SensitivityRecord, TheLeadRecordsTheRunOnceLockedAndVerifyRunsItAgain) {
    ScratchFolder scratch;
    Workspace ws = takeThroughLifecycle(sourceDir() / "samples/school-meals", scratch.path(),
                                        LifecycleState::Locked);
    const CommandOutcome done = ws.recordSensitivity("Ann Lee", kOdds, "", livingWageRates());
    ASSERT_TRUE(done.ok()) << done.problems.front().message;
    const AuditEntry last = ws.auditLog().back();
    EXPECT_EQ(last.action, "sensitivity.recorded");
    EXPECT_EQ(last.actor, "Ann Lee");
    EXPECT_EQ(recordFieldValue(last.after, "samples"), "500");
    EXPECT_EQ(recordFieldValue(last.after, "seed"), "4");
    // 82.44 against 73.79.
    EXPECT_EQ(recordFieldValue(last.after, "verdict"),
              "B1 wins by 8.65 points over B2, a clear winner (close margin 1.00)");
    // The hash is of the JSON document `fairtender sensitivity --json` prints for them.
    const FolderEvaluation evaluated = ws.evaluate(livingWageRates());
    const TenderFolder& folder = *evaluated.folder;
    const AwardSensitivity again =
        analyseAward(folder.tender, folder.bids, folder.evaluations, *evaluated.result, kOdds);
    EXPECT_EQ(recordFieldValue(last.after, "sensitivity_sha256"), sha256HexOf(toJson(again, 2)));
    const VerifyReport report = ws.verify(livingWageRates());
    EXPECT_TRUE(report.ok()) << report.problems.front().message;
}

TEST(SensitivityRecord, AnEvaluatorMayNotRecordARun) {
    ScratchFolder scratch;
    Workspace ws = takeThroughLifecycle(sourceDir() / "samples/school-meals", scratch.path(),
                                        LifecycleState::Locked);
    const CommandOutcome refused = ws.recordSensitivity("Raj Patel", kOdds, "", livingWageRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems.front().code, "sensitivity.not-lead");
}

TEST(SensitivityRecord, OnceAwardedTheRunIsNoLongerRecorded) {
    ScratchFolder scratch;
    Workspace ws = takeThroughLifecycle(sourceDir() / "samples/school-meals", scratch.path());
    const CommandOutcome refused = ws.recordSensitivity("Ann Lee", kOdds, "", livingWageRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems.front().code, "sensitivity.stage");
}

// Recording and every later verify run it again: a run stays within a million samples.
TEST(SensitivityRecord, ARunOfMoreThanAMillionSamplesIsNotRecorded) {
    ScratchFolder scratch;
    Workspace ws = takeThroughLifecycle(sourceDir() / "samples/school-meals", scratch.path(),
                                        LifecycleState::Locked);
    const CommandOutcome refused =
        ws.recordSensitivity("Ann Lee", {1000001, 4, 0.1, 0}, "", livingWageRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.problems.front().message.find("from 1 to 1000000 samples"), std::string::npos)
        << refused.problems.front().message;
}

// With a close margin of 10.00, B1's 8.65 is a close call: the lead says why it stands.
TEST(SensitivityRecord, ACloseCallIsRecordedOnlyWithTheReasonTheAwardStands) {
    ScratchFolder scratch;
    const auto folder = scratch.path() / "close";
    std::filesystem::copy(sourceDir() / "samples/school-meals", folder,
                          std::filesystem::copy_options::recursive);
    std::string tenderXml = text(folder / "tender.xml");
    const std::string model = "<model rounding=\"2\"";
    ASSERT_NE(tenderXml.find(model), std::string::npos);
    tenderXml.replace(tenderXml.find(model), model.size(), model + " close-margin=\"10\"");
    std::ofstream(folder / "tender.xml", std::ios::binary | std::ios::trunc) << tenderXml;
    std::filesystem::create_directories(scratch.path() / "ws");
    Workspace ws = takeThroughLifecycle(folder, scratch.path() / "ws", LifecycleState::Locked);

    const CommandOutcome refused = ws.recordSensitivity("Ann Lee", kOdds, " ", livingWageRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems.front().message.find("No clear winner: B1 leads B2 by 8.65 points, "
                                                    "under the close margin of 10.00"),
              0u)
        << refused.problems.front().message;

    const std::string why = "the panel's quality scores were moderated in full";
    ASSERT_TRUE(ws.recordSensitivity("Ann Lee", kOdds, why, livingWageRates()).ok());
    EXPECT_EQ(ws.auditLog().back().reason, why);
    EXPECT_TRUE(ws.verify(livingWageRates()).ok());
}

} // namespace
} // namespace fairtender
