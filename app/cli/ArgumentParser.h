// ArgumentParser: one command's arguments checked against its syntax: known flags
// (--json), options with a value (--explain B1 or --explain=B1), and a fixed number of
// positional arguments, the last one repeatable when its name ends in "..." ("FILE...").
// Anything else is a usage error with a message saying what.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fairtender::cli {

struct CommandSyntax {
    std::set<std::string> flags;                // "--json"
    std::map<std::string, std::string> options; // "--explain" -> what its value is ("BID")
    std::vector<std::string> positionals;       // names, in order: {"FOLDER"}, {"WS", "FILE..."}
};

struct ParsedArguments {
    std::set<std::string> flags;
    std::map<std::string, std::string> options;
    std::vector<std::string> positionals;

    bool has(const std::string& flag) const { return flags.count(flag) != 0; }
    // The option's value, or nullopt when it was not given.
    std::optional<std::string> option(const std::string& name) const;
};

struct ParseResult {
    std::optional<ParsedArguments> arguments; // nullopt on a usage error
    std::string error;                        // "unknown option '--jsn'"
};

// Parses `args` (the words after the command name); "--" ends the options.
ParseResult parseArguments(const std::vector<std::string>& args, const CommandSyntax& syntax);

// True if `args` asks for help (-h or --help before any "--").
bool asksForHelp(const std::vector<std::string>& args);

} // namespace fairtender::cli
