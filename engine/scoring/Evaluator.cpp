#include "scoring/Evaluator.h"

#include "core/Decimal.h"
#include "scoring/CriterionScoring.h"
#include "scoring/DerivationText.h"
#include "scoring/EvaluationIndex.h"
#include "scoring/ModelPlan.h"
#include "scoring/PriceScoring.h"
#include "scoring/Ranking.h"
#include "scoring/SocialValueCommitments.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace fairtender {

namespace {

// Units at 9 places: percentages compare as a person reads them (0.2 x 100 is 20).
long long fine(double value) {
    return roundedUnits(value, 9);
}

// The pipeline of spec section 2 over one tender; one instance per evaluate() call.
class Pipeline final {
public:
    Pipeline(const Tender& tender, const std::vector<Bid>& bids, const Evaluations& evaluations)
        : tender_(tender), model_(tender.model), bids_(bids), plan_(planModel(tender)),
          index_(evaluations, bids, plan_), rounding_(std::clamp(tender.model.rounding, 0, 9)),
          pricePerPoint_(tender.model.aggregation == Aggregation::PricePerQualityPoint) {}

    EvaluationOutcome run();

private:
    std::size_t bidCount() const { return bids_.size(); }
    bool eligible(std::size_t bid) const { return results_[bid].status == BidStatus::Ranked; }
    const std::optional<BidPrice>& priceOf(std::size_t priceSlot, std::size_t bid) const {
        return prices_[priceSlot * bidCount() + bid];
    }

    void findPrices();
    void exclude();
    Diagnostics missingInputs() const;
    void scoreAbsoluteLeavesAndThresholds();
    void scoreComparativeLeaves();
    void flagAbnormallyLow();
    void totalGroupsAndNotes();
    void excludeZeroQuality();
    void summarise();
    void rank(EvaluationResult& result);
    double socialValueOf(std::size_t bid, const PlannedLeaf& leaf) const;
    void excludeAfterScoring(std::size_t bid, std::string reason);

    const Tender& tender_;
    const EvaluationModel& model_;
    const std::vector<Bid>& bids_;
    ModelPlan plan_;
    EvaluationIndex index_;
    int rounding_;
    bool pricePerPoint_;

