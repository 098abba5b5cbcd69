#include "audit/AuditRecords.h"

#include <array>
#include <cstdio>
#include <utility>

namespace fairtender {

namespace {

constexpr std::array<std::pair<AuditAction, std::string_view>, 19> kActions{{
    {AuditAction::WorkspaceCreate, "workspace.create"},
    {AuditAction::TenderReplace, "tender.replace"},
    {AuditAction::BidDocumentImport, "bid-document.import"},
    {AuditAction::ScoreImport, "score.import"},
    {AuditAction::ScoreSubmit, "score.submit"},
    {AuditAction::ScoreReopen, "score.reopen"},
    {AuditAction::ConsensusImport, "consensus.import"},
    {AuditAction::ConsensusSet, "consensus.set"},
    {AuditAction::DeliverabilityImport, "deliverability.import"},
    {AuditAction::AbnormallyLowDecisionImport, "abnormally-low-decision.import"},
    {AuditAction::AbnormallyLowDecide, "abnormally-low.decide"},
    {AuditAction::LifecycleStart, "lifecycle.start"},
    {AuditAction::LifecycleAdvance, "lifecycle.advance"},
    {AuditAction::PanelAdd, "panel.add"},
    {AuditAction::PanelDeclare, "panel.declare"},
    {AuditAction::AwardRecord, "award.record"},
    {AuditAction::ExclusionRecord, "exclusion.record"},
    {AuditAction::ResultsRecorded, "results.recorded"},
    {AuditAction::SensitivityRecorded, "sensitivity.recorded"},
}};

bool is(const AuditEntry& entry, AuditAction action) {
    return entry.action == toString(action);
}

bool movesTo(const AuditEntry& entry, std::string_view stage) {
    return (is(entry, AuditAction::LifecycleStart) || is(entry, AuditAction::LifecycleAdvance)) &&
           entry.subject == stage;
}

} // namespace

std::string_view toString(AuditAction action) {
    for (const auto& [known, word] : kActions)
        if (known == action)
            return word;
    return {};
}

std::optional<AuditAction> actionOf(const AuditEntry& entry) {
    for (const auto& [known, word] : kActions)
        if (entry.action == word)
            return known;
    return std::nullopt;
}

std::string recordField(std::string_view name, std::string_view value) {
    std::string out(name);
    out += "=\"";
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (byte < 0x20 || byte == 0x7f) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", byte);
            out += hex;
        } else {
            out += c;
        }
    }
    out += '"';
    return out;
}

std::string recordFieldValue(std::string_view recordText, std::string_view name) {
    const std::string key = std::string(name) + "=\"";
    // A field starts the text or follows a space; inside a value, '"' is always escaped.
    std::size_t at = 0;
    bool inside = false;
    for (std::size_t i = 0; i < recordText.size(); ++i) {
        if (inside) {
            if (recordText[i] == '\\')
                ++i;
            else if (recordText[i] == '"')
                inside = false;
            continue;
        }
        if ((i == 0 || recordText[i - 1] == ' ') && recordText.substr(i, key.size()) == key) {
            at = i + key.size();
            std::string value;
            for (std::size_t j = at; j < recordText.size(); ++j) {
                const char c = recordText[j];
                if (c == '"')
                    return value;
                if (c != '\\' || j + 1 >= recordText.size()) {
                    value += c;
                    continue;
                }
                const char escaped = recordText[++j];
                if (escaped == 'n') {
                    value += '\n';
                } else if (escaped == 'x' && j + 2 < recordText.size()) {
                    value += static_cast<char>(
                        std::stoi(std::string(recordText.substr(j + 1, 2)), nullptr, 16));
                    j += 2;
                } else {
                    value += escaped;
                }
            }
            return value;
        }
        if (recordText[i] == '"')
            inside = true;
    }
    return {};
}

std::vector<ConsensusChangeRecord> consensusChanges(const std::vector<AuditEntry>& log) {
    std::vector<ConsensusChangeRecord> changes;
    for (const auto& entry : log)
        if ((is(entry, AuditAction::ConsensusSet) || is(entry, AuditAction::ConsensusImport)) &&
            !entry.before.empty())
            changes.push_back({entry.subject, entry.actor, entry.time,
                               recordFieldValue(entry.before, "value"),
                               recordFieldValue(entry.after, "value"), entry.reason});
    return changes;
}

std::size_t reopenedScores(const std::vector<AuditEntry>& log) {
    std::size_t count = 0;
    for (const auto& entry : log)
        count += is(entry, AuditAction::ScoreReopen) ? 1 : 0;
    return count;
}

std::map<std::string, std::string> abnormallyLowDeciders(const std::vector<AuditEntry>& log) {
    std::map<std::string, std::string> deciders;
    for (const auto& entry : log)
        if (is(entry, AuditAction::AbnormallyLowDecide) ||
            is(entry, AuditAction::AbnormallyLowDecisionImport))
            deciders[recordFieldValue(entry.after, "bid_id")] = entry.actor;
    return deciders;
}

const AuditEntry* firstMoveTo(const std::vector<AuditEntry>& log, std::string_view stage) {
    for (const auto& entry : log)
        if (movesTo(entry, stage))
            return &entry;
    return nullptr;
}

const AuditEntry* lastMoveTo(const std::vector<AuditEntry>& log, std::string_view stage) {
    for (auto entry = log.rbegin(); entry != log.rend(); ++entry)
        if (movesTo(*entry, stage))
            return &*entry;
    return nullptr;
}

} // namespace fairtender
