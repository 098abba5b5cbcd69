// The panel's work in a workspace: declarations, independent scoring, reopening,
// moderation, abnormally low decisions, the lifecycle up to the award and a bid excluded
// after the evaluation; every command leaves a log that verifies.
#include "FileText.h"
#include "WorkspaceTestSupport.h"
#include "core/Decimal.h"
#include "io/json/ResultJson.h"
#include "pipeline/FolderEvaluation.h"
#include "store/ScoringView.h"
#include "store/Workspace.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>

namespace fairtender {
namespace {

using testing::createOpenWorkspace;
using testing::kSourceDir;
using testing::referenceRates;
using testing::runSql;
using testing::ScratchFolder;

const BankHolidays* holidays() {
    static const std::optional<BankHolidays> loaded = [] {
        Diagnostics ignored;
        return loadBankHolidays(
            kSourceDir / "templates/reference/bank-holidays-england-and-wales.xml", ignored);
    }();
    return loaded ? &*loaded : nullptr;
}

std::string messages(const CommandOutcome& outcome) {
    std::string text;
    for (const auto& problem : outcome.problems)
        text += problem.message + "\n";
    return text;
}

// School meals without its evaluations.xml: a panel alice (lead), eve and emma
// (evaluators) and mo (moderator) scores it from scratch.
class WorkspaceWorkflow : public ::testing::TestWithParam<testing::Store> {
protected:
    void SetUp() override {
        const auto folder = scratch_ / "tender";
        std::filesystem::copy(kSourceDir / "samples/school-meals", folder,
                              std::filesystem::copy_options::recursive);
        std::filesystem::remove(folder / "evaluations.xml");
        auto created = createOpenWorkspace(folder, file_, "alice", timeline_.clock());
        ASSERT_TRUE(created.ok());
        ws_.emplace(std::move(*created.workspace));
        ASSERT_TRUE(ws().addPanelMember("alice", "eve", PanelRole::Evaluator).ok());
        ASSERT_TRUE(ws().addPanelMember("alice", "emma", PanelRole::Evaluator).ok());
        ASSERT_TRUE(ws().addPanelMember("alice", "mo", PanelRole::Moderator).ok());
    }

    Workspace& ws() { return *ws_; }

    void declareAll() {
        for (const char* name : {"alice", "eve", "emma", "mo"})
            ASSERT_TRUE(ws().declareInterests(name, {}).ok());
    }

    void toEvaluation() {
        declareAll();
        const auto moved =
            ws().advance("alice", LifecycleState::Evaluation, "bids opened", referenceRates());
        ASSERT_TRUE(moved.ok()) << messages(moved);
    }

    static double valueFor(const std::string& criterion, int offset) {
        return criterion == "sv-plan" ? 60 + 20 * offset : 3 + offset;
    }

    CommandOutcome score(const std::string& who, const std::string& bid,
                         const std::string& criterion, double value) {
        return ws().submitScore(who, bid, criterion, value, "reason of " + who, referenceRates());
    }

    // Every evaluator scores every item alike, except B5 q-menu: eve 1, emma 4, 3 points
    // apart, over the threshold of 40% of the scale 5 (2 points).
    void scoreEverything() {
        const auto folder = ws().loadFolder(referenceRates()).folder;
        for (const auto& item : judgementsNeeded(folder->tender, folder->bids)) {
            const bool split = item.bidId == "B5" && item.criterionId == "q-menu";
            ASSERT_TRUE(score("eve", item.bidId, item.criterionId,
                              valueFor(item.criterionId, split ? -2 : 0))
                            .ok());
            ASSERT_TRUE(score("emma", item.bidId, item.criterionId,
                              valueFor(item.criterionId, split ? 1 : 0))
                            .ok());
        }
    }

    void toModeration() {
        toEvaluation();
        scoreEverything();
        const auto moved =
            ws().advance("alice", LifecycleState::Moderation, "all scored", referenceRates());
        ASSERT_TRUE(moved.ok()) << messages(moved);
    }

    void agreeEverything() {
        for (const auto& item : ws().moderationAgenda(referenceRates()))
            ASSERT_TRUE(ws().setConsensus("mo", item.bidId, item.criterionId, item.mean,
                                          "agreed on the mean", "", referenceRates())
                            .ok());
    }

    void toLocked() {
        toModeration();
        agreeEverything();
        ASSERT_TRUE(ws().decideAbnormallyLow("alice", "B6", true,
                                             "costs explained in clarification", referenceRates())
                        .ok());
        timeline_.at(testing::kResultsLocked);
        const auto locked =
            ws().advance("alice", LifecycleState::Locked, "final", referenceRates());
        ASSERT_TRUE(locked.ok()) << messages(locked);
        timeline_.at(testing::kAwardDecided);
    }

    void expectVerifies() {
        const VerifyReport report = ws().verify(referenceRates());
        std::string text;
        for (const auto& p : report.problems)
            text += p.message + "\n";
        EXPECT_TRUE(report.ok()) << text;
    }

