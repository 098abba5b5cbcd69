// EvaluationIndex: the panel's evaluations indexed once by (bid, leaf) and (bid, measure),
// so that scoring 10,000 bids never scans the evaluations per bid. Entries naming an
// unknown bid, criterion or measure are ignored (the file checks report them).
#pragma once

#include "model/Bid.h"
#include "model/Evaluations.h"
#include "scoring/ModelPlan.h"

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fairtender {

class EvaluationIndex final {
public:
    // References to all three arguments are kept: they must outlive the index.
    EvaluationIndex(const Evaluations& evaluations, const std::vector<Bid>& bids,
                    const ModelPlan& plan);

    // The first consensus for this bid and leaf, or nullptr.
    const ConsensusScore* consensus(int bid, int leaf) const;
    // Every evaluator's score for this bid and leaf, in file order.
    std::span<const EvaluatorScore* const> scores(int bid, int leaf) const;
    // The deliverability factor for this bid and measure (index from measureIndex), or nullptr.
    const DeliverabilityFactor* deliverability(int bid, int measure) const;
    // The first abnormally-low decision on this bid, or nullptr.
    const AbnormallyLowDecision* abnormallyLowDecision(int bid) const;
    // The index of a measure id across all social-value criteria, or -1.
    int measureIndex(std::string_view measureId) const;
    int measureCount() const { return static_cast<int>(measureIds_.size()); }

private:
    int bidIndex(const std::string& bidId);
    int leafIndex(const std::string& criterionId) const;

    std::string_view lastBidId_; // lookup cache while indexing
    int lastBid_ = -1;
    std::size_t leafCount_ = 0;
    std::unordered_map<std::string_view, int> bidIndex_;
    std::unordered_map<std::string_view, int> measureIndex_;
    std::vector<std::string_view> measureIds_;
    const ModelPlan& plan_;
    std::vector<const ConsensusScore*> consensus_; // bid * leaves + leaf
    std::vector<std::size_t> scoreOffsets_;        // bid * leaves + leaf, CSR offsets
    std::vector<const EvaluatorScore*> scores_;
    std::vector<const DeliverabilityFactor*> deliverability_; // bid * measures + measure
    std::vector<const AbnormallyLowDecision*> decisions_;     // by bid
};

} // namespace fairtender
