#include "cli/TemplateLibrary.h"

#include "CliTestSupport.h"

#include <gtest/gtest.h>

namespace fairtender::cli {
namespace {

using testing::ScratchFolder;
using testing::sourcePath;

TEST(TemplateLibrary, DescribesTitleAndFirstSentenceOfLeadingComment) {
    const auto info = describeTemplate(R"(<?xml version="1.0"?>
<!--
  Price 60 / quality 40: the usual split.
  Use it for goods.
-->
<tender><title>New tender (price &amp; quality)</title></tender>)");
    EXPECT_EQ(info.title, "New tender (price & quality)");
    EXPECT_EQ(info.summary, "Price 60 / quality 40: the usual split.");
}

TEST(TemplateLibrary, CommentAfterTheRootElementIsNoSummary) {
    EXPECT_EQ(describeTemplate("<tender><!-- inner. --><title>T</title></tender>").summary, "");
}

TEST(TemplateLibrary, ListsTheThreeShippedTemplatesByName) {
    const auto templates = listTemplates(sourcePath("templates"));
    ASSERT_EQ(templates.size(), 3u);
    EXPECT_EQ(templates[0].name, "community-wealth-building");
    EXPECT_EQ(templates[1].name, "price-quality-60-40");
    EXPECT_EQ(templates[2].name, "social-value-model");
    for (const auto& info : templates) {
        EXPECT_FALSE(info.title.empty()) << info.name;
        EXPECT_FALSE(info.summary.empty()) << info.name;
    }
}

TEST(TemplateLibrary, ReferenceFolderIsNotATemplate) {
    ScratchFolder folder;
    folder.write("a.xml", "<tender><title>A</title></tender>");
    folder.write("reference/living-wage-rates.xml", "<rates/>");
    folder.write("notes.txt", "x");
    const auto templates = listTemplates(folder.path());
    ASSERT_EQ(templates.size(), 1u);
    EXPECT_EQ(templates[0].name, "a");
}

TEST(TemplateLibrary, FindsByNameWithOrWithoutExtension) {
    EXPECT_TRUE(findTemplate(sourcePath("templates"), "social-value-model"));
    EXPECT_TRUE(findTemplate(sourcePath("templates"), "social-value-model.xml"));
    EXPECT_FALSE(findTemplate(sourcePath("templates"), "reference/living-wage-rates"));
    EXPECT_FALSE(findTemplate(sourcePath("templates"), "no-such-template"));
}

TEST(TemplateLibrary, EnvironmentVariableChoosesTheFolder) {
    ::setenv("FAIRTENDER_TEMPLATES", "/tmp/somewhere", 1);
    EXPECT_EQ(templatesDirectory(), std::filesystem::path("/tmp/somewhere"));
    ::unsetenv("FAIRTENDER_TEMPLATES");
    EXPECT_TRUE(std::filesystem::is_directory(templatesDirectory()));
}

} // namespace
} // namespace fairtender::cli
