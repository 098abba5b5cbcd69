// The result of evaluating a tender (spec sections 1, 2 and 5): for every bid its status,
// each leaf's normalised score and rounded points, the total, the rank and the flags. Each
// leaf and group is described once (LeafSummary, GroupSummary, with the eligible field a
// leaf compares against); per bid it keeps only numbers, from which derive()
// (scoring/Derivation.h) renders the inputs and formula of any number on demand.
#pragma once

#include "model/Tender.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fairtender {

enum class BidStatus { Ranked, Excluded };
enum class FlagKind { AbnormallyLow, EvaluatorSpread, Unmoderated, TieUnresolved };

// Where a judgement value came from: the moderated consensus or the evaluators' mean.
enum class JudgementSource : std::uint8_t { Consensus, EvaluatorMean };

// The spec's word: FlagKind::AbnormallyLow -> "abnormally-low".
std::string_view toString(FlagKind kind);
std::string_view toString(BidStatus status);

struct Flag {
    FlagKind kind = FlagKind::AbnormallyLow;
    std::string criterionId; // the criterion concerned, where there is one
    std::string detail; // "price 700,000.00 is 31.8% below the mean 1,026,000.00 of the other bids"
};

// How one leaf was scored for one bid: the numbers only; the leaf itself is described by
// the LeafSummary at the same index, and derive() renders the words.
struct CriterionResult {
    double score = 0;  // normalised s in [0,1]
    double points = 0; // s x effective weight, rounded to the model's places
    // The bid's own figure the formula starts from: P for price (this criterion's P, an NPV
    // under whole-life costing), the judgement value used, SV for social value, the
    // local-spend percent for local spend; 0 for the other types.
    double figure = 0;
    // The rule that applied: the index of the matching band (supplier location) or of the
    // listed ownership score; -1 when the `otherwise` score applied or the type has no list.
    std::int32_t match = -1;
    LivingWageTier tier = LivingWageTier::Below;         // living wage only: the tier reached
    JudgementSource source = JudgementSource::Consensus; // judgement only
    bool scored = true; // false for a living-wage gate and for price under price per point
};

// A group's points for one bid (the sum of its leaves' rounded points); the group itself is
// the GroupSummary at the same index.
struct GroupResult {
    double points = 0;
};

struct BidResult {
    std::string bidId;
    std::string supplierName;
    std::size_t inputIndex = 0; // the bid's position in the bids passed to evaluate()
    BidStatus status = BidStatus::Ranked;
    std::vector<std::string> exclusionReasons; // why excluded, in pipeline order
    // The gates the bid failed, by id in model order: exclusionReasons begins with one
    // reason for each, in the same order.
    std::vector<std::string> failedGates;
    std::optional<int> rank;     // ranks shared by unresolved ties
    double total = 0;            // sum of rounded leaf points (Q under price per quality point)
    std::optional<double> price; // the P used (NPV for whole-life costing)
    std::optional<double> pricePerPoint; // under price per quality point, rounded
    // Ranked bids: exactly one per leaf, criteria[i] belongs to EvaluationResult::leaves[i].
    // Excluded bids: empty.
    std::vector<CriterionResult> criteria;
    // Ranked bids: one per group, groups[i] belongs to EvaluationResult::groups[i]. Excluded
    // bids: empty.
    std::vector<GroupResult> groups;
    std::vector<Flag> flags;
    std::vector<std::string> notes; // e.g. an accepted abnormally-low decision and its reason

    // The exclusion reasons joined with "; ", or empty for a ranked bid.
    std::string exclusionReason() const;
    bool hasFlag(FlagKind kind) const;
};

// One leaf of the model as scored: its identity, points available and the eligible bids'
// figures its relative formula compared against (0 where the leaf's method uses none).
struct LeafSummary {
    std::string criterionId;
    std::string title; // the title, or the id when the model gives none
    CriterionType type = CriterionType::Price;
    double effectiveWeight = 0;
    std::vector<std::string> path; // ids of enclosing groups, outermost first
    bool scored = true;      // false for a living-wage gate and for price under price per point
    int eligibleCount = 0;   // bids compared (eligible after exclusions and thresholds)
    double lowestPrice = 0;  // price: lowest eligible P
    double highestPrice = 0; // price: highest eligible P
    double meanPrice = 0;    // price: mean eligible P
    double highestSocialValue = 0;      // social value: highest eligible SV
    double highestSocialValueRatio = 0; // social value: highest eligible SV / P
    double highestLocalSpend = 0;       // local spend without a target: highest eligible percent
};

// One group of the model: its identity and points available.
struct GroupSummary {
    std::string groupId;
    std::string title; // the title, or the id when the model gives none
    double effectiveWeight = 0;
    std::vector<std::string> path; // ids of enclosing groups, outermost first
};

struct EvaluationResult {
    std::string tenderId;
    std::optional<std::string> winnerId; // nullopt when no bid is ranked or first place is tied
    Aggregation aggregation = Aggregation::WeightedSum;
    int rounding = 2;
    std::vector<LeafSummary> leaves;  // model order
    std::vector<GroupSummary> groups; // model order, parents before children
    // Ranked bids by rank (ties in input order), then excluded bids in input order.
    std::vector<BidResult> bids;

    const BidResult* findBid(const std::string& bidId) const;
    // How many bids are ranked (not excluded).
    std::size_t rankedCount() const;
    // The position of this criterion in `leaves`, or nullopt if no leaf has that id.
    std::optional<std::size_t> leafIndex(const std::string& criterionId) const;
    // The position of this group in `groups`, or nullopt if no group has that id.
    std::optional<std::size_t> groupIndex(const std::string& groupId) const;
    // The bid's result on this criterion; nullptr for an unknown id or an excluded bid.
    const CriterionResult* criterionOf(const BidResult& bid, const std::string& criterionId) const;
    // The bid's points in this group; nullptr for an unknown id or an excluded bid.
    const GroupResult* groupOf(const BidResult& bid, const std::string& groupId) const;
};

} // namespace fairtender
