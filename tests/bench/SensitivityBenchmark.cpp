// Award confidence at size, each figure against a peer in the same run:
//
//   fairtender_sensitivity_bench [SAMPLES [THREADS]]
//
// (with THREADS, only the odds, on that many threads and without the peer)
// 1. First-place odds: SAMPLES (default 1,000,000) Monte Carlo samples of 100 bids in 8
//    groups of 2 judgement criteria, on every core, against the same sampling written with
//    vectorised numpy (sensitivity_peer.py, its sampling time as it measures it).
// 2. Weight flips of a 1,000-bid, 30-criterion synthetic tender, against one evaluation of
//    the same tender.
// Exits 1, saying why, when the figures would mean nothing: the peer did not run, the two
// disagree on who leads and by how much, or a reported flip does not hold.
#include "SyntheticTender.h"
#include "io/xml/TenderFolder.h"
#include "scoring/Evaluator.h"
#include "sensitivity/AwardSensitivity.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <random>
#include <string>

using namespace fairtender;

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

struct Built {
    Tender tender;
    std::vector<Bid> bids;
    Evaluations evaluations;
};

// 8 groups of 12.5, each of two judgement criteria of 50 (scale 5), 100 bids with
// consensus values drawn from 0 to 5.
Built oddsTender() {
    Built b;
    b.tender.id = "ODDS-BENCH";
    std::mt19937 random(20261207);
    std::uniform_int_distribution<int> value(0, 5);
    for (int g = 1; g <= 8; ++g) {
        ModelNode group;
        group.kind = NodeKind::Group;
        group.id = "g" + std::to_string(g);
        group.weight = 12.5;
        for (int c = 1; c <= 2; ++c) {
            ModelNode leaf;
            leaf.kind = NodeKind::Criterion;
            leaf.id = group.id + "-q" + std::to_string(c);
            leaf.weight = 50;
            leaf.criterion.type = CriterionType::Judgement;
            leaf.criterion.scaleMax = 5;
            leaf.criterion.scaleStep = 1;
            group.children.push_back(leaf);
        }
        b.tender.model.children.push_back(group);
    }
    for (int i = 1; i <= 100; ++i) {
        Bid bid;
        bid.id = "B" + std::to_string(i);
        bid.supplier.name = "Supplier " + bid.id;
        b.bids.push_back(bid);
        for (const auto& group : b.tender.model.children)
            for (const auto& leaf : group.children)
                b.evaluations.consensus.push_back(
                    {bid.id, leaf.id, "M", static_cast<double>(value(random)), "", {}});
    }
    return b;
}

// The peer's input: the ranked bids' normalised scores, by bid then leaf, as the sampler
// uses them, with each leaf's group.
void writePeerInput(const EvaluationResult& result, const std::string& path) {
    std::ofstream out(path);
    out << "{\"groups\": 8, \"leaf_group\": [";
    for (std::size_t l = 0; l < result.leaves.size(); ++l)
        out << (l ? "," : "") << (l / 2);
    out << "], \"step\": 0.2, \"scores\": [";
    bool firstBid = true;
    for (const auto& bid : result.bids) {
        if (bid.status != BidStatus::Ranked)
            continue;
        out << (firstBid ? "" : ",") << "[";
        firstBid = false;
        for (std::size_t l = 0; l < bid.criteria.size(); ++l)
            out << (l ? "," : "") << bid.criteria[l].score;
        out << "]";
    }
    out << "]}\n";
}

} // namespace

