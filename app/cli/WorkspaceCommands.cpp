#include "cli/WorkspaceCommands.h"

#include "cli/OpenedTender.h"
#include "client/RemoteTender.h"
#include "core/FileBytes.h"
#include "store/Workspace.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
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

// One step of the award history on one line.
std::string awardEventText(const AwardEvent& event) {
    const std::string why = event.reason.empty() ? "" : ": " + event.reason;
    const std::string by = event.by.empty() ? "" : "; recorded by " + event.by;
    switch (event.kind) {
    case AwardEvent::Kind::Award:
        return "awarded to " + event.bidId + " (notice " + event.date +
               ", standstill ends at the end of " + event.standstillEnd + ")" + by + why;
    case AwardEvent::Kind::Exclusion:
        return event.bidId + " excluded after the evaluation" +
               (event.date.empty() ? "" : " on " + event.date) +
               (event.standstill.empty() ? "" : ", " + event.standstill) + by + why;
    case AwardEvent::Kind::AwardFellAway:
        return "the award to " + event.bidId +
               " fell away: the tender is locked again for a new award decision";
    }
    return {};
}

// Above this many files an import shows how far its checks have got.
constexpr std::size_t kImportProgressFrom = 50;

// The files named on the command line, a folder standing for its *.xml files in name
// order (hidden files and editors' companions left out, as in a tender folder's bids/).
std::vector<std::filesystem::path> bidFilesNamed(const std::vector<std::string>& arguments) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (const auto& argument : arguments) {
        std::error_code error;
        if (!fs::is_directory(argument, error)) {
            files.emplace_back(argument);
            continue;
        }
        std::vector<fs::path> inFolder;
        for (const auto& entry : fs::directory_iterator(argument, error)) {
            const std::string name = entry.path().filename().string();
            std::string extension = entry.path().extension().string();
            std::transform(extension.begin(), extension.end(), extension.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            if (entry.is_regular_file(error) && !name.starts_with(".") && extension == ".xml")
                inFolder.push_back(entry.path());
        }
        std::sort(inFolder.begin(), inFolder.end());
        files.insert(files.end(), inFolder.begin(), inFolder.end());
    }
    return files;
}

// workspace create FOLDER URL: the folder uploaded as a tender on the server, led by the
// account signed in.
Outcome createOnServer(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string command = "workspace create";
    const std::string folder = args.positionals.at(0);
    const std::string url = args.positionals.at(1);
    if (args.option("--as"))
        return Outcome::usage(command, "--as is refused against a server: you act as the "
                                       "account you signed in with (fairtender login URL)");
    std::string why;
    const auto where = client::parseServerLocation(url, why);
    if (!where)
        return Outcome::usage(command, why);
    if (where->tender.empty())
        return Outcome::usage(command,
                              "name the new tender: " + where->origin() + "/api/v1/tenders/NAME");
    Diagnostics problems;
    const auto created = client::RemoteTender::create(*where, folder, problems);
    if (!created)
        return Outcome::invalidFiles(command, problems);
    streams.out << "Created " << url << " from " << folder << ": tender " << created->tenderId
                << ", " << created->bids << " bids, led by you; add the panel with panel add\n";
    return Outcome::success();
}

} // namespace

