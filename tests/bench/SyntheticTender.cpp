#include "SyntheticTender.h"

#include <fstream>
#include <random>

namespace fairtender::bench {

namespace {

constexpr const char* kOwnership[] = {"worker-cooperative", "employee-owned", "mutual",
                                      "community-interest-company", "charity", "sme-private",
                                      "large-private"};
constexpr const char* kPostcodes[] = {"PR1 2HE", "PR2 8DY", "PR5 6AW", "BB1 7JA", "LA1 1XN",
                                      "M1 1AE",  "B1 1BB",  "LS1 4AP", "PR1 3NN", "FY1 1AB"};

std::string money(std::mt19937& rng, int minPounds, int maxPounds) {
    std::uniform_int_distribution<int> pounds(minPounds, maxPounds);
    std::uniform_int_distribution<int> pence(0, 99);
    const int p = pence(rng);
    return std::to_string(pounds(rng)) + (p < 10 ? ".0" : ".") + std::to_string(p);
}

void appendBid(std::string& out, int index, std::mt19937& rng) {
    std::uniform_int_distribution<int> pick(0, 6);
    std::uniform_int_distribution<int> postcode(0, 9);
    std::uniform_int_distribution<int> percent(0, 100);
    std::uniform_int_distribution<int> quantity(0, 40);
    std::bernoulli_distribution coin(0.5);
    const std::string id = "B" + std::to_string(index + 1);
    out += "  <bid id=\"" + id + "\">\n";
    out += "    <supplier name=\"Supplier " + std::to_string(index + 1) + " Ltd\" postcode=\"";
    out += kPostcodes[postcode(rng)];
    out += "\" ownership=\"";
    out += kOwnership[pick(rng)];
    out += "\" sme=\"";
    out += coin(rng) ? "true" : "false";
    out += "\"/>\n";
    out += "    <price>" + money(rng, 800000, 1400000) + "</price>\n";
    const bool accredited = coin(rng);
    out += "    <living-wage accredited=\"";
    out += accredited ? "true" : "false";
    out += "\" committed=\"";
    out += accredited || coin(rng) ? "true" : "false";
    out += "\" lowest-hourly-rate=\"" + money(rng, 13, 15) + "\"/>\n";
    out += "    <local-spend percent=\"" + std::to_string(percent(rng)) + "\"/>\n";
    for (const char* measure : {"local-jobs", "apprentice-weeks", "volunteering-hours"})
        out += "    <commitment measure=\"" + std::string(measure) + "\" quantity=\"" +
               std::to_string(quantity(rng)) + "\"/>\n";
    out += "    <gate id=\"insurance\" pass=\"true\"/>\n";
    out += "  </bid>\n";
}

} // namespace

SyntheticTender generateTender(const SyntheticTenderSpec& spec) {
    SyntheticTender t;
    std::mt19937 rng(spec.seed);
    const int groups = 4;
    const int perGroup = spec.judgementCriteria / groups;

    std::string& x = t.tenderXml;
    x += "<tender xmlns=\"urn:fairtender:tender:1\" id=\"BENCH-1\" currency=\"GBP\">\n"
         "  <title>Synthetic benchmark tender</title>\n  <buyer>Benchmark Council</buyer>\n"
         "  <estimated-value>1100000.00</estimated-value>\n"
         "  <living-wage-rate region=\"uk\" hourly=\"13.45\" statutory-minimum=\"12.21\" "
         "effective=\"2025-10-22\"/>\n"
         "  <area id=\"local\" name=\"Preston\"><postcode prefix=\"PR1\"/><postcode "
         "prefix=\"PR2\"/></area>\n"
         "  <area id=\"regional\" name=\"Lancashire\"><postcode prefix=\"PR\"/><postcode "
         "prefix=\"BB\"/><postcode prefix=\"LA\"/></area>\n"
         "  <model rounding=\"2\" tie-break=\"quality lowest-price\">\n"
         "    <criterion id=\"price\" type=\"price\" weight=\"40\"><abnormally-low "
         "below-mean-percent=\"20\"/></criterion>\n"
         "    <group id=\"quality\" title=\"Quality\" weight=\"40\">\n";
    for (int g = 0; g < groups; ++g) {
        x += "      <group id=\"q" + std::to_string(g + 1) + "\" weight=\"25\">\n";
        for (int c = 0; c < perGroup; ++c) {
            const int share = 100 / perGroup + (c == 0 ? 100 % perGroup : 0);
            x += "        <criterion id=\"q" + std::to_string(g + 1) + "-" + std::to_string(c + 1) +
                 "\" type=\"judgement\" weight=\"" + std::to_string(share) +
                 "\" scale-max=\"5\"><descriptor score=\"0\">None</descriptor><descriptor "
                 "score=\"5\">Excellent</descriptor></criterion>\n";
        }
        x += "      </group>\n";
    }
    x += "    </group>\n"
         "    <criterion id=\"sv\" type=\"social-value\" weight=\"8\">\n"
         "      <measure id=\"local-jobs\" unit=\"FTE\" proxy=\"28000.00\"/>\n"
         "      <measure id=\"apprentice-weeks\" unit=\"week\" proxy=\"230.00\"/>\n"
         "      <measure id=\"volunteering-hours\" unit=\"hour\" proxy=\"17.50\"/>\n"
         "    </criterion>\n"
         "    <criterion id=\"locality\" type=\"locality\" weight=\"3\"><band area=\"local\" "
         "score=\"1\"/><band area=\"regional\" score=\"0.5\"/></criterion>\n"
         "    <criterion id=\"local-spend\" type=\"locality\" method=\"local-spend\" "
         "weight=\"3\" target=\"60\"/>\n"
         "    <criterion id=\"rlw\" type=\"living-wage\" weight=\"3\"/>\n"
         "    <criterion id=\"ownership\" type=\"ownership\" weight=\"3\"><ownership "
         "model=\"worker-cooperative\" score=\"1\"/><ownership model=\"employee-owned\" "
         "score=\"1\"/><otherwise score=\"0.2\"/></criterion>\n"
         "    <gate id=\"insurance\" title=\"Public liability insurance\"/>\n"
         "  </model>\n</tender>\n";
    t.leaves = 1 + groups * perGroup + 5;

    t.bidsXml = "<bids xmlns=\"urn:fairtender:bid:1\" tender=\"BENCH-1\">\n";
    for (int b = 0; b < spec.bids; ++b)
        appendBid(t.bidsXml, b, rng);
    t.bidsXml += "</bids>\n";

    std::uniform_int_distribution<int> score(0, 5);
    std::string& e = t.evaluationsXml;
    e = "<evaluations xmlns=\"urn:fairtender:evaluations:1\" tender=\"BENCH-1\">\n";
    for (int b = 0; b < spec.bids; ++b) {
        const std::string bid = "B" + std::to_string(b + 1);
        for (int g = 0; g < groups; ++g) {
            for (int c = 0; c < perGroup; ++c) {
                const std::string criterion =
                    "q" + std::to_string(g + 1) + "-" + std::to_string(c + 1);
                for (int v = 0; v < spec.evaluatorsPerScore; ++v)
                    e += "  <score bid=\"" + bid + "\" criterion=\"" + criterion +
                         "\" evaluator=\"E" + std::to_string(v + 1) + "\" value=\"" +
                         std::to_string(score(rng)) + "\">Evidence reviewed.</score>\n";
                e += "  <consensus bid=\"" + bid + "\" criterion=\"" + criterion +
                     "\" value=\"" + std::to_string(score(rng)) +
                     "\" moderator=\"M1\">Agreed at moderation.</consensus>\n";
            }
        }
    }
    e += "</evaluations>\n";
    return t;
}

std::string generateBidXml(std::size_t bytes, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::string out = "<bids xmlns=\"urn:fairtender:bid:1\" tender=\"BENCH-1\">\n";
    out.reserve(bytes + 4096);
    for (int b = 0; out.size() < bytes; ++b)
        appendBid(out, b, rng);
    out += "</bids>\n";
    return out;
}

void writeTenderFolder(const SyntheticTender& tender, const std::filesystem::path& folder) {
    std::filesystem::create_directories(folder / "bids");
    std::ofstream(folder / "tender.xml", std::ios::binary) << tender.tenderXml;
    std::ofstream(folder / "bids" / "bids.xml", std::ios::binary) << tender.bidsXml;
    std::ofstream(folder / "evaluations.xml", std::ios::binary) << tender.evaluationsXml;
}

} // namespace fairtender::bench
