// Engine benchmarks: scoring 10,000 bids x 30 criteria and loading 100 MB of bid XML,
// each beside a peer run in the same process (bare arithmetic over the same leaves; a
// plain pugixml parse of the same bytes) so the figures read as ratios, not as
// absolute numbers that depend on the machine.
#include "SyntheticTender.h"
#include "core/Diagnostic.h"
#include "io/xml/TenderFolder.h"
#include "scoring/Evaluator.h"

#include <benchmark/benchmark.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <vector>

namespace {

using namespace fairtender;

struct LoadedTender {
    Tender tender;
    std::vector<Bid> bids;
    Evaluations evaluations;
    int leaves = 0;
};

const LoadedTender& tenderOf(int bids) {
    static std::vector<std::pair<int, LoadedTender>> cache;
    for (const auto& [n, t] : cache)
        if (n == bids)
            return t;
    bench::SyntheticTenderSpec spec;
    spec.bids = bids;
    const auto generated = bench::generateTender(spec);
    Diagnostics diagnostics;
    auto tender = parseTender(generated.tenderXml, "tender.xml", nullptr, diagnostics);
    auto parsedBids = parseBids(generated.bidsXml, "bids/bids.xml", diagnostics);
    auto evaluations = parseEvaluations(generated.evaluationsXml, "evaluations.xml", diagnostics);
    if (!tender || !parsedBids || !evaluations) {
        for (const auto& d : diagnostics)
            std::cerr << d.toString() << "\n";
        std::abort();
    }
    cache.emplace_back(bids, LoadedTender{*tender, *parsedBids, *evaluations, generated.leaves});
    return cache.back().second;
}

void BM_EvaluateTender(benchmark::State& state) {
    const auto& t = tenderOf(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        auto outcome = evaluate(t.tender, t.bids, t.evaluations);
        if (!outcome.ok()) {
            state.SkipWithError("evaluation failed");
            break;
        }
        benchmark::DoNotOptimize(outcome);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0) * t.leaves);
    state.counters["leaf_scores"] = static_cast<double>(state.range(0) * t.leaves);
}
BENCHMARK(BM_EvaluateTender)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();

// Peer: the bare arithmetic of the same leaf scores (normalise, weight, round, sum) over
// flat arrays, with no derivations, flags or ranking: the floor the engine is compared to.
void BM_PeerBareArithmetic(benchmark::State& state) {
    const auto bids = static_cast<std::size_t>(state.range(0));
    const std::size_t leaves = 30;
    std::vector<double> raw(bids * leaves), weights(leaves, 100.0 / leaves), totals(bids);
    for (std::size_t i = 0; i < raw.size(); ++i)
        raw[i] = 1.0 + static_cast<double>((i * 2654435761u) % 1000);
    for (auto _ : state) {
        for (std::size_t l = 0; l < leaves; ++l) {
            double best = 0;
            for (std::size_t b = 0; b < bids; ++b)
                best = std::max(best, raw[b * leaves + l]);
            for (std::size_t b = 0; b < bids; ++b) {
                const double points = raw[b * leaves + l] / best * weights[l];
                totals[b] += std::round(points * 100.0) / 100.0;
            }
        }
        benchmark::DoNotOptimize(totals.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * state.range(0) * static_cast<int64_t>(leaves));
}
BENCHMARK(BM_PeerBareArithmetic)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();

const std::string& bidXml() {
    static const std::string xml = bench::generateBidXml(100u * 1024u * 1024u);
    return xml;
}

void BM_LoadBidXml(benchmark::State& state) {
    const auto& xml = bidXml();
    for (auto _ : state) {
        Diagnostics diagnostics;
        auto bids = parseBids(xml, "bids/bids.xml", diagnostics);
        if (!bids) {
            state.SkipWithError("bid XML did not load");
            break;
        }
        benchmark::DoNotOptimize(bids);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(xml.size()));
}
BENCHMARK(BM_LoadBidXml)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

// Peer: pugixml parsing the same bytes into a DOM, with no validation or model building.
void BM_PeerPugixmlParse(benchmark::State& state) {
    const auto& xml = bidXml();
    for (auto _ : state) {
        pugi::xml_document document;
        const auto result = document.load_buffer(xml.data(), xml.size());
        if (!result) {
            state.SkipWithError("pugixml failed");
            break;
        }
        benchmark::DoNotOptimize(document);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(xml.size()));
}
BENCHMARK(BM_PeerPugixmlParse)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

} // namespace

BENCHMARK_MAIN();
