// The panel's commands: the panel and its declarations, scoring and reopening, what each
// member may read of the scores, moderation and the abnormally low prices.
#include "store/WorkspaceImpl.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace fairtender {

CommandOutcome Workspace::addPanelMember(const std::string& actor, const std::string& name,
                                         PanelRole role) {
    Impl& impl = *impl_;
    return impl.run(actor, [&](CommandOutcome& outcome) {
        const PanelRecord panel = impl.readPanel();
        const LifecycleState state = impl.currentState();
        std::vector<std::string> names;
        for (const auto& member : panel.members)
            names.push_back(member.name);
        if (const auto problem = panelNameProblem(name))
            outcome.problems.push_back(refusal(impl.path, *problem));
        else if (const auto twin = lookAlikeOf(name, names))
            outcome.problems.push_back(refusal(
                impl.path, "\"" + name + "\" cannot be told apart from \"" + *twin +
                               "\", already on the panel: it differs only by look-alike or "
                               "invisible characters, spacing or case; use the same name for "
                               "the same person, or tell two people apart in a way that shows"));
        else if (const auto refused =
                     actionRefusals(WorkspaceAction::AddPanelMember, panel, state, actor);
                 !refused.empty())
            outcome.problems.push_back(refusal(impl.path, refused.front()));
        else if (panel.hasRole(name, role))
            outcome.problems.push_back(
                refusal(impl.path, name + " is already a " + std::string(toString(role))));
        if (!outcome.ok())
            return;
        impl.insertRow(kPanelTable, {name, std::string(toString(role))}, actor,
                       "added to the panel");
        outcome.summary = name + " added to the panel as " + std::string(toString(role));
    });
}

CommandOutcome Workspace::declareInterests(const std::string& actor,
                                           const std::vector<ConflictDeclaration>& conflicts,
                                           const LivingWageTable* rates) {
    Impl& impl = *impl_;
    return impl.run(actor, [&](CommandOutcome& outcome) {
        const PanelRecord panel = impl.readPanel();
        // Once locked, a conflict declared would take scores out of results already locked.
        if (const auto refused = actionRefusals(WorkspaceAction::DeclareInterests, panel,
                                                impl.currentState(), actor);
            !refused.empty()) {
            outcome.problems.push_back(refusal(impl.path, refused.front()));
            return;
        }
        std::set<std::string> bids;
        for (const auto& row : impl.readRows(kBidDocumentsTable)) {
            std::istringstream ids(row.values[1]);
            std::string id;
            while (ids >> id)
                bids.insert(id);
        }
        for (const auto& c : conflicts) {
            if (bids.count(c.bidId) == 0)
                outcome.problems.push_back(refusal(impl.path, "no bid " + c.bidId));
            else if (c.details.empty())
                outcome.problems.push_back(
                    refusal(impl.path, "say what the conflict with " + c.bidId + " is"));
        }
        if (!outcome.ok())
            return;
        if (conflicts.empty()) {
            impl.insertRow(kDeclarationsTable, {actor, "", "no conflict of interest"}, actor,
                           "declaration of interests");
            outcome.summary = actor + " declared no conflict of interest";
            return;
        }
        for (const auto& c : conflicts)
            impl.insertRow(kDeclarationsTable, {actor, c.bidId, c.details}, actor,
                           "declaration of interests");
        impl.recordResults(actor, rates);
        outcome.summary =
            actor + " declared " + std::to_string(conflicts.size()) + " conflict(s) of interest";
    });
}

CommandOutcome Workspace::submitScore(const std::string& actor, const std::string& bidId,
                                      const std::string& criterionId, double value,
                                      const std::string& reason, const LivingWageTable* rates) {
    return submitScores(actor, {{bidId, criterionId, value, reason, {}}}, rates);
}

