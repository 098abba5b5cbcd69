#include "model/Tender.h"

#include <algorithm>
#include <cmath>

namespace fairtender {

bool Area::contains(const Postcode& postcode) const {
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&](const PostcodePrefix& prefix) { return prefix.contains(postcode); });
}

const Area* Tender::findArea(const std::string& areaId) const {
    for (const auto& area : areas)
        if (area.id == areaId)
            return &area;
    return nullptr;
}

std::string_view toString(CriterionType type) {
    switch (type) {
    case CriterionType::Price: return "price";
    case CriterionType::Judgement: return "judgement";
    case CriterionType::SocialValue: return "social-value";
    case CriterionType::Locality: return "locality";
    case CriterionType::LivingWage: return "living-wage";
    case CriterionType::Ownership: return "ownership";
    }
    return "unknown";
}

std::string_view toString(PriceMethod method) {
    switch (method) {
    case PriceMethod::LowestRelative: return "lowest-relative";
    case PriceMethod::LinearRange: return "linear-range";
    case PriceMethod::LowestDeviation: return "lowest-deviation";
    case PriceMethod::MeanDeviation: return "mean-deviation";
    case PriceMethod::Income: return "income";
    }
    return "unknown";
}

std::string_view toString(SocialValueMethod method) {
    switch (method) {
    case SocialValueMethod::RelativeToHighest: return "relative-to-highest";
    case SocialValueMethod::RatioToPrice: return "ratio-to-price";
    case SocialValueMethod::Target: return "target";
    }
    return "unknown";
}

std::string_view toString(LocalityMethod method) {
    switch (method) {
    case LocalityMethod::SupplierLocation: return "supplier-location";
    case LocalityMethod::LocalSpend: return "local-spend";
    }
    return "unknown";
}

std::string_view toString(LivingWageMethod method) {
    switch (method) {
    case LivingWageMethod::Tiered: return "tiered";
    case LivingWageMethod::Gate: return "gate";
    }
    return "unknown";
}

std::string_view toString(LivingWageTier tier) {
    switch (tier) {
    case LivingWageTier::Accredited: return "accredited";
    case LivingWageTier::Committed: return "committed";
    case LivingWageTier::MeetsRate: return "meets-rate";
    case LivingWageTier::Below: return "below";
    }
    return "unknown";
}

std::string_view toString(Aggregation aggregation) {
    switch (aggregation) {
    case Aggregation::WeightedSum: return "weighted-sum";
    case Aggregation::PricePerQualityPoint: return "price-per-quality-point";
    }
    return "unknown";
}

namespace {
const ModelNode* findIn(const std::vector<ModelNode>& nodes, const std::string& id) {
    for (const auto& node : nodes) {
        if (node.id == id)
            return &node;
        if (const auto* found = findIn(node.children, id))
            return found;
    }
    return nullptr;
}
} // namespace

const ModelNode* findNode(const EvaluationModel& model, const std::string& id) {
    return findIn(model.children, id);
}

bool SiblingWeights::sumsTo100() const {
    return weighted == 0 || std::fabs(sum - 100) <= 1e-9;
}

SiblingWeights siblingWeights(const std::vector<ModelNode>& siblings) {
    SiblingWeights weights;
    for (const auto& node : siblings) {
        if (node.kind == NodeKind::Gate)
            continue;
        ++weights.weighted;
        weights.sum += node.weight;
    }
    return weights;
}

} // namespace fairtender
