// What only the PostgreSQL store has: a tender named in a URI, a schema created all or
// nothing, database roles, and guards that the database's owner can switch off or bypass,
// each of which verify must catch.
#include "WorkspaceTestSupport.h"
#include "store/Workspace.h"

#include <gtest/gtest.h>

#include <unistd.h>

namespace fairtender {
namespace {

using testing::asUser;
using testing::freshLocation;
using testing::kSourceDir;
using testing::referenceRates;
using testing::runSql;
using testing::ScratchFolder;
using testing::Store;

std::string allProblems(const Diagnostics& problems) {
    std::string text;
    for (const auto& problem : problems)
        text += problem.message + "\n";
    return text;
}

class PostgresWorkspace : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_FALSE(testing::postgresBase().empty())
            << "the test PostgreSQL cluster did not start";
        auto created = Workspace::createFromFolder(kSourceDir / "samples/school-meals", ws_,
                                                   "alice", referenceRates());
        ASSERT_TRUE(created.ok()) << allProblems(created.diagnostics);
    }

    std::string verifyProblems(const std::filesystem::path& location) const {
        auto opened = Workspace::open(location);
        if (!opened.ok())
            return allProblems(opened.diagnostics);
        return allProblems(opened.workspace->verify(referenceRates()).problems);
    }

    ScratchFolder scratch_;
    std::filesystem::path ws_ = freshLocation(Store::Postgres, scratch_);
};

TEST_F(PostgresWorkspace, ATenderIsCreatedOnceAndNeverOverwritten) {
    auto again = Workspace::createFromFolder(kSourceDir / "samples/school-meals", ws_, "bob",
                                             referenceRates());
    ASSERT_FALSE(again.ok());
    EXPECT_NE(allProblems(again.diagnostics).find("fairtender never overwrites a workspace"),
              std::string::npos);
    EXPECT_EQ(verifyProblems(ws_), "");
}

TEST_F(PostgresWorkspace, AFolderWithErrorsLeavesNoTenderBehind) {
    const auto other = freshLocation(Store::Postgres, scratch_, "broken");
    scratch_.write("broken/tender.xml", "<tender>");
    auto created =
        Workspace::createFromFolder(scratch_ / "broken", other, "alice", referenceRates());
    ASSERT_FALSE(created.ok());
    const auto opened = Workspace::open(other);
    ASSERT_FALSE(opened.ok());
    EXPECT_NE(allProblems(opened.diagnostics).find("holds no tender"), std::string::npos)
        << allProblems(opened.diagnostics);
}

TEST_F(PostgresWorkspace, AUriWithoutATenderSaysWhatToAdd) {
    const auto opened = Workspace::open(testing::postgresBase());
    ASSERT_FALSE(opened.ok());
    // The base URI already has parameters (host, user): the tender is added after them.
    EXPECT_NE(allProblems(opened.diagnostics)
                  .find("add the parameter tender=NAME to the URI (&tender=NAME;"),
              std::string::npos)
        << allProblems(opened.diagnostics);
}

TEST_F(PostgresWorkspace, APasswordInTheUriIsNeverShown) {
    const std::string uri =
        "postgresql://panel:s3cret@localhost:1/fairtender?connect_timeout=1&tender=meals";
    const auto opened = Workspace::open(uri);
    ASSERT_FALSE(opened.ok());
    for (const auto& problem : opened.diagnostics) {
        EXPECT_EQ(problem.where.file.find("s3cret"), std::string::npos) << problem.where.file;
        EXPECT_EQ(problem.message.find("s3cret"), std::string::npos) << problem.message;
    }
}

