// ModelPlan: the evaluation model flattened once per evaluation (leaves in model order
// with effective weights and paths, groups with the leaves below them, gates), so the
// scoring loops index vectors instead of walking the tree for every bid.
#pragma once

#include "model/Tender.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace fairtender {

struct PlannedLeaf {
    const ModelNode* node = nullptr;
    double effectiveWeight = 0;    // points available
    std::vector<std::string> path; // enclosing group ids, outermost first
    bool comparative = false;      // its score depends on other bids' inputs
    // Supplier location: the tender's area of each band, in band order (nullptr if unknown).
    std::vector<const Area*> bandAreas;
    // Social value: the measure's index across all social-value criteria, in measure order.
    std::vector<int> measureIndices;
};

struct PlannedGroup {
    const ModelNode* node = nullptr;
    double effectiveWeight = 0;
    std::vector<std::string> path; // enclosing group ids, outermost first
    std::vector<int> leaves;       // every leaf below it, at any depth
};

struct ModelPlan {
    std::vector<PlannedLeaf> leaves;  // model order
    std::vector<PlannedGroup> groups; // model order, parents before children
    std::vector<const ModelNode*> gates;
    int firstPriceLeaf = -1; // the model's price criterion, or -1
    int measureCount = 0;    // distinct measure ids across all social-value criteria
    std::unordered_map<std::string, int> leafById;
    std::unordered_map<std::string, int> groupById;
};

// Effective weight of a leaf = product of the percentages on its path / 100^(depth-1).
// Keeps pointers into `tender`, which must outlive the plan.
ModelPlan planModel(const Tender& tender);

// True for criteria scored against other bids (price, relative social value, local spend
// without a target), which thresholds must not use and which wait for the eligible set.
bool isComparative(const CriterionSettings& criterion);

} // namespace fairtender
