// EvaluationIndex: the panel's evaluations indexed once by (bid, leaf) and (bid, measure),
// so that scoring 10,000 bids never scans the evaluations per bid. Entries naming an
// unknown bid, criterion or measure are ignored (the file checks report them).
#pragma once

#include "model/Bid.h"
#include "model/Evaluations.h"
#include "scoring/ModelPlan.h"

#include <cmath>
#include <optional>
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

    // The value of the first consensus for this bid and leaf, or nullopt without one.
    std::optional<double> consensus(int bid, int leaf) const {
        const double value = consensus_[cell(bid, leaf)];
        return std::isnan(value) ? std::nullopt : std::optional<double>(value);
    }
    // Every evaluator's score for this bid and leaf, in file order.
    std::span<const EvaluatorScore* const> scores(int bid, int leaf) const {
        if (scores_.empty())
            return {};
        const std::size_t at = cell(bid, leaf);
        return {scores_.data() + scoreOffsets_[at], scores_.data() + scoreOffsets_[at + 1]};
    }
    // The deliverability factor for this bid and measure (index from measureIndex), or nullptr.
    const DeliverabilityFactor* deliverability(int bid, int measure) const {
        return deliverability_[static_cast<std::size_t>(bid) * measureIds_.size() +
                               static_cast<std::size_t>(measure)];
    }
    // The first abnormally-low decision on this bid, or nullptr.
    const AbnormallyLowDecision* abnormallyLowDecision(int bid) const {
        return decisions_[static_cast<std::size_t>(bid)];
    }
    // The first exclusion after evaluation of this bid, or nullptr.
    const ExclusionAfterEvaluation* exclusion(int bid) const {
        return exclusions_[static_cast<std::size_t>(bid)];
    }
    // The index of a measure id across all social-value criteria, or -1.
    int measureIndex(std::string_view measureId) const;
    int measureCount() const { return static_cast<int>(measureIds_.size()); }

private:
    std::size_t cell(int bid, int leaf) const {
        return static_cast<std::size_t>(bid) * leafCount_ + static_cast<std::size_t>(leaf);
    }
    int bidIndex(const std::string& bidId);
    int leafIndex(const std::string& criterionId);

    std::string_view lastBidId_; // lookup cache while indexing
    int lastBid_ = -1;
    int lastLeaf_ = -1; // lookup cache while indexing
    std::size_t leafCount_ = 0;
    std::unordered_map<std::string_view, int> bidIndex_;
    std::unordered_map<std::string_view, int> measureIndex_;
    std::vector<std::string_view> measureIds_;
    const ModelPlan& plan_;
    const std::vector<Bid>& bids_;
    // bid * leaves + leaf: the consensus value, NaN without one. Copied, so that scoring
    // 10,000 bids reads one dense array instead of every ConsensusScore a second time.
    std::vector<double> consensus_;
    std::vector<std::size_t>
        scoreOffsets_; // bid * leaves + leaf, CSR offsets; empty without scores
    std::vector<const EvaluatorScore*> scores_;
    std::vector<const DeliverabilityFactor*> deliverability_; // bid * measures + measure
    std::vector<const AbnormallyLowDecision*> decisions_;     // by bid
    std::vector<const ExclusionAfterEvaluation*> exclusions_; // by bid
};

} // namespace fairtender
