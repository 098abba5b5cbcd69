// AwardSensitivity: how robust the winner of an evaluated tender is, before the lead signs
// the award. Pure functions over what evaluate() takes and the result it gave:
//
// - the margin between the winner and the runner-up, and whether it clears the model's
//   close-margin (a close call is "no clear winner");
// - weight flips: for each weighted node with weighted siblings, the nearest weight (percent
//   of its parent, on the 0.01 grid) up and down at which the winner changes, the siblings
//   rescaled in proportion (s x (100 - w') / (100 - w)); every reported weight is confirmed
//   by the full pipeline (thresholds, relative scoring, rounding, tie-break), and 0.01 before
//   it the winner stands;
// - mark flips: every change of one judgement value (the consensus, or the evaluators' mean
//   where there is none) by one scale step that alone changes the winner, confirmed by the
//   full pipeline;
// - first-place odds: a Monte Carlo estimate of each bid's share of first places when the
//   weights vary (Dirichlet around the published ones) and judgement values move a step.
#pragma once

#include "model/Bid.h"
#include "model/Evaluations.h"
#include "model/Tender.h"
#include "scoring/EvaluationResult.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace fairtender {

enum class FlipDirection { Up, Down };
std::string_view toString(FlipDirection direction); // "up", "down"

// The nearest weight one way at which someone else wins.
struct WeightFlip {
    FlipDirection direction = FlipDirection::Up;
    double weight = 0; // percent of the parent, a multiple of 0.01
    // Who wins there; nullopt when first place is tied there or no bid is ranked.
    std::optional<std::string> newWinner;
};

struct NodeWeightFlips {
    std::string nodeId;
    std::string title;
    double weight = 0;              // as published, percent of the parent
    std::optional<WeightFlip> up;   // nullopt: no weight above changes the winner
    std::optional<WeightFlip> down; // nullopt: no weight below changes the winner
    // The nearer of the two, or nullopt when neither exists.
    const WeightFlip* nearest() const;
};

// One judgement value moved by one scale step that alone changes the winner.
struct MarkFlip {
    std::string bidId;
    std::string criterionId;
    double from = 0;
    double to = 0;
    std::optional<std::string> newWinner; // nullopt: first place tied or nobody ranked
};

struct OddsSettings {
    std::size_t samples = 10000;
    std::uint64_t seed = 1;
    // Each judgement value moves one step up with this probability, and one step down with
    // the same probability.
    double stepProbability = 0.1;
    // Each weighted sibling set of k members is drawn from Dirichlet(a x w / 100) with
    // a = 100 (k - 1) - 1, so a weight of 100 / k has a coefficient of variation of 10%.
    // Threads to share the samples between; 0: the hardware's.
    unsigned threads = 0;
};

// The most samples a run recorded in the audit trail may take: recording and every later
// verify run it again, so it stays about a second for a hundred bids.
inline constexpr std::size_t kMostRecordedSamples = 1000000;

struct BidOdds {
    std::string bidId;
    double share = 0; // of the samples in which the bid came first
};

struct FirstPlaceOdds {
    std::vector<BidOdds> bids; // the ranked bids, in rank order
    std::size_t samples = 0;
    std::uint64_t seed = 0;
    double stepProbability = 0;
};

struct AwardSensitivity {
    std::optional<std::string> winner;   // nullopt: first place tied, or nothing ranked
    std::optional<std::string> runnerUp; // nullopt: fewer than two bids ranked
    // Winner's total minus the runner-up's, in points (under price per quality point: the
    // runner-up's price per point minus the winner's, in pounds); nullopt without both.
    std::optional<double> margin;
    bool marginInPounds = false; // price per quality point: margin and close-margin in pounds
    double closeMargin = 1.0;    // the model's close-margin
    bool clearWinner = false;    // a winner, and a margin of at least close-margin (or no rival)
    std::vector<NodeWeightFlips> weightFlips; // model order
    std::vector<MarkFlip> markFlips;          // bid rank order, then model order, down first
    FirstPlaceOdds odds;
    bool cancelled = false; // the progress callback asked to stop; the rest is incomplete
};

// Told the share done (0 to 1) now and then; returns false to stop.
using SensitivityProgress = std::function<bool(double done)>;

// The margin, the weight and mark flips and the odds of `result`, which evaluate() gave for
// exactly these inputs.
AwardSensitivity analyseAward(const Tender& tender, const std::vector<Bid>& bids,
                              const Evaluations& evaluations, const EvaluationResult& result,
                              const OddsSettings& odds = {},
                              const SensitivityProgress& progress = {});

// The verdict in one sentence, as every front end and document says it: "B1 wins by 3.84
// points over B2, a clear winner (close margin 1.00)" or "No clear winner: B1 leads B2 by
// 0.03 points, under the close margin of 1.00; record why the award stands".
std::string verdictText(const AwardSensitivity& sensitivity, int places);

// The weighted nodes by how near their nearest flip lies to the published weight, nearest
// first (model order among equals); nodes without a flip last.
std::vector<const NodeWeightFlips*> byNearestFlip(const AwardSensitivity& sensitivity);

// The parts on their own, for tests, benchmarks and screens that show one.
void findMargin(const Tender& tender, const EvaluationResult& result, AwardSensitivity& out);
std::vector<NodeWeightFlips> findWeightFlips(const Tender& tender, const std::vector<Bid>& bids,
                                             const Evaluations& evaluations,
                                             const EvaluationResult& result,
                                             const SensitivityProgress& progress = {});
std::vector<MarkFlip> findMarkFlips(const Tender& tender, const std::vector<Bid>& bids,
                                    const Evaluations& evaluations, const EvaluationResult& result);
FirstPlaceOdds firstPlaceOdds(const Tender& tender, const EvaluationResult& result,
                              const OddsSettings& settings,
                              const SensitivityProgress& progress = {});

// The tender with `nodeId`'s weight set to `weight` and its weighted siblings rescaled in
// proportion to keep the sum at 100; nullopt when the node has no weighted sibling to
// rescale.
std::optional<Tender> withNodeWeight(const Tender& tender, const std::string& nodeId,
                                     double weight);

// The judgement step of a criterion: its scale-step, else the smallest gap between its
// descriptors' scores, else 1.
double judgementStep(const CriterionSettings& criterion);

} // namespace fairtender
