#include "TestTender.h"

#include <gtest/gtest.h>

using namespace fairtender;
using namespace fairtender::test;

namespace {

// The spec's school meals tender (section 4) with two bids.
struct SpecExample {
    Tender t;
    std::vector<Bid> bids;
    Evaluations ev;

    SpecExample() {
        auto q1 = judgement("q1", 60);
        q1.title = "Menu and nutrition";
        auto quality = group("quality", 35, {q1, judgement("q2", 40)});
        quality.title = "Quality";
        auto sv =
            socialValue("sv", 70,
                        {measure("local-jobs", "28000.00"), measure("apprentice-weeks", "230.00"),
                         measure("volunteer-hours", "20.00")});
        auto social = group("social-value", 15, {sv, judgement("sv-plan", 30, 100)});
        t = tender({price("price", 40), quality, social,
                    location("locality", 4, {{"local", 1, {}}, {"regional", 0.5, {}}}),
                    livingWage("rlw", 3),
                    ownership("ownership", 3,
                              {{OwnershipModel::WorkerCooperative, 1, {}},
                               {OwnershipModel::EmployeeOwned, 1, {}}},
                              0.2),
                    gate("insurance")});
        t.id = "PCC-2026-014";
        t.livingWageRate = ukRate();
        t.areas = {area("local", "Preston", {"PR1", "PR2"}),
                   area("regional", "Lancashire", {"PR", "BB"})};

        Bid b1 = bid("B1", "1050000.00");
        b1.supplier.postcode = Postcode::parse("PR1 2HE");
        b1.supplier.ownership = OwnershipModel::WorkerCooperative;
        b1.livingWage = LivingWageDeclaration{false, true, money("13.60"), {}};
        b1.commitments = {{"local-jobs", 12, {}}, {"volunteer-hours", 600, {}}}; // 348,000
        b1.gateAnswers = {{"insurance", true, {}}};
        Bid b2 = bid("B2", "960000.00");
        b2.supplier.postcode = Postcode::parse("BB1 1AA");
        b2.supplier.ownership = OwnershipModel::LargePrivate;
        b2.livingWage = LivingWageDeclaration{true, true, std::nullopt, {}};
        b2.commitments = {{"local-jobs", 15, {}}}; // 420,000
        b2.gateAnswers = {{"insurance", true, {}}};
        bids = {b1, b2};

        consensus(ev, "B1", "q1", 4);
        score(ev, "B1", "q2", "E1", 3);
        score(ev, "B1", "q2", "E2", 4);
        consensus(ev, "B1", "sv-plan", 80);
        consensus(ev, "B2", "q1", 3);
        consensus(ev, "B2", "q2", 3);
        consensus(ev, "B2", "sv-plan", 60);
    }

    std::string formula(const EvaluationResult& result, const std::string& bidId,
                        const std::string& criterionId) const {
        return formulaOf(result, t, bids, ev, bidId, criterionId);
    }
};

} // namespace

TEST(Derivation, PriceLowestRelative) {
    SpecExample s;
    const auto result = evaluateOk(s.t, s.bids, s.ev);
    EXPECT_EQ(s.formula(result, "B1", "price"),
              "price: lowest 960,000.00 / this bid 1,050,000.00 x 40 = 36.57");
}

TEST(Derivation, JudgementFromConsensus) {
    SpecExample s;
    const auto result = evaluateOk(s.t, s.bids, s.ev);
    EXPECT_EQ(s.formula(result, "B1", "q1"), "q1: consensus 4 / scale 5 x 21 = 16.80");
}

TEST(Derivation, JudgementFromEvaluatorMean) {
    SpecExample s;
    const auto result = evaluateOk(s.t, s.bids, s.ev);
    EXPECT_EQ(s.formula(result, "B1", "q2"),
              "q2: mean of evaluators 3.5 (3, 4; unmoderated) / scale 5 x 14 = 9.80");
}

