// Lint: warnings about a model that is valid but unwise or in need of a recorded
// justification. They never stop an evaluation.
#pragma once

#include "core/Diagnostic.h"
#include "model/Tender.h"
#include "scoring/EvaluationResult.h"

namespace fairtender {

// Warnings for: social value weighted under 10% (PPN 06/20, PPN 002 minimum); an
// ownership criterion with weight > 0 (needs a relevance and proportionality note under
// Procurement Act 2023 s.23); a judgement scale with no descriptors; a price weight
// outside 20-80%.
Diagnostics lintModel(const Tender& tender);

// Warnings about an evaluated award: a close call (a margin under the model's
// close-margin, or first place tied), which the lead must justify in the record before the
// award stands; coded kCloseCallCode. It tells the results: a workspace gives it once they
// are locked.
Diagnostics lintAward(const Tender& tender, const EvaluationResult& result);
inline constexpr std::string_view kCloseCallCode = "lint.close-call";

} // namespace fairtender
