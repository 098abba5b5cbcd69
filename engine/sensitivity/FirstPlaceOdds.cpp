// First-place odds by Monte Carlo. Each sample draws every weighted sibling set from a
// Dirichlet around its published weights and moves each ranked bid's judgement values a
// step up or down with the set probability, then totals the bids' normalised scores
// (as the evaluation left them: thresholds, relative scores and rounding are not applied
// again per sample) and counts who comes first. The samples are dealt out in fixed
// chunks, each with its own random stream from the seed, so the counts do not depend on
// the number of threads.
#include "scoring/ModelPlan.h"
#include "sensitivity/AwardSensitivity.h"
#include "sensitivity/ScoreLines.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <thread>

namespace fairtender {

namespace {

constexpr std::size_t kChunk = 4096;

// xoshiro256** (Blackman and Vigna), seeded through splitmix64.
class Random {
public:
    explicit Random(std::uint64_t seed) {
        for (auto& word : state_)
            word = splitmix(seed);
    }
    std::uint64_t next() {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }
    // Uniform in (0, 1).
    double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }
    // Standard normal, Marsaglia's polar method.
    double normal() {
        if (spare_) {
            spare_ = false;
            return spareValue_;
        }
        double u = 0;
        double v = 0;
        double s = 0;
        do {
            u = 2.0 * uniform() - 1.0;
            v = 2.0 * uniform() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        const double factor = std::sqrt(-2.0 * std::log(s) / s);
        spareValue_ = v * factor;
        spare_ = true;
        return u * factor;
    }
    // Gamma(shape, 1), Marsaglia and Tsang; shapes below 1 boosted by U^(1/shape).
    double gamma(double shape) {
        if (shape <= 0)
            return 0;
        if (shape < 1)
            return gamma(shape + 1.0) * std::pow(uniform(), 1.0 / shape);
        const double d = shape - 1.0 / 3.0;
        const double c = 1.0 / std::sqrt(9.0 * d);
        for (;;) {
            double x = 0;
            double v = 0;
            do {
                x = normal();
                v = 1.0 + c * x;
            } while (v <= 0);
            v = v * v * v;
            const double u = uniform();
            if (u < 1.0 - 0.0331 * x * x * x * x)
                return d * v;
            if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v)))
                return d * v;
        }
    }

    static std::uint64_t splitmix(std::uint64_t& x) {
        std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t state_[4]{};
    bool spare_ = false;
    double spareValue_ = 0;
};

// One weighted sibling set: the published weights (percent) and the Dirichlet's shapes.
struct SiblingSet {
    std::vector<int> nodes; // indices into Sampler::nodeWeights
    std::vector<double> shapes;
};

// The model as the sampler needs it: every weighted node's published weight, the sets of
// siblings to draw, and for each leaf the nodes on its path.
struct Sampler {
    std::vector<double> nodeWeights;
    std::vector<SiblingSet> sets;
    std::vector<std::vector<int>> leafPaths; // leaf -> node indices, outermost first
    std::size_t leaves = 0;
};

void collect(const std::vector<ModelNode>& siblings, std::vector<int> path, Sampler& sampler,
             const std::vector<std::string>& leafIds) {
    SiblingSet set;
    for (const auto& node : siblings) {
        if (node.kind == NodeKind::Gate)
            continue;
        const int index = static_cast<int>(sampler.nodeWeights.size());
        sampler.nodeWeights.push_back(node.weight);
        set.nodes.push_back(index);
        std::vector<int> below = path;
        below.push_back(index);
        if (node.kind == NodeKind::Criterion) {
            const auto at = std::find(leafIds.begin(), leafIds.end(), node.id);
            if (at != leafIds.end())
                sampler.leafPaths[static_cast<std::size_t>(at - leafIds.begin())] = below;
        } else {
            collect(node.children, below, sampler, leafIds);
        }
    }
    if (set.nodes.size() < 2)
        return; // a lone node keeps all its parent's weight
    const double k = static_cast<double>(set.nodes.size());
    // A weight of 100 / k then has a coefficient of variation of 10%.
    const double concentration = 100.0 * (k - 1.0) - 1.0;
    for (const int node : set.nodes)
        set.shapes.push_back(concentration * sampler.nodeWeights[static_cast<std::size_t>(node)] /
                             100.0);
    sampler.sets.push_back(std::move(set));
}

} // namespace

