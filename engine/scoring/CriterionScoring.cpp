#include "scoring/CriterionScoring.h"

#include "core/Decimal.h"
#include "scoring/DerivationText.h"

#include <algorithm>

namespace fairtender {

void finishCriterion(CriterionResult& result, double effectiveWeight, double score, int rounding) {
    result.score = std::clamp(score, 0.0, 1.0);
    result.points = roundHalfAwayFromZero(result.score * effectiveWeight, rounding);
}

namespace {

// Percentages and scale thresholds compare at 9 places, so 0.2 x 100 counts as 20.
bool exceeds(double value, double limit) {
    return roundedUnits(value, 9) > roundedUnits(limit, 9);
}

// The flags are rare and their words costly; kept out of line so the common path stays lean.
[[gnu::noinline]] void flagUnmoderated(const std::string& id, double mean, std::size_t count,
                                       std::vector<Flag>& flags) {
    std::string detail = "no consensus on " + id + ": the mean ";
    appendRounded(detail, mean, 4);
    detail += " of " + std::to_string(count) + " evaluator score";
    detail += count == 1 ? " is used" : "s is used";
    flags.push_back({FlagKind::Unmoderated, id, std::move(detail)});
}

[[gnu::noinline]] void flagSpread(const std::string& id, const CriterionSettings& criterion,
                                  std::span<const EvaluatorScore* const> scores,
                                  double defaultSpreadPercent, std::vector<Flag>& flags) {
    const auto [low, high] = std::minmax_element(
        scores.begin(), scores.end(),
        [](const EvaluatorScore* a, const EvaluatorScore* b) { return a->value < b->value; });
    const double spreadPercent = criterion.spreadPercent.value_or(defaultSpreadPercent);
    const double limit = spreadPercent / 100.0 * criterion.scaleMax;
    const double spread = (*high)->value - (*low)->value;
    if (!exceeds(spread, limit))
        return;
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

} // namespace

double scoreJudgement(CriterionResult& result, const PlannedLeaf& leaf,
                      std::optional<double> consensus,
                      std::span<const EvaluatorScore* const> scores, double defaultSpreadPercent,
                      int rounding, std::vector<Flag>& flags) {
    const auto& criterion = leaf.node->criterion;
    double value = 0;
    if (consensus) {
        value = *consensus;
        result.source = JudgementSource::Consensus;
    } else {
        double sum = 0;
        for (const auto* score : scores)
            sum += score->value;
        value = scores.empty() ? 0 : sum / static_cast<double>(scores.size());
        result.source = JudgementSource::EvaluatorMean;
        flagUnmoderated(leaf.node->id, value, scores.size(), flags);
    }
    result.figure = value;
    if (scores.size() >= 2)
        flagSpread(leaf.node->id, criterion, scores, defaultSpreadPercent, flags);
    finishCriterion(result, leaf.effectiveWeight,
                    criterion.scaleMax > 0 ? value / criterion.scaleMax : 0, rounding);
    return value;
}

void scoreSupplierLocation(CriterionResult& result, const PlannedLeaf& leaf,
                           const Postcode& postcode, int rounding) {
    const auto& criterion = leaf.node->criterion;
    for (std::size_t k = 0; k < criterion.bands.size(); ++k) {
        const Area* area = leaf.bandAreas[k];
        if (area == nullptr || !area->contains(postcode))
            continue;
        result.match = static_cast<std::int32_t>(k);
        finishCriterion(result, leaf.effectiveWeight, criterion.bands[k].score, rounding);
        return;
    }
    result.match = -1;
    finishCriterion(result, leaf.effectiveWeight, criterion.otherwise, rounding);
}

void scoreLocalSpend(CriterionResult& result, const PlannedLeaf& leaf, double percent,
                     double highestPercent, int rounding) {
    const auto& criterion = leaf.node->criterion;
    result.figure = percent;
    double score = 0;
    if (criterion.localSpendTarget) {
        const double target = *criterion.localSpendTarget;
        score = target > 0 ? std::min(1.0, percent / target) : 1.0;
    } else if (highestPercent > 0) {
        score = percent / highestPercent;
    }
    finishCriterion(result, leaf.effectiveWeight, score, rounding);
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
    result.tier = livingWageTier(declaration, tender);
    if (criterion.livingWageMethod == LivingWageMethod::Gate) {
        result.scored = false;
        result.score = 0;
        result.points = 0;
        return;
    }
    double score = criterion.tiers.below;
    switch (result.tier) {
    case LivingWageTier::Accredited:
        score = criterion.tiers.accredited;
        break;
    case LivingWageTier::Committed:
        score = criterion.tiers.committed;
        break;
    case LivingWageTier::MeetsRate:
        score = criterion.tiers.meetsRate;
        break;
    case LivingWageTier::Below:
        break;
    }
    finishCriterion(result, leaf.effectiveWeight, score, rounding);
}

void scoreOwnership(CriterionResult& result, const PlannedLeaf& leaf, OwnershipModel model,
                    int rounding) {
    const auto& criterion = leaf.node->criterion;
    for (std::size_t k = 0; k < criterion.ownershipScores.size(); ++k) {
        if (criterion.ownershipScores[k].model != model)
            continue;
        result.match = static_cast<std::int32_t>(k);
        finishCriterion(result, leaf.effectiveWeight, criterion.ownershipScores[k].score, rounding);
        return;
    }
    result.match = -1;
    finishCriterion(result, leaf.effectiveWeight, criterion.otherwise, rounding);
}

void scoreSocialValue(CriterionResult& result, const PlannedLeaf& leaf, double socialValue,
                      double price, const SocialValueField& field, int rounding) {
    const auto& criterion = leaf.node->criterion;
    result.figure = socialValue;
    double score = 0;
    switch (criterion.socialValueMethod) {
    case SocialValueMethod::RelativeToHighest:
        if (field.highest > 0)
            score = socialValue / field.highest;
        break;
    case SocialValueMethod::RatioToPrice:
        if (field.highestRatio > 0 && price > 0)
            score = (socialValue / price) / field.highestRatio;
        break;
    case SocialValueMethod::Target: {
        const double target =
            criterion.socialValueTarget ? criterion.socialValueTarget->pounds() : 0;
        score = target > 0 ? std::min(1.0, socialValue / target) : 1.0;
        break;
    }
    }
    finishCriterion(result, leaf.effectiveWeight, score, rounding);
}

} // namespace fairtender
