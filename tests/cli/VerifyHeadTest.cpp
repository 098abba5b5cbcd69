// The head hash identifies the whole record: a copy of the workspace file alone holds every
// committed entry, and verify --expect-head tells a copy that moved on, or lost entries,
// from the one whose hash was noted.
#include "CliTestSupport.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace fairtender::cli {
namespace {

namespace fs = std::filesystem;
using testing::run;
using testing::ScratchFolder;
using testing::sourcePath;

class VerifyHead : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(
            run({"workspace", "create", sourcePath("samples/school-meals"), ws_, "--as", "Ann Lee"})
                .exitCode,
            0);
    }

    std::string headOf(const std::string& file) {
        const auto verified = run({"verify", file});
        EXPECT_EQ(verified.exitCode, 0) << verified.err;
        return verified.out.substr(verified.out.rfind(' ') + 1, 64);
    }

    ScratchFolder scratch_;
    std::string ws_ = scratch_.str() + "/meals.ftw";
};

TEST_F(VerifyHead, TheFileAloneHoldsEveryCommittedEntry) {
    ASSERT_EQ(run({"panel", "add", ws_, "Ann Lee", "--role", "lead", "--as", "Ann Lee"}).exitCode,
              0);
    const std::string copy = scratch_.str() + "/copy.ftw";
    fs::copy_file(ws_, copy); // without any -wal beside it
    EXPECT_EQ(headOf(copy), headOf(ws_));
}

TEST_F(VerifyHead, ACopyAtTheNotedHeadPassesAndSaysSo) {
    const std::string noted = headOf(ws_);
    const auto verified = run({"verify", ws_, "--expect-head", noted});
    EXPECT_EQ(verified.exitCode, 0) << verified.err;
    EXPECT_NE(verified.out.find("head hash " + noted + ", as noted\n"), std::string::npos)
        << verified.out;
}

TEST_F(VerifyHead, ACopyThatMovedOnSaysHowManyEntriesFollowTheNotedOne) {
    const std::string noted = headOf(ws_);
    ASSERT_EQ(run({"panel", "add", ws_, "Ann Lee", "--role", "lead", "--as", "Ann Lee"}).exitCode,
              0);
    ASSERT_EQ(
        run({"panel", "add", ws_, "Raj Patel", "--role", "evaluator", "--as", "Ann Lee"}).exitCode,
        0);
    const auto refused = run({"verify", ws_, "--expect-head", noted});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find(", and 2 entries were added after it"), std::string::npos)
        << refused.err;
}

TEST_F(VerifyHead, ACopyWithoutTheNotedEntryIsTold) {
    const std::string earlier = scratch_.str() + "/earlier.ftw";
    fs::copy_file(ws_, earlier);
    ASSERT_EQ(run({"panel", "add", ws_, "Ann Lee", "--role", "lead", "--as", "Ann Lee"}).exitCode,
              0);
    const auto refused = run({"verify", earlier, "--expect-head", headOf(ws_)});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("is not in this audit log"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("a copy that lost its last entries"), std::string::npos);
}

} // namespace
} // namespace fairtender::cli
