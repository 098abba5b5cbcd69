// The school meals tender from upload to award through a real server over HTTP, by five
// people on five accounts: what each may see and do is what their role, the stage and their
// declarations allow, and the audit trail names the accounts.
#include "DocumentText.h"
#include "NginxUnderTest.h"
#include "ServerTestSupport.h"
#include "StoreUnderTest.h"
#include "core/Date.h"
#include "core/FileHash.h"
#include "io/xml/ReferenceData.h"
#include "lifecycle/Standstill.h"
#include "store/Workspace.h"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

using namespace fairtender::testing;

namespace {

const std::vector<std::string> kPanel = {"ann", "raj", "eve", "mo", "aud"};
const char* const kScoredBids[] = {"B1", "B2", "B3", "B5", "B6"};
const char* const kCriteria[] = {"q-menu", "q-mobilisation", "q-sourcing", "sv-plan"};

std::string scoresBody(const std::string& reason) {
    std::string items;
    for (const char* bid : kScoredBids)
        for (const char* criterion : kCriteria)
            items += std::string(items.empty() ? "" : ",") + "{\"bid\":" + q(bid) +
                     ",\"criterion\":" + q(criterion) +
                     ",\"value\":" + (std::string(criterion) == "sv-plan" ? "60" : "3") +
                     ",\"reason\":" + q(reason) + "}";
    return "{\"scores\":[" + items + "]}";
}

// The school meals workflow of the test below, step by step the same, on a workspace file
// here through the engine, as the command line runs it: its audit log and its verification.
struct FileWorkflow {
    std::vector<fairtender::AuditEntry> log;
    fairtender::VerifyReport verify;
};

FileWorkflow fileWorkflow(const std::filesystem::path& scratch) {
    using namespace fairtender;
    const std::filesystem::path samples = sampleFolder("school-meals");
    const std::filesystem::path reference =
        std::filesystem::path(FAIRTENDER_SOURCE_DIR) / "templates" / "reference";
    Diagnostics warnings;
    const auto rates = loadReferenceLivingWageTable(reference / "living-wage-rates.xml", warnings);
    const auto holidays =
        loadBankHolidays(reference / "bank-holidays-england-and-wales.xml", warnings);
    const LivingWageTable* table = rates ? &*rates : nullptr;
    const std::filesystem::path folder = scratch / "file-workflow";
    std::filesystem::create_directories(folder);
    std::filesystem::copy_file(samples / "tender.xml", folder / "tender.xml");
    auto created = Workspace::createFromFolder(folder, scratch / "meals.ftw", "ann", table, {},
                                               nullptr, "uploaded by ann");
    EXPECT_TRUE(created.ok());
    Workspace& ws = *created.workspace;
    const auto ok = [](const CommandOutcome& outcome) {
        EXPECT_TRUE(outcome.ok()) << (outcome.problems.empty() ? ""
                                                               : outcome.problems[0].toString());
    };
    ok(ws.addPanelMember("ann", "ann", PanelRole::Lead));
    ok(ws.addPanelMember("ann", "raj", PanelRole::Evaluator));
    ok(ws.addPanelMember("ann", "eve", PanelRole::Evaluator));
    ok(ws.addPanelMember("ann", "mo", PanelRole::Moderator));
    ok(ws.addPanelMember("ann", "aud", PanelRole::Auditor));
    ok(ws.advance("ann", LifecycleState::Open, "published", table));
    std::vector<std::filesystem::path> bids;
    for (const auto& entry : std::filesystem::directory_iterator(samples / "bids"))
        bids.push_back(entry.path());
    std::sort(bids.begin(), bids.end());
    ok(ws.importBids("ann", bids, table));
    for (const char* person : {"ann", "raj", "eve", "aud"})
        ok(ws.declareInterests(person, {}, table));
    ok(ws.declareInterests("mo", {{"mo", "B3", "former director"}}, table));
    ok(ws.advance("ann", LifecycleState::Evaluation, "bids opened", table));
    const auto everyScore = [](const std::string& reason) {
        std::vector<ScoreSubmission> scores;
        for (const char* bid : kScoredBids)
            for (const char* criterion : kCriteria)
                scores.push_back(
                    {bid, criterion, std::string(criterion) == "sv-plan" ? 60.0 : 3.0, reason, {}});
        return scores;
    };
    ok(ws.submitScores("raj", everyScore("meets the requirement"), table));
    ok(ws.submitScores("eve", everyScore("sound and evidenced"), table));
    ok(ws.advance("ann", LifecycleState::Moderation, "all scored", table));
    for (const char* bid : kScoredBids)
        for (const char* criterion : kCriteria)
            ok(ws.setConsensus(std::string(bid) == "B3" ? "ann" : "mo", bid, criterion,
                               std::string(criterion) == "sv-plan" ? 60 : 3, "agreed", "", table));
    ok(ws.decideAbnormallyLow("ann", "B6", true, "costs explained", table));
    ok(ws.advance("ann", LifecycleState::Locked, "final", table));
    ok(ws.advance("ann", LifecycleState::Awarded, "approved by cabinet", table,
                  holidays ? &*holidays : nullptr, todayUtc()));
    return {ws.auditLog(), ws.verify(table)};
}

// How the server runs: one instance on a data folder (SQLite) or on PostgreSQL, or two
// instances on one PostgreSQL database behind nginx (TLS), the docs' example config.
enum class Deployment { Sqlite, Postgres, TwoBehindNginx };

std::string deploymentName(const ::testing::TestParamInfo<Deployment>& info) {
    switch (info.param) {
    case Deployment::Sqlite:
        return "SQLite";
    case Deployment::Postgres:
        return "PostgreSQL";
    case Deployment::TwoBehindNginx:
        return "TwoInstancesBehindNginx";
    }
    return "unknown";
}

std::string storeFor(Deployment deployment, const ScratchFolder& scratch) {
    return deployment == Deployment::Sqlite ? scratch.str() + "/data" : freshDatabase("server");
}

class SchoolMealsServer : public ::testing::TestWithParam<Deployment> {
protected:
    SchoolMealsServer() : panel(storeFor(GetParam(), scratch), scratch, kPanel) {}