    ScratchFolder scratch_;
    testing::Timeline timeline_{testing::kTenderOpened};
    std::filesystem::path file_ = testing::freshLocation(GetParam(), scratch_);
    std::optional<Workspace> ws_;
};

TEST_P(WorkspaceWorkflow, OnlyTheLeadAddsToThePanelOnceThereIsALead) {
    const auto refused = ws().addPanelMember("eve", "zed", PanelRole::Evaluator);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message, "eve is not the lead: only the lead adds to the panel");
    EXPECT_EQ(ws().panel().members.size(), 4u);
}

TEST_P(WorkspaceWorkflow, EvaluationIsRefusedUntilEveryoneHasDeclaredTheLeadIncluded) {
    ASSERT_TRUE(ws().declareInterests("eve", {}).ok());
    const auto refused =
        ws().advance("alice", LifecycleState::Evaluation, "bids opened", referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message, "cannot move to evaluation: 3 conflict-of-interest "
                                           "declarations missing: alice, emma, mo");
    EXPECT_EQ(ws().state(), LifecycleState::Open);
}

TEST_P(WorkspaceWorkflow, APanelOfOneEvaluatorMovesToEvaluationWithAWarning) {
    ScratchFolder other;
    const auto folder = other / "tender";
    std::filesystem::copy(kSourceDir / "samples/school-meals", folder,
                          std::filesystem::copy_options::recursive);
    std::filesystem::remove(folder / "evaluations.xml");
    auto created = createOpenWorkspace(folder, other / "one.ftw", "alice");
    ASSERT_TRUE(created.ok());
    Workspace& solo = *created.workspace;
    ASSERT_TRUE(solo.addPanelMember("alice", "eve", PanelRole::Evaluator).ok());
    for (const char* name : {"alice", "eve"})
        ASSERT_TRUE(solo.declareInterests(name, {}).ok());
    const auto moved =
        solo.advance("alice", LifecycleState::Evaluation, "bids opened", referenceRates());
    ASSERT_TRUE(moved.ok()) << messages(moved);
    ASSERT_EQ(moved.problems.size(), 1u);
    EXPECT_EQ(moved.problems[0].severity, Severity::Warning);
    EXPECT_NE(moved.problems[0].message.find("the panel has one evaluator"), std::string::npos);
    EXPECT_EQ(solo.state(), LifecycleState::Evaluation);
}

TEST_P(WorkspaceWorkflow, ANameThatOnlyLooksLikeAMembersIsRefused) {
    // "Eve" with a Cyrillic "Е", and "eve" with a zero-width space inside.
    for (const std::string twin : {"\xD0\x95ve", "e\xE2\x80\x8Bve", "EVE", " eve "}) {
        const auto refused = ws().addPanelMember("alice", twin, PanelRole::Moderator);
        ASSERT_FALSE(refused.ok()) << twin;
    }
    const auto lookAlike = ws().addPanelMember("alice", "\xD0\x95ve", PanelRole::Moderator);
    EXPECT_EQ(lookAlike.problems[0].message,
              "\"\xD0\x95ve\" cannot be told apart from \"eve\", already on the panel: it "
              "differs only by look-alike or invisible characters, spacing or case; use the same "
              "name for the same person, or tell two people apart in a way that shows");
    const auto invisible = ws().addPanelMember("alice", "e\xE2\x80\x8Bve", PanelRole::Moderator);
    EXPECT_NE(invisible.problems[0].message.find("invisible character (U+200B)"),
              std::string::npos);
    // The same name in another role is the same person.
    EXPECT_TRUE(ws().addPanelMember("alice", "eve", PanelRole::Moderator).ok());
    EXPECT_EQ(ws().panel().members.size(), 5u);
}

TEST_P(WorkspaceWorkflow, StyledLettersCherokeeLookAlikesAndNumeralsAreNotNames) {
    // Mathematical bold "E", subscript and superscript digits, a Roman numeral, and
    // "eve" with a Cherokee "E" (U+13AC).
    for (const std::string styled :
         {"\xF0\x9D\x90\x84ve", "eve\xE2\x82\x81", "eve\xC2\xB9", "\xE2\x85\xBFo"}) {
        const auto refused = ws().addPanelMember("alice", styled, PanelRole::Auditor);
        ASSERT_FALSE(refused.ok()) << styled;
        EXPECT_NE(refused.problems[0].message.find("styled letter or digit"), std::string::npos)
            << refused.problems[0].message;
    }
    const auto cherokee = ws().addPanelMember("alice", "\xE1\x8E\xACve", PanelRole::Auditor);
    ASSERT_FALSE(cherokee.ok());
    EXPECT_NE(cherokee.problems[0].message.find("cannot be told apart from \"eve\""),
              std::string::npos)
        << cherokee.problems[0].message;
}

TEST_P(WorkspaceWorkflow, OnlyTheLeadMovesTheTenderOn) {
    declareAll();
    const auto refused = ws().advance("eve", LifecycleState::Evaluation, "go", referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message,
              "eve is not the lead: only the lead moves the tender on");
}

TEST_P(WorkspaceWorkflow, ScoringBeforeEvaluationIsRefused) {
    declareAll();
    const auto refused = score("eve", "B1", "q-menu", 3);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message,
              "scores are given during evaluation; the tender is open");
}

TEST_P(WorkspaceWorkflow, DeclaredConflictBlocksScoringThatSupplier) {
    ASSERT_TRUE(ws().declareInterests("alice", {}).ok());
    ASSERT_TRUE(ws().declareInterests("eve", {{"", "B2", "my sister runs it"}}).ok());
    ASSERT_TRUE(ws().declareInterests("emma", {}).ok());
    ASSERT_TRUE(ws().declareInterests("mo", {}).ok());
    ASSERT_TRUE(ws().advance("alice", LifecycleState::Evaluation, "open", referenceRates()).ok());
    const auto refused = score("eve", "B2", "q-menu", 3);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(
        refused.problems[0].message,
        "eve declared a conflict of interest with B2 (my sister runs it) and cannot score it");
    EXPECT_TRUE(score("eve", "B1", "q-menu", 3).ok());
}

TEST_P(WorkspaceWorkflow, ConflictWithAnUnknownBidIsRefused) {
    const auto refused = ws().declareInterests("eve", {{"", "B9", "x"}});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message, "no bid B9");
}

TEST_P(WorkspaceWorkflow, ScoreWithoutAReasonIsRefused) {
    toEvaluation();
    const auto refused = ws().submitScore("eve", "B1", "q-menu", 3, "", referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message, "a score needs a written reason");
}

TEST_P(WorkspaceWorkflow, ScoreOffTheScaleIsRefused) {
    toEvaluation();
    const auto refused = score("eve", "B1", "sv-plan", 70);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message, "score 70 is not a multiple of the step 20 of sv-plan");
}

TEST_P(WorkspaceWorkflow, BidFailingAGateIsNotScored) {
    toEvaluation();
    const auto refused = score("eve", "B4", "q-menu", 3);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message,
              "B4 q-menu is not a bid and judgement criterion the panel scores");
}

TEST_P(WorkspaceWorkflow, SubmittedScoreIsLocked) {
    toEvaluation();
    ASSERT_TRUE(score("eve", "B1", "q-menu", 3).ok());
    const auto refused = score("eve", "B1", "q-menu", 4);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message, "eve already submitted a score for B1 q-menu: a "
                                           "submitted score is locked; the lead may reopen it");
}

TEST_P(WorkspaceWorkflow, EvaluatorReadsOthersScoresOnlyAfterSubmittingItsOwn) {
    toEvaluation();
    ASSERT_TRUE(score("emma", "B1", "q-menu", 4).ok());
    const ScoresSeen before = ws().scoresSeenBy("eve", "B1", "q-menu");
    EXPECT_TRUE(before.scores.empty());
    ASSERT_EQ(before.refused.size(), 1u);
    EXPECT_EQ(before.refused[0].message,
              "eve cannot read the other scores for B1 q-menu before submitting their own");
    ASSERT_TRUE(score("eve", "B1", "q-menu", 3).ok());
    EXPECT_EQ(ws().scoresSeenBy("eve", "B1", "q-menu").scores.size(), 2u);
}

// What two reads give, side by side: the scores as evaluator=value "reason", and refusals.
std::string shown(const ScoresSeen& seen) {
    std::string text;
    for (const auto& score : seen.scores)
        text += score.evaluator + "=" + formatDecimal(score.value) + " \"" + score.reason + "\"\n";
    for (const auto& problem : seen.refused)
        text += "refused: " + problem.message + "\n";
    return text;
}

