// checkConsistency: the checks that need more than one file of a tender folder: bids
// against the tender (ids, measures, gates, prices) and evaluations against bids and the
// model (judgement criteria, scale, step, duplicates).
#include "core/Decimal.h"
#include "io/xml/TenderFolder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace fairtender {

namespace {

std::string listOr(const std::vector<std::string>& items, const char* none) {
    if (items.empty())
        return none;
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

struct ModelFacts {
    std::vector<std::string> measures;
    std::vector<std::string> gates;
    std::vector<std::string> judgementCriteria;
    bool incomePrice = false;
    std::optional<double> discountRate;
};

ModelFacts factsOf(const Tender& tender) {
    ModelFacts facts;
    forEachNode(tender.model.children, [&](const ModelNode& node) {
        if (node.kind == NodeKind::Gate)
            facts.gates.push_back(node.id);
        if (node.kind != NodeKind::Criterion)
            return;
        const auto& c = node.criterion;
        if (c.type == CriterionType::SocialValue)
            for (const auto& m : c.measures)
                facts.measures.push_back(m.id);
        if (c.type == CriterionType::Judgement)
            facts.judgementCriteria.push_back(node.id);
        if (c.type == CriterionType::Price) {
            facts.incomePrice = facts.incomePrice || c.priceMethod == PriceMethod::Income;
            if (!facts.discountRate)
                facts.discountRate = c.discountRate;
        }
    });
    return facts;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

// Where `key` was first seen among the keys added so far, else nullptr (and adds it). A
// bid's few commitments and gate answers are searched in a list; a long list goes to a
// hash map. This runs for every bid at every change of a workspace, so it copies no
// strings and allocates little.
class FirstSeen {
public:
    const SourceLocation* add(std::string_view key, const SourceLocation& where) {
        if (!index_.empty() || seen_.size() >= kListed) {
            if (index_.empty())
                for (const auto& [k, w] : seen_)
                    index_.emplace(k, w);
            const auto [known, added] = index_.emplace(key, &where);
            return added ? nullptr : known->second;
        }
        for (const auto& [k, w] : seen_)
            if (k == key)
                return w;
        seen_.emplace_back(key, &where);
        return nullptr;
    }

private:
    static constexpr std::size_t kListed = 16;
    std::vector<std::pair<std::string_view, const SourceLocation*>> seen_;
    std::unordered_map<std::string_view, const SourceLocation*> index_;
};

void checkBid(const Bid& bid, const ModelFacts& facts, Diagnostics& diagnostics) {
    FirstSeen committed;
    for (const auto& commitment : bid.commitments) {
        if (!contains(facts.measures, commitment.measureId))
            diagnostics.push_back(errorAt(
                commitment.where,
                "bid " + bid.id + " commits to measure '" + commitment.measureId +
                    "' which the tender does not list; listed: " + listOr(facts.measures, "none")));
        else if (const SourceLocation* first =
                     committed.add(commitment.measureId, commitment.where))
            diagnostics.push_back(errorAt(
                commitment.where, "bid " + bid.id + " commits to measure '" + commitment.measureId +
                                      "' twice (first at " + first->toString() +
                                      "): give one commitment per measure"));
    }
    FirstSeen answered;
    for (const auto& answer : bid.gateAnswers) {
        if (!contains(facts.gates, answer.gateId))
            diagnostics.push_back(errorAt(
                answer.where,
                "bid " + bid.id + " answers gate '" + answer.gateId +
                    "' which the model does not have; gates: " + listOr(facts.gates, "none")));
        else if (const SourceLocation* first = answered.add(answer.gateId, answer.where))
            diagnostics.push_back(errorAt(
                answer.where, "bid " + bid.id + " answers gate '" + answer.gateId +
                                  "' twice (first at " + first->toString() + "): keep one answer"));
    }
    if (facts.incomePrice)
        return;
    if (bid.price && !bid.price->isPositive())
        diagnostics.push_back(
            errorAt(bid.priceWhere, "bid " + bid.id + " has price " + bid.price->toPlainString() +
                                        ": a price must be more than zero (only a price "
                                        "criterion with method income accepts it)"));
    bool negativeCost = false;
    for (const auto& cost : bid.costs) {
        if (cost.amount.pence() < 0) {
            negativeCost = true;
            diagnostics.push_back(errorAt(
                cost.where, "bid " + bid.id + " has a negative cost for year " +
                                std::to_string(cost.year) + ": yearly costs must be zero or more"));
        }
    }
    if (!bid.costs.empty() && !negativeCost) {
        // Without a discount rate the yearly costs are simply added up.
        const double rate = facts.discountRate.value_or(0) / 100.0;
        double total = 0;
        for (const auto& cost : bid.costs)
            total += cost.amount.pounds() / std::pow(1.0 + rate, cost.year);
        if (total <= 0)
            diagnostics.push_back(
                errorAt(bid.costs.front().where, "the yearly costs of bid " + bid.id + " total " +
                                                     formatPounds(total) +
                                                     ": a whole-life cost must be more than zero"));
    }
}

std::string numberText(double value) {
    return formatDecimal(value);
}

void checkJudgementValue(const std::string& what, double value, const std::string& criterionId,
                         const ModelNode* node, const SourceLocation& where,
                         Diagnostics& diagnostics) {
    const auto& c = node->criterion;
    if (value < 0 || value > c.scaleMax) {
        diagnostics.push_back(errorAt(where, what + " " + numberText(value) + " on " + criterionId +
                                                 " is out of range: it must be between 0 and " +
                                                 numberText(c.scaleMax)));
        return;
    }
    if (c.scaleStep) {
        const double steps = value / *c.scaleStep;
        if (std::fabs(value - std::round(steps) * *c.scaleStep) > 1e-9)
            diagnostics.push_back(errorAt(
                where, what + " " + numberText(value) + " on " + criterionId +
                           " is not a multiple of the scale step " + numberText(*c.scaleStep)));
    }
}

// The judgement criterion a score or consensus names, or nullptr (reported).
const ModelNode* judgementCriterion(const Tender& tender, const ModelFacts& facts,
                                    const std::string& what, const std::string& criterionId,
                                    const SourceLocation& where, Diagnostics& diagnostics) {
    const auto* node = findNode(tender.model, criterionId);
    if (!node || node->kind != NodeKind::Criterion) {
        diagnostics.push_back(
            errorAt(where, what + " names criterion '" + criterionId +
                               "', which the model does not have; judgement criteria: " +
                               listOr(facts.judgementCriteria, "none")));
        return nullptr;
    }
    if (node->criterion.type != CriterionType::Judgement) {
        diagnostics.push_back(
            errorAt(where, what + " names criterion " + criterionId + ", a " +
                               std::string(toString(node->criterion.type)) +
                               " criterion; only judgement criteria take scores: " +
                               listOr(facts.judgementCriteria, "none")));
        return nullptr;
    }
    return node;
}

void checkEvaluations(const TenderFolder& folder, const ModelFacts& facts,
                      Diagnostics& diagnostics) {
    const auto& evaluations = folder.evaluations;
    std::unordered_map<std::string_view, const Bid*> bids;
    bids.reserve(folder.bids.size());
    for (const auto& bid : folder.bids)
        bids.emplace(bid.id, &bid);
    const auto bidExists = [&](const std::string& what, const std::string& bidId,
                               const SourceLocation& where) {
        if (bids.count(bidId))
            return true;
        diagnostics.push_back(
            errorAt(where, what + " names bid '" + bidId + "', which no bid file contains"));
        return false;
    };

    std::map<std::tuple<std::string_view, std::string_view, std::string_view>,
             const SourceLocation*>
        scored;
    for (const auto& score : evaluations.scores) {
        const bool bidOk = bidExists("score", score.bidId, score.where);
        const auto* node = judgementCriterion(folder.tender, facts, "score", score.criterionId,
                                              score.where, diagnostics);
        if (node)
            checkJudgementValue("score", score.value, score.criterionId, node, score.where,
                                diagnostics);
        if (bidOk && node) {
            const auto [first, added] = scored.emplace(
                std::make_tuple(std::string_view(score.bidId), std::string_view(score.criterionId),
                                std::string_view(score.evaluator)),
                &score.where);
            if (!added)
                diagnostics.push_back(errorAt(
                    score.where, "evaluator " + score.evaluator + " scores bid " + score.bidId +
                                     " on " + score.criterionId + " twice (first at " +
                                     first->second->toString() + "): keep one score"));
        }
        if (score.reason.empty())
            diagnostics.push_back(
                warningAt(score.where, "score by " + score.evaluator + " for bid " + score.bidId +
                                           " on " + score.criterionId +
                                           " gives no reason: write the reason between the tags"));
    }

    std::map<std::pair<std::string_view, std::string_view>, const SourceLocation*> agreed;
    for (const auto& consensus : evaluations.consensus) {
        const bool bidOk = bidExists("consensus", consensus.bidId, consensus.where);
        const auto* node = judgementCriterion(folder.tender, facts, "consensus",
                                              consensus.criterionId, consensus.where, diagnostics);
        if (node)
            checkJudgementValue("consensus", consensus.value, consensus.criterionId, node,
                                consensus.where, diagnostics);
        if (bidOk && node) {
            const auto [first, added] =
                agreed.emplace(std::make_pair(std::string_view(consensus.bidId),
                                              std::string_view(consensus.criterionId)),
                               &consensus.where);
            if (!added)
                diagnostics.push_back(errorAt(
                    consensus.where, "bid " + consensus.bidId + " has two consensus scores on " +
                                         consensus.criterionId + " (first at " +
                                         first->second->toString() + "): keep one"));
        }
        if (consensus.reason.empty())
            diagnostics.push_back(
                warningAt(consensus.where,
                          "consensus for bid " + consensus.bidId + " on " + consensus.criterionId +
                              " gives no reason: write the reason between the tags"));
    }

    std::map<std::pair<std::string, std::string>, SourceLocation> delivered;
    for (const auto& factor : evaluations.deliverability) {
        if (!bidExists("deliverability", factor.bidId, factor.where))
            continue;
        const Bid& bid = *bids.at(factor.bidId);
        std::vector<std::string> committed;
        for (const auto& c : bid.commitments)
            committed.push_back(c.measureId);
        if (!contains(committed, factor.measureId)) {
            diagnostics.push_back(
                errorAt(factor.where, "deliverability for bid " + factor.bidId +
                                          " names measure '" + factor.measureId +
                                          "', which the bid does not commit to; it commits to: " +
                                          listOr(committed, "nothing")));
            continue;
        }
        const auto [first, added] =
            delivered.emplace(std::make_pair(factor.bidId, factor.measureId), factor.where);
        if (!added)
            diagnostics.push_back(errorAt(
                factor.where, "bid " + factor.bidId + " has two deliverability factors for " +
                                  factor.measureId + " (first at " + first->second.toString() +
                                  "): keep one"));
    }

    std::map<std::string, SourceLocation> decided;
    for (const auto& decision : evaluations.abnormallyLowDecisions) {
        if (!bidExists("abnormally-low-decision", decision.bidId, decision.where))
            continue;
        const auto [first, added] = decided.emplace(decision.bidId, decision.where);
        if (!added)
            diagnostics.push_back(
                errorAt(decision.where, "bid " + decision.bidId +
                                            " has two abnormally-low decisions (first at " +
                                            first->second.toString() + "): keep one"));
    }

    std::map<std::string, SourceLocation> excluded;
    for (const auto& exclusion : evaluations.exclusions) {
        if (!bidExists("exclusion", exclusion.bidId, exclusion.where))
            continue;
        if (exclusion.reason.empty())
            diagnostics.push_back(
                errorAt(exclusion.where, "the exclusion of bid " + exclusion.bidId +
                                             " gives no reason: write it as the element text"));
        const auto [first, added] = excluded.emplace(exclusion.bidId, exclusion.where);
        if (!added)
            diagnostics.push_back(errorAt(
                exclusion.where, "bid " + exclusion.bidId + " is excluded twice (first at " +
                                     first->second.toString() + "): keep one"));
    }
}

} // namespace

void checkConsistency(const TenderFolder& folder, Diagnostics& diagnostics) {
    const auto& tender = folder.tender;
    const auto facts = factsOf(tender);
    std::set<std::string> tenderReported;
    const auto checkTender = [&](const std::string& named, const SourceLocation& where) {
        if (named == tender.id || where.file.empty() ||
            !tenderReported.insert(where.toString()).second)
            return;
        diagnostics.push_back(errorAt(where, "this file is for tender '" + named +
                                                 "', but tender.xml has id '" + tender.id +
                                                 "': write tender=\"" + tender.id + "\""));
    };

    std::unordered_map<std::string_view, const SourceLocation*> bidIds;
    bidIds.reserve(folder.bids.size());
    for (const auto& bid : folder.bids) {
        checkTender(bid.tenderId, bid.tenderWhere);
        if (const auto [first, added] = bidIds.emplace(bid.id, &bid.where); !added)
            diagnostics.push_back(
                errorAt(bid.where, "bid id '" + bid.id + "' is used twice (first at " +
                                       first->second->toString() + "): give each bid its own id"));
        checkBid(bid, facts, diagnostics);
    }
    checkTender(folder.evaluations.tenderId, folder.evaluations.tenderWhere);
    checkEvaluations(folder, facts, diagnostics);
}

} // namespace fairtender
