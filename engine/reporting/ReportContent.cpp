#include "reporting/ReportContent.h"

#include "core/Decimal.h"
#include "core/FileHash.h"
#include "core/Money.h"
#include "store/Workspace.h"

#include <algorithm>
#include <atomic>
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

// The value of `name="..."` in a stored row's text, as the audit log records it.
std::string fieldOf(const std::string& rowText, const std::string& name) {
    const std::string key = name + "=\"";
    std::size_t at = 0;
    while ((at = rowText.find(key, at)) != std::string::npos) {
        if (at == 0 || rowText[at - 1] == ' ')
            break;
        ++at;
    }
    if (at == std::string::npos)
        return {};
    std::string value;
    for (std::size_t i = at + key.size(); i < rowText.size(); ++i) {
        if (rowText[i] == '\\' && i + 1 < rowText.size()) {
            value += rowText[++i];
            continue;
        }
        if (rowText[i] == '"')
            break;
        value += rowText[i];
    }
    return value;
}

std::string firstWord(const std::string& text) {
    return text.substr(0, text.find(' '));
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

BidAssessment assess(const BidResult& bid, const LockedEvaluation& e) {
    const auto& result = e.result;
    const auto& tender = e.folder.tender;
    BidAssessment a;
    a.bidId = bid.bidId;
    a.supplier = bid.supplierName;
    a.status = toString(bid.status);
    a.rank = bid.rank ? std::to_string(*bid.rank) : "";
    a.total = totalText(bid, result.rounding);
    a.exclusionReason = bid.exclusionReason();
    a.notes = bid.notes;
    const Bid* input = findBid(e.folder, bid.bidId);
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
                        e.folder.evaluations.findConsensus(bid.bidId, leaf.criterionId))
                    c.reason = consensus->reason;
        } else {
            c.figure = "-";
            c.score = "-";
            c.points = "-";
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

Diagnostics requireLockedOrAwarded(const Workspace& workspace, const std::string& what,
                                   const std::string& howToLock) {
    const LifecycleState state = workspace.state();
    if (state == LifecycleState::Locked || state == LifecycleState::Awarded)
        return {};
    const std::string message = what +
                                " is made once the results are locked; this tender is at the " +
                                std::string(toString(state)) + " stage: finish it and " + howToLock;
    return {errorAt(locationOf(workspace), message)};
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
    gathered.problems =
        requireLockedOrAwarded(workspace, what,
                               "run `fairtender advance " + workspace.path().filename().string() +
                                   " --to locked --reason TEXT --as NAME`");
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
    gathered.content = LockedEvaluation{std::move(*evaluation.folder),
                                        std::move(*evaluation.result), workspace.state()};
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
            c.exclusions.push_back({bid.bidId, bid.supplierName, bid.exclusionReason()});
        } else {
            c.chart.push_back(std::move(bar));
        }
        c.ranking.push_back(std::move(row));
    }

    // The recommendation: the recorded award when there is one, else the first-ranked bid.
    const auto award = workspace.award();
    const std::optional<std::string> winnerId =
        award ? std::optional(award->bidId) : result.winnerId;
    if (const BidResult* winner = winnerId ? result.findBid(*winnerId) : nullptr) {
        Recommendation r;
        r.bidId = winner->bidId;
        r.supplier = winner->supplierName;
        r.total = totalText(*winner, places);
        const auto runnerUp =
            std::find_if(result.bids.begin(), result.bids.end(), [&](const auto& b) {
                return b.status == BidStatus::Ranked && b.bidId != winner->bidId;
            });
        if (runnerUp != result.bids.end()) {
            r.runnerUpBidId = runnerUp->bidId;
            r.runnerUpSupplier = runnerUp->supplierName;
            r.runnerUpTotal = totalText(*runnerUp, places);
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
    const auto log = workspace.auditLog();
    std::map<std::string, std::string> decidedBy; // bid -> who decided the abnormally low price
    for (const auto& entry : log)
        if (entry.action == "abnormally-low.decide" ||
            entry.action == "abnormally-low-decision.import")
            decidedBy[firstWord(entry.subject)] = entry.actor;
    const Evaluations& evaluations = e.folder.evaluations;
    for (const auto& bid : result.bids) {
        for (const auto& flag : bid.flags) {
            FlagRow row{
                bid.bidId, std::string(toString(flag.kind)), flag.criterionId, flag.detail, {}};
            if (flag.kind == FlagKind::AbnormallyLow) {
                if (const auto* d = evaluations.findAbnormallyLowDecision(bid.bidId)) {
                    const auto who = decidedBy.find(bid.bidId);
                    row.resolution = std::string(d->accept ? "accepted" : "rejected") +
                                     (who != decidedBy.end() ? " by " + who->second : "") + ": " +
                                     d->reason;
                } else {
                    row.resolution = "no decision recorded";
                }
            } else if (flag.kind == FlagKind::EvaluatorSpread) {
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
    for (const auto& d : evaluations.abnormallyLowDecisions) {
        const bool listed = std::any_of(c.flags.begin(), c.flags.end(), [&](const FlagRow& f) {
            return f.bidId == d.bidId && f.kind == "abnormally-low";
        });
        if (listed)
            continue;
        const auto who = decidedBy.find(d.bidId);
        c.flags.push_back({d.bidId,
                           "abnormally-low",
                           {},
                           "price examined as abnormally low",
                           std::string(d.accept ? "accepted" : "rejected") +
                               (who != decidedBy.end() ? " by " + who->second : "") + ": " +
                               d.reason});
    }

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
    for (const auto& entry : log) {
        if (entry.action == "score.reopen")
            ++c.moderation.reopenedScores;
        if ((entry.action == "consensus.set" || entry.action == "consensus.import") &&
            !entry.before.empty())
            c.moderation.changes.push_back({entry.subject, entry.actor,
                                            fieldOf(entry.before, "value"),
                                            fieldOf(entry.after, "value"), entry.reason});
    }

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
    c.workspaceFile = workspace.path().filename().string();
    if (award)
        c.award =
            AwardRecordText{award->bidId, award->noticeDate, award->standstillEnd, award->reason};
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
    const auto award = workspace.award();
    const std::optional<std::string> winnerId =
        award ? std::optional(award->bidId) : e.result.winnerId;
    const BidResult* winner = winnerId ? e.result.findBid(*winnerId) : nullptr;
    std::optional<BidAssessment> winnerAssessment;
    if (winner != nullptr)
        winnerAssessment = assess(*winner, e);
    std::vector<AssessmentSummaryContent> summaries;
    for (const auto& bid : e.result.bids) {
        AssessmentSummaryContent s;
        s.tender = headingOf(e.folder.tender, e.state);
        s.own = assess(bid, e);
        if (winner != nullptr && winner->bidId != bid.bidId)
            s.winner = winnerAssessment;
        s.pointsAvailable =
            formatFixed(pointsAvailable(e.result, e.folder.tender), e.result.rounding);
        s.awardNotice = awardNoticeText(award);
        summaries.push_back(std::move(s));
    }
    gathered.content = std::move(summaries);
    return gathered;
}

} // namespace fairtender
