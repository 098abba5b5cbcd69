// The lifecycle rules over a loaded sample: only the next stage, and each stage's
// conditions with what is missing named.
#include "lifecycle/Lifecycle.h"

#include "io/xml/ReferenceData.h"
#include "io/xml/TenderFolder.h"
#include "scoring/Evaluator.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace fairtender {
namespace {

const std::filesystem::path kSourceDir = FAIRTENDER_SOURCE_DIR;

TenderFolder schoolMeals() {
    Diagnostics ignored;
    static const auto rates =
        loadLivingWageTable(kSourceDir / "templates/reference/living-wage-rates.xml", ignored);
    FolderLoad load =
        loadTenderFolder(kSourceDir / "samples/school-meals", rates ? &*rates : nullptr);
    EXPECT_TRUE(load.folder.has_value());
    return *load.folder;
}

// The sample with the one consensus it leaves out (B3 q-sourcing) agreed.
TenderFolder moderatedSchoolMeals() {
    TenderFolder f = schoolMeals();
    f.evaluations.consensus.push_back({"B3", "q-sourcing", "M1", 3, "agreed 3", {}});
    return f;
}

PanelRecord fullPanel() {
    PanelRecord panel;
    panel.members = {
        {"alice", PanelRole::Lead}, {"eve", PanelRole::Evaluator}, {"mo", PanelRole::Moderator}};
    panel.declarations = {
        {"alice", "", "no conflict"}, {"eve", "", "no conflict"}, {"mo", "", "no conflict"}};
    return panel;
}

std::vector<std::string> blockers(LifecycleState from, LifecycleState to, const TenderFolder& f,
                                  const PanelRecord& panel) {
    EvaluationOutcome outcome = evaluate(f.tender, f.bids, f.evaluations);
    const EvaluationResult* result = outcome.result ? &*outcome.result : nullptr;
    return transitionBlockers(from, to, {f.tender, f.bids, f.evaluations, panel, result});
}

TEST(Lifecycle, StatesReadAndPrintTheirWords) {
    EXPECT_EQ(toString(LifecycleState::Moderation), "moderation");
    EXPECT_EQ(parseLifecycleState("awarded"), LifecycleState::Awarded);
    EXPECT_FALSE(parseLifecycleState("closed").has_value());
    EXPECT_EQ(parsePanelRole("auditor"), PanelRole::Auditor);
}

TEST(Lifecycle, SkippingAStageIsRefusedNamingTheNextStage) {
    const TenderFolder f = schoolMeals();
    const auto found = blockers(LifecycleState::Open, LifecycleState::Moderation, f, fullPanel());
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0], "cannot move from open to moderation: the next stage after open is "
                        "evaluation");
}

TEST(Lifecycle, GoingBackIsRefused) {
    const TenderFolder f = schoolMeals();
    const auto found = blockers(LifecycleState::Locked, LifecycleState::Moderation, f, fullPanel());
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].find("the next stage after locked is awarded"), std::string::npos);
}

TEST(Lifecycle, AwardedIsTheLastStage) {
    const TenderFolder f = schoolMeals();
    const auto found = blockers(LifecycleState::Awarded, LifecycleState::Awarded, f, fullPanel());
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0], "the tender is awarded: awarded is the last stage");
}

TEST(Lifecycle, EvaluationNeedsALeadAndAnEvaluator) {
    const TenderFolder f = schoolMeals();
    const auto found = blockers(LifecycleState::Open, LifecycleState::Evaluation, f, {});
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0], "the panel has no lead, and only the lead moves the tender on: add one "
                        "first");
    EXPECT_EQ(found[1], "the panel has no evaluator: add one first");
}

TEST(Lifecycle, OpeningNeedsALeadToo) {
    const TenderFolder f = schoolMeals();
    const auto found = blockers(LifecycleState::Draft, LifecycleState::Open, f, {});
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0], "the panel has no lead, and only the lead moves the tender on: add one "
                        "first");
}

TEST(Lifecycle, EvaluationNeedsEveryPanelMembersDeclarationTheLeadsToo) {
    const TenderFolder f = schoolMeals();
    PanelRecord panel = fullPanel();
    panel.declarations.clear();
    const auto found = blockers(LifecycleState::Open, LifecycleState::Evaluation, f, panel);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0], "3 conflict-of-interest declarations missing: alice, eve, mo");
}

