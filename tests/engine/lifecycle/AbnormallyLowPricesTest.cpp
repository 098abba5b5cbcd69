// The prices examined as abnormally low, as both the award report and the lead's screen
// list them: undecided flags from the result, then every decision with who recorded it.
#include "lifecycle/AbnormallyLowPrices.h"

#include "audit/AuditRecords.h"

#include <gtest/gtest.h>

namespace fairtender {
namespace {

BidResult bidFlagged(const std::string& id, const std::string& detail) {
    BidResult bid;
    bid.bidId = id;
    if (!detail.empty())
        bid.flags.push_back({FlagKind::AbnormallyLow, "price", detail});
    return bid;
}

AuditEntry decidedBy(const std::string& actor, const std::string& bidId) {
    AuditEntry entry;
    entry.actor = actor;
    entry.action = "abnormally-low.decide";
    entry.subject = bidId + " accept";
    entry.after = recordField("bid_id", bidId) + " " + recordField("accept", "true");
    return entry;
}

TEST(AbnormallyLowPrices, AnUndecidedFlagIsListedWithItsFindingAndNoDecision) {
    EvaluationResult result;
    result.bids = {bidFlagged("B1", ""),
                   bidFlagged("B6", "price 5,290,000.00 is 26.1% below the mean 7,158,000.00")};
    const auto prices = abnormallyLowPrices(result, Evaluations{}, {});
    ASSERT_EQ(prices.size(), 1u);
    EXPECT_EQ(prices[0].bidId, "B6");
    EXPECT_EQ(prices[0].criterionId, "price");
    EXPECT_EQ(prices[0].finding, "price 5,290,000.00 is 26.1% below the mean 7,158,000.00");
    EXPECT_EQ(prices[0].resolution(), "no decision recorded");
}

TEST(AbnormallyLowPrices, AnAcceptedPriceStaysListedWithWhoAcceptedItAndWhy) {
    // Accepting clears the flag from the result; the decision still has to be shown.
    EvaluationResult result;
    result.bids = {bidFlagged("B6", "")};
    Evaluations evaluations;
    evaluations.abnormallyLowDecisions.push_back({"B6", true, "Costs explained on 20 March", {}});
    const auto prices =
        abnormallyLowPrices(result, evaluations, {decidedBy("E1", "B6"), decidedBy("Ann", "B6")});
    ASSERT_EQ(prices.size(), 1u);
    EXPECT_EQ(prices[0].bidId, "B6");
    EXPECT_EQ(prices[0].resolution(), "accepted by Ann: Costs explained on 20 March");
}

TEST(AbnormallyLowPrices, ARejectedPriceIsListedAfterTheFlaggedOnes) {
    EvaluationResult result;
    result.bids = {bidFlagged("B2", "price 600,000.00 is 40.0% below the estimate")};
    Evaluations evaluations;
    evaluations.abnormallyLowDecisions.push_back({"B5", false, "Not sustainable", {}});
    const auto prices = abnormallyLowPrices(result, evaluations, {});
    ASSERT_EQ(prices.size(), 2u);
    EXPECT_EQ(prices[0].bidId, "B2");
    EXPECT_EQ(prices[1].bidId, "B5");
    EXPECT_EQ(prices[1].finding, "price examined as abnormally low");
    EXPECT_EQ(prices[1].resolution(), "rejected: Not sustainable");
}

} // namespace
} // namespace fairtender
