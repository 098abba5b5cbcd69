// AbnormallyLowPrices: the prices the engine flagged as abnormally low and what the lead
// decided on each, read the same way by the award report and the screen where the lead
// decides, so the two never disagree about which prices were examined.
#pragma once

#include "audit/AuditChain.h"
#include "model/Evaluations.h"
#include "scoring/EvaluationResult.h"

#include <optional>
#include <string>
#include <vector>

namespace fairtender {

struct AbnormallyLowPrice {
    std::string bidId;
    std::string criterionId; // the flagged price criterion; empty once decided
    std::string finding;     // the flag's finding (it quotes prices), or why the bid is listed
    std::optional<AbnormallyLowDecision> decision;
    std::string decidedBy; // who recorded the decision, from the audit trail; empty if unknown

    // "accepted by Ann Lee: <reason>", "rejected: <reason>" or "no decision recorded".
    std::string resolution() const;
};

// Every price the result flags and not yet decided, in the result's bid order, then every
// decided price (a decision clears the flag: accepted, the bid is ranked; rejected, excluded).
std::vector<AbnormallyLowPrice> abnormallyLowPrices(const EvaluationResult& result,
                                                    const Evaluations& evaluations,
                                                    const std::vector<AuditEntry>& log);

} // namespace fairtender
