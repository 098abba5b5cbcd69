// Every sample tender folder and every template loads without errors and evaluates, and
// each sample gives the results worked out by hand from the spec. New folders under
// samples/ and new templates/*.xml are picked up without changing this file.
#include "io/xml/ReferenceData.h"
#include "io/xml/TenderFolder.h"
#include "scoring/Evaluator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace fairtender {
namespace {

namespace fs = std::filesystem;

const fs::path kSourceDir = FAIRTENDER_SOURCE_DIR;

std::string joined(const Diagnostics& diagnostics) {
    std::string text;
    for (const auto& diagnostic : diagnostics)
        text += diagnostic.toString() + "\n";
    return text;
}

const LivingWageTable& referenceRates() {
    static const LivingWageTable table = [] {
        Diagnostics diagnostics;
        auto loaded = loadLivingWageTable(kSourceDir / "templates/reference/living-wage-rates.xml",
                                          diagnostics);
        EXPECT_TRUE(loaded.has_value()) << joined(diagnostics);
        return loaded.value_or(LivingWageTable{});
    }();
    return table;
}

struct Evaluated {
    FolderLoad load;
    EvaluationOutcome outcome;
};

Evaluated loadAndEvaluate(const fs::path& folder) {
    Evaluated evaluated{loadTenderFolder(folder, &referenceRates()), {}};
    if (evaluated.load.ok())
        evaluated.outcome = evaluate(evaluated.load.folder->tender, evaluated.load.folder->bids,
                                     evaluated.load.folder->evaluations);
    return evaluated;
}

// Loads and evaluates a sample once per test binary: the per-sample facts share it.
const EvaluationResult& sampleResult(const std::string& name) {
    static std::vector<std::pair<std::string, EvaluationResult>> cache;
    for (const auto& [cached, result] : cache)
        if (cached == name)
            return result;
    const Evaluated evaluated = loadAndEvaluate(kSourceDir / "samples" / name);
    EXPECT_TRUE(evaluated.load.ok()) << joined(evaluated.load.diagnostics);
    EXPECT_TRUE(evaluated.outcome.ok()) << joined(evaluated.outcome.diagnostics);
    cache.emplace_back(name, evaluated.outcome.result.value_or(EvaluationResult{}));
    return cache.back().second;
}

const BidResult& bidIn(const EvaluationResult& result, const std::string& bidId) {
    static const BidResult missing;
    const BidResult* bid = result.findBid(bidId);
    EXPECT_NE(bid, nullptr) << "no result for bid " << bidId;
    return bid ? *bid : missing;
}

double pointsOf(const EvaluationResult& result, const BidResult& bid,
                const std::string& criterionId) {
    const CriterionResult* criterion = result.criterionOf(bid, criterionId);
    EXPECT_NE(criterion, nullptr) << "no " << criterionId << " result for bid " << bid.bidId;
    return criterion ? criterion->points : -1;
}

bool hasFlagOn(const BidResult& bid, FlagKind kind, const std::string& criterionId) {
    return std::any_of(bid.flags.begin(), bid.flags.end(), [&](const Flag& flag) {
        return flag.kind == kind && flag.criterionId == criterionId;
    });
}

std::vector<std::string> sampleFolders() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(kSourceDir / "samples"))
        if (entry.is_directory())
            names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<std::string> templateFiles() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(kSourceDir / "templates"))
        if (entry.is_regular_file() && entry.path().extension() == ".xml")
            names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// gtest parameter names allow only letters, digits and underscores.
