// ServerSessionCommands: signing in to a fairtender-server and out again. `login` keeps the
// session's token in the user's configuration folder (mode 0600), so that the panel
// commands then work on the server's tenders as the account signed in.
#pragma once

#include "cli/ArgumentParser.h"
#include "cli/Commands.h"
#include "cli/Outcome.h"

namespace fairtender::cli {

CommandSyntax loginSyntax();
CommandSyntax logoutSyntax();

// login URL [--user NAME] [--password-stdin]: the password asked on the terminal (not
// echoed) or read from standard input.
Outcome runLogin(const ParsedArguments& args, const CommandStreams& streams);
// logout URL: the session ended on the server and forgotten here.
Outcome runLogout(const ParsedArguments& args, const CommandStreams& streams);

} // namespace fairtender::cli
