#include "io/xml/TenderFolder.h"

#include "IoTestSupport.h"
#include "ScratchFolder.h"
#include "SpecExamples.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace fairtender;
using fairtender::testing::describe;
using fairtender::testing::hasDiagnostic;
using fairtender::testing::hasMessage;
using fairtender::testing::lines;
using fairtender::testing::ScratchFolder;

namespace {

namespace fs = std::filesystem;

// A small tender: price (income optional), judgement q1 on 0-10 in steps of 2, social
// value with measures jobs and weeks, a gate.
std::string smallTender(const std::string& priceAttributes = "") {
    return lines(
        {R"(<tender xmlns="urn:fairtender:tender:1" id="T1">)", "  <title>Meals</title>",
         "  <buyer>PCC</buyer>", "  <model>",
         R"(    <criterion id="price" type="price" weight="50")" + priceAttributes + "/>",
         R"(    <criterion id="q1" type="judgement" weight="30" scale-max="10" scale-step="2"/>)",
         R"(    <criterion id="sv" type="social-value" weight="20"><measure id="jobs" proxy="100"/><measure id="weeks" proxy="10"/></criterion>)",
         R"(    <gate id="insurance"/>)", "  </model>", "</tender>"});
}

// One bid per line from line 2; `body` goes inside <bid>.
std::string bidFile(const std::vector<std::pair<std::string, std::string>>& bids,
                    const std::string& tender = "T1") {
    std::vector<std::string> text = {R"(<bids xmlns="urn:fairtender:bid:1" tender=")" + tender +
                                     R"(">)"};
    for (const auto& [id, body] : bids)
        text.push_back(R"(  <bid id=")" + id + R"("><supplier name="S" ownership="mutual"/>)" +
                       body + "</bid>");
    text.push_back("</bids>");
    return lines(text);
}

// Entries from line 2.
std::string evaluationsFile(const std::vector<std::string>& entries,
                            const std::string& tender = "T1") {
    std::vector<std::string> text = {
        R"(<evaluations xmlns="urn:fairtender:evaluations:1" tender=")" + tender + R"(">)"};
    text.insert(text.end(), entries.begin(), entries.end());
    text.push_back("</evaluations>");
    return lines(text);
}

FolderLoad loadWith(const std::string& tender,
                    const std::vector<std::pair<std::string, std::string>>& bidFiles,
                    const std::string& evaluations = "") {
    ScratchFolder folder;
    folder.write("tender.xml", tender);
    for (const auto& [name, text] : bidFiles)
        folder.write("bids/" + name, text);
    if (!evaluations.empty())
        folder.write("evaluations.xml", evaluations);
    return loadTenderFolder(folder.path(), nullptr);
}

const std::string kPrice = "<price>100</price>";

} // namespace

TEST(TenderFolder, LoadsTheSpecExamplesAsAFolder) {
    ScratchFolder folder;
    folder.write("tender.xml", fairtender::testing::kSpecTender);
    folder.write("bids/b1.xml", fairtender::testing::kSpecBids);
    const auto load = loadTenderFolder(folder.path(), nullptr);
    ASSERT_TRUE(load.ok()) << describe(load.diagnostics);
    EXPECT_EQ(load.folder->tender.id, "PCC-2026-014");
    ASSERT_EQ(load.folder->bids.size(), 1u);
    EXPECT_EQ(load.folder->bids[0].where.file, "bids/b1.xml");
    EXPECT_EQ(load.folder->files.size(), 2u);
}

TEST(TenderFolder, MissingTenderXmlIsAnErrorForTheWholeFile) {
    ScratchFolder folder;
    const auto load = loadTenderFolder(folder.path(), nullptr);
    EXPECT_FALSE(load.ok());
    EXPECT_TRUE(hasDiagnostic(load.diagnostics, 0, 0, "has no tender.xml"));
    EXPECT_EQ(load.diagnostics[0].where.file, "tender.xml");
}

TEST(TenderFolder, FolderWithoutBidsIsValidWithZeroBids) {
    const auto load = loadWith(smallTender(), {});
    ASSERT_TRUE(load.ok()) << describe(load.diagnostics);
    EXPECT_TRUE(load.folder->bids.empty());
}

