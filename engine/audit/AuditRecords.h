// AuditRecords: what the audit entries of a workspace say, read as values. The actions a
// workspace records are a type here; a stored record's text (`name="value" ...`, as an
// entry's before and after hold it) is written and read in this one place; and the
// questions the reports and screens ask of the log (who changed a consensus from what to
// what, when the tender reached a stage, who decided a price) are answered by functions
// instead of each reader parsing the text itself.
#pragma once

#include "audit/AuditChain.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fairtender {

enum class AuditAction {
    WorkspaceCreate,             // "workspace.create": the tender stored from a folder
    TenderReplace,               // "tender.replace": the draft tender replaced
    BidDocumentImport,           // "bid-document.import"
    ScoreImport,                 // "score.import": an evaluator's score from a folder
    ScoreSubmit,                 // "score.submit"
    ScoreReopen,                 // "score.reopen"
    ConsensusImport,             // "consensus.import"
    ConsensusSet,                // "consensus.set"
    DeliverabilityImport,        // "deliverability.import"
    AbnormallyLowDecisionImport, // "abnormally-low-decision.import"
    AbnormallyLowDecide,         // "abnormally-low.decide"
    LifecycleStart,              // "lifecycle.start": the first stage, draft
    LifecycleAdvance,            // "lifecycle.advance": a later stage (or back to locked)
    PanelAdd,                    // "panel.add"
    PanelDeclare,                // "panel.declare"
    AwardRecord,                 // "award.record"
    ExclusionRecord,             // "exclusion.record"
    ResultsRecorded,             // "results.recorded": the results of the stored inputs
    SensitivityRecorded,         // "sensitivity.recorded": a sensitivity run before the award
};

// The action's word as the log stores it ("consensus.set").
std::string_view toString(AuditAction action);
// The action an entry records; nullopt for a word this build does not know.
std::optional<AuditAction> actionOf(const AuditEntry& entry);

// One field of a stored record's text: name="value", the value with '"', '\' and control
// characters escaped (\", \\, \n, \xNN).
std::string recordField(std::string_view name, std::string_view value);
// The value of field `name` in a record's text, unescaped; empty when it is not there.
std::string recordFieldValue(std::string_view recordText, std::string_view name);

// A consensus agreed again with a different value: on what, by whom, when, from and to.
struct ConsensusChangeRecord {
    std::string subject; // "B1 q-menu"
    std::string actor;
    std::string time;
    std::string from;
    std::string to;
    std::string reason; // why it was changed
};
std::vector<ConsensusChangeRecord> consensusChanges(const std::vector<AuditEntry>& log);

// How many submitted scores the lead reopened.
std::size_t reopenedScores(const std::vector<AuditEntry>& log);

// Who recorded the decision on each bid's abnormally low price, by bid id (the last one).
std::map<std::string, std::string> abnormallyLowDeciders(const std::vector<AuditEntry>& log);

// The first and the last entry that moved the tender to `stage` ("open", "locked"), or
// nullptr when it never got there.
const AuditEntry* firstMoveTo(const std::vector<AuditEntry>& log, std::string_view stage);
const AuditEntry* lastMoveTo(const std::vector<AuditEntry>& log, std::string_view stage);

} // namespace fairtender
