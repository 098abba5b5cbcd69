// What the award report and the assessment summaries say about the school meals sample
// taken to awarded: the engine's numbers, the panel's records and the audit trail.
#include "reporting/ReportContent.h"

#include "AwardedWorkspace.h"
#include "core/Decimal.h"
#include "core/FileHash.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace fairtender {
namespace {

using testing::livingWageRates;
using testing::ScratchFolder;
using testing::sourceDir;
using testing::takeThroughLifecycle;

class ReportContent : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        scratch_ = new ScratchFolder;
        workspace_ = new Workspace(
            takeThroughLifecycle(sourceDir() / "samples/school-meals", scratch_->path()));
        auto report = gatherAwardReport(*workspace_, livingWageRates());
        ASSERT_TRUE(report.ok()) << report.problems.front().toString();
        report_ = new AwardReportContent(std::move(*report.content));
    }
    static void TearDownTestSuite() {
        delete report_;
        delete workspace_;
        delete scratch_;
    }

    static const AwardReportContent& report() { return *report_; }
    static const Workspace& workspace() { return *workspace_; }

    static const RankingRow& rankingOf(const std::string& bid) {
        return *std::find_if(report().ranking.begin(), report().ranking.end(),
                             [&](const RankingRow& r) { return r.bidId == bid; });
    }

    static ScratchFolder* scratch_;
    static Workspace* workspace_;
    static AwardReportContent* report_;
};

ScratchFolder* ReportContent::scratch_ = nullptr;
Workspace* ReportContent::workspace_ = nullptr;
AwardReportContent* ReportContent::report_ = nullptr;

TEST_F(ReportContent, RecommendsTheFirstRankedBidAgainstTheRunnerUp) {
    ASSERT_TRUE(report().recommendation.has_value());
    const Recommendation& r = *report().recommendation;
    EXPECT_EQ(r.bidId, "B1");
    EXPECT_EQ(r.supplier, "Irwell Kitchen Workers' Co-operative Ltd");
    EXPECT_EQ(r.total, "82.44");
    EXPECT_EQ(r.runnerUpBidId, "B2");
    EXPECT_EQ(r.runnerUpTotal, "73.79");
    EXPECT_EQ(r.margin, "8.65");
}

// B1 7,140,000.00 against B2 7,310,000.00 on an estimate of 7,000,000.00.
// 82.44 against 73.79: 8.65 points, well over the default close margin of 1.00.
TEST_F(ReportContent, RobustnessGivesTheVerdictAndTheOddsOfTheDefaultSamples) {
    ASSERT_TRUE(report().robustness.has_value());
    const RobustnessText& r = *report().robustness;
    EXPECT_EQ(r.verdict, "B1 wins by 8.65 points over B2, a clear winner (close margin 1.00)");
    EXPECT_TRUE(r.clearWinner);
    ASSERT_FALSE(r.odds.empty());
    EXPECT_EQ(r.odds.front().bidId, "B1");
    EXPECT_NE(r.oddsMethod.find("10000 samples, seed 1"), std::string::npos) << r.oddsMethod;
    // The same figures as the command line's default run over the same record.
    const FolderEvaluation evaluated = workspace().evaluate(livingWageRates());
    ASSERT_TRUE(evaluated.ok());
    const TenderFolder& folder = *evaluated.folder;
    const AwardSensitivity direct =
        analyseAward(folder.tender, folder.bids, folder.evaluations, *evaluated.result);
    ASSERT_EQ(direct.odds.bids.size(), r.odds.size());
    for (std::size_t i = 0; i < r.odds.size(); ++i)
        EXPECT_EQ(r.odds[i].fraction, direct.odds.bids[i].share) << r.odds[i].bidId;
    EXPECT_EQ(r.markFlips.size(), direct.markFlips.size());
    EXPECT_EQ(r.weightFlips.size(), direct.weightFlips.size());
}

