#include "cli/ExplainText.h"

#include <gtest/gtest.h>

namespace fairtender::cli {
namespace {

// A result as evaluate() would give it for a price and a nested judgement leaf, with the
// tender, bids and evaluations its derivations are rendered from.
struct Sample {
    Tender tender;
    std::vector<Bid> bids;
    Evaluations evaluations;
    EvaluationResult result;

    Sample() {
        ModelNode price;
        price.id = "price";
        price.title = "Price";
        price.weight = 40;
        ModelNode q1;
        q1.id = "q1";
        q1.title = "Menus";
        q1.weight = 60;
        q1.criterion.type = CriterionType::Judgement;
        q1.criterion.scaleMax = 5;
        ModelNode quality;
        quality.kind = NodeKind::Group;
        quality.id = "quality";
        quality.title = "Quality";
        quality.weight = 35;
        quality.children = {q1};
        tender.id = "T-1";
        tender.model.children = {price, quality};

        Bid b1;
        b1.id = "B1";
        b1.price = Money::fromPence(105000000);
        Bid b3;
        b3.id = "B3";
        bids = {b1, b3};

        result.tenderId = "T-1";
        result.winnerId = "B1";
        LeafSummary priceLeaf{"price", "Price", CriterionType::Price, 40, {}};
        priceLeaf.eligibleCount = 2;
        priceLeaf.lowestPrice = 960000;
        priceLeaf.highestPrice = 1050000;
        priceLeaf.meanPrice = 1005000;
        result.leaves = {priceLeaf, {"q1", "Menus", CriterionType::Judgement, 21, {"quality"}}};
        result.groups = {{"quality", "Quality", 35, {}}};
        BidResult bid;
        bid.bidId = "B1";
        bid.supplierName = "Irwell Kitchen";
        bid.rank = 1;
        bid.total = 57.57;
        bid.price = 1050000;
        CriterionResult priceResult;
        priceResult.score = 960000.0 / 1050000.0;
        priceResult.points = 36.57;
        priceResult.figure = 1050000;
        CriterionResult q1Result;
        q1Result.score = 1;
        q1Result.points = 21;
        q1Result.figure = 5;
        bid.criteria = {priceResult, q1Result};
        bid.groups = {{21}};
        bid.flags = {
            {FlagKind::EvaluatorSpread, "q1", "scores 1 and 5 differ by 80% of the scale"}};
        bid.notes = {"abnormally low price accepted: staff costs explained"};
        result.bids.push_back(bid);
        BidResult excluded;
        excluded.bidId = "B3";
        excluded.supplierName = "Cheap Ltd";
        excluded.inputIndex = 1;
        excluded.status = BidStatus::Excluded;
        excluded.exclusionReasons = {"failed gate insurance"};
        result.bids.push_back(excluded);
    }

    std::string explain(std::size_t bid) const {
        return renderExplanation(result, result.bids[bid], tender, bids, evaluations);
    }
};

TEST(ExplainText, ShowsEveryInputAndTheFormula) {
    const auto text = Sample().explain(0);
    EXPECT_NE(text.find("    price: 1,050,000.00\n    lowest price: 960,000.00\n"),
              std::string::npos)
        << text;
    EXPECT_NE(
        text.find("    formula: price: lowest 960,000.00 / this bid 1,050,000.00 x 40 = 36.57\n"),
        std::string::npos);
    EXPECT_NE(text.find("    score 0.914286 x 40 = 36.57 points\n"), std::string::npos);
}

TEST(ExplainText, RendersAJudgementFormulaFromTheConsensusItUsed) {
    EXPECT_NE(Sample().explain(0).find("    consensus: 5\n    scale max: 5\n    formula: q1: "
                                       "consensus 5 / scale 5 x 21 = 21.00\n"),
              std::string::npos);
}

TEST(ExplainText, NamesTheGroupPathOfANestedCriterion) {
    EXPECT_NE(Sample().explain(0).find("  quality > q1 \"Menus\" (judgement, 21 points available)"),
              std::string::npos);
}

TEST(ExplainText, ShowsGroupSubtotalsFlagsAndNotes) {
    const auto text = Sample().explain(0);
    EXPECT_NE(text.find("  quality \"Quality\": 21.00 of 35 points\n"), std::string::npos) << text;
    EXPECT_NE(text.find("  evaluator-spread on q1: scores 1 and 5 differ by 80% of the scale\n"),
              std::string::npos);
    EXPECT_NE(text.find("  - abnormally low price accepted: staff costs explained\n"),
              std::string::npos);
    EXPECT_NE(text.find("Status: ranked 1 of 1, the winner\n"), std::string::npos);
}

TEST(ExplainText, ExcludedBidGivesItsReasons) {
    const auto text = Sample().explain(1);
    EXPECT_NE(text.find("Status: excluded\n"), std::string::npos) << text;
    EXPECT_NE(text.find("Excluded because:\n  - failed gate insurance\n"), std::string::npos);
}

} // namespace
} // namespace fairtender::cli