    std::vector<int> priceSlotOfLeaf_;                // by leaf: index into price slots, or -1
    std::vector<std::optional<BidPrice>> prices_;     // slot * bids + bid
    std::vector<std::optional<BidPrice>> modelPrice_; // by bid: the P the bid is known by
    std::vector<BidResult> results_;                  // by bid, input order
    std::vector<LeafSummary> leaves_;                 // by leaf, with the eligible field
};

void Pipeline::findPrices() {
    const std::size_t n = bidCount();
    priceSlotOfLeaf_.assign(plan_.leaves.size(), -1);
    int slots = 0;
    for (std::size_t leaf = 0; leaf < plan_.leaves.size(); ++leaf)
        if (plan_.leaves[leaf].node->criterion.type == CriterionType::Price)
            priceSlotOfLeaf_[leaf] = slots++;
    prices_.resize(static_cast<std::size_t>(slots) * n);
    for (std::size_t leaf = 0; leaf < plan_.leaves.size(); ++leaf) {
        if (priceSlotOfLeaf_[leaf] < 0)
            continue;
        const auto slot = static_cast<std::size_t>(priceSlotOfLeaf_[leaf]);
        const auto& rate = plan_.leaves[leaf].node->criterion.discountRate;
        for (std::size_t bid = 0; bid < n; ++bid)
            prices_[slot * n + bid] = bidPrice(bids_[bid], rate);
    }
    modelPrice_.resize(n);
    for (std::size_t bid = 0; bid < n; ++bid)
        modelPrice_[bid] =
            plan_.firstPriceLeaf >= 0
                ? priceOf(static_cast<std::size_t>(
                              priceSlotOfLeaf_[static_cast<std::size_t>(plan_.firstPriceLeaf)]),
                          bid)
                : bidPrice(bids_[bid], std::nullopt);
}

void Pipeline::exclude() {
    // The few leaves that can exclude, found once rather than for every bid.
    std::vector<const ModelNode*> reservedOwnership;
    std::vector<const ModelNode*> livingWageGates;
    for (const auto& leaf : plan_.leaves) {
        const auto& criterion = leaf.node->criterion;
        if (criterion.type == CriterionType::Ownership && !criterion.reserved.empty())
            reservedOwnership.push_back(leaf.node);
        if (criterion.type == CriterionType::LivingWage &&
            criterion.livingWageMethod == LivingWageMethod::Gate)
            livingWageGates.push_back(leaf.node);
    }

    results_.resize(bidCount());
    for (std::size_t i = 0; i < bidCount(); ++i) {
        const Bid& bid = bids_[i];
        BidResult& result = results_[i];
        result.bidId = bid.id;
        result.supplierName = bid.supplier.name;
        result.inputIndex = i;
        if (modelPrice_[i])
            result.price = modelPrice_[i]->value;
        auto& reasons = result.exclusionReasons;

        for (const ModelNode* gate : plan_.gates) {
            const GateAnswer* answer = bid.findGateAnswer(gate->id);
            if (answer && !answer->pass)
                reasons.push_back("failed gate " + gate->id);
            else if (!answer && gate->missingGateAnswerFails)
                reasons.push_back("failed gate " + gate->id + " (no answer given)");
            else
                continue;
            result.failedGates.push_back(gate->id);
        }
        if (bid.livingWage && bid.livingWage->lowestHourlyRate && tender_.livingWageRate &&
            *bid.livingWage->lowestHourlyRate < tender_.livingWageRate->statutoryMinimum)
            reasons.push_back("lowest hourly rate " +
                              bid.livingWage->lowestHourlyRate->toDisplayString() +
                              " is below the statutory minimum " +
                              tender_.livingWageRate->statutoryMinimum.toDisplayString());
        for (const ModelNode* leaf : reservedOwnership) {
            const auto& reserved = leaf->criterion.reserved;
            if (std::find(reserved.begin(), reserved.end(), bid.supplier.ownership) !=
                reserved.end())
                continue;
            std::string reason = "ownership model ";
            reason += toString(bid.supplier.ownership);
            reason += " is not among the reserved models (";
            for (std::size_t k = 0; k < reserved.size(); ++k) {
                if (k > 0)
                    reason += ", ";
                reason += toString(reserved[k]);
            }
            reason += ')';
            if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end())
                reasons.push_back(std::move(reason));
        }
        if (const auto* decision = index_.abnormallyLowDecision(static_cast<int>(i));
            decision && !decision->accept)
            reasons.push_back(decision->reason.empty()
                                  ? std::string("rejected as abnormally low after investigation")
                                  : "rejected as abnormally low: " + decision->reason);
        for (const ModelNode* leaf : livingWageGates)
            if (bid.livingWage && !bid.livingWage->accredited && !bid.livingWage->committed)
                reasons.push_back(
                    "not a Real Living Wage employer (accredited or committed) as gate " +
                    leaf->id + " requires");
        // Excluded like a rejected abnormally low price, before relative scoring, so that
        // the bid no longer sets anyone's price or social value score.
        if (const auto* exclusion = index_.exclusion(static_cast<int>(i)))
            reasons.push_back("excluded after evaluation: " + exclusion->reason);
        if (!reasons.empty())
            result.status = BidStatus::Excluded;
    }
}

