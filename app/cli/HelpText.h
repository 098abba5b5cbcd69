// HelpText: what `fairtender --help`, `fairtender help COMMAND` and `COMMAND --help`
// print. Each text teaches by a real example on samples/school-meals, lists the options
// and says what the exit codes mean.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fairtender::cli {

// The overview of every command.
std::string generalHelp();

// The help for one command; nullopt for a name that is not a command.
std::optional<std::string> commandHelp(std::string_view command);

// The command names, in the order the overview lists them.
const std::vector<std::string>& commandNames();

// "fairtender 0.1.0"
std::string versionText();

} // namespace fairtender::cli
