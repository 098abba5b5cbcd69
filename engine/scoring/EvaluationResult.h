// The result of evaluating a tender (spec sections 1, 2 and 5): for every bid its status,
// each leaf's normalised score and rounded points, the total, the rank and the flags, and
// for every number the inputs and formula that produced it, so the command line, the
// desktop app, the spreadsheet and reports can all explain it the same way.
#pragma once

#include "model/Tender.h"

#include <optional>
#include <string>
#include <vector>

namespace fairtender {

enum class BidStatus { Ranked, Excluded };
enum class FlagKind { AbnormallyLow, EvaluatorSpread, Unmoderated, TieUnresolved };

// The spec's word: FlagKind::AbnormallyLow -> "abnormally-low".
std::string_view toString(FlagKind kind);
std::string_view toString(BidStatus status);

struct Flag {
    FlagKind kind = FlagKind::AbnormallyLow;
    std::string criterionId;                // the criterion concerned, where there is one
    std::string detail;                     // "price 700,000.00 is 31.8% below the mean 1,026,000.00 of the other bids"
};

// One named input of a derivation, already formatted for people: {"lowest eligible price", "960,000.00"}.
struct NamedValue {
    std::string name;
    std::string value;
};

// How one leaf was scored for one bid.
struct CriterionResult {
    std::string criterionId;
    std::string title;
    CriterionType type = CriterionType::Price;
    double effectiveWeight = 0;             // points available
    bool scored = true;                     // false for weight-0 gates such as a living-wage gate
    double score = 0;                       // normalised s in [0,1]
    double points = 0;                      // s x effective weight, rounded to the model's places
    std::vector<NamedValue> inputs;
    // In words and numbers: "price: lowest 960,000.00 / this bid 1,050,000.00 x 40 = 36.57".
    std::string formula;
};

// A group's points: the sum of its leaves' rounded points.
struct GroupResult {
    std::string groupId;
    std::string title;
    double effectiveWeight = 0;
    double points = 0;
};

struct BidResult {
    std::string bidId;
    std::string supplierName;
    BidStatus status = BidStatus::Ranked;
    std::vector<std::string> exclusionReasons;  // why excluded, in pipeline order
    std::optional<int> rank;                    // ranks shared by unresolved ties
    double total = 0;                           // sum of rounded leaf points (Q under price per quality point)
    std::optional<double> price;                // the P used (NPV for whole-life costing)
    std::optional<double> pricePerPoint;        // under price per quality point, rounded
    std::vector<CriterionResult> criteria;      // in model order; empty for excluded bids
    std::vector<GroupResult> groups;            // top-level and nested groups, model order
    std::vector<Flag> flags;
    std::vector<std::string> notes;             // e.g. an accepted abnormally-low decision and its reason

    // The exclusion reasons joined with "; ", or empty for a ranked bid.
    std::string exclusionReason() const;
    bool hasFlag(FlagKind kind) const;
    const CriterionResult* findCriterion(const std::string& criterionId) const;
};

// One leaf of the model as scored: its id, title and points available.
struct LeafSummary {
    std::string criterionId;
    std::string title;
    CriterionType type = CriterionType::Price;
    double effectiveWeight = 0;
    std::vector<std::string> path;          // ids of enclosing groups, outermost first
};

struct EvaluationResult {
    std::string tenderId;
    std::optional<std::string> winnerId;    // nullopt when no bid is ranked or first place is tied
    Aggregation aggregation = Aggregation::WeightedSum;
    int rounding = 2;
    std::vector<LeafSummary> leaves;        // model order
    // Ranked bids by rank (ties in input order), then excluded bids in input order.
    std::vector<BidResult> bids;

    const BidResult* findBid(const std::string& bidId) const;
};

} // namespace fairtender