Diagnostics Pipeline::missingInputs() const {
    Diagnostics errors;
    for (std::size_t i = 0; i < bidCount(); ++i) {
        if (!eligible(i))
            continue;
        const Bid& bid = bids_[i];
        const auto missing = [&](const std::string& what, const std::string& criterionId,
                                 const std::string& fix) {
            errors.push_back(errorAt(bid.where, "bid " + bid.id + " has no " + what +
                                                    " for criterion " + criterionId + ": " + fix));
        };
        for (std::size_t leaf = 0; leaf < plan_.leaves.size(); ++leaf) {
            const ModelNode& node = *plan_.leaves[leaf].node;
            const auto& criterion = node.criterion;
            switch (criterion.type) {
            case CriterionType::Price:
                if (!bid.hasPriceInput())
                    missing("price", node.id,
                            "add a <price> element or <cost year=\"...\"> entries to the bid");
                break;
            case CriterionType::Judgement:
                if (!index_.consensus(static_cast<int>(i), static_cast<int>(leaf)) &&
                    index_.scores(static_cast<int>(i), static_cast<int>(leaf)).empty())
                    missing("score", node.id,
                            "it needs a consensus score or at least one evaluator's score");
                break;
            case CriterionType::SocialValue:
                if (criterion.socialValueMethod == SocialValueMethod::RatioToPrice &&
                    !modelPrice_[i])
                    missing("price", node.id,
                            "social value per pound needs the bid's price; add a <price> "
                            "element or <cost year=\"...\"> entries to the bid");
                break;
            case CriterionType::Locality:
                if (criterion.localityMethod == LocalityMethod::LocalSpend &&
                    !bid.localSpendPercent)
                    missing("local-spend figure", node.id,
                            "add <local-spend percent=\"...\"/> to the bid");
                if (criterion.localityMethod == LocalityMethod::SupplierLocation &&
                    !bid.supplier.postcode)
                    missing("supplier postcode", node.id,
                            "add postcode=\"...\" to the bid's <supplier>");
                break;
            case CriterionType::LivingWage:
                if (!bid.livingWage)
                    missing("living-wage declaration", node.id,
                            "add <living-wage accredited=\"...\" committed=\"...\"/> to the bid");
                break;
            case CriterionType::Ownership:
                break;
            }
        }
        if (pricePerPoint_ && plan_.firstPriceLeaf < 0 && !modelPrice_[i])
            errors.push_back(errorAt(bid.where, "bid " + bid.id +
                                                    " has no price, which price per quality "
                                                    "point needs: add a <price> element"));
        for (const ModelNode* gate : plan_.gates)
            if (!gate->missingGateAnswerFails && !bid.findGateAnswer(gate->id))
                errors.push_back(errorAt(
                    bid.where, "bid " + bid.id + " gives no answer to gate " + gate->id +
                                   ": add <gate id=\"" + gate->id +
                                   "\" pass=\"true\"/> (or pass=\"false\") to the bid, or mark "
                                   "the gate missing=\"fail\""));
    }
    return errors;
}

void Pipeline::scoreAbsoluteLeavesAndThresholds() {
    const std::size_t leaves = plan_.leaves.size();
    for (std::size_t i = 0; i < bidCount(); ++i) {
        if (!eligible(i))
            continue;
        const Bid& bid = bids_[i];
        BidResult& result = results_[i];
        result.criteria.resize(leaves);
        std::vector<std::string> reasons;
        for (std::size_t leaf = 0; leaf < leaves; ++leaf) {
            const PlannedLeaf& planned = plan_.leaves[leaf];
            if (planned.comparative)
                continue;
            const auto& criterion = planned.node->criterion;
            CriterionResult& scored = result.criteria[leaf];
            switch (criterion.type) {
            case CriterionType::Judgement: {
                const double value = scoreJudgement(
                    scored, planned, index_.consensus(static_cast<int>(i), static_cast<int>(leaf)),
                    index_.scores(static_cast<int>(i), static_cast<int>(leaf)),
                    model_.defaultSpreadPercent, rounding_, result.flags);
                if (criterion.minScore && fine(value) < fine(*criterion.minScore)) {
                    std::string reason = "score ";
                    appendRounded(reason, value, 4);
                    reason += " on " + planned.node->id + " is below the minimum ";
                    appendDecimal(reason, *criterion.minScore);
                    reasons.push_back(std::move(reason));
                }
                break;
            }
            case CriterionType::Locality:
                if (criterion.localityMethod == LocalityMethod::SupplierLocation)
                    scoreSupplierLocation(scored, planned, *bid.supplier.postcode, rounding_);
                else
                    scoreLocalSpend(scored, planned, *bid.localSpendPercent, 0, rounding_);
                break;
            case CriterionType::LivingWage:
                scoreLivingWage(scored, planned, tender_, *bid.livingWage, rounding_);
                break;
            case CriterionType::Ownership:
                scoreOwnership(scored, planned, bid.supplier.ownership, rounding_);
                break;
            case CriterionType::SocialValue:
                scoreSocialValue(scored, planned, socialValueOf(i, planned), 0, {}, rounding_);
                break;
            case CriterionType::Price:
                break;
            }
        }
        // Only absolute leaves are scored yet, which is all a min-percent group may hold.
        for (const auto& group : plan_.groups) {
            if (!group.node->minPercent || group.effectiveWeight <= 0)
                continue;
            double points = 0;
            for (const int leaf : group.leaves)
                points += result.criteria[static_cast<std::size_t>(leaf)].points;
            points = roundHalfAwayFromZero(points, rounding_);
            const double percent = points / group.effectiveWeight * 100.0;
            if (fine(percent) < fine(*group.node->minPercent)) {
                std::string reason = group.node->id + " scored ";
                appendFixed(reason, percent, 2);
                reason += "% of its ";
                appendDecimal(reason, group.effectiveWeight);
                reason += " points, below the minimum ";
                appendDecimal(reason, *group.node->minPercent);
                reason += '%';
                reasons.push_back(std::move(reason));
            }
        }
        if (!reasons.empty()) {
            result.status = BidStatus::Excluded;
            result.exclusionReasons = std::move(reasons);
            result.criteria.clear();
            result.flags.clear();
        }
    }
}

