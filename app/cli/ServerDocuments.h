// ServerDocuments: what a fairtender-server makes of a tender, fetched as the account signed
// in when a command is given the tender's URL: the ranking (evaluate), and the documents
// (report, export, summaries, ocds), which the server makes from its record once that
// passes verification against its key, and only for the lead and auditors. Here they are
// checked to be what was asked for and written atomically (the summaries all or none), or
// nothing is written.
#pragma once

#include "cli/ArgumentParser.h"
#include "cli/Commands.h"
#include "cli/Outcome.h"

namespace fairtender::cli {

// evaluate URL [--json]: the ranking as the account may see it
Outcome rankingFromServer(const ParsedArguments& args, const CommandStreams& streams);
// report URL --pdf OUT.pdf
Outcome reportFromServer(const ParsedArguments& args, const CommandStreams& streams);
// export URL --xlsx OUT.xlsx
Outcome scorecardFromServer(const ParsedArguments& args, const CommandStreams& streams);
// summaries URL --out DIR: every ranked bid's summary
Outcome summariesFromServer(const ParsedArguments& args, const CommandStreams& streams);
// ocds URL [--out FILE] [--ocid-prefix P] [--report-url URL] [--published DATE]
Outcome ocdsFromServer(const ParsedArguments& args, const CommandStreams& streams);

} // namespace fairtender::cli
