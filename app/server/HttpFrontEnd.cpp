#include "server/HttpFrontEnd.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/URI.h>

#include <iostream>
#include <istream>
#include <stdexcept>

namespace fairtender::server {

namespace {

// Reads at most `limit` bytes of the body; false when there was more.
bool readBody(std::istream& in, std::size_t limit, std::string& into) {
    char buffer[65536];
    while (in) {
        in.read(buffer, sizeof buffer);
        into.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (into.size() > limit)
            return false;
    }
    return true;
}

void send(Poco::Net::HTTPServerResponse& out, const ApiResponse& response) {
    out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
    for (const auto& [name, value] : response.headers)
        out.set(name, value);
    if (response.status == 204) {
        out.setContentLength(0);
        out.send();
        return;
    }
    out.setContentType(response.contentType);
    out.setContentLength(static_cast<std::streamsize>(response.body.size()));
    out.send() << response.body;
}

class ApiRequestHandler : public Poco::Net::HTTPRequestHandler {
public:
    ApiRequestHandler(Api& api, const std::string& trustedProxy)
        : api_(api), trustedProxy_(trustedProxy) {}

    void handleRequest(Poco::Net::HTTPServerRequest& in,
                       Poco::Net::HTTPServerResponse& out) override {
        ApiResponse response;
        try {
            ApiRequest request;
            request.method = in.getMethod();
            const Poco::URI uri(in.getURI());
            request.path = uri.getPath();
            for (const auto& [name, value] : uri.getQueryParameters())
                request.query[name] = value;
            const std::string authorization = in.get("Authorization", "");
            if (authorization.starts_with("Bearer "))
                request.bearerToken = authorization.substr(7);
            std::string ifMatch = in.get("If-Match", "");
            if (ifMatch.size() >= 2 && ifMatch.front() == '"' && ifMatch.back() == '"')
                ifMatch = ifMatch.substr(1, ifMatch.size() - 2);
            request.ifMatch = ifMatch;
            request.clientAddress = in.clientAddress().host().toString();
            if (!trustedProxy_.empty() && request.clientAddress == trustedProxy_ &&
                in.has("X-Real-IP"))
                request.clientAddress = in.get("X-Real-IP").substr(0, 64);
            const auto declared = in.getContentLength64();
            if (declared > static_cast<Poco::Int64>(Api::kMaxBodyBytes) ||
                !readBody(in.stream(), Api::kMaxBodyBytes, request.body)) {
                response = errorResponse("request.too-large",
                                         "the request body is over " +
                                             std::to_string(Api::kMaxBodyBytes / (1024 * 1024)) +
                                             " MiB: send fewer files at once");
                out.setKeepAlive(false);
            } else if (!request.body.empty() &&
                       !in.getContentType().starts_with("application/json")) {
                response = errorResponse("request.media-type",
                                         "send the request body as application/json");
            } else {
                response = api_.handle(request);
            }
        } catch (const Poco::Exception& e) {
            response = errorResponse("request.invalid", "the request could not be read");
        }
        try {
            send(out, response);
        } catch (const Poco::Exception&) {
            // The client went away; there is nobody left to tell.
        }
    }

private:
    Api& api_;
    std::string trustedProxy_;
};

class ApiHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    ApiHandlerFactory(Api& api, std::string trustedProxy)
        : api_(api), trustedProxy_(std::move(trustedProxy)) {}
    Poco::Net::HTTPRequestHandler*
    createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new ApiRequestHandler(api_, trustedProxy_);
    }

private:
    Api& api_;
    std::string trustedProxy_;
};

} // namespace

struct HttpFrontEnd::Impl {
    std::unique_ptr<Poco::Net::HTTPServer> server;
    std::uint16_t port = 0;
};

HttpFrontEnd::HttpFrontEnd(Api& api, const ListenOptions& options,
                           const std::function<void(std::uint16_t port)>& bound)
    : impl_(std::make_unique<Impl>()) {
    try {
        const Poco::Net::SocketAddress address(options.host, options.port);
        std::unique_ptr<Poco::Net::ServerSocket> socket;
        if (!options.tlsCertificate.empty()) {
            Poco::Net::Context::Ptr context =
                new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, options.tlsKey,
                                       options.tlsCertificate, "", Poco::Net::Context::VERIFY_NONE);
            context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
            socket = std::make_unique<Poco::Net::SecureServerSocket>(address, 64, context);
        } else {
            socket = std::make_unique<Poco::Net::ServerSocket>(address, 64);
        }
        impl_->port = socket->address().port();
        if (bound)
            bound(impl_->port);
        auto* params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(options.threads);
        params->setMaxQueued(1024);
        params->setKeepAlive(true);
        params->setTimeout(Poco::Timespan(30, 0));
        impl_->server = std::make_unique<Poco::Net::HTTPServer>(
            new ApiHandlerFactory(api, options.trustedProxy), *socket, params);
        impl_->server->start();
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("cannot listen on " + options.host + ":" +
                                 std::to_string(options.port) + ": " + e.displayText());
    }
}

HttpFrontEnd::~HttpFrontEnd() {
    stop();
}

std::uint16_t HttpFrontEnd::port() const {
    return impl_->port;
}

void HttpFrontEnd::stop() {
    if (impl_->server) {
        impl_->server->stopAll(false);
        impl_->server.reset();
    }
}

} // namespace fairtender::server
