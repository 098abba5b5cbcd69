#include "io/xml/TenderWriter.h"

#include "core/AtomicFile.h"
#include "core/Decimal.h"
#include "io/xml/TenderFolder.h"

#include <pugixml.hpp>

#include <sstream>

namespace fairtender {

namespace {

class Writer {
public:
    std::string write(const Tender& tender) {
        auto declaration = doc_.append_child(pugi::node_declaration);
        declaration.append_attribute("version") = "1.0";
        declaration.append_attribute("encoding") = "UTF-8";
        auto root = doc_.append_child("tender");
        set(root, "xmlns", "urn:fairtender:tender:1");
        set(root, "id", tender.id);
        set(root, "currency", tender.currency);
        textChild(root, "title", tender.title);
        textChild(root, "buyer", tender.buyer);
        if (tender.estimatedValue)
            textChild(root, "estimated-value", tender.estimatedValue->toPlainString());
        if (tender.livingWageRate)
            writeRate(root, *tender.livingWageRate);
        for (const auto& area : tender.areas)
            writeArea(root, area);
        writeModel(root, tender.model);
        std::ostringstream out;
        doc_.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
        return out.str();
    }

private:
    static void set(pugi::xml_node e, const char* name, const std::string& value) {
        e.append_attribute(name).set_value(value.c_str());
    }
    static void set(pugi::xml_node e, const char* name, std::string_view value) {
        set(e, name, std::string(value));
    }
    static void set(pugi::xml_node e, const char* name, const char* value) {
        e.append_attribute(name).set_value(value);
    }
    static void number(pugi::xml_node e, const char* name, double value) {
        set(e, name, formatDecimal(value));
    }
    static void number(pugi::xml_node e, const char* name, const std::optional<double>& value) {
        if (value)
            number(e, name, *value);
    }
    static void money(pugi::xml_node e, const char* name, const std::optional<Money>& value) {
        if (value)
            set(e, name, value->toPlainString());
    }
    static void optionalText(pugi::xml_node e, const char* name, const std::string& value) {
        if (!value.empty())
            set(e, name, value);
    }
    static void textChild(pugi::xml_node parent, const char* name, const std::string& text) {
        parent.append_child(name).text().set(text.c_str());
    }

    static void writeRate(pugi::xml_node root, const LivingWageRate& rate) {
        auto e = root.append_child("living-wage-rate");
        set(e, "region", rate.region);
        if (rate.lookedUpFor) {
            set(e, "date", rate.lookedUpFor->toString());
            return;
        }
        set(e, "hourly", rate.hourly.toPlainString());
        set(e, "statutory-minimum", rate.statutoryMinimum.toPlainString());
        if (rate.effective)
            set(e, "effective", rate.effective->toString());
    }

    static void writeArea(pugi::xml_node root, const Area& area) {
        auto e = root.append_child("area");
        set(e, "id", area.id);
        optionalText(e, "name", area.name);
        for (const auto& prefix : area.prefixes)
            set(e.append_child("postcode"), "prefix", prefix.text());
    }

    void writeModel(pugi::xml_node root, const EvaluationModel& model) {
        auto e = root.append_child("model");
        set(e, "rounding", std::to_string(model.rounding));
        std::string tieBreak;
        for (const auto& word : model.tieBreak)
            tieBreak += (tieBreak.empty() ? "" : " ") + word;
        optionalText(e, "tie-break", tieBreak);
        if (model.aggregation != Aggregation::WeightedSum)
            set(e, "aggregation", toString(model.aggregation));
        number(e, "spread", model.defaultSpreadPercent);
        if (model.closeMargin != EvaluationModel{}.closeMargin)
            number(e, "close-margin", model.closeMargin);
        for (const auto& node : model.children)
            writeNode(e, node);
    }

    void writeNode(pugi::xml_node parent, const ModelNode& node) {
        switch (node.kind) {
        case NodeKind::Gate: {
            auto e = parent.append_child("gate");
            set(e, "id", node.id);
            optionalText(e, "title", node.title);
            set(e, "missing", node.missingGateAnswerFails ? "fail" : "error");
            return;
        }
        case NodeKind::Group: {
            auto e = parent.append_child("group");
            set(e, "id", node.id);
            optionalText(e, "title", node.title);
            number(e, "weight", node.weight);
            number(e, "min-percent", node.minPercent);
            for (const auto& child : node.children)
                writeNode(e, child);
            return;
        }
        case NodeKind::Criterion:
            writeCriterion(parent, node);
            return;
        }
    }

