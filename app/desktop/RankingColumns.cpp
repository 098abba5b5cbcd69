#include "desktop/RankingColumns.h"

namespace fairtender::desktop {

namespace {

// Long titles would make the points columns wider than a screen: those show their id.
std::string shortName(const std::string& id, const std::string& title) {
    constexpr std::size_t kLongest = 20;
    return title.empty() || title.size() > kLongest ? id : title;
}

} // namespace

std::vector<RankingColumn> rankingColumns(const Tender& tender, const EvaluationResult& result) {
    const bool perPoint = result.aggregation == Aggregation::PricePerQualityPoint;
    std::vector<RankingColumn> columns = {
        {RankingColumnKind::Rank, 0, {}, "Rank"},
        {RankingColumnKind::Bid, 0, {}, "Bid"},
        {RankingColumnKind::Supplier, 0, {}, "Supplier"},
        {RankingColumnKind::Total, 0, {}, perPoint ? "Quality (Q)" : "Total"},
    };
    if (perPoint)
        columns.push_back({RankingColumnKind::PricePerPoint, 0, {}, "Price per point"});
    for (const auto& node : tender.model.children) {
        if (node.kind == NodeKind::Gate)
            continue;
        if (node.kind == NodeKind::Group) {
            if (const auto index = result.groupIndex(node.id))
                columns.push_back({RankingColumnKind::Group, *index, node.id,
                                   shortName(node.id, result.groups[*index].title)});
        } else if (const auto index = result.leafIndex(node.id);
                   index && result.leaves[*index].scored) {
            columns.push_back({RankingColumnKind::Leaf, *index, node.id,
                               shortName(node.id, result.leaves[*index].title)});
        }
    }
    columns.push_back({RankingColumnKind::Flags, 0, {}, "Flags"});
    columns.push_back({RankingColumnKind::Status, 0, {}, "Status"});
    return columns;
}

bool isPointsColumn(const RankingColumn& column) {
    return column.kind == RankingColumnKind::Leaf || column.kind == RankingColumnKind::Group;
}

} // namespace fairtender::desktop