CommandSyntax workspaceCreateSyntax() {
    return {{}, {{"--as", "the name of the person acting"}}, {"FOLDER", "WS.ftw"}};
}
CommandSyntax workspaceExportSyntax() {
    return {{}, {}, {"WS.ftw", "FOLDER"}};
}
CommandSyntax workspaceSetTenderSyntax() {
    return {{},
            {{"--as", "the name of the person acting"}, {"--why", "why the tender is replaced"}},
            {"WS.ftw", "FILE"}};
}
CommandSyntax workspaceImportBidsSyntax() {
    return {{}, {{"--as", "the name of the person acting"}}, {"WS.ftw", "FILE..."}};
}
CommandSyntax workspaceCopySyntax() {
    return {{}, {}, {"WS", "DEST"}};
}
CommandSyntax workspaceGrantSyntax() {
    return {{}, {}, {"WS", "ROLE"}};
}
CommandSyntax workspaceStatusSyntax() {
    return {{}, {}, {"WS.ftw"}};
}
CommandSyntax verifySyntax() {
    return {{},
            {{"--expect-head", "the head hash noted elsewhere that this copy must end at"},
             {"--signed-by", "the server's public key, which must have signed every entry"}},
            {"WS.ftw"}};
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
    if (client::looksLikeServer(args.positionals.at(1)))
        return createOnServer(args, streams);
    const auto actor = actorOf(args);
    if (!actor)
        return missingActor("workspace create");
    const std::string folder = args.positionals.at(0);
    const std::string file = args.positionals.at(1);
    ReferenceRates rates = referenceRates();
    auto created = Workspace::createFromFolder(folder, file, *actor, rates.get());
    if (!created.ok()) {
        Diagnostics diagnostics = rates.warnings;
        for (auto& diagnostic : created.diagnostics) {
            if (diagnostic.where.file.find('/') == std::string::npos &&
                diagnostic.where.file != file && diagnostic.where.file != folder)
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

Outcome runWorkspaceSetTender(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string command = "workspace set-tender";
    const auto actor = actorOf(args);
    if (!actor)
        return missingActor(command);
    const std::string tenderFile = args.positionals.at(1);
    const auto bytes = readFileBytes(tenderFile);
    if (!bytes)
        return Outcome::failure(command, "cannot read " + tenderFile +
                                             ": check that it is a file you may read");
    auto opened = Workspace::open(args.positionals.at(0));
    if (!opened.ok())
        return Outcome::invalidFiles(command, opened.diagnostics);
    ReferenceRates rates = referenceRates();
    return finishCommand(command,
                         opened.workspace->replaceTender(
                             *actor, *bytes, args.option("--why").value_or(""), rates.get()),
                         streams, rates.warnings);
}

Outcome runWorkspaceImportBids(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string command = "workspace import-bids";
    const std::vector<std::string> named(args.positionals.begin() + 1, args.positionals.end());
    const auto files = bidFilesNamed(named);
    if (files.empty())
        return Outcome::usage(command, "no bid files: the folder holds no *.xml files");
    OpenedTender opened = openTender(command, args);
    if (!opened.tender)
        return opened.refused;
    ImportProgress progress;
    if (streams.progress != nullptr && files.size() > kImportProgressFrom)
        progress = [&](std::size_t checked, std::size_t total) {
            if (checked % 10 == 0 || checked == total)
                *streams.progress << "\rchecked " << checked << " of " << total << std::flush;
            if (checked == total)
                *streams.progress << "\r\x1b[K" << std::flush; // transient: cleared at the end
        };
    const CommandOutcome done = opened.tender->importBids(files, progress);
    if (!done.ok())
        return Outcome::invalidFiles(command, done.problems);
    streams.out << done.summary << " into " << args.positionals.at(0) << "\n";
    return Outcome::success(opened.warnings());
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

Outcome runWorkspaceCopy(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string command = "workspace copy";
    const std::string source = args.positionals.at(0);
    const std::string destination = args.positionals.at(1);
    auto opened = Workspace::open(source);
    if (!opened.ok())
        return Outcome::invalidFiles(command, opened.diagnostics);
    ReferenceRates rates = referenceRates();
    // Only a record that verifies is copied: a copy must not launder a broken one.
    const VerifyReport before = opened.workspace->verify(rates.get());
    if (!before.ok())
        return Outcome::invalidFiles(command, before.problems);
    if (const Diagnostics problems = opened.workspace->copyTo(destination); !problems.empty())
        return Outcome::invalidFiles(command, problems);
    auto copied = Workspace::open(destination);
    if (!copied.ok())
        return Outcome::invalidFiles(command, copied.diagnostics);
    const VerifyReport after = copied.workspace->verify(rates.get());
    if (!after.ok())
        return Outcome::invalidFiles(command, after.problems);
    if (const std::string problem = copied.workspace->expectedHeadProblem(before.headHash);
        !problem.empty())
        return Outcome::invalidFiles(command,
                                     {errorAt({copied.workspace->path().string(), 0, 0}, problem)});
    streams.out << "Copied " << opened.workspace->path().string() << " to "
                << copied.workspace->path().string() << ": " << after.entriesChecked
                << " audit entries, " << after.rowsChecked
                << " stored records; the copy verifies with the same head hash " << after.headHash
                << "\n";
    return Outcome::success(rates.warnings);
}

Outcome runWorkspaceGrant(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string command = "workspace grant";
    const std::string role = args.positionals.at(1);
    auto opened = Workspace::open(args.positionals.at(0));
    if (!opened.ok())
        return Outcome::invalidFiles(command, opened.diagnostics);
    if (const Diagnostics problems = opened.workspace->grantTeamRole(role); !problems.empty())
        return Outcome::invalidFiles(command, problems);
    streams.out << "The role " << role << " may now read " << opened.workspace->path().string()
                << " and add records to it, but not change or delete any\n";
    return Outcome::success();
}

Outcome runWorkspaceStatus(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string location = args.positionals.at(0);
    OpenedTender opened = openTender("workspace status", args, {.reading = true});
    if (!opened.tender)
        return opened.refused;
    const auto read = opened.tender->status();
    if (!read.ok())
        return Outcome::invalidFiles("workspace status", read.problems);
    const auto history = opened.tender->awardHistory();
    if (!history.ok())
        return Outcome::invalidFiles("workspace status", history.problems);
    const WorkspaceStatus& s = *read.value;
    streams.out << location << ": tender " << s.tenderId << " (" << s.tenderTitle << ")\n"
                << "  state            " << s.state << "\n"
                << "  bids             " << s.bids << " in " << s.bidDocuments << " files\n"
                << "  scores           " << s.scores << "\n"
                << "  consensus        " << s.consensus << "\n"
                << "  deliverability   " << s.deliverability << "\n"
                << "  abnormally low   " << s.abnormallyLowDecisions << " decisions\n"
                << "  excluded         " << s.exclusions << " after the evaluation\n"
                << "  audit entries    " << s.auditEntries << "\n"
                << "  head hash        " << s.headHash << "\n";
    // A server keeps its own schema; a file's tells which version of the product wrote it.
    if (s.schemaVersion > 0)
        streams.out << "  schema version   " << s.schemaVersion << "\n";
    // The award's story in the order recorded: each award, each exclusion after the
    // evaluation, each award that fell away, with who recorded it and why.
    if (!history.value->empty())
        streams.out << "  award history\n";
    for (const auto& event : *history.value)
        streams.out << "    " << awardEventText(event) << "\n";
    return Outcome::success();
}

Outcome runVerify(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string location = args.positionals.at(0);
    OpenedTender opened = openTender("verify", args, {.reading = true});
    if (!opened.tender)
        return opened.refused;
    const auto verified = opened.tender->verify(args.option("--signed-by").value_or(""));
    if (!verified.ok())
        return Outcome::invalidFiles("verify", verified.problems);
    const VerifyReport& report = *verified.value;
    if (!report.ok())
        return Outcome::invalidFiles("verify", report.problems);
    const auto expected = args.option("--expect-head");
    if (expected) {
        const auto log = opened.tender->auditLog();
        if (!log.ok())
            return Outcome::invalidFiles("verify", log.problems);
        if (const std::string problem = expectedHeadProblem(*log.value, *expected);
            !problem.empty())
            return Outcome::invalidFiles("verify", {errorAt({location, 0, 0}, problem)});
    }
    streams.out << location << " verified: " << report.entriesChecked << " audit entries chained, "
                << report.rowsChecked
                << " stored records match the log, results recomputed; head hash "
                << report.headHash << (expected ? ", as noted" : "") << "\n";
    if (!report.signedBy.empty())
        streams.out << "every entry is signed by the server key " << report.signedBy << "\n";
    return Outcome::success(opened.warnings());
}

Outcome runLog(const ParsedArguments& args, const CommandStreams& streams) {
    OpenedTender opened = openTender("log", args, {.reading = true});
    if (!opened.tender)
        return opened.refused;
    const auto log = opened.tender->auditLog();
    if (!log.ok())
        return Outcome::invalidFiles("log", log.problems);
    const auto bid = args.option("--bid");
    const auto who = args.option("--who");
    for (const auto& entry : *log.value) {
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
