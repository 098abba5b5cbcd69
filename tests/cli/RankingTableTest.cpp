#include "cli/RankingTable.h"

#include <gtest/gtest.h>

namespace fairtender::cli {
namespace {

ModelNode criterionNode(std::string id, std::string title, double weight) {
    ModelNode node;
    node.id = std::move(id);
    node.title = std::move(title);
    node.weight = weight;
    return node;
}

Tender sampleTender() {
    Tender tender;
    tender.id = "T-1";
    tender.title = "School meals";
    tender.buyer = "Test Council";
    tender.model.children.push_back(criterionNode("price", "Price", 40));
    ModelNode quality = criterionNode("quality", "Quality", 60);
    quality.kind = NodeKind::Group;
    quality.children.push_back(criterionNode("q1", "Menus", 100));
    tender.model.children.push_back(quality);
    ModelNode gate = criterionNode("insurance", "Insurance", 0);
    gate.kind = NodeKind::Gate;
    tender.model.children.push_back(gate);
    return tender;
}

BidResult rankedBid(std::string id, std::string supplier, int rank, double price, double pricePts,
                    double qualityPts) {
    BidResult bid;
    bid.bidId = std::move(id);
    bid.supplierName = std::move(supplier);
    bid.rank = rank;
    bid.price = price;
    CriterionResult p;
    p.points = pricePts;
    CriterionResult q;
    q.points = qualityPts;
    bid.criteria = {p, q};
    bid.groups = {{qualityPts}};
    bid.total = pricePts + qualityPts;
    return bid;
}

EvaluationResult sampleResult() {
    EvaluationResult result;
    result.tenderId = "T-1";
    result.winnerId = "B2";
    result.leaves = {{"price", "Price", CriterionType::Price, 40, {}},
                     {"q1", "Menus", CriterionType::Judgement, 60, {"quality"}}};
    result.groups = {{"quality", "Quality", 60, {}}};
    result.bids.push_back(rankedBid("B2", "Caf\xC3\xA9 Co-op", 1, 900000, 40, 48));
    result.bids.push_back(
        rankedBid("B1", "Ribble Valley Catering Co-operative Limited", 2, 1000000, 36, 36));
    result.bids.back().flags.push_back({FlagKind::Unmoderated, "q1", ""});
    BidResult excluded;
    excluded.bidId = "B3";
    excluded.supplierName = "Cheap Ltd";
    excluded.status = BidStatus::Excluded;
    excluded.exclusionReasons = {"failed gate insurance"};
    result.bids.push_back(excluded);
    return result;
}

TEST(RankingTable, HasOneColumnPerTopLevelNodeButNotGates) {
    const auto table = renderRankingTable(sampleResult(), sampleTender());
    EXPECT_NE(table.find("Price (40)"), std::string::npos) << table;
    EXPECT_NE(table.find("Quality (60)"), std::string::npos);
    EXPECT_EQ(table.find("Insurance"), std::string::npos);
}

TEST(RankingTable, RowShowsRankPricePointsTotalAndFlags) {
    const auto table = renderRankingTable(sampleResult(), sampleTender());
    EXPECT_NE(
        table.find("   2  B1   Ribble Valley Catering Co-opera\xE2\x80\xA6  1,000,000.00       "
                   "36.00         36.00  72.00  unmoderated\n"),
        std::string::npos)
        << table;
}

TEST(RankingTable, ColumnsLineUpForAccentedNames) {
    const auto table = renderRankingTable(sampleResult(), sampleTender());
    // "Café Co-op" is 10 columns but 11 bytes: its row must be padded by columns.
    EXPECT_NE(table.find("   1  B2   Caf\xC3\xA9 Co-op                          900,000.00"),
              std::string::npos)
        << table;
}

TEST(RankingTable, ExcludedBidsFollowWithTheirReasons) {
    const auto table = renderRankingTable(sampleResult(), sampleTender());
    const auto excludedAt = table.find("Excluded:");
    ASSERT_NE(excludedAt, std::string::npos);
    EXPECT_GT(excludedAt, table.find("B1"));
    EXPECT_NE(table.find("B3   Cheap Ltd  failed gate insurance"), std::string::npos) << table;
}

TEST(RankingTable, EndsWithTheWinner) {
    const auto table = renderRankingTable(sampleResult(), sampleTender());
    EXPECT_TRUE(table.ends_with("Winner: B2 Caf\xC3\xA9 Co-op (88.00 points)\n")) << table;
}

TEST(RankingTable, SharedFirstPlaceHasNoWinner) {
    auto result = sampleResult();
    result.winnerId.reset();
    result.bids[1].rank = 1;
    const auto table = renderRankingTable(result, sampleTender());
    EXPECT_NE(table.find("  1=  B1"), std::string::npos) << table;
    EXPECT_NE(table.find("No winner: first place is an unresolved tie between B2, B1"),
              std::string::npos);
}

} // namespace
} // namespace fairtender::cli
