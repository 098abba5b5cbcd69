// Weight flips. Moving one node's weight w' with its siblings rescaled, every leaf's
// effective weight is a line in w', so with the eligible bids fixed each bid's unrounded
// total is a line too, and a rival can only overtake the winner where the two lines come
// within the rounding of their leaves of each other; likewise a bid can only cross a group
// threshold where its threshold line comes near zero. The search walks the 0.01 grid only
// through those stretches, checks each point there with the pipeline's own rounding, and
// runs the full pipeline wherever that check says the winner or the eligible bids might
// change. When the eligible bids change but the winner does not, the lines are drawn again
// from the pipeline's result at that point and the walk goes on.
#include "core/Decimal.h"
#include "scoring/Evaluator.h"
#include "sensitivity/AwardSensitivity.h"
#include "sensitivity/ScoreLines.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace fairtender {

namespace {

using sensitivity::ModelLines;
using sensitivity::WeightLine;

constexpr int kLastGridPoint = 10000; // 100.00 in hundredths

long long fine(double value) {
    return roundedUnits(value, 9);
}

// Grid points k (weight k / 100) from `lo` to `hi` where a + b x (k / 100) <= limit, widened
// by one point each way against floating point; empty when lo > hi.
struct Stretch {
    int lo = 1;
    int hi = 0;
    bool empty() const { return lo > hi; }
};

Stretch below(double a, double b, double limit, int lo, int hi) {
    if (std::fabs(b) < 1e-13)
        return a <= limit ? Stretch{lo, hi} : Stretch{};
    const double k = (limit - a) / b * 100.0;
    if (b > 0)
        return {lo, std::min(hi, static_cast<int>(std::floor(std::min(k, 1e9))) + 1)};
    return {std::max(lo, static_cast<int>(std::ceil(std::max(k, -1e9))) - 1), hi};
}

Stretch intersect(Stretch a, Stretch b) {
    return {std::max(a.lo, b.lo), std::min(a.hi, b.hi)};
}

// What the lines are drawn from: a result at some weight and the scores of its ranked bids.
struct Snapshot {
    std::shared_ptr<const EvaluationResult> result;
    std::vector<std::size_t> ranked;         // positions in result->bids
    std::vector<std::vector<double>> scores; // by ranked bid
    std::vector<char> rankedByInput;         // by input index
    std::size_t winner = 0;                  // position in `ranked`
};

Snapshot snapshotOf(std::shared_ptr<const EvaluationResult> result, std::size_t inputs) {
    Snapshot snap;
    snap.rankedByInput.assign(inputs, 0);
    for (std::size_t i = 0; i < result->bids.size(); ++i) {
        const BidResult& bid = result->bids[i];
        if (bid.status != BidStatus::Ranked)
            continue;
        if (result->winnerId && bid.bidId == *result->winnerId)
            snap.winner = snap.ranked.size();
        snap.ranked.push_back(i);
        snap.scores.push_back(sensitivity::scoresOf(bid, *result));
        if (bid.inputIndex < inputs)
            snap.rankedByInput[bid.inputIndex] = 1;
    }
    snap.result = std::move(result);
    return snap;
}

// A bid near a threshold: the scores of its threshold groups' leaves, from the evaluation
// without group thresholds.
struct ThresholdCandidate {
    std::size_t inputIndex = 0;
    std::vector<double> scores;
};

// A stretch of the walk where something must be checked point by point.
struct Watch {
    Stretch where;
    bool threshold = false;
    std::size_t who = 0; // ranked position in the snapshot (rival) or candidate index
};

class WeightSearch {
public:
    WeightSearch(const Tender& tender, const std::vector<Bid>& bids, const Evaluations& evaluations,
                 const EvaluationResult& base, const std::vector<ThresholdCandidate>& candidates,
                 const std::vector<int>& thresholdGroups, const ModelPlan& plan,
                 const ModelNode& node, const std::atomic<bool>& cancel)
        : tender_(tender), bids_(bids), evaluations_(evaluations), base_(base),
          candidates_(candidates), thresholdGroups_(thresholdGroups), plan_(plan), node_(node),
          cancel_(cancel), lines_(sensitivity::linesOf(tender, node.id)), places_(base.rounding),
          unit_(std::pow(10.0, -base.rounding)),
          pricePerPoint_(base.aggregation == Aggregation::PricePerQualityPoint) {}

