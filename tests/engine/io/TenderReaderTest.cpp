#include "IoTestSupport.h"
#include "SpecExamples.h"
#include "io/xml/TenderFolder.h"

#include <gtest/gtest.h>

using namespace fairtender;
using fairtender::testing::hasDiagnostic;
using fairtender::testing::hasMessage;
using fairtender::testing::lines;

namespace {

// Lines 1-6 are the tender head; model lines start on line 7.
std::string tenderWith(const std::vector<std::string>& modelLines,
                       const std::string& modelTag = "  <model>") {
    std::vector<std::string> text = {
        R"(<tender xmlns="urn:fairtender:tender:1" id="T1">)",
        "  <title>Meals</title>",
        "  <buyer>Preston City Council</buyer>",
        R"(  <living-wage-rate hourly="13.45" statutory-minimum="12.21"/>)",
        R"(  <area id="local"><postcode prefix="PR1"/></area>)",
        modelTag,
    };
    text.insert(text.end(), modelLines.begin(), modelLines.end());
    text.push_back("  </model>");
    text.push_back("</tender>");
    return lines(text);
}

std::optional<Tender> parse(const std::string& xml, Diagnostics& diagnostics) {
    return parseTender(xml, "tender.xml", nullptr, diagnostics);
}

} // namespace

TEST(TenderReader, ParsesTheSpecExample) {
    Diagnostics d;
    const auto tender = parseTender(fairtender::testing::kSpecTender, "tender.xml", nullptr, d);
    ASSERT_TRUE(tender) << fairtender::testing::describe(d);
    EXPECT_TRUE(d.empty());
    EXPECT_EQ(tender->id, "PCC-2026-014");
    EXPECT_EQ(tender->buyer, "Preston City Council");
    EXPECT_EQ(tender->estimatedValue->pence(), 120000000);
    EXPECT_EQ(tender->livingWageRate->hourly.pence(), 1345);
    EXPECT_EQ(tender->livingWageRate->statutoryMinimum.pence(), 1221);
    ASSERT_EQ(tender->areas.size(), 2u);
    EXPECT_EQ(tender->areas[1].prefixes.size(), 2u);
    const auto& model = tender->model;
    EXPECT_EQ(model.tieBreak,
              (std::vector<std::string>{"quality", "social-value", "lowest-price"}));
    ASSERT_EQ(model.children.size(), 7u);
    EXPECT_EQ(model.children[0].criterion.abnormallyLow->belowMeanPercent, 20.0);
    const auto* quality = findNode(model, "quality");
    EXPECT_EQ(quality->minPercent, 50.0);
    EXPECT_EQ(findNode(model, "q1")->criterion.minScore, 2.0);
    EXPECT_EQ(findNode(model, "q2")->criterion.descriptors.size(), 3u);
    EXPECT_EQ(findNode(model, "sv")->criterion.measures[0].proxy.pence(), 2800000);
    EXPECT_EQ(findNode(model, "sv-plan")->criterion.scaleStep, 20.0);
    EXPECT_EQ(findNode(model, "locality")->criterion.bands[1].score, 0.5);
    EXPECT_EQ(findNode(model, "ownership")->criterion.otherwise, 0.2);
    EXPECT_EQ(findNode(model, "insurance")->kind, NodeKind::Gate);
    EXPECT_EQ(findNode(model, "q2")->where.line, 14);
    EXPECT_EQ(findNode(model, "q2")->where.column, 7);
}

TEST(TenderReader, UnknownAttributeIsPointedAtAndListsTheAllowedOnes) {
    Diagnostics d;
    EXPECT_FALSE(parse(tenderWith({R"(    <criterion id="a" type="price" wieght="100"/>)"}), d));
    EXPECT_TRUE(hasDiagnostic(
        d, 7, 36,
        "unknown attribute 'wieght' on <criterion>: allowed are id, title, type, weight"));
}

TEST(TenderReader, UnknownElementIsAnErrorListingTheAllowedOnes) {
    Diagnostics d;
    EXPECT_FALSE(parse(
        tenderWith({R"(    <criterion id="a" type="price" weight="100"/>)", "    <criteria/>"}),
        d));
    EXPECT_TRUE(hasDiagnostic(
        d, 8, 5, "unknown element <criteria> in <model>: allowed are criterion, group, gate"));
}

