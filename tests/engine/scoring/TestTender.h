// Builders for tenders, bids and evaluations in scoring tests: the XML reader is not
// involved, so each test states only the model and inputs its rule needs.
#pragma once

#include "model/Bid.h"
#include "model/Evaluations.h"
#include "model/Tender.h"
#include "scoring/Derivation.h"
#include "scoring/Evaluator.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace fairtender::test {

inline Money money(const char* text) {
    return *Money::parse(text);
}

inline ModelNode criterion(std::string id, CriterionType type, double weight) {
    ModelNode node;
    node.kind = NodeKind::Criterion;
    node.id = std::move(id);
    node.weight = weight;
    node.criterion.type = type;
    return node;
}

inline ModelNode price(std::string id, double weight,
                       PriceMethod method = PriceMethod::LowestRelative) {
    ModelNode node = criterion(std::move(id), CriterionType::Price, weight);
    node.criterion.priceMethod = method;
    return node;
}

inline ModelNode judgement(std::string id, double weight, double scaleMax = 5) {
    ModelNode node = criterion(std::move(id), CriterionType::Judgement, weight);
    node.criterion.scaleMax = scaleMax;
    return node;
}

inline ModelNode group(std::string id, double weight, std::vector<ModelNode> children) {
    ModelNode node;
    node.kind = NodeKind::Group;
    node.id = std::move(id);
    node.weight = weight;
    node.children = std::move(children);
    return node;
}

inline ModelNode gate(std::string id) {
    ModelNode node;
    node.kind = NodeKind::Gate;
    node.id = std::move(id);
    return node;
}

inline Measure measure(std::string id, const char* proxy) {
    Measure m;
    m.id = std::move(id);
    m.proxy = money(proxy);
    return m;
}

inline ModelNode socialValue(std::string id, double weight, std::vector<Measure> measures,
                             SocialValueMethod method = SocialValueMethod::RelativeToHighest) {
    ModelNode node = criterion(std::move(id), CriterionType::SocialValue, weight);
    node.criterion.measures = std::move(measures);
    node.criterion.socialValueMethod = method;
    return node;
}

inline ModelNode location(std::string id, double weight, std::vector<LocalityBand> bands,
                          double otherwise = 0) {
    ModelNode node = criterion(std::move(id), CriterionType::Locality, weight);
    node.criterion.bands = std::move(bands);
    node.criterion.otherwise = otherwise;
    return node;
}

inline ModelNode localSpend(std::string id, double weight) {
    ModelNode node = criterion(std::move(id), CriterionType::Locality, weight);
    node.criterion.localityMethod = LocalityMethod::LocalSpend;
    return node;
}

inline ModelNode livingWage(std::string id, double weight) {
    return criterion(std::move(id), CriterionType::LivingWage, weight);
}

inline ModelNode ownership(std::string id, double weight, std::vector<OwnershipScore> scores,
                           double otherwise = 0) {
    ModelNode node = criterion(std::move(id), CriterionType::Ownership, weight);
    node.criterion.ownershipScores = std::move(scores);
    node.criterion.otherwise = otherwise;
    return node;
}

inline Area area(std::string id, std::string name, std::vector<const char*> prefixes) {
    Area a;
    a.id = std::move(id);
    a.name = std::move(name);
    for (const char* prefix : prefixes)
        a.prefixes.push_back(*PostcodePrefix::parse(prefix));
    return a;
}

inline Tender tender(std::vector<ModelNode> nodes) {
    Tender t;
    t.id = "T-1";
    t.model.children = std::move(nodes);
    return t;
}

inline LivingWageRate ukRate() {
    LivingWageRate rate;
    rate.hourly = money("13.45");
    rate.statutoryMinimum = money("12.21");
    return rate;
}

inline Bid bid(std::string id, const char* priceText = nullptr) {
    Bid b;
    b.id = std::move(id);
    b.supplier.name = "Supplier " + b.id;
    b.where = {"bids/" + b.id + ".xml", 2, 3};
    if (priceText)
        b.price = money(priceText);
    return b;
}

inline void consensus(Evaluations& evaluations, std::string bidId, std::string criterionId,
                      double value) {
    ConsensusScore c;
    c.bidId = std::move(bidId);
    c.criterionId = std::move(criterionId);
    c.moderator = "M1";
    c.value = value;
    evaluations.consensus.push_back(std::move(c));
}

inline void score(Evaluations& evaluations, std::string bidId, std::string criterionId,
                  std::string evaluator, double value) {
    EvaluatorScore s;
    s.bidId = std::move(bidId);
    s.criterionId = std::move(criterionId);
    s.evaluator = std::move(evaluator);
    s.value = value;
    evaluations.scores.push_back(std::move(s));
}

inline void decision(Evaluations& evaluations, std::string bidId, bool accept, std::string reason) {
    AbnormallyLowDecision d;
    d.bidId = std::move(bidId);
    d.accept = accept;
    d.reason = std::move(reason);
    evaluations.abnormallyLowDecisions.push_back(std::move(d));
}

// Evaluates and fails the test if the pipeline reported errors.
inline EvaluationResult evaluateOk(const Tender& t, const std::vector<Bid>& bids,
                                   const Evaluations& evaluations = {}) {
    EvaluationOutcome outcome = evaluate(t, bids, evaluations);
    EXPECT_TRUE(outcome.ok()) << (outcome.diagnostics.empty()
                                      ? std::string()
                                      : outcome.diagnostics.front().toString());
    return outcome.result ? std::move(*outcome.result) : EvaluationResult{};
}

// The points of one leaf for one bid; -1 when the bid or leaf is missing.
inline double pointsOf(const EvaluationResult& result, const std::string& bidId,
                       const std::string& criterionId) {
    const BidResult* b = result.findBid(bidId);
    const CriterionResult* c = b ? result.criterionOf(*b, criterionId) : nullptr;
    return c ? c->points : -1;
}

inline double scoreOf(const EvaluationResult& result, const std::string& bidId,
                      const std::string& criterionId) {
    const BidResult* b = result.findBid(bidId);
    const CriterionResult* c = b ? result.criterionOf(*b, criterionId) : nullptr;
    return c ? c->score : -1;
}

// The derivation of one leaf for one bid, rendered from what the result was evaluated from;
// empty when the bid or leaf is missing.
inline Derivation derivationOf(const EvaluationResult& result, const Tender& t,
                               const std::vector<Bid>& bids, const Evaluations& evaluations,
                               const std::string& bidId, const std::string& criterionId) {
    const BidResult* b = result.findBid(bidId);
    const auto leaf = result.leafIndex(criterionId);
    const Bid* source = b ? inputBidOf(*b, bids) : nullptr;
    if (!b || !leaf || !source)
        return {};
    return derive(result, *b, *leaf, t, *source, evaluations);
}

inline std::string formulaOf(const EvaluationResult& result, const Tender& t,
                             const std::vector<Bid>& bids, const Evaluations& evaluations,
                             const std::string& bidId, const std::string& criterionId) {
    return derivationOf(result, t, bids, evaluations, bidId, criterionId).formula;
}

} // namespace fairtender::test
