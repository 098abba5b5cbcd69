// RankingColumns: the columns of the results ranking, shared by the table, the chart and
// the explanation panel so all three agree on which engine number a column shows.
#pragma once

#include "model/Tender.h"
#include "scoring/EvaluationResult.h"

#include <cstddef>
#include <string>
#include <vector>

namespace fairtender::desktop {

enum class RankingColumnKind {
    Rank,
    Bid,
    Supplier,
    Price,
    Total,
    PricePerPoint,
    Leaf,
    Group,
    Flags,
    Status
};

struct RankingColumn {
    RankingColumnKind kind = RankingColumnKind::Rank;
    std::size_t index = 0; // Leaf: into EvaluationResult::leaves; Group: into ::groups
    std::string id;        // the model node's id for Leaf and Group columns
    std::string header;    // "Rank", "Quality": a points column by its node's title
};

// Rank, bid, supplier, price (P), total (and price per point under price per quality point), one
// column per scored top-level node of the model in model order, then flags and status.
// Gates and leaves that are not scored get no column.
std::vector<RankingColumn> rankingColumns(const Tender& tender, const EvaluationResult& result);

// True for the Leaf and Group columns: the ones a stacked chart of points is made of.
bool isPointsColumn(const RankingColumn& column);

} // namespace fairtender::desktop
