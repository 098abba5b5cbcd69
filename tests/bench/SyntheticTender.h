// Synthetic tenders for benchmarks: a deterministic generator of tender, bid and
// evaluations XML of any size, exercising every criterion type, so the load and scoring
// benchmarks measure realistic work.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace fairtender::bench {

struct SyntheticTenderSpec {
    int bids = 10000;
    int judgementCriteria = 24;     // plus 6 others: price, social value, supplier location,
                                    // local spend, living wage, ownership = 30 leaves
    int evaluatorsPerScore = 0;     // 0: consensus only
    std::uint32_t seed = 20261123;
};

struct SyntheticTender {
    std::string tenderXml;
    std::string bidsXml;            // one <bids> document with every bid
    std::string evaluationsXml;
    int leaves = 0;
};

SyntheticTender generateTender(const SyntheticTenderSpec& spec);

// Bid XML only, repeated until it reaches at least `bytes`; returns the document.
std::string generateBidXml(std::size_t bytes, std::uint32_t seed = 7);

// Writes a tender folder (tender.xml, bids/bids.xml, evaluations.xml).
void writeTenderFolder(const SyntheticTender& tender, const std::filesystem::path& folder);

} // namespace fairtender::bench