CommandOutcome Workspace::submitScores(const std::string& actor,
                                       const std::vector<ScoreSubmission>& scores,
                                       const LivingWageTable* rates) {
    Impl& impl = *impl_;
    return impl.run(actor, [&](CommandOutcome& outcome) {
        const auto fail = refuser(outcome, impl.path);
        const PanelRecord panel = impl.readPanel();
        const LifecycleState state = impl.currentState();
        FolderLoad load = impl.rebuild(rates);
        if (!load.folder)
            return fail("the stored inputs do not read; run verify");
        // Who may score; the stage is checked score by score below, since during moderation
        // only a score the lead reopened may be given.
        for (const auto& refused : actionRefusals(WorkspaceAction::Score, panel, state, actor))
            if (refused.kind != ActionRefusal::Kind::Stage)
                return fail(refused);
        if (scores.empty())
            return fail("no scores to record");
        // A score reopened by the lead may be given again during moderation.
        std::set<std::pair<std::string, std::string>> reopened;
        for (const auto& row : impl.readRows(kReopeningsTable))
            if (row.values[2] == actor)
                reopened.emplace(row.values[0], row.values[1]);
        std::set<std::pair<std::string, std::string>> submitted;
        for (const auto& score : load.folder->evaluations.scores)
            if (score.evaluator == actor)
                submitted.emplace(score.bidId, score.criterionId);
        const JudgementsNeeded needed(load.folder->tender, load.folder->bids);
        std::set<std::pair<std::string, std::string>> batch;
        for (const auto& score : scores) {
            const auto refuse = [&](std::string message) {
                outcome.problems.push_back(score.where.file.empty()
                                               ? refusal(impl.path, std::move(message))
                                               : errorAt(score.where, std::move(message)));
            };
            const auto pair = std::make_pair(score.bidId, score.criterionId);
            const bool done = submitted.count(pair) != 0;
            if (const auto* c = panel.conflict(actor, score.bidId))
                refuse(actor + " declared a conflict of interest with " + score.bidId + " (" +
                       c->details + ") and cannot score it");
            else if (state != LifecycleState::Evaluation &&
                     !(state == LifecycleState::Moderation && reopened.count(pair) != 0 && !done))
                refuse("scores are given during evaluation; the tender is " +
                       std::string(toString(state)));
            else if (!hasVisibleText(score.reason))
                refuse("a score needs a written reason");
            else if (!needed.contains(score.bidId, score.criterionId))
                refuse(score.bidId + " " + score.criterionId +
                       " is not a bid and judgement criterion the panel scores");
            else if (const std::string problem =
                         scoreScaleProblem(load.folder->tender, score.criterionId, score.value);
                     !problem.empty())
                refuse(problem);
            else if (done)
                refuse(actor + " already submitted a score for " + score.bidId + " " +
                       score.criterionId + ": a submitted score is locked; the lead may reopen it");
            else if (!batch.insert(pair).second)
                refuse(score.bidId + " " + score.criterionId + " is scored twice");
        }
        if (!outcome.ok())
            return;
        for (const auto& score : scores)
            impl.insertRow(kScoresTable,
                           {score.bidId, score.criterionId, actor, exactDecimalText(score.value),
                            score.reason},
                           actor, "score submitted", true);
        const ScoreSubmission& only = scores.front();
        outcome.summary = scores.size() == 1
                              ? actor + " scored " + only.bidId + " " + only.criterionId + " " +
                                    exactDecimalText(only.value)
                              : actor + " submitted " + std::to_string(scores.size()) + " scores";
    });
}

