// RemoteTender: a tender on a fairtender-server, worked on as the account signed in (the
// session `fairtender login` kept). Every read is what the server sent that account, so
// what the role, stage and declarations forbid never reaches this machine.
#pragma once

#include "client/ServerConnection.h"
#include "store/TenderAccess.h"

#include <functional>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace fairtender::client {

class RemoteTender final : public TenderAccess {
public:
    // The tender `where` names, as the account of the session kept for its server; nullopt
    // with why (not signed in, the session ended, no such tender) in `problems`.
    static std::unique_ptr<RemoteTender> open(const ServerLocation& where, Diagnostics& problems);
    // The same with a session held by the caller (the desktop keeps its token in memory).
    static std::unique_ptr<RemoteTender> open(const ServerLocation& where,
                                              const SavedSession& session, Diagnostics& problems);
    // Uploads the tender folder (tender.xml and bids/*.xml; never evaluations.xml, since on
    // a server each evaluator scores) as the tender `where` names, led by the account signed
    // in; what it holds, or why not in `problems`, files named as in `folder`.
    static std::optional<WorkspaceStatus>
    create(const ServerLocation& where, const std::filesystem::path& folder, Diagnostics& problems);
    // The same with a session held by the caller.
    static std::optional<WorkspaceStatus> create(const ServerLocation& where,
                                                 const SavedSession& session,
                                                 const std::filesystem::path& folder,
                                                 Diagnostics& problems);

    const ServerLocation& location() const { return where_; }
    // One call on this tender ("" for the tender itself, "/ranking", ...), as the account.
    ServerReply call(const std::string& method, const std::string& subpath,
                     const std::string& body = "") const;

    // A document the server makes from its verified record (`subpath` such as
    // "/documents/scorecard"): its bytes, which must begin with `magic` so that a proxy's
    // error page is never taken for it, or the server's refusal.
    TenderRead<std::string> document(const std::string& subpath, std::string_view magic) const;
    // The same read of a reply already received.
    TenderRead<std::string> documentFrom(const ServerReply& reply, std::string_view magic) const;
    // Every bid's assessment summary (PDF) the server made, as bid id and bytes, each fetched
    // before any is returned; a bid it has none for (one excluded) is left out. `fetching`
    // hears of each bid before it is asked for.
    TenderRead<std::vector<std::pair<std::string, std::string>>>
    assessmentSummaries(const std::function<void(const std::string& bidId)>& fetching = {});

    // The tender and its evaluation model (tender.xml) as stored on the server; `rates`
    // (may be null) for a living wage rate named by its date.
    TenderRead<Tender> model(const LivingWageTable* rates);
    // The ranking the account may see (prices and points), read back into a result of
    // `tender`, the model above; refused (price-blind, not on the panel) in `problems`.
    TenderRead<EvaluationResult> ranking(const Tender& tender);

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
    RemoteTender(ServerLocation where, std::string token, std::string person);
    CommandOutcome command(const std::string& subpath, const std::string& body,
                           const std::string& method = "POST") const;
    // GET of the tender itself, which gives both its status and its award history: asked
    // once until a command changes the tender.
    const ServerReply& tenderReply() const;

    ServerLocation where_;
    std::string token_;
    std::string person_;
    mutable std::optional<ServerReply> tenderReply_;
};

} // namespace fairtender::client
