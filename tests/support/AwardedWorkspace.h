// A tender taken through its whole lifecycle in a workspace, for the tests of what is made
// from a locked or awarded tender: a panel of four, independent scores with one spread
// over the threshold, moderation with one consensus changed, the abnormally low decisions,
// then locked on 2025-12-10 and (by default) awarded on 2025-12-19, each step stamped on
// the tender's own timeline rather than the machine's clock.
#pragma once

#include "ScratchFolder.h"
#include "Timeline.h"
#include "core/Date.h"
#include "io/xml/ReferenceData.h"
#include "lifecycle/Standstill.h"
#include "store/Workspace.h"

#include <cmath>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace fairtender::testing {

inline const std::filesystem::path& sourceDir() {
    static const std::filesystem::path dir = FAIRTENDER_SOURCE_DIR;
    return dir;
}

inline const LivingWageTable* livingWageRates() {
    static const std::optional<LivingWageTable> table = [] {
        Diagnostics ignored;
        return loadLivingWageTable(sourceDir() / "templates/reference/living-wage-rates.xml",
                                   ignored);
    }();
    return table ? &*table : nullptr;
}

inline const BankHolidays* englandBankHolidays() {
    static const std::optional<BankHolidays> holidays = [] {
        Diagnostics ignored;
        return loadBankHolidays(
            sourceDir() / "templates/reference/bank-holidays-england-and-wales.xml", ignored);
    }();
    return holidays ? &*holidays : nullptr;
}

namespace detail {

inline void require(const CommandOutcome& outcome, const std::string& what) {
    if (outcome.ok())
        return;
    std::string text = what + " refused:";
    for (const auto& problem : outcome.problems)
        text += " " + problem.message;
    throw std::runtime_error(text);
}

// `fraction` of the scale, on the scale's step.
inline double onScale(const ModelNode& criterion, double fraction) {
    const double step = criterion.criterion.scaleStep.value_or(1);
    return std::round(criterion.criterion.scaleMax * fraction / step) * step;
}

} // namespace detail

