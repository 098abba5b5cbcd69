// writeTenderXml: every template and sample survives read -> write -> read unchanged and
// evaluates to byte-identical results; money, decimals and hostile text are written
// exactly; the folder's tender.xml is replaced atomically.
#include "io/xml/TenderWriter.h"

#include "FileText.h"
#include "IoTestSupport.h"
#include "core/AtomicFile.h"
#include "io/json/ResultJson.h"
#include "io/xml/ReferenceData.h"
#include "io/xml/TenderFolder.h"
#include "pipeline/FolderEvaluation.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace fairtender {
namespace {

namespace fs = std::filesystem;
using testing::describe;
using testing::hasMessage;
using testing::lines;
using testing::readFile;

const fs::path kSourceDir = FAIRTENDER_SOURCE_DIR;

const LivingWageTable& rates() {
    static const LivingWageTable table = [] {
        Diagnostics diagnostics;
        auto loaded = loadLivingWageTable(kSourceDir / "templates/reference/living-wage-rates.xml",
                                          diagnostics);
        EXPECT_TRUE(loaded.has_value()) << describe(diagnostics);
        return loaded.value_or(LivingWageTable{});
    }();
    return table;
}

std::optional<Tender> parse(const std::string& xml) {
    Diagnostics diagnostics;
    auto tender = parseTender(xml, "tender.xml", &rates(), diagnostics);
    EXPECT_TRUE(tender.has_value()) << describe(diagnostics) << xml;
    return tender;
}

// Every field the reader fills, in a fixed order and with numbers to 17 digits; source
// locations left out (they differ between the original and the rewritten file).
class Dump {
public:
    std::string of(const Tender& t) {
        line("id", t.id);
        line("currency", t.currency);
        line("title", t.title);
        line("buyer", t.buyer);
        line("estimated", t.estimatedValue ? std::to_string(t.estimatedValue->pence()) : "-");
        if (t.livingWageRate) {
            const auto& r = *t.livingWageRate;
            line("rate", r.region + " " + std::to_string(r.hourly.pence()) + " " +
                             std::to_string(r.statutoryMinimum.pence()) + " " +
                             (r.effective ? r.effective->toString() : "-") + " " +
                             (r.lookedUpFor ? r.lookedUpFor->toString() : "-"));
        }
        for (const auto& area : t.areas) {
            std::string prefixes;
            for (const auto& p : area.prefixes)
                prefixes += p.text() + "|";
            line("area", area.id + " " + area.name + " " + prefixes);
        }
        const auto& m = t.model;
        line("model", std::to_string(m.rounding) + " " + std::string(toString(m.aggregation)) +
                          " " + num(m.defaultSpreadPercent) + " " + num(m.closeMargin));
        for (const auto& word : m.tieBreak)
            line("tie-break", word);
        for (const auto& node : m.children)
            ofNode(node, 0);
        return out_;
    }

private:
    static std::string num(double value) {
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "%.17g", value);
        return buffer;
    }
    static std::string num(const std::optional<double>& value) { return value ? num(*value) : "-"; }
    static std::string pence(const std::optional<Money>& value) {
        return value ? std::to_string(value->pence()) : "-";
    }
    void line(const std::string& key, const std::string& value) {
        out_ += key + ": " + value + "\n";
    }

