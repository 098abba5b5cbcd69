#include "cli/ExplainText.h"

#include "cli/TextWidth.h"
#include "core/Decimal.h"
#include "core/Money.h"

namespace fairtender::cli {

namespace {

const LeafSummary* findLeaf(const EvaluationResult& result, const std::string& id) {
    for (const auto& leaf : result.leaves)
        if (leaf.criterionId == id)
            return &leaf;
    return nullptr;
}

std::string leafHeading(const EvaluationResult& result, const CriterionResult& criterion) {
    std::string heading;
    if (const LeafSummary* leaf = findLeaf(result, criterion.criterionId))
        for (const auto& group : leaf->path)
            heading += group + " > ";
    heading += criterion.criterionId;
    if (!criterion.title.empty() && criterion.title != criterion.criterionId)
        heading += " \"" + oneLine(criterion.title) + "\"";
    return heading + " (" + std::string(toString(criterion.type)) + ", " +
           formatDecimal(criterion.effectiveWeight) + " points available)";
}

void appendCriterion(std::string& out, const EvaluationResult& result,
                     const CriterionResult& criterion) {
    out += "  " + leafHeading(result, criterion) + "\n";
    for (const auto& input : criterion.inputs)
        out += "    " + oneLine(input.name) + ": " + oneLine(input.value) + "\n";
    if (!criterion.formula.empty())
        out += "    formula: " + oneLine(criterion.formula) + "\n";
    if (criterion.scored)
        out += "    score " + formatFixed(criterion.score, 6) + " x " +
               formatDecimal(criterion.effectiveWeight) + " = " +
               formatFixed(criterion.points, result.rounding) + " points\n";
    else
        out += "    not scored (a pass/fail condition or a weight of 0)\n";
}

std::string statusLine(const EvaluationResult& result, const BidResult& bid) {
    if (bid.status == BidStatus::Excluded)
        return "Status: excluded\n";
    std::size_t rankedCount = 0;
    std::size_t sharing = 0;
    for (const auto& other : result.bids) {
        rankedCount += other.status == BidStatus::Ranked ? 1 : 0;
        sharing += other.status == BidStatus::Ranked && other.rank == bid.rank ? 1 : 0;
    }
    std::string line = "Status: ranked";
    if (bid.rank)
        line += " " + std::to_string(*bid.rank) + (sharing > 1 ? " (shared)" : "") + " of " +
                std::to_string(rankedCount);
    if (result.winnerId && *result.winnerId == bid.bidId)
        line += ", the winner";
    return line + "\n";
}

} // namespace

std::string renderExplanation(const EvaluationResult& result, const BidResult& bid) {
    const int places = result.rounding;
    const bool perPoint = result.aggregation == Aggregation::PricePerQualityPoint;
    std::string out = "Bid " + bid.bidId + ": " + oneLine(bid.supplierName) + "\n";
    out += "Tender: " + result.tenderId + "\n";
    out += statusLine(result, bid);
    if (bid.price)
        out += "Price used (P): " + formatPounds(*bid.price) + "\n";
    if (bid.status == BidStatus::Ranked) {
        if (perPoint) {
            out += "Quality score (Q, the sum of the rounded points below): " +
                   formatFixed(bid.total, places) + "\n";
            if (bid.pricePerPoint)
                out += "Price per quality point (P / Q, rounded to " + std::to_string(places) +
                       " places): " + formatFixed(*bid.pricePerPoint, places) + "\n";
        } else {
            out +=
                "Total (the sum of the rounded points below): " + formatFixed(bid.total, places) +
                " points\n";
        }
    }

    if (!bid.exclusionReasons.empty()) {
        out += "\nExcluded because:\n";
        for (const auto& reason : bid.exclusionReasons)
            out += "  - " + oneLine(reason) + "\n";
    }

    out += "\nCriteria (points rounded to " + std::to_string(places) +
           " places, half away from zero):\n";
    if (bid.criteria.empty())
        out += "  none scored: an excluded bid is not scored against the others.\n";
    for (const auto& criterion : bid.criteria)
        appendCriterion(out, result, criterion);

    if (!bid.groups.empty()) {
        out += "\nGroups (the sum of their criteria's rounded points):\n";
        for (const auto& group : bid.groups) {
            std::string name = group.groupId;
            if (!group.title.empty() && group.title != group.groupId)
                name += " \"" + oneLine(group.title) + "\"";
            out += "  " + name + ": " + formatFixed(group.points, places) + " of " +
                   formatDecimal(group.effectiveWeight) + " points\n";
        }
    }

    out += "\nFlags:\n";
    if (bid.flags.empty())
        out += "  none\n";
    for (const auto& flag : bid.flags) {
        out += "  " + std::string(toString(flag.kind));
        if (!flag.criterionId.empty())
            out += " on " + flag.criterionId;
        if (!flag.detail.empty())
            out += ": " + oneLine(flag.detail);
        out += "\n";
    }

    if (!bid.notes.empty()) {
        out += "\nNotes:\n";
        for (const auto& note : bid.notes)
            out += "  - " + oneLine(note) + "\n";
    }
    return out;
}

} // namespace fairtender::cli