// A closed workspace's connection is kept for the next opening; one the database has ended
// since (a restart, an administrator ending sessions) is replaced, not used.
TEST_F(PostgresWorkspace, AKeptConnectionTheDatabaseEndedIsReplaced) {
    const std::string name = "fairtender-kept-" + std::to_string(::getpid());
    const std::filesystem::path tagged = ws_.string() + "&application_name=" + name;
    {
        auto opened = Workspace::open(tagged);
        ASSERT_TRUE(opened.ok()) << allProblems(opened.diagnostics);
        EXPECT_EQ(opened.workspace->status().bids, 6u);
    }
    EXPECT_EQ(runSql(ws_, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                          "application_name = '" +
                              name + "'"),
              "");
    auto again = Workspace::open(tagged);
    ASSERT_TRUE(again.ok()) << allProblems(again.diagnostics);
    EXPECT_EQ(again.workspace->status().bids, 6u);
}

TEST_F(PostgresWorkspace, TruncatingTheLogIsRefusedByItsGuard) {
    EXPECT_NE(runSql(ws_, "TRUNCATE audit_log").find("append-only"), std::string::npos);
    EXPECT_EQ(verifyProblems(ws_), "");
}

TEST_F(PostgresWorkspace, ADisabledGuardFailsVerify) {
    ASSERT_EQ(runSql(ws_, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update"), "");
    EXPECT_EQ(verifyProblems(ws_),
              "the audit log's append-only guard audit_log_no_update is disabled: it was "
              "switched off outside fairtender, so entries may have been changed\n");
}

TEST_F(PostgresWorkspace, AGuardWhoseFunctionWasReplacedFailsVerify) {
    ASSERT_EQ(runSql(ws_, "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger "
                          "LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"),
              "");
    const std::string problems = verifyProblems(ws_);
    EXPECT_NE(problems.find("audit_log_no_update was changed outside fairtender"),
              std::string::npos)
        << problems;
    EXPECT_NE(problems.find("audit_log_no_truncate was changed outside fairtender"),
              std::string::npos)
        << problems;
}

TEST_F(PostgresWorkspace, AnEntryEditedWithTheGuardsBypassedBreaksTheChain) {
    // A superuser's replica mode fires no ordinary trigger: the chain is what catches it.
    ASSERT_EQ(runSql(ws_, "SET session_replication_role = replica; UPDATE audit_log SET actor "
                          "= 'mallory' WHERE seq = 6"),
              "");
    EXPECT_NE(verifyProblems(ws_).find("audit log broken at entry 6: entry 6 was changed"),
              std::string::npos)
        << verifyProblems(ws_);
}

TEST_F(PostgresWorkspace, TheTeamRoleAddsRecordsButCannotChangeTheLog) {
    auto opened = Workspace::open(ws_);
    ASSERT_TRUE(opened.ok());
    ASSERT_EQ(allProblems(opened.workspace->grantTeamRole("panel")), "");

    const auto asPanel = asUser(ws_, "panel");
    auto team = Workspace::open(asPanel);
    ASSERT_TRUE(team.ok()) << allProblems(team.diagnostics);
    const CommandOutcome added = team.workspace->addPanelMember("alice", "alice", PanelRole::Lead);
    EXPECT_TRUE(added.ok()) << allProblems(added.problems);
    EXPECT_NE(runSql(asPanel, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 6")
                  .find("permission denied"),
              std::string::npos);
    EXPECT_NE(runSql(asPanel, "DELETE FROM evaluator_scores").find("permission denied"),
              std::string::npos);
    EXPECT_EQ(verifyProblems(asPanel), "");
}

TEST_F(PostgresWorkspace, ARoleGrantedUpdateOnTheLogFailsVerify) {
    ASSERT_EQ(runSql(ws_, "GRANT UPDATE ON audit_log TO panel"), "");
    EXPECT_EQ(verifyProblems(ws_), "the role panel may change or delete audit log entries: only "
                                   "INSERT and SELECT may be granted on it\n");
}

TEST_F(PostgresWorkspace, AFileWorkspaceHasNoRolesToGrant) {
    const auto file = scratch_ / "meals.ftw";
    auto created = Workspace::createFromFolder(kSourceDir / "samples/school-meals", file, "alice",
                                               referenceRates());
    ASSERT_TRUE(created.ok());
    EXPECT_NE(allProblems(created.workspace->grantTeamRole("panel")).find("no database roles"),
              std::string::npos);
}

} // namespace
} // namespace fairtender
