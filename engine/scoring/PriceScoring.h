// PriceScoring: the P a price criterion uses for a bid (price, or whole-life net present
// value of yearly costs) and the normalised price score of each method in spec section 3,
// with the words and numbers of its derivation.
#pragma once

#include "model/Bid.h"
#include "model/Tender.h"

#include <optional>
#include <string>

namespace fairtender {

// A bid's P under one price criterion and how it was found.
struct BidPrice {
    double value = 0;       // pounds
    bool wholeLife = false; // discounted from yearly costs
    int years = 0;          // yearly costs summed or discounted (0: from <price>)
};

// P for a bid: the NPV of its costs when the criterion has a discount rate and the bid
// gives costs; else its <price>; else the plain sum of its costs; nullopt with neither.
std::optional<BidPrice> bidPrice(const Bid& bid, const std::optional<double>& discountRate);

// The eligible bids' prices a relative method compares against.
struct PriceField {
    double lowest = 0;
    double highest = 0;
    double mean = 0;
    int count = 0;
};

// s in [0,1] for P under the criterion's method.
double priceScore(const CriterionSettings& criterion, double price, const PriceField& field);

// Appends the method's derivation up to (not including) " x weight": for lowest-relative
// "lowest 960,000.00 / this bid 1,050,000.00". Renders on demand, so it may allocate.
void appendPriceDerivation(std::string& out, const CriterionSettings& criterion, double price,
                           const std::string& priceText, const PriceField& field);

} // namespace fairtender
