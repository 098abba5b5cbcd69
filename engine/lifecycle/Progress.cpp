#include "lifecycle/Progress.h"

#include <map>
#include <set>
#include <tuple>
#include <utility>

namespace fairtender {

namespace {

using BidCriterion = std::pair<std::string, std::string>;

std::set<BidCriterion> agreedPairs(const Evaluations& evaluations) {
    std::set<BidCriterion> agreed;
    for (const auto& c : evaluations.consensus)
        agreed.emplace(c.bidId, c.criterionId);
    return agreed;
}

} // namespace

EvaluationProgress evaluationProgress(const LifecycleFacts& facts, LifecycleState state) {
    EvaluationProgress progress;
    progress.state = state;
    progress.rankingFinal = state == LifecycleState::Locked || state == LifecycleState::Awarded;
    progress.evaluators = facts.panel.withRole(PanelRole::Evaluator);
    const std::size_t people = progress.evaluators.size();
    progress.scored.assign(people, 0);
    progress.needed.assign(people, 0);

    std::set<std::tuple<std::string, std::string, std::string>> scoredBy; // bid, crit, person
    for (const auto& s : facts.evaluations.scores)
        scoredBy.emplace(s.bidId, s.criterionId, s.evaluator);
    const auto agreed = agreedPairs(facts.evaluations);
    std::map<std::string, std::size_t> criterionAt;
    for (const ModelNode* node : judgementCriteria(facts.tender)) {
        criterionAt[node->id] = progress.criteria.size();
        CriterionProgress c;
        c.criterionId = node->id;
        c.title = node->displayName();
        c.scored.assign(people, 0);
        c.needed.assign(people, 0);
        progress.criteria.push_back(std::move(c));
    }
    for (const auto& item : judgementsNeeded(facts.tender, facts.bids)) {
        CriterionProgress& c = progress.criteria[criterionAt.at(item.criterionId)];
        ++c.bids;
        ++progress.consensusNeeded;
        if (agreed.count({item.bidId, item.criterionId}) != 0) {
            ++c.consensus;
            ++progress.consensusAgreed;
        }
        for (std::size_t e = 0; e < people; ++e) {
            if (facts.panel.conflict(progress.evaluators[e], item.bidId) != nullptr)
                continue;
            ++c.needed[e];
            ++progress.needed[e];
            if (scoredBy.count({item.bidId, item.criterionId, progress.evaluators[e]}) != 0) {
                ++c.scored[e];
                ++progress.scored[e];
            }
        }
    }
    if (state != LifecycleState::Awarded) {
        progress.next = static_cast<LifecycleState>(static_cast<int>(state) + 1);
        progress.blockers = transitionBlockers(state, *progress.next, facts);
    }
    return progress;
}

std::vector<TodoItem> todoOf(const LifecycleFacts& facts, LifecycleState state,
                             const std::string& person) {
    std::vector<TodoItem> todo;
    const PanelRecord& panel = facts.panel;
    const auto items = judgementsNeeded(facts.tender, facts.bids);
    // Everyone on the panel declares, before the evaluation or on joining it later.
    if (state < LifecycleState::Locked && panel.isMember(person) && !panel.hasDeclared(person))
        todo.push_back({{}, {}, "declaration of interests"});
    if (state == LifecycleState::Evaluation && panel.hasRole(person, PanelRole::Evaluator)) {
        std::set<BidCriterion> mine;
        for (const auto& s : facts.evaluations.scores)
            if (s.evaluator == person)
                mine.emplace(s.bidId, s.criterionId);
        for (const auto& item : items)
            if (panel.conflict(person, item.bidId) == nullptr &&
                mine.count({item.bidId, item.criterionId}) == 0)
                todo.push_back({item.bidId, item.criterionId, "score"});
    }
    if (state == LifecycleState::Moderation &&
        (panel.hasRole(person, PanelRole::Moderator) || panel.hasRole(person, PanelRole::Lead))) {
        const auto agreed = agreedPairs(facts.evaluations);
        for (const auto& item : items)
            if (panel.conflict(person, item.bidId) == nullptr &&
                agreed.count({item.bidId, item.criterionId}) == 0)
                todo.push_back({item.bidId, item.criterionId, "consensus"});
    }
    if ((state == LifecycleState::Evaluation || state == LifecycleState::Moderation) &&
        panel.hasRole(person, PanelRole::Lead) && facts.result != nullptr) {
        std::set<std::string> decided;
        for (const auto& d : facts.evaluations.abnormallyLowDecisions)
            decided.insert(d.bidId);
        for (const auto& bid : facts.result->bids)
            if (bid.hasFlag(FlagKind::AbnormallyLow) && decided.count(bid.bidId) == 0 &&
                panel.conflict(person, bid.bidId) == nullptr)
                todo.push_back({bid.bidId, {}, "abnormally-low decision"});
    }
    return todo;
}

} // namespace fairtender
