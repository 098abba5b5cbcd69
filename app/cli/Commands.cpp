#include "cli/Commands.h"

#include "cli/ExplainText.h"
#include "cli/OpenedTender.h"
#include "cli/ProgressText.h"
#include "cli/RankingTable.h"
#include "cli/SensitivityText.h"
#include "cli/ServerDocuments.h"
#include "cli/TemplateLibrary.h"
#include "cli/WorkspaceCommands.h"
#include "client/ServerConnection.h"
#include "core/InputKind.h"
#include "core/OutputPath.h"
#include "io/json/ResultJson.h"
#include "io/json/SensitivityJson.h"
#include "io/xlsx/ScorecardWorkbook.h"
#include "io/xml/ReferenceData.h"
#include "pipeline/FolderEvaluation.h"
#include "reporting/ReportContent.h"
#include "sensitivity/AwardSensitivity.h"
#include "store/Workspace.h"

#include <charconv>
#include <fstream>
#include <limits>
#include <optional>
#include <ostream>
#include <set>
#include <system_error>

namespace fairtender::cli {

namespace fs = std::filesystem;

namespace {

// The folder as the user typed it, without trailing separators, for messages.
std::string folderText(const std::string& typed) {
    std::string text = typed;
    while (text.size() > 1 && text.back() == '/')
        text.pop_back();
    return text;
}

// Diagnostics name files inside the folder ("bids/b1.xml"); people need the path they can
// open from where they ran the command ("samples/x/bids/b1.xml").
Diagnostics withFolderPrefix(Diagnostics diagnostics, const std::string& folder) {
    for (auto& diagnostic : diagnostics) {
        const fs::path file(diagnostic.where.file);
        if (diagnostic.where.file.empty())
            diagnostic.where.file = folder;
        else if (file.is_relative() && diagnostic.where.file != folder &&
                 !diagnostic.where.file.starts_with(folder + "/"))
            diagnostic.where.file = (fs::path(folder) / file).generic_string();
    }
    return diagnostics;
}

Diagnostics onlyWarnings(const Diagnostics& diagnostics) {
    Diagnostics warnings;
    for (const auto& diagnostic : diagnostics)
        if (diagnostic.severity == Severity::Warning)
            warnings.push_back(diagnostic);
    return warnings;
}

struct FolderRun {
    FolderEvaluation evaluation;
    Diagnostics diagnostics; // with the folder prefix, reference data warnings first
};

// Above this many bid files reading takes long enough that a terminal user wants to know.
constexpr std::size_t kProgressThreshold = 1000;

std::size_t countBidFiles(const std::string& folder) {
    std::error_code error;
    std::size_t count = 0;
    fs::directory_iterator it(fs::path(folder) / "bids", error);
    if (error)
        return 0;
    for (const auto& entry : it)
        count += entry.path().extension() == ".xml" ? 1 : 0;
    return count;
}

std::optional<Outcome> evaluateFolder(const std::string& command, const std::string& folder,
                                      std::ostream* progress, FolderRun& run) {
    // A folder or a workspace; a name ending in .ftw that is missing is a missing workspace.
    const InputKind kind = inputKindOf(folder);
    const bool workspace = kind == InputKind::Workspace;
    if (kind == InputKind::Missing && fs::path(folder).extension() == ".ftw")
        return Outcome::invalidFiles(command, {errorAt({folder, 0, 0}, notAWorkspace(folder))});
    if (kind != InputKind::Folder && !workspace)
        return Outcome::invalidFiles(command, {errorAt({folder, 0, 0}, notATenderFolder(folder))});
    Diagnostics warnings;
    const auto rates = loadReferenceRates(warnings);
    const bool showProgress =
        !workspace && progress != nullptr && countBidFiles(folder) > kProgressThreshold;
    if (showProgress)
        *progress << "Reading and scoring " << countBidFiles(folder) << " bid files in " << folder
                  << "..." << std::flush;
    run.evaluation = workspace ? evaluateWorkspaceFile(folder, rates ? &*rates : nullptr)
                               : evaluateTenderFolder(folder, rates ? &*rates : nullptr);
    if (showProgress)
        *progress << "\r\x1b[K" << std::flush; // the line is transient: clear it
    run.diagnostics = std::move(warnings);
    for (auto& diagnostic : withFolderPrefix(run.evaluation.diagnostics, folder))
        run.diagnostics.push_back(std::move(diagnostic));
    if (!run.evaluation.ok() || hasErrors(run.diagnostics)) {
        if (!hasErrors(run.diagnostics))
            run.diagnostics.push_back(errorAt({folder, 0, 0}, "the folder could not be evaluated"));
        return Outcome::invalidFiles(command, run.diagnostics);
    }
    return std::nullopt;
}

std::string plural(std::size_t count, const std::string& word) {
    return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}

std::string joined(const std::vector<std::string>& words) {
    std::string text;
    for (const auto& word : words)
        text += (text.empty() ? "" : ", ") + word;
    return text;
}

constexpr std::string_view kReadme = R"(This is a Fairtender tender folder.

