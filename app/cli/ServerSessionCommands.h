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
CommandSyntax secondFactorSyntax();

// login URL [--user NAME] [--password-stdin] [--code CODE]: the password asked on the
// terminal (not echoed) or read from standard input, and for an account with a second
// factor the app's code (--code, asked, or the next line of standard input).
Outcome runLogin(const ParsedArguments& args, const CommandStreams& streams);
// logout URL: the session ended on the server and forgotten here.
Outcome runLogout(const ParsedArguments& args, const CommandStreams& streams);
// second-factor URL [--password-stdin]: enrols an authenticator app for the account signed
// in: the password again, the secret to add to the app, then a code it shows to confirm.
Outcome runSecondFactor(const ParsedArguments& args, const CommandStreams& streams);

} // namespace fairtender::cli