TEST(TenderReader, ReportsEveryProblemInTheFile) {
    Diagnostics d;
    EXPECT_FALSE(parse(
        tenderWith(
            {R"(    <criterion id="a" type="price" weight="60" colour="red"/>)",
             R"(    <criterion id="b" type="judgement" weight="30" scale-max="5" min-score="7"/>)",
             R"(    <gate id="a"/>)"}),
        d));
    EXPECT_TRUE(hasDiagnostic(d, 7, 48, "unknown attribute 'colour'"));
    EXPECT_TRUE(
        hasDiagnostic(d, 8, 66, "min-score '7' is out of range: it must be between 0 and 5"));
    EXPECT_TRUE(
        hasDiagnostic(d, 9, 11, "id 'a' is used twice in the model (first at tender.xml:7:5)"));
    EXPECT_TRUE(hasDiagnostic(d, 6, 3, "weights of the model sum to 90, not 100 (a 60, b 30)"));
    EXPECT_EQ(d.size(), 4u);
}

TEST(TenderReader, OwnershipCriterionKeepsItsJustification) {
    Diagnostics d;
    const auto tender =
        parse(tenderWith({R"(    <criterion id="own" type="ownership" weight="100">)",
                          R"(      <ownership model="mutual" score="1"/>)",
                          "      <justification>Continuity of care: s.23 note.</justification>",
                          "    </criterion>"}),
              d);
    ASSERT_TRUE(tender) << fairtender::testing::describe(d);
    EXPECT_EQ(tender->model.children[0].criterion.justification, "Continuity of care: s.23 note.");
}

TEST(TenderReader, SecondJustificationIsAnError) {
    Diagnostics d;
    EXPECT_FALSE(
        parse(tenderWith({R"(    <criterion id="own" type="ownership" weight="100">)",
                          "      <justification>One.</justification>",
                          "      <justification>Two.</justification>", "    </criterion>"}),
              d));
    EXPECT_TRUE(hasDiagnostic(d, 9, 7, "<justification> appears more than once: keep one"));
}

TEST(TenderReader, GroupWeightsMustSumToAHundred) {
    Diagnostics d;
    EXPECT_FALSE(parse(
        tenderWith({R"(    <group id="quality" weight="100">)",
                    R"(      <criterion id="q1" type="judgement" weight="60" scale-max="5"/>)",
                    R"(      <criterion id="q2" type="judgement" weight="35" scale-max="5"/>)",
                    "    </group>"}),
        d));
    EXPECT_TRUE(
        hasDiagnostic(d, 7, 5, "weights of group quality sum to 95, not 100 (q1 60, q2 35)"));
}

TEST(TenderReader, WeightsWithinTheToleranceAreAccepted) {
    Diagnostics d;
    EXPECT_TRUE(parse(
        tenderWith({R"(    <criterion id="a" type="price" weight="33.3"/>)",
                    R"(    <criterion id="b" type="judgement" weight="33.3" scale-max="5"/>)",
                    R"(    <criterion id="c" type="judgement" weight="33.4" scale-max="5"/>)"}),
        d))
        << fairtender::testing::describe(d);
}

TEST(TenderReader, NegativeWeightIsAnError) {
    Diagnostics d;
    EXPECT_FALSE(parse(tenderWith({R"(    <criterion id="a" type="price" weight="-5"/>)"}), d));
    EXPECT_TRUE(hasDiagnostic(d, 7, 36, "weight '-5' is out of range: it must be at least 0"));
}

TEST(TenderReader, MissingRequiredAttributeIsAnErrorAtTheElement) {
    Diagnostics d;
    EXPECT_FALSE(parse(tenderWith({R"(    <criterion id="a" weight="100"/>)"}), d));
    EXPECT_TRUE(hasDiagnostic(d, 7, 5, "<criterion> is missing the required attribute 'type'"));
}

