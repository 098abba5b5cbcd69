// Commands: what each `fairtender` command does once its arguments are parsed. Each
// writes its results to `out` and returns an Outcome; CliApp turns the outcome into the
// exit code and the text on standard error.
#pragma once

#include "cli/ArgumentParser.h"
#include "cli/Outcome.h"
#include "core/Diagnostic.h"
#include "io/xml/ReferenceData.h"

#include <iosfwd>
#include <optional>
#include <string>

namespace fairtender {
struct CommandOutcome;
}

namespace fairtender::cli {

// The living wage table beside the templates; a missing or broken file adds a warning and
// gives nullopt (only a tender that gives its rate by date then fails to read).
std::optional<LivingWageTable> loadReferenceRates(Diagnostics& warnings);

// The reference rates with their warnings, for commands that read a tender.
struct ReferenceRates {
    std::optional<LivingWageTable> table;
    Diagnostics warnings;
    const LivingWageTable* get() const { return table ? &*table : nullptr; }
};
ReferenceRates referenceRates();

// Who is acting (--as NAME), for the commands that change a workspace; nullopt when it is
// not given or empty, and missingActor(command) is then the usage error to return.
std::optional<std::string> actorOf(const ParsedArguments& args);
Outcome missingActor(const std::string& command);

// The syntax of each command, for parseArguments.
CommandSyntax validateSyntax();
CommandSyntax evaluateSyntax();
CommandSyntax templatesSyntax();
CommandSyntax newSyntax();
CommandSyntax exportSyntax();
CommandSyntax sensitivitySyntax();

// Where a command writes: its results, and (when standard error is a terminal) a transient
// progress line for folders large enough to take a while; nullptr for none.
struct CommandStreams {
    std::ostream& out;
    std::ostream* progress = nullptr;
};

// How a workspace command ends: its refusal, or its one-line summary on `out` and success
// with `warnings`.
Outcome finishCommand(const std::string& command, const CommandOutcome& done,
                      const CommandStreams& streams, const Diagnostics& warnings = {});

// validate FOLDER: a one-line summary on `out` if valid; errors leave `out` empty.
Outcome runValidate(const ParsedArguments& args, const CommandStreams& streams);
// evaluate FOLDER [--json] [--explain BID]: a table, a JSON document or one bid's derivation.
Outcome runEvaluate(const ParsedArguments& args, const CommandStreams& streams);
// templates: every template with its title and summary.
Outcome runTemplates(const ParsedArguments& args, const CommandStreams& streams);
// new --template NAME FOLDER: a new tender folder; never overwrites.
Outcome runNew(const ParsedArguments& args, const CommandStreams& streams);
// export FOLDER --xlsx OUT.xlsx: the scorecard workbook; an invalid folder writes nothing.
Outcome runExport(const ParsedArguments& args, const CommandStreams& streams);
// sensitivity FOLDER|WS [--json] [--samples N] [--seed S]: how robust the winner is.
Outcome runSensitivity(const ParsedArguments& args, const CommandStreams& streams);

} // namespace fairtender::cli
