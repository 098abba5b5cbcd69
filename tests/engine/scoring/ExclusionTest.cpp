#include "TestTender.h"

#include <gtest/gtest.h>

using namespace fairtender;
using namespace fairtender::test;

namespace {

// price 60, q 40, an insurance gate; every bid answers the gate with a pass.
struct Fixture {
    Tender t = tender({price("price", 60), judgement("q", 40), gate("insurance")});
    Evaluations ev;
    std::vector<Bid> bids;

    Bid& add(std::string id, const char* priceText) {
        bids.push_back(bid(id, priceText));
        bids.back().gateAnswers = {{"insurance", true, {}}};
        consensus(ev, id, "q", 3);
        return bids.back();
    }
};

// The price flagged abnormally low more than 20% below the mean of the other bids.
void flagBelowMean(Fixture& f) {
    f.t.model.children[0].criterion.abnormallyLow = AbnormallyLowRule{20.0, std::nullopt, {}};
}

std::vector<std::string> reasonsOf(const EvaluationResult& result, const std::string& id) {
    const BidResult* b = result.findBid(id);
    return b ? b->exclusionReasons : std::vector<std::string>{};
}

} // namespace

TEST(Exclusion, FailedGateExcludes) {
    Fixture f;
    f.add("A", "100");
    f.add("B", "90").gateAnswers = {{"insurance", false, {}}};
    const auto result = evaluateOk(f.t, f.bids, f.ev);
    EXPECT_EQ(reasonsOf(result, "B"), std::vector<std::string>{"failed gate insurance"});
    EXPECT_EQ(result.findBid("B")->status, BidStatus::Excluded);
}

TEST(Exclusion, MissingGateAnswerFailsWhenTheGateSaysSo) {
    Fixture f;
    f.t.model.children[2].missingGateAnswerFails = true;
    f.add("A", "100");
    f.add("B", "90").gateAnswers.clear();
    const auto result = evaluateOk(f.t, f.bids, f.ev);
    EXPECT_EQ(reasonsOf(result, "B"),
              std::vector<std::string>{"failed gate insurance (no answer given)"});
}

TEST(Exclusion, HourlyRateBelowStatutoryMinimumExcludes) {
    Fixture f;
    f.t.livingWageRate = ukRate();
    f.add("A", "100");
    f.add("B", "90").livingWage = LivingWageDeclaration{false, false, money("11.00"), {}};
    const auto result = evaluateOk(f.t, f.bids, f.ev);
    EXPECT_EQ(
        reasonsOf(result, "B"),
        std::vector<std::string>{"lowest hourly rate 11.00 is below the statutory minimum 12.21"});
}

TEST(Exclusion, HourlyRateIsNotCheckedWithoutATenderRate) {
    Fixture f;
    f.add("A", "100").livingWage = LivingWageDeclaration{false, false, money("11.00"), {}};
    const auto result = evaluateOk(f.t, f.bids, f.ev);
    EXPECT_EQ(result.findBid("A")->rank, 1);
}

TEST(Exclusion, OwnershipOutsideReservedListExcludes) {
    Fixture f;
    auto own = ownership("ownership", 0, {});
    own.criterion.reserved = {OwnershipModel::Mutual, OwnershipModel::EmployeeOwned};
    f.t.model.children.push_back(own);
    f.add("A", "100").supplier.ownership = OwnershipModel::Mutual;
    f.add("B", "90").supplier.ownership = OwnershipModel::LargePrivate;
    const auto result = evaluateOk(f.t, f.bids, f.ev);
    EXPECT_EQ(reasonsOf(result, "B"),
              std::vector<std::string>{"ownership model large-private is not among the "
                                       "reserved models (mutual, employee-owned)"});
    EXPECT_EQ(result.findBid("A")->rank, 1);
}

TEST(Exclusion, RejectedAbnormallyLowDecisionExcludes) {
    Fixture f;
    flagBelowMean(f);
    f.add("A", "100");
    f.add("B", "40");
    decision(f.ev, "B", false, "Explanation did not account for staff costs.");
    const auto result = evaluateOk(f.t, f.bids, f.ev);
    EXPECT_EQ(reasonsOf(result, "B"),
              std::vector<std::string>{
                  "rejected as abnormally low: Explanation did not account for staff costs."});
}

