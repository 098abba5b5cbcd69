#include "TestTender.h"

#include <gtest/gtest.h>

using namespace fairtender;
using namespace fairtender::test;

namespace {

Tender flaggedPrice(std::optional<double> belowMean, std::optional<double> belowEstimate) {
    auto p = price("price", 100);
    p.criterion.abnormallyLow = AbnormallyLowRule{belowMean, belowEstimate, {}};
    return tender({p});
}

const Flag* findFlag(const BidResult& b, FlagKind kind) {
    for (const auto& f : b.flags)
        if (f.kind == kind)
            return &f;
    return nullptr;
}

} // namespace

TEST(AbnormallyLowFlag, MoreThanPercentBelowMeanOfOtherBids) {
    const auto result = evaluateOk(flaggedPrice(20, std::nullopt),
                                   {bid("A", "1000"), bid("B", "1052"), bid("C", "700")});
    // mean of the others 1,026.00; 700 is 31.8% below it
    const Flag* flag = findFlag(*result.findBid("C"), FlagKind::AbnormallyLow);
    ASSERT_NE(flag, nullptr);
    EXPECT_EQ(flag->criterionId, "price");
    EXPECT_EQ(flag->detail, "price 700.00 is 31.8% below the mean of the other bids 1,026.00 "
                            "(limit 20%)");
    EXPECT_FALSE(result.findBid("A")->hasFlag(FlagKind::AbnormallyLow));
}

TEST(AbnormallyLowFlag, ExactlyAtThePercentIsNotFlagged) {
    const auto result =
        evaluateOk(flaggedPrice(20, std::nullopt), {bid("A", "1000"), bid("B", "800")});
    EXPECT_FALSE(result.findBid("B")->hasFlag(FlagKind::AbnormallyLow));
}

TEST(AbnormallyLowFlag, MoreThanPercentBelowEstimatedValue) {
    auto t = flaggedPrice(std::nullopt, 30);
    t.estimatedValue = money("1200000");
    const auto result = evaluateOk(t, {bid("A", "800000"), bid("B", "850000")});
    EXPECT_TRUE(result.findBid("A")->hasFlag(FlagKind::AbnormallyLow));  // 33.3% below
    EXPECT_FALSE(result.findBid("B")->hasFlag(FlagKind::AbnormallyLow)); // 29.2% below
}

TEST(AbnormallyLowFlag, AcceptedDecisionGivesANoteInsteadOfAFlag) {
    Evaluations ev;
    decision(ev, "C", true, "Efficiencies from an existing depot.");
    const auto result = evaluateOk(flaggedPrice(20, std::nullopt),
                                   {bid("A", "1000"), bid("B", "1000"), bid("C", "500")}, ev);
    const BidResult& c = *result.findBid("C");
    EXPECT_FALSE(c.hasFlag(FlagKind::AbnormallyLow));
    EXPECT_EQ(c.notes, std::vector<std::string>{"abnormally low price accepted after "
                                                "investigation: Efficiencies from an existing "
                                                "depot."});
}

TEST(AbnormallyLowFlag, ExcludedBidsDoNotMoveTheMean) {
    auto t = flaggedPrice(20, std::nullopt);
    t.model.children.push_back(gate("g"));
    std::vector<Bid> bids{bid("A", "1000"), bid("B", "790"), bid("Huge", "100000")};
    bids[0].gateAnswers = {{"g", true, {}}};
    bids[1].gateAnswers = {{"g", true, {}}};
    bids[2].gateAnswers = {{"g", false, {}}};
    const auto result = evaluateOk(t, bids);
    EXPECT_TRUE(result.findBid("B")->hasFlag(FlagKind::AbnormallyLow)); // 21% below 1,000
}

TEST(EvaluatorSpreadFlag, SpreadAboveDefaultFortyPercentOfScale) {
    Evaluations ev;
    consensus(ev, "A", "q", 3);
    score(ev, "A", "q", "E1", 1);
    score(ev, "A", "q", "E2", 4); // 3 apart > 2 (40% of 5)
    consensus(ev, "B", "q", 3);
    score(ev, "B", "q", "E1", 2);
    score(ev, "B", "q", "E2", 4); // 2 apart: not more than 2
    const auto result = evaluateOk(tender({judgement("q", 100)}), {bid("A"), bid("B")}, ev);
    const Flag* flag = findFlag(*result.findBid("A"), FlagKind::EvaluatorSpread);
    ASSERT_NE(flag, nullptr);
    EXPECT_EQ(flag->detail, "evaluator scores on q range from 1 to 4, 3 apart, more than 40% of "
                            "the scale 5 (2)");
    EXPECT_FALSE(result.findBid("B")->hasFlag(FlagKind::EvaluatorSpread));
}

TEST(EvaluatorSpreadFlag, CriterionSpreadOverridesModelDefault) {
    auto q = judgement("q", 100);
    q.criterion.spreadPercent = 20;
    Evaluations ev;
    consensus(ev, "A", "q", 3);
    score(ev, "A", "q", "E1", 2);
    score(ev, "A", "q", "E2", 4); // 2 apart > 1 (20% of 5)
    const auto result = evaluateOk(tender({q}), {bid("A")}, ev);
    EXPECT_TRUE(result.findBid("A")->hasFlag(FlagKind::EvaluatorSpread));
}

TEST(UnmoderatedFlag, NamesTheCriterionAndTheMean) {
    Evaluations ev;
    score(ev, "A", "q", "E1", 3);
    score(ev, "A", "q", "E2", 4);
    const auto result = evaluateOk(tender({judgement("q", 100)}), {bid("A")}, ev);
    const Flag* flag = findFlag(*result.findBid("A"), FlagKind::Unmoderated);
    ASSERT_NE(flag, nullptr);
    EXPECT_EQ(flag->detail, "no consensus on q: the mean 3.5 of 2 evaluator scores is used");
}