TEST_P(WorkspaceWorkflow, ScoresSeenByAllAgreesWithScoresSeenByForEveryViewerAndPair) {
    toEvaluation();
    ASSERT_TRUE(score("emma", "B1", "q-menu", 4).ok());
    ASSERT_TRUE(score("eve", "B2", "q-menu", 3).ok());
    ASSERT_TRUE(score("emma", "B2", "q-menu", 5).ok());
    ASSERT_TRUE(score("eve", "B3", "sv-plan", 60).ok());
    const auto folder = ws().loadFolder(referenceRates()).folder;
    ASSERT_TRUE(folder);
    std::size_t compared = 0;
    const PanelRecord panel = ws().panel();
    for (const char* viewer : {"alice", "eve", "emma", "mo", "zoe"}) {
        const ScoresSeenGrid grid = ws().scoresSeenByAll(viewer);
        const ScoresSeenGrid fromFolder = ws().scoresSeenIn(*folder, panel, viewer);
        for (const auto& bid : folder->bids)
            for (const char* criterion : {"q-menu", "q-mobilisation", "sv-plan"}) {
                const std::string one = shown(ws().scoresSeenBy(viewer, bid.id, criterion));
                EXPECT_EQ(shown(grid.at(bid.id, criterion)), one)
                    << viewer << " " << bid.id << " " << criterion;
                EXPECT_EQ(shown(fromFolder.at(bid.id, criterion)), one)
                    << viewer << " " << bid.id << " " << criterion;
                ++compared;
            }
    }
    EXPECT_EQ(compared, 5u * 6u * 3u);
}

TEST_P(WorkspaceWorkflow, ScoresSeenByAllGivesAnEvaluatorOthersScoresOnlyWhereItScored) {
    toEvaluation();
    ASSERT_TRUE(score("emma", "B1", "q-menu", 4).ok());
    ASSERT_TRUE(score("eve", "B2", "q-menu", 3).ok());
    ASSERT_TRUE(score("emma", "B2", "q-menu", 5).ok());
    const ScoresSeenGrid grid = ws().scoresSeenByAll("eve");
    EXPECT_EQ(shown(grid.at("B1", "q-menu")),
              "refused: eve cannot read the other scores for B1 q-menu before submitting their "
              "own\n");
    EXPECT_EQ(shown(grid.at("B2", "q-menu")),
              "eve=3 \"reason of eve\"\nemma=5 \"reason of emma\"\n");
}

TEST_P(WorkspaceWorkflow, ScoresSeenByAllLeavesOutAReopenedScore) {
    toEvaluation();
    ASSERT_TRUE(score("eve", "B1", "q-menu", 2).ok());
    ASSERT_TRUE(ws().reopenScore("alice", "B1", "q-menu", "eve", "clarification of 3 March").ok());
    ASSERT_TRUE(score("eve", "B1", "q-menu", 4).ok());
    EXPECT_EQ(shown(ws().scoresSeenByAll("alice").at("B1", "q-menu")), "eve=4 \"reason of eve\"\n");
}

TEST_P(WorkspaceWorkflow, ScoresSeenByAllRefusesSomeoneNotOnThePanelEverywhere) {
    toEvaluation();
    ASSERT_TRUE(score("eve", "B1", "q-menu", 2).ok());
    EXPECT_EQ(shown(ws().scoresSeenByAll("zoe").at("B1", "q-menu")),
              "refused: zoe is not on the panel\n");
}

TEST_P(WorkspaceWorkflow, TheScoringViewGivesAnEvaluatorHerOwnScoreAndWhyOthersAreHidden) {
    toEvaluation();
    ASSERT_TRUE(score("emma", "B1", "q-menu", 4).ok());
    ASSERT_TRUE(score("eve", "B2", "q-menu", 3).ok());
    Diagnostics problems;
    const auto view = scoringViewFor(ws(), "eve", false, referenceRates(), problems);
    ASSERT_TRUE(view) << problems.size();
    ASSERT_EQ(view->criteria.size(), 4u);
    EXPECT_EQ(view->criteria[0].id, "q-menu");
    EXPECT_EQ(view->cells.size(), view->bidIds.size() * 4u);
    EXPECT_EQ(view->bidViews.size(), view->bidIds.size());
    const auto row = [&](const std::string& bid) {
        return static_cast<std::size_t>(std::find(view->bidIds.begin(), view->bidIds.end(), bid) -
                                        view->bidIds.begin());
    };
    // B2 q-menu (column 0): her own 3; B1 q-menu: emma's 4, hidden from her.
    const JudgementCell& own = view->cells[row("B2") * 4 + 0];
    ASSERT_TRUE(own.own);
    EXPECT_EQ(own.own->value, 3.0);
    const JudgementCell& hidden = view->cells[row("B1") * 4 + 0];
    EXPECT_TRUE(hidden.seen.empty());
    EXPECT_EQ(hidden.hiddenBecause,
              "eve cannot read the other scores for B1 q-menu before submitting their own");
}

TEST_P(WorkspaceWorkflow, TheScoringViewOfSomeoneOffThePanelHoldsNoBidsOrScores) {
    toEvaluation();
    ASSERT_TRUE(score("eve", "B1", "q-menu", 2).ok());
    Diagnostics problems;
    const auto view = scoringViewFor(ws(), "zoe", false, referenceRates(), problems);
    ASSERT_TRUE(view);
    EXPECT_TRUE(view->bidViews.empty());
    for (const auto& cell : view->cells)
        EXPECT_TRUE(cell.seen.empty() && !cell.own);
}

TEST_P(WorkspaceWorkflow, LifecycleLogHoldsTheStartAndEachMoveOnly) {
    toEvaluation();
    const auto entries = ws().lifecycleLog();
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[0].action, "lifecycle.start");
    EXPECT_EQ(entries[1].action, "lifecycle.advance");
    EXPECT_EQ(entries[1].after.rfind("state=\"open\"", 0), 0u) << entries[1].after;
    EXPECT_EQ(entries[2].after.rfind("state=\"evaluation\"", 0), 0u) << entries[2].after;
    EXPECT_EQ(entries[2].actor, "alice");
    EXPECT_GT(ws().auditLog().size(), 8u);
}

TEST_P(WorkspaceWorkflow, AgendaFromALoadedFolderIsTheWorkspacesAgenda) {
    toModeration();
    const auto folder = ws().loadFolder(referenceRates()).folder;
    ASSERT_TRUE(folder);
    const auto read = ws().moderationAgenda(referenceRates());
    const auto fromFolder = Workspace::moderationAgendaOf(*folder);
    ASSERT_EQ(fromFolder.size(), read.size());
    for (std::size_t i = 0; i < read.size(); ++i) {
        EXPECT_EQ(fromFolder[i].bidId + " " + fromFolder[i].criterionId,
                  read[i].bidId + " " + read[i].criterionId);
        EXPECT_EQ(fromFolder[i].spread, read[i].spread);
    }
    // B5 q-menu first: eve 1 and emma 4 are 3 apart, over the threshold of 2.
    EXPECT_EQ(fromFolder.front().bidId + " " + fromFolder.front().criterionId, "B5 q-menu");
    EXPECT_EQ(fromFolder.front().spread, 3);
}

