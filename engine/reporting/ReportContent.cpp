#include "reporting/ReportContent.h"

#include "audit/AuditRecords.h"
#include "core/Decimal.h"
#include "core/FileHash.h"
#include "core/Money.h"
#include "lifecycle/AbnormallyLowPrices.h"
#include "scoring/Derivation.h"
#include "scoring/Evaluator.h"
#include "scoring/SocialValueCommitments.h"
#include "store/Workspace.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <map>
#include <random>

namespace fairtender {

namespace fs = std::filesystem;

namespace {

SourceLocation locationOf(const Workspace& workspace) {
    return {workspace.path().string(), 0, 0};
}

// One top-level scored node: a group's subtotal or a criterion's points.
struct Column {
    const ModelNode* node = nullptr;
    std::optional<std::size_t> groupIndex;
    std::optional<std::size_t> leafIndex;
};

std::vector<Column> topLevelColumns(const Tender& tender, const EvaluationResult& result) {
    std::vector<Column> columns;
    for (const auto& node : tender.model.children) {
        if (node.kind == NodeKind::Gate)
            continue;
        Column column{&node, std::nullopt, std::nullopt};
        if (node.kind == NodeKind::Group)
            column.groupIndex = result.groupIndex(node.id);
        else
            column.leafIndex = result.leafIndex(node.id);
        columns.push_back(column);
    }
    return columns;
}

std::optional<double> pointsIn(const Column& column, const BidResult& bid) {
    if (column.groupIndex && *column.groupIndex < bid.groups.size())
        return bid.groups[*column.groupIndex].points;
    if (column.leafIndex && *column.leafIndex < bid.criteria.size())
        return bid.criteria[*column.leafIndex].points;
    return std::nullopt;
}

std::string signedFixed(double value, int places) {
    const std::string text = formatFixed(value, places);
    return value > 0 && text.find_first_not_of("0.") != std::string::npos ? "+" + text : text;
}

std::string methodOf(const ModelNode& node, const Tender& tender) {
    const auto& c = node.criterion;
    switch (c.type) {
    case CriterionType::Price: {
        std::string text(toString(c.priceMethod));
        if (c.ceiling)
            text += ", qualification price " + c.ceiling->toDisplayString();
        if (c.discountRate)
            text +=
                ", whole-life cost discounted at " + formatDecimal(*c.discountRate) + "% a year";
        if (c.abnormallyLow) {
            text += "; abnormally low below";
            if (c.abnormallyLow->belowMeanPercent)
                text += " " + formatDecimal(*c.abnormallyLow->belowMeanPercent) +
                        "% under the mean of the other bids";
            if (c.abnormallyLow->belowEstimatePercent)
                text += std::string(c.abnormallyLow->belowMeanPercent ? " or" : "") + " " +
                        formatDecimal(*c.abnormallyLow->belowEstimatePercent) +
                        "% under the estimate";
        }
        return text;
    }
    case CriterionType::Judgement: {
        std::string text = "panel judgement on a scale 0 to " + formatDecimal(c.scaleMax);
        if (c.scaleStep)
            text += " in steps of " + formatDecimal(*c.scaleStep);
        if (c.minScore)
            text += "; a score below " + formatDecimal(*c.minScore) + " excludes the bid";
        return text;
    }
    case CriterionType::SocialValue: {
        std::string text(toString(c.socialValueMethod));
        if (c.socialValueTarget)
            text += ", target " + c.socialValueTarget->toDisplayString();
        if (!c.measures.empty()) {
            text += "; measures:";
            for (const auto& m : c.measures)
                text += (&m == &c.measures.front() ? " " : ", ") + m.title + " (" +
                        m.proxy.toDisplayString() + " per " + m.unit + ")";
        }
        return text;
    }
    case CriterionType::Locality: {
        std::string text(toString(c.localityMethod));
        if (c.localityMethod == LocalityMethod::SupplierLocation) {
            text += ":";
            for (const auto& band : c.bands) {
                const Area* area = tender.findArea(band.areaId);
                text +=
                    " " + (area ? area->name : band.areaId) + " " + formatDecimal(band.score) + ",";
            }
            text += " elsewhere " + formatDecimal(c.otherwise);
        } else if (c.localSpendTarget) {
            text += ", target " + formatDecimal(*c.localSpendTarget) + "%";
        }
        return text;
    }
    case CriterionType::LivingWage:
        if (c.livingWageMethod == LivingWageMethod::Gate)
            return "pass/fail: the Real Living Wage must be paid";
        return "tiered: accredited " + formatDecimal(c.tiers.accredited) + ", committed " +
               formatDecimal(c.tiers.committed) + ", meets the rate " +
               formatDecimal(c.tiers.meetsRate) + ", below " + formatDecimal(c.tiers.below);
    case CriterionType::Ownership: {
        std::string text = "published ownership table:";
        for (const auto& s : c.ownershipScores)
            text += " " + std::string(toString(s.model)) + " " + formatDecimal(s.score) + ",";
        return text + " otherwise " + formatDecimal(c.otherwise);
    }
    }
    return {};
}

void addModelRows(const std::vector<ModelNode>& nodes, int depth, const Tender& tender,
                  const EvaluationResult& result, std::vector<ModelRow>& rows) {
    for (const auto& node : nodes) {
        ModelRow row;
        row.depth = depth;
        row.id = node.id;
        row.title = node.displayName();
        switch (node.kind) {
        case NodeKind::Group:
            row.kind = "group";
            if (const auto i = result.groupIndex(node.id))
                row.effectiveWeight =
                    formatFixed(result.groups[*i].effectiveWeight, result.rounding);
            if (node.minPercent)
                row.method = "at least " + formatDecimal(*node.minPercent) + "% of its points";
            break;
        case NodeKind::Criterion:
            row.kind = "criterion";
            row.type = toString(node.criterion.type);
            row.method = methodOf(node, tender);
            if (const auto i = result.leafIndex(node.id))
                row.effectiveWeight =
                    formatFixed(result.leaves[*i].effectiveWeight, result.rounding);
            break;
        case NodeKind::Gate:
            row.kind = "gate";
            row.type = "pass/fail";
            row.method = node.missingGateAnswerFails ? "no answer fails" : "an answer is required";
            break;
        }
        if (node.kind != NodeKind::Gate)
            row.weight = formatDecimal(node.weight) + "%";
        rows.push_back(std::move(row));
        addModelRows(node.children, depth + 1, tender, result, rows);
    }
}

std::string livingWageStatus(const Bid& bid, const Tender& tender) {
    if (!bid.livingWage)
        return "not declared";
    const auto& lw = *bid.livingWage;
    if (lw.accredited)
        return "accredited Living Wage employer";
    std::string text = lw.committed ? "committed to the Real Living Wage" : "not committed";
    if (lw.lowestHourlyRate) {
        text += "; lowest rate " + lw.lowestHourlyRate->toDisplayString();
        if (tender.livingWageRate)
            text +=
                *lw.lowestHourlyRate >= tender.livingWageRate->hourly
                    ? " (at least the rate " + tender.livingWageRate->hourly.toDisplayString() + ")"
                    : " (below the rate " + tender.livingWageRate->hourly.toDisplayString() + ")";
    }
    return text;
}

TenderHeading headingOf(const Tender& tender, LifecycleState state) {
    TenderHeading heading;
    heading.id = tender.id;
    heading.title = tender.title;
    heading.buyer = tender.buyer;
    if (tender.estimatedValue)
        heading.estimatedValue = tender.estimatedValue->toDisplayString() + " " + tender.currency;
    heading.stage = toString(state);
    return heading;
}

// What both documents start from: the stage checked, the stored inputs evaluated.
const Bid* findBid(const TenderFolder& folder, const std::string& id) {
    const auto at = std::find_if(folder.bids.begin(), folder.bids.end(),
                                 [&](const Bid& b) { return b.id == id; });
    return at == folder.bids.end() ? nullptr : &*at;
}

std::string rankText(const BidResult& bid) {
    return bid.rank ? std::to_string(*bid.rank) : "-";
}

std::string totalText(const BidResult& bid, int places) {
    return formatFixed(bid.total, places);
}

std::string priceText(const BidResult& bid) {
    return bid.price ? formatPounds(*bid.price) : std::string("-");
}

// "1st", "2nd", "3rd", "4th", "11th", "21st".
std::string ordinal(int n) {
    const int tens = n % 100;
    const char* suffix = tens >= 11 && tens <= 13 ? "th"
                         : n % 10 == 1            ? "st"
                         : n % 10 == 2            ? "nd"
                         : n % 10 == 3            ? "rd"
                                                  : "th";
    return std::to_string(n) + suffix;
}

// The first price criterion of the model, which sets P.
const ModelNode* priceCriterion(const Tender& tender) {
    const ModelNode* found = nullptr;
    forEachNode(tender.model.children, [&](const ModelNode& node) {
        if (found == nullptr && node.kind == NodeKind::Criterion &&
            node.criterion.type == CriterionType::Price)
            found = &node;
    });
    return found;
}

std::string priceBasisOf(const Tender& tender) {
    const ModelNode* price = priceCriterion(tender);
    if (price != nullptr && price->criterion.discountRate)
        return "the whole-life cost: the net present value of the yearly costs at " +
               formatDecimal(*price->criterion.discountRate) + "% a year";
    return "the tendered price";
}

// How each of the bid's social value figures arose, one per social-value criterion.
std::vector<SocialValueText> socialValueOf(const BidResult& bid, const EvaluationResult& result,
                                           const TenderFolder& folder) {
    std::vector<SocialValueText> texts;
    const Bid* input = inputBidOf(bid, folder.bids);
    if (input == nullptr)
        return texts;
    for (std::size_t i = 0; i < result.leaves.size() && i < bid.criteria.size(); ++i) {
        const LeafSummary& leaf = result.leaves[i];
        if (leaf.type != CriterionType::SocialValue)
            continue;
        const ModelNode* node = findNode(folder.tender.model, leaf.criterionId);
        if (node == nullptr)
            continue;
        SocialValueText text;
        text.bidId = bid.bidId;
        text.supplier = bid.supplierName;
        text.criterion = leaf.title;
        const SocialValueBreakdown breakdown =
            socialValueBreakdown(*node, *input, folder.evaluations);
        for (const auto& c : breakdown.commitments)
            text.commitments.push_back(
                {c.title, commitmentFormula(c), formatPounds(c.value),
                 c.assessed ? formatDecimal(c.deliverability) : std::string("1 (not assessed)"),
                 c.deliverabilityReason});
        text.total = formatPounds(breakdown.total);
        const std::string formula =
            derive(result, bid, i, folder.tender, *input, folder.evaluations).formula;
        // "sv: social value 674,240.00 / highest ..." without the criterion id in front.
        const auto colon = formula.find(": ");
        text.scoring = colon == std::string::npos ? formula : formula.substr(colon + 2);
        texts.push_back(std::move(text));
    }
    return texts;
}

// A minimum the bid fell below, with the criterion or group by its title: "score 1 on
// q-menu is below the minimum 2" becomes "score 1 on "Menus, ..." is below the minimum 2".
std::string minimumInWords(const std::string& reason, const std::vector<ModelNode>& nodes) {
    for (const auto& node : nodes) {
        const std::string named = "\"" + node.displayName() + "\"";
        const std::string below = " is below the minimum ";
        const std::string leaf = " on " + node.id + below;
        if (const auto at = reason.find(leaf); at != std::string::npos && !node.title.empty())
            return reason.substr(0, at) + " on " + named + below + reason.substr(at + leaf.size());
        if (const std::string group = node.id + " scored ";
            reason.starts_with(group) && reason.find("below the minimum") != std::string::npos &&
            !node.title.empty())
            return named + reason.substr(node.id.size());
        const std::string inside = minimumInWords(reason, node.children);
        if (inside != reason)
            return inside;
    }
    return reason;
}

// The bid's exclusion reasons in words a supplier reads: a failed gate as its requirement,
// a minimum by the criterion's title.
std::vector<std::string> exclusionReasonsInWords(const BidResult& bid, const Tender& tender) {
    std::vector<std::string> reasons;
    for (std::size_t i = 0; i < bid.exclusionReasons.size(); ++i) {
        if (i < bid.failedGates.size()) {
            const ModelNode* gate = findNode(tender.model, bid.failedGates[i]);
            const std::string requirement =
                gate != nullptr && !gate->title.empty() ? gate->title : bid.failedGates[i];
            const bool unanswered = bid.exclusionReasons[i].ends_with("(no answer given)");
            reasons.push_back((unanswered ? "gave no answer to the pass/fail requirement \""
                                          : "did not meet the pass/fail requirement \"") +
                              requirement + "\"" +
                              (unanswered ? ", which counts as not meeting it" : ""));
            continue;
        }
        reasons.push_back(minimumInWords(bid.exclusionReasons[i], tender.model.children));
    }
    return reasons;
}

// The bid's own figure on one leaf, in words a supplier understands.
std::string figureText(const LeafSummary& leaf, const CriterionResult& c, const Bid& bid,
                       const ModelNode& node, const Tender& tender) {
    switch (leaf.type) {
    case CriterionType::Price:
        if (bid.price)
            return bid.price->toDisplayString();
        return formatPounds(c.figure) + " (net present value)";
    case CriterionType::Judgement:
        return formatDecimal(c.figure) + " of " + formatDecimal(node.criterion.scaleMax) +
               (c.source == JudgementSource::Consensus ? "" : " (evaluators' mean)");
    case CriterionType::SocialValue:
        return formatPounds(c.figure) + " social value";
    case CriterionType::Locality:
        if (node.criterion.localityMethod == LocalityMethod::LocalSpend)
            return formatDecimal(c.figure) + "% local spend";
        if (c.match >= 0 && static_cast<std::size_t>(c.match) < node.criterion.bands.size()) {
            const auto& band = node.criterion.bands[static_cast<std::size_t>(c.match)];
            const Area* area = tender.findArea(band.areaId);
            return "located in " + (area ? area->name : band.areaId);
        }
        return "located outside the listed areas";
    case CriterionType::LivingWage:
        return std::string(toString(c.tier));
    case CriterionType::Ownership:
        return std::string(toString(bid.supplier.ownership));
    }
    return {};
}

BidAssessment assess(const BidResult& bid, const EvaluationResult& result,
                     const TenderFolder& folder) {
    const auto& tender = folder.tender;
    BidAssessment a;
    a.bidId = bid.bidId;
    a.supplier = bid.supplierName;
    a.status = toString(bid.status);
    a.rank = bid.rank ? std::to_string(*bid.rank) : "";
    a.total = totalText(bid, result.rounding);
    a.exclusionReason = bid.exclusionReason();
    a.exclusionReasons = exclusionReasonsInWords(bid, tender);
    if (bid.rank)
        a.standing = "ranked " + ordinal(*bid.rank) + " of " +
                     std::to_string(result.rankedCount()) + " assessed tenders";
    a.notes = bid.notes;
    a.socialValue = socialValueOf(bid, result, folder);
    const Bid* input = findBid(folder, bid.bidId);
    for (std::size_t i = 0; i < result.leaves.size(); ++i) {
        const LeafSummary& leaf = result.leaves[i];
        const ModelNode* node = findNode(tender.model, leaf.criterionId);
        if (node == nullptr)
            continue;
        CriterionAssessment c;
        c.id = leaf.criterionId;
        c.title = leaf.title;
        for (const auto& groupId : leaf.path) {
            const ModelNode* group = findNode(tender.model, groupId);
            c.group += (c.group.empty() ? "" : " / ") + (group ? group->displayName() : groupId);
        }
        c.weight = formatDecimal(node->weight) + "%";
        c.effectiveWeight = formatFixed(leaf.effectiveWeight, result.rounding);
        c.type = toString(leaf.type);
        c.method = methodOf(*node, tender);
        if (leaf.type == CriterionType::Judgement)
            for (const auto& d : node->criterion.descriptors)
                c.descriptors.push_back(formatDecimal(d.score) + ": " + d.text);
        if (i < bid.criteria.size() && input != nullptr) {
            const CriterionResult& r = bid.criteria[i];
            c.figure = figureText(leaf, r, *input, *node, tender);
            c.score = r.scored ? formatFixed(r.score, 4) : "not scored";
            c.points = r.scored ? formatFixed(r.points, result.rounding) : "-";
            if (leaf.type == CriterionType::Judgement)
                if (const auto* consensus =
                        folder.evaluations.findConsensus(bid.bidId, leaf.criterionId))
                    c.reason = consensus->reason;
        } else {
            c.figure = "-";
            c.score = "-";
            c.points = "-";
            // A bid excluded for falling below a minimum was judged: the panel's scores and
            // reasons are what it needs to see, though it earns no points.
            if (leaf.type == CriterionType::Judgement)
                if (const auto* consensus =
                        folder.evaluations.findConsensus(bid.bidId, leaf.criterionId)) {
                    c.figure = formatDecimal(consensus->value) + " of " +
                               formatDecimal(node->criterion.scaleMax);
                    c.reason = consensus->reason;
                }
        }
        a.criteria.push_back(std::move(c));
    }
    for (std::size_t g = 0; g < result.groups.size() && g < bid.groups.size(); ++g)
        a.groups.push_back({result.groups[g].title,
                            formatFixed(bid.groups[g].points, result.rounding),
                            formatFixed(result.groups[g].effectiveWeight, result.rounding)});
    return a;
}

double pointsAvailable(const EvaluationResult& result, const Tender& tender) {
    double sum = 0;
    for (const auto& node : tender.model.children) {
        if (node.kind == NodeKind::Group) {
            if (const auto i = result.groupIndex(node.id))
                sum += result.groups[*i].effectiveWeight;
        } else if (node.kind == NodeKind::Criterion) {
            if (const auto i = result.leafIndex(node.id))
                sum += result.leaves[*i].effectiveWeight;
        }
    }
    return sum;
}

std::string awardNoticeText(const std::optional<AwardRecord>& award) {
    if (!award)
        return {};
    return "Award notice " + award->noticeDate + "; the standstill period ends at the end of " +
           award->standstillEnd + ".";
}

} // namespace

std::optional<std::string> lockedOrAwardedProblem(LifecycleState state, const std::string& what,
                                                  const std::string& howToLock) {
    if (state == LifecycleState::Locked || state == LifecycleState::Awarded)
        return std::nullopt;
    return what + " is made once the results are locked; this tender is at the " +
           std::string(toString(state)) + " stage: finish it and " + howToLock;
}

Diagnostics requireLockedOrAwarded(const Workspace& workspace, const std::string& what,
                                   const std::string& howToLock) {
    if (const auto problem = lockedOrAwardedProblem(workspace.state(), what, howToLock))
        return {errorAt(locationOf(workspace), *problem)};
    return {};
}

Diagnostics requireVerified(const Workspace& workspace, const LivingWageTable* rates) {
    const VerifyReport report = workspace.verify(rates);
    if (report.ok())
        return {};
    std::string message = "the workspace fails verification, so no document is made from it: " +
                          report.problems.front().message;
    if (report.problems.size() > 1)
        message += " (and " + std::to_string(report.problems.size() - 1) +
                   " more problems: verify lists them all)";
    return {errorAt(locationOf(workspace), message)};
}

Gathered<LockedEvaluation> evaluateLocked(const Workspace& workspace, const LivingWageTable* rates,
                                          const std::string& what) {
    Gathered<LockedEvaluation> gathered;
    gathered.problems = requireLockedOrAwarded(workspace, what, "lock them");
    for (auto& problem : gathered.problems)
        problem.code = "documents.not-locked";
    if (gathered.problems.empty())
        gathered.problems = requireVerified(workspace, rates);
    if (!gathered.problems.empty())
        return gathered;
    FolderEvaluation evaluation = workspace.evaluate(rates);
    if (!evaluation.ok() || !evaluation.folder) {
        gathered.problems = evaluation.diagnostics;
        if (!hasErrors(gathered.problems))
            gathered.problems.push_back(errorAt(locationOf(workspace),
                                                "the stored inputs do not evaluate: run "
                                                "`fairtender verify` on the workspace"));
        return gathered;
    }
    const LifecycleState state = workspace.state();
    if (state == LifecycleState::Awarded)
        if (const auto award = workspace.award();
            award && award->bidId != evaluation.result->winnerId.value_or("")) {
            gathered.problems.push_back(
                errorAt(locationOf(workspace),
                        "the award to " + award->bidId + " no longer matches the ranking (" +
                            evaluation.result->winnerId.value_or("no single bid") +
                            " is first): no document is made until the record is put right; run "
                            "verify"));
            return gathered;
        }
    gathered.content =
        LockedEvaluation{std::move(*evaluation.folder), std::move(*evaluation.result), state};
    return gathered;
}

Gathered<std::vector<InputFileHash>> storedInputHashes(const Workspace& workspace) {
    Gathered<std::vector<InputFileHash>> gathered;
    static std::atomic<unsigned> counter{0};
    std::random_device device;
    const fs::path folder =
        fs::temp_directory_path() /
        ("fairtender-hashes-" + std::to_string(device()) + "-" + std::to_string(counter++));
    std::error_code ignored;
    Diagnostics problems = workspace.exportToFolder(folder);
    if (hasErrors(problems)) {
        fs::remove_all(folder, ignored);
        gathered.problems = std::move(problems);
        return gathered;
    }
    std::vector<InputFileHash> hashes;
    std::vector<std::string> names;
    for (const auto& entry : fs::recursive_directory_iterator(folder, ignored))
        if (entry.is_regular_file())
            names.push_back(fs::relative(entry.path(), folder).generic_string());
    // tender.xml, then the bid files, then evaluations.xml: the order a reader checks them.
    const auto order = [](const std::string& name) {
        return name == "tender.xml" ? 0 : name.starts_with("bids/") ? 1 : 2;
    };
    std::sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
        return std::make_pair(order(a), a) < std::make_pair(order(b), b);
    });
    for (const auto& name : names) {
        const auto hash = sha256Hex(folder / name);
        if (!hash) {
            gathered.problems.push_back(
                errorAt(locationOf(workspace), "cannot read back the exported " + name));
            fs::remove_all(folder, ignored);
            return gathered;
        }
        hashes.push_back({name, *hash});
    }
    fs::remove_all(folder, ignored);
    gathered.content = std::move(hashes);
    return gathered;
}

