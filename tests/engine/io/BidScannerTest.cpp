#include "FileText.h"
#include "IoTestSupport.h"
#include "io/xml/BidReader.h"

// The benchmark's generator, compiled in here so the tests read exactly what it writes.
#include "../../bench/SyntheticTender.cpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace fairtender;
using fairtender::testing::describe;
using fairtender::testing::lines;
using fairtender::testing::readFile;

namespace {

struct Reading {
    std::optional<std::vector<Bid>> bids;
    Diagnostics diagnostics;
    xml::BidReadTrace trace;
};

Reading read(const std::string& xml, bool scan, std::size_t pieceBytes = 64) {
    Reading r;
    r.bids = xml::parseBidsInPieces(xml, "bids/b.xml", r.diagnostics, pieceBytes, scan, &r.trace);
    return r;
}

std::string where(const SourceLocation& at) {
    return at.toString();
}

// Every field and every location of two bid lists, as one comparable text.
std::string dump(const std::vector<Bid>& bids) {
    std::ostringstream out;
    for (const auto& b : bids) {
        out << b.id << " @" << where(b.where) << " tender " << b.tenderId << " @"
            << where(b.tenderWhere) << "\n  supplier " << b.supplier.name << " | "
            << (b.supplier.postcode ? b.supplier.postcode->text() : "-") << " | "
            << static_cast<int>(b.supplier.ownership) << " | "
            << (b.supplier.sme ? (*b.supplier.sme ? "sme" : "not sme") : "-") << " @"
            << where(b.supplier.where) << "\n  price "
            << (b.price ? std::to_string(b.price->pence()) : "-") << " @" << where(b.priceWhere)
            << "\n";
        for (const auto& c : b.costs)
            out << "  cost " << c.year << " " << c.amount.pence() << " @" << where(c.where) << "\n";
        if (b.livingWage)
            out << "  living wage " << b.livingWage->accredited << b.livingWage->committed << " "
                << (b.livingWage->lowestHourlyRate
                        ? std::to_string(b.livingWage->lowestHourlyRate->pence())
                        : "-")
                << " @" << where(b.livingWage->where) << "\n";
        out << "  local spend "
            << (b.localSpendPercent ? std::to_string(*b.localSpendPercent) : "-") << " @"
            << where(b.localSpendWhere) << "\n";
        for (const auto& c : b.commitments)
            out << "  commitment " << c.measureId << " " << c.quantity << " @" << where(c.where)
                << "\n";
        for (const auto& g : b.gateAnswers)
            out << "  gate " << g.gateId << " " << g.pass << " @" << where(g.where) << "\n";
    }
    return out.str();
}

// Reads `xml` with and without the scanner and expects the same bids and diagnostics.
::testing::AssertionResult sameEitherWay(const std::string& xml, std::size_t pieceBytes = 64) {
    const auto scanned = read(xml, true, pieceBytes);
    const auto parsed = read(xml, false, pieceBytes);
    if (describe(scanned.diagnostics) != describe(parsed.diagnostics))
        return ::testing::AssertionFailure() << "diagnostics differ:\n"
                                             << describe(scanned.diagnostics) << "versus\n"
                                             << describe(parsed.diagnostics);
    if (scanned.bids.has_value() != parsed.bids.has_value())
        return ::testing::AssertionFailure() << "one reading failed:\n"
                                             << describe(parsed.diagnostics);
    if (scanned.bids && dump(*scanned.bids) != dump(*parsed.bids))
        return ::testing::AssertionFailure() << "bids differ:\n"
                                             << dump(*scanned.bids) << "versus\n"
                                             << dump(*parsed.bids);
    return ::testing::AssertionSuccess();
}

bool scannedOnly(const std::string& xml) {
    const auto r = read(xml, true);
    return r.bids && r.trace.scannedPieces > 0 && r.trace.parsedPieces == 0 &&
           !r.trace.wholeDocument;
}

bool fellBack(const std::string& xml) {
    const auto r = read(xml, true);
    return r.trace.parsedPieces > 0 || r.trace.wholeDocument;
}

// Three bids; bid n opens on line 2 + 5 * (n - 1).
std::string bids(const std::string& firstSupplier = "<supplier name=\"Smith Ltd\" "
                                                    "postcode=\"PR1 2HE\" ownership=\"mutual\"/>",
                 const std::string& firstPrice = "<price>1200.50</price>") {
    std::vector<std::string> text = {"<bids xmlns=\"urn:fairtender:bid:1\" tender=\"T1\">"};
    for (int n = 1; n <= 3; ++n) {
        const auto id = std::to_string(n);
        text.push_back("  <bid id=\"B" + id + "\">");
        text.push_back("    " + (n == 1 ? firstSupplier
                                        : "<supplier name=\"Other " + id +
                                              "\" ownership=\"charity\" sme=\"true\"/>"));
        text.push_back("    " + (n == 1 ? firstPrice : "<price>99" + id + ".00</price>"));
        text.push_back("    <commitment measure=\"local-jobs\" quantity=\"" + id + "\"/>");
        text.push_back("  </bid>");
    }
    text.push_back("</bids>");
    return lines(text);
}

} // namespace