TEST_P(WorkspaceWorkflow, BidViewsFromALoadedFolderHideThePricesFromAnEvaluator) {
    toEvaluation();
    const auto folder = ws().loadFolder(referenceRates()).folder;
    ASSERT_TRUE(folder);
    const auto views =
        Workspace::bidViewsOf(*folder, ws().panel(), LifecycleState::Evaluation, "eve", true);
    ASSERT_EQ(views.size(), 6u);
    EXPECT_TRUE(views[0].priceHidden);
    EXPECT_EQ(views[5].label, "Bid F");
    EXPECT_TRUE(
        Workspace::bidViewsOf(*folder, ws().panel(), LifecycleState::Evaluation, "zoe", false)
            .empty());
}

TEST_P(WorkspaceWorkflow, EvaluatorSeesNoPricesUntilLocked) {
    toEvaluation();
    const auto evaluatorView = ws().bidViewsFor("eve", false, referenceRates());
    ASSERT_EQ(evaluatorView.size(), 6u);
    EXPECT_TRUE(evaluatorView[0].priceHidden);
    const auto leadView = ws().bidViewsFor("alice", false, referenceRates());
    EXPECT_TRUE(leadView[0].price.has_value());
    const auto anonymous = ws().bidViewsFor("eve", true, referenceRates());
    EXPECT_EQ(anonymous[5].label, "Bid F");
}

TEST_P(WorkspaceWorkflow, ReopenNeedsTheLeadAndAReasonAndKeepsTheOriginal) {
    toEvaluation();
    ASSERT_TRUE(score("eve", "B1", "q-menu", 2).ok());
    EXPECT_FALSE(ws().reopenScore("eve", "B1", "q-menu", "eve", "typo").ok());
    const auto noReason = ws().reopenScore("alice", "B1", "q-menu", "eve", "");
    ASSERT_FALSE(noReason.ok());
    EXPECT_EQ(noReason.problems[0].message, "reopening a score needs a reason");
    ASSERT_TRUE(ws().reopenScore("alice", "B1", "q-menu", "eve", "clarification of 3 March").ok());
    ASSERT_TRUE(score("eve", "B1", "q-menu", 4).ok());
    const auto seen = ws().scoresSeenBy("alice", "B1", "q-menu");
    ASSERT_EQ(seen.scores.size(), 1u);
    EXPECT_EQ(seen.scores[0].value, 4);
    const auto log = ws().auditLog();
    const auto reopen = std::find_if(
        log.begin(), log.end(), [](const AuditEntry& e) { return e.action == "score.reopen"; });
    ASSERT_NE(reopen, log.end());
    EXPECT_NE(reopen->before.find("value=\"2\""), std::string::npos) << reopen->before;
    EXPECT_EQ(reopen->reason, "clarification of 3 March");
    expectVerifies();
}

TEST_P(WorkspaceWorkflow, ModerationIsRefusedNamingTheMissingScores) {
    toEvaluation();
    ASSERT_TRUE(score("eve", "B1", "q-menu", 3).ok());
    const auto refused =
        ws().advance("alice", LifecycleState::Moderation, "scored", referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message.rfind(
                  "cannot move to moderation: 39 evaluator scores missing: B1 q-menu emma, "
                  "B1 q-mobilisation eve",
                  0),
              0u)
        << refused.problems[0].message;
}

TEST_P(WorkspaceWorkflow, AgendaListsSpreadsOverTheThresholdFirstWithTheMean) {
    toModeration();
    const auto agenda = ws().moderationAgenda(referenceRates());
    ASSERT_EQ(agenda.size(), 20u);
    EXPECT_EQ(agenda[0].bidId, "B5");
    EXPECT_EQ(agenda[0].criterionId, "q-menu");
    EXPECT_TRUE(agenda[0].overThreshold);
    EXPECT_DOUBLE_EQ(agenda[0].mean, 2.5); // eve 1, emma 4
    EXPECT_DOUBLE_EQ(agenda[0].spread, 3);
    EXPECT_DOUBLE_EQ(agenda[0].threshold, 2); // 40% of the scale 5
    EXPECT_EQ(agenda[0].scores.size(), 2u);
    EXPECT_FALSE(agenda[1].overThreshold);
    EXPECT_EQ(agenda[1].bidId, "B1");
}

TEST_P(WorkspaceWorkflow, ChangingAConsensusNeedsAReasonAndKeepsTheEarlierOne) {
    toModeration();
    ASSERT_TRUE(ws().setConsensus("mo", "B1", "q-menu", 3, "agreed 3", "", referenceRates()).ok());
    const auto refused =
        ws().setConsensus("mo", "B1", "q-menu", 4, "agreed 4", "", referenceRates());
    ASSERT_FALSE(refused.ok());
    // Who agreed it and when, since another moderator may have agreed it a moment before.
    const std::string& message = refused.problems[0].message;
    EXPECT_TRUE(message.starts_with("a consensus for B1 q-menu is already agreed: 3 by mo at 20"))
        << message;
    EXPECT_TRUE(message.ends_with("Z; changing it needs a reason for the change")) << message;
    ASSERT_TRUE(ws().setConsensus("mo", "B1", "q-menu", 4, "agreed 4", "evidence E3 had not seen",
                                  referenceRates())
                    .ok());
    const auto log = ws().auditLog();
    const auto& last = *std::find_if(
        log.rbegin(), log.rend(), [](const AuditEntry& e) { return e.action == "consensus.set"; });
    EXPECT_NE(last.before.find("value=\"3\""), std::string::npos);
    EXPECT_NE(last.after.find("value=\"4\""), std::string::npos);
    EXPECT_EQ(last.reason, "evidence E3 had not seen");
    EXPECT_EQ(ws().status().consensus, 2u);
    expectVerifies();
}

TEST_P(WorkspaceWorkflow, AbnormallyLowPriceWithoutADecisionBlocksLocked) {
    toModeration();
    agreeEverything();
    const auto refused = ws().advance("alice", LifecycleState::Locked, "final", referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message,
              "cannot move to locked: 1 abnormally-low decision (decide-abnormally-low) "
              "missing: B6");
}

