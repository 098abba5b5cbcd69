// What panel members see: price-blind and anonymous views, and independent scoring.
#include "lifecycle/PanelViews.h"

#include <gtest/gtest.h>

namespace fairtender {
namespace {

std::vector<Bid> twoBids() {
    Bid a;
    a.id = "B1";
    a.supplier.name = "Irwell Kitchen";
    a.price = Money::fromPence(120000000);
    Bid b;
    b.id = "B2";
    b.supplier.name = "Eccles Food";
    b.price = Money::fromPence(98000000);
    return {a, b};
}

TEST(PanelViews, EvaluatorSeesNoPriceBeforeLocked) {
    const auto views = bidViews(twoBids(), PanelRole::Evaluator, LifecycleState::Moderation, false);
    ASSERT_EQ(views.size(), 2u);
    EXPECT_TRUE(views[0].priceHidden);
    EXPECT_FALSE(views[0].price.has_value());
    EXPECT_EQ(views[0].supplierName, "Irwell Kitchen");
}

TEST(PanelViews, EvaluatorSeesPricesOnceLocked) {
    const auto views = bidViews(twoBids(), PanelRole::Evaluator, LifecycleState::Locked, false);
    EXPECT_EQ(views[1].price, Money::fromPence(98000000));
}

TEST(PanelViews, LeadAlwaysSeesPrices) {
    const auto views = bidViews(twoBids(), PanelRole::Lead, LifecycleState::Evaluation, true);
    EXPECT_EQ(views[0].price, Money::fromPence(120000000));
    EXPECT_EQ(views[0].label, "B1");
}

TEST(PanelViews, AnonymousEvaluationShowsBidAAndBidB) {
    const auto views = bidViews(twoBids(), PanelRole::Evaluator, LifecycleState::Evaluation, true);
    EXPECT_EQ(views[0].label, "Bid A");
    EXPECT_EQ(views[1].label, "Bid B");
    EXPECT_EQ(views[1].bidId, "");
    EXPECT_EQ(views[1].supplierName, "");
}

TEST(PanelViews, TwentySeventhAnonymousBidIsBidAA) {
    EXPECT_EQ(anonymousLabel(25), "Bid Z");
    EXPECT_EQ(anonymousLabel(26), "Bid AA");
}

TEST(PanelViews, EvaluatorReadsOthersScoresOnlyAfterItsOwn) {
    EXPECT_FALSE(mayReadOthersScores(PanelRole::Evaluator, false));
    EXPECT_TRUE(mayReadOthersScores(PanelRole::Evaluator, true));
    EXPECT_TRUE(mayReadOthersScores(PanelRole::Moderator, false));
}

} // namespace
} // namespace fairtender
