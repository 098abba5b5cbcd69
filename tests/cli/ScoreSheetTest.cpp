// Personal score sheets: `panel sheet` writes an evaluator's scoring workbook with only what
// they may see, and `score --from-sheet` records what they typed into it, all or nothing,
// each problem named by its cell. The sheets are read and filled with openpyxl, as Excel
// would.
#include "CliTestSupport.h"
#include "ShellCommand.h"

#include <gtest/gtest.h>

namespace fairtender::cli {
namespace {

using testing::run;
using testing::ScratchFolder;
using testing::sourcePath;

const std::string kHelper = sourcePath("tests/cli/score_sheet.py");

// School meals at evaluation: Ann Lee leads, Raj Patel and Priya Shah evaluate; Priya
// declared a conflict with B2.
class ScoreSheets : public ::testing::Test {
protected:
    void SetUp() override {
        std::filesystem::copy(sourcePath("samples/school-meals"), folder_.path() / "tender",
                              std::filesystem::copy_options::recursive);
        std::filesystem::remove(folder_.path() / "tender/evaluations.xml");
        ok({"workspace", "create", folder_.str() + "/tender", file_, "--as", "Ann Lee"});
        ok({"panel", "add", file_, "Ann Lee", "--role", "lead", "--as", "Ann Lee"});
        ok({"panel", "add", file_, "Raj Patel", "--role", "evaluator", "--as", "Ann Lee"});
        ok({"panel", "add", file_, "Priya Shah", "--role", "evaluator", "--as", "Ann Lee"});
        ok({"advance", file_, "--to", "open", "--reason", "published", "--as", "Ann Lee"});
        for (const char* person : {"Ann Lee", "Raj Patel"})
            ok({"panel", "declare", file_, "--none", "--as", person});
        ok({"panel", "declare", file_, "--conflict", "B2", "--details", "former employer", "--as",
            "Priya Shah"});
        ok({"advance", file_, "--to", "evaluation", "--reason", "bids opened", "--as", "Ann Lee"});
    }

    void ok(const std::vector<std::string>& args) {
        const auto result = run(args);
        ASSERT_EQ(result.exitCode, 0) << args[0] << ": " << result.err;
    }

    std::string sheet(const std::string& person, bool anonymous = false) {
        const std::string out = folder_.str() + "/" + person.substr(0, person.find(' ')) + ".xlsx";
        std::vector<std::string> args{"panel", "sheet", file_, "--for", person, "--xlsx", out};
        if (anonymous)
            args.push_back("--anonymous");
        const auto written = run(args);
        EXPECT_EQ(written.exitCode, 0) << written.err;
        return out;
    }

    static std::string show(const std::string& sheet) {
        return fairtender::testing::runShell("/usr/bin/python3 '" + kHelper + "' show '" + sheet +
                                             "' 2>&1")
            .out;
    }

    std::string fill(const std::string& sheet, const std::string& assignments) {
        const std::string out = sheet + ".filled.xlsx";
        const auto filled =
            fairtender::testing::runShell("/usr/bin/python3 '" + kHelper + "' fill '" + sheet +
                                          "' '" + out + "' " + assignments + " 2>&1");
        EXPECT_EQ(filled.exitCode, 0) << filled.out;
        return out;
    }