TEST(TenderReader, MissingTitleBuyerOrModelIsAnError) {
    Diagnostics d;
    EXPECT_FALSE(parse(R"(<tender xmlns="urn:fairtender:tender:1" id="T1"/>)", d));
    EXPECT_TRUE(hasDiagnostic(d, 1, 1, "<tender> is missing <title>"));
    EXPECT_TRUE(hasDiagnostic(d, 1, 1, "<tender> is missing <buyer>"));
    EXPECT_TRUE(hasDiagnostic(d, 1, 1, "<tender> is missing <model>"));
}

TEST(TenderReader, WrongRootOrNamespaceIsAnError) {
    Diagnostics d;
    EXPECT_FALSE(parse(R"(<bids xmlns="urn:fairtender:bid:1" tender="T1"/>)", d));
    EXPECT_TRUE(hasDiagnostic(d, 1, 1, "the root element is <bids>, expected <tender"));
    Diagnostics d2;
    EXPECT_FALSE(parse("<tender xmlns=\"urn:fairtender:tender:2\" id=\"T\"/>", d2));
    EXPECT_TRUE(hasDiagnostic(
        d2, 1, 9, "the namespace 'urn:fairtender:tender:2' is not the one for <tender>"));
    Diagnostics d3;
    EXPECT_FALSE(parse("<tender id=\"T\"/>", d3));
    EXPECT_TRUE(hasDiagnostic(d3, 1, 1,
                              "<tender> has no namespace: add xmlns=\"urn:fairtender:tender:1\""));
}

TEST(TenderReader, NamespacePrefixesAreRejected) {
    Diagnostics d;
    EXPECT_FALSE(parse(R"(<ft:tender xmlns:ft="urn:fairtender:tender:1" id="T"/>)", d));
    EXPECT_TRUE(hasDiagnostic(d, 1, 1, "namespace prefixes are not supported"));
}

TEST(TenderReader, UnsupportedCurrencyIsAnError) {
    Diagnostics d;
    std::string xml = tenderWith({R"(    <criterion id="a" type="price" weight="100"/>)"});
    xml.replace(xml.find("id=\"T1\""), 7, "id=\"T1\" currency=\"EUR\"");
    EXPECT_FALSE(parse(xml, d));
    EXPECT_TRUE(hasDiagnostic(d, 1, 49, "currency 'EUR' is not supported"));
}

TEST(TenderReader, EstimatedValueWithThreeDecimalsIsAnError) {
    Diagnostics d;
    std::string xml = tenderWith({R"(    <criterion id="a" type="price" weight="100"/>)"});
    xml.replace(xml.find("  <buyer>"), 0, "  <estimated-value>1050000.005</estimated-value>\n");
    EXPECT_FALSE(parse(xml, d));
    EXPECT_TRUE(
        hasDiagnostic(d, 3, 20, "estimated-value '1050000.005' has more than two decimal places"));
}

TEST(TenderReader, LivingWageRateNeedsBothRatesOrADate) {
    Diagnostics d;
    std::string xml = tenderWith({R"(    <criterion id="a" type="price" weight="100"/>)"});
    xml.replace(xml.find(R"( statutory-minimum="12.21")"), 26, "");
    EXPECT_FALSE(parse(xml, d));
    EXPECT_TRUE(hasDiagnostic(
        d, 4, 3, "<living-wage-rate> is missing the required attribute 'statutory-minimum'"));
}

TEST(TenderReader, LivingWageRateByDateWithoutReferenceDataIsAnError) {
    Diagnostics d;
    std::string xml = tenderWith({R"(    <criterion id="a" type="price" weight="100"/>)"});
    xml.replace(xml.find(R"(hourly="13.45" statutory-minimum="12.21")"), 40,
                R"(date="2025-11-01")");
    EXPECT_FALSE(parse(xml, d));
    EXPECT_TRUE(hasDiagnostic(d, 4, 21, "no living wage reference data is available"));
}

