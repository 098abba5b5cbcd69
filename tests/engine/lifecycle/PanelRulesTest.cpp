// Who may do what, when: each action's rule over every role and every stage.
#include "lifecycle/PanelRules.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace fairtender {
namespace {

constexpr LifecycleState kStages[] = {LifecycleState::Draft,      LifecycleState::Open,
                                      LifecycleState::Evaluation, LifecycleState::Moderation,
                                      LifecycleState::Locked,     LifecycleState::Awarded};

// alice leads, eve evaluates (declared), emma evaluates (not declared), mo moderates, ann
// audits; zed is not on the panel.
PanelRecord panel() {
    PanelRecord p;
    p.members = {{"alice", PanelRole::Lead},
                 {"eve", PanelRole::Evaluator},
                 {"emma", PanelRole::Evaluator},
                 {"mo", PanelRole::Moderator},
                 {"ann", PanelRole::Auditor}};
    p.declarations = {{"alice", "", "none"}, {"eve", "", "none"}, {"mo", "", "none"}};
    return p;
}

// The stages in which `actor` may take `action`.
std::set<LifecycleState> stagesAllowed(WorkspaceAction action, const std::string& actor) {
    std::set<LifecycleState> allowed;
    for (const auto stage : kStages)
        if (mayTake(action, panel(), stage, actor))
            allowed.insert(stage);
    return allowed;
}

using S = LifecycleState;

TEST(PanelRules, OnlyADeclaredEvaluatorScoresAndOnlyDuringEvaluationOrModeration) {
    EXPECT_EQ(stagesAllowed(WorkspaceAction::Score, "eve"),
              (std::set<S>{S::Evaluation, S::Moderation}));
    for (const char* other : {"alice", "emma", "mo", "ann", "zed"})
        EXPECT_TRUE(stagesAllowed(WorkspaceAction::Score, other).empty()) << other;
}

TEST(PanelRules, AnUndeclaredEvaluatorIsToldToDeclareFirst) {
    const auto refused =
        actionRefusals(WorkspaceAction::Score, panel(), LifecycleState::Evaluation, "emma");
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_EQ(refused[0].kind, ActionRefusal::Kind::Declaration);
    EXPECT_EQ(refused[0].message, "emma has not declared their interests: a declaration is "
                                  "recorded before scoring");
}

TEST(PanelRules, OnlyTheLeadImportsBidsAndOnlyWhileOpen) {
    EXPECT_EQ(stagesAllowed(WorkspaceAction::ImportBids, "alice"), (std::set<S>{S::Open}));
    for (const char* other : {"eve", "mo", "ann", "zed"})
        EXPECT_TRUE(stagesAllowed(WorkspaceAction::ImportBids, other).empty()) << other;
}

TEST(PanelRules, AModeratorOrTheLeadAgreesConsensusDuringModerationOnly) {
    for (const char* who : {"alice", "mo"})
        EXPECT_EQ(stagesAllowed(WorkspaceAction::SetConsensus, who), (std::set<S>{S::Moderation}))
            << who;
    for (const char* other : {"eve", "ann", "zed"})
        EXPECT_TRUE(stagesAllowed(WorkspaceAction::SetConsensus, other).empty()) << other;
}

TEST(PanelRules, TheLeadExcludesABidOnceTheResultsAreLocked) {
    EXPECT_EQ(stagesAllowed(WorkspaceAction::Exclude, "alice"),
              (std::set<S>{S::Locked, S::Awarded}));
    EXPECT_EQ(actionRefusals(WorkspaceAction::Exclude, panel(), S::Moderation, "alice")[0].message,
              "a bid is excluded after the evaluation once the results are locked; the tender "
              "is at the moderation stage");
}

TEST(PanelRules, ThePanelChangesUntilTheResultsAreLocked) {
    EXPECT_EQ(stagesAllowed(WorkspaceAction::AddPanelMember, "alice"),
              (std::set<S>{S::Draft, S::Open, S::Evaluation, S::Moderation}));
    EXPECT_EQ(stagesAllowed(WorkspaceAction::DeclareInterests, "emma"),
              (std::set<S>{S::Draft, S::Open, S::Evaluation, S::Moderation}));
    EXPECT_TRUE(stagesAllowed(WorkspaceAction::DeclareInterests, "zed").empty());
}

TEST(PanelRules, BeforeThereIsALeadAnyoneAddsToThePanelButNobodyMovesTheTenderOn) {
    const PanelRecord empty;
    EXPECT_TRUE(mayTake(WorkspaceAction::AddPanelMember, empty, S::Draft, "zed"));
    const auto refused = actionRefusals(WorkspaceAction::Advance, empty, S::Draft, "zed");
    ASSERT_FALSE(refused.empty());
    EXPECT_EQ(refused[0].message, std::string(kNoLead));
}

TEST(PanelRules, TheTenderIsReplacedInDraftOnly) {
    EXPECT_EQ(stagesAllowed(WorkspaceAction::ReplaceTender, "alice"), (std::set<S>{S::Draft}));
    EXPECT_TRUE(stagesAllowed(WorkspaceAction::ReplaceTender, "eve").empty());
}

TEST(PanelRules, OnceAwardedTheLeadMayOnlyExcludeABid) {
    std::vector<WorkspaceAction> allowed;
    for (const auto action : kWorkspaceActions)
        if (mayTake(action, panel(), S::Awarded, "alice"))
            allowed.push_back(action);
    EXPECT_EQ(allowed, std::vector<WorkspaceAction>{WorkspaceAction::Exclude});
}

// The stages in which `reader` may read `view`.
std::set<LifecycleState> stagesReadable(WorkspaceView view, const std::string& reader) {
    std::set<LifecycleState> allowed;
    for (const auto stage : kStages)
        if (mayRead(view, panel(), stage, reader))
            allowed.insert(stage);
    return allowed;
}

TEST(PanelViewRules, NobodyOffThePanelReadsAnyViewAtAnyStage) {
    for (const auto view : kWorkspaceViews)
        EXPECT_TRUE(stagesReadable(view, "zed").empty()) << toString(view);
    EXPECT_EQ(viewRefusals(WorkspaceView::Status, panel(), S::Open, "zed").front().code,
              "view.not-on-panel");
}

TEST(PanelViewRules, EveryMemberReadsTheStatusModelPanelBidsTodoAndScores) {
    for (const auto view : {WorkspaceView::Status, WorkspaceView::Model, WorkspaceView::Panel,
                            WorkspaceView::Bids, WorkspaceView::Todo, WorkspaceView::Scores})
        for (const char* member : {"alice", "eve", "emma", "mo", "ann"})
            EXPECT_EQ(stagesReadable(view, member).size(), 6u) << toString(view) << member;
}

TEST(PanelViewRules, EvaluatorsAndModeratorsReadTheRankingOnlyOnceTheResultsAreLocked) {
    const std::set<S> locked{S::Locked, S::Awarded};
    EXPECT_EQ(stagesReadable(WorkspaceView::Ranking, "eve"), locked);
    EXPECT_EQ(stagesReadable(WorkspaceView::Ranking, "mo"), locked);
    EXPECT_EQ(stagesReadable(WorkspaceView::Ranking, "alice").size(), 6u);
    EXPECT_EQ(stagesReadable(WorkspaceView::Ranking, "ann").size(), 6u);
    EXPECT_EQ(viewRefusals(WorkspaceView::Ranking, panel(), S::Evaluation, "eve").front().code,
              "view.ranking-price-blind");
}

TEST(PanelViewRules, OnlyTheLeadAndAuditorsReadTheAuditLogAndVerify) {
    for (const auto view : {WorkspaceView::AuditLog, WorkspaceView::Verify}) {
        EXPECT_EQ(stagesReadable(view, "alice").size(), 6u);
        EXPECT_EQ(stagesReadable(view, "ann").size(), 6u);
        EXPECT_TRUE(stagesReadable(view, "eve").empty());
        EXPECT_TRUE(stagesReadable(view, "mo").empty());
    }
}

TEST(PanelViewRules, OnlyTheLeadAndAuditorsFetchTheDocuments) {
    EXPECT_EQ(stagesReadable(WorkspaceView::Documents, "alice").size(), 6u);
    EXPECT_EQ(stagesReadable(WorkspaceView::Documents, "ann").size(), 6u);
    EXPECT_TRUE(stagesReadable(WorkspaceView::Documents, "eve").empty());
    EXPECT_TRUE(stagesReadable(WorkspaceView::Documents, "mo").empty());
    EXPECT_EQ(viewRefusals(WorkspaceView::Documents, panel(), S::Awarded, "mo").front().message,
              "mo is not the lead or an auditor: the documents show every score and price");
}

TEST(PanelViewRules, AnEvaluatorDoesNotReadTheModerationAgenda) {
    EXPECT_TRUE(stagesReadable(WorkspaceView::ModerationAgenda, "eve").empty());
    EXPECT_EQ(stagesReadable(WorkspaceView::ModerationAgenda, "mo").size(), 6u);
}

TEST(PanelViewRules, AnEvaluatorWhoIsAlsoLeadReadsWhatTheLeadReads) {
    PanelRecord both = panel();
    both.members.push_back({"eve", PanelRole::Lead});
    EXPECT_TRUE(mayRead(WorkspaceView::Ranking, both, S::Evaluation, "eve"));
    EXPECT_TRUE(mayRead(WorkspaceView::AuditLog, both, S::Evaluation, "eve"));
}

} // namespace
} // namespace fairtender