CommandOutcome Workspace::reopenScore(const std::string& actor, const std::string& bidId,
                                      const std::string& criterionId, const std::string& evaluator,
                                      const std::string& reason) {
    Impl& impl = *impl_;
    return impl.run(actor, [&](CommandOutcome& outcome) {
        const auto fail = refuser(outcome, impl.path);
        const LifecycleState state = impl.currentState();
        if (const auto refused =
                actionRefusals(WorkspaceAction::ReopenScore, impl.readPanel(), state, actor);
            !refused.empty())
            return fail(refused.front());
        if (!hasVisibleText(reason))
            return fail("reopening a score needs a reason");
        std::set<std::string> reopened;
        for (const auto& row : impl.readRows(kReopeningsTable))
            reopened.insert(row.values[3]);
        for (const auto& row : impl.readRows(kScoresTable)) {
            const auto& v = row.values;
            if (v[0] != bidId || v[1] != criterionId || v[2] != evaluator ||
                reopened.count(std::to_string(row.position)) != 0)
                continue;
            impl.insertRow(kReopeningsTable,
                           {bidId, criterionId, evaluator, std::to_string(row.position), reason},
                           actor, reason, false, rowText(kScoresTable, v));
            outcome.summary = evaluator + "'s score for " + bidId + " " + criterionId +
                              " reopened; the original stays in the trail";
            return;
        }
        fail(evaluator + " has no submitted score for " + bidId + " " + criterionId);
    });
}

namespace {

// scoresSeenBy's rule, shared with ScoresSeenGrid: the scores on one pair when `role` may
// read them (an evaluator only after scoring it), else why not.
ScoresSeen seenUnder(const std::optional<PanelRole>& role, const fs::path& file,
                     const std::string& viewer, const std::string& bidId,
                     const std::string& criterionId,
                     const std::vector<const EvaluatorScore*>& scores) {
    ScoresSeen seen;
    if (!role) {
        seen.refused.push_back(refusal(file, viewer + " is not on the panel"));
        return seen;
    }
    const bool own = std::any_of(scores.begin(), scores.end(),
                                 [&](const auto* s) { return s->evaluator == viewer; });
    if (!mayReadOthersScores(*role, own)) {
        seen.refused.push_back(refusal(file, viewer + " cannot read the other scores for " + bidId +
                                                 " " + criterionId +
                                                 " before submitting their own"));
        return seen;
    }
    seen.scores.reserve(scores.size());
    for (const auto* s : scores)
        seen.scores.push_back(*s);
    return seen;
}

std::string pairKey(const std::string& bidId, const std::string& criterionId) {
    std::string key;
    key.reserve(bidId.size() + 1 + criterionId.size());
    key += bidId;
    key += '\n';
    key += criterionId;
    return key;
}

} // namespace

ScoresSeen Workspace::scoresSeenBy(const std::string& viewer, const std::string& bidId,
                                   const std::string& criterionId) const {
    Impl& impl = *impl_;
    const PanelRecord panel = impl.readPanel();
    const auto role = viewerRole(panel, viewer);
    if (!role)
        return seenUnder(role, impl.path, viewer, bidId, criterionId, {});
    TenderFolder folder;
    Diagnostics ignored;
    impl.readEvaluations(folder, ignored);
    return seenUnder(role, impl.path, viewer, bidId, criterionId,
                     folder.evaluations.scoresFor(bidId, criterionId));
}

ScoresSeenGrid Workspace::scoresSeenByAll(const std::string& viewer) const {
    Impl& impl = *impl_;
    ScoresSeenGrid grid;
    grid.file_ = impl.path;
    grid.viewer_ = viewer;
    grid.role_ = viewerRole(impl.readPanel(), viewer);
    if (!grid.role_)
        return grid;
    TenderFolder folder;
    Diagnostics ignored;
    impl.readEvaluations(folder, ignored);
    for (auto& score : folder.evaluations.scores) {
        auto& pair = grid.scores_[pairKey(score.bidId, score.criterionId)];
        pair.push_back(std::move(score));
    }
    return grid;
}

ScoresSeenGrid Workspace::scoresSeenIn(const TenderFolder& folder, const PanelRecord& panel,
                                       const std::string& viewer) const {
    ScoresSeenGrid grid;
    grid.file_ = impl_->path;
    grid.viewer_ = viewer;
    grid.role_ = viewerRole(panel, viewer);
    if (!grid.role_)
        return grid;
    for (const auto& score : folder.evaluations.scores)
        grid.scores_[pairKey(score.bidId, score.criterionId)].push_back(score);
    return grid;
}

