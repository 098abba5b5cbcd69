// Lint: warnings about a model that is valid but unwise or in need of a recorded
// justification. They never stop an evaluation.
#pragma once

#include "core/Diagnostic.h"
#include "model/Tender.h"

namespace fairtender {

// Warnings for: social value weighted under 10% (PPN 06/20, PPN 002 minimum); an
// ownership criterion with weight > 0 (needs a relevance and proportionality note under
// Procurement Act 2023 s.23); a judgement scale with no descriptors; a price weight
// outside 20-80%.
Diagnostics lintModel(const Tender& tender);

} // namespace fairtender