TEST(TenderFolder, BidFilesAreReadInFileNameOrderAndOtherFilesIgnored) {
    const auto load = loadWith(smallTender(), {{"b.xml", bidFile({{"B2", kPrice}})},
                                               {"a.xml", bidFile({{"B1", kPrice}})},
                                               {"notes.txt", "not a bid"},
                                               {".~lock.a.xml#", "lock"}});
    ASSERT_TRUE(load.ok()) << describe(load.diagnostics);
    ASSERT_EQ(load.folder->bids.size(), 2u);
    EXPECT_EQ(load.folder->bids[0].id, "B1");
    EXPECT_EQ(load.folder->bids[1].where.file, "bids/b.xml");
}

TEST(TenderFolder, ErrorsInEveryFileAreReportedAndNothingIsReturned) {
    const auto load =
        loadWith(smallTender() + "<junk/>", {{"a.xml", bidFile({{"B1", "<price>1.001</price>"}})}},
                 evaluationsFile({R"(  <score bid="B1"/>)"}));
    EXPECT_FALSE(load.ok());
    EXPECT_TRUE(hasDiagnostic(load.diagnostics, 11, 1, "a second root element <junk>"));
    EXPECT_EQ(load.diagnostics[0].where.file, "tender.xml");
    EXPECT_TRUE(
        hasDiagnostic(load.diagnostics, 2, 62, "price '1.001' has more than two decimal places"));
    EXPECT_TRUE(hasDiagnostic(load.diagnostics, 2, 3,
                              "<score> is missing the required attribute 'criterion'"));
}

TEST(TenderFolder, BidIdsAreUniqueAcrossFiles) {
    const auto load = loadWith(smallTender(), {{"a.xml", bidFile({{"B1", kPrice}})},
                                               {"b.xml", bidFile({{"B1", kPrice}})}});
    EXPECT_FALSE(load.ok());
    EXPECT_TRUE(hasDiagnostic(load.diagnostics, 2, 3,
                              "bid id 'B1' is used twice (first at bids/a.xml:2:3)"));
    EXPECT_EQ(load.diagnostics[0].where.file, "bids/b.xml");
}

TEST(TenderFolder, FilesMustNameTheTender) {
    const auto load =
        loadWith(smallTender(), {{"a.xml", bidFile({{"B1", kPrice}, {"B2", kPrice}}, "T2")}},
                 evaluationsFile({}, "T3"));
    EXPECT_FALSE(load.ok());
    EXPECT_TRUE(hasDiagnostic(load.diagnostics, 1, 36,
                              "this file is for tender 'T2', but tender.xml has id 'T1'"));
    EXPECT_TRUE(hasDiagnostic(load.diagnostics, 1, 51, "this file is for tender 'T3'"));
    EXPECT_EQ(load.diagnostics.size(), 2u);
}

TEST(TenderFolder, CommitmentsNameListedMeasuresOnce) {
    const auto load = loadWith(
        smallTender(),
        {{"a.xml",
          bidFile(
              {{"B1",
                kPrice +
                    R"(<commitment measure="trees" quantity="1"/><commitment measure="jobs" quantity="1"/><commitment measure="jobs" quantity="2"/>)"}})}});
    EXPECT_FALSE(load.ok());
    EXPECT_TRUE(hasDiagnostic(
        load.diagnostics, 2, 73,
        "bid B1 commits to measure 'trees' which the tender does not list; listed: jobs, weeks"));
    EXPECT_TRUE(
        hasDiagnostic(load.diagnostics, 2, 156,
                      "bid B1 commits to measure 'jobs' twice (first at bids/a.xml:2:115)"));
}

TEST(TenderFolder, GateAnswersNameGatesOnce) {
    const auto load = loadWith(
        smallTender(),
        {{"a.xml",
          bidFile(
              {{"B1",
                kPrice +
                    R"(<gate id="dbs" pass="true"/><gate id="insurance" pass="true"/><gate id="insurance" pass="false"/>)"}})}});
    EXPECT_FALSE(load.ok());
    EXPECT_TRUE(
        hasDiagnostic(load.diagnostics, 2, 73,
                      "bid B1 answers gate 'dbs' which the model does not have; gates: insurance"));
    EXPECT_TRUE(hasDiagnostic(load.diagnostics, 2, 135, "bid B1 answers gate 'insurance' twice"));
}

TEST(TenderFolder, ZeroPriceIsAnErrorUnlessTheMethodIsIncome) {
    const auto load = loadWith(smallTender(), {{"a.xml", bidFile({{"B1", "<price>0</price>"}})}});
    EXPECT_FALSE(load.ok());
    EXPECT_TRUE(hasDiagnostic(load.diagnostics, 2, 55,
                              "bid B1 has price 0.00: a price must be more than zero"));
    const auto income = loadWith(smallTender(R"( method="income")"),
                                 {{"a.xml", bidFile({{"B1", "<price>0</price>"}})}});
    EXPECT_TRUE(income.ok()) << describe(income.diagnostics);
}

