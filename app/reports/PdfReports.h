// PdfReports: the award report and the assessment summaries drawn as A4 PDF that reads in
// black and white: the tender id in every page's header, "Page n of m" in its footer, long
// tables repeating their header row on each page. The content comes gathered from the
// engine (reporting/ReportContent.h); nothing here computes a score.
#pragma once

#include "reporting/ReportContent.h"

#include <filesystem>
#include <memory>
#include <string>

class QGuiApplication;

namespace fairtender::reports {

// What a write did: the page count, or why nothing was written.
struct PdfWritten {
    int pages = 0;
    std::string error; // empty on success
    // How the pages came out: table rows whose text still runs from one page onto the next
    // (only a row taller than a page), and how much of the last page is used (0 to 1).
    int rowsAcrossPages = 0;
    double lastPageFill = 1;

    bool ok() const { return error.empty(); }
};

// Writes the award report to `out` atomically: a temporary file beside it, renamed over
// it when complete; on failure `out` is left as it was. Needs a QGuiApplication.
PdfWritten writeAwardReportPdf(const AwardReportContent& content, const std::filesystem::path& out);

// Writes one supplier's assessment summary to `out`, atomically as above.
PdfWritten writeAssessmentSummaryPdf(const AssessmentSummaryContent& content,
                                     const std::filesystem::path& out);

// "B1-assessment-summary.pdf": the summary's file name, from the bid id made safe for a
// file system (anything but letters, digits, '-', '_' and '.' becomes '_').
std::string assessmentSummaryFileName(const std::string& bidId);

// Keeps a QGuiApplication alive for rendering. When none exists it creates one on the
// offscreen platform (QT_QPA_PLATFORM is set to "offscreen" for this process), so reports
// render on a server without a display; an existing application is used as it is.
class OffscreenGui {
public:
    OffscreenGui();
    ~OffscreenGui();
    OffscreenGui(const OffscreenGui&) = delete;
    OffscreenGui& operator=(const OffscreenGui&) = delete;

private:
    std::unique_ptr<QGuiApplication> app_;
};

} // namespace fairtender::reports
