#include "TestTender.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

using namespace fairtender;
using namespace fairtender::test;

namespace {

// A random tender of every criterion type with random bids; the seed makes it repeatable.
struct RandomCase {
    Tender t;
    std::vector<Bid> bids;
    Evaluations ev;
};

RandomCase randomCase(std::uint32_t seed, PriceMethod method) {
    std::mt19937 rng(seed);
    const auto uniform = [&](int lo, int hi) {
        return std::uniform_int_distribution<int>(lo, hi)(rng);
    };
    RandomCase c;
    const int priceWeight = uniform(10, 60);
    auto p = price("price", priceWeight, method);
    if (method == PriceMethod::LinearRange && uniform(0, 1))
        p.criterion.ceiling = Money::fromPence(uniform(50000, 150000) * 100);
    auto quality =
        group("quality", 100 - priceWeight - 20, {judgement("q1", 50), judgement("q2", 50, 10)});
    auto sv = socialValue("sv", 5, {measure("jobs", "28000.00"), measure("weeks", "230.00")});
    c.t = tender({p, quality, sv, location("loc", 5, {{"local", 1, {}}}, 0.25),
                  localSpend("spend", 4), livingWage("rlw", 3),
                  ownership("own", 3, {{OwnershipModel::Mutual, 1, {}}}, 0.5)});
    c.t.areas = {area("local", "Town", {"PR1"})};
    c.t.livingWageRate = ukRate();
    c.t.model.tieBreak = {"quality", "lowest-price"};
    const char* postcodes[] = {"PR1 2HE", "PR2 3AB", "M1 1AE"};
    const int n = uniform(2, 12);
    for (int i = 0; i < n; ++i) {
        Bid b = bid("B" + std::to_string(i));
        b.price = Money::fromPence(static_cast<std::int64_t>(uniform(40000, 160000)) * 100 +
                                   uniform(0, 99));
        b.supplier.postcode = Postcode::parse(postcodes[uniform(0, 2)]);
        b.supplier.ownership = uniform(0, 1) ? OwnershipModel::Mutual : OwnershipModel::SmePrivate;
        b.localSpendPercent = uniform(0, 100);
        b.livingWage = LivingWageDeclaration{
            uniform(0, 3) == 0, uniform(0, 2) == 0, Money::fromPence(uniform(1250, 1500)), {}};
        b.commitments = {{"jobs", static_cast<double>(uniform(0, 20)), {}},
                         {"weeks", static_cast<double>(uniform(0, 300)), {}}};
        consensus(c.ev, b.id, "q1", uniform(0, 5));
        score(c.ev, b.id, "q2", "E1", uniform(0, 10));
        score(c.ev, b.id, "q2", "E2", uniform(0, 10));
        c.bids.push_back(std::move(b));
    }
    return c;
}

constexpr PriceMethod kMethods[] = {PriceMethod::LowestRelative, PriceMethod::LinearRange,
                                    PriceMethod::LowestDeviation, PriceMethod::MeanDeviation,
                                    PriceMethod::Income};

} // namespace

TEST(ScoringProperties, BidOrderDoesNotChangeResults) {
    for (std::uint32_t seed = 1; seed <= 200; ++seed) {
        RandomCase c = randomCase(seed, kMethods[seed % 5]);
        const auto before = evaluateOk(c.t, c.bids, c.ev);
        const std::vector<Bid> inputOrder = c.bids;
        std::shuffle(c.bids.begin(), c.bids.end(), std::mt19937(seed * 7));
        const auto after = evaluateOk(c.t, c.bids, c.ev);
        ASSERT_EQ(before.winnerId, after.winnerId) << "seed " << seed;
        for (const auto& b : before.bids) {
            const BidResult* a = after.findBid(b.bidId);
            ASSERT_NE(a, nullptr);
            EXPECT_EQ(a->rank, b.rank) << "seed " << seed;
            EXPECT_DOUBLE_EQ(a->total, b.total) << "seed " << seed;
            ASSERT_EQ(a->criteria.size(), b.criteria.size());
            for (std::size_t leaf = 0; leaf < b.criteria.size(); ++leaf)
                EXPECT_EQ(derive(after, *a, leaf, c.t, *inputBidOf(*a, c.bids), c.ev).formula,
                          derive(before, b, leaf, c.t, *inputBidOf(b, inputOrder), c.ev).formula)
                    << "seed " << seed;
        }
    }
}