std::string parameterName(const testing::TestParamInfo<std::string>& info) {
    std::string name = info.param;
    if (const auto dot = name.rfind(".xml"); dot != std::string::npos)
        name.erase(dot);
    std::replace_if(
        name.begin(), name.end(),
        [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    return name;
}

// ---- every sample and template ------------------------------------------------------

class EverySample : public testing::TestWithParam<std::string> {};

TEST_P(EverySample, LoadsWithoutErrorsAndEvaluatesToAWinner) {
    const Evaluated evaluated = loadAndEvaluate(kSourceDir / "samples" / GetParam());
    ASSERT_TRUE(evaluated.load.ok()) << joined(evaluated.load.diagnostics);
    EXPECT_FALSE(hasErrors(evaluated.load.diagnostics)) << joined(evaluated.load.diagnostics);
    ASSERT_TRUE(evaluated.outcome.ok()) << joined(evaluated.outcome.diagnostics);
    EXPECT_TRUE(evaluated.outcome.result->winnerId.has_value());
}

INSTANTIATE_TEST_SUITE_P(Samples, EverySample, testing::ValuesIn(sampleFolders()), parameterName);

class EveryTemplate : public testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        folder_ =
            fs::temp_directory_path() / ("fairtender-template-" + parameterName({GetParam(), 0}) +
                                         "-" + std::to_string(std::random_device{}()));
        fs::remove_all(folder_);
        fs::create_directories(folder_);
        fs::copy_file(kSourceDir / "templates" / GetParam(), folder_ / "tender.xml");
    }
    void TearDown() override { fs::remove_all(folder_); }

    fs::path folder_;
};

TEST_P(EveryTemplate, LoadsAsATenderWithNoBidsAndEvaluatesToNoWinner) {
    const Evaluated evaluated = loadAndEvaluate(folder_);
    ASSERT_TRUE(evaluated.load.ok()) << joined(evaluated.load.diagnostics);
    EXPECT_FALSE(hasErrors(evaluated.load.diagnostics)) << joined(evaluated.load.diagnostics);
    EXPECT_EQ(evaluated.load.folder->tender.id, "NEW-TENDER");
    ASSERT_TRUE(evaluated.outcome.ok()) << joined(evaluated.outcome.diagnostics);
    EXPECT_TRUE(evaluated.outcome.result->bids.empty());
    EXPECT_FALSE(evaluated.outcome.result->winnerId.has_value());
}

INSTANTIATE_TEST_SUITE_P(Templates, EveryTemplate, testing::ValuesIn(templateFiles()),
                         parameterName);

// ---- school-meals -------------------------------------------------------------------
//
// Worked by hand for B1 (Irwell Kitchen Workers' Co-operative). Effective weights:
// price 40; quality 30 x (40, 30, 30)% = 12, 9, 9; social value 15 x (60, 40)% = 9, 6;
// locality, living wage and ownership 5 each. Eligible bids: B1, B2, B3, B5, B6 (B4
// fails the insurance gate).
//   price      lowest eligible 5,290,000 (B6) / 7,140,000 = 0.740896 x 40 = 29.64
//   q-menu     consensus 4 / 5 x 12 = 9.60
//   q-mobil.   consensus 4 / 5 x 9  = 7.20
//   q-sourcing consensus 5 / 5 x 9  = 9.00     (quality 25.80 of 30 = 86%, above 50%)
//   sv         38 x 28,000 + 6 x 21,000 + 312 x 230 + 12,000 x 3.20 + 400 x 17
//              = 1,306,960, the highest, so 1 x 9 = 9.00
//   sv-plan    80 / 100 x 6 = 4.80
//   locality   M6 is in Salford: 1 x 5 = 5.00
//   rlw        accredited: 1 x 5 = 5.00
//   ownership  worker co-operative: 1 x 5 = 5.00
//   total      84.24
// The others, the same way: B2 77.88, B5 73.80, B3 69.71, B6 66.84.

TEST(SchoolMealsSample, WorkerCooperativeWinsWith84Point24) {
    const auto& result = sampleResult("school-meals");
    ASSERT_TRUE(result.winnerId.has_value());
    EXPECT_EQ(*result.winnerId, "B1");
    EXPECT_NEAR(bidIn(result, "B1").total, 84.24, 1e-9);
}

TEST(SchoolMealsSample, RanksTheOtherEligibleBidsByHandWorkedTotals) {
    const auto& result = sampleResult("school-meals");
    EXPECT_NEAR(bidIn(result, "B2").total, 77.88, 1e-9);
    EXPECT_NEAR(bidIn(result, "B5").total, 73.80, 1e-9);
    EXPECT_NEAR(bidIn(result, "B3").total, 69.71, 1e-9);
    EXPECT_NEAR(bidIn(result, "B6").total, 66.84, 1e-9);
    EXPECT_EQ(bidIn(result, "B2").rank, 2);
    EXPECT_EQ(bidIn(result, "B6").rank, 5);
}

