// An evaluation in progress from the command line: `evaluate WS` shows each evaluator's
// scores in per criterion and what the next stage needs instead of an error per missing
// score, and `panel todo` lists what one person has left.
#include "CliTestSupport.h"

#include <gtest/gtest.h>

#include <regex>

namespace fairtender::cli {
namespace {

using testing::run;
using testing::ScratchFolder;
using testing::sourcePath;

// The text with every run of spaces made one: a table's columns as words in a line.
std::string squeezed(const std::string& text) {
    return std::regex_replace(text, std::regex(" +"), " ");
}

// School meals without its evaluations, at evaluation: Ann Lee leads, Raj Patel and Priya
// Shah evaluate (Priya declared a conflict with B2), Mo Khan moderates.
class ProgressCommands : public ::testing::Test {
protected:
    void SetUp() override {
        std::filesystem::copy(sourcePath("samples/school-meals"), folder_.path() / "tender",
                              std::filesystem::copy_options::recursive);
        std::filesystem::remove(folder_.path() / "tender/evaluations.xml");
        ok({"workspace", "create", folder_.str() + "/tender", file_, "--as", "Ann Lee"});
        ok({"panel", "add", file_, "Ann Lee", "--role", "lead", "--as", "Ann Lee"});
        ok({"panel", "add", file_, "Raj Patel", "--role", "evaluator", "--as", "Ann Lee"});
        ok({"panel", "add", file_, "Priya Shah", "--role", "evaluator", "--as", "Ann Lee"});
        ok({"panel", "add", file_, "Mo Khan", "--role", "moderator", "--as", "Ann Lee"});
        ok({"advance", file_, "--to", "open", "--reason", "published", "--as", "Ann Lee"});
        for (const char* person : {"Ann Lee", "Raj Patel", "Mo Khan"})
            ok({"panel", "declare", file_, "--none", "--as", person});
        ok({"panel", "declare", file_, "--conflict", "B2", "--details", "former employer", "--as",
            "Priya Shah"});
        ok({"advance", file_, "--to", "evaluation", "--reason", "bids opened", "--as", "Ann Lee"});
    }

    void ok(const std::vector<std::string>& args) {
        const auto result = run(args);
        ASSERT_EQ(result.exitCode, 0) << args[0] << ": " << result.err;
    }

    void score(const std::string& who, const std::string& bid, const std::string& criterion) {
        ok({"score", file_, "--bid", bid, "--criterion", criterion, "--value",
            criterion == "sv-plan" ? "60" : "3", "--reason", "meets it", "--as", who});
    }

    ScratchFolder folder_;
    std::string file_ = folder_.str() + "/meals.ftw";
};

TEST_F(ProgressCommands, EvaluatingAWorkspaceInEvaluationShowsTheScoresInNotAnErrorWall) {
    score("Raj Patel", "B1", "q-menu");
    score("Raj Patel", "B3", "q-menu");
    const auto shown = run({"evaluate", file_});
    EXPECT_EQ(shown.exitCode, 0) << shown.err;
    EXPECT_EQ(shown.err, "");
    EXPECT_NE(shown.out.find("Stage: evaluation. The ranking is not final"), std::string::npos)
        << shown.out;
    // 5 bids score (B4 fails a gate); Priya scores 4 of them, not B2.
    const std::string table = squeezed(shown.out);
    EXPECT_NE(table.find("Criterion Raj Patel Priya Shah Consensus\n"), std::string::npos);
    EXPECT_NE(table.find("q-menu Menus, nutrition and allergen management 2 of 5 0 of 4 0 of 5\n"),
              std::string::npos)
        << shown.out;
    EXPECT_NE(table.find("all 2 of 20 0 of 16 0 of 20\n"), std::string::npos) << shown.out;
    EXPECT_NE(shown.out.find("To move to moderation:\n  34 evaluator scores missing: "),
              std::string::npos)
        << shown.out;
    EXPECT_EQ(shown.out.find("Rank"), std::string::npos) << "no ranking before the lock";
    EXPECT_EQ(shown.out.find("evaluations.xml"), std::string::npos) << "no folder advice";
}

TEST_F(ProgressCommands, TheResultDocumentWaitsForTheLock) {
    const auto json = run({"evaluate", file_, "--json"});
    EXPECT_EQ(json.exitCode, 1);
    EXPECT_EQ(json.out, "");
    const auto explained = run({"evaluate", file_, "--explain", "B1"});
    EXPECT_EQ(explained.exitCode, 1);
}

TEST_F(ProgressCommands, AnEvaluatorsTodoListsWhatIsLeftWithoutTheConflictedBid) {
    score("Priya Shah", "B1", "q-menu");
    const auto todo = run({"panel", "todo", file_, "--as", "Priya Shah"});
    EXPECT_EQ(todo.exitCode, 0) << todo.err;
    EXPECT_NE(todo.out.find("Priya Shah has 15 left at the evaluation stage:\n  score  B1 "
                            "q-mobilisation\n"),
              std::string::npos)
        << todo.out;
    EXPECT_EQ(todo.out.find("B2"), std::string::npos) << todo.out;
    EXPECT_EQ(todo.out.find("B1 q-menu"), std::string::npos) << todo.out;
}

TEST_F(ProgressCommands, AModeratorHasNothingToDoUntilModeration) {
    const auto todo = run({"panel", "todo", file_, "--as", "Mo Khan"});
    EXPECT_EQ(todo.exitCode, 0);
    EXPECT_EQ(todo.out, "Mo Khan has nothing left to do at the evaluation stage.\n");
}

TEST_F(ProgressCommands, SomeoneAddedToThePanelLateIsFirstToldToDeclare) {
    ok({"panel", "add", file_, "Lee Tan", "--role", "evaluator", "--as", "Ann Lee"});
    const auto todo = run({"panel", "todo", file_, "--as", "Lee Tan"});
    EXPECT_EQ(todo.exitCode, 0) << todo.err;
    EXPECT_NE(todo.out.find("Lee Tan has 21 left at the evaluation stage:\n  declaration of "
                            "interests\n  score  B1 q-menu\n"),
              std::string::npos)
        << todo.out;
}

TEST(ProgressWithoutALead, TheProgressSaysTheMoveNeedsALead) {
    ScratchFolder folder;
    const std::string file = folder.str() + "/meals.ftw";
    ASSERT_EQ(
        run({"workspace", "create", sourcePath("samples/school-meals"), file, "--as", "Ann Lee"})
            .exitCode,
        0);
    const auto shown = run({"evaluate", file});
    EXPECT_EQ(shown.exitCode, 0) << shown.err;
    EXPECT_NE(shown.out.find("the panel has no lead, and only the lead moves the tender on"),
              std::string::npos)
        << shown.out;
    EXPECT_EQ(shown.out.find("Nothing stands in the way"), std::string::npos) << shown.out;
}

TEST_F(ProgressCommands, SomeoneOffThePanelHasNoTodo) {
    const auto todo = run({"panel", "todo", file_, "--as", "Zed"});
    EXPECT_EQ(todo.exitCode, 1);
    EXPECT_NE(todo.err.find("Zed is not on the panel"), std::string::npos);
}

} // namespace
} // namespace fairtender::cli
