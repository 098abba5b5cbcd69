#include "cli/TextWidth.h"

#include <gtest/gtest.h>

namespace fairtender::cli {
namespace {

TEST(TextWidth, PrecomposedAccentTakesOneColumn) {
    EXPECT_EQ(displayWidth("Caf\xC3\xA9 Co-op"), 10u);
}

TEST(TextWidth, CombiningAccentTakesNoColumn) {
    EXPECT_EQ(displayWidth("Cafe\xCC\x81"), 4u);
}

TEST(TextWidth, CjkIdeographTakesTwoColumns) {
    EXPECT_EQ(displayWidth("\xE5\xAD\xA6\xE6\xA0\xA1"), 4u);
}

TEST(TextWidth, ShortTextIsNotTruncated) {
    EXPECT_EQ(truncateToWidth("Caf\xC3\xA9 Co-op", 10), "Caf\xC3\xA9 Co-op");
}

TEST(TextWidth, LongTextEndsWithEllipsisWithinWidth) {
    const auto cut = truncateToWidth("Ribble Valley Catering Co-operative Limited", 12);
    EXPECT_EQ(cut, "Ribble Vall\xE2\x80\xA6");
    EXPECT_EQ(displayWidth(cut), 12u);
}

TEST(TextWidth, TruncationNeverSplitsAMultiByteCharacter) {
    EXPECT_EQ(truncateToWidth("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 3),
              "\xC3\xA9\xC3\xA9\xE2\x80\xA6");
}

TEST(TextWidth, PaddingCountsColumnsNotBytes) {
    EXPECT_EQ(padRight("Caf\xC3\xA9", 6), "Caf\xC3\xA9  ");
    EXPECT_EQ(padLeft("9.5", 5), "  9.5");
}

TEST(TextWidth, OneLineTurnsControlCharactersIntoSpaces) {
    EXPECT_EQ(oneLine("A\nB\x1B[2J"), "A B [2J");
}

} // namespace
} // namespace fairtender::cli