TEST_P(WorkspaceWorkflow, FullEvaluationReachesAwardedAndVerifies) {
    toModeration();
    agreeEverything();
    ASSERT_TRUE(ws().decideAbnormallyLow("alice", "B6", true, "costs explained in clarification",
                                         referenceRates())
                    .ok());
    ASSERT_TRUE(ws().advance("alice", LifecycleState::Locked, "final", referenceRates()).ok());
    EXPECT_TRUE(ws().bidViewsFor("eve", true, referenceRates())[0].price.has_value());
    timeline_.at(testing::kAwardDecided);
    const auto awarded = ws().advance("alice", LifecycleState::Awarded, "award approved",
                                      referenceRates(), holidays(), Date::parse("2025-12-19"));
    ASSERT_TRUE(awarded.ok()) << messages(awarded);
    const auto award = ws().award();
    ASSERT_TRUE(award.has_value());
    EXPECT_EQ(award->standstillEnd, "2026-01-05");
    EXPECT_EQ(ws().state(), LifecycleState::Awarded);
    expectVerifies();

    // The exported folder evaluates exactly as the workspace does.
    const auto out = scratch_ / "exported";
    ASSERT_TRUE(ws().exportToFolder(out).empty());
    const FolderEvaluation exported = evaluateTenderFolder(out, referenceRates());
    const FolderEvaluation stored = ws().evaluate(referenceRates());
    ASSERT_TRUE(exported.result && stored.result);
    EXPECT_EQ(toJson(*exported.result), toJson(*stored.result));
    EXPECT_EQ(award->bidId, *stored.result->winnerId);
}

TEST_P(WorkspaceWorkflow, AScoreRecordsNoResultsTheMoveToModerationRecordsThem) {
    toEvaluation();
    scoreEverything();
    EXPECT_EQ(ws().auditLog().back().action, "score.submit");
    expectVerifies();
    ASSERT_TRUE(
        ws().advance("alice", LifecycleState::Moderation, "all scored", referenceRates()).ok());
    const auto log = ws().auditLog();
    EXPECT_EQ(log[log.size() - 2].action, "lifecycle.advance");
    EXPECT_EQ(log.back().action, "results.recorded");
}

TEST_P(WorkspaceWorkflow, AConsensusAgreedAfterTheLastRecordedResultsStillVerifies) {
    toModeration();
    agreeEverything();
    ASSERT_TRUE(ws().decideAbnormallyLow("alice", "B6", true, "costs explained in clarification",
                                         referenceRates())
                    .ok());
    const FolderEvaluation recorded = ws().evaluate(referenceRates());
    ASSERT_TRUE(recorded.result);
    // B5 q-menu agreed at 2.5, the mean of 1 and 4, is changed to 5 after the decision
    // recorded the results: the ranking now differs from what was recorded.
    ASSERT_TRUE(ws().setConsensus("mo", "B5", "q-menu", 5, "the menu was misread",
                                  "reread at the meeting", referenceRates())
                    .ok());
    const FolderEvaluation now = ws().evaluate(referenceRates());
    ASSERT_TRUE(now.result);
    ASSERT_NE(toJson(*recorded.result), toJson(*now.result));
    EXPECT_EQ(ws().auditLog().back().action, "consensus.set");
    expectVerifies();
}

TEST_P(WorkspaceWorkflow, ScoreChangedBehindTheToolsBackIsFound) {
    toEvaluation();
    ASSERT_TRUE(score("eve", "B1", "q-menu", 3).ok());
    ws_.reset();
    ASSERT_EQ(runSql(file_, "UPDATE evaluator_scores SET value = '5' WHERE evaluator = 'eve'"), "");
    auto opened = Workspace::open(file_);
    ASSERT_TRUE(opened.ok());
    EXPECT_FALSE(opened.workspace->verify(referenceRates()).ok());
}

TEST_P(WorkspaceWorkflow, DeletedReopeningThatWouldRestoreTheOriginalScoreIsFound) {
    toEvaluation();
    ASSERT_TRUE(score("eve", "B1", "q-menu", 2).ok());
    ASSERT_TRUE(ws().reopenScore("alice", "B1", "q-menu", "eve", "clarification").ok());
    ws_.reset();
    ASSERT_EQ(runSql(file_, "DELETE FROM score_reopenings"), "");
    auto opened = Workspace::open(file_);
    ASSERT_TRUE(opened.ok());
    const VerifyReport report = opened.workspace->verify(referenceRates());
    ASSERT_FALSE(report.ok());
    EXPECT_NE(report.problems[0].message.find("(score.reopen B1 q-menu eve) has 0 rows in "
                                              "score_reopenings"),
              std::string::npos)
        << report.problems[0].message;
}

TEST_P(WorkspaceWorkflow, RoleChangedBehindTheToolsBackIsFound) {
    ws_.reset();
    ASSERT_EQ(runSql(file_, "UPDATE panel_members SET role = 'lead' WHERE name = 'eve'"), "");
    auto opened = Workspace::open(file_);
    ASSERT_TRUE(opened.ok());
    const VerifyReport report = opened.workspace->verify(referenceRates());
    ASSERT_FALSE(report.ok());
    const std::string& message = report.problems[0].message;
    EXPECT_NE(message.find("panel_members row eve (audit entry"), std::string::npos) << message;
    EXPECT_NE(message.find("stored name=\"eve\" role=\"lead\""), std::string::npos) << message;
}

TEST_P(WorkspaceWorkflow, ExcludedWinnerAfterLockingMakesTheNextBidFirst) {
    toLocked();
    const auto before = ws().evaluate(referenceRates());
    ASSERT_TRUE(before.result);
    const std::string winner = *before.result->winnerId;
    const auto done = ws().excludeAfterEvaluation("alice", winner, "failed the final credit check",
                                                  referenceRates());
    ASSERT_TRUE(done.ok()) << messages(done);
    const auto after = ws().evaluate(referenceRates());
    ASSERT_TRUE(after.result);
    EXPECT_EQ(after.result->findBid(winner)->status, BidStatus::Excluded);
    EXPECT_EQ(after.result->findBid(winner)->exclusionReason(),
              "excluded after evaluation: failed the final credit check");
    EXPECT_EQ(*after.result->winnerId, before.result->bids[1].bidId);
    expectVerifies();
}