ScoresSeen ScoresSeenGrid::at(const std::string& bidId, const std::string& criterionId) const {
    std::vector<const EvaluatorScore*> scores;
    if (role_)
        if (const auto found = scores_.find(pairKey(bidId, criterionId)); found != scores_.end())
            for (const auto& score : found->second)
                scores.push_back(&score);
    return seenUnder(role_, file_, viewer_, bidId, criterionId, scores);
}

std::vector<ModerationItem> Workspace::moderationAgenda(const LivingWageTable* rates) const {
    FolderLoad load = impl_->rebuild(rates);
    if (!load.folder)
        return {};
    return moderationAgendaOf(*load.folder);
}

std::vector<ModerationItem> Workspace::moderationAgendaOf(const TenderFolder& folder) {
    std::vector<ModerationItem> items;
    // The scores and consensus indexed by bid and criterion once: a large tender has
    // hundreds of thousands of items, and searching every score for each would not end.
    std::unordered_map<std::string, std::vector<const EvaluatorScore*>> scoresOf;
    for (const auto& s : folder.evaluations.scores)
        scoresOf[pairKey(s.bidId, s.criterionId)].push_back(&s);
    std::unordered_map<std::string, const ConsensusScore*> consensusOf;
    for (const auto& c : folder.evaluations.consensus)
        consensusOf.try_emplace(pairKey(c.bidId, c.criterionId), &c);
    const std::vector<const EvaluatorScore*> none;
    for (const auto& need : judgementsNeeded(folder.tender, folder.bids)) {
        ModerationItem item;
        item.bidId = need.bidId;
        item.criterionId = need.criterionId;
        const std::string key = pairKey(need.bidId, need.criterionId);
        const auto scored = scoresOf.find(key);
        double low = 0;
        double high = 0;
        double sum = 0;
        for (const auto* s : scored != scoresOf.end() ? scored->second : none) {
            low = item.scores.empty() ? s->value : std::min(low, s->value);
            high = item.scores.empty() ? s->value : std::max(high, s->value);
            sum += s->value;
            item.scores.push_back(*s);
        }
        if (!item.scores.empty())
            item.mean = sum / static_cast<double>(item.scores.size());
        item.spread = high - low;
        if (const ModelNode* node = findNode(folder.tender.model, need.criterionId)) {
            const auto& c = node->criterion;
            item.threshold = c.spreadPercent.value_or(folder.tender.model.defaultSpreadPercent) /
                             100.0 * c.scaleMax;
        }
        item.overThreshold = item.spread > item.threshold + 1e-9;
        if (const auto c = consensusOf.find(key); c != consensusOf.end())
            item.consensus = *c->second;
        items.push_back(std::move(item));
    }
    std::stable_partition(items.begin(), items.end(),
                          [](const ModerationItem& i) { return i.overThreshold; });
    return items;
}

