#include "scoring/ModelPlan.h"

#include <string_view>

namespace fairtender {

namespace {

void planNodes(const std::vector<ModelNode>& nodes, double parentWeight, bool topLevel,
               std::vector<std::string>& path, std::vector<int>& openGroups, ModelPlan& plan) {
    for (const auto& node : nodes) {
        const double weight = topLevel ? node.weight : parentWeight * node.weight / 100.0;
        switch (node.kind) {
        case NodeKind::Gate:
            plan.gates.push_back(&node);
            break;
        case NodeKind::Criterion: {
            const int index = static_cast<int>(plan.leaves.size());
            PlannedLeaf leaf;
            leaf.node = &node;
            leaf.effectiveWeight = weight;
            leaf.path = path;
            leaf.comparative = isComparative(node.criterion);
            plan.leaves.push_back(std::move(leaf));
            plan.leafById.emplace(node.id, index);
            for (const int group : openGroups)
                plan.groups[static_cast<std::size_t>(group)].leaves.push_back(index);
            if (node.criterion.type == CriterionType::Price && plan.firstPriceLeaf < 0)
                plan.firstPriceLeaf = index;
            break;
        }
        case NodeKind::Group: {
            const int index = static_cast<int>(plan.groups.size());
            plan.groups.push_back({&node, weight, path, {}});
            plan.groupById.emplace(node.id, index);
            path.push_back(node.id);
            openGroups.push_back(index);
            planNodes(node.children, weight, false, path, openGroups, plan);
            openGroups.pop_back();
            path.pop_back();
            break;
        }
        }
    }
}

} // namespace

bool isComparative(const CriterionSettings& criterion) {
    switch (criterion.type) {
    case CriterionType::Price:
        return true;
    case CriterionType::SocialValue:
        return criterion.socialValueMethod != SocialValueMethod::Target;
    case CriterionType::Locality:
        return criterion.localityMethod == LocalityMethod::LocalSpend &&
               !criterion.localSpendTarget.has_value();
    case CriterionType::Judgement:
    case CriterionType::LivingWage:
    case CriterionType::Ownership:
        return false;
    }
    return false;
}

ModelPlan planModel(const Tender& tender) {
    ModelPlan plan;
    std::vector<std::string> path;
    std::vector<int> openGroups;
    planNodes(tender.model.children, 100.0, true, path, openGroups, plan);

    std::unordered_map<std::string_view, int> measureIndex;
    for (auto& leaf : plan.leaves) {
        const auto& criterion = leaf.node->criterion;
        for (const auto& band : criterion.bands)
            leaf.bandAreas.push_back(tender.findArea(band.areaId));
        for (const auto& measure : criterion.measures) {
            const auto [found, added] = measureIndex.emplace(measure.id, plan.measureCount);
            if (added)
                ++plan.measureCount;
            leaf.measureIndices.push_back(found->second);
        }
    }
    return plan;
}

} // namespace fairtender
