#include "scoring/EvaluationIndex.h"

#include <limits>

namespace fairtender {

EvaluationIndex::EvaluationIndex(const Evaluations& evaluations, const std::vector<Bid>& bids,
                                 const ModelPlan& plan)
    : leafCount_(plan.leaves.size()), plan_(plan), bids_(bids) {
    measureIds_.resize(static_cast<std::size_t>(plan.measureCount));
    for (const auto& leaf : plan.leaves) {
        const auto& measures = leaf.node->criterion.measures;
        for (std::size_t k = 0; k < measures.size(); ++k) {
            measureIndex_.emplace(measures[k].id, leaf.measureIndices[k]);
            measureIds_[static_cast<std::size_t>(leaf.measureIndices[k])] = measures[k].id;
        }
    }

    const std::size_t cells = bids.size() * leafCount_;
    consensus_.assign(cells, std::numeric_limits<double>::quiet_NaN());
    for (const auto& c : evaluations.consensus) {
        const int bid = bidIndex(c.bidId);
        const int leaf = leafIndex(c.criterionId);
        if (bid < 0 || leaf < 0)
            continue;
        auto& slot =
            consensus_[static_cast<std::size_t>(bid) * leafCount_ + static_cast<std::size_t>(leaf)];
        if (std::isnan(slot))
            slot = c.value;
    }

    // Two passes (count, then place) keep every cell's scores contiguous and in file order.
    std::vector<std::size_t> cellOf(evaluations.scores.size(), cells);
    if (!evaluations.scores.empty())
        scoreOffsets_.assign(cells + 1, 0);
    for (std::size_t i = 0; i < evaluations.scores.size(); ++i) {
        const auto& s = evaluations.scores[i];
        const int bid = bidIndex(s.bidId);
        const int leaf = leafIndex(s.criterionId);
        if (bid < 0 || leaf < 0)
            continue;
        cellOf[i] = static_cast<std::size_t>(bid) * leafCount_ + static_cast<std::size_t>(leaf);
        ++scoreOffsets_[cellOf[i] + 1];
    }
    if (!scoreOffsets_.empty()) {
        for (std::size_t at = 0; at < cells; ++at)
            scoreOffsets_[at + 1] += scoreOffsets_[at];
        scores_.assign(scoreOffsets_[cells], nullptr);
        std::vector<std::size_t> fill(scoreOffsets_.begin(), scoreOffsets_.end() - 1);
        for (std::size_t i = 0; i < evaluations.scores.size(); ++i)
            if (cellOf[i] < cells)
                scores_[fill[cellOf[i]]++] = &evaluations.scores[i];
    }

    deliverability_.assign(bids.size() * measureIds_.size(), nullptr);
    for (const auto& d : evaluations.deliverability) {
        const int bid = bidIndex(d.bidId);
        const int measure = measureIndex(d.measureId);
        if (bid < 0 || measure < 0)
            continue;
        auto& slot = deliverability_[static_cast<std::size_t>(bid) * measureIds_.size() +
                                     static_cast<std::size_t>(measure)];
        if (slot == nullptr)
            slot = &d;
    }

    decisions_.assign(bids.size(), nullptr);
    for (const auto& d : evaluations.abnormallyLowDecisions) {
        const int bid = bidIndex(d.bidId);
        if (bid >= 0 && decisions_[static_cast<std::size_t>(bid)] == nullptr)
            decisions_[static_cast<std::size_t>(bid)] = &d;
    }

    exclusions_.assign(bids.size(), nullptr);
    for (const auto& e : evaluations.exclusions) {
        const int bid = bidIndex(e.bidId);
        if (bid >= 0 && exclusions_[static_cast<std::size_t>(bid)] == nullptr)
            exclusions_[static_cast<std::size_t>(bid)] = &e;
    }
}

int EvaluationIndex::bidIndex(const std::string& bidId) {
    // Evaluation files list a bid's entries together, usually in the bids' order, so the
    // previous answer or the next bid usually holds.
    if (lastBid_ >= 0 && bidId == lastBidId_)
        return lastBid_;
    const auto next = static_cast<std::size_t>(lastBid_ + 1);
    if (next < bids_.size() && bids_[next].id == bidId) {
        lastBidId_ = bids_[next].id;
        return lastBid_ = static_cast<int>(next);
    }
    if (bidIndex_.empty()) {
        bidIndex_.reserve(bids_.size());
        for (std::size_t i = 0; i < bids_.size(); ++i)
            bidIndex_.emplace(bids_[i].id, static_cast<int>(i));
    }
    const auto found = bidIndex_.find(bidId);
    lastBidId_ = bidId;
    lastBid_ = found == bidIndex_.end() ? -1 : found->second;
    return lastBid_;
}

int EvaluationIndex::leafIndex(const std::string& criterionId) {
    // A bid's entries usually follow the model's order, so try the next leaf, then the same.
    const auto next = static_cast<std::size_t>(lastLeaf_ + 1);
    if (next < leafCount_ && plan_.leaves[next].node->id == criterionId)
        return lastLeaf_ = static_cast<int>(next);
    if (lastLeaf_ >= 0 && plan_.leaves[static_cast<std::size_t>(lastLeaf_)].node->id == criterionId)
        return lastLeaf_;
    const auto found = plan_.leafById.find(criterionId);
    lastLeaf_ = found == plan_.leafById.end() ? -1 : found->second;
    return lastLeaf_;
}

int EvaluationIndex::measureIndex(std::string_view measureId) const {
    const auto found = measureIndex_.find(measureId);
    return found == measureIndex_.end() ? -1 : found->second;
}

} // namespace fairtender
