#include "TestTender.h"

#include <gtest/gtest.h>

using namespace fairtender;
using namespace fairtender::test;

namespace {

// price 50 and q 50: A (100, q 0) and B (200, q 2.5) both total 50.00.
struct TiedPair {
    Tender t = tender({price("price", 50), judgement("q", 50)});
    Evaluations ev;
    std::vector<Bid> bids{bid("A", "100"), bid("B", "200")};
    TiedPair() {
        consensus(ev, "A", "q", 0);
        consensus(ev, "B", "q", 2.5);
    }
};

} // namespace

TEST(Rounding, LeafPointsRoundHalfAwayFromZero) {
    Evaluations ev;
    consensus(ev, "A", "q", 1); // 1/8 x 1 = 0.125 -> 0.13
    const auto result =
        evaluateOk(tender({judgement("q", 1, 8), judgement("r", 99)}), {bid("A")}, [&] {
            consensus(ev, "A", "r", 0);
            return ev;
        }());
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "q"), 0.13);
}

TEST(Rounding, TotalIsTheSumOfRoundedLeafPoints) {
    Evaluations ev;
    consensus(ev, "A", "q", 1); // 0.125 -> 0.13
    consensus(ev, "A", "r", 1); // 0.125 -> 0.13
    consensus(ev, "A", "s", 0);
    const auto result = evaluateOk(
        tender({judgement("q", 1, 8), judgement("r", 1, 8), judgement("s", 98)}), {bid("A")}, ev);
    EXPECT_DOUBLE_EQ(result.findBid("A")->total, 0.26); // not 0.25
}

TEST(Rounding, ModelRoundingSetsThePlaces) {
    Evaluations ev;
    consensus(ev, "A", "q", 1);
    auto t = tender({judgement("q", 100, 3)});
    t.model.rounding = 1;
    const std::vector<Bid> bids{bid("A")};
    const auto result = evaluateOk(t, bids, ev);
    EXPECT_DOUBLE_EQ(pointsOf(result, "A", "q"), 33.3);
    EXPECT_EQ(formulaOf(result, t, bids, ev, "A", "q"), "q: consensus 1 / scale 3 x 100 = 33.3");
}

TEST(Ranking, HigherTotalRanksFirst) {
    Evaluations ev;
    consensus(ev, "A", "q", 3);
    consensus(ev, "B", "q", 4);
    const auto result = evaluateOk(tender({judgement("q", 100)}), {bid("A"), bid("B")}, ev);
    EXPECT_EQ(result.bids[0].bidId, "B");
    EXPECT_EQ(result.bids[0].rank, 1);
    EXPECT_EQ(result.bids[1].rank, 2);
    EXPECT_EQ(result.winnerId, "B");
}

TEST(Ranking, TieBreakByNodeHigherPointsWin) {
    TiedPair p;
    p.t.model.tieBreak = {"q"};
    const auto result = evaluateOk(p.t, p.bids, p.ev);
    EXPECT_DOUBLE_EQ(result.findBid("A")->total, 50.00);
    EXPECT_DOUBLE_EQ(result.findBid("B")->total, 50.00);
    EXPECT_EQ(result.winnerId, "B");
    EXPECT_EQ(result.findBid("A")->rank, 2);
    EXPECT_FALSE(result.findBid("A")->hasFlag(FlagKind::TieUnresolved));
}

TEST(Ranking, TieBreakByGroupComparesGroupPoints) {
    Tender t = tender({price("price", 50), group("quality", 50, {judgement("q", 100)})});
    t.model.tieBreak = {"quality"};
    Evaluations ev;
    consensus(ev, "A", "q", 0);
    consensus(ev, "B", "q", 2.5);
    const auto result = evaluateOk(t, {bid("A", "100"), bid("B", "200")}, ev);
    EXPECT_EQ(result.winnerId, "B");
}

TEST(Ranking, TieBreakByLowestPrice) {
    TiedPair p;
    p.t.model.tieBreak = {"lowest-price"};
    const auto result = evaluateOk(p.t, p.bids, p.ev);
    EXPECT_EQ(result.winnerId, "A");
}

