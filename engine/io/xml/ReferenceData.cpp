#include "io/xml/ReferenceData.h"

#include "io/xml/XmlDocument.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace fairtender {

std::optional<RatesInForce> LivingWageTable::ratesOn(const Date& date,
                                                     std::string_view region) const {
    if (region != "uk" && region != "london")
        return std::nullopt;
    const RealLivingWageRate* rlw = nullptr;
    for (const auto& rate : realLivingWage)
        if (rate.announced <= date)
            rlw = &rate;
    const NationalLivingWageRate* nlw = nullptr;
    for (const auto& rate : nationalLivingWage)
        if (rate.effective <= date)
            nlw = &rate;
    if (!rlw || !nlw)
        return std::nullopt;
    return RatesInForce{region == "uk" ? rlw->uk : rlw->london, nlw->hourly, rlw->period,
                        rlw->announced, nlw->effective};
}

std::optional<LivingWageTable>
parseLivingWageTable(std::string_view text, const std::string& fileName, Diagnostics& diagnostics) {
    xml::XmlDocument doc(text, fileName, diagnostics);
    if (!doc.checkRoot("living-wage-rates", "urn:fairtender:reference:1"))
        return std::nullopt;
    const auto root = doc.root();
    doc.checkAttributes(root, {"xmlns"});
    doc.checkChildren(root, {"source", "real-living-wage", "national-living-wage"});
    LivingWageTable table;
    for (auto e = root.firstChild(); e; e = e.nextSibling()) {
        if (e.name() == "source") {
            doc.checkAttributes(e, {});
            doc.checkChildren(e, {}, true);
        } else if (e.name() == "real-living-wage") {
            doc.checkAttributes(e, {"period", "announced", "uk", "london"});
            doc.checkChildren(e, {});
            const auto period = doc.text(e, "period", true);
            const auto announced = doc.date(e, "announced", true);
            const auto uk = doc.money(e, "uk", true);
            const auto london = doc.money(e, "london", true);
            if (period && announced && uk && london)
                table.realLivingWage.push_back({std::string(*period), *announced, *uk, *london});
        } else if (e.name() == "national-living-wage") {
            doc.checkAttributes(e, {"effective", "hourly"});
            doc.checkChildren(e, {});
            const auto effective = doc.date(e, "effective", true);
            const auto hourly = doc.money(e, "hourly", true);
            if (effective && hourly)
                table.nationalLivingWage.push_back({*effective, *hourly});
        }
    }
    if (doc.failed())
        return std::nullopt;
    std::stable_sort(table.realLivingWage.begin(), table.realLivingWage.end(),
                     [](const auto& a, const auto& b) { return a.announced < b.announced; });
    std::stable_sort(table.nationalLivingWage.begin(), table.nationalLivingWage.end(),
                     [](const auto& a, const auto& b) { return a.effective < b.effective; });
    return table;
}

std::optional<LivingWageTable> loadLivingWageTable(const std::filesystem::path& file,
                                                   Diagnostics& diagnostics) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        diagnostics.push_back(errorAt({file.string(), 0, 0},
                                      "cannot read the living wage reference data: check that "
                                      "the file exists and is readable"));
        return std::nullopt;
    }
    std::ostringstream content;
    content << in.rdbuf();
    return parseLivingWageTable(content.str(), file.string(), diagnostics);
}

std::optional<LivingWageTable> loadReferenceLivingWageTable(const std::filesystem::path& file,
                                                            Diagnostics& warnings) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) {
        warnings.push_back(warningAt({file.string(), 0, 0},
                                     "living wage reference data not found; a tender that gives "
                                     "its living-wage rate by date cannot be read (set "
                                     "FAIRTENDER_TEMPLATES to the templates folder)"));
        return std::nullopt;
    }
    Diagnostics diagnostics;
    auto table = loadLivingWageTable(file, diagnostics);
    for (auto& diagnostic : diagnostics) {
        diagnostic.severity = Severity::Warning;
        warnings.push_back(diagnostic);
    }
    if (!table || hasErrors(diagnostics))
        return std::nullopt;
    return table;
}

} // namespace fairtender
