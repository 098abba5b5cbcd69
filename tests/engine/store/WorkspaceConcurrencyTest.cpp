// Eight evaluators score at once, each from a process of its own with its own connection, on
// either store: every one of the 8 x 200 scores lands, the chain stays whole, and no command
// is refused (least of all with a message like "database is locked").
#include "SyntheticTender.h"
#include "WorkspaceTestSupport.h"
#include "lifecycle/Lifecycle.h"
#include "store/Workspace.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

namespace fairtender {
namespace {

using testing::createOpenWorkspace;
using testing::freshLocation;
using testing::referenceRates;
using testing::ScratchFolder;

constexpr int kEvaluators = 8;
constexpr std::size_t kScoresEach = 200;

class ConcurrentScoring : public ::testing::TestWithParam<testing::Store> {};

// One evaluator's 200 scores, one command each; a refusal is written to `errors`.
[[noreturn]] void scoreAll(const std::filesystem::path& location, const std::string& name,
                           const std::filesystem::path& errors) {
    auto opened = Workspace::open(location);
    if (!opened.ok())
        ::_exit(3);
    Workspace& ws = *opened.workspace;
    const auto folder = ws.loadFolder(referenceRates()).folder;
    if (!folder)
        ::_exit(4);
    const auto items = judgementsNeeded(folder->tender, folder->bids);
    int failed = 0;
    for (std::size_t i = 0; i < kScoresEach && i < items.size(); ++i) {
        const CommandOutcome done = ws.submitScore(name, items[i].bidId, items[i].criterionId, 3,
                                                   "scored by " + name, referenceRates());
        if (!done.ok()) {
            std::ofstream(errors, std::ios::app)
                << name << " " << items[i].bidId << " " << items[i].criterionId << ": "
                << done.problems.front().message << "\n";
            ++failed;
        }
    }
    ::_exit(failed == 0 ? 0 : 1);
}

TEST_P(ConcurrentScoring, EightEvaluatorsScoringTwoHundredEachRecordAll1600Scores) {
    ScratchFolder scratch;
    bench::SyntheticTenderSpec spec;
    spec.bids = 10;
    spec.judgementCriteria = 20;
    bench::writeTenderFolder(bench::generateTender(spec), scratch / "tender");
    std::filesystem::remove(scratch / "tender/evaluations.xml");
    const auto location = freshLocation(GetParam(), scratch);
    {
        auto created = createOpenWorkspace(scratch / "tender", location, "alice");
        ASSERT_TRUE(created.ok()) << created.diagnostics.front().toString();
        Workspace& ws = *created.workspace;
        const auto folder = ws.loadFolder(referenceRates()).folder;
        ASSERT_GE(judgementsNeeded(folder->tender, folder->bids).size(), kScoresEach);
        ASSERT_TRUE(ws.declareInterests("alice", {}).ok());
        for (int e = 1; e <= kEvaluators; ++e) {
            const std::string name = "E" + std::to_string(e);
            ASSERT_TRUE(ws.addPanelMember("alice", name, PanelRole::Evaluator).ok());
            ASSERT_TRUE(ws.declareInterests(name, {}).ok());
        }
        const CommandOutcome moved =
            ws.advance("alice", LifecycleState::Evaluation, "bids opened", referenceRates());
        ASSERT_TRUE(moved.ok()) << moved.problems.front().message;
    }

    const auto errors = scratch / "errors.txt";
    std::vector<pid_t> children;
    for (int e = 1; e <= kEvaluators; ++e) {
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0)
            scoreAll(location, "E" + std::to_string(e), errors);
        children.push_back(child);
    }
    for (const pid_t child : children) {
        int status = 0;
        ::waitpid(child, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
            << "an evaluator's process ended with "
            << (WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    }
    std::ifstream refused(errors);
    const std::string refusals((std::istreambuf_iterator<char>(refused)),
                               std::istreambuf_iterator<char>());
    EXPECT_EQ(refusals, "");

    auto opened = Workspace::open(location);
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(opened.workspace->status().scores, kEvaluators * kScoresEach);
    const VerifyReport verified = opened.workspace->verify(referenceRates());
    EXPECT_TRUE(verified.ok()) << verified.problems.front().message;
}

INSTANTIATE_TEST_SUITE_P(BothStores, ConcurrentScoring,
                         ::testing::Values(testing::Store::Sqlite, testing::Store::Postgres),
                         testing::storeName);

} // namespace
} // namespace fairtender
