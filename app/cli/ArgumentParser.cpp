#include "cli/ArgumentParser.h"

namespace fairtender::cli {

std::optional<std::string> ParsedArguments::option(const std::string& name) const {
    const auto it = options.find(name);
    if (it == options.end())
        return std::nullopt;
    return it->second;
}

ParseResult parseArguments(const std::vector<std::string>& args, const CommandSyntax& syntax) {
    ParsedArguments parsed;
    bool optionsEnded = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (!optionsEnded && arg == "--") {
            optionsEnded = true;
            continue;
        }
        if (optionsEnded || arg.size() < 2 || arg[0] != '-') {
            parsed.positionals.push_back(arg);
            continue;
        }
        const auto equals = arg.find('=');
        const std::string name = arg.substr(0, equals);
        if (syntax.flags.count(name) != 0) {
            if (equals != std::string::npos)
                return {std::nullopt, "option '" + name + "' takes no value"};
            parsed.flags.insert(name);
            continue;
        }
        const auto option = syntax.options.find(name);
        if (option == syntax.options.end())
            return {std::nullopt, "unknown option '" + name + "'"};
        if (parsed.options.count(name) != 0)
            return {std::nullopt, "option '" + name + "' given twice"};
        std::string value;
        if (equals != std::string::npos) {
            value = arg.substr(equals + 1);
        } else if (i + 1 < args.size()) {
            value = args[++i];
        } else {
            return {std::nullopt, "option '" + name + "' needs a value (" + option->second + ")"};
        }
        if (value.empty())
            return {std::nullopt, "option '" + name + "' needs a value (" + option->second + ")"};
        parsed.options[name] = value;
    }
    if (parsed.positionals.size() < syntax.positionals.size())
        return {std::nullopt, "missing " + syntax.positionals[parsed.positionals.size()]};
    const bool repeatable =
        !syntax.positionals.empty() && syntax.positionals.back().ends_with("...");
    if (!repeatable && parsed.positionals.size() > syntax.positionals.size())
        return {std::nullopt,
                "unexpected argument '" + parsed.positionals[syntax.positionals.size()] + "'"};
    return {std::move(parsed), {}};
}

bool asksForHelp(const std::vector<std::string>& args) {
    for (const auto& arg : args) {
        if (arg == "--")
            return false;
        if (arg == "-h" || arg == "--help")
            return true;
    }
    return false;
}

} // namespace fairtender::cli
