#include "scoring/CriterionScoring.h"

#include "core/Decimal.h"
#include "scoring/DerivationText.h"

#include <algorithm>

namespace fairtender {

namespace {

// Percentages and scale thresholds compare at 9 places, so 0.2 x 100 counts as 20.
bool exceeds(double value, double limit) {
    return roundedUnits(value, 9) > roundedUnits(limit, 9);
}

NamedValue named(const char* name, std::string value) {
    return {name, std::move(value)};
}

std::string decimalText(double value) {
    std::string text;
    appendDecimal(text, value);
    return text;
}

std::string percentText(double value) {
    std::string text;
    appendRounded(text, value, 4);
    text += '%';
    return text;
}

} // namespace

CriterionResult startCriterion(const PlannedLeaf& leaf) {
    CriterionResult result;
    result.criterionId = leaf.node->id;
    result.title = leaf.node->displayName();
    result.type = leaf.node->criterion.type;
    result.effectiveWeight = leaf.effectiveWeight;
    result.formula.reserve(leaf.node->id.size() + 104);
    result.formula += leaf.node->id;
    return result;
}

void finishCriterion(CriterionResult& result, const PlannedLeaf& leaf, double score, int rounding) {
    result.score = std::clamp(score, 0.0, 1.0);
    result.points = roundHalfAwayFromZero(result.score * leaf.effectiveWeight, rounding);
    result.formula += " x ";
    result.formula += leaf.weightText;
    result.formula += " = ";
    appendFixed(result.formula, result.points, rounding);
}

double scoreJudgement(CriterionResult& result, const PlannedLeaf& leaf,
                      const ConsensusScore* consensus,
                      std::span<const EvaluatorScore* const> scores, double defaultSpreadPercent,
                      int rounding, std::vector<Flag>& flags) {
    const auto& criterion = leaf.node->criterion;
    const std::string& id = leaf.node->id;
    double value = 0;
    result.inputs.reserve(consensus ? 2 : scores.size() + 1);
    if (consensus) {
        value = consensus->value;
        result.inputs.push_back(named("consensus", decimalText(value)));
        result.formula += ": consensus ";
        appendDecimal(result.formula, value);
    } else {
        double sum = 0;
        for (const auto* score : scores) {
            sum += score->value;
            result.inputs.push_back({"evaluator " + score->evaluator, decimalText(score->value)});
        }
        value = scores.empty() ? 0 : sum / static_cast<double>(scores.size());
        result.formula += ": mean of evaluators ";
        appendRounded(result.formula, value, 4);
        result.formula += " (";
        for (std::size_t i = 0; i < scores.size(); ++i) {
            if (i > 0)
                result.formula += ", ";
            appendDecimal(result.formula, scores[i]->value);
        }
        result.formula += "; unmoderated)";
        std::string detail = "no consensus on " + id + ": the mean ";
        appendRounded(detail, value, 4);
        detail += " of " + std::to_string(scores.size()) + " evaluator score";
        detail += scores.size() == 1 ? " is used" : "s is used";
        flags.push_back({FlagKind::Unmoderated, id, std::move(detail)});
    }
    result.inputs.push_back(named("scale max", decimalText(criterion.scaleMax)));
    result.formula += " / scale ";
    appendDecimal(result.formula, criterion.scaleMax);

    if (scores.size() >= 2) {
        const auto [low, high] = std::minmax_element(
            scores.begin(), scores.end(),
            [](const EvaluatorScore* a, const EvaluatorScore* b) { return a->value < b->value; });
        const double spreadPercent = criterion.spreadPercent.value_or(defaultSpreadPercent);
        const double limit = spreadPercent / 100.0 * criterion.scaleMax;
        const double spread = (*high)->value - (*low)->value;
        if (exceeds(spread, limit)) {
            std::string detail = "evaluator scores on " + id + " range from ";
            appendDecimal(detail, (*low)->value);
            detail += " to ";
            appendDecimal(detail, (*high)->value);
            detail += ", ";
            appendRounded(detail, spread, 4);
            detail += " apart, more than ";
            appendDecimal(detail, spreadPercent);
            detail += "% of the scale ";
            appendDecimal(detail, criterion.scaleMax);
            detail += " (";
            appendRounded(detail, limit, 4);
            detail += ')';
            flags.push_back({FlagKind::EvaluatorSpread, id, std::move(detail)});
        }
    }
    finishCriterion(result, leaf, criterion.scaleMax > 0 ? value / criterion.scaleMax : 0,
                    rounding);
    return value;
}

void scoreSupplierLocation(CriterionResult& result, const PlannedLeaf& leaf, const Tender& tender,
                           const Postcode& postcode, int rounding) {
    const auto& criterion = leaf.node->criterion;
    result.inputs.push_back(named("postcode", postcode.text()));
    result.formula += ": ";
    result.formula += postcode.text();
    for (const auto& band : criterion.bands) {
        const Area* area = tender.findArea(band.areaId);
        if (area == nullptr || !area->contains(postcode))
            continue;
        result.inputs.push_back(named("area", area->id));
        result.formula += " is in area ";
        result.formula += area->id;
        if (!area->name.empty()) {
            result.formula += " (";
            result.formula += area->name;
            result.formula += ')';
        }
        result.formula += ": band score ";
        appendDecimal(result.formula, band.score);
        finishCriterion(result, leaf, band.score, rounding);
        return;
    }
    result.inputs.push_back(named("area", "none"));
    result.formula += " is in no band's area: otherwise score ";
    appendDecimal(result.formula, criterion.otherwise);
    finishCriterion(result, leaf, criterion.otherwise, rounding);
}

void scoreLocalSpend(CriterionResult& result, const PlannedLeaf& leaf, double percent,
                     double highestPercent, int rounding) {
    const auto& criterion = leaf.node->criterion;
    result.inputs.push_back(named("local spend", percentText(percent)));
    double score = 0;
    if (criterion.localSpendTarget) {
        const double target = *criterion.localSpendTarget;
        result.inputs.push_back(named("target", percentText(target)));
        result.formula += ": min(1, local spend ";
        result.formula += result.inputs[0].value;
        result.formula += " / target ";
        result.formula += result.inputs[1].value;
        result.formula += ')';
        score = target > 0 ? std::min(1.0, percent / target) : 1.0;
    } else if (highestPercent > 0) {
        result.inputs.push_back(named("highest", percentText(highestPercent)));
        result.formula += ": local spend ";
        result.formula += result.inputs[0].value;
        result.formula += " / highest ";
        result.formula += result.inputs[1].value;
        score = percent / highestPercent;
    } else {
        result.formula += ": no eligible bid reports local spend above 0%: 0";
    }
    finishCriterion(result, leaf, score, rounding);
}

LivingWageTier livingWageTier(const LivingWageDeclaration& declaration, const Tender& tender) {
    if (declaration.accredited)
        return LivingWageTier::Accredited;
    if (declaration.committed)
        return LivingWageTier::Committed;
    if (declaration.lowestHourlyRate && tender.livingWageRate &&
        *declaration.lowestHourlyRate >= tender.livingWageRate->hourly)
        return LivingWageTier::MeetsRate;
    return LivingWageTier::Below;
}

void scoreLivingWage(CriterionResult& result, const PlannedLeaf& leaf, const Tender& tender,
                     const LivingWageDeclaration& declaration, int rounding) {
    const auto& criterion = leaf.node->criterion;
    const LivingWageTier tier = livingWageTier(declaration, tender);
    result.inputs.push_back(named("tier", std::string(toString(tier))));
    if (declaration.lowestHourlyRate)
        result.inputs.push_back(
            named("lowest hourly rate", declaration.lowestHourlyRate->toDisplayString()));

    if (criterion.livingWageMethod == LivingWageMethod::Gate) {
        result.scored = false;
        result.score = 0;
        result.points = 0;
        result.formula += ": Real Living Wage gate met (";
        result.formula += toString(tier);
        result.formula += "); not scored";
        return;
    }

    double score = criterion.tiers.below;
    switch (tier) {
    case LivingWageTier::Accredited:
        score = criterion.tiers.accredited;
        result.formula += ": accredited Real Living Wage employer";
        break;
    case LivingWageTier::Committed:
        score = criterion.tiers.committed;
        result.formula += ": committed to the Real Living Wage";
        break;
    case LivingWageTier::MeetsRate:
        score = criterion.tiers.meetsRate;
        result.formula += ": lowest hourly rate ";
        result.formula += declaration.lowestHourlyRate->toDisplayString();
        result.formula += " meets the Real Living Wage ";
        result.formula += tender.livingWageRate->hourly.toDisplayString();
        break;
    case LivingWageTier::Below:
        if (declaration.lowestHourlyRate && tender.livingWageRate) {
            result.formula += ": lowest hourly rate ";
            result.formula += declaration.lowestHourlyRate->toDisplayString();
            result.formula += " is below the Real Living Wage ";
            result.formula += tender.livingWageRate->hourly.toDisplayString();
        } else {
            result.formula += ": neither accredited nor committed, and no hourly rate to compare";
        }
        break;
    }
    result.formula += ": tier score ";
    appendDecimal(result.formula, score);
    finishCriterion(result, leaf, score, rounding);
}

void scoreOwnership(CriterionResult& result, const PlannedLeaf& leaf, OwnershipModel model,
                    int rounding) {
    const auto& criterion = leaf.node->criterion;
    result.inputs.push_back(named("ownership", std::string(toString(model))));
    result.formula += ": ";
    result.formula += toString(model);
    for (const auto& listed : criterion.ownershipScores) {
        if (listed.model != model)
            continue;
        result.formula += " scores ";
        appendDecimal(result.formula, listed.score);
        finishCriterion(result, leaf, listed.score, rounding);
        return;
    }
    result.formula += " is not listed: otherwise score ";
    appendDecimal(result.formula, criterion.otherwise);
    finishCriterion(result, leaf, criterion.otherwise, rounding);
}

void scoreSocialValue(CriterionResult& result, const PlannedLeaf& leaf, double socialValue,
                      double price, const SocialValueField& field, int rounding) {
    const auto& criterion = leaf.node->criterion;
    result.inputs.push_back(named("social value", poundsText(socialValue)));
    double score = 0;
    switch (criterion.socialValueMethod) {
    case SocialValueMethod::RelativeToHighest:
        if (field.highest > 0) {
            result.inputs.push_back(named("highest", field.highestText));
            result.formula += ": social value ";
            result.formula += result.inputs[0].value;
            result.formula += " / highest ";
            result.formula += field.highestText;
            score = socialValue / field.highest;
        } else {
            result.formula += ": no eligible bid offers social value: 0";
        }
        break;
    case SocialValueMethod::RatioToPrice: {
        result.inputs.push_back(named("price", poundsText(price)));
        if (field.highestRatio > 0 && price > 0) {
            result.inputs.push_back(named("highest ratio", field.highestRatioText));
            result.formula += ": (social value ";
            result.formula += result.inputs[0].value;
            result.formula += " / price ";
            result.formula += result.inputs[1].value;
            result.formula += ") / highest ratio ";
            result.formula += field.highestRatioText;
            score = (socialValue / price) / field.highestRatio;
        } else {
            result.formula += ": no eligible bid offers social value per pound above 0: 0";
        }
        break;
    }
    case SocialValueMethod::Target: {
        const double target =
            criterion.socialValueTarget ? criterion.socialValueTarget->pounds() : 0;
        result.inputs.push_back(named("target", poundsText(target)));
        result.formula += ": min(1, social value ";
        result.formula += result.inputs[0].value;
        result.formula += " / target ";
        result.formula += result.inputs[1].value;
        result.formula += ')';
        score = target > 0 ? std::min(1.0, socialValue / target) : 1.0;
        break;
    }
    }
    finishCriterion(result, leaf, score, rounding);
}

} // namespace fairtender
