#include "CliTestSupport.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace fairtender::cli {
namespace {

using testing::run;
using testing::ScratchFolder;
using testing::sourcePath;

TEST(ExportCommand, WritesTheScorecardOfASampleAndSaysSo) {
    ScratchFolder out;
    const auto file = out.path() / "scorecard.xlsx";
    const auto result =
        run({"export", sourcePath("samples/school-meals"), "--xlsx", file.string()});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(std::filesystem::is_regular_file(file));
    EXPECT_NE(result.out.find("6 bids, 17 sheets"), std::string::npos) << result.out;
}

TEST(ExportCommand, InvalidFolderExitsOneAndWritesNoFile) {
    ScratchFolder out;
    out.write("tender/tender.xml", "<tender");
    const auto file = out.path() / "scorecard.xlsx";
    const auto result = run({"export", (out.path() / "tender").string(), "--xlsx", file.string()});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("tender.xml:"), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(file));
}

TEST(ExportCommand, MissingXlsxOptionIsAUsageError) {
    const auto result = run({"export", sourcePath("samples/school-meals")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("--xlsx"), std::string::npos) << result.err;
}

TEST(ExportCommand, UnwritableTargetExitsOneWithAMessage) {
    ScratchFolder out;
    const auto file = out.path() / "no-such-folder" / "scorecard.xlsx";
    const auto result =
        run({"export", sourcePath("samples/school-meals"), "--xlsx", file.string()});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("no folder"), std::string::npos) << result.err;
}

TEST(ExportCommand, HelpShowsAnExample) {
    const auto result = run({"export", "--help"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_NE(result.out.find("fairtender export samples/school-meals --xlsx"), std::string::npos);
}

TEST(ExportCommand, GeneralHelpListsExport) {
    const auto result = run({"--help"});
    EXPECT_NE(result.out.find("export FOLDER --xlsx OUT.xlsx"), std::string::npos);
}

} // namespace
} // namespace fairtender::cli
