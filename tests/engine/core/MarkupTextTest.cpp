#include "core/MarkupText.h"

#include <gtest/gtest.h>

using fairtender::markupEscaped;
using fairtender::MarkupPlace;

TEST(MarkupText, HtmlEscapesBothQuotesAndTheThreeMarkupCharacters) {
    EXPECT_EQ(markupEscaped("Smith & Sons <\"A\" 'B'>", MarkupPlace::Html),
              "Smith &amp; Sons &lt;&quot;A&quot; &#39;B&#39;&gt;");
}

TEST(MarkupText, XmlTextKeepsQuotesAndLineBreaksButNotCarriageReturns) {
    EXPECT_EQ(markupEscaped("a \"b\" 'c'\r\n\td & e", MarkupPlace::XmlText),
              "a \"b\" 'c'&#13;\n\td &amp; e");
}

TEST(MarkupText, XmlAttributeWritesQuotesAndWhiteSpaceAsReferences) {
    EXPECT_EQ(markupEscaped("a \"b\" 'c'\r\n\t<d>", MarkupPlace::XmlAttribute),
              "a &quot;b&quot; 'c'&#13;&#10;&#9;&lt;d&gt;");
}
