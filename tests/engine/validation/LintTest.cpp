#include "validation/Lint.h"

#include "../scoring/TestTender.h"
#include "scoring/Evaluator.h"

#include <gtest/gtest.h>

using namespace fairtender;
using namespace fairtender::test;

namespace {

Descriptor descriptor() {
    return {3, "Good", {}};
}

ModelNode described(std::string id, double weight) {
    auto node = judgement(std::move(id), weight);
    node.criterion.descriptors = {descriptor()};
    return node;
}

bool mentions(const Diagnostics& warnings, const std::string& text) {
    for (const auto& w : warnings)
        if (w.message.find(text) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST(Lint, BalancedModelHasNoWarnings) {
    const auto t = tender(
        {price("price", 50), described("q", 40), socialValue("sv", 10, {measure("jobs", "1.00")})});
    EXPECT_TRUE(lintModel(t).empty());
}

TEST(Lint, SocialValueUnderTenPercentCitesThePpns) {
    const auto t = tender({price("price", 50), described("q", 42.5),
                           socialValue("sv", 7.5, {measure("jobs", "1.00")})});
    const auto warnings = lintModel(t);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].severity, Severity::Warning);
    EXPECT_TRUE(mentions(warnings, "social value carries 7.5 of 100 points"));
    EXPECT_TRUE(mentions(warnings, "PPN 06/20 and PPN 002"));
}

TEST(Lint, LeavesInASocialValueGroupCountAsSocialValue) {
    auto social = group("sv-group", 12, {described("plan", 100)});
    social.title = "Social Value";
    const auto t = tender({price("price", 50), described("q", 38), social});
    EXPECT_TRUE(lintModel(t).empty()); // 12 points of social value
}

TEST(Lint, OwnershipWithWeightNeedsASection23Note) {
    auto own = ownership("own", 5, {});
    own.where = {"tender.xml", 14, 5};
    const auto t = tender({price("price", 50), described("q", 35), own,
                           socialValue("sv", 10, {measure("jobs", "1.00")})});
    const auto warnings = lintModel(t);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].where.line, 14);
    EXPECT_TRUE(mentions(warnings, "Procurement Act 2023 s.23"));
}

TEST(Lint, OwnershipWithARecordedJustificationIsNotWarned) {
    auto own = ownership("own", 5, {});
    own.criterion.justification = "Relevant to service continuity; 5 points is proportionate.";
    const auto t = tender({price("price", 50), described("q", 35), own,
                           socialValue("sv", 10, {measure("jobs", "1.00")})});
    EXPECT_TRUE(lintModel(t).empty());
}

TEST(Lint, JudgementWithoutDescriptorsIsWarned) {
    const auto t = tender(
        {price("price", 50), judgement("q", 40), socialValue("sv", 10, {measure("jobs", "1.00")})});
    const auto warnings = lintModel(t);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_TRUE(mentions(warnings, "judgement criterion q has no descriptors"));
}

TEST(Lint, PriceWeightOutsideTwentyToEightyIsWarned) {
    const auto t = tender(
        {price("price", 85), described("q", 5), socialValue("sv", 10, {measure("jobs", "1.00")})});
    const auto warnings = lintModel(t);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_TRUE(mentions(warnings, "price carries 85 of 100 points"));
}

TEST(Lint, PriceWeightIsNotCheckedUnderPricePerQualityPoint) {
    auto t = tender(
        {price("price", 0), described("q", 90), socialValue("sv", 10, {measure("jobs", "1.00")})});
    t.model.aggregation = Aggregation::PricePerQualityPoint;
    EXPECT_TRUE(lintModel(t).empty());
}

// A: 60 x 4/5 + 40 x 3/5 = 72.00; B: 60 x 3/5 + 40 x 4/5 = 68.00; a margin of 4.00.
EvaluationResult twoBidsFourPointsApart(Tender& t) {
    t = tender({described("q1", 60), described("q2", 40)});
    Evaluations evaluations;
    consensus(evaluations, "A", "q1", 4);
    consensus(evaluations, "A", "q2", 3);
    consensus(evaluations, "B", "q1", 3);
    consensus(evaluations, "B", "q2", 4);
    return *evaluate(t, {bid("A"), bid("B")}, evaluations).result;
}

TEST(LintAward, AMarginUnderTheCloseMarginAsksTheLeadToRecordWhyTheAwardStands) {
    Tender t;
    const EvaluationResult result = twoBidsFourPointsApart(t);
    t.model.closeMargin = 5;
    const auto warnings = lintAward(t, result);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].severity, Severity::Warning);
    EXPECT_TRUE(mentions(warnings, "No clear winner: A leads B by 4.00 points, under the close "
                                   "margin of 5.00; record why the award stands"))
        << warnings[0].message;
}

TEST(LintAward, AMarginAtTheDefaultCloseMarginOrOverIsNotWarned) {
    Tender t;
    const EvaluationResult result = twoBidsFourPointsApart(t);
    EXPECT_TRUE(lintAward(t, result).empty()); // 4.00 against 1.00
    t.model.closeMargin = 4;
    EXPECT_TRUE(lintAward(t, result).empty()); // exactly the close margin clears it
}

TEST(LintAward, TheCloseCallWarningIsCodedSoAWorkspaceCanHoldItBackUntilTheLock) {
    Tender t;
    const EvaluationResult result = twoBidsFourPointsApart(t);
    t.model.closeMargin = 5;
    EXPECT_EQ(lintAward(t, result).at(0).code, "lint.close-call");
}

// A: 60 x 4/5 + 40 x 3/5 = 72.00 and B: 60 x 4/5 + 40 x 3/5 = 72.00: a margin of nothing.
TEST(LintAward, EqualTotalsAreNoClearWinner) {
    Tender t = tender({described("q1", 60), described("q2", 40)});
    Evaluations evaluations;
    for (const char* bidId : {"A", "B"}) {
        consensus(evaluations, bidId, "q1", 4);
        consensus(evaluations, bidId, "q2", 3);
    }
    const EvaluationResult result = *evaluate(t, {bid("A"), bid("B")}, evaluations).result;
    const auto warnings = lintAward(t, result);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_TRUE(mentions(warnings, "No clear winner")) << warnings[0].message;
}
