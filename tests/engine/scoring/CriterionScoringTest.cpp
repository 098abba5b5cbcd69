#include "TestTender.h"

#include <gtest/gtest.h>

using namespace fairtender;
using namespace fairtender::test;

TEST(JudgementScoring, ConsensusOverScaleMax) {
    Evaluations ev;
    consensus(ev, "A", "q", 4);
    score(ev, "A", "q", "E1", 2);
    const auto result = evaluateOk(tender({judgement("q", 100)}), {bid("A")}, ev);
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "q"), 80.00);
    EXPECT_FALSE(result.findBid("A")->hasFlag(FlagKind::Unmoderated));
}

TEST(JudgementScoring, EvaluatorMeanWithoutConsensusIsFlaggedUnmoderated) {
    Evaluations ev;
    score(ev, "A", "q", "E1", 3);
    score(ev, "A", "q", "E2", 4);
    const auto result = evaluateOk(tender({judgement("q", 100)}), {bid("A")}, ev);
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "q"), 70.00);
    EXPECT_TRUE(result.findBid("A")->hasFlag(FlagKind::Unmoderated));
    EXPECT_EQ(result.findBid("A")->flags[0].criterionId, "q");
}

TEST(SocialValueScoring, RelativeToHighestSumsQuantityTimesProxy) {
    auto sv = socialValue("sv", 100, {measure("jobs", "28000.00"), measure("weeks", "230.00")});
    Bid a = bid("A");
    a.commitments = {{"jobs", 12, {}}, {"weeks", 100, {}}}; // 336,000 + 23,000 = 359,000
    Bid b = bid("B");
    b.commitments = {{"jobs", 15, {}}}; // 420,000
    const auto result = evaluateOk(tender({sv}), {a, b});
    EXPECT_NEAR(scoreOf(result, "A", "sv"), 359000.0 / 420000.0, 1e-12);
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "sv"), 85.48);
}

TEST(SocialValueScoring, DeliverabilityFactorScalesACommitment) {
    auto sv = socialValue("sv", 100, {measure("jobs", "28000.00")});
    Bid a = bid("A");
    a.commitments = {{"jobs", 10, {}}};
    Bid b = bid("B");
    b.commitments = {{"jobs", 10, {}}};
    Evaluations ev;
    ev.deliverability.push_back({"A", "jobs", 0.5, "Only half evidenced.", {}});
    const auto result = evaluateOk(tender({sv}), {a, b}, ev);
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "sv"), 50.00);
    EXPECT_DOUBLE_EQ(pointsOf(result, "B", "sv"), 100.00);
}

TEST(SocialValueScoring, NobodyOffersSocialValueGivesZeroToAll) {
    auto sv = socialValue("sv", 100, {measure("jobs", "28000.00")});
    const auto result = evaluateOk(tender({sv}), {bid("A"), bid("B")});
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "sv"), 0.0);
    EXPECT_DOUBLE_EQ(pointsOf(result, "B", "sv"), 0.0);
}

TEST(SocialValueScoring, RatioToPriceComparesValuePerPound) {
    auto sv = socialValue("sv", 50, {measure("jobs", "1000.00")}, SocialValueMethod::RatioToPrice);
    Bid a = bid("A", "100000"); // 10,000 / 100,000 = 0.1
    a.commitments = {{"jobs", 10, {}}};
    Bid b = bid("B", "50000"); // 10,000 / 50,000 = 0.2
    b.commitments = {{"jobs", 10, {}}};
    const auto result = evaluateOk(tender({price("price", 50), sv}), {a, b});
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "sv"), 25.00);
    EXPECT_DOUBLE_EQ(pointsOf(result, "B", "sv"), 50.00);
}

TEST(SocialValueScoring, TargetCapsAtOne) {
    auto sv = socialValue("sv", 100, {measure("jobs", "1000.00")}, SocialValueMethod::Target);
    sv.criterion.socialValueTarget = money("20000");
    Bid a = bid("A");
    a.commitments = {{"jobs", 15, {}}};
    Bid b = bid("B");
    b.commitments = {{"jobs", 30, {}}};
    const auto result = evaluateOk(tender({sv}), {a, b});
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "sv"), 75.00);
    EXPECT_DOUBLE_EQ(pointsOf(result, "B", "sv"), 100.00);
}

TEST(LocalityScoring, FirstBandWhoseAreaHoldsThePostcode) {
    auto t = tender({location("loc", 100, {{"local", 1, {}}, {"regional", 0.5, {}}}, 0.1)});
    t.areas = {area("local", "Preston", {"PR1", "PR2"}), area("regional", "Lancashire", {"PR"})};
    Bid a = bid("A");
    a.supplier.postcode = Postcode::parse("PR1 2HE");
    Bid b = bid("B");
    b.supplier.postcode = Postcode::parse("PR10 1AA"); // in PR but not in PR1
    Bid c = bid("C");
    c.supplier.postcode = Postcode::parse("M1 1AE");
    const auto result = evaluateOk(t, {a, b, c});
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "loc"), 100.00);
    EXPECT_DOUBLE_EQ(pointsOf(result, "B", "loc"), 50.00);
    EXPECT_DOUBLE_EQ(pointsOf(result, "C", "loc"), 10.00);
}

