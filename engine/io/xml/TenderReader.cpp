// parseTender: tender.xml into a Tender, with every vocabulary, value and model check of
// the spec's sections 3 and 4 (weights, ids, references, thresholds, aggregation).
#include "core/Decimal.h"
#include "io/xml/TenderFolder.h"
#include "io/xml/XmlDocument.h"

#include <map>
#include <set>

namespace fairtender {

namespace {

using xml::XmlDocument;
using xml::XmlElement;

constexpr int kMaxDepth = 32;

std::string str(std::string_view s) {
    return std::string(s);
}

std::vector<std::string_view> splitWords(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() &&
               (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
            ++i;
        const std::size_t start = i;
        while (i < text.size() &&
               !(text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
            ++i;
        if (i > start)
            words.push_back(text.substr(start, i - start));
    }
    return words;
}

class TenderReader {
public:
    TenderReader(XmlDocument& doc, const LivingWageTable* rates) : doc_(doc), rates_(rates) {}

    std::optional<Tender> read() {
        if (!doc_.checkRoot("tender", "urn:fairtender:tender:1"))
            return std::nullopt;
        const auto root = doc_.root();
        tender_.where = doc_.at(root);
        doc_.checkAttributes(root, {"xmlns", "id", "currency"});
        doc_.checkChildren(
            root, {"title", "buyer", "estimated-value", "living-wage-rate", "area", "model"});
        if (const auto id = doc_.text(root, "id", true))
            tender_.id = str(*id);
        if (const auto currency = doc_.text(root, "currency", false)) {
            if (*currency != "GBP")
                doc_.error(root, "currency",
                           "currency '" + str(*currency) +
                               "' is not supported: amounts are in pounds, write "
                               "currency=\"GBP\" or leave it out");
        }

        std::map<std::string_view, XmlElement> seen;
        for (auto e = root.firstChild(); e; e = e.nextSibling()) {
            const auto name = e.name();
            if (name != "area") {
                if (const auto first = seen.find(name); first != seen.end()) {
                    doc_.error(e, "<" + str(name) +
                                      "> appears more than once in <tender> (first at " +
                                      doc_.at(first->second).toString() + "): keep one");
                    continue;
                }
                seen.emplace(name, e);
            }
            if (name == "title" || name == "buyer") {
                doc_.checkAttributes(e, {});
                doc_.checkChildren(e, {}, true);
                if (const auto text = doc_.requiredText(e))
                    (name == "title" ? tender_.title : tender_.buyer) = str(*text);
            } else if (name == "estimated-value") {
                doc_.checkAttributes(e, {});
                doc_.checkChildren(e, {}, true);
                if (const auto value = doc_.moneyText(e)) {
                    if (value->isPositive())
                        tender_.estimatedValue = value;
                    else
                        doc_.error(doc_.textAt(e), "estimated-value '" + str(e.text()) +
                                                       "' must be more than zero");
                }
            } else if (name == "living-wage-rate") {
                readLivingWageRate(e);
            } else if (name == "area") {
                readArea(e);
            } else if (name == "model") {
                modelElement_ = e;
            }
        }
        for (const char* required : {"title", "buyer", "model"})
            if (!seen.count(required))
                doc_.error(root, std::string("<tender> is missing <") + required + ">: add it");
        // The model last: its checks refer to areas, the rate and the estimated value
        // wherever they appear in the file.
        if (modelElement_)
            readModel(modelElement_);
        if (doc_.failed())
            return std::nullopt;
        return std::move(tender_);
    }

private:
    void readLivingWageRate(XmlElement e) {
        doc_.checkAttributes(e, {"region", "hourly", "statutory-minimum", "effective", "date"});
        doc_.checkChildren(e, {});
        LivingWageRate rate;
        rate.where = doc_.at(e);
        rate.region = str(doc_.choice(e, "region", {"uk", "london"}, false).value_or("uk"));
        const bool givesRates = e.attribute("hourly") || e.attribute("statutory-minimum");
        const bool givesDate = e.attribute("date").has_value();
        const int before = doc_.errorCount();
        if (givesRates) {
            const auto hourly = doc_.money(e, "hourly", true);
            const auto minimum = doc_.money(e, "statutory-minimum", true);
            if (hourly && !hourly->isPositive())
                doc_.error(e, "hourly",
                           "hourly '" + str(*e.attribute("hourly")) + "' must be more than zero");
            if (minimum && !minimum->isPositive())
                doc_.error(e, "statutory-minimum",
                           "statutory-minimum '" + str(*e.attribute("statutory-minimum")) +
                               "' must be more than zero");
            if (givesDate)
                doc_.error(e, "date",
                           "living-wage-rate gives both rates and a date: give hourly and "
                           "statutory-minimum, or a date to look them up, not both");
            rate.effective = doc_.date(e, "effective", false);
            if (hourly)
                rate.hourly = *hourly;
            if (minimum)
                rate.statutoryMinimum = *minimum;
        } else if (givesDate) {
            if (e.attribute("effective"))
                doc_.error(e, "effective",
                           "effective goes with hourly and statutory-minimum; with a date the "
                           "reference data gives it: remove effective");
            const auto date = doc_.date(e, "date", true);
            if (date && !rates_) {
                doc_.error(e, "date",
                           "living-wage-rate gives a date but no living wage reference data is "
                           "available: give hourly and statutory-minimum instead");
            } else if (date) {
                if (const auto found = rates_->ratesOn(*date, rate.region)) {
                    rate.hourly = found->realLivingWage;
                    rate.statutoryMinimum = found->statutoryMinimum;
                    rate.effective = found->realLivingWageAnnounced;
                    rate.lookedUpFor = *date;
                } else {
                    doc_.error(e, "date",
                               "no living wage rates are known for " + date->toString() +
                                   " in region " + rate.region +
                                   ": the reference data starts later; give hourly and "
                                   "statutory-minimum instead");
                }
            }
        } else {
            doc_.error(e, "living-wage-rate needs hourly and statutory-minimum, or a date to "
                          "look them up in the reference data");
        }
        if (doc_.errorCount() == before)
            tender_.livingWageRate = rate;
        hasRateElement_ = true;
    }

    void readArea(XmlElement e) {
        doc_.checkAttributes(e, {"id", "name"});
        doc_.checkChildren(e, {"postcode"});
        Area area;
        area.where = doc_.at(e);
        if (const auto id = doc_.text(e, "id", true)) {
            area.id = str(*id);
            if (const auto first = areaIds_.find(area.id); first != areaIds_.end())
                doc_.error(e, "id",
                           "area id '" + area.id + "' is used twice (first at " +
                               first->second.toString() + "): give each area its own id");
            else
                areaIds_.emplace(area.id, area.where);
        }
        if (const auto name = doc_.text(e, "name", false))
            area.name = str(*name);
        for (auto p = e.firstChild(); p; p = p.nextSibling()) {
            if (p.name() != "postcode")
                continue;
            doc_.checkAttributes(p, {"prefix"});
            doc_.checkChildren(p, {});
            const auto prefix = doc_.text(p, "prefix", true);
            if (!prefix)
                continue;
            if (auto parsed = PostcodePrefix::parse(*prefix))
                area.prefixes.push_back(std::move(*parsed));
            else
                doc_.error(p, "prefix", postcodePrefixProblem(*prefix));
        }
        if (!e.firstChild())
            doc_.error(e, "area '" + area.id +
                              "' has no <postcode prefix=\"...\"/>: add the postcodes it covers");
        tender_.areas.push_back(std::move(area));
    }

    void readModel(XmlElement e) {
        auto& model = tender_.model;
        model.where = doc_.at(e);
        doc_.checkAttributes(e, {"rounding", "tie-break", "aggregation", "spread", "close-margin"});
        doc_.checkChildren(e, {"criterion", "group", "gate"});
        if (const auto rounding = doc_.integer(e, "rounding", false, 0, 6))
            model.rounding = *rounding;
        if (const auto aggregation =
                doc_.choice(e, "aggregation", {"weighted-sum", "price-per-quality-point"}, false))
            model.aggregation = *aggregation == "weighted-sum" ? Aggregation::WeightedSum
                                                               : Aggregation::PricePerQualityPoint;
        if (const auto spread = doc_.decimal(e, "spread", false, 0, 100))
            model.defaultSpreadPercent = *spread;
        if (const auto margin = doc_.decimal(e, "close-margin", false, 0, 100))
            model.closeMargin = *margin;
        if (const auto tieBreak = doc_.text(e, "tie-break", false))
            for (const auto word : splitWords(*tieBreak))
                model.tieBreak.push_back(str(word));

        model.children = readChildren(e, "the model", 0);
        if (criteria_ == 0)
            doc_.error(e, "the model has no criterion: add at least one <criterion>");

        for (const auto& word : model.tieBreak) {
            if (word == "lowest-price")
                continue;
            const auto* node = findNode(model, word);
            if (!node || node->kind == NodeKind::Gate)
                doc_.error(e, "tie-break",
                           "tie-break names '" + word + "', which is not a " +
                               (node ? "group or criterion (it is a gate)"
                                     : "group or criterion of the model") +
                               ": use group or criterion ids and lowest-price");
        }
        for (const auto& [areaId, where] : bandAreas_)
            if (!tender_.findArea(areaId))
                doc_.error(where,
                           "band area '" + areaId + "' is not an <area> of the tender: " +
                               (areaIds_.empty()
                                    ? std::string("define it with <area id=\"") + areaId + "\">"
                                    : "use one of " + areaList()));
        if (!tender_.estimatedValue)
            for (const auto& where : belowEstimate_)
                doc_.error(where,
                           "below-estimate-percent needs the tender's <estimated-value>: add "
                           "it, or remove below-estimate-percent");
        if (!tender_.livingWageRate && !hasRateElement_)
            for (const auto& where : tieredLivingWage_)
                doc_.error(
                    where,
                    "living-wage criterion with method tiered needs the tender's "
                    "<living-wage-rate> to judge meets-rate: add it, or use method=\"gate\"");
        if (model.aggregation == Aggregation::PricePerQualityPoint && priceCriteria_ != 1)
            doc_.error(e, "aggregation price-per-quality-point needs exactly one price criterion, "
                          "found " +
                              std::to_string(priceCriteria_));
        checkThresholdGroups(model.children);
    }

    std::string areaList() const {
        std::string out;
        for (const auto& area : tender_.areas)
            out += (out.empty() ? "" : ", ") + area.id;
        return out;
    }

    std::vector<ModelNode> readChildren(XmlElement parent, const std::string& parentName,
                                        int depth) {
        std::vector<ModelNode> children;
        bool weightsKnown = true;
        for (auto e = parent.firstChild(); e; e = e.nextSibling()) {
            const auto name = e.name();
            if (name != "criterion" && name != "group" && name != "gate")
                continue;
            ModelNode node;
            node.where = doc_.at(e);
            if (name == "gate") {
                node.kind = NodeKind::Gate;
                readGate(e, node);
            } else {
                const auto weight = doc_.decimal(e, "weight", true, 0);
                if (weight)
                    node.weight = *weight;
                else
                    weightsKnown = false;
                if (name == "group") {
                    node.kind = NodeKind::Group;
                    readGroup(e, node, depth);
                } else {
                    node.kind = NodeKind::Criterion;
                    readCriterion(e, node);
                }
            }
            children.push_back(std::move(node));
        }
        if (weightsKnown)
            checkWeights(children, parent, parentName);
        return children;
    }

    void checkWeights(const std::vector<ModelNode>& children, XmlElement parent,
                      const std::string& parentName) {
        const SiblingWeights weights = siblingWeights(children);
        if (weights.weighted == 0)
            return; // reported as an empty group or a model without criteria
        if (weights.sumsTo100())
            return;
        std::string list;
        for (const auto& child : children)
            if (child.kind != NodeKind::Gate)
                list += (list.empty() ? "" : ", ") + child.id + " " + formatDecimal(child.weight);
        doc_.error(parent, "weights of " + parentName + " sum to " + formatDecimal(weights.sum) +
                               ", not 100 (" + list + "): make them add up to 100");
    }

    void registerId(XmlElement e, ModelNode& node) {
        const auto id = doc_.text(e, "id", true);
        if (!id)
            return;
        node.id = str(*id);
        if (const auto first = nodeIds_.find(node.id); first != nodeIds_.end())
            doc_.error(e, "id",
                       "id '" + node.id + "' is used twice in the model (first at " +
                           first->second.toString() +
                           "): give each group, criterion and gate its own id");
        else
            nodeIds_.emplace(node.id, node.where);
        if (const auto title = e.attribute("title"))
            node.title = str(*title);
    }

    void readGate(XmlElement e, ModelNode& node) {
        doc_.checkAttributes(e, {"id", "title", "missing"});
        doc_.checkChildren(e, {});
        registerId(e, node);
        if (const auto missing = doc_.choice(e, "missing", {"fail", "error"}, false))
            node.missingGateAnswerFails = *missing == "fail";
    }

    void readGroup(XmlElement e, ModelNode& node, int depth) {
        doc_.checkAttributes(e, {"id", "title", "weight", "min-percent"});
        doc_.checkChildren(e, {"criterion", "group", "gate"});
        registerId(e, node);
        node.minPercent = doc_.decimal(e, "min-percent", false, 0, 100);
        if (depth + 1 >= kMaxDepth) {
            doc_.error(e, "groups are nested more than " + std::to_string(kMaxDepth) +
                              " deep: flatten the model");
            return;
        }
        node.children = readChildren(e, "group " + node.id, depth + 1);
        if (!e.firstChild())
            doc_.error(e, "group " + node.id + " is empty: add criteria to it or remove it");
    }

    void readCriterion(XmlElement e, ModelNode& node) {
        registerId(e, node);
        ++criteria_;
        auto& c = node.criterion;
        const auto type = doc_.choice(
            e, "type",
            {"price", "judgement", "social-value", "locality", "living-wage", "ownership"}, true);
        if (!type) {
            doc_.checkAttributes(e, {"id", "title", "type", "weight", "method"});
            return;
        }
        if (*type == "price")
            readPrice(e, node);
        else if (*type == "judgement")
            readJudgement(e, c);
        else if (*type == "social-value")
            readSocialValue(e, c);
        else if (*type == "locality")
            readLocality(e, c);
        else if (*type == "living-wage")
            readLivingWage(e, node);
        else
            readOwnership(e, c);
    }

    void readPrice(XmlElement e, ModelNode& node) {
        auto& c = node.criterion;
        c.type = CriterionType::Price;
        ++priceCriteria_;
        doc_.checkAttributes(
            e, {"id", "title", "type", "weight", "method", "ceiling", "discount-rate"});
        doc_.checkChildren(e, {"abnormally-low"});
        if (const auto method = doc_.choice(
                e, "method",
                {"lowest-relative", "linear-range", "lowest-deviation", "mean-deviation", "income"},
                false)) {
            if (*method == "linear-range")
                c.priceMethod = PriceMethod::LinearRange;
            else if (*method == "lowest-deviation")
                c.priceMethod = PriceMethod::LowestDeviation;
            else if (*method == "mean-deviation")
                c.priceMethod = PriceMethod::MeanDeviation;
            else if (*method == "income")
                c.priceMethod = PriceMethod::Income;
        }
        if (const auto ceiling = doc_.money(e, "ceiling", false)) {
            if (c.priceMethod != PriceMethod::LinearRange)
                doc_.error(e, "ceiling",
                           "ceiling belongs to method linear-range only: remove it or "
                           "set method=\"linear-range\"");
            else if (!ceiling->isPositive())
                doc_.error(e, "ceiling",
                           "ceiling '" + str(*e.attribute("ceiling")) + "' must be more than zero");
            else
                c.ceiling = ceiling;
        }
        c.discountRate = doc_.decimal(e, "discount-rate", false, 0);
        if (tender_.model.aggregation == Aggregation::PricePerQualityPoint && node.weight != 0)
            doc_.error(
                e, "weight",
                "under aggregation price-per-quality-point the price criterion is not scored: "
                "set weight=\"0\"");
        for (auto a = e.firstChild(); a; a = a.nextSibling()) {
            if (a.name() != "abnormally-low")
                continue;
            if (c.abnormallyLow) {
                doc_.error(a, "<abnormally-low> appears more than once in criterion " + node.id +
                                  ": keep one");
                continue;
            }
            doc_.checkAttributes(a, {"below-mean-percent", "below-estimate-percent"});
            doc_.checkChildren(a, {});
            AbnormallyLowRule rule;
            rule.where = doc_.at(a);
            rule.belowMeanPercent = doc_.decimal(a, "below-mean-percent", false, 0, 100);
            rule.belowEstimatePercent = doc_.decimal(a, "below-estimate-percent", false, 0, 100);
            if (!a.attribute("below-mean-percent") && !a.attribute("below-estimate-percent"))
                doc_.error(
                    a, "<abnormally-low> needs below-mean-percent, below-estimate-percent or both");
            if (a.attribute("below-estimate-percent"))
                belowEstimate_.push_back(doc_.at(a, "below-estimate-percent"));
            c.abnormallyLow = rule;
        }
    }

    void readJudgement(XmlElement e, CriterionSettings& c) {
        c.type = CriterionType::Judgement;
        doc_.checkAttributes(
            e, {"id", "title", "type", "weight", "scale-max", "scale-step", "min-score", "spread"});
        doc_.checkChildren(e, {"descriptor"});
        const auto scaleMax = doc_.decimal(e, "scale-max", true);
        if (scaleMax && *scaleMax <= 0)
            doc_.error(e, "scale-max",
                       "scale-max '" + str(*e.attribute("scale-max")) + "' must be more than zero");
        const bool maxOk = scaleMax && *scaleMax > 0;
        if (maxOk)
            c.scaleMax = *scaleMax;
        if (const auto step = doc_.decimal(e, "scale-step", false)) {
            if (*step <= 0)
                doc_.error(e, "scale-step",
                           "scale-step '" + str(*e.attribute("scale-step")) +
                               "' must be more than zero");
            else
                c.scaleStep = step;
        }
        if (maxOk)
            c.minScore = doc_.decimal(e, "min-score", false, 0, *scaleMax);
        c.spreadPercent = doc_.decimal(e, "spread", false, 0, 100);
        for (auto d = e.firstChild(); d; d = d.nextSibling()) {
            if (d.name() != "descriptor")
                continue;
            doc_.checkAttributes(d, {"score"});
            doc_.checkChildren(d, {}, true);
            Descriptor descriptor;
            descriptor.where = doc_.at(d);
            const auto score = maxOk ? doc_.decimal(d, "score", true, 0, *scaleMax)
                                     : doc_.decimal(d, "score", true);
            if (score)
                descriptor.score = *score;
            if (const auto text = doc_.requiredText(d))
                descriptor.text = str(*text);
            c.descriptors.push_back(std::move(descriptor));
        }
    }

    void readSocialValue(XmlElement e, CriterionSettings& c) {
        c.type = CriterionType::SocialValue;
        doc_.checkAttributes(e, {"id", "title", "type", "weight", "method", "target"});
        doc_.checkChildren(e, {"measure"});
        if (const auto method = doc_.choice(
                e, "method", {"relative-to-highest", "ratio-to-price", "target"}, false))
            c.socialValueMethod = *method == "relative-to-highest"
                                      ? SocialValueMethod::RelativeToHighest
                                  : *method == "ratio-to-price" ? SocialValueMethod::RatioToPrice
                                                                : SocialValueMethod::Target;
        const auto target = doc_.money(e, "target", false);
        if (c.socialValueMethod == SocialValueMethod::Target) {
            if (!e.attribute("target"))
                doc_.error(e, "method target needs target=\"...\", the social value (in pounds) "
                              "that scores full marks");
            else if (target && !target->isPositive())
                doc_.error(e, "target",
                           "target '" + str(*e.attribute("target")) + "' must be more than zero");
            else
                c.socialValueTarget = target;
        } else if (e.attribute("target")) {
            doc_.error(e, "target",
                       "target belongs to method target only: remove it or set method=\"target\"");
        }
        for (auto m = e.firstChild(); m; m = m.nextSibling()) {
            if (m.name() != "measure")
                continue;
            doc_.checkAttributes(m, {"id", "title", "unit", "proxy"});
            doc_.checkChildren(m, {});
            Measure measure;
            measure.where = doc_.at(m);
            if (const auto id = doc_.text(m, "id", true)) {
                measure.id = str(*id);
                if (const auto first = measureIds_.find(measure.id); first != measureIds_.end())
                    doc_.error(m, "id",
                               "measure id '" + measure.id +
                                   "' is used twice in the tender (first at " +
                                   first->second.toString() + "): give each measure its own id");
                else
                    measureIds_.emplace(measure.id, measure.where);
            }
            measure.title = str(doc_.text(m, "title", false).value_or(""));
            measure.unit = str(doc_.text(m, "unit", false).value_or(""));
            if (const auto proxy = doc_.money(m, "proxy", true)) {
                if (proxy->pence() < 0)
                    doc_.error(m, "proxy",
                               "proxy '" + str(*m.attribute("proxy")) + "' must not be negative");
                measure.proxy = *proxy;
            }
            c.measures.push_back(std::move(measure));
        }
        if (c.measures.empty())
            doc_.error(
                e,
                "a social-value criterion needs at least one <measure id=\"...\" proxy=\"...\"/>");
    }

    void readLocality(XmlElement e, CriterionSettings& c) {
        c.type = CriterionType::Locality;
        doc_.checkAttributes(e, {"id", "title", "type", "weight", "method", "target"});
        doc_.checkChildren(e, {"band", "otherwise"});
        if (const auto method =
                doc_.choice(e, "method", {"supplier-location", "local-spend"}, false))
            c.localityMethod = *method == "local-spend" ? LocalityMethod::LocalSpend
                                                        : LocalityMethod::SupplierLocation;
        const bool bySupplier = c.localityMethod == LocalityMethod::SupplierLocation;
        if (const auto target = doc_.decimal(e, "target", false, 0, 100)) {
            if (bySupplier)
                doc_.error(e, "target",
                           "target belongs to method local-spend only: remove it or set "
                           "method=\"local-spend\"");
            else if (*target <= 0)
                doc_.error(e, "target",
                           "target '" + str(*e.attribute("target")) + "' must be more than zero");
            else
                c.localSpendTarget = target;
        }
        bool otherwiseSeen = false;
        for (auto b = e.firstChild(); b; b = b.nextSibling()) {
            const auto name = b.name();
            if (name != "band" && name != "otherwise")
                continue;
            if (!bySupplier) {
                doc_.error(b, "<" + str(name) +
                                  "> belongs to method supplier-location only: remove it");
                continue;
            }
            if (name == "band") {
                doc_.checkAttributes(b, {"area", "score"});
                doc_.checkChildren(b, {});
                LocalityBand band;
                band.where = doc_.at(b);
                if (const auto area = doc_.text(b, "area", true)) {
                    band.areaId = str(*area);
                    bandAreas_.emplace_back(band.areaId, doc_.at(b, "area"));
                }
                band.score = doc_.decimal(b, "score", true, 0, 1).value_or(0);
                c.bands.push_back(std::move(band));
            } else {
                readOtherwise(b, c, otherwiseSeen);
            }
        }
    }

    void readOtherwise(XmlElement b, CriterionSettings& c, bool& seen) {
        if (seen) {
            doc_.error(b, "<otherwise> appears more than once: keep one");
            return;
        }
        seen = true;
        doc_.checkAttributes(b, {"score"});
        doc_.checkChildren(b, {});
        c.otherwise = doc_.decimal(b, "score", true, 0, 1).value_or(0);
    }

    void readLivingWage(XmlElement e, ModelNode& node) {
        auto& c = node.criterion;
        c.type = CriterionType::LivingWage;
        doc_.checkAttributes(e, {"id", "title", "type", "weight", "method"});
        doc_.checkChildren(e, {"tier"});
        if (const auto method = doc_.choice(e, "method", {"tiered", "gate"}, false))
            c.livingWageMethod =
                *method == "gate" ? LivingWageMethod::Gate : LivingWageMethod::Tiered;
        if (c.livingWageMethod == LivingWageMethod::Tiered)
            tieredLivingWage_.push_back(node.where);
        std::set<std::string_view> seen;
        for (auto t = e.firstChild(); t; t = t.nextSibling()) {
            if (t.name() != "tier")
                continue;
            if (c.livingWageMethod != LivingWageMethod::Tiered) {
                doc_.error(t, "<tier> belongs to method tiered only: remove it");
                continue;
            }
            doc_.checkAttributes(t, {"when", "score"});
            doc_.checkChildren(t, {});
            const auto when =
                doc_.choice(t, "when", {"accredited", "committed", "meets-rate", "below"}, true);
            const auto score = doc_.decimal(t, "score", true, 0, 1);
            if (!when)
                continue;
            if (!seen.insert(*when).second) {
                doc_.error(t, "when", "tier '" + str(*when) + "' is given twice: keep one");
                continue;
            }
            if (!score)
                continue;
            if (*when == "accredited")
                c.tiers.accredited = *score;
            else if (*when == "committed")
                c.tiers.committed = *score;
            else if (*when == "meets-rate")
                c.tiers.meetsRate = *score;
            else
                c.tiers.below = *score;
        }
    }

    std::optional<OwnershipModel> ownershipWord(XmlElement e, const char* attribute,
                                                std::string_view word) {
        if (const auto model = parseOwnershipModel(word))
            return model;
        doc_.error(e, attribute,
                   "'" + str(word) + "' is not an ownership model: use one of " +
                       str(ownershipModelList()));
        return std::nullopt;
    }

    void readOwnership(XmlElement e, CriterionSettings& c) {
        c.type = CriterionType::Ownership;
        doc_.checkAttributes(e, {"id", "title", "type", "weight", "reserved"});
        doc_.checkChildren(e, {"ownership", "otherwise", "justification"});
        if (const auto reserved = doc_.text(e, "reserved", false)) {
            for (const auto word : splitWords(*reserved))
                if (const auto model = ownershipWord(e, "reserved", word))
                    c.reserved.push_back(*model);
            if (splitWords(*reserved).empty())
                doc_.error(e, "reserved",
                           "reserved is empty: list the ownership models the contract is reserved "
                           "for, or remove it");
        }
        bool otherwiseSeen = false;
        std::set<OwnershipModel> seen;
        for (auto o = e.firstChild(); o; o = o.nextSibling()) {
            if (o.name() == "otherwise") {
                readOtherwise(o, c, otherwiseSeen);
                continue;
            }
            if (o.name() == "justification") {
                readJustification(o, c);
                continue;
            }
            if (o.name() != "ownership")
                continue;
            doc_.checkAttributes(o, {"model", "score"});
            doc_.checkChildren(o, {});
            OwnershipScore score;
            score.where = doc_.at(o);
            const auto word = doc_.text(o, "model", true);
            const auto value = doc_.decimal(o, "score", true, 0, 1);
            const auto model = word ? ownershipWord(o, "model", *word) : std::nullopt;
            if (!model)
                continue;
            if (!seen.insert(*model).second) {
                doc_.error(o, "model",
                           "ownership model '" + str(*word) + "' is scored twice: keep one");
                continue;
            }
            score.model = *model;
            score.score = value.value_or(0);
            c.ownershipScores.push_back(score);
        }
    }

    void readJustification(XmlElement j, CriterionSettings& c) {
        doc_.checkAttributes(j, {});
        doc_.checkChildren(j, {}, true);
        if (!c.justification.empty()) {
            doc_.error(j, "<justification> appears more than once: keep one");
            return;
        }
        if (const auto text = doc_.requiredText(j))
            c.justification = str(*text);
    }

    static bool comparesBids(const CriterionSettings& c) {
        switch (c.type) {
        case CriterionType::Judgement:
        case CriterionType::LivingWage:
        case CriterionType::Ownership:
            return false;
        case CriterionType::Locality:
            return c.localityMethod != LocalityMethod::SupplierLocation;
        default:
            return true;
        }
    }

    void checkThresholdGroups(const std::vector<ModelNode>& nodes) {
        for (const auto& node : nodes) {
            if (node.kind != NodeKind::Group)
                continue;
            if (node.minPercent) {
                forEachNode(node.children, [&](const ModelNode& inner) {
                    if (inner.kind == NodeKind::Criterion && comparesBids(inner.criterion))
                        doc_.error(
                            inner.where,
                            "criterion " + inner.id + " (" + str(toString(inner.criterion.type)) +
                                ") compares bids, so it cannot sit in group " + node.id +
                                ", which has min-percent: such a group may hold only judgement, "
                                "supplier-location locality, living-wage and ownership criteria");
                });
            } else {
                checkThresholdGroups(node.children);
            }
        }
    }

    XmlDocument& doc_;
    const LivingWageTable* rates_;
    Tender tender_;
    XmlElement modelElement_;
    bool hasRateElement_ = false;
    int criteria_ = 0;
    int priceCriteria_ = 0;
    std::map<std::string, SourceLocation> nodeIds_;
    std::map<std::string, SourceLocation> areaIds_;
    std::map<std::string, SourceLocation> measureIds_;
    std::vector<std::pair<std::string, SourceLocation>> bandAreas_;
    std::vector<SourceLocation> belowEstimate_;
    std::vector<SourceLocation> tieredLivingWage_;
};

} // namespace

std::optional<Tender> parseTender(std::string_view text, const std::string& fileName,
                                  const LivingWageTable* rates, Diagnostics& diagnostics) {
    XmlDocument doc(text, fileName, diagnostics);
    return TenderReader(doc, rates).read();
}

} // namespace fairtender
