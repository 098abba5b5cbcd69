// How a social value figure arose: each commitment valued as quantity x proxy x
// deliverability, adding up to the SV the criterion scored, on the school meals sample.
#include "scoring/SocialValueCommitments.h"

#include "io/json/ResultJson.h"
#include "io/xml/ReferenceData.h"
#include "io/xml/TenderFolder.h"
#include "scoring/Derivation.h"
#include "scoring/Evaluator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>

namespace fairtender {
namespace {

namespace fs = std::filesystem;

struct Sample {
    TenderFolder folder;
    EvaluationResult result;
};

const Sample& evaluatedSample(const std::string& name) {
    static std::map<std::string, Sample> cache;
    if (const auto found = cache.find(name); found != cache.end())
        return found->second;
    Diagnostics ignored;
    const auto rates = loadLivingWageTable(
        fs::path(FAIRTENDER_SOURCE_DIR) / "templates/reference/living-wage-rates.xml", ignored);
    FolderLoad load = loadTenderFolder(fs::path(FAIRTENDER_SOURCE_DIR) / "samples" / name,
                                       rates ? &*rates : nullptr);
    EXPECT_TRUE(load.folder.has_value());
    Sample sample{std::move(*load.folder), {}};
    sample.result =
        *evaluate(sample.folder.tender, sample.folder.bids, sample.folder.evaluations).result;
    return cache.emplace(name, std::move(sample)).first->second;
}

const Bid& bidOf(const Sample& sample, const std::string& id) {
    return *std::find_if(sample.folder.bids.begin(), sample.folder.bids.end(),
                         [&](const Bid& b) { return b.id == id; });
}

// B6 Amberline: 40 FTE x 28,000.00 x 0.5 + 3 FTE x 21,000.00 + 520 weeks x 230.00 x 0.4 +
// 200 hours x 17.00 = 560,000 + 63,000 + 47,840 + 3,400 = 674,240.00.
TEST(SocialValueCommitments, AmberlinesSocialValueIsTheSumOfItsFourCommitments) {
    const Sample& meals = evaluatedSample("school-meals");
    const auto breakdown = socialValueBreakdown(*findNode(meals.folder.tender.model, "sv"),
                                                bidOf(meals, "B6"), meals.folder.evaluations);
    ASSERT_EQ(breakdown.commitments.size(), 4u);
    const CommitmentValue& jobs = breakdown.commitments[0];
    EXPECT_EQ(jobs.measureId, "local-jobs");
    EXPECT_DOUBLE_EQ(jobs.quantity, 40);
    EXPECT_EQ(jobs.proxy.toPlainString(), "28000.00");
    EXPECT_TRUE(jobs.assessed);
    EXPECT_DOUBLE_EQ(jobs.deliverability, 0.5);
    EXPECT_DOUBLE_EQ(jobs.value, 560000);
    EXPECT_NE(jobs.deliverabilityReason.find("TUPE"), std::string::npos);
    EXPECT_EQ(commitmentFormula(jobs), "40 FTE x 28,000.00 x deliverability 0.5 = 560,000.00");
    EXPECT_FALSE(breakdown.commitments[1].assessed);
    EXPECT_EQ(commitmentFormula(breakdown.commitments[1]), "3 FTE x 21,000.00 = 63,000.00");
    EXPECT_DOUBLE_EQ(breakdown.commitments[2].value, 47840);
    EXPECT_DOUBLE_EQ(breakdown.total, 674240);
}

TEST(SocialValueCommitments, TheBreakdownAddsUpToTheFigureScoredForEveryBidOfEverySample) {
    for (const char* name : {"school-meals", "highways-maintenance", "home-care"}) {
        const Sample& sample = evaluatedSample(name);
        for (std::size_t i = 0; i < sample.result.leaves.size(); ++i) {
            if (sample.result.leaves[i].type != CriterionType::SocialValue)
                continue;
            const ModelNode* node =
                findNode(sample.folder.tender.model, sample.result.leaves[i].criterionId);
            for (const auto& bid : sample.result.bids) {
                if (bid.status != BidStatus::Ranked)
                    continue;
                const auto breakdown = socialValueBreakdown(
                    *node, *inputBidOf(bid, sample.folder.bids), sample.folder.evaluations);
                EXPECT_EQ(breakdown.total, bid.criteria[i].figure) << name << " " << bid.bidId;
            }
        }
    }
}

TEST(SocialValueCommitments, TheExplanationListsEachCommitmentWithItsDeliverabilityReason) {
    const Sample& meals = evaluatedSample("school-meals");
    const BidResult& b6 = *meals.result.findBid("B6");
    const auto derivation =
        derive(meals.result, b6, *meals.result.leafIndex("sv"), meals.folder.tender,
               bidOf(meals, "B6"), meals.folder.evaluations);
    ASSERT_GE(derivation.inputs.size(), 5u);
    EXPECT_EQ(derivation.inputs[0].name, "commitment Salford residents employed on the contract");
    EXPECT_EQ(derivation.inputs[0].value.substr(0, 52),
              "40 FTE x 28,000.00 x deliverability 0.5 = 560,000.00");
    EXPECT_NE(derivation.inputs[0].value.find("(deliverability 0.5: About half of the 40 FTE"),
              std::string::npos);
    EXPECT_EQ(derivation.inputs[4].name, "social value");
    EXPECT_EQ(derivation.inputs[4].value, "674,240.00 (the sum of the commitments)");
    EXPECT_EQ(derivation.formula, "sv: social value 674,240.00 / highest 1,306,960.00 x 9 = 4.64");
}

TEST(SocialValueCommitments, TheResultDocumentCarriesTheCommitmentsOfEachSocialValueCriterion) {
    const Sample& meals = evaluatedSample("school-meals");
    const std::string json = toJson(meals.result, meals.folder);
    EXPECT_NE(json.find("\"sv\": { \"score\": 0.515884, \"points\": 4.64, \"social_value\": "
                        "674240.00, \"commitments\": ["),
              std::string::npos);
    EXPECT_NE(json.find("{ \"measure\": \"apprentice-weeks\", \"quantity\": 520, \"unit\": "
                        "\"week\", \"proxy\": 230.00, \"deliverability\": 0.4, "
                        "\"deliverability_reason\": \"The apprenticeships are places on the "
                        "bidder's national scheme; only four of ten are tied to this "
                        "contract.\", \"value\": 47840.00 }"),
              std::string::npos);
    // The document recorded in a workspace's audit trail stays as it was.
    EXPECT_EQ(toJson(meals.result).find("commitments"), std::string::npos);
}

} // namespace
} // namespace fairtender
