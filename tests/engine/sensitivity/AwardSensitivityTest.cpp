// How robust an award is: worked tenders with hand-checked margins and flips, and
// properties checked against the full pipeline at every 0.01 of weight and every single
// judgement step.
#include "sensitivity/AwardSensitivity.h"

#include "../scoring/TestTender.h"
#include "io/json/SensitivityJson.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <tuple>

using namespace fairtender;
using namespace fairtender::test;

namespace {

struct Case {
    Tender tender;
    std::vector<Bid> bids;
    Evaluations evaluations;
    EvaluationResult result;
};

Case evaluated(Tender tender, std::vector<Bid> bids, Evaluations evaluations) {
    Case c{std::move(tender), std::move(bids), std::move(evaluations), {}};
    c.result = evaluateOk(c.tender, c.bids, c.evaluations);
    return c;
}

// Price 60 (lowest relative), q1 20 and q2 20 (scale 5). A: 100.00, 3 and 3 = 60 + 12 +
// 12 = 84.00. B: 110.00, 4 and 4 = 54.55 + 16 + 16 = 86.55. B wins by 2.55; one mark up
// for A, or down for B, turns it (4 points move either way).
Case oneMarkCase() {
    Evaluations ev;
    consensus(ev, "A", "q1", 3);
    consensus(ev, "A", "q2", 3);
    consensus(ev, "B", "q1", 4);
    consensus(ev, "B", "q2", 4);
    return evaluated(tender({price("price", 60), judgement("q1", 20), judgement("q2", 20)}),
                     {bid("A", "100.00"), bid("B", "110.00")}, ev);
}

// Two ownership criteria of 50 each: A (co-operative) 1.0 and 0.65 = 82.50, B (SME) 0.9
// and 0.7494 = 45.00 + 37.47 = 82.47.
Case nearTieCase() {
    auto o1 = ownership(
        "o1", 50,
        {{OwnershipModel::WorkerCooperative, 1.0, {}}, {OwnershipModel::SmePrivate, 0.9, {}}});
    auto o2 = ownership(
        "o2", 50,
        {{OwnershipModel::WorkerCooperative, 0.65, {}}, {OwnershipModel::SmePrivate, 0.7494, {}}});
    Bid a = bid("A", "100.00");
    a.supplier.ownership = OwnershipModel::WorkerCooperative;
    Bid b = bid("B", "100.00");
    b.supplier.ownership = OwnershipModel::SmePrivate;
    return evaluated(tender({o1, o2}), {a, b}, {});
}

// Price 70, quality 25 (scale 5), ownership 5. A: 100.00, 5, large private = 70 + 25 + 0 =
// 95.00; B: 200.00, 2, co-operative = 35 + 10 + 5 = 50.00.
Case clearCase() {
    Evaluations ev;
    consensus(ev, "A", "q", 5);
    consensus(ev, "B", "q", 2);
    Bid a = bid("A", "100.00");
    a.supplier.ownership = OwnershipModel::LargePrivate;
    Bid b = bid("B", "200.00");
    b.supplier.ownership = OwnershipModel::WorkerCooperative;
    return evaluated(tender({price("price", 70), judgement("q", 25),
                             ownership("own", 5, {{OwnershipModel::WorkerCooperative, 1.0, {}}})}),
                     {a, b}, ev);
}

// Price 50; quality 50 at least 50%, q1 50 and q2 50 (scale 5). A: 100.00, 5 and 1: quality
// 60%, 50 + 30 = 80.00. B: 200.00, 3 and 3: quality 60%, 25 + 30 = 55.00.
Case thresholdCase() {
    Evaluations ev;
    consensus(ev, "A", "q1", 5);
    consensus(ev, "A", "q2", 1);
    consensus(ev, "B", "q1", 3);
    consensus(ev, "B", "q2", 3);
    auto quality = group("quality", 50, {judgement("q1", 50), judgement("q2", 50)});
    quality.minPercent = 50;
    return evaluated(tender({price("price", 50), quality}),
                     {bid("A", "100.00"), bid("B", "200.00")}, ev);
}

const NodeWeightFlips& flipsOf(const std::vector<NodeWeightFlips>& all, const std::string& id) {
    for (const auto& node : all)
        if (node.nodeId == id)
            return node;
    ADD_FAILURE() << "no weight flips for " << id;
    static const NodeWeightFlips none;
    return none;
}

std::optional<std::string> winnerAt(const Case& c, const std::string& node, double weight) {
    const auto changed = withNodeWeight(c.tender, node, weight);
    EXPECT_TRUE(changed.has_value());
    const EvaluationOutcome outcome = evaluate(*changed, c.bids, c.evaluations);
    EXPECT_TRUE(outcome.ok());
    return outcome.result ? outcome.result->winnerId : std::nullopt;
}

// The nearest grid weight each way at which the full pipeline gives another winner, found
// by evaluating every 0.01 of the way.
std::optional<double> scannedFlip(const Case& c, const NodeWeightFlips& node,
                                  FlipDirection direction) {
    const int published = static_cast<int>(std::lround(node.weight * 100));
    const int step = direction == FlipDirection::Up ? 1 : -1;
    for (int k = published + step; k >= 0 && k <= 10000; k += step)
        if (winnerAt(c, node.nodeId, k / 100.0) != c.result.winnerId)
            return k / 100.0;
    return std::nullopt;
}

void expectEveryFlipIsTheNearestByFullScan(const Case& c) {
    const auto flips = findWeightFlips(c.tender, c.bids, c.evaluations, c.result);
    ASSERT_FALSE(flips.empty());
    for (const auto& node : flips)
        for (const auto direction : {FlipDirection::Down, FlipDirection::Up}) {
            const auto& found = direction == FlipDirection::Up ? node.up : node.down;
            const auto scanned = scannedFlip(c, node, direction);
            ASSERT_EQ(found.has_value(), scanned.has_value())
                << node.nodeId << " " << toString(direction);
            if (!found)
                continue;
            EXPECT_DOUBLE_EQ(found->weight, *scanned) << node.nodeId << " " << toString(direction);
            EXPECT_EQ(found->newWinner, winnerAt(c, node.nodeId, found->weight));
        }
}

using Step = std::tuple<std::string, std::string, double>; // bid, criterion, to

std::set<Step> markFlipsByFullScan(const Case& c) {
    std::set<Step> flips;
    std::vector<const ModelNode*> leaves;
    forEachNode(c.tender.model.children, [&](const ModelNode& n) {
        if (n.kind == NodeKind::Criterion && n.criterion.type == CriterionType::Judgement)
            leaves.push_back(&n);
    });
    {
        for (const ModelNode* leaf : leaves)
            for (const auto& consensusScore : c.evaluations.consensus) {
                if (consensusScore.criterionId != leaf->id)
                    continue;
                for (const double to : {consensusScore.value - 1, consensusScore.value + 1}) {
                    if (to < 0 || to > leaf->criterion.scaleMax)
                        continue;
                    Evaluations changed = c.evaluations;
                    for (auto& cs : changed.consensus)
                        if (cs.bidId == consensusScore.bidId && cs.criterionId == leaf->id)
                            cs.value = to;
                    const auto outcome = evaluate(c.tender, c.bids, changed);
                    if (outcome.result && outcome.result->winnerId != c.result.winnerId)
                        flips.emplace(consensusScore.bidId, leaf->id, to);
                }
            }
    }
    return flips;
}

std::set<Step> asSteps(const std::vector<MarkFlip>& flips) {
    std::set<Step> steps;
    for (const auto& flip : flips)
        steps.emplace(flip.bidId, flip.criterionId, flip.to);
    return steps;
}

} // namespace