double Pipeline::socialValueOf(std::size_t bid, const PlannedLeaf& leaf) const {
    const auto& measures = leaf.node->criterion.measures;
    double total = 0;
    for (const auto& commitment : bids_[bid].commitments) {
        for (std::size_t k = 0; k < measures.size(); ++k) {
            if (measures[k].id != commitment.measureId)
                continue;
            total += commitmentValue(
                commitment.quantity, measures[k].proxy,
                index_.deliverability(static_cast<int>(bid), leaf.measureIndices[k]));
            break;
        }
    }
    return total;
}

void Pipeline::scoreComparativeLeaves() {
    const std::size_t n = bidCount();
    std::vector<std::size_t> eligibleBids;
    eligibleBids.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        if (eligible(i))
            eligibleBids.push_back(i);
    if (eligibleBids.empty())
        return;

    std::vector<double> values(n, 0);
    for (std::size_t leaf = 0; leaf < plan_.leaves.size(); ++leaf) {
        const PlannedLeaf& planned = plan_.leaves[leaf];
        if (!planned.comparative)
            continue;
        const auto& criterion = planned.node->criterion;
        LeafSummary& summary = leaves_[leaf];
        summary.eligibleCount = static_cast<int>(eligibleBids.size());
        switch (criterion.type) {
        case CriterionType::Price: {
            const auto slot = static_cast<std::size_t>(priceSlotOfLeaf_[leaf]);
            if (pricePerPoint_) {
                for (const std::size_t i : eligibleBids) {
                    CriterionResult& scored = results_[i].criteria[leaf];
                    scored.scored = false;
                    scored.figure = priceOf(slot, i)->value;
                }
                break;
            }
            PriceField field;
            field.lowest = std::numeric_limits<double>::infinity();
            field.highest = -std::numeric_limits<double>::infinity();
            double sum = 0;
            for (const std::size_t i : eligibleBids) {
                const double p = priceOf(slot, i)->value;
                field.lowest = std::min(field.lowest, p);
                field.highest = std::max(field.highest, p);
                sum += p;
            }
            field.count = static_cast<int>(eligibleBids.size());
            field.mean = sum / field.count;
            summary.lowestPrice = field.lowest;
            summary.highestPrice = field.highest;
            summary.meanPrice = field.mean;
            for (const std::size_t i : eligibleBids) {
                const double price = priceOf(slot, i)->value;
                CriterionResult& scored = results_[i].criteria[leaf];
                scored.figure = price;
                finishCriterion(scored, planned.effectiveWeight,
                                priceScore(criterion, price, field), rounding_);
            }
            break;
        }
        case CriterionType::SocialValue: {
            SocialValueField field;
            for (const std::size_t i : eligibleBids) {
                values[i] = socialValueOf(i, planned);
                field.highest = std::max(field.highest, values[i]);
                const double price = modelPrice_[i] ? modelPrice_[i]->value : 0;
                if (price > 0)
                    field.highestRatio = std::max(field.highestRatio, values[i] / price);
            }
            summary.highestSocialValue = field.highest;
            summary.highestSocialValueRatio = field.highestRatio;
            for (const std::size_t i : eligibleBids)
                scoreSocialValue(results_[i].criteria[leaf], planned, values[i],
                                 modelPrice_[i] ? modelPrice_[i]->value : 0, field, rounding_);
            break;
        }
        case CriterionType::Locality: {
            double highest = 0;
            for (const std::size_t i : eligibleBids)
                highest = std::max(highest, *bids_[i].localSpendPercent);
            summary.highestLocalSpend = highest;
            for (const std::size_t i : eligibleBids)
                scoreLocalSpend(results_[i].criteria[leaf], planned, *bids_[i].localSpendPercent,
                                highest, rounding_);
            break;
        }
        case CriterionType::Judgement:
        case CriterionType::LivingWage:
        case CriterionType::Ownership:
            break;
        }
    }
}