TEST(Exclusion, LivingWageGateExcludesNeitherAccreditedNorCommitted) {
    Fixture f;
    auto rlw = livingWage("rlw", 0);
    rlw.criterion.livingWageMethod = LivingWageMethod::Gate;
    f.t.model.children.push_back(rlw);
    f.add("A", "100").livingWage = LivingWageDeclaration{false, true, std::nullopt, {}};
    f.add("B", "90").livingWage = LivingWageDeclaration{false, false, money("13.50"), {}};
    const auto result = evaluateOk(f.t, f.bids, f.ev);
    EXPECT_EQ(reasonsOf(result, "B"),
              std::vector<std::string>{"not a Real Living Wage employer (accredited or "
                                       "committed) as gate rlw requires"});
    const CriterionResult* gateResult = result.criterionOf(*result.findBid("A"), "rlw");
    ASSERT_NE(gateResult, nullptr);
    EXPECT_FALSE(gateResult->scored);
    EXPECT_DOUBLE_EQ(gateResult->points, 0.0);
}

TEST(Exclusion, CollectsEveryReasonInPipelineOrder) {
    Fixture f;
    f.t.livingWageRate = ukRate();
    auto own = ownership("ownership", 0, {});
    own.criterion.reserved = {OwnershipModel::Mutual};
    f.t.model.children.push_back(own);
    f.add("A", "100").supplier.ownership = OwnershipModel::Mutual;
    Bid& b = f.add("B", "40");
    b.gateAnswers = {{"insurance", false, {}}};
    b.livingWage = LivingWageDeclaration{false, false, money("10.00"), {}};
    b.supplier.ownership = OwnershipModel::LargePrivate;
    const auto result = evaluateOk(f.t, f.bids, f.ev);
    EXPECT_EQ(result.findBid("B")->exclusionReason(),
              "failed gate insurance; lowest hourly rate 10.00 is below the statutory minimum "
              "12.21; ownership model large-private is not among the reserved models (mutual)");
}

// A decision answers the engine's flag: on a price not flagged it would exclude or clear a
// bid on no finding.
TEST(Exclusion, ADecisionOnAPriceTheEngineDoesNotFlagIsAnError) {
    Fixture f;
    flagBelowMean(f);
    f.add("A", "100");
    f.add("B", "90"); // 10% below the other bid: within the 20% limit
    decision(f.ev, "B", false, "looks cheap");
    const auto outcome = evaluate(f.t, f.bids, f.ev);
    EXPECT_FALSE(outcome.ok());
    ASSERT_EQ(outcome.diagnostics.size(), 1u);
    EXPECT_EQ(outcome.diagnostics[0].message,
              "abnormally-low-decision on B: the price of B is not flagged as abnormally low by "
              "the tender's rule, so there is no abnormally low price to accept or reject: remove "
              "the decision");
}

TEST(Exclusion, ADecisionOnAFlaggedPriceStillHoldsOnceAnotherDecisionExcludesABid) {
    Fixture f;
    flagBelowMean(f);
    f.add("A", "100");
    f.add("B", "100");
    f.add("C", "50"); // 50% below the others' mean of 100: flagged
    f.add("D", "30"); // flagged too
    decision(f.ev, "C", true, "explained");
    decision(f.ev, "D", false, "not explained");
    const auto result = evaluateOk(f.t, f.bids, f.ev);
    EXPECT_EQ(result.findBid("D")->status, BidStatus::Excluded);
    EXPECT_EQ(result.findBid("C")->status, BidStatus::Ranked);
}

TEST(Exclusion, ExcludedBidsFollowRankedBidsInInputOrder) {
    Fixture f;
    f.add("X", "100").gateAnswers = {{"insurance", false, {}}};
    f.add("A", "200");
    f.add("B", "100");
    f.add("Y", "100").gateAnswers = {{"insurance", false, {}}};
    const auto result = evaluateOk(f.t, f.bids, f.ev);
    ASSERT_EQ(result.bids.size(), 4u);
    EXPECT_EQ(result.bids[0].bidId, "B");
    EXPECT_EQ(result.bids[1].bidId, "A");
    EXPECT_EQ(result.bids[2].bidId, "X");
    EXPECT_EQ(result.bids[3].bidId, "Y");
    EXPECT_FALSE(result.bids[2].rank.has_value());
}