TEST(AwardMargin, IsTheWinnersTotalLessTheRunnerUps) {
    const Case c = oneMarkCase();
    AwardSensitivity s;
    findMargin(c.tender, c.result, s);
    EXPECT_EQ(s.winner, std::optional<std::string>("B"));
    EXPECT_EQ(s.runnerUp, std::optional<std::string>("A"));
    ASSERT_TRUE(s.margin);
    EXPECT_DOUBLE_EQ(*s.margin, 2.55); // 86.55 - 84.00
    EXPECT_TRUE(s.clearWinner);
    EXPECT_EQ(verdictText(s, 2),
              "B wins by 2.55 points over A, a clear winner (close margin 1.00)");
}

TEST(AwardMargin, UnderTheCloseMarginIsNoClearWinner) {
    const Case c = nearTieCase();
    AwardSensitivity s;
    findMargin(c.tender, c.result, s);
    ASSERT_TRUE(s.margin);
    EXPECT_DOUBLE_EQ(*s.margin, 0.03); // 82.50 - 82.47
    EXPECT_FALSE(s.clearWinner);
    EXPECT_EQ(verdictText(s, 2), "No clear winner: A leads B by 0.03 points, under the close "
                                 "margin of 1.00; record why the award stands");
}

TEST(AwardMargin, TheModelsCloseMarginDecides) {
    Case c = nearTieCase();
    c.tender.model.closeMargin = 0.03;
    AwardSensitivity s;
    findMargin(c.tender, c.result, s);
    EXPECT_TRUE(s.clearWinner); // 0.03 is not under 0.03
}

