// The JSON document of `fairtender evaluate --json` (spec section 5): its shape, number
// formats, escaping of hostile text, and that a real JSON parser accepts it.
#include "io/json/ResultJson.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace fairtender {
namespace {

CriterionResult leaf(double score, double points) {
    CriterionResult c;
    c.score = score;
    c.points = points;
    return c;
}

EvaluationResult sampleResult() {
    EvaluationResult result;
    result.tenderId = "PCC-2026-014";
    result.winnerId = "B1";
    result.leaves = {{"price", "price", CriterionType::Price, 40, {}},
                     {"q1", "q1", CriterionType::Judgement, 21, {}}};
    BidResult b1;
    b1.bidId = "B1";
    b1.supplierName = "Ribble Valley Catering Co-operative";
    b1.rank = 1;
    b1.total = 83.42;
    b1.price = 1050000.0;
    b1.criteria.push_back(leaf(40.0 / 42.0, 38.1));
    b1.criteria.push_back(leaf(0.8, 16.8));
    b1.flags.push_back({FlagKind::Unmoderated, "q1", "mean of evaluators"});
    b1.flags.push_back({FlagKind::AbnormallyLow, "price", "31.8% below the mean"});
    b1.flags.push_back({FlagKind::Unmoderated, "q2", "mean of evaluators"});
    BidResult b3;
    b3.bidId = "B3";
    b3.supplierName = "Cheap Meals Ltd";
    b3.status = BidStatus::Excluded;
    b3.exclusionReasons = {"failed gate insurance", "below the statutory minimum wage"};
    result.bids = {b1, b3};
    return result;
}

bool parsesAsJson(const std::string& json) {
    const auto file = std::filesystem::temp_directory_path() / "fairtender-result-json-test.json";
    std::ofstream(file, std::ios::binary) << json;
    const std::string command = "/usr/bin/python3 -c 'import json,sys; json.load(sys.stdin)' < \"" +
                                file.string() + "\" 2>/dev/null";
    const int status = std::system(command.c_str());
    std::filesystem::remove(file);
    return status == 0;
}

TEST(ResultJson, StartsWithTenderAndWinner) {
    const auto json = toJson(sampleResult());
    EXPECT_EQ(json.rfind("{\n  \"tender\": \"PCC-2026-014\",\n  \"winner\": \"B1\",", 0), 0u)
        << json;
}

TEST(ResultJson, WinnerIsNullWithoutOne) {
    auto result = sampleResult();
    result.winnerId.reset();
    EXPECT_NE(toJson(result).find("\"winner\": null,"), std::string::npos);
}

TEST(ResultJson, ScoreHasSixDecimalsAndPointsTheModelsPlaces) {
    const auto json = toJson(sampleResult());
    EXPECT_NE(json.find("\"price\": { \"score\": 0.952381, \"points\": 38.10 }"), std::string::npos)
        << json;
}

TEST(ResultJson, PointsFollowTheModelsRounding) {
    auto result = sampleResult();
    result.rounding = 3;
    const auto json = toJson(result);
    EXPECT_NE(json.find("\"q1\": { \"score\": 0.800000, \"points\": 16.800 }"), std::string::npos)
        << json;
    EXPECT_NE(json.find("\"total\": 83.420"), std::string::npos);
}

TEST(ResultJson, RankedBidHasRankTotalAndPriceWithTwoDecimals) {
    const auto json = toJson(sampleResult());
    EXPECT_NE(json.find("\"status\": \"ranked\",\n      \"rank\": 1,\n      \"total\": 83.42,\n"
                        "      \"price\": 1050000.00,"),
              std::string::npos)
        << json;
}

TEST(ResultJson, ExcludedBidHasJoinedReasonEmptyCriteriaAndNoRank) {
    const auto json = toJson(sampleResult());
    const auto b3 = json.substr(json.find("\"id\": \"B3\""));
    EXPECT_NE(b3.find("\"status\": \"excluded\",\n      \"reason\": \"failed gate insurance; below "
                      "the statutory minimum wage\""),
              std::string::npos)
        << b3;
    EXPECT_NE(b3.find("\"criteria\": {}"), std::string::npos);
    EXPECT_EQ(b3.find("\"rank\""), std::string::npos);
    EXPECT_EQ(b3.find("\"total\""), std::string::npos);
}

TEST(ResultJson, FlagsAreUniqueAndInFlagOrder) {
    const auto json = toJson(sampleResult());
    EXPECT_NE(json.find("\"flags\": [\"abnormally-low\", \"unmoderated\"]"), std::string::npos)
        << json;
}

TEST(ResultJson, PricePerPointOnlyUnderPricePerQualityPoint) {
    auto result = sampleResult();
    result.bids[0].pricePerPoint = 12586.7;
    EXPECT_EQ(toJson(result).find("price_per_point"), std::string::npos);
    result.aggregation = Aggregation::PricePerQualityPoint;
    EXPECT_NE(toJson(result).find("\"price_per_point\": 12586.70"), std::string::npos);
}

TEST(ResultJson, UnscoredLeavesAreLeftOutOfCriteria) {
    auto result = sampleResult();
    result.leaves.push_back({"rlw-gate", "rlw-gate", CriterionType::LivingWage, 0, {}});
    result.leaves.back().scored = false;
    auto gate = leaf(0, 0);
    gate.scored = false;
    result.bids[0].criteria.push_back(gate);
    EXPECT_EQ(toJson(result).find("rlw-gate"), std::string::npos);
}

TEST(ResultJson, LargeNumbersNeverUseExponents) {
    auto result = sampleResult();
    result.bids[0].price = 987654321.5;
    EXPECT_NE(toJson(result).find("\"price\": 987654321.50"), std::string::npos);
}

TEST(ResultJson, NoBidsGiveAnEmptyArray) {
    EvaluationResult result;
    result.tenderId = "T";
    EXPECT_EQ(toJson(result), "{\n  \"tender\": \"T\",\n  \"winner\": null,\n  \"bids\": []\n}\n");
}

TEST(JsonQuoted, EscapesQuoteAndBackslash) {
    EXPECT_EQ(jsonQuoted(R"(Say "hi" \o/)"), R"("Say \"hi\" \\o/")");
}

TEST(JsonQuoted, EscapesControlCharactersAsUnicode) {
    EXPECT_EQ(jsonQuoted("a\nb\tc\x01"), R"("a\u000ab\u0009c\u0001")");
}

TEST(JsonQuoted, EscapesAngleBracketsSoScriptTagsCannotClose) {
    EXPECT_EQ(jsonQuoted("</script>"), R"("\u003c/script\u003e")");
}

TEST(JsonQuoted, LeavesSpreadsheetFormulaTextAsPlainText) {
    EXPECT_EQ(jsonQuoted("=cmd|' /C calc'!A0"), R"("=cmd|' /C calc'!A0")");
}

TEST(JsonQuoted, PassesUtf8Through) {
    EXPECT_EQ(jsonQuoted("Caf\xC3\xA9 Co-op \xE2\x82\xAC"), "\"Caf\xC3\xA9 Co-op \xE2\x82\xAC\"");
}

TEST(JsonQuoted, ReplacesInvalidUtf8WithReplacementCharacter) {
    EXPECT_EQ(jsonQuoted("a\xC3(b\xFF"), R"("a\ufffd(b\ufffd")");
}

TEST(ResultJson, HostileSupplierNamesStillParseAsJson) {
    auto result = sampleResult();
    result.bids[0].supplierName = "\"Quotes\" \\ Ltd\nline two </script><script>alert(1)</script>";
    result.bids[1].supplierName = "=cmd|' /C calc'!A0 \x7F Caf\xC3\xA9 \xE2\x80\xA8";
    result.bids[1].exclusionReasons = {"tab\there"};
    EXPECT_TRUE(parsesAsJson(toJson(result))) << toJson(result);
}

} // namespace
} // namespace fairtender