TEST(ScoringProperties, ConsensusOrderInTheFileDoesNotChangeResults) {
    for (std::uint32_t seed = 1; seed <= 100; ++seed) {
        RandomCase c = randomCase(seed, kMethods[seed % 5]);
        const auto before = evaluateOk(c.t, c.bids, c.ev);
        std::shuffle(c.ev.consensus.begin(), c.ev.consensus.end(), std::mt19937(seed * 11));
        const auto after = evaluateOk(c.t, c.bids, c.ev);
        for (const auto& b : before.bids) {
            const BidResult* a = after.findBid(b.bidId);
            ASSERT_NE(a, nullptr);
            EXPECT_DOUBLE_EQ(a->total, b.total) << "seed " << seed;
            ASSERT_EQ(a->criteria.size(), b.criteria.size());
            for (std::size_t leaf = 0; leaf < b.criteria.size(); ++leaf)
                EXPECT_DOUBLE_EQ(a->criteria[leaf].points, b.criteria[leaf].points)
                    << "seed " << seed;
        }
    }
}

TEST(ScoringProperties, ScalingEveryPriceByKDoesNotChangePriceScores) {
    for (std::uint32_t seed = 1; seed <= 200; ++seed) {
        const PriceMethod method = kMethods[seed % 5];
        RandomCase c = randomCase(seed, method);
        c.t.model.children[0].criterion.ceiling.reset(); // a ceiling is an absolute figure
        const auto before = evaluateOk(c.t, c.bids, c.ev);
        for (auto& b : c.bids)
            b.price = Money::fromPence(b.price->pence() * 3);
        const auto after = evaluateOk(c.t, c.bids, c.ev);
        for (const auto& b : before.bids)
            EXPECT_NEAR(after.criterionOf(*after.findBid(b.bidId), "price")->score,
                        before.criterionOf(b, "price")->score, 1e-12)
                << "seed " << seed;
    }
}

TEST(ScoringProperties, EveryScoreIsBetweenZeroAndOneAndTotalsAtMostHundred) {
    for (std::uint32_t seed = 1; seed <= 300; ++seed) {
        RandomCase c = randomCase(seed, kMethods[seed % 5]);
        const auto result = evaluateOk(c.t, c.bids, c.ev);
        for (const auto& b : result.bids) {
            for (std::size_t leaf = 0; leaf < b.criteria.size(); ++leaf) {
                const CriterionResult& criterion = b.criteria[leaf];
                EXPECT_GE(criterion.score, 0.0) << "seed " << seed;
                EXPECT_LE(criterion.score, 1.0) << "seed " << seed;
                EXPECT_LE(criterion.points, result.leaves[leaf].effectiveWeight + 1e-9);
            }
            EXPECT_LE(b.total, 100.0 + 1e-9) << "seed " << seed;
        }
    }
}

TEST(ScoringProperties, RanksAreCompetitionRanksOverTotals) {
    for (std::uint32_t seed = 1; seed <= 100; ++seed) {
        RandomCase c = randomCase(seed, kMethods[seed % 5]);
        const auto result = evaluateOk(c.t, c.bids, c.ev);
        for (std::size_t i = 1; i < result.bids.size(); ++i) {
            if (!result.bids[i].rank)
                continue;
            EXPECT_GE(result.bids[i - 1].total, result.bids[i].total) << "seed " << seed;
            EXPECT_LE(*result.bids[i - 1].rank, *result.bids[i].rank);
        }
    }
}
