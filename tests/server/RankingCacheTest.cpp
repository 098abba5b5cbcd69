// The server keeps each tender's ranking with the head it was evaluated at.
#include "server/RankingCache.h"

#include <gtest/gtest.h>

namespace fairtender::server {
namespace {

std::shared_ptr<const std::string> json(const std::string& text) {
    return std::make_shared<const std::string>(text);
}

TEST(RankingCache, GivesTheRankingKeptAtTheSameHead) {
    RankingCache cache;
    cache.keep("meals", "h1", json("{\"winner\": \"B1\"}"));
    ASSERT_TRUE(cache.find("meals", "h1"));
    EXPECT_EQ(*cache.find("meals", "h1"), "{\"winner\": \"B1\"}");
}

TEST(RankingCache, GivesNothingOnceTheHeadHasMovedOn) {
    RankingCache cache;
    cache.keep("meals", "h1", json("{}"));
    EXPECT_FALSE(cache.find("meals", "h2"));
    EXPECT_FALSE(cache.find("roads", "h1"));
}

TEST(RankingCache, ANewHeadReplacesTheTendersEarlierRanking) {
    RankingCache cache;
    cache.keep("meals", "h1", json("one"));
    cache.keep("meals", "h2", json("two"));
    EXPECT_FALSE(cache.find("meals", "h1"));
    EXPECT_EQ(*cache.find("meals", "h2"), "two");
}

TEST(RankingCache, BeyondItsCapacityDropsTheTenderReadLongestAgo) {
    RankingCache cache(2);
    cache.keep("a", "h", json("a"));
    cache.keep("b", "h", json("b"));
    ASSERT_TRUE(cache.find("a", "h")); // a is now read more recently than b
    cache.keep("c", "h", json("c"));
    EXPECT_TRUE(cache.find("a", "h"));
    EXPECT_FALSE(cache.find("b", "h"));
    EXPECT_TRUE(cache.find("c", "h"));
}

} // namespace
} // namespace fairtender::server