TEST(Ranking, TieBreakListIsAppliedInOrder) {
    TiedPair p;
    p.t.model.tieBreak = {"lowest-price", "q"};
    const auto result = evaluateOk(p.t, p.bids, p.ev);
    EXPECT_EQ(result.winnerId, "A");
}

TEST(Ranking, UnresolvedTieSharesRankAndLeavesNoWinner) {
    Evaluations ev;
    consensus(ev, "A", "q", 4);
    consensus(ev, "B", "q", 4);
    consensus(ev, "C", "q", 3);
    const auto result =
        evaluateOk(tender({judgement("q", 100)}), {bid("A"), bid("B"), bid("C")}, ev);
    EXPECT_EQ(result.findBid("A")->rank, 1);
    EXPECT_EQ(result.findBid("B")->rank, 1);
    EXPECT_EQ(result.findBid("C")->rank, 3);
    EXPECT_TRUE(result.findBid("A")->hasFlag(FlagKind::TieUnresolved));
    EXPECT_TRUE(result.findBid("B")->hasFlag(FlagKind::TieUnresolved));
    EXPECT_FALSE(result.findBid("C")->hasFlag(FlagKind::TieUnresolved));
    EXPECT_FALSE(result.winnerId.has_value());
    EXPECT_EQ(result.bids[0].bidId, "A"); // ties keep input order
}

TEST(Ranking, TieBelowFirstPlaceKeepsTheWinner) {
    Evaluations ev;
    consensus(ev, "A", "q", 5);
    consensus(ev, "B", "q", 4);
    consensus(ev, "C", "q", 4);
    const auto result =
        evaluateOk(tender({judgement("q", 100)}), {bid("A"), bid("B"), bid("C")}, ev);
    EXPECT_EQ(result.winnerId, "A");
    EXPECT_EQ(result.findBid("C")->rank, 2);
}

TEST(Ranking, NoRankedBidMeansNoWinner) {
    auto t = tender({judgement("q", 100), gate("g")});
    Bid a = bid("A");
    a.gateAnswers = {{"g", false, {}}};
    const auto result = evaluateOk(t, {a});
    EXPECT_FALSE(result.winnerId.has_value());
}

TEST(PricePerQualityPoint, RanksByPriceOverQualityLowestFirst) {
    auto t = tender({price("price", 0), judgement("q", 100)});
    t.model.aggregation = Aggregation::PricePerQualityPoint;
    Evaluations ev;
    consensus(ev, "A", "q", 4); // Q 80, 1,000 / 80 = 12.50
    consensus(ev, "B", "q", 3); // Q 60, 900 / 60 = 15.00
    const auto result = evaluateOk(t, {bid("A", "1000"), bid("B", "900")}, ev);
    EXPECT_EQ(result.winnerId, "A");
    EXPECT_DOUBLE_EQ(*result.findBid("A")->pricePerPoint, 12.50);
    EXPECT_DOUBLE_EQ(*result.findBid("B")->pricePerPoint, 15.00);
    EXPECT_DOUBLE_EQ(result.findBid("A")->total, 80.00);
    EXPECT_FALSE(result.criterionOf(*result.findBid("A"), "price")->scored);
    EXPECT_FALSE(result.leaves[0].scored);
}

TEST(PricePerQualityPoint, ZeroQualityIsExcluded) {
    auto t = tender({price("price", 0), judgement("q", 100)});
    t.model.aggregation = Aggregation::PricePerQualityPoint;
    Evaluations ev;
    consensus(ev, "A", "q", 4);
    consensus(ev, "B", "q", 0);
    const auto result = evaluateOk(t, {bid("A", "1000"), bid("B", "900")}, ev);
    EXPECT_EQ(result.findBid("B")->exclusionReason(),
              "quality score is zero, so price per quality point is undefined");
    EXPECT_EQ(result.winnerId, "A");
}
