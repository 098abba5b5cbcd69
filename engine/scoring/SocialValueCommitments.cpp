#include "scoring/SocialValueCommitments.h"

#include "scoring/DerivationText.h"

namespace fairtender {

double commitmentValue(double quantity, const Money& proxy, const DeliverabilityFactor* factor) {
    double value = quantity * proxy.pounds();
    if (factor != nullptr)
        value *= factor->factor;
    return value;
}

SocialValueBreakdown socialValueBreakdown(const ModelNode& criterion, const Bid& bid,
                                          const Evaluations& evaluations) {
    SocialValueBreakdown breakdown;
    if (criterion.kind != NodeKind::Criterion ||
        criterion.criterion.type != CriterionType::SocialValue)
        return breakdown;
    const auto& measures = criterion.criterion.measures;
    for (const auto& commitment : bid.commitments) {
        for (const auto& measure : measures) {
            if (measure.id != commitment.measureId)
                continue;
            const DeliverabilityFactor* factor = evaluations.findDeliverability(bid.id, measure.id);
            CommitmentValue valued;
            valued.measureId = measure.id;
            valued.title = measure.title.empty() ? measure.id : measure.title;
            valued.unit = measure.unit;
            valued.quantity = commitment.quantity;
            valued.proxy = measure.proxy;
            valued.assessed = factor != nullptr;
            valued.deliverability = factor != nullptr ? factor->factor : 1;
            valued.deliverabilityReason = factor != nullptr ? factor->reason : std::string();
            valued.value = commitmentValue(commitment.quantity, measure.proxy, factor);
            breakdown.total += valued.value;
            breakdown.commitments.push_back(std::move(valued));
            break;
        }
    }
    return breakdown;
}

std::string commitmentFormula(const CommitmentValue& commitment) {
    std::string text;
    appendDecimal(text, commitment.quantity);
    if (!commitment.unit.empty())
        text += " " + commitment.unit;
    text += " x ";
    text += commitment.proxy.toDisplayString();
    if (commitment.assessed) {
        text += " x deliverability ";
        appendDecimal(text, commitment.deliverability);
    }
    text += " = ";
    appendPounds(text, commitment.value);
    return text;
}

} // namespace fairtender
