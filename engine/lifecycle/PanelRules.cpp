#include "lifecycle/PanelRules.h"

#include "lifecycle/PanelViews.h"

#include <initializer_list>

namespace fairtender {

namespace {

using Kind = ActionRefusal::Kind;

// "in draft", "open", "at the evaluation stage", ...: what follows "the tender is".
std::string stageWord(LifecycleState state) {
    switch (state) {
    case LifecycleState::Draft:
        return "in draft";
    case LifecycleState::Evaluation:
    case LifecycleState::Moderation:
        return "at the " + std::string(toString(state)) + " stage";
    default:
        return std::string(toString(state));
    }
}

} // namespace

std::string_view toString(WorkspaceAction action) {
    switch (action) {
    case WorkspaceAction::AddPanelMember:
        return "add to the panel";
    case WorkspaceAction::DeclareInterests:
        return "declare interests";
    case WorkspaceAction::ReplaceTender:
        return "replace the tender";
    case WorkspaceAction::ImportBids:
        return "import bids";
    case WorkspaceAction::Score:
        return "score";
    case WorkspaceAction::ReopenScore:
        return "reopen a score";
    case WorkspaceAction::SetConsensus:
        return "agree a consensus";
    case WorkspaceAction::DecideAbnormallyLow:
        return "decide on an abnormally low price";
    case WorkspaceAction::Advance:
        return "move the tender on";
    case WorkspaceAction::Exclude:
        return "exclude a bid";
    case WorkspaceAction::RecordSensitivity:
        return "record how robust the award is";
    }
    return "act";
}

std::vector<ActionRefusal> actionRefusals(WorkspaceAction action, const PanelRecord& panel,
                                          LifecycleState state, const std::string& actor) {
    std::vector<ActionRefusal> refusals;
    const auto refuse = [&](Kind kind, const char* code, std::string message) {
        refusals.push_back({kind, code, std::move(message)});
    };
    const bool lead = panel.hasRole(actor, PanelRole::Lead);
    const bool hasLead = !panel.withRole(PanelRole::Lead).empty();
    const auto during = [&](std::initializer_list<LifecycleState> stages) {
        for (const auto stage : stages)
            if (stage == state)
                return true;
        return false;
    };
    switch (action) {
    case WorkspaceAction::AddPanelMember:
        if (const auto locked = panelChangeProblem(state); !locked.empty())
            refuse(Kind::Stage, "panel.locked", locked);
        // Before there is a lead, whoever sets the tender up adds the first members.
        if (hasLead && !lead)
            refuse(Kind::Role, "panel.not-lead",
                   actor + " is not the lead: only the lead adds to the panel");
        break;
    case WorkspaceAction::DeclareInterests:
        if (!panel.isMember(actor))
            refuse(Kind::Role, "declare.not-on-panel",
                   actor + " is not on the panel: the lead adds them first");
        if (const auto locked = panelChangeProblem(state); !locked.empty())
            refuse(Kind::Stage, "panel.locked", locked);
        break;
    case WorkspaceAction::ReplaceTender:
        if (hasLead && !lead)
            refuse(Kind::Role, "replace-tender.not-lead",
                   actor + " is not the lead: only the lead replaces the tender");
        if (state != LifecycleState::Draft)
            refuse(Kind::Stage, "replace-tender.frozen",
                   "the evaluation model is frozen; the tender is " + stageWord(state) +
                       ": the tender can only be replaced in draft");
        break;
    case WorkspaceAction::ImportBids:
        if (state == LifecycleState::Draft)
            refuse(Kind::Stage, "import-bids.draft",
                   "bids are imported while the tender is open; it is still a draft: "
                   "move it to open first, which freezes the model");
        else if (state != LifecycleState::Open)
            refuse(Kind::Stage, "import-bids.closed",
                   "bids are imported while the tender is open; it is " + stageWord(state) +
                       ", so no more bids can be added");
        if (!lead)
            refuse(Kind::Role, "import-bids.not-lead",
                   actor + " is not the lead: only the lead imports bids");
        break;
    case WorkspaceAction::Score:
        if (!panel.hasRole(actor, PanelRole::Evaluator))
            refuse(Kind::Role, "score.not-evaluator", actor + " is not an evaluator on the panel");
        else if (!panel.hasDeclared(actor))
            refuse(Kind::Declaration, "score.undeclared",
                   actor + " has not declared their interests: a declaration is recorded "
                           "before scoring");
        if (!during({LifecycleState::Evaluation, LifecycleState::Moderation}))
            refuse(Kind::Stage, "score.stage",
                   "scores are given during evaluation; the tender is " + stageWord(state));
        break;
    case WorkspaceAction::ReopenScore:
        if (!lead)
            refuse(Kind::Role, "reopen.not-lead",
                   actor + " is not the lead: only the lead reopens a score");
        if (!during({LifecycleState::Evaluation, LifecycleState::Moderation}))
            refuse(Kind::Stage, "reopen.stage",
                   "scores can be reopened during evaluation or moderation; the tender is " +
                       stageWord(state));
        break;
    case WorkspaceAction::SetConsensus:
        if (!panel.hasRole(actor, PanelRole::Moderator) && !lead)
            refuse(Kind::Role, "consensus.not-moderator",
                   actor + " is neither a moderator nor the lead");
        if (state != LifecycleState::Moderation)
            refuse(Kind::Stage, "consensus.stage",
                   "consensus is agreed during moderation; the tender is " + stageWord(state));
        break;
    case WorkspaceAction::DecideAbnormallyLow:
        if (!lead)
            refuse(Kind::Role, "abnormally-low.not-lead",
                   actor + " is not the lead: only the lead decides on an abnormally low price");
        if (!during({LifecycleState::Evaluation, LifecycleState::Moderation}))
            refuse(Kind::Stage, "abnormally-low.stage",
                   "abnormally low prices are decided during evaluation or moderation; the "
                   "tender is " +
                       stageWord(state));
        break;
    case WorkspaceAction::Advance:
        if (!hasLead)
            refuse(Kind::Role, "advance.no-lead", std::string(kNoLead));
        else if (!lead)
            refuse(Kind::Role, "advance.not-lead",
                   actor + " is not the lead: only the lead moves the tender on");
        if (state == LifecycleState::Awarded)
            refuse(Kind::Stage, "advance.awarded",
                   "the tender is awarded: there is no later stage");
        break;
    case WorkspaceAction::Exclude:
        if (!lead)
            refuse(Kind::Role, "exclude.not-lead",
                   actor + " is not the lead: only the lead excludes a bid");
        if (!during({LifecycleState::Locked, LifecycleState::Awarded}))
            refuse(Kind::Stage, "exclude.stage",
                   "a bid is excluded after the evaluation once the results are locked; the "
                   "tender is " +
                       stageWord(state));
        break;
    case WorkspaceAction::RecordSensitivity:
        if (!lead)
            refuse(Kind::Role, "sensitivity.not-lead",
                   actor + " is not the lead: only the lead records how robust the award is");
        if (!during({LifecycleState::Locked}))
            refuse(Kind::Stage, "sensitivity.stage",
                   "how robust the award is is recorded once the results are locked and before "
                   "the award; the tender is " +
                       stageWord(state));
        break;
    }
    return refusals;
}

std::string_view toString(WorkspaceView view) {
    switch (view) {
    case WorkspaceView::Status:
        return "the status";
    case WorkspaceView::Model:
        return "the tender and its model";
    case WorkspaceView::Panel:
        return "the panel";
    case WorkspaceView::Bids:
        return "the bids";
    case WorkspaceView::Todo:
        return "the to-do list";
    case WorkspaceView::Scores:
        return "the scores";
    case WorkspaceView::ModerationAgenda:
        return "the moderation agenda";
    case WorkspaceView::Ranking:
        return "the ranking";
    case WorkspaceView::AuditLog:
        return "the audit log";
    case WorkspaceView::Verify:
        return "the verification";
    case WorkspaceView::Documents:
        return "the documents";
    }
    return "the tender";
}

std::vector<ActionRefusal> viewRefusals(WorkspaceView view, const PanelRecord& panel,
                                        LifecycleState state, const std::string& reader) {
    std::vector<ActionRefusal> refusals;
    if (!panel.isMember(reader)) {
        refusals.push_back({Kind::Role, "view.not-on-panel",
                            reader + " is not on the panel of this tender: the lead adds them"});
        return refusals;
    }
    const auto holdsAny = [&](std::initializer_list<PanelRole> roles) {
        for (const auto role : roles)
            if (panel.hasRole(reader, role))
                return true;
        return false;
    };
    const std::string what(toString(view));
    switch (view) {
    case WorkspaceView::Status:
    case WorkspaceView::Model:
    case WorkspaceView::Panel:
    case WorkspaceView::Bids:
    case WorkspaceView::Todo:
    case WorkspaceView::Scores:
        break;
    case WorkspaceView::ModerationAgenda:
        if (!holdsAny({PanelRole::Lead, PanelRole::Moderator, PanelRole::Auditor}))
            refusals.push_back({Kind::Role, "view.moderation-agenda",
                                reader + " is not the lead, a moderator or an auditor: " + what +
                                    " shows every evaluator's scores"});
        break;
    case WorkspaceView::Ranking: {
        bool seesPrices = false;
        for (const auto& member : panel.members)
            if (member.name == reader && pricesVisible(member.role, state))
                seesPrices = true;
        if (!seesPrices)
            refusals.push_back({Kind::Stage, "view.ranking-price-blind",
                                "the ranking shows every price, which " + reader +
                                    " sees once the results are locked; the tender is " +
                                    stageWord(state)});
        break;
    }
    case WorkspaceView::AuditLog:
    case WorkspaceView::Verify:
    case WorkspaceView::Documents:
        if (!holdsAny({PanelRole::Lead, PanelRole::Auditor}))
            refusals.push_back({Kind::Role,
                                view == WorkspaceView::AuditLog ? "view.audit-log"
                                : view == WorkspaceView::Verify ? "view.verify"
                                                                : "view.documents",
                                reader + " is not the lead or an auditor: " + what +
                                    (view == WorkspaceView::Documents ? " show" : " shows") +
                                    " every score and price"});
        break;
    }
    return refusals;
}

} // namespace fairtender
