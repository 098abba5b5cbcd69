#include "cli/CliApp.h"

#include "cli/ArgumentParser.h"
#include "cli/Commands.h"
#include "cli/HelpText.h"
#include "cli/Outcome.h"
#include "cli/PanelScoringCommands.h"
#include "cli/ReportCommands.h"
#include "cli/ServerSessionCommands.h"
#include "cli/WorkspaceCommands.h"

#include <exception>
#include <iostream>
#include <ostream>
#include <unistd.h>

namespace fairtender::cli {

namespace {

using Runner = Outcome (*)(const ParsedArguments&, const CommandStreams&);

struct CommandEntry {
    std::string_view name;
    CommandSyntax (*syntax)();
    Runner run;
};

constexpr CommandEntry kCommands[] = {
    {"validate", validateSyntax, runValidate},
    {"evaluate", evaluateSyntax, runEvaluate},
    {"templates", templatesSyntax, runTemplates},
    {"new", newSyntax, runNew},
    {"export", exportSyntax, runExport},
    {"sensitivity", sensitivitySyntax, runSensitivity},
    {"workspace create", workspaceCreateSyntax, runWorkspaceCreate},
    {"workspace set-tender", workspaceSetTenderSyntax, runWorkspaceSetTender},
    {"workspace import-bids", workspaceImportBidsSyntax, runWorkspaceImportBids},
    {"workspace export", workspaceExportSyntax, runWorkspaceExport},
    {"workspace status", workspaceStatusSyntax, runWorkspaceStatus},
    {"workspace copy", workspaceCopySyntax, runWorkspaceCopy},
    {"workspace grant", workspaceGrantSyntax, runWorkspaceGrant},
    {"verify", verifySyntax, runVerify},
    {"log", logSyntax, runLog},
    {"panel add", panelAddSyntax, runPanelAdd},
    {"panel declare", panelDeclareSyntax, runPanelDeclare},
    {"panel bids", panelBidsSyntax, runPanelBids},
    {"panel todo", panelTodoSyntax, runPanelTodo},
    {"panel sheet", panelSheetSyntax, runPanelSheet},
    {"score", scoreSyntax, runScore},
    {"moderate", moderateSyntax, runModerate},
    {"decide-abnormally-low", decideAbnormallyLowSyntax, runDecideAbnormallyLow},
    {"advance", advanceSyntax, runAdvance},
    {"exclude", excludeSyntax, runExclude},
    {"report", reportSyntax, runReport},
    {"summaries", summariesSyntax, runSummaries},
    {"ocds", ocdsSyntax, runOcds},
    {"login", loginSyntax, runLogin},
    {"logout", logoutSyntax, runLogout},
    {"second-factor", secondFactorSyntax, runSecondFactor},
};

Outcome runHelp(const std::vector<std::string>& rest, std::ostream& out) {
    if (rest.empty()) {
        out << generalHelp();
        return Outcome::success();
    }
    if (rest.size() > 1)
        return Outcome::usage("help", "unexpected argument '" + rest[1] + "'");
    const auto text = commandHelp(rest[0]);
    if (!text)
        return Outcome::usage("help", "unknown command '" + rest[0] + "'");
    out << *text;
    return Outcome::success();
}

Outcome dispatch(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty())
        return Outcome::usage({},
                              "missing command (validate, evaluate, export, templates, new, help)");
    // `workspace` and `panel` take a second word: "panel add" is one command of the table.
    const bool twoWords = (args[0] == "workspace" || args[0] == "panel") && args.size() > 1 &&
                          !args[1].starts_with("-");
    const std::string command = twoWords ? args[0] + " " + args[1] : args[0];
    const std::vector<std::string> rest(args.begin() + (twoWords ? 2 : 1), args.end());
    if (command == "workspace") {
        if (asksForHelp(rest)) {
            out << *commandHelp(command);
            return Outcome::success();
        }
        return Outcome::usage(
            command,
            "missing what to do (create, set-tender, import-bids, export, status, copy, grant)");
    }
    if (command == "panel") {
        if (asksForHelp(rest)) {
            out << *commandHelp(command);
            return Outcome::success();
        }
        return Outcome::usage(command, "missing what to do (add, declare, bids, todo, sheet)");
    }
    if (command == "--help" || command == "-h") {
        out << generalHelp();
        return Outcome::success();
    }
    if (command == "--version") {
        out << versionText() << "\n";
        return Outcome::success();
    }
    if (command == "help") {
        if (asksForHelp(rest)) {
            out << *commandHelp("help");
            return Outcome::success();
        }
        return runHelp(rest, out);
    }
    for (const auto& entry : kCommands) {
        if (entry.name != command)
            continue;
        if (asksForHelp(rest)) {
            out << *commandHelp(command);
            return Outcome::success();
        }
        const ParseResult parsed = parseArguments(rest, entry.syntax());
        if (!parsed.arguments)
            return Outcome::usage(command, parsed.error);
        // Progress only where a person watches: the process's own standard error on a terminal.
        const bool terminal = &err == &std::cerr && ::isatty(STDERR_FILENO) == 1;
        return entry.run(*parsed.arguments, CommandStreams{out, terminal ? &err : nullptr});
    }
    if (command.starts_with("-"))
        return Outcome::usage({}, "unknown option '" + command + "'");
    return Outcome::usage({}, "unknown command '" + command + "'");
}

} // namespace

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Outcome outcome;
    // A fault must still end in a message and an exit code, never an abort; it shares exit
    // code 1 with "could not complete" since scripts only need to know the run failed.
    try {
        outcome = dispatch(args, out, err);
    } catch (const std::exception& e) {
        outcome = Outcome::internalError(e.what());
    } catch (...) {
        outcome = Outcome::internalError("unknown exception");
    }
    // Output cut short (a full disk, a closed pipe) is a failed run, not a success.
    out.flush();
    if (!out && outcome.kind == OutcomeKind::Success)
        outcome = Outcome::failure(
            {}, "cannot write standard output (is the disk full?); what was written is incomplete");
    return finish(outcome, err);
}

} // namespace fairtender::cli