TEST_P(WorkspaceWorkflow, ExcludingTheAwardedBidLocksTheTenderAgainForANewAwardDecision) {
    toLocked();
    ASSERT_TRUE(ws().advance("alice", LifecycleState::Awarded, "award approved", referenceRates(),
                             holidays(), Date::parse("2025-12-19"))
                    .ok());
    const std::string first = ws().award()->bidId;
    timeline_.at("2026-01-02T09:00:00Z");
    const auto done = ws().excludeAfterEvaluation("alice", first, "withdrew during the standstill",
                                                  referenceRates(), Date::parse("2026-01-02"));
    ASSERT_TRUE(done.ok()) << messages(done);
    EXPECT_NE(done.summary.find("on 2026-01-02, during the standstill"), std::string::npos)
        << done.summary;
    EXPECT_NE(done.summary.find("the award to " + first + " falls away"), std::string::npos);
    // No award passes on by itself: the lead decides the next one.
    EXPECT_EQ(ws().state(), LifecycleState::Locked);
    ASSERT_EQ(ws().awards().size(), 1u);
    expectVerifies();

    timeline_.at("2026-01-12T09:00:00Z");
    const auto again =
        ws().advance("alice", LifecycleState::Awarded, "re-award approved by cabinet",
                     referenceRates(), holidays(), Date::parse("2026-01-12"));
    ASSERT_TRUE(again.ok()) << messages(again);
    const auto awards = ws().awards();
    ASSERT_EQ(awards.size(), 2u);
    EXPECT_EQ(awards[1].bidId, *ws().evaluate(referenceRates()).result->winnerId);
    EXPECT_NE(awards[1].bidId, first);
    EXPECT_EQ(awards[1].reason, "re-award approved by cabinet");
    // 12 January 2026 is a Monday: 8 working days later is Thursday 22 January.
    EXPECT_EQ(awards[1].standstillEnd, "2026-01-22");
    expectVerifies();
}

TEST_P(WorkspaceWorkflow, TheAwardHistoryTellsTheStoryInOrderWithWhoAndWhy) {
    toLocked();
    ASSERT_TRUE(ws().advance("alice", LifecycleState::Awarded, "approved by cabinet",
                             referenceRates(), holidays(), Date::parse("2025-12-19"))
                    .ok());
    const std::string first = ws().award()->bidId;
    timeline_.at("2026-01-09T09:00:00Z");
    ASSERT_TRUE(ws().excludeAfterEvaluation("alice", first, "withdrew", referenceRates(),
                                            Date::parse("2026-01-08"))
                    .ok());
    timeline_.at("2026-01-12T09:00:00Z");
    ASSERT_TRUE(ws().advance("alice", LifecycleState::Awarded, "re-award approved",
                             referenceRates(), holidays(), Date::parse("2026-01-12"))
                    .ok());
    const auto history = ws().awardHistory();
    ASSERT_EQ(history.size(), 4u);
    EXPECT_EQ(history[0].kind, AwardEvent::Kind::Award);
    EXPECT_EQ(history[0].reason, "approved by cabinet");
    EXPECT_EQ(history[0].by, "alice");
    EXPECT_EQ(history[1].kind, AwardEvent::Kind::Exclusion);
    EXPECT_EQ(history[1].reason, "withdrew");
    EXPECT_EQ(history[1].date, "2026-01-08");
    // The standstill after the notice of 19 December 2025 ended on 5 January 2026.
    EXPECT_EQ(history[1].standstill, "after the standstill ended on 2026-01-05");
    EXPECT_EQ(history[2].kind, AwardEvent::Kind::AwardFellAway);
    EXPECT_EQ(history[2].bidId, first);
    EXPECT_EQ(history[3].kind, AwardEvent::Kind::Award);
    EXPECT_EQ(history[3].reason, "re-award approved");
    EXPECT_EQ(history[3].recordedAt, "2026-01-12T09:00:00Z");
}

TEST_P(WorkspaceWorkflow, AnAwardNoticeBeforeTheResultsWereLockedIsRefused) {
    toLocked();
    const auto refused = ws().advance("alice", LifecycleState::Awarded, "approved",
                                      referenceRates(), holidays(), Date::parse("2025-12-09"));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message,
              "the award notice date 2025-12-09 is before the results were locked on 2025-12-10 "
              "(by alice): it can only follow the locked results; give 2025-12-10 or later");
    EXPECT_EQ(ws().state(), LifecycleState::Locked);
}

TEST_P(WorkspaceWorkflow, AnAwardNoticeInTheFutureIsRefused) {
    toLocked();
    const auto refused = ws().advance("alice", LifecycleState::Awarded, "approved",
                                      referenceRates(), holidays(), Date::parse("2025-12-20"));
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.problems[0].message.find("is in the future (today is 2025-12-19)"),
              std::string::npos);
}

TEST_P(WorkspaceWorkflow, AnExclusionBeforeTheAwardItEndsIsRefused) {
    toLocked();
    ASSERT_TRUE(ws().advance("alice", LifecycleState::Awarded, "approved", referenceRates(),
                             holidays(), Date::parse("2025-12-19"))
                    .ok());
    const auto refused = ws().excludeAfterEvaluation("alice", ws().award()->bidId, "withdrew",
                                                     referenceRates(), Date::parse("2025-12-18"));
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.problems[0].message.find("is before the award notice of 2025-12-19"),
              std::string::npos);
}

TEST_P(WorkspaceWorkflow, ExcludingARunnerUpKeepsTheAwardThatStillStands) {
    toLocked();
    ASSERT_TRUE(ws().advance("alice", LifecycleState::Awarded, "approved", referenceRates(),
                             holidays(), Date::parse("2025-12-19"))
                    .ok());
    const std::string winner = ws().award()->bidId;
    const auto ranked = ws().evaluate(referenceRates()).result->bids;
    const std::string last = ranked[ranked.size() - 2].bidId; // the last ranked bid
    ASSERT_NE(last, winner);
    ASSERT_TRUE(
        ws().excludeAfterEvaluation("alice", last, "could not sign", referenceRates()).ok());
    EXPECT_EQ(ws().state(), LifecycleState::Awarded);
    EXPECT_EQ(ws().award()->bidId, winner);
}

TEST_P(WorkspaceWorkflow, OnlyAFlaggedPriceIsDecidedAsAbnormallyLow) {
    toModeration();
    agreeEverything();
    const auto refused =
        ws().decideAbnormallyLow("alice", "B1", false, "looks cheap", referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message,
              "the price of B1 is not flagged as abnormally low by the tender's rule: only a price "
              "the engine flags is accepted or rejected as abnormally low");
    EXPECT_TRUE(ws().decideAbnormallyLow("alice", "B6", true, "explained", referenceRates()).ok());
}

TEST_P(WorkspaceWorkflow, ALeadInConflictWithABidCannotDecideItsPrice) {
    ASSERT_TRUE(ws().declareInterests("alice", {{"", "B6", "former employer"}}).ok());
    for (const char* name : {"eve", "emma", "mo"})
        ASSERT_TRUE(ws().declareInterests(name, {}).ok());
    ASSERT_TRUE(
        ws().advance("alice", LifecycleState::Evaluation, "bids opened", referenceRates()).ok());
    scoreEverything();
    ASSERT_TRUE(
        ws().advance("alice", LifecycleState::Moderation, "all scored", referenceRates()).ok());
    const auto refused =
        ws().decideAbnormallyLow("alice", "B6", true, "explained", referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message, "alice declared a conflict of interest with B6 "
                                           "(former employer) and cannot decide on its price");
}

