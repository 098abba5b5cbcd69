// RankingTable: the readable result `fairtender evaluate` prints: one row per ranked bid
// with the points of each top-level criterion or group, then the excluded bids with their
// reasons and the winner. Columns are sized to their contents in terminal columns.
#pragma once

#include "model/Tender.h"
#include "scoring/EvaluationResult.h"

#include <string>

namespace fairtender::cli {

// Supplier names longer than this many columns are cut and end with "…".
inline constexpr std::size_t kSupplierColumnWidth = 32;

// The whole table, ending with the winner line. Top-level columns come from the tender's
// model (gates and weight-0 nodes left out); points use the result's rounding places.
std::string renderRankingTable(const EvaluationResult& result, const Tender& tender);

} // namespace fairtender::cli
