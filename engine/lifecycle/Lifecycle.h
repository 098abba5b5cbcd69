// Lifecycle: the stages a tender passes through in a workspace (draft, open, evaluation,
// moderation, locked, awarded), the panel that works on it, and the rules saying whether
// the stored data allows the next stage. Pure: the store gathers the facts, these judge them.
#pragma once

#include "model/Bid.h"
#include "model/Evaluations.h"
#include "model/Tender.h"
#include "scoring/EvaluationResult.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace fairtender {

// In order: each stage may only be left for the next one.
enum class LifecycleState { Draft, Open, Evaluation, Moderation, Locked, Awarded };

// "draft", "open", "evaluation", "moderation", "locked", "awarded".
std::string_view toString(LifecycleState state);
// nullopt unless `text` is one of toString's words.
std::optional<LifecycleState> parseLifecycleState(std::string_view text);

enum class PanelRole { Lead, Evaluator, Moderator, Auditor };

// "lead", "evaluator", "moderator", "auditor".
std::string_view toString(PanelRole role);
// nullopt unless `text` is one of toString's words.
std::optional<PanelRole> parsePanelRole(std::string_view text);

// One person on the panel; a person may hold several roles (one member per role).
struct PanelMember {
    std::string name;
    PanelRole role = PanelRole::Evaluator;
};

// One line of a conflict-of-interest declaration: bidId empty means "no conflict".
struct ConflictDeclaration {
    std::string person;
    std::string bidId;
    std::string details;
};

// The panel as stored: members and every declaration line in the order recorded.
struct PanelRecord {
    std::vector<PanelMember> members;
    std::vector<ConflictDeclaration> declarations;

    // True when `name` holds `role`.
    bool hasRole(const std::string& name, PanelRole role) const;
    // True when `name` is on the panel in any role.
    bool isMember(const std::string& name) const;
    // True once `name` has recorded a declaration (none or conflicts).
    bool hasDeclared(const std::string& name) const;
    // The declared conflict of `name` with `bidId`, or nullptr.
    const ConflictDeclaration* conflict(const std::string& name, const std::string& bidId) const;
    // Names holding `role`, in the order added.
    std::vector<std::string> withRole(PanelRole role) const;
};

// One bid and judgement criterion the panel must score.
struct JudgementItem {
    std::string bidId;
    std::string criterionId;
};

// The model's judgement criteria (those the panel scores), in model order.
std::vector<const ModelNode*> judgementCriteria(const Tender& tender);

// Every bid x judgement criterion to score, in bid then model order; bids that fail a
// gate (or give no answer to a gate whose missing answer fails) need no scores.
std::vector<JudgementItem> judgementsNeeded(const Tender& tender, const std::vector<Bid>& bids);

// Whether a bid and criterion is among judgementsNeeded, without listing them all: a
// command checking a few scores of a large tender asks only about those. Holds references
// to `tender` and `bids`, which must outlive it.
class JudgementsNeeded {
public:
    JudgementsNeeded(const Tender& tender, const std::vector<Bid>& bids);
    bool contains(const std::string& bidId, const std::string& criterionId) const;

private:
    const Tender& tender_;
    std::unordered_map<std::string, const Bid*> bids_;
    std::unordered_set<std::string> criteria_;
    mutable std::unordered_map<std::string, bool> scored_; // bid id -> passes every gate
};

// What transitionBlockers judges; `result` is nullptr when the stored inputs do not
// evaluate yet (scores missing, for example).
struct LifecycleFacts {
    const Tender& tender;
    const std::vector<Bid>& bids;
    const Evaluations& evaluations; // the current records (reopened scores left out)
    const PanelRecord& panel;
    const EvaluationResult* result = nullptr;
};

// What stands in the way of moving from `from` to `to`, one line per kind of thing missing
// ("3 consensus scores missing: B2 q1, B3 q1, B5 q2"); empty when the move is allowed.
std::vector<std::string> transitionBlockers(LifecycleState from, LifecycleState to,
                                            const LifecycleFacts& facts);

// The blocker of every move while the panel has no lead.
inline constexpr std::string_view kNoLead =
    "the panel has no lead, and only the lead moves the tender on: add one first";

// What the move from `from` to `to` allows but a reviewer would question (a panel of one
// evaluator), one line each; empty when nothing does.
std::vector<std::string> transitionWarnings(LifecycleState from, LifecycleState to,
                                            const LifecycleFacts& facts);

// Empty while the panel may still change (members added, interests declared), else why not:
// once the results are locked, who evaluated and what they declared is part of the record
// the award rests on ("the results are awarded: the panel can no longer change").
std::string panelChangeProblem(LifecycleState state);

// Empty when `value` is a score the judgement criterion's scale allows (0 to scale-max, on
// the step when it has one), else why not: "score 7 is outside the scale 0 to 5 of q-menu".
std::string scoreScaleProblem(const Tender& tender, const std::string& criterionId, double value);

// "N <many> missing: a, b, c" (or "1 <one> missing: a") listing at most ten, then
// "and N more".
std::string missingLine(const std::string& one, const std::string& many,
                        const std::vector<std::string>& items);

} // namespace fairtender
