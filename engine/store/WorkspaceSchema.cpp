#include "store/WorkspaceSchema.h"

#include "audit/Sha256.h"
#include "core/FileHash.h"

namespace fairtender {

bool writesRows(const TableSpec& spec, std::string_view action) {
    return action == toString(spec.action) ||
           (spec.commandAction && action == toString(*spec.commandAction));
}

const TableSpec kTenderTable{"tender",
                             AuditAction::WorkspaceCreate,
                             {"tender_id", "title", "xml"},
                             AuditAction::TenderReplace};
const TableSpec kBidDocumentsTable{
    "bid_documents", AuditAction::BidDocumentImport, {"file_name", "bid_ids", "xml"}, std::nullopt};
const TableSpec kScoresTable{"evaluator_scores",
                             AuditAction::ScoreImport,
                             {"bid_id", "criterion_id", "evaluator", "value", "reason"},
                             AuditAction::ScoreSubmit};
const TableSpec kConsensusTable{"consensus_scores",
                                AuditAction::ConsensusImport,
                                {"bid_id", "criterion_id", "moderator", "value", "reason"},
                                AuditAction::ConsensusSet};
const TableSpec kDeliverabilityTable{"deliverability",
                                     AuditAction::DeliverabilityImport,
                                     {"bid_id", "measure_id", "factor", "reason"},
                                     std::nullopt};
const TableSpec kDecisionsTable{"abnormally_low_decisions",
                                AuditAction::AbnormallyLowDecisionImport,
                                {"bid_id", "accept", "reason"},
                                AuditAction::AbnormallyLowDecide};
const TableSpec kLifecycleTable{
    "lifecycle", AuditAction::LifecycleStart, {"state", "reason"}, AuditAction::LifecycleAdvance};
// Schema 2: the panel, its declarations, reopened scores and the award.
const TableSpec kPanelTable{"panel_members", AuditAction::PanelAdd, {"name", "role"}, std::nullopt};
const TableSpec kDeclarationsTable{"conflict_declarations",
                                   AuditAction::PanelDeclare,
                                   {"person", "bid_id", "details"},
                                   std::nullopt};
const TableSpec kReopeningsTable{
    "score_reopenings",
    AuditAction::ScoreReopen,
    {"bid_id", "criterion_id", "evaluator", "score_position", "reason"},
    std::nullopt};
const TableSpec kAwardsTable{"awards",
                             AuditAction::AwardRecord,
                             {"bid_id", "notice_date", "standstill_end", "reason"},
                             std::nullopt};
// Schema 3: bids excluded after the evaluation; schema 4 adds the day it was decided and
// whether the supplier withdrew.
const TableSpec kExclusionsTable{"exclusions",
                                 AuditAction::ExclusionRecord,
                                 {"bid_id", "reason", "decided_on", "withdrawn"},
                                 std::nullopt,
                                 2};

const std::vector<const TableSpec*>& dataTables() {
    static const std::vector<const TableSpec*> tables{
        &kTenderTable,         &kBidDocumentsTable, &kScoresTable,    &kConsensusTable,
        &kDeliverabilityTable, &kDecisionsTable,    &kLifecycleTable, &kPanelTable,
        &kDeclarationsTable,   &kReopeningsTable,   &kAwardsTable,    &kExclusionsTable};
    return tables;
}

const std::string kResultsAction(toString(AuditAction::ResultsRecorded));
const std::string kSensitivityAction(toString(AuditAction::SensitivityRecorded));

const std::string kGuardAuditLog = "-- guard audit_log";

// Schema version 1. Each later version adds one list of statements; a migration never
// edits an earlier list, so every file reaches the same schema by the same steps.
const std::vector<std::vector<std::string>>& migrations() {
    static const std::vector<std::vector<std::string>> steps{
        {
            "CREATE TABLE tender (position INTEGER PRIMARY KEY, tender_id TEXT NOT NULL, "
            "title TEXT NOT NULL, xml TEXT NOT NULL, row_hash TEXT NOT NULL, "
            "audit_seq INTEGER NOT NULL)",
            "CREATE TABLE bid_documents (position INTEGER PRIMARY KEY, file_name TEXT NOT NULL "
            "UNIQUE, bid_ids TEXT NOT NULL, xml TEXT NOT NULL, row_hash TEXT NOT NULL, "
            "audit_seq INTEGER NOT NULL)",
            "CREATE TABLE bids (position INTEGER PRIMARY KEY, bid_id TEXT NOT NULL UNIQUE, "
            "file_name TEXT NOT NULL REFERENCES bid_documents(file_name))",
            "CREATE TABLE evaluator_scores (position INTEGER PRIMARY KEY, bid_id TEXT NOT NULL, "
            "criterion_id TEXT NOT NULL, evaluator TEXT NOT NULL, value TEXT NOT NULL, "
            "reason TEXT NOT NULL, row_hash TEXT NOT NULL, audit_seq INTEGER NOT NULL)",
            "CREATE TABLE consensus_scores (position INTEGER PRIMARY KEY, bid_id TEXT NOT NULL, "
            "criterion_id TEXT NOT NULL, moderator TEXT NOT NULL, value TEXT NOT NULL, "
            "reason TEXT NOT NULL, row_hash TEXT NOT NULL, audit_seq INTEGER NOT NULL)",
            "CREATE TABLE deliverability (position INTEGER PRIMARY KEY, bid_id TEXT NOT NULL, "
            "measure_id TEXT NOT NULL, factor TEXT NOT NULL, reason TEXT NOT NULL, "
            "row_hash TEXT NOT NULL, audit_seq INTEGER NOT NULL)",
            "CREATE TABLE abnormally_low_decisions (position INTEGER PRIMARY KEY, bid_id TEXT NOT "
            "NULL, accept TEXT NOT NULL, reason TEXT NOT NULL, row_hash TEXT NOT NULL, "
            "audit_seq INTEGER NOT NULL)",
            "CREATE TABLE lifecycle (position INTEGER PRIMARY KEY, state TEXT NOT NULL, "
            "reason TEXT NOT NULL, row_hash TEXT NOT NULL, audit_seq INTEGER NOT NULL)",
            "CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT "
            "NULL, action TEXT NOT NULL, subject TEXT NOT NULL, before_text TEXT NOT NULL, "
            "after_text TEXT NOT NULL, reason TEXT NOT NULL, prev_hash TEXT NOT NULL, "
            "hash TEXT NOT NULL)",
            kGuardAuditLog,
        },
        {
            "CREATE TABLE panel_members (position INTEGER PRIMARY KEY, name TEXT NOT NULL, "
            "role TEXT NOT NULL, row_hash TEXT NOT NULL, audit_seq INTEGER NOT NULL)",
            "CREATE TABLE conflict_declarations (position INTEGER PRIMARY KEY, person TEXT NOT "
            "NULL, bid_id TEXT NOT NULL, details TEXT NOT NULL, row_hash TEXT NOT NULL, "
            "audit_seq INTEGER NOT NULL)",
            "CREATE TABLE score_reopenings (position INTEGER PRIMARY KEY, bid_id TEXT NOT NULL, "
            "criterion_id TEXT NOT NULL, evaluator TEXT NOT NULL, score_position TEXT NOT NULL, "
            "reason TEXT NOT NULL, row_hash TEXT NOT NULL, audit_seq INTEGER NOT NULL)",
            "CREATE TABLE awards (position INTEGER PRIMARY KEY, bid_id TEXT NOT NULL, notice_date "
            "TEXT NOT NULL, standstill_end TEXT NOT NULL, reason TEXT NOT NULL, row_hash TEXT NOT "
            "NULL, audit_seq INTEGER NOT NULL)",
        },
        {
            "CREATE TABLE exclusions (position INTEGER PRIMARY KEY, bid_id TEXT NOT NULL, "
            "reason TEXT NOT NULL, row_hash TEXT NOT NULL, audit_seq INTEGER NOT NULL)",
        },
        {
            "ALTER TABLE exclusions ADD COLUMN decided_on TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE exclusions ADD COLUMN withdrawn TEXT NOT NULL DEFAULT ''",
        },
        {
            // A server's Ed25519 signature of an entry's hash, with the key that made it.
            "CREATE TABLE audit_signatures (seq INTEGER PRIMARY KEY, signed_by TEXT NOT NULL, "
            "signature TEXT NOT NULL)",
        }};
    return steps;
}

// The row as its audit entry records it: name="value" pairs in column order; the large
// xml column is recorded by its SHA-256.
std::string rowText(const TableSpec& spec, const std::vector<std::string>& values) {
    std::string text;
    for (std::size_t i = 0; i < spec.columns.size() && i < values.size(); ++i) {
        const std::string column = spec.columns[i];
        if (i >= spec.laterColumnsFrom && values[i].empty())
            continue;
        if (!text.empty())
            text += ' ';
        if (column == "xml")
            text += recordField("xml_sha256", sha256HexOf(values[i]));
        else
            text += recordField(column, values[i]);
    }
    return text;
}

std::string rowSubject(const TableSpec& spec, const std::vector<std::string>& values) {
    if (&spec == &kLifecycleTable)
        return values.at(0);
    if (&spec == &kBidDocumentsTable)
        return "bids/" + values.at(0) + " " + values.at(1);
    // The identifying columns come first: ids up to the value or reason.
    std::string subject;
    for (std::size_t i = 0; i < spec.columns.size(); ++i) {
        const std::string column = spec.columns[i];
        if (column == "value" || column == "reason" || column == "factor" || column == "accept" ||
            column == "title" || column == "moderator" || column == "details" ||
            column == "score_position" || column == "notice_date" || column == "role")
            break;
        subject += (subject.empty() ? "" : " ") + values.at(i);
    }
    return subject;
}

} // namespace fairtender