TEST_F(ReportContent, RecommendationGivesBothPricesTheirDifferenceAndTheEstimate) {
    const Recommendation& r = *report().recommendation;
    EXPECT_EQ(r.price, "7,140,000.00");
    EXPECT_EQ(r.runnerUpPrice, "7,310,000.00");
    EXPECT_EQ(r.priceDifference, "170,000.00 less than the runner-up's");
    EXPECT_EQ(r.versusEstimate, "2.0% above the estimated value of 7,000,000.00");
    EXPECT_EQ(r.priceBasis, "the tendered price");
    EXPECT_EQ(rankingOf("B6").price, "5,290,000.00");
    EXPECT_EQ(rankingOf("B4").price, "6,650,000.00");
}

TEST_F(ReportContent, SocialValueOfEachRankedBidIsGivenCommitmentByCommitment) {
    const auto b6 = std::find_if(report().socialValue.begin(), report().socialValue.end(),
                                 [](const SocialValueText& sv) { return sv.bidId == "B6"; });
    ASSERT_NE(b6, report().socialValue.end());
    // No deliverability factors here (the panel scored from scratch): 40 x 28,000 + 3 x
    // 21,000 + 520 x 230 + 200 x 17 = 1,306,000.00.
    EXPECT_EQ(b6->total, "1,306,000.00");
    ASSERT_EQ(b6->commitments.size(), 4u);
    EXPECT_EQ(b6->commitments[0].formula, "40 FTE x 28,000.00 = 1,120,000.00");
    EXPECT_EQ(b6->commitments[1].factor, "1 (not assessed)");
    EXPECT_EQ(b6->scoring.substr(0, 27), "social value 1,306,000.00 /");
}

TEST_F(ReportContent, TheAwardHistoryHasTheAwardWithWhoDecidedIt) {
    ASSERT_EQ(report().history.size(), 1u);
    EXPECT_EQ(report().history[0].step, "Award");
    EXPECT_EQ(report().history[0].date, "2025-12-19");
    EXPECT_EQ(report().history[0].by, "Ann Lee");
    EXPECT_EQ(report().history[0].reason, "approved by cabinet");
}

TEST_F(ReportContent, ALosersSummaryCarriesTheWinnersPointsOnEachCriterionAndItsStanding) {
    const auto summaries = gatherAssessmentSummaries(workspace(), livingWageRates());
    const auto& b2 = (*summaries.content)[1];
    EXPECT_EQ(b2.own.standing, "ranked 2nd of 5 assessed tenders");
    EXPECT_EQ(b2.assessedTenders, 5u);
    const auto price = std::find_if(b2.own.criteria.begin(), b2.own.criteria.end(),
                                    [](const CriterionAssessment& c) { return c.id == "price"; });
    ASSERT_NE(price, b2.own.criteria.end());
    EXPECT_EQ(price->points, "28.95");
    EXPECT_EQ(price->winnerPoints, "29.64");
    EXPECT_FALSE(b2.own.socialValue.empty());
}

TEST_F(ReportContent, ComparisonWithTheRunnerUpIsPerTopLevelNode) {
    const auto& lines = report().recommendation->comparison;
    ASSERT_EQ(lines.size(), 6u);
    EXPECT_EQ(lines[1].node, "Quality");
    EXPECT_EQ(lines[1].winner, "24.00");
    EXPECT_EQ(lines[1].runnerUp, "20.40"); // 4/5 x 12 + 3/5 x 9 + 3/5 x 9
    EXPECT_EQ(lines[1].difference, "+3.60");
}

TEST_F(ReportContent, RankingTotalsAreTheEnginesFormattedToTheModelsPlaces) {
    const auto evaluated = workspace().evaluate(livingWageRates());
    for (const auto& bid : evaluated.result->bids) {
        if (bid.status == BidStatus::Ranked) {
            EXPECT_EQ(rankingOf(bid.bidId).total, formatFixed(bid.total, 2)) << bid.bidId;
        }
    }
    EXPECT_EQ(rankingOf("B6").total, "70.59");
    EXPECT_EQ(rankingOf("B6").rank, "3");
}

