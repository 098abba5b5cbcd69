#include "cli/ServerSessionCommands.h"

#include "client/ServerConnection.h"
#include "io/json/ResultJson.h"

#include <Poco/JSON/Parser.h>

#include <cstdlib>
#include <iostream>
#include <ostream>
#include <termios.h>
#include <unistd.h>

namespace fairtender::cli {

namespace {

// The password typed at the terminal without echo; nullopt when standard input is not one.
// The next line of standard input, or nullopt at its end.
std::optional<std::string> lineFromStandardInput() {
    std::string line;
    if (!std::getline(std::cin, line))
        return std::nullopt;
    return line;
}

// A line typed at the terminal (echoed); nullopt when standard input is not one.
std::optional<std::string> askLine(const std::string& prompt) {
    if (::isatty(STDIN_FILENO) != 1)
        return std::nullopt;
    std::cerr << prompt << std::flush;
    return lineFromStandardInput();
}

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
    return {{"--password-stdin"},
            {{"--user", "the account to sign in as"},
             {"--code", "the code the authenticator app shows now"}},
            {"URL"}};
}

CommandSyntax secondFactorSyntax() {
    return {{"--password-stdin"}, {}, {"URL"}};
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
    client::SignInResult signedIn =
        client::signIn(*where, user, *password, args.option("--code").value_or(""));
    if (signedIn.secondFactorNeeded) {
        // The code is asked only once the password is known to be right.
        const auto code = args.has("--password-stdin")
                              ? lineFromStandardInput()
                              : askLine("Code from your authenticator app for " + user + ": ");
        if (code && !code->empty())
            signedIn = client::signIn(*where, user, *password, *code);
    }
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

Outcome runSecondFactor(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string command = "second-factor";
    std::string why;
    const auto where = client::parseServerLocation(args.positionals.at(0), why);
    if (!where)
        return Outcome::usage(command, why);
    const auto session = client::savedSession(where->origin());
    if (!session)
        return Outcome::failure(command, "not signed in to " + where->origin() +
                                             ": run fairtender login " + where->origin() +
                                             " first");
    const bool piped = args.has("--password-stdin");
    const auto password =
        piped ? lineFromStandardInput()
              : askPassword("Password for " + session->user + " at " + where->origin() + ": ");
    if (!password || password->empty())
        return Outcome::usage(command, piped ? "no password on standard input"
                                             : "standard input is not a terminal: give "
                                               "--password-stdin and the password, then the "
                                               "code, on standard input");
    const client::ServerReply begun =
        client::callServer(*where, "POST", "/api/v1/accounts/me/second-factor", session->token,
                           "{\"password\":" + jsonQuoted(*password) + "}");
    if (begun.status != 201)
        return Outcome::failure(command, client::problemsOf(begun, *where).front().toString());
    std::string secret;
    std::string uri;
    try {
        Poco::JSON::Parser parser;
        const auto object = parser.parse(begun.body).extract<Poco::JSON::Object::Ptr>();
        secret = object->optValue<std::string>("secret", "");
        uri = object->optValue<std::string>("uri", "");
    } catch (const Poco::Exception&) {
    }
    if (secret.empty())
        return Outcome::failure(command, where->origin() + " gave no secret");
    streams.out << "Add this account to your authenticator app, with the secret\n  " << secret
                << "\nor the address (a QR code of it is what the apps scan)\n  " << uri << "\n"
                << std::flush;
    const auto code =
        piped ? lineFromStandardInput() : askLine("Then type the code the app shows now: ");
    if (!code || code->empty())
        return Outcome::usage(command, "no code given: nothing was enrolled; run it again");
    const client::ServerReply confirmed =
        client::callServer(*where, "PUT", "/api/v1/accounts/me/second-factor", session->token,
                           "{\"code\":" + jsonQuoted(*code) + "}");
    if (confirmed.status != 204)
        return Outcome::failure(command, client::problemsOf(confirmed, *where).front().toString());
    streams.out << "A second factor is enrolled for " << session->user << " at " << where->origin()
                << ": each sign-in now needs the code the app shows (fairtender login URL asks "
                   "for it)\n";
    return Outcome::success();
}

} // namespace fairtender::cli
