#include "cli/Outcome.h"

#include <gtest/gtest.h>

#include <sstream>

namespace fairtender::cli {
namespace {

TEST(Outcome, ExitCodesFollowTheSpec) {
    EXPECT_EQ(exitCode(OutcomeKind::Success), 0);
    EXPECT_EQ(exitCode(OutcomeKind::InvalidFiles), 1);
    EXPECT_EQ(exitCode(OutcomeKind::Usage), 2);
    EXPECT_EQ(exitCode(OutcomeKind::InternalError), 1);
}

TEST(Outcome, InvalidFilesListEveryErrorAsFileLineColumn) {
    std::ostringstream err;
    const int code = finish(
        Outcome::invalidFiles("validate", {errorAt({"x/bids/b1.xml", 3, 5}, "unknown element"),
                                           errorAt({"x/tender.xml", 9, 1}, "weights sum to 90")}),
        err);
    EXPECT_EQ(code, 1);
    EXPECT_EQ(err.str(), "x/bids/b1.xml:3:5: unknown element\nx/tender.xml:9:1: weights sum to "
                         "90\nfairtender validate: 2 errors found; nothing was evaluated\n");
}

TEST(Outcome, RefusedWorkspaceCommandSaysNothingWasChanged) {
    std::ostringstream err;
    finish(Outcome::invalidFiles("workspace import-bids",
                                 {errorAt({"bids/X150.xml", 4, 10}, "price is not money")}),
           err);
    EXPECT_EQ(err.str(), "bids/X150.xml:4:10: price is not money\nfairtender workspace "
                         "import-bids: 1 error found; nothing was changed\n");
}

TEST(Outcome, UsagePointsToTheCommandsHelp) {
    std::ostringstream err;
    EXPECT_EQ(finish(Outcome::usage("evaluate", "missing FOLDER"), err), 2);
    EXPECT_EQ(err.str(),
              "fairtender evaluate: missing FOLDER\nTry 'fairtender evaluate --help'.\n");
}

TEST(Outcome, SuccessPrintsOnlyWarnings) {
    std::ostringstream err;
    EXPECT_EQ(
        finish(Outcome::success({warningAt({"x/tender.xml", 4, 3}, "social value is 5%")}), err),
        0);
    EXPECT_EQ(err.str(), "x/tender.xml:4:3: warning: social value is 5%\n");
}

TEST(Outcome, InternalErrorSaysSo) {
    std::ostringstream err;
    EXPECT_EQ(finish(Outcome::internalError("bad_alloc"), err), 1);
    EXPECT_NE(err.str().find("fairtender: internal error: bad_alloc"), std::string::npos);
}

} // namespace
} // namespace fairtender::cli