TEST_F(ReportContent, BidFailingAGateIsListedAsExcludedWithItsReason) {
    ASSERT_EQ(report().exclusions.size(), 1u);
    EXPECT_EQ(report().exclusions[0].bidId, "B4");
    EXPECT_EQ(report().exclusions[0].reason,
              "did not meet the pass/fail requirement \"Public liability insurance of at least "
              "\u00a310m and employer's liability of at least \u00a35m\"");
    EXPECT_EQ(rankingOf("B4").status, "excluded");
}

TEST_F(ReportContent, AbnormallyLowFlagShowsTheLeadsDecisionAndReason) {
    const auto flag = std::find_if(report().flags.begin(), report().flags.end(),
                                   [](const FlagRow& f) { return f.kind == "abnormally-low"; });
    ASSERT_NE(flag, report().flags.end());
    EXPECT_EQ(flag->bidId, "B6");
    EXPECT_EQ(flag->resolution, "accepted by Ann Lee: costs explained in clarification");
}

TEST_F(ReportContent, SpreadOverTheThresholdShowsTheConsensusAgreed) {
    const auto flag = std::find_if(report().flags.begin(), report().flags.end(),
                                   [](const FlagRow& f) { return f.kind == "evaluator-spread"; });
    ASSERT_NE(flag, report().flags.end());
    EXPECT_EQ(flag->bidId, "B5");
    EXPECT_EQ(flag->criterion, "q-menu");
    EXPECT_EQ(flag->resolution, "consensus 3 agreed by Mo Khan: agreed at moderation");
    EXPECT_EQ(report().moderation.spreadsOverThreshold, 1u);
}

TEST_F(ReportContent, ModerationCountsTheScoresAndListsTheChangedConsensus) {
    const ModerationSummary& m = report().moderation;
    EXPECT_EQ(m.individualScores, 40u); // 5 bids x 4 judgement criteria x 2 evaluators
    EXPECT_EQ(m.consensusScores, 20u);
    ASSERT_EQ(m.changes.size(), 1u);
    EXPECT_EQ(m.changes[0].subject, "B2 q-menu");
    EXPECT_EQ(m.changes[0].before, "3");
    EXPECT_EQ(m.changes[0].after, "4");
    EXPECT_EQ(m.changes[0].reason, "appendix C had been missed");
}

TEST_F(ReportContent, PanelShowsRolesAndTheDeclaredConflict) {
    ASSERT_EQ(report().panel.size(), 4u);
    EXPECT_EQ(report().panel[0].roles, "lead");
    EXPECT_EQ(report().panel[0].declaration, "no conflict");
    EXPECT_EQ(report().panel[1].declaration, "no conflict");
    EXPECT_EQ(report().panel[3].name, "Mo Khan");
    EXPECT_EQ(report().panel[3].declaration, "conflict with B3: former director");
}

TEST_F(ReportContent, OwnershipModelsAreCountedOverEveryBid) {
    const auto smePrivate =
        std::find_if(report().ownership.begin(), report().ownership.end(),
                     [](const OwnershipCount& o) { return o.model == "sme-private"; });
    ASSERT_NE(smePrivate, report().ownership.end());
    EXPECT_EQ(smePrivate->bids, 2u); // B3 and B4
    EXPECT_EQ(report().communityWealth.size(), 6u);
    EXPECT_EQ(report().communityWealth[0].livingWage, "accredited Living Wage employer");
}

TEST_F(ReportContent, InputHashesAreThoseOfTheFilesAsImported) {
    ASSERT_GE(report().inputs.size(), 7u);
    EXPECT_EQ(report().inputs[0].name, "tender.xml");
    EXPECT_EQ(report().inputs[0].sha256,
              sha256Hex(sourceDir() / "samples/school-meals/tender.xml").value());
    EXPECT_EQ(report().inputs[1].name, "bids/B1-irwell-kitchen.xml");
    EXPECT_EQ(report().inputs[1].sha256,
              sha256Hex(sourceDir() / "samples/school-meals/bids/B1-irwell-kitchen.xml").value());
}