    void SetUp() override {
        if (GetParam() != Deployment::TwoBehindNginx)
            return;
        // The accounts were made through the first instance; a second one serves the same
        // database with the same signing key, and from now on every call goes through nginx.
        second.emplace(panel.storeLocation(), secondScratch.path(), panel.server.signingKey());
        ASSERT_TRUE(second->start(
            {"--trusted-proxy", "127.0.0.1", "--public-url", "https://tenders.example.test/"}))
            << second->errors();
        nginx.emplace(nginxScratch.path(), panel.server.port(), second->port());
        ASSERT_TRUE(nginx->start()) << nginx->errors();
        panel.server.routeThrough(nginx->port(), true);
    }

    // Half way through the evaluation: behind nginx, one instance dies at once (SIGKILL)
    // and the rest of the tender is served by the other.
    void midway() {
        if (GetParam() == Deployment::TwoBehindNginx)
            panel.server.kill9();
    }

    // The reply's body kept as the file `name`, for a reader of its kind.
    std::filesystem::path saved(const HttpReply& reply, const std::string& name) const {
        const std::filesystem::path file = scratch.path() / name;
        std::ofstream(file, std::ios::binary) << reply.body;
        return file;
    }

    // Expects `status` from `person`'s request and gives the reply.
    HttpReply expect(int status, const std::string& person, const std::string& method,
                     const std::string& path, const std::string& body = "") {
        const HttpReply reply = panel.as(person, method, "/api/v1/tenders/meals" + path, body);
        EXPECT_EQ(reply.status, status) << person << " " << method << " " << path << "\n"
                                        << reply.body;
        return reply;
    }

    void upToEvaluation() {
        const HttpReply created = panel.as(
            "ann", "POST", "/api/v1/tenders",
            "{\"name\":\"meals\",\"files\":" + folderFiles(sampleFolder("school-meals"), false) +
                "}");
        ASSERT_EQ(created.status, 201) << created.body;
        EXPECT_EQ(created.text("lead"), "ann");
        expect(200, "ann", "POST", "/panel", R"({"account":"raj","role":"evaluator"})");
        expect(200, "ann", "POST", "/panel", R"({"account":"eve","role":"evaluator"})");
        expect(200, "ann", "POST", "/panel", R"({"account":"mo","role":"moderator"})");
        expect(200, "ann", "POST", "/panel", R"({"account":"aud","role":"auditor"})");
        expect(200, "ann", "POST", "/stage", R"({"to":"open","reason":"published"})");
        const HttpReply imported =
            expect(200, "ann", "POST", "/bids",
                   "{\"files\":" + bidFiles(sampleFolder("school-meals")) + "}");
        EXPECT_NE(imported.text("summary").find("6 bids"), std::string::npos) << imported.body;
        for (const char* person : {"ann", "raj", "eve", "aud"})
            expect(200, person, "PUT", "/declaration", R"({"conflicts":[]})");
        expect(200, "mo", "PUT", "/declaration",
               R"({"conflicts":[{"bid":"B3","details":"former director"}]})");
        expect(200, "ann", "POST", "/stage", R"({"to":"evaluation","reason":"bids opened"})");
    }

