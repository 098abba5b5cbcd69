#include "store/EvaluationsXml.h"

#include "core/Decimal.h"
#include "core/MarkupText.h"

namespace fairtender {

namespace {

std::string escaped(const std::string& text, bool attribute) {
    return markupEscaped(text, attribute ? MarkupPlace::XmlAttribute : MarkupPlace::XmlText);
}

std::string attr(const char* name, const std::string& value) {
    return std::string(" ") + name + "=\"" + escaped(value, true) + "\"";
}

} // namespace

std::string writeEvaluationsXml(const Evaluations& evaluations, const std::string& tenderId) {
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<evaluations "
                      "xmlns=\"urn:fairtender:evaluations:1\"" +
                      attr("tender", tenderId) + ">\n";
    for (const auto& s : evaluations.scores)
        xml += "  <score" + attr("bid", s.bidId) + attr("criterion", s.criterionId) +
               attr("evaluator", s.evaluator) + attr("value", exactDecimalText(s.value)) + ">" +
               escaped(s.reason, false) + "</score>\n";
    for (const auto& c : evaluations.consensus)
        xml += "  <consensus" + attr("bid", c.bidId) + attr("criterion", c.criterionId) +
               attr("value", exactDecimalText(c.value)) +
               (c.moderator.empty() ? std::string() : attr("moderator", c.moderator)) + ">" +
               escaped(c.reason, false) + "</consensus>\n";
    for (const auto& d : evaluations.deliverability)
        xml += "  <deliverability" + attr("bid", d.bidId) + attr("measure", d.measureId) +
               attr("factor", exactDecimalText(d.factor)) + ">" + escaped(d.reason, false) +
               "</deliverability>\n";
    for (const auto& a : evaluations.abnormallyLowDecisions)
        xml += "  <abnormally-low-decision" + attr("bid", a.bidId) +
               attr("accept", a.accept ? "true" : "false") + ">" + escaped(a.reason, false) +
               "</abnormally-low-decision>\n";
    for (const auto& e : evaluations.exclusions)
        xml += "  <exclusion" + attr("bid", e.bidId) +
               (e.date ? attr("date", e.date->toString()) : std::string()) +
               (e.withdrawn ? attr("withdrawn", "true") : std::string()) + ">" +
               escaped(e.reason, false) + "</exclusion>\n";
    xml += "</evaluations>\n";
    return xml;
}

} // namespace fairtender
