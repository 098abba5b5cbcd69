#include "desktop/CellExplanation.h"

#include "core/Decimal.h"
#include "core/Money.h"
#include "scoring/Derivation.h"

#include <optional>
#include <vector>

namespace fairtender::desktop {

namespace {

std::string named(const std::string& id, const std::string& title) {
    return title.empty() || title == id ? id : title + " (" + id + ")";
}

std::string points(const EvaluationResult& result, double value) {
    return formatFixed(value, result.rounding);
}

std::string heading(const BidResult& bid) {
    return bid.bidId + ": " + bid.supplierName + "\n\n";
}

std::string statusText(const EvaluationResult& result, const BidResult& bid) {
    if (bid.status == BidStatus::Excluded) {
        std::string text = "Excluded, so not scored against the other bids, because:\n";
        for (const auto& reason : bid.exclusionReasons)
            text += "  - " + reason + "\n";
        return text;
    }
    std::size_t ranked = 0;
    std::size_t sharing = 0;
    for (const auto& other : result.bids) {
        ranked += other.status == BidStatus::Ranked ? 1 : 0;
        sharing += other.status == BidStatus::Ranked && other.rank == bid.rank ? 1 : 0;
    }
    std::string text = "Ranked";
    if (bid.rank)
        text += " " + std::to_string(*bid.rank) + (sharing > 1 ? " (shared)" : "") + " of " +
                std::to_string(ranked);
    if (result.winnerId && *result.winnerId == bid.bidId)
        text += ": the winner";
    return text + ".\n";
}

std::string flagsText(const BidResult& bid) {
    if (bid.flags.empty())
        return "No flags.\n";
    std::string text = "Flags:\n";
    for (const auto& flag : bid.flags) {
        text += "  - " + std::string(toString(flag.kind));
        if (!flag.criterionId.empty())
            text += " on " + flag.criterionId;
        if (!flag.detail.empty())
            text += ": " + flag.detail;
        text += "\n";
    }
    return text;
}

std::string notesText(const BidResult& bid) {
    std::string text;
    for (const auto& note : bid.notes)
        text += "Note: " + note + "\n";
    return text;
}

std::string leafText(const TenderFolder& folder, const EvaluationResult& result,
                     const BidResult& bid, std::size_t leafIndex) {
    const LeafSummary& leaf = result.leaves[leafIndex];
    std::string text = named(leaf.criterionId, leaf.title) + ": " +
                       std::string(toString(leaf.type)) + ", " +
                       formatDecimal(leaf.effectiveWeight) + " points available\n\n";
    if (leafIndex >= bid.criteria.size())
        return text + statusText(result, bid);
    const CriterionResult& criterion = bid.criteria[leafIndex];
    const Bid* source = inputBidOf(bid, folder.bids);
    const Derivation derivation =
        source ? derive(result, bid, leafIndex, folder.tender, *source, folder.evaluations)
               : Derivation{};
    if (!derivation.formula.empty())
        text += derivation.formula + "\n\n";
    if (!derivation.inputs.empty()) {
        text += "Inputs:\n";
        for (const auto& input : derivation.inputs)
            text += "  " + input.name + ": " + input.value + "\n";
        text += "\n";
    }
    if (criterion.scored)
        text += "Score " + formatFixed(criterion.score, 6) + " x " +
                formatDecimal(leaf.effectiveWeight) + " = " + points(result, criterion.points) +
                " points, rounded to " + std::to_string(result.rounding) +
                " places (half away from zero).\n";
    else
        text += "Not scored: a pass/fail condition or a weight of 0.\n";
    return text;
}

// The direct children of a group with their rounded points, as "q1 10.80 + q2 7.20".
struct Term {
    std::string id;
    double points = 0;
    std::optional<std::size_t> leaf;
};

std::vector<Term> childTerms(const std::vector<ModelNode>& children, const EvaluationResult& result,
                             const BidResult& bid) {
    std::vector<Term> terms;
    for (const auto& child : children) {
        if (child.kind == NodeKind::Group) {
            if (const auto* group = result.groupOf(bid, child.id))
                terms.push_back({child.id, group->points, std::nullopt});
        } else if (child.kind == NodeKind::Criterion) {
            const auto index = result.leafIndex(child.id);
            if (index && *index < bid.criteria.size() && bid.criteria[*index].scored)
                terms.push_back({child.id, bid.criteria[*index].points, index});
        }
    }
    return terms;
}

std::string sumText(const EvaluationResult& result, const std::vector<Term>& terms) {
    std::string text;
    for (const auto& term : terms)
        text += (text.empty() ? "" : " + ") + term.id + " " + points(result, term.points);
    return text.empty() ? std::string("nothing scored") : text;
}

std::string groupText(const TenderFolder& folder, const EvaluationResult& result,
                      const BidResult& bid, std::size_t groupIndex) {
    const GroupSummary& summary = result.groups[groupIndex];
    std::string text = named(summary.groupId, summary.title) + ": group, " +
                       formatDecimal(summary.effectiveWeight) + " points available\n\n";
    const ModelNode* node = findNode(folder.tender.model, summary.groupId);
    if (node == nullptr || groupIndex >= bid.groups.size())
        return text + statusText(result, bid);
    const auto terms = childTerms(node->children, result, bid);
    text += summary.groupId + ": " + sumText(result, terms) + " = " +
            points(result, bid.groups[groupIndex].points) + " of " +
            formatDecimal(summary.effectiveWeight) + "\n\n";
    text += "A group's points are the sum of its criteria's rounded points.\n";
    bool first = true;
    for (const auto& term : terms) {
        if (!term.leaf)
            continue;
        const Bid* source = inputBidOf(bid, folder.bids);
        if (source == nullptr)
            break;
        const auto derivation =
            derive(result, bid, *term.leaf, folder.tender, *source, folder.evaluations);
        if (derivation.formula.empty())
            continue;
        text += (first ? "\n" : "") + derivation.formula + "\n";
        first = false;
    }
    return text;
}

std::string totalText(const TenderFolder& folder, const EvaluationResult& result,
                      const BidResult& bid) {
    if (bid.status == BidStatus::Excluded)
        return statusText(result, bid);
    const bool perPoint = result.aggregation == Aggregation::PricePerQualityPoint;
    const auto terms = childTerms(folder.tender.model.children, result, bid);
    std::string text = std::string(perPoint ? "Q" : "total") + ": " + sumText(result, terms) +
                       " = " + points(result, bid.total) + "\n\n";
    text += "The total is the sum of the rounded points of every criterion, so it agrees with "
            "the ranking to the last digit.\n";
    if (perPoint && bid.price && bid.pricePerPoint)
        text += "\nprice per point: P " + formatPounds(*bid.price) + " / Q " +
                points(result, bid.total) + " = " + points(result, *bid.pricePerPoint) +
                " (lowest ranks first)\n";
    return text;
}

} // namespace

std::string explainCell(const TenderFolder& folder, const EvaluationResult& result,
                        const BidResult& bid, const RankingColumn& column) {
    std::string text = heading(bid);
    switch (column.kind) {
    case RankingColumnKind::Leaf:
        if (column.index < result.leaves.size())
            text += leafText(folder, result, bid, column.index);
        break;
    case RankingColumnKind::Group:
        if (column.index < result.groups.size())
            text += groupText(folder, result, bid, column.index);
        break;
    case RankingColumnKind::Total:
    case RankingColumnKind::PricePerPoint:
        text += totalText(folder, result, bid);
        break;
    case RankingColumnKind::Flags:
        text += flagsText(bid) + notesText(bid);
        break;
    case RankingColumnKind::Rank:
    case RankingColumnKind::Bid:
    case RankingColumnKind::Supplier:
    case RankingColumnKind::Price:
    case RankingColumnKind::Status:
        text += statusText(result, bid);
        if (bid.price)
            text += "Price used (P): " + formatPounds(*bid.price) + "\n";
        text += "\n" + flagsText(bid) + notesText(bid);
        break;
    }
    return text;
}

} // namespace fairtender::desktop