    ScratchFolder scratch;
    SignedInServer panel;
    ScratchFolder secondScratch;
    ScratchFolder nginxScratch;
    std::optional<ServerUnderTest> second;
    std::optional<NginxUnderTest> nginx;
};

TEST_P(SchoolMealsServer, RunsFromUploadToAwardWithEveryoneOnTheirOwnAccount) {
    upToEvaluation();

    // Evaluation: the evaluators see no prices and no ranking, and score independently.
    const HttpReply bids = expect(200, "raj", "GET", "/bids");
    EXPECT_EQ(bids.body.find("pricePence"), std::string::npos) << bids.body;
    EXPECT_NE(bids.body.find("\"priceHidden\":true"), std::string::npos);
    EXPECT_EQ(expect(403, "raj", "GET", "/ranking").text("code"), "view.ranking-price-blind");
    EXPECT_EQ(expect(403, "raj", "GET", "/log").text("code"), "view.audit-log");
    expect(200, "raj", "POST", "/scores", scoresBody("meets the requirement"));
    midway();
    // eve has not scored B1 q-menu yet, so she may not read raj's score there.
    expect(403, "eve", "GET", "/scores?bid=B1&criterion=q-menu");
    expect(200, "eve", "POST", "/scores", scoresBody("sound and evidenced"));
    const HttpReply seen = expect(200, "eve", "GET", "/scores?bid=B1&criterion=q-menu");
    EXPECT_NE(seen.body.find("\"evaluator\":\"raj\""), std::string::npos) << seen.body;
    // A submitted score is locked.
    expect(422, "raj", "POST", "/scores", scoresBody("second thoughts"));
    expect(200, "ann", "POST", "/stage", R"({"to":"moderation","reason":"all scored"})");

    // Moderation: mo may not moderate B3, with which he declared a conflict.
    EXPECT_EQ(expect(403, "raj", "GET", "/moderation").text("code"), "view.moderation-agenda");
    expect(200, "mo", "GET", "/moderation");
    expect(422, "mo", "POST", "/consensus",
           R"({"bid":"B3","criterion":"q-menu","value":3,"reason":"agreed"})");
    for (const char* bid : kScoredBids)
        for (const char* criterion : kCriteria)
            expect(200, std::string(bid) == "B3" ? "ann" : "mo", "POST", "/consensus",
                   "{\"bid\":" + q(bid) + ",\"criterion\":" + q(criterion) +
                       ",\"value\":" + (std::string(criterion) == "sv-plan" ? "60" : "3") +
                       ",\"reason\":\"agreed\"}");
    expect(403, "mo", "POST", "/abnormally-low-decisions",
           R"({"bid":"B6","accept":true,"reason":"costs explained"})");
    expect(200, "ann", "POST", "/abnormally-low-decisions",
           R"({"bid":"B6","accept":true,"reason":"costs explained"})");
    expect(403, "mo", "POST", "/stage", R"({"to":"locked","reason":"final"})");
    expect(200, "ann", "POST", "/stage", R"({"to":"locked","reason":"final"})");

    // Locked: the prices and the ranking are open to the panel.
    const HttpReply ranking = expect(200, "raj", "GET", "/ranking");
    EXPECT_EQ(ranking.text("winner"), "B1") << ranking.body;
    expect(200, "ann", "POST", "/stage",
           "{\"to\":\"awarded\",\"reason\":\"approved by cabinet\",\"noticeDate\":" +
               q(fairtender::todayUtc().toString()) + "}");

    // The auditor verifies the record; every change is signed by the account that made it.
    const HttpReply verified = expect(200, "aud", "GET", "/verify");
    EXPECT_TRUE(verified.json()->getValue<bool>("ok")) << verified.body;
    // Every entry is signed by the server's published key.
    const std::string serverKey = panel.server.call("GET", "/api/v1/signing-key").text("publicKey");
    EXPECT_EQ(verified.text("signedBy"), serverKey);
    EXPECT_EQ(verified.json()->getValue<int>("entriesSigned"),
              verified.json()->getValue<int>("entriesChecked"));
    const auto entries = expect(200, "aud", "GET", "/log").json()->getArray("entries");
    std::set<std::string> actors;
    for (std::size_t i = 0; i < entries->size(); ++i)
        actors.insert(entries->getObject(static_cast<unsigned>(i))->getValue<std::string>("actor"));
    EXPECT_EQ(actors, (std::set<std::string>{"ann", "raj", "eve", "mo", "aud"}));

    // The same steps on a workspace file here make the same record: entry for entry the
    // same person, action and subject, the same results recorded last, and verify passes on
    // both (only the times, hashes and the server's signatures differ).
    const FileWorkflow file = fileWorkflow(scratch.path());
    EXPECT_TRUE(file.verify.ok()) << (file.verify.problems.empty()
                                          ? ""
                                          : file.verify.problems[0].toString());
    EXPECT_EQ(static_cast<std::size_t>(verified.json()->getValue<int>("entriesChecked")),
              file.verify.entriesChecked);
    ASSERT_EQ(entries->size(), file.log.size());
    std::string lastResults;
    for (std::size_t i = 0; i < entries->size(); ++i) {
        const auto entry = entries->getObject(static_cast<unsigned>(i));
        const fairtender::AuditEntry& here = file.log[i];
        EXPECT_EQ(entry->getValue<std::string>("actor"), here.actor) << "entry " << i + 1;
        EXPECT_EQ(entry->getValue<std::string>("action"), here.action) << "entry " << i + 1;
        EXPECT_EQ(entry->getValue<std::string>("subject"), here.subject) << "entry " << i + 1;
        if (here.action == "results.recorded") {
            EXPECT_EQ(entry->getValue<std::string>("after"), here.after) << "entry " << i + 1;
            lastResults = here.after;
        }
    }
    EXPECT_FALSE(lastResults.empty());
    EXPECT_EQ(expect(200, "aud", "GET", "").text("stage"), "awarded");

    // The documents come from the verified record, for the lead and the auditor only.
    const HttpReply report = expect(200, "aud", "GET", "/documents/award-report");
    EXPECT_TRUE(report.body.starts_with("%PDF-"));
    EXPECT_EQ(report.headers.at("Content-Type"), "application/pdf");
    EXPECT_EQ(report.headers.at("Content-Disposition"),
              "attachment; filename=\"SCC-2026-014-award-report.pdf\"");
    // The report tells its reader where to verify the tender: its address on the server
    // (named by --public-url behind nginx, where the first instance is dead by now).
    const std::string reportText = pdfTextWithoutSpaces(saved(report, "award-report.pdf"));
    EXPECT_NE(reportText.find(nginx ? "verifyhttps://tenders.example.test/api/v1/tenders/meals"
                                    : "/api/v1/tenders/meals"),
              std::string::npos)
        << reportText;
    const HttpReply scorecard = expect(200, "ann", "GET", "/documents/scorecard");
    EXPECT_TRUE(scorecard.body.starts_with("PK"));
    // Its Provenance sheet hashes the bytes the server keeps, which are the uploaded files.
    const std::string inputs = provenanceFilesOf(saved(scorecard, "scorecard.xlsx"));
    EXPECT_NE(inputs.find("tender.xml " +
                          fairtender::sha256Hex(
                              std::filesystem::path(sampleFolder("school-meals")) / "tender.xml")
                              .value_or("?")),
              std::string::npos)
        << inputs;
    EXPECT_EQ(inputs.find("(unreadable)"), std::string::npos) << inputs;
    EXPECT_TRUE(expect(200, "ann", "GET", "/documents/summaries/B2").body.starts_with("%PDF-"));
    expect(404, "ann", "GET", "/documents/summaries/B9");
    const HttpReply ocds = expect(200, "ann", "GET", "/documents/ocds");
    EXPECT_NE(ocds.body.find(serverKey), std::string::npos) << ocds.body;
    for (const char* document : {"/documents/award-report", "/documents/scorecard",
                                 "/documents/summaries/B1", "/documents/ocds"})
        EXPECT_EQ(expect(403, "raj", "GET", document).text("code"), "view.documents");
    if (nginx) {
        // The calls after the kill that nginx sent to the dead instance went to the other.
        EXPECT_NE(nginx->errors().find("while connecting to upstream"), std::string::npos)
            << nginx->errors();
    }
}

TEST_P(SchoolMealsServer, AChangeSentAgainstAnOlderHeadIs409WithTheCurrentHead) {
    upToEvaluation();
    const HttpReply seen = expect(200, "raj", "GET", "");
    const std::string etag = seen.headers.at("ETag");
    // eve scores meanwhile: the head moves on.
    expect(200, "eve", "POST", "/scores", scoresBody("sound and evidenced"));
    const HttpReply stale =
        panel.server.call("POST", "/api/v1/tenders/meals/scores", panel.tokens["raj"],
                          scoresBody("meets the requirement"), {{"If-Match", etag}});
    EXPECT_EQ(stale.status, 409) << stale.body;
    EXPECT_EQ(stale.text("code"), "tender.head-changed");
    const std::string current = stale.headers.at("ETag");
    EXPECT_NE(current, etag);
    EXPECT_EQ(expect(200, "raj", "GET", "").headers.at("ETag"), current);
    const HttpReply fresh =
        panel.server.call("POST", "/api/v1/tenders/meals/scores", panel.tokens["raj"],
                          scoresBody("meets the requirement"), {{"If-Match", current}});
    EXPECT_EQ(fresh.status, 200) << fresh.body;
}

TEST_P(SchoolMealsServer, AnEvaluatorCannotAddHerselfAsLeadOrReopenScores) {
    upToEvaluation();
    expect(200, "raj", "POST", "/scores", scoresBody("meets the requirement"));
    EXPECT_EQ(
        expect(403, "eve", "POST", "/panel", R"({"account":"eve","role":"lead"})").text("code"),
        "panel.not-lead");
    EXPECT_EQ(expect(403, "eve", "POST", "/reopenings",
                     R"({"bid":"B1","criterion":"q-menu","evaluator":"raj","reason":"x"})")
                  .text("code"),
              "reopen.not-lead");
}

TEST_P(SchoolMealsServer, ANonMemberReadsNothingOfTheTender) {
    upToEvaluation();
    for (const char* path : {"", "/panel", "/bids", "/todo", "/ranking", "/log", "/verify"})
        EXPECT_EQ(panel.as("root", "GET", std::string("/api/v1/tenders/meals") + path).status, 403)
            << path;
    EXPECT_EQ(panel.as("root", "GET", "/api/v1/tenders").body, "{\"tenders\":[]}");
}

TEST_P(SchoolMealsServer, AnUploadWithABrokenBidNamesTheFileLineAndColumn) {
    std::string files = folderFiles(sampleFolder("school-meals"), false);
    files.insert(files.size() - 1, ",\"bids/B9-broken.xml\":\"<bid><oops></bid>\"");
    const HttpReply refused =
        panel.as("ann", "POST", "/api/v1/tenders", "{\"name\":\"meals\",\"files\":" + files + "}");
    EXPECT_EQ(refused.status, 422) << refused.body;
    const auto detail = refused.json()->getArray("details")->getObject(0);
    EXPECT_EQ(detail->getValue<std::string>("file"), "bids/B9-broken.xml") << refused.body;
    EXPECT_GT(detail->getValue<int>("line"), 0);
    EXPECT_EQ(refused.body.find(scratch.str()), std::string::npos) << "a server path leaked";
    // Nothing was kept: the name is free.
    EXPECT_EQ(panel.as("ann", "GET", "/api/v1/tenders/meals").status, 404);
}

TEST_P(SchoolMealsServer, AnUploadMayNotCarryScores) {
    std::string files = folderFiles(sampleFolder("school-meals"), false);
    files.insert(files.size() - 1, ",\"evaluations.xml\":\"<evaluations/>\"");
    const HttpReply refused =
        panel.as("ann", "POST", "/api/v1/tenders", "{\"name\":\"meals\",\"files\":" + files + "}");
    EXPECT_EQ(refused.status, 400) << refused.body;
    EXPECT_NE(refused.body.find("each evaluator signs in and scores"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Deployments, SchoolMealsServer,
                         ::testing::Values(Deployment::Sqlite, Deployment::Postgres,
                                           Deployment::TwoBehindNginx),
                         deploymentName);

} // namespace
