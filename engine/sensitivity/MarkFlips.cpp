// Mark flips. A judgement criterion is scored on its own (no other bid's value enters it),
// so moving one bid's value a step moves only that bid's points on that criterion: the
// new total is read off the result, and the full pipeline runs only where that total could
// reach (or lose) first place, or where the bid could cross a minimum score or a group
// threshold, which would change the bids the relative criteria compare.
#include "core/Decimal.h"
#include "scoring/Evaluator.h"
#include "scoring/ModelPlan.h"
#include "sensitivity/AwardSensitivity.h"
#include "sensitivity/ScoreLines.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace fairtender {

namespace {

long long fine(double value) {
    return roundedUnits(value, 9);
}

// The value the pipeline uses: the first consensus, else the evaluators' mean; nullopt when
// the panel recorded neither.
std::optional<double> judgementValue(const Evaluations& evaluations, const std::string& bidId,
                                     const std::string& criterionId) {
    if (const auto* consensus = evaluations.findConsensus(bidId, criterionId))
        return consensus->value;
    const auto scores = evaluations.scoresFor(bidId, criterionId);
    if (scores.empty())
        return std::nullopt;
    double sum = 0;
    for (const auto* score : scores)
        sum += score->value;
    return sum / static_cast<double>(scores.size());
}

// The evaluations with this bid's value on this criterion agreed at `value`.
Evaluations withValue(const Evaluations& evaluations, const std::string& bidId,
                      const std::string& criterionId, double value) {
    Evaluations changed = evaluations;
    auto& consensus = changed.consensus;
    consensus.erase(std::remove_if(consensus.begin(), consensus.end(),
                                   [&](const ConsensusScore& c) {
                                       return c.bidId == bidId && c.criterionId == criterionId;
                                   }),
                    consensus.end());
    consensus.push_back({bidId, criterionId, "sensitivity", value, "one step", {}});
    return changed;
}

} // namespace

std::vector<MarkFlip> findMarkFlips(const Tender& tender, const std::vector<Bid>& bids,
                                    const Evaluations& evaluations,
                                    const EvaluationResult& result) {
    std::vector<MarkFlip> flips;
    if (!result.winnerId)
        return flips;
    const BidResult* winner = result.findBid(*result.winnerId);
    if (winner == nullptr)
        return flips;
    const ModelPlan plan = planModel(tender);
    const int places = result.rounding;
    const bool pricePerPoint = result.aggregation == Aggregation::PricePerQualityPoint;

    // The best key among the ranked bids other than the winner.
    long long rivalBest = std::numeric_limits<long long>::min();
    for (const auto& bid : result.bids)
        if (bid.status == BidStatus::Ranked && bid.bidId != winner->bidId)
            rivalBest = std::max(rivalBest, sensitivity::rankingUnits(bid, result));
    const long long winnerKey = sensitivity::rankingUnits(*winner, result);

    // Bids a minimum score or a group threshold keeps out could come back with one step.
    std::map<std::string, bool> rescuable;
    {
        const Tender lifted = sensitivity::relaxedTender(tender, {true, true});
        const EvaluationOutcome open = evaluate(lifted, bids, evaluations);
        if (open.result)
            for (const auto& bid : open.result->bids)
                if (bid.status == BidStatus::Ranked && result.findBid(bid.bidId) != nullptr &&
                    result.findBid(bid.bidId)->status != BidStatus::Ranked)
                    rescuable[bid.bidId] = true;
    }
    // Which judgement leaves a min-percent group holds.
    std::vector<char> inThresholdGroup(plan.leaves.size(), 0);
    for (const auto& group : plan.groups)
        if (group.node->minPercent)
            for (const int leaf : group.leaves)
                inThresholdGroup[static_cast<std::size_t>(leaf)] = 1;

    const auto key = [&](const BidResult& bid, long long totalUnits) {
        if (!pricePerPoint)
            return totalUnits;
        if (totalUnits <= 0 || !bid.price)
            return std::numeric_limits<long long>::min();
        return -roundedUnits(
            *bid.price / (static_cast<double>(totalUnits) * std::pow(10.0, -places)), places);
    };

    // Bids in rank order, then the excluded ones that could come back.
    for (const auto& bid : result.bids) {
        const bool ranked = bid.status == BidStatus::Ranked;
        if (!ranked && rescuable.count(bid.bidId) == 0)
            continue;
        for (std::size_t l = 0; l < plan.leaves.size(); ++l) {
            const PlannedLeaf& leaf = plan.leaves[l];
            const auto& criterion = leaf.node->criterion;
            if (criterion.type != CriterionType::Judgement || criterion.scaleMax <= 0)
                continue;
            const auto from = judgementValue(evaluations, bid.bidId, leaf.node->id);
            if (!from)
                continue;
            const double step = judgementStep(criterion);
            for (const double to : {*from - step, *from + step}) {
                if (fine(to) < 0 || fine(to) > fine(criterion.scaleMax))
                    continue;
                bool check = !ranked;
                if (ranked) {
                    const long long before = roundedUnits(bid.criteria[l].points, places);
                    const long long after = roundedUnits(
                        std::clamp(to / criterion.scaleMax, 0.0, 1.0) * leaf.effectiveWeight,
                        places);
                    const long long moved =
                        key(bid, roundedUnits(bid.total, places) - before + after);
                    if (&bid == winner)
                        check = moved <= rivalBest + 1;
                    else
                        check = moved >= winnerKey - 1;
                    // Falling below a minimum changes the bids compared.
                    if (to < *from &&
                        (inThresholdGroup[l] != 0 ||
                         (criterion.minScore && fine(to) < fine(*criterion.minScore))))
                        check = true;
                }
                if (!check)
                    continue;
                const Evaluations changed = withValue(evaluations, bid.bidId, leaf.node->id, to);
                const EvaluationOutcome there = evaluate(tender, bids, changed);
                if (there.result && there.result->winnerId != result.winnerId)
                    flips.push_back({bid.bidId, leaf.node->id, *from, to, there.result->winnerId});
            }
        }
    }
    return flips;
}

} // namespace fairtender
