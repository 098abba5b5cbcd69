// ServerUnderTest: a real fairtender-server process on a loopback port of its own, with its
// data in a scratch folder (or a PostgreSQL database), and an HTTP client for it (Poco's,
// over a real socket). Started with `init` and then served; stopped with SIGTERM.
#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#ifndef FAIRTENDER_SERVER_EXECUTABLE
#error "FAIRTENDER_SERVER_EXECUTABLE must name the fairtender-server binary"
#endif

namespace fairtender::testing {

struct HttpReply {
    int status = 0;
    std::string body;
    std::map<std::string, std::string> headers;

    Poco::JSON::Object::Ptr json() const {
        Poco::JSON::Parser parser;
        return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
    }
    std::string text(const std::string& key) const { return json()->getValue<std::string>(key); }
};

// One request over a new connection to 127.0.0.1:`port`, over TLS when `tls` (any
// certificate taken: the test's proxy has a self-signed one).
inline HttpReply httpCall(std::uint16_t port, const std::string& method, const std::string& path,
                          const std::string& token = "", const std::string& body = "",
                          bool tls = false,
                          const std::map<std::string, std::string>& headers = {}) {
    static const Poco::Net::Context::Ptr context = new Poco::Net::Context(
        Poco::Net::Context::TLS_CLIENT_USE, "", "", "", Poco::Net::Context::VERIFY_NONE);
    std::unique_ptr<Poco::Net::HTTPClientSession> connection;
    if (tls)
        connection = std::make_unique<Poco::Net::HTTPSClientSession>("127.0.0.1", port, context);
    else
        connection = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", port);
    Poco::Net::HTTPClientSession& session = *connection;
    session.setTimeout(Poco::Timespan(120, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!token.empty())
        request.set("Authorization", "Bearer " + token);
    for (const auto& [name, value] : headers)
        request.set(name, value);
    if (!body.empty()) {
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(body.size()));
    } else if (method == "POST" || method == "PUT" || method == "PATCH") {
        request.setContentLength(0);
    }
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    HttpReply reply;
    reply.status = static_cast<int>(response.getStatus());
    Poco::StreamCopier::copyToString(in, reply.body);
    for (const auto& [name, value] : response)
        reply.headers[name] = value;
    return reply;
}

// The first line of `command`'s standard output (it keeps running); its pid in `pid`.
inline std::string spawnReadingFirstLine(const std::vector<std::string>& args, pid_t& pid,
                                         const std::filesystem::path& errFile) {
    int fds[2];
    if (::pipe(fds) != 0)
        throw std::runtime_error("pipe");
    pid = ::fork();
    if (pid == 0) {
        ::dup2(fds[1], 1);
        const int err = ::open(errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(err, 2);
        ::close(fds[0]);
        std::vector<char*> argv;
        for (const auto& a : args)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    std::string line;
    char c = 0;
    while (::read(fds[0], &c, 1) == 1 && c != '\n')
        line += c;
    ::close(fds[0]);
    return line;
}

class ServerUnderTest {
public:
    // `store`: a folder (--data) or a postgresql:// URI (--database).
    // `signingKey`: the key file, when instances share one (default: one in `scratch`).
    explicit ServerUnderTest(const std::string& store, const std::filesystem::path& scratch,
                             const std::filesystem::path& signingKey = {})
        : store_(store), scratch_(scratch),
          signingKey_(signingKey.empty() ? scratch / "signing-key" : signingKey) {}
    ~ServerUnderTest() { stop(); }
    ServerUnderTest(const ServerUnderTest&) = delete;
    ServerUnderTest& operator=(const ServerUnderTest&) = delete;

    std::vector<std::string> storeArgs() const {
        const bool database = store_.rfind("postgresql://", 0) == 0;
        if (!database)
            return {"--data", store_};
        // Instances of one database share one signing key.
        return {"--database", store_, "--signing-key", signingKey_.string()};
    }

    // `fairtender-server init --admin NAME --password-stdin` with `password`.
    int init(const std::string& admin, const std::string& password) const {
        std::string command = std::string(FAIRTENDER_SERVER_EXECUTABLE) + " init";
        for (const auto& a : storeArgs())
            command += " '" + a + "'";
        command += " --admin " + admin + " --password-stdin >/dev/null 2>&1";
        FILE* pipe = ::popen(command.c_str(), "w");
        std::fputs((password + "\n").c_str(), pipe);
        const int status = ::pclose(pipe);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

    // Starts serving on a free loopback port; false when it did not say it serves.
    bool start(const std::vector<std::string>& extra = {}) {
        std::vector<std::string> args = {FAIRTENDER_SERVER_EXECUTABLE};
        for (const auto& a : storeArgs())
            args.push_back(a);
        args.push_back("--listen");
        args.push_back("127.0.0.1:0");
        args.insert(args.end(), extra.begin(), extra.end());
        const std::string line = spawnReadingFirstLine(args, pid_, scratch_ / "server.err");
        const auto colon = line.rfind(':');
        const auto slash = line.find("/api/v1");
        if (line.find("serving http") == std::string::npos || colon == std::string::npos ||
            slash == std::string::npos)
            return false;
        port_ = static_cast<std::uint16_t>(std::stoi(line.substr(colon + 1, slash - colon - 1)));
        return true;
    }

    // SIGTERM, then waits; the exit code (-1 when it did not exit normally).
    int stop() {
        if (pid_ <= 0)
            return -1;
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = 0;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

    // Killed at once, as a crash would: SIGKILL.
    void kill9() {
        if (pid_ <= 0)
            return;
        ::kill(pid_, SIGKILL);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = 0;
    }

    // Calls go to `port` from now on (a proxy in front), over TLS when `tls`.
    void routeThrough(std::uint16_t port, bool tls) {
        callPort_ = port;
        callTls_ = tls;
    }

    const std::filesystem::path& signingKey() const { return signingKey_; }
    std::uint16_t port() const { return port_; }
    pid_t pid() const { return pid_; }
    std::string errors() const {
        std::ifstream in(scratch_ / "server.err");
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }

    HttpReply call(const std::string& method, const std::string& path,
                   const std::string& token = "", const std::string& body = "",
                   const std::map<std::string, std::string>& headers = {}) const {
        return httpCall(callPort_ ? callPort_ : port_, method, path, token, body, callTls_,
                        headers);
    }

private:
    std::string store_;
    std::filesystem::path scratch_;
    std::filesystem::path signingKey_;
    pid_t pid_ = 0;
    std::uint16_t port_ = 0;
    std::uint16_t callPort_ = 0;
    bool callTls_ = false;
};

} // namespace fairtender::testing
