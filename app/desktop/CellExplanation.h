// CellExplanation: the words and numbers behind one cell of the results ranking, for the
// explanation panel. Every figure comes from the engine's result and derive(); nothing is
// scored again here.
#pragma once

#include "desktop/RankingColumns.h"
#include "io/xml/TenderFolder.h"
#include "scoring/EvaluationResult.h"

#include <string>

namespace fairtender::desktop {

// Plain text explaining `column` for `bid`: a criterion's formula with its inputs, a group's
// or the total's sum of rounded points, the flags, or the bid's status and exclusion reasons.
// `folder` must be the one `result` was evaluated from.
std::string explainCell(const TenderFolder& folder, const EvaluationResult& result,
                        const BidResult& bid, const RankingColumn& column);

} // namespace fairtender::desktop
