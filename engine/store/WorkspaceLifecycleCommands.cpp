// The lead's commands over the tender: moving it on (and the award), replacing it in draft,
// importing bids while open, excluding a bid after the evaluation, and the bids as each
// member sees them.
#include "store/WorkspaceImpl.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace fairtender {

CommandOutcome Workspace::advance(const std::string& actor, LifecycleState to,
                                  const std::string& reason, const LivingWageTable* rates,
                                  const BankHolidays* holidays, std::optional<Date> noticeDate) {
    Impl& impl = *impl_;
    return impl.run(actor, [&](CommandOutcome& outcome) {
        const auto fail = refuser(outcome, impl.path);
        const PanelRecord panel = impl.readPanel();
        const LifecycleState from = impl.currentState();
        // Who may move the tender on; where to is the transition rules' to say.
        for (const auto& refused : actionRefusals(WorkspaceAction::Advance, panel, from, actor))
            if (refused.kind == ActionRefusal::Kind::Role)
                return fail(refused);
        if (!hasVisibleText(reason))
            return fail("say why the tender moves on");
        FolderLoad load = impl.rebuild(rates);
        if (!load.folder) {
            // Each error keeps its file, line and column: the model is what needs fixing.
            for (auto& problem : load.diagnostics)
                if (problem.severity == Severity::Error) {
                    problem.message =
                        "cannot move to " + std::string(toString(to)) + ": " + problem.message;
                    outcome.problems.push_back(std::move(problem));
                }
            if (outcome.ok())
                fail("the stored inputs do not read; run verify");
            return;
        }
        const TenderFolder& folder = *load.folder;
        EvaluationOutcome evaluated =
            fairtender::evaluate(folder.tender, folder.bids, folder.evaluations);
        const EvaluationResult* result =
            evaluated.result && !hasErrors(evaluated.diagnostics) ? &*evaluated.result : nullptr;
        const LifecycleFacts facts{folder.tender, folder.bids, folder.evaluations, panel, result};
        for (auto& blocker : transitionBlockers(from, to, facts))
            fail("cannot move to " + std::string(toString(to)) + ": " + blocker);
        if (!outcome.ok())
            return;
        for (auto& warning : transitionWarnings(from, to, facts))
            outcome.problems.push_back(
                warningAt({impl.path.string(), 0, 0},
                          "moving to " + std::string(toString(to)) + ": " + warning));
        std::optional<Date> end;
        if (to == LifecycleState::Awarded) {
            if (!noticeDate)
                return fail(ActionRefusal{ActionRefusal::Kind::Stage, "award.notice-date-missing",
                                          "give the day of the award notice"});
            if (const std::string problem = datedAfterLock(impl, *noticeDate, "the award notice");
                !problem.empty())
                return fail(problem);
            if (holidays == nullptr)
                return fail("the bank holiday list is needed to count the standstill period");
            end = standstillEnd(*noticeDate, *holidays);
            if (!end)
                return fail("the bank holiday list (" + std::to_string(holidays->firstYear) +
                            " to " + std::to_string(holidays->lastYear) +
                            ") does not cover the standstill period after " +
                            noticeDate->toString() + ": add the later years");
        }
        impl.insertRow(kLifecycleTable, {std::string(toString(to)), reason}, actor, reason, true);
        outcome.summary =
            "moved from " + std::string(toString(from)) + " to " + std::string(toString(to));
        if (end) {
            impl.insertRow(kAwardsTable,
                           {*result->winnerId, noticeDate->toString(), end->toString(), reason},
                           actor, reason);
            outcome.summary += ": awarded to " + *result->winnerId +
                               "; standstill ends at the "
                               "end of " +
                               end->toString();
        }
        // What the tender moves on with: the lifecycle rows change nothing it is computed from.
        impl.recordResults(actor, folder.tender.id, evaluated);
    });
}

