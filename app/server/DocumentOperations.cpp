// The API's documents of a tender: the scorecard workbook, the award report, each bid's
// assessment summary and the OCDS release package, made by the same engine and report code
// as the command line's, for the lead and auditors only (WorkspaceView::Documents), and
// never from a record that fails verification against the server's key.
#include "core/FileBytes.h"
#include "io/ocds/OcdsRelease.h"
#include "io/xlsx/ScorecardWorkbook.h"
#include "reporting/ReportContent.h"
#include "reports/PdfReports.h"
#include "server/ApiCall.h"

#include <mutex>

namespace fairtender::server {

namespace fs = std::filesystem;

namespace {

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr const char* kPdf = "application/pdf";

// The bytes of `file` as a download named `name`.
ApiResponse documentResponse(const fs::path& file, const std::string& name,
                             const std::string& contentType) {
    const auto bytes = readFileBytes(file);
    if (!bytes)
        return errorResponse("server.internal", "the document just made could not be read", 500);
    ApiResponse response;
    response.body = *bytes;
    response.contentType = contentType;
    response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
    return response;
}

// Why no document is made (the stage, a record that fails verification), as a response:
// 409, for the tender as it stands does not allow it.
ApiResponse notMade(const Diagnostics& problems, const Workspace& ws) {
    return errorResponse(forClient(problems, ws), 409);
}

// Qt draws one PDF at a time here: the report code was written for one thread, and a
// document is rare next to the scores written meanwhile.
std::mutex& pdfDrawing() {
    static std::mutex drawing;
    return drawing;
}

} // namespace

ApiResponse Api::scorecard(Call& call) {
    OpenedTender opened = openTender(call, WorkspaceView::Documents);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    auto stored = scorecardInputs(ws, context_.rates);
    if (!stored.ok())
        return notMade(stored.problems, ws);
    const FolderEvaluation evaluation = ws.evaluate(context_.rates);
    if (!evaluation.ok())
        return notMade(evaluation.diagnostics, ws);
    Diagnostics lint;
    for (const auto& d : evaluation.diagnostics)
        if (d.severity == Severity::Warning)
            lint.push_back(d);
    ScorecardOptions options;
    options.toolVersion = FAIRTENDER_VERSION;
    options.storedInputs = std::move(*stored.content);
    const auto sensitivity =
        documentedSensitivity(*evaluation.folder, *evaluation.result, ws.state());
    options.sensitivity = sensitivity ? &*sensitivity : nullptr;
    const UploadFolder scratch(context_.uploads);
    const fs::path out = scratch.path() / "scorecard.xlsx";
    const ExportResult written =
        exportScorecard(*evaluation.folder, *evaluation.result, forClient(lint, ws), options, out);
    if (!written.ok())
        return errorResponse(scratch.relative(written.diagnostics), 500);
    return documentResponse(out, evaluation.result->tenderId + "-scorecard.xlsx", kXlsx);
}

ApiResponse Api::awardReport(Call& call) {
    OpenedTender opened = openTender(call, WorkspaceView::Documents);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    auto gathered = gatherAwardReport(ws, context_.rates);
    if (!gathered.ok())
        return notMade(gathered.problems, ws);
    // The reader verifies the tender where it is kept: at its address on this server.
    gathered.content->verifyTarget =
        (context_.publicUrl.empty() ? std::string("SERVER") : context_.publicUrl) +
        "/api/v1/tenders/" + call.param("tender");
    const UploadFolder scratch(context_.uploads);
    const fs::path out = scratch.path() / "award-report.pdf";
    {
        const std::lock_guard drawing(pdfDrawing());
        const auto written = reports::writeAwardReportPdf(*gathered.content, out);
        if (!written.ok())
            return errorResponse("server.internal", written.error, 500);
    }
    return documentResponse(out, gathered.content->tender.id + "-award-report.pdf", kPdf);
}

ApiResponse Api::assessmentSummary(Call& call) {
    OpenedTender opened = openTender(call, WorkspaceView::Documents);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    const std::string& bid = call.param("bid");
    const auto gathered = gatherAssessmentSummaries(ws, context_.rates);
    if (!gathered.ok())
        return notMade(gathered.problems, ws);
    for (const auto& summary : *gathered.content) {
        if (summary.own.bidId != bid)
            continue;
        const UploadFolder scratch(context_.uploads);
        const std::string name = reports::assessmentSummaryFileName(bid);
        const fs::path out = scratch.path() / name;
        {
            const std::lock_guard drawing(pdfDrawing());
            const auto written = reports::writeAssessmentSummaryPdf(summary, out);
            if (!written.ok())
                return errorResponse("server.internal", written.error, 500);
        }
        return documentResponse(out, name, kPdf);
    }
    return errorResponse("bid.unknown", "there is no bid " + bid + " in this tender", 404);
}

ApiResponse Api::ocdsPackage(Call& call) {
    OpenedTender opened = openTender(call, WorkspaceView::Documents);
    if (!opened.workspace)
        return opened.refused;
    Workspace& ws = *opened.workspace;
    OcdsOptions options;
    const auto& query = call.request.query;
    if (const auto prefix = query.find("ocidPrefix"); prefix != query.end())
        options.ocidPrefix = prefix->second;
    if (const auto url = query.find("reportUrl"); url != query.end())
        options.awardReportUrl = url->second;
    if (const auto published = query.find("published"); published != query.end())
        options.publishedDate = published->second;
    const OcdsPackage package = ocdsReleasePackage(ws, context_.rates, options);
    if (!package.ok())
        return notMade(package.problems, ws);
    ApiResponse response = jsonResponse(*package.json);
    response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" +
                                                             ws.status().tenderId + "-ocds.json\"");
    return response;
}

} // namespace fairtender::server
