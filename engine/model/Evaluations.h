// What the panel recorded, as read from evaluations.xml (spec section 4): individual
// evaluator scores with reasons, moderated consensus scores, deliverability factors on
// social value commitments, and decisions on abnormally low prices.
#pragma once

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

struct Evaluations {
    std::vector<EvaluatorScore> scores;
    std::vector<ConsensusScore> consensus;
    std::vector<DeliverabilityFactor> deliverability;
    std::vector<AbnormallyLowDecision> abnormallyLowDecisions;
    SourceLocation where;
    std::string tenderId;                   // the tender the file names, checked across files
    SourceLocation tenderWhere;

    const ConsensusScore* findConsensus(const std::string& bidId, const std::string& criterionId) const;
    const DeliverabilityFactor* findDeliverability(const std::string& bidId, const std::string& measureId) const;
    const AbnormallyLowDecision* findAbnormallyLowDecision(const std::string& bidId) const;
    // Every evaluator's score for this bid and criterion, in file order.
    std::vector<const EvaluatorScore*> scoresFor(const std::string& bidId, const std::string& criterionId) const;
};

} // namespace fairtender