  tender.xml        the tender and its evaluation model, copied from the template
                    TEMPLATE. Replace the placeholders (id, title, buyer, areas, social
                    value proxies) and record why each weight is relevant to the contract.
  bids/             one XML file per bid (or one file holding several), for example
                    bids/B1.xml; see samples/school-meals/bids for the format.
  evaluations.xml   (add it when the panel has scored) evaluators' scores, consensus
                    scores, deliverability factors and abnormally-low decisions.

Next:
  fairtender validate FOLDER     check every file; errors name file, line and column
  fairtender evaluate FOLDER     score and rank the bids
  fairtender evaluate FOLDER --explain B1
                                 show how one bid's points were worked out
)";

std::string readmeText(const std::string& templateName, const std::string& folder) {
    std::string text(kReadme);
    for (const auto& [placeholder, value] :
         {std::pair<std::string, std::string>{"TEMPLATE", templateName}, {"FOLDER", folder}}) {
        for (auto at = text.find(placeholder); at != std::string::npos;
             at = text.find(placeholder, at + value.size()))
            text.replace(at, placeholder.size(), value);
    }
    return text;
}

// Removes what runNew created, so a failure leaves no half-made tender behind.
void removeCreated(const fs::path& folder, bool createdFolder) {
    std::error_code ignored;
    fs::remove(folder / "README.txt", ignored);
    fs::remove(folder / "tender.xml", ignored);
    fs::remove(folder / "bids", ignored);
    if (createdFolder)
        fs::remove(folder, ignored);
}

} // namespace

// The living wage table beside the templates (see loadReferenceLivingWageTable).
std::optional<LivingWageTable> loadReferenceRates(Diagnostics& warnings) {
    return loadReferenceLivingWageTable(livingWageRatesFile(templatesDirectory()), warnings);
}

ReferenceRates referenceRates() {
    ReferenceRates rates;
    rates.table = loadReferenceRates(rates.warnings);
    return rates;
}

std::optional<std::string> actorOf(const ParsedArguments& args) {
    const auto actor = args.option("--as");
    if (!actor || actor->empty())
        return std::nullopt;
    return actor;
}

Outcome missingActor(const std::string& command) {
    return Outcome::usage(command, "missing --as NAME (who is acting: every change is logged "
                                   "with its name)");
}

Outcome finishCommand(const std::string& command, const CommandOutcome& done,
                      const CommandStreams& streams, const Diagnostics& warnings) {
    if (!done.ok())
        return Outcome::invalidFiles(command, done.problems);
    streams.out << done.summary << "\n";
    Diagnostics all = warnings;
    all.insert(all.end(), done.problems.begin(), done.problems.end()); // the command's warnings
    return Outcome::success(all);
}

