#include "lifecycle/Lifecycle.h"

#include "core/Decimal.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

namespace fairtender {

namespace {

// A bid and criterion as the lifecycle checks key them: views into the facts' strings.
using BidCriterion = std::pair<std::string_view, std::string_view>;

constexpr std::array<std::string_view, 6> kStateWords{"draft",      "open",   "evaluation",
                                                      "moderation", "locked", "awarded"};
constexpr std::array<std::string_view, 4> kRoleWords{"lead", "evaluator", "moderator", "auditor"};

bool failsAGate(const Tender& tender, const Bid& bid) {
    bool fails = false;
    forEachNode(tender.model.children, [&](const ModelNode& node) {
        if (node.kind != NodeKind::Gate)
            return;
        const GateAnswer* answer = bid.findGateAnswer(node.id);
        if (answer != nullptr ? !answer->pass : node.missingGateAnswerFails)
            fails = true;
    });
    return fails;
}

} // namespace

std::string_view toString(LifecycleState state) {
    return kStateWords.at(static_cast<std::size_t>(state));
}

std::optional<LifecycleState> parseLifecycleState(std::string_view text) {
    for (std::size_t i = 0; i < kStateWords.size(); ++i)
        if (kStateWords[i] == text)
            return static_cast<LifecycleState>(i);
    return std::nullopt;
}

std::string_view toString(PanelRole role) {
    return kRoleWords.at(static_cast<std::size_t>(role));
}

std::optional<PanelRole> parsePanelRole(std::string_view text) {
    for (std::size_t i = 0; i < kRoleWords.size(); ++i)
        if (kRoleWords[i] == text)
            return static_cast<PanelRole>(i);
    return std::nullopt;
}

bool PanelRecord::hasRole(const std::string& name, PanelRole role) const {
    return std::any_of(members.begin(), members.end(),
                       [&](const PanelMember& m) { return m.name == name && m.role == role; });
}

bool PanelRecord::isMember(const std::string& name) const {
    return std::any_of(members.begin(), members.end(),
                       [&](const PanelMember& m) { return m.name == name; });
}

bool PanelRecord::hasDeclared(const std::string& name) const {
    return std::any_of(declarations.begin(), declarations.end(),
                       [&](const ConflictDeclaration& d) { return d.person == name; });
}

const ConflictDeclaration* PanelRecord::conflict(const std::string& name,
                                                 const std::string& bidId) const {
    for (const auto& d : declarations)
        if (d.person == name && !d.bidId.empty() && d.bidId == bidId)
            return &d;
    return nullptr;
}

std::vector<std::string> PanelRecord::withRole(PanelRole role) const {
    std::vector<std::string> names;
    for (const auto& m : members)
        if (m.role == role && std::find(names.begin(), names.end(), m.name) == names.end())
            names.push_back(m.name);
    return names;
}

std::vector<const ModelNode*> judgementCriteria(const Tender& tender) {
    std::vector<const ModelNode*> criteria;
    forEachNode(tender.model.children, [&](const ModelNode& node) {
        if (node.kind == NodeKind::Criterion && node.criterion.type == CriterionType::Judgement)
            criteria.push_back(&node);
    });
    return criteria;
}

std::vector<JudgementItem> judgementsNeeded(const Tender& tender, const std::vector<Bid>& bids) {
    const auto criteria = judgementCriteria(tender);
    std::vector<JudgementItem> items;
    for (const auto& bid : bids) {
        if (failsAGate(tender, bid))
            continue;
        for (const ModelNode* criterion : criteria)
            items.push_back({bid.id, criterion->id});
    }
    return items;
}

JudgementsNeeded::JudgementsNeeded(const Tender& tender, const std::vector<Bid>& bids)
    : tender_(tender) {
    bids_.reserve(bids.size());
    for (const auto& bid : bids)
        bids_.emplace(bid.id, &bid);
    for (const ModelNode* criterion : judgementCriteria(tender))
        criteria_.insert(criterion->id);
}

bool JudgementsNeeded::contains(const std::string& bidId, const std::string& criterionId) const {
    if (criteria_.count(criterionId) == 0)
        return false;
    const auto bid = bids_.find(bidId);
    if (bid == bids_.end())
        return false;
    const auto known = scored_.find(bidId);
    if (known != scored_.end())
        return known->second;
    return scored_.emplace(bidId, !failsAGate(tender_, *bid->second)).first->second;
}

std::string panelChangeProblem(LifecycleState state) {
    if (state < LifecycleState::Locked)
        return {};
    return "the results are " + std::string(toString(state)) + ": the panel can no longer change";
}

std::string scoreScaleProblem(const Tender& tender, const std::string& criterionId, double value) {
    const ModelNode* node = findNode(tender.model, criterionId);
    if (node == nullptr)
        return "no criterion " + criterionId;
    const auto& c = node->criterion;
    if (value < 0 || value > c.scaleMax)
        return "score " + exactDecimalText(value) + " is outside the scale 0 to " +
               exactDecimalText(c.scaleMax) + " of " + criterionId;
    if (c.scaleStep && *c.scaleStep > 0) {
        const double steps = value / *c.scaleStep;
        if (std::abs(steps - std::round(steps)) > 1e-9)
            return "score " + exactDecimalText(value) + " is not a multiple of the step " +
                   exactDecimalText(*c.scaleStep) + " of " + criterionId;
    }
    return {};
}

std::string missingLine(const std::string& one, const std::string& many,
                        const std::vector<std::string>& items) {
    std::string line =
        std::to_string(items.size()) + " " + (items.size() == 1 ? one : many) + " missing: ";
    const std::size_t shown = std::min<std::size_t>(items.size(), 10);
    for (std::size_t i = 0; i < shown; ++i)
        line += (i == 0 ? "" : ", ") + items[i];
    if (items.size() > shown)
        line += " and " + std::to_string(items.size() - shown) + " more";
    return line;
}

std::vector<std::string> transitionBlockers(LifecycleState from, LifecycleState to,
                                            const LifecycleFacts& facts) {
    std::vector<std::string> blockers;
    if (from == LifecycleState::Awarded) {
        blockers.push_back("the tender is awarded: awarded is the last stage");
        return blockers;
    }
    const auto next = static_cast<LifecycleState>(static_cast<int>(from) + 1);
    if (to != next) {
        blockers.push_back("cannot move from " + std::string(toString(from)) + " to " +
                           std::string(toString(to)) + ": the next stage after " +
                           std::string(toString(from)) + " is " + std::string(toString(next)));
        return blockers;
    }
    const PanelRecord& panel = facts.panel;
    // Every move is the lead's decision, so none can be made without one.
    if (panel.withRole(PanelRole::Lead).empty())
        blockers.push_back(std::string(kNoLead));
    switch (to) {
    case LifecycleState::Draft:
        break;
    case LifecycleState::Open: {
        bool anyCriterion = false;
        forEachNode(facts.tender.model.children, [&](const ModelNode& node) {
            anyCriterion = anyCriterion || node.kind == NodeKind::Criterion;
        });
        if (!anyCriterion)
            blockers.push_back("the evaluation model has no criteria");
        break;
    }
    case LifecycleState::Evaluation: {
        if (facts.bids.empty())
            blockers.push_back("no bids are stored");
        if (panel.withRole(PanelRole::Evaluator).empty())
            blockers.push_back("the panel has no evaluator: add one first");
        // Everyone on the panel declares, the lead and auditors too: the lead decides
        // abnormally low prices and may moderate, and an auditor reads every score.
        std::vector<std::string> undeclared;
        for (const auto& member : panel.members)
            if (!panel.hasDeclared(member.name) &&
                std::find(undeclared.begin(), undeclared.end(), member.name) == undeclared.end())
                undeclared.push_back(member.name);
        if (!undeclared.empty())
            blockers.push_back(missingLine("conflict-of-interest declaration",
                                           "conflict-of-interest declarations", undeclared));
        break;
    }
    case LifecycleState::Moderation: {
        std::vector<std::string> missing;
        std::vector<std::string> unscoreable;
        const auto evaluators = panel.withRole(PanelRole::Evaluator);
        // Indexed once: a large tender has hundreds of thousands of scores to look up.
        std::map<BidCriterion, std::set<std::string_view>> scoredBy;
        for (const auto& score : facts.evaluations.scores)
            scoredBy[{score.bidId, score.criterionId}].insert(score.evaluator);
        const std::set<std::string_view> nobody;
        for (const auto& item : judgementsNeeded(facts.tender, facts.bids)) {
            const auto found = scoredBy.find({item.bidId, item.criterionId});
            const auto& scorers = found == scoredBy.end() ? nobody : found->second;
            bool anyFree = false;
            for (const auto& evaluator : evaluators) {
                if (panel.conflict(evaluator, item.bidId) != nullptr)
                    continue;
                anyFree = true;
                if (scorers.count(evaluator) == 0)
                    missing.push_back(item.bidId + " " + item.criterionId + " " + evaluator);
            }
            if (!anyFree && scorers.empty())
                unscoreable.push_back(item.bidId + " " + item.criterionId);
        }
        if (!missing.empty())
            blockers.push_back(missingLine("evaluator score", "evaluator scores", missing));
        if (!unscoreable.empty())
            blockers.push_back(missingLine("score from an evaluator without a conflict",
                                           "scores from an evaluator without a conflict",
                                           unscoreable));
        break;
    }
    case LifecycleState::Locked: {
        std::vector<std::string> missing;
        std::set<BidCriterion> agreed;
        for (const auto& consensus : facts.evaluations.consensus)
            agreed.insert({consensus.bidId, consensus.criterionId});
        for (const auto& item : judgementsNeeded(facts.tender, facts.bids))
            if (agreed.count({item.bidId, item.criterionId}) == 0)
                missing.push_back(item.bidId + " " + item.criterionId);
        if (!missing.empty())
            blockers.push_back(missingLine("consensus score", "consensus scores", missing));
        if (facts.result == nullptr) {
            blockers.push_back("the stored inputs do not evaluate yet");
            break;
        }
        std::set<std::string_view> decided;
        for (const auto& decision : facts.evaluations.abnormallyLowDecisions)
            decided.insert(decision.bidId);
        std::vector<std::string> undecided;
        for (const auto& bid : facts.result->bids)
            if (bid.hasFlag(FlagKind::AbnormallyLow) && decided.count(bid.bidId) == 0)
                undecided.push_back(bid.bidId);
        if (!undecided.empty())
            blockers.push_back(missingLine("abnormally-low decision (decide-abnormally-low)",
                                           "abnormally-low decisions (decide-abnormally-low)",
                                           undecided));
        break;
    }
    case LifecycleState::Awarded:
        if (facts.result == nullptr)
            blockers.push_back("the stored inputs do not evaluate");
        else if (!facts.result->winnerId)
            blockers.push_back("no single first-ranked bid to award: first place is tied or no "
                               "bid is ranked");
        break;
    }
    return blockers;
}

std::vector<std::string> transitionWarnings(LifecycleState from, LifecycleState to,
                                            const LifecycleFacts& facts) {
    std::vector<std::string> warnings;
    if (from == LifecycleState::Open && to == LifecycleState::Evaluation) {
        const std::size_t evaluators = facts.panel.withRole(PanelRole::Evaluator).size();
        if (evaluators == 1)
            warnings.push_back("the panel has one evaluator: every judgement rests on one "
                               "person's score, with no second view to moderate against; add "
                               "another evaluator before the scores come in");
    }
    return warnings;
}

} // namespace fairtender