// Copies `tenderFolder` (without its evaluations.xml) to `scratch`, creates `scratch`/ws.ftw
// and takes it to `last` (moderation, locked or awarded). Panel: Ann Lee (lead), Raj Patel and
// Priya Shah (evaluators), Mo Khan (moderator, declaring a conflict with the third bid, whose
// consensus the lead sets). Judgement scores: 0.8 of the scale for the first bid, 0.6 for
// the others; on the fifth bid's first judgement criterion the evaluators give 0.2 and 0.8
// (a spread over the threshold) and the consensus is 0.6. The second bid's first judgement
// consensus is agreed at 0.6 and then changed to 0.8 "appendix C had been missed". Every
// abnormally low price is accepted. Throws std::runtime_error naming a refused command.
inline Workspace takeThroughLifecycle(const std::filesystem::path& tenderFolder,
                                      const std::filesystem::path& scratch,
                                      LifecycleState last = LifecycleState::Awarded) {
    namespace fs = std::filesystem;
    using detail::onScale;
    using detail::require;
    const auto* rates = livingWageRates();
    const fs::path folder = scratch / "tender";
    fs::copy(tenderFolder, folder, fs::copy_options::recursive);
    fs::remove(folder / "evaluations.xml");
    Timeline timeline(kTenderOpened);
    auto created =
        Workspace::createFromFolder(folder, scratch / "ws.ftw", "Ann Lee", rates, timeline.clock());
    if (!created.ok())
        throw std::runtime_error("the tender folder does not load: " +
                                 created.diagnostics.front().toString());
    Workspace ws = std::move(*created.workspace);

    const auto loaded = ws.loadFolder(rates);
    const TenderFolder& input = *loaded.folder;
    const std::string conflicted = input.bids.size() > 2 ? input.bids[2].id : std::string();
    const std::string split = input.bids.size() > 4 ? input.bids[4].id : std::string();
    const std::string changed = input.bids.size() > 1 ? input.bids[1].id : std::string();

    require(ws.addPanelMember("Ann Lee", "Ann Lee", PanelRole::Lead), "lead");
    if (ws.state() == LifecycleState::Draft)
        require(ws.advance("Ann Lee", LifecycleState::Open, "tender published", rates), "open");
    require(ws.addPanelMember("Ann Lee", "Raj Patel", PanelRole::Evaluator), "evaluator");
    require(ws.addPanelMember("Ann Lee", "Priya Shah", PanelRole::Evaluator), "evaluator");
    require(ws.addPanelMember("Ann Lee", "Mo Khan", PanelRole::Moderator), "moderator");
    require(ws.declareInterests("Ann Lee", {}), "declaration");
    require(ws.declareInterests("Raj Patel", {}), "declaration");
    require(ws.declareInterests("Priya Shah", {}), "declaration");
    if (conflicted.empty())
        require(ws.declareInterests("Mo Khan", {}), "declaration");
    else
        require(ws.declareInterests("Mo Khan", {{"", conflicted, "former director"}}),
                "declaration");
    timeline.at(kBidsOpened);
    require(ws.advance("Ann Lee", LifecycleState::Evaluation, "bids opened", rates), "evaluation");

    const auto items = judgementsNeeded(input.tender, input.bids);
    std::string firstJudgement;
    for (const auto& item : items) {
        const ModelNode& node = *findNode(input.tender.model, item.criterionId);
        if (firstJudgement.empty())
            firstJudgement = item.criterionId;
        const bool first = item.bidId == input.bids.front().id;
        const bool spread = item.bidId == split && item.criterionId == firstJudgement;
        const double usual = onScale(node, first ? 0.8 : 0.6);
        require(ws.submitScore("Raj Patel", item.bidId, item.criterionId,
                               spread ? onScale(node, 0.2) : usual, "meets the requirement", rates),
                "score");
        require(ws.submitScore("Priya Shah", item.bidId, item.criterionId,
                               spread ? onScale(node, 0.8) : usual, "as described in the bid",
                               rates),
                "score");
    }
    timeline.at(kScoresIn);
    require(ws.advance("Ann Lee", LifecycleState::Moderation, "all scored", rates), "moderation");
    if (last == LifecycleState::Moderation)
        return ws;

    for (const auto& item : items) {
        const ModelNode& node = *findNode(input.tender.model, item.criterionId);
        const bool first = item.bidId == input.bids.front().id;
        const std::string moderator = item.bidId == conflicted ? "Ann Lee" : "Mo Khan";
        require(ws.setConsensus(moderator, item.bidId, item.criterionId,
                                onScale(node, first ? 0.8 : 0.6), "agreed at moderation", "",
                                rates),
                "consensus");
        if (item.bidId == changed && item.criterionId == firstJudgement)
            require(ws.setConsensus(moderator, item.bidId, item.criterionId, onScale(node, 0.8),
                                    "evidence in appendix C", "appendix C had been missed", rates),
                    "consensus change");
    }
    const auto evaluated = ws.evaluate(rates);
    if (evaluated.result)
        for (const auto& bid : evaluated.result->bids)
            if (bid.hasFlag(FlagKind::AbnormallyLow))
                require(ws.decideAbnormallyLow("Ann Lee", bid.bidId, true,
                                               "costs explained in clarification", rates),
                        "abnormally low decision");
    timeline.at(kResultsLocked);
    require(ws.advance("Ann Lee", LifecycleState::Locked, "moderation complete", rates), "locked");
    timeline.at(kAwardDecided);
    if (last == LifecycleState::Awarded)
        require(ws.advance("Ann Lee", LifecycleState::Awarded, "approved by cabinet", rates,
                           englandBankHolidays(), Date::fromYmd(2025, 12, 19)),
                "awarded");
    return ws;
}

} // namespace fairtender::testing
