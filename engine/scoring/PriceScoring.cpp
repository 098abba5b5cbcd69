#include "scoring/PriceScoring.h"

#include "scoring/DerivationText.h"

#include <algorithm>
#include <cmath>

namespace fairtender {

std::optional<BidPrice> bidPrice(const Bid& bid, const std::optional<double>& discountRate) {
    if (discountRate && !bid.costs.empty()) {
        const double factor = 1.0 + *discountRate / 100.0;
        double npv = 0;
        for (const auto& cost : bid.costs)
            npv += cost.amount.pounds() / std::pow(factor, cost.year);
        return BidPrice{npv, true, static_cast<int>(bid.costs.size())};
    }
    if (bid.price)
        return BidPrice{bid.price->pounds(), false, 0};
    if (!bid.costs.empty()) {
        // Summed in pence so the plain total is exact.
        long long pence = 0;
        for (const auto& cost : bid.costs)
            pence += cost.amount.pence();
        return BidPrice{static_cast<double>(pence) / 100.0, false,
                        static_cast<int>(bid.costs.size())};
    }
    return std::nullopt;
}

double priceScore(const CriterionSettings& criterion, double price, const PriceField& field) {
    double s = 0;
    switch (criterion.priceMethod) {
    case PriceMethod::LowestRelative:
        s = price > 0 ? field.lowest / price : 0;
        break;
    case PriceMethod::LinearRange:
        if (criterion.ceiling) {
            const double ceiling = criterion.ceiling->pounds();
            if (ceiling <= field.lowest)
                s = price <= ceiling ? 1 : 0;
            else
                s = (ceiling - price) / (ceiling - field.lowest);
        } else {
            s = field.highest == field.lowest
                    ? 1
                    : (field.highest - price) / (field.highest - field.lowest);
        }
        break;
    case PriceMethod::LowestDeviation:
        s = field.lowest > 0 ? 1 - (price - field.lowest) / field.lowest : 0;
        break;
    case PriceMethod::MeanDeviation:
        s = field.mean > 0 ? 0.5 - (price - field.mean) / field.mean : 0;
        break;
    case PriceMethod::Income:
        s = field.highest > 0 ? price / field.highest : 0;
        break;
    }
    return std::clamp(s, 0.0, 1.0);
}

void appendPriceDerivation(std::string& out, const CriterionSettings& criterion, double price,
                           const std::string& priceText, const PriceField& numbers) {
    // The field as the words print it, made only when a derivation is asked for.
    struct {
        std::string lowestText;
        std::string highestText;
        std::string meanText;
        std::string ceilingText;
        double lowest = 0;
        double highest = 0;
    } field;
    field.lowest = numbers.lowest;
    field.highest = numbers.highest;
    field.lowestText = poundsText(numbers.lowest);
    field.highestText = poundsText(numbers.highest);
    field.meanText = poundsText(numbers.mean);
    if (criterion.ceiling)
        field.ceilingText = criterion.ceiling->toDisplayString();
    switch (criterion.priceMethod) {
    case PriceMethod::LowestRelative:
        out += "lowest ";
        out += field.lowestText;
        out += " / this bid ";
        out += priceText;
        return;
    case PriceMethod::LinearRange:
        if (criterion.ceiling) {
            if (criterion.ceiling->pounds() <= field.lowest) {
                out += "ceiling ";
                out += field.ceilingText;
                out += " is at or below the lowest ";
                out += field.lowestText;
                out += "; this bid ";
                out += priceText;
                out += price <= criterion.ceiling->pounds() ? " is within it: 1" : " exceeds it: 0";
                return;
            }
            out += "max(0, (ceiling ";
            out += field.ceilingText;
            out += " - this bid ";
            out += priceText;
            out += ") / (ceiling ";
            out += field.ceilingText;
            out += " - lowest ";
            out += field.lowestText;
            out += "))";
            return;
        }
        if (field.highest == field.lowest) {
            out += "all eligible prices equal ";
            out += field.lowestText;
            out += ": 1";
            return;
        }
        out += "(highest ";
        out += field.highestText;
        out += " - this bid ";
        out += priceText;
        out += ") / (highest ";
        out += field.highestText;
        out += " - lowest ";
        out += field.lowestText;
        out += ')';
        return;
    case PriceMethod::LowestDeviation:
        out += "max(0, 1 - (this bid ";
        out += priceText;
        out += " - lowest ";
        out += field.lowestText;
        out += ") / lowest ";
        out += field.lowestText;
        out += ')';
        return;
    case PriceMethod::MeanDeviation:
        out += "clamp(0.5 - (this bid ";
        out += priceText;
        out += " - mean ";
        out += field.meanText;
        out += ") / mean ";
        out += field.meanText;
        out += ", 0, 1)";
        return;
    case PriceMethod::Income:
        out += "this bid ";
        out += priceText;
        out += " / highest ";
        out += field.highestText;
        return;
    }
}

} // namespace fairtender
