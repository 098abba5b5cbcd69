// A full evaluation of the school meals sample from the command line: create, panel,
// declarations, scores, moderation, the abnormally low decision, every stage up to the
// award, verify after every command, and the export evaluating as the workspace does.
#include "CliTestSupport.h"

#include <gtest/gtest.h>

namespace fairtender::cli {
namespace {

using testing::CliRun;
using testing::run;
using testing::sourcePath;
using testing::TempFolder;

class WorkspaceWorkflowCli : public ::testing::Test {
protected:
    void SetUp() override {
        std::filesystem::copy(sourcePath("samples/school-meals"), folder_.path() / "tender",
                              std::filesystem::copy_options::recursive);
        std::filesystem::remove(folder_.path() / "tender/evaluations.xml");
    }

    // Runs one command on the workspace, expects `exitCode`, and checks that the
    // workspace still verifies after it.
    CliRun step(std::vector<std::string> args, int exitCode) {
        const CliRun result = run(args);
        EXPECT_EQ(result.exitCode, exitCode) << args[0] << "\n" << result.out << result.err;
        const CliRun verified = run({"verify", file_});
        EXPECT_EQ(verified.exitCode, 0) << "after " << args[0] << ": " << verified.err;
        return result;
    }

    TempFolder folder_;
    std::string file_ = folder_.str() + "/meals.ftw";
};

TEST_F(WorkspaceWorkflowCli, FullEvaluationFromCreateToAwardVerifiesAndExports) {
    step({"workspace", "create", folder_.str() + "/tender", file_, "--as", "Ann Lee"}, 0);
    step({"panel", "add", file_, "Ann Lee", "--role", "lead", "--as", "Ann Lee"}, 0);
    step({"panel", "add", file_, "Raj Patel", "--role", "evaluator", "--as", "Ann Lee"}, 0);
    step({"panel", "add", file_, "Mo Khan", "--role", "moderator", "--as", "Ann Lee"}, 0);
    const auto early = step(
        {"advance", file_, "--to", "evaluation", "--reason", "bids opened", "--as", "Ann Lee"}, 1);
    EXPECT_NE(early.err.find("2 conflict-of-interest declarations missing: Raj Patel, Mo Khan"),
              std::string::npos)
        << early.err;
    step({"panel", "declare", file_, "--none", "--as", "Raj Patel"}, 0);
    step({"panel", "declare", file_, "--conflict", "B3", "--details", "former director", "--as",
          "Mo Khan"},
         0);
    const auto skipped =
        step({"advance", file_, "--to", "moderation", "--reason", "skip", "--as", "Ann Lee"}, 1);
    EXPECT_NE(skipped.err.find("the next stage after open is evaluation"), std::string::npos);
    step({"advance", file_, "--to", "evaluation", "--reason", "bids opened", "--as", "Ann Lee"}, 0);

    const auto blind = step({"panel", "bids", file_, "--anonymous", "--as", "Raj Patel"}, 0);
    EXPECT_NE(blind.out.find("Bid A  price hidden until the results are locked"), std::string::npos)
        << blind.out;
    step({"score", file_, "--bid", "B1", "--criterion", "q-menu", "--value", "3", "--as",
          "Raj Patel"},
         1);
    for (const char* bid : {"B1", "B2", "B3", "B5", "B6"})
        for (const char* criterion : {"q-menu", "q-mobilisation", "q-sourcing", "sv-plan"})
            step({"score", file_, "--bid", bid, "--criterion", criterion, "--value",
                  std::string(criterion) == "sv-plan" ? "60" : "3", "--reason",
                  "meets the requirement", "--as", "Raj Patel"},
                 0);
    step({"advance", file_, "--to", "moderation", "--reason", "all scored", "--as", "Ann Lee"}, 0);

    const auto agenda = step({"moderate", file_, "--as", "Mo Khan"}, 0);
    EXPECT_NE(agenda.out.find("B1 q-menu  mean 3.00"), std::string::npos) << agenda.out;
    const auto conflicted = step({"moderate", file_, "--bid", "B3", "--criterion", "q-menu",
                                  "--value", "3", "--reason", "agreed", "--as", "Mo Khan"},
                                 1);
    EXPECT_NE(conflicted.err.find("declared a conflict of interest with B3"), std::string::npos);
    for (const char* bid : {"B1", "B2", "B3", "B5", "B6"})
        for (const char* criterion : {"q-menu", "q-mobilisation", "q-sourcing", "sv-plan"})
            step({"moderate", file_, "--bid", bid, "--criterion", criterion, "--value",
                  std::string(criterion) == "sv-plan" ? "60" : "3", "--reason", "agreed", "--as",
                  std::string(bid) == "B3" ? "Ann Lee" : "Mo Khan"},
                 0);
    const auto undecided =
        step({"advance", file_, "--to", "locked", "--reason", "final", "--as", "Ann Lee"}, 1);
    EXPECT_NE(undecided.err.find("1 abnormally-low decisions (decide-abnormally-low) missing: B6"),
              std::string::npos)
        << undecided.err;
    step({"decide-abnormally-low", file_, "--bid", "B6", "--accept", "--reason", "costs explained",
          "--as", "Ann Lee"},
         0);
    step({"advance", file_, "--to", "locked", "--reason", "final", "--as", "Ann Lee"}, 0);
    const auto awarded = step({"advance", file_, "--to", "awarded", "--reason", "approved",
                               "--date", "2025-12-19", "--as", "Ann Lee"},
                              0);
    EXPECT_NE(awarded.out.find("standstill ends at the end of 2026-01-05"), std::string::npos)
        << awarded.out;

    const auto log = run({"log", file_, "--who", "Mo Khan"});
    EXPECT_EQ(log.exitCode, 0);
    EXPECT_NE(log.out.find("consensus.set"), std::string::npos);
    const auto status = run({"workspace", "status", file_});
    EXPECT_NE(status.out.find("awarded"), std::string::npos) << status.out;

    const std::string exported = folder_.str() + "/exported";
    step({"workspace", "export", file_, exported}, 0);
    const auto fromWorkspace = run({"evaluate", file_, "--json"});
    const auto fromFolder = run({"evaluate", exported, "--json"});
    EXPECT_EQ(fromWorkspace.exitCode, 0) << fromWorkspace.err;
    EXPECT_EQ(fromWorkspace.out, fromFolder.out);
}

TEST_F(WorkspaceWorkflowCli, AdvanceWithoutAsIsAUsageError) {
    step({"workspace", "create", folder_.str() + "/tender", file_, "--as", "Ann Lee"}, 0);
    EXPECT_EQ(run({"advance", file_, "--to", "evaluation", "--reason", "x"}).exitCode, 2);
    EXPECT_EQ(run({"advance", file_, "--to", "closed", "--reason", "x", "--as", "A"}).exitCode, 2);
}

TEST_F(WorkspaceWorkflowCli, EveryPanelCommandHasHelpWithAnExample) {
    for (const char* command : {"panel", "score", "moderate", "decide-abnormally-low", "advance"}) {
        const auto help = run({"help", command});
        EXPECT_EQ(help.exitCode, 0);
        EXPECT_NE(help.out.find("fairtender " + std::string(command)), std::string::npos);
    }
}

} // namespace
} // namespace fairtender::cli