TEST_P(WorkspaceWorkflow, AConflictDeclaredAfterScoringTakesThoseScoresOutOfTheMean) {
    toModeration();
    // eve gave B5 q-menu 1 and emma 4; eve then declares a conflict with B5.
    ASSERT_TRUE(
        ws().declareInterests("eve", {{"", "B5", "found a family link"}}, referenceRates()).ok());
    const auto agenda = ws().moderationAgenda(referenceRates());
    const auto item = std::find_if(agenda.begin(), agenda.end(), [](const ModerationItem& i) {
        return i.bidId == "B5" && i.criterionId == "q-menu";
    });
    ASSERT_NE(item, agenda.end());
    ASSERT_EQ(item->scores.size(), 1u);
    EXPECT_EQ(item->scores[0].evaluator, "emma");
    EXPECT_DOUBLE_EQ(item->mean, 4);
    EXPECT_EQ(ws().status().scores,
              2u * judgementsNeeded(ws().loadFolder(referenceRates()).folder->tender,
                                    ws().loadFolder(referenceRates()).folder->bids)
                       .size())
        << "the score stays on record";
    expectVerifies();
}

TEST_P(WorkspaceWorkflow, ADeclarationOnceTheResultsAreLockedIsRefusedAndChangesNothing) {
    toLocked();
    const auto before = ws().status();
    const auto refused =
        ws().declareInterests("eve", {{"", "B5", "found a family link"}}, referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message,
              "the results are locked: the panel can no longer change");
    EXPECT_EQ(ws().status().auditEntries, before.auditEntries);
    expectVerifies();
}

TEST_P(WorkspaceWorkflow, SomeoneOffThePanelIsToldTheLeadAddsThem) {
    toEvaluation();
    const auto refused = ws().declareInterests("zed", {}, referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message, "zed is not on the panel: the lead adds them first");
}

TEST_P(WorkspaceWorkflow, AReasonOfOnlySpacesOrInvisibleCharactersIsNoReason) {
    toLocked();
    const auto before = ws().status().auditEntries;
    const auto exclusion = ws().excludeAfterEvaluation("alice", "B3", " ", referenceRates());
    ASSERT_FALSE(exclusion.ok());
    EXPECT_EQ(exclusion.problems[0].message, "say why the bid is excluded");
    const auto award =
        ws().advance("alice", LifecycleState::Awarded, "\xE2\x80\x8B\t", referenceRates());
    ASSERT_FALSE(award.ok());
    EXPECT_EQ(award.problems[0].message, "say why the tender moves on");
    EXPECT_EQ(ws().status().auditEntries, before);
}

TEST_P(WorkspaceWorkflow, ExclusionBeforeLockingIsRefused) {
    toModeration();
    const auto refused = ws().excludeAfterEvaluation("alice", "B1", "x", referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message,
              "a bid is excluded after the evaluation once the "
              "results are locked; the tender is at the moderation stage");
}

TEST_P(WorkspaceWorkflow, ExclusionOfAnUnknownBidIsRefused) {
    toLocked();
    const auto refused = ws().excludeAfterEvaluation("alice", "B9", "x", referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message, "no bid B9");
}

TEST_P(WorkspaceWorkflow, BidExcludedByAGateCannotBeExcludedAgain) {
    toLocked();
    const auto refused = ws().excludeAfterEvaluation("alice", "B4", "x", referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message, "B4 is already excluded: failed gate insurance");
}

TEST_P(WorkspaceWorkflow, BidIsExcludedAfterTheEvaluationOnlyOnce) {
    toLocked();
    ASSERT_TRUE(ws().excludeAfterEvaluation("alice", "B2", "withdrew", referenceRates()).ok());
    const auto refused = ws().excludeAfterEvaluation("alice", "B2", "again", referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message,
              "B2 is already excluded after the evaluation (withdrew)");
    EXPECT_EQ(ws().status().exclusions, 1u);
}

TEST_P(WorkspaceWorkflow, OnlyTheLeadExcludesABid) {
    toLocked();
    const auto refused = ws().excludeAfterEvaluation("mo", "B2", "withdrew", referenceRates());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems[0].message, "mo is not the lead: only the lead excludes a bid");
}

TEST_P(WorkspaceWorkflow, ExportedFolderKeepsTheExclusion) {
    toLocked();
    ASSERT_TRUE(ws().excludeAfterEvaluation("alice", "B2", "withdrew", referenceRates()).ok());
    const auto out = scratch_ / "exported";
    ASSERT_TRUE(ws().exportToFolder(out).empty());
    const FolderEvaluation exported = evaluateTenderFolder(out, referenceRates());
    ASSERT_TRUE(exported.result);
    EXPECT_EQ(exported.result->findBid("B2")->exclusionReason(),
              "excluded after evaluation: withdrew");
    EXPECT_EQ(toJson(*exported.result), toJson(*ws().evaluate(referenceRates()).result));
}

TEST_P(WorkspaceWorkflow, ExclusionChangedBehindTheToolsBackIsFound) {
    toLocked();
    ASSERT_TRUE(ws().excludeAfterEvaluation("alice", "B2", "withdrew", referenceRates()).ok());
    ws_.reset();
    ASSERT_EQ(runSql(file_, "UPDATE exclusions SET bid_id = 'B3'"), "");
    auto opened = Workspace::open(file_);
    ASSERT_TRUE(opened.ok());
    const VerifyReport report = opened.workspace->verify(referenceRates());
    ASSERT_FALSE(report.ok());
    EXPECT_NE(report.problems[0].message.find("exclusions row B3 (audit entry"), std::string::npos)
        << report.problems[0].message;
}

TEST_P(WorkspaceWorkflow, DeletedExclusionIsFound) {
    toLocked();
    ASSERT_TRUE(ws().excludeAfterEvaluation("alice", "B2", "withdrew", referenceRates()).ok());
    ws_.reset();
    ASSERT_EQ(runSql(file_, "DELETE FROM exclusions"), "");
    auto opened = Workspace::open(file_);
    ASSERT_TRUE(opened.ok());
    const VerifyReport report = opened.workspace->verify(referenceRates());
    ASSERT_FALSE(report.ok());
    EXPECT_NE(report.problems[0].message.find("(exclusion.record B2) has 0 rows in exclusions"),
              std::string::npos)
        << report.problems[0].message;
}

// The school meals sample with its panel's records, taken to locked: the three evaluators'
// scores as published, the one consensus the sample lacks (B3 q-sourcing) agreed at 3.
// B1 wins with 84.24; excluded, B2 leads with 28.95 price + 22.20 quality + 15.00 social
// value (now the highest, in place of B1's) + 5.00 location + 4.00 living wage + 4.00
// ownership = 79.15.
INSTANTIATE_TEST_SUITE_P(BothStores, WorkspaceWorkflow,
                         ::testing::Values(testing::Store::Sqlite, testing::Store::Postgres),
                         testing::storeName);

