// Progress: how far the panel has got while a tender is evaluated in a workspace, for the
// screens and commands that show an evaluation in progress instead of results that are not
// final: each evaluator's scores in per judgement criterion, the consensus agreed, what
// stands in the way of the next stage, and what one person has left to do. Pure: the store
// gathers the facts, this counts them.
#pragma once

#include "lifecycle/Lifecycle.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace fairtender {

// One judgement criterion: how many bids each evaluator has scored of those they score.
struct CriterionProgress {
    std::string criterionId;
    std::string title;
    std::vector<std::size_t> scored; // per evaluator, in EvaluationProgress::evaluators order
    std::vector<std::size_t> needed; // per evaluator: the bids to score, conflicts left out
    std::size_t consensus = 0;       // bids with a consensus score agreed
    std::size_t bids = 0;            // bids that need a consensus (those not failing a gate)
};

struct EvaluationProgress {
    LifecycleState state = LifecycleState::Draft;
    std::vector<std::string> evaluators; // the panel's evaluators, in the order added
    std::vector<CriterionProgress> criteria;
    std::vector<std::size_t> scored; // per evaluator, over every criterion
    std::vector<std::size_t> needed;
    std::size_t consensusAgreed = 0;
    std::size_t consensusNeeded = 0;
    std::optional<LifecycleState> next; // nullopt once awarded
    std::vector<std::string> blockers;  // what the move to `next` still needs
    // True once the results are locked: only then is a ranking final and shown.
    bool rankingFinal = false;
};

// The progress of the evaluation at `state`, from the stored facts.
EvaluationProgress evaluationProgress(const LifecycleFacts& facts, LifecycleState state);

// One thing a panel member has left to do.
struct TodoItem {
    std::string bidId;       // empty for a declaration of interests
    std::string criterionId; // empty for an abnormally low price to decide
    std::string what; // "score", "consensus", "abnormally-low decision", "declaration of interests"
};

// What `person` has left to do at `state`: until the results are locked, their declaration
// of interests if they have not made one; as an evaluator during evaluation, every bid and
// judgement criterion they score and have not (conflicts left out); as a moderator or the
// lead during moderation, every consensus not yet agreed on a bid they have no conflict
// with, and for the lead every flagged price not yet decided. Empty when nothing is left
// or the stage asks nothing of them.
std::vector<TodoItem> todoOf(const LifecycleFacts& facts, LifecycleState state,
                             const std::string& person);

} // namespace fairtender
