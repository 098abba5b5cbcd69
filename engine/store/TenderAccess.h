// TenderAccess: one tender as one person works on it, wherever it is kept. LocalTender
// (here) opens a workspace on this machine, a file or a PostgreSQL tender, and acts as the
// name given; RemoteTender (app/client) works on a tender on a fairtender-server as the
// account signed in, and holds only what the server sent that account. The front ends'
// panel commands are written once, against this interface.
#pragma once

#include "store/ScoringView.h"
#include "store/Workspace.h"

#include <optional>
#include <string>
#include <vector>

namespace fairtender {

// What a read gave: the value, or why there is none.
template <typename T> struct TenderRead {
    std::optional<T> value;
    Diagnostics problems;

    bool ok() const { return value.has_value(); }
};

// What a person has left to do, at which stage, and how far the whole panel has got.
struct TodoList {
    LifecycleState state = LifecycleState::Draft;
    std::vector<TodoItem> items;
    EvaluationProgress progress;
};

class TenderAccess {
public:
    virtual ~TenderAccess() = default;

    // Who acts: the name given for a workspace here, the account signed in on a server.
    virtual const std::string& person() const = 0;

    // How the person names the tender: the workspace's file name, or its address on a server.
    virtual std::string shownAs() const = 0;
    // tender.xml as stored: the tender and its evaluation model.
    virtual TenderRead<std::string> tenderXml() = 0;
    virtual TenderRead<WorkspaceStatus> status() = 0;
    // The members and their declarations of interests.
    virtual TenderRead<PanelRecord> panel() = 0;
    // The award's story in the order recorded (Workspace::awardHistory).
    virtual TenderRead<std::vector<AwardEvent>> awardHistory() = 0;
    virtual TenderRead<std::vector<BidView>> bidViews(bool anonymous) = 0;
    virtual TenderRead<TodoList> todo() = 0;
    // Every bid and judgement criterion as the person sees it for scoring, in one read.
    virtual TenderRead<ScoringView> scoringView(bool anonymous) = 0;
    virtual ScoresSeen scoresSeen(const std::string& bidId, const std::string& criterionId) = 0;
    virtual TenderRead<std::vector<ModerationItem>> moderationAgenda() = 0;
    virtual TenderRead<std::vector<AuditEntry>> auditLog() = 0;
    // The check of the whole record (Workspace::verify); on a server, every entry must also
    // be signed by its key. `expectedSigner`: a public key every entry must be signed by.
    virtual TenderRead<VerifyReport> verify(const std::string& expectedSigner) = 0;

    // The bid files, all or none (while the tender is open); problems name each file as
    // given here.
    virtual CommandOutcome importBids(const std::vector<std::filesystem::path>& files,
                                      const ImportProgress& progress) = 0;
    virtual CommandOutcome addPanelMember(const std::string& name, PanelRole role) = 0;
    virtual CommandOutcome declareInterests(const std::vector<ConflictDeclaration>& conflicts) = 0;
    virtual CommandOutcome submitScores(const std::vector<ScoreSubmission>& scores) = 0;
    virtual CommandOutcome reopenScore(const std::string& bidId, const std::string& criterionId,
                                       const std::string& evaluator, const std::string& reason) = 0;
    virtual CommandOutcome setConsensus(const std::string& bidId, const std::string& criterionId,
                                        double value, const std::string& reason,
                                        const std::string& changeReason) = 0;
    virtual CommandOutcome decideAbnormallyLow(const std::string& bidId, bool accept,
                                               const std::string& reason) = 0;
    // `noticeDate`: the day of the award notice, when moving to awarded.
    virtual CommandOutcome advance(LifecycleState to, const std::string& reason,
                                   std::optional<Date> noticeDate) = 0;
    virtual CommandOutcome exclude(const std::string& bidId, const std::string& why,
                                   std::optional<Date> day, bool withdrawn) = 0;
    // The lead records how robust the award is (Workspace::recordSensitivity).
    virtual CommandOutcome recordSensitivity(const OddsSettings& odds,
                                             const std::string& reason) = 0;
};

// A workspace on this machine, worked on as `person` (a name typed: whoever has the file
// may type any name, which is why a panel that needs to know who did what uses a server).
class LocalTender final : public TenderAccess {
public:
    // `holidays` is needed only to award (the standstill's end); `rates` may be null.
    LocalTender(Workspace workspace, std::string person, const LivingWageTable* rates,
                const BankHolidays* holidays);

    Workspace& workspace() { return workspace_; }

    const std::string& person() const override { return person_; }
    std::string shownAs() const override;
    TenderRead<std::string> tenderXml() override;
    TenderRead<WorkspaceStatus> status() override;
    TenderRead<PanelRecord> panel() override;
    TenderRead<std::vector<AwardEvent>> awardHistory() override;
    TenderRead<std::vector<BidView>> bidViews(bool anonymous) override;
    TenderRead<TodoList> todo() override;
    TenderRead<ScoringView> scoringView(bool anonymous) override;
    ScoresSeen scoresSeen(const std::string& bidId, const std::string& criterionId) override;
    TenderRead<std::vector<ModerationItem>> moderationAgenda() override;
    TenderRead<std::vector<AuditEntry>> auditLog() override;
    TenderRead<VerifyReport> verify(const std::string& expectedSigner) override;
    CommandOutcome importBids(const std::vector<std::filesystem::path>& files,
                              const ImportProgress& progress) override;
    CommandOutcome addPanelMember(const std::string& name, PanelRole role) override;
    CommandOutcome declareInterests(const std::vector<ConflictDeclaration>& conflicts) override;
    CommandOutcome submitScores(const std::vector<ScoreSubmission>& scores) override;
    CommandOutcome reopenScore(const std::string& bidId, const std::string& criterionId,
                               const std::string& evaluator, const std::string& reason) override;
    CommandOutcome setConsensus(const std::string& bidId, const std::string& criterionId,
                                double value, const std::string& reason,
                                const std::string& changeReason) override;
    CommandOutcome decideAbnormallyLow(const std::string& bidId, bool accept,
                                       const std::string& reason) override;
    CommandOutcome advance(LifecycleState to, const std::string& reason,
                           std::optional<Date> noticeDate) override;
    CommandOutcome exclude(const std::string& bidId, const std::string& why,
                           std::optional<Date> day, bool withdrawn) override;
    CommandOutcome recordSensitivity(const OddsSettings& odds, const std::string& reason) override;

private:
    Workspace workspace_;
    std::string person_;
    const LivingWageTable* rates_;
    const BankHolidays* holidays_;
};

} // namespace fairtender