Gathered<std::vector<InputFileHash>> scorecardInputs(const Workspace& workspace,
                                                     const LivingWageTable* rates) {
    // A scorecard is a record of the award: none is made from a workspace failing verify.
    if (Diagnostics broken = requireVerified(workspace, rates); !broken.empty()) {
        Gathered<std::vector<InputFileHash>> refused;
        refused.problems = std::move(broken);
        return refused;
    }
    return storedInputHashes(workspace);
}

bool resultsGiven(std::optional<LifecycleState> state) {
    return !state || *state == LifecycleState::Locked || *state == LifecycleState::Awarded;
}

std::optional<AwardSensitivity> documentedSensitivity(const TenderFolder& folder,
                                                      const EvaluationResult& result,
                                                      std::optional<LifecycleState> state,
                                                      const OddsSettings& odds) {
    if (!resultsGiven(state))
        return std::nullopt;
    if (std::none_of(result.bids.begin(), result.bids.end(),
                     [](const BidResult& bid) { return bid.status == BidStatus::Ranked; }))
        return std::nullopt;
    return analyseAward(folder.tender, folder.bids, folder.evaluations, result, odds);
}

RobustnessText robustnessText(const AwardSensitivity& s, const Tender& tender,
                              const EvaluationResult& result) {
    RobustnessText r;
    r.verdict = verdictText(s, result.rounding);
    r.clearWinner = s.clearWinner;
    const auto winnerText = [](const std::optional<std::string>& winner) {
        return winner ? *winner : std::string("tie");
    };
    const auto nodeName = [&](const std::string& id) {
        const ModelNode* node = findNode(tender.model, id);
        return node == nullptr ? id : node->displayName() + " (" + id + ")";
    };
    for (const auto* flips : byNearestFlip(s)) {
        WeightFlipLine line{
            nodeName(flips->nodeId), formatFixed(flips->weight, 2), "-", "", "-", ""};
        if (flips->down) {
            line.down = formatFixed(flips->down->weight, 2);
            line.downWinner = winnerText(flips->down->newWinner);
        }
        if (flips->up) {
            line.up = formatFixed(flips->up->weight, 2);
            line.upWinner = winnerText(flips->up->newWinner);
        }
        r.weightFlips.push_back(std::move(line));
    }
    for (const auto& flip : s.markFlips)
        r.markFlips.push_back({flip.bidId, nodeName(flip.criterionId), formatDecimal(flip.from),
                               formatDecimal(flip.to),
                               flip.newWinner ? *flip.newWinner : "tie for first place"});
    const auto& odds = s.odds;
    r.oddsMethod = std::to_string(odds.samples) + " samples, seed " + std::to_string(odds.seed) +
                   "; each draws the weights around the published ones (Dirichlet, a "
                   "coefficient of variation of about 10%) and moves each judgement value a "
                   "step up or down with probability " +
                   formatDecimal(odds.stepProbability) + " each";
    for (const auto& entry : odds.bids) {
        const BidResult* bid = result.findBid(entry.bidId);
        r.odds.push_back({entry.bidId, bid == nullptr ? std::string() : bid->supplierName,
                          formatFixed(entry.share * 100.0, 1) + "%", entry.share});
    }
    return r;
}