TEST(MarkFlips, OneStepOfEitherBidsMarkTurnsAWinOfTwoPointFiftyFive) {
    const Case c = oneMarkCase();
    const auto flips = findMarkFlips(c.tender, c.bids, c.evaluations, c.result);
    // B down a step loses 4 points (82.55 < 84.00); A up a step gains 4 (88.00 > 86.55).
    ASSERT_EQ(flips.size(), 4u);
    EXPECT_EQ(flips[0].bidId, "B");
    EXPECT_EQ(flips[0].criterionId, "q1");
    EXPECT_DOUBLE_EQ(flips[0].from, 4);
    EXPECT_DOUBLE_EQ(flips[0].to, 3);
    EXPECT_EQ(flips[0].newWinner, std::optional<std::string>("A"));
    EXPECT_EQ(flips[2].bidId, "A");
    EXPECT_DOUBLE_EQ(flips[2].to, 4);
    EXPECT_EQ(asSteps(flips), markFlipsByFullScan(c));
}

TEST(MarkFlips, NoneForAClearWinnerAndNoUnlistedStepChangesIt) {
    const Case c = clearCase();
    EXPECT_TRUE(findMarkFlips(c.tender, c.bids, c.evaluations, c.result).empty());
    EXPECT_TRUE(markFlipsByFullScan(c).empty());
}

TEST(MarkFlips, AStepBelowAGroupThresholdThatExcludesTheWinnerIsAFlip) {
    Case c = thresholdCase();
    // A's q2 at 0: quality 25 + 0 = 25 points, exactly 50%, and A leads 75.00 to 55.00.
    for (auto& cs : c.evaluations.consensus)
        if (cs.bidId == "A" && cs.criterionId == "q2")
            cs.value = 0;
    c.result = evaluateOk(c.tender, c.bids, c.evaluations);
    ASSERT_EQ(c.result.winnerId, std::optional<std::string>("A"));
    // A's q1 5 -> 4 gives 20 points, 40%: A is out and B wins. Nothing else turns it.
    const auto flips = findMarkFlips(c.tender, c.bids, c.evaluations, c.result);
    ASSERT_EQ(flips.size(), 1u);
    EXPECT_EQ(flips[0].bidId, "A");
    EXPECT_EQ(flips[0].criterionId, "q1");
    EXPECT_DOUBLE_EQ(flips[0].to, 4);
    EXPECT_EQ(flips[0].newWinner, std::optional<std::string>("B"));
    EXPECT_EQ(asSteps(flips), markFlipsByFullScan(c));
}

TEST(WeightFlips, PriceUpTo68Point74TurnsItThoughTheLinesCrossAt68Point75) {
    const Case c = oneMarkCase();
    const auto flips = findWeightFlips(c.tender, c.bids, c.evaluations, c.result);
    // A = 60 + 0.4 w and B = 80 + 0.10909 w cross at 68.75; rounded, A's 68.74 + 9.38 +
    // 9.38 = 87.50 beats B's 62.49 + 12.50 + 12.50 = 87.49 already at 68.74, while at 68.73
    // B's 87.50 beats A's 87.49.
    const auto& price = flipsOf(flips, "price");
    ASSERT_TRUE(price.up);
    EXPECT_DOUBLE_EQ(price.up->weight, 68.74);
    EXPECT_EQ(price.up->newWinner, std::optional<std::string>("A"));
    EXPECT_EQ(winnerAt(c, "price", 68.73), std::optional<std::string>("B"));
    EXPECT_FALSE(price.down); // less price weight only helps B
}

TEST(WeightFlips, EveryReportedFlipIsTheNearestTheFullPipelineFinds) {
    expectEveryFlipIsTheNearestByFullScan(oneMarkCase());
}

