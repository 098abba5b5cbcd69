#include "lifecycle/PanelViews.h"

namespace fairtender {

namespace {

bool blindRole(PanelRole role) {
    return role == PanelRole::Evaluator || role == PanelRole::Moderator;
}

bool resultsLocked(LifecycleState state) {
    return state == LifecycleState::Locked || state == LifecycleState::Awarded;
}

} // namespace

bool pricesVisible(PanelRole role, LifecycleState state) {
    return !blindRole(role) || resultsLocked(state);
}

bool identitiesVisible(PanelRole role, LifecycleState state, bool anonymous) {
    return !anonymous || !blindRole(role) || resultsLocked(state);
}

std::string anonymousLabel(std::size_t index) {
    std::string letters;
    std::size_t n = index + 1;
    while (n > 0) {
        --n;
        letters.insert(letters.begin(), static_cast<char>('A' + n % 26));
        n /= 26;
    }
    return "Bid " + letters;
}

std::vector<BidView> bidViews(const std::vector<Bid>& bids, PanelRole role, LifecycleState state,
                              bool anonymous) {
    const bool showPrice = pricesVisible(role, state);
    const bool showIdentity = identitiesVisible(role, state, anonymous);
    std::vector<BidView> views;
    views.reserve(bids.size());
    for (std::size_t i = 0; i < bids.size(); ++i) {
        BidView view;
        if (showIdentity) {
            view.label = bids[i].id;
            view.bidId = bids[i].id;
            view.supplierName = bids[i].supplier.name;
        } else {
            view.label = anonymousLabel(i);
        }
        view.priceHidden = !showPrice;
        if (showPrice)
            view.price = bids[i].price;
        views.push_back(std::move(view));
    }
    return views;
}

bool mayReadOthersScores(PanelRole role, bool submittedOwn) {
    return role != PanelRole::Evaluator || submittedOwn;
}

} // namespace fairtender