TEST(BidScanner, GeneratedBenchmarkInputGivesTheSameBidsAsPugixml) {
    const auto xml = bench::generateBidXml(200'000);
    const auto scanned = read(xml, true, 16 * 1024);
    const auto parsed = read(xml, false, 16 * 1024);
    ASSERT_TRUE(scanned.bids) << describe(scanned.diagnostics);
    ASSERT_TRUE(parsed.bids) << describe(parsed.diagnostics);
    // 200,000 bytes of bids at about 460 bytes each, in 12 pieces of at least 16 KB.
    EXPECT_GT(scanned.bids->size(), 400u);
    EXPECT_EQ(scanned.trace.scannedPieces, 12);
    EXPECT_EQ(scanned.trace.parsedPieces, 0);
    EXPECT_EQ(dump(*scanned.bids), dump(*parsed.bids));
}

TEST(BidScanner, EverySampleBidFileGivesTheSameBidsAsPugixml) {
    int files = 0;
    for (const auto& sample : std::filesystem::directory_iterator(
             std::filesystem::path(FAIRTENDER_SOURCE_DIR) / "samples")) {
        if (!std::filesystem::is_directory(sample.path() / "bids"))
            continue;
        for (const auto& file : std::filesystem::directory_iterator(sample.path() / "bids")) {
            ++files;
            EXPECT_TRUE(sameEitherWay(readFile(file.path()))) << file.path();
        }
    }
    EXPECT_EQ(files, 12);
}

TEST(BidScanner, SampleBidsDocumentIsReadByTheScanner) {
    const auto xml = readFile(std::filesystem::path(FAIRTENDER_SOURCE_DIR) /
                              "samples/highways-maintenance/bids/bids.xml");
    const auto r = read(xml, true);
    ASSERT_TRUE(r.bids) << describe(r.diagnostics);
    EXPECT_EQ(r.bids->size(), 5u);
    EXPECT_EQ(r.trace.parsedPieces, 0);
    EXPECT_EQ(r.bids->at(0).costs.at(4).amount.pence(), 423000000);
}

TEST(BidScanner, PlainBidsAreScannedWithTheirLocations) {
    const auto xml = bids();
    ASSERT_TRUE(scannedOnly(xml));
    EXPECT_TRUE(sameEitherWay(xml));
    const auto r = read(xml, true);
    // Bid 2 opens on line 7; its price 992.00 is on line 9, column 5.
    EXPECT_EQ(r.bids->at(1).where.toString(), "bids/b.xml:7:3");
    EXPECT_EQ(r.bids->at(1).priceWhere.toString(), "bids/b.xml:9:5");
    EXPECT_EQ(r.bids->at(1).price->pence(), 99200);
}

TEST(BidScanner, EntitiesInValuesAreDecoded) {
    const auto xml = bids("<supplier name=\"Smith &amp; Sons &lt;&gt;&quot;&apos; Caf&#233; "
                          "&#xE9;\" ownership=\"mutual\"/>");
    ASSERT_TRUE(scannedOnly(xml));
    EXPECT_TRUE(sameEitherWay(xml));
    EXPECT_EQ(read(xml, true).bids->at(0).supplier.name, "Smith & Sons <>\"' Caf\u00e9 \u00e9");
}

TEST(BidScanner, CommentsBetweenElementsAndBidsAreSkipped) {
    auto xml = bids("<!-- first supplier --><supplier name=\"A\" ownership=\"mutual\"/><!---->");
    xml.replace(xml.find("  <bid id=\"B2\">"), 0, "<!-- withdrawn: <bid id=\"X\"></bid> -->\n");
    ASSERT_TRUE(scannedOnly(xml));
    EXPECT_TRUE(sameEitherWay(xml));
    // The comment line pushes bid 2 from line 7 to line 8.
    EXPECT_EQ(read(xml, true).bids->at(1).where.toString(), "bids/b.xml:8:3");
}

TEST(BidScanner, AttributesOverSeveralLinesKeepTheirLocations) {
    const auto xml =
        bids("<supplier\n      name=\"A\"\n      ownership='mutual'\n      sme=\"false\"\n    />");
    ASSERT_TRUE(scannedOnly(xml));
    EXPECT_TRUE(sameEitherWay(xml));
    // Four extra lines: bid 2 opens on line 11.
    EXPECT_EQ(read(xml, true).bids->at(1).where.toString(), "bids/b.xml:11:3");
}

TEST(BidScanner, CrlfLineEndingsGiveTheSameLocations) {
    std::string xml;
    for (const char c : bids()) {
        if (c == '\n')
            xml += '\r';
        xml += c;
    }
    ASSERT_TRUE(scannedOnly(xml));
    EXPECT_TRUE(sameEitherWay(xml));
    EXPECT_EQ(read(xml, true).bids->at(2).priceWhere.toString(), "bids/b.xml:14:5");
}

TEST(BidScanner, Utf8NamesCountColumnsInCharacters) {
    const auto xml = bids("<supplier name=\"Caf\u00e9 \u00c9lan \u2013 Cymru\" "
                          "ownership=\"mutual\"/><price>1200.50</price>",
                          "<gate id=\"insurance\" pass=\"true\"/>");
    ASSERT_TRUE(scannedOnly(xml));
    EXPECT_TRUE(sameEitherWay(xml));
    // "    <supplier name="Café Élan – Cymru" ownership="mutual"/>" is 59 characters, so
    // the price starts at column 60 although three characters take more than one byte.
    EXPECT_EQ(read(xml, true).bids->at(0).priceWhere.toString(), "bids/b.xml:3:60");
}

TEST(BidScanner, SingleQuotesAndSpacesInTagsAreRead) {
    const auto xml = bids("<supplier name='O\"Neill' ownership = 'mutual' ></supplier >",
                          "<price >\n      1200.50\n    </price >");
    ASSERT_TRUE(scannedOnly(xml));
    EXPECT_TRUE(sameEitherWay(xml));
    EXPECT_EQ(read(xml, true).bids->at(0).supplier.name, "O\"Neill");
    EXPECT_EQ(read(xml, true).bids->at(0).price->pence(), 120050);
}

TEST(BidScanner, CdataFallsBackAndReadsTheSame) {
    const auto xml = bids(), cdata = bids("<supplier name=\"A\" ownership=\"mutual\"/>",
                                          "<price><![CDATA[1200.50]]></price>");
    EXPECT_FALSE(fellBack(xml));
    EXPECT_TRUE(fellBack(cdata));
    EXPECT_TRUE(sameEitherWay(cdata));
}

TEST(BidScanner, UnusualMarkupFallsBackAndReadsTheSame) {
    const std::string supplier = "<supplier name=\"A\" ownership=\"mutual\"/>";
    const std::vector<std::string> unusual = {
        bids("<supplier name=\"A\nB\" ownership=\"mutual\"/>"), // newline in a value
        bids("<supplier name=\"A\tB\" ownership=\"mutual\"/>"), // tab in a value
        bids("<supplier name=\"A &copy;\" ownership=\"mutual\"/>"),
        bids("<supplier name=\"A\" name=\"B\" ownership=\"mutual\"/>"),
        bids(supplier, "<price>1200<!-- pounds -->.50</price>"),
        bids(supplier, "<price>1200&#46;50</price>"),
        bids(supplier + "<?note x?>"),
        bids(supplier + "stray text"),
        bids(supplier, "<price>1200.50</price><note/>"),
        bids("<supplier xmlns=\"urn:fairtender:bid:1\" name=\"A\" ownership=\"mutual\"/>"),
        bids(supplier, "<price currency=\"GBP\">1200.50</price>"),
        bids(supplier, "<price>1200.50</PRICE>"),
    };
    for (const auto& xml : unusual) {
        EXPECT_TRUE(fellBack(xml)) << xml;
        EXPECT_TRUE(sameEitherWay(xml)) << xml;
    }
}

TEST(BidScanner, ProblemsFallBackSoPugixmlReportsThem) {
    const std::string supplier = "<supplier name=\"A\" ownership=\"mutual\"/>";
    const std::vector<std::string> wrong = {
        bids(supplier, "<price>1200.505</price>"),
        bids(supplier, "<price></price>"),
        bids("<supplier name=\"A\" ownership=\"plc\"/>"),
        bids("<supplier name=\"A\" postcode=\"XX\" ownership=\"mutual\"/>"),
        bids("<supplier name=\" \" ownership=\"mutual\"/>"),
        bids(supplier + supplier),
        bids("<price>1200.50</price>"),
        bids(supplier, "<price>1.00</price><cost year=\"1\">5.00</cost>"),
        bids(supplier, "<local-spend percent=\"140\"/>"),
        bids(supplier, "<living-wage lowest-hourly-rate=\"0\"/>"),
        bids(supplier, "<gate id=\"insurance\" pass=\"yes\"/>"),
    };
    for (const auto& xml : wrong) {
        const auto r = read(xml, true);
        EXPECT_FALSE(r.bids) << xml;
        EXPECT_TRUE(r.trace.wholeDocument) << xml;
        EXPECT_FALSE(r.diagnostics.empty()) << xml;
        EXPECT_TRUE(sameEitherWay(xml)) << xml;
    }
}

TEST(BidScanner, PieceCutInsideACommentFallsBackToTheWholeDocument) {
    auto xml = bids();
    xml.replace(xml.find("  <bid id=\"B2\">"), 0, "<!-- </bid> -->\n");
    // A piece of one byte is cut at the first </bid>, which is inside the comment.
    const auto r = read(xml, true, 1);
    ASSERT_TRUE(r.bids) << describe(r.diagnostics);
    EXPECT_EQ(r.bids->size(), 3u);
    EXPECT_TRUE(sameEitherWay(xml, 1));
}
