#include "audit/AuditChain.h"

#include "core/FileHash.h"

namespace fairtender {

namespace {

void appendField(std::string& into, std::string_view field) {
    into += std::to_string(field.size());
    into += ':';
    into += field;
    into += '\n';
}

} // namespace

std::string canonicalAuditContent(const AuditEntry& entry) {
    std::string text = "fairtender-audit-1\n";
    appendField(text, std::to_string(entry.seq));
    for (const std::string* field : {&entry.time, &entry.actor, &entry.action, &entry.subject,
                                     &entry.before, &entry.after, &entry.reason, &entry.prevHash})
        appendField(text, *field);
    return text;
}

std::string auditEntryHash(const AuditEntry& entry) {
    return sha256HexOf(canonicalAuditContent(entry));
}

void chainAfter(const AuditEntry* previous, AuditEntry& entry) {
    entry.seq = previous == nullptr ? 1 : previous->seq + 1;
    entry.prevHash = previous == nullptr ? std::string(kGenesisHash) : previous->hash;
    entry.hash = auditEntryHash(entry);
}

std::optional<ChainBreak> findChainBreak(const std::vector<AuditEntry>& entries) {
    std::string previousHash(kGenesisHash);
    std::int64_t expected = 1;
    for (const auto& entry : entries) {
        if (entry.seq != expected) {
            if (entry.seq > expected)
                return ChainBreak{expected, "entry " + std::to_string(expected) +
                                                " is missing: the log jumps from entry " +
                                                std::to_string(expected - 1) + " to entry " +
                                                std::to_string(entry.seq)};
            return ChainBreak{entry.seq, "entry " + std::to_string(entry.seq) +
                                             " is out of order: it follows entry " +
                                             std::to_string(expected - 1)};
        }
        if (entry.prevHash != previousHash)
            return ChainBreak{
                entry.seq, "entry " + std::to_string(entry.seq) + " does not follow entry " +
                               std::to_string(entry.seq - 1) + ": its previous hash is " +
                               entry.prevHash + ", the previous entry's hash is " + previousHash};
        if (auditEntryHash(entry) != entry.hash)
            return ChainBreak{entry.seq,
                              "entry " + std::to_string(entry.seq) +
                                  " was changed after it was written: its content no longer "
                                  "matches its hash " +
                                  entry.hash};
        previousHash = entry.hash;
        ++expected;
    }
    return std::nullopt;
}

} // namespace fairtender