TEST(WeightFlips, AClearWinnersNearestFlipLiesFarAndEndsInATie) {
    const Case c = clearCase();
    const auto flips = findWeightFlips(c.tender, c.bids, c.evaluations, c.result);
    EXPECT_FALSE(flipsOf(flips, "price").up);
    EXPECT_FALSE(flipsOf(flips, "price").down);
    EXPECT_FALSE(flipsOf(flips, "q").down);
    // Ownership from 5 to 34.48: A's 48.28 + 17.24 = 65.52, B's 24.14 + 6.90 + 34.48 = 65.52,
    // first place tied; at 34.47 A still leads 65.53 to 65.51.
    const auto& own = flipsOf(flips, "own");
    ASSERT_TRUE(own.up);
    EXPECT_DOUBLE_EQ(own.up->weight, 34.48);
    EXPECT_FALSE(own.up->newWinner.has_value());
    expectEveryFlipIsTheNearestByFullScan(c);
}

TEST(WeightFlips, AFlipWhereTheWinnerFallsBelowTheQualityThreshold) {
    const Case c = thresholdCase();
    const auto flips = findWeightFlips(c.tender, c.bids, c.evaluations, c.result);
    // q1 down to w, q2 up to 100 - w: A's quality points are 0.5 w x 1 + 0.5 (100 - w) x
    // 0.2. At 37.49 they round to 18.75 + 6.25 = 25.00, 50%, still in; at 37.48 to 18.74 +
    // 6.25 = 24.99, 49.98%: A is out and B wins.
    const auto& q1 = flipsOf(flips, "q1");
    ASSERT_TRUE(q1.down);
    EXPECT_DOUBLE_EQ(q1.down->weight, 37.48);
    EXPECT_EQ(q1.down->newWinner, std::optional<std::string>("B"));
    expectEveryFlipIsTheNearestByFullScan(c);
}

TEST(WeightFlips, AWeightMovesWithItsSiblingsRescaledToKeepTheSumAtOneHundred) {
    const Case c = oneMarkCase();
    const auto changed = withNodeWeight(c.tender, "price", 80);
    ASSERT_TRUE(changed);
    EXPECT_DOUBLE_EQ(changed->model.children[0].weight, 80);
    EXPECT_DOUBLE_EQ(changed->model.children[1].weight, 10); // 20 x 20 / 40
    EXPECT_DOUBLE_EQ(changed->model.children[2].weight, 10);
}

TEST(FirstPlaceOdds, TheSameSeedGivesTheSameOddsOnAnyNumberOfThreads) {
    const Case c = oneMarkCase();
    OddsSettings one{20000, 7, 0.1, 1};
    OddsSettings two{20000, 7, 0.1, 2};
    const auto a = firstPlaceOdds(c.tender, c.result, one);
    const auto b = firstPlaceOdds(c.tender, c.result, two);
    ASSERT_EQ(a.bids.size(), 2u);
    EXPECT_EQ(a.bids[0].share, b.bids[0].share);
    EXPECT_DOUBLE_EQ(a.bids[0].share + a.bids[1].share, 1.0);
    // With a 2.55 margin and 4 points a step, the runner-up wins a real share.
    EXPECT_GT(a.bids[1].share, 0.05);
    EXPECT_LT(a.bids[1].share, 0.5);
}

TEST(FirstPlaceOdds, AClearWinnerWinsAlmostEverySample) {
    const Case c = clearCase();
    const auto odds = firstPlaceOdds(c.tender, c.result, {10000, 1, 0.1, 0});
    ASSERT_EQ(odds.bids.front().bidId, "A");
    EXPECT_DOUBLE_EQ(odds.bids.front().share, 1.0); // 95 against 50
}

TEST(SensitivityJson, HoldsTheDocumentedKeys) {
    const Case c = oneMarkCase();
    const auto s = analyseAward(c.tender, c.bids, c.evaluations, c.result, {1000, 3, 0.1, 1});
    const std::string json = toJson(s, 2);
    for (const char* key : {"\"winner\": \"B\"", "\"runner_up\": \"A\"", "\"margin\": 2.55",
                            "\"clear_winner\": true", "\"weight_flips\"", "\"mark_flips\"",
                            "\"first_place_probability\"", "\"samples\": 1000", "\"seed\": 3",
                            "{ \"node\": \"price\", \"direction\": \"up\", \"weight\": 68.74, "
                            "\"new_winner\": \"A\""})
        EXPECT_NE(json.find(key), std::string::npos) << key << "\n" << json;
}