FirstPlaceOdds firstPlaceOdds(const Tender& tender, const EvaluationResult& result,
                              const OddsSettings& settings, const SensitivityProgress& progress) {
    FirstPlaceOdds odds;
    odds.samples = settings.samples;
    odds.seed = settings.seed;
    odds.stepProbability = settings.stepProbability;

    std::vector<const BidResult*> ranked;
    for (const auto& bid : result.bids)
        if (bid.status == BidStatus::Ranked)
            ranked.push_back(&bid);
    for (const auto* bid : ranked)
        odds.bids.push_back({bid->bidId, 0.0});
    if (ranked.empty() || settings.samples == 0)
        return odds;

    const std::size_t bids = ranked.size();
    const std::size_t leaves = result.leaves.size();
    Sampler sampler;
    sampler.leaves = leaves;
    sampler.leafPaths.resize(leaves);
    std::vector<std::string> leafIds;
    for (const auto& leaf : result.leaves)
        leafIds.push_back(leaf.criterionId);
    collect(tender.model.children, {}, sampler, leafIds);

    // Scores by bid, leaf; and for each judgement cell how far a step moves s each way.
    std::vector<double> scores(bids * leaves, 0.0);
    for (std::size_t b = 0; b < bids; ++b) {
        const auto s = sensitivity::scoresOf(*ranked[b], result);
        std::copy(s.begin(), s.end(), scores.begin() + static_cast<std::ptrdiff_t>(b * leaves));
    }
    struct Movable {
        std::uint32_t bid = 0;
        std::uint32_t leaf = 0;
        double up = 0;   // s gained by a step up (to at most 1)
        double down = 0; // s lost by a step down (to at least 0)
    };
    std::vector<Movable> movable;
    for (std::size_t l = 0; l < leaves; ++l) {
        const ModelNode* node = findNode(tender.model, result.leaves[l].criterionId);
        if (node == nullptr || node->criterion.type != CriterionType::Judgement ||
            node->criterion.scaleMax <= 0 || !result.leaves[l].scored)
            continue;
        const double step = judgementStep(node->criterion) / node->criterion.scaleMax;
        for (std::size_t b = 0; b < bids; ++b) {
            const double s = scores[b * leaves + l];
            movable.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(l),
                               std::min(step, 1.0 - s), std::min(step, s)});
        }
    }
    const bool pricePerPoint = result.aggregation == Aggregation::PricePerQualityPoint;
    std::vector<double> prices(bids, 0.0);
    for (std::size_t b = 0; b < bids; ++b)
        prices[b] = ranked[b]->price.value_or(0);
    // Each 16 bits of a draw decide one cell: below `upBelow` a step up, below `downBelow`
    // a step down.
    const double p = std::clamp(settings.stepProbability, 0.0, 0.5);
    const auto upBelow = static_cast<std::uint32_t>(std::lround(p * 65536.0));
    const std::uint32_t downBelow = 2 * upBelow;

    const std::size_t chunks = (settings.samples + kChunk - 1) / kChunk;
    std::atomic<std::size_t> nextChunk{0};
    std::atomic<std::size_t> chunksDone{0};
    std::atomic<bool> cancel{false};
    const unsigned threads =
        std::max(1u, std::min<unsigned>(settings.threads != 0 ? settings.threads
                                                              : std::thread::hardware_concurrency(),
                                        static_cast<unsigned>(chunks)));
    std::vector<std::vector<std::uint64_t>> wins(threads, std::vector<std::uint64_t>(bids, 0));

    const auto work = [&](unsigned thread) {
        std::vector<double> nodeWeights(sampler.nodeWeights);
        std::vector<double> effective(leaves, 0.0);
        std::vector<double> totals(bids, 0.0);
        std::vector<double> draws;
        auto& counted = wins[thread];
        for (std::size_t chunk = nextChunk++; chunk < chunks && !cancel; chunk = nextChunk++) {
            std::uint64_t seed = settings.seed ^ (0xd1b54a32d192ed03ULL * (chunk + 1));
            Random random(Random::splitmix(seed));
            const std::size_t first = chunk * kChunk;
            const std::size_t last = std::min(settings.samples, first + kChunk);
            for (std::size_t sample = first; sample < last; ++sample) {
                for (const auto& set : sampler.sets) {
                    draws.resize(set.nodes.size());
                    double sum = 0;
                    for (std::size_t i = 0; i < set.nodes.size(); ++i)
                        sum += draws[i] = random.gamma(set.shapes[i]);
                    for (std::size_t i = 0; i < set.nodes.size(); ++i)
                        nodeWeights[static_cast<std::size_t>(set.nodes[i])] =
                            sum > 0 ? 100.0 * draws[i] / sum : 0.0;
                }
                for (std::size_t l = 0; l < leaves; ++l) {
                    double w = 100.0;
                    for (const int node : sampler.leafPaths[l])
                        w *= nodeWeights[static_cast<std::size_t>(node)] / 100.0;
                    effective[l] = w;
                }
                const double* row = scores.data();
                for (std::size_t b = 0; b < bids; ++b, row += leaves) {
                    double total = 0;
                    for (std::size_t l = 0; l < leaves; ++l)
                        total += row[l] * effective[l];
                    totals[b] = total;
                }
                std::uint64_t bits = 0;
                int lanes = 0;
                for (const Movable& cell : movable) {
                    if (lanes == 0) {
                        bits = random.next();
                        lanes = 4;
                    }
                    const auto lane = static_cast<std::uint32_t>(bits & 0xffffu);
                    bits >>= 16;
                    --lanes;
                    if (lane < upBelow)
                        totals[cell.bid] += cell.up * effective[cell.leaf];
                    else if (lane < downBelow)
                        totals[cell.bid] -= cell.down * effective[cell.leaf];
                }
                // Ties go to the bid ranked higher by the evaluation.
                std::size_t best = bids;
                double bestKey = -std::numeric_limits<double>::infinity();
                for (std::size_t b = 0; b < bids; ++b) {
                    double key = totals[b];
                    if (pricePerPoint)
                        key = totals[b] > 0 ? -prices[b] / totals[b]
                                            : -std::numeric_limits<double>::infinity();
                    if (key > bestKey) {
                        bestKey = key;
                        best = b;
                    }
                }
                if (best < bids)
                    ++counted[best];
            }
            ++chunksDone;
        }
    };
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < threads; ++t)
        workers.emplace_back(work, t);
    if (progress) {
        // The caller's thread samples too, reporting between its chunks.
        std::thread own(work, 0u);
        while (chunksDone < chunks && !cancel) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            if (!progress(static_cast<double>(chunksDone.load()) / static_cast<double>(chunks)))
                cancel = true;
        }
        own.join();
    } else {
        work(0);
    }
    for (auto& worker : workers)
        worker.join();
    std::vector<std::uint64_t> total(bids, 0);
    for (const auto& counted : wins)
        for (std::size_t b = 0; b < bids; ++b)
            total[b] += counted[b];
    for (std::size_t b = 0; b < bids; ++b)
        odds.bids[b].share = static_cast<double>(total[b]) / static_cast<double>(settings.samples);
    return odds;
}

} // namespace fairtender