CommandSyntax validateSyntax() {
    return {{}, {}, {"FOLDER"}};
}
CommandSyntax evaluateSyntax() {
    return {{"--json"}, {{"--explain", "a bid id"}}, {"FOLDER"}};
}
CommandSyntax templatesSyntax() {
    return {};
}
CommandSyntax newSyntax() {
    return {{}, {{"--template", "a template name"}}, {"FOLDER"}};
}
CommandSyntax exportSyntax() {
    return {{},
            {{"--xlsx", "an output file name"},
             {"--samples", "a number of samples"},
             {"--seed", "a number"}},
            {"FOLDER"}};
}
CommandSyntax sensitivitySyntax() {
    return {{"--json", "--record"},
            {{"--samples", "a number of samples"},
             {"--seed", "a number"},
             {"--as", "the name of the person acting"},
             {"--reason", "why the award stands"}},
            {"FOLDER"}};
}

Outcome runValidate(const ParsedArguments& args, const CommandStreams& streams) {
    std::ostream& out = streams.out;
    const std::string folder = folderText(args.positionals.at(0));
    FolderRun run;
    if (auto failed = evaluateFolder("validate", folder, streams.progress, run))
        return *failed;
    const TenderFolder& loaded = *run.evaluation.folder;
    std::set<std::string> evaluators;
    for (const auto& score : loaded.evaluations.scores)
        evaluators.insert(score.evaluator);
    out << folder << " is valid: tender " << loaded.tender.id << ", "
        << plural(loaded.bids.size(), "bid") << ", " << plural(evaluators.size(), "evaluator")
        << ", " << plural(loaded.evaluations.scores.size(), "score") << "\n";
    return Outcome::success(onlyWarnings(run.diagnostics));
}

namespace {

// A workspace's results are given once they are locked; nullopt when `folder` is not a
// workspace or its results are locked.
std::optional<Outcome> resultsNotLocked(const std::string& command, const std::string& folder,
                                        LifecycleState state) {
    if (resultsGiven(state))
        return std::nullopt;
    return Outcome::failure(command, "the results of " + folder +
                                         " are given once they are locked; the tender is at the " +
                                         std::string(toString(state)) +
                                         " stage: `fairtender evaluate " + folder +
                                         "` shows how far the evaluation has got");
}

// A whole number option within [least, most]; nullopt with `problem` set when it is not.
std::optional<std::uint64_t> countOption(const ParsedArguments& args, const std::string& name,
                                         std::uint64_t fallback, std::uint64_t least,
                                         std::uint64_t most, std::string& problem) {
    const auto text = args.option(name);
    if (!text)
        return fallback;
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc() || end != text->data() + text->size() || value < least ||
        value > most) {
        problem = name + " takes a whole number from " + std::to_string(least) + " to " +
                  std::to_string(most) + ", not '" + *text + "'";
        return std::nullopt;
    }
    return value;
}

} // namespace