TEST(WorkspaceExclusion, SampleWinnerExcludedOnceLockedLeavesB2FirstWith7915) {
    ScratchFolder scratch;
    auto created = createOpenWorkspace(kSourceDir / "samples/school-meals", scratch / "m.ftw");
    ASSERT_TRUE(created.ok());
    Workspace& ws = *created.workspace;
    for (const char* evaluator : {"E1", "E2", "E3"})
        ASSERT_TRUE(ws.addPanelMember("alice", evaluator, PanelRole::Evaluator).ok());
    ASSERT_TRUE(ws.addPanelMember("alice", "mo", PanelRole::Moderator).ok());
    for (const char* person : {"alice", "E1", "E2", "E3", "mo"})
        ASSERT_TRUE(ws.declareInterests(person, {}).ok());
    for (const auto to : {LifecycleState::Evaluation, LifecycleState::Moderation})
        ASSERT_TRUE(ws.advance("alice", to, "on", referenceRates()).ok());
    ASSERT_TRUE(ws.setConsensus("mo", "B3", "q-sourcing", 3, "agreed", "", referenceRates()).ok());
    const auto locked = ws.advance("alice", LifecycleState::Locked, "final", referenceRates());
    ASSERT_TRUE(locked.ok()) << messages(locked);
    const auto before = ws.evaluate(referenceRates());
    ASSERT_TRUE(before.result);
    EXPECT_EQ(*before.result->winnerId, "B1");
    EXPECT_DOUBLE_EQ(before.result->findBid("B1")->total, 84.24);

    const auto done = ws.excludeAfterEvaluation("alice", "B1", "failed the final insurance check",
                                                referenceRates());
    ASSERT_TRUE(done.ok()) << messages(done);
    EXPECT_EQ(done.summary, "B1 excluded after the evaluation; B2 is now ranked first with 79.15");
    const auto after = ws.evaluate(referenceRates());
    ASSERT_TRUE(after.result);
    EXPECT_EQ(*after.result->winnerId, "B2");
    EXPECT_DOUBLE_EQ(after.result->findBid("B2")->total, 79.15);
    EXPECT_TRUE(ws.verify(referenceRates()).ok());
}

// The school meals sample as published: B1 wins with 84.24. Excluded, it no longer sets the
// highest social value, so B2's social value rises from 13.73 to the full 15.00 and B2
// leads with 28.95 + 22.20 + 15.00 + 5.00 + 4.00 + 4.00 = 79.15.
TEST(WorkspaceExclusion, SchoolMealsWinnerExcludedMakesB2FirstWith7915) {
    ScratchFolder scratch;
    std::filesystem::copy(kSourceDir / "samples/school-meals", scratch / "meals",
                          std::filesystem::copy_options::recursive);
    const auto before = evaluateTenderFolder(scratch / "meals", referenceRates());
    ASSERT_TRUE(before.result);
    ASSERT_EQ(*before.result->winnerId, "B1");
    EXPECT_DOUBLE_EQ(before.result->findBid("B1")->total, 84.24);
    std::string text;
    {
        std::ifstream in(scratch / "meals/evaluations.xml");
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    text.replace(text.rfind("</evaluations>"), 14,
                 "  <exclusion bid=\"B1\">failed the final insurance check</exclusion>\n"
                 "</evaluations>");
    std::ofstream(scratch / "meals/evaluations.xml", std::ios::trunc) << text;
    const auto after = evaluateTenderFolder(scratch / "meals", referenceRates());
    ASSERT_TRUE(after.result) << after.diagnostics.front().toString();
    EXPECT_EQ(*after.result->winnerId, "B2");
    EXPECT_DOUBLE_EQ(after.result->findBid("B2")->total, 79.15);
    EXPECT_EQ(after.result->findBid("B1")->exclusionReason(),
              "excluded after evaluation: failed the final insurance check");
}

TEST(WorkspaceMigration, SchemaOneFileOpensMigratedToFiveAndVerifies) {
    ScratchFolder scratch;
    const auto file = scratch / "old.ftw";
    ASSERT_TRUE(Workspace::createFromFolder(kSourceDir / "samples/home-care", file, "alice",
                                            referenceRates())
                    .ok());
    // What a schema 1 build wrote: the same file without the later tables.
    ASSERT_EQ(runSql(file, "DROP TABLE panel_members; DROP TABLE conflict_declarations; "
                           "DROP TABLE score_reopenings; DROP TABLE awards; "
                           "DROP TABLE exclusions; DROP TABLE audit_signatures; "
                           "UPDATE schema_version SET version = 1"),
              "");
    auto opened = Workspace::open(file);
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(opened.workspace->status().schemaVersion, 5);
    EXPECT_TRUE(opened.workspace->verify(referenceRates()).ok());
    EXPECT_TRUE(opened.workspace->addPanelMember("alice", "alice", PanelRole::Lead).ok());
}

// A schema 3 file holds exclusions without a day: migrated, each still matches the entry that
// wrote it.
TEST(WorkspaceMigration, SchemaThreeExclusionsStillVerifyAfterTheDayColumnIsAdded) {
    ScratchFolder scratch;
    std::filesystem::copy(kSourceDir / "samples/school-meals", scratch / "meals",
                          std::filesystem::copy_options::recursive);
    const std::string evaluations =
        testing::replaced(testing::readFile(scratch / "meals/evaluations.xml"), "</evaluations>",
                          "  <exclusion bid=\"B2\">withdrew</exclusion>\n</evaluations>");
    std::ofstream(scratch / "meals/evaluations.xml", std::ios::trunc) << evaluations;
    const auto file = scratch / "old.ftw";
    {
        auto created =
            Workspace::createFromFolder(scratch / "meals", file, "alice", referenceRates());
        ASSERT_TRUE(created.ok()) << created.diagnostics.front().toString();
        EXPECT_EQ(created.workspace->status().exclusions, 1u) << "the folder's exclusion is kept";
    }
    // What a schema 3 build wrote: the same row text, the table without the new columns.
    ASSERT_EQ(runSql(file, "ALTER TABLE exclusions DROP COLUMN withdrawn; "
                           "ALTER TABLE exclusions DROP COLUMN decided_on; "
                           "DROP TABLE audit_signatures; UPDATE schema_version SET version = 3"),
              "");
    auto opened = Workspace::open(file);
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(opened.workspace->status().schemaVersion, 5);
    EXPECT_TRUE(opened.workspace->verify(referenceRates()).ok());
    const auto load = opened.workspace->loadFolder(referenceRates());
    ASSERT_TRUE(load.folder);
    ASSERT_EQ(load.folder->evaluations.exclusions.size(), 1u);
    EXPECT_FALSE(load.folder->evaluations.exclusions[0].date.has_value());
}

} // namespace
} // namespace fairtender
