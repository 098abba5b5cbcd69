// The award report and the assessment summaries as PDF, read back with poppler: the text
// a reader sees (pdftotext), a page drawn as an image (pdftoppm), headers repeated on
// long tables, and no other bidder in a supplier's summary.
#include "reports/PdfReports.h"

#include "AwardedWorkspace.h"
#include "ShellCommand.h"
#include "SyntheticTender.h"
#include "Timeline.h"

#include <QGuiApplication>
#include <QImage>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

namespace fairtender {
namespace {

namespace fs = std::filesystem;
using testing::livingWageRates;
using testing::ScratchFolder;
using testing::sourceDir;
using testing::takeThroughLifecycle;

// Standard output of a shell command; the tests name only their own temporary files.
std::string capture(const std::string& command) {
    return testing::runShell(command).out;
}

std::string pdfText(const fs::path& pdf, int page = 0) {
    const std::string pages =
        page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
    return capture("pdftotext -layout" + pages + " '" + pdf.string() + "' -");
}

// The text in the order it was drawn, cell by cell: a table row reads as one line once
// flowing() joins it, however its cells wrap.
std::string pdfCellText(const fs::path& pdf) {
    return capture("pdftotext -raw '" + pdf.string() + "' -");
}

int pageCount(const fs::path& pdf) {
    const std::string info = capture("pdfinfo '" + pdf.string() + "'");
    std::smatch match;
    if (std::regex_search(info, match, std::regex(R"(Pages:\s+(\d+))")))
        return std::stoi(match[1]);
    return 0;
}

// The text with every run of white space made one space: what a reader sees, whatever the
// line breaks.
std::string flowing(const std::string& text) {
    return std::regex_replace(text, std::regex(R"(\s+)"), " ");
}

bool containsWord(const std::string& text, const std::string& word) {
    const std::regex pattern(
        "(^|[^A-Za-z0-9.])" +
        std::regex_replace(word, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
        "($|[^A-Za-z0-9])");
    return std::regex_search(text, pattern);
}

class PdfReports : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        gui_ = new reports::OffscreenGui;
        scratch_ = new ScratchFolder;
        workspace_ = new Workspace(
            takeThroughLifecycle(sourceDir() / "samples/school-meals", scratch_->path()));
        auto report = gatherAwardReport(*workspace_, livingWageRates());
        ASSERT_TRUE(report.ok());
        report_ = new AwardReportContent(std::move(*report.content));
        const auto written = reports::writeAwardReportPdf(*report_, awardPdf());
        ASSERT_TRUE(written.ok()) << written.error;
    }
    static void TearDownTestSuite() {
        delete report_;
        delete workspace_;
        delete scratch_;
        delete gui_;
    }

    static fs::path awardPdf() { return scratch_->path() / "award-report.pdf"; }

