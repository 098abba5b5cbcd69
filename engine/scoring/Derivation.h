// Derivation: the inputs and formula behind one leaf's points for one bid, rendered on
// demand from the numbers an EvaluationResult keeps and the tender, bid and evaluations it
// was computed from. Evaluation stores no words per leaf; the command line, reports and
// spreadsheets call derive() for the few derivations they show.
#pragma once

#include "model/Bid.h"
#include "model/Evaluations.h"
#include "model/Tender.h"
#include "scoring/EvaluationResult.h"

#include <cstddef>
#include <string>
#include <vector>

namespace fairtender {

// One named input of a derivation, already formatted for people: {"lowest price", "960,000.00"}.
struct NamedValue {
    std::string name;
    std::string value;
};

// In words and numbers: "price: lowest 960,000.00 / this bid 1,050,000.00 x 40 = 36.57",
// with the inputs it names, in the order it names them.
struct Derivation {
    std::vector<NamedValue> inputs;
    std::string formula;
};

// The derivation of bid.criteria[leafIndex]. `tender`, `bid` and `evaluations` must be those
// evaluate() was given (`bid` the one `bidResult` describes). Empty for an excluded bid, a
// leaf index out of range or a leaf the tender does not hold.
Derivation derive(const EvaluationResult& result, const BidResult& bidResult, std::size_t leafIndex,
                  const Tender& tender, const Bid& bid, const Evaluations& evaluations);

// The bid `bidResult` describes among the bids evaluate() was given, or nullptr if absent.
const Bid* inputBidOf(const BidResult& bidResult, const std::vector<Bid>& bids);

} // namespace fairtender
