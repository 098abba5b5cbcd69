#include "validation/Lint.h"

#include "core/Decimal.h"
#include "sensitivity/AwardSensitivity.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace fairtender {

namespace {

bool mentionsSocialValue(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower.find("social value") != std::string::npos ||
           lower.find("social-value") != std::string::npos;
}

struct Weights {
    double socialValue = 0;
    double price = 0;
    const ModelNode* firstPrice = nullptr;
};

// Points, not percentages, throughout: a leaf's effective weight is what the lint compares.
void lintNodes(const std::vector<ModelNode>& nodes, double parentWeight, bool topLevel,
               bool inSocialValueGroup, Weights& weights, Diagnostics& warnings) {
    for (const auto& node : nodes) {
        const double weight = topLevel ? node.weight : parentWeight * node.weight / 100.0;
        if (node.kind == NodeKind::Group) {
            lintNodes(node.children, weight, false,
                      inSocialValueGroup || mentionsSocialValue(node.id) ||
                          mentionsSocialValue(node.title),
                      weights, warnings);
            continue;
        }
        if (node.kind != NodeKind::Criterion)
            continue;
        const auto& criterion = node.criterion;
        if (criterion.type == CriterionType::SocialValue || inSocialValueGroup)
            weights.socialValue += weight;
        if (criterion.type == CriterionType::Price) {
            weights.price += weight;
            if (!weights.firstPrice)
                weights.firstPrice = &node;
        }
        if (criterion.type == CriterionType::Ownership && weight > 0 &&
            criterion.justification.empty())
            warnings.push_back(warningAt(
                node.where,
                "ownership criterion " + node.id + " carries " +
                    formatDecimal(roundHalfAwayFromZero(weight, 4)) +
                    " points: record a note of its relevance to the subject matter "
                    "of the contract and its proportionality, as the Procurement "
                    "Act 2023 s.23 requires of award criteria, in a <justification> element "
                    "of the criterion, or give it weight 0"));
        if (criterion.type == CriterionType::Judgement && criterion.descriptors.empty())
            warnings.push_back(warningAt(
                node.where, "judgement criterion " + node.id +
                                " has no descriptors: add <descriptor score=\"...\"> elements "
                                "saying what each score means, so evaluators and bidders "
                                "read the scale the same way"));
    }
}

} // namespace

Diagnostics lintModel(const Tender& tender) {
    const auto& model = tender.model;
    Diagnostics warnings;
    Weights weights;
    lintNodes(model.children, 100.0, true, false, weights, warnings);

    if (roundedUnits(weights.socialValue, 9) < roundedUnits(10.0, 9))
        warnings.push_back(warningAt(
            model.where, "social value carries " +
                             formatDecimal(roundHalfAwayFromZero(weights.socialValue, 4)) +
                             " of 100 points, under the 10% minimum that PPN 06/20 and PPN 002 "
                             "set for central government buyers (and many others adopt): "
                             "weight social value criteria at 10% or more of the total, or "
                             "record why not"));

    if (model.aggregation != Aggregation::PricePerQualityPoint &&
        (roundedUnits(weights.price, 9) < roundedUnits(20.0, 9) ||
         roundedUnits(weights.price, 9) > roundedUnits(80.0, 9)))
        warnings.push_back(warningAt(
            weights.firstPrice ? weights.firstPrice->where : model.where,
            "price carries " + formatDecimal(roundHalfAwayFromZero(weights.price, 4)) +
                " of 100 points, outside the usual 20-80%: give price between 20% and 80%, or "
                "record why this contract needs a more extreme balance of price and quality"));
    return warnings;
}

Diagnostics lintAward(const Tender& tender, const EvaluationResult& result) {
    AwardSensitivity margin;
    findMargin(tender, result, margin);
    // No clear winner: a margin under the close margin, or first place tied.
    if (margin.clearWinner || !margin.runnerUp)
        return {};
    Diagnostic warning =
        warningAt(tender.model.where, verdictText(margin, result.rounding) +
                                          " (`fairtender sensitivity` shows how fragile it is)");
    warning.code = std::string(kCloseCallCode);
    return {warning};
}

} // namespace fairtender
