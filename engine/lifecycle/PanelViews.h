// PanelViews: what one panel member may see while the tender is evaluated: quality
// evaluators and moderators see no prices until the results are locked (price-blind), may
// see bids as "Bid A", "Bid B" (anonymous evaluation), and an evaluator reads others'
// scores for a bid and criterion only after submitting its own (independent scoring).
#pragma once

#include "lifecycle/Lifecycle.h"
#include "model/Bid.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace fairtender {

// One bid as a panel member sees it; hidden fields are empty.
struct BidView {
    std::string label;        // the bid id, or "Bid A" when anonymous
    std::string bidId;        // empty when anonymous
    std::string supplierName; // empty when anonymous
    std::optional<Money> price;
    bool priceHidden = false;
};

// True for the lead and auditors always; for evaluators and moderators once the results
// are locked.
bool pricesVisible(PanelRole role, LifecycleState state);

// True unless the tender is evaluated anonymously, the viewer is an evaluator or moderator
// and the results are not yet locked.
bool identitiesVisible(PanelRole role, LifecycleState state, bool anonymous);

// "Bid A" ... "Bid Z", "Bid AA", "Bid AB" ... for the bid at `index` in stored order.
std::string anonymousLabel(std::size_t index);

// The bids in stored order as a member with `role` sees them at `state`.
std::vector<BidView> bidViews(const std::vector<Bid>& bids, PanelRole role, LifecycleState state,
                              bool anonymous);

// True when `viewer` may read the other evaluators' scores on one bid and criterion:
// always for the lead, moderators and auditors; for an evaluator only once it has
// submitted its own score there.
bool mayReadOthersScores(PanelRole role, bool submittedOwn);

} // namespace fairtender
