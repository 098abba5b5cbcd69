#include "audit/AuditChain.h"
#include "audit/Sha256.h"

#include <gtest/gtest.h>

#include <vector>

namespace fairtender {
namespace {

std::vector<AuditEntry> chainOf(int count) {
    std::vector<AuditEntry> entries;
    for (int i = 0; i < count; ++i) {
        AuditEntry e;
        e.time = "2026-03-03T10:15:30Z";
        e.actor = "alice";
        e.action = "score.import";
        e.subject = "B" + std::to_string(i + 1) + " q1 E1";
        e.after = "value=\"4\"";
        entries.push_back(e);
        chainAfter(entries.size() == 1 ? nullptr : &entries[entries.size() - 2], entries.back());
    }
    return entries;
}

TEST(ChainChecker, StreamedLogReportsTheBreakAtEntry3OnlyOnce) {
    auto entries = chainOf(5);
    entries[2].after = "value=\"5\"";
    ChainChecker checker;
    std::vector<std::int64_t> breaks;
    for (const auto& e : entries)
        if (const auto broken = checker.next(e))
            breaks.push_back(broken->seq);
    EXPECT_EQ(breaks, std::vector<std::int64_t>{3});
}

TEST(ChainChecker, StreamedFreshChainOfFiveEntriesHolds) {
    ChainChecker checker;
    int breaks = 0;
    for (const auto& e : chainOf(5))
        breaks += checker.next(e).has_value() ? 1 : 0;
    EXPECT_EQ(breaks, 0);
}

TEST(Sha256, ReusedEngineGivesEachTextItsOwnDigest) {
    Sha256 engine;
    EXPECT_EQ(engine.hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(engine.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(engine.hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

} // namespace
} // namespace fairtender