Outcome runEvaluate(const ParsedArguments& args, const CommandStreams& streams) {
    if (client::looksLikeServer(args.positionals.at(0)))
        return rankingFromServer(args, streams);
    std::ostream& out = streams.out;
    const std::string folder = folderText(args.positionals.at(0));
    const auto explain = args.option("--explain");
    if (explain && args.has("--json"))
        return Outcome::usage("evaluate", "--json and --explain cannot be used together");
    // A workspace still being evaluated has no final ranking: it shows how far the panel
    // has got and what the next stage needs.
    if (inputKindOf(folder) == InputKind::Workspace) {
        auto opened = Workspace::open(folder);
        if (!opened.ok())
            return Outcome::invalidFiles("evaluate", opened.diagnostics);
        const LifecycleState state = opened.workspace->state();
        if (auto refused = resultsNotLocked("evaluate", folder, state)) {
            if (explain || args.has("--json"))
                return *refused;
            ReferenceRates rates = referenceRates();
            const WorkspaceStatus status = opened.workspace->status();
            out << renderProgress(opened.workspace->progress(rates.get()),
                                  "Tender " + status.tenderId + ": " + status.tenderTitle);
            return Outcome::success(rates.warnings);
        }
    }
    FolderRun run;
    if (auto failed = evaluateFolder("evaluate", folder, streams.progress, run))
        return *failed;
    const EvaluationResult& result = *run.evaluation.result;
    if (explain) {
        const BidResult* bid = result.findBid(*explain);
        if (bid == nullptr) {
            std::vector<std::string> ids;
            for (const auto& b : result.bids)
                ids.push_back(b.bidId);
            Outcome outcome = Outcome::usage(
                "evaluate", "no bid '" + *explain + "' in " + folder + "; its bids are: " +
                                (ids.empty() ? std::string("(none)") : joined(ids)));
            outcome.diagnostics = onlyWarnings(run.diagnostics);
            return outcome;
        }
        const TenderFolder& loaded = *run.evaluation.folder;
        out << renderExplanation(result, *bid, loaded.tender, loaded.bids, loaded.evaluations);
    } else if (args.has("--json")) {
        // A shell's ">> meals.ftw" (or ">> tender/tender.xml") would append to an input.
        const auto inputs = inputKindOf(folder) == InputKind::Workspace
                                ? workspaceFiles(folder)
                                : tenderFolderInputs(folder).files;
        if (const auto problem = standardOutputProblem(inputs))
            return Outcome::failure("evaluate", "cannot write standard output: " + *problem);
        out << toJson(result, *run.evaluation.folder);
    } else {
        out << renderRankingTable(result, run.evaluation.folder->tender);
    }
    return Outcome::success(onlyWarnings(run.diagnostics));
}

// The samples and seed of the first-place odds, from --samples and --seed; nullopt with
// `problem` set when either is not a whole number in range.
std::optional<OddsSettings> oddsOptions(const ParsedArguments& args, std::string& problem) {
    const auto samples = countOption(args, "--samples", 10000, 1, 100000000, problem);
    const auto seed = samples ? countOption(args, "--seed", 1, 0,
                                            std::numeric_limits<std::uint64_t>::max(), problem)
                              : std::nullopt;
    if (!samples || !seed)
        return std::nullopt;
    OddsSettings odds;
    odds.samples = static_cast<std::size_t>(*samples);
    odds.seed = *seed;
    return odds;
}

// analyseAward with a transient percentage on a terminal while it works.
AwardSensitivity weighAward(const TenderFolder& loaded, const EvaluationResult& result,
                            const OddsSettings& odds, const CommandStreams& streams) {
    SensitivityProgress progress;
    if (streams.progress != nullptr)
        progress = [&](double done) {
            *streams.progress << "\rWeighing the award: " << static_cast<int>(done * 100.0) << "%"
                              << std::flush;
            return true;
        };
    AwardSensitivity sensitivity =
        analyseAward(loaded.tender, loaded.bids, loaded.evaluations, result, odds, progress);
    if (streams.progress != nullptr)
        *streams.progress << "\r\x1b[K" << std::flush;
    return sensitivity;
}

