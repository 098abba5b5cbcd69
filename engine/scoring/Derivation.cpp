#include "scoring/Derivation.h"

#include "scoring/DerivationText.h"
#include "scoring/PriceScoring.h"
#include "scoring/SocialValueCommitments.h"

namespace fairtender {

namespace {

std::string decimalText(double value) {
    std::string text;
    appendDecimal(text, value);
    return text;
}

// A local-spend percentage: 62.5 -> "62.5%".
std::string spendPercentText(double value) {
    std::string text;
    appendRounded(text, value, 4);
    text += '%';
    return text;
}

// The tail every scored formula shares: " x <weight> = <points>".
void finish(Derivation& d, const LeafSummary& leaf, const CriterionResult& c, int rounding) {
    d.formula += " x ";
    appendDecimal(d.formula, leaf.effectiveWeight);
    d.formula += " = ";
    appendFixed(d.formula, c.points, rounding);
}

void derivePrice(Derivation& d, const EvaluationResult& result, const BidResult& bidResult,
                 const LeafSummary& leaf, const CriterionResult& c,
                 const CriterionSettings& criterion, const Bid& bid) {
    if (result.aggregation == Aggregation::PricePerQualityPoint) {
        d.inputs.push_back({"price", poundsText(bidResult.price.value_or(c.figure))});
        d.formula += ": ";
        appendPounds(d.formula, c.figure);
        d.formula += ", not scored (price per quality point)";
        return;
    }
    const std::string priceText = poundsText(c.figure);
    d.inputs.reserve(4);
    d.inputs.push_back({"price", priceText});
    const auto price = bidPrice(bid, criterion.discountRate);
    if (price && price->wholeLife) {
        d.formula += " (whole life, ";
        appendDecimal(d.formula, *criterion.discountRate);
        d.formula += "% a year): NPV of ";
        d.formula += std::to_string(price->years);
        d.formula += " yearly costs ";
        d.formula += priceText;
        d.formula += "; ";
        std::string rate;
        appendFixed(rate, *criterion.discountRate, 2);
        rate += '%';
        d.inputs.push_back({"discount rate", std::move(rate)});
    } else {
        d.formula += ": ";
    }
    switch (criterion.priceMethod) {
    case PriceMethod::LowestRelative:
    case PriceMethod::LowestDeviation:
        d.inputs.push_back({"lowest price", poundsText(leaf.lowestPrice)});
        break;
    case PriceMethod::LinearRange:
        d.inputs.push_back({"lowest price", poundsText(leaf.lowestPrice)});
        if (criterion.ceiling)
            d.inputs.push_back({"ceiling", criterion.ceiling->toDisplayString()});
        else
            d.inputs.push_back({"highest price", poundsText(leaf.highestPrice)});
        break;
    case PriceMethod::MeanDeviation:
        d.inputs.push_back({"mean price", poundsText(leaf.meanPrice)});
        break;
    case PriceMethod::Income:
        d.inputs.push_back({"highest price", poundsText(leaf.highestPrice)});
        break;
    }
    PriceField field;
    field.lowest = leaf.lowestPrice;
    field.highest = leaf.highestPrice;
    field.mean = leaf.meanPrice;
    field.count = leaf.eligibleCount;
    appendPriceDerivation(d.formula, criterion, c.figure, priceText, field);
    finish(d, leaf, c, result.rounding);
}

void deriveJudgement(Derivation& d, const EvaluationResult& result, const LeafSummary& leaf,
                     const CriterionResult& c, const CriterionSettings& criterion, const Bid& bid,
                     const Evaluations& evaluations) {
    if (c.source == JudgementSource::Consensus) {
        d.inputs.push_back({"consensus", decimalText(c.figure)});
        d.formula += ": consensus ";
        appendDecimal(d.formula, c.figure);
    } else {
        const auto scores = evaluations.scoresFor(bid.id, leaf.criterionId);
        d.inputs.reserve(scores.size() + 1);
        for (const auto* score : scores)
            d.inputs.push_back({"evaluator " + score->evaluator, decimalText(score->value)});
        d.formula += ": mean of evaluators ";
        appendRounded(d.formula, c.figure, 4);
        d.formula += " (";
        for (std::size_t i = 0; i < scores.size(); ++i) {
            if (i > 0)
                d.formula += ", ";
            appendDecimal(d.formula, scores[i]->value);
        }
        d.formula += "; unmoderated)";
    }
    d.inputs.push_back({"scale max", decimalText(criterion.scaleMax)});
    d.formula += " / scale ";
    appendDecimal(d.formula, criterion.scaleMax);
    finish(d, leaf, c, result.rounding);
}

void deriveSupplierLocation(Derivation& d, const EvaluationResult& result, const LeafSummary& leaf,
                            const CriterionResult& c, const CriterionSettings& criterion,
                            const Tender& tender, const Bid& bid) {
    const std::string postcode = bid.supplier.postcode ? bid.supplier.postcode->text() : "";
    d.inputs.push_back({"postcode", postcode});
    d.formula += ": ";
    d.formula += postcode;
    const auto band = static_cast<std::size_t>(c.match);
    const Area* area = c.match >= 0 && band < criterion.bands.size()
                           ? tender.findArea(criterion.bands[band].areaId)
                           : nullptr;
    if (area != nullptr) {
        d.inputs.push_back({"area", area->id});
        d.formula += " is in area ";
        d.formula += area->id;
        if (!area->name.empty()) {
            d.formula += " (";
            d.formula += area->name;
            d.formula += ')';
        }
        d.formula += ": band score ";
        appendDecimal(d.formula, criterion.bands[band].score);
    } else {
        d.inputs.push_back({"area", "none"});
        d.formula += " is in no band's area: otherwise score ";
        appendDecimal(d.formula, criterion.otherwise);
    }
    finish(d, leaf, c, result.rounding);
}

void deriveLocalSpend(Derivation& d, const EvaluationResult& result, const LeafSummary& leaf,
                      const CriterionResult& c, const CriterionSettings& criterion) {
    d.inputs.push_back({"local spend", spendPercentText(c.figure)});
    if (criterion.localSpendTarget) {
        d.inputs.push_back({"target", spendPercentText(*criterion.localSpendTarget)});
        d.formula += ": min(1, local spend ";
        d.formula += d.inputs[0].value;
        d.formula += " / target ";
        d.formula += d.inputs[1].value;
        d.formula += ')';
    } else if (leaf.highestLocalSpend > 0) {
        d.inputs.push_back({"highest", spendPercentText(leaf.highestLocalSpend)});
        d.formula += ": local spend ";
        d.formula += d.inputs[0].value;
        d.formula += " / highest ";
        d.formula += d.inputs[1].value;
    } else {
        d.formula += ": no eligible bid reports local spend above 0%: 0";
    }
    finish(d, leaf, c, result.rounding);
}

void deriveLivingWage(Derivation& d, const EvaluationResult& result, const LeafSummary& leaf,
                      const CriterionResult& c, const CriterionSettings& criterion,
                      const Tender& tender, const Bid& bid) {
    const LivingWageDeclaration declaration = bid.livingWage.value_or(LivingWageDeclaration{});
    d.inputs.push_back({"tier", std::string(toString(c.tier))});
    if (declaration.lowestHourlyRate)
        d.inputs.push_back({"lowest hourly rate", declaration.lowestHourlyRate->toDisplayString()});

    if (criterion.livingWageMethod == LivingWageMethod::Gate) {
        d.formula += ": Real Living Wage gate met (";
        d.formula += toString(c.tier);
        d.formula += "); not scored";
        return;
    }
    double score = criterion.tiers.below;
    switch (c.tier) {
    case LivingWageTier::Accredited:
        score = criterion.tiers.accredited;
        d.formula += ": accredited Real Living Wage employer";
        break;
    case LivingWageTier::Committed:
        score = criterion.tiers.committed;
        d.formula += ": committed to the Real Living Wage";
        break;
    case LivingWageTier::MeetsRate:
        score = criterion.tiers.meetsRate;
        d.formula += ": lowest hourly rate ";
        d.formula += declaration.lowestHourlyRate ? declaration.lowestHourlyRate->toDisplayString()
                                                  : std::string();
        d.formula += " meets the Real Living Wage ";
        d.formula +=
            tender.livingWageRate ? tender.livingWageRate->hourly.toDisplayString() : std::string();
        break;
    case LivingWageTier::Below:
        if (declaration.lowestHourlyRate && tender.livingWageRate) {
            d.formula += ": lowest hourly rate ";
            d.formula += declaration.lowestHourlyRate->toDisplayString();
            d.formula += " is below the Real Living Wage ";
            d.formula += tender.livingWageRate->hourly.toDisplayString();
        } else {
            d.formula += ": neither accredited nor committed, and no hourly rate to compare";
        }
        break;
    }
    d.formula += ": tier score ";
    appendDecimal(d.formula, score);
    finish(d, leaf, c, result.rounding);
}

void deriveOwnership(Derivation& d, const EvaluationResult& result, const LeafSummary& leaf,
                     const CriterionResult& c, const CriterionSettings& criterion, const Bid& bid) {
    const std::string_view model = toString(bid.supplier.ownership);
    d.inputs.push_back({"ownership", std::string(model)});
    d.formula += ": ";
    d.formula += model;
    const auto listed = static_cast<std::size_t>(c.match);
    if (c.match >= 0 && listed < criterion.ownershipScores.size()) {
        d.formula += " scores ";
        appendDecimal(d.formula, criterion.ownershipScores[listed].score);
    } else {
        d.formula += " is not listed: otherwise score ";
        appendDecimal(d.formula, criterion.otherwise);
    }
    finish(d, leaf, c, result.rounding);
}

void deriveSocialValue(Derivation& d, const EvaluationResult& result, const BidResult& bidResult,
                       const LeafSummary& leaf, const CriterionResult& c, const ModelNode& node,
                       const Bid& bid, const Evaluations& evaluations) {
    const CriterionSettings& criterion = node.criterion;
    d.inputs.push_back({"social value", poundsText(c.figure)});
    switch (criterion.socialValueMethod) {
    case SocialValueMethod::RelativeToHighest:
        if (leaf.highestSocialValue > 0) {
            d.inputs.push_back({"highest", poundsText(leaf.highestSocialValue)});
            d.formula += ": social value ";
            d.formula += d.inputs[0].value;
            d.formula += " / highest ";
            d.formula += d.inputs[1].value;
        } else {
            d.formula += ": no eligible bid offers social value: 0";
        }
        break;
    case SocialValueMethod::RatioToPrice: {
        const double price = bidResult.price.value_or(0);
        d.inputs.push_back({"price", poundsText(price)});
        if (leaf.highestSocialValueRatio > 0 && price > 0) {
            d.inputs.push_back({"highest ratio", roundedText(leaf.highestSocialValueRatio, 6)});
            d.formula += ": (social value ";
            d.formula += d.inputs[0].value;
            d.formula += " / price ";
            d.formula += d.inputs[1].value;
            d.formula += ") / highest ratio ";
            d.formula += d.inputs[2].value;
        } else {
            d.formula += ": no eligible bid offers social value per pound above 0: 0";
        }
        break;
    }
    case SocialValueMethod::Target: {
        const double target =
            criterion.socialValueTarget ? criterion.socialValueTarget->pounds() : 0;
        d.inputs.push_back({"target", poundsText(target)});
        d.formula += ": min(1, social value ";
        d.formula += d.inputs[0].value;
        d.formula += " / target ";
        d.formula += d.inputs[1].value;
        d.formula += ')';
        break;
    }
    }
    finish(d, leaf, c, result.rounding);
    // What SV is made of, ahead of it: each commitment, quantity x proxy x deliverability,
    // with the panel's reason for a factor; the values add up to the social value.
    const SocialValueBreakdown breakdown = socialValueBreakdown(node, bid, evaluations);
    std::vector<NamedValue> commitments;
    if (breakdown.commitments.empty())
        commitments.push_back({"commitments", "none to this criterion's measures"});
    for (const auto& commitment : breakdown.commitments) {
        std::string value = commitmentFormula(commitment);
        if (commitment.assessed && !commitment.deliverabilityReason.empty())
            value += " (deliverability " + decimalText(commitment.deliverability) + ": " +
                     commitment.deliverabilityReason + ")";
        commitments.push_back({"commitment " + commitment.title, std::move(value)});
    }
    d.inputs.front().value += " (the sum of the commitments)";
    d.inputs.insert(d.inputs.begin(), std::make_move_iterator(commitments.begin()),
                    std::make_move_iterator(commitments.end()));
}

} // namespace

Derivation derive(const EvaluationResult& result, const BidResult& bidResult, std::size_t leafIndex,
                  const Tender& tender, const Bid& bid, const Evaluations& evaluations) {
    Derivation d;
    if (leafIndex >= result.leaves.size() || leafIndex >= bidResult.criteria.size())
        return d;
    const LeafSummary& leaf = result.leaves[leafIndex];
    const CriterionResult& c = bidResult.criteria[leafIndex];
    const ModelNode* node = findNode(tender.model, leaf.criterionId);
    if (node == nullptr || node->kind != NodeKind::Criterion)
        return d;
    const CriterionSettings& criterion = node->criterion;
    d.formula.reserve(leaf.criterionId.size() + 104);
    d.formula += leaf.criterionId;
    switch (criterion.type) {
    case CriterionType::Price:
        derivePrice(d, result, bidResult, leaf, c, criterion, bid);
        break;
    case CriterionType::Judgement:
        deriveJudgement(d, result, leaf, c, criterion, bid, evaluations);
        break;
    case CriterionType::SocialValue:
        deriveSocialValue(d, result, bidResult, leaf, c, *node, bid, evaluations);
        break;
    case CriterionType::Locality:
        if (criterion.localityMethod == LocalityMethod::SupplierLocation)
            deriveSupplierLocation(d, result, leaf, c, criterion, tender, bid);
        else
            deriveLocalSpend(d, result, leaf, c, criterion);
        break;
    case CriterionType::LivingWage:
        deriveLivingWage(d, result, leaf, c, criterion, tender, bid);
        break;
    case CriterionType::Ownership:
        deriveOwnership(d, result, leaf, c, criterion, bid);
        break;
    }
    return d;
}

const Bid* inputBidOf(const BidResult& bidResult, const std::vector<Bid>& bids) {
    if (bidResult.inputIndex < bids.size() && bids[bidResult.inputIndex].id == bidResult.bidId)
        return &bids[bidResult.inputIndex];
    for (const auto& bid : bids)
        if (bid.id == bidResult.bidId)
            return &bid;
    return nullptr;
}

} // namespace fairtender