CommandOutcome Workspace::recordSensitivity(const std::string& actor, const OddsSettings& odds,
                                            const std::string& reason,
                                            const LivingWageTable* rates) {
    Impl& impl = *impl_;
    return impl.run(actor, [&](CommandOutcome& outcome) {
        const auto fail = refuser(outcome, impl.path);
        const PanelRecord panel = impl.readPanel();
        const LifecycleState state = impl.currentState();
        if (const auto refused =
                actionRefusals(WorkspaceAction::RecordSensitivity, panel, state, actor);
            !refused.empty())
            return fail(refused.front());
        if (odds.samples == 0 || odds.samples > kMostRecordedSamples)
            return fail("a recorded run takes from 1 to " + std::to_string(kMostRecordedSamples) +
                        " samples (verify runs it again); " + std::to_string(odds.samples) +
                        " were asked for");
        FolderLoad load = impl.rebuild(rates);
        if (!load.folder)
            return fail("the stored inputs do not read; run verify");
        AwardSensitivity sensitivity;
        const std::string text = sensitivityText(*load.folder, odds, &sensitivity);
        if (!sensitivity.clearWinner && !hasVisibleText(reason))
            return fail(verdictText(sensitivity, load.folder->tender.model.rounding) +
                        ": give the reason with the record");
        impl.append(actor, kSensitivityAction, load.folder->tender.id, text,
                    hasVisibleText(reason) ? reason : "how robust the award is, before the award");
        outcome.summary = "recorded how robust the award is: " +
                          verdictText(sensitivity, load.folder->tender.model.rounding) + " (" +
                          std::to_string(odds.samples) + " samples, seed " +
                          std::to_string(odds.seed) + ")";
    });
}

CommandOutcome Workspace::replaceTender(const std::string& actor, const std::string& tenderXml,
                                        const std::string& reason, const LivingWageTable* rates) {
    Impl& impl = *impl_;
    return impl.run(actor, [&](CommandOutcome& outcome) {
        const auto fail = refuser(outcome, impl.path);
        const PanelRecord panel = impl.readPanel();
        const LifecycleState state = impl.currentState();
        for (const auto& refused :
             actionRefusals(WorkspaceAction::ReplaceTender, panel, state, actor)) {
            if (refused.kind == ActionRefusal::Kind::Role)
                return fail(refused);
            // The stage refusal, told with when and by whom the model froze.
            std::string since;
            if (const auto opened = impl.entryReaching(LifecycleState::Open))
                since =
                    " since the tender opened on " + opened->time + " (by " + opened->actor + ")";
            return fail("the evaluation model is frozen" + since + "; the tender is " +
                        std::string(toString(state)) +
                        ": the tender can only be replaced in draft");
        }
        if (!hasVisibleText(reason))
            return fail("say why the tender is replaced");
        FolderLoad load = impl.rebuild(rates, &tenderXml);
        for (auto& problem : load.diagnostics)
            if (problem.severity == Severity::Error)
                outcome.problems.push_back(std::move(problem));
        if (!outcome.ok() || !load.folder)
            return;
        const auto earlier = impl.currentTender();
        const Tender& tender = load.folder->tender;
        impl.insertRow(kTenderTable, {tender.id, tender.title, tenderXml}, actor, reason, true,
                       earlier ? rowText(kTenderTable, earlier->values) : std::string());
        impl.recordResults(actor, rates);
        outcome.summary =
            "tender " + tender.id + " replaced (tender.xml SHA-256 " + sha256HexOf(tenderXml) + ")";
    });
}

namespace {

bool isBidFileName(const std::string& name) {
    if (name.empty() || name.front() == '.' || name.size() < 5)
        return false;
    std::string extension = name.substr(name.size() - 4);
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".xml";
}

} // namespace

