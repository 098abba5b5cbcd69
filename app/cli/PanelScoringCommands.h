// PanelScoringCommands: the panel's commands over a workspace: panel add|declare|bids,
// score, moderate, decide-abnormally-low, advance and exclude. Each acts as --as NAME, writes its
// audit entries in one transaction and ends with exit 1 and what is missing when the
// rules refuse it.
#pragma once

#include "cli/ArgumentParser.h"
#include "cli/Commands.h"
#include "cli/Outcome.h"

namespace fairtender::cli {

CommandSyntax panelAddSyntax();
CommandSyntax panelDeclareSyntax();
CommandSyntax panelBidsSyntax();
CommandSyntax panelTodoSyntax();
CommandSyntax panelSheetSyntax();
CommandSyntax scoreSyntax();
CommandSyntax moderateSyntax();
CommandSyntax decideAbnormallyLowSyntax();
CommandSyntax advanceSyntax();
CommandSyntax excludeSyntax();

// panel sheet WS.ftw --for NAME --xlsx FILE [--anonymous]: that evaluator's score sheet.
Outcome runPanelSheet(const ParsedArguments& args, const CommandStreams& streams);
// panel todo WS.ftw --as NAME: what that person has left to do at the current stage.
Outcome runPanelTodo(const ParsedArguments& args, const CommandStreams& streams);
// panel add WS.ftw NAME --role ROLE --as NAME: a person joins the panel.
Outcome runPanelAdd(const ParsedArguments& args, const CommandStreams& streams);
// panel declare WS.ftw --as NAME (--none | --conflict BID --details TEXT).
Outcome runPanelDeclare(const ParsedArguments& args, const CommandStreams& streams);
// panel bids WS.ftw --as NAME [--anonymous]: the bids as that person may see them now.
Outcome runPanelBids(const ParsedArguments& args, const CommandStreams& streams);
// score WS.ftw: submit (--bid --criterion --value --reason), --reopen (lead, --evaluator) or
// --show the scores the person may read.
Outcome runScore(const ParsedArguments& args, const CommandStreams& streams);
// moderate WS.ftw: without --bid the agenda, spreads over the threshold first; with --bid,
// --criterion, --value and --reason a consensus (--why when it replaces one).
Outcome runModerate(const ParsedArguments& args, const CommandStreams& streams);
// decide-abnormally-low WS.ftw --bid B (--accept | --reject) --reason TEXT --as NAME.
Outcome runDecideAbnormallyLow(const ParsedArguments& args, const CommandStreams& streams);
// advance WS.ftw --to STATE --reason TEXT --as NAME [--date YYYY-MM-DD].
Outcome runAdvance(const ParsedArguments& args, const CommandStreams& streams);
// exclude WS.ftw --bid B --why TEXT --as NAME [--date YYYY-MM-DD]: once locked.
Outcome runExclude(const ParsedArguments& args, const CommandStreams& streams);

} // namespace fairtender::cli
