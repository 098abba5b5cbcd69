#include "IoTestSupport.h"
#include "io/xml/TenderFolder.h"
#include "io/xml/XmlDocument.h"

#include <gtest/gtest.h>

using namespace fairtender;
using fairtender::testing::hasDiagnostic;

TEST(XmlLocation, LineTableCountsLinesAndUtf8Characters) {
    const std::string text = "ab\n\xC2\xA3x<y\n"; // "£" is two bytes, one character
    xml::LineTable table(text);
    EXPECT_EQ(table.lineColumn(0), std::make_pair(1, 1));
    EXPECT_EQ(table.lineColumn(3), std::make_pair(2, 1));
    EXPECT_EQ(table.lineColumn(6), std::make_pair(2, 3)); // '<' after "£x"
    EXPECT_EQ(table.lineColumn(1000), std::make_pair(3, 1));
}

TEST(XmlLocation, LineTableAnswersOutOfOrderLookups) {
    const std::string text = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n";
    xml::LineTable table(text);
    EXPECT_EQ(table.lineColumn(20).first, 11);
    EXPECT_EQ(table.lineColumn(2).first, 2);
    EXPECT_EQ(table.lineColumn(18).first, 10);
}

TEST(XmlLocation, MalformedXmlGivesTheParsersLineAndColumn) {
    Diagnostics d;
    EXPECT_FALSE(parseBids("<bids xmlns=\"urn:fairtender:bid:1\" tender=\"T\">\n  <bid "
                           "id=\"B1\">\n  </bdi>\n</bids>\n",
                           "bids/b1.xml", d));
    ASSERT_EQ(d.size(), 1u);
    EXPECT_TRUE(hasDiagnostic(d, 3, 5, "XML syntax error: Start-end tags mismatch"));
}

TEST(XmlLocation, UnclosedAttributeQuoteIsReportedWhereItStarts) {
    Diagnostics d;
    EXPECT_FALSE(parseBids("<bids xmlns=\"urn:fairtender:bid:1\" tender=\"T>\n", "b.xml", d));
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].where.line, 1);
    EXPECT_TRUE(fairtender::testing::hasMessage(d, "XML syntax error"));
}

TEST(XmlLocation, EmptyFileIsASyntaxError) {
    Diagnostics d;
    EXPECT_FALSE(parseEvaluations("", "evaluations.xml", d));
    EXPECT_TRUE(hasDiagnostic(d, 1, 1, "XML syntax error: No document element found"));
}

TEST(XmlLocation, DoctypeIsRejected) {
    Diagnostics d;
    EXPECT_FALSE(parseBids("<?xml version=\"1.0\"?>\n<!DOCTYPE bids>\n<bids "
                           "xmlns=\"urn:fairtender:bid:1\" tender=\"T\"/>\n",
                           "b.xml", d));
    ASSERT_EQ(d.size(), 1u);
    EXPECT_TRUE(hasDiagnostic(
        d, 2, 1, "DOCTYPE is not allowed: remove it; tender files never need entity declarations"));
}

TEST(XmlLocation, BillionLaughsIsRejectedWithoutExpansion) {
    std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
    for (int i = 1; i <= 9; ++i) {
        xml += " <!ENTITY lol" + std::to_string(i) + " \"";
        for (int j = 0; j < 10; ++j)
            xml += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
        xml += "\">\n";
    }
    xml += "]>\n<tender xmlns=\"urn:fairtender:tender:1\" "
           "id=\"&lol9;\"><title>&lol9;</title></tender>\n";
    Diagnostics d;
    EXPECT_FALSE(parseTender(xml, "tender.xml", nullptr, d));
    ASSERT_EQ(d.size(), 1u);
    EXPECT_TRUE(hasDiagnostic(d, 2, 1, "DOCTYPE is not allowed"));
}

TEST(XmlLocation, AttributeInAStartTagOverSeveralLinesIsFound) {
    Diagnostics d;
    EXPECT_FALSE(parseBids("<bids xmlns=\"urn:fairtender:bid:1\" tender=\"T\">\n"
                           "  <bid id=\"B1\">\n"
                           "    <supplier name=\"A > B\"\n"
                           "              ownership=\"mutual\"\n"
                           "              sme=\"ja\"/>\n"
                           "  </bid>\n</bids>\n",
                           "b.xml", d));
    EXPECT_TRUE(hasDiagnostic(d, 5, 15, "sme 'ja' must be exactly true or false"));
}

TEST(XmlLocation, ColumnsCountCharactersNotBytes) {
    Diagnostics d;
    EXPECT_FALSE(parseBids(
        "<bids xmlns=\"urn:fairtender:bid:1\" tender=\"T\">\n"
        "  <bid id=\"B1\"><supplier name=\"Caf\xC3\xA9 \xC2\xA3\" ownership=\"cafe\"/></bid>\n"
        "</bids>\n",
        "b.xml", d));
    EXPECT_TRUE(hasDiagnostic(d, 2, 40, "ownership 'cafe' is not an ownership model"));
}

TEST(XmlLocation, WindowsLineEndingsKeepLinesRight) {
    Diagnostics d;
    EXPECT_FALSE(parseBids("<bids xmlns=\"urn:fairtender:bid:1\" tender=\"T\">\r\n"
                           "  <bid id=\"B1\">\r\n"
                           "    <supplier name=\"A\" ownership=\"mutual\" sme=\"1\"/>\r\n"
                           "  </bid>\r\n</bids>\r\n",
                           "b.xml", d));
    EXPECT_TRUE(hasDiagnostic(d, 3, 43, "sme '1' must be exactly true or false"));
}

TEST(XmlLocation, LineTableReturnsToEarlierLinesFarBehind) {
    std::string text;
    for (int line = 1; line <= 5000; ++line)
        text += "line " + std::to_string(line) + "\n"; // lines 1-9 are 7 bytes long
    xml::LineTable table(text);
    EXPECT_EQ(table.lineColumn(static_cast<std::ptrdiff_t>(text.size()) - 3).first, 5000);
    EXPECT_EQ(table.lineColumn(7 * 4 + 5), std::make_pair(5, 6));
    EXPECT_EQ(table.lineColumn(static_cast<std::ptrdiff_t>(text.find("line 4321\n")) + 2),
              std::make_pair(4321, 3));
    EXPECT_EQ(table.lineColumn(1), std::make_pair(1, 2));
}
