#include "audit/AuditChain.h"

#include <gtest/gtest.h>

#include <vector>

namespace fairtender {
namespace {

AuditEntry entry(std::string subject, std::string after) {
    AuditEntry e;
    e.time = "2026-03-03T10:15:30Z";
    e.actor = "alice";
    e.action = "score.import";
    e.subject = std::move(subject);
    e.after = std::move(after);
    return e;
}

// A chain of `count` entries, each linked to the one before.
std::vector<AuditEntry> chainOf(int count) {
    std::vector<AuditEntry> entries;
    for (int i = 0; i < count; ++i) {
        entries.push_back(entry("B" + std::to_string(i + 1) + " q1 E1", "value=\"4\""));
        chainAfter(entries.size() == 1 ? nullptr : &entries[entries.size() - 2], entries.back());
    }
    return entries;
}

TEST(AuditChain, CanonicalFormPrefixesEveryFieldWithItsLength) {
    AuditEntry e = entry("T-1", "x=\"\"");
    e.action = "workspace.create";
    e.seq = 1;
    e.prevHash = std::string(kGenesisHash);
    EXPECT_EQ(canonicalAuditContent(e), "fairtender-audit-1\n1:1\n20:2026-03-03T10:15:30Z\n"
                                        "5:alice\n16:workspace.create\n3:T-1\n0:\n4:x=\"\"\n0:\n"
                                        "64:" +
                                            std::string(kGenesisHash) + "\n");
}

TEST(AuditChain, FirstEntryHashIsSha256OfItsCanonicalForm) {
    AuditEntry e = entry("T-1", "x=\"\"");
    e.action = "workspace.create";
    chainAfter(nullptr, e);
    EXPECT_EQ(e.seq, 1);
    EXPECT_EQ(e.prevHash, kGenesisHash);
    // Computed independently: sha256sum over the canonical bytes of the test above.
    EXPECT_EQ(e.hash, "5a173cc49b13a811d4e8b570394b91c499d74c70c68fb52ecc732a70e9ae20ef");
}

TEST(AuditChain, FreshChainOfFiveEntriesHolds) {
    EXPECT_FALSE(findChainBreak(chainOf(5)).has_value());
}

TEST(AuditChain, EmptyLogHolds) {
    EXPECT_FALSE(findChainBreak({}).has_value());
}

TEST(AuditChain, ChangedAfterTextBreaksAtThatEntry) {
    auto entries = chainOf(5);
    entries[2].after = "value=\"5\"";
    const auto broken = findChainBreak(entries);
    ASSERT_TRUE(broken.has_value());
    EXPECT_EQ(broken->seq, 3);
    EXPECT_NE(broken->problem.find("entry 3 was changed"), std::string::npos) << broken->problem;
}

TEST(AuditChain, RehashedEditBreaksAtTheNextEntry) {
    auto entries = chainOf(5);
    entries[2].after = "value=\"5\"";
    entries[2].hash = auditEntryHash(entries[2]);
    const auto broken = findChainBreak(entries);
    ASSERT_TRUE(broken.has_value());
    EXPECT_EQ(broken->seq, 4);
}

TEST(AuditChain, DeletedEntryIsNamedAsMissing) {
    auto entries = chainOf(5);
    entries.erase(entries.begin() + 1);
    const auto broken = findChainBreak(entries);
    ASSERT_TRUE(broken.has_value());
    EXPECT_EQ(broken->seq, 2);
    EXPECT_NE(broken->problem.find("entry 2 is missing"), std::string::npos) << broken->problem;
}

TEST(AuditChain, SwappedSeqNumbersBreakAtTheFirstSwappedEntry) {
    auto entries = chainOf(5);
    std::swap(entries[1], entries[2]);
    std::swap(entries[1].seq, entries[2].seq);
    const auto broken = findChainBreak(entries);
    ASSERT_TRUE(broken.has_value());
    EXPECT_EQ(broken->seq, 2);
}

} // namespace
} // namespace fairtender
