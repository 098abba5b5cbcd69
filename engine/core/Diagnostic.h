// Diagnostic: one problem found in the user's files (or a lint warning), with the file,
// line and column it concerns and a message that says what to do. Validation collects
// every diagnostic it finds rather than stopping at the first.
#pragma once

#include <string>
#include <vector>

namespace fairtender {

// Where something came from: a file and a 1-based line and column. Line 0 means
// "the file as a whole" (e.g. a file that cannot be read).
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;

    // "tender.xml:12:5", or "tender.xml" when there is no line.
    std::string toString() const;
};

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    SourceLocation where;
    std::string message;
    // A stable name for the kind of problem ("import-bids.draft"; docs/diagnostic-codes.md),
    // by which a front end adds its own how-to; empty where none is given.
    std::string code;

    // "tender.xml:12:5: message" for errors, "tender.xml:12:5: warning: message" for warnings.
    std::string toString() const;
};

using Diagnostics = std::vector<Diagnostic>;

Diagnostic errorAt(SourceLocation where, std::string message);
Diagnostic warningAt(SourceLocation where, std::string message);
bool hasErrors(const Diagnostics& diagnostics);

} // namespace fairtender
