// The command line driven in-process through runCli, as main() drives it: exit codes,
// what goes to standard output and standard error, and the files `new` writes.
#include "CliTestSupport.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fairtender::cli {
namespace {

using testing::run;
using testing::ScratchFolder;
using testing::sourcePath;
using testing::writeSmallTender;

const std::string kSchoolMeals = sourcePath("samples/school-meals");

bool parsesAsJson(const std::string& json, const std::string& check = "") {
    ScratchFolder folder;
    folder.write("result.json", json);
    const std::string script = "import json,sys; d=json.load(sys.stdin)" + check;
    const std::string command =
        "/usr/bin/python3 -c \"" + script + "\" < \"" + folder.str() + "/result.json\" 2>/dev/null";
    return std::system(command.c_str()) == 0;
}

// Help, version and usage errors.

TEST(CliHelp, TopLevelHelpListsCommandsWithAnExample) {
    const auto result = run({"--help"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_NE(result.out.find("fairtender evaluate samples/school-meals"), std::string::npos);
    EXPECT_NE(result.out.find("templates"), std::string::npos);
    EXPECT_TRUE(result.err.empty());
}

TEST(CliHelp, EveryCommandHasHelpWithExampleOptionsAndExitCodes) {
    for (const std::string command : {"validate", "evaluate", "templates", "new", "help"}) {
        for (const auto& args :
             {std::vector<std::string>{command, "--help"}, std::vector<std::string>{command, "-h"},
              std::vector<std::string>{"help", command}}) {
            const auto result = run(args);
            EXPECT_EQ(result.exitCode, 0) << command;
            EXPECT_NE(result.out.find("Example"), std::string::npos) << command;
            EXPECT_NE(result.out.find("Options:"), std::string::npos) << command;
            EXPECT_NE(result.out.find("Exit codes:"), std::string::npos) << command;
        }
    }
    EXPECT_NE(run({"help", "validate"}).out.find("fairtender validate samples/school-meals"),
              std::string::npos);
}

TEST(CliHelp, VersionPrintsTheProjectVersion) {
    const auto result = run({"--version"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_EQ(result.out, std::string("fairtender ") + FAIRTENDER_VERSION + "\n");
}

TEST(CliUsage, NoCommandIsAUsageError) {
    const auto result = run({});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.out.empty());
    EXPECT_NE(result.err.find("Try 'fairtender --help'"), std::string::npos);
}

TEST(CliUsage, UnknownCommandExitsTwoWithAPointerToHelp) {
    const auto result = run({"evalute", "x"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err, "fairtender: unknown command 'evalute'\nTry 'fairtender --help'.\n");
}

TEST(CliUsage, UnknownOptionExitsTwo) {
    const auto result = run({"evaluate", kSchoolMeals, "--jason"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.out.empty());
    EXPECT_NE(result.err.find("unknown option '--jason'"), std::string::npos);
    EXPECT_NE(result.err.find("Try 'fairtender evaluate --help'"), std::string::npos);
}

TEST(CliUsage, MissingFolderExitsTwo) {
    const auto result = run({"validate"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("missing FOLDER"), std::string::npos);
}

TEST(CliUsage, HelpForUnknownCommandExitsTwo) {
    EXPECT_EQ(run({"help", "frobnicate"}).exitCode, 2);
}

// validate

TEST(CliValidate, SampleIsValidWithOneLineSummary) {
    const auto result = run({"validate", kSchoolMeals});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out.find(kSchoolMeals + " is valid: tender "), 0u) << result.out;
    EXPECT_NE(result.out.find(", 6 bids, "), std::string::npos) << result.out;
    EXPECT_EQ(std::count(result.out.begin(), result.out.end(), '\n'), 1);
}

TEST(CliValidate, SmallFolderSummaryCountsBidsEvaluatorsAndScores) {
    ScratchFolder folder;
    writeSmallTender(folder);
    const auto result = run({"validate", folder.str()});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out, folder.str() + " is valid: tender T-1, 2 bids, 0 evaluators, 0 scores\n");
}

TEST(CliValidate, InvalidBidFileGivesLocatedErrorsWithFolderPrefixAndNoOutput) {
    ScratchFolder folder;
    writeSmallTender(folder);
    folder.write("bids/bad.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<bids xmlns="urn:fairtender:bid:1" tender="T-1">
  <bid id="B9">
    <suplier name="Typo Ltd"/>
  </bid>
</bids>
)");
    const auto result = run({"validate", folder.str()});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.out.empty()) << result.out;
    EXPECT_NE(result.err.find(folder.str() + "/bids/bad.xml:4:"), std::string::npos) << result.err;
}

TEST(CliValidate, EveryErrorIsReportedNotJustTheFirst) {
    ScratchFolder folder;
    writeSmallTender(folder);
    folder.write("bids/bad1.xml",
                 R"(<bid xmlns="urn:fairtender:bid:1" tender="T-1" id="B8" colour="red"/>)");
    folder.write("bids/bad2.xml",
                 R"(<bid xmlns="urn:fairtender:bid:1" tender="T-1" id="B9" shape="x"/>)");
    const auto result = run({"validate", folder.str()});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("bids/bad1.xml:1:"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("bids/bad2.xml:1:"), std::string::npos) << result.err;
}

TEST(CliValidate, MissingFolderExitsOneWithNothingOnStdout) {
    const auto result = run({"validate", "/nonexistent/fairtender-folder"});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.out.empty());
    EXPECT_NE(result.err.find("/nonexistent/fairtender-folder: no such folder"), std::string::npos)
        << result.err;
}

TEST(CliValidate, TheTenderFileInPlaceOfItsFolderIsToldToGiveTheFolder) {
    const auto result = run({"validate", kSchoolMeals + "/tender.xml"});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find(kSchoolMeals +
                              "/tender.xml: is the tender file, not its folder: "
                              "give the folder that holds it (" +
                              kSchoolMeals + ")"),
              std::string::npos)
        << result.err;
    EXPECT_EQ(result.err.find("workspace"), std::string::npos) << result.err;
}

TEST(CliInputKinds, AMissingWorkspaceIsCalledOneAndAFolderGivenForOneIsNamedAFolder) {
    const auto missing = run({"evaluate", "/nonexistent/meals.ftw"});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_NE(missing.err.find("/nonexistent/meals.ftw: no such workspace file"), std::string::npos)
        << missing.err;
    const auto folder = run({"verify", kSchoolMeals});
    EXPECT_EQ(folder.exitCode, 1);
    EXPECT_NE(folder.err.find(kSchoolMeals + ": is a folder, not a workspace file"),
              std::string::npos)
        << folder.err;
}

TEST(CliInputKinds, AWorkspaceGivenForAFolderIsNamedAWorkspaceOnce) {
    ScratchFolder scratch;
    const std::string ws = scratch.str() + "/meals.ftw";
    ASSERT_EQ(run({"workspace", "create", kSchoolMeals, ws, "--as", "Ann Lee"}).exitCode, 0);
    const auto result =
        run({"workspace", "create", ws, scratch.str() + "/again.ftw", "--as", "Ann Lee"});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find(ws + ": is a workspace file, not a tender folder"), std::string::npos)
        << result.err;
}

// evaluate

TEST(CliEvaluate, SmallFolderTableShowsTotalsAndWinner) {
    ScratchFolder folder;
    writeSmallTender(folder);
    const auto result = run({"evaluate", folder.str()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("Tender T-1: Grounds maintenance (Test Council)"), std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("88.00"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Winner: B1 Caf\xC3\xA9 Co-op (88.00 points)"), std::string::npos)
        << result.out;
}

TEST(CliEvaluate, SampleTableListsEveryBid) {
    const auto result = run({"evaluate", kSchoolMeals});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    for (const std::string id : {"B1", "B2", "B3", "B4", "B5", "B6"})
        EXPECT_NE(result.out.find(id), std::string::npos) << id;
    EXPECT_NE(result.out.find("Winner: "), std::string::npos) << result.out;
}

TEST(CliEvaluate, JsonIsOneValidDocumentWithTheSpecsKeys) {
    const auto result = run({"evaluate", kSchoolMeals, "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out.front(), '{');
    EXPECT_TRUE(parsesAsJson(result.out,
                             "; assert set(d) == {'tender','winner','bids'}; b=d['bids'][0]; "
                             "assert {'id','supplier','status','criteria','flags'} <= set(b); "
                             "assert b['status'] == 'ranked' and b['rank'] == 1 and 'total' in b"))
        << result.out;
}

TEST(CliEvaluate, JsonOfSmallFolderHasWorkedNumbers) {
    ScratchFolder folder;
    writeSmallTender(folder);
    const auto result = run({"evaluate", folder.str(), "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("\"winner\": \"B1\""), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("\"price\": { \"score\": 0.800000, \"points\": 48.00 }"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("\"total\": 88.00"), std::string::npos);
}

TEST(CliEvaluate, ExplainShowsTheFormulaOfEachCriterion) {
    ScratchFolder folder;
    writeSmallTender(folder);
    const auto result = run({"evaluate", folder.str(), "--explain", "B1"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("Bid B1: Caf\xC3\xA9 Co-op"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("formula: "), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("score 0.800000 x 60 = 48.00 points"), std::string::npos)
        << result.out;
}

TEST(CliEvaluate, ExplainUnknownBidExitsTwoListingTheBids) {
    ScratchFolder folder;
    writeSmallTender(folder);
    const auto result = run({"evaluate", folder.str(), "--explain", "B7"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.out.empty());
    EXPECT_NE(result.err.find("no bid 'B7' in " + folder.str() + "; its bids are: B1, B2"),
              std::string::npos)
        << result.err;
}

TEST(CliEvaluate, JsonAndExplainTogetherIsAUsageError) {
    EXPECT_EQ(run({"evaluate", kSchoolMeals, "--json", "--explain", "B1"}).exitCode, 2);
}

TEST(CliEvaluate, InvalidFolderExitsOneWithNothingOnStdout) {
    ScratchFolder folder;
    folder.write("tender.xml", "<tender xmlns=\"urn:fairtender:tender:1\"");
    for (const auto& args : {std::vector<std::string>{"evaluate", folder.str()},
                             std::vector<std::string>{"evaluate", folder.str(), "--json"}}) {
        const auto result = run(args);
        EXPECT_EQ(result.exitCode, 1);
        EXPECT_TRUE(result.out.empty()) << result.out;
        EXPECT_NE(result.err.find(folder.str() + "/tender.xml"), std::string::npos) << result.err;
    }
}

// templates and new

TEST(CliTemplates, ListsTheThreeTemplatesWithTitles) {
    const auto result = run({"templates"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    for (const std::string name :
         {"community-wealth-building", "price-quality-60-40", "social-value-model"})
        EXPECT_NE(result.out.find("  " + name + "  "), std::string::npos) << name;
    EXPECT_EQ(result.out.find("living-wage-rates"), std::string::npos);
    EXPECT_NE(result.out.find("Community wealth building: an evaluation model"), std::string::npos);
}

TEST(CliTemplates, EmptyTemplatesFolderExitsOne) {
    ScratchFolder empty;
    ::setenv("FAIRTENDER_TEMPLATES", empty.str().c_str(), 1);
    const auto result = run({"templates"});
    ::unsetenv("FAIRTENDER_TEMPLATES");
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.out.empty());
}

TEST(CliNew, CreatesAFolderThatValidates) {
    ScratchFolder parent;
    const std::string target = parent.str() + "/my-tender";
    const auto created = run({"new", "--template", "price-quality-60-40", target});
    ASSERT_EQ(created.exitCode, 0) << created.err;
    EXPECT_TRUE(std::filesystem::is_regular_file(target + "/tender.xml"));
    EXPECT_TRUE(std::filesystem::is_directory(target + "/bids"));
    EXPECT_TRUE(std::filesystem::is_regular_file(target + "/README.txt"));
    EXPECT_NE(created.out.find("fairtender validate " + target), std::string::npos);
    const auto validated = run({"validate", target});
    EXPECT_EQ(validated.exitCode, 0) << validated.err;
    EXPECT_NE(validated.out.find("0 bids"), std::string::npos) << validated.out;
}

TEST(CliNew, EveryTemplateMakesALoadableFolder) {
    for (const std::string name :
         {"community-wealth-building", "price-quality-60-40", "social-value-model"}) {
        ScratchFolder parent;
        const std::string target = parent.str() + "/t";
        ASSERT_EQ(run({"new", "--template", name, target}).exitCode, 0) << name;
        const auto validated = run({"validate", target});
        EXPECT_EQ(validated.exitCode, 0) << name << "\n" << validated.err;
    }
}

TEST(CliNew, AcceptsAnExistingEmptyFolder) {
    ScratchFolder folder;
    EXPECT_EQ(run({"new", "--template", "social-value-model", folder.str()}).exitCode, 0);
}

TEST(CliNew, RefusesToOverwriteAFolderWithFiles) {
    ScratchFolder folder;
    folder.write("tender.xml", "mine");
    const auto result = run({"new", "--template", "social-value-model", folder.str()});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("never overwrites"), std::string::npos) << result.err;
    std::ifstream in(folder.path() / "tender.xml");
    std::string text;
    std::getline(in, text);
    EXPECT_EQ(text, "mine");
    EXPECT_FALSE(std::filesystem::exists(folder.path() / "bids"));
}

TEST(CliNew, UnknownTemplateExitsTwoListingTheTemplates) {
    ScratchFolder parent;
    const auto result = run({"new", "--template", "nope", parent.str() + "/x"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("community-wealth-building, price-quality-60-40, social-value-model"),
              std::string::npos)
        << result.err;
    EXPECT_FALSE(std::filesystem::exists(parent.path() / "x"));
}

TEST(CliNew, MissingTemplateOptionIsAUsageError) {
    ScratchFolder parent;
    EXPECT_EQ(run({"new", parent.str() + "/x"}).exitCode, 2);
}

} // namespace
} // namespace fairtender::cli