    std::optional<WeightFlip> find(FlipDirection direction) {
        const int published = static_cast<int>(std::floor(node_.weight * 100.0 + 1e-7));
        const bool onGrid = std::fabs(published / 100.0 - node_.weight) < 1e-9;
        const int step = direction == FlipDirection::Up ? 1 : -1;
        int k =
            direction == FlipDirection::Up ? published + 1 : (onGrid ? published - 1 : published);
        const int end = direction == FlipDirection::Up ? kLastGridPoint : 0;
        Snapshot snap =
            snapshotOf(std::shared_ptr<const EvaluationResult>(&base_, [](auto*) {}), bids_.size());
        const auto inRange = [&](int at) {
            return step > 0 ? at <= end : at >= end;
        };
        while (inRange(k)) {
            std::vector<Watch> watches = watchesFrom(snap, std::min(k, end), std::max(k, end));
            // In walking order of their first point.
            std::sort(watches.begin(), watches.end(), [&](const Watch& a, const Watch& b) {
                return step > 0 ? a.where.lo < b.where.lo : a.where.hi > b.where.hi;
            });
            std::size_t next = 0;
            std::vector<const Watch*> active;
            bool redrawn = false;
            while (inRange(k) && !redrawn) {
                if (cancel_.load(std::memory_order_relaxed))
                    return std::nullopt;
                // Drop what lies behind, take in what starts here.
                active.erase(std::remove_if(active.begin(), active.end(),
                                            [&](const Watch* w) {
                                                return step > 0 ? w->where.hi < k : w->where.lo > k;
                                            }),
                             active.end());
                while (next < watches.size() &&
                       (step > 0 ? watches[next].where.lo <= k : watches[next].where.hi >= k)) {
                    const Watch& w = watches[next++];
                    if (step > 0 ? w.where.hi >= k : w.where.lo <= k)
                        active.push_back(&w);
                }
                if (active.empty()) {
                    if (next == watches.size())
                        return std::nullopt; // nothing further can change the winner
                    k = step > 0 ? watches[next].where.lo : watches[next].where.hi;
                    continue;
                }
                if (mightChange(snap, active, k)) {
                    const double weight = k / 100.0;
                    const auto changed = withNodeWeight(tender_, node_.id, weight);
                    if (!changed)
                        return std::nullopt;
                    EvaluationOutcome there = evaluate(*changed, bids_, evaluations_);
                    if (there.result) {
                        if (there.result->winnerId != base_.winnerId)
                            return WeightFlip{direction, weight, there.result->winnerId};
                        if (!sensitivity::sameRanked(*there.result, *snap.result)) {
                            snap = snapshotOf(
                                std::make_shared<const EvaluationResult>(std::move(*there.result)),
                                bids_.size());
                            redrawn = true;
                        }
                    }
                }
                k += step;
            }
        }
        return std::nullopt;
    }

private:
    // The stretches of [lo, hi] where a rival comes near the winner or a candidate near a
    // group threshold, from the lines through `snap`.
    std::vector<Watch> watchesFrom(const Snapshot& snap, int lo, int hi) const {
        std::vector<Watch> watches;
        const auto& winnerScores = snap.scores[snap.winner];
        const double leaves = static_cast<double>(lines_.leaves.size());
        // Each total is off its line by at most half a unit per leaf.
        const double reach = (leaves + 1.0) * unit_;
        const auto lineOfScores = [&](const std::vector<double>& scores, double& a, double& b) {
            a = 0;
            b = 0;
            for (std::size_t l = 0; l < scores.size(); ++l) {
                const WeightLine& line = lines_.leaves[l];
                a += scores[l] * (line.fixed + 100.0 * line.perRest);
                b += scores[l] * (line.perNode - line.perRest);
            }
        };
        double winnerA = 0;
        double winnerB = 0;
        lineOfScores(winnerScores, winnerA, winnerB);
        const double winnerPrice = priceOf(snap, snap.winner);
        for (std::size_t r = 0; r < snap.ranked.size(); ++r) {
            if (r == snap.winner)
                continue;
            double a = 0;
            double b = 0;
            lineOfScores(snap.scores[r], a, b);
            Stretch where;
            if (!pricePerPoint_) {
                // winner - rival <= reach
                where = below(winnerA - a, winnerB - b, reach, lo, hi);
            } else {
                // The rival costs less per point when P_r Q_w - P_w Q_r < 0.
                const double price = priceOf(snap, r);
                const double slack = (price + winnerPrice) * reach + 2.0 * unit_ * 100.0 * 100.0;
                where = below(price * winnerA - winnerPrice * a, price * winnerB - winnerPrice * b,
                              slack, lo, hi);
            }
            if (!where.empty())
                watches.push_back({where, false, r});
        }
        for (std::size_t c = 0; c < candidates_.size(); ++c) {
            for (const int g : thresholdGroups_) {
                const PlannedGroup& group = plan_.groups[static_cast<std::size_t>(g)];
                const double share = *group.node->minPercent / 100.0;
                double a = -share * (lines_.groups[static_cast<std::size_t>(g)].fixed +
                                     100.0 * lines_.groups[static_cast<std::size_t>(g)].perRest);
                double b = -share * (lines_.groups[static_cast<std::size_t>(g)].perNode -
                                     lines_.groups[static_cast<std::size_t>(g)].perRest);
                for (const int leaf : group.leaves) {
                    const double s = candidates_[c].scores[static_cast<std::size_t>(leaf)];
                    const WeightLine& line = lines_.leaves[static_cast<std::size_t>(leaf)];
                    a += s * (line.fixed + 100.0 * line.perRest);
                    b += s * (line.perNode - line.perRest);
                }
                const double slack =
                    (static_cast<double>(group.leaves.size()) + 1.0) * unit_ + 1e-9;
                // |G| <= slack: G <= slack and -G <= slack.
                const Stretch where =
                    intersect(below(a, b, slack, lo, hi), below(-a, -b, slack, lo, hi));
                if (!where.empty())
                    watches.push_back({where, true, c});
            }
        }
        return watches;
    }