Outcome runSensitivity(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string folder = folderText(args.positionals.at(0));
    std::string problem;
    const auto odds = oddsOptions(args, problem);
    if (!odds)
        return Outcome::usage("sensitivity", problem);
    if (args.has("--record")) {
        // The lead records the run in the audit trail; the engine says who and when.
        OpenedTender opened = openTender("sensitivity --record", args);
        if (!opened.tender)
            return opened.refused;
        return finishCommand(
            "sensitivity --record",
            opened.tender->recordSensitivity(*odds, args.option("--reason").value_or("")), streams,
            opened.warnings());
    }
    if (client::looksLikeServer(args.positionals.at(0)))
        return Outcome::failure("sensitivity",
                                "the analysis is printed for a folder or a workspace here; for "
                                "a tender on a server, `fairtender export " +
                                    args.positionals.at(0) +
                                    " --xlsx FILE` gives it on the Sensitivity sheet, the award "
                                    "report in its \"How robust is this award\" section, and "
                                    "--record records a run there");
    if (inputKindOf(folder) == InputKind::Workspace) {
        auto opened = Workspace::open(folder);
        if (!opened.ok())
            return Outcome::invalidFiles("sensitivity", opened.diagnostics);
        if (auto refused = resultsNotLocked("sensitivity", folder, opened.workspace->state()))
            return *refused;
    }
    FolderRun run;
    if (auto failed = evaluateFolder("sensitivity", folder, streams.progress, run))
        return *failed;
    const TenderFolder& loaded = *run.evaluation.folder;
    const AwardSensitivity sensitivity = weighAward(loaded, *run.evaluation.result, *odds, streams);
    if (args.has("--json"))
        streams.out << toJson(sensitivity, loaded.tender.model.rounding);
    else
        streams.out << renderSensitivity(sensitivity, loaded.tender);
    return Outcome::success(onlyWarnings(run.diagnostics));
}

Outcome runTemplates(const ParsedArguments& /*args*/, const CommandStreams& streams) {
    std::ostream& out = streams.out;
    const fs::path directory = templatesDirectory();
    const auto templates = listTemplates(directory);
    if (templates.empty())
        return Outcome::failure("templates", "no templates found in " + directory.string() +
                                                 " (set FAIRTENDER_TEMPLATES to the templates "
                                                 "folder)");
    std::size_t nameWidth = 0;
    for (const auto& info : templates)
        nameWidth = std::max(nameWidth, info.name.size());
    out << "Templates in " << directory.string() << ":\n\n";
    for (const auto& info : templates) {
        out << "  " << info.name << std::string(nameWidth - info.name.size() + 2, ' ')
            << (info.title.empty() ? "(no title)" : info.title) << "\n";
        if (!info.summary.empty())
            out << "  " << std::string(nameWidth + 2, ' ') << info.summary << "\n";
    }
    out << "\nStart a tender from one: fairtender new --template " << templates.front().name
        << " my-tender\n";
    return Outcome::success();
}

Outcome runNew(const ParsedArguments& args, const CommandStreams& streams) {
    std::ostream& out = streams.out;
    const auto templateName = args.option("--template");
    if (!templateName)
        return Outcome::usage("new", "missing --template NAME (see 'fairtender templates')");
    const fs::path directory = templatesDirectory();
    const auto chosen = findTemplate(directory, *templateName);
    if (!chosen || templateName->find('/') != std::string::npos) {
        std::vector<std::string> names;
        for (const auto& info : listTemplates(directory))
            names.push_back(info.name);
        return Outcome::usage("new", "no template '" + *templateName + "'; the templates are: " +
                                         (names.empty() ? std::string("(none)") : joined(names)));
    }

    const std::string folderName = folderText(args.positionals.at(0));
    const fs::path folder(folderName);
    std::error_code error;
    const bool exists = fs::exists(folder, error);
    if (exists && (!fs::is_directory(folder, error) || !fs::is_empty(folder, error)))
        return Outcome::failure("new", folderName +
                                           " already exists and is not an empty folder; "
                                           "fairtender never overwrites a tender: choose a new "
                                           "folder name");

    const auto fail = [&](const std::string& what) {
        removeCreated(folder, !exists);
        return Outcome::failure("new", "cannot " + what + ": " + error.message());
    };
    if (!fs::create_directories(folder / "bids", error) && error)
        return fail("create " + (folder / "bids").string());
    if (!fs::copy_file(chosen->file, folder / "tender.xml", error))
        return fail("copy " + chosen->file.string() + " to " + (folder / "tender.xml").string());
    {
        std::ofstream readme(folder / "README.txt", std::ios::binary);
        readme << readmeText(chosen->name, folderName);
        readme.close();
        if (!readme) {
            error = std::make_error_code(std::errc::io_error);
            return fail("write " + (folder / "README.txt").string());
        }
    }

    out << "Created " << folderName << " from the template " << chosen->name << ":\n"
        << "  " << folderName << "/tender.xml   edit the placeholders and the model\n"
        << "  " << folderName << "/bids/        put one XML file per bid here\n"
        << "  " << folderName << "/README.txt   what goes where\n\n"
        << "Next:\n"
        << "  fairtender validate " << folderName << "\n"
        << "  fairtender evaluate " << folderName << "\n";
    return Outcome::success();
}

