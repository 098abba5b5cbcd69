#include "desktop/RankingColumns.h"

namespace fairtender::desktop {

namespace {

// A header by the node's title (its id when it has none), broken onto lines of about 16
// characters so the points columns stay narrow.
std::string shortName(const std::string& id, const std::string& title) {
    constexpr std::size_t kLine = 16;
    if (title.empty())
        return id;
    std::string wrapped;
    std::size_t line = 0;
    std::size_t start = 0;
    while (start < title.size()) {
        std::size_t end = title.find(' ', start);
        if (end == std::string::npos)
            end = title.size();
        const std::string word = title.substr(start, end - start);
        if (line > 0 && line + 1 + word.size() > kLine) {
            wrapped += '\n';
            line = 0;
        } else if (line > 0) {
            wrapped += ' ';
            ++line;
        }
        wrapped += word;
        line += word.size();
        start = end + 1;
    }
    return wrapped;
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
                                   shortName(node.id, result.groups[*index].title)});
        } else if (const auto index = result.leafIndex(node.id);
                   index && result.leaves[*index].scored) {
            columns.push_back({RankingColumnKind::Leaf, *index, node.id,
                               shortName(node.id, result.leaves[*index].title)});
        }
    }
    return columns;
}

bool isPointsColumn(const RankingColumn& column) {
    return column.kind == RankingColumnKind::Leaf || column.kind == RankingColumnKind::Group;
}

} // namespace fairtender::desktop
