#include "TestTender.h"

#include <gtest/gtest.h>

using namespace fairtender;
using namespace fairtender::test;

namespace {

// The spec's quality group: 35 points, min 50%, q1 60% (min score 2), q2 40%.
Tender qualityTender() {
    auto q1 = judgement("q1", 60);
    q1.criterion.minScore = 2;
    auto quality = group("quality", 35, {q1, judgement("q2", 40)});
    quality.minPercent = 50;
    return tender({price("price", 65), quality});
}

} // namespace

TEST(Threshold, JudgementBelowMinScoreExcludes) {
    Evaluations ev;
    consensus(ev, "A", "q1", 1);
    consensus(ev, "A", "q2", 5);
    const auto result = evaluateOk(qualityTender(), {bid("A", "100")}, ev);
    EXPECT_EQ(result.findBid("A")->exclusionReason(), "score 1 on q1 is below the minimum 2");
}

TEST(Threshold, JudgementMinScoreUsesEvaluatorMeanWithoutConsensus) {
    Evaluations ev;
    score(ev, "A", "q1", "E1", 1);
    score(ev, "A", "q1", "E2", 2); // mean 1.5
    consensus(ev, "A", "q2", 5);
    const auto result = evaluateOk(qualityTender(), {bid("A", "100")}, ev);
    EXPECT_EQ(result.findBid("A")->exclusionReason(), "score 1.5 on q1 is below the minimum 2");
}

TEST(Threshold, GroupBelowMinPercentExcludes) {
    Evaluations ev;
    consensus(ev, "A", "q1", 2); // 0.4 x 21 = 8.40
    consensus(ev, "A", "q2", 2); // 0.4 x 14 = 5.60 -> 14.00 of 35 = 40%
    const auto result = evaluateOk(qualityTender(), {bid("A", "100")}, ev);
    EXPECT_EQ(result.findBid("A")->exclusionReason(),
              "quality scored 40.00% of its 35 points, below the minimum 50%");
}

TEST(Threshold, GroupExactlyAtMinPercentPasses) {
    Evaluations ev;
    consensus(ev, "A", "q1", 2.5); // 10.50
    consensus(ev, "A", "q2", 2.5); // 7.00 -> 17.50 of 35 = 50%
    const auto result = evaluateOk(qualityTender(), {bid("A", "100")}, ev);
    EXPECT_EQ(result.findBid("A")->status, BidStatus::Ranked);
    EXPECT_DOUBLE_EQ(result.findBid("A")->groups[0].points, 17.50);
}

TEST(Threshold, BidExcludedByThresholdDoesNotSetTheLowestPrice) {
    Evaluations ev;
    consensus(ev, "A", "q1", 5);
    consensus(ev, "A", "q2", 5);
    consensus(ev, "Cheap", "q1", 1);
    consensus(ev, "Cheap", "q2", 5);
    consensus(ev, "B", "q1", 5);
    consensus(ev, "B", "q2", 5);
    const auto result =
        evaluateOk(qualityTender(), {bid("A", "1000"), bid("Cheap", "100"), bid("B", "800")}, ev);
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "price"), 52.00); // 800 / 1000 x 65
    EXPECT_DOUBLE_EQ(pointsOf(result, "B", "price"), 65.00);
    EXPECT_TRUE(result.findBid("Cheap")->criteria.empty());
}
