// Reading UTF-8 one character at a time, refusing anything not well formed.
#include "core/Utf8.h"

#include <gtest/gtest.h>

namespace fairtender {
namespace {

TEST(Utf8, AsciiIsOneByte) {
    char32_t c = 0;
    EXPECT_EQ(utf8SequenceLength("A", 0, c), 1u);
    EXPECT_EQ(c, U'A');
}

TEST(Utf8, PoundSignIsTwoBytesAndEuroThree) {
    char32_t c = 0;
    EXPECT_EQ(utf8SequenceLength("\xC2\xA3", 0, c), 2u);
    EXPECT_EQ(c, U'\u00A3');
    EXPECT_EQ(utf8SequenceLength("x\xE2\x82\xAC", 1, c), 3u);
    EXPECT_EQ(c, U'\u20AC');
}

TEST(Utf8, OverlongSurrogateAndCutOffSequencesAreRefused) {
    char32_t c = 0;
    EXPECT_EQ(utf8SequenceLength("\xC0\xAF", 0, c), 0u);         // overlong '/'
    EXPECT_EQ(utf8SequenceLength("\xE0\x80\xAF", 0, c), 0u);     // overlong in three bytes
    EXPECT_EQ(utf8SequenceLength("\xED\xA0\x80", 0, c), 0u);     // U+D800, a surrogate
    EXPECT_EQ(utf8SequenceLength("\xF4\x90\x80\x80", 0, c), 0u); // above U+10FFFF
    EXPECT_EQ(utf8SequenceLength("\xE2\x82", 0, c), 0u);         // cut off
    EXPECT_EQ(utf8SequenceLength("\x80", 0, c), 0u);             // a continuation byte alone
}

TEST(Utf8, TextOfSpacesTabsAndZeroWidthCharactersShowsNothing) {
    EXPECT_FALSE(hasVisibleText(""));
    EXPECT_FALSE(hasVisibleText(" \t\n"));
    EXPECT_FALSE(hasVisibleText("\xC2\xA0"));                 // no-break space
    EXPECT_FALSE(hasVisibleText("\xE2\x80\x8B\xE2\x80\x8F")); // zero-width space, RTL mark
    EXPECT_TRUE(hasVisibleText(" ok "));
    EXPECT_TRUE(hasVisibleText("\xE2\x80\x8B"
                               "5"));
}

} // namespace
} // namespace fairtender
