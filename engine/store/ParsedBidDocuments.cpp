#include "store/ParsedBidDocuments.h"

#include <list>
#include <mutex>
#include <unordered_map>
#include <utility>

namespace fairtender {
namespace {

// The source texts of the documents kept: a parsed document takes a few times its text.
constexpr std::size_t kBudgetBytes = std::size_t{256} << 20;

class ParsedBidCache {
public:
    ParsedBids find(const std::string& rowHash) {
        std::lock_guard lock(mutex_);
        const auto found = index_.find(rowHash);
        if (found == index_.end())
            return nullptr;
        order_.splice(order_.begin(), order_, found->second);
        return found->second->bids;
    }

    void keep(const std::string& rowHash, ParsedBids bids, std::size_t textBytes) {
        if (textBytes > kBudgetBytes)
            return;
        std::lock_guard lock(mutex_);
        if (index_.count(rowHash) != 0)
            return;
        order_.push_front({rowHash, std::move(bids), textBytes});
        index_.emplace(rowHash, order_.begin());
        bytes_ += textBytes;
        while (bytes_ > kBudgetBytes) {
            bytes_ -= order_.back().textBytes;
            index_.erase(order_.back().rowHash);
            order_.pop_back();
        }
    }

private:
    struct Kept {
        std::string rowHash;
        ParsedBids bids;
        std::size_t textBytes = 0;
    };
    std::mutex mutex_;
    std::list<Kept> order_; // most recently used first
    std::unordered_map<std::string, std::list<Kept>::iterator> index_;
    std::size_t bytes_ = 0;
};

ParsedBidCache& cache() {
    static ParsedBidCache instance;
    return instance;
}

} // namespace

ParsedBids findParsedBids(const std::string& rowHash) {
    return cache().find(rowHash);
}

void keepParsedBids(const std::string& rowHash, ParsedBids bids, std::size_t textBytes) {
    cache().keep(rowHash, std::move(bids), textBytes);
}

} // namespace fairtender
