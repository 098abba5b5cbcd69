// SocialValueCommitments: how a bid's social value SV is made up (spec section 3). Each of
// the bid's commitments to a measure of the criterion is valued as quantity x proxy x
// deliverability (the panel's factor, 1 where none is given); SV is their sum. Scoring and
// every document that shows a social value figure take it from here, so the parts always
// add up to the figure scored.
#pragma once

#include "core/Money.h"
#include "model/Bid.h"
#include "model/Evaluations.h"
#include "model/Tender.h"

#include <string>
#include <vector>

namespace fairtender {

// One commitment valued.
struct CommitmentValue {
    std::string measureId;
    std::string title; // the measure's title, or its id when it has none
    std::string unit;
    double quantity = 0;
    Money proxy;                      // pounds per unit, from the tender
    double deliverability = 1;        // the panel's factor; 1 when none was given
    bool assessed = false;            // true when the panel gave a factor
    std::string deliverabilityReason; // the panel's reason for the factor
    double value = 0;                 // quantity x proxy x deliverability, in pounds
};

struct SocialValueBreakdown {
    std::vector<CommitmentValue> commitments; // in the bid's order
    double total = 0;                         // SV: the sum of the values, in that order
};

// quantity x proxy, then x the factor when one is given: the one place the value of a
// commitment is computed.
double commitmentValue(double quantity, const Money& proxy, const DeliverabilityFactor* factor);

// The bid's commitments to `criterion`'s measures (a social-value criterion), each valued;
// commitments to measures of other criteria are left out. Empty for any other node.
SocialValueBreakdown socialValueBreakdown(const ModelNode& criterion, const Bid& bid,
                                          const Evaluations& evaluations);

// "40 FTE x 28,000.00 x deliverability 0.5 = 560,000.00" (without the factor when none was
// given: "12 FTE x 28,000.00 = 336,000.00").
std::string commitmentFormula(const CommitmentValue& commitment);

} // namespace fairtender
