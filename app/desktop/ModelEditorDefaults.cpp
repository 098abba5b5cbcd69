#include "desktop/ModelEditorDefaults.h"

#include <set>

namespace fairtender::desktop {

namespace {

std::set<std::string> idsIn(const Tender& tender) {
    std::set<std::string> ids;
    forEachNode(tender.model.children, [&](const ModelNode& node) {
        ids.insert(node.id);
        for (const auto& measure : node.criterion.measures)
            ids.insert(measure.id);
    });
    return ids;
}

std::string unused(const std::set<std::string>& ids, std::string_view stem) {
    for (int n = 1;; ++n) {
        std::string id = std::string(stem) + "-" + std::to_string(n);
        if (!ids.count(id))
            return id;
    }
}

CriterionSettings defaultsFor(const Tender& tender, CriterionType type) {
    CriterionSettings c;
    c.type = type;
    switch (type) {
    case CriterionType::Price:
    case CriterionType::LivingWage:
        break;
    case CriterionType::Judgement: {
        c.scaleMax = 5;
        const char* words[] = {"Unacceptable", "Poor", "Weak", "Satisfactory", "Good", "Excellent"};
        for (int score = 0; score <= 5; ++score)
            c.descriptors.push_back({static_cast<double>(score), words[score], {}});
        break;
    }
    case CriterionType::SocialValue:
        c.measures.push_back({unused(idsIn(tender), "measure"),
                              "Local people employed",
                              "FTE",
                              Money::fromPence(2800000),
                              {}});
        break;
    case CriterionType::Locality: {
        double score = 1;
        for (const auto& area : tender.areas) {
            c.bands.push_back({area.id, score, {}});
            score = 0.5;
        }
        break;
    }
    case CriterionType::Ownership:
        for (const auto model : {OwnershipModel::WorkerCooperative, OwnershipModel::EmployeeOwned,
                                 OwnershipModel::Mutual})
            c.ownershipScores.push_back({model, 1, {}});
        break;
    }
    return c;
}

} // namespace

std::string unusedNodeId(const Tender& tender, std::string_view stem) {
    return unused(idsIn(tender), stem);
}

ModelNode newCriterion(const Tender& tender, CriterionType type) {
    ModelNode node;
    node.kind = NodeKind::Criterion;
    node.id = unusedNodeId(tender, toString(type));
    node.weight = 0;
    node.criterion = defaultsFor(tender, type);
    return node;
}

ModelNode newGroup(const Tender& tender) {
    ModelNode group;
    group.kind = NodeKind::Group;
    group.id = unusedNodeId(tender, "group");
    group.weight = 0;
    Tender withGroup = tender;
    withGroup.model.children.push_back(group);
    ModelNode criterion = newCriterion(withGroup, CriterionType::Judgement);
    criterion.weight = 100;
    group.children.push_back(std::move(criterion));
    return group;
}

ModelNode newGate(const Tender& tender) {
    ModelNode gate;
    gate.kind = NodeKind::Gate;
    gate.id = unusedNodeId(tender, "gate");
    return gate;
}

void changeCriterionType(const Tender& tender, ModelNode& node, CriterionType type) {
    node.criterion = defaultsFor(tender, type);
}

std::vector<std::string> methodChoices(CriterionType type) {
    std::vector<std::string> words;
    const auto add = [&](auto... methods) {
        (words.emplace_back(toString(methods)), ...);
    };
    switch (type) {
    case CriterionType::Price:
        add(PriceMethod::LowestRelative, PriceMethod::LinearRange, PriceMethod::LowestDeviation,
            PriceMethod::MeanDeviation, PriceMethod::Income);
        break;
    case CriterionType::SocialValue:
        add(SocialValueMethod::RelativeToHighest, SocialValueMethod::RatioToPrice,
            SocialValueMethod::Target);
        break;
    case CriterionType::Locality:
        add(LocalityMethod::SupplierLocation, LocalityMethod::LocalSpend);
        break;
    case CriterionType::LivingWage:
        add(LivingWageMethod::Tiered, LivingWageMethod::Gate);
        break;
    case CriterionType::Judgement:
    case CriterionType::Ownership:
        break;
    }
    return words;
}

std::string methodOf(const ModelNode& node) {
    const auto& c = node.criterion;
    if (node.kind != NodeKind::Criterion)
        return {};
    switch (c.type) {
    case CriterionType::Price:
        return std::string(toString(c.priceMethod));
    case CriterionType::SocialValue:
        return std::string(toString(c.socialValueMethod));
    case CriterionType::Locality:
        return std::string(toString(c.localityMethod));
    case CriterionType::LivingWage:
        return std::string(toString(c.livingWageMethod));
    case CriterionType::Judgement:
    case CriterionType::Ownership:
        break;
    }
    return {};
}

bool setMethod(ModelNode& node, std::string_view word) {
    auto& c = node.criterion;
    const auto pick = [&](auto& field, auto... methods) {
        bool found = false;
        ((toString(methods) == word ? (field = methods, found = true) : false), ...);
        return found;
    };
    switch (c.type) {
    case CriterionType::Price:
        return pick(c.priceMethod, PriceMethod::LowestRelative, PriceMethod::LinearRange,
                    PriceMethod::LowestDeviation, PriceMethod::MeanDeviation, PriceMethod::Income);
    case CriterionType::SocialValue:
        return pick(c.socialValueMethod, SocialValueMethod::RelativeToHighest,
                    SocialValueMethod::RatioToPrice, SocialValueMethod::Target);
    case CriterionType::Locality:
        return pick(c.localityMethod, LocalityMethod::SupplierLocation, LocalityMethod::LocalSpend);
    case CriterionType::LivingWage:
        return pick(c.livingWageMethod, LivingWageMethod::Tiered, LivingWageMethod::Gate);
    case CriterionType::Judgement:
    case CriterionType::Ownership:
        break;
    }
    return false;
}

std::vector<CriterionType> allCriterionTypes() {
    return {CriterionType::Price,    CriterionType::Judgement,  CriterionType::SocialValue,
            CriterionType::Locality, CriterionType::LivingWage, CriterionType::Ownership};
}

} // namespace fairtender::desktop
