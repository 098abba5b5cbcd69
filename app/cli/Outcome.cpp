#include "cli/Outcome.h"

#include <array>
#include <ostream>
#include <string_view>
#include <utility>

namespace fairtender::cli {

namespace {

// The commands that write to a workspace: refused, they leave it as it was.
bool changesAWorkspace(std::string_view command) {
    constexpr std::array<std::string_view, 12> kWriting{"workspace create",
                                                        "workspace set-tender",
                                                        "workspace import-bids",
                                                        "workspace copy",
                                                        "panel add",
                                                        "panel declare",
                                                        "score",
                                                        "moderate",
                                                        "decide-abnormally-low",
                                                        "advance",
                                                        "exclude",
                                                        "sensitivity --record"};
    for (const auto name : kWriting)
        if (name == command)
            return true;
    return false;
}

// The command line's how-to for a problem the engine names by its code: the one place where
// the engine's problems meet this front end's commands and options.
std::string_view howTo(std::string_view code) {
    static constexpr std::pair<std::string_view, std::string_view> kHowTo[] = {
        {"workspace.no-actor", "give your name with --as NAME"},
        {"workspace.busy", "run the command again"},
        {"import-bids.draft",
         "the lead opens it with: fairtender advance WS.ftw --to open --reason TEXT --as NAME"},
        {"score.undeclared", "declare first: fairtender panel declare WS.ftw (--none | --conflict "
                             "BID --details TEXT) --as NAME"},
        {"declare.not-on-panel",
         "the lead adds you with: fairtender panel add WS.ftw NAME --role ROLE --as LEAD"},
        {"advance.no-lead", "add one with: fairtender panel add WS.ftw NAME --role lead --as NAME"},
        {"award.notice-date-missing", "give it with --date YYYY-MM-DD"},
        {"documents.not-locked",
         "the lead locks them with: fairtender advance WS.ftw --to locked --reason TEXT --as NAME"},
    };
    for (const auto& [known, text] : kHowTo)
        if (known == code)
            return text;
    return {};
}

} // namespace

Outcome Outcome::success(Diagnostics warnings) {
    return Outcome{OutcomeKind::Success, {}, {}, std::move(warnings)};
}

Outcome Outcome::usage(std::string command, std::string message) {
    return Outcome{OutcomeKind::Usage, std::move(command), {std::move(message)}, {}};
}

Outcome Outcome::failure(std::string command, std::string message) {
    return Outcome{OutcomeKind::Failure, std::move(command), {std::move(message)}, {}};
}

Outcome Outcome::invalidFiles(std::string command, Diagnostics diagnostics) {
    return Outcome{OutcomeKind::InvalidFiles, std::move(command), {}, std::move(diagnostics)};
}

Outcome Outcome::internalError(std::string what) {
    return Outcome{OutcomeKind::InternalError, {}, {std::move(what)}, {}};
}

int exitCode(OutcomeKind kind) {
    switch (kind) {
    case OutcomeKind::Success:
        return 0;
    case OutcomeKind::InvalidFiles:
        return 1;
    case OutcomeKind::Failure:
        return 1;
    case OutcomeKind::Usage:
        return 2;
    case OutcomeKind::InternalError:
        return 1;
    }
    return 1;
}

int finish(const Outcome& outcome, std::ostream& err) {
    for (const auto& diagnostic : outcome.diagnostics) {
        err << diagnostic.toString() << '\n';
        if (const auto text = howTo(diagnostic.code); !text.empty())
            err << "  to do: " << text << '\n';
    }

    const std::string prefix =
        outcome.command.empty() ? "fairtender: " : "fairtender " + outcome.command + ": ";
    switch (outcome.kind) {
    case OutcomeKind::Success:
        break;
    case OutcomeKind::InvalidFiles: {
        std::size_t errors = 0;
        for (const auto& diagnostic : outcome.diagnostics)
            errors += diagnostic.severity == Severity::Error ? 1 : 0;
        err << prefix << errors << (errors == 1 ? " error" : " errors")
            << (changesAWorkspace(outcome.command) ? " found; nothing was changed\n"
                                                   : " found; nothing was evaluated\n");
        break;
    }
    case OutcomeKind::Failure:
        for (const auto& message : outcome.messages)
            err << prefix << message << '\n';
        break;
    case OutcomeKind::Usage:
        for (const auto& message : outcome.messages)
            err << prefix << message << '\n';
        err << "Try 'fairtender " << (outcome.command.empty() ? "" : outcome.command + " ")
            << "--help'.\n";
        break;
    case OutcomeKind::InternalError:
        for (const auto& message : outcome.messages)
            err << "fairtender: internal error: " << message << '\n';
        err << "This is a fault in fairtender, not in your files. Please report it with the "
               "command you ran.\n";
        break;
    }
    return exitCode(outcome.kind);
}

} // namespace fairtender::cli
