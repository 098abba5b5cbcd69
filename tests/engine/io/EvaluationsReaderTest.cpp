#include "IoTestSupport.h"
#include "SpecExamples.h"
#include "io/xml/TenderFolder.h"

#include <gtest/gtest.h>

using namespace fairtender;
using fairtender::testing::hasDiagnostic;
using fairtender::testing::lines;

TEST(EvaluationsReader, ParsesTheSpecExample) {
    Diagnostics d;
    const auto evaluations =
        parseEvaluations(fairtender::testing::kSpecEvaluations, "evaluations.xml", d);
    ASSERT_TRUE(evaluations) << fairtender::testing::describe(d);
    EXPECT_EQ(evaluations->tenderId, "PCC-2026-014");
    ASSERT_EQ(evaluations->scores.size(), 1u);
    EXPECT_EQ(evaluations->scores[0].evaluator, "E1");
    EXPECT_EQ(evaluations->scores[0].value, 4.0);
    EXPECT_EQ(evaluations->scores[0].reason, "Clear seasonal menus, sourced locally.");
    EXPECT_EQ(evaluations->findConsensus("B1", "q1")->moderator, "M1");
    EXPECT_EQ(evaluations->findDeliverability("B1", "local-jobs")->factor, 0.5);
    EXPECT_FALSE(evaluations->findAbnormallyLowDecision("B3")->accept);
    EXPECT_EQ(evaluations->consensus[0].where.toString(), "evaluations.xml:3:3");
}

TEST(EvaluationsReader, ReasonIsTrimmed) {
    Diagnostics d;
    const auto evaluations =
        parseEvaluations(lines({R"(<evaluations xmlns="urn:fairtender:evaluations:1" tender="T1">)",
                                R"(  <score bid="B1" criterion="q1" evaluator="E1" value="3">)",
                                "    Good menus.  ", "  </score>", "</evaluations>"}),
                         "evaluations.xml", d);
    ASSERT_TRUE(evaluations);
    EXPECT_EQ(evaluations->scores[0].reason, "Good menus.");
}

TEST(EvaluationsReader, BadValuesAndMissingAttributesAreReportedTogether) {
    Diagnostics d;
    EXPECT_FALSE(
        parseEvaluations(lines({R"(<evaluations xmlns="urn:fairtender:evaluations:1" tender="T1">)",
                                R"(  <score bid="B1" criterion="q1" value="three">Fine</score>)",
                                R"(  <deliverability bid="B1" measure="jobs" factor="1.5"/>)",
                                R"(  <abnormally-low-decision bid="B1" accept="maybe"/>)",
                                R"(  <verdict bid="B1"/>)", "</evaluations>"}),
                         "evaluations.xml", d));
    EXPECT_TRUE(hasDiagnostic(d, 2, 3, "<score> is missing the required attribute 'evaluator'"));
    EXPECT_TRUE(hasDiagnostic(d, 2, 34, "value 'three' is not a number"));
    EXPECT_TRUE(
        hasDiagnostic(d, 3, 43, "factor '1.5' is out of range: it must be between 0 and 1"));
    EXPECT_TRUE(hasDiagnostic(d, 4, 37, "accept 'maybe' must be exactly true or false"));
    EXPECT_TRUE(hasDiagnostic(d, 5, 3, "unknown element <verdict> in <evaluations>"));
    EXPECT_EQ(d.size(), 5u);
}

TEST(EvaluationsReader, WrongNamespaceIsAnError) {
    Diagnostics d;
    EXPECT_FALSE(parseEvaluations(R"(<evaluations xmlns="urn:fairtender:tender:1" tender="T1"/>)",
                                  "e.xml", d));
    EXPECT_TRUE(hasDiagnostic(d, 1, 14, "is not the one for <evaluations>"));
}
