// First-place odds by Monte Carlo. Each sample draws every weighted sibling set from a
// Dirichlet around its published weights and moves each ranked bid's judgement values a
// step up or down with the set probability, then totals the bids' normalised scores
// (as the evaluation left them: thresholds, relative scores and rounding are not applied
// again per sample; totals in single precision) and counts who comes first. The samples
// are dealt out in fixed chunks, each with its own random streams from the seed, so the
// counts do not depend on the number of threads.
#include "scoring/ModelPlan.h"
#include "sensitivity/AwardSensitivity.h"
#include "sensitivity/ScoreLines.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
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

// The loops a sample spends its time in, each over a row of bids, are built for the
// baseline and for AVX2, the better chosen when the program loads.
[[gnu::target_clones("avx2", "default")]] void addWeighted(float* totals, const float* scores,
                                                           const float* weights, std::size_t leaves,
                                                           std::size_t width) {
    for (std::size_t b = 0; b < width; ++b)
        totals[b] = 0.0f;
    for (std::size_t l = 0; l < leaves; ++l) {
        const float w = weights[l];
        const float* row = scores + l * width;
        for (std::size_t b = 0; b < width; ++b)
            totals[b] += row[b] * w;
    }
}

// Eight lanes at a time (GCC and Clang vector extensions; a cast between them keeps the
// bits), so the steps are chosen by masks rather than by branches the processor cannot
// predict.
using Floats = float __attribute__((vector_size(32)));
using Ints = std::int32_t __attribute__((vector_size(32)));

using Words = std::uint64_t __attribute__((vector_size(32)));

// Four xoshiro256** streams side by side (word k of stream i at word[k][i]), seeded from
// one scalar stream, so four draws come from one pass of vector instructions.
struct LaneStreams {
    std::uint64_t word[4][4];
};

LaneStreams laneStreams(Random& random) {
    LaneStreams streams{};
    for (auto& k : streams.word)
        for (auto& lane : k)
            lane = random.next();
    return streams;
}

// Adds one judgement leaf's random steps to the totals: each 16 bits of the streams decide
// one bid's cell, below `upBelow` a step up, from there to `downBelow` a step down.
// `width` is a multiple of 16.
[[gnu::target_clones("avx2", "default")]] void
addRandomSteps(float* totals, LaneStreams& streams, const float* up, const float* down,
               float weight, std::int32_t upBelow, std::int32_t downBelow, std::size_t width) {
    Words s0;
    Words s1;
    Words s2;
    Words s3;
    std::memcpy(&s0, streams.word[0], sizeof s0);
    std::memcpy(&s1, streams.word[1], sizeof s1);
    std::memcpy(&s2, streams.word[2], sizeof s2);
    std::memcpy(&s3, streams.word[3], sizeof s3);
    for (std::size_t b = 0; b < width; b += 16) {
        // xoshiro256**: rotl(s1 * 5, 7) * 9, the multiplications as shifts and adds.
        const Words times5 = (s1 << 2) + s1;
        const Words rotated = (times5 << 7) | (times5 >> 57);
        const Words drawn = (rotated << 3) + rotated;
        const Words t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 45) | (s3 >> 19);

        Ints bits;
        std::memcpy(&bits, &drawn, sizeof bits);
        const Ints halves[2] = {bits & 0xffff, (bits >> 16) & 0xffff};
        for (std::size_t h = 0; h < 2; ++h) {
            const std::size_t at = b + 8 * h;
            Floats upBy;
            Floats downBy;
            Floats total;
            std::memcpy(&upBy, up + at, sizeof upBy);
            std::memcpy(&downBy, down + at, sizeof downBy);
            std::memcpy(&total, totals + at, sizeof total);
            const Ints cell = halves[h];
            const Ints isUp = cell < upBelow;
            const Ints isDown = (cell >= upBelow) & (cell < downBelow);
            const Floats step = (Floats)((Ints)upBy & isUp) - (Floats)((Ints)downBy & isDown);
            total += step * weight;
            std::memcpy(totals + at, &total, sizeof total);
        }
    }
    std::memcpy(streams.word[0], &s0, sizeof s0);
    std::memcpy(streams.word[1], &s1, sizeof s1);
    std::memcpy(streams.word[2], &s2, sizeof s2);
    std::memcpy(streams.word[3], &s3, sizeof s3);
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

    // Leaf-major tables, one row of bids per leaf, so each step of a sample is one loop
    // over the bids that the compiler vectorises: the normalised scores, and for each
    // judgement leaf how far a step moves each bid's score up (to at most 1) and down
    // (to at least 0). Rows are padded to a multiple of sixteen bids.
    const std::size_t width = (bids + 15) / 16 * 16;
    std::vector<float> scores(leaves * width, 0.0f);
    for (std::size_t b = 0; b < bids; ++b) {
        const auto s = sensitivity::scoresOf(*ranked[b], result);
        for (std::size_t l = 0; l < leaves; ++l)
            scores[l * width + b] = static_cast<float>(s[l]);
    }
    std::vector<std::size_t> judgementLeaves;
    std::vector<float> upBy;
    std::vector<float> downBy;
    for (std::size_t l = 0; l < leaves; ++l) {
        const ModelNode* node = findNode(tender.model, result.leaves[l].criterionId);
        if (node == nullptr || node->criterion.type != CriterionType::Judgement ||
            node->criterion.scaleMax <= 0 || !result.leaves[l].scored)
            continue;
        judgementLeaves.push_back(l);
        const double step = judgementStep(node->criterion) / node->criterion.scaleMax;
        for (std::size_t b = 0; b < width; ++b) {
            const double s = scores[l * width + b];
            upBy.push_back(b < bids ? static_cast<float>(std::min(step, 1.0 - s)) : 0.0f);
            downBy.push_back(b < bids ? static_cast<float>(std::min(step, s)) : 0.0f);
        }
    }
    const bool pricePerPoint = result.aggregation == Aggregation::PricePerQualityPoint;
    std::vector<double> prices(bids, 0.0);
    for (std::size_t b = 0; b < bids; ++b)
        prices[b] = ranked[b]->price.value_or(0);
    // Each 16 bits of a draw decide one cell: below `upBelow` a step up, from there to
    // `downBelow` a step down.
    const double p = std::clamp(settings.stepProbability, 0.0, 0.5);
    const auto upBelow = static_cast<std::int32_t>(std::lround(p * 65536.0));
    const std::int32_t downBelow = 2 * upBelow;

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
        std::vector<float> effective(leaves, 0.0f);
        std::vector<float> totals(width, 0.0f);
        std::vector<double> draws;
        auto& counted = wins[thread];
        for (std::size_t chunk = nextChunk++; chunk < chunks && !cancel; chunk = nextChunk++) {
            std::uint64_t seed = settings.seed ^ (0xd1b54a32d192ed03ULL * (chunk + 1));
            Random random(Random::splitmix(seed));
            LaneStreams streams = laneStreams(random);
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
                    effective[l] = static_cast<float>(w);
                }
                addWeighted(totals.data(), scores.data(), effective.data(), leaves, width);
                for (std::size_t j = 0; j < judgementLeaves.size(); ++j)
                    addRandomSteps(totals.data(), streams, upBy.data() + j * width,
                                   downBy.data() + j * width, effective[judgementLeaves[j]],
                                   upBelow, downBelow, width);
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
