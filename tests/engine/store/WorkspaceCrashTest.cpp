// A child process adds evaluators, declares and scores in a loop and is killed with
// SIGKILL at random moments: after every kill the workspace opens, verifies (SQLite's
// integrity check included) and holds every command that had reported success.
#include "WorkspaceTestSupport.h"
#include "store/Workspace.h"

#include <gtest/gtest.h>

#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <sys/wait.h>

namespace fairtender {
namespace {

using testing::kSourceDir;
using testing::referenceRates;
using testing::ScratchFolder;

constexpr int kKills = 200;

// Appends one line with a single write, after the command it names has returned success.
void report(int fd, const std::string& line) {
    const std::string text = line + "\n";
    const auto written = ::write(fd, text.data(), text.size());
    (void)written;
}

[[noreturn]] void childLoop(const std::filesystem::path& file, const std::filesystem::path& log,
                            int round) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_APPEND | O_CREAT, 0644);
    auto opened = Workspace::open(file);
    if (!opened.ok() || fd < 0)
        ::_exit(3);
    Workspace& ws = *opened.workspace;
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

TEST(WorkspaceCrash, KilledCommandsLeaveAWorkspaceThatVerifiesWithEveryReportedChange) {
    ScratchFolder scratch;
    const auto tender = scratch / "tender";
    std::filesystem::copy(kSourceDir / "samples/school-meals", tender,
                          std::filesystem::copy_options::recursive);
    std::filesystem::remove(tender / "evaluations.xml");
    const auto file = scratch / "crash.ftw";
    const auto log = scratch / "reported.txt";
    {
        auto created = Workspace::createFromFolder(tender, file, "alice", referenceRates());
        ASSERT_TRUE(created.ok());
        Workspace& ws = *created.workspace;
        ASSERT_TRUE(ws.addPanelMember("alice", "alice", PanelRole::Lead).ok());
        ASSERT_TRUE(ws.addPanelMember("alice", "eve", PanelRole::Evaluator).ok());
        ASSERT_TRUE(ws.declareInterests("eve", {}).ok());
        ASSERT_TRUE(
            ws.advance("alice", LifecycleState::Evaluation, "crash test", referenceRates()).ok());
    }
    std::size_t reportedChanges = 0;
    std::mt19937 random(20260323);
    std::uniform_int_distribution<int> delayMicros(500, 40000);
    for (int round = 0; round < kKills; ++round) {
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0)
            childLoop(file, log, round);
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
        std::string kind;
        std::string name;
        while (reported >> kind >> name) {
            ++reportedChanges;
            if (kind == "member") {
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
    // The kills landed while commands were running, not before the first one.
    EXPECT_GT(reportedChanges, 200u);
}

} // namespace
} // namespace fairtender
