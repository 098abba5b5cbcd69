// Api: the server's REST API under /api/v1 as one function from request to response. It
// adds identity (who the bearer token says is asking) and transport; every rule about the
// tender comes from the engine: the workspace refuses what PanelRules refuses, and what a
// person may read is what PanelRules::viewRefusals and PanelViews allow them.
#pragma once

#include "audit/AuditSignature.h"
#include "identity/AccountStore.h"
#include "io/xml/ReferenceData.h"
#include "lifecycle/PanelRules.h"
#include "server/ApiMessages.h"
#include "server/RankingCache.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fairtender {
class Workspace;
struct BankHolidays;
} // namespace fairtender

namespace fairtender::server {

// Where the server keeps its tenders, and what it reads them with.
struct ServerContext {
    AccountStore* accounts = nullptr;
    // One of: a folder holding tenders/NAME.ftw, or a PostgreSQL database URI (no tender).
    std::filesystem::path dataFolder;
    std::string databaseUri;
    // Where uploaded files wait while a tender is created from them or bids are imported.
    std::filesystem::path uploads;
    const LivingWageTable* rates = nullptr;
    const BankHolidays* holidays = nullptr;
    // Signs every audit entry the server writes; its public key is published at
    // /api/v1/signing-key and verify requires it.
    std::shared_ptr<const AuditSigningKey> signer;
    std::function<std::int64_t()> now = secondsNow;
    // The address people reach this server by ("https://tenders.example.gov.uk"): documents
    // name the tender's address under it as what to verify. Empty: not known.
    std::string publicUrl;
};

class Api {
public:
    struct Call;
    using Handler = ApiResponse (Api::*)(Call&);

    // One operation of the API: what the OpenAPI document calls it, who may call it at all
    // (before the engine's rules: anyone, anyone signed in, or a site administrator), and
    // what answers it.
    struct Operation {
        enum class Access { Public, SignedIn, Administrator };
        std::string method;
        std::string path; // "/api/v1/tenders/{tender}/scores"
        std::string operationId;
        Access access = Access::SignedIn;
        Handler handler = nullptr;
    };

    explicit Api(ServerContext context);

    // The address people reach the server by, once known (before the first request).
    void setPublicUrl(std::string url) { context_.publicUrl = std::move(url); }

    ApiResponse handle(const ApiRequest& request);

    // Every operation, in the order the OpenAPI document lists them.
    static const std::vector<Operation>& operations();

    // The largest request body taken (a tender with its bids, as JSON).
    static constexpr std::size_t kMaxBodyBytes = 64 * 1024 * 1024;

private:
    ApiResponse dispatch(const Operation& operation, Call& call);
    std::string tenderLocation(const std::string& tender) const;
    // The tender the call's path names, opened for the person signed in, refused unless
    // they may read `view` of it (TenderOperations).
    struct OpenedTender;
    OpenedTender openTender(const Call& call, WorkspaceView view = WorkspaceView::Status) const;

    ApiResponse health(Call& call);
    ApiResponse openApi(Call& call);
    ApiResponse signingKey(Call& call);
    ApiResponse signIn(Call& call);
    ApiResponse currentSession(Call& call);
    ApiResponse signOut(Call& call);
    ApiResponse explainRanking(Call& call);
    ApiResponse beginSecondFactor(Call& call);
    ApiResponse confirmSecondFactor(Call& call);
    ApiResponse resetSecondFactor(Call& call);
    ApiResponse listOwnSessions(Call& call);
    ApiResponse endOwnSessions(Call& call);
    ApiResponse endAccountSessions(Call& call);
    ApiResponse endEverySession(Call& call);
    ApiResponse changeOwnPassword(Call& call);
    ApiResponse listAccounts(Call& call);
    ApiResponse createAccount(Call& call);
    ApiResponse updateAccount(Call& call);
    ApiResponse resetPassword(Call& call);
    ApiResponse listTenders(Call& call);
    ApiResponse createTender(Call& call);
    ApiResponse tenderStatus(Call& call);
    ApiResponse getModel(Call& call);
    ApiResponse scoringView(Call& call);
    ApiResponse getPanel(Call& call);
    ApiResponse addPanelMember(Call& call);
    ApiResponse declareInterests(Call& call);
    ApiResponse importBids(Call& call);
    ApiResponse listBids(Call& call);
    ApiResponse getTodo(Call& call);
    ApiResponse submitScores(Call& call);
    ApiResponse getScores(Call& call);
    ApiResponse reopenScore(Call& call);
    ApiResponse moderationAgenda(Call& call);
    ApiResponse setConsensus(Call& call);
    ApiResponse decideAbnormallyLow(Call& call);
    ApiResponse advance(Call& call);
    ApiResponse exclude(Call& call);
    ApiResponse recordSensitivity(Call& call);
    ApiResponse ranking(Call& call);
    ApiResponse auditLog(Call& call);
    ApiResponse verify(Call& call);
    // The documents (DocumentOperations).
    ApiResponse scorecard(Call& call);
    ApiResponse awardReport(Call& call);
    ApiResponse assessmentSummary(Call& call);
    ApiResponse ocdsPackage(Call& call);

    ServerContext context_;
    // The rankings evaluated, each kept for as long as its tender's head stands.
    std::shared_ptr<RankingCache> rankings_ = std::make_shared<RankingCache>();
};

} // namespace fairtender::server
