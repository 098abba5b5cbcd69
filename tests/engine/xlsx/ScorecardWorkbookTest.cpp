#include "io/xlsx/ScorecardWorkbook.h"

#include "XlsxTestSupport.h"
#include "sensitivity/AwardSensitivity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>

namespace fairtender {
namespace {

using namespace xlsxtest;
namespace fs = std::filesystem;

ScorecardOptions testOptions(const fs::path& folder) {
    ScorecardOptions options;
    options.toolVersion = "test";
    options.exportedAt = "2026-03-03T09:00:00Z";
    options.folder = folder;
    return options;
}

// Exports the folder and checks the workbook with openpyxl against the engine's JSON.
void expectReadsBack(const fs::path& folder, const std::vector<std::string>& hostile = {}) {
    const FolderEvaluation evaluation = evaluated(folder);
    ASSERT_TRUE(evaluation.ok());
    ScratchFolder out;
    const fs::path workbook = out.path() / "scorecard.xlsx";
    const ExportResult written =
        exportScorecard(*evaluation.folder, *evaluation.result, warningsOf(evaluation.diagnostics),
                        testOptions(folder), workbook);
    ASSERT_TRUE(written.ok()) << (written.diagnostics.empty() ? ""
                                                              : written.diagnostics[0].toString());
    writeFile(out.path() / "result.json", toJson(*evaluation.result));
    std::string command = "/usr/bin/python3 " + shellQuoted(kChecker) + " read " +
                          shellQuoted(workbook) + " " + shellQuoted(out.path() / "result.json");
    for (const auto& text : hostile)
        command += " " + shellQuoted(text);
    const testing::ShellRun run = runCommand(command);
    EXPECT_EQ(run.exitCode, 0) << run.out;
    EXPECT_NE(run.out.find("ok "), std::string::npos) << run.out;
}

TEST(ExcelSheetName, ForbiddenCharactersBecomeDashesAndNameStopsAt31) {
    EXPECT_EQ(excelSheetName("Q1: menus/allergens [core]*?\\ and more text"),
              "Q1- menus-allergens -core---- a");
    EXPECT_EQ(excelSheetName("Q1: menus/allergens [core]*?\\ and more text").size(), 31u);
}

TEST(ExcelSheetName, LeadingApostropheAndEmptyNameAreReplaced) {
    EXPECT_EQ(excelSheetName("'Bid'"), "Bid");
    EXPECT_EQ(excelSheetName(""), "Sheet");
}

TEST(ExcelCellText, TextOver32767CharactersIsCutWithAVisibleMarker) {
    bool cut = false;
    const std::string text = excelCellText(std::string(40000, 'x'), cut);
    EXPECT_TRUE(cut);
    EXPECT_EQ(text.size(), 32767u);
    EXPECT_TRUE(text.ends_with("... [cut: 40000 characters]"));
}

TEST(ExcelCellText, TextOfExactly32767CharactersIsKept) {
    bool cut = true;
    EXPECT_EQ(excelCellText(std::string(32767, 'x'), cut).size(), 32767u);
    EXPECT_FALSE(cut);
}

TEST(ScorecardWorkbook, SchoolMealsReadsBackWithEveryEngineNumberAndFormula) {
    expectReadsBack(kSourceDir / "samples/school-meals");
}

TEST(ScorecardWorkbook, HomeCareReadsBackWithEveryEngineNumberAndFormula) {
    expectReadsBack(kSourceDir / "samples/home-care");
}

TEST(ScorecardWorkbook, HighwaysReadsBackWithEveryEngineNumberAndFormula) {
    expectReadsBack(kSourceDir / "samples/highways-maintenance");
}

TEST(ScorecardWorkbook, HostileSupplierNamesLandAsPlainText) {
    ScratchFolder copy;
    fs::copy(kSourceDir / "samples/school-meals", copy.path() / "tender",
             fs::copy_options::recursive);
    const fs::path bids = copy.path() / "tender/bids";
    const auto rename = [&](const std::string& file, const std::string& from,
                            const std::string& to) {
        std::string xml = readFile(bids / file);
        xml.replace(xml.find(from), from.size(), to);
        writeFile(bids / file, xml);
    };
    rename("B1-irwell-kitchen.xml", "Irwell Kitchen Workers' Co-operative Ltd",
           "=HYPERLINK(&quot;http://x&quot;,&quot;click&quot;)");
    rename("B2-eccles-community-food.xml", "Eccles Community Food CIC", "+SUM(1)");
    rename("B3-worsley-fresh.xml", "Worsley Fresh Catering Ltd", "@cmd");
    rename("B5-mersey-vale.xml", "Mersey Vale Catering Ltd", "-2+3");
    expectReadsBack(copy.path() / "tender",
                    {"=HYPERLINK(\"http://x\",\"click\")", "+SUM(1)", "@cmd", "-2+3"});
}

TEST(ScorecardWorkbook, SheetsComeInReadingOrderWithAScorecardPerBid) {
    const FolderEvaluation evaluation = evaluated(kSourceDir / "samples/school-meals");
    ScratchFolder out;
    const ExportResult written =
        exportScorecard(*evaluation.folder, *evaluation.result, {},
                        testOptions(kSourceDir / "samples/school-meals"), out.path() / "s.xlsx");
    ASSERT_TRUE(written.ok());
    const std::vector<std::string> expected = {
        "Summary",      "Model",        "Price",        "Quality",
        "Social value", "Locality",     "Living wage",  "Ownership",
        "Panel",        "Scorecard B1", "Scorecard B2", "Scorecard B5",
        "Scorecard B3", "Scorecard B6", "Scorecard B4", "Provenance"};
    EXPECT_EQ(written.sheets, expected);
}

TEST(ScorecardWorkbook, ModelSheetShowsTheOwnershipJustification) {
    const FolderEvaluation evaluation = evaluated(kSourceDir / "samples/school-meals");
    ScratchFolder out;
    const fs::path workbook = out.path() / "s.xlsx";
    ASSERT_TRUE(exportScorecard(*evaluation.folder, *evaluation.result, {},
                                testOptions(kSourceDir / "samples/school-meals"), workbook)
                    .ok());
    const testing::ShellRun run = runCommand(
        "/usr/bin/python3 -c 'import sys, openpyxl; ws = openpyxl.load_workbook(sys.argv[1])"
        "[\"Model\"]; print([c.value for r in ws.iter_rows() for c in r if c.value and "
        "str(c.value).startswith(\"s.23 justification: Relevance\")][0][:60])' " +
        shellQuoted(workbook));
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_NE(run.out.find("s.23 justification: Relevance: the council's community"),
              std::string::npos)
        << run.out;
}

TEST(ScorecardWorkbook, AboveTheSheetCapScorecardsShareOneSheet) {
    const FolderEvaluation evaluation = evaluated(kSourceDir / "samples/school-meals");
    ScratchFolder out;
    ScorecardOptions options = testOptions(kSourceDir / "samples/school-meals");
    options.maxScorecardSheets = 5; // the sample has 6 bids
    const ExportResult written =
        exportScorecard(*evaluation.folder, *evaluation.result, {}, options, out.path() / "s.xlsx");
    ASSERT_TRUE(written.ok());
    EXPECT_EQ(std::count(written.sheets.begin(), written.sheets.end(), "Scorecards"), 1);
    EXPECT_EQ(written.sheets.size(), 11u);
}

TEST(ScorecardWorkbook, InterruptedWriteLeavesNoFileUnderTheTargetName) {
    const FolderEvaluation evaluation = evaluated(kSourceDir / "samples/school-meals");
    ScratchFolder out;
    ScorecardOptions options = testOptions(kSourceDir / "samples/school-meals");
    fs::path seenTemporary;
    options.beforeRename = [&](const fs::path& temporary) {
        seenTemporary = temporary;
        EXPECT_TRUE(fs::exists(temporary));
        return false;
    };
    const ExportResult written =
        exportScorecard(*evaluation.folder, *evaluation.result, {}, options, out.path() / "s.xlsx");
    EXPECT_FALSE(written.ok());
    EXPECT_FALSE(fs::exists(out.path() / "s.xlsx"));
    EXPECT_FALSE(seenTemporary.empty());
    EXPECT_TRUE(fs::is_empty(out.path())); // the temporary file is gone too
}

TEST(ScorecardWorkbook, FailedWriteKeepsThePreviousFile) {
    const FolderEvaluation evaluation = evaluated(kSourceDir / "samples/school-meals");
    ScratchFolder out;
    writeFile(out.path() / "s.xlsx", "previous");
    ScorecardOptions options = testOptions(kSourceDir / "samples/school-meals");
    options.beforeRename = [](const fs::path&) {
        return false;
    };
    EXPECT_FALSE(
        exportScorecard(*evaluation.folder, *evaluation.result, {}, options, out.path() / "s.xlsx")
            .ok());
    EXPECT_EQ(readFile(out.path() / "s.xlsx"), "previous");
}

TEST(ScorecardWorkbook, MissingTargetFolderIsAnErrorAndWritesNothing) {
    const FolderEvaluation evaluation = evaluated(kSourceDir / "samples/school-meals");
    ScratchFolder out;
    const ExportResult written = exportScorecard(*evaluation.folder, *evaluation.result, {},
                                                 testOptions(kSourceDir / "samples/school-meals"),
                                                 out.path() / "missing/s.xlsx");
    ASSERT_FALSE(written.ok());
    EXPECT_NE(written.diagnostics.back().message.find("no folder"), std::string::npos);
    EXPECT_TRUE(fs::is_empty(out.path()));
}

TEST(ScorecardWorkbook, ReasonOver32767CharactersIsCutWithAWarning) {
    FolderEvaluation evaluation = evaluated(kSourceDir / "samples/school-meals");
    ASSERT_FALSE(evaluation.folder->evaluations.consensus.empty());
    evaluation.folder->evaluations.consensus[0].reason = std::string(40000, 'r');
    ScratchFolder out;
    const ExportResult written =
        exportScorecard(*evaluation.folder, *evaluation.result, {},
                        testOptions(kSourceDir / "samples/school-meals"), out.path() / "s.xlsx");
    ASSERT_TRUE(written.ok());
    ASSERT_EQ(written.diagnostics.size(), 1u);
    EXPECT_EQ(written.diagnostics[0].severity, Severity::Warning);
    EXPECT_NE(written.diagnostics[0].message.find("40000 characters"), std::string::npos);
    const testing::ShellRun run = runCommand(
        "/usr/bin/python3 -c \"import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1])"
        "['Panel']; print(max(len(str(c.value or '')) for r in ws.iter_rows() for c in r))\" " +
        shellQuoted(out.path() / "s.xlsx"));
    EXPECT_EQ(run.out, "32767\n");
}

// The Sensitivity sheet, as openpyxl reads it: "A|B|C..." per row, formulas as written.
std::string sensitivityRows(const fs::path& workbook) {
    const testing::ShellRun run = runCommand(
        "/usr/bin/python3 -c \"import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1])"
        "['Sensitivity']; [print('|'.join('' if c.value is None else str(c.value) for c in r)) "
        "for r in ws.iter_rows()]\" " +
        shellQuoted(workbook));
    EXPECT_EQ(run.exitCode, 0) << run.out;
    return run.out;
}

TEST(ScorecardWorkbook, SensitivitySheetShowsTheMarginAsALiveFormulaAndTheOddsOfTheSamples) {
    const fs::path folder = kSourceDir / "samples/school-meals";
    const FolderEvaluation evaluation = evaluated(folder);
    const TenderFolder& loaded = *evaluation.folder;
    const AwardSensitivity sensitivity = analyseAward(
        loaded.tender, loaded.bids, loaded.evaluations, *evaluation.result, {2000, 3, 0.1, 1});
    ScorecardOptions options = testOptions(folder);
    options.sensitivity = &sensitivity;
    ScratchFolder out;
    const ExportResult written =
        exportScorecard(loaded, *evaluation.result, {}, options, out.path() / "s.xlsx");
    ASSERT_TRUE(written.ok());
    EXPECT_EQ(written.sheets[9], "Sensitivity"); // after Panel, before the scorecards
    const std::string rows = sensitivityRows(out.path() / "s.xlsx");
    // B1 84.24 against the runner-up's total on the Summary sheet, recalculated there.
    EXPECT_NE(rows.find("Winner|B1"), std::string::npos) << rows;
    EXPECT_NE(rows.find("Margin (points)|=Summary!"), std::string::npos) << rows;
    EXPECT_NE(rows.find(verdictText(sensitivity, 2)), std::string::npos) << rows;
    // Each bid's samples won, and its share as a formula over the 2000 samples.
    std::uint64_t won = 0;
    for (const auto& bid : sensitivity.odds.bids) {
        const auto count = static_cast<std::uint64_t>(std::llround(bid.share * 2000));
        won += count;
        EXPECT_NE(rows.find("\n" + bid.bidId + "|" + std::to_string(count) + "|=B"),
                  std::string::npos)
            << bid.bidId << "\n"
            << rows;
    }
    EXPECT_EQ(won, 2000u);
    EXPECT_NE(rows.find("All|=SUM("), std::string::npos) << rows;
    // Price up from 40 to 64.10 makes B6 the winner: 24.1 away, exactly.
    EXPECT_NE(rows.find("\nprice|Total price over three years|40|||64.1|B6|24.1\n"),
              std::string::npos)
        << rows;
    for (const auto& flips : sensitivity.weightFlips)
        EXPECT_NE(rows.find("\n" + flips.nodeId + "|"), std::string::npos) << flips.nodeId;
}

} // namespace
} // namespace fairtender