TEST(TenderReader, LivingWageRateByDateIsLookedUp) {
    LivingWageTable table;
    table.realLivingWage.push_back(
        {"2025/26", *Date::parse("2025-10-22"), Money::fromPence(1345), Money::fromPence(1480)});
    table.nationalLivingWage.push_back({*Date::parse("2025-04-01"), Money::fromPence(1221)});
    std::string xml = tenderWith({R"(    <criterion id="a" type="price" weight="100"/>)"});
    xml.replace(xml.find(R"(hourly="13.45" statutory-minimum="12.21")"), 40,
                R"(region="london" date="2025-11-01")");
    Diagnostics d;
    const auto tender = parseTender(xml, "tender.xml", &table, d);
    ASSERT_TRUE(tender) << fairtender::testing::describe(d);
    EXPECT_EQ(tender->livingWageRate->hourly.pence(), 1480);
    EXPECT_EQ(tender->livingWageRate->statutoryMinimum.pence(), 1221);
    EXPECT_EQ(tender->livingWageRate->lookedUpFor, Date::parse("2025-11-01"));
    Diagnostics early;
    xml.replace(xml.find("2025-11-01"), 10, "2019-01-01");
    EXPECT_FALSE(parseTender(xml, "tender.xml", &table, early));
    EXPECT_TRUE(hasDiagnostic(early, 4, 37,
                              "no living wage rates are known for 2019-01-01 in region london"));
}

TEST(TenderReader, InvalidPostcodePrefixIsQuoted) {
    Diagnostics d;
    std::string xml = tenderWith({R"(    <criterion id="a" type="price" weight="100"/>)"});
    xml.replace(xml.find(R"(prefix="PR1")"), 12, R"(prefix="P1R1X")");
    EXPECT_FALSE(parse(xml, d));
    EXPECT_TRUE(hasDiagnostic(d, 5, 30, "postcode prefix 'P1R1X' is not a UK postcode"));
}

TEST(TenderReader, RoundingOutsideZeroToSixIsAnError) {
    Diagnostics d;
    EXPECT_FALSE(parse(tenderWith({R"(    <criterion id="a" type="price" weight="100"/>)"},
                                  R"(  <model rounding="7">)"),
                       d));
    EXPECT_TRUE(
        hasDiagnostic(d, 6, 10, "rounding '7' is out of range: it must be between 0 and 6"));
}

TEST(TenderReader, TieBreakMustNameGroupsOrCriteria) {
    Diagnostics d;
    EXPECT_FALSE(parse(tenderWith({R"(    <criterion id="a" type="price" weight="100"/>)",
                                   R"(    <gate id="g"/>)"},
                                  R"(  <model tie-break="a quality g lowest-price">)"),
                       d));
    EXPECT_TRUE(hasDiagnostic(
        d, 6, 10, "tie-break names 'quality', which is not a group or criterion of the model"));
    EXPECT_TRUE(hasDiagnostic(
        d, 6, 10, "tie-break names 'g', which is not a group or criterion (it is a gate)"));
    EXPECT_EQ(d.size(), 2u);
}

TEST(TenderReader, BandAreaMustExist) {
    Diagnostics d;
    EXPECT_FALSE(
        parse(tenderWith({R"(    <criterion id="l" type="locality" weight="100">)",
                          R"(      <band area="regional" score="0.5"/>)", "    </criterion>"}),
              d));
    EXPECT_TRUE(hasDiagnostic(
        d, 8, 13, "band area 'regional' is not an <area> of the tender: use one of local"));
}

TEST(TenderReader, ScoresOfBandsTiersAndOwnershipMustBeBetweenZeroAndOne) {
    Diagnostics d;
    EXPECT_FALSE(parse(
        tenderWith(
            {R"(    <criterion id="l" type="locality" weight="50">)",
             R"(      <band area="local" score="2"/><otherwise score="-1"/>)", "    </criterion>",
             R"(    <criterion id="w" type="living-wage" weight="25"><tier when="committed" score="1.5"/></criterion>)",
             R"(    <criterion id="o" type="ownership" weight="25"><ownership model="mutual" score="3"/></criterion>)"}),
        d));
    EXPECT_TRUE(hasDiagnostic(d, 8, 26, "score '2' is out of range: it must be between 0 and 1"));
    EXPECT_TRUE(hasDiagnostic(d, 8, 48, "score '-1' is out of range"));
    EXPECT_TRUE(hasDiagnostic(d, 10, 77, "score '1.5' is out of range"));
    EXPECT_TRUE(hasDiagnostic(d, 11, 78, "score '3' is out of range"));
}

