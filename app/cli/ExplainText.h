// ExplainText: `fairtender evaluate FOLDER --explain BID`, the derivation of one bid's
// result written for an auditor: every criterion's inputs and formula, group subtotals,
// flags with their details, notes and exclusion reasons.
#pragma once

#include "scoring/EvaluationResult.h"

#include <string>

namespace fairtender::cli {

// The explanation of `bid`, which must be one of `result`'s bids.
std::string renderExplanation(const EvaluationResult& result, const BidResult& bid);

} // namespace fairtender::cli