TEST(SchoolMealsSample, BidFailingTheInsuranceGateIsExcludedNamingTheGate) {
    const auto& pennine = bidIn(sampleResult("school-meals"), "B4");
    EXPECT_EQ(pennine.status, BidStatus::Excluded);
    EXPECT_NE(pennine.exclusionReason().find("insurance"), std::string::npos)
        << pennine.exclusionReason();
    EXPECT_FALSE(pennine.rank.has_value());
}

TEST(SchoolMealsSample, AcceptedAbnormallyLowPriceScoresFullPriceMarksWithoutAFlag) {
    // B6 is 25.6% below the mean 7,112,500 of the other eligible bids; the panel accepted
    // its explanation, so it keeps 40 price points and carries a note instead of a flag.
    const auto& plc = bidIn(sampleResult("school-meals"), "B6");
    EXPECT_NEAR(pointsOf(sampleResult("school-meals"), plc, "price"), 40.0, 1e-9);
    EXPECT_FALSE(plc.hasFlag(FlagKind::AbnormallyLow));
    EXPECT_FALSE(plc.notes.empty());
}

TEST(SchoolMealsSample, JudgementWithoutConsensusUsesEvaluatorMeanAndIsFlagged) {
    // B3 q-sourcing: evaluators 3, 4, 3, no consensus: 10/3 / 5 x 9 = 6.00.
    const auto& worsley = bidIn(sampleResult("school-meals"), "B3");
    EXPECT_NEAR(pointsOf(sampleResult("school-meals"), worsley, "q-sourcing"), 6.00, 1e-9);
    EXPECT_TRUE(hasFlagOn(worsley, FlagKind::Unmoderated, "q-sourcing"));
}

TEST(SchoolMealsSample, EvaluatorSpreadOfThreePointsOnAFivePointScaleIsFlagged) {
    // B5 q-mobilisation: evaluators 2, 5, 4 differ by 3, more than 40% of 5.
    const auto& result = sampleResult("school-meals");
    EXPECT_TRUE(hasFlagOn(bidIn(result, "B5"), FlagKind::EvaluatorSpread, "q-mobilisation"));
    EXPECT_FALSE(bidIn(result, "B1").hasFlag(FlagKind::EvaluatorSpread));
}

TEST(SchoolMealsSample, DeliverabilityFactorsReducePlcSocialValue) {
    // 40 x 28,000 x 0.5 + 3 x 21,000 + 520 x 230 x 0.4 + 200 x 17 = 674,240;
    // / 1,306,960 x 9 = 4.64.
    EXPECT_NEAR(
        pointsOf(sampleResult("school-meals"), bidIn(sampleResult("school-meals"), "B6"), "sv"),
        4.64, 1e-9);
}

// ---- highways-maintenance -----------------------------------------------------------
//
// Whole-life cost at 3.5%: H4 18,262,838.77 (lowest eligible), H3 18,286,253.24 although
// H3's undiscounted total (19,510,000) is below H4's (19,580,000): H3 front-loads
// 4,620,000 into year 0, which is not discounted. H5 is cheapest (17,554,143.04) but is
// excluded by its safety score of 2 against a minimum of 3, so it sets no price.
// Totals: H2 92.90, H1 86.57, H3 86.46, H4 77.92.

TEST(HighwaysMaintenanceSample, EmployeeOwnedContractorWinsWith92Point90) {
    const auto& result = sampleResult("highways-maintenance");
    ASSERT_TRUE(result.winnerId.has_value());
    EXPECT_EQ(*result.winnerId, "H2");
    EXPECT_NEAR(bidIn(result, "H2").total, 92.90, 1e-9);
    EXPECT_NEAR(bidIn(result, "H1").total, 86.57, 1e-9);
    EXPECT_NEAR(bidIn(result, "H3").total, 86.46, 1e-9);
    EXPECT_NEAR(bidIn(result, "H4").total, 77.92, 1e-9);
}

