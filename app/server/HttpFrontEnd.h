// HttpFrontEnd: the API served over HTTP (or HTTPS) with Poco's HTTPServer: each request is
// read into an ApiRequest (its body refused past Api::kMaxBodyBytes), answered by the Api,
// and written back with a Content-Length.
#pragma once

#include "server/Api.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace fairtender::server {

struct ListenOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;
    std::string tlsCertificate; // PEM files; both empty: plain HTTP
    std::string tlsKey;
    int threads = 16;
    // The address of a reverse proxy in front (nginx on loopback): a request from it is
    // taken to come from the address in its X-Real-IP header, so that sign-ins are
    // throttled per person's address rather than all as the proxy's. Empty: no proxy.
    std::string trustedProxy;
};

class HttpFrontEnd {
public:
    // Binds and starts serving; throws std::runtime_error when the address cannot be used.
    // `bound` is told the port bound (the one picked for port 0) before the first request.
    HttpFrontEnd(Api& api, const ListenOptions& options,
                 const std::function<void(std::uint16_t port)>& bound = {});
    ~HttpFrontEnd();
    HttpFrontEnd(const HttpFrontEnd&) = delete;
    HttpFrontEnd& operator=(const HttpFrontEnd&) = delete;

    // The port bound (the one chosen when asked for port 0).
    std::uint16_t port() const;
    // Stops taking connections and waits for the requests in hand.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace fairtender::server