    static reports::OffscreenGui* gui_;
    static ScratchFolder* scratch_;
    static Workspace* workspace_;
    static AwardReportContent* report_;
};

reports::OffscreenGui* PdfReports::gui_ = nullptr;
ScratchFolder* PdfReports::scratch_ = nullptr;
Workspace* PdfReports::workspace_ = nullptr;
AwardReportContent* PdfReports::report_ = nullptr;

TEST_F(PdfReports, AwardReportStatesTheRecommendation) {
    const std::string text = pdfText(awardPdf());
    EXPECT_NE(text.find("The most advantageous tender is B1 from Irwell Kitchen Workers'"),
              std::string::npos)
        << text.substr(0, 2000);
    EXPECT_NE(text.find("82.44 points"), std::string::npos);
}

TEST_F(PdfReports, AwardReportSaysHowRobustTheAwardIs) {
    const std::string text = pdfText(awardPdf());
    EXPECT_NE(text.find("How robust is this award"), std::string::npos);
    EXPECT_NE(text.find("B1 wins by 8.65 points over B2, a clear winner"), std::string::npos)
        << text;
    EXPECT_NE(text.find("First-place odds: 10000 samples, seed 1"), std::string::npos);
}

TEST_F(PdfReports, AwardReportShowsEveryRankedBiddersTotalAsTheEnginePrintsIt) {
    const std::string text = pdfText(awardPdf());
    for (const char* total : {"82.44", "73.79", "70.59", "69.60", "68.51"})
        EXPECT_TRUE(containsWord(text, total)) << total;
}

TEST_F(PdfReports, AwardReportCarriesTheInputHashesAndTheChainHead) {
    const std::string text = pdfText(awardPdf());
    ASSERT_FALSE(report_->inputs.empty());
    for (const auto& input : report_->inputs)
        EXPECT_NE(text.find(input.sha256), std::string::npos) << input.name;
    EXPECT_NE(text.find(workspace_->status().headHash), std::string::npos);
    EXPECT_NE(text.find("Anyone can check this with fairtender verify ws.ftw"), std::string::npos);
}

TEST_F(PdfReports, EveryPageHasTheTenderIdAndItsPageNumber) {
    const int pages = pageCount(awardPdf());
    ASSERT_GE(pages, 2);
    for (int page = 1; page <= pages; ++page) {
        const std::string text = pdfText(awardPdf(), page);
        EXPECT_NE(text.find("Tender SCC-2026-014"), std::string::npos) << "page " << page;
        EXPECT_NE(text.find("Page " + std::to_string(page) + " of " + std::to_string(pages)),
                  std::string::npos)
            << "page " << page;
    }
}

TEST_F(PdfReports, FirstPageDrawnAsAnImageIsNotBlank) {
    const fs::path prefix = scratch_->path() / "page";
    capture("pdftoppm -r 50 -png -f 1 -l 1 -singlefile '" + awardPdf().string() + "' '" +
            prefix.string() + "'");
    QImage image(QString::fromStdString(prefix.string() + ".png"));
    ASSERT_FALSE(image.isNull());
    long dark = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            dark += qGray(image.pixel(x, y)) < 200 ? 1 : 0;
    // A blank A4 page at 50 dpi is 413 x 585 white pixels; text and rules darken thousands.
    EXPECT_GT(dark, 5000) << "of " << image.width() * image.height();
}

TEST_F(PdfReports, SummaryNamesNoOtherNonWinningBidder) {
    const auto summaries = gatherAssessmentSummaries(*workspace_, livingWageRates());
    ASSERT_TRUE(summaries.ok());
    const fs::path folder = scratch_->path() / "summaries";
    fs::create_directories(folder);
    for (const auto& summary : *summaries.content) {
        const fs::path pdf = folder / reports::assessmentSummaryFileName(summary.own.bidId);
        ASSERT_TRUE(reports::writeAssessmentSummaryPdf(summary, pdf).ok());
        const std::string text = pdfText(pdf);
        EXPECT_TRUE(containsWord(text, summary.own.bidId)) << summary.own.bidId;
        EXPECT_NE(text.find(summary.own.supplier), std::string::npos) << summary.own.bidId;
        if (summary.own.status == "ranked") {
            EXPECT_TRUE(containsWord(text, summary.own.total)) << summary.own.bidId;
        }
        for (const auto& other : report_->ranking) {
            if (other.bidId == summary.own.bidId || other.bidId == "B1")
                continue; // itself, and the winner every supplier may see
            EXPECT_FALSE(containsWord(text, other.bidId))
                << other.bidId << " in the summary of " << summary.own.bidId;
            EXPECT_EQ(text.find(other.supplier), std::string::npos)
                << other.supplier << " in the summary of " << summary.own.bidId;
            if (other.total != "-") {
                EXPECT_FALSE(containsWord(text, other.total))
                    << other.total << " in the summary of " << summary.own.bidId;
            }
        }
    }
}

TEST_F(PdfReports, NonWinnersSummaryShowsTheWinnersTotal) {
    const auto summaries = gatherAssessmentSummaries(*workspace_, livingWageRates());
    const auto& b2 = (*summaries.content)[1];
    const fs::path pdf = scratch_->path() / "b2.pdf";
    ASSERT_TRUE(reports::writeAssessmentSummaryPdf(b2, pdf).ok());
    const std::string text = pdfText(pdf);
    EXPECT_NE(text.find("The winning tender"), std::string::npos);
    EXPECT_TRUE(containsWord(text, "82.44"));
    EXPECT_TRUE(containsWord(text, "73.79"));
}

TEST_F(PdfReports, AFailedGateIsCitedByItsRequirementInWords) {
    const auto summaries = gatherAssessmentSummaries(*workspace_, livingWageRates());
    const auto& b4 = summaries.content->back();
    const fs::path pdf = scratch_->path() / "b4.pdf";
    ASSERT_TRUE(reports::writeAssessmentSummaryPdf(b4, pdf).ok());
    const std::string text = flowing(pdfText(pdf));
    EXPECT_NE(text.find("Your tender was excluded before it was scored."), std::string::npos);
    EXPECT_NE(text.find("did not meet the pass/fail requirement \"Public liability insurance of "
                        "at least £10m and employer's liability of at least £5m\""),
              std::string::npos)
        << text;
    EXPECT_EQ(text.find("failed gate insurance"), std::string::npos);
}

TEST_F(PdfReports, ALosersSummaryGivesItsRankEachCriterionBesideTheWinnersAndItsSocialValue) {
    const auto summaries = gatherAssessmentSummaries(*workspace_, livingWageRates());
    const auto& b2 = (*summaries.content)[1];
    const fs::path pdf = scratch_->path() / "b2-rank.pdf";
    ASSERT_TRUE(reports::writeAssessmentSummaryPdf(b2, pdf).ok());
    const std::string text = flowing(pdfCellText(pdf));
    EXPECT_NE(text.find("Your tender scored 73.79 of 100.00 points and was ranked 2nd of 5 "
                        "assessed tenders."),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("Criterion Max Figure Score Points Winner Reason"), std::string::npos);
    // Menus: B2's consensus 4 of 5 gives 9.60 of 12; the winner B1's 4 of 5 gives 9.60 too.
    EXPECT_NE(text.find("Menus, nutrition and allergen management 12.00 4 of 5 0.8000 9.60 9.60"),
              std::string::npos);
    EXPECT_NE(text.find("How your social value was worked out"), std::string::npos);
    EXPECT_NE(text.find("How the winning tender's social value was worked out"), std::string::npos);
}

TEST_F(PdfReports, NoTableRowRunsOverTwoPagesAndNoLastPageIsLeftNearlyEmpty) {
    const auto summaries = gatherAssessmentSummaries(*workspace_, livingWageRates());
    for (const auto& summary : *summaries.content) {
        const fs::path pdf = scratch_->path() / ("layout-" + summary.own.bidId + ".pdf");
        const auto written = reports::writeAssessmentSummaryPdf(summary, pdf);
        ASSERT_TRUE(written.ok());
        EXPECT_EQ(written.rowsAcrossPages, 0) << summary.own.bidId;
        if (written.pages > 1) {
            EXPECT_GE(written.lastPageFill, 0.2) << summary.own.bidId;
        }
    }
    const auto report = reports::writeAwardReportPdf(*report_, scratch_->path() / "layout.pdf");
    EXPECT_EQ(report.rowsAcrossPages, 0);
    EXPECT_GE(report.lastPageFill, 0.2);
}

TEST_F(PdfReports, TheAwardReportGivesThePricesAndTheDifferenceInMoney) {
    const std::string text = flowing(pdfText(awardPdf()));
    EXPECT_NE(text.find("with 82.44 points, at a price of 7,140,000.00."), std::string::npos)
        << text.substr(0, 1500);
    EXPECT_NE(text.find("The price is the tendered price; it is 2.0% above the estimated value "
                        "of 7,000,000.00."),
              std::string::npos);
    EXPECT_NE(text.find("at a price of 7,310,000.00; its price is 170,000.00 less than the "
                        "runner-up's."),
              std::string::npos);
}

// The winner withdraws during the standstill: the report and the summaries tell the story.
TEST(PdfReportsReAward, AnExcludedWinnersSummaryKeepsItsScoresAndTheReportTellsTheStory) {
    const reports::OffscreenGui gui;
    ScratchFolder scratch;
    Workspace ws = takeThroughLifecycle(sourceDir() / "samples/school-meals", scratch.path());
    testing::Timeline later("2025-12-22T10:00:00Z");
    ws.setClock(later.clock());
    ASSERT_TRUE(ws.excludeAfterEvaluation("Ann Lee", "B1", "Withdrew during the standstill",
                                          livingWageRates())
                    .ok());
    ASSERT_TRUE(ws.advance("Ann Lee", LifecycleState::Awarded, "Re-award approved by cabinet",
                           livingWageRates(), testing::englandBankHolidays(),
                           Date::fromYmd(2025, 12, 22))
                    .ok());

    const auto summaries = gatherAssessmentSummaries(ws, livingWageRates());
    ASSERT_TRUE(summaries.ok());
    const auto b1 = std::find_if(summaries.content->begin(), summaries.content->end(),
                                 [](const auto& s) { return s.own.bidId == "B1"; });
    ASSERT_NE(b1, summaries.content->end());
    const fs::path pdf = scratch / "b1.pdf";
    ASSERT_TRUE(reports::writeAssessmentSummaryPdf(*b1, pdf).ok());
    const std::string text = flowing(pdfText(pdf));
    EXPECT_NE(text.find("Your tender scored 82.44 of 100.00 points and was ranked 1st of 5 "
                        "assessed tenders before it was excluded. It was then excluded after the "
                        "evaluation on 2025-12-22."),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("Withdrew during the standstill"), std::string::npos);
    EXPECT_EQ(text.find("not scored"), std::string::npos);

    const auto report = gatherAwardReport(ws, livingWageRates());
    ASSERT_TRUE(report.ok());
    const fs::path reportPdf = scratch / "report.pdf";
    ASSERT_TRUE(reports::writeAwardReportPdf(*report.content, reportPdf).ok());
    const std::string story = flowing(pdfText(reportPdf));
    const auto first = story.find("approved by cabinet");
    const auto exclusion = story.find("Withdrew during the standstill", first);
    const auto reAward = story.find("Re-award approved by cabinet", exclusion);
    EXPECT_NE(first, std::string::npos) << story;
    EXPECT_NE(exclusion, std::string::npos);
    EXPECT_NE(reAward, std::string::npos);
    EXPECT_NE(story.find("Awarded to B2."), std::string::npos);
}

TEST_F(PdfReports, WriteIntoAMissingFolderFailsAndWritesNothing) {
    const fs::path out = scratch_->path() / "no-such-folder" / "report.pdf";
    const auto written = reports::writeAwardReportPdf(*report_, out);
    EXPECT_FALSE(written.ok());
    EXPECT_NE(written.error.find("no folder"), std::string::npos) << written.error;
    EXPECT_FALSE(fs::exists(out.parent_path()));
}

TEST_F(PdfReports, SummaryFileNameComesFromTheBidId) {
    EXPECT_EQ(reports::assessmentSummaryFileName("B1"), "B1-assessment-summary.pdf");
    EXPECT_EQ(reports::assessmentSummaryFileName("../B 2"), "_.._B_2-assessment-summary.pdf");
}

// 60 bids: the ranking table runs over several pages, its header row on each.
TEST(PdfReportsLongTender, RankingTableRepeatsItsHeaderOnEveryPage) {
    const reports::OffscreenGui gui;
    ScratchFolder scratch;
    bench::SyntheticTenderSpec spec;
    spec.bids = 60;
    spec.judgementCriteria = 4;
    bench::writeTenderFolder(bench::generateTender(spec), scratch / "source");
    const Workspace ws =
        takeThroughLifecycle(scratch / "source", scratch.path(), LifecycleState::Locked);
    const auto report = gatherAwardReport(ws, livingWageRates());
    ASSERT_TRUE(report.ok());
    ASSERT_EQ(report.content->ranking.size(), 60u);
    const fs::path pdf = scratch / "long.pdf";
    ASSERT_TRUE(reports::writeAwardReportPdf(*report.content, pdf).ok());

    // The pages the ranking rows fall on: from the row of rank 1 to the last bid's row.
    const std::string lastBid = report.content->ranking.back().bidId;
    const int pages = pageCount(pdf);
    int first = 0;
    int last = 0;
    for (int page = 1; page <= pages; ++page) {
        const std::string text = pdfText(pdf, page);
        if (first == 0 && text.find("Ranking") != std::string::npos)
            first = page;
        if (first != 0 && last == 0 && std::regex_search(text, std::regex("\\s" + lastBid + "\\s")))
            last = page;
    }
    ASSERT_GT(first, 0);
    ASSERT_GT(last, first) << "the ranking of 60 bids should not fit on one page";
    for (int page = first; page <= last; ++page) {
        const std::string text = pdfText(pdf, page);
        EXPECT_NE(text.find("Rank Bid"), std::string::npos) << "no header row on page " << page;
    }
}

} // namespace
} // namespace fairtender
