// The OpenAPI document (docs/openapi.json, built into the server) and the server's own table
// of operations describe the same API: every operation the server answers is in the
// document with its method, path and operationId, and nothing else is.
#include "server/OpenApiDocument.h"

#include "server/Api.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <tuple>

namespace {

using Described = std::set<std::tuple<std::string, std::string, std::string>>;

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

TEST(OpenApiDocument, DescribesExactlyTheOperationsTheServerAnswers) {
    Poco::JSON::Parser parser;
    const auto document = parser.parse(std::string(fairtender::server::openApiDocument()))
                              .extract<Poco::JSON::Object::Ptr>();
    Described documented;
    const auto paths = document->getObject("paths");
    for (const auto& [path, item] : *paths) {
        const auto operations = item.extract<Poco::JSON::Object::Ptr>();
        for (const auto& [method, operation] : *operations)
            documented.emplace(
                upper(method), path,
                operation.extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("operationId"));
    }
    Described served;
    for (const auto& operation : fairtender::server::Api::operations())
        served.emplace(operation.method, operation.path, operation.operationId);
    EXPECT_EQ(documented, served);
    EXPECT_EQ(served.size(), 46u);
}

TEST(OpenApiDocument, MarksAsPublicExactlyTheOperationsThatNeedNoToken) {
    Poco::JSON::Parser parser;
    const auto document = parser.parse(std::string(fairtender::server::openApiDocument()))
                              .extract<Poco::JSON::Object::Ptr>();
    for (const auto& operation : fairtender::server::Api::operations()) {
        std::string method = operation.method;
        std::transform(method.begin(), method.end(), method.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        const auto described =
            document->getObject("paths")->getObject(operation.path)->getObject(method);
        const bool publicInDocument = described->getValue<std::string>("x-access") == "public";
        EXPECT_EQ(publicInDocument,
                  operation.access == fairtender::server::Api::Operation::Access::Public)
            << operation.operationId;
    }
}

} // namespace