void Pipeline::flagAbnormallyLow() {
    const std::size_t n = bidCount();
    for (std::size_t leaf = 0; leaf < plan_.leaves.size(); ++leaf) {
        const ModelNode& node = *plan_.leaves[leaf].node;
        if (node.criterion.type != CriterionType::Price || !node.criterion.abnormallyLow)
            continue;
        const auto& rule = *node.criterion.abnormallyLow;
        const auto slot = static_cast<std::size_t>(priceSlotOfLeaf_[leaf]);
        double sum = 0;
        std::size_t count = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (!eligible(i))
                continue;
            sum += priceOf(slot, i)->value;
            ++count;
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (!eligible(i))
                continue;
            const auto* decision = index_.abnormallyLowDecision(static_cast<int>(i));
            if (decision && decision->accept)
                continue; // reported as a note instead
            const double price = priceOf(slot, i)->value;
            std::string detail;
            const auto describe = [&](double below, double reference, const char* what) {
                if (!detail.empty())
                    detail += "; ";
                detail += "price ";
                appendPounds(detail, price);
                detail += " is ";
                appendFixed(detail, below, 1);
                detail += "% below ";
                detail += what;
                detail += ' ';
                appendPounds(detail, reference);
            };
            if (rule.belowMeanPercent && count >= 2) {
                const double meanOfOthers = (sum - price) / static_cast<double>(count - 1);
                const double below =
                    meanOfOthers > 0 ? (meanOfOthers - price) / meanOfOthers * 100.0 : 0;
                if (fine(below) > fine(*rule.belowMeanPercent)) {
                    describe(below, meanOfOthers, "the mean of the other bids");
                    detail += " (limit ";
                    appendDecimal(detail, *rule.belowMeanPercent);
                    detail += "%)";
                }
            }
            if (rule.belowEstimatePercent && tender_.estimatedValue &&
                tender_.estimatedValue->isPositive()) {
                const double estimate = tender_.estimatedValue->pounds();
                const double below = (estimate - price) / estimate * 100.0;
                if (fine(below) > fine(*rule.belowEstimatePercent)) {
                    describe(below, estimate, "the estimated value");
                    detail += " (limit ";
                    appendDecimal(detail, *rule.belowEstimatePercent);
                    detail += "%)";
                }
            }
            if (!detail.empty())
                results_[i].flags.push_back({FlagKind::AbnormallyLow, node.id, std::move(detail)});
        }
    }
}

void Pipeline::totalGroupsAndNotes() {
    for (std::size_t i = 0; i < bidCount(); ++i) {
        BidResult& result = results_[i];
        if (const auto* decision = index_.abnormallyLowDecision(static_cast<int>(i));
            decision && decision->accept)
            result.notes.push_back(
                decision->reason.empty()
                    ? std::string("abnormally low price accepted after investigation")
                    : "abnormally low price accepted after investigation: " + decision->reason);
        if (!eligible(i))
            continue;
        double total = 0;
        for (const auto& criterion : result.criteria)
            total += criterion.points;
        result.total = roundHalfAwayFromZero(total, rounding_);
        result.groups.resize(plan_.groups.size());
        for (std::size_t g = 0; g < plan_.groups.size(); ++g) {
            double points = 0;
            for (const int leaf : plan_.groups[g].leaves)
                points += result.criteria[static_cast<std::size_t>(leaf)].points;
            result.groups[g].points = roundHalfAwayFromZero(points, rounding_);
        }
        if (pricePerPoint_ && modelPrice_[i] && result.total > 0)
            result.pricePerPoint =
                roundHalfAwayFromZero(modelPrice_[i]->value / result.total, rounding_);
    }
}

