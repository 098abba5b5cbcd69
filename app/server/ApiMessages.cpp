#include "server/ApiMessages.h"

#include "server/Json.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace fairtender::server {

namespace {

bool endsWith(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

} // namespace

int httpStatusFor(const std::string& code) {
    static const std::array<std::pair<std::string_view, int>, 28> kExact = {{
        {"auth.no-session", 401},
        {"sign-in.failed", 401},
        {"sign-in.throttled", 429},
        {"sign-in.one-time-expired", 401},
        {"sign-in.second-factor", 401},
        {"auth.second-factor-required", 403},
        {"auth.must-change-password", 403},
        {"account.not-administrator", 403},
        {"account.self", 403},
        {"account.unknown", 404},
        {"session.unknown", 404},
        {"tender.unknown", 404},
        {"route.unknown", 404},
        {"route.method", 405},
        {"account.exists", 409},
        {"tender.exists", 409},
        {"tender.head-changed", 409},
        {"request.too-large", 413},
        {"request.media-type", 415},
        {"score.undeclared", 409},
        {"advance.no-lead", 409},
        {"advance.awarded", 409},
        {"documents.not-locked", 409},
        {"award.notice-date-missing", 422},
        {"workspace.busy", 503},
        {"accounts.busy", 503},
        {"accounts.store", 500},
        {"server.internal", 500},
    }};
    for (const auto& [known, status] : kExact)
        if (code == known)
            return status;
    if (code.starts_with("request."))
        return 400;
    if (code.starts_with("view.") || endsWith(code, ".not-lead") ||
        endsWith(code, ".not-evaluator") || endsWith(code, ".not-moderator") ||
        endsWith(code, ".not-on-panel"))
        return 403;
    if (endsWith(code, ".stage") || endsWith(code, ".draft") || endsWith(code, ".closed") ||
        endsWith(code, ".frozen") || endsWith(code, ".locked"))
        return 409;
    return 422;
}

ApiResponse errorResponse(const Diagnostics& problems, int status) {
    const auto first = std::find_if(problems.begin(), problems.end(), [](const Diagnostic& d) {
        return d.severity == Severity::Error;
    });
    const Diagnostic lead = first != problems.end() ? *first
                            : problems.empty()      ? errorAt({}, "refused")
                                                    : problems.front();
    JsonObject body;
    body.text("code", lead.code.empty() ? "input.invalid" : lead.code);
    body.text("message", lead.message);
    body.raw("details", diagnosticsJson(problems));
    ApiResponse response;
    response.status = status != 0 ? status : httpStatusFor(lead.code);
    response.body = body.str();
    return response;
}

ApiResponse errorResponse(const std::string& code, const std::string& message, int status) {
    Diagnostic d = errorAt({}, message);
    d.code = code;
    return errorResponse(Diagnostics{d}, status);
}

} // namespace fairtender::server
