#include "IoTestSupport.h"
#include "io/xml/BidReader.h"
#include "io/xml/TenderFolder.h"

#include <gtest/gtest.h>

#include <limits>

using namespace fairtender;
using fairtender::testing::describe;
using fairtender::testing::hasDiagnostic;
using fairtender::testing::hasMessage;
using fairtender::testing::lines;

namespace {

constexpr std::size_t kWhole = std::numeric_limits<std::size_t>::max() / 2;

// Bid n (1-based) opens on line 3 + 5 * (n - 1); `between` goes after every bid but the last.
std::string bidsDocument(int count, const std::string& between = "") {
    std::vector<std::string> text = {R"(<?xml version="1.0" encoding="UTF-8"?>)"};
    text[0] += "\n<bids xmlns=\"urn:fairtender:bid:1\" tender=\"T1\">";
    for (int n = 1; n <= count; ++n) {
        const auto id = std::to_string(n);
        text.push_back("  <bid id=\"B" + id + "\">");
        text.push_back("    <supplier name=\"Smith &amp; Sons " + id +
                       "\" postcode=\"pr1 2he\" ownership=\"mutual\"/>");
        text.push_back("    <price>1200." + std::string(n < 10 ? "0" : "") + id + "</price>");
        text.push_back("    <commitment measure=\"local-jobs\" quantity=\"" + id + "\"/>");
        text.push_back("  </bid>" + (n < count ? between : std::string()));
    }
    text.push_back("</bids>");
    return lines(text);
}

std::vector<Bid> read(const std::string& xml, std::size_t pieceBytes) {
    Diagnostics d;
    auto bids = xml::parseBidsInPieces(xml, "bids/b.xml", d, pieceBytes);
    EXPECT_TRUE(bids) << describe(d);
    return bids.value_or(std::vector<Bid>{});
}

} // namespace

TEST(BidPieces, OneBidPerPieceGivesTheSameBidsAndLocationsAsOnePiece) {
    const auto xml = bidsDocument(12);
    const auto pieces = read(xml, 1);
    const auto whole = read(xml, kWhole);
    ASSERT_EQ(pieces.size(), 12u);
    ASSERT_EQ(whole.size(), 12u);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        EXPECT_EQ(pieces[i].id, whole[i].id);
        EXPECT_EQ(pieces[i].supplier.name, whole[i].supplier.name);
        EXPECT_EQ(pieces[i].price->pence(), whole[i].price->pence());
        EXPECT_EQ(pieces[i].where.toString(), whole[i].where.toString());
        EXPECT_EQ(pieces[i].priceWhere.toString(), whole[i].priceWhere.toString());
        EXPECT_EQ(pieces[i].commitments[0].where.toString(),
                  whole[i].commitments[0].where.toString());
        EXPECT_EQ(pieces[i].tenderWhere.toString(), whole[i].tenderWhere.toString());
    }
    // Bid 11 opens on line 3 + 5 * 10 = 53; its price is 1200.11 on line 55.
    EXPECT_EQ(pieces[10].where.toString(), "bids/b.xml:53:3");
    EXPECT_EQ(pieces[10].priceWhere.toString(), "bids/b.xml:55:5");
    EXPECT_EQ(pieces[10].price->pence(), 120011);
    EXPECT_EQ(pieces[10].supplier.name, "Smith & Sons 11");
    EXPECT_EQ(pieces[10].supplier.postcode->text(), "PR1 2HE");
    EXPECT_EQ(pieces[10].commitments[0].quantity, 11.0);
    EXPECT_EQ(pieces[10].tenderWhere.toString(), "bids/b.xml:2:36");
}

TEST(BidPieces, ErrorInALaterPieceIsReportedOnceAtItsPlace) {
    auto xml = bidsDocument(6);
    xml.replace(xml.find("1200.05"), 7, "1200.055");
    Diagnostics d;
    EXPECT_FALSE(xml::parseBidsInPieces(xml, "bids/b.xml", d, 1));
    ASSERT_EQ(d.size(), 1u) << describe(d);
    // Bid 5 opens on line 23; its price text starts at column 12 of line 25.
    EXPECT_TRUE(hasDiagnostic(d, 25, 12, "has more than two decimal places"));
}

TEST(BidPieces, DiagnosticsMatchReadingTheDocumentWhole) {
    auto xml = bidsDocument(5, "\n  <note/>");
    xml.replace(xml.find("ownership=\"mutual\""), 18, "ownership=\"plc\"");
    Diagnostics pieces;
    Diagnostics whole;
    EXPECT_FALSE(xml::parseBidsInPieces(xml, "bids/b.xml", pieces, 1));
    EXPECT_FALSE(xml::parseBidsInPieces(xml, "bids/b.xml", whole, kWhole));
    ASSERT_EQ(pieces.size(), 5u) << describe(pieces); // 4 <note/> and 1 ownership
    ASSERT_EQ(pieces.size(), whole.size());
    for (std::size_t i = 0; i < pieces.size(); ++i)
        EXPECT_EQ(pieces[i].toString(), whole[i].toString());
}

TEST(BidPieces, CommentHoldingAnEndTagBetweenBidsStillReads) {
    const auto xml = bidsDocument(4, "\n  <!-- withdrawn: <bid id=\"X\"></bid> -->");
    EXPECT_EQ(read(xml, 1).size(), 4u);
}

TEST(BidPieces, DoctypeBetweenBidsIsASyntaxError) {
    const auto xml = bidsDocument(3, "\n<!DOCTYPE bids>");
    Diagnostics d;
    EXPECT_FALSE(xml::parseBidsInPieces(xml, "bids/b.xml", d, 1));
    EXPECT_TRUE(hasMessage(d, "XML syntax error")) << describe(d);
}

TEST(BidPieces, NulByteBetweenBidsDoesNotDropTheBidsAfterIt) {
    auto xml = bidsDocument(3);
    xml.insert(xml.find("</bid>") + 6, 1, '\0');
    Diagnostics d;
    const auto bids = xml::parseBidsInPieces(xml, "bids/b.xml", d, 1);
    EXPECT_FALSE(bids && bids->size() != 3u) << "the pieces dropped bids after the NUL byte";
}

TEST(BidPieces, EndTagInsideAnAttributeValueIsNotACut) {
    auto xml = bidsDocument(3);
    xml.replace(xml.find("Smith &amp; Sons 1"), 18, "</bid> &amp; Sons 1");
    const auto bids = read(xml, 1);
    // '<' is not allowed in an attribute value, so this is an error either way; when
    // the parser accepts it, the pieces must give all three bids.
    EXPECT_TRUE(bids.empty() || bids.size() == 3u);
}