CommandOutcome Workspace::setConsensus(const std::string& actor, const std::string& bidId,
                                       const std::string& criterionId, double value,
                                       const std::string& reason, const std::string& changeReason,
                                       const LivingWageTable* rates) {
    Impl& impl = *impl_;
    return impl.run(actor, [&](CommandOutcome& outcome) {
        const auto fail = refuser(outcome, impl.path);
        const PanelRecord panel = impl.readPanel();
        const LifecycleState state = impl.currentState();
        FolderLoad load = impl.rebuild(rates);
        if (!load.folder)
            return fail("the stored inputs do not read; run verify");
        if (const auto refused = actionRefusals(WorkspaceAction::SetConsensus, panel, state, actor);
            !refused.empty())
            return fail(refused.front());
        if (const auto* c = panel.conflict(actor, bidId))
            return fail(actor + " declared a conflict of interest with " + bidId + " (" +
                        c->details + ") and cannot moderate it");
        if (!hasVisibleText(reason))
            return fail("a consensus score needs its reason");
        if (!isNeeded(*load.folder, bidId, criterionId))
            return fail(bidId + " " + criterionId +
                        " is not a bid and judgement criterion the panel scores");
        if (const std::string problem = scoreScaleProblem(load.folder->tender, criterionId, value);
            !problem.empty())
            return fail(problem);
        const auto* earlier = load.folder->evaluations.findConsensus(bidId, criterionId);
        if (earlier != nullptr && !hasVisibleText(changeReason)) {
            // Said with who agreed it and when: two moderators may have agreed it at once.
            std::string when;
            for (const auto& row : impl.readRows(kConsensusTable))
                if (row.values[0] == bidId && row.values[1] == criterionId)
                    if (const auto entries =
                            impl.readLog(" WHERE seq = " + std::to_string(row.auditSeq));
                        !entries.empty())
                        when = " at " + entries.front().time;
            return fail("a consensus for " + bidId + " " + criterionId +
                        " is already agreed: " + exactDecimalText(earlier->value) + " by " +
                        earlier->moderator + when + "; changing it needs a reason for the change");
        }
        std::string before;
        if (earlier != nullptr)
            before =
                rowText(kConsensusTable, {earlier->bidId, earlier->criterionId, earlier->moderator,
                                          exactDecimalText(earlier->value), earlier->reason});
        impl.insertRow(kConsensusTable,
                       {bidId, criterionId, actor, exactDecimalText(value), reason}, actor,
                       earlier != nullptr ? changeReason : reason, true, before);
        outcome.summary = std::string(earlier != nullptr ? "consensus changed: " : "consensus: ") +
                          bidId + " " + criterionId + " " + exactDecimalText(value);
    });
}

CommandOutcome Workspace::decideAbnormallyLow(const std::string& actor, const std::string& bidId,
                                              bool accept, const std::string& reason,
                                              const LivingWageTable* rates) {
    Impl& impl = *impl_;
    return impl.run(actor, [&](CommandOutcome& outcome) {
        const auto fail = refuser(outcome, impl.path);
        const LifecycleState state = impl.currentState();
        FolderLoad load = impl.rebuild(rates);
        if (!load.folder)
            return fail("the stored inputs do not read; run verify");
        const PanelRecord panel = impl.readPanel();
        if (const auto refused =
                actionRefusals(WorkspaceAction::DecideAbnormallyLow, panel, state, actor);
            !refused.empty())
            return fail(refused.front());
        if (const auto* c = panel.conflict(actor, bidId))
            return fail(actor + " declared a conflict of interest with " + bidId + " (" +
                        c->details + ") and cannot decide on its price");
        if (!hasVisibleText(reason))
            return fail("the decision needs its reason");
        const auto& bids = load.folder->bids;
        if (std::none_of(bids.begin(), bids.end(), [&](const Bid& b) { return b.id == bidId; }))
            return fail("no bid " + bidId);
        const auto flagged =
            flaggedForDecision(load.folder->tender, bids, load.folder->evaluations, bidId);
        if (!flagged)
            return fail("the prices can be examined once every bid evaluates (scores are still "
                        "missing): decide during moderation");
        if (!*flagged)
            return fail("the price of " + bidId +
                        " is not flagged as abnormally low by the tender's rule: only a price the "
                        "engine flags is accepted or rejected as abnormally low");
        std::string before;
        if (const auto* earlier = load.folder->evaluations.findAbnormallyLowDecision(bidId))
            before = rowText(kDecisionsTable,
                             {earlier->bidId, earlier->accept ? "true" : "false", earlier->reason});
        impl.insertRow(kDecisionsTable, {bidId, accept ? "true" : "false", reason}, actor, reason,
                       true, before);
        impl.recordResults(actor, rates);
        outcome.summary =
            std::string("abnormally low price of ") + bidId + (accept ? " accepted" : " rejected");
    });
}

} // namespace fairtender
