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
// Reports, rather than guesses, every input a non-excluded bid lacks.
EvaluationOutcome evaluate(const Tender& tender, const std::vector<Bid>& bids,
                           const Evaluations& evaluations);

} // namespace fairtender