CommandOutcome Workspace::importBids(const std::string& actor, const std::vector<fs::path>& files,
                                     const LivingWageTable* rates, const ImportProgress& progress) {
    Impl& impl = *impl_;
    return impl.run(actor, [&](CommandOutcome& outcome) {
        const auto fail = refuser(outcome, impl.path);
        if (const auto refused = actionRefusals(WorkspaceAction::ImportBids, impl.readPanel(),
                                                impl.currentState(), actor);
            !refused.empty())
            return fail(refused.front());
        if (files.empty())
            return fail("give at least one bid file");
        FolderLoad load = impl.rebuild(rates);
        if (!load.folder)
            return fail("the stored inputs do not read; run verify");
        TenderFolder& folder = *load.folder;
        std::map<std::string, fs::path> names; // file name in bids/ -> where it came from
        for (const auto& row : impl.readRows(kBidDocumentsTable))
            names.emplace(row.values[0], fs::path());
        struct Document {
            std::string name;
            std::string bytes;
            std::vector<std::string> ids;
        };
        std::vector<Document> documents;
        Diagnostics& problems = outcome.problems;
        for (std::size_t i = 0; i < files.size(); ++i) {
            const fs::path& file = files[i];
            const std::string name = file.filename().string();
            const std::string shown = "bids/" + name;
            std::error_code missing;
            const bool exists = fs::exists(file, missing);
            const auto [earlier, added] =
                exists ? names.emplace(name, file) : std::make_pair(names.end(), true);
            if (!exists) {
                problems.push_back(errorAt({file.string(), 0, 0},
                                           "no such file or folder: check the path, or give the "
                                           "folder that holds the bid files"));
            } else if (!isBidFileName(name)) {
                problems.push_back(
                    errorAt({file.string(), 0, 0}, "is not a bid file: bid files are named *.xml"));
            } else if (!added) {
                problems.push_back(
                    errorAt({shown, 0, 0},
                            earlier->second.empty()
                                ? "a bid file of this name is already stored in the workspace: "
                                  "rename " +
                                      file.string() + " if it holds other bids"
                                : "is given twice in this batch (" + earlier->second.string() +
                                      " and " + file.string() + "): import each file once"));
            } else if (auto bytes = readFileBytes(file); !bytes) {
                problems.push_back(
                    errorAt({file.string(), 0, 0}, "cannot read " + file.string() +
                                                       ": check that it is a file you may read"));
            } else if (auto bids = parseBids(*bytes, shown, problems)) {
                Document& document = documents.emplace_back(Document{name, std::move(*bytes), {}});
                for (auto& bid : *bids) {
                    document.ids.push_back(bid.id);
                    folder.bids.push_back(std::move(bid));
                }
            }
            if (progress)
                progress(i + 1, files.size());
        }
        // Across files as for a folder: duplicate ids against the stored bids, the tender id,
        // measures and gates the tender knows. A folder skips this after a broken file, lest
        // the evaluations naming its bids mislead; here the evaluations name only stored bids,
        // so the files that did read are checked too and every problem is reported at once.
        checkConsistency(folder, problems);
        if (!outcome.ok())
            return;
        std::size_t bids = 0;
        for (const auto& document : documents) {
            impl.insertBidDocument(document.name, document.ids, document.bytes, actor,
                                   "imported while the tender is open");
            bids += document.ids.size();
        }
        impl.recordResults(actor, rates);
        outcome.summary = "imported " + std::to_string(bids) + " bids from " +
                          std::to_string(documents.size()) + " files";
    });
}

