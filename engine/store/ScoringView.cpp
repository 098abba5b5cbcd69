#include "store/ScoringView.h"

#include "lifecycle/Lifecycle.h"

#include <unordered_set>

namespace fairtender {

ScoringView scoringViewOf(const TenderFolder& folder, const PanelRecord& panel,
                          LifecycleState state, const std::string& person, bool anonymous,
                          const ScoresSeenGrid* scores) {
    ScoringView view;
    for (const auto& bid : folder.bids)
        view.bidIds.push_back(bid.id);
    for (const ModelNode* node : judgementCriteria(folder.tender))
        view.criteria.push_back({node->id, node->displayName(), node->criterion.scaleMax,
                                 node->criterion.scaleStep, node->criterion.descriptors});
    if (panel.isMember(person))
        view.bidViews = Workspace::bidViewsOf(folder, panel, state, person, anonymous);
    // Hashed by bid and criterion: a large tender has hundreds of thousands of items.
    const auto pair = [](const std::string& bidId, const std::string& criterionId) {
        return bidId + '\n' + criterionId;
    };
    std::unordered_set<std::string> needed;
    for (const auto& item : judgementsNeeded(folder.tender, folder.bids))
        needed.insert(pair(item.bidId, item.criterionId));
    view.cells.reserve(view.bidIds.size() * view.criteria.size());
    for (const auto& bidId : view.bidIds) {
        const ConflictDeclaration* conflict = panel.conflict(person, bidId);
        for (const auto& criterion : view.criteria) {
            JudgementCell cell;
            cell.needed = needed.count(pair(bidId, criterion.id)) > 0;
            if (conflict)
                cell.conflict = conflict->details.empty() ? "declared" : conflict->details;
            if (cell.needed && scores) {
                ScoresSeen seen = scores->at(bidId, criterion.id);
                for (const auto& problem : seen.refused)
                    cell.hiddenBecause +=
                        (cell.hiddenBecause.empty() ? "" : "\n") + problem.message;
                cell.seen = std::move(seen.scores);
                for (const auto& score : cell.seen)
                    if (score.evaluator == person)
                        cell.own = score;
            }
            view.cells.push_back(std::move(cell));
        }
    }
    return view;
}

std::optional<ScoringView> scoringViewFor(const Workspace& workspace, const std::string& person,
                                          bool anonymous, const LivingWageTable* rates,
                                          Diagnostics& problems) {
    const FolderLoad load = workspace.loadFolder(rates);
    if (!load.folder) {
        problems = load.diagnostics;
        return std::nullopt;
    }
    const PanelRecord panel = workspace.panel();
    std::optional<ScoresSeenGrid> scores;
    if (panel.isMember(person))
        scores = workspace.scoresSeenIn(*load.folder, panel, person);
    return scoringViewOf(*load.folder, panel, workspace.state(), person, anonymous,
                         scores ? &*scores : nullptr);
}

} // namespace fairtender
