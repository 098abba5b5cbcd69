#include "scoring/EvaluationResult.h"

#include <algorithm>

namespace fairtender {

std::string_view toString(FlagKind kind) {
    switch (kind) {
    case FlagKind::AbnormallyLow:
        return "abnormally-low";
    case FlagKind::EvaluatorSpread:
        return "evaluator-spread";
    case FlagKind::Unmoderated:
        return "unmoderated";
    case FlagKind::TieUnresolved:
        return "tie-unresolved";
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

const BidResult* EvaluationResult::findBid(const std::string& bidId) const {
    for (const auto& b : bids)
        if (b.bidId == bidId)
            return &b;
    return nullptr;
}

std::size_t EvaluationResult::rankedCount() const {
    return static_cast<std::size_t>(std::count_if(bids.begin(), bids.end(), [](const BidResult& b) {
        return b.status == BidStatus::Ranked;
    }));
}

std::optional<std::size_t> EvaluationResult::leafIndex(const std::string& criterionId) const {
    for (std::size_t i = 0; i < leaves.size(); ++i)
        if (leaves[i].criterionId == criterionId)
            return i;
    return std::nullopt;
}

std::optional<std::size_t> EvaluationResult::groupIndex(const std::string& groupId) const {
    for (std::size_t i = 0; i < groups.size(); ++i)
        if (groups[i].groupId == groupId)
            return i;
    return std::nullopt;
}

const CriterionResult* EvaluationResult::criterionOf(const BidResult& bid,
                                                     const std::string& criterionId) const {
    const auto index = leafIndex(criterionId);
    return index && *index < bid.criteria.size() ? &bid.criteria[*index] : nullptr;
}

const GroupResult* EvaluationResult::groupOf(const BidResult& bid,
                                             const std::string& groupId) const {
    const auto index = groupIndex(groupId);
    return index && *index < bid.groups.size() ? &bid.groups[*index] : nullptr;
}

} // namespace fairtender
