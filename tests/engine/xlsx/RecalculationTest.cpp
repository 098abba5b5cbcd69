// Recalculates scorecards with an independent spreadsheet engine (LibreOffice Calc,
// headless, with recalculation on load forced) and checks every total and rank against
// the engine: on every sample and on generated tenders covering every price method.
#include "XlsxTestSupport.h"
#include "io/xlsx/ScorecardWorkbook.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace fairtender {
namespace {

using namespace xlsxtest;
namespace fs = std::filesystem;

// A deterministic generator: the same seed gives the same tender.
class Random {
public:
    explicit Random(std::uint32_t seed) : state_(seed) {}
    int below(int n) {
        state_ = state_ * 1664525u + 1013904223u;
        return static_cast<int>((state_ >> 8) % static_cast<std::uint32_t>(n));
    }

private:
    std::uint32_t state_;
};

std::string money(long long pence) {
    return std::to_string(pence / 100) + "." + (pence % 100 < 10 ? "0" : "") +
           std::to_string(pence % 100);
}

// Every price method (and whole-life cost), every social value method, both locality
// methods, tiered living wage, ownership, a gate and judgement thresholds; `perPoint`
// switches to price per quality point.
void writeGeneratedTender(const fs::path& folder, int bids, bool perPoint, std::uint32_t seed) {
    const std::string priceGroup =
        perPoint ? R"(<criterion id="p-lr" type="price" weight="0" method="lowest-relative"/>)"
                 : R"(<group id="price" title="Price" weight="40">
      <criterion id="p-lr" type="price" weight="20" method="lowest-relative"/>
      <criterion id="p-range" type="price" weight="15" method="linear-range"/>
      <criterion id="p-ceiling" type="price" weight="15" method="linear-range" ceiling="1150000.00"/>
      <criterion id="p-dev" type="price" weight="15" method="lowest-deviation"/>
      <criterion id="p-mean" type="price" weight="15" method="mean-deviation"/>
      <criterion id="p-income" type="price" weight="10" method="income"/>
      <criterion id="p-wlc" type="price" weight="10" method="lowest-relative" discount-rate="3.5"/>
    </group>)";
    writeFile(
        folder / "tender.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<tender xmlns="urn:fairtender:tender:1" id="GEN-)" +
                                   std::to_string(bids) +
                                   R"(" currency="GBP">
  <title>Generated tender</title>
  <buyer>Test Council</buyer>
  <estimated-value>1000000.00</estimated-value>
  <living-wage-rate region="uk" hourly="13.45" statutory-minimum="12.21" effective="2025-10-22"/>
  <area id="local" name="Preston"><postcode prefix="PR1"/></area>
  <area id="regional" name="Lancashire"><postcode prefix="PR"/><postcode prefix="BB"/></area>
  <model rounding="2" tie-break="quality lowest-price")" +
                                   (perPoint ? R"( aggregation="price-per-quality-point")" : "") +
                                   R"(>
    )" + priceGroup + R"(
    <group id="quality" title="Quality" weight=")" +
                                   (perPoint ? "75" : "35") + R"(">
      <criterion id="q1" title="Method" type="judgement" weight="60" scale-max="5" min-score="1"/>
      <criterion id="q2" title="Plan" type="judgement" weight="40" scale-max="100" scale-step="20"/>
    </group>
    <group id="social-value" title="Social value" weight="13">
      <criterion id="sv" type="social-value" weight="50">
        <measure id="jobs" title="Jobs" unit="FTE" proxy="28000.00"/>
        <measure id="weeks" title="Apprentice weeks" unit="week" proxy="230.00"/>
      </criterion>
      <criterion id="sv-ratio" type="social-value" weight="25" method="ratio-to-price">
        <measure id="meals" title="Meals" unit="meal" proxy="3.20"/>
      </criterion>
      <criterion id="sv-target" type="social-value" weight="25" method="target" target="60000.00">
        <measure id="hours" title="Volunteering" unit="hour" proxy="17.00"/>
      </criterion>
    </group>
    <criterion id="locality" type="locality" weight="4">
      <band area="local" score="1"/><band area="regional" score="0.5"/><otherwise score="0.1"/>
    </criterion>
    <criterion id="spend" type="locality" weight="2" method="local-spend"/>
    <criterion id="rlw" type="living-wage" weight="3"/>
    <criterion id="ownership" type="ownership" weight="3">
      <ownership model="worker-cooperative" score="1"/><ownership model="employee-owned" score="0.8"/>
      <otherwise score="0.2"/>
    </criterion>
    <gate id="insurance" title="Insurance"/>
  </model>
</tender>
)");
    Random random(seed);
    const char* postcodes[] = {"PR1 2HE", "PR5 6AB", "BB2 1AA", "M1 1AE", "LS1 4AP"};
    const char* ownerships[] = {"worker-cooperative", "employee-owned", "sme-private",
                                "large-private", "charity"};
    std::string bidsXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bids "
                          "xmlns=\"urn:fairtender:bid:1\" tender=\"GEN-" +
                          std::to_string(bids) + "\">\n";
    std::string evaluationsXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<evaluations "
                                 "xmlns=\"urn:fairtender:evaluations:1\" tender=\"GEN-" +
                                 std::to_string(bids) + "\">\n";
    for (int i = 1; i <= bids; ++i) {
        const std::string id = "G" + std::to_string(i);
        const long long year = 30000000 + random.below(10000000) * (i % 7 == 0 ? 2 : 1);
        bidsXml += "  <bid id=\"" + id + "\">\n    <supplier name=\"Supplier " + std::to_string(i) +
                   "\" postcode=\"" + postcodes[random.below(5)] + "\" ownership=\"" +
                   ownerships[random.below(5)] + "\"/>\n";
        for (int y = 0; y < 3; ++y)
            bidsXml += "    <cost year=\"" + std::to_string(y) + "\">" +
                       money(year + random.below(500000)) + "</cost>\n";
        const int tier = random.below(4);
        bidsXml += std::string("    <living-wage accredited=\"") + (tier == 0 ? "true" : "false") +
                   "\" committed=\"" + (tier == 1 ? "true" : "false") + "\" lowest-hourly-rate=\"" +
                   (tier == 2 ? "13.50" : "12.50") + "\"/>\n";
        bidsXml += "    <local-spend percent=\"" + std::to_string(random.below(90)) + "\"/>\n";
        bidsXml += "    <commitment measure=\"jobs\" quantity=\"" +
                   std::to_string(random.below(20)) + "\"/>\n";
        bidsXml += "    <commitment measure=\"weeks\" quantity=\"" +
                   std::to_string(random.below(300)) + "\"/>\n";
        bidsXml += "    <commitment measure=\"meals\" quantity=\"" +
                   std::to_string(random.below(20000)) + "\"/>\n";
        bidsXml += "    <commitment measure=\"hours\" quantity=\"" +
                   std::to_string(random.below(5000)) + "\"/>\n";
        bidsXml += std::string("    <gate id=\"insurance\" pass=\"") +
                   (i % 23 == 0 ? "false" : "true") + "\"/>\n  </bid>\n";
        const int q1 = i % 31 == 0 ? 0 : 1 + random.below(5);
        if (i % 9 == 0) {
            // No consensus: the evaluators' mean, flagged unmoderated.
            evaluationsXml += "  <score bid=\"" + id +
                              "\" criterion=\"q1\" evaluator=\"E1\" value=\"" + std::to_string(q1) +
                              "\">Reason.</score>\n";
            evaluationsXml +=
                "  <score bid=\"" + id + "\" criterion=\"q1\" evaluator=\"E2\" value=\"" +
                std::to_string(q1 == 0 ? 0 : std::max(1, q1 - 1)) + "\">Reason.</score>\n";
        } else {
            evaluationsXml += "  <consensus bid=\"" + id + "\" criterion=\"q1\" value=\"" +
                              std::to_string(q1) + "\" moderator=\"M1\">Agreed.</consensus>\n";
        }
        evaluationsXml += "  <consensus bid=\"" + id + "\" criterion=\"q2\" value=\"" +
                          std::to_string(20 * random.below(6)) +
                          "\" moderator=\"M1\">Agreed.</consensus>\n";
    }
    writeFile(folder / "bids/bids.xml", bidsXml + "</bids>\n");
    writeFile(folder / "evaluations.xml", evaluationsXml + "</evaluations>\n");
}

