// The state of one API call while it is handled: the request, who signed in, the path's
// parameters, and the helpers the operations share (a body read strictly, a tender opened
// for a reader). Internal to app/server.
#pragma once

#include "lifecycle/PanelRules.h"
#include "server/Api.h"
#include "server/Json.h"
#include "store/Workspace.h"

#include <filesystem>
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

// A tender opened for one call, or the response saying why not.
struct Api::OpenedTender {
    std::optional<Workspace> workspace;
    ApiResponse refused;
};

// A response with `body` and `status`.
ApiResponse jsonResponse(const std::string& body, int status = 200);
// 204 No Content.
ApiResponse emptyResponse();

// `problems` as a client sees them: a problem located at the workspace itself is located at
// no file, and no message names where the server keeps its tenders.
Diagnostics forClient(Diagnostics problems, const Workspace& ws);

// A command's outcome, with the tender's head after it as the ETag: what the next change
// sends as If-Match.
ApiResponse commandResponse(const CommandOutcome& outcome, const Workspace& ws);

// A folder of its own under `uploads` for the files of one request (uploaded, or a
// document being made), removed at the end.
class UploadFolder {
public:
    explicit UploadFolder(const std::filesystem::path& uploads);
    ~UploadFolder();
    UploadFolder(const UploadFolder&) = delete;
    UploadFolder& operator=(const UploadFolder&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path write(const std::string& relative, const std::string& text) const;
    // `problems` as the person sent the files: named without this folder.
    Diagnostics relative(Diagnostics problems) const;

private:
    std::filesystem::path path_;
};

} // namespace fairtender::server
