// NginxUnderTest: a real nginx on a loopback port of its own, running the example
// configuration in docs/nginx-fairtender.conf as printed, with its upstream addresses, its
// listening address and its certificate (a fresh self-signed one) replaced by the test's.
#pragma once

#include "FileText.h"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fairtender::testing {

// A loopback port no one listens on now.
inline std::uint16_t freeLoopbackPort() {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    return socket.address().port();
}

// `text` with every `from` replaced by `to`.
inline std::string everyReplaced(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

class NginxUnderTest {
public:
    NginxUnderTest(const std::filesystem::path& folder, std::uint16_t upstreamA,
                   std::uint16_t upstreamB)
        : folder_(folder) {
        namespace fs = std::filesystem;
        for (const char* temp : {"body", "proxy", "fastcgi", "uwsgi", "scgi"}) {
            fs::create_directories(folder / temp);
            fs::permissions(folder / temp, fs::perms::all); // the workers may not be root
        }
        const std::string cert = (folder / "cert.pem").string();
        const std::string key = (folder / "key.pem").string();
        const std::string makeCertificate =
            "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost -keyout " + key +
            " -out " + cert + " >/dev/null 2>&1";
        made_ = std::system(makeCertificate.c_str()) == 0;
        port_ = freeLoopbackPort();
        std::string site =
            readFile(std::string(FAIRTENDER_SOURCE_DIR) + "/docs/nginx-fairtender.conf");
        site = everyReplaced(site, "127.0.0.1:8081", "127.0.0.1:" + std::to_string(upstreamA));
        site = everyReplaced(site, "127.0.0.1:8082", "127.0.0.1:" + std::to_string(upstreamB));
        site = replaced(site, "listen 443 ssl;",
                        "listen 127.0.0.1:" + std::to_string(port_) + " ssl;");
        site = replaced(site, "/etc/ssl/fairtender/fullchain.pem", cert);
        site = replaced(site, "/etc/ssl/fairtender/privkey.pem", key);
        std::ofstream(folder / "fairtender.conf") << site;
        const std::string prefix = folder.string();
        std::ofstream(folder / "nginx.conf")
            << "daemon off;\nworker_processes 1;\npid " << prefix << "/nginx.pid;\n"
            << "error_log " << prefix << "/error.log;\nevents { worker_connections 1024; }\n"
            << "http {\n  access_log off;\n  client_body_temp_path " << prefix << "/body;\n"
            << "  proxy_temp_path " << prefix << "/proxy;\n  fastcgi_temp_path " << prefix
            << "/fastcgi;\n  uwsgi_temp_path " << prefix << "/uwsgi;\n  scgi_temp_path " << prefix
            << "/scgi;\n  include " << prefix << "/fairtender.conf;\n}\n";
    }
    ~NginxUnderTest() { stop(); }
    NginxUnderTest(const NginxUnderTest&) = delete;
    NginxUnderTest& operator=(const NginxUnderTest&) = delete;

    // Starts nginx and waits until it takes connections; false when it did not.
    bool start() {
        if (!made_)
            return false;
        pid_ = ::fork();
        if (pid_ == 0) {
            const std::string conf = (folder_ / "nginx.conf").string();
            const std::string prefix = folder_.string() + "/";
            ::execlp("nginx", "nginx", "-p", prefix.c_str(), "-c", conf.c_str(), nullptr);
            ::execl("/usr/sbin/nginx", "nginx", "-p", prefix.c_str(), "-c", conf.c_str(), nullptr);
            ::_exit(127);
        }
        for (int i = 0; i < 100; ++i) {
            try {
                Poco::Net::StreamSocket probe(Poco::Net::SocketAddress("127.0.0.1", port_));
                return true;
            } catch (const Poco::Exception&) {
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        }
        return false;
    }

    void stop() {
        if (pid_ <= 0)
            return;
        ::kill(pid_, SIGQUIT);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = 0;
    }

    std::uint16_t port() const { return port_; }
    std::string errors() const { return readFile(folder_ / "error.log"); }

private:
    std::filesystem::path folder_;
    std::uint16_t port_ = 0;
    pid_t pid_ = 0;
    bool made_ = false;
};

} // namespace fairtender::testing
