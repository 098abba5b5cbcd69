#include "model/Bid.h"

namespace fairtender {

const GateAnswer* Bid::findGateAnswer(const std::string& gateId) const {
    for (const auto& answer : gateAnswers)
        if (answer.gateId == gateId)
            return &answer;
    return nullptr;
}

} // namespace fairtender
