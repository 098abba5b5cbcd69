// ReportCommands: the documents made from a locked or awarded workspace: the award report
// (PDF), one assessment summary per supplier (PDF) and the OCDS release package (JSON).
#pragma once

#include "cli/ArgumentParser.h"
#include "cli/Commands.h"
#include "cli/Outcome.h"

namespace fairtender::cli {

CommandSyntax reportSyntax();
CommandSyntax summariesSyntax();
CommandSyntax ocdsSyntax();

// report WS.ftw --pdf OUT.pdf: the award report; nothing is written on any problem.
Outcome runReport(const ParsedArguments& args, const CommandStreams& streams);
// summaries WS.ftw --out DIR: every supplier's summary, all written or none.
Outcome runSummaries(const ParsedArguments& args, const CommandStreams& streams);
// ocds WS.ftw [--out FILE] [--ocid-prefix P] [--published DATE]: the release package.
Outcome runOcds(const ParsedArguments& args, const CommandStreams& streams);

} // namespace fairtender::cli