TEST(Lifecycle, OneEvaluatorIsAWarningNotABlocker) {
    const TenderFolder f = schoolMeals();
    PanelRecord panel = fullPanel();
    const LifecycleFacts facts{f.tender, f.bids, f.evaluations, panel, nullptr};
    EXPECT_EQ(transitionWarnings(LifecycleState::Open, LifecycleState::Evaluation, facts).size(),
              1u);
    panel.members.push_back({"emma", PanelRole::Evaluator});
    EXPECT_TRUE(
        transitionWarnings(LifecycleState::Open, LifecycleState::Evaluation, facts).empty());
}

TEST(Lifecycle, JudgementsNeededLeaveOutABidFailingAGate) {
    const TenderFolder f = schoolMeals();
    const auto items = judgementsNeeded(f.tender, f.bids);
    // 6 bids, B4 fails the insurance gate: 5 bids x 4 judgement criteria.
    EXPECT_EQ(items.size(), 20u);
    EXPECT_TRUE(std::none_of(items.begin(), items.end(),
                             [](const JudgementItem& i) { return i.bidId == "B4"; }));
}

TEST(Lifecycle, ModerationNamesEveryMissingEvaluatorScore) {
    const TenderFolder f = schoolMeals();
    const auto found =
        blockers(LifecycleState::Evaluation, LifecycleState::Moderation, f, fullPanel());
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(
        found[0].rfind("20 evaluator scores missing: B1 q-menu eve, B1 q-mobilisation eve", 0), 0u)
        << found[0];
    EXPECT_NE(found[0].find("and 10 more"), std::string::npos);
}

TEST(Lifecycle, ADeclaredConflictExcusesThatBidFromScoring) {
    TenderFolder f = schoolMeals();
    PanelRecord panel = fullPanel();
    panel.declarations.push_back({"eve", "B1", "former employee"});
    const auto found = blockers(LifecycleState::Evaluation, LifecycleState::Moderation, f, panel);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].rfind("16 evaluator scores missing: B2 q-menu eve", 0), 0u) << found[0];
}

TEST(Lifecycle, LockedNamesTheMissingConsensusScores) {
    TenderFolder f = schoolMeals();
    auto& consensus = f.evaluations.consensus;
    for (const auto& [bid, criterion] : std::vector<std::pair<std::string, std::string>>{
             {"B2", "q-menu"}, {"B3", "q-menu"}, {"B5", "q-mobilisation"}})
        consensus.erase(std::remove_if(consensus.begin(), consensus.end(),
                                       [&](const ConsensusScore& c) {
                                           return c.bidId == bid && c.criterionId == criterion;
                                       }),
                        consensus.end());
    const auto found = blockers(LifecycleState::Moderation, LifecycleState::Locked, f, fullPanel());
    ASSERT_EQ(found.size(), 1u);
    // The sample itself leaves B3 q-sourcing unmoderated.
    EXPECT_EQ(found[0], "4 consensus scores missing: B2 q-menu, B3 q-menu, B3 q-sourcing, B5 "
                        "q-mobilisation");
}

TEST(Lifecycle, OneMissingConsensusScoreIsNamedInTheSingular) {
    TenderFolder f = schoolMeals();
    const auto found = blockers(LifecycleState::Moderation, LifecycleState::Locked, f, fullPanel());
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0], "1 consensus score missing: B3 q-sourcing");
}

TEST(Lifecycle, AbnormallyLowFlagWithoutADecisionBlocksLocked) {
    TenderFolder f = moderatedSchoolMeals();
    f.evaluations.abnormallyLowDecisions.clear();
    const auto found = blockers(LifecycleState::Moderation, LifecycleState::Locked, f, fullPanel());
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0], "1 abnormally-low decision (decide-abnormally-low) missing: B6");
}

TEST(Lifecycle, CompleteSampleMayBeLockedAndAwarded) {
    const TenderFolder f = moderatedSchoolMeals();
    EXPECT_TRUE(
        blockers(LifecycleState::Moderation, LifecycleState::Locked, f, fullPanel()).empty());
    EXPECT_TRUE(blockers(LifecycleState::Locked, LifecycleState::Awarded, f, fullPanel()).empty());
}

TEST(Lifecycle, MissingLineListsTenThenCountsTheRest) {
    std::vector<std::string> items;
    for (int i = 1; i <= 12; ++i)
        items.push_back("B" + std::to_string(i));
    EXPECT_EQ(missingLine("score", "scores", items),
              "12 scores missing: B1, B2, B3, B4, B5, B6, B7, B8, B9, B10 and 2 more");
}

} // namespace
} // namespace fairtender
