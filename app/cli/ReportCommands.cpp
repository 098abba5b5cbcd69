#include "cli/ReportCommands.h"

#include "cli/DocumentFolder.h"
#include "cli/ServerDocuments.h"
#include "client/ServerConnection.h"
#include "core/AtomicFile.h"
#include "core/OutputPath.h"
#include "io/ocds/OcdsRelease.h"
#include "reporting/ReportContent.h"
#include "reports/PdfReports.h"
#include "store/Workspace.h"

#include <filesystem>
#include <ostream>

namespace fairtender::cli {

namespace fs = std::filesystem;

namespace {

// Why the document cannot be made (a stage too early, inputs that no longer evaluate):
// exit 1 with the problems as they are, nothing written.
Outcome refused(const std::string& command, const Diagnostics& problems) {
    Outcome outcome = Outcome::failure(command, problems.empty() ? "nothing to report" : "");
    outcome.messages.clear();
    for (const auto& problem : problems)
        outcome.messages.push_back(problem.toString());
    return outcome;
}

// Refuses an output that would overwrite the workspace the document is made from (or its
// SQLite companions), or that is not a plain file.
std::optional<Outcome> refuseOutput(const std::string& command, const fs::path& out,
                                    const fs::path& workspace) {
    if (const auto problem = outputPathProblem(out, workspaceFiles(workspace)))
        return Outcome::failure(command, "cannot write " + out.string() + ": " + *problem);
    return std::nullopt;
}

} // namespace

CommandSyntax reportSyntax() {
    return {{}, {{"--pdf", "the PDF file to write"}}, {"WS.ftw"}};
}
CommandSyntax summariesSyntax() {
    return {{}, {{"--out", "the folder to write the summaries in"}}, {"WS.ftw"}};
}
CommandSyntax ocdsSyntax() {
    return {{},
            {{"--out", "the JSON file to write"},
             {"--ocid-prefix", "the ocid prefix"},
             {"--report-url", "where the award report is published"},
             {"--published", "the package's publishedDate"}},
            {"WS.ftw"}};
}

Outcome runReport(const ParsedArguments& args, const CommandStreams& streams) {
    if (client::looksLikeServer(args.positionals.at(0)))
        return reportFromServer(args, streams);
    const auto pdf = args.option("--pdf");
    if (!pdf || pdf->empty())
        return Outcome::usage("report", "missing --pdf OUT.pdf (where to write the report)");
    const std::string file = args.positionals.at(0);
    if (auto refusedOutput = refuseOutput("report", *pdf, file))
        return *refusedOutput;
    auto opened = Workspace::open(file);
    if (!opened.ok())
        return Outcome::invalidFiles("report", opened.diagnostics);
    ReferenceRates rates = referenceRates();
    auto gathered = gatherAwardReport(*opened.workspace, rates.get());
    if (!gathered.ok())
        return refused("report", gathered.problems);
    const reports::OffscreenGui gui;
    const auto written = reports::writeAwardReportPdf(*gathered.content, *pdf);
    if (!written.ok())
        return Outcome::failure("report", written.error);
    streams.out << "Wrote the award report of " << gathered.content->tender.id << " to " << *pdf
                << " (" << written.pages << " pages)\n";
    return Outcome::success(rates.warnings);
}

Outcome runSummaries(const ParsedArguments& args, const CommandStreams& streams) {
    if (client::looksLikeServer(args.positionals.at(0)))
        return summariesFromServer(args, streams);
    const auto out = args.option("--out");
    if (!out || out->empty())
        return Outcome::usage("summaries", "missing --out DIR (the folder for the summaries)");
    const std::string file = args.positionals.at(0);
    auto opened = Workspace::open(file);
    if (!opened.ok())
        return Outcome::invalidFiles("summaries", opened.diagnostics);
    ReferenceRates rates = referenceRates();
    auto gathered = gatherAssessmentSummaries(*opened.workspace, rates.get());
    if (!gathered.ok())
        return refused("summaries", gathered.problems);

    const fs::path target = fs::path(*out).lexically_normal();
    for (const auto& summary : *gathered.content)
        if (auto refusedOutput = refuseOutput(
                "summaries", target / reports::assessmentSummaryFileName(summary.own.bidId), file))
            return *refusedOutput;
    const reports::OffscreenGui gui;
    std::vector<NamedDocument> documents;
    std::vector<std::string> names;
    for (const auto& summary : *gathered.content) {
        names.push_back(reports::assessmentSummaryFileName(summary.own.bidId));
        documents.push_back(
            {names.back(), [&summary](const fs::path& pdf) {
                 const auto written = reports::writeAssessmentSummaryPdf(summary, pdf);
                 return written.ok() ? std::nullopt : std::optional<std::string>(written.error);
             }});
    }
    if (auto failed = writeAllOrNone("summaries", target, documents))
        return *failed;
    streams.out << "Wrote " << names.size() << " assessment summaries of "
                << opened.workspace->status().tenderId << " to " << target.string() << ":";
    for (const auto& name : names)
        streams.out << " " << name;
    streams.out << "\n";
    return Outcome::success(rates.warnings);
}

Outcome runOcds(const ParsedArguments& args, const CommandStreams& streams) {
    if (client::looksLikeServer(args.positionals.at(0)))
        return ocdsFromServer(args, streams);
    const std::string file = args.positionals.at(0);
    const auto out = args.option("--out");
    if (out)
        if (auto refusedOutput = refuseOutput("ocds", *out, file))
            return *refusedOutput;
    auto opened = Workspace::open(file);
    if (!opened.ok())
        return Outcome::invalidFiles("ocds", opened.diagnostics);
    ReferenceRates rates = referenceRates();
    OcdsOptions options;
    if (const auto prefix = args.option("--ocid-prefix"))
        options.ocidPrefix = *prefix;
    if (const auto published = args.option("--published"))
        options.publishedDate = *published;
    if (const auto url = args.option("--report-url"))
        options.awardReportUrl = *url;
    const OcdsPackage package = ocdsReleasePackage(*opened.workspace, rates.get(), options);
    if (!package.ok())
        return refused("ocds", package.problems);
    if (!out) {
        if (const auto problem = standardOutputProblem(workspaceFiles(file)))
            return Outcome::failure("ocds", "cannot write standard output: " + *problem);
        streams.out << *package.json;
        return Outcome::success(rates.warnings);
    }
    if (const auto error = writeFileAtomically(*out, *package.json))
        return Outcome::failure("ocds", *error + "; nothing was written");
    streams.out << "Wrote the OCDS release package to " << *out << "\n";
    return Outcome::success(rates.warnings);
}

} // namespace fairtender::cli
