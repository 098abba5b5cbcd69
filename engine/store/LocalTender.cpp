#include "store/TenderAccess.h"

#include <utility>

namespace fairtender {

LocalTender::LocalTender(Workspace workspace, std::string person, const LivingWageTable* rates,
                         const BankHolidays* holidays)
    : workspace_(std::move(workspace)), person_(std::move(person)), rates_(rates),
      holidays_(holidays) {}

TenderRead<WorkspaceStatus> LocalTender::status() {
    return {workspace_.status(), {}};
}

std::string LocalTender::shownAs() const {
    return workspace_.path().filename().string();
}

TenderRead<std::string> LocalTender::tenderXml() {
    return {workspace_.tenderXml(), {}};
}

TenderRead<PanelRecord> LocalTender::panel() {
    return {workspace_.panel(), {}};
}

TenderRead<std::vector<AwardEvent>> LocalTender::awardHistory() {
    return {workspace_.awardHistory(), {}};
}

TenderRead<ScoringView> LocalTender::scoringView(bool anonymous) {
    Diagnostics problems;
    auto view = scoringViewFor(workspace_, person_, anonymous, rates_, problems);
    return {std::move(view), std::move(problems)};
}

TenderRead<std::vector<BidView>> LocalTender::bidViews(bool anonymous) {
    auto views = workspace_.bidViewsFor(person_, anonymous, rates_);
    if (views.empty())
        return {std::nullopt,
                {errorAt({workspace_.path().string(), 0, 0}, person_ + " is not on the panel")}};
    return {std::move(views), {}};
}

TenderRead<TodoList> LocalTender::todo() {
    if (!workspace_.panel().isMember(person_))
        return {std::nullopt,
                {errorAt({workspace_.path().string(), 0, 0}, person_ + " is not on the panel")}};
    return {
        TodoList{workspace_.state(), workspace_.todo(person_, rates_), workspace_.progress(rates_)},
        {}};
}

ScoresSeen LocalTender::scoresSeen(const std::string& bidId, const std::string& criterionId) {
    return workspace_.scoresSeenBy(person_, bidId, criterionId);
}

TenderRead<std::vector<ModerationItem>> LocalTender::moderationAgenda() {
    return {workspace_.moderationAgenda(rates_), {}};
}

TenderRead<std::vector<AuditEntry>> LocalTender::auditLog() {
    return {workspace_.auditLog(), {}};
}

TenderRead<VerifyReport> LocalTender::verify(const std::string& expectedSigner) {
    return {workspace_.verify(rates_, expectedSigner), {}};
}

CommandOutcome LocalTender::importBids(const std::vector<std::filesystem::path>& files,
                                       const ImportProgress& progress) {
    return workspace_.importBids(person_, files, rates_, progress);
}

CommandOutcome LocalTender::addPanelMember(const std::string& name, PanelRole role) {
    return workspace_.addPanelMember(person_, name, role);
}

CommandOutcome LocalTender::declareInterests(const std::vector<ConflictDeclaration>& conflicts) {
    return workspace_.declareInterests(person_, conflicts, rates_);
}

CommandOutcome LocalTender::submitScores(const std::vector<ScoreSubmission>& scores) {
    return workspace_.submitScores(person_, scores, rates_);
}

CommandOutcome LocalTender::reopenScore(const std::string& bidId, const std::string& criterionId,
                                        const std::string& evaluator, const std::string& reason) {
    return workspace_.reopenScore(person_, bidId, criterionId, evaluator, reason);
}

CommandOutcome LocalTender::setConsensus(const std::string& bidId, const std::string& criterionId,
                                         double value, const std::string& reason,
                                         const std::string& changeReason) {
    return workspace_.setConsensus(person_, bidId, criterionId, value, reason, changeReason,
                                   rates_);
}

CommandOutcome LocalTender::decideAbnormallyLow(const std::string& bidId, bool accept,
                                                const std::string& reason) {
    return workspace_.decideAbnormallyLow(person_, bidId, accept, reason, rates_);
}

CommandOutcome LocalTender::advance(LifecycleState to, const std::string& reason,
                                    std::optional<Date> noticeDate) {
    return workspace_.advance(person_, to, reason, rates_, holidays_, noticeDate);
}

CommandOutcome LocalTender::exclude(const std::string& bidId, const std::string& why,
                                    std::optional<Date> day, bool withdrawn) {
    return workspace_.excludeAfterEvaluation(person_, bidId, why, rates_, day, withdrawn);
}

CommandOutcome LocalTender::recordSensitivity(const OddsSettings& odds, const std::string& reason) {
    return workspace_.recordSensitivity(person_, odds, reason, rates_);
}

} // namespace fairtender
