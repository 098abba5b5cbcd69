#include "store/WorkspaceImpl.h"

#include <algorithm>
#include <functional>
#include <set>
#include <sstream>

namespace fairtender {

namespace {

// Checks the server's signatures of the entries: each one holds for the key recorded with
// it, one key signed them all, no entry after the first signed one is unsigned, no signature
// is of an entry that is not there, and with `expectedSigner` every entry is signed by it.
// Read in a pass of its own, only when there is a signature or one is expected, so an
// unsigned workspace costs nothing more.
void checkSignatures(Workspace::Impl& impl, const std::string& expectedSigner, VerifyReport& report,
                     const std::function<void(std::string)>& problem) {
    SqlStatement& count = impl.statement("SELECT COUNT(*) FROM audit_signatures");
    std::int64_t signatures = 0;
    {
        QueryScope scope{count};
        if (count.next())
            signatures = count.integer(0);
    }
    if (signatures == 0 && expectedSigner.empty())
        return;
    SqlStatement& orphans = impl.statement(
        "SELECT COUNT(*) FROM audit_signatures WHERE seq NOT IN (SELECT seq FROM audit_log)");
    {
        QueryScope scope{orphans};
        if (orphans.next() && orphans.integer(0) > 0)
            problem(std::to_string(orphans.integer(0)) +
                    " signatures are of audit entries that are not in the log: entries were "
                    "removed");
    }
    SqlStatement& select = impl.statement(
        "SELECT a.seq, a.hash, COALESCE(s.signed_by, ''), COALESCE(s.signature, '') FROM "
        "audit_log a LEFT JOIN audit_signatures s ON s.seq = a.seq ORDER BY a.seq");
    QueryScope scope{select};
    std::string hash, signedBy, signature;
    bool signing = !expectedSigner.empty();
    std::size_t reported = 0;
    const auto report10 = [&](std::string message) {
        // A rewritten log breaks every signature after the change: the first few say where.
        if (++reported <= 10)
            problem(std::move(message));
    };
    while (select.next()) {
        const std::int64_t seq = select.integer(0);
        select.text(1, hash);
        select.text(2, signedBy);
        select.text(3, signature);
        const std::string entry = "audit entry " + std::to_string(seq);
        if (signature.empty()) {
            if (signing)
                report10(entry + " is not signed by the server, though " +
                         (expectedSigner.empty() ? std::string("the entries before it are")
                                                 : "every entry must be") +
                         ": it was added or rewritten outside the server");
            continue;
        }
        signing = true;
        if (report.signedBy.empty())
            report.signedBy = signedBy;
        if (!expectedSigner.empty() && signedBy != expectedSigner)
            report10(entry + " is signed by the key " + signedBy + ", not the server's " +
                     expectedSigner);
        else if (signedBy != report.signedBy)
            report10(entry + " is signed by the key " + signedBy + ", not " + report.signedBy +
                     " as the entries before it");
        else if (!auditSignatureValid(signedBy, hash, signature))
            report10(entry + ": its signature does not match the entry: the entry or the chain "
                             "was rewritten after the server signed it");
        else
            ++report.entriesSigned;
    }
    if (reported > 10)
        problem(std::to_string(reported - 10) + " more audit entries fail their signature check");
}

} // namespace

VerifyReport Workspace::verify(const LivingWageTable* rates,
                               const std::string& expectedSigner) const {
    VerifyReport report;
    Impl& impl = *impl_;
    const auto problem = [&](std::string message) {
        report.problems.push_back(workspaceError(impl.path, std::move(message)));
    };
    // Verify reads every stored text itself: no bids parsed for an earlier command count.
    struct ReparseBids {
        Workspace::Impl& impl;
        explicit ReparseBids(Workspace::Impl& i) : impl(i) { impl.reparseBids = true; }
        ~ReparseBids() {
            impl.reparseBids = false;
            impl.rowsAsOf.reset();
        }
    } reparse{impl};
    try {
        // One snapshot: entries and rows that writers add meanwhile are not half seen.
        impl.db->beginRead();
        Sha256 hasher;
        if (const std::string integrity = impl.db->integrityProblem(); !integrity.empty())
            problem(integrity);

        // The log is read once, in seq order, as a stream: each entry is checked against the
        // chain as it arrives and only what the row checks compare is kept, the texts packed
        // in one buffer, so a million entries need neither a million records nor their heap.
        struct Logged {
            std::int64_t seq = 0;
            const std::string* action = nullptr; // one string per distinct action
            std::size_t subjectAt = 0, subjectSize = 0, afterAt = 0, afterSize = 0;
        };
        std::set<std::string> actions;
        std::string texts;
        std::vector<Logged> log;
        {
            ChainChecker chain;
            SqlStatement& select = impl.statement(std::string(Impl::kLogColumns) + " ORDER BY seq");
            QueryScope scope{select};
            AuditEntry e;
            while (select.next()) {
                Impl::readEntry(select, e);
                if (const auto broken = chain.next(e))
                    problem("audit log broken at entry " + std::to_string(broken->seq) + ": " +
                            broken->problem);
                Logged& logged = log.emplace_back();
                logged.seq = e.seq;
                logged.action = &*actions.insert(e.action).first;
                logged.subjectAt = texts.size();
                logged.subjectSize = e.subject.size();
                texts += e.subject;
                logged.afterAt = texts.size();
                logged.afterSize = e.after.size();
                texts += e.after;
            }
            report.entriesChecked = log.size();
            if (!log.empty())
                report.headHash = e.hash;
        }
        checkSignatures(impl,
                        expectedSigner.empty() && impl.signer ? impl.signer->publicKeyHex()
                                                              : expectedSigner,
                        report, problem);
        const auto after = [&](const Logged& l) {
            return std::string_view(texts).substr(l.afterAt, l.afterSize);
        };
        const auto subject = [&](const Logged& l) {
            return std::string(std::string_view(texts).substr(l.subjectAt, l.subjectSize));
        };

        // The log is in seq order, so an entry is found by binary search and counted by its
        // index.
        const auto entryOf = [&](std::int64_t seq) -> std::ptrdiff_t {
            const auto found =
                std::lower_bound(log.begin(), log.end(), seq,
                                 [](const Logged& e, std::int64_t s) { return e.seq < s; });
            if (found == log.end() || found->seq != seq)
                return -1;
            return found - log.begin();
        };
        for (const TableSpec* spec : dataTables()) {
            std::vector<int> rowsPerEntry(log.size(), 0);
            for (const auto& row : impl.readRows(*spec)) {
                ++report.rowsChecked;
                const std::string text = rowText(*spec, row.values);
                const auto found = entryOf(row.auditSeq);
                const Logged* entry = found < 0 ? nullptr : &log[static_cast<std::size_t>(found)];
                if (entry != nullptr)
                    ++rowsPerEntry[static_cast<std::size_t>(found)];
                const auto what = [&] {
                    return std::string(spec->table) + " row " + rowSubject(*spec, row.values) +
                           " (audit entry " + std::to_string(row.auditSeq) + ")";
                };
                if (entry == nullptr || !writesRows(*spec, *entry->action)) {
                    problem(what() + " has no audit entry that wrote it: it was added or moved "
                                     "outside fairtender");
                    continue;
                }
                if (after(*entry) != text)
                    problem(what() + " differs from what audit entry " +
                            std::to_string(row.auditSeq) + " recorded: recorded " +
                            std::string(after(*entry)) + "; stored " + text +
                            ": it was changed outside fairtender");
                else if (hasher.hex(text) != row.rowHash)
                    problem(what() + " does not match its row hash: it was changed outside "
                                     "fairtender");
            }
            for (std::size_t i = 0; i < log.size(); ++i) {
                const Logged& entry = log[i];
                if (!writesRows(*spec, *entry.action))
                    continue;
                // Entries repeating one seq share the rows written under it.
                const auto first = static_cast<std::size_t>(entryOf(entry.seq));
                if (rowsPerEntry[first] != 1)
                    problem("audit entry " + std::to_string(entry.seq) + " (" + *entry.action +
                            " " + subject(entry) + ") has " + std::to_string(rowsPerEntry[first]) +
                            " rows in " + spec->table +
                            " instead of 1: a record was deleted or copied "
                            "outside fairtender");
            }
        }

        // The bid index is derived from the bid documents the chain covers: it must say
        // exactly what their bid_ids say.
        {
            std::set<std::pair<std::string, std::string>> expected; // bid id, file name
            for (const auto& row : impl.readRows(kBidDocumentsTable)) {
                std::istringstream ids(row.values[1]);
                for (std::string id; ids >> id;)
                    expected.emplace(id, row.values[0]);
            }
            std::set<std::pair<std::string, std::string>> indexed;
            {
                SqlStatement& select = impl.statement("SELECT bid_id, file_name FROM bids");
                QueryScope scope{select};
                while (select.next())
                    indexed.emplace(select.text(0), select.text(1));
            }
            for (const auto& [id, file] : indexed)
                if (expected.count({id, file}) == 0)
                    problem("bids row " + id + " (" + file +
                            ") is not a bid of the stored bid documents: it was added or changed "
                            "outside fairtender");
            for (const auto& [id, file] : expected)
                if (indexed.count({id, file}) == 0)
                    problem("bid " + id + " of " + file +
                            " is missing from the bids table: it was deleted or changed outside "
                            "fairtender");
        }
        // The guards that keep the audit log append-only are part of what is verified.
        for (auto& guard : impl.db->auditGuardProblems())
            problem(std::move(guard));

        FolderLoad load = impl.rebuild(rates);
        for (auto& diagnostic : load.diagnostics)
            if (diagnostic.severity == Severity::Error)
                problem("the stored inputs no longer read: " + diagnostic.toString());
        const Logged* recorded = nullptr;
        for (const auto& entry : log)
            if (*entry.action == kResultsAction)
                recorded = &entry;
        if (load.folder && recorded != nullptr) {
            // The results recorded last are replayed from the rows stored up to that entry:
            // scores given since then are recorded when the tender next moves on.
            impl.rowsAsOf = recorded->seq;
            FolderLoad then = impl.rebuild(rates);
            impl.rowsAsOf.reset();
            const std::string results =
                then.folder ? resultsText(*then.folder) : std::string("inputs that do not read");
            if (results != after(*recorded))
                problem("the results recomputed from the inputs stored up to audit entry " +
                        std::to_string(recorded->seq) + " (" + results + ") differ from those it " +
                        "recorded (" + std::string(after(*recorded)) + ")");
        }
        if (recorded == nullptr && !log.empty())
            problem("no audit entry records the results of the stored inputs");
        // Each sensitivity run on record is run again on the inputs stored up to it.
        for (const auto& entry : log) {
            if (*entry.action != kSensitivityAction || !load.folder)
                continue;
            const auto odds = recordedOdds(std::string(after(entry)));
            if (!odds) {
                problem("audit entry " + std::to_string(entry.seq) +
                        " (a sensitivity run) does not say how it was sampled, or names more "
                        "than " +
                        std::to_string(kMostRecordedSamples) + " samples");
                continue;
            }
            impl.rowsAsOf = entry.seq;
            FolderLoad then = impl.rebuild(rates);
            impl.rowsAsOf.reset();
            const std::string again = then.folder ? sensitivityText(*then.folder, *odds)
                                                  : std::string("inputs that do not read");
            if (again != after(entry))
                problem("the sensitivity run recomputed from the inputs stored up to audit "
                        "entry " +
                        std::to_string(entry.seq) + " (" + again + ") differs from the one it " +
                        "recorded (" + std::string(after(entry)) + ")");
        }
        impl.db->rollback();
    } catch (const StoreError& e) {
        impl.db->rollback();
        problem("cannot read the workspace: " + std::string(e.what()));
    }
    return report;
}

std::string Workspace::expectedHeadProblem(const std::string& expectedHead) const {
    return fairtender::expectedHeadProblem(auditLog(), expectedHead);
}

} // namespace fairtender