TEST(TenderReader, UnknownOwnershipWordListsTheKnownOnes) {
    Diagnostics d;
    EXPECT_FALSE(parse(
        tenderWith(
            {R"(    <criterion id="o" type="ownership" weight="100" reserved="mutual coop"/>)"}),
        d));
    EXPECT_TRUE(hasDiagnostic(d, 7, 53,
                              "'coop' is not an ownership model: use one of worker-cooperative, "));
}

TEST(TenderReader, AttributeOfAnotherTypeOrMethodIsAnError) {
    Diagnostics d;
    EXPECT_FALSE(parse(
        tenderWith(
            {R"(    <criterion id="p" type="price" weight="50" ceiling="900000"/>)",
             R"(    <criterion id="j" type="judgement" weight="50" scale-max="5" method="x"/>)"}),
        d));
    EXPECT_TRUE(hasDiagnostic(d, 7, 48, "ceiling belongs to method linear-range only"));
    EXPECT_TRUE(hasDiagnostic(d, 8, 66, "unknown attribute 'method' on <criterion>"));
}

TEST(TenderReader, JudgementScaleMustBePositiveAndDescriptorsWithinIt) {
    Diagnostics d;
    EXPECT_FALSE(parse(
        tenderWith(
            {R"(    <criterion id="j" type="judgement" weight="100" scale-max="0" scale-step="0"/>)"}),
        d));
    EXPECT_TRUE(hasDiagnostic(d, 7, 53, "scale-max '0' must be more than zero"));
    EXPECT_TRUE(hasDiagnostic(d, 7, 67, "scale-step '0' must be more than zero"));
    Diagnostics d2;
    EXPECT_FALSE(parse(
        tenderWith({R"(    <criterion id="j" type="judgement" weight="100" scale-max="5">)",
                    R"(      <descriptor score="6">Beyond</descriptor>)", "    </criterion>"}),
        d2));
    EXPECT_TRUE(hasDiagnostic(d2, 8, 19, "score '6' is out of range: it must be between 0 and 5"));
}

TEST(TenderReader, SocialValueNeedsMeasuresUniqueIdsAndTargetOnlyWithMethodTarget) {
    Diagnostics d;
    EXPECT_FALSE(parse(
        tenderWith({R"(    <criterion id="s1" type="social-value" weight="50" method="target"/>)",
                    R"(    <criterion id="s2" type="social-value" weight="50" target="1000">)",
                    R"(      <measure id="jobs" proxy="100"/><measure id="jobs" proxy="1.234"/>)",
                    "    </criterion>"}),
        d));
    EXPECT_TRUE(hasDiagnostic(d, 7, 5, "method target needs target="));
    EXPECT_TRUE(hasDiagnostic(d, 7, 5, "a social-value criterion needs at least one <measure"));
    EXPECT_TRUE(hasDiagnostic(d, 8, 56, "target belongs to method target only"));
    EXPECT_TRUE(hasDiagnostic(
        d, 9, 48, "measure id 'jobs' is used twice in the tender (first at tender.xml:9:7)"));
    EXPECT_TRUE(hasDiagnostic(d, 9, 58, "proxy '1.234' has more than two decimal places"));
}

TEST(TenderReader, LocalSpendTakesATargetButNoBands) {
    Diagnostics d;
    EXPECT_FALSE(parse(
        tenderWith(
            {R"(    <criterion id="l" type="locality" weight="100" method="local-spend" target="50">)",
             R"(      <band area="local" score="1"/>)", "    </criterion>"}),
        d));
    EXPECT_TRUE(hasDiagnostic(d, 8, 7, "<band> belongs to method supplier-location only"));
    EXPECT_EQ(d.size(), 1u);
}

TEST(TenderReader, EmptyGroupAndModelWithoutCriteriaAreErrors) {
    Diagnostics d;
    EXPECT_FALSE(parse(tenderWith({R"(    <group id="g" weight="100"/>)"}), d));
    EXPECT_TRUE(hasDiagnostic(d, 7, 5, "group g is empty"));
    EXPECT_TRUE(hasDiagnostic(d, 6, 3, "the model has no criterion"));
}

