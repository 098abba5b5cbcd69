// Ranking: competition ranking (1, 1, 3) of bids by integer keys compared in order, the
// tie-break already folded into the keys, so equal totals compare exactly as printed.
#pragma once

#include <vector>

namespace fairtender {

struct Ranking {
    std::vector<int> order; // candidates best first; equal keys keep input order
    std::vector<int> rank;  // by position in `order`
    std::vector<bool> tied; // by position in `order`: shares its rank
};

// Ranks `candidates` (bid indices, in input order) by keys[bid * keysPerBid + k],
// lexicographically, lowest first.
Ranking rankByKeys(const std::vector<int>& candidates, const std::vector<long long>& keys,
                   int keysPerBid);

} // namespace fairtender
