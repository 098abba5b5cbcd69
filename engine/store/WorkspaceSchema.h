// The workspace's tables as both stores hold them: each data table with the audit action
// that writes its rows, the migrations from schema 1 to the current one, and the row text
// that ties a row to its audit entry. Internal to engine/store.
#pragma once

#include "audit/AuditRecords.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fairtender {

// A data table whose every row is written by one audit entry of `action`; the row's text
// (rowText) is what that entry records as `after`, and its SHA-256 is the row's row_hash.
struct TableSpec {
    const char* table;
    AuditAction action;
    std::vector<const char*> columns;
    std::optional<AuditAction> commandAction; // the command that adds rows later, if any
    // Columns from this index on were added by a later schema: left out of the row text
    // while empty, so a row written before them still matches the entry that wrote it.
    std::size_t laterColumnsFrom = SIZE_MAX;
};

bool writesRows(const TableSpec& spec, std::string_view action);

extern const TableSpec kTenderTable;
extern const TableSpec kBidDocumentsTable;
extern const TableSpec kScoresTable;
extern const TableSpec kConsensusTable;
extern const TableSpec kDeliverabilityTable;
extern const TableSpec kDecisionsTable;
extern const TableSpec kLifecycleTable;
extern const TableSpec kPanelTable;
extern const TableSpec kDeclarationsTable;
extern const TableSpec kReopeningsTable;
extern const TableSpec kAwardsTable;
extern const TableSpec kExclusionsTable;

// Every data table, in the order a workspace is filled (bid documents before the bid index).
const std::vector<const TableSpec*>& dataTables();

extern const std::string kResultsAction;
extern const std::string kSensitivityAction;
// In a migration: the guards that keep the audit log append-only, in the store's own dialect.
extern const std::string kGuardAuditLog;

// Schema version 1, then one list of statements per later version (written for SQLite;
// postgresSchemaStatement gives PostgreSQL's form).
const std::vector<std::vector<std::string>>& migrations();

// The row as its audit entry records it: name="value" pairs in column order; the large
// xml column is recorded by its SHA-256.
std::string rowText(const TableSpec& spec, const std::vector<std::string>& values);
// The identifying columns of a row, as its audit entry's subject.
std::string rowSubject(const TableSpec& spec, const std::vector<std::string>& values);

} // namespace fairtender