void Pipeline::excludeAfterScoring(std::size_t bid, std::string reason) {
    BidResult& result = results_[bid];
    result.status = BidStatus::Excluded;
    result.exclusionReasons.push_back(std::move(reason));
    result.criteria.clear();
    result.groups.clear();
    result.flags.clear();
    result.total = 0;
    result.pricePerPoint.reset();
}

void Pipeline::excludeZeroQuality() {
    if (!pricePerPoint_)
        return;
    for (std::size_t i = 0; i < bidCount(); ++i)
        if (eligible(i) && roundedUnits(results_[i].total, rounding_) <= 0)
            excludeAfterScoring(i, "quality score is zero, so price per quality point is "
                                   "undefined");
}

void Pipeline::summarise() {
    leaves_.reserve(plan_.leaves.size());
    for (const auto& leaf : plan_.leaves) {
        const auto& criterion = leaf.node->criterion;
        LeafSummary summary;
        summary.criterionId = leaf.node->id;
        summary.title = leaf.node->displayName();
        summary.type = criterion.type;
        summary.effectiveWeight = leaf.effectiveWeight;
        summary.path = leaf.path;
        summary.scored = !(criterion.type == CriterionType::LivingWage &&
                           criterion.livingWageMethod == LivingWageMethod::Gate) &&
                         !(criterion.type == CriterionType::Price && pricePerPoint_);
        leaves_.push_back(std::move(summary));
    }
}

void Pipeline::rank(EvaluationResult& out) {
    const std::size_t n = bidCount();
    const std::size_t width = 1 + model_.tieBreak.size();

    // Each tie-break word resolved once: what it compares and at which index.
    enum class KeyKind { LowestPrice, Leaf, Group, Nothing };
    struct TieBreakKey {
        KeyKind kind = KeyKind::Nothing;
        std::size_t index = 0;
    };
    std::vector<TieBreakKey> tieBreaks;
    tieBreaks.reserve(model_.tieBreak.size());
    for (const std::string& word : model_.tieBreak) {
        if (word == "lowest-price")
            tieBreaks.push_back({KeyKind::LowestPrice, 0});
        else if (const auto leaf = plan_.leafById.find(word); leaf != plan_.leafById.end())
            tieBreaks.push_back({KeyKind::Leaf, static_cast<std::size_t>(leaf->second)});
        else if (const auto group = plan_.groupById.find(word); group != plan_.groupById.end())
            tieBreaks.push_back({KeyKind::Group, static_cast<std::size_t>(group->second)});
        else
            tieBreaks.push_back({KeyKind::Nothing, 0});
    }

    std::vector<long long> keys(n * width, 0);
    std::vector<int> candidates;
    candidates.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (!eligible(i))
            continue;
        candidates.push_back(static_cast<int>(i));
        const BidResult& result = results_[i];
        long long* key = keys.data() + i * width;
        key[0] = pricePerPoint_ ? roundedUnits(result.pricePerPoint.value_or(0), rounding_)
                                : -roundedUnits(result.total, rounding_);
        for (std::size_t t = 0; t < tieBreaks.size(); ++t) {
            long long& k = key[1 + t];
            switch (tieBreaks[t].kind) {
            case KeyKind::LowestPrice:
                k = modelPrice_[i] ? roundedUnits(modelPrice_[i]->value, 2) : 0;
                break;
            case KeyKind::Leaf:
                k = -roundedUnits(result.criteria[tieBreaks[t].index].points, rounding_);
                break;
            case KeyKind::Group:
                k = -roundedUnits(result.groups[tieBreaks[t].index].points, rounding_);
                break;
            case KeyKind::Nothing:
                break;
            }
        }
    }
    const Ranking ranking = rankByKeys(candidates, keys, static_cast<int>(width));

    std::string tieBreakText;
    for (const auto& word : model_.tieBreak)
        tieBreakText += (tieBreakText.empty() ? "" : ", ") + word;
    for (std::size_t pos = 0; pos < ranking.order.size();) {
        std::size_t end = pos + 1;
        while (end < ranking.order.size() && ranking.rank[end] == ranking.rank[pos])
            ++end;
        for (std::size_t k = pos; k < end; ++k)
            results_[static_cast<std::size_t>(ranking.order[k])].rank = ranking.rank[k];
        if (end - pos > 1) {
            for (std::size_t k = pos; k < end; ++k) {
                BidResult& result = results_[static_cast<std::size_t>(ranking.order[k])];
                std::string detail = "shares rank " + std::to_string(ranking.rank[k]) + " with ";
                std::size_t listed = 0;
                for (std::size_t other = pos; other < end; ++other) {
                    if (other == k)
                        continue;
                    if (listed == 5) {
                        detail += " and " + std::to_string(end - pos - 1 - listed) + " more";
                        break;
                    }
                    detail += listed > 0 ? ", " : "";
                    detail += results_[static_cast<std::size_t>(ranking.order[other])].bidId;
                    ++listed;
                }
                detail += pricePerPoint_ ? ": price per quality point " : ": total ";
                appendFixed(detail,
                            pricePerPoint_ ? result.pricePerPoint.value_or(0) : result.total,
                            rounding_);
                detail += tieBreakText.empty()
                              ? " is equal and no tie-break is set"
                              : " and every tie-break (" + tieBreakText + ") are equal";
                result.flags.push_back({FlagKind::TieUnresolved, {}, std::move(detail)});
            }
        }
        pos = end;
    }
    if (!ranking.order.empty() && !ranking.tied[0])
        out.winnerId = results_[static_cast<std::size_t>(ranking.order[0])].bidId;

    out.bids.reserve(n);
    for (const int bid : ranking.order)
        out.bids.push_back(std::move(results_[static_cast<std::size_t>(bid)]));
    for (std::size_t i = 0; i < n; ++i)
        if (!eligible(i))
            out.bids.push_back(std::move(results_[i]));
}