TEST(TenderFolder, NegativeYearlyCostOrNonPositiveTotalIsAnError) {
    const auto load = loadWith(
        smallTender(R"( discount-rate="3.5")"),
        {{"a.xml", bidFile({{"B1", R"(<cost year="0">100</cost><cost year="1">-5</cost>)"},
                            {"B2", R"(<cost year="0">0</cost><cost year="1">0</cost>)"}})}});
    EXPECT_FALSE(load.ok());
    EXPECT_TRUE(hasDiagnostic(load.diagnostics, 2, 80, "bid B1 has a negative cost for year 1"));
    EXPECT_TRUE(hasDiagnostic(load.diagnostics, 3, 55, "the yearly costs of bid B2 total 0.00"));
}

TEST(TenderFolder, YearlyCostsWithoutADiscountRateAreAccepted) {
    const auto load = loadWith(
        smallTender(),
        {{"a.xml", bidFile({{"B1", R"(<cost year="0">100</cost><cost year="1">50</cost>)"}})}});
    EXPECT_TRUE(load.ok()) << describe(load.diagnostics);
}

TEST(TenderFolder, EvaluationsNameExistingBidsAndJudgementCriteria) {
    const auto load =
        loadWith(smallTender(), {{"a.xml", bidFile({{"B1", kPrice}})}},
                 evaluationsFile(
                     {R"(  <score bid="B9" criterion="q1" evaluator="E1" value="4">ok</score>)",
                      R"(  <score bid="B1" criterion="price" evaluator="E1" value="4">ok</score>)",
                      R"(  <consensus bid="B1" criterion="q7" value="4">ok</consensus>)"}));
    EXPECT_FALSE(load.ok());
    EXPECT_TRUE(
        hasDiagnostic(load.diagnostics, 2, 3, "score names bid 'B9', which no bid file contains"));
    EXPECT_TRUE(hasDiagnostic(
        load.diagnostics, 3, 3,
        "score names criterion price, a price criterion; only judgement criteria take scores: q1"));
    EXPECT_TRUE(hasDiagnostic(
        load.diagnostics, 4, 3,
        "consensus names criterion 'q7', which the model does not have; judgement criteria: q1"));
}

TEST(TenderFolder, JudgementValuesMustBeOnTheScaleAndStep) {
    const auto load = loadWith(
        smallTender(), {{"a.xml", bidFile({{"B1", kPrice}})}},
        evaluationsFile(
            {R"(  <score bid="B1" criterion="q1" evaluator="E1" value="3.5">ok</score>)",
             R"(  <score bid="B1" criterion="q1" evaluator="E2" value="12">ok</score>)",
             R"(  <consensus bid="B1" criterion="q1" value="-2">ok</consensus>)",
             R"(  <score bid="B1" criterion="q1" evaluator="E3" value="6.0000000000001">ok</score>)"}));
    EXPECT_FALSE(load.ok());
    EXPECT_TRUE(hasDiagnostic(load.diagnostics, 2, 3,
                              "score 3.5 on q1 is not a multiple of the scale step 2"));
    EXPECT_TRUE(hasDiagnostic(load.diagnostics, 3, 3,
                              "score 12 on q1 is out of range: it must be between 0 and 10"));
    EXPECT_TRUE(hasDiagnostic(load.diagnostics, 4, 3, "consensus -2 on q1 is out of range"));
    EXPECT_EQ(load.diagnostics.size(), 3u);
}

TEST(TenderFolder, OneScorePerEvaluatorAndOneConsensusPerBidAndCriterion) {
    const auto load = loadWith(
        smallTender(), {{"a.xml", bidFile({{"B1", kPrice}})}},
        evaluationsFile({R"(  <score bid="B1" criterion="q1" evaluator="E1" value="4">ok</score>)",
                         R"(  <score bid="B1" criterion="q1" evaluator="E1" value="6">ok</score>)",
                         R"(  <consensus bid="B1" criterion="q1" value="4">ok</consensus>)",
                         R"(  <consensus bid="B1" criterion="q1" value="6">ok</consensus>)"}));
    EXPECT_FALSE(load.ok());
    EXPECT_TRUE(
        hasDiagnostic(load.diagnostics, 3, 3,
                      "evaluator E1 scores bid B1 on q1 twice (first at evaluations.xml:2:3)"));
    EXPECT_TRUE(
        hasDiagnostic(load.diagnostics, 5, 3,
                      "bid B1 has two consensus scores on q1 (first at evaluations.xml:4:3)"));
}

