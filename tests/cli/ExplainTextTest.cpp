#include "cli/ExplainText.h"

#include <gtest/gtest.h>

namespace fairtender::cli {
namespace {

EvaluationResult sampleResult() {
    EvaluationResult result;
    result.tenderId = "T-1";
    result.winnerId = "B1";
    result.leaves = {{"price", "Price", CriterionType::Price, 40, {}},
                     {"q1", "Menus", CriterionType::Judgement, 21, {"quality"}}};
    BidResult bid;
    bid.bidId = "B1";
    bid.supplierName = "Irwell Kitchen";
    bid.rank = 1;
    bid.total = 57.57;
    bid.price = 1050000;
    CriterionResult price;
    price.criterionId = "price";
    price.title = "Price";
    price.effectiveWeight = 40;
    price.score = 960000.0 / 1050000.0;
    price.points = 36.57;
    price.inputs = {{"lowest eligible price", "960,000.00"}, {"this bid's price", "1,050,000.00"}};
    price.formula = "lowest 960,000.00 / this bid 1,050,000.00 x 40 = 36.57";
    CriterionResult q1;
    q1.criterionId = "q1";
    q1.title = "Menus";
    q1.type = CriterionType::Judgement;
    q1.effectiveWeight = 21;
    q1.score = 1;
    q1.points = 21;
    q1.formula = "consensus 5 / 5 x 21 = 21.00";
    bid.criteria = {price, q1};
    bid.groups = {{"quality", "Quality", 35, 21}};
    bid.flags = {{FlagKind::EvaluatorSpread, "q1", "scores 1 and 5 differ by 80% of the scale"}};
    bid.notes = {"abnormally low price accepted: staff costs explained"};
    result.bids.push_back(bid);
    BidResult excluded;
    excluded.bidId = "B3";
    excluded.supplierName = "Cheap Ltd";
    excluded.status = BidStatus::Excluded;
    excluded.exclusionReasons = {"failed gate insurance"};
    result.bids.push_back(excluded);
    return result;
}

TEST(ExplainText, ShowsEveryInputAndTheFormula) {
    const auto result = sampleResult();
    const auto text = renderExplanation(result, result.bids[0]);
    EXPECT_NE(text.find("    lowest eligible price: 960,000.00\n"), std::string::npos) << text;
    EXPECT_NE(text.find("    formula: lowest 960,000.00 / this bid 1,050,000.00 x 40 = 36.57\n"),
              std::string::npos);
    EXPECT_NE(text.find("    score 0.914286 x 40 = 36.57 points\n"), std::string::npos);
}

TEST(ExplainText, NamesTheGroupPathOfANestedCriterion) {
    const auto result = sampleResult();
    EXPECT_NE(renderExplanation(result, result.bids[0])
                  .find("  quality > q1 \"Menus\" (judgement, 21 points available)"),
              std::string::npos);
}

TEST(ExplainText, ShowsGroupSubtotalsFlagsAndNotes) {
    const auto result = sampleResult();
    const auto text = renderExplanation(result, result.bids[0]);
    EXPECT_NE(text.find("  quality \"Quality\": 21.00 of 35 points\n"), std::string::npos) << text;
    EXPECT_NE(text.find("  evaluator-spread on q1: scores 1 and 5 differ by 80% of the scale\n"),
              std::string::npos);
    EXPECT_NE(text.find("  - abnormally low price accepted: staff costs explained\n"),
              std::string::npos);
    EXPECT_NE(text.find("Status: ranked 1 of 1, the winner\n"), std::string::npos);
}

TEST(ExplainText, ExcludedBidGivesItsReasons) {
    const auto result = sampleResult();
    const auto text = renderExplanation(result, result.bids[1]);
    EXPECT_NE(text.find("Status: excluded\n"), std::string::npos) << text;
    EXPECT_NE(text.find("Excluded because:\n  - failed gate insurance\n"), std::string::npos);
}

} // namespace
} // namespace fairtender::cli
