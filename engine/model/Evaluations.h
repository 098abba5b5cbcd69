// What the panel recorded, as read from evaluations.xml (spec section 4): individual
// evaluator scores with reasons, moderated consensus scores, deliverability factors on
// social value commitments, decisions on abnormally low prices, and bids excluded after
// the evaluation (a final check failed, a withdrawal).
#pragma once

#include "core/Date.h"
#include "core/Diagnostic.h"

#include <optional>
#include <string>
#include <vector>

namespace fairtender {

struct EvaluatorScore {
    std::string bidId;
    std::string criterionId;
    std::string evaluator;
    double value = 0;
    std::string reason;
    SourceLocation where;
};

struct ConsensusScore {
    std::string bidId;
    std::string criterionId;
    std::string moderator;
    double value = 0;
    std::string reason;
    SourceLocation where;
};

struct DeliverabilityFactor {
    std::string bidId;
    std::string measureId;
    double factor = 1;
    std::string reason;
    SourceLocation where;
};

struct AbnormallyLowDecision {
    std::string bidId;
    bool accept = false;
    std::string reason;
    SourceLocation where;
};

// A bid the buyer excluded after the evaluation: it is then excluded with this reason and
// the others are scored and ranked again without it.
struct ExclusionAfterEvaluation {
    std::string bidId;
    std::string reason;
    std::optional<Date> date; // the day the buyer decided it, when recorded
    SourceLocation where;
    bool withdrawn = false; // the supplier withdrew the bid (rather than it failing a check)
};

struct Evaluations {
    std::vector<EvaluatorScore> scores;
    std::vector<ConsensusScore> consensus;
    std::vector<DeliverabilityFactor> deliverability;
    std::vector<AbnormallyLowDecision> abnormallyLowDecisions;
    std::vector<ExclusionAfterEvaluation> exclusions;
    SourceLocation where;
    std::string tenderId; // the tender the file names, checked across files
    SourceLocation tenderWhere;

    const ConsensusScore* findConsensus(const std::string& bidId,
                                        const std::string& criterionId) const;
    const DeliverabilityFactor* findDeliverability(const std::string& bidId,
                                                   const std::string& measureId) const;
    const AbnormallyLowDecision* findAbnormallyLowDecision(const std::string& bidId) const;
    const ExclusionAfterEvaluation* findExclusion(const std::string& bidId) const;
    // Every evaluator's score for this bid and criterion, in file order.
    std::vector<const EvaluatorScore*> scoresFor(const std::string& bidId,
                                                 const std::string& criterionId) const;
};

} // namespace fairtender
