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
#include "SyntheticTender.h"
#include "io/xml/TenderFolder.h"
#include "scoring/Evaluator.h"
#include "sensitivity/AwardSensitivity.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
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
    if (FILE* pipe = popen(command.c_str(), "r")) {
        if (std::fscanf(pipe, "%lf", &peer) != 1)
            peer = 0;
        pclose(pipe);
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
    std::printf("weight flips: %zu weighted nodes of a 1,000-bid, %d-criterion tender: %.3f s "
                "(%d flips found); one evaluation %.4f s; %.0f evaluations' time\n",
                flips.size(), generated.leaves, flipping, found, once, flipping / once);
    return 0;
}