EvaluationOutcome Pipeline::run() {
    findPrices();
    exclude();
    if (Diagnostics errors = missingInputs(); hasErrors(errors))
        return {std::nullopt, std::move(errors)};
    summarise();
    scoreAbsoluteLeavesAndThresholds();
    scoreComparativeLeaves();
    flagAbnormallyLow();
    totalGroupsAndNotes();
    excludeZeroQuality();

    EvaluationResult result;
    result.tenderId = tender_.id;
    result.aggregation = model_.aggregation;
    result.rounding = rounding_;
    result.leaves = std::move(leaves_);
    result.groups.reserve(plan_.groups.size());
    for (const auto& group : plan_.groups)
        result.groups.push_back(
            {group.node->id, group.node->displayName(), group.effectiveWeight, group.path});
    rank(result);
    return {std::move(result), {}};
}

} // namespace

std::optional<bool> flaggedForDecision(const Tender& tender, const std::vector<Bid>& bids,
                                       const Evaluations& evaluations, const std::string& bidId) {
    Evaluations examined = evaluations;
    examined.exclusions.clear();
    std::erase_if(examined.abnormallyLowDecisions,
                  [&](const AbnormallyLowDecision& d) { return d.bidId == bidId; });
    const EvaluationOutcome outcome = Pipeline(tender, bids, examined).run();
    if (!outcome.result)
        return std::nullopt;
    const BidResult* bid = outcome.result->findBid(bidId);
    return bid != nullptr && bid->hasFlag(FlagKind::AbnormallyLow);
}

EvaluationOutcome evaluate(const Tender& tender, const std::vector<Bid>& bids,
                           const Evaluations& evaluations) {
    EvaluationOutcome outcome = Pipeline(tender, bids, evaluations).run();
    if (!outcome.result)
        return outcome;
    // A decision is an answer to a flag: on a price the engine does not flag it would
    // exclude (or clear) a bid on no finding at all.
    for (const auto& decision : evaluations.abnormallyLowDecisions)
        if (flaggedForDecision(tender, bids, evaluations, decision.bidId) == false)
            outcome.diagnostics.push_back(errorAt(
                decision.where,
                "abnormally-low-decision on " + decision.bidId + ": the price of " +
                    decision.bidId +
                    " is not flagged as abnormally low by the tender's rule, so there is no "
                    "abnormally low price to accept or reject: remove the decision"));
    if (hasErrors(outcome.diagnostics))
        outcome.result.reset();
    return outcome;
}

} // namespace fairtender
