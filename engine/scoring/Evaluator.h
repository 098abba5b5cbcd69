// evaluate(): the spec's pipeline (section 2) over a loaded tender, its bids and the
// panel's evaluations: exclude, apply thresholds, score relatively over eligible bids,
// flag, round and rank. Pure: no I/O.
#pragma once

#include "core/Diagnostic.h"
#include "model/Bid.h"
#include "model/Evaluations.h"
#include "model/Tender.h"
#include "scoring/EvaluationResult.h"

#include <optional>
#include <vector>

namespace fairtender {

struct EvaluationOutcome {
    std::optional<EvaluationResult> result; // nullopt when diagnostics hold an error
    Diagnostics diagnostics;                // e.g. an input missing for a bid that is not excluded

    bool ok() const { return result.has_value(); }
};

// Expects inputs that passed the file and cross-reference checks (loadTenderFolder).
// Reports, rather than guesses, every input a non-excluded bid lacks, and every
// abnormally-low decision on a bid whose price the engine does not flag.
EvaluationOutcome evaluate(const Tender& tender, const std::vector<Bid>& bids,
                           const Evaluations& evaluations);

// True when `bidId`'s price is flagged abnormally low with its own decision set aside (the
// other bids' decisions kept, bids excluded after the evaluation put back, as they stood when
// prices were examined): the bids an abnormally-low decision may be recorded for. nullopt
// when the inputs do not evaluate yet (scores still missing, for example).
std::optional<bool> flaggedForDecision(const Tender& tender, const std::vector<Bid>& bids,
                                       const Evaluations& evaluations, const std::string& bidId);

} // namespace fairtender
