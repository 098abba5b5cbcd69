#include "server/Api.h"

#include "identity/Passwords.h"
#include "server/ApiCall.h"
#include "server/OpenApiDocument.h"

#include <iostream>
#include <sstream>

namespace fairtender::server {

namespace {

using Access = Api::Operation::Access;

std::vector<std::string> segments(const std::string& path) {
    std::vector<std::string> out;
    std::string current;
    std::istringstream in(path);
    while (std::getline(in, current, '/'))
        if (!current.empty())
            out.push_back(current);
    return out;
}

// The path's parameters when `path` matches `pattern` ("{tender}" matches one segment).
std::optional<std::map<std::string, std::string>> matchPath(const std::string& pattern,
                                                            const std::string& path) {
    const auto want = segments(pattern);
    const auto got = segments(path);
    if (want.size() != got.size())
        return std::nullopt;
    std::map<std::string, std::string> params;
    for (std::size_t i = 0; i < want.size(); ++i) {
        if (want[i].starts_with('{') && want[i].ends_with('}'))
            params[want[i].substr(1, want[i].size() - 2)] = got[i];
        else if (want[i] != got[i])
            return std::nullopt;
    }
    return params;
}

} // namespace

ApiResponse jsonResponse(const std::string& body, int status) {
    ApiResponse response;
    response.status = status;
    response.body = body;
    return response;
}

ApiResponse emptyResponse() {
    ApiResponse response;
    response.status = 204;
    return response;
}

const std::vector<Api::Operation>& Api::operations() {
    static const std::vector<Operation> kOperations = {
        {"GET", "/api/v1/health", "health", Access::Public, &Api::health},
        {"GET", "/api/v1/openapi.json", "openApi", Access::Public, &Api::openApi},
        {"GET", "/api/v1/signing-key", "signingKey", Access::Public, &Api::signingKey},
        {"POST", "/api/v1/sessions", "signIn", Access::Public, &Api::signIn},
        {"GET", "/api/v1/sessions/current", "currentSession", Access::SignedIn,
         &Api::currentSession},
        {"DELETE", "/api/v1/sessions/current", "signOut", Access::SignedIn, &Api::signOut},
        {"GET", "/api/v1/sessions", "listOwnSessions", Access::SignedIn, &Api::listOwnSessions},
        {"POST", "/api/v1/sessions/ended", "endOwnSessions", Access::SignedIn,
         &Api::endOwnSessions},
        {"POST", "/api/v1/sessions/all-ended", "endEverySession", Access::Administrator,
         &Api::endEverySession},
        {"PUT", "/api/v1/accounts/me/password", "changeOwnPassword", Access::SignedIn,
         &Api::changeOwnPassword},
        {"POST", "/api/v1/accounts/me/second-factor", "beginSecondFactor", Access::SignedIn,
         &Api::beginSecondFactor},
        {"PUT", "/api/v1/accounts/me/second-factor", "confirmSecondFactor", Access::SignedIn,
         &Api::confirmSecondFactor},
        {"POST", "/api/v1/accounts/{account}/second-factor-reset", "resetSecondFactor",
         Access::Administrator, &Api::resetSecondFactor},
        {"GET", "/api/v1/accounts", "listAccounts", Access::Administrator, &Api::listAccounts},
        {"POST", "/api/v1/accounts", "createAccount", Access::Administrator, &Api::createAccount},
        {"PATCH", "/api/v1/accounts/{account}", "updateAccount", Access::Administrator,
         &Api::updateAccount},
        {"POST", "/api/v1/accounts/{account}/sessions/ended", "endAccountSessions",
         Access::Administrator, &Api::endAccountSessions},
        {"POST", "/api/v1/accounts/{account}/password-reset", "resetPassword",
         Access::Administrator, &Api::resetPassword},
        {"GET", "/api/v1/tenders", "listTenders", Access::SignedIn, &Api::listTenders},
        {"POST", "/api/v1/tenders", "createTender", Access::SignedIn, &Api::createTender},
        {"GET", "/api/v1/tenders/{tender}", "tenderStatus", Access::SignedIn, &Api::tenderStatus},
        {"GET", "/api/v1/tenders/{tender}/model", "getModel", Access::SignedIn, &Api::getModel},
        {"GET", "/api/v1/tenders/{tender}/panel", "getPanel", Access::SignedIn, &Api::getPanel},
        {"POST", "/api/v1/tenders/{tender}/panel", "addPanelMember", Access::SignedIn,
         &Api::addPanelMember},
        {"PUT", "/api/v1/tenders/{tender}/declaration", "declareInterests", Access::SignedIn,
         &Api::declareInterests},
        {"POST", "/api/v1/tenders/{tender}/bids", "importBids", Access::SignedIn, &Api::importBids},
        {"GET", "/api/v1/tenders/{tender}/bids", "listBids", Access::SignedIn, &Api::listBids},
        {"GET", "/api/v1/tenders/{tender}/todo", "getTodo", Access::SignedIn, &Api::getTodo},
        {"POST", "/api/v1/tenders/{tender}/scores", "submitScores", Access::SignedIn,
         &Api::submitScores},
        {"GET", "/api/v1/tenders/{tender}/scores", "getScores", Access::SignedIn, &Api::getScores},
        {"GET", "/api/v1/tenders/{tender}/scoring", "scoringView", Access::SignedIn,
         &Api::scoringView},
        {"POST", "/api/v1/tenders/{tender}/reopenings", "reopenScore", Access::SignedIn,
         &Api::reopenScore},
        {"GET", "/api/v1/tenders/{tender}/moderation", "moderationAgenda", Access::SignedIn,
         &Api::moderationAgenda},
        {"POST", "/api/v1/tenders/{tender}/consensus", "setConsensus", Access::SignedIn,
         &Api::setConsensus},
        {"POST", "/api/v1/tenders/{tender}/abnormally-low-decisions", "decideAbnormallyLow",
         Access::SignedIn, &Api::decideAbnormallyLow},
        {"POST", "/api/v1/tenders/{tender}/stage", "advance", Access::SignedIn, &Api::advance},
        {"POST", "/api/v1/tenders/{tender}/exclusions", "exclude", Access::SignedIn, &Api::exclude},
        {"POST", "/api/v1/tenders/{tender}/sensitivity-runs", "recordSensitivity",
         Access::SignedIn, &Api::recordSensitivity},
        {"GET", "/api/v1/tenders/{tender}/ranking", "ranking", Access::SignedIn, &Api::ranking},
        {"GET", "/api/v1/tenders/{tender}/ranking/explanations/{bid}", "explainRanking",
         Access::SignedIn, &Api::explainRanking},
        {"GET", "/api/v1/tenders/{tender}/log", "auditLog", Access::SignedIn, &Api::auditLog},
        {"GET", "/api/v1/tenders/{tender}/verify", "verify", Access::SignedIn, &Api::verify},
        {"GET", "/api/v1/tenders/{tender}/documents/scorecard", "scorecard", Access::SignedIn,
         &Api::scorecard},
        {"GET", "/api/v1/tenders/{tender}/documents/award-report", "awardReport", Access::SignedIn,
         &Api::awardReport},
        {"GET", "/api/v1/tenders/{tender}/documents/summaries/{bid}", "assessmentSummary",
         Access::SignedIn, &Api::assessmentSummary},
        {"GET", "/api/v1/tenders/{tender}/documents/ocds", "ocdsPackage", Access::SignedIn,
         &Api::ocdsPackage},
    };
    return kOperations;
}

Api::Api(ServerContext context) : context_(std::move(context)) {}

ApiResponse Api::handle(const ApiRequest& request) {
    ApiResponse response;
    try {
        const Operation* found = nullptr;
        bool pathKnown = false;
        std::map<std::string, std::string> params;
        for (const auto& operation : operations()) {
            const auto matched = matchPath(operation.path, request.path);
            if (!matched)
                continue;
            pathKnown = true;
            if (operation.method == request.method) {
                found = &operation;
                params = *matched;
                break;
            }
        }
        if (!found) {
            response =
                pathKnown
                    ? errorResponse("route.method", request.method + " is not an operation on " +
                                                        request.path + "; see /api/v1/openapi.json")
                    : errorResponse("route.unknown", request.path + " is not part of the API; see "
                                                                    "/api/v1/openapi.json");
        } else {
            Call call{request, std::nullopt, params};
            response = dispatch(*found, call);
        }
    } catch (const std::exception& e) {
        response = errorResponse("server.internal", e.what(), 500);
    }
    // A server failure says nothing of the inside (paths, SQL, the database's words): the
    // cause goes to the server's log.
    if (response.status >= 500 && response.status != 503) {
        std::cerr << "fairtender-server: " << request.method << " " << request.path << ": "
                  << response.body << "\n";
        const auto headers = response.headers;
        response = errorResponse("server.internal",
                                 "the server could not complete the request; its log says why");
        response.headers = headers;
    }
    response.headers.emplace_back("Cache-Control", "no-store");
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
    return response;
}

ApiResponse Api::dispatch(const Operation& operation, Call& call) {
    if (operation.access != Access::Public) {
        if (call.request.bearerToken.empty()) {
            ApiResponse refused =
                errorResponse("auth.no-session", "sign in first: POST /api/v1/sessions gives a "
                                                 "token to send as Authorization: Bearer TOKEN");
            refused.headers.emplace_back("WWW-Authenticate", "Bearer");
            return refused;
        }
        const SessionCheck session =
            context_.accounts->session(call.request.bearerToken, context_.now());
        if (!session.account) {
            ApiResponse refused =
                errorResponse("auth.no-session", "the session has ended (" + session.endedBecause +
                                                     "): sign in again with POST /api/v1/sessions");
            refused.headers.emplace_back("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return refused;
        }
        call.account = session.account;
        const bool passwordOperation = operation.operationId == "changeOwnPassword" ||
                                       operation.operationId == "signOut" ||
                                       operation.operationId == "currentSession";
        if (call.account->mustChangePassword && !passwordOperation)
            return errorResponse("auth.must-change-password",
                                 "the password of " + call.who() +
                                     " was set by an administrator: choose your own first "
                                     "with PUT /api/v1/accounts/me/password");
        const bool enrolling = operation.operationId == "beginSecondFactor" ||
                               operation.operationId == "confirmSecondFactor";
        if (context_.accounts->policy().requireSecondFactor && !call.account->secondFactor &&
            !passwordOperation && !enrolling)
            return errorResponse("auth.second-factor-required",
                                 "this server signs every account in with a second factor, and " +
                                     call.who() +
                                     " has none yet: enrol one first (POST "
                                     "/api/v1/accounts/me/second-factor), then sign in again "
                                     "with its code");
        if (operation.access == Access::Administrator && !call.account->administrator)
            return errorResponse("account.not-administrator",
                                 call.who() + " is not a site administrator: only an "
                                              "administrator manages accounts");
    }
    return (this->*operation.handler)(call);
}

ApiResponse Api::health(Call&) {
    return jsonResponse(JsonObject().text("status", "ok").str());
}

ApiResponse Api::openApi(Call&) {
    return jsonResponse(std::string(openApiDocument()));
}

ApiResponse Api::signingKey(Call&) {
    return jsonResponse(JsonObject()
                            .text("algorithm", "Ed25519")
                            .text("publicKey", context_.signer->publicKeyHex())
                            .str());
}

// Sessions and accounts.

namespace {

std::string accountJson(const Account& account) {
    return JsonObject()
        .text("name", account.name)
        .boolean("administrator", account.administrator)
        .boolean("disabled", account.disabled)
        .boolean("mustChangePassword", account.mustChangePassword)
        .boolean("secondFactor", account.secondFactor)
        .str();
}

} // namespace

ApiResponse Api::signIn(Call& call) {
    RequestBody body(call.request.body, {"user", "password", "code"});
    const auto user = body.text("user", true);
    const auto password = body.text("password", true);
    const auto code = body.text("code", false);
    if (!body.ok())
        return errorResponse(body.problems());
    const SignInOutcome outcome = context_.accounts->signIn(
        *user, *password, call.request.clientAddress, context_.now(), code.value_or(""));
    if (!outcome.ok()) {
        ApiResponse refused = errorResponse(Diagnostics{outcome.refused});
        if (outcome.retryAfterSeconds > 0)
            refused.headers.emplace_back("Retry-After", std::to_string(outcome.retryAfterSeconds));
        return refused;
    }
    const SessionPolicy& policy = context_.accounts->policy();
    return jsonResponse(JsonObject()
                            .text("token", *outcome.token)
                            .raw("account", accountJson(outcome.account))
                            .integer("idleTimeoutSeconds", policy.idleSeconds)
                            .integer("lifetimeSeconds", policy.lifetimeSeconds)
                            .str(),
                        201);
}

ApiResponse Api::currentSession(Call& call) {
    return jsonResponse(JsonObject().raw("account", accountJson(*call.account)).str());
}

ApiResponse Api::signOut(Call& call) {
    context_.accounts->signOut(call.request.bearerToken, context_.now());
    return emptyResponse();
}

namespace {

// An administrator's change to an account needs their own password again: a session left
// open on someone's desk does not hand out accounts.
std::optional<ApiResponse> refusedReauthentication(const AccountStore& accounts,
                                                   const std::string& who,
                                                   const std::optional<std::string>& password) {
    if (password && accounts.passwordIs(who, *password))
        return std::nullopt;
    return errorResponse("account.password",
                         "your password is wrong: give your own password again (\"password\") "
                         "to change an account",
                         422);
}

// A request whose body is the administrator's own password, given again: the refusal when
// the body is not that or the password is wrong.
std::optional<ApiResponse> refusedUnlessPasswordAlone(const std::string& requestBody,
                                                      const std::string& who,
                                                      const AccountStore& accounts) {
    RequestBody body(requestBody, {"password"});
    const auto own = body.text("password", true);
    if (!body.ok())
        return errorResponse(body.problems());
    return refusedReauthentication(accounts, who, own);
}

} // namespace

ApiResponse Api::beginSecondFactor(Call& call) {
    RequestBody body(call.request.body, {"password"});
    const auto password = body.text("password", true);
    if (!body.ok())
        return errorResponse(body.problems());
    // The app names the server the code is for by its address.
    const SecondFactorEnrolment enrolment = context_.accounts->beginSecondFactor(
        call.who(), *password, "Fairtender " + context_.publicUrl, context_.now());
    if (!enrolment.ok())
        return errorResponse(enrolment.problems);
    return jsonResponse(
        JsonObject().text("secret", enrolment.secret).text("uri", enrolment.uri).str(), 201);
}

ApiResponse Api::confirmSecondFactor(Call& call) {
    RequestBody body(call.request.body, {"code"});
    const auto code = body.text("code", true);
    if (!body.ok())
        return errorResponse(body.problems());
    const Diagnostics problems =
        context_.accounts->confirmSecondFactor(call.who(), *code, context_.now());
    if (!problems.empty())
        return errorResponse(problems);
    return emptyResponse();
}

ApiResponse Api::resetSecondFactor(Call& call) {
    if (auto refused =
            refusedUnlessPasswordAlone(call.request.body, call.who(), *context_.accounts))
        return *refused;
    const Diagnostics problems =
        context_.accounts->resetSecondFactor(call.who(), call.param("account"), context_.now());
    if (!problems.empty())
        return errorResponse(problems);
    return jsonResponse(accountJson(*context_.accounts->account(call.param("account"))));
}

ApiResponse Api::listOwnSessions(Call& call) {
    JsonArray list;
    for (const auto& session :
         context_.accounts->liveSessionsOf(call.who(), call.request.bearerToken, context_.now()))
        list.add(JsonObject()
                     .text("id", session.id)
                     .integer("createdAt", session.createdAt)
                     .integer("lastSeenAt", session.lastSeenAt)
                     .boolean("current", session.current));
    return jsonResponse(JsonObject().raw("sessions", list.str()).str());
}

namespace {

ApiResponse endedResponse(const SessionsEnded& ended) {
    if (!ended.ok())
        return errorResponse(ended.problems);
    return jsonResponse(
        JsonObject().integer("ended", static_cast<std::int64_t>(ended.ended)).str());
}

} // namespace

ApiResponse Api::endOwnSessions(Call& call) {
    // The password again: whoever holds a session alone cannot end the others.
    RequestBody body(call.request.body, {"password", "session"});
    const auto password = body.text("password", true);
    const auto session = body.text("session", false);
    if (!body.ok())
        return errorResponse(body.problems());
    return endedResponse(context_.accounts->endOwnSessions(
        call.who(), *password, session.value_or(""), call.request.bearerToken, context_.now()));
}

ApiResponse Api::endAccountSessions(Call& call) {
    RequestBody body(call.request.body, {"password"});
    const auto password = body.text("password", true);
    if (!body.ok())
        return errorResponse(body.problems());
    return endedResponse(context_.accounts->endSessionsOf(
        call.who(), *password, call.param("account"), call.request.bearerToken, context_.now()));
}

ApiResponse Api::endEverySession(Call& call) {
    RequestBody body(call.request.body, {"password"});
    const auto password = body.text("password", true);
    if (!body.ok())
        return errorResponse(body.problems());
    return endedResponse(context_.accounts->endSessionsOf(
        call.who(), *password, "", call.request.bearerToken, context_.now()));
}

ApiResponse Api::changeOwnPassword(Call& call) {
    RequestBody body(call.request.body, {"current", "new"});
    const auto current = body.text("current", true);
    const auto replacement = body.text("new", true);
    if (!body.ok())
        return errorResponse(body.problems());
    const Diagnostics problems =
        context_.accounts->changePassword(call.who(), *current, *replacement, context_.now());
    if (!problems.empty())
        return errorResponse(problems, 422);
    return emptyResponse();
}

ApiResponse Api::listAccounts(Call&) {
    JsonArray list;
    for (const auto& account : context_.accounts->accounts())
        list.raw(accountJson(account));
    return jsonResponse(JsonObject().raw("accounts", list.str()).str());
}

ApiResponse Api::createAccount(Call& call) {
    RequestBody body(call.request.body, {"name", "administrator", "password"});
    const auto name = body.text("name", true);
    const bool administrator = body.boolean("administrator", false).value_or(false);
    const auto own = body.text("password", true);
    if (!body.ok())
        return errorResponse(body.problems());
    if (auto refused = refusedReauthentication(*context_.accounts, call.who(), own))
        return *refused;
    const std::string password = oneTimePassword(name.value_or(""));
    const Diagnostics problems = context_.accounts->createAccount(
        call.who(), *name, password, administrator, true, context_.now());
    if (!problems.empty())
        return errorResponse(problems);
    return jsonResponse(JsonObject()
                            .raw("account", accountJson(*context_.accounts->account(*name)))
                            .text("oneTimePassword", password)
                            .str(),
                        201);
}

ApiResponse Api::updateAccount(Call& call) {
    RequestBody body(call.request.body, {"disabled", "password"});
    const auto disabled = body.boolean("disabled", true);
    const auto own = body.text("password", true);
    if (!body.ok())
        return errorResponse(body.problems());
    if (auto refused = refusedReauthentication(*context_.accounts, call.who(), own))
        return *refused;
    const Diagnostics problems = context_.accounts->setDisabled(call.who(), call.param("account"),
                                                                *disabled, context_.now());
    if (!problems.empty())
        return errorResponse(problems);
    return jsonResponse(accountJson(*context_.accounts->account(call.param("account"))));
}

ApiResponse Api::resetPassword(Call& call) {
    if (auto refused =
            refusedUnlessPasswordAlone(call.request.body, call.who(), *context_.accounts))
        return *refused;
    const std::string password = oneTimePassword(call.param("account"));
    const Diagnostics problems = context_.accounts->resetPassword(call.who(), call.param("account"),
                                                                  password, context_.now());
    if (!problems.empty())
        return errorResponse(problems);
    return jsonResponse(JsonObject().text("oneTimePassword", password).str());
}

} // namespace fairtender::server
