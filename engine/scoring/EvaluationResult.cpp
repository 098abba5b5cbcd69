#include "scoring/EvaluationResult.h"

#include <algorithm>

namespace fairtender {

std::string_view toString(FlagKind kind) {
    switch (kind) {
    case FlagKind::AbnormallyLow: return "abnormally-low";
    case FlagKind::EvaluatorSpread: return "evaluator-spread";
    case FlagKind::Unmoderated: return "unmoderated";
    case FlagKind::TieUnresolved: return "tie-unresolved";
    }
    return "unknown";
}

std::string_view toString(BidStatus status) {
    return status == BidStatus::Ranked ? "ranked" : "excluded";
}

std::string BidResult::exclusionReason() const {
    std::string joined;
    for (const auto& reason : exclusionReasons)
        joined += (joined.empty() ? "" : "; ") + reason;
    return joined;
}

bool BidResult::hasFlag(FlagKind kind) const {
    return std::any_of(flags.begin(), flags.end(), [&](const Flag& f) { return f.kind == kind; });
}

const CriterionResult* BidResult::findCriterion(const std::string& criterionId) const {
    for (const auto& c : criteria)
        if (c.criterionId == criterionId)
            return &c;
    return nullptr;
}

const BidResult* EvaluationResult::findBid(const std::string& bidId) const {
    for (const auto& b : bids)
        if (b.bidId == bidId)
            return &b;
    return nullptr;
}

} // namespace fairtender