TEST(TenderFolder, DeliverabilityNamesACommittedMeasureAndDecisionsAreOnePerBid) {
    const auto load = loadWith(
        smallTender(),
        {{"a.xml", bidFile({{"B1", kPrice + R"(<commitment measure="jobs" quantity="2"/>)"}})}},
        evaluationsFile(
            {R"(  <deliverability bid="B1" measure="weeks" factor="0.5">x</deliverability>)",
             R"(  <abnormally-low-decision bid="B1" accept="true">x</abnormally-low-decision>)",
             R"(  <abnormally-low-decision bid="B1" accept="false">x</abnormally-low-decision>)"}));
    EXPECT_FALSE(load.ok());
    EXPECT_TRUE(hasDiagnostic(load.diagnostics, 2, 3,
                              "deliverability for bid B1 names measure 'weeks', which the bid does "
                              "not commit to; it commits to: jobs"));
    EXPECT_TRUE(
        hasDiagnostic(load.diagnostics, 4, 3,
                      "bid B1 has two abnormally-low decisions (first at evaluations.xml:3:3)"));
}

TEST(TenderFolder, ExclusionNeedsAKnownBidAReasonAndIsOnePerBid) {
    const auto load = loadWith(
        smallTender(), {{"a.xml", bidFile({{"B1", kPrice}})}},
        evaluationsFile({R"(  <exclusion bid="B1">withdrew</exclusion>)",
                         R"(  <exclusion bid="B1">failed the credit check</exclusion>)",
                         R"(  <exclusion bid="B1"/>)", R"(  <exclusion bid="B7">x</exclusion>)"}));
    EXPECT_FALSE(load.ok());
    EXPECT_TRUE(hasDiagnostic(load.diagnostics, 3, 3,
                              "bid B1 is excluded twice (first at evaluations.xml:2:3): keep one"));
    EXPECT_TRUE(hasDiagnostic(load.diagnostics, 4, 3,
                              "the exclusion of bid B1 gives no reason: write it as the element "
                              "text"));
    EXPECT_TRUE(hasDiagnostic(load.diagnostics, 5, 3, "B7"));
}

TEST(TenderFolder, ExclusionReadsWithItsReason) {
    const auto load =
        loadWith(smallTender(), {{"a.xml", bidFile({{"B1", kPrice}})}},
                 evaluationsFile({R"(  <exclusion bid="B1">  withdrew  </exclusion>)"}));
    ASSERT_TRUE(load.ok()) << describe(load.diagnostics);
    ASSERT_NE(load.folder->evaluations.findExclusion("B1"), nullptr);
    EXPECT_EQ(load.folder->evaluations.findExclusion("B1")->reason, "withdrew");
}

TEST(TenderFolder, EmptyReasonIsAWarningNotAnError) {
    const auto load = loadWith(
        smallTender(), {{"a.xml", bidFile({{"B1", kPrice}})}},
        evaluationsFile({R"(  <score bid="B1" criterion="q1" evaluator="E1" value="4"/>)",
                         R"(  <consensus bid="B1" criterion="q1" value="4">  </consensus>)"}));
    ASSERT_TRUE(load.ok()) << describe(load.diagnostics);
    ASSERT_EQ(load.diagnostics.size(), 2u);
    EXPECT_EQ(load.diagnostics[0].severity, Severity::Warning);
    EXPECT_TRUE(
        hasDiagnostic(load.diagnostics, 2, 3, "score by E1 for bid B1 on q1 gives no reason"));
    EXPECT_TRUE(
        hasDiagnostic(load.diagnostics, 3, 3, "consensus for bid B1 on q1 gives no reason"));
}

TEST(TenderFolder, UnreadableBidFileIsAnError) {
    ScratchFolder folder;
    folder.write("tender.xml", smallTender());
    fs::create_directories(folder.path() / "bids" / "broken.xml" / "inner");
    folder.write("bids/ok.xml", bidFile({{"B1", kPrice}}));
    const auto load = loadTenderFolder(folder.path(), nullptr);
    // A directory named like a bid file is not a file and is skipped.
    EXPECT_TRUE(load.ok()) << describe(load.diagnostics);
}
