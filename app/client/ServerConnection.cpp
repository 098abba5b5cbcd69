#include "client/ServerConnection.h"

#include "io/json/ResultJson.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace fairtender::client {

namespace fs = std::filesystem;

std::string ServerLocation::origin() const {
    return std::string(tls ? "https" : "http") + "://" + host + ":" + std::to_string(port);
}

bool looksLikeServer(const std::string& text) {
    return text.starts_with("http://") || text.starts_with("https://");
}

std::optional<ServerLocation> parseServerLocation(const std::string& text, std::string& why) {
    ServerLocation where;
    std::string rest;
    if (text.starts_with("https://")) {
        where.tls = true;
        rest = text.substr(8);
    } else if (text.starts_with("http://")) {
        rest = text.substr(7);
    } else {
        why = text + " is not a server: give http://HOST:PORT or https://HOST:PORT";
        return std::nullopt;
    }
    const auto slash = rest.find('/');
    const std::string authority = rest.substr(0, slash);
    std::string path = slash == std::string::npos ? "" : rest.substr(slash);
    while (path.ends_with("/"))
        path.pop_back();
    const auto colon = authority.rfind(':');
    where.host = authority.substr(0, colon);
    where.port = where.tls ? 443 : 80;
    if (colon != std::string::npos) {
        const std::string digits = authority.substr(colon + 1);
        int port = 0;
        bool numeric = !digits.empty() && digits.size() <= 5;
        for (const char c : digits)
            numeric = numeric && c >= '0' && c <= '9';
        if (numeric)
            port = std::stoi(digits);
        if (!numeric || port < 1 || port > 65535) {
            why = text + ": the port must be a number from 1 to 65535";
            return std::nullopt;
        }
        where.port = static_cast<std::uint16_t>(port);
    }
    if (where.host.empty() || where.host.find_first_of("@?#[] ") != std::string::npos) {
        why = text + ": there is no host name in it";
        return std::nullopt;
    }
    if (path.empty() || path == "/api/v1")
        return where;
    const std::string prefix = "/api/v1/tenders/";
    if (path.starts_with(prefix) && path.size() > prefix.size() &&
        path.find('/', prefix.size()) == std::string::npos) {
        where.tender = path.substr(prefix.size());
        return where;
    }
    why = text + " is not a server or one of its tenders: give https://HOST:PORT or "
                 "https://HOST:PORT/api/v1/tenders/NAME";
    return std::nullopt;
}

namespace {

Poco::Net::Context::Ptr clientContext() {
    static std::once_flag once;
    static Poco::Net::Context::Ptr context;
    std::call_once(once, [] {
        Poco::Net::initializeSSL();
        const char* caFile = std::getenv("FAIRTENDER_CA_FILE");
        context =
            new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", caFile ? caFile : "",
                                   Poco::Net::Context::VERIFY_RELAXED, 9, caFile == nullptr);
        context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
    });
    return context;
}

} // namespace

ServerReply callServer(const ServerLocation& where, const std::string& method,
                       const std::string& path, const std::string& token, const std::string& body,
                       int timeoutSeconds) {
    ServerReply reply;
    try {
        std::unique_ptr<Poco::Net::HTTPClientSession> session;
        if (where.tls)
            session = std::make_unique<Poco::Net::HTTPSClientSession>(where.host, where.port,
                                                                      clientContext());
        else
            session = std::make_unique<Poco::Net::HTTPClientSession>(where.host, where.port);
        session->setTimeout(Poco::Timespan(timeoutSeconds, 0));
        Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        if (!token.empty())
            request.set("Authorization", "Bearer " + token);
        if (!body.empty()) {
            request.setContentType("application/json");
            request.setContentLength(static_cast<std::streamsize>(body.size()));
        } else if (method == "POST" || method == "PUT" || method == "PATCH") {
            request.setContentLength(0);
        }
        session->sendRequest(request) << body;
        Poco::Net::HTTPResponse response;
        std::istream& in = session->receiveResponse(response);
        reply.status = static_cast<int>(response.getStatus());
        Poco::StreamCopier::copyToString(in, reply.body);
        for (const auto& [name, value] : response)
            reply.headers[name] = value;
    } catch (const Poco::Exception& e) {
        reply.status = 0;
        reply.body = "cannot reach " + where.origin() + ": " + e.displayText();
    } catch (const std::exception& e) {
        reply.status = 0;
        reply.body = "cannot reach " + where.origin() + ": " + e.what();
    }
    return reply;
}

