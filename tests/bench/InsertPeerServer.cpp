// fairtender_insert_peer: the peer of the durable score writes measured by tests/scale: a
// minimal Poco HTTP server whose one handler does the least a durable write must, one
// INSERT of the request body and a commit on the same PostgreSQL database, and answers 200.
// Usage: fairtender_insert_peer POSTGRESQL_URI; it listens on a free loopback port, prints
// "serving http://127.0.0.1:PORT" and stops on SIGTERM or SIGINT.
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

#include <csignal>
#include <iostream>
#include <libpq-fe.h>
#include <memory>
#include <string>

namespace {

std::string databaseUri;

// One connection per handler thread, opened on its first request.
PGconn* connection() {
    thread_local std::unique_ptr<PGconn, decltype(&PQfinish)> conn(nullptr, &PQfinish);
    if (!conn || PQstatus(conn.get()) != CONNECTION_OK)
        conn.reset(PQconnectdb(databaseUri.c_str()));
    return conn.get();
}

bool execute(PGconn* conn, const char* sql, const std::string* parameter = nullptr) {
    const char* values[] = {parameter ? parameter->c_str() : nullptr};
    PGresult* result =
        PQexecParams(conn, sql, parameter ? 1 : 0, nullptr, values, nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(result);
    PQclear(result);
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

class InsertHandler : public Poco::Net::HTTPRequestHandler {
public:
    void handleRequest(Poco::Net::HTTPServerRequest& in,
                       Poco::Net::HTTPServerResponse& out) override {
        std::string body;
        Poco::StreamCopier::copyToString(in.stream(), body);
        PGconn* conn = connection();
        const bool stored = execute(conn, "BEGIN") &&
                            execute(conn, "INSERT INTO insert_peer (body) VALUES ($1)", &body) &&
                            execute(conn, "COMMIT");
        if (!stored)
            execute(conn, "ROLLBACK");
        out.setStatus(stored ? Poco::Net::HTTPResponse::HTTP_OK
                             : Poco::Net::HTTPResponse::HTTP_INTERNAL_SERVER_ERROR);
        out.setContentType("application/json");
        out.send() << (stored ? "{\"stored\":true}" : "{\"stored\":false}");
    }
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    Poco::Net::HTTPRequestHandler*
    createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new InsertHandler;
    }
};

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: fairtender_insert_peer POSTGRESQL_URI\n";
        return 2;
    }
    databaseUri = argv[1];
    {
        std::unique_ptr<PGconn, decltype(&PQfinish)> setup(PQconnectdb(argv[1]), &PQfinish);
        if (PQstatus(setup.get()) != CONNECTION_OK ||
            !execute(setup.get(), "CREATE TABLE IF NOT EXISTS insert_peer "
                                  "(id bigserial PRIMARY KEY, body text NOT NULL)")) {
            std::cerr << "fairtender_insert_peer: " << PQerrorMessage(setup.get());
            return 1;
        }
    }
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, nullptr);
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0), 64);
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(16);
    params->setKeepAlive(true);
    Poco::Net::HTTPServer server(new Factory, socket, params);
    server.start();
    std::cout << "serving http://127.0.0.1:" << socket.address().port() << std::endl;
    int received = 0;
    sigwait(&stop, &received);
    server.stop();
    return 0;
}