    ScratchFolder folder_;
    std::string file_ = folder_.str() + "/meals.ftw";
};

TEST_F(ScoreSheets, ASheetHoldsOnlyWhatTheEvaluatorMaySee) {
    const std::string cells = show(sheet("Priya Shah", true));
    // 5 bids to score less B2 (her conflict) = 4, x 4 judgement criteria: rows 7 to 22.
    EXPECT_NE(cells.find("Scores!A7\tBid A\n"), std::string::npos) << cells;
    EXPECT_NE(cells.find("Scores!A22\t"), std::string::npos);
    EXPECT_EQ(cells.find("Scores!A23\t"), std::string::npos);
    EXPECT_EQ(cells.find("Bid B\n"), std::string::npos) << "B2, her conflict, is left out";
    for (const char* hidden : {"B1\n", "Irwell", "7140000", "7,140,000"})
        EXPECT_EQ(cells.find(hidden), std::string::npos) << hidden;
    EXPECT_NE(cells.find("Scores!D7\t0 to 5\n"), std::string::npos);
    EXPECT_NE(cells.find("Unacceptable: no response, or menus that do not meet the School Food "
                         "Standards"),
              std::string::npos)
        << "the descriptors are on the Scales sheet";
    EXPECT_NE(cells.find("protected Scores\n"), std::string::npos);
    EXPECT_NE(cells.find("unlocked E7\nunlocked F7\n"), std::string::npos);
    EXPECT_NE(cells.find("validation E7 list \"0,1,2,3,4,5\""), std::string::npos) << cells;
    // sv-plan, a scale of 0 to 100 in steps of 20.
    EXPECT_NE(cells.find("\"0,20,40,60,80,100\""), std::string::npos) << cells;
}

TEST_F(ScoreSheets, AFilledSheetRecordsEveryScoreWithItsReason) {
    const std::string filled = fill(
        sheet("Raj Patel"), "E7=4 'F7=Allergen matrix per school' E10=80 'F10=Partners named'");
    const auto recorded = run({"score", file_, "--from-sheet", filled, "--as", "Raj Patel"});
    EXPECT_EQ(recorded.exitCode, 0) << recorded.err;
    EXPECT_EQ(recorded.out, "Raj Patel submitted 2 scores\n");
    const auto shown =
        run({"score", file_, "--show", "--bid", "B1", "--criterion", "sv-plan", "--as", "Ann Lee"});
    EXPECT_EQ(shown.out, "B1 sv-plan Raj Patel 80  Partners named\n");
    EXPECT_EQ(run({"verify", file_}).exitCode, 0);
    // The next sheet shows them locked.
    const std::string cells = show(sheet("Raj Patel"));
    EXPECT_NE(cells.find("Scores!G7\tsubmitted: locked"), std::string::npos) << cells;
}

TEST_F(ScoreSheets, OneBadCellRecordsNothingAndEveryProblemIsNamedByItsCell) {
    const std::string filled =
        fill(sheet("Raj Patel"), "E7=4 'F7=Good' E8=7 'F8=Too high' E9=3 "
                                 "E10=70 'F10=Off the step' E11=x 'F11=Not a number'");
    const auto refused = run({"score", file_, "--from-sheet", filled, "--as", "Raj Patel"});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find(filled + ":Scores!E8: score 7 is outside the scale 0 to 5 of "
                                        "q-mobilisation"),
              std::string::npos)
        << refused.err;
    EXPECT_NE(refused.err.find(filled + ":Scores!F9: a score needs a written reason"),
              std::string::npos);
    EXPECT_NE(refused.err.find(filled + ":Scores!E10: score 70 is not a multiple of the step 20 "
                                        "of sv-plan"),
              std::string::npos);
    EXPECT_NE(refused.err.find(filled + ":Scores!E11: \"x\" is not a score"), std::string::npos);
    const auto status = run({"workspace", "status", file_});
    EXPECT_NE(status.out.find("  scores           0\n"), std::string::npos) << status.out;
}

TEST_F(ScoreSheets, ASheetMadeForSomeoneElseIsRefused) {
    const std::string filled = fill(sheet("Raj Patel"), "E7=4 'F7=Good'");
    const auto refused = run({"score", file_, "--from-sheet", filled, "--as", "Priya Shah"});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find(filled + ":About!B2: this score sheet was made for Raj Patel, "
                                        "not Priya Shah"),
              std::string::npos)
        << refused.err;
}

TEST_F(ScoreSheets, AFormulaIsNeitherAScoreNorAReasonEvenWithItsResultSaved) {
    const std::string filled = fill(sheet("Raj Patel"), "'E7==1+2' 'F7=Good' E8=3 'F8==F7'");
    const std::string cached = filled + ".cached.xlsx";
    const auto saved = fairtender::testing::runShell("/usr/bin/python3 '" + kHelper + "' cache '" +
                                                     filled + "' '" + cached + "' 3 2>&1");
    ASSERT_EQ(saved.exitCode, 0) << saved.out;
    for (const std::string& sheetFile : {filled, cached}) {
        const auto refused = run({"score", file_, "--from-sheet", sheetFile, "--as", "Raj Patel"});
        EXPECT_EQ(refused.exitCode, 1);
        EXPECT_NE(refused.err.find(sheetFile + ":Scores!E7: a formula is not a score or a reason"),
                  std::string::npos)
            << refused.err;
        EXPECT_NE(refused.err.find(sheetFile + ":Scores!F8: a formula is not a score or a reason"),
                  std::string::npos)
            << refused.err;
    }
    const auto status = run({"workspace", "status", file_});
    EXPECT_NE(status.out.find("  scores           0\n"), std::string::npos) << status.out;
}

TEST_F(ScoreSheets, ASheetFromAnotherTenderIsRefused) {
    ScratchFolder other;
    std::filesystem::copy(sourcePath("samples/home-care"), other.path() / "tender",
                          std::filesystem::copy_options::recursive);
    const std::string otherFile = other.str() + "/care.ftw";
    ok({"workspace", "create", other.str() + "/tender", otherFile, "--as", "Ann Lee"});
    const std::string filled = fill(sheet("Raj Patel"), "E7=4 'F7=Good'");
    ok({"panel", "add", otherFile, "Ann Lee", "--role", "lead", "--as", "Ann Lee"});
    ok({"panel", "add", otherFile, "Raj Patel", "--role", "evaluator", "--as", "Ann Lee"});
    const auto refused = run({"score", otherFile, "--from-sheet", filled, "--as", "Raj Patel"});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find(filled + ":About!B3: this score sheet was made for tender "
                                        "SCC-2026-014"),
              std::string::npos)
        << refused.err;
}

TEST_F(ScoreSheets, OnlyAnEvaluatorGetsASheet) {
    const auto refused =
        run({"panel", "sheet", file_, "--for", "Ann Lee", "--xlsx", folder_.str() + "/lead.xlsx"});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("Ann Lee is not an evaluator on the panel"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(folder_.path() / "lead.xlsx"));
}

TEST_F(ScoreSheets, ASheetIsNeverWrittenOverTheWorkspace) {
    const auto refused = run({"panel", "sheet", file_, "--for", "Raj Patel", "--xlsx", file_});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_EQ(run({"verify", file_}).exitCode, 0);
}

} // namespace
} // namespace fairtender::cli
