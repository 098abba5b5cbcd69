#include "desktop/RankingColumns.h"

namespace fairtender::desktop {

namespace {

std::string titleOr(const std::string& id, const std::string& title) {
    return title.empty() ? id : title;
}

} // namespace

std::vector<RankingColumn> rankingColumns(const Tender& tender, const EvaluationResult& result) {
    const bool perPoint = result.aggregation == Aggregation::PricePerQualityPoint;
    std::vector<RankingColumn> columns = {
        {RankingColumnKind::Rank, 0, {}, "Rank"},
        {RankingColumnKind::Bid, 0, {}, "Bid"},
        {RankingColumnKind::Supplier, 0, {}, "Supplier"},
        {RankingColumnKind::Price, 0, {}, "Price (P)"},
        {RankingColumnKind::Total, 0, {}, perPoint ? "Quality (Q)" : "Total"},
    };
    if (perPoint)
        columns.push_back({RankingColumnKind::PricePerPoint, 0, {}, "Price per point"});
    // Status and flags next to the total: they say whether the total stands, and a window
    // 1024 wide shows them without scrolling; the points behind the total follow.
    columns.push_back({RankingColumnKind::Status, 0, {}, "Status"});
    columns.push_back({RankingColumnKind::Flags, 0, {}, "Flags"});
    for (const auto& node : tender.model.children) {
        if (node.kind == NodeKind::Gate)
            continue;
        if (node.kind == NodeKind::Group) {
            if (const auto index = result.groupIndex(node.id))
                columns.push_back({RankingColumnKind::Group, *index, node.id,
                                   titleOr(node.id, result.groups[*index].title)});
        } else if (const auto index = result.leafIndex(node.id);
                   index && result.leaves[*index].scored) {
            columns.push_back({RankingColumnKind::Leaf, *index, node.id,
                               titleOr(node.id, result.leaves[*index].title)});
        }
    }
    return columns;
}

bool isPointsColumn(const RankingColumn& column) {
    return column.kind == RankingColumnKind::Leaf || column.kind == RankingColumnKind::Group;
}

} // namespace fairtender::desktop
