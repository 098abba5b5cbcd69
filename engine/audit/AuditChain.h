// The audit trail's hash chain: every change to a workspace is one entry, and each entry's
// SHA-256 covers the previous entry's hash and its own canonical content, so editing,
// deleting or reordering any entry breaks the chain from that entry on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fairtender {

// One entry of the append-only log. `time` is UTC in ISO 8601 ("2026-03-03T10:15:30Z");
// `before` and `after` are the changed record's text (empty when there was none).
struct AuditEntry {
    std::int64_t seq = 0; // 1, 2, 3, ... without gaps
    std::string time;
    std::string actor;
    std::string action;  // "score.import", "workspace.create", ...
    std::string subject; // what the change is about: "B1 q1 E1", a bid file, the tender id
    std::string before;
    std::string after;
    std::string reason;
    std::string prevHash; // the previous entry's hash; kGenesisHash for seq 1
    std::string hash;     // auditEntryHash(*this)
};

// The prev_hash of the first entry: 64 zeros.
inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The bytes that are hashed: the line "fairtender-audit-1\n", then for each field in the
// order seq, time, actor, action, subject, before, after, reason, prev_hash: its length in
// bytes as a decimal number, ':', the field's bytes unchanged, '\n'. seq is written in
// decimal without leading zeros. The length prefix makes the form unambiguous whatever
// bytes (newlines, colons) a field holds. Example for seq 1 with empty text fields:
// "fairtender-audit-1\n1:1\n0:\n..." .
std::string canonicalAuditContent(const AuditEntry& entry);

// SHA-256 of canonicalAuditContent(entry) as 64 lower-case hex digits; entry.hash is ignored.
std::string auditEntryHash(const AuditEntry& entry);

// Sets entry.seq, entry.prevHash and entry.hash so that it follows `previous` (nullptr for
// the first entry).
void chainAfter(const AuditEntry* previous, AuditEntry& entry);

// The first place a log fails to be an unbroken chain.
struct ChainBreak {
    std::int64_t seq = 0; // the first entry that does not hold (or the missing seq)
    std::string problem;  // "entry 3 is missing: the log jumps from entry 2 to entry 4"
};

// Checks `entries` in the order given (the log sorted by seq): seq runs 1, 2, 3 ...,
// each prev_hash is the previous entry's hash and each hash matches the entry's content.
// nullopt when the whole chain holds (an empty log holds).
std::optional<ChainBreak> findChainBreak(const std::vector<AuditEntry>& entries);

// Why `log` does not end at `expectedHead`, a head hash noted elsewhere (entries added after
// it, or not this log at all); empty when it does.
std::string expectedHeadProblem(const std::vector<AuditEntry>& log,
                                const std::string& expectedHead);

// findChainBreak one entry at a time, for a log read as a stream rather than held whole.
class ChainChecker {
public:
    // Checks the next entry in seq order; the first break, and nullopt while the chain holds.
    // Once broken it answers nullopt: later entries cannot be judged against a broken link.
    std::optional<ChainBreak> next(const AuditEntry& entry);

private:
    std::string previousHash_{kGenesisHash};
    std::int64_t expected_ = 1;
    bool broken_ = false;
};

} // namespace fairtender
