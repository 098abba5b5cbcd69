#include "cli/ExplainText.h"

#include "cli/TextWidth.h"
#include "core/Decimal.h"
#include "core/Money.h"
#include "scoring/Derivation.h"

namespace fairtender::cli {

namespace {

std::string leafHeading(const LeafSummary& leaf) {
    std::string heading;
    for (const auto& group : leaf.path)
        heading += group + " > ";
    heading += leaf.criterionId;
    if (!leaf.title.empty() && leaf.title != leaf.criterionId)
        heading += " \"" + oneLine(leaf.title) + "\"";
    return heading + " (" + std::string(toString(leaf.type)) + ", " +
           formatDecimal(leaf.effectiveWeight) + " points available)";
}

void appendCriterion(std::string& out, const EvaluationResult& result, const LeafSummary& leaf,
                     const CriterionResult& criterion, const Derivation& derivation) {
    out += "  " + leafHeading(leaf) + "\n";
    for (const auto& input : derivation.inputs)
        out += "    " + oneLine(input.name) + ": " + oneLine(input.value) + "\n";
    if (!derivation.formula.empty())
        out += "    formula: " + oneLine(derivation.formula) + "\n";
    if (criterion.scored)
        out += "    score " + formatFixed(criterion.score, 6) + " x " +
               formatDecimal(leaf.effectiveWeight) + " = " +
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

std::string renderExplanation(const EvaluationResult& result, const BidResult& bid,
                              const Tender& tender, const std::vector<Bid>& bids,
                              const Evaluations& evaluations) {
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
    const Bid* source = inputBidOf(bid, bids);
    for (std::size_t i = 0; i < bid.criteria.size() && i < result.leaves.size(); ++i)
        appendCriterion(out, result, result.leaves[i], bid.criteria[i],
                        source ? derive(result, bid, i, tender, *source, evaluations)
                               : Derivation{});

    if (!bid.groups.empty()) {
        out += "\nGroups (the sum of their criteria's rounded points):\n";
        for (std::size_t g = 0; g < bid.groups.size() && g < result.groups.size(); ++g) {
            const GroupSummary& group = result.groups[g];
            std::string name = group.groupId;
            if (!group.title.empty() && group.title != group.groupId)
                name += " \"" + oneLine(group.title) + "\"";
            out += "  " + name + ": " + formatFixed(bid.groups[g].points, places) + " of " +
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
