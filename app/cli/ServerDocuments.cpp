#include "cli/ServerDocuments.h"

#include "cli/DocumentFolder.h"
#include "cli/OpenedTender.h"
#include "cli/RankingTable.h"
#include "client/RemoteTender.h"
#include "core/AtomicFile.h"
#include "core/OutputPath.h"
#include "reports/PdfReports.h"

#include <filesystem>
#include <ostream>

namespace fairtender::cli {

namespace fs = std::filesystem;

namespace {

// A tender on a server, opened as the account signed in, or why not.
struct ServerTender {
    OpenedTender opened;
    client::RemoteTender* remote = nullptr;
};

ServerTender openOnServer(const std::string& command, const ParsedArguments& args) {
    ServerTender tender{openTender(command, args, {.reading = true}), nullptr};
    if (tender.opened.tender)
        tender.remote = dynamic_cast<client::RemoteTender*>(tender.opened.tender.get());
    return tender;
}

// One document of the tender: its bytes, or the server's refusal as the outcome. `magic`
// is how such a file begins, so that a proxy's error page is never written as the document.
struct Fetched {
    std::string bytes;
    std::optional<Outcome> refused;
};

Fetched documentOf(const std::string& command, const client::RemoteTender& tender,
                   const client::ServerReply& reply, std::string_view magic) {
    auto read = tender.documentFrom(reply, magic);
    if (!read.ok())
        return {{},
                reply.status >= 200 && reply.status < 300
                    ? Outcome::failure(command, read.problems.front().message)
                    : Outcome::invalidFiles(command, read.problems)};
    return {std::move(*read.value), std::nullopt};
}

Fetched fetch(const std::string& command, const client::RemoteTender& tender,
              const std::string& subpath, std::string_view magic) {
    return documentOf(command, tender, tender.call("GET", subpath), magic);
}

// Refuses an output that is not a plain file (a folder, a device).
std::optional<Outcome> refuseOutput(const std::string& command, const fs::path& out) {
    if (const auto problem = outputPathProblem(out, {}))
        return Outcome::failure(command, "cannot write " + out.string() + ": " + *problem);
    return std::nullopt;
}

std::string tenderIdOf(client::RemoteTender& tender) {
    const auto status = tender.status();
    return status.ok() ? status.value->tenderId : tender.location().tender;
}

// Fetches the document at `subpath` into `out`; `what` names it in the summary line.
Outcome download(const std::string& command, const ParsedArguments& args,
                 const CommandStreams& streams, const std::string& subpath, std::string_view magic,
                 const fs::path& out, const std::string& what) {
    if (auto refused = refuseOutput(command, out))
        return *refused;
    ServerTender tender = openOnServer(command, args);
    if (!tender.remote)
        return tender.opened.refused;
    Fetched document = fetch(command, *tender.remote, subpath, magic);
    if (document.refused)
        return *document.refused;
    if (const auto error = writeFileAtomically(out, document.bytes))
        return Outcome::failure(command, *error + "; nothing was written");
    streams.out << "Wrote " << what << " of " << tenderIdOf(*tender.remote) << " to "
                << out.string() << ", made by " << tender.remote->location().origin()
                << " from its verified record\n";
    return Outcome::success();
}

} // namespace

Outcome rankingFromServer(const ParsedArguments& args, const CommandStreams& streams) {
    ServerTender tender = openOnServer("evaluate", args);
    if (!tender.remote)
        return tender.opened.refused;
    if (const auto explain = args.option("--explain")) {
        // Made on the server from its stored inputs, for those who may see the ranking.
        const client::ServerReply explained =
            tender.remote->call("GET", "/ranking/explanations/" + client::urlEncoded(*explain));
        if (explained.status != 200)
            return Outcome::invalidFiles("evaluate",
                                         client::problemsOf(explained, tender.remote->location()));
        streams.out << explained.body;
        return Outcome::success();
    }
    if (args.has("--json")) {
        const client::ServerReply ranking = tender.remote->call("GET", "/ranking");
        if (ranking.status != 200)
            return Outcome::invalidFiles("evaluate",
                                         client::problemsOf(ranking, tender.remote->location()));
        streams.out << ranking.body;
        return Outcome::success();
    }
    // The living wage rates a tender names by date are read from the reference data here.
    ReferenceRates rates = referenceRates();
    const auto model = tender.remote->model(rates.get());
    if (!model.ok())
        return Outcome::invalidFiles("evaluate", model.problems);
    const auto result = tender.remote->ranking(*model.value);
    if (!result.ok())
        return Outcome::invalidFiles("evaluate", result.problems);
    streams.out << renderRankingTable(*result.value, *model.value);
    return Outcome::success(rates.warnings);
}

Outcome reportFromServer(const ParsedArguments& args, const CommandStreams& streams) {
    const auto pdf = args.option("--pdf");
    if (!pdf || pdf->empty())
        return Outcome::usage("report", "missing --pdf OUT.pdf (where to write the report)");
    return download("report", args, streams, "/documents/award-report", "%PDF-", *pdf,
                    "the award report");
}

Outcome scorecardFromServer(const ParsedArguments& args, const CommandStreams& streams) {
    const auto xlsx = args.option("--xlsx");
    if (!xlsx || xlsx->empty())
        return Outcome::usage("export", "missing --xlsx OUT.xlsx (the scorecard to write)");
    return download("export", args, streams, "/documents/scorecard", "PK", *xlsx, "the scorecard");
}

Outcome summariesFromServer(const ParsedArguments& args, const CommandStreams& streams) {
    const auto out = args.option("--out");
    if (!out || out->empty())
        return Outcome::usage("summaries", "missing --out DIR (the folder for the summaries)");
    ServerTender tender = openOnServer("summaries", args);
    if (!tender.remote)
        return tender.opened.refused;
    // Every summary is fetched before any is written; a bid the server has no summary for
    // (one excluded) is left out, as it is from a workspace here.
    const auto summaries = tender.remote->assessmentSummaries([&](const std::string& bidId) {
        if (streams.progress)
            *streams.progress << "Fetching the summary of " << bidId << "\n";
    });
    if (!summaries.ok())
        return Outcome::invalidFiles("summaries", summaries.problems);
    std::vector<std::pair<std::string, std::string>> fetched; // file name, bytes
    for (const auto& [bidId, bytes] : *summaries.value)
        fetched.emplace_back(reports::assessmentSummaryFileName(bidId), bytes);
    std::vector<NamedDocument> documents;
    for (const auto& [name, bytes] : fetched)
        documents.push_back({name, [&bytes = bytes](const fs::path& file) {
                                 return writeFileAtomically(file, bytes);
                             }});
    const fs::path target = fs::path(*out).lexically_normal();
    if (auto failed = writeAllOrNone("summaries", target, documents))
        return *failed;
    streams.out << "Wrote " << documents.size() << " assessment summaries of "
                << tenderIdOf(*tender.remote) << " to " << target.string() << ":";
    for (const auto& document : documents)
        streams.out << " " << document.name;
    streams.out << "\n";
    return Outcome::success();
}

Outcome ocdsFromServer(const ParsedArguments& args, const CommandStreams& streams) {
    std::string query;
    for (const auto& [option, key] :
         {std::pair{"--ocid-prefix", "ocidPrefix"}, std::pair{"--report-url", "reportUrl"},
          std::pair{"--published", "published"}})
        if (const auto value = args.option(option))
            query +=
                std::string(query.empty() ? "?" : "&") + key + "=" + client::urlEncoded(*value);
    const auto out = args.option("--out");
    if (out)
        return download("ocds", args, streams, "/documents/ocds" + query, "{", *out,
                        "the OCDS release package");
    ServerTender tender = openOnServer("ocds", args);
    if (!tender.remote)
        return tender.opened.refused;
    Fetched package = fetch("ocds", *tender.remote, "/documents/ocds" + query, "{");
    if (package.refused)
        return *package.refused;
    streams.out << package.bytes;
    return Outcome::success();
}

} // namespace fairtender::cli