CommandOutcome Workspace::excludeAfterEvaluation(const std::string& actor, const std::string& bidId,
                                                 const std::string& reason,
                                                 const LivingWageTable* rates,
                                                 std::optional<Date> decidedOn, bool withdrawn) {
    Impl& impl = *impl_;
    return impl.run(actor, [&](CommandOutcome& outcome) {
        const auto fail = refuser(outcome, impl.path);
        const LifecycleState state = impl.currentState();
        if (const auto refused =
                actionRefusals(WorkspaceAction::Exclude, impl.readPanel(), state, actor);
            !refused.empty())
            return fail(refused.front());
        if (!hasVisibleText(reason))
            return fail("say why the bid is excluded");
        const Date day = decidedOn.value_or(impl.today());
        if (const std::string problem = datedAfterLock(impl, day, "the exclusion");
            !problem.empty())
            return fail(problem);
        FolderLoad load = impl.rebuild(rates);
        if (!load.folder)
            return fail("the stored inputs do not read; run verify");
        const auto& bids = load.folder->bids;
        if (std::none_of(bids.begin(), bids.end(), [&](const Bid& b) { return b.id == bidId; }))
            return fail("no bid " + bidId);
        if (const auto* earlier = load.folder->evaluations.findExclusion(bidId))
            return fail(bidId + " is already excluded after the evaluation (" + earlier->reason +
                        ")");
        const auto before =
            fairtender::evaluate(load.folder->tender, bids, load.folder->evaluations);
        if (before.result)
            if (const BidResult* bid = before.result->findBid(bidId);
                bid != nullptr && bid->status == BidStatus::Excluded)
                return fail(bidId + " is already excluded: " + bid->exclusionReason());
        const auto awarded = impl.readRows(kAwardsTable);
        const bool holdsAward = state == LifecycleState::Awarded && !awarded.empty() &&
                                awarded.back().values[0] == bidId;
        if (holdsAward)
            if (const auto notice = Date::parse(awarded.back().values[1]); notice && day < *notice)
                return fail("the exclusion date " + day.toString() +
                            " is before the award notice of " + notice->toString() +
                            ": a bid is excluded from an award only after it was made");
        impl.insertRow(kExclusionsTable,
                       {bidId, reason, day.toString(), withdrawn ? "true" : std::string()}, actor,
                       reason);

        FolderLoad after = impl.rebuild(rates);
        std::optional<EvaluationOutcome> ranked;
        if (after.folder)
            ranked = fairtender::evaluate(after.folder->tender, after.folder->bids,
                                          after.folder->evaluations);
        const EvaluationResult* result = ranked && ranked->result && !hasErrors(ranked->diagnostics)
                                             ? &*ranked->result
                                             : nullptr;
        outcome.summary = bidId + " excluded after the evaluation";
        if (holdsAward) {
            const auto standstillEnd = Date::parse(awarded.back().values[2]);
            outcome.summary += standstillEnd && day > *standstillEnd
                                   ? " on " + day.toString() + ", after the standstill ended on " +
                                         standstillEnd->toString()
                                   : " on " + day.toString() + ", during the standstill";
        }
        if (result != nullptr && result->winnerId) {
            const BidResult* first = result->findBid(*result->winnerId);
            outcome.summary += "; " + *result->winnerId + " is now ranked first with " +
                               formatFixed(first->total, result->rounding);
        } else {
            outcome.summary += "; no single bid is now ranked first";
        }
        // An award stands only while its bid is still the single first-ranked bid. When it
        // no longer is, the award falls away and the tender is locked again: the next award
        // is the lead's own decision, with its own reason, notice date and standstill.
        const bool awardStands = state == LifecycleState::Awarded && !holdsAward &&
                                 result != nullptr && result->winnerId &&
                                 *result->winnerId == awarded.back().values[0];
        if (state == LifecycleState::Awarded && !awardStands) {
            const std::string fallen = awarded.back().values[0];
            impl.insertRow(kLifecycleTable,
                           {std::string(toString(LifecycleState::Locked)),
                            "the award to " + fallen + " falls away: " + bidId +
                                " excluded after the evaluation (" + reason + ")"},
                           actor, reason, true);
            outcome.summary += "; the award to " + fallen +
                               " falls away and the tender is locked again for a new award "
                               "decision";
        }
        impl.recordResults(actor, rates);
    });
}

std::vector<BidView> Workspace::bidViewsFor(const std::string& viewer, bool anonymous,
                                            const LivingWageTable* rates) const {
    const PanelRecord panel = impl_->readPanel();
    const auto role = viewerRole(panel, viewer);
    FolderLoad load = impl_->rebuild(rates);
    if (!role || !load.folder)
        return {};
    return bidViews(load.folder->bids, *role, impl_->currentState(), anonymous);
}

std::vector<BidView> Workspace::bidViewsOf(const TenderFolder& folder, const PanelRecord& panel,
                                           LifecycleState state, const std::string& viewer,
                                           bool anonymous) {
    const auto role = viewerRole(panel, viewer);
    if (!role)
        return {};
    return bidViews(folder.bids, *role, state, anonymous);
}

} // namespace fairtender