TEST(MissingInput, MissingPriceIsAnErrorNamingBidAndCriterion) {
    Fixture f;
    f.add("A", "100");
    f.add("B", nullptr);
    const auto outcome = evaluate(f.t, f.bids, f.ev);
    ASSERT_FALSE(outcome.ok());
    ASSERT_EQ(outcome.diagnostics.size(), 1u);
    EXPECT_EQ(outcome.diagnostics[0].toString(),
              "bids/B.xml:2:3: bid B has no price for criterion price: add a <price> element or "
              "<cost year=\"...\"> entries to the bid");
}

TEST(MissingInput, ExcludedBidNeedsNoInputs) {
    Fixture f;
    f.add("A", "100");
    f.add("B", nullptr).gateAnswers = {{"insurance", false, {}}};
    EXPECT_TRUE(evaluate(f.t, f.bids, f.ev).ok());
}

TEST(MissingInput, JudgementWithoutAnyScoreIsAnError) {
    Fixture f;
    f.add("A", "100");
    f.ev.consensus.clear();
    const auto outcome = evaluate(f.t, f.bids, f.ev);
    ASSERT_EQ(outcome.diagnostics.size(), 1u);
    EXPECT_NE(outcome.diagnostics[0].message.find("bid A has no score for criterion q"),
              std::string::npos);
}

TEST(MissingInput, GateWithoutAnswerIsAnError) {
    Fixture f;
    f.add("A", "100").gateAnswers.clear();
    const auto outcome = evaluate(f.t, f.bids, f.ev);
    ASSERT_EQ(outcome.diagnostics.size(), 1u);
    EXPECT_NE(outcome.diagnostics[0].message.find("bid A gives no answer to gate insurance"),
              std::string::npos);
}

TEST(MissingInput, ReportsEveryMissingInputOfEveryBid) {
    Fixture f;
    f.t.model.children[1].weight = 10;
    f.t.model.children.push_back(livingWage("rlw", 10));
    f.t.model.children.push_back(localSpend("spend", 10));
    f.t.model.children.push_back(location("where", 10, {}));
    f.add("A", nullptr);
    f.add("B", "100");
    const auto outcome = evaluate(f.t, f.bids, f.ev);
    EXPECT_FALSE(outcome.ok());
    // A: price, rlw, spend, where; B: rlw, spend, where.
    EXPECT_EQ(outcome.diagnostics.size(), 7u);
    EXPECT_NE(outcome.diagnostics[1].message.find("living-wage declaration for criterion rlw"),
              std::string::npos);
    EXPECT_NE(outcome.diagnostics[2].message.find("local-spend figure for criterion spend"),
              std::string::npos);
    EXPECT_NE(outcome.diagnostics[3].message.find("supplier postcode for criterion where"),
              std::string::npos);
}

// Price 60 lowest-relative: A 100 scores 60 x 90 / 100 = 54.00 beside B at 90; with B
// excluded after the evaluation A is the lowest eligible price and scores the full 60.00.
TEST(Exclusion, ExclusionAfterEvaluationExcludesBeforeRelativeScoring) {
    Fixture f;
    f.add("A", "100");
    f.add("B", "90");
    const auto before = evaluateOk(f.t, f.bids, f.ev);
    EXPECT_DOUBLE_EQ(before.criterionOf(*before.findBid("A"), "price")->points, 54.0);
    f.ev.exclusions.push_back({"B", "withdrew", {}, {}});
    const auto after = evaluateOk(f.t, f.bids, f.ev);
    EXPECT_EQ(reasonsOf(after, "B"),
              std::vector<std::string>{"excluded after evaluation: withdrew"});
    EXPECT_DOUBLE_EQ(after.criterionOf(*after.findBid("A"), "price")->points, 60.0);
    EXPECT_EQ(*after.winnerId, "A");
}
