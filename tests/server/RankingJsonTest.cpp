// The ranking a server sends, read back on the client, is the ranking evaluated here: the
// table printed from it is the table `fairtender evaluate` prints for the same folder.
#include "client/RankingJson.h"

#include "ServerTestSupport.h"
#include "cli/Commands.h"
#include "cli/RankingTable.h"
#include "io/json/ResultJson.h"
#include "pipeline/FolderEvaluation.h"

namespace fairtender::client {
namespace {

struct Evaluated {
    FolderEvaluation evaluation;
    std::string json;
};

Evaluated evaluatedSample(const std::string& name) {
    const cli::ReferenceRates rates = cli::referenceRates();
    Evaluated evaluated{evaluateTenderFolder(testing::sampleFolder(name), rates.get()), {}};
    if (evaluated.evaluation.ok())
        evaluated.json = toJson(*evaluated.evaluation.result, *evaluated.evaluation.folder);
    return evaluated;
}

TEST(RankingJson, TheSchoolMealsTableReadFromTheJsonIsTheTableEvaluatedHere) {
    const Evaluated meals = evaluatedSample("school-meals");
    ASSERT_TRUE(meals.evaluation.ok());
    const Tender& tender = meals.evaluation.folder->tender;
    std::string why;
    const auto read = rankingFromJson(meals.json, tender, why);
    ASSERT_TRUE(read) << why;
    const std::string table = cli::renderRankingTable(*read, tender);
    EXPECT_EQ(table, cli::renderRankingTable(*meals.evaluation.result, tender));
    // The Quality group's 25.80 for B1 is the sum of its three leaves' rounded points.
    EXPECT_NE(table.find("29.64         25.80"), std::string::npos) << table;
}

TEST(RankingJson, EverySamplesTableReadFromTheJsonIsTheTableEvaluatedHere) {
    for (const char* sample : {"school-meals", "home-care", "highways-maintenance"}) {
        const Evaluated evaluated = evaluatedSample(sample);
        ASSERT_TRUE(evaluated.evaluation.ok()) << sample;
        const Tender& tender = evaluated.evaluation.folder->tender;
        std::string why;
        const auto read = rankingFromJson(evaluated.json, tender, why);
        ASSERT_TRUE(read) << sample << ": " << why;
        EXPECT_EQ(cli::renderRankingTable(*read, tender),
                  cli::renderRankingTable(*evaluated.evaluation.result, tender))
            << sample;
    }
}

TEST(RankingJson, AnExcludedBidKeepsItsReasonAndNoPoints) {
    const Evaluated meals = evaluatedSample("school-meals");
    ASSERT_TRUE(meals.evaluation.ok());
    std::string why;
    const auto read = rankingFromJson(meals.json, meals.evaluation.folder->tender, why);
    ASSERT_TRUE(read) << why;
    const BidResult* b4 = read->findBid("B4");
    ASSERT_NE(b4, nullptr);
    EXPECT_EQ(b4->status, BidStatus::Excluded);
    EXPECT_EQ(b4->exclusionReason(), "failed gate insurance");
    EXPECT_TRUE(b4->criteria.empty());
}

TEST(RankingJson, ADocumentWithoutBidsIsRefusedWithWhy) {
    const Evaluated meals = evaluatedSample("school-meals");
    ASSERT_TRUE(meals.evaluation.ok());
    std::string why;
    EXPECT_FALSE(rankingFromJson("{\"tender\": \"X\"}", meals.evaluation.folder->tender, why));
    EXPECT_EQ(why, "the ranking has no bids list");
    EXPECT_FALSE(rankingFromJson("<html>", meals.evaluation.folder->tender, why));
    EXPECT_TRUE(why.starts_with("the ranking cannot be read: ")) << why;
}

} // namespace
} // namespace fairtender::client
