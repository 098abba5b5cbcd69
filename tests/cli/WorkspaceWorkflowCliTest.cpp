// A full evaluation of the school meals sample from the command line: the tender created
// as a draft, the panel, the model frozen, the bids imported, declarations, scores,
// moderation, the abnormally low decision, every stage up to the award, the winner
// excluded and the award passing on, verify after every command, and the export
// evaluating as the workspace does.
#include "CliTestSupport.h"
#include "core/Date.h"
#include "lifecycle/Standstill.h"

#include <gtest/gtest.h>

namespace fairtender::cli {
namespace {

using testing::CliRun;
using testing::run;
using testing::ScratchFolder;
using testing::sourcePath;

class WorkspaceWorkflowCli : public ::testing::Test {
protected:
    void SetUp() override {
        std::filesystem::copy(sourcePath("samples/school-meals"), folder_.path() / "tender",
                              std::filesystem::copy_options::recursive);
        std::filesystem::remove(folder_.path() / "tender/evaluations.xml");
        // The bids arrive once the tender is open.
        std::filesystem::rename(folder_.path() / "tender/bids", folder_.path() / "received");
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

    ScratchFolder folder_;
    std::string file_ = folder_.str() + "/meals.ftw";
};

TEST_F(WorkspaceWorkflowCli, FullEvaluationFromDraftToAwardAndExclusionVerifiesAndExports) {
    // Draft: the tender and the panel are set up; opening freezes the model.
    step({"workspace", "create", folder_.str() + "/tender", file_, "--as", "Ann Lee"}, 0);
    step({"panel", "add", file_, "Ann Lee", "--role", "lead", "--as", "Ann Lee"}, 0);
    step({"panel", "add", file_, "Raj Patel", "--role", "evaluator", "--as", "Ann Lee"}, 0);
    step({"panel", "add", file_, "Mo Khan", "--role", "moderator", "--as", "Ann Lee"}, 0);
    const auto notOpen = step(
        {"advance", file_, "--to", "evaluation", "--reason", "bids opened", "--as", "Ann Lee"}, 1);
    EXPECT_NE(notOpen.err.find("the next stage after draft is open"), std::string::npos)
        << notOpen.err;
    step({"advance", file_, "--to", "open", "--reason", "published", "--as", "Ann Lee"}, 0);

    // Open: the bids are imported; evaluation needs every declaration.
    const auto imported = step(
        {"workspace", "import-bids", file_, folder_.str() + "/received", "--as", "Ann Lee"}, 0);
    EXPECT_NE(imported.out.find("imported 6 bids from 6 files"), std::string::npos) << imported.out;
    const auto early = step(
        {"advance", file_, "--to", "evaluation", "--reason", "bids opened", "--as", "Ann Lee"}, 1);
    EXPECT_NE(
        early.err.find("3 conflict-of-interest declarations missing: Ann Lee, Raj Patel, Mo Khan"),
        std::string::npos)
        << early.err;
    step({"panel", "declare", file_, "--none", "--as", "Ann Lee"}, 0);
    step({"panel", "declare", file_, "--none", "--as", "Raj Patel"}, 0);
    step({"panel", "declare", file_, "--conflict", "B3", "--details", "former director", "--as",
          "Mo Khan"},
         0);
    const auto skipped =
        step({"advance", file_, "--to", "moderation", "--reason", "skip", "--as", "Ann Lee"}, 1);
    EXPECT_NE(skipped.err.find("the next stage after open is evaluation"), std::string::npos);
    const auto alone = step(
        {"advance", file_, "--to", "evaluation", "--reason", "bids opened", "--as", "Ann Lee"}, 0);
    EXPECT_NE(alone.err.find("warning: moving to evaluation: the panel has one evaluator"),
              std::string::npos)
        << alone.err;

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
    EXPECT_NE(undecided.err.find("1 abnormally-low decision (decide-abnormally-low) missing: B6"),
              std::string::npos)
        << undecided.err;
    step({"decide-abnormally-low", file_, "--bid", "B6", "--accept", "--reason", "costs explained",
          "--as", "Ann Lee"},
         0);
    step({"advance", file_, "--to", "locked", "--reason", "final", "--as", "Ann Lee"}, 0);
    // The award is dated today (the results were locked today), and the standstill counted
    // from it over the England and Wales bank holidays.
    Diagnostics ignored;
    const auto holidays = loadBankHolidays(
        sourcePath("templates/reference/bank-holidays-england-and-wales.xml"), ignored);
    ASSERT_TRUE(holidays);
    const std::string today = todayUtc().toString();
    const std::string end = standstillEnd(todayUtc(), *holidays)->toString();
    const auto backdated = step({"advance", file_, "--to", "awarded", "--reason", "approved",
                                 "--date", "2025-12-19", "--as", "Ann Lee"},
                                1);
    EXPECT_NE(backdated.err.find("is before the results were locked on " + today),
              std::string::npos)
        << backdated.err;
    const auto awarded = step(
        {"advance", file_, "--to", "awarded", "--reason", "approved by cabinet", "--as", "Ann Lee"},
        0);
    EXPECT_NE(awarded.out.find("awarded to B1; standstill ends at the end of " + end),
              std::string::npos)
        << awarded.out;

    // The winner falls away during the standstill: B2 is first, and the tender is locked
    // again until the lead makes the new award as a decision of its own.
    const auto excluded = step({"exclude", file_, "--bid", "B1", "--why",
                                "failed the final insurance check", "--as", "Ann Lee"},
                               0);
    EXPECT_EQ(excluded.out, "B1 excluded after the evaluation on " + today +
                                ", during the standstill; B2 is now ranked first with 71.40; the "
                                "award to B1 falls away and the tender is locked again for a new "
                                "award decision\n");
    const auto again =
        step({"exclude", file_, "--bid", "B1", "--why", "twice", "--as", "Ann Lee"}, 1);
    EXPECT_NE(again.err.find("already excluded"), std::string::npos) << again.err;
    const auto reawarded = step({"advance", file_, "--to", "awarded", "--reason",
                                 "re-award to B2 approved by cabinet", "--as", "Ann Lee"},
                                0);
    EXPECT_NE(reawarded.out.find("awarded to B2"), std::string::npos) << reawarded.out;
    const auto trail = run({"log", file_, "--bid", "B1"});
    EXPECT_NE(trail.out.find("exclusion.record  B1"), std::string::npos) << trail.out;

    const auto log = run({"log", file_, "--who", "Mo Khan"});
    EXPECT_EQ(log.exitCode, 0);
    EXPECT_NE(log.out.find("consensus.set"), std::string::npos);
    const auto status = run({"workspace", "status", file_});
    const std::string story =
        "  award history\n"
        "    awarded to B1 (notice " +
        today + ", standstill ends at the end of " + end +
        "); recorded by Ann Lee: approved by cabinet\n"
        "    B1 excluded after the evaluation on " +
        today + ", during the standstill, which ends at the end of " + end +
        "; recorded by Ann Lee: failed the final insurance check\n"
        "    the award to B1 fell away: the tender is locked again for a new award decision\n"
        "    awarded to B2 (notice " +
        today + ", standstill ends at the end of " + end +
        "); recorded by Ann Lee: re-award to B2 approved by cabinet\n";
    EXPECT_NE(status.out.find(story), std::string::npos) << status.out;

    const std::string exported = folder_.str() + "/exported";
    step({"workspace", "export", file_, exported}, 0);
    const auto fromWorkspace = run({"evaluate", file_, "--json"});
    const auto fromFolder = run({"evaluate", exported, "--json"});
    EXPECT_EQ(fromWorkspace.exitCode, 0) << fromWorkspace.err;
    EXPECT_EQ(fromWorkspace.out, fromFolder.out);
    EXPECT_NE(fromFolder.out.find("excluded after evaluation: failed the final insurance check"),
              std::string::npos);
}

TEST_F(WorkspaceWorkflowCli, AdvanceWithoutAsIsAUsageError) {
    step({"workspace", "create", folder_.str() + "/tender", file_, "--as", "Ann Lee"}, 0);
    EXPECT_EQ(run({"advance", file_, "--to", "evaluation", "--reason", "x"}).exitCode, 2);
    EXPECT_EQ(run({"advance", file_, "--to", "closed", "--reason", "x", "--as", "A"}).exitCode, 2);
}

TEST_F(WorkspaceWorkflowCli, EveryPanelCommandHasHelpWithAnExample) {
    for (const char* command :
         {"panel", "score", "moderate", "decide-abnormally-low", "advance", "exclude"}) {
        const auto help = run({"help", command});
        EXPECT_EQ(help.exitCode, 0);
        EXPECT_NE(help.out.find("fairtender " + std::string(command)), std::string::npos);
    }
}

} // namespace
} // namespace fairtender::cli