TEST(HighwaysMaintenanceSample, DiscountingMakesFrontLoadedBidDearerThanItsCashTotal) {
    const auto& result = sampleResult("highways-maintenance");
    const auto& derwent = bidIn(result, "H4");
    const auto& meridian = bidIn(result, "H3");
    ASSERT_TRUE(derwent.price.has_value());
    ASSERT_TRUE(meridian.price.has_value());
    EXPECT_NEAR(*derwent.price, 18262838.77, 0.01);
    EXPECT_NEAR(*meridian.price, 18286253.24, 0.01);
    // lowest-deviation: 1 - 23,414.47 / 18,262,838.77 = 0.998718 x 45 = 44.94.
    EXPECT_NEAR(pointsOf(result, derwent, "price"), 45.00, 1e-9);
    EXPECT_NEAR(pointsOf(result, meridian, "price"), 44.94, 1e-9);
}

TEST(HighwaysMaintenanceSample, SafetyScoreBelowMinimumExcludesCheapestBid) {
    const auto& northway = bidIn(sampleResult("highways-maintenance"), "H5");
    EXPECT_EQ(northway.status, BidStatus::Excluded);
    EXPECT_NE(northway.exclusionReason().find("hq-safety"), std::string::npos)
        << northway.exclusionReason();
}

TEST(HighwaysMaintenanceSample, SocialValueTargetCapsAtFullMarks) {
    // H3: 12 x 28,000 + 520 x 230 + 300 x 17 = 460,700 against 400,000: capped, 10.00.
    // H1: 229,840 / 400,000 x 10 = 5.75.
    const auto& result = sampleResult("highways-maintenance");
    EXPECT_NEAR(pointsOf(result, bidIn(result, "H3"), "sv"), 10.00, 1e-9);
    EXPECT_NEAR(pointsOf(result, bidIn(result, "H1"), "sv"), 5.75, 1e-9);
}

TEST(HighwaysMaintenanceSample, LocalSpendBelowTargetScoresInProportion) {
    // H3: 38% against a target of 60%: 0.633333 x 5 = 3.17.
    const auto& result = sampleResult("highways-maintenance");
    EXPECT_NEAR(pointsOf(result, bidIn(result, "H3"), "local-spend"), 3.17, 1e-9);
}

// ---- home-care ----------------------------------------------------------------------
//
// Price per quality point, four places. C1: quality 21 + 14 + 14 + 8.4 = 57.4; social
// value per pound of rate 428,600 / 26.40 = 16,234.85, the highest, 15; locality 5;
// ownership 10: Q = 87.4, 26.40 / 87.4 = 0.3021. C2: Q = 83.5475, 25.80 / Q = 0.3088.
// C3: Q = 68.5939, 25.20 / Q = 0.3674.

TEST(HomeCareSample, CooperativeWinsOnPricePerPointDespiteHighestRate) {
    const auto& result = sampleResult("home-care");
    ASSERT_TRUE(result.winnerId.has_value());
    EXPECT_EQ(*result.winnerId, "C1");
    const auto& coop = bidIn(result, "C1");
    EXPECT_NEAR(coop.total, 87.4, 1e-9);
    ASSERT_TRUE(coop.pricePerPoint.has_value());
    EXPECT_NEAR(*coop.pricePerPoint, 0.3021, 1e-9);
    const auto& mutual = bidIn(result, "C2");
    EXPECT_NEAR(mutual.total, 83.5475, 1e-9);
    ASSERT_TRUE(mutual.pricePerPoint.has_value());
    EXPECT_NEAR(*mutual.pricePerPoint, 0.3088, 1e-9);
    EXPECT_EQ(mutual.rank, 2);
}

TEST(HomeCareSample, LargePrivateProviderIsExcludedByTheReservation) {
    const auto& allied = bidIn(sampleResult("home-care"), "C4");
    EXPECT_EQ(allied.status, BidStatus::Excluded);
    EXPECT_NE(allied.exclusionReason().find("large-private"), std::string::npos)
        << allied.exclusionReason();
}

TEST(HomeCareSample, ProviderNotCommittedToTheLivingWageIsExcludedByTheGate) {
    const auto& result = sampleResult("home-care");
    EXPECT_EQ(bidIn(result, "C5").status, BidStatus::Excluded);
    EXPECT_EQ(bidIn(result, "C3").status, BidStatus::Ranked);
}

} // namespace
} // namespace fairtender
