#include "sensitivity/ScoreLines.h"

#include "core/Decimal.h"
#include "sensitivity/AwardSensitivity.h"

#include <algorithm>
#include <set>

namespace fairtender::sensitivity {

namespace {

enum class Side { Node, Rest, Fixed };

// The ids of `nodeId` and of its weighted siblings, found depth-first.
bool findFamily(const std::vector<ModelNode>& nodes, const std::string& nodeId,
                std::set<std::string>& siblings) {
    for (const auto& node : nodes) {
        if (node.id == nodeId) {
            for (const auto& other : nodes)
                if (other.id != nodeId && other.kind != NodeKind::Gate)
                    siblings.insert(other.id);
            return true;
        }
        if (findFamily(node.children, nodeId, siblings))
            return true;
    }
    return false;
}

Side sideOf(const std::vector<std::string>& path, const std::string& id, const std::string& nodeId,
            const std::set<std::string>& siblings) {
    if (id == nodeId || std::find(path.begin(), path.end(), nodeId) != path.end())
        return Side::Node;
    if (siblings.count(id) != 0)
        return Side::Rest;
    for (const auto& step : path)
        if (siblings.count(step) != 0)
            return Side::Rest;
    return Side::Fixed;
}

WeightLine lineOf(Side side, double published, double atHundred, double nodeWeight) {
    WeightLine line;
    switch (side) {
    case Side::Node:
        line.perNode = atHundred / 100.0;
        break;
    case Side::Rest:
        line.perRest = published / (100.0 - nodeWeight);
        break;
    case Side::Fixed:
        line.fixed = published;
        break;
    }
    return line;
}

void liftThresholds(std::vector<ModelNode>& nodes, Relaxed relaxed) {
    for (auto& node : nodes) {
        if (relaxed.minPercent)
            node.minPercent.reset();
        if (relaxed.minScore)
            node.criterion.minScore.reset();
        liftThresholds(node.children, relaxed);
    }
}

} // namespace

ModelLines linesOf(const Tender& tender, const std::string& nodeId) {
    ModelLines lines;
    const ModelNode* node = findNode(tender.model, nodeId);
    const auto full = withNodeWeight(tender, nodeId, 100.0);
    if (node == nullptr || !full)
        return lines;
    std::set<std::string> siblings;
    findFamily(tender.model.children, nodeId, siblings);
    const ModelPlan published = planModel(tender);
    const ModelPlan atHundred = planModel(*full);
    for (std::size_t i = 0; i < published.leaves.size(); ++i) {
        const auto& leaf = published.leaves[i];
        lines.leaves.push_back(lineOf(sideOf(leaf.path, leaf.node->id, nodeId, siblings),
                                      leaf.effectiveWeight, atHundred.leaves[i].effectiveWeight,
                                      node->weight));
    }
    for (std::size_t i = 0; i < published.groups.size(); ++i) {
        const auto& group = published.groups[i];
        lines.groups.push_back(lineOf(sideOf(group.path, group.node->id, nodeId, siblings),
                                      group.effectiveWeight, atHundred.groups[i].effectiveWeight,
                                      node->weight));
    }
    return lines;
}

std::vector<double> scoresOf(const BidResult& bid, const EvaluationResult& result) {
    std::vector<double> scores(result.leaves.size(), 0.0);
    for (std::size_t l = 0; l < bid.criteria.size() && l < scores.size(); ++l)
        if (bid.criteria[l].scored && result.leaves[l].scored)
            scores[l] = bid.criteria[l].score;
    return scores;
}

Tender relaxedTender(const Tender& tender, Relaxed relaxed) {
    Tender lifted = tender;
    liftThresholds(lifted.model.children, relaxed);
    return lifted;
}

bool sameRanked(const EvaluationResult& a, const EvaluationResult& b) {
    std::vector<std::size_t> left;
    std::vector<std::size_t> right;
    for (const auto& bid : a.bids)
        if (bid.status == BidStatus::Ranked)
            left.push_back(bid.inputIndex);
    for (const auto& bid : b.bids)
        if (bid.status == BidStatus::Ranked)
            right.push_back(bid.inputIndex);
    std::sort(left.begin(), left.end());
    std::sort(right.begin(), right.end());
    return left == right;
}

long long rankingUnits(const BidResult& bid, const EvaluationResult& result) {
    if (result.aggregation == Aggregation::PricePerQualityPoint)
        return -roundedUnits(bid.pricePerPoint.value_or(0), result.rounding);
    return roundedUnits(bid.total, result.rounding);
}

} // namespace fairtender::sensitivity
