#include "lifecycle/AbnormallyLowPrices.h"

#include "audit/AuditRecords.h"

#include <algorithm>
#include <map>

namespace fairtender {

std::string AbnormallyLowPrice::resolution() const {
    if (!decision)
        return "no decision recorded";
    return std::string(decision->accept ? "accepted" : "rejected") +
           (decidedBy.empty() ? "" : " by " + decidedBy) + ": " + decision->reason;
}

std::vector<AbnormallyLowPrice> abnormallyLowPrices(const EvaluationResult& result,
                                                    const Evaluations& evaluations,
                                                    const std::vector<AuditEntry>& log) {
    const std::map<std::string, std::string> decidedBy = abnormallyLowDeciders(log);
    const auto withDecision = [&](AbnormallyLowPrice price) {
        if (const auto* d = evaluations.findAbnormallyLowDecision(price.bidId)) {
            price.decision = *d;
            if (const auto who = decidedBy.find(price.bidId); who != decidedBy.end())
                price.decidedBy = who->second;
        }
        return price;
    };

    std::vector<AbnormallyLowPrice> prices;
    for (const auto& bid : result.bids)
        for (const auto& flag : bid.flags)
            if (flag.kind == FlagKind::AbnormallyLow)
                prices.push_back(withDecision({bid.bidId, flag.criterionId, flag.detail, {}, {}}));
    for (const auto& d : evaluations.abnormallyLowDecisions)
        if (std::none_of(prices.begin(), prices.end(),
                         [&](const AbnormallyLowPrice& p) { return p.bidId == d.bidId; }))
            prices.push_back(
                withDecision({d.bidId, {}, "price examined as abnormally low", {}, {}}));
    return prices;
}

} // namespace fairtender
