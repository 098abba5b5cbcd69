// Several people change one workspace at the same moment, each from their own process: every
// change lands, one after another, the chain stays whole, and nobody sees "database is
// locked".
#include "CliTestSupport.h"
#include "ShellCommand.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace fairtender::cli {
namespace {

namespace fs = std::filesystem;
using fairtender::testing::runShell;
using testing::run;
using testing::ScratchFolder;
using testing::sourcePath;

constexpr int kEvaluators = 8;

TEST(ConcurrentWriters, EightEvaluatorsScoringAtOnceRecordEveryScoreWithNoError) {
    ScratchFolder scratch;
    fs::copy(sourcePath("samples/school-meals"), scratch / "tender", fs::copy_options::recursive);
    fs::remove(scratch / "tender/evaluations.xml");
    const std::string ws = scratch.str() + "/meals.ftw";
    const auto ok = [](const std::vector<std::string>& args) {
        const auto result = run(args);
        ASSERT_EQ(result.exitCode, 0) << args[0] << ": " << result.err;
    };
    ok({"workspace", "create", scratch.str() + "/tender", ws, "--as", "Ann Lee"});
    ok({"panel", "add", ws, "Ann Lee", "--role", "lead", "--as", "Ann Lee"});
    for (int e = 1; e <= kEvaluators; ++e)
        ok({"panel", "add", ws, "E" + std::to_string(e), "--role", "evaluator", "--as", "Ann Lee"});
    ok({"advance", ws, "--to", "open", "--reason", "published", "--as", "Ann Lee"});
    ok({"panel", "declare", ws, "--none", "--as", "Ann Lee"});
    for (int e = 1; e <= kEvaluators; ++e)
        ok({"panel", "declare", ws, "--none", "--as", "E" + std::to_string(e)});
    ok({"advance", ws, "--to", "evaluation", "--reason", "opened", "--as", "Ann Lee"});

    // Each evaluator scores the 20 judgements (5 bids x 4 criteria) in their own loop of
    // processes; the eight loops run at once.
    {
        std::ofstream script(scratch / "score-at-once.sh");
        script << "cd '" << scratch.str() << "'\n"
               << "for e in $(seq 1 " << kEvaluators << "); do (\n"
               << "  for b in B1 B2 B3 B5 B6; do\n"
               << "    for c in q-menu q-mobilisation q-sourcing sv-plan; do\n"
               << "      v=3; [ $c = sv-plan ] && v=60\n"
               << "      '" << FAIRTENDER_CLI_EXECUTABLE << "' score meals.ftw --bid $b "
               << "--criterion $c --value $v --reason \"scored by E$e\" --as E$e "
               << ">/dev/null 2>>errors.txt || echo \"E$e $b $c failed\" >> errors.txt\n"
               << "    done\n"
               << "  done ) &\n"
               << "done\n"
               << "wait\n";
    }
    const auto ran = runShell("env -u DISPLAY QT_QPA_PLATFORM=offscreen bash '" + scratch.str() +
                              "/score-at-once.sh' 2>&1");
    ASSERT_EQ(ran.exitCode, 0) << ran.out;
    std::error_code none;
    EXPECT_EQ(fs::file_size(scratch / "errors.txt", none), 0u)
        << fairtender::testing::runShell("cat '" + scratch.str() + "/errors.txt'").out;

    const auto status = run({"workspace", "status", ws});
    EXPECT_NE(status.out.find("  scores           160\n"), std::string::npos) << status.out;
    const auto verified = run({"verify", ws});
    EXPECT_EQ(verified.exitCode, 0) << verified.err;
}

} // namespace
} // namespace fairtender::cli
