#include "server/RankingCache.h"

#include <algorithm>

namespace fairtender::server {

RankingCache::RankingCache(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 1)) {}

std::shared_ptr<const std::string> RankingCache::find(const std::string& tender,
                                                      const std::string& head) {
    const std::lock_guard lock(mutex_);
    const auto found = kept_.find(tender);
    if (found == kept_.end() || found->second.head != head)
        return nullptr;
    found->second.lastRead = ++reads_;
    return found->second.json;
}

void RankingCache::keep(const std::string& tender, const std::string& head,
                        std::shared_ptr<const std::string> json) {
    const std::lock_guard lock(mutex_);
    kept_[tender] = {head, std::move(json), ++reads_};
    while (kept_.size() > capacity_) {
        const auto oldest =
            std::min_element(kept_.begin(), kept_.end(), [](const auto& a, const auto& b) {
                return a.second.lastRead < b.second.lastRead;
            });
        kept_.erase(oldest);
    }
}

} // namespace fairtender::server
