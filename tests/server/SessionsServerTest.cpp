// Sign-in, sessions and requests over real HTTP: a session ended on one instance is ended on
// every instance at once, a one-time password allows nothing but choosing one's own, failed
// sign-ins are throttled, and request bodies are read strictly.
#include "ServerTestSupport.h"
#include "ShellCommand.h"
#include "identity/Totp.h"

#include <Poco/Net/StreamSocket.h>

#include <ctime>

using namespace fairtender::testing;

namespace {

class SessionsServer : public ::testing::Test {
protected:
    SessionsServer() : panel(scratch.str() + "/data", scratch, {"ann"}) {}

    ScratchFolder scratch;
    SignedInServer panel;
};

TEST_F(SessionsServer, SigningOutEndsTheTokenAtOnce) {
    const std::string token = panel.tokens["ann"];
    EXPECT_EQ(panel.server.call("GET", "/api/v1/sessions/current", token).status, 200);
    EXPECT_EQ(panel.server.call("DELETE", "/api/v1/sessions/current", token).status, 204);
    const HttpReply after = panel.server.call("GET", "/api/v1/sessions/current", token);
    EXPECT_EQ(after.status, 401);
    EXPECT_NE(after.text("message").find("signed out"), std::string::npos) << after.body;
}

TEST_F(SessionsServer, ASessionEndedOnOneInstanceIsEndedOnTheOther) {
    ScratchFolder secondScratch;
    ServerUnderTest second(scratch.str() + "/data", secondScratch.path());
    ASSERT_TRUE(second.start()) << second.errors();
    const std::string token = panel.tokens["ann"];
    EXPECT_EQ(second.call("GET", "/api/v1/sessions/current", token).status, 200);
    ASSERT_EQ(panel
                  .as("root", "PATCH", "/api/v1/accounts/ann",
                      "{\"disabled\":true,\"password\":" + q(kRootPassword) + "}")
                  .status,
              200);
    EXPECT_EQ(second.call("GET", "/api/v1/sessions/current", token).status, 401);
}

TEST_F(SessionsServer, AOneTimePasswordAllowsNothingButChoosingOnesOwn) {
    const HttpReply created =
        panel.as("root", "POST", "/api/v1/accounts",
                 "{\"name\":\"newcomer\",\"password\":" + q(kRootPassword) + "}");
    ASSERT_EQ(created.status, 201);
    const std::string token = panel.signIn("newcomer", created.text("oneTimePassword"));
    const HttpReply refused = panel.server.call("GET", "/api/v1/tenders", token);
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(refused.text("code"), "auth.must-change-password");
    EXPECT_EQ(panel.server.call("GET", "/api/v1/sessions/current", token).status, 200);
}

TEST_F(SessionsServer, FiveWrongPasswordsMakeTheSixthAttemptWaitWith429) {
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(panel.server
                      .call("POST", "/api/v1/sessions", "",
                            R"({"user":"ann","password":"a wrong guess here"})")
                      .status,
                  401);
    const HttpReply throttled = panel.server.call(
        "POST", "/api/v1/sessions", "", R"({"user":"ann","password":"a wrong guess here"})");
    EXPECT_EQ(throttled.status, 429);
    EXPECT_EQ(throttled.text("code"), "sign-in.throttled");
    ASSERT_TRUE(throttled.headers.count("Retry-After"));
    EXPECT_GE(std::stoi(throttled.headers.at("Retry-After")), 29);
}

TEST_F(SessionsServer, AnUnknownUserAndAWrongPasswordGetTheSameAnswer) {
    const HttpReply unknown = panel.server.call(
        "POST", "/api/v1/sessions", "", R"({"user":"nobody","password":"a wrong guess here"})");
    const HttpReply wrong = panel.server.call("POST", "/api/v1/sessions", "",
                                              R"({"user":"ann","password":"a wrong guess here"})");
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(unknown.body, wrong.body);
}

TEST_F(SessionsServer, AFieldTheOperationDoesNotKnowIsRefusedByName) {
    const HttpReply refused =
        panel.server.call("POST", "/api/v1/sessions", "",
                          R"({"user":"ann","password":"whatever it is","admin":true})");
    EXPECT_EQ(refused.status, 400);
    EXPECT_EQ(refused.text("message"), "\"admin\" is not a field of this request");
}

TEST_F(SessionsServer, ABodyThatIsNotJsonIsRefusedWith400) {
    const HttpReply refused = panel.server.call("POST", "/api/v1/sessions", "", "{\"user\":");
    EXPECT_EQ(refused.status, 400);
    EXPECT_EQ(refused.text("code"), "request.invalid");
}

TEST_F(SessionsServer, ABodyDeclaredOver64MiBIsRefusedWith413BeforeItIsRead) {
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", panel.server.port()));
    const std::string head = "POST /api/v1/tenders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                             panel.tokens["ann"] +
                             "\r\nContent-Type: application/json\r\nContent-Length: 104857600"
                             "\r\n\r\n{";
    socket.sendBytes(head.data(), static_cast<int>(head.size()));
    char buffer[4096];
    const int got = socket.receiveBytes(buffer, sizeof buffer);
    ASSERT_GT(got, 0);
    const std::string reply(buffer, static_cast<std::size_t>(got));
    EXPECT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply;
}

TEST_F(SessionsServer, AnUnknownPathIs404AndAWrongMethod405) {
    EXPECT_EQ(panel.as("ann", "GET", "/api/v1/nothing-here").status, 404);
    EXPECT_EQ(panel.as("ann", "PUT", "/api/v1/health").status, 405);
}

TEST_F(SessionsServer, EveryResponseIsNeverCached) {
    const HttpReply reply = panel.as("ann", "GET", "/api/v1/sessions/current");
    EXPECT_EQ(reply.headers.at("Cache-Control"), "no-store");
    EXPECT_EQ(reply.headers.at("X-Content-Type-Options"), "nosniff");
}

// Three more sessions of ann's, besides the one the panel signed in with.
std::vector<std::string> moreSessionsOfAnn(SignedInServer& panel) {
    std::vector<std::string> tokens;
    for (int i = 0; i < 3; ++i)
        tokens.push_back(panel.signIn("ann", SignedInServer::passwordOf("ann")));
    return tokens;
}

int statusOf(SignedInServer& panel, const std::string& token) {
    return panel.server.call("GET", "/api/v1/sessions/current", token).status;
}

std::string passwordBody(const std::string& password, const std::string& session = "") {
    return "{\"password\":" + q(password) + (session.empty() ? "" : ",\"session\":" + q(session)) +
           "}";
}

TEST_F(SessionsServer, APersonListsTheirLiveSessionsWithTheCurrentOneMarked) {
    moreSessionsOfAnn(panel);
    const HttpReply listed = panel.as("ann", "GET", "/api/v1/sessions");
    ASSERT_EQ(listed.status, 200) << listed.body;
    const auto sessions = listed.json()->getArray("sessions");
    ASSERT_EQ(sessions->size(), 4u);
    int current = 0;
    for (std::size_t i = 0; i < sessions->size(); ++i) {
        const auto session = sessions->getObject(static_cast<unsigned>(i));
        EXPECT_EQ(session->getValue<std::string>("id").size(), 16u);
        current += session->getValue<bool>("current") ? 1 : 0;
    }
    EXPECT_EQ(current, 1);
    // The list is one's own: root sees only root's session.
    EXPECT_EQ(panel.as("root", "GET", "/api/v1/sessions").json()->getArray("sessions")->size(), 1u);
}

TEST_F(SessionsServer, EndingTheOtherSessionsNeedsThePasswordAndKeepsTheCurrentOne) {
    const auto others = moreSessionsOfAnn(panel);
    const HttpReply refused =
        panel.as("ann", "POST", "/api/v1/sessions/ended", passwordBody("not ann's password"));
    EXPECT_EQ(refused.status, 422);
    EXPECT_EQ(refused.text("code"), "account.password");
    for (const auto& token : others)
        EXPECT_EQ(statusOf(panel, token), 200);

    const HttpReply ended = panel.as("ann", "POST", "/api/v1/sessions/ended",
                                     passwordBody(SignedInServer::passwordOf("ann")));
    ASSERT_EQ(ended.status, 200) << ended.body;
    EXPECT_EQ(ended.json()->getValue<int>("ended"), 3);
    for (const auto& token : others)
        EXPECT_EQ(statusOf(panel, token), 401);
    EXPECT_EQ(statusOf(panel, panel.tokens["ann"]), 200);
}

TEST_F(SessionsServer, OneSessionIsEndedByItsIdAndTheOthersGoOn) {
    const auto others = moreSessionsOfAnn(panel);
    // The id of the second session: the one the list gives for it, read through it.
    std::string id;
    const auto listed = panel.server.call("GET", "/api/v1/sessions", others[1]).json();
    const auto sessions = listed->getArray("sessions");
    for (std::size_t i = 0; i < sessions->size(); ++i)
        if (sessions->getObject(static_cast<unsigned>(i))->getValue<bool>("current"))
            id = sessions->getObject(static_cast<unsigned>(i))->getValue<std::string>("id");
    ASSERT_EQ(id.size(), 16u);
    const HttpReply ended = panel.as("ann", "POST", "/api/v1/sessions/ended",
                                     passwordBody(SignedInServer::passwordOf("ann"), id));
    ASSERT_EQ(ended.status, 200) << ended.body;
    EXPECT_EQ(ended.json()->getValue<int>("ended"), 1);
    EXPECT_EQ(statusOf(panel, others[1]), 401);
    EXPECT_EQ(statusOf(panel, others[0]), 200);
    EXPECT_EQ(statusOf(panel, others[2]), 200);
    EXPECT_EQ(panel
                  .as("ann", "POST", "/api/v1/sessions/ended",
                      passwordBody(SignedInServer::passwordOf("ann"), id))
                  .status,
              404);
}

TEST_F(SessionsServer, AnAdministratorEndsEverySessionOfOneAccount) {
    const auto others = moreSessionsOfAnn(panel);
    EXPECT_EQ(panel
                  .as("root", "POST", "/api/v1/accounts/ann/sessions/ended",
                      passwordBody("not root's password"))
                  .status,
              422);
    const HttpReply ended = panel.as("root", "POST", "/api/v1/accounts/ann/sessions/ended",
                                     passwordBody(kRootPassword));
    ASSERT_EQ(ended.status, 200) << ended.body;
    EXPECT_EQ(ended.json()->getValue<int>("ended"), 4);
    EXPECT_EQ(statusOf(panel, panel.tokens["ann"]), 401);
    EXPECT_EQ(statusOf(panel, panel.tokens["root"]), 200);
    EXPECT_EQ(panel
                  .as("root", "POST", "/api/v1/accounts/nobody/sessions/ended",
                      passwordBody(kRootPassword))
                  .status,
              404);
}

TEST_F(SessionsServer, AnAdministratorEndsEverySessionButTheirOwn) {
    const auto others = moreSessionsOfAnn(panel);
    const std::string secondRoot = panel.signIn("root", kRootPassword);
    const HttpReply ended =
        panel.as("root", "POST", "/api/v1/sessions/all-ended", passwordBody(kRootPassword));
    ASSERT_EQ(ended.status, 200) << ended.body;
    EXPECT_EQ(ended.json()->getValue<int>("ended"), 5);
    for (const auto& token : others)
        EXPECT_EQ(statusOf(panel, token), 401);
    EXPECT_EQ(statusOf(panel, secondRoot), 401);
    EXPECT_EQ(statusOf(panel, panel.tokens["root"]), 200);
}

TEST_F(SessionsServer, AnAdministratorsChangeToAnAccountNeedsTheirOwnPasswordAgain) {
    const HttpReply wrong = panel.as("root", "POST", "/api/v1/accounts",
                                     R"({"name":"newcomer","password":"not root's password"})");
    EXPECT_EQ(wrong.status, 422);
    EXPECT_EQ(wrong.text("code"), "account.password");
    EXPECT_FALSE(panel.as("root", "GET", "/api/v1/accounts").body.find("newcomer") !=
                 std::string::npos);
    const HttpReply missing =
        panel.as("root", "POST", "/api/v1/accounts/ann/password-reset", R"({})");
    EXPECT_EQ(missing.status, 400);
    EXPECT_NE(missing.body.find("password"), std::string::npos) << missing.body;
    EXPECT_EQ(panel
                  .as("root", "PATCH", "/api/v1/accounts/ann",
                      R"({"disabled":true,"password":"not root's password"})")
                  .status,
              422);
    EXPECT_EQ(statusOf(panel, panel.tokens["ann"]), 200);
}

// A code lives for its 30 seconds only: a test about to use one waits when fewer than 3 of
// them are left, so the server checks it within the same 30 seconds.
void awayFromAStepsEnd() {
    while (std::time(nullptr) % fairtender::kTotpStepSeconds > fairtender::kTotpStepSeconds - 3)
        ::usleep(200 * 1000);
}

// Waits for the next 30 seconds: the code of the last ones has been used.
void untilTheNextStep() {
    const std::int64_t step = fairtender::totpStep(std::time(nullptr));
    while (fairtender::totpStep(std::time(nullptr)) == step)
        ::usleep(200 * 1000);
}

// The code ann's authenticator app shows now for the base32 `secret`.
std::string codeNow(const std::string& secret) {
    awayFromAStepsEnd();
    return fairtender::hotpCode(
        fairtender::base32Decode(secret).value_or(""),
        static_cast<std::uint64_t>(fairtender::totpStep(std::time(nullptr))));
}

// ann enrols a second factor; its secret.
std::string enrolAnn(SignedInServer& panel) {
    const HttpReply begun = panel.as("ann", "POST", "/api/v1/accounts/me/second-factor",
                                     passwordBody(SignedInServer::passwordOf("ann")));
    EXPECT_EQ(begun.status, 201) << begun.body;
    const std::string secret = begun.status == 201 ? begun.text("secret") : "";
    EXPECT_EQ(begun.status == 201 ? begun.text("uri").rfind("otpauth://totp/", 0) : 1, 0u);
    const HttpReply confirmed = panel.as("ann", "PUT", "/api/v1/accounts/me/second-factor",
                                         "{\"code\":" + q(codeNow(secret)) + "}");
    EXPECT_EQ(confirmed.status, 204) << confirmed.body;
    return secret;
}

std::string signInBody(const std::string& user, const std::string& password,
                       const std::string& code = "") {
    return "{\"user\":" + q(user) + ",\"password\":" + q(password) +
           (code.empty() ? "" : ",\"code\":" + q(code)) + "}";
}

TEST_F(SessionsServer, OnceEnrolledASecondFactorIsNeededAtEverySignIn) {
    const std::string secret = enrolAnn(panel);
    const HttpReply alone = panel.server.call("POST", "/api/v1/sessions", "",
                                              signInBody("ann", SignedInServer::passwordOf("ann")));
    EXPECT_EQ(alone.status, 401);
    EXPECT_EQ(alone.text("code"), "sign-in.second-factor");
    const HttpReply wrong =
        panel.server.call("POST", "/api/v1/sessions", "",
                          signInBody("ann", SignedInServer::passwordOf("ann"), "000000"));
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(wrong.text("code"), "sign-in.second-factor");
    // The code the confirmation took has been used: the next 30 seconds' code signs in.
    untilTheNextStep();
    const HttpReply both =
        panel.server.call("POST", "/api/v1/sessions", "",
                          signInBody("ann", SignedInServer::passwordOf("ann"), codeNow(secret)));
    ASSERT_EQ(both.status, 201) << both.body;
    EXPECT_TRUE(both.json()->getObject("account")->getValue<bool>("secondFactor"));
}

TEST_F(SessionsServer, AnAdministratorsResetOfASecondFactorEndsTheSessions) {
    enrolAnn(panel);
    const HttpReply reset = panel.as("root", "POST", "/api/v1/accounts/ann/second-factor-reset",
                                     passwordBody(kRootPassword));
    ASSERT_EQ(reset.status, 200) << reset.body;
    EXPECT_FALSE(reset.json()->getValue<bool>("secondFactor"));
    EXPECT_EQ(statusOf(panel, panel.tokens["ann"]), 401);
    EXPECT_EQ(panel.server
                  .call("POST", "/api/v1/sessions", "",
                        signInBody("ann", SignedInServer::passwordOf("ann")))
                  .status,
              201);
}

TEST_F(SessionsServer, WhenTheServerRequiresASecondFactorAnAccountWithoutOneMayOnlyEnrol) {
    ScratchFolder secondScratch;
    ServerUnderTest strict(scratch.str() + "/data", secondScratch.path(),
                           panel.server.signingKey());
    ASSERT_TRUE(strict.start({"--require-second-factor"})) << strict.errors();
    const std::string token = panel.tokens["ann"];
    const HttpReply refused = strict.call("GET", "/api/v1/tenders", token);
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(refused.text("code"), "auth.second-factor-required");
    EXPECT_EQ(strict.call("GET", "/api/v1/sessions/current", token).status, 200);
    const HttpReply begun = strict.call("POST", "/api/v1/accounts/me/second-factor", token,
                                        passwordBody(SignedInServer::passwordOf("ann")));
    ASSERT_EQ(begun.status, 201) << begun.body;
    EXPECT_EQ(strict
                  .call("PUT", "/api/v1/accounts/me/second-factor", token,
                        "{\"code\":" + q(codeNow(begun.text("secret"))) + "}")
                  .status,
              204);
    EXPECT_EQ(strict.call("GET", "/api/v1/tenders", token).status, 200);
}

TEST(ServerCommandLine, RefusesPlainHttpOffLoopbackUnlessTold) {
    ScratchFolder scratch;
    const std::string command = std::string(FAIRTENDER_SERVER_EXECUTABLE) + " --data " +
                                scratch.str() + " --listen 0.0.0.0:0 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    std::string out;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe))
        out += buffer;
    const int status = ::pclose(pipe);
    EXPECT_EQ(WEXITSTATUS(status), 2);
    EXPECT_NE(out.find("refusing to serve plain HTTP on 0.0.0.0"), std::string::npos) << out;
}

TEST(ServerCommandLine, RefusesAPublicUrlThatIsMoreThanSchemeHostAndPort) {
    ScratchFolder scratch;
    const ShellRun run =
        runShell(std::string(FAIRTENDER_SERVER_EXECUTABLE) + " --data " + scratch.str() +
                 " --public-url https://tenders.example.test/api 2>&1");
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.out.find("--public-url https://tenders.example.test/api: give the address "
                           "people reach the server by"),
              std::string::npos)
        << run.out;
}

TEST(ServerCommandLine, InitPrintsAOneTimePasswordThatMustBeChanged) {
    ScratchFolder scratch;
    const std::string command = std::string(FAIRTENDER_SERVER_EXECUTABLE) + " init --data " +
                                scratch.str() + " --admin root 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    std::string out;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe))
        out += buffer;
    EXPECT_EQ(WEXITSTATUS(::pclose(pipe)), 0);
    EXPECT_NE(out.find("One-time password: "), std::string::npos) << out;
    ServerUnderTest server(scratch.str(), scratch.path());
    ASSERT_TRUE(server.start());
    const std::string password = out.substr(out.find(": ") + 2, 20);
    const HttpReply signedIn = server.call("POST", "/api/v1/sessions", "",
                                           "{\"user\":\"root\",\"password\":" + q(password) + "}");
    ASSERT_EQ(signedIn.status, 201) << signedIn.body;
    EXPECT_TRUE(signedIn.json()->getObject("account")->getValue<bool>("mustChangePassword"));
}

} // namespace

namespace {

TEST(SessionsBehindAProxy, FailedSignInsAreThrottledPerClientAddressTheProxyGives) {
    ScratchFolder scratch;
    ServerUnderTest server(scratch.str() + "/data", scratch.path());
    ASSERT_EQ(server.init("root", kRootPassword), 0);
    ASSERT_TRUE(server.start({"--trusted-proxy", "127.0.0.1"})) << server.errors();
    const auto attempt = [&](const std::string& user, const std::string& password,
                             const std::string& client) {
        return server.call("POST", "/api/v1/sessions", "",
                           "{\"user\":" + q(user) + ",\"password\":" + q(password) + "}",
                           {{"X-Real-IP", client}});
    };
    for (int i = 0; i < 20; ++i)
        EXPECT_EQ(attempt("user" + std::to_string(i), "a wrong guess here", "198.51.100.7").status,
                  401);
    EXPECT_EQ(attempt("root", kRootPassword, "198.51.100.7").status, 429);
    // Another client behind the same proxy is not held up by the first one's failures.
    EXPECT_EQ(attempt("root", kRootPassword, "203.0.113.9").status, 201);
}

} // namespace