TEST_F(ReportContent, AuditHeadIsTheWorkspacesHeadHash) {
    EXPECT_EQ(report().auditHeadHash, workspace().status().headHash);
    EXPECT_EQ(report().auditHeadHash.size(), 64u);
    EXPECT_EQ(report().verifyTarget, "ws.ftw");
}

TEST_F(ReportContent, AwardRecordCarriesTheStandstillEnd) {
    ASSERT_TRUE(report().award.has_value());
    EXPECT_EQ(report().award->noticeDate, "2025-12-19");
    EXPECT_EQ(report().award->standstillEnd, "2026-01-05");
}

TEST_F(ReportContent, EverySupplierGetsASummaryAndNonWinnersSeeTheWinner) {
    const auto summaries = gatherAssessmentSummaries(workspace(), livingWageRates());
    ASSERT_TRUE(summaries.ok());
    ASSERT_EQ(summaries.content->size(), 6u);
    const auto& first = summaries.content->front();
    EXPECT_EQ(first.own.bidId, "B1");
    EXPECT_FALSE(first.winner.has_value());
    const auto& second = (*summaries.content)[1];
    EXPECT_EQ(second.own.bidId, "B2");
    ASSERT_TRUE(second.winner.has_value());
    EXPECT_EQ(second.winner->bidId, "B1");
    EXPECT_EQ(second.winner->total, "82.44");
    EXPECT_EQ(second.own.total, "73.79");
}

TEST_F(ReportContent, SummaryGivesTheConsensusReasonOnAJudgementCriterion) {
    const auto summaries = gatherAssessmentSummaries(workspace(), livingWageRates());
    const auto& b2 = (*summaries.content)[1].own;
    const auto menu = std::find_if(b2.criteria.begin(), b2.criteria.end(),
                                   [](const CriterionAssessment& c) { return c.id == "q-menu"; });
    ASSERT_NE(menu, b2.criteria.end());
    EXPECT_EQ(menu->figure, "4 of 5");
    EXPECT_EQ(menu->reason, "evidence in appendix C");
    EXPECT_EQ(menu->effectiveWeight, "12.00");
    EXPECT_EQ(menu->descriptors.size(), 6u);
}

TEST_F(ReportContent, ExcludedSupplierSummaryGivesTheReason) {
    const auto summaries = gatherAssessmentSummaries(workspace(), livingWageRates());
    const auto& b4 = summaries.content->back().own;
    EXPECT_EQ(b4.bidId, "B4");
    EXPECT_EQ(b4.status, "excluded");
    EXPECT_NE(b4.exclusionReason.find("failed gate insurance"), std::string::npos)
        << b4.exclusionReason;
}