TEST(LocalityScoring, LocalSpendWithTargetCapsAtOne) {
    auto spend = localSpend("spend", 100);
    spend.criterion.localSpendTarget = 50;
    Bid a = bid("A");
    a.localSpendPercent = 40;
    Bid b = bid("B");
    b.localSpendPercent = 62;
    const auto result = evaluateOk(tender({spend}), {a, b});
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "spend"), 80.00);
    EXPECT_DOUBLE_EQ(pointsOf(result, "B", "spend"), 100.00);
}

TEST(LocalityScoring, LocalSpendWithoutTargetIsRelativeToHighest) {
    Bid a = bid("A");
    a.localSpendPercent = 20;
    Bid b = bid("B");
    b.localSpendPercent = 80;
    const auto result = evaluateOk(tender({localSpend("spend", 100)}), {a, b});
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "spend"), 25.00);
    EXPECT_DOUBLE_EQ(pointsOf(result, "B", "spend"), 100.00);
}

TEST(LocalityScoring, LocalSpendAllZeroGivesZero) {
    Bid a = bid("A");
    a.localSpendPercent = 0;
    const auto result = evaluateOk(tender({localSpend("spend", 100)}), {a});
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "spend"), 0.0);
}

TEST(LivingWageScoring, TiersInOrderWithDefaultScores) {
    auto t = tender({livingWage("rlw", 100)});
    t.livingWageRate = ukRate();
    std::vector<Bid> bids{bid("Acc"), bid("Com"), bid("Meets"), bid("Below")};
    bids[0].livingWage = LivingWageDeclaration{true, true, std::nullopt, {}};
    bids[1].livingWage = LivingWageDeclaration{false, true, std::nullopt, {}};
    bids[2].livingWage = LivingWageDeclaration{false, false, money("13.45"), {}};
    bids[3].livingWage = LivingWageDeclaration{false, false, money("13.00"), {}};
    const auto result = evaluateOk(t, bids);
    EXPECT_DOUBLE_EQ(pointsOf(result, "Acc", "rlw"), 100.00);
    EXPECT_DOUBLE_EQ(pointsOf(result, "Com", "rlw"), 80.00);
    EXPECT_DOUBLE_EQ(pointsOf(result, "Meets", "rlw"), 50.00);
    EXPECT_DOUBLE_EQ(pointsOf(result, "Below", "rlw"), 0.00);
}

TEST(LivingWageScoring, TierScoreCanBeOverridden) {
    auto rlw = livingWage("rlw", 100);
    rlw.criterion.tiers.committed = 0.75;
    Bid a = bid("A");
    a.livingWage = LivingWageDeclaration{false, true, std::nullopt, {}};
    const auto result = evaluateOk(tender({rlw}), {a});
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "rlw"), 75.00);
}

TEST(OwnershipScoring, ListedModelScoresElseOtherwise) {
    auto own = ownership("own", 100, {{OwnershipModel::WorkerCooperative, 1, {}}}, 0.2);
    Bid a = bid("A");
    a.supplier.ownership = OwnershipModel::WorkerCooperative;
    Bid b = bid("B");
    b.supplier.ownership = OwnershipModel::LargePrivate;
    const auto result = evaluateOk(tender({own}), {a, b});
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "own"), 100.00);
    EXPECT_DOUBLE_EQ(pointsOf(result, "B", "own"), 20.00);
}

TEST(Weights, NestedLeafEffectiveWeightIsProductOfPercentages) {
    Evaluations ev;
    consensus(ev, "A", "q1", 5);
    consensus(ev, "A", "q2", 5);
    const auto t = tender(
        {price("price", 40), group("quality", 60, {judgement("q1", 35), judgement("q2", 65)})});
    const auto result = evaluateOk(t, {bid("A", "100")}, ev);
    ASSERT_EQ(result.leaves.size(), 3u);
    EXPECT_DOUBLE_EQ(result.leaves[1].effectiveWeight, 21.0);
    EXPECT_EQ(result.leaves[1].path, std::vector<std::string>{"quality"});
}

TEST(Weights, WeightZeroLeafScoresButGivesNoPoints) {
    Evaluations ev;
    consensus(ev, "A", "q0", 4);
    const auto result =
        evaluateOk(tender({price("price", 100), judgement("q0", 0)}), {bid("A", "100")}, ev);
    EXPECT_DOUBLE_EQ(scoreOf(result, "A", "q0"), 0.8);
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "q0"), 0.0);
    EXPECT_DOUBLE_EQ(result.findBid("A")->total, 100.0);
}
