#include "cli/ServerSessionCommands.h"

#include "client/ServerConnection.h"

#include <cstdlib>
#include <iostream>
#include <ostream>
#include <termios.h>
#include <unistd.h>

namespace fairtender::cli {

namespace {

// The password typed at the terminal without echo; nullopt when standard input is not one.
std::optional<std::string> askPassword(const std::string& prompt) {
    if (::isatty(STDIN_FILENO) != 1)
        return std::nullopt;
    std::cerr << prompt << std::flush;
    termios before{};
    ::tcgetattr(STDIN_FILENO, &before);
    termios quiet = before;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::string password;
    std::getline(std::cin, password);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &before);
    std::cerr << "\n";
    return password;
}

} // namespace

CommandSyntax loginSyntax() {
    return {{"--password-stdin"}, {{"--user", "the account to sign in as"}}, {"URL"}};
}

CommandSyntax logoutSyntax() {
    return {{}, {}, {"URL"}};
}

Outcome runLogin(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string command = "login";
    std::string why;
    const auto where = client::parseServerLocation(args.positionals.at(0), why);
    if (!where)
        return Outcome::usage(command, why);
    std::string user = args.option("--user").value_or("");
    if (user.empty())
        if (const char* login = std::getenv("USER"))
            user = login;
    if (user.empty())
        return Outcome::usage(command, "missing --user NAME (the account to sign in as)");
    std::optional<std::string> password;
    if (args.has("--password-stdin")) {
        std::string line;
        if (std::getline(std::cin, line))
            password = line;
    } else {
        password = askPassword("Password for " + user + " at " + where->origin() + ": ");
        if (!password)
            return Outcome::usage(command, "standard input is not a terminal: give "
                                           "--password-stdin and the password on standard input");
    }
    if (!password || password->empty())
        return Outcome::usage(command, "no password given");
    const client::SignInResult signedIn = client::signIn(*where, user, *password);
    if (!signedIn.session)
        return Outcome::failure(command, signedIn.problems.front().toString());
    const bool mustChange = signedIn.mustChangePassword;
    if (const auto problem = client::keepSession(where->origin(), signedIn.session))
        return Outcome::failure(command, *problem);
    streams.out << "Signed in to " << where->origin() << " as " << user
                << "; the session is kept in " << client::sessionsFile().string() << "\n";
    if (mustChange)
        streams.out << "The password of " << user
                    << " was set by an administrator: choose your own before anything else "
                       "(PUT /api/v1/accounts/me/password)\n";
    return Outcome::success();
}

Outcome runLogout(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string command = "logout";
    std::string why;
    const auto where = client::parseServerLocation(args.positionals.at(0), why);
    if (!where)
        return Outcome::usage(command, why);
    const auto session = client::savedSession(where->origin());
    if (!session) {
        streams.out << "Not signed in to " << where->origin() << "\n";
        return Outcome::success();
    }
    const bool ended = client::signOut(*where, session->token);
    if (const auto problem = client::keepSession(where->origin(), std::nullopt))
        return Outcome::failure(command, *problem);
    streams.out << "Signed " << session->user << " out of " << where->origin()
                << (ended ? ""
                          : " (here only: the server did not answer, so the session ends when it "
                            "times out)")
                << "\n";
    return Outcome::success();
}

} // namespace fairtender::cli