    void ofNode(const ModelNode& n, int depth) {
        const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
        line(indent + "node", std::to_string(static_cast<int>(n.kind)) + " " + n.id + " [" +
                                  n.title + "] " + num(n.weight) + " " + num(n.minPercent) + " " +
                                  (n.missingGateAnswerFails ? "fails" : "errs"));
        if (n.kind == NodeKind::Criterion) {
            const auto& c = n.criterion;
            line(indent + "criterion",
                 std::string(toString(c.type)) + " " + std::string(toString(c.priceMethod)) + " " +
                     pence(c.ceiling) + " " + num(c.discountRate) + " " + num(c.scaleMax) + " " +
                     num(c.scaleStep) + " " + num(c.minScore) + " " + num(c.spreadPercent) + " " +
                     std::string(toString(c.socialValueMethod)) + " " + pence(c.socialValueTarget) +
                     " " + std::string(toString(c.localityMethod)) + " " + num(c.otherwise) + " " +
                     num(c.localSpendTarget) + " " + std::string(toString(c.livingWageMethod)) +
                     " " + num(c.tiers.accredited) + " " + num(c.tiers.committed) + " " +
                     num(c.tiers.meetsRate) + " " + num(c.tiers.below));
            if (c.abnormallyLow)
                line(indent + "abnormally-low", num(c.abnormallyLow->belowMeanPercent) + " " +
                                                    num(c.abnormallyLow->belowEstimatePercent));
            for (const auto& d : c.descriptors)
                line(indent + "descriptor", num(d.score) + " " + d.text);
            for (const auto& measure : c.measures)
                line(indent + "measure", measure.id + " [" + measure.title + "] [" + measure.unit +
                                             "] " + std::to_string(measure.proxy.pence()));
            for (const auto& band : c.bands)
                line(indent + "band", band.areaId + " " + num(band.score));
            for (const auto& score : c.ownershipScores)
                line(indent + "ownership",
                     std::string(toString(score.model)) + " " + num(score.score));
            for (const auto model : c.reserved)
                line(indent + "reserved", std::string(toString(model)));
            line(indent + "justification", c.justification);
        }
        for (const auto& child : n.children)
            ofNode(child, depth + 1);
    }

    std::string out_;
};

std::string dump(const Tender& tender) {
    return Dump().of(tender);
}

std::vector<fs::path> everyTenderFile() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(kSourceDir / "templates"))
        if (entry.is_regular_file() && entry.path().extension() == ".xml")
            files.push_back(entry.path());
    for (const auto& entry : fs::directory_iterator(kSourceDir / "samples"))
        if (entry.is_directory())
            files.push_back(entry.path() / "tender.xml");
    std::sort(files.begin(), files.end());
    return files;
}

