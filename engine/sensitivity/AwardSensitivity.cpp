#include "sensitivity/AwardSensitivity.h"

#include "core/Decimal.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace fairtender {

namespace {

// The sibling list holding `id`, and the node's position in it; searched depth-first.
std::vector<ModelNode>* siblingsOf(std::vector<ModelNode>& nodes, const std::string& id,
                                   std::size_t& position) {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].id == id) {
            position = i;
            return &nodes;
        }
        if (auto* found = siblingsOf(nodes[i].children, id, position))
            return found;
    }
    return nullptr;
}

const BidResult* rankedAt(const EvaluationResult& result, std::size_t position) {
    std::size_t seen = 0;
    for (const auto& bid : result.bids) {
        if (bid.status != BidStatus::Ranked)
            break;
        if (seen++ == position)
            return &bid;
    }
    return nullptr;
}

} // namespace

std::string_view toString(FlipDirection direction) {
    return direction == FlipDirection::Up ? "up" : "down";
}

const WeightFlip* NodeWeightFlips::nearest() const {
    if (up && down)
        return std::fabs(up->weight - weight) <= std::fabs(weight - down->weight) ? &*up : &*down;
    if (up)
        return &*up;
    return down ? &*down : nullptr;
}

std::optional<Tender> withNodeWeight(const Tender& tender, const std::string& nodeId,
                                     double weight) {
    Tender changed = tender;
    std::size_t position = 0;
    auto* siblings = siblingsOf(changed.model.children, nodeId, position);
    if (siblings == nullptr || (*siblings)[position].kind == NodeKind::Gate)
        return std::nullopt;
    const double published = (*siblings)[position].weight;
    double others = 0;
    int weighted = 0;
    for (std::size_t i = 0; i < siblings->size(); ++i)
        if (i != position && (*siblings)[i].kind != NodeKind::Gate) {
            others += (*siblings)[i].weight;
            ++weighted;
        }
    // The siblings are rescaled in proportion: with nothing to rescale, no other weight keeps
    // the sum at 100.
    if (weighted == 0 || others <= 0 || published >= 100)
        return std::nullopt;
    const double factor = (100.0 - weight) / (100.0 - published);
    for (std::size_t i = 0; i < siblings->size(); ++i) {
        ModelNode& node = (*siblings)[i];
        if (node.kind == NodeKind::Gate)
            continue;
        node.weight = i == position ? weight : node.weight * factor;
    }
    return changed;
}

double judgementStep(const CriterionSettings& criterion) {
    if (criterion.scaleStep && *criterion.scaleStep > 0)
        return *criterion.scaleStep;
    std::vector<double> scores;
    for (const auto& descriptor : criterion.descriptors)
        scores.push_back(descriptor.score);
    std::sort(scores.begin(), scores.end());
    double step = 0;
    for (std::size_t i = 1; i < scores.size(); ++i) {
        const double gap = scores[i] - scores[i - 1];
        if (gap > 1e-9 && (step == 0 || gap < step))
            step = gap;
    }
    return step > 0 ? step : 1.0;
}

void findMargin(const Tender& tender, const EvaluationResult& result, AwardSensitivity& out) {
    out.closeMargin = tender.model.closeMargin;
    out.winner = result.winnerId;
    const BidResult* first = rankedAt(result, 0);
    const BidResult* second = rankedAt(result, 1);
    if (second != nullptr)
        out.runnerUp = second->bidId;
    if (!out.winner) {
        out.clearWinner = false;
        if (first != nullptr && second != nullptr)
            out.margin = 0;
        return;
    }
    if (second == nullptr) {
        out.clearWinner = true; // no rival
        return;
    }
    const int places = result.rounding;
    out.marginInPounds = result.aggregation == Aggregation::PricePerQualityPoint;
    if (out.marginInPounds)
        out.margin = roundHalfAwayFromZero(
            second->pricePerPoint.value_or(0) - first->pricePerPoint.value_or(0), places);
    else
        out.margin = roundHalfAwayFromZero(first->total - second->total, places);
    out.clearWinner = roundedUnits(*out.margin, 9) >= roundedUnits(tender.model.closeMargin, 9);
}

std::vector<const NodeWeightFlips*> byNearestFlip(const AwardSensitivity& sensitivity) {
    std::vector<const NodeWeightFlips*> nodes;
    for (const auto& flips : sensitivity.weightFlips)
        nodes.push_back(&flips);
    const auto distance = [](const NodeWeightFlips* flips) {
        const WeightFlip* nearest = flips->nearest();
        return nearest == nullptr ? std::numeric_limits<double>::infinity()
                                  : std::abs(nearest->weight - flips->weight);
    };
    std::stable_sort(nodes.begin(), nodes.end(),
                     [&](const auto* a, const auto* b) { return distance(a) < distance(b); });
    return nodes;
}

std::string verdictText(const AwardSensitivity& s, int places) {
    if (!s.winner)
        return "No clear winner: first place is tied" +
               std::string(s.runnerUp ? "" : " or no bid is ranked");
    const std::string close = formatFixed(s.closeMargin, places);
    if (!s.runnerUp || !s.margin)
        return *s.winner + " is the only bid ranked";
    const std::string by =
        formatFixed(*s.margin, places) + (s.marginInPounds ? " pounds per point" : " points");
    if (s.clearWinner)
        return *s.winner + " wins by " + by + " over " + *s.runnerUp +
               ", a clear winner (close margin " + close + ")";
    return "No clear winner: " + *s.winner + " leads " + *s.runnerUp + " by " + by +
           ", under the close margin of " + close + "; record why the award stands";
}

AwardSensitivity analyseAward(const Tender& tender, const std::vector<Bid>& bids,
                              const Evaluations& evaluations, const EvaluationResult& result,
                              const OddsSettings& odds, const SensitivityProgress& progress) {
    AwardSensitivity out;
    findMargin(tender, result, out);
    // The three parts take roughly these shares of the time on a large tender.
    const auto part = [&](double from, double width) -> SensitivityProgress {
        if (!progress)
            return {};
        return [&progress, from, width](double done) {
            return progress(from + width * done);
        };
    };
    bool stopped = false;
    const auto stopping = [&](double at) {
        if (!stopped && progress && !progress(at))
            stopped = true;
        return stopped;
    };
    if (out.winner) {
        const SensitivityProgress weights = part(0, 0.4);
        out.weightFlips = findWeightFlips(tender, bids, evaluations, result, [&](double done) {
            if (weights && !weights(done))
                stopped = true;
            return !stopped;
        });
        if (!stopping(0.4))
            out.markFlips = findMarkFlips(tender, bids, evaluations, result);
    }
    if (!stopping(0.5)) {
        const SensitivityProgress sampling = part(0.5, 0.5);
        out.odds = firstPlaceOdds(tender, result, odds, [&](double done) {
            if (sampling && !sampling(done))
                stopped = true;
            return !stopped;
        });
    }
    out.cancelled = stopped;
    if (!stopped && progress)
        progress(1.0);
    return out;
}

} // namespace fairtender
