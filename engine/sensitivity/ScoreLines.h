// ScoreLines: what the sensitivity searches share. The effective weight of every leaf and
// group as a line in one node's weight w' (the node's own subtree scales with w', its
// siblings' subtrees with 100 - w', the rest stays), a bid's normalised scores as the
// pipeline left them, and the tender with its thresholds relaxed, which tells the scores of
// bids that a threshold keeps out. Internal to engine/sensitivity.
#pragma once

#include "model/Bid.h"
#include "model/Evaluations.h"
#include "model/Tender.h"
#include "scoring/EvaluationResult.h"
#include "scoring/ModelPlan.h"

#include <optional>
#include <string>
#include <vector>

namespace fairtender::sensitivity {

// fixed + perNode x w' + perRest x (100 - w').
struct WeightLine {
    double fixed = 0;
    double perNode = 0;
    double perRest = 0;
    double at(double w) const { return fixed + perNode * w + perRest * (100.0 - w); }
};

struct ModelLines {
    std::vector<WeightLine> leaves; // model order, as ModelPlan::leaves
    std::vector<WeightLine> groups; // model order, as ModelPlan::groups
};

// The lines of `nodeId`, a weighted node whose siblings can be rescaled
// (withNodeWeight gives a tender for it).
ModelLines linesOf(const Tender& tender, const std::string& nodeId);

// s for each leaf of a ranked bid, 0 where the leaf is not scored (a living-wage gate, price
// under price per quality point).
std::vector<double> scoresOf(const BidResult& bid, const EvaluationResult& result);

// Which thresholds to lift for a relaxed evaluation.
struct Relaxed {
    bool minPercent = true; // group thresholds
    bool minScore = false;  // judgement minimum scores
};
Tender relaxedTender(const Tender& tender, Relaxed relaxed);

// True when `a` and `b` rank the same set of bids.
bool sameRanked(const EvaluationResult& a, const EvaluationResult& b);

// A bid's ranking key as the pipeline compares it, in 10^-rounding units, larger better:
// its total, or minus its price per quality point.
long long rankingUnits(const BidResult& bid, const EvaluationResult& result);

} // namespace fairtender::sensitivity