TEST(TenderReader, MinPercentGroupHoldsOnlyNonComparingCriteria) {
    Diagnostics d;
    EXPECT_FALSE(
        parse(tenderWith({R"(    <group id="g" weight="100" min-percent="50">)",
                          R"(      <criterion id="j" type="judgement" weight="50" scale-max="5"/>)",
                          R"(      <group id="inner" weight="50">)",
                          R"(        <criterion id="p" type="price" weight="100"/>)",
                          "      </group>", "    </group>"}),
              d));
    EXPECT_TRUE(hasDiagnostic(
        d, 10, 9,
        "criterion p (price) compares bids, so it cannot sit in group g, which has min-percent"));
    EXPECT_EQ(d.size(), 1u);
}

TEST(TenderReader, TieredLivingWageNeedsARate) {
    Diagnostics d;
    std::string xml = tenderWith({R"(    <criterion id="w" type="living-wage" weight="100"/>)"});
    xml.erase(xml.find("  <living-wage-rate"),
              xml.find("  <area") - xml.find("  <living-wage-rate"));
    EXPECT_FALSE(parse(xml, d));
    EXPECT_TRUE(hasDiagnostic(
        d, 6, 5, "living-wage criterion with method tiered needs the tender's <living-wage-rate>"));
}

TEST(TenderReader, PricePerQualityPointNeedsOnePriceCriterionOfWeightZero) {
    Diagnostics d;
    EXPECT_FALSE(
        parse(tenderWith({R"(    <criterion id="p" type="price" weight="10"/>)",
                          R"(    <criterion id="j" type="judgement" weight="90" scale-max="5"/>)"},
                         R"(  <model aggregation="price-per-quality-point">)"),
              d));
    EXPECT_TRUE(hasDiagnostic(
        d, 7, 36, "under aggregation price-per-quality-point the price criterion is not scored"));
    Diagnostics d2;
    EXPECT_FALSE(
        parse(tenderWith({R"(    <criterion id="j" type="judgement" weight="100" scale-max="5"/>)"},
                         R"(  <model aggregation="price-per-quality-point">)"),
              d2));
    EXPECT_TRUE(hasDiagnostic(d2, 6, 3, "needs exactly one price criterion, found 0"));
}

TEST(TenderReader, BelowEstimatePercentNeedsAnEstimatedValue) {
    Diagnostics d;
    EXPECT_FALSE(parse(
        tenderWith(
            {R"(    <criterion id="p" type="price" weight="100"><abnormally-low below-estimate-percent="30"/></criterion>)"}),
        d));
    EXPECT_TRUE(
        hasDiagnostic(d, 7, 65, "below-estimate-percent needs the tender's <estimated-value>"));
    Diagnostics d2;
    EXPECT_FALSE(parse(
        tenderWith(
            {R"(    <criterion id="p" type="price" weight="100"><abnormally-low/></criterion>)"}),
        d2));
    EXPECT_TRUE(hasDiagnostic(
        d2, 7, 49, "<abnormally-low> needs below-mean-percent, below-estimate-percent or both"));
}

TEST(TenderReader, DuplicateSingletonElementIsAnError) {
    Diagnostics d;
    std::string xml = tenderWith({R"(    <criterion id="a" type="price" weight="100"/>)"});
    xml.replace(xml.find("  <buyer>"), 0, "  <title>Again</title>\n");
    EXPECT_FALSE(parse(xml, d));
    EXPECT_TRUE(hasDiagnostic(
        d, 3, 3, "<title> appears more than once in <tender> (first at tender.xml:2:3)"));
}

TEST(TenderReader, DeeplyNestedGroupsAreRejectedWithoutCrashing) {
    std::vector<std::string> model;
    for (int i = 0; i < 40; ++i)
        model.push_back("<group id=\"g" + std::to_string(i) + "\" weight=\"100\">");
    model.push_back(R"(<criterion id="a" type="price" weight="100"/>)");
    for (int i = 0; i < 40; ++i)
        model.push_back("</group>");
    Diagnostics d;
    EXPECT_FALSE(parse(tenderWith(model), d));
    EXPECT_TRUE(hasMessage(d, "groups are nested more than 32 deep"));
}