Gathered<AwardReportContent> gatherAwardReport(const Workspace& workspace,
                                               const LivingWageTable* rates) {
    Gathered<AwardReportContent> gathered;
    auto evaluated = evaluateLocked(workspace, rates, "the award report");
    if (!evaluated.ok()) {
        gathered.problems = std::move(evaluated.problems);
        return gathered;
    }
    const LockedEvaluation& e = *evaluated.content;
    const EvaluationResult& result = e.result;
    const Tender& tender = e.folder.tender;
    const int places = result.rounding;
    auto hashes = storedInputHashes(workspace);
    if (!hashes.ok()) {
        gathered.problems = std::move(hashes.problems);
        return gathered;
    }

    AwardReportContent c;
    c.tender = headingOf(tender, e.state);
    c.aggregation = toString(result.aggregation);
    addModelRows(tender.model.children, 0, tender, result, c.model);
    c.chartMaximum = pointsAvailable(result, tender);

    const auto columns = topLevelColumns(tender, result);
    for (const auto& column : columns)
        c.columns.push_back(column.node->displayName());
    for (const auto& bid : result.bids) {
        RankingRow row{bid.bidId,
                       bid.supplierName,
                       priceText(bid),
                       {},
                       totalText(bid, places),
                       rankText(bid),
                       std::string(toString(bid.status))};
        ChartBar bar{bid.bidId + " " + bid.supplierName, {}, totalText(bid, places)};
        for (const auto& column : columns) {
            const auto points = pointsIn(column, bid);
            row.columnPoints.push_back(points ? formatFixed(*points, places) : "-");
            bar.points.push_back(points.value_or(0));
        }
        if (bid.status == BidStatus::Excluded) {
            row.total = "-";
            std::string reason;
            for (const auto& words : exclusionReasonsInWords(bid, tender))
                reason += (reason.empty() ? "" : "; ") + words;
            c.exclusions.push_back({bid.bidId, bid.supplierName, reason});
        } else {
            c.chart.push_back(std::move(bar));
        }
        c.ranking.push_back(std::move(row));
    }

    if (const auto sensitivity = documentedSensitivity(e.folder, result, e.state))
        c.robustness = robustnessText(*sensitivity, tender, result);

    // The recommendation is the first-ranked bid; a standing award is always that bid
    // (evaluateLocked refuses a record where it is not).
    const auto award = e.state == LifecycleState::Awarded ? workspace.award() : std::nullopt;
    const std::optional<std::string> winnerId = result.winnerId;
    if (const BidResult* winner = winnerId ? result.findBid(*winnerId) : nullptr) {
        Recommendation r;
        r.bidId = winner->bidId;
        r.supplier = winner->supplierName;
        r.total = totalText(*winner, places);
        r.price = priceText(*winner);
        r.priceBasis = priceBasisOf(tender);
        if (tender.estimatedValue && tender.estimatedValue->isPositive() && winner->price) {
            const double estimate = tender.estimatedValue->pounds();
            const double percent = (*winner->price - estimate) / estimate * 100.0;
            const std::string shown = formatFixed(std::abs(percent), 1);
            r.versusEstimate =
                shown == "0.0"
                    ? "equal to the estimated value of " + tender.estimatedValue->toDisplayString()
                    : shown + (percent > 0 ? "% above" : "% below") + " the estimated value of " +
                          tender.estimatedValue->toDisplayString();
        }
        const auto runnerUp =
            std::find_if(result.bids.begin(), result.bids.end(), [&](const auto& b) {
                return b.status == BidStatus::Ranked && b.bidId != winner->bidId;
            });
        if (runnerUp != result.bids.end()) {
            r.runnerUpBidId = runnerUp->bidId;
            r.runnerUpSupplier = runnerUp->supplierName;
            r.runnerUpTotal = totalText(*runnerUp, places);
            r.runnerUpPrice = priceText(*runnerUp);
            if (winner->price && runnerUp->price) {
                const double difference = roundHalfAwayFromZero(*winner->price, 2) -
                                          roundHalfAwayFromZero(*runnerUp->price, 2);
                r.priceDifference = std::abs(difference) < 0.005
                                        ? "the same as the runner-up's"
                                        : formatPounds(std::abs(difference)) +
                                              (difference > 0 ? " more than the runner-up's"
                                                              : " less than the runner-up's");
            }
            r.margin = formatFixed(roundHalfAwayFromZero(winner->total, places) -
                                       roundHalfAwayFromZero(runnerUp->total, places),
                                   places);
            for (const auto& column : columns) {
                const double w = pointsIn(column, *winner).value_or(0);
                const double u = pointsIn(column, *runnerUp).value_or(0);
                r.comparison.push_back({column.node->displayName(), formatFixed(w, places),
                                        formatFixed(u, places),
                                        signedFixed(roundHalfAwayFromZero(w, places) -
                                                        roundHalfAwayFromZero(u, places),
                                                    places)});
            }
        }
        c.recommendation = std::move(r);
    }

    // Flags, each with what the panel did about it.
    const Evaluations& evaluations = e.folder.evaluations;
    const auto log = workspace.auditLog();
    const auto lowPrices = abnormallyLowPrices(result, evaluations, log);
    const auto lowPriceRow = [](const AbnormallyLowPrice& price) {
        return FlagRow{price.bidId, "abnormally-low", price.criterionId, price.finding,
                       price.resolution()};
    };
    for (const auto& bid : result.bids) {
        for (const auto& flag : bid.flags) {
            if (flag.kind == FlagKind::AbnormallyLow) {
                for (const auto& price : lowPrices)
                    if (price.bidId == bid.bidId)
                        c.flags.push_back(lowPriceRow(price));
                continue;
            }
            FlagRow row{
                bid.bidId, std::string(toString(flag.kind)), flag.criterionId, flag.detail, {}};
            if (flag.kind == FlagKind::EvaluatorSpread) {
                ++c.moderation.spreadsOverThreshold;
                if (const auto* consensus = evaluations.findConsensus(bid.bidId, flag.criterionId))
                    row.resolution = "consensus " + formatDecimal(consensus->value) +
                                     " agreed by " + consensus->moderator + ": " +
                                     consensus->reason;
                else
                    row.resolution = "no consensus recorded";
            } else if (flag.kind == FlagKind::Unmoderated) {
                row.resolution = "scored on the evaluators' mean";
            } else {
                row.resolution = "tie left to the panel";
            }
            c.flags.push_back(std::move(row));
        }
    }
    // A rejected abnormally low price excludes the bid; its decision is a resolution too.
    for (const auto& price : lowPrices)
        if (const BidResult* bid = result.findBid(price.bidId);
            bid == nullptr || !bid->hasFlag(FlagKind::AbnormallyLow))
            c.flags.push_back(lowPriceRow(price));

    // The panel and its declarations.
    const PanelRecord panel = workspace.panel();
    std::vector<std::string> names;
    for (const auto& member : panel.members)
        if (std::find(names.begin(), names.end(), member.name) == names.end())
            names.push_back(member.name);
    for (const auto& name : names) {
        PanelRow row{name, {}, {}};
        for (const auto& member : panel.members)
            if (member.name == name)
                row.roles += (row.roles.empty() ? "" : ", ") + std::string(toString(member.role));
        for (const auto& d : panel.declarations) {
            if (d.person != name)
                continue;
            row.declaration += (row.declaration.empty() ? "" : "; ") +
                               (d.bidId.empty() ? std::string("no conflict")
                                                : "conflict with " + d.bidId +
                                                      (d.details.empty() ? "" : ": " + d.details));
        }
        // Everyone on the panel declares before evaluation starts, the lead too.
        if (row.declaration.empty())
            row.declaration = "not declared";
        c.panel.push_back(std::move(row));
    }

    // Moderation: counts from the records, changes from the audit trail.
    c.moderation.individualScores = evaluations.scores.size();
    c.moderation.consensusScores = evaluations.consensus.size();
    c.moderation.reopenedScores = reopenedScores(log);
    for (const auto& change : consensusChanges(log))
        c.moderation.changes.push_back(
            {change.subject, change.actor, change.from, change.to, change.reason});

    // Community wealth, from what each bid declared.
    std::size_t declaredLocalSpend = 0;
    double localSpendSum = 0;
    std::map<std::string, std::size_t> ownership;
    for (const auto& bid : e.folder.bids) {
        CommunityWealthRow row;
        row.bidId = bid.id;
        row.supplier = bid.supplier.name;
        if (bid.localSpendPercent) {
            row.localSpend = formatDecimal(*bid.localSpendPercent) + "%";
            ++declaredLocalSpend;
            localSpendSum += *bid.localSpendPercent;
        } else {
            row.localSpend = "not declared";
        }
        row.ownership = toString(bid.supplier.ownership);
        row.sme = bid.supplier.sme ? (*bid.supplier.sme ? "yes" : "no") : "not declared";
        row.livingWage = livingWageStatus(bid, tender);
        ++ownership[row.ownership];
        c.communityWealth.push_back(std::move(row));
    }
    c.localSpendSummary =
        std::to_string(declaredLocalSpend) + " of " + std::to_string(e.folder.bids.size()) +
        " bids declared the share of contract spend kept in the local economy" +
        (declaredLocalSpend > 0
             ? "; their mean is " +
                   formatFixed(localSpendSum / static_cast<double>(declaredLocalSpend), 1) + "%"
             : "");
    for (const auto& [model, count] : ownership)
        c.ownership.push_back({model, count});

    c.inputs = std::move(*hashes.content);
    const WorkspaceStatus status = workspace.status();
    c.auditHeadHash = status.headHash;
    c.auditEntries = status.auditEntries;
    c.auditSignedBy = workspace.signingKey();
    c.verifyTarget = workspace.path().filename().string();
    if (award)
        c.award =
            AwardRecordText{award->bidId, award->noticeDate, award->standstillEnd, award->reason};
    for (const auto& event : workspace.awardHistory()) {
        AwardHistoryLine line;
        line.bidId = event.bidId;
        line.by = event.by;
        line.reason = event.reason;
        switch (event.kind) {
        case AwardEvent::Kind::Award:
            line.step = "Award";
            line.date = event.date;
            line.detail = "award notice; standstill ends at the end of " + event.standstillEnd;
            break;
        case AwardEvent::Kind::Exclusion:
            line.step = "Exclusion";
            line.date = event.date.empty() ? event.recordedAt.substr(0, 10) : event.date;
            line.detail = "excluded after the evaluation" +
                          (event.standstill.empty() ? "" : ", " + event.standstill);
            break;
        case AwardEvent::Kind::AwardFellAway:
            line.step = "Award fell away";
            line.date = event.recordedAt.substr(0, 10);
            line.detail = "the tender is locked again for a new award decision";
            break;
        }
        c.history.push_back(std::move(line));
    }
    for (const auto& bid : result.bids)
        if (bid.status == BidStatus::Ranked)
            for (auto& text : socialValueOf(bid, result, e.folder))
                c.socialValue.push_back(std::move(text));
    gathered.content = std::move(c);
    return gathered;
}

