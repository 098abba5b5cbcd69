#include "store/WorkspaceLocation.h"

#include <string_view>

namespace fairtender {

namespace {

bool isValidTenderName(const std::string& name) {
    if (name.empty() || name.size() > 48 || name[0] < 'a' || name[0] > 'z')
        return false;
    for (const char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return false;
    return true;
}

// The URI with any password replaced by "***", so that diagnostics never show it.
std::string withoutPassword(const std::string& uri) {
    const auto scheme = uri.find("://");
    const auto at = uri.find('@', scheme + 3);
    const auto slash = uri.find('/', scheme + 3);
    if (at == std::string::npos || (slash != std::string::npos && at > slash))
        return uri;
    const auto colon = uri.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at)
        return uri;
    return uri.substr(0, colon + 1) + "***" + uri.substr(at);
}

} // namespace

WorkspaceLocation WorkspaceLocation::ofFile(const std::filesystem::path& file) {
    WorkspaceLocation location;
    location.file = file;
    location.shown = file.string();
    return location;
}

std::optional<WorkspaceLocation> WorkspaceLocation::parse(const std::string& text,
                                                          std::string& why) {
    if (!isPostgresLocation(text))
        return ofFile(text);
    WorkspaceLocation location;
    location.kind = Kind::Postgres;
    const auto query = text.find('?');
    std::string kept = text.substr(0, query);
    std::string parameters;
    if (query != std::string::npos) {
        std::string_view rest = std::string_view(text).substr(query + 1);
        while (!rest.empty()) {
            const auto amp = rest.find('&');
            const std::string_view pair = rest.substr(0, amp);
            if (pair.starts_with("tender="))
                location.tender = std::string(pair.substr(7));
            else if (!pair.empty())
                parameters += (parameters.empty() ? "" : "&") + std::string(pair);
            rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        }
    }
    if (!isValidTenderName(location.tender)) {
        why = location.tender.empty()
                  ? std::string("names no tender: add the parameter tender=NAME to the URI (") +
                        (query == std::string::npos ? "?" : "&") +
                        "tender=NAME; lower-case letters, digits, '-' and '_', starting with a "
                        "letter)"
                  : "has the tender name \"" + location.tender +
                        "\", which is not lower-case letters, digits, '-' and '_' starting "
                        "with a letter (at most 48)";
        return std::nullopt;
    }
    location.conninfo = parameters.empty() ? kept : kept + "?" + parameters;
    location.shown = withoutPassword(text);
    return location;
}

bool WorkspaceLocation::validTenderName(const std::string& name) {
    return isValidTenderName(name);
}

std::string WorkspaceLocation::tenderUri(const std::string& databaseUri,
                                         const std::string& tender) {
    return databaseUri + (databaseUri.find('?') == std::string::npos ? "?" : "&") +
           "tender=" + tender;
}

} // namespace fairtender