TEST(ReportContentMinimum, ABidBelowAMinimumScoreSeesTheCriterionInWordsAndThePanelsScores) {
    ScratchFolder scratch;
    Workspace ws = takeThroughLifecycle(sourceDir() / "samples/school-meals", scratch.path(),
                                        LifecycleState::Moderation);
    const auto rates = livingWageRates();
    const auto folder = ws.loadFolder(rates).folder;
    // B3's menus agreed at 1, below the minimum 2 of q-menu; everything else at 3 (or 60).
    for (const auto& item : ws.moderationAgenda(rates)) {
        const ModelNode& node = *findNode(folder->tender.model, item.criterionId);
        const bool low = item.bidId == "B3" && item.criterionId == "q-menu";
        const double value = low ? 1 : node.criterion.scaleMax * 0.6;
        const std::string moderator =
            ws.panel().conflict("Mo Khan", item.bidId) != nullptr ? "Ann Lee" : "Mo Khan";
        ASSERT_TRUE(ws.setConsensus(moderator, item.bidId, item.criterionId, value,
                                    low ? "Menus do not meet the School Food Standards" : "agreed",
                                    "", rates)
                        .ok());
    }
    if (const auto evaluated = ws.evaluate(rates); evaluated.result) {
        for (const auto& bid : evaluated.result->bids) {
            if (bid.hasFlag(FlagKind::AbnormallyLow)) {
                ASSERT_TRUE(
                    ws.decideAbnormallyLow("Ann Lee", bid.bidId, true, "explained", rates).ok());
            }
        }
    }
    ASSERT_TRUE(ws.advance("Ann Lee", LifecycleState::Locked, "moderation complete", rates).ok());

    const auto summaries = gatherAssessmentSummaries(ws, rates);
    ASSERT_TRUE(summaries.ok());
    const auto b3 = std::find_if(summaries.content->begin(), summaries.content->end(),
                                 [](const auto& s) { return s.own.bidId == "B3"; });
    ASSERT_NE(b3, summaries.content->end());
    EXPECT_EQ(b3->own.status, "excluded");
    ASSERT_EQ(b3->own.exclusionReasons.size(), 2u);
    EXPECT_EQ(b3->own.exclusionReasons[0],
              "score 1 on \"Menus, nutrition and allergen management\" is below the minimum 2");
    EXPECT_EQ(b3->own.exclusionReasons[1],
              "\"Quality\" scored 44.00% of its 30 points, below the minimum 50%");
    const auto menus = std::find_if(b3->own.criteria.begin(), b3->own.criteria.end(),
                                    [](const auto& c) { return c.id == "q-menu"; });
    ASSERT_NE(menus, b3->own.criteria.end());
    EXPECT_EQ(menus->figure, "1 of 5");
    EXPECT_EQ(menus->reason, "Menus do not meet the School Food Standards");
    EXPECT_EQ(menus->points, "-");
}

TEST(ReportContentStage, ReportIsRefusedBeforeTheResultsAreLocked) {
    ScratchFolder scratch;
    const Workspace ws = takeThroughLifecycle(sourceDir() / "samples/school-meals", scratch.path(),
                                              LifecycleState::Moderation);
    const auto report = gatherAwardReport(ws, livingWageRates());
    ASSERT_FALSE(report.ok());
    EXPECT_NE(report.problems[0].message.find("this tender is at the moderation stage"),
              std::string::npos)
        << report.problems[0].message;
    EXPECT_FALSE(gatherAssessmentSummaries(ws, livingWageRates()).ok());
}

TEST(ReportContentStage, RefusalEndsWithTheCallersWayToMoveOn) {
    ScratchFolder scratch;
    const Workspace ws = takeThroughLifecycle(sourceDir() / "samples/school-meals", scratch.path(),
                                              LifecycleState::Moderation);
    EXPECT_EQ(requireLockedOrAwarded(ws, "The report", "ask the lead.")[0].message,
              "The report is made once the results are locked; this tender is at the moderation "
              "stage: finish it and ask the lead.");
    // The gathering functions, which every front end calls, name no front end's way: they
    // give a code by which each adds its own.
    const Diagnostic refused = gatherAwardReport(ws, livingWageRates()).problems[0];
    EXPECT_EQ(refused.message, "the award report is made once the results are locked; this "
                               "tender is at the moderation stage: finish it and lock them");
    EXPECT_EQ(refused.code, "documents.not-locked");
}

TEST(ReportContentStage, LockedTenderRecommendsTheFirstRankedBidWithoutAnAward) {
    ScratchFolder scratch;
    const Workspace ws = takeThroughLifecycle(sourceDir() / "samples/school-meals", scratch.path(),
                                              LifecycleState::Locked);
    const auto report = gatherAwardReport(ws, livingWageRates());
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report.content->tender.stage, "locked");
    EXPECT_EQ(report.content->recommendation->bidId, "B1");
    EXPECT_FALSE(report.content->award.has_value());
}

} // namespace
} // namespace fairtender
