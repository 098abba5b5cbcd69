// ExplainText: `fairtender evaluate FOLDER --explain BID`, the derivation of one bid's
// result written for an auditor: every criterion's inputs and formula, group subtotals,
// flags with their details, notes and exclusion reasons.
#pragma once

#include "model/Bid.h"
#include "model/Evaluations.h"
#include "model/Tender.h"
#include "scoring/EvaluationResult.h"

#include <string>
#include <vector>

namespace fairtender::cli {

// The explanation of `bid`, which must be one of `result`'s bids; `tender`, `bids` and
// `evaluations` are what the result was evaluated from (its formulas are rendered from them).
std::string renderExplanation(const EvaluationResult& result, const BidResult& bid,
                              const Tender& tender, const std::vector<Bid>& bids,
                              const Evaluations& evaluations);

} // namespace fairtender::cli
