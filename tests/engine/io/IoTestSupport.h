// Helpers shared by the XML reader tests: documents built line by line, so a test can
// name the exact line and column it expects a diagnostic at.
#pragma once

#include "core/Diagnostic.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace fairtender::testing {

inline std::string lines(const std::vector<std::string>& text) {
    std::string out;
    for (const auto& line : text)
        out += line + "\n";
    return out;
}

inline std::string describe(const Diagnostics& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics)
        out += "  " + d.toString() + "\n";
    return out.empty() ? "  (none)\n" : out;
}

// Success when some diagnostic sits at line:column and its message contains `text`.
inline ::testing::AssertionResult hasDiagnostic(const Diagnostics& diagnostics, int line,
                                                int column, std::string_view text) {
    for (const auto& d : diagnostics)
        if (d.where.line == line && d.where.column == column &&
            d.message.find(text) != std::string::npos)
            return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << "no diagnostic at " << line << ":" << column << " containing '" << text << "'; got:\n"
           << describe(diagnostics);
}

// Success when some diagnostic's message contains `text`, wherever it is.
inline ::testing::AssertionResult hasMessage(const Diagnostics& diagnostics,
                                             std::string_view text) {
    for (const auto& d : diagnostics)
        if (d.message.find(text) != std::string::npos)
            return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "no diagnostic containing '" << text << "'; got:\n"
                                         << describe(diagnostics);
}

} // namespace fairtender::testing