std::string urlEncoded(const std::string& text) {
    std::string out;
    Poco::URI::encode(text, "&=?#+/ ", out);
    return out;
}

Diagnostics problemsOf(const ServerReply& reply, const ServerLocation& where) {
    const auto plain = [&](std::string message) {
        return Diagnostics{errorAt({where.origin(), 0, 0}, std::move(message))};
    };
    if (reply.status == 0)
        return plain(reply.body);
    try {
        Poco::JSON::Parser parser;
        const auto object = parser.parse(reply.body).extract<Poco::JSON::Object::Ptr>();
        Diagnostics problems;
        if (const auto details = object->getArray("details"))
            for (std::size_t i = 0; i < details->size(); ++i) {
                const auto item = details->getObject(static_cast<unsigned>(i));
                if (!item)
                    continue;
                Diagnostic d = errorAt({}, item->optValue<std::string>("message", ""));
                d.severity = item->optValue<std::string>("severity", "error") == "warning"
                                 ? Severity::Warning
                                 : Severity::Error;
                d.code = item->optValue<std::string>("code", "");
                d.where.file = item->optValue<std::string>("file", "");
                d.where.line = item->optValue<int>("line", 0);
                d.where.column = item->optValue<int>("column", 0);
                problems.push_back(std::move(d));
            }
        if (problems.empty()) {
            Diagnostic d = errorAt({}, object->optValue<std::string>("message", "refused"));
            d.code = object->optValue<std::string>("code", "");
            problems.push_back(std::move(d));
        }
        // A refusal is located at the tender (or server) asked, as a workspace's are at its
        // file; a problem in an uploaded file keeps that file's line and column.
        const std::string asked =
            where.origin() + (where.tender.empty() ? "" : "/api/v1/tenders/" + where.tender);
        for (auto& d : problems) {
            if (d.where.file.empty())
                d.where.file = asked;
            if (d.code == "auth.no-session")
                d.message += ": sign in again with fairtender login " + where.origin();
        }
        return problems;
    } catch (const Poco::Exception&) {
        return plain(where.origin() + " answered " + std::to_string(reply.status) +
                     " without saying why: is it a fairtender-server?");
    }
}

fs::path sessionsFile() {
    if (const char* config = std::getenv("XDG_CONFIG_HOME"); config && *config)
        return fs::path(config) / "fairtender" / "sessions";
    const char* home = std::getenv("HOME");
    return fs::path(home ? home : ".") / ".config" / "fairtender" / "sessions";
}

namespace {

// origin -> session, as the file holds them: one "ORIGIN USER TOKEN" line each.
std::map<std::string, SavedSession> readSessions() {
    std::map<std::string, SavedSession> sessions;
    std::ifstream in(sessionsFile());
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string origin;
        SavedSession session;
        if (words >> origin >> session.user >> session.token)
            sessions[origin] = session;
    }
    return sessions;
}

} // namespace

std::optional<SavedSession> savedSession(const std::string& origin) {
    const auto sessions = readSessions();
    const auto found = sessions.find(origin);
    if (found == sessions.end())
        return std::nullopt;
    return found->second;
}

