#include "cli/WorkspaceCommands.h"

#include "store/Workspace.h"

#include <ostream>
#include <sstream>

namespace fairtender::cli {

namespace {

bool mentionsBid(const AuditEntry& entry, const std::string& bid) {
    std::istringstream words(entry.subject);
    std::string word;
    while (words >> word)
        if (word == bid)
            return true;
    return false;
}

std::string indented(const std::string& label, const std::string& text) {
    std::string out = "    " + label + ": ";
    for (const char c : text)
        out += c == '\n' ? std::string("\n      ") : std::string(1, c);
    return out + "\n";
}

} // namespace

CommandSyntax workspaceCreateSyntax() {
    return {{}, {{"--as", "the name of the person acting"}}, {"FOLDER", "WS.ftw"}};
}
CommandSyntax workspaceExportSyntax() {
    return {{}, {}, {"WS.ftw", "FOLDER"}};
}
CommandSyntax workspaceStatusSyntax() {
    return {{}, {}, {"WS.ftw"}};
}
CommandSyntax verifySyntax() {
    return {{}, {}, {"WS.ftw"}};
}
CommandSyntax logSyntax() {
    return {{}, {{"--bid", "a bid id"}, {"--who", "a person's name"}}, {"WS.ftw"}};
}

FolderEvaluation evaluateWorkspaceFile(const std::string& file, const LivingWageTable* rates) {
    auto opened = Workspace::open(file);
    if (!opened.ok()) {
        FolderEvaluation failed;
        failed.diagnostics = std::move(opened.diagnostics);
        return failed;
    }
    return opened.workspace->evaluate(rates);
}

Outcome runWorkspaceCreate(const ParsedArguments& args, const CommandStreams& streams) {
    const auto actor = args.option("--as");
    if (!actor || actor->empty())
        return Outcome::usage("workspace create", "missing --as NAME (who is acting: every "
                                                  "change is logged with its name)");
    const std::string folder = args.positionals.at(0);
    const std::string file = args.positionals.at(1);
    ReferenceRates rates = referenceRates();
    auto created = Workspace::createFromFolder(folder, file, *actor, rates.get());
    if (!created.ok()) {
        Diagnostics diagnostics = rates.warnings;
        for (auto& diagnostic : created.diagnostics) {
            if (diagnostic.where.file.find('/') == std::string::npos &&
                diagnostic.where.file != file)
                diagnostic.where.file = folder + "/" + diagnostic.where.file;
            diagnostics.push_back(diagnostic);
        }
        return Outcome::invalidFiles("workspace create", diagnostics);
    }
    const WorkspaceStatus status = created.workspace->status();
    streams.out << "Created " << file << " from " << folder << ": tender " << status.tenderId
                << ", " << status.bids << " bids, " << status.scores << " scores, "
                << status.auditEntries << " audit entries\n";
    return Outcome::success();
}

Outcome runWorkspaceExport(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string file = args.positionals.at(0);
    const std::string folder = args.positionals.at(1);
    auto opened = Workspace::open(file);
    if (!opened.ok())
        return Outcome::invalidFiles("workspace export", opened.diagnostics);
    const Diagnostics problems = opened.workspace->exportToFolder(folder);
    if (hasErrors(problems))
        return Outcome::failure("workspace export",
                                problems.front().where.file + ": " + problems.front().message);
    streams.out << "Exported " << file << " to " << folder << "\n";
    return Outcome::success();
}

Outcome runWorkspaceStatus(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string file = args.positionals.at(0);
    auto opened = Workspace::open(file);
    if (!opened.ok())
        return Outcome::invalidFiles("workspace status", opened.diagnostics);
    const WorkspaceStatus s = opened.workspace->status();
    streams.out << file << ": tender " << s.tenderId << " (" << s.tenderTitle << ")\n"
                << "  state            " << s.state << "\n"
                << "  bids             " << s.bids << " in " << s.bidDocuments << " files\n"
                << "  scores           " << s.scores << "\n"
                << "  consensus        " << s.consensus << "\n"
                << "  deliverability   " << s.deliverability << "\n"
                << "  abnormally low   " << s.abnormallyLowDecisions << " decisions\n"
                << "  audit entries    " << s.auditEntries << "\n"
                << "  head hash        " << s.headHash << "\n"
                << "  schema version   " << s.schemaVersion << "\n";
    if (const auto award = opened.workspace->award())
        streams.out << "  awarded to       " << award->bidId << " (notice " << award->noticeDate
                    << ", standstill ends at the end of " << award->standstillEnd << ")\n";
    return Outcome::success();
}

Outcome runVerify(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string file = args.positionals.at(0);
    auto opened = Workspace::open(file);
    if (!opened.ok())
        return Outcome::invalidFiles("verify", opened.diagnostics);
    ReferenceRates rates = referenceRates();
    const VerifyReport report = opened.workspace->verify(rates.get());
    if (!report.ok())
        return Outcome::invalidFiles("verify", report.problems);
    streams.out << file << " verified: " << report.entriesChecked << " audit entries chained, "
                << report.rowsChecked
                << " stored records match the log, results recomputed; head hash "
                << report.headHash << "\n";
    return Outcome::success(rates.warnings);
}

Outcome runLog(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string file = args.positionals.at(0);
    auto opened = Workspace::open(file);
    if (!opened.ok())
        return Outcome::invalidFiles("log", opened.diagnostics);
    const auto bid = args.option("--bid");
    const auto who = args.option("--who");
    for (const auto& entry : opened.workspace->auditLog()) {
        if (bid && !mentionsBid(entry, *bid))
            continue;
        if (who && entry.actor != *who)
            continue;
        streams.out << "#" << entry.seq << "  " << entry.time << "  " << entry.actor << "  "
                    << entry.action << "  " << entry.subject << "\n";
        if (!entry.before.empty())
            streams.out << indented("before", entry.before);
        if (!entry.after.empty())
            streams.out << indented("after", entry.after);
        if (!entry.reason.empty())
            streams.out << indented("reason", entry.reason);
    }
    return Outcome::success();
}

} // namespace fairtender::cli