    double priceOf(const Snapshot& snap, std::size_t ranked) const {
        return snap.result->bids[snap.ranked[ranked]].price.value_or(0);
    }

    // The pipeline's rounded points of one bid's leaves at effective weights `weights`.
    long long unitsOf(const std::vector<double>& scores, const std::vector<double>& weights,
                      const std::vector<int>* only = nullptr) const {
        long long units = 0;
        if (only != nullptr) {
            for (const int l : *only)
                units += roundedUnits(scores[static_cast<std::size_t>(l)] *
                                          weights[static_cast<std::size_t>(l)],
                                      places_);
            return units;
        }
        for (std::size_t l = 0; l < scores.size(); ++l)
            units += roundedUnits(scores[l] * weights[l], places_);
        return units;
    }

    // The pipeline's key, larger better: the total, or minus the price per quality point.
    long long keyOf(const Snapshot& snap, std::size_t ranked,
                    const std::vector<double>& weights) const {
        const long long units = unitsOf(snap.scores[ranked], weights);
        if (!pricePerPoint_)
            return units;
        if (units <= 0)
            return std::numeric_limits<long long>::min();
        return -roundedUnits(priceOf(snap, ranked) / (static_cast<double>(units) * unit_), places_);
    }

    // True when, at grid point k, a watched rival comes within a unit of the winner or a
    // watched candidate's threshold verdict differs from the snapshot's (or is on the edge).
    bool mightChange(const Snapshot& snap, const std::vector<const Watch*>& active, int k) {
        const double w = k / 100.0;
        weights_.resize(lines_.leaves.size());
        for (std::size_t l = 0; l < weights_.size(); ++l)
            weights_[l] = lines_.leaves[l].at(w);
        const long long winnerKey = keyOf(snap, snap.winner, weights_);
        for (const Watch* watch : active) {
            if (!watch->threshold) {
                if (keyOf(snap, watch->who, weights_) >= winnerKey - 1)
                    return true;
                continue;
            }
            const ThresholdCandidate& candidate = candidates_[watch->who];
            bool passes = true;
            for (const int g : thresholdGroups_) {
                const PlannedGroup& group = plan_.groups[static_cast<std::size_t>(g)];
                const double available = lines_.groups[static_cast<std::size_t>(g)].at(w);
                if (available <= 0)
                    continue;
                const double points =
                    static_cast<double>(unitsOf(candidate.scores, weights_, &group.leaves)) * unit_;
                const long long percent = fine(points / available * 100.0);
                const long long limit = fine(*group.node->minPercent);
                if (std::llabs(percent - limit) <= 1)
                    return true;
                if (percent < limit)
                    passes = false;
            }
            if (passes != (snap.rankedByInput[candidate.inputIndex] != 0))
                return true;
        }
        return false;
    }

