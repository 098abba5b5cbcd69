// A supplier's bid, as read from a bid file under bids/ (spec section 4): the supplier,
// the price (or yearly costs for whole-life costing) and the declarations and
// commitments the criteria score. Optional fields are those a bid may leave out when
// no criterion needs them; scoring reports a missing one that a criterion does need.
#pragma once

#include "core/Diagnostic.h"
#include "core/Money.h"
#include "core/Postcode.h"
#include "model/OwnershipModel.h"

#include <optional>
#include <string>
#include <vector>

namespace fairtender {

struct Supplier {
    std::string name;
    std::optional<Postcode> postcode;
    OwnershipModel ownership = OwnershipModel::LargePrivate;
    std::optional<bool> sme;
    SourceLocation where;
};

// <cost year="1">..</cost>: one year of a whole-life cost profile; year 0 is undiscounted.
struct YearCost {
    int year = 0;
    Money amount;
    SourceLocation where;
};

// <living-wage accredited="true" committed="true" lowest-hourly-rate="13.60"/>
struct LivingWageDeclaration {
    bool accredited = false;
    bool committed = false;
    std::optional<Money> lowestHourlyRate;
    SourceLocation where;
};

// <commitment measure="local-jobs" quantity="12"/>
struct Commitment {
    std::string measureId;
    double quantity = 0;
    SourceLocation where;
};

// <gate id="insurance" pass="true"/>
struct GateAnswer {
    std::string gateId;
    bool pass = false;
    SourceLocation where;
};

struct Bid {
    std::string id;
    Supplier supplier;
    std::optional<Money> price;
    SourceLocation priceWhere;
    std::vector<YearCost> costs;
    std::optional<LivingWageDeclaration> livingWage;
    std::optional<double> localSpendPercent;
    SourceLocation localSpendWhere;
    std::vector<Commitment> commitments;
    std::vector<GateAnswer> gateAnswers;
    SourceLocation where;
    std::string tenderId;                   // the tender its file names, checked across files
    SourceLocation tenderWhere;

    // The answer to this gate, or nullptr if the bid gives none.
    const GateAnswer* findGateAnswer(const std::string& gateId) const;
    bool hasPriceInput() const { return price.has_value() || !costs.empty(); }
};

} // namespace fairtender
