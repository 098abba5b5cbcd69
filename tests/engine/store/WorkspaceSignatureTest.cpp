// The server's signatures of the audit entries, on both stores: a signed workspace verifies
// against its key; a log rewritten and re-chained by someone with the database in hand, an
// entry added without the key, or a workspace never signed fails verify against it.
#include "WorkspaceTestSupport.h"
#include "audit/AuditChain.h"
#include "audit/AuditSignature.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

namespace fairtender {
namespace {

using testing::kSourceDir;
using testing::referenceRates;
using testing::runSql;
using testing::ScratchFolder;

std::string allProblems(const VerifyReport& report) {
    std::string text;
    for (const auto& problem : report.problems)
        text += problem.message + "\n";
    return text;
}

TEST(AuditSigningKey, SignsWhatItsPublicKeyVerifies) {
    const AuditSigningKey key = AuditSigningKey::generate();
    const std::string hash(64, 'a');
    const std::string signature = key.sign(hash);
    EXPECT_EQ(key.publicKeyHex().size(), 64u);
    EXPECT_EQ(signature.size(), 128u);
    EXPECT_TRUE(auditSignatureValid(key.publicKeyHex(), hash, signature));
    EXPECT_FALSE(auditSignatureValid(key.publicKeyHex(), std::string(64, 'b'), signature));
    EXPECT_FALSE(auditSignatureValid(AuditSigningKey::generate().publicKeyHex(), hash, signature));
    EXPECT_FALSE(auditSignatureValid(key.publicKeyHex(), hash, "not hex"));
}

TEST(AuditSigningKey, IsMadeOnceInAFileOnlyItsOwnerReads) {
    ScratchFolder scratch;
    std::string why;
    const auto made = AuditSigningKey::loadOrCreate(scratch / "signing-key", why);
    ASSERT_TRUE(made) << why;
    struct stat info {};
    ASSERT_EQ(::stat((scratch / "signing-key").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    const auto again = AuditSigningKey::loadOrCreate(scratch / "signing-key", why);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->publicKeyHex(), made->publicKeyHex());
}

TEST(AuditSigningKey, RefusesAFileThatIsNotAKey) {
    ScratchFolder scratch;
    scratch.write("signing-key", "hello\n");
    std::string why;
    EXPECT_FALSE(AuditSigningKey::load(scratch / "signing-key", why));
    EXPECT_NE(why.find("is not a signing key (one line of 64 hex digits)"), std::string::npos);
}

class WorkspaceSignatures : public ::testing::TestWithParam<testing::Store> {
protected:
    void SetUp() override {
        auto created = Workspace::createFromFolder(kSourceDir / "samples/school-meals", file_,
                                                   "alice", referenceRates(), {}, key_);
        ASSERT_TRUE(created.ok());
    }

    VerifyReport verify(const std::string& expected) const {
        auto opened = Workspace::open(file_);
        EXPECT_TRUE(opened.ok());
        return opened.workspace->verify(referenceRates(), expected);
    }

    bool postgres() const { return GetParam() == testing::Store::Postgres; }
    std::string dropTrigger(const std::string& name) const {
        return "DROP TRIGGER " + name + (postgres() ? " ON audit_log" : "");
    }

    std::shared_ptr<const AuditSigningKey> key_ =
        std::make_shared<const AuditSigningKey>(AuditSigningKey::generate());
    ScratchFolder scratch_;
    std::filesystem::path file_ = testing::freshLocation(GetParam(), scratch_, "s");
};

TEST_P(WorkspaceSignatures, ASignedWorkspaceVerifiesAgainstItsKey) {
    const VerifyReport report = verify(key_->publicKeyHex());
    EXPECT_TRUE(report.ok()) << allProblems(report);
    EXPECT_EQ(report.signedBy, key_->publicKeyHex());
    EXPECT_EQ(report.entriesSigned, report.entriesChecked);
    EXPECT_GT(report.entriesSigned, 60u);
}

TEST_P(WorkspaceSignatures, AnotherKeyIsNotTheServers) {
    const std::string other = AuditSigningKey::generate().publicKeyHex();
    const VerifyReport report = verify(other);
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.problems.front().message, "audit entry 1 is signed by the key " +
                                                   key_->publicKeyHex() + ", not the server's " +
                                                   other);
}

TEST_P(WorkspaceSignatures, AnUnsignedWorkspaceFailsAgainstAServersKey) {
    ScratchFolder other;
    const auto unsignedFile = testing::freshLocation(GetParam(), other, "u");
    ASSERT_TRUE(Workspace::createFromFolder(kSourceDir / "samples/school-meals", unsignedFile,
                                            "alice", referenceRates())
                    .ok());
    auto opened = Workspace::open(unsignedFile);
    EXPECT_TRUE(opened.workspace->verify(referenceRates()).ok());
    const VerifyReport report = opened.workspace->verify(referenceRates(), key_->publicKeyHex());
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.problems.front().message,
              "audit entry 1 is not signed by the server, though every entry must be: it was "
              "added or rewritten outside the server");
}

TEST_P(WorkspaceSignatures, AWorkspaceGivenASignerExpectsEveryEntrySignedByIt) {
    ScratchFolder other;
    const auto unsignedFile = testing::freshLocation(GetParam(), other, "u");
    ASSERT_TRUE(Workspace::createFromFolder(kSourceDir / "samples/school-meals", unsignedFile,
                                            "alice", referenceRates())
                    .ok());
    auto opened = Workspace::open(unsignedFile);
    opened.workspace->setSigner(key_);
    const VerifyReport report = opened.workspace->verify(referenceRates());
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.problems.front().message,
              "audit entry 1 is not signed by the server, though every entry must be: it was "
              "added or rewritten outside the server");
    auto signedOne = Workspace::open(file_);
    signedOne.workspace->setSigner(key_);
    EXPECT_TRUE(signedOne.workspace->verify(referenceRates()).ok());
}

