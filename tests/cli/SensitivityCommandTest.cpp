// `fairtender sensitivity`: the school meals award weighed, as text and as JSON, the same
// odds for the same seed, and the refusals.
#include "AwardedWorkspace.h"
#include "CliTestSupport.h"
#include "audit/AuditRecords.h"
#include "core/FileHash.h"
#include "store/Workspace.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace fairtender::cli {
namespace {

using testing::run;
using testing::ScratchFolder;
using testing::sourcePath;

const std::string kSchoolMeals = sourcePath("samples/school-meals");

TEST(CliSensitivity, SchoolMealsIsAClearWinForB1WithItsNearestFlipAtPrice64Point10) {
    const auto result = run({"sensitivity", kSchoolMeals});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    // B1 75.24 against B2 68.88.
    EXPECT_NE(result.out.find("B1 wins by 6.36 points over B2, a clear winner (close margin "
                              "1.00)."),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("price            40.00        -        64.10  B6"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("none: no single step changes the winner"), std::string::npos);
}

TEST(CliSensitivity, JsonHasTheDocumentedKeysAndTheSameSeedGivesTheSameOdds) {
    const auto first =
        run({"sensitivity", kSchoolMeals, "--json", "--samples", "5000", "--seed", "42"});
    const auto again =
        run({"sensitivity", kSchoolMeals, "--json", "--samples", "5000", "--seed", "42"});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_EQ(first.out, again.out);
    ScratchFolder folder;
    folder.write("s.json", first.out);
    const std::string check =
        "/usr/bin/python3 -c \"import json,sys; d=json.load(sys.stdin); "
        "assert {'winner','runner_up','margin','clear_winner','weight_flips','mark_flips',"
        "'first_place_probability','samples','seed'} <= set(d); assert d['samples'] == 5000 "
        "and d['seed'] == 42; assert abs(sum(d['first_place_probability'].values()) - 1) < 1e-3; "
        "assert len(d['weight_flips']) == len(d['weighted_nodes'])\" < \"" +
        folder.str() + "/s.json\"";
    EXPECT_EQ(std::system(check.c_str()), 0) << first.out;
}

TEST(CliSensitivity, ANonNumericSampleCountIsAUsageError) {
    const auto result = run({"sensitivity", kSchoolMeals, "--samples", "many"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("--samples takes a whole number from 1 to 100000000, not 'many'"),
              std::string::npos)
        << result.err;
}

// The run recorded with --record is the run --json prints: the entry holds its SHA-256.
TEST(CliSensitivity, TheLeadRecordsTheRunThatJsonPrints) {
    ScratchFolder scratch;
    fairtender::testing::takeThroughLifecycle(sourcePath("samples/school-meals"), scratch.path(),
                                              LifecycleState::Locked);
    const std::string ws = (scratch.path() / "ws.ftw").string();
    const auto recorded =
        run({"sensitivity", ws, "--record", "--as", "Ann Lee", "--samples", "800", "--seed", "9"});
    ASSERT_EQ(recorded.exitCode, 0) << recorded.err;
    EXPECT_NE(recorded.out.find("recorded how robust the award is: B1 wins by 8.65 points"),
              std::string::npos)
        << recorded.out;
    const auto json = run({"sensitivity", ws, "--json", "--samples", "800", "--seed", "9"});
    ASSERT_EQ(json.exitCode, 0) << json.err;
    auto opened = Workspace::open(ws);
    ASSERT_TRUE(opened.ok());
    const AuditEntry last = opened.workspace->auditLog().back();
    EXPECT_EQ(last.action, "sensitivity.recorded");
    EXPECT_EQ(recordFieldValue(last.after, "sensitivity_sha256"), sha256HexOf(json.out));
    EXPECT_EQ(run({"verify", ws}).exitCode, 0);
}

TEST(CliSensitivity, AnEvaluatorsRecordIsRefusedByTheEnginesRule) {
    ScratchFolder scratch;
    fairtender::testing::takeThroughLifecycle(sourcePath("samples/school-meals"), scratch.path(),
                                              LifecycleState::Locked);
    const auto refused =
        run({"sensitivity", (scratch.path() / "ws.ftw").string(), "--record", "--as", "Raj Patel"});
    EXPECT_NE(refused.exitCode, 0);
    EXPECT_NE(refused.err.find("Raj Patel is not the lead: only the lead records how robust the "
                               "award is"),
              std::string::npos)
        << refused.err;
    EXPECT_NE(refused.err.find("fairtender sensitivity --record: 1 error found; nothing was "
                               "changed"),
              std::string::npos)
        << refused.err;
}

TEST(CliSensitivity, ATenderOnAServerIsPointedToItsScorecardAndReport) {
    const auto refused = run({"sensitivity", "https://fairtender.example.org/api/v1/tenders/T1"});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("--xlsx FILE` gives it on the Sensitivity sheet"), std::string::npos)
        << refused.err;
}

} // namespace
} // namespace fairtender::cli
