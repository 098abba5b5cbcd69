#include "scoring/EvaluationIndex.h"

namespace fairtender {

EvaluationIndex::EvaluationIndex(const Evaluations& evaluations, const std::vector<Bid>& bids,
                                 const ModelPlan& plan)
    : leafCount_(plan.leaves.size()), plan_(plan) {
    bidIndex_.reserve(bids.size());
    for (std::size_t i = 0; i < bids.size(); ++i)
        bidIndex_.emplace(bids[i].id, static_cast<int>(i));
    measureIds_.resize(static_cast<std::size_t>(plan.measureCount));
    for (const auto& leaf : plan.leaves) {
        const auto& measures = leaf.node->criterion.measures;
        for (std::size_t k = 0; k < measures.size(); ++k) {
            measureIndex_.emplace(measures[k].id, leaf.measureIndices[k]);
            measureIds_[static_cast<std::size_t>(leaf.measureIndices[k])] = measures[k].id;
        }
    }

    const std::size_t cells = bids.size() * leafCount_;
    consensus_.assign(cells, nullptr);
    for (const auto& c : evaluations.consensus) {
        const int bid = bidIndex(c.bidId);
        const int leaf = leafIndex(c.criterionId);
        if (bid < 0 || leaf < 0)
            continue;
        auto& slot =
            consensus_[static_cast<std::size_t>(bid) * leafCount_ + static_cast<std::size_t>(leaf)];
        if (slot == nullptr)
            slot = &c;
    }

    // Two passes (count, then place) keep every cell's scores contiguous and in file order.
    std::vector<std::size_t> cellOf(evaluations.scores.size(), cells);
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
    for (std::size_t cell = 0; cell < cells; ++cell)
        scoreOffsets_[cell + 1] += scoreOffsets_[cell];
    scores_.assign(scoreOffsets_[cells], nullptr);
    std::vector<std::size_t> fill(scoreOffsets_.begin(), scoreOffsets_.end() - 1);
    for (std::size_t i = 0; i < evaluations.scores.size(); ++i)
        if (cellOf[i] < cells)
            scores_[fill[cellOf[i]]++] = &evaluations.scores[i];

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
}

int EvaluationIndex::bidIndex(const std::string& bidId) {
    // Evaluation files list a bid's entries together, so the previous answer usually holds.
    if (lastBid_ >= 0 && bidId == lastBidId_)
        return lastBid_;
    const auto found = bidIndex_.find(bidId);
    lastBidId_ = bidId;
    lastBid_ = found == bidIndex_.end() ? -1 : found->second;
    return lastBid_;
}

int EvaluationIndex::leafIndex(const std::string& criterionId) const {
    const auto found = plan_.leafById.find(criterionId);
    return found == plan_.leafById.end() ? -1 : found->second;
}

int EvaluationIndex::measureIndex(std::string_view measureId) const {
    const auto found = measureIndex_.find(measureId);
    return found == measureIndex_.end() ? -1 : found->second;
}

const ConsensusScore* EvaluationIndex::consensus(int bid, int leaf) const {
    return consensus_[static_cast<std::size_t>(bid) * leafCount_ + static_cast<std::size_t>(leaf)];
}

std::span<const EvaluatorScore* const> EvaluationIndex::scores(int bid, int leaf) const {
    const std::size_t cell =
        static_cast<std::size_t>(bid) * leafCount_ + static_cast<std::size_t>(leaf);
    return {scores_.data() + scoreOffsets_[cell], scores_.data() + scoreOffsets_[cell + 1]};
}

const DeliverabilityFactor* EvaluationIndex::deliverability(int bid, int measure) const {
    return deliverability_[static_cast<std::size_t>(bid) * measureIds_.size() +
                           static_cast<std::size_t>(measure)];
}

const AbnormallyLowDecision* EvaluationIndex::abnormallyLowDecision(int bid) const {
    return decisions_[static_cast<std::size_t>(bid)];
}

} // namespace fairtender