int main(int argc, char** argv) {
    const std::size_t samples = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
    // A second argument runs the odds alone on that many threads, without the peer.
    const unsigned threadsOnly = argc > 2 ? static_cast<unsigned>(std::atoi(argv[2])) : 0;

    // 1. First-place odds.
    const Built odds = oddsTender();
    const auto outcome = evaluate(odds.tender, odds.bids, odds.evaluations);
    if (!outcome.ok()) {
        std::cerr << "the odds tender does not evaluate\n";
        return 1;
    }
    auto start = std::chrono::steady_clock::now();
    const FirstPlaceOdds result =
        firstPlaceOdds(odds.tender, *outcome.result, {samples, 1, 0.1, threadsOnly});
    const double ours = secondsSince(start);
    if (threadsOnly != 0) {
        std::printf("first-place odds: %zu samples on %u threads: %.3f s\n", samples, threadsOnly,
                    ours);
        return 0;
    }
    const std::string input = "/tmp/fairtender-odds-peer.json";
    writePeerInput(*outcome.result, input);
    const std::string peerScript =
        std::string(FAIRTENDER_SOURCE_DIR) + "/tests/bench/sensitivity_peer.py";
    const std::string command =
        "/usr/bin/python3 " + peerScript + " " + input + " " + std::to_string(samples);
    double peer = 0;
    int peerLeader = -1;
    double peerShare = 0;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        if (std::fscanf(pipe, "%lf %d %lf", &peer, &peerLeader, &peerShare) != 3)
            peer = 0;
        pclose(pipe);
    }
    if (peer <= 0) {
        std::cerr << "the numpy peer did not run: " << command << "\n";
        return 1;
    }
    // The figures are worth comparing only if both sampled the same thing: every sample
    // has one first, and both find the same leader with the same share (to 0.01: their
    // random streams differ; at a million samples one standard error is under 0.0005).
    double shares = 0;
    for (const auto& bid : result.bids)
        shares += bid.share;
    const auto leader =
        std::max_element(result.bids.begin(), result.bids.end(),
                         [](const BidOdds& a, const BidOdds& b) { return a.share < b.share; });
    if (std::abs(shares - 1.0) > 1e-9 ||
        peerLeader != static_cast<int>(leader - result.bids.begin()) ||
        std::abs(peerShare - leader->share) > 0.01) {
        std::cerr << "the odds disagree with the peer: shares sum to " << shares << "; "
                  << leader->bidId << " leads with " << leader->share << ", the peer's bid "
                  << peerLeader << " with " << peerShare << "\n";
        return 1;
    }
    std::printf("first-place odds: %zu samples x 100 bids x 8 groups (16 leaves): %.3f s; "
                "numpy peer %.3f s; %.1fx the peer; %s leads with %.4f\n",
                samples, ours, peer, peer > 0 ? peer / ours : 0.0, result.bids[0].bidId.c_str(),
                result.bids[0].share);

    // 2. Weight flips.
    bench::SyntheticTenderSpec spec;
    spec.bids = 1000;
    const auto generated = bench::generateTender(spec);
    Diagnostics diagnostics;
    auto tender = parseTender(generated.tenderXml, "tender.xml", nullptr, diagnostics);
    auto bids = parseBids(generated.bidsXml, "bids/bids.xml", diagnostics);
    auto evaluations = parseEvaluations(generated.evaluationsXml, "evaluations.xml", diagnostics);
    if (!tender || !bids || !evaluations) {
        std::cerr << "the synthetic tender does not read\n";
        return 1;
    }
    start = std::chrono::steady_clock::now();
    const auto evaluated = evaluate(*tender, *bids, *evaluations);
    const double once = secondsSince(start);
    if (!evaluated.ok()) {
        std::cerr << "the synthetic tender does not evaluate\n";
        return 1;
    }
    start = std::chrono::steady_clock::now();
    const auto flips = findWeightFlips(*tender, *bids, *evaluations, *evaluated.result);
    const double flipping = secondsSince(start);
    int found = 0;
    for (const auto& node : flips)
        found += (node.up ? 1 : 0) + (node.down ? 1 : 0);
    // Each flip as reported: another winner at its weight, the same one 0.01 before it.
    const auto winnerAt = [&](const std::string& node, double weight) {
        const auto moved = withNodeWeight(*tender, node, weight);
        if (!moved)
            return std::optional<std::string>("(no such weight)");
        const auto there = evaluate(*moved, *bids, *evaluations);
        return there.ok() ? there.result->winnerId : std::nullopt;
    };
    for (const auto& node : flips)
        for (const auto* flip :
             {node.up ? &*node.up : nullptr, node.down ? &*node.down : nullptr}) {
            if (flip == nullptr)
                continue;
            const double before =
                flip->weight + (flip->direction == FlipDirection::Up ? -0.01 : 0.01);
            if (winnerAt(node.nodeId, flip->weight) == evaluated.result->winnerId ||
                winnerAt(node.nodeId, before) != evaluated.result->winnerId) {
                std::cerr << "the flip of " << node.nodeId << " at " << flip->weight
                          << " does not hold\n";
                return 1;
            }
        }
    if (found == 0) {
        std::cerr << "no weight flip found: the benchmark measured nothing worth reporting\n";
        return 1;
    }
    std::printf("weight flips: %zu weighted nodes of a 1,000-bid, %d-criterion tender: %.3f s "
                "(%d flips found); one evaluation %.4f s; %.0f evaluations' time\n",
                flips.size(), generated.leaves, flipping, found, once, flipping / once);
    return 0;
}
