#include "audit/AuditChain.h"

#include "audit/Sha256.h"

#include <charconv>

namespace fairtender {

namespace {

void appendField(std::string& into, std::string_view field) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, field.size()).ptr;
    into.append(digits, end);
    into += ':';
    into += field;
    into += '\n';
}

// canonicalAuditContent written into `text`, reusing its storage.
void writeCanonical(std::string& text, const AuditEntry& entry) {
    text.assign("fairtender-audit-1\n");
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, entry.seq).ptr;
    appendField(text, std::string_view(digits, static_cast<std::size_t>(end - digits)));
    for (const std::string* field : {&entry.time, &entry.actor, &entry.action, &entry.subject,
                                     &entry.before, &entry.after, &entry.reason, &entry.prevHash})
        appendField(text, *field);
}

// One engine and one buffer per thread: entries are hashed one after another in bulk.
struct EntryHasher {
    Sha256 engine;
    std::string text;

    const std::string& hash(const AuditEntry& entry) {
        writeCanonical(text, entry);
        return engine.hex(text);
    }
};

EntryHasher& threadHasher() {
    thread_local EntryHasher hasher;
    return hasher;
}

} // namespace

std::string canonicalAuditContent(const AuditEntry& entry) {
    std::string text;
    writeCanonical(text, entry);
    return text;
}

std::string auditEntryHash(const AuditEntry& entry) {
    return threadHasher().hash(entry);
}

void chainAfter(const AuditEntry* previous, AuditEntry& entry) {
    entry.seq = previous == nullptr ? 1 : previous->seq + 1;
    entry.prevHash = previous == nullptr ? std::string(kGenesisHash) : previous->hash;
    entry.hash = auditEntryHash(entry);
}

std::optional<ChainBreak> ChainChecker::next(const AuditEntry& entry) {
    if (broken_)
        return std::nullopt;
    broken_ = true;
    const std::int64_t expected = expected_;
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
    if (entry.prevHash != previousHash_)
        return ChainBreak{entry.seq, "entry " + std::to_string(entry.seq) +
                                         " does not follow entry " + std::to_string(entry.seq - 1) +
                                         ": its previous hash is " + entry.prevHash +
                                         ", the previous entry's hash is " + previousHash_};
    if (threadHasher().hash(entry) != entry.hash)
        return ChainBreak{entry.seq, "entry " + std::to_string(entry.seq) +
                                         " was changed after it was written: its content no "
                                         "longer matches its hash " +
                                         entry.hash};
    broken_ = false;
    previousHash_ = entry.hash;
    ++expected_;
    return std::nullopt;
}

std::optional<ChainBreak> findChainBreak(const std::vector<AuditEntry>& entries) {
    ChainChecker checker;
    for (const auto& entry : entries)
        if (auto broken = checker.next(entry))
            return broken;
    return std::nullopt;
}

std::string expectedHeadProblem(const std::vector<AuditEntry>& log,
                                const std::string& expectedHead) {
    if (!log.empty() && log.back().hash == expectedHead)
        return {};
    const std::string head = log.empty() ? std::string("none (the log is empty)") : log.back().hash;
    for (const auto& entry : log)
        if (entry.hash == expectedHead) {
            const auto added = log.back().seq - entry.seq;
            return "the head hash is " + head + ", not the noted " + expectedHead +
                   ": the noted hash is entry " + std::to_string(entry.seq) + ", and " +
                   std::to_string(added) + (added == 1 ? " entry was" : " entries were") +
                   " added after it";
        }
    return "the noted head hash " + expectedHead + " is not in this audit log (its head is " +
           head + "): this is another workspace, or a copy that lost its last entries";
}

} // namespace fairtender
