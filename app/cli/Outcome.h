// Outcome: how a command ended, and the one place that turns it into an exit code and
// the text on standard error (spec section 5: 0 success, 1 invalid files, 2 usage).
// Commands never write to standard error themselves.
#pragma once

#include "core/Diagnostic.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace fairtender::cli {

enum class OutcomeKind {
    Success,       // exit 0; diagnostics may still hold warnings
    InvalidFiles,  // exit 1: the user's files have errors, listed as file:line:column
    Failure,       // exit 1: the command could not do its work (a folder cannot be written)
    Usage,         // exit 2: the command line itself is wrong
    InternalError, // exit 1: a fault in fairtender itself, with a request to report it
};

struct Outcome {
    OutcomeKind kind = OutcomeKind::Success;
    std::string command;               // for the "--help" pointer; empty at the top level
    std::vector<std::string> messages; // sentences for people, one line each
    Diagnostics diagnostics;           // errors and warnings in the user's files

    static Outcome success(Diagnostics warnings = {});
    static Outcome usage(std::string command, std::string message);
    static Outcome failure(std::string command, std::string message);
    static Outcome invalidFiles(std::string command, Diagnostics diagnostics);
    static Outcome internalError(std::string what);
};

// The exit code for `kind`: 0, 1 or 2.
int exitCode(OutcomeKind kind);

// Writes the outcome's diagnostics and messages to `err` and returns its exit code.
int finish(const Outcome& outcome, std::ostream& err);

} // namespace fairtender::cli
