// The role matrix: every operation of the OpenAPI document, called over real HTTP by each
// kind of person, answers with the status docs/role-matrix.md gives. The table is read from
// that document, so the documentation and the test are one table; an operation without a
// row (or without a request here) fails the test.
#include "ServerTestSupport.h"

#include <Poco/JSON/Object.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace fairtender::testing;

namespace {

// The columns of the table, in order: who calls.
const std::vector<std::string> kPersonas = {"no token",   "administrator", "lead",
                                            "evaluator",  "moderator",     "auditor",
                                            "non-member", "conflicted",    "price-blind"};

// The account each persona signs in as (none for "no token").
const std::map<std::string, std::string> kAccountOf = {
    {"administrator", "root"}, {"lead", "ann"},       {"evaluator", "raj"},
    {"moderator", "mo"},       {"auditor", "aud"},    {"non-member", "zed"},
    {"conflicted", "cat"},     {"price-blind", "bea"}};

// One request per operation; {tender} is the row's own tender and {me} the caller's account.
struct Request {
    std::string method;
    std::string path;
    std::string body;
};

const std::map<std::string, Request>& requests() {
    static const std::map<std::string, Request> kRequests = {
        {"health", {"GET", "/api/v1/health", ""}},
        {"openApi", {"GET", "/api/v1/openapi.json", ""}},
        {"signingKey", {"GET", "/api/v1/signing-key", ""}},
        {"signIn", {"POST", "/api/v1/sessions", "{\"user\":\"{me}\",\"password\":\"{password}\"}"}},
        {"currentSession", {"GET", "/api/v1/sessions/current", ""}},
        {"signOut", {"DELETE", "/api/v1/sessions/current", ""}},
        {"listOwnSessions", {"GET", "/api/v1/sessions", ""}},
        {"beginSecondFactor",
         {"POST", "/api/v1/accounts/me/second-factor",
          R"({"password":"not the password at all"})"}},
        {"confirmSecondFactor",
         {"PUT", "/api/v1/accounts/me/second-factor", R"({"code":"000000"})"}},
        {"resetSecondFactor",
         {"POST", "/api/v1/accounts/pat/second-factor-reset", R"({"password":"{own}"})"}},
        {"endOwnSessions",
         {"POST", "/api/v1/sessions/ended", R"({"password":"not the password at all"})"}},
        {"endEverySession",
         {"POST", "/api/v1/sessions/all-ended", R"({"password":"not the password at all"})"}},
        {"endAccountSessions",
         {"POST", "/api/v1/accounts/pat/sessions/ended",
          R"({"password":"not the password at all"})"}},
        {"changeOwnPassword",
         {"PUT", "/api/v1/accounts/me/password",
          R"({"current":"not the password at all","new":"a new long passphrase"})"}},
        {"listAccounts", {"GET", "/api/v1/accounts", ""}},
        {"createAccount",
         {"POST", "/api/v1/accounts", "{\"name\":\"new-{me}\",\"password\":\"{own}\"}"}},
        {"updateAccount",
         {"PATCH", "/api/v1/accounts/pat", R"({"disabled":false,"password":"{own}"})"}},
        {"resetPassword",
         {"POST", "/api/v1/accounts/pat/password-reset", R"({"password":"{own}"})"}},
        {"listTenders", {"GET", "/api/v1/tenders", ""}},
        {"createTender",
         {"POST", "/api/v1/tenders", "{\"name\":\"{tender}-{me}\",\"files\":{files}}"}},
        {"tenderStatus", {"GET", "/api/v1/tenders/{tender}", ""}},
        {"getModel", {"GET", "/api/v1/tenders/{tender}/model", ""}},
        {"getPanel", {"GET", "/api/v1/tenders/{tender}/panel", ""}},
        {"addPanelMember",
         {"POST", "/api/v1/tenders/{tender}/panel", R"({"account":"pat","role":"auditor"})"}},
        {"declareInterests",
         {"PUT", "/api/v1/tenders/{tender}/declaration", R"({"conflicts":[]})"}},
        {"importBids",
         {"POST", "/api/v1/tenders/{tender}/bids", "{\"files\":{\"B9-late.xml\":{late}}}"}},
        {"listBids", {"GET", "/api/v1/tenders/{tender}/bids", ""}},
        {"getTodo", {"GET", "/api/v1/tenders/{tender}/todo", ""}},
        {"submitScores",
         {"POST", "/api/v1/tenders/{tender}/scores",
          R"({"scores":[{"bid":"B1","criterion":"q-sourcing","value":3,"reason":"evidenced"}]})"}},
        {"getScores", {"GET", "/api/v1/tenders/{tender}/scores?bid=B1&criterion=q-menu", ""}},
        {"scoringView", {"GET", "/api/v1/tenders/{tender}/scoring", ""}},
        {"reopenScore",
         {"POST", "/api/v1/tenders/{tender}/reopenings",
          R"({"bid":"B1","criterion":"q-menu","evaluator":"raj","reason":"typo"})"}},
        {"moderationAgenda", {"GET", "/api/v1/tenders/{tender}/moderation", ""}},
        {"setConsensus",
         {"POST", "/api/v1/tenders/{tender}/consensus",
          R"({"bid":"B2","criterion":"q-menu","value":3,"reason":"agreed"})"}},
        {"decideAbnormallyLow",
         {"POST", "/api/v1/tenders/{tender}/abnormally-low-decisions",
          R"({"bid":"B6","accept":true,"reason":"costs explained"})"}},
        {"advance",
         {"POST", "/api/v1/tenders/{tender}/stage", R"({"to":"moderation","reason":"scored"})"}},
        {"exclude",
         {"POST", "/api/v1/tenders/{tender}/exclusions", R"({"bid":"B2","reason":"withdrew"})"}},
        {"recordSensitivity",
         {"POST", "/api/v1/tenders/{tender}/sensitivity-runs", R"({"samples":100})"}},
        {"ranking", {"GET", "/api/v1/tenders/{tender}/ranking", ""}},
        {"explainRanking", {"GET", "/api/v1/tenders/{tender}/ranking/explanations/B1", ""}},
        {"auditLog", {"GET", "/api/v1/tenders/{tender}/log", ""}},
        {"verify", {"GET", "/api/v1/tenders/{tender}/verify", ""}},
        {"scorecard", {"GET", "/api/v1/tenders/{tender}/documents/scorecard", ""}},
        {"awardReport", {"GET", "/api/v1/tenders/{tender}/documents/award-report", ""}},
        {"assessmentSummary", {"GET", "/api/v1/tenders/{tender}/documents/summaries/B1", ""}},
        {"ocdsPackage", {"GET", "/api/v1/tenders/{tender}/documents/ocds", ""}},
    };
    return kRequests;
}

std::string replacedAll(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// operationId -> the expected status per persona, from docs/role-matrix.md.
std::map<std::string, std::vector<int>> documentedMatrix() {
    std::ifstream in(std::string(FAIRTENDER_SOURCE_DIR) + "/docs/role-matrix.md");
    std::map<std::string, std::vector<int>> rows;
    std::string line;
    const std::regex row(R"(^\| `(\w+)` \|(.*)\|\s*$)");
    while (std::getline(in, line)) {
        std::smatch match;
        if (!std::regex_match(line, match, row))
            continue;
        std::vector<int> statuses;
        std::stringstream cells(match[2].str());
        std::string cell;
        while (std::getline(cells, cell, '|'))
            statuses.push_back(std::atoi(cell.c_str()));
        rows[match[1].str()] = statuses;
    }
    return rows;
}

std::vector<std::string> openApiOperations() {
    std::ifstream in(std::string(FAIRTENDER_SOURCE_DIR) + "/docs/openapi.json");
    std::stringstream text;
    text << in.rdbuf();
    std::vector<std::string> ids;
    const std::string document = text.str();
    const std::regex id(R"re("operationId": "(\w+)")re");
    for (auto it = std::sregex_iterator(document.begin(), document.end(), id);
         it != std::sregex_iterator(); ++it)
        ids.push_back((*it)[1].str());
    return ids;
}

class RoleMatrix : public ::testing::Test {
protected:
    RoleMatrix()
        : panel(scratch.str() + "/data", scratch,
                {"ann", "raj", "mo", "aud", "zed", "cat", "bea", "pat"}) {}

    // A tender of its own at evaluation: ann leads, raj, cat and bea evaluate, mo moderates,
    // aud audits; everyone declared (cat a conflict with B1) and raj scored B1 q-menu.
    void tenderAtEvaluation(const std::string& name) {
        const auto call = [&](const std::string& who, const std::string& method,
                              const std::string& path, const std::string& body) {
            const HttpReply reply = panel.as(who, method, "/api/v1/tenders/" + name + path, body);
            ASSERT_LT(reply.status, 300) << who << " " << path << ": " << reply.body;
        };
        const HttpReply created =
            panel.as("ann", "POST", "/api/v1/tenders",
                     "{\"name\":" + q(name) +
                         ",\"files\":" + folderFiles(sampleFolder("school-meals"), false) + "}");
        ASSERT_EQ(created.status, 201) << created.body;
        for (const auto& [who, role] :
             std::vector<std::pair<std::string, std::string>>{{"raj", "evaluator"},
                                                              {"cat", "evaluator"},
                                                              {"bea", "evaluator"},
                                                              {"mo", "moderator"},
                                                              {"aud", "auditor"}})
            call("ann", "POST", "/panel", "{\"account\":" + q(who) + ",\"role\":" + q(role) + "}");
        call("ann", "POST", "/stage", R"({"to":"open","reason":"published"})");
        call("ann", "POST", "/bids", "{\"files\":" + bidFiles(sampleFolder("school-meals")) + "}");
        for (const char* who : {"ann", "raj", "bea", "mo", "aud"})
            call(who, "PUT", "/declaration", R"({"conflicts":[]})");
        call("cat", "PUT", "/declaration",
             R"({"conflicts":[{"bid":"B1","details":"my brother runs it"}]})");
        call("ann", "POST", "/stage", R"({"to":"evaluation","reason":"bids opened"})");
        call("raj", "POST", "/scores",
             R"({"scores":[{"bid":"B1","criterion":"q-menu","value":4,"reason":"good"}]})");
    }

    ScratchFolder scratch;
    SignedInServer panel;
};

TEST(RoleMatrixDocument, HasARowForEveryOperationAndARequestForEachRow) {
    const auto rows = documentedMatrix();
    for (const auto& id : openApiOperations()) {
        EXPECT_TRUE(rows.count(id)) << id << " has no row in docs/role-matrix.md";
        EXPECT_TRUE(requests().count(id)) << id << " has no request in RoleMatrixTest";
    }
    for (const auto& [id, statuses] : rows)
        EXPECT_EQ(statuses.size(), kPersonas.size()) << id;
    EXPECT_EQ(rows.size(), openApiOperations().size());
}

TEST_F(RoleMatrix, EveryOperationAnswersEachPersonaAsDocumented) {
    const auto rows = documentedMatrix();
    const std::string files = folderFiles(sampleFolder("school-meals"), false);
    const std::string late = q(readFile(std::string(FAIRTENDER_SOURCE_DIR) +
                                        "/samples/school-meals/bids/B2-eccles-community-food.xml"));
    std::vector<std::string> order = openApiOperations();
    // Signing out ends the callers' sessions: it goes last.
    std::stable_partition(order.begin(), order.end(),
                          [](const std::string& id) { return id != "signOut"; });
    std::ostringstream actual;
    int rowNumber = 0;
    for (const auto& id : order) {
        const std::string tender = "row" + std::to_string(++rowNumber);
        tenderAtEvaluation(tender);
        const Request& request = requests().at(id);
        actual << "| `" << id << "` |";
        for (std::size_t column = 0; column < kPersonas.size(); ++column) {
            const std::string& persona = kPersonas[column];
            const bool anonymous = persona == "no token";
            const std::string me = anonymous ? "nobody" : kAccountOf.at(persona);
            std::string body = replacedAll(request.body, "{me}", me);
            body = replacedAll(body, "{tender}", tender);
            body = replacedAll(body, "{password}", "wrong for the matrix");
            body = replacedAll(body, "{own}",
                               me == "root" ? kRootPassword : SignedInServer::passwordOf(me));
            body = replacedAll(body, "{files}", files);
            body = replacedAll(body, "{late}", late);
            if (id == "signIn" && !anonymous)
                body = "{\"user\":" + q(me) + ",\"password\":" +
                       q(me == "root" ? kRootPassword : SignedInServer::passwordOf(me)) + "}";
            const std::string path = replacedAll(request.path, "{tender}", tender);
            const HttpReply reply =
                panel.server.call(request.method, path, anonymous ? "" : panel.tokens.at(me), body);
            actual << " " << reply.status << " |";
            const int documented = rows.count(id) ? rows.at(id).at(column) : 0;
            EXPECT_EQ(reply.status, documented)
                << id << " by " << persona << " (" << me << "): " << reply.body.substr(0, 400);
        }
        actual << "\n";
    }
    std::ofstream(scratch.path().parent_path() / "fairtender-role-matrix-actual.md")
        << actual.str();
}

} // namespace

// The scoring view, as three of the matrix's personas get it at evaluation.
class ScoringViewOnTheServer : public RoleMatrix {
protected:
    void SetUp() override { tenderAtEvaluation("meals"); }

