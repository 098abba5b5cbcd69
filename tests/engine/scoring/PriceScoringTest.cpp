#include "TestTender.h"

#include <gtest/gtest.h>

using namespace fairtender;
using namespace fairtender::test;

namespace {

Tender priceOnly(ModelNode priceNode, double weight = 35) {
    priceNode.weight = weight;
    return tender({std::move(priceNode), judgement("q", 100 - weight)});
}

std::vector<Bid> withQuality(std::vector<Bid> bids, Evaluations& evaluations) {
    for (const auto& b : bids)
        consensus(evaluations, b.id, "q", 3);
    return bids;
}

} // namespace

TEST(PriceScoring, LowestRelativeGivesLowestOverBid) {
    Evaluations ev;
    const auto bids = withQuality({bid("A", "10000"), bid("B", "8000")}, ev);
    const auto result = evaluateOk(priceOnly(price("price", 35)), bids, ev);
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "price"), 28.00);
    EXPECT_DOUBLE_EQ(pointsOf(result, "B", "price"), 35.00);
}

TEST(PriceScoring, LinearRangeWithCeilingScoresAgainstTheCeiling) {
    auto node = price("price", 35, PriceMethod::LinearRange);
    node.criterion.ceiling = money("1000");
    Evaluations ev;
    const auto bids = withQuality({bid("A", "500"), bid("B", "750")}, ev);
    const auto result = evaluateOk(priceOnly(node), bids, ev);
    EXPECT_DOUBLE_EQ(scoreOf(result, "A", "price"), 1.0);
    EXPECT_DOUBLE_EQ(scoreOf(result, "B", "price"), 0.5);
}

TEST(PriceScoring, LinearRangeWithCeilingFloorsAtZeroAboveTheCeiling) {
    auto node = price("price", 35, PriceMethod::LinearRange);
    node.criterion.ceiling = money("1000");
    Evaluations ev;
    const auto bids = withQuality({bid("A", "500"), bid("B", "1200")}, ev);
    const auto result = evaluateOk(priceOnly(node), bids, ev);
    EXPECT_DOUBLE_EQ(scoreOf(result, "B", "price"), 0.0);
}

TEST(PriceScoring, LinearRangeWithCeilingAtOrBelowLowestGivesAllOrNothing) {
    auto node = price("price", 35, PriceMethod::LinearRange);
    node.criterion.ceiling = money("1000");
    Evaluations ev;
    const auto bids = withQuality({bid("A", "1000"), bid("B", "1100")}, ev);
    const auto result = evaluateOk(priceOnly(node), bids, ev);
    EXPECT_DOUBLE_EQ(scoreOf(result, "A", "price"), 1.0);
    EXPECT_DOUBLE_EQ(scoreOf(result, "B", "price"), 0.0);
}

TEST(PriceScoring, LinearRangeWithoutCeilingSpansLowestToHighest) {
    Evaluations ev;
    const auto bids = withQuality({bid("A", "100"), bid("B", "150"), bid("C", "200")}, ev);
    const auto result =
        evaluateOk(priceOnly(price("price", 40, PriceMethod::LinearRange), 40), bids, ev);
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "price"), 40.00);
    EXPECT_DOUBLE_EQ(pointsOf(result, "B", "price"), 20.00);
    EXPECT_DOUBLE_EQ(pointsOf(result, "C", "price"), 0.00);
}

TEST(PriceScoring, LinearRangeGivesFullMarksWhenAllPricesEqual) {
    Evaluations ev;
    const auto bids = withQuality({bid("A", "100"), bid("B", "100")}, ev);
    const auto result =
        evaluateOk(priceOnly(price("price", 40, PriceMethod::LinearRange), 40), bids, ev);
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "price"), 40.00);
    EXPECT_DOUBLE_EQ(pointsOf(result, "B", "price"), 40.00);
}

TEST(PriceScoring, LowestDeviationLosesOnePercentPerPercentAboveLowest) {
    Evaluations ev;
    const auto bids = withQuality({bid("A", "100"), bid("B", "110")}, ev);
    const auto result =
        evaluateOk(priceOnly(price("price", 35, PriceMethod::LowestDeviation)), bids, ev);
    EXPECT_DOUBLE_EQ(scoreOf(result, "A", "price"), 1.0);
    EXPECT_NEAR(scoreOf(result, "B", "price"), 0.90, 1e-12); // not 100/110 = 0.9091
    EXPECT_DOUBLE_EQ(pointsOf(result, "B", "price"), 31.50);
}

TEST(PriceScoring, LowestDeviationNeverGoesBelowZero) {
    Evaluations ev;
    const auto bids = withQuality({bid("A", "100"), bid("B", "250")}, ev);
    const auto result =
        evaluateOk(priceOnly(price("price", 35, PriceMethod::LowestDeviation)), bids, ev);
    EXPECT_DOUBLE_EQ(scoreOf(result, "B", "price"), 0.0);
}