    static void writeCriterion(pugi::xml_node parent, const ModelNode& node) {
        const CriterionSettings& c = node.criterion;
        auto e = parent.append_child("criterion");
        set(e, "id", node.id);
        optionalText(e, "title", node.title);
        set(e, "type", toString(c.type));
        number(e, "weight", node.weight);
        switch (c.type) {
        case CriterionType::Price:
            set(e, "method", toString(c.priceMethod));
            money(e, "ceiling", c.ceiling);
            number(e, "discount-rate", c.discountRate);
            if (c.abnormallyLow) {
                auto a = e.append_child("abnormally-low");
                number(a, "below-mean-percent", c.abnormallyLow->belowMeanPercent);
                number(a, "below-estimate-percent", c.abnormallyLow->belowEstimatePercent);
            }
            break;
        case CriterionType::Judgement:
            number(e, "scale-max", c.scaleMax);
            number(e, "scale-step", c.scaleStep);
            number(e, "min-score", c.minScore);
            number(e, "spread", c.spreadPercent);
            for (const auto& descriptor : c.descriptors) {
                auto d = e.append_child("descriptor");
                number(d, "score", descriptor.score);
                d.text().set(descriptor.text.c_str());
            }
            break;
        case CriterionType::SocialValue:
            set(e, "method", toString(c.socialValueMethod));
            money(e, "target", c.socialValueTarget);
            for (const auto& measure : c.measures) {
                auto m = e.append_child("measure");
                set(m, "id", measure.id);
                optionalText(m, "title", measure.title);
                optionalText(m, "unit", measure.unit);
                set(m, "proxy", measure.proxy.toPlainString());
            }
            break;
        case CriterionType::Locality:
            set(e, "method", toString(c.localityMethod));
            number(e, "target", c.localSpendTarget);
            if (c.localityMethod == LocalityMethod::SupplierLocation) {
                for (const auto& band : c.bands) {
                    auto b = e.append_child("band");
                    set(b, "area", band.areaId);
                    number(b, "score", band.score);
                }
                number(e.append_child("otherwise"), "score", c.otherwise);
            }
            break;
        case CriterionType::LivingWage:
            set(e, "method", toString(c.livingWageMethod));
            if (c.livingWageMethod == LivingWageMethod::Tiered)
                writeTiers(e, c.tiers);
            break;
        case CriterionType::Ownership: {
            std::string reserved;
            for (const auto model : c.reserved)
                reserved += (reserved.empty() ? "" : " ") + std::string(toString(model));
            optionalText(e, "reserved", reserved);
            for (const auto& score : c.ownershipScores) {
                auto o = e.append_child("ownership");
                set(o, "model", toString(score.model));
                number(o, "score", score.score);
            }
            number(e.append_child("otherwise"), "score", c.otherwise);
            if (!c.justification.empty())
                textChild(e, "justification", c.justification);
            break;
        }
        }
    }

    // Only the tiers that differ from the reader's defaults, as the templates write them.
    static void writeTiers(pugi::xml_node e, const LivingWageTierScores& tiers) {
        const LivingWageTierScores defaults;
        const auto tier = [&](LivingWageTier when, double score, double byDefault) {
            if (score == byDefault)
                return;
            auto t = e.append_child("tier");
            set(t, "when", toString(when));
            number(t, "score", score);
        };
        tier(LivingWageTier::Accredited, tiers.accredited, defaults.accredited);
        tier(LivingWageTier::Committed, tiers.committed, defaults.committed);
        tier(LivingWageTier::MeetsRate, tiers.meetsRate, defaults.meetsRate);
        tier(LivingWageTier::Below, tiers.below, defaults.below);
    }

    pugi::xml_document doc_;
};

} // namespace

std::string writeTenderXml(const Tender& tender) {
    return Writer().write(tender);
}

Diagnostics checkTender(const Tender& tender, const LivingWageTable* rates) {
    Diagnostics diagnostics;
    const std::string xml = writeTenderXml(tender);
    parseTender(xml, "tender.xml", rates, diagnostics);
    return diagnostics;
}

std::optional<std::string> saveTenderXml(const std::filesystem::path& folder,
                                         const std::string& xml) {
    return writeFileAtomically(folder / "tender.xml", xml);
}

} // namespace fairtender