    const Tender& tender_;
    const std::vector<Bid>& bids_;
    const Evaluations& evaluations_;
    const EvaluationResult& base_;
    const std::vector<ThresholdCandidate>& candidates_;
    const std::vector<int>& thresholdGroups_;
    const ModelPlan& plan_;
    const ModelNode& node_;
    const std::atomic<bool>& cancel_;
    ModelLines lines_;
    int places_;
    double unit_;
    bool pricePerPoint_;
    std::vector<double> weights_;
};

} // namespace

std::vector<NodeWeightFlips> findWeightFlips(const Tender& tender, const std::vector<Bid>& bids,
                                             const Evaluations& evaluations,
                                             const EvaluationResult& result,
                                             const SensitivityProgress& progress) {
    std::vector<NodeWeightFlips> flips;
    std::vector<const ModelNode*> nodes;
    forEachNode(tender.model.children, [&](const ModelNode& node) {
        if (node.kind == NodeKind::Gate || !withNodeWeight(tender, node.id, node.weight))
            return;
        nodes.push_back(&node);
        flips.push_back({node.id, node.displayName(), node.weight, std::nullopt, std::nullopt});
    });
    if (!result.winnerId || nodes.empty())
        return flips;

    // The bids a group threshold keeps out, or could: ranked once the thresholds are lifted.
    const ModelPlan plan = planModel(tender);
    std::vector<int> thresholdGroups;
    for (std::size_t g = 0; g < plan.groups.size(); ++g)
        if (plan.groups[g].node->minPercent)
            thresholdGroups.push_back(static_cast<int>(g));
    std::vector<ThresholdCandidate> candidates;
    if (!thresholdGroups.empty()) {
        const Tender lifted = sensitivity::relaxedTender(tender, {true, false});
        const EvaluationOutcome open = evaluate(lifted, bids, evaluations);
        if (open.result)
            for (const auto& bid : open.result->bids)
                if (bid.status == BidStatus::Ranked)
                    candidates.push_back(
                        {bid.inputIndex, sensitivity::scoresOf(bid, *open.result)});
    }

    std::atomic<std::size_t> nextNode{0};
    std::atomic<std::size_t> finished{0};
    std::atomic<bool> cancel{false};
    std::mutex mutex;
    std::condition_variable done;
    const auto work = [&] {
        for (std::size_t i = nextNode++; i < nodes.size(); i = nextNode++) {
            WeightSearch search(tender, bids, evaluations, result, candidates, thresholdGroups,
                                plan, *nodes[i], cancel);
            flips[i].down = search.find(FlipDirection::Down);
            flips[i].up = search.find(FlipDirection::Up);
            {
                std::lock_guard lock(mutex);
                ++finished;
            }
            done.notify_one();
        }
    };
    const unsigned threads = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(),
                                                             static_cast<unsigned>(nodes.size())));
    std::vector<std::thread> workers;
    // With progress to report, the caller's thread reports and may cancel while every
    // worker searches; without, it searches too.
    for (unsigned t = progress ? 0 : 1; t < threads; ++t)
        workers.emplace_back(work);
    if (progress) {
        std::unique_lock lock(mutex);
        while (finished < nodes.size()) {
            done.wait_for(lock, std::chrono::milliseconds(50));
            const double share =
                static_cast<double>(finished.load()) / static_cast<double>(nodes.size());
            lock.unlock();
            if (!cancel && !progress(share))
                cancel = true;
            lock.lock();
        }
    } else {
        work();
    }
    for (auto& worker : workers)
        worker.join();
    return flips;
}

} // namespace fairtender