std::optional<std::string> keepSession(const std::string& origin,
                                       const std::optional<SavedSession>& session) {
    auto sessions = readSessions();
    if (session)
        sessions[origin] = *session;
    else
        sessions.erase(origin);
    std::string text;
    for (const auto& [where, kept] : sessions)
        text += where + " " + kept.user + " " + kept.token + "\n";
    const fs::path file = sessionsFile();
    std::error_code error;
    fs::create_directories(file.parent_path(), error);
    if (error)
        return "cannot create " + file.parent_path().string() + ": " + error.message();
    ::chmod(file.parent_path().c_str(), 0700);
    // Written beside the file with mode 0600 from its creation, then renamed over it: the
    // tokens are never readable by anyone else, and a crash leaves the old file whole.
    const fs::path temporary = file.string() + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return "cannot write " + temporary.string();
    const bool written =
        ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
        ::fsync(fd) == 0;
    ::close(fd);
    if (!written || ::rename(temporary.c_str(), file.c_str()) != 0) {
        ::unlink(temporary.c_str());
        return "cannot write " + file.string();
    }
    return std::nullopt;
}

namespace {

Poco::JSON::Object::Ptr jsonObjectOf(const std::string& body) {
    try {
        Poco::JSON::Parser parser;
        return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
        return nullptr;
    }
}

} // namespace

SignInResult signIn(const ServerLocation& where, const std::string& user,
                    const std::string& password, const std::string& code) {
    SignInResult result;
    const ServerReply reply =
        callServer(where, "POST", "/api/v1/sessions", "",
                   "{\"user\":" + jsonQuoted(user) + ",\"password\":" + jsonQuoted(password) +
                       (code.empty() ? "" : ",\"code\":" + jsonQuoted(code)) + "}");
    if (reply.status != 201) {
        result.problems = problemsOf(reply, where);
        result.secondFactorNeeded = code.empty() && !result.problems.empty() &&
                                    result.problems.front().code == "sign-in.second-factor";
        if (result.problems.empty())
            result.problems.push_back(errorAt({}, where.origin() + " refused the sign-in"));
        return result;
    }
    const auto object = jsonObjectOf(reply.body);
    const std::string token = object ? object->optValue<std::string>("token", "") : "";
    if (token.empty()) {
        result.problems.push_back(errorAt({}, where.origin() + " gave no session token"));
        return result;
    }
    if (const auto account = object->getObject("account"))
        result.mustChangePassword = account->optValue<bool>("mustChangePassword", false);
    result.session = SavedSession{user, token};
    return result;
}

bool signOut(const ServerLocation& where, const std::string& token) {
    // Short: a person signing out or quitting does not wait on a server that is gone.
    const ServerReply reply = callServer(where, "DELETE", "/api/v1/sessions/current", token, "", 5);
    return reply.status == 204 || reply.status == 401;
}

std::optional<std::vector<TenderListing>>
listTenders(const ServerLocation& where, const std::string& token, Diagnostics& problems) {
    const ServerReply reply = callServer(where, "GET", "/api/v1/tenders", token);
    if (reply.status != 200) {
        problems = problemsOf(reply, where);
        return std::nullopt;
    }
    const auto object = jsonObjectOf(reply.body);
    const auto array = object ? object->getArray("tenders") : nullptr;
    if (!array) {
        problems.push_back(errorAt({}, where.origin() + " sent a list of tenders this version "
                                                        "cannot read"));
        return std::nullopt;
    }
    std::vector<TenderListing> tenders;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto item = array->getObject(static_cast<unsigned>(i));
        if (!item)
            continue;
        TenderListing tender;
        tender.name = item->optValue<std::string>("name", "");
        tender.tenderId = item->optValue<std::string>("tenderId", "");
        tender.title = item->optValue<std::string>("title", "");
        tender.stage = item->optValue<std::string>("stage", "");
        if (const auto roles = item->getArray("roles"))
            for (std::size_t r = 0; r < roles->size(); ++r)
                tender.roles.push_back(roles->getElement<std::string>(static_cast<unsigned>(r)));
        tenders.push_back(std::move(tender));
    }
    return tenders;
}

} // namespace fairtender::client
