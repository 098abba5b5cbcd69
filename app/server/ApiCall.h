// The state of one API call while it is handled: the request, who signed in, the path's
// parameters, and the helpers the operations share (a body read strictly, a tender opened
// for a reader). Internal to app/server.
#pragma once

#include "server/Api.h"
#include "server/Json.h"

#include <map>
#include <memory>
#include <optional>

namespace fairtender::server {

struct Api::Call {
    const ApiRequest& request;
    std::optional<Account> account; // set for every operation that is not public
    std::map<std::string, std::string> params;

    const std::string& who() const { return account->name; }
    const std::string& param(const std::string& name) const { return params.at(name); }
};

// A response with `body` and `status`.
ApiResponse jsonResponse(const std::string& body, int status = 200);
// 204 No Content.
ApiResponse emptyResponse();

} // namespace fairtender::server
