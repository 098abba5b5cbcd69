// parseEvaluations: evaluations.xml into Evaluations. Checks within the file only; bids,
// criteria, ranges against the scale and duplicates are checkConsistency's.
#include "io/xml/TenderFolder.h"
#include "io/xml/XmlDocument.h"

namespace fairtender {

namespace {

using xml::XmlDocument;
using xml::XmlElement;

std::string value(const std::optional<std::string_view>& text) {
    return std::string(text.value_or(""));
}

} // namespace

std::optional<Evaluations> parseEvaluations(std::string_view text, const std::string& fileName,
                                            Diagnostics& diagnostics) {
    XmlDocument doc(text, fileName, diagnostics);
    if (!doc.checkRoot("evaluations", "urn:fairtender:evaluations:1"))
        return std::nullopt;
    const auto root = doc.root();
    doc.checkAttributes(root, {"xmlns", "tender"});
    doc.checkChildren(
        root, {"score", "consensus", "deliverability", "abnormally-low-decision", "exclusion"});
    Evaluations evaluations;
    evaluations.where = doc.at(root);
    evaluations.tenderId = value(doc.text(root, "tender", true));
    evaluations.tenderWhere = doc.at(root, "tender");
    for (auto e = root.firstChild(); e; e = e.nextSibling()) {
        const auto name = e.name();
        if (name == "score") {
            doc.checkAttributes(e, {"bid", "criterion", "evaluator", "value"});
            doc.checkChildren(e, {}, true);
            EvaluatorScore score;
            score.where = doc.at(e);
            score.bidId = value(doc.text(e, "bid", true));
            score.criterionId = value(doc.text(e, "criterion", true));
            score.evaluator = value(doc.text(e, "evaluator", true));
            score.value = doc.decimal(e, "value", true).value_or(0);
            score.reason = std::string(e.text());
            evaluations.scores.push_back(std::move(score));
        } else if (name == "consensus") {
            doc.checkAttributes(e, {"bid", "criterion", "value", "moderator"});
            doc.checkChildren(e, {}, true);
            ConsensusScore consensus;
            consensus.where = doc.at(e);
            consensus.bidId = value(doc.text(e, "bid", true));
            consensus.criterionId = value(doc.text(e, "criterion", true));
            consensus.moderator = value(doc.text(e, "moderator", false));
            consensus.value = doc.decimal(e, "value", true).value_or(0);
            consensus.reason = std::string(e.text());
            evaluations.consensus.push_back(std::move(consensus));
        } else if (name == "deliverability") {
            doc.checkAttributes(e, {"bid", "measure", "factor"});
            doc.checkChildren(e, {}, true);
            DeliverabilityFactor factor;
            factor.where = doc.at(e);
            factor.bidId = value(doc.text(e, "bid", true));
            factor.measureId = value(doc.text(e, "measure", true));
            factor.factor = doc.decimal(e, "factor", true, 0, 1).value_or(1);
            factor.reason = std::string(e.text());
            evaluations.deliverability.push_back(std::move(factor));
        } else if (name == "abnormally-low-decision") {
            doc.checkAttributes(e, {"bid", "accept"});
            doc.checkChildren(e, {}, true);
            AbnormallyLowDecision decision;
            decision.where = doc.at(e);
            decision.bidId = value(doc.text(e, "bid", true));
            decision.accept = doc.boolean(e, "accept", true).value_or(false);
            decision.reason = std::string(e.text());
            evaluations.abnormallyLowDecisions.push_back(std::move(decision));
        } else if (name == "exclusion") {
            doc.checkAttributes(e, {"bid", "date", "withdrawn"});
            doc.checkChildren(e, {}, true);
            ExclusionAfterEvaluation exclusion;
            exclusion.where = doc.at(e);
            exclusion.bidId = value(doc.text(e, "bid", true));
            exclusion.date = doc.date(e, "date", false);
            exclusion.withdrawn = doc.boolean(e, "withdrawn", false).value_or(false);
            exclusion.reason = std::string(e.text());
            evaluations.exclusions.push_back(std::move(exclusion));
        }
    }
    if (doc.failed())
        return std::nullopt;
    return evaluations;
}

} // namespace fairtender