Outcome runExport(const ParsedArguments& args, const CommandStreams& streams) {
    if (client::looksLikeServer(args.positionals.at(0)))
        return scorecardFromServer(args, streams);
    const auto xlsx = args.option("--xlsx");
    if (!xlsx)
        return Outcome::usage("export", "missing --xlsx OUT.xlsx (the scorecard to write)");
    const std::string folder = folderText(args.positionals.at(0));
    const bool workspace = inputKindOf(folder) == InputKind::Workspace;
    const TenderFolderInputs inputs =
        workspace ? TenderFolderInputs{workspaceFiles(folder), {}} : tenderFolderInputs(folder);
    if (const auto problem = outputPathProblem(*xlsx, inputs.files, inputs.folders))
        return Outcome::failure("export", "cannot write " + *xlsx + ": " + *problem);
    std::string problem;
    const auto odds = oddsOptions(args, problem);
    if (!odds)
        return Outcome::usage("export", problem);
    ScorecardOptions options;
    options.toolVersion = FAIRTENDER_VERSION;
    options.folder = folder;
    // How robust the award is shows once the results are given: always for a folder, for
    // a workspace once they are locked.
    bool weighed = true;
    if (workspace) {
        auto opened = Workspace::open(folder);
        if (!opened.ok())
            return Outcome::invalidFiles("export", opened.diagnostics);
        weighed = resultsGiven(opened.workspace->state());
        ReferenceRates rates = referenceRates();
        auto stored = scorecardInputs(*opened.workspace, rates.get());
        if (!stored.ok())
            return Outcome::failure("export",
                                    stored.problems.front().toString() + "; nothing was written");
        options.storedInputs = std::move(*stored.content);
    }
    FolderRun run;
    if (auto failed = evaluateFolder("export", folder, streams.progress, run))
        return *failed;
    const Diagnostics lint = onlyWarnings(run.evaluation.diagnostics);
    std::optional<AwardSensitivity> sensitivity;
    if (weighed) {
        sensitivity = weighAward(*run.evaluation.folder, *run.evaluation.result, *odds, streams);
        options.sensitivity = &*sensitivity;
    }
    const ExportResult written =
        exportScorecard(*run.evaluation.folder, *run.evaluation.result, lint, options, *xlsx);
    Diagnostics warnings = onlyWarnings(run.diagnostics);
    for (const auto& diagnostic : written.diagnostics)
        if (diagnostic.severity == Severity::Warning)
            warnings.push_back(diagnostic);
    if (!written.ok()) {
        std::string message;
        for (const auto& diagnostic : written.diagnostics)
            if (diagnostic.severity == Severity::Error)
                message = diagnostic.message;
        Outcome outcome = Outcome::failure("export", *xlsx + ": " + message);
        outcome.diagnostics = warnings;
        return outcome;
    }
    streams.out << "Wrote " << *xlsx << ": scorecard of tender " << run.evaluation.result->tenderId
                << ", " << plural(run.evaluation.result->bids.size(), "bid") << ", "
                << plural(written.sheets.size(), "sheet") << "\n";
    return Outcome::success(warnings);
}

} // namespace fairtender::cli