// The user profile LibreOffice starts with: recalculate every formula when a file loads.
void writeRecalculatingProfile(const fs::path& profile) {
    writeFile(profile / "user/registrymodifications.xcu",
              R"(<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
)");
}

TEST(ScorecardRecalculation, EveryTotalAndRankSurvivesLibreOfficeRecalculation) {
    const testing::ShellRun soffice = runCommand("command -v soffice");
    // Not a skip: CI installs LibreOffice, and a silent skip would hide a broken check.
    ASSERT_EQ(soffice.exitCode, 0) << "soffice not found: install libreoffice-calc "
                                      "(scripts/install-deps.sh)";
    ScratchFolder work;
    writeGeneratedTender(work.path() / "generated-500", 500, false, 20260303);
    writeGeneratedTender(work.path() / "generated-per-point", 120, true, 7);
    std::vector<fs::path> folders = {
        kSourceDir / "samples/school-meals", kSourceDir / "samples/home-care",
        kSourceDir / "samples/highways-maintenance", work.path() / "generated-500",
        work.path() / "generated-per-point"};
    std::string files;
    std::string pairs;
    for (const auto& folder : folders) {
        const FolderEvaluation evaluation = evaluated(folder);
        ASSERT_TRUE(evaluation.ok()) << folder;
        const std::string name = folder.filename().string();
        ScorecardOptions options;
        options.toolVersion = "test";
        options.folder = folder;
        fs::create_directories(work.path() / "in");
        const ExportResult written =
            exportScorecard(*evaluation.folder, *evaluation.result, {}, options,
                            work.path() / "in" / (name + ".xlsx"));
        ASSERT_TRUE(written.ok()) << written.diagnostics.back().toString();
        writeFile(work.path() / (name + ".json"), toJson(*evaluation.result, *evaluation.folder));
        files += " " + shellQuoted(work.path() / "in" / (name + ".xlsx"));
        pairs += " " + shellQuoted(work.path() / "out" / (name + ".xlsx")) + " " +
                 shellQuoted(work.path() / (name + ".json"));
    }
    // A probe whose cached value is wrong proves the profile really forces recalculation.
    const testing::ShellRun probe = runCommand(
        "/usr/bin/python3 -c \"import xlsxwriter,sys; wb=xlsxwriter.Workbook(sys.argv[1]); "
        "ws=wb.add_worksheet(); ws.write_number(0,0,2); ws.write_formula(0,1,'=A1*3',None,999); "
        "wb.close()\" " +
        shellQuoted(work.path() / "in/probe.xlsx"));
    ASSERT_EQ(probe.exitCode, 0) << probe.out;

    writeRecalculatingProfile(work.path() / "profile");
    // One soffice start for every workbook: it is slow to start.
    const testing::ShellRun converted =
        runCommand("cd " + shellQuoted(work.path()) + " && soffice -env:UserInstallation=file://" +
                   (work.path() / "profile").string() + " --headless --convert-to xlsx --outdir " +
                   shellQuoted(work.path() / "out") + files + " " +
                   shellQuoted(work.path() / "in/probe.xlsx"));
    ASSERT_EQ(converted.exitCode, 0) << converted.out;

    const testing::ShellRun probed = runCommand(
        "/usr/bin/python3 -c \"import openpyxl,sys; "
        "print(openpyxl.load_workbook(sys.argv[1],data_only=True).active['B1'].value)\" " +
        shellQuoted(work.path() / "out/probe.xlsx"));
    ASSERT_EQ(probed.out, "6\n") << "LibreOffice did not recalculate on load";

    const testing::ShellRun checked =
        runCommand("/usr/bin/python3 " + shellQuoted(kChecker) + " recalc" + pairs);
    EXPECT_EQ(checked.exitCode, 0) << checked.out;
    EXPECT_NE(checked.out.find("ok "), std::string::npos) << checked.out;
}

