#include "scoring/Ranking.h"

#include <algorithm>

namespace fairtender {

Ranking rankByKeys(const std::vector<int>& candidates, const std::vector<long long>& keys,
                   int keysPerBid) {
    const auto width = static_cast<std::size_t>(keysPerBid);
    const auto keyOf = [&](int bid) {
        return keys.data() + static_cast<std::size_t>(bid) * width;
    };
    const auto less = [&](int a, int b) {
        return std::lexicographical_compare(keyOf(a), keyOf(a) + width, keyOf(b), keyOf(b) + width);
    };
    const auto same = [&](int a, int b) {
        return std::equal(keyOf(a), keyOf(a) + width, keyOf(b));
    };

    Ranking ranking;
    ranking.order = candidates;
    std::stable_sort(ranking.order.begin(), ranking.order.end(), less);
    const std::size_t n = ranking.order.size();
    ranking.rank.assign(n, 0);
    ranking.tied.assign(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && same(ranking.order[i - 1], ranking.order[i])) {
            ranking.rank[i] = ranking.rank[i - 1];
            ranking.tied[i - 1] = true;
            ranking.tied[i] = true;
        } else {
            ranking.rank[i] = static_cast<int>(i) + 1;
        }
    }
    return ranking;
}

} // namespace fairtender
