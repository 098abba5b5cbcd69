#include "core/Diagnostic.h"

#include <algorithm>

namespace fairtender {

std::string SourceLocation::toString() const {
    if (line <= 0)
        return file;
    return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

std::string Diagnostic::toString() const {
    return where.toString() + (severity == Severity::Warning ? ": warning: " : ": ") + message;
}

Diagnostic errorAt(SourceLocation where, std::string message) {
    return Diagnostic{Severity::Error, std::move(where), std::move(message), {}};
}

Diagnostic warningAt(SourceLocation where, std::string message) {
    return Diagnostic{Severity::Warning, std::move(where), std::move(message), {}};
}

bool hasErrors(const Diagnostics& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

} // namespace fairtender
