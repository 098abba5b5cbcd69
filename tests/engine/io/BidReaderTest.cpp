#include "IoTestSupport.h"
#include "SpecExamples.h"
#include "io/xml/TenderFolder.h"

#include <gtest/gtest.h>

using namespace fairtender;
using fairtender::testing::hasDiagnostic;
using fairtender::testing::hasMessage;
using fairtender::testing::lines;

namespace {

// Bid children start on line 3.
std::string bidWith(const std::vector<std::string>& children) {
    std::vector<std::string> text = {R"(<bids xmlns="urn:fairtender:bid:1" tender="T1">)",
                                     R"(  <bid id="B1">)"};
    text.insert(text.end(), children.begin(), children.end());
    text.push_back("  </bid>");
    text.push_back("</bids>");
    return lines(text);
}

const std::string kSupplier =
    R"(    <supplier name="Co-op" postcode="PR1 2HE" ownership="worker-cooperative"/>)";

} // namespace

TEST(BidReader, ParsesTheSpecExample) {
    Diagnostics d;
    const auto bids = parseBids(fairtender::testing::kSpecBids, "bids/b1.xml", d);
    ASSERT_TRUE(bids) << fairtender::testing::describe(d);
    ASSERT_EQ(bids->size(), 1u);
    const Bid& bid = bids->front();
    EXPECT_EQ(bid.id, "B1");
    EXPECT_EQ(bid.tenderId, "PCC-2026-014");
    EXPECT_EQ(bid.supplier.name, "Ribble Valley Catering Co-operative");
    EXPECT_EQ(bid.supplier.postcode->text(), "PR1 2HE");
    EXPECT_EQ(bid.supplier.ownership, OwnershipModel::WorkerCooperative);
    EXPECT_EQ(bid.supplier.sme, true);
    EXPECT_EQ(bid.price->pence(), 105000000);
    EXPECT_EQ(bid.priceWhere.line, 4);
    EXPECT_EQ(bid.priceWhere.column, 5);
    EXPECT_EQ(bid.livingWage->lowestHourlyRate->pence(), 1360);
    EXPECT_TRUE(bid.livingWage->accredited);
    EXPECT_EQ(bid.localSpendPercent, 62.0);
    EXPECT_EQ(bid.localSpendWhere.line, 6);
    ASSERT_EQ(bid.commitments.size(), 1u);
    EXPECT_EQ(bid.commitments[0].quantity, 12.0);
    EXPECT_TRUE(bid.findGateAnswer("insurance")->pass);
    EXPECT_EQ(bid.where.toString(), "bids/b1.xml:2:3");
}

TEST(BidReader, ParsesASingleBidDocument) {
    Diagnostics d;
    const auto bids = parseBids(
        lines({R"(<bid xmlns="urn:fairtender:bid:1" id="B7" tender="T1">)", kSupplier,
               R"(  <cost year="0">1000.00</cost><cost year="1">250.50</cost>)", "</bid>"}),
        "bids/b7.xml", d);
    ASSERT_TRUE(bids) << fairtender::testing::describe(d);
    EXPECT_EQ(bids->front().id, "B7");
    ASSERT_EQ(bids->front().costs.size(), 2u);
    EXPECT_EQ(bids->front().costs[1].amount.pence(), 25050);
}

TEST(BidReader, PriceWithThreeDecimalsIsAnErrorAtTheValue) {
    Diagnostics d;
    EXPECT_FALSE(
        parseBids(bidWith({kSupplier, "    <price>1050000.005</price>"}), "bids/b1.xml", d));
    EXPECT_TRUE(hasDiagnostic(d, 4, 12, "price '1050000.005' has more than two decimal places"));
    EXPECT_EQ(d.front().where.file, "bids/b1.xml");
}

TEST(BidReader, PriceThatIsNotMoneyIsAnError) {
    Diagnostics d;
    EXPECT_FALSE(parseBids(bidWith({kSupplier, "    <price>£1,000</price>"}), "b.xml", d));
    EXPECT_TRUE(hasDiagnostic(d, 4, 12, "price '£1,000' is not an amount of money"));
}

TEST(BidReader, PriceAndCostTogetherAndRepeatedYearsAreErrors) {
    Diagnostics d;
    EXPECT_FALSE(
        parseBids(bidWith({kSupplier, "    <price>10</price>", R"(    <cost year="1">5</cost>)",
                           R"(    <cost year="1">6</cost>)"}),
                  "b.xml", d));
    EXPECT_TRUE(hasDiagnostic(d, 5, 5, "bid B1 gives both <price> and <cost>"));
    EXPECT_TRUE(hasDiagnostic(d, 6, 11, "year 1 is costed twice in bid B1"));
    EXPECT_EQ(d.size(), 2u);
}

