// ServerConnection: the client's side of fairtender-server's API. A server location
// ("https://host:port", or a tender on it: ".../api/v1/tenders/NAME"), one request and its
// reply over HTTP or HTTPS (the server's certificate checked against the system's
// authorities, or FAIRTENDER_CA_FILE), the sessions kept between commands in the user's
// configuration folder (mode 0600), and a refusal read back as the engine's diagnostics.
#pragma once

#include "core/Diagnostic.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fairtender::client {

struct ServerLocation {
    bool tls = false;
    std::string host;
    std::uint16_t port = 0;
    std::string tender; // empty when the location is the server itself

    // "https://host:port": what a session is kept under.
    std::string origin() const;
};

// True when `text` names a server rather than a file or a postgresql:// tender.
bool looksLikeServer(const std::string& text);

// The server (and tender) `text` names: "http[s]://HOST[:PORT][/api/v1[/tenders/NAME]]";
// nullopt with `why` for anything else.
std::optional<ServerLocation> parseServerLocation(const std::string& text, std::string& why);

struct ServerReply {
    int status = 0; // 0: no answer, `body` says why
    std::string body;
    std::map<std::string, std::string> headers;
};

// One request to the server at `where` with the bearer `token` (none when empty); `body` is
// sent as JSON. Never throws: a server that cannot be reached, or that has not answered
// within `timeoutSeconds`, is status 0.
ServerReply callServer(const ServerLocation& where, const std::string& method,
                       const std::string& path, const std::string& token = "",
                       const std::string& body = "", int timeoutSeconds = 300);

// `text` as one path segment or query value: '&', '=', '?', '#', '+', '/' and spaces escaped.
std::string urlEncoded(const std::string& text);

// What a refusal (or an unreachable server) says, as diagnostics with the server's codes
// and file:line:column.
Diagnostics problemsOf(const ServerReply& reply, const ServerLocation& where);

// A session kept for one server: who signed in and the token.
struct SavedSession {
    std::string user;
    std::string token;
};

// $XDG_CONFIG_HOME/fairtender/sessions, or ~/.config/fairtender/sessions.
std::filesystem::path sessionsFile();
std::optional<SavedSession> savedSession(const std::string& origin);
// Keeps (or, with nullopt, forgets) the session for `origin`; the file is written whole and
// readable by its owner only. Gives why it could not, or nullopt.
std::optional<std::string> keepSession(const std::string& origin,
                                       const std::optional<SavedSession>& session);

// What a sign-in gave: the session, or why not in `problems`. `mustChangePassword` when an
// administrator set the password: the account chooses its own before anything else.
struct SignInResult {
    std::optional<SavedSession> session;
    bool mustChangePassword = false;
    bool secondFactorNeeded = false;
    Diagnostics problems;
};

// POST /api/v1/sessions as `user`, with the authenticator app's `code` once the account has
// a second factor; the token stays with the caller (nothing is written). `secondFactorNeeded`
// when the server asked for a code that was not given.
SignInResult signIn(const ServerLocation& where, const std::string& user,
                    const std::string& password, const std::string& code = {});

// Ends the session `token` on the server; false when the server did not answer that it has
// (the session then ends when it times out).
bool signOut(const ServerLocation& where, const std::string& token);

// A tender the account is on, as GET /api/v1/tenders lists it.
struct TenderListing {
    std::string name; // the tender's name on the server (its URL's last segment)
    std::string tenderId;
    std::string title;
    std::string stage;
    std::vector<std::string> roles;
};

// The tenders the session's account is on; nullopt with why in `problems`.
std::optional<std::vector<TenderListing>>
listTenders(const ServerLocation& where, const std::string& token, Diagnostics& problems);

} // namespace fairtender::client