Gathered<std::vector<AssessmentSummaryContent>>
gatherAssessmentSummaries(const Workspace& workspace, const LivingWageTable* rates) {
    Gathered<std::vector<AssessmentSummaryContent>> gathered;
    auto evaluated = evaluateLocked(workspace, rates, "the assessment summaries");
    if (!evaluated.ok()) {
        gathered.problems = std::move(evaluated.problems);
        return gathered;
    }
    const LockedEvaluation& e = *evaluated.content;
    const auto award = e.state == LifecycleState::Awarded ? workspace.award() : std::nullopt;
    const BidResult* winner = e.result.winnerId ? e.result.findBid(*e.result.winnerId) : nullptr;
    std::optional<BidAssessment> winnerAssessment;
    if (winner != nullptr)
        winnerAssessment = assess(*winner, e.result, e.folder);
    std::vector<AssessmentSummaryContent> summaries;
    for (const auto& bid : e.result.bids) {
        AssessmentSummaryContent s;
        s.tender = headingOf(e.folder.tender, e.state);
        s.own = assess(bid, e.result, e.folder);
        // A bid excluded after the evaluation was scored: its summary gives those scores as
        // the evaluation stood before the exclusion, with the reason it was excluded.
        if (const auto* exclusion = e.folder.evaluations.findExclusion(bid.bidId)) {
            Evaluations before = e.folder.evaluations;
            std::erase_if(before.exclusions,
                          [&](const ExclusionAfterEvaluation& x) { return x.bidId == bid.bidId; });
            const EvaluationOutcome scored = evaluate(e.folder.tender, e.folder.bids, before);
            if (const BidResult* then = scored.result ? scored.result->findBid(bid.bidId) : nullptr;
                then != nullptr && then->status == BidStatus::Ranked) {
                TenderFolder asScored = e.folder;
                asScored.evaluations = before;
                s.own = assess(*then, *scored.result, asScored);
                s.own.status = "excluded";
                s.own.exclusionReason = bid.exclusionReason();
                s.own.exclusionReasons = {exclusion->reason};
                s.own.standing += " before it was excluded";
            }
            s.own.excludedAfterEvaluation = true;
            s.own.exclusionDate = exclusion->date ? exclusion->date->toString() : std::string();
        }
        if (winner != nullptr && winner->bidId != bid.bidId) {
            s.winner = winnerAssessment;
            for (auto& criterion : s.own.criteria)
                for (const auto& theirs : winnerAssessment->criteria)
                    if (theirs.id == criterion.id)
                        criterion.winnerPoints = theirs.points;
        }
        s.pointsAvailable =
            formatFixed(pointsAvailable(e.result, e.folder.tender), e.result.rounding);
        s.awardNotice = awardNoticeText(award);
        s.assessedTenders = e.result.rankedCount();
        summaries.push_back(std::move(s));
    }
    gathered.content = std::move(summaries);
    return gathered;
}

} // namespace fairtender