TEST(BidReader, NegativeCostYearIsAnError) {
    Diagnostics d;
    EXPECT_FALSE(parseBids(bidWith({kSupplier, R"(    <cost year="-1">5</cost>)"}), "b.xml", d));
    EXPECT_TRUE(hasDiagnostic(d, 4, 11, "year '-1' is not a whole number"));
}

TEST(BidReader, InvalidPostcodeIsQuoted) {
    Diagnostics d;
    EXPECT_FALSE(parseBids(
        bidWith({R"(    <supplier name="X" postcode="PR1 2H" ownership="mutual"/>)"}), "b.xml", d));
    EXPECT_TRUE(hasDiagnostic(d, 3, 24, "postcode 'PR1 2H' is not a valid UK postcode"));
}

TEST(BidReader, UnknownOwnershipListsTheWords) {
    Diagnostics d;
    EXPECT_FALSE(parseBids(bidWith({R"(    <supplier name="X" ownership="co-op"/>)"}), "b.xml", d));
    EXPECT_TRUE(hasDiagnostic(d, 3, 24,
                              "ownership 'co-op' is not an ownership model: use one of "
                              "worker-cooperative, consumer-cooperative"));
}

TEST(BidReader, BooleansAreExactlyTrueOrFalse) {
    Diagnostics d;
    EXPECT_FALSE(parseBids(bidWith({R"(    <supplier name="X" ownership="mutual" sme="yes"/>)",
                                    R"(    <living-wage accredited="True"/>)"}),
                           "b.xml", d));
    EXPECT_TRUE(hasDiagnostic(d, 3, 43, "sme 'yes' must be exactly true or false"));
    EXPECT_TRUE(hasDiagnostic(d, 4, 18, "accredited 'True' must be exactly true or false"));
}

TEST(BidReader, MissingSupplierAndRequiredAttributesAreErrors) {
    Diagnostics d;
    EXPECT_FALSE(
        parseBids(bidWith({R"(    <commitment measure="jobs"/>)", R"(    <gate pass="true"/>)"}),
                  "b.xml", d));
    EXPECT_TRUE(hasDiagnostic(d, 2, 3, "bid B1 has no <supplier>"));
    EXPECT_TRUE(
        hasDiagnostic(d, 3, 5, "<commitment> is missing the required attribute 'quantity'"));
    EXPECT_TRUE(hasDiagnostic(d, 4, 5, "<gate> is missing the required attribute 'id'"));
}

TEST(BidReader, OutOfRangeValuesAreErrors) {
    Diagnostics d;
    EXPECT_FALSE(parseBids(bidWith({kSupplier, R"(    <local-spend percent="120"/>)",
                                    R"(    <commitment measure="jobs" quantity="-2"/>)",
                                    R"(    <living-wage lowest-hourly-rate="0"/>)"}),
                           "b.xml", d));
    EXPECT_TRUE(
        hasDiagnostic(d, 4, 18, "percent '120' is out of range: it must be between 0 and 100"));
    EXPECT_TRUE(hasDiagnostic(d, 5, 32, "quantity '-2' is out of range: it must be at least 0"));
    EXPECT_TRUE(hasDiagnostic(d, 6, 18, "lowest-hourly-rate '0' must be more than zero"));
}

TEST(BidReader, UnknownElementsAttributesAndStrayTextAreErrors) {
    Diagnostics d;
    EXPECT_FALSE(parseBids(bidWith({kSupplier, R"(    <prise>10</prise>)",
                                    R"(    <gate id="g" pass="true" note="x"/>)", "    oops"}),
                           "b.xml", d));
    EXPECT_TRUE(hasDiagnostic(
        d, 4, 5, "unknown element <prise> in <bid>: allowed are supplier, price, cost"));
    EXPECT_TRUE(
        hasDiagnostic(d, 5, 30, "unknown attribute 'note' on <gate>: allowed are id, pass"));
    EXPECT_TRUE(hasMessage(d, "<bid> takes no text"));
}

TEST(BidReader, BidsRootNeedsTenderAttribute) {
    Diagnostics d;
    EXPECT_FALSE(parseBids(R"(<bids xmlns="urn:fairtender:bid:1"/>)", "b.xml", d));
    EXPECT_TRUE(hasDiagnostic(d, 1, 1, "<bids> is missing the required attribute 'tender'"));
}
