#include "model/Evaluations.h"

namespace fairtender {

const ConsensusScore* Evaluations::findConsensus(const std::string& bidId,
                                                 const std::string& criterionId) const {
    for (const auto& c : consensus)
        if (c.bidId == bidId && c.criterionId == criterionId)
            return &c;
    return nullptr;
}

const DeliverabilityFactor* Evaluations::findDeliverability(const std::string& bidId,
                                                            const std::string& measureId) const {
    for (const auto& d : deliverability)
        if (d.bidId == bidId && d.measureId == measureId)
            return &d;
    return nullptr;
}

const AbnormallyLowDecision*
Evaluations::findAbnormallyLowDecision(const std::string& bidId) const {
    for (const auto& d : abnormallyLowDecisions)
        if (d.bidId == bidId)
            return &d;
    return nullptr;
}

const ExclusionAfterEvaluation* Evaluations::findExclusion(const std::string& bidId) const {
    for (const auto& e : exclusions)
        if (e.bidId == bidId)
            return &e;
    return nullptr;
}

std::vector<const EvaluatorScore*> Evaluations::scoresFor(const std::string& bidId,
                                                          const std::string& criterionId) const {
    std::vector<const EvaluatorScore*> found;
    for (const auto& s : scores)
        if (s.bidId == bidId && s.criterionId == criterionId)
            found.push_back(&s);
    return found;
}

} // namespace fairtender
