// RankingCache: the ranking of a tender as last evaluated, kept with the head it was
// evaluated at, so that the reads between two changes do not evaluate the whole tender each
// time. A head names exactly one state of the record (every change appends an audit entry,
// and the log is append-only), so a kept ranking is right for as long as the head stands;
// beyond `capacity` tenders the one read longest ago is dropped. Safe to share between the
// server's threads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace fairtender::server {

class RankingCache {
public:
    explicit RankingCache(std::size_t capacity = 64);

    // The ranking of `tender` at `head`, or null when none is kept for that head.
    std::shared_ptr<const std::string> find(const std::string& tender, const std::string& head);
    // Keeps `json` as the ranking of `tender` at `head`, in place of any earlier head's.
    void keep(const std::string& tender, const std::string& head,
              std::shared_ptr<const std::string> json);

private:
    struct Kept {
        std::string head;
        std::shared_ptr<const std::string> json;
        std::uint64_t lastRead = 0;
    };

    std::mutex mutex_;
    std::size_t capacity_;
    std::uint64_t reads_ = 0;
    std::map<std::string, Kept> kept_;
};

} // namespace fairtender::server
