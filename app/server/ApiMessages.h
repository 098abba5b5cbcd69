// ApiMessages: a request and a response of the server's API as plain values, so the API is a
// function from one to the other and the HTTP transport (HttpFrontEnd) stays at the edge.
#pragma once

#include "core/Diagnostic.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace fairtender::server {

struct ApiRequest {
    std::string method; // "GET", "POST", ...
    std::string path;   // decoded, without the query: "/api/v1/tenders/meals"
    std::map<std::string, std::string> query;
    std::string bearerToken; // from "Authorization: Bearer ..."; empty when none
    std::string ifMatch;     // the head hash of If-Match, without quotes; empty when none
    std::string body;
    std::string clientAddress;
};

struct ApiResponse {
    int status = 200;
    std::string body; // JSON, or the bytes of a document
    std::string contentType = "application/json; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;
};

// The HTTP status for a diagnostic code, in one place: 401 for a missing or ended session,
// 403 for what the person's account or role does not allow, 404 for what does not exist,
// 409 for what the tender's stage does not allow (a name taken, or a change sent against a
// head that is no longer the tender's), 413 for a body too
// large, 422 for input the rules refuse (uncoded file problems included), 429 for a
// throttled sign-in, 503 for a store busy with other writers.
int httpStatusFor(const std::string& code);

// The error document {"code", "message", "details": [...]}: the first error gives code and
// message, every diagnostic is a detail with its code, severity and file:line:column.
ApiResponse errorResponse(const Diagnostics& problems, int status = 0);
ApiResponse errorResponse(const std::string& code, const std::string& message, int status = 0);

} // namespace fairtender::server