TEST(Derivation, SocialValueRelativeToHighest) {
    SpecExample s;
    const auto result = evaluateOk(s.t, s.bids, s.ev);
    EXPECT_EQ(s.formula(result, "B1", "sv"),
              "sv: social value 348,000.00 / highest 420,000.00 x 10.5 = 8.70");
}

TEST(Derivation, SupplierLocationNamesTheArea) {
    SpecExample s;
    const auto result = evaluateOk(s.t, s.bids, s.ev);
    EXPECT_EQ(s.formula(result, "B1", "locality"),
              "locality: PR1 2HE is in area local (Preston): band score 1 x 4 = 4.00");
    EXPECT_EQ(s.formula(result, "B2", "locality"),
              "locality: BB1 1AA is in area regional (Lancashire): band score 0.5 x 4 = 2.00");
}

TEST(Derivation, LivingWageTier) {
    SpecExample s;
    const auto result = evaluateOk(s.t, s.bids, s.ev);
    EXPECT_EQ(s.formula(result, "B1", "rlw"),
              "rlw: committed to the Real Living Wage: tier score 0.8 x 3 = 2.40");
}

TEST(Derivation, OwnershipListedAndOtherwise) {
    SpecExample s;
    const auto result = evaluateOk(s.t, s.bids, s.ev);
    EXPECT_EQ(s.formula(result, "B1", "ownership"),
              "ownership: worker-cooperative scores 1 x 3 = 3.00");
    EXPECT_EQ(s.formula(result, "B2", "ownership"),
              "ownership: large-private is not listed: otherwise score 0.2 x 3 = 0.60");
}

TEST(Derivation, InputsAreFormattedForPeople) {
    SpecExample s;
    const auto result = evaluateOk(s.t, s.bids, s.ev);
    const auto inputs = derivationOf(result, s.t, s.bids, s.ev, "B1", "price").inputs;
    ASSERT_EQ(inputs.size(), 2u);
    EXPECT_EQ(inputs[0].name, "price");
    EXPECT_EQ(inputs[0].value, "1,050,000.00");
    EXPECT_EQ(inputs[1].value, "960,000.00");
}

TEST(Derivation, SpecExampleTotalsAndGroups) {
    SpecExample s;
    const auto result = evaluateOk(s.t, s.bids, s.ev);
    const BidResult& b1 = *result.findBid("B1");
    // 36.57 + 16.80 + 9.80 + 8.70 + 3.60 + 4.00 + 2.40 + 3.00
    EXPECT_DOUBLE_EQ(b1.total, 84.87);
    ASSERT_EQ(b1.groups.size(), 2u);
    ASSERT_EQ(result.groups.size(), 2u);
    EXPECT_EQ(result.groups[0].groupId, "quality");
    EXPECT_DOUBLE_EQ(b1.groups[0].points, 26.60);
    EXPECT_DOUBLE_EQ(b1.groups[1].points, 12.30);
    EXPECT_EQ(result.winnerId, "B1");
    EXPECT_EQ(result.leaves.size(), 8u);
    EXPECT_EQ(result.leaves[3].path, std::vector<std::string>{"social-value"});
}

TEST(Derivation, LeafSummaryKeepsTheEligibleFieldItComparedAgainst) {
    SpecExample s;
    const auto result = evaluateOk(s.t, s.bids, s.ev);
    const LeafSummary& price = result.leaves[*result.leafIndex("price")];
    EXPECT_EQ(price.eligibleCount, 2);
    EXPECT_DOUBLE_EQ(price.lowestPrice, 960000.0);
    EXPECT_DOUBLE_EQ(price.highestPrice, 1050000.0);
    EXPECT_DOUBLE_EQ(price.meanPrice, 1005000.0);
    EXPECT_DOUBLE_EQ(result.leaves[*result.leafIndex("sv")].highestSocialValue, 420000.0);
}

