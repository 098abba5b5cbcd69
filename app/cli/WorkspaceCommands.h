// WorkspaceCommands: the commands over a tender workspace (*.ftw): create one from a
// folder, replace its tender while it is a draft, import bid files while it is open,
// export it back, show its status, verify its audit trail and print the trail.
#pragma once

#include "cli/ArgumentParser.h"
#include "cli/Commands.h"
#include "cli/Outcome.h"
#include "pipeline/FolderEvaluation.h"

#include <string>

namespace fairtender::cli {

CommandSyntax workspaceCreateSyntax();
CommandSyntax workspaceExportSyntax();
CommandSyntax workspaceSetTenderSyntax();
CommandSyntax workspaceImportBidsSyntax();
CommandSyntax workspaceStatusSyntax();
CommandSyntax workspaceCopySyntax();
CommandSyntax workspaceGrantSyntax();
CommandSyntax verifySyntax();
CommandSyntax logSyntax();

// workspace create FOLDER WS.ftw --as NAME: all of the folder or nothing.
Outcome runWorkspaceCreate(const ParsedArguments& args, const CommandStreams& streams);
// workspace set-tender WS.ftw FILE --as NAME --why TEXT: in draft, FILE becomes the tender.
Outcome runWorkspaceSetTender(const ParsedArguments& args, const CommandStreams& streams);
// workspace import-bids WS.ftw FILE... --as NAME: while open, the bid files (a folder: its
// *.xml files), all or none.
Outcome runWorkspaceImportBids(const ParsedArguments& args, const CommandStreams& streams);
// workspace export WS.ftw FOLDER: a tender folder that evaluates exactly as the workspace.
Outcome runWorkspaceExport(const ParsedArguments& args, const CommandStreams& streams);
// workspace copy WS DEST: every record and the audit log into a new workspace (a file or a
// postgresql:// tender), which must verify with the source's head hash.
Outcome runWorkspaceCopy(const ParsedArguments& args, const CommandStreams& streams);
// workspace grant WS ROLE: PostgreSQL only; the team's role may read and add, not change.
Outcome runWorkspaceGrant(const ParsedArguments& args, const CommandStreams& streams);
// workspace status WS.ftw: tender, state, counts and the audit log's head hash.
Outcome runWorkspaceStatus(const ParsedArguments& args, const CommandStreams& streams);
// verify WS.ftw: success only when the chain, the stored rows and the results all hold.
Outcome runVerify(const ParsedArguments& args, const CommandStreams& streams);
// log WS.ftw [--bid B] [--who NAME]: the audit trail, oldest first.
Outcome runLog(const ParsedArguments& args, const CommandStreams& streams);

// The workspace file evaluated as a folder would be; open errors land in diagnostics.
FolderEvaluation evaluateWorkspaceFile(const std::string& file, const LivingWageTable* rates);

} // namespace fairtender::cli
