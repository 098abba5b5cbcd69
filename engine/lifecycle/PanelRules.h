// PanelRules: who may do what, when. Each workspace action has one rule over the panel, the
// stage and the person acting; the store refuses a command with it and the desktop enables
// and explains its actions with it, so the two never disagree. What the rule cannot know
// (the bid a score is for and a conflict with it, the value, the reason) the command checks.
#pragma once

#include "lifecycle/Lifecycle.h"

#include <string>
#include <string_view>
#include <vector>

namespace fairtender {

enum class WorkspaceAction {
    AddPanelMember,
    DeclareInterests,
    ReplaceTender,
    ImportBids,
    Score,
    ReopenScore,
    SetConsensus,
    DecideAbnormallyLow,
    Advance,
    Exclude,
    RecordSensitivity,
};

inline constexpr WorkspaceAction kWorkspaceActions[] = {
    WorkspaceAction::AddPanelMember,
    WorkspaceAction::DeclareInterests,
    WorkspaceAction::ReplaceTender,
    WorkspaceAction::ImportBids,
    WorkspaceAction::Score,
    WorkspaceAction::ReopenScore,
    WorkspaceAction::SetConsensus,
    WorkspaceAction::DecideAbnormallyLow,
    WorkspaceAction::Advance,
    WorkspaceAction::Exclude,
    WorkspaceAction::RecordSensitivity,
};

// "add to the panel", "score", ...: the action in words.
std::string_view toString(WorkspaceAction action);

// One reason an action is refused, and what kind of reason it is: who the person is on the
// panel, the stage the tender is at, or a declaration not yet made.
struct ActionRefusal {
    enum class Kind { Role, Stage, Declaration };
    Kind kind = Kind::Role;
    std::string code;    // "import-bids.not-lead": see docs/diagnostic-codes.md
    std::string message; // "eve is not the lead: only the lead imports bids"
};

// Why `actor` may not take `action` with the panel as it is at `state`, in the order the
// store checks them (the first is what a command is refused with); empty when allowed.
// For a score, the stage rule is evaluation or moderation: during moderation only a score
// the lead reopened may be given, which the command checks score by score.
std::vector<ActionRefusal> actionRefusals(WorkspaceAction action, const PanelRecord& panel,
                                          LifecycleState state, const std::string& actor);

// What a panel member may read of a tender, beyond the actions. Within what each allows, the
// reading is narrowed further by PanelViews (prices, identities, others' scores).
enum class WorkspaceView {
    Status,           // the stage and counts
    Model,            // the tender and its evaluation model (tender.xml)
    Panel,            // the members and their declarations
    Bids,             // the bids as bidViews shows them to the reader
    Todo,             // what the reader has left to do
    Scores,           // evaluators' scores, as scoresSeenBy allows
    ModerationAgenda, // every individual score with its spread
    Ranking,          // the evaluation with prices and points
    AuditLog,         // every record ever written
    Verify,           // the check of the whole record
    Documents,        // the scorecard, award report, assessment summaries and OCDS package
};

inline constexpr WorkspaceView kWorkspaceViews[] = {
    WorkspaceView::Status,
    WorkspaceView::Model,
    WorkspaceView::Panel,
    WorkspaceView::Bids,
    WorkspaceView::Todo,
    WorkspaceView::Scores,
    WorkspaceView::ModerationAgenda,
    WorkspaceView::Ranking,
    WorkspaceView::AuditLog,
    WorkspaceView::Verify,
    WorkspaceView::Documents,
};

// "the status", "the ranking", ...: the view in words.
std::string_view toString(WorkspaceView view);

// Why `reader` may not read `view` of the tender with the panel as it is at `state`; empty
// when allowed. Nobody off the panel reads anything. The ranking holds every price, so it
// is read by those who see prices (pricesVisible); the audit log and verify hold every
// score and price, so only the lead and auditors read them, as they do the documents made
// from the record (which the lead publishes); the moderation agenda holds
// every individual score, so the lead, moderators and auditors.
std::vector<ActionRefusal> viewRefusals(WorkspaceView view, const PanelRecord& panel,
                                        LifecycleState state, const std::string& reader);

inline bool mayRead(WorkspaceView view, const PanelRecord& panel, LifecycleState state,
                    const std::string& reader) {
    return viewRefusals(view, panel, state, reader).empty();
}

inline bool mayTake(WorkspaceAction action, const PanelRecord& panel, LifecycleState state,
                    const std::string& actor) {
    return actionRefusals(action, panel, state, actor).empty();
}

} // namespace fairtender