TEST(Derivation, CriterionResultKeepsTheBidsOwnFigures) {
    SpecExample s;
    const auto result = evaluateOk(s.t, s.bids, s.ev);
    const BidResult& b1 = *result.findBid("B1");
    EXPECT_DOUBLE_EQ(result.criterionOf(b1, "price")->figure, 1050000.0);
    EXPECT_DOUBLE_EQ(result.criterionOf(b1, "sv")->figure, 348000.0);
    EXPECT_DOUBLE_EQ(result.criterionOf(b1, "q2")->figure, 3.5);
    EXPECT_EQ(result.criterionOf(b1, "q2")->source, JudgementSource::EvaluatorMean);
    EXPECT_EQ(result.criterionOf(b1, "q1")->source, JudgementSource::Consensus);
    EXPECT_EQ(result.criterionOf(b1, "locality")->match, 0);                    // band "local"
    EXPECT_EQ(result.criterionOf(*result.findBid("B2"), "locality")->match, 1); // "regional"
    EXPECT_EQ(result.criterionOf(b1, "rlw")->tier, LivingWageTier::Committed);
}

TEST(Derivation, CriteriaAreAlignedWithLeavesAndGroupsWithGroupSummaries) {
    SpecExample s;
    const auto result = evaluateOk(s.t, s.bids, s.ev);
    const BidResult& b1 = *result.findBid("B1");
    ASSERT_EQ(b1.criteria.size(), result.leaves.size());
    EXPECT_EQ(result.leafIndex("q2"), 2u);
    EXPECT_EQ(&b1.criteria[2], result.criterionOf(b1, "q2"));
    EXPECT_EQ(result.groupIndex("social-value"), 1u);
    EXPECT_DOUBLE_EQ(result.groupOf(b1, "social-value")->points, 12.30);
    EXPECT_DOUBLE_EQ(result.groups[1].effectiveWeight, 15.0);
    EXPECT_FALSE(result.leafIndex("insurance").has_value()); // a gate is not a leaf
    EXPECT_EQ(result.criterionOf(b1, "no-such-criterion"), nullptr);
}

TEST(Derivation, ExcludedBidHasNoCriteriaAndAnEmptyDerivation) {
    SpecExample s;
    s.bids[1].gateAnswers = {{"insurance", false, {}}};
    const auto result = evaluateOk(s.t, s.bids, s.ev);
    const BidResult& b2 = *result.findBid("B2");
    EXPECT_TRUE(b2.criteria.empty());
    EXPECT_EQ(result.criterionOf(b2, "price"), nullptr);
    const Derivation d = derive(result, b2, 0, s.t, s.bids[1], s.ev);
    EXPECT_TRUE(d.formula.empty());
    EXPECT_TRUE(d.inputs.empty());
    // B2 no longer sets the lowest price: B1 scores full marks, 40 x 1.
    EXPECT_EQ(s.formula(result, "B1", "price"),
              "price: lowest 1,050,000.00 / this bid 1,050,000.00 x 40 = 40.00");
}

TEST(Derivation, LeafIndexOutOfRangeGivesAnEmptyDerivation) {
    SpecExample s;
    const auto result = evaluateOk(s.t, s.bids, s.ev);
    const BidResult& b1 = *result.findBid("B1");
    EXPECT_TRUE(derive(result, b1, 8, s.t, s.bids[0], s.ev).formula.empty());
}

TEST(Derivation, InputBidOfFindsTheBidByPositionOrId) {
    SpecExample s;
    const auto result = evaluateOk(s.t, s.bids, s.ev);
    const BidResult& b2 = *result.findBid("B2");
    EXPECT_EQ(inputBidOf(b2, s.bids), &s.bids[1]);
    const std::vector<Bid> reordered{s.bids[1], s.bids[0]};
    EXPECT_EQ(inputBidOf(b2, reordered), &reordered[0]);
    EXPECT_EQ(inputBidOf(b2, {}), nullptr);
}
