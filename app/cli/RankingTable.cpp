#include "cli/RankingTable.h"

#include "cli/TextTable.h"
#include "cli/TextWidth.h"
#include "core/Decimal.h"
#include "core/Money.h"

#include <algorithm>
#include <vector>

namespace fairtender::cli {

namespace {

constexpr std::size_t kHeaderNameWidth = 18;

std::string flagWords(const BidResult& bid) {
    std::string words;
    for (const FlagKind kind : {FlagKind::AbnormallyLow, FlagKind::EvaluatorSpread,
                                FlagKind::Unmoderated, FlagKind::TieUnresolved}) {
        if (bid.hasFlag(kind))
            words += (words.empty() ? "" : ", ") + std::string(toString(kind));
    }
    return words;
}

std::string rankText(const BidResult& bid, const std::vector<const BidResult*>& ranked) {
    if (!bid.rank)
        return "-";
    const auto sharing = std::count_if(ranked.begin(), ranked.end(), [&](const BidResult* other) {
        return other->rank == bid.rank;
    });
    return std::to_string(*bid.rank) + (sharing > 1 ? "=" : "");
}

// Points of a top-level node for a bid: a group's subtotal or a criterion's points.
std::string nodePoints(const EvaluationResult& result, const ModelNode& node,
                       const BidResult& bid) {
    const int places = result.rounding;
    if (node.kind == NodeKind::Group) {
        const GroupResult* group = result.groupOf(bid, node.id);
        return group ? formatFixed(group->points, places) : "-";
    }
    const CriterionResult* criterion = result.criterionOf(bid, node.id);
    if (criterion == nullptr || !criterion->scored)
        return "-";
    return formatFixed(criterion->points, places);
}

// A long title would make the table too wide for a terminal; the id is short and is what
// --explain and the JSON use.
std::string columnHeader(const ModelNode& node) {
    const std::string& name =
        displayWidth(node.displayName()) <= kHeaderNameWidth ? node.displayName() : node.id;
    return truncateToWidth(oneLine(name), kHeaderNameWidth) + " (" + formatDecimal(node.weight) +
           ")";
}

std::string winnerLine(const EvaluationResult& result,
                       const std::vector<const BidResult*>& ranked) {
    if (result.winnerId) {
        const BidResult* winner = result.findBid(*result.winnerId);
        std::string line = "Winner: " + *result.winnerId;
        if (winner != nullptr) {
            line += " " + oneLine(winner->supplierName);
            line += result.aggregation == Aggregation::PricePerQualityPoint && winner->pricePerPoint
                        ? " (" + formatFixed(*winner->pricePerPoint, result.rounding) +
                              " per quality point)"
                        : " (" + formatFixed(winner->total, result.rounding) + " points)";
        }
        return line + "\n";
    }
    if (ranked.empty())
        return "No winner: no bid is ranked.\n";
    std::string tied;
    for (const BidResult* bid : ranked)
        if (bid->rank == ranked.front()->rank)
            tied += (tied.empty() ? "" : ", ") + bid->bidId;
    return "No winner: first place is an unresolved tie between " + tied +
           " (the tie-break did not separate them).\n";
}

} // namespace

std::string renderRankingTable(const EvaluationResult& result, const Tender& tender) {
    std::string out = "Tender " + result.tenderId;
    if (!tender.title.empty())
        out += ": " + tender.title;
    if (!tender.buyer.empty())
        out += " (" + tender.buyer + ")";
    out += "\n\n";

    std::vector<const BidResult*> ranked;
    std::vector<const BidResult*> excluded;
    for (const auto& bid : result.bids)
        (bid.status == BidStatus::Ranked ? ranked : excluded).push_back(&bid);

    const bool perPoint = result.aggregation == Aggregation::PricePerQualityPoint;
    const int places = result.rounding;
    if (ranked.empty()) {
        out += "No ranked bids.\n";
    } else {
        std::vector<Column> columns{{"Rank", Align::Right, {}},
                                    {"Bid", Align::Left, {}},
                                    {"Supplier", Align::Left, {}},
                                    {"Price", Align::Right, {}}};
        std::vector<const ModelNode*> nodes;
        for (const auto& node : tender.model.children) {
            if (node.kind == NodeKind::Gate || node.weight <= 0)
                continue;
            nodes.push_back(&node);
            columns.push_back({columnHeader(node), Align::Right, {}});
        }
        columns.push_back({perPoint ? "Quality score" : "Total", Align::Right, {}});
        if (perPoint)
            columns.push_back({"Price per point", Align::Right, {}});
        columns.push_back({"Flags", Align::Left, {}});

        for (const BidResult* bid : ranked) {
            std::size_t c = 0;
            columns[c++].cells.push_back(rankText(*bid, ranked));
            columns[c++].cells.push_back(bid->bidId);
            columns[c++].cells.push_back(
                truncateToWidth(oneLine(bid->supplierName), kSupplierColumnWidth));
            columns[c++].cells.push_back(bid->price ? formatPounds(*bid->price) : "-");
            for (const ModelNode* node : nodes)
                columns[c++].cells.push_back(nodePoints(result, *node, *bid));
            columns[c++].cells.push_back(formatFixed(bid->total, places));
            if (perPoint)
                columns[c++].cells.push_back(
                    bid->pricePerPoint ? formatFixed(*bid->pricePerPoint, places) : "-");
            columns[c++].cells.push_back(flagWords(*bid));
        }
        out += renderColumns(columns);
    }

    if (!excluded.empty()) {
        out += "\nExcluded:\n";
        std::vector<Column> columns{
            {"Bid", Align::Left, {}}, {"Supplier", Align::Left, {}}, {"Reason", Align::Left, {}}};
        for (const BidResult* bid : excluded) {
            columns[0].cells.push_back(bid->bidId);
            columns[1].cells.push_back(
                truncateToWidth(oneLine(bid->supplierName), kSupplierColumnWidth));
            columns[2].cells.push_back(oneLine(bid->exclusionReason()));
        }
        out += renderColumns(columns);
    }
    out += "\n" + winnerLine(result, ranked);
    return out;
}

} // namespace fairtender::cli
