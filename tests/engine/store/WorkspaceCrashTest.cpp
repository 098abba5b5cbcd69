// A child process imports bid files (while the tender is open), then adds evaluators,
// declares and scores (once it is in evaluation) in a loop and is killed with SIGKILL at
// random moments, on either store: after every kill the workspace opens, verifies (SQLite's
// integrity check included) and holds every command that had reported success.
#include "WorkspaceTestSupport.h"
#include "store/Workspace.h"

#include <gtest/gtest.h>

#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <random>
#include <sys/wait.h>

namespace fairtender {
namespace {

using testing::createOpenWorkspace;
using testing::kSourceDir;
using testing::referenceRates;
using testing::ScratchFolder;

// Rounds of kills: 200 on SQLite, 100 on PostgreSQL (each round there also connects).
int killsOn(testing::Store store) {
    return store == testing::Store::Sqlite ? 200 : 100;
}

class WorkspaceCrash : public ::testing::TestWithParam<testing::Store> {};

// Appends one line with a single write, after the command it names has returned success.
void report(int fd, const std::string& line) {
    const std::string text = line + "\n";
    const auto written = ::write(fd, text.data(), text.size());
    (void)written;
}

// Imports copies of B1 under new ids, one file per command.
[[noreturn]] void importLoop(Workspace& ws, const std::filesystem::path& folder, int fd,
                             int round) {
    std::ifstream in(kSourceDir / "samples/school-meals/bids/B1-irwell-kitchen.xml");
    const std::string b1((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto at = b1.find("id=\"B1\"");
    for (int n = 0;; ++n) {
        const std::string id = "X" + std::to_string(round) + "-" + std::to_string(n);
        const auto bidFile = folder / (id + ".xml");
        std::ofstream(bidFile) << b1.substr(0, at) << "id=\"" << id << "\"" << b1.substr(at + 7);
        if (!ws.importBids("alice", {bidFile}, referenceRates()).ok())
            ::_exit(7);
        report(fd, "bid " + id);
    }
}

[[noreturn]] void childLoop(const std::filesystem::path& file, const std::filesystem::path& log,
                            const std::filesystem::path& bidFolder, int round) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_APPEND | O_CREAT, 0644);
    auto opened = Workspace::open(file);
    if (!opened.ok() || fd < 0)
        ::_exit(3);
    Workspace& ws = *opened.workspace;
    if (ws.state() == LifecycleState::Open)
        importLoop(ws, bidFolder, fd, round);
    const auto folder = ws.loadFolder(referenceRates()).folder;
    const auto items = judgementsNeeded(folder->tender, folder->bids);
    for (int n = 0;; ++n) {
        const std::string name = "e" + std::to_string(round) + "-" + std::to_string(n);
        if (!ws.addPanelMember("alice", name, PanelRole::Evaluator).ok())
            ::_exit(4);
        report(fd, "member " + name);
        if (!ws.declareInterests(name, {}).ok())
            ::_exit(5);
        report(fd, "declared " + name);
        for (const auto& item : items) {
            const double value = item.criterionId == "sv-plan" ? 60 : 3;
            if (!ws.submitScore(name, item.bidId, item.criterionId, value, "crash test",
                                referenceRates())
                     .ok())
                ::_exit(6);
            report(fd, "score " + name + " " + item.bidId + " " + item.criterionId);
        }
    }
}

TEST_P(WorkspaceCrash, KilledCommandsLeaveAWorkspaceThatVerifiesWithEveryReportedChange) {
    const int kills = killsOn(GetParam());
    const int importRounds = kills / 2; // then the tender moves to evaluation
    ScratchFolder scratch;
    const auto tender = scratch / "tender";
    std::filesystem::copy(kSourceDir / "samples/school-meals", tender,
                          std::filesystem::copy_options::recursive);
    std::filesystem::remove(tender / "evaluations.xml");
    const auto file = testing::freshLocation(GetParam(), scratch, "crash");
    const auto log = scratch / "reported.txt";
    ASSERT_TRUE(createOpenWorkspace(tender, file, "alice").ok());
    const auto toEvaluation = [&] {
        auto opened = Workspace::open(file);
        ASSERT_TRUE(opened.ok());
        Workspace& ws = *opened.workspace;
        ASSERT_TRUE(ws.addPanelMember("alice", "eve", PanelRole::Evaluator).ok());
        ASSERT_TRUE(ws.declareInterests("alice", {}).ok());
        ASSERT_TRUE(ws.declareInterests("eve", {}).ok());
        ASSERT_TRUE(
            ws.advance("alice", LifecycleState::Evaluation, "crash test", referenceRates()).ok());
    };
    std::size_t reportedImports = 0;
    std::size_t reportedChanges = 0;
    std::mt19937 random(20260323);
    std::uniform_int_distribution<int> delayMicros(500, 40000);
    for (int round = 0; round < kills; ++round) {
        if (round == importRounds)
            toEvaluation();
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0)
            childLoop(file, log, tender, round);
        ::usleep(static_cast<useconds_t>(delayMicros(random)));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        ASSERT_TRUE(WIFSIGNALED(status)) << "round " << round << ": the child stopped by itself "
                                         << (WIFEXITED(status) ? WEXITSTATUS(status) : -1);

        auto opened = Workspace::open(file);
        ASSERT_TRUE(opened.ok()) << "round " << round;
        const VerifyReport verified = opened.workspace->verify(referenceRates());
        ASSERT_TRUE(verified.ok())
            << "round " << round << ": " << verified.problems.front().message;
        const PanelRecord panel = opened.workspace->panel();
        const auto folder = opened.workspace->loadFolder(referenceRates()).folder;
        ASSERT_TRUE(folder.has_value());
        std::ifstream reported(log);
        reportedChanges = 0;
        reportedImports = 0;
        std::string kind;
        std::string name;
        while (reported >> kind >> name) {
            ++reportedChanges;
            if (kind == "bid") {
                ++reportedImports;
                ASSERT_TRUE(std::any_of(folder->bids.begin(), folder->bids.end(),
                                        [&](const Bid& b) { return b.id == name; }))
                    << "round " << round << ": reported import " << name << " is missing";
            } else if (kind == "member") {
                ASSERT_TRUE(panel.hasRole(name, PanelRole::Evaluator)) << name;
            } else if (kind == "declared") {
                ASSERT_TRUE(panel.hasDeclared(name)) << name;
            } else {
                std::string bid;
                std::string criterion;
                reported >> bid >> criterion;
                const auto scores = folder->evaluations.scoresFor(bid, criterion);
                ASSERT_TRUE(std::any_of(scores.begin(), scores.end(),
                                        [&](const auto* s) { return s->evaluator == name; }))
                    << "round " << round << ": reported score " << name << " " << bid << " "
                    << criterion << " is missing";
            }
        }
    }
    // The kills landed while commands were running, not before the first one. The counts
    // depend on the machine's speed (over 30 imports on the dev build here, 15 under
    // the sanitizers), so the floor only proves the commands got going.
    EXPECT_GT(reportedImports, 5u) << reportedImports;
    EXPECT_GT(reportedChanges - reportedImports, 20u) << reportedChanges - reportedImports;
}

INSTANTIATE_TEST_SUITE_P(BothStores, WorkspaceCrash,
                         ::testing::Values(testing::Store::Sqlite, testing::Store::Postgres),
                         testing::storeName);

} // namespace
} // namespace fairtender