    Poco::JSON::Object::Ptr scoringAs(const std::string& who) {
        const HttpReply reply = panel.as(who, "GET", "/api/v1/tenders/meals/scoring");
        EXPECT_EQ(reply.status, 200) << reply.body;
        // No price while the envelope is closed to evaluators: not even in a field.
        EXPECT_EQ(reply.body.find("price\""), std::string::npos) << reply.body;
        EXPECT_EQ(reply.body.find("7140000"), std::string::npos) << reply.body;
        return reply.json();
    }

    // The cell of `bid` and `criterion` in `view`.
    static Poco::JSON::Object::Ptr cellOf(const Poco::JSON::Object::Ptr& view,
                                          const std::string& bid, const std::string& criterion) {
        const auto cells = view->getArray("cells");
        for (std::size_t i = 0; i < cells->size(); ++i) {
            const auto cell = cells->getObject(static_cast<unsigned>(i));
            if (cell->getValue<std::string>("bid") == bid &&
                cell->getValue<std::string>("criterion") == criterion)
                return cell;
        }
        return nullptr;
    }
};

TEST_F(ScoringViewOnTheServer, AnEvaluatorGetsEveryCriterionWithItsScaleAndHerOwnScore) {
    const auto view = scoringAs("raj");
    // Four judgement criteria, q-menu first, on a scale of 0 to 5 with six descriptors.
    const auto criteria = view->getArray("criteria");
    ASSERT_EQ(criteria->size(), 4u);
    const auto menu = criteria->getObject(0);
    EXPECT_EQ(menu->getValue<std::string>("id"), "q-menu");
    EXPECT_EQ(menu->getValue<double>("scaleMax"), 5.0);
    EXPECT_EQ(menu->getArray("descriptors")->size(), 6u);
    // Six bids x four criteria.
    EXPECT_EQ(view->getArray("bidIds")->size(), 6u);
    EXPECT_EQ(view->getArray("cells")->size(), 24u);
    const auto scored = cellOf(view, "B1", "q-menu");
    ASSERT_TRUE(scored);
    EXPECT_EQ(scored->getObject("own")->getValue<double>("value"), 4.0);
    EXPECT_EQ(scored->getObject("own")->getValue<std::string>("reason"), "good");
}

TEST_F(ScoringViewOnTheServer, AnEvaluatorWhoHasNotScoredSeesNoOneElsesScoreAndWhy) {
    const auto cell = cellOf(scoringAs("bea"), "B1", "q-menu");
    ASSERT_TRUE(cell);
    EXPECT_EQ(cell->getArray("seen")->size(), 0u);
    EXPECT_FALSE(cell->has("own"));
    EXPECT_FALSE(cell->getValue<std::string>("hiddenBecause").empty());
}

TEST_F(ScoringViewOnTheServer, AConflictedEvaluatorsCellsOfThatBidCarryHerDeclaration) {
    const auto view = scoringAs("cat");
    EXPECT_EQ(cellOf(view, "B1", "q-menu")->getValue<std::string>("conflict"),
              "my brother runs it");
    EXPECT_EQ(cellOf(view, "B2", "q-menu")->getValue<std::string>("conflict"), "");
}

TEST_F(ScoringViewOnTheServer, SomeoneOffThePanelIsRefused) {
    EXPECT_EQ(panel.as("zed", "GET", "/api/v1/tenders/meals/scoring").status, 403);
}
