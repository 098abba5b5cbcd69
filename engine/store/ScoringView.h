// ScoringView: the scoring as one person sees it: every judgement criterion with its scale
// and descriptors, and for each stored bid and criterion whether it is scored at all (not
// when the bid failed a gate), the person's declared conflict with the bid, their own score,
// every score they may read and, when others' are hidden, the engine's reason. The desktop's
// Scoring screen shows it from a workspace here; a server sends it to the account asking,
// so that what the person may not read never leaves the server.
#pragma once

#include "store/Workspace.h"

#include <optional>
#include <string>
#include <vector>

namespace fairtender {

// A judgement criterion of the model: what an evaluator scores against.
struct JudgementCriterion {
    std::string id;
    std::string title;
    double scaleMax = 0;
    std::optional<double> step;
    std::vector<Descriptor> descriptors;
};

// One bid x judgement criterion as the person sees it.
struct JudgementCell {
    bool needed = false;  // false when the bid failed a gate: nothing to score
    std::string conflict; // the person's declared conflict with the bid, empty when none
    std::optional<EvaluatorScore> own;
    std::vector<EvaluatorScore> seen; // every score the person may read (own included)
    std::string hiddenBecause;        // the engine's reason when others' scores are hidden
};

struct ScoringView {
    std::vector<std::string> bidIds; // stored order
    std::vector<BidView> bidViews;   // as the person sees them; empty when not on the panel
    std::vector<JudgementCriterion> criteria;
    std::vector<JudgementCell> cells; // bidIds.size() x criteria.size(), row by row
};

// The view from what was already read: the folder (Workspace::loadFolder's or evaluate()'s),
// the panel and the stage, and the scores `person` may read (Workspace::scoresSeenIn), null
// when they are not on the panel (the cells then hold no scores).
ScoringView scoringViewOf(const TenderFolder& folder, const PanelRecord& panel,
                          LifecycleState state, const std::string& person, bool anonymous,
                          const ScoresSeenGrid* scores);

// The same read from `workspace` for `person`; nullopt with the problems when its stored
// inputs cannot be read as a folder.
std::optional<ScoringView> scoringViewFor(const Workspace& workspace, const std::string& person,
                                          bool anonymous, const LivingWageTable* rates,
                                          Diagnostics& problems);

} // namespace fairtender