// An auditor changes a price and a consensus score in the workbook: once recalculated, every
// figure that depends on them (points, totals, ranks, the winner, the order check, each
// scorecard's P) is what the engine gives for the same change made in the XML. B3's price
// falls from 6,980,000.00 to 6,000,000.00 (its price points rise from 30.32 to 35.27, and it
// overtakes B5) and B2's menus consensus rises from 4 to 5.
TEST(ScorecardRecalculation, AChangedPriceAndConsensusFlowThroughEveryFigureAsTheEngineComputes) {
    ASSERT_EQ(runCommand("command -v soffice").exitCode, 0)
        << "soffice not found: install libreoffice-calc (scripts/install-deps.sh)";
    ScratchFolder work;
    const fs::path original = kSourceDir / "samples/school-meals";
    const FolderEvaluation before = evaluated(original);
    ASSERT_TRUE(before.ok());
    ScorecardOptions options;
    options.toolVersion = "test";
    options.folder = original;
    ASSERT_TRUE(
        exportScorecard(*before.folder, *before.result, {}, options, work.path() / "scorecard.xlsx")
            .ok());

    // The same change in the XML, evaluated by the engine.
    const fs::path changed = work.path() / "changed";
    fs::copy(original, changed, fs::copy_options::recursive);
    writeFile(changed / "bids/B3-worsley-fresh.xml",
              testing::replaced(readFile(changed / "bids/B3-worsley-fresh.xml"),
                                "<price>6980000.00</price>", "<price>6000000.00</price>"));
    writeFile(changed / "evaluations.xml",
              testing::replaced(readFile(changed / "evaluations.xml"),
                                "<consensus bid=\"B2\" criterion=\"q-menu\" value=\"4\"",
                                "<consensus bid=\"B2\" criterion=\"q-menu\" value=\"5\""));
    const FolderEvaluation after = evaluated(changed);
    ASSERT_TRUE(after.ok());
    ASSERT_LT(*after.result->findBid("B3")->rank, *after.result->findBid("B5")->rank)
        << "the change is meant to reorder the ranking";
    writeFile(work.path() / "changed.json", toJson(*after.result, *after.folder));

    fs::create_directories(work.path() / "edited");
    const testing::ShellRun edited =
        runCommand("/usr/bin/python3 " + shellQuoted(kChecker) + " edit " +
                   shellQuoted(work.path() / "scorecard.xlsx") + " " +
                   shellQuoted(work.path() / "edited/scorecard.xlsx") +
                   " price B3 6000000 judgement B2 q-menu 5");
    ASSERT_EQ(edited.exitCode, 0) << edited.out;
    writeRecalculatingProfile(work.path() / "profile");
    const testing::ShellRun converted =
        runCommand("cd " + shellQuoted(work.path()) + " && soffice -env:UserInstallation=file://" +
                   (work.path() / "profile").string() + " --headless --convert-to xlsx --outdir " +
                   shellQuoted(work.path() / "out") + " " +
                   shellQuoted(work.path() / "edited/scorecard.xlsx"));
    ASSERT_EQ(converted.exitCode, 0) << converted.out;
    const testing::ShellRun checked =
        runCommand("/usr/bin/python3 " + shellQuoted(kChecker) + " recalc " +
                   shellQuoted(work.path() / "out/scorecard.xlsx") + " " +
                   shellQuoted(work.path() / "changed.json"));
    EXPECT_EQ(checked.exitCode, 0) << checked.out;
}

} // namespace
} // namespace fairtender