// A scratch folder removed at the end of the test.
struct ScratchFolder {
    fs::path path;
    explicit ScratchFolder(const std::string& name)
        : path(fs::temp_directory_path() /
               ("fairtender-writer-" + name + "-" +
                std::to_string(::testing::UnitTest::GetInstance()->random_seed()))) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~ScratchFolder() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

// A tender using every element and attribute the reader knows, weighted sum.
const std::string kEveryFeature = lines({
    R"(<tender xmlns="urn:fairtender:tender:1" id="ALL-1" currency="GBP">)",
    R"(  <title>Every feature</title>)",
    R"(  <buyer>Test Council</buyer>)",
    R"(  <estimated-value>1234567.89</estimated-value>)",
    R"(  <living-wage-rate region="london" hourly="14.80" statutory-minimum="12.21" effective="2025-10-22"/>)",
    R"(  <area id="local" name="Preston"><postcode prefix="PR1"/><postcode prefix="PR2 6"/></area>)",
    R"(  <area id="wide"><postcode prefix="PR"/><postcode prefix="BB1 1AA"/></area>)",
    R"(  <model rounding="3" tie-break="q lowest-price p1" spread="35.5" close-margin="0.5">)",
    R"(    <group id="p" weight="33.3">)",
    R"(      <criterion id="p1" type="price" weight="70" method="linear-range" ceiling="999.99" discount-rate="3.5">)",
    R"(        <abnormally-low below-mean-percent="20" below-estimate-percent="30"/>)",
    R"(      </criterion>)",
    R"(      <criterion id="p2" type="price" weight="30" method="income"/>)",
    R"(    </group>)",
    R"(    <group id="q" title="Quality" weight="33.3" min-percent="50">)",
    R"(      <criterion id="j" type="judgement" weight="50" scale-max="10" scale-step="0.5" min-score="2.5" spread="25"><descriptor score="0">None</descriptor><descriptor score="10">All</descriptor></criterion>)",
    R"(      <criterion id="lw" type="living-wage" weight="20" method="tiered"><tier when="committed" score="0.75"/><tier when="below" score="0.1"/></criterion>)",
    R"(      <criterion id="lw2" type="living-wage" weight="10" method="gate"/>)",
    R"(      <criterion id="loc" type="locality" weight="10" method="supplier-location"><band area="local" score="1"/><band area="wide" score="0.333"/><otherwise score="0.05"/></criterion>)",
    R"(      <criterion id="own" type="ownership" weight="10" reserved="mutual employee-owned"><ownership model="mutual" score="1"/><otherwise score="0.2"/><justification>Because.</justification></criterion>)",
    R"(    </group>)",
    R"(    <group id="sv" weight="33.4">)",
    R"(      <criterion id="sv1" type="social-value" weight="25" method="target" target="50000.50"><measure id="m1" title="Jobs" unit="FTE" proxy="28000.00"/><measure id="m2" proxy="0.20"/></criterion>)",
    R"(      <criterion id="sv2" type="social-value" weight="25" method="ratio-to-price"><measure id="m3" proxy="1.00"/></criterion>)",
    R"(      <criterion id="sv3" type="social-value" weight="25" method="relative-to-highest"><measure id="m4" proxy="17.00"/></criterion>)",
    R"(      <criterion id="ls" type="locality" weight="25" method="local-spend" target="60"/>)",
    R"(    </group>)",
    R"(    <gate id="g1" title="Insurance" missing="fail"/>)",
    R"(    <gate id="g2"/>)",
    R"(  </model>)",
    R"(</tender>)",
});

// Price per quality point, the price criterion at weight 0, lowest- and mean-deviation.
const std::string kPricePerQualityPoint = lines({
    R"(<tender xmlns="urn:fairtender:tender:1" id="PPQ-1">)",
    R"(  <title>Price per quality point</title>)",
    R"(  <buyer>Test Council</buyer>)",
    R"(  <model aggregation="price-per-quality-point">)",
    R"(    <criterion id="price" type="price" weight="0" method="mean-deviation"/>)",
    R"(    <criterion id="q" type="judgement" weight="100" scale-max="5"/>)",
    R"(  </model>)",
    R"(</tender>)",
});

TEST(TenderWriter, EveryTemplateAndSampleReadsBackToTheSameModel) {
    const auto files = everyTenderFile();
    ASSERT_EQ(files.size(), 6u); // three templates, three samples
    for (const auto& file : files) {
        SCOPED_TRACE(file.string());
        const auto original = parse(readFile(file));
        ASSERT_TRUE(original.has_value());
        const std::string written = writeTenderXml(*original);
        const auto reread = parse(written);
        ASSERT_TRUE(reread.has_value());
        EXPECT_EQ(dump(*reread), dump(*original));
        // Canonical: writing the re-read model gives the same text again.
        EXPECT_EQ(writeTenderXml(*reread), written);
    }
}

TEST(TenderWriter, EverySampleEvaluatesToByteIdenticalJsonWithTheRewrittenTenderXml) {
    int compared = 0;
    for (const auto& entry : fs::directory_iterator(kSourceDir / "samples")) {
        if (!entry.is_directory())
            continue;
        SCOPED_TRACE(entry.path().string());
        const auto before = evaluateTenderFolder(entry.path(), &rates());
        ASSERT_TRUE(before.ok()) << describe(before.diagnostics);

        ScratchFolder copy("sample");
        fs::copy(entry.path(), copy.path, fs::copy_options::recursive);
        ASSERT_FALSE(saveTenderXml(copy.path, writeTenderXml(before.folder->tender)).has_value());
        ASSERT_NE(readFile(copy.path / "tender.xml"), readFile(entry.path() / "tender.xml"));
        const auto after = evaluateTenderFolder(copy.path, &rates());
        ASSERT_TRUE(after.ok()) << describe(after.diagnostics);
        EXPECT_EQ(toJson(*after.result), toJson(*before.result));
        ++compared;
    }
    EXPECT_EQ(compared, 3);
}

TEST(TenderWriter, EveryCriterionTypeAndMethodReadsBack) {
    for (const auto* xml : {&kEveryFeature, &kPricePerQualityPoint}) {
        const auto original = parse(*xml);
        ASSERT_TRUE(original.has_value());
        const auto reread = parse(writeTenderXml(*original));
        ASSERT_TRUE(reread.has_value());
        EXPECT_EQ(dump(*reread), dump(*original));
    }
}

TEST(TenderWriter, TheCloseMarginIsReadAndWrittenOnlyWhereItIsNotTheDefault) {
    const auto tender = parse(kEveryFeature);
    ASSERT_TRUE(tender.has_value());
    EXPECT_DOUBLE_EQ(tender->model.closeMargin, 0.5);
    EXPECT_NE(writeTenderXml(*tender).find(R"(close-margin="0.5")"), std::string::npos);
    auto plain = *tender;
    plain.model.closeMargin = 1.0;
    EXPECT_EQ(writeTenderXml(plain).find("close-margin"), std::string::npos);
}

TEST(TenderWriter, MoneyIsWrittenExactlyFromPence) {
    const auto tender = parse(kEveryFeature);
    ASSERT_TRUE(tender.has_value());
    const std::string xml = writeTenderXml(*tender);
    EXPECT_NE(xml.find("<estimated-value>1234567.89</estimated-value>"), std::string::npos) << xml;
    EXPECT_NE(xml.find(R"(ceiling="999.99")"), std::string::npos);
    EXPECT_NE(xml.find(R"(target="50000.50")"), std::string::npos);
    EXPECT_NE(xml.find(R"(proxy="0.20")"), std::string::npos);
    EXPECT_NE(xml.find(R"(hourly="14.80" statutory-minimum="12.21" effective="2025-10-22")"),
              std::string::npos);
}

TEST(TenderWriter, DecimalsHaveNoBinaryFloatNoise) {
    auto tender = parse(kEveryFeature);
    ASSERT_TRUE(tender.has_value());
    // 0.1 + 0.2 is 0.30000000000000004 in binary: written as the shortest exact text.
    tender->model.children[1].children[3].criterion.bands[1].score = 0.1 + 0.2;
    const std::string xml = writeTenderXml(*tender);
    EXPECT_NE(xml.find(R"(weight="33.3")"), std::string::npos) << xml;
    EXPECT_NE(xml.find(R"(scale-step="0.5")"), std::string::npos);
    EXPECT_NE(xml.find(R"(score="0.75")"), std::string::npos);
    EXPECT_NE(xml.find(R"(score="0.30000000000000004")"), std::string::npos);
    EXPECT_FALSE(std::regex_search(xml, std::regex("[0-9][eE][-+]?[0-9]"))) << xml;
}

TEST(TenderWriter, RateLookedUpByDateIsWrittenAsDateAndRegion) {
    const auto tender = parse(readFile(kSourceDir / "templates/community-wealth-building.xml"));
    ASSERT_TRUE(tender.has_value());
    ASSERT_EQ(tender->livingWageRate->hourly, Money::fromPence(1345));
    const std::string xml = writeTenderXml(*tender);
    EXPECT_NE(xml.find(R"(<living-wage-rate region="uk" date="2026-01-15" />)"), std::string::npos)
        << xml;
    EXPECT_EQ(xml.find("hourly="), std::string::npos);
}

TEST(TenderWriter, TextIsIndentedUtf8WithADeclaration) {
    const auto tender = parse(kPricePerQualityPoint);
    ASSERT_TRUE(tender.has_value());
    const std::string xml = writeTenderXml(*tender);
    EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tender", 0), 0u) << xml;
    EXPECT_NE(xml.find("\n  <title>Price per quality point</title>\n"), std::string::npos);
    EXPECT_NE(xml.find("\n    <criterion id=\"q\" type=\"judgement\" weight=\"100\""),
              std::string::npos);
    EXPECT_NE(xml.find(R"(aggregation="price-per-quality-point")"), std::string::npos);
}

TEST(TenderWriter, HostileTextSurvivesTheRoundTrip) {
    auto tender = parse(kEveryFeature);
    ASSERT_TRUE(tender.has_value());
    const std::string hostile = "A < B & \"C\" 'd' ]]> </title> &amp; caf\u00e9 \u00a35m \u2713";
    tender->title = hostile;
    tender->buyer = hostile + " buyer";
    tender->areas[0].name = hostile;
    auto& quality = tender->model.children[1];
    quality.title = hostile;
    quality.children[0].criterion.descriptors[0].text = hostile;
    quality.children[4].criterion.justification = hostile;
    tender->model.children[2].children[0].criterion.measures[0].title = hostile;
    tender->model.children[2].children[0].criterion.measures[0].unit = "<&>";
    tender->model.children[3].title = hostile;
    const std::string xml = writeTenderXml(*tender);
    // In element text "]]>" must not appear raw; in attribute values it is harmless.
    EXPECT_NE(xml.find("<title>A &lt; B &amp; \"C\" 'd' ]]&gt; &lt;/title&gt; &amp;amp; "),
              std::string::npos)
        << xml;
    const auto reread = parse(xml);
    ASSERT_TRUE(reread.has_value());
    EXPECT_EQ(reread->title, hostile);
    EXPECT_EQ(reread->model.children[1].children[0].criterion.descriptors[0].text, hostile);
    EXPECT_EQ(dump(*reread), dump(*tender));
}

TEST(TenderWriter, CheckTenderReportsTheReadersWeightError) {
    auto tender = parse(kPricePerQualityPoint);
    ASSERT_TRUE(tender.has_value());
    EXPECT_TRUE(checkTender(*tender, &rates()).empty());
    tender->model.children[1].weight = 95;
    const auto diagnostics = checkTender(*tender, &rates());
    EXPECT_TRUE(hasMessage(diagnostics, "weights of the model sum to 95, not 100 (price 0, q 95)"));
}

TEST(SiblingWeights, ThirdsOf33_3And33_4SumTo100WithinTheTolerance) {
    const auto tender = parse(kEveryFeature);
    ASSERT_TRUE(tender.has_value());
    const auto weights = siblingWeights(tender->model.children);
    EXPECT_EQ(weights.weighted, 3); // the two gates carry no weight
    EXPECT_NEAR(weights.sum, 100.0, 1e-9);
    EXPECT_TRUE(weights.sumsTo100());
}

TEST(SiblingWeights, NinetyFiveDoesNotSumTo100) {
    auto tender = parse(kEveryFeature);
    ASSERT_TRUE(tender.has_value());
    tender->model.children[0].weight = 28.3;
    const auto weights = siblingWeights(tender->model.children);
    EXPECT_DOUBLE_EQ(weights.sum, 95.0);
    EXPECT_FALSE(weights.sumsTo100());
}

TEST(SaveTenderXml, ReplacesTenderXmlAndLeavesNoTemporaryFile) {
    ScratchFolder folder("save");
    { std::ofstream(folder.path / "tender.xml") << "old"; }
    ASSERT_FALSE(saveTenderXml(folder.path, "<new/>\n").has_value());
    EXPECT_EQ(readFile(folder.path / "tender.xml"), "<new/>\n");
    int files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder.path))
        ++files;
    EXPECT_EQ(files, 1);
}

TEST(SaveTenderXml, MissingFolderIsReportedAndNothingIsWritten) {
    ScratchFolder folder("missing");
    const auto error = saveTenderXml(folder.path / "nope", "<new/>");
    ASSERT_TRUE(error.has_value());
    EXPECT_NE(error->find("cannot write " + (folder.path / "nope" / "tender.xml").string()),
              std::string::npos)
        << *error;
    EXPECT_FALSE(fs::exists(folder.path / "nope"));
}

TEST(AtomicFile, TemporaryNameIsHiddenBesideTheTarget) {
    const auto name = temporaryNameFor("/x/y/tender.xml");
    EXPECT_EQ(name.parent_path(), fs::path("/x/y"));
    EXPECT_EQ(name.filename().string().rfind(".tender.xml.tmp-", 0), 0u);
    EXPECT_EQ(name.filename().string().size(), std::string(".tender.xml.tmp-").size() + 6);
}

} // namespace
} // namespace fairtender
