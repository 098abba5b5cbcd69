// What the server tests share: a server with its administrator and five panel accounts
// signed in, the school meals tender's files as a request body, and JSON text helpers.
#pragma once

#include "FileText.h"
#include "ScratchFolder.h"
#include "ServerUnderTest.h"
#include "io/json/ResultJson.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

namespace fairtender::testing {

inline std::string q(const std::string& text) {
    return jsonQuoted(text);
}

inline std::string sampleFolder(const std::string& name) {
    return std::string(FAIRTENDER_SOURCE_DIR) + "/samples/" + name;
}

// {"tender.xml": "...", "bids/B1-....xml": "..."} of a sample folder.
inline std::string folderFiles(const std::filesystem::path& folder, bool withBids) {
    std::string files = "{" + q("tender.xml") + ":" + q(readFile(folder / "tender.xml"));
    if (withBids)
        for (const auto& entry : std::filesystem::directory_iterator(folder / "bids"))
            files += "," + q("bids/" + entry.path().filename().string()) + ":" +
                     q(readFile(entry.path()));
    return files + "}";
}

// {"B1-....xml": "...", ...}: the sample's bid files for an import.
inline std::string bidFiles(const std::filesystem::path& folder) {
    std::string files;
    for (const auto& entry : std::filesystem::directory_iterator(folder / "bids"))
        files += (files.empty() ? "" : ",") + q(entry.path().filename().string()) + ":" +
                 q(readFile(entry.path()));
    return "{" + files + "}";
}

inline const std::string kRootPassword = "the site's long passphrase";

// A server with the administrator root and the accounts `people`, each signed in with a
// password of their own (the one-time one changed), their tokens in `tokens`.
class SignedInServer {
public:
    SignedInServer(const std::string& store, const ScratchFolder& scratch,
                   const std::vector<std::string>& people)
        : server(store, scratch.path()), store_(store) {
        if (server.init("root", kRootPassword) != 0 || !server.start()) {
            ADD_FAILURE() << "the server did not start: " << server.errors();
            return;
        }
        tokens["root"] = signIn("root", kRootPassword);
        for (const auto& person : people) {
            const HttpReply created =
                server.call("POST", "/api/v1/accounts", tokens["root"],
                            "{\"name\":" + q(person) + ",\"password\":" + q(kRootPassword) + "}");
            EXPECT_EQ(created.status, 201) << created.body;
            const std::string oneTime = created.text("oneTimePassword");
            const std::string first = signIn(person, oneTime);
            const std::string own = passwordOf(person);
            const HttpReply changed =
                server.call("PUT", "/api/v1/accounts/me/password", first,
                            "{\"current\":" + q(oneTime) + ",\"new\":" + q(own) + "}");
            EXPECT_EQ(changed.status, 204) << changed.body;
            tokens[person] = signIn(person, own);
        }
    }

    // The password `person` chose for themselves.
    static std::string passwordOf(const std::string& person) {
        return "my own long passphrase, number " +
               std::to_string(std::hash<std::string>{}(person) % 1000003);
    }

    std::string signIn(const std::string& user, const std::string& password) {
        const HttpReply reply =
            server.call("POST", "/api/v1/sessions", "",
                        "{\"user\":" + q(user) + ",\"password\":" + q(password) + "}");
        EXPECT_EQ(reply.status, 201) << user << ": " << reply.body;
        return reply.status == 201 ? reply.text("token") : std::string();
    }

    HttpReply as(const std::string& person, const std::string& method, const std::string& path,
                 const std::string& body = "") {
        return server.call(method, path, tokens.at(person), body);
    }

    const std::string& storeLocation() const { return store_; }

    ServerUnderTest server;
    std::map<std::string, std::string> tokens;

private:
    std::string store_;
};

} // namespace fairtender::testing
