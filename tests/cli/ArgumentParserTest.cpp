#include "cli/ArgumentParser.h"

#include <gtest/gtest.h>

namespace fairtender::cli {
namespace {

CommandSyntax evaluateLike() {
    return {{"--json"}, {{"--explain", "a bid id"}}, {"FOLDER"}};
}

TEST(ArgumentParser, FlagAndPositionalInAnyOrder) {
    const auto parsed = parseArguments({"--json", "samples/school-meals"}, evaluateLike());
    ASSERT_TRUE(parsed.arguments) << parsed.error;
    EXPECT_TRUE(parsed.arguments->has("--json"));
    EXPECT_EQ(parsed.arguments->positionals, std::vector<std::string>{"samples/school-meals"});
}

TEST(ArgumentParser, OptionValueAsNextWordOrAfterEquals) {
    const auto spaced = parseArguments({"x", "--explain", "B1"}, evaluateLike());
    const auto joined = parseArguments({"x", "--explain=B2"}, evaluateLike());
    EXPECT_EQ(spaced.arguments->option("--explain"), "B1");
    EXPECT_EQ(joined.arguments->option("--explain"), "B2");
}

TEST(ArgumentParser, UnknownOptionIsAnError) {
    const auto parsed = parseArguments({"x", "--jsn"}, evaluateLike());
    EXPECT_FALSE(parsed.arguments);
    EXPECT_EQ(parsed.error, "unknown option '--jsn'");
}

TEST(ArgumentParser, OptionWithoutValueIsAnError) {
    const auto parsed = parseArguments({"x", "--explain"}, evaluateLike());
    EXPECT_EQ(parsed.error, "option '--explain' needs a value (a bid id)");
}

TEST(ArgumentParser, MissingPositionalIsNamed) {
    EXPECT_EQ(parseArguments({"--json"}, evaluateLike()).error, "missing FOLDER");
}

TEST(ArgumentParser, ExtraPositionalIsAnError) {
    EXPECT_EQ(parseArguments({"a", "b"}, evaluateLike()).error, "unexpected argument 'b'");
}

TEST(ArgumentParser, DoubleDashLetsAFolderStartWithADash) {
    const auto parsed = parseArguments({"--", "-odd-folder"}, evaluateLike());
    ASSERT_TRUE(parsed.arguments);
    EXPECT_EQ(parsed.arguments->positionals.front(), "-odd-folder");
}

TEST(ArgumentParser, HelpIsRecognisedAnywhereBeforeDoubleDash) {
    EXPECT_TRUE(asksForHelp({"samples/school-meals", "--help"}));
    EXPECT_TRUE(asksForHelp({"-h"}));
    EXPECT_FALSE(asksForHelp({"--", "--help"}));
}

TEST(ArgumentParser, PositionalEndingInDotsTakesEveryFurtherWord) {
    const CommandSyntax importLike{{}, {{"--as", "a name"}}, {"WS.ftw", "FILE..."}};
    const auto parsed = parseArguments({"ws.ftw", "a.xml", "--as", "Ann", "b.xml"}, importLike);
    ASSERT_TRUE(parsed.arguments) << parsed.error;
    EXPECT_EQ(parsed.arguments->positionals,
              (std::vector<std::string>{"ws.ftw", "a.xml", "b.xml"}));
    EXPECT_EQ(parseArguments({"ws.ftw"}, importLike).error, "missing FILE...");
}

} // namespace
} // namespace fairtender::cli