TEST(PriceScoring, MeanDeviationGivesTheMeanHalfMarks) {
    Evaluations ev;
    // mean 100: 80 is 20% below (0.7), 100 is the mean (0.5), 120 is 20% above (0.3).
    const auto bids = withQuality({bid("A", "80"), bid("B", "100"), bid("C", "120")}, ev);
    const auto result =
        evaluateOk(priceOnly(price("price", 40, PriceMethod::MeanDeviation), 40), bids, ev);
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "price"), 28.00);
    EXPECT_DOUBLE_EQ(pointsOf(result, "B", "price"), 20.00);
    EXPECT_DOUBLE_EQ(pointsOf(result, "C", "price"), 12.00);
}

TEST(PriceScoring, MeanDeviationClampsToZeroAndOne) {
    Evaluations ev;
    // mean 100: 10 would be 1.4 and 190 would be -0.4.
    const auto bids = withQuality({bid("A", "10"), bid("B", "100"), bid("C", "190")}, ev);
    const auto result =
        evaluateOk(priceOnly(price("price", 40, PriceMethod::MeanDeviation), 40), bids, ev);
    EXPECT_DOUBLE_EQ(scoreOf(result, "A", "price"), 1.0);
    EXPECT_DOUBLE_EQ(scoreOf(result, "C", "price"), 0.0);
}

TEST(PriceScoring, IncomeRewardsTheHighestPayment) {
    Evaluations ev;
    const auto bids = withQuality({bid("A", "50000"), bid("B", "40000")}, ev);
    const auto result =
        evaluateOk(priceOnly(price("price", 40, PriceMethod::Income), 40), bids, ev);
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "price"), 40.00);
    EXPECT_DOUBLE_EQ(pointsOf(result, "B", "price"), 32.00);
}

TEST(PriceScoring, WholeLifeCostDiscountsYearlyCostsToPresentValue) {
    auto node = price("price", 40);
    node.criterion.discountRate = 3.5;
    Bid a = bid("A");
    for (int year = 0; year < 3; ++year)
        a.costs.push_back({year, money("1000000"), {}});
    Evaluations ev;
    const auto bids = withQuality({a, bid("B", "2800000")}, ev);
    const auto t = priceOnly(node, 40);
    const auto result = evaluateOk(t, bids, ev);
    // 1,000,000 + 1,000,000 / 1.035 + 1,000,000 / 1.035^2 = 2,899,694.28
    EXPECT_NEAR(*result.findBid("A")->price, 2899694.2752, 1e-3);
    EXPECT_EQ(formulaOf(result, t, bids, ev, "A", "price"),
              "price (whole life, 3.5% a year): NPV of 3 yearly costs 2,899,694.28; lowest "
              "2,800,000.00 / this bid 2,899,694.28 x 40 = 38.62");
}

TEST(PriceScoring, WholeLifeCriterionTakesAPlainPriceAsIs) {
    auto node = price("price", 40);
    node.criterion.discountRate = 3.5;
    Evaluations ev;
    const auto bids = withQuality({bid("A", "1000"), bid("B", "800")}, ev);
    const auto result = evaluateOk(priceOnly(node, 40), bids, ev);
    EXPECT_DOUBLE_EQ(*result.findBid("A")->price, 1000.0);
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "price"), 32.00);
}

TEST(PriceScoring, CostsWithoutDiscountRateArePlainlySummed) {
    Bid a = bid("A");
    a.costs = {{0, money("600"), {}}, {1, money("400"), {}}};
    Evaluations ev;
    const auto bids = withQuality({a, bid("B", "800")}, ev);
    const auto result = evaluateOk(priceOnly(price("price", 40), 40), bids, ev);
    EXPECT_DOUBLE_EQ(*result.findBid("A")->price, 1000.0);
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "price"), 32.00);
}

TEST(PriceScoring, ExcludedCheapBidDoesNotDepressOthers) {
    auto t = priceOnly(price("price", 35));
    t.model.children.push_back(gate("insurance"));
    Evaluations ev;
    auto bids = withQuality({bid("A", "10000"), bid("B", "8000"), bid("Cheap", "1000")}, ev);
    bids[0].gateAnswers = {{"insurance", true, {}}};
    bids[1].gateAnswers = {{"insurance", true, {}}};
    bids[2].gateAnswers = {{"insurance", false, {}}};
    const auto result = evaluateOk(t, bids, ev);
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "price"), 28.00);
    EXPECT_DOUBLE_EQ(pointsOf(result, "B", "price"), 35.00);
    EXPECT_EQ(result.findBid("Cheap")->status, BidStatus::Excluded);
}

TEST(PriceScoring, ExcludedBidStillReportsItsPrice) {
    auto t = priceOnly(price("price", 35));
    t.model.children.push_back(gate("insurance"));
    Evaluations ev;
    auto bids = withQuality({bid("A", "10000"), bid("B", "1000")}, ev);
    bids[0].gateAnswers = {{"insurance", true, {}}};
    bids[1].gateAnswers = {{"insurance", false, {}}};
    const auto result = evaluateOk(t, bids, ev);
    EXPECT_DOUBLE_EQ(*result.findBid("B")->price, 1000.0);
    EXPECT_TRUE(result.findBid("B")->criteria.empty());
}