TEST_P(WorkspaceSignatures, AnEntryAddedWithoutTheKeyIsFound) {
    {
        auto opened = Workspace::open(file_);
        ASSERT_TRUE(opened.workspace->addPanelMember("alice", "alice", PanelRole::Lead).ok());
    }
    const VerifyReport report = verify("");
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(allProblems(report),
              "audit entry " + std::to_string(report.entriesChecked) +
                  " is not signed by the server, though the entries before it are: it was added "
                  "or rewritten outside the server\n");
}

TEST_P(WorkspaceSignatures, ALogRewrittenAndRechainedFailsItsSignatures) {
    // Someone with the database in hand drops the guards, puts another name on entry 5 and
    // recomputes the hash of every entry from there, so the chain holds again.
    std::vector<AuditEntry> log = Workspace::open(file_).workspace->auditLog();
    std::string sql = dropTrigger("audit_log_no_update") + ";";
    log[4].actor = "mallory";
    for (std::size_t i = 4; i < log.size(); ++i) {
        log[i].prevHash = log[i - 1].hash;
        log[i].hash = auditEntryHash(log[i]);
        sql += " UPDATE audit_log SET actor = '" + log[i].actor + "', prev_hash = '" +
               log[i].prevHash + "', hash = '" + log[i].hash +
               "' WHERE seq = " + std::to_string(log[i].seq) + ";";
    }
    ASSERT_EQ(runSql(file_, sql), "");
    const VerifyReport report = verify("");
    const std::string problems = allProblems(report);
    EXPECT_EQ(problems.find("audit log broken"), std::string::npos) << "the chain holds";
    EXPECT_NE(problems.find("audit entry 5: its signature does not match the entry: the entry or "
                            "the chain was rewritten after the server signed it"),
              std::string::npos)
        << problems;
}

TEST_P(WorkspaceSignatures, ADeletedSignatureIsFound) {
    ASSERT_EQ(runSql(file_, "DELETE FROM audit_signatures WHERE seq = 3"), "");
    EXPECT_NE(allProblems(verify("")).find("audit entry 3 is not signed by the server"),
              std::string::npos);
}

TEST_P(WorkspaceSignatures, ACopyKeepsTheSignatures) {
    ScratchFolder other;
    const auto copy = testing::freshLocation(GetParam(), other, "c");
    ASSERT_TRUE(Workspace::open(file_).workspace->copyTo(copy).empty());
    const VerifyReport report =
        Workspace::open(copy).workspace->verify(referenceRates(), key_->publicKeyHex());
    EXPECT_TRUE(report.ok()) << allProblems(report);
    EXPECT_EQ(report.entriesSigned, report.entriesChecked);
}

INSTANTIATE_TEST_SUITE_P(BothStores, WorkspaceSignatures,
                         ::testing::Values(testing::Store::Sqlite, testing::Store::Postgres),
                         testing::storeName);

} // namespace
} // namespace fairtender
