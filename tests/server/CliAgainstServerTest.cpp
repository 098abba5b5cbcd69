// The command line against a real server: five people, each with a session of their own
// kept by `fairtender login` in their own configuration folder, run the school meals tender
// from upload to award with the same commands as on a workspace file, naming the tender by
// its URL and acting as the account signed in (never a name typed).
#include "DocumentText.h"
#include "ServerTestSupport.h"
#include "ShellCommand.h"
#include "core/FileBytes.h"
#include "core/FileHash.h"
#include "identity/Totp.h"

#include <ctime>
#include <sys/stat.h>
#include <unistd.h>

using namespace fairtender::testing;

namespace {

const std::vector<std::string> kPanel = {"ann", "raj", "eve", "mo", "aud"};
const char* const kScoredBids[] = {"B1", "B2", "B3", "B5", "B6"};
const char* const kCriteria[] = {"q-menu", "q-mobilisation", "q-sourcing", "sv-plan"};

std::string shellQuoted(const std::string& text) {
    std::string out = "'";
    for (const char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

class PanelOnTheCommandLine : public ::testing::Test {
protected:
    PanelOnTheCommandLine() : panel(scratch.str() + "/data", scratch, kPanel) {}

    void SetUp() override {
        for (const auto& person : kPanel) {
            const ShellRun login =
                run(person, "printf '%s\\n' " + shellQuoted(SignedInServer::passwordOf(person)) +
                                " | " + cli() + " login " + server() + " --user " + person +
                                " --password-stdin");
            ASSERT_EQ(login.exitCode, 0) << login.out;
        }
    }

    std::string server() const { return "http://127.0.0.1:" + std::to_string(panel.server.port()); }
    std::string tender() const { return server() + "/api/v1/tenders/meals"; }
    static std::string cli() { return shellQuoted(FAIRTENDER_CLI_EXECUTABLE); }

    // `command` as typed by `person` on their own machine (their own configuration folder),
    // standard error with standard output.
    ShellRun run(const std::string& person, const std::string& command) const {
        const std::string home = scratch.str() + "/home-" + person;
        return runShell("cd " + shellQuoted(scratch.str()) + " && export XDG_CONFIG_HOME=" +
                        shellQuoted(home) + " && " + command + " 2>&1");
    }

    // `fairtender WORDS TENDER-URL ARGS` as `person`, expecting `exitCode`.
    std::string fairtender(int exitCode, const std::string& person, const std::string& words,
                           const std::string& args = "") {
        const ShellRun done = run(person, cli() + " " + words + " " + tender() + " " + args);
        EXPECT_EQ(done.exitCode, exitCode)
            << person << ": fairtender " << words << " " << args << "\n"
            << done.out;
        return done.out;
    }

    void upToEvaluation() {
        // The tender alone first; the bids come in once it is open.
        std::filesystem::create_directories(scratch.path() / "meals");
        std::filesystem::copy_file(sampleFolder("school-meals") + "/tender.xml",
                                   scratch.path() / "meals" / "tender.xml");
        const ShellRun created = run("ann", cli() + " workspace create meals " + tender());
        ASSERT_EQ(created.exitCode, 0) << created.out;
        EXPECT_EQ(created.out, "Created " + tender() +
                                   " from meals: tender SCC-2026-014, 0 bids, led by you; add "
                                   "the panel with panel add\n");
        fairtender(0, "ann", "panel add", "raj --role evaluator");
        fairtender(0, "ann", "panel add", "eve --role evaluator");
        fairtender(0, "ann", "panel add", "mo --role moderator");
        fairtender(0, "ann", "panel add", "aud --role auditor");
        fairtender(0, "ann", "advance", "--to open --reason published");
        const std::string imported = fairtender(
            0, "ann", "workspace import-bids", shellQuoted(sampleFolder("school-meals") + "/bids"));
        EXPECT_NE(imported.find("6 bids"), std::string::npos) << imported;
        for (const char* person : {"ann", "raj", "eve", "aud"})
            fairtender(0, person, "panel declare", "--none");
        fairtender(0, "mo", "panel declare", "--conflict B3 --details 'former director'");
        fairtender(0, "ann", "advance", "--to evaluation --reason 'bids opened'");
    }

    // Both evaluators score every bid they may on every judgement criterion.
    void scoreEverything() {
        for (const char* evaluator : {"raj", "eve"})
            for (const char* bid : kScoredBids)
                for (const char* criterion : kCriteria)
                    fairtender(0, evaluator, "score",
                               std::string("--bid ") + bid + " --criterion " + criterion +
                                   " --value " +
                                   (std::string(criterion) == "sv-plan" ? "60" : "3") +
                                   " --reason 'meets the requirement'");
    }

    // mo agrees every consensus but B3's, with which he declared a conflict: ann agrees those.
    void agreeEveryConsensus() {
        for (const char* bid : kScoredBids)
            for (const char* criterion : kCriteria)
                fairtender(0, std::string(bid) == "B3" ? "ann" : "mo", "moderate",
                           std::string("--bid ") + bid + " --criterion " + criterion + " --value " +
                               (std::string(criterion) == "sv-plan" ? "60" : "3") +
                               " --reason agreed");
    }

    // From upload to the award, every step as the person whose step it is.
    void upToAward() {
        upToEvaluation();
        scoreEverything();
        fairtender(0, "ann", "advance", "--to moderation --reason 'all scored'");
        agreeEveryConsensus();
        fairtender(0, "ann", "decide-abnormally-low",
                   "--bid B6 --accept --reason 'costs explained'");
        fairtender(0, "ann", "advance", "--to locked --reason final");
        fairtender(0, "ann", "advance", "--to awarded --reason 'approved by cabinet'");
    }

    ScratchFolder scratch;
    SignedInServer panel;
};

TEST_F(PanelOnTheCommandLine, RunsTheSchoolMealsTenderFromUploadToAward) {
    upToEvaluation();

    // Evaluation: raj sees no price and may not read the log; each scores as themselves.
    const std::string bids = fairtender(0, "raj", "panel bids");
    EXPECT_NE(bids.find("B1  "), std::string::npos) << bids;
    EXPECT_NE(bids.find("price hidden until the results are locked"), std::string::npos);
    EXPECT_EQ(bids.find("7,140,000.00"), std::string::npos) << bids;
    EXPECT_NE(fairtender(1, "raj", "log").find(tender() + ": raj is not the lead or an auditor"),
              std::string::npos);
    EXPECT_NE(fairtender(0, "raj", "panel todo").find("score"), std::string::npos);
    scoreEverything();
    const std::string seen = fairtender(0, "eve", "score", "--show --bid B1 --criterion q-menu");
    EXPECT_NE(seen.find("B1 q-menu raj 3  meets the requirement"), std::string::npos) << seen;
    fairtender(1, "raj", "advance", "--to moderation --reason 'all in'");
    fairtender(0, "ann", "advance", "--to moderation --reason 'all scored'");

    // Moderation: mo may not agree the consensus on B3, with which he declared a conflict.
    EXPECT_NE(fairtender(0, "mo", "moderate").find("B1 q-menu  mean 3.00"), std::string::npos);
    fairtender(1, "mo", "moderate", "--bid B3 --criterion q-menu --value 3 --reason agreed");
    agreeEveryConsensus();
    fairtender(1, "mo", "decide-abnormally-low", "--bid B6 --accept --reason 'costs explained'");
    fairtender(0, "ann", "decide-abnormally-low", "--bid B6 --accept --reason 'costs explained'");
    fairtender(0, "ann", "advance", "--to locked --reason final");
    fairtender(0, "ann", "advance", "--to awarded --reason 'approved by cabinet'");

    // Locked and awarded: raj now sees the prices; the log names the accounts.
    const std::string pricesOpen = fairtender(0, "raj", "panel bids");
    EXPECT_NE(pricesOpen.find("B1  Irwell Kitchen Workers' Co-operative Ltd  7,140,000.00"),
              std::string::npos)
        << pricesOpen;
    const std::string log = fairtender(0, "aud", "log");
    for (const auto& person : kPanel)
        EXPECT_NE(log.find("  " + person + "  "), std::string::npos) << person << "\n" << log;
    EXPECT_NE(log.find("awarded"), std::string::npos);
    // The auditor verifies from her own machine, against the key and head noted elsewhere.
    const std::string key = panel.server.call("GET", "/api/v1/signing-key").text("publicKey");
    const std::string head = panel.as("aud", "GET", "/api/v1/tenders/meals").text("head");
    const std::string verified =
        fairtender(0, "aud", "verify", "--signed-by " + key + " --expect-head " + head);
    EXPECT_NE(verified.find(tender() + " verified: "), std::string::npos) << verified;
    EXPECT_NE(verified.find("head hash " + head + ", as noted"), std::string::npos) << verified;
    EXPECT_NE(verified.find("every entry is signed by the server key " + key), std::string::npos);
    const std::string otherKey(64, 'a');
    EXPECT_NE(
        fairtender(1, "aud", "verify", "--signed-by " + otherKey).find("not the noted " + otherKey),
        std::string::npos);
    EXPECT_NE(fairtender(1, "raj", "verify").find("raj is not the lead or an auditor"),
              std::string::npos);
}

TEST_F(PanelOnTheCommandLine, TheAuditorFetchesEveryDocumentTheServerMadeFromItsRecord) {
    upToAward();
    const std::string report = fairtender(0, "aud", "report", "--pdf report.pdf");
    EXPECT_EQ(report, "Wrote the award report of SCC-2026-014 to report.pdf, made by " + server() +
                          " from its verified record\n");
    EXPECT_TRUE(
        fairtender::readFileBytes(scratch.path() / "report.pdf").value_or("").starts_with("%PDF-"));
    EXPECT_NE(pdfTextWithoutSpaces(scratch.path() / "report.pdf").find("verify" + tender()),
              std::string::npos);

    fairtender(0, "aud", "export", "--xlsx scorecard.xlsx");
    const std::string inputs = provenanceFilesOf(scratch.path() / "scorecard.xlsx");
    EXPECT_NE(
        inputs.find("bids/B1-irwell-kitchen.xml " +
                    fairtender::sha256Hex(std::filesystem::path(sampleFolder("school-meals")) /
                                          "bids" / "B1-irwell-kitchen.xml")
                        .value_or("?")),
        std::string::npos)
        << inputs;

    // One summary per bid, B4 (which failed the insurance gate) told why it was excluded.
    const std::string summaries = fairtender(0, "aud", "summaries", "--out letters");
    EXPECT_NE(summaries.find("Wrote 6 assessment summaries of SCC-2026-014 to letters:"),
              std::string::npos)
        << summaries;
    std::size_t letters = 0;
    for (const auto& entry : std::filesystem::directory_iterator(scratch.path() / "letters"))
        letters += entry.path().extension() == ".pdf" ? 1 : 0;
    EXPECT_EQ(letters, 6u);

    const std::string ocds = fairtender(0, "aud", "ocds", "--ocid-prefix ocds-b5fd17-");
    EXPECT_NE(ocds.find("\"ocid\": \"ocds-b5fd17-SCC-2026-014\""), std::string::npos) << ocds;
}

TEST_F(PanelOnTheCommandLine, EvaluateShowsTheRankingTheServerSendsAsTheTableWouldBeHere) {
    upToAward();
    const std::string table = fairtender(0, "aud", "evaluate");
    EXPECT_TRUE(table.starts_with("Tender SCC-2026-014: Primary school meals catering")) << table;
    EXPECT_NE(table.find("Quality (30)"), std::string::npos) << table;
    EXPECT_NE(table.find("B4   Pennine Plate Ltd  failed gate insurance"), std::string::npos)
        << table;
    EXPECT_NE(table.find("Winner: B1 Irwell Kitchen Workers' Co-operative Ltd"), std::string::npos)
        << table;
    const std::string json = fairtender(0, "aud", "evaluate", "--json");
    EXPECT_NE(json.find("\"winner\": \"B1\""), std::string::npos) << json;
}

// The server keeps a ranking for as long as the tender's head stands: a change since it was
// last read is in the next one.
TEST_F(PanelOnTheCommandLine, TheRankingFollowsAnExclusionRecordedSinceItWasLastRead) {
    upToAward();
    const std::string before = fairtender(0, "aud", "evaluate", "--json");
    EXPECT_EQ(fairtender(0, "aud", "evaluate", "--json"), before);
    EXPECT_EQ(before.find("\"reason\": \"excluded after evaluation"), std::string::npos);
    fairtender(0, "ann", "exclude", "--bid B2 --why 'failed the final financial check'");
    const std::string after = fairtender(0, "aud", "evaluate", "--json");
    EXPECT_NE(after.find("\"reason\": \"excluded after evaluation: failed the final financial "
                         "check\""),
              std::string::npos)
        << after;
}

TEST_F(PanelOnTheCommandLine, ExplainGivesEveryNumberOfABidWithItsInputsAndFormula) {
    upToAward();
    // Every number of B1's result with its inputs and formula, made from the stored scores:
    // both evaluators gave 3 on q-menu, the consensus 3 of 5 on 12 points.
    const std::string there = fairtender(0, "aud", "evaluate", "--explain B1");
    EXPECT_NE(there.find("Status: ranked 1 of 5, the winner"), std::string::npos) << there;
    EXPECT_NE(there.find("Total (the sum of the rounded points below): 75.24 points"),
              std::string::npos)
        << there;
    EXPECT_NE(there.find("formula: q-menu: consensus 3 / scale 5 x 12 = 7.20"), std::string::npos)
        << there;
    // Once the results are locked an evaluator reads it too, as the ranking.
    EXPECT_EQ(fairtender(0, "raj", "evaluate", "--explain B1"), there);
    EXPECT_NE(fairtender(1, "aud", "evaluate", "--explain B9").find("there is no bid B9"),
              std::string::npos);
}

TEST_F(PanelOnTheCommandLine, AnEvaluatorSeesNoRankingBeforeTheResultsAreLocked) {
    upToEvaluation();
    const std::string refused = fairtender(1, "raj", "evaluate");
    EXPECT_NE(refused.find(tender() +
                           ": the ranking shows every price, which raj sees once the results "
                           "are locked; the tender is at the evaluation stage"),
              std::string::npos)
        << refused;
    EXPECT_EQ(refused.find("Irwell"), std::string::npos) << refused;
}

TEST_F(PanelOnTheCommandLine, AnEvaluatorGetsNoDocumentAndNothingIsWritten) {
    upToAward();
    const std::string refused = fairtender(1, "raj", "report", "--pdf report.pdf");
    EXPECT_NE(refused.find("raj is not the lead or an auditor"), std::string::npos) << refused;
    EXPECT_FALSE(std::filesystem::exists(scratch.path() / "report.pdf"));
    fairtender(1, "raj", "summaries", "--out letters");
    EXPECT_FALSE(std::filesystem::exists(scratch.path() / "letters"));
}

TEST_F(PanelOnTheCommandLine, WorkspaceStatusGivesTheServersCountsAndTheAwardHistory) {
    upToAward();
    const std::string status = fairtender(0, "raj", "workspace status");
    EXPECT_NE(status.find(tender() + ": tender SCC-2026-014 (Primary school meals catering"),
              std::string::npos)
        << status;
    EXPECT_NE(status.find("  state            awarded\n"), std::string::npos) << status;
    EXPECT_NE(status.find("  bids             6 in 6 files\n"), std::string::npos) << status;
    // Two evaluators x five bids x four criteria, and one consensus for each pair.
    EXPECT_NE(status.find("  scores           40\n"), std::string::npos) << status;
    EXPECT_NE(status.find("  consensus        20\n"), std::string::npos) << status;
    EXPECT_NE(status.find("  abnormally low   1 decisions\n"), std::string::npos) << status;
    EXPECT_NE(status.find("    awarded to B1 (notice "), std::string::npos) << status;
    EXPECT_NE(status.find("; recorded by ann: approved by cabinet"), std::string::npos) << status;
    EXPECT_EQ(status.find("schema version"), std::string::npos) << status;
}

TEST_F(PanelOnTheCommandLine, AnEvaluatorScoresFromTheScoreSheetTheServersViewMade) {
    upToEvaluation();
    EXPECT_EQ(fairtender(0, "raj", "panel sheet", "--xlsx raj.xlsx"),
              "Wrote the score sheet of raj to raj.xlsx: 20 rows, 20 to score\n");
    const std::string helper =
        shellQuoted(std::string(FAIRTENDER_SOURCE_DIR) + "/tests/cli/score_sheet.py");
    const ShellRun shown = run("raj", "/usr/bin/python3 " + helper + " show raj.xlsx");
    ASSERT_EQ(shown.exitCode, 0) << shown.out;
    EXPECT_NE(shown.out.find("Scores!A7\tB1"), std::string::npos) << shown.out;
    EXPECT_NE(shown.out.find("Scores!B7\tq-menu"), std::string::npos) << shown.out;
    // Made from what the server sent raj: no price anywhere on it.
    EXPECT_EQ(shown.out.find("£"), std::string::npos) << shown.out;
    const ShellRun filled =
        run("raj", "/usr/bin/python3 " + helper +
                       " fill raj.xlsx raj-filled.xlsx E7=4 'F7=a clear allergen plan'");
    ASSERT_EQ(filled.exitCode, 0) << filled.out;
    EXPECT_EQ(fairtender(0, "raj", "score", "--from-sheet raj-filled.xlsx"),
              "raj scored B1 q-menu 4\n");
    EXPECT_EQ(fairtender(0, "raj", "score", "--show --bid B1 --criterion q-menu"),
              "B1 q-menu raj 4  a clear allergen plan\n");
    // Someone else's sheet is refused whole.
    EXPECT_NE(fairtender(1, "eve", "score", "--from-sheet raj-filled.xlsx")
                  .find("this score sheet was made for raj, not eve"),
              std::string::npos);
}

TEST_F(PanelOnTheCommandLine, OnAServerAScoreSheetIsTheAccountsOwn) {
    upToEvaluation();
    EXPECT_NE(fairtender(2, "raj", "panel sheet", "--for eve --xlsx eve.xlsx")
                  .find("on a server a score sheet is made for the account signed in (raj): eve "
                        "signs in and makes their own"),
              std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(scratch.path() / "eve.xlsx"));
}

TEST_F(PanelOnTheCommandLine, ASecondFactorEnrolledHereIsAskedForAtTheNextSignIn) {
    const std::string helper =
        shellQuoted(std::string(FAIRTENDER_SOURCE_DIR) + "/tests/server/enrol_second_factor.py");
    const ShellRun enrolled =
        run("raj", "/usr/bin/python3 " + helper + " " + cli() + " " + server() + " " +
                       shellQuoted(SignedInServer::passwordOf("raj")));
    ASSERT_EQ(enrolled.exitCode, 0) << enrolled.out;
    EXPECT_NE(enrolled.out.find("A second factor is enrolled for raj at " + server()),
              std::string::npos)
        << enrolled.out;
    const std::string secret = enrolled.out.substr(7, enrolled.out.find('\n') - 7);
    ASSERT_EQ(secret.size(), 32u) << enrolled.out;

    // The password alone no longer signs raj in; the code with it does.
    const std::string login = cli() + " login " + server() + " --user raj --password-stdin";
    const ShellRun alone = run(
        "raj", "printf '%s\\n' " + shellQuoted(SignedInServer::passwordOf("raj")) + " | " + login);
    EXPECT_EQ(alone.exitCode, 1) << alone.out;
    EXPECT_NE(alone.out.find("-digit code your authenticator app shows now"), std::string::npos)
        << alone.out;
    // The code the enrolment took has been used: the next 30 seconds' one signs in.
    const std::int64_t step = fairtender::totpStep(std::time(nullptr));
    while (fairtender::totpStep(std::time(nullptr)) == step)
        ::usleep(200 * 1000);
    const std::string code =
        fairtender::hotpCode(fairtender::base32Decode(secret).value_or(""),
                             static_cast<std::uint64_t>(fairtender::totpStep(std::time(nullptr))));
    const ShellRun both =
        run("raj", "printf '%s\\n' " + shellQuoted(SignedInServer::passwordOf("raj")) + " | " +
                       login + " --code " + code);
    EXPECT_EQ(both.exitCode, 0) << both.out;
    EXPECT_NE(both.out.find("Signed in to " + server() + " as raj"), std::string::npos) << both.out;
}

TEST_F(PanelOnTheCommandLine, AsIsRefusedAgainstAServer) {
    upToEvaluation();
    const std::string refused =
        fairtender(2, "raj", "score", "--bid B1 --criterion q-menu --value 3 --reason x --as ann");
    EXPECT_NE(refused.find("--as is refused against a server: you act as the account you signed "
                           "in with"),
              std::string::npos)
        << refused;
    EXPECT_NE(fairtender(2, "raj", "panel add", "raj --role lead --as ann").find("--as is refused"),
              std::string::npos);
}

TEST_F(PanelOnTheCommandLine, AnEvaluatorCannotMakeHerselfLead) {
    upToEvaluation();
    const std::string refused = fairtender(1, "eve", "panel add", "eve --role lead");
    EXPECT_NE(refused.find(tender() + ": "), std::string::npos) << refused;
    EXPECT_NE(refused.find("lead"), std::string::npos) << refused;
    EXPECT_EQ(panel.as("ann", "GET", "/api/v1/tenders/meals/panel")
                  .body.find("\"role\":\"lead\",\"account\":\"eve\""),
              std::string::npos);
}

TEST_F(PanelOnTheCommandLine, TheSessionIsKeptReadableByItsOwnerOnly) {
    struct stat info {};
    const std::string file = scratch.str() + "/home-raj/fairtender/sessions";
    ASSERT_EQ(::stat(file.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    ASSERT_EQ(::stat((scratch.str() + "/home-raj/fairtender").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0700u);
    EXPECT_EQ(readFile(file).find(SignedInServer::passwordOf("raj")), std::string::npos);
}

TEST_F(PanelOnTheCommandLine, AfterLogoutTheSessionIsEndedOnTheServerToo) {
    upToEvaluation();
    const std::string file = scratch.str() + "/home-raj/fairtender/sessions";
    const std::string kept = readFile(file);
    const std::string token = kept.substr(kept.rfind(' ') + 1, 43);
    ASSERT_EQ(panel.server.call("GET", "/api/v1/sessions/current", token).status, 200);
    const ShellRun out = run("raj", cli() + " logout " + server());
    EXPECT_EQ(out.exitCode, 0) << out.out;
    EXPECT_EQ(out.out, "Signed raj out of " + server() + "\n");
    EXPECT_EQ(panel.server.call("GET", "/api/v1/sessions/current", token).status, 401);
    const std::string refused = fairtender(1, "raj", "panel todo");
    EXPECT_NE(refused.find("not signed in to " + server() + ": run fairtender login"),
              std::string::npos)
        << refused;
}

TEST_F(PanelOnTheCommandLine, AWrongPasswordIsRefusedAndNothingIsKept) {
    const ShellRun login = run("nobody", "printf 'wrong\\n' | " + cli() + " login " + server() +
                                             " --user raj --password-stdin");
    EXPECT_EQ(login.exitCode, 1) << login.out;
    EXPECT_NE(login.out.find("the account name or the password is wrong"), std::string::npos)
        << login.out;
    struct stat info {};
    EXPECT_NE(::stat((scratch.str() + "/home-nobody/fairtender/sessions").c_str(), &info), 0);
}

} // namespace
