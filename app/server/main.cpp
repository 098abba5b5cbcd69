// fairtender-server: a Poco ServerApplication whose options are its own (ServerCommand).
#include "server/ServerCommand.h"

#include <Poco/Util/ServerApplication.h>

#include <iostream>

namespace {

class FairtenderServer : public Poco::Util::ServerApplication {
protected:
    void defineOptions(Poco::Util::OptionSet&) override {
        // Every argument goes to main(): ServerCommand reads them.
        stopOptionsProcessing();
    }

    int main(const std::vector<std::string>& args) override {
        return fairtender::server::runServerCommand(args, std::cin, std::cout, std::cerr,
                                                    [this] { waitForTerminationRequest(); });
    }
};

} // namespace

int main(int argc, char** argv) {
    FairtenderServer server;
    return server.run(argc, argv);
}
