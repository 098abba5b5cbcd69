#include "scoring/Ranking.h"

#include <algorithm>

namespace fairtender {

Ranking rankByKeys(const std::vector<int>& candidates, const std::vector<long long>& keys,
                   int keysPerBid) {
    const auto width = static_cast<std::size_t>(keysPerBid);
    const auto keyOf = [&](int bid) {
        return keys.data() + static_cast<std::size_t>(bid) * width;
    };
    // The first key (the total) nearly always decides, so it sits beside the bid and the
    // remaining keys are read only on a tie.
    struct Entry {
        long long first;
        int bid;
    };
    std::vector<Entry> entries;
    entries.reserve(candidates.size());
    for (const int bid : candidates)
        entries.push_back({width > 0 ? keyOf(bid)[0] : 0, bid});
    const auto rest = [&](int bid) {
        return keyOf(bid) + (width > 0 ? 1 : 0);
    };
    const auto end = [&](int bid) {
        return keyOf(bid) + width;
    };
    const auto less = [&](const Entry& a, const Entry& b) {
        if (a.first != b.first)
            return a.first < b.first;
        return std::lexicographical_compare(rest(a.bid), end(a.bid), rest(b.bid), end(b.bid));
    };
    const auto same = [&](const Entry& a, const Entry& b) {
        return a.first == b.first && std::equal(rest(a.bid), end(a.bid), rest(b.bid));
    };
    std::stable_sort(entries.begin(), entries.end(), less);

    Ranking ranking;
    const std::size_t n = entries.size();
    ranking.order.resize(n);
    ranking.rank.assign(n, 0);
    ranking.tied.assign(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        ranking.order[i] = entries[i].bid;
        if (i > 0 && same(entries[i - 1], entries[i])) {
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
