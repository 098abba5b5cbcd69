#include "cli/PanelScoringCommands.h"

#include "cli/OpenedTender.h"
#include "cli/ProgressText.h"
#include "cli/TemplateLibrary.h"
#include "client/ServerConnection.h"
#include "core/Date.h"
#include "core/Decimal.h"
#include "io/xlsx/ScoreSheet.h"
#include "store/Workspace.h"

#include <ostream>

namespace fairtender::cli {

namespace {

const std::pair<std::string, std::string> kAs{"--as", "the name of the person acting"};

// The workspace named by the first positional, or the outcome saying why not.
struct Opened {
    std::optional<Workspace> workspace;
    Outcome refused;
};

Opened openWorkspace(const std::string& command, const ParsedArguments& args) {
    Opened opened;
    auto result = Workspace::open(args.positionals.at(0));
    if (!result.ok())
        opened.refused = Outcome::invalidFiles(command, result.diagnostics);
    else
        opened.workspace = std::move(result.workspace);
    return opened;
}

std::string fixed(double value) {
    return formatFixed(value, 2);
}

// The day given as `option` (YYYY-MM-DD), today (UTC) when it is not given; nullopt when
// the text given is not a day.
std::optional<Date> dayOption(const ParsedArguments& args, const std::string& option) {
    const auto text = args.option(option);
    return text ? Date::parse(*text) : std::optional<Date>(todayUtc());
}

} // namespace

CommandSyntax panelAddSyntax() {
    return {{}, {kAs, {"--role", "lead, evaluator, moderator or auditor"}}, {"WS.ftw", "NAME"}};
}
CommandSyntax panelDeclareSyntax() {
    return {{"--none"},
            {kAs, {"--conflict", "a bid id"}, {"--details", "what the conflict is"}},
            {"WS.ftw"}};
}
CommandSyntax panelBidsSyntax() {
    return {{"--anonymous"}, {kAs}, {"WS.ftw"}};
}
CommandSyntax panelSheetSyntax() {
    return {{"--anonymous"},
            {{"--for", "the evaluator the sheet is for"}, {"--xlsx", "the workbook to write"}},
            {"WS.ftw"}};
}
CommandSyntax panelTodoSyntax() {
    return {{}, {kAs}, {"WS.ftw"}};
}
CommandSyntax scoreSyntax() {
    return {{"--reopen", "--show"},
            {kAs,
             {"--from-sheet", "a filled-in score sheet (.xlsx)"},
             {"--bid", "a bid id"},
             {"--criterion", "a judgement criterion id"},
             {"--value", "the score"},
             {"--reason", "the written reason"},
             {"--evaluator", "whose score to reopen"}},
            {"WS.ftw"}};
}
CommandSyntax moderateSyntax() {
    return {{},
            {kAs,
             {"--bid", "a bid id"},
             {"--criterion", "a judgement criterion id"},
             {"--value", "the consensus score"},
             {"--reason", "the reason for the consensus"},
             {"--why", "why an agreed consensus is changed"}},
            {"WS.ftw"}};
}
CommandSyntax decideAbnormallyLowSyntax() {
    return {
        {"--accept", "--reject"}, {kAs, {"--bid", "a bid id"}, {"--reason", "why"}}, {"WS.ftw"}};
}
CommandSyntax advanceSyntax() {
    return {{},
            {kAs,
             {"--to", "the next stage"},
             {"--reason", "why"},
             {"--date", "the day of the award notice (YYYY-MM-DD)"}},
            {"WS.ftw"}};
}

CommandSyntax excludeSyntax() {
    return {{"--withdrawn"},
            {kAs,
             {"--bid", "a bid id"},
             {"--why", "why the bid is excluded"},
             {"--date", "the day the exclusion was decided (YYYY-MM-DD; default today)"}},
            {"WS.ftw"}};
}

Outcome runPanelAdd(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string command = "panel add";
    const auto role = parsePanelRole(args.option("--role").value_or(""));
    if (!role)
        return Outcome::usage(command, "--role must be lead, evaluator, moderator or auditor");
    OpenedTender opened = openTender(command, args);
    if (!opened.tender)
        return opened.refused;
    return finishCommand(command, opened.tender->addPanelMember(args.positionals.at(1), *role),
                         streams, opened.warnings());
}

Outcome runPanelDeclare(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string command = "panel declare";
    const auto bid = args.option("--conflict");
    if (args.has("--none") == bid.has_value())
        return Outcome::usage(command, "give either --none or --conflict BID --details TEXT");
    if (bid && args.option("--details").value_or("").empty())
        return Outcome::usage(command, "--conflict needs --details TEXT saying what it is");
    OpenedTender opened = openTender(command, args);
    if (!opened.tender)
        return opened.refused;
    std::vector<ConflictDeclaration> conflicts;
    if (bid)
        conflicts.push_back({opened.tender->person(), *bid, *args.option("--details")});
    return finishCommand(command, opened.tender->declareInterests(conflicts), streams,
                         opened.warnings());
}

Outcome runPanelBids(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string command = "panel bids";
    OpenedTender opened = openTender(command, args);
    if (!opened.tender)
        return opened.refused;
    const auto views = opened.tender->bidViews(args.has("--anonymous"));
    if (!views.ok())
        return Outcome::invalidFiles(command, views.problems);
    for (const auto& view : *views.value) {
        streams.out << view.label;
        if (!view.supplierName.empty())
            streams.out << "  " << view.supplierName;
        if (view.priceHidden)
            streams.out << "  price hidden until the results are locked";
        else if (view.price)
            streams.out << "  " << view.price->toDisplayString();
        streams.out << "\n";
    }
    return Outcome::success(opened.warnings());
}

Outcome runPanelSheet(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string command = "panel sheet";
    const auto person = args.option("--for");
    const auto xlsx = args.option("--xlsx");
    if (!xlsx || xlsx->empty())
        return Outcome::usage(command, "missing --xlsx FILE (where to write the sheet)");
    ReferenceRates rates = referenceRates();
    std::unique_ptr<TenderAccess> tender;
    if (client::looksLikeServer(args.positionals.at(0))) {
        // On a server the sheet is the account's own: the server sends nothing else.
        OpenedTender opened = openTender(command, args, {.reading = true});
        if (!opened.tender)
            return opened.refused;
        if (person && *person != opened.tender->person())
            return Outcome::usage(command, "on a server a score sheet is made for the account "
                                           "signed in (" +
                                               opened.tender->person() + "): " + *person +
                                               " signs in and makes their own");
        tender = std::move(opened.tender);
    } else {
        if (!person || person->empty())
            return Outcome::usage(command, "missing --for NAME (the evaluator the sheet is for)");
        Opened opened = openWorkspace(command, args);
        if (!opened.workspace)
            return opened.refused;
        tender = std::make_unique<LocalTender>(std::move(*opened.workspace), *person, rates.get(),
                                               nullptr);
    }
    Diagnostics problems;
    const auto source = scoreSheetSource(*tender, rates.get(), problems);
    if (!source)
        return Outcome::invalidFiles(command, problems);
    ScoreSheetOptions options;
    options.anonymous = args.has("--anonymous");
    const ScoreSheetWritten written = writeScoreSheet(*source, options, *xlsx);
    if (!written.ok())
        return Outcome::invalidFiles(command, written.problems);
    streams.out << "Wrote the score sheet of " << source->person << " to " << *xlsx << ": "
                << written.rows << " rows, " << written.open << " to score\n";
    return Outcome::success(rates.warnings);
}

Outcome runPanelTodo(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string command = "panel todo";
    OpenedTender opened = openTender(command, args);
    if (!opened.tender)
        return opened.refused;
    const auto todo = opened.tender->todo();
    if (!todo.ok())
        return Outcome::invalidFiles(command, todo.problems);
    streams.out << renderTodo(todo.value->items, opened.tender->person(), todo.value->state);
    return Outcome::success(opened.warnings());
}

Outcome runScore(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string command = "score";
    const auto bid = args.option("--bid");
    const auto criterion = args.option("--criterion");
    const auto sheet = args.option("--from-sheet");
    if ((!bid || !criterion) && !sheet)
        return Outcome::usage(command, "missing --bid B or --criterion C (or --from-sheet FILE)");
    OpenedTender opened = openTender(command, args);
    if (!opened.tender)
        return opened.refused;
    TenderAccess& tender = *opened.tender;
    const std::string reason = args.option("--reason").value_or("");
    if (sheet) {
        // The model's living wage rates are read here for a server's tender too.
        ReferenceRates modelRates = opened.rates ? ReferenceRates{} : referenceRates();
        Diagnostics problems;
        const auto source = scoreSheetSource(
            tender, opened.rates ? opened.rates->get() : modelRates.get(), problems);
        if (!source)
            return Outcome::invalidFiles(command, problems);
        // All or nothing: the sheet's every problem by cell, or every score recorded.
        const ScoreSheetScores read = readScoreSheet(*sheet, *source);
        if (!read.ok())
            return Outcome::invalidFiles(command, read.problems);
        return finishCommand(command, tender.submitScores(read.scores), streams, opened.warnings());
    }
    if (args.has("--show")) {
        const ScoresSeen seen = tender.scoresSeen(*bid, *criterion);
        if (!seen.refused.empty())
            return Outcome::invalidFiles(command, seen.refused);
        for (const auto& s : seen.scores)
            streams.out << s.bidId << " " << s.criterionId << " " << s.evaluator << " "
                        << exactDecimalText(s.value) << "  " << s.reason << "\n";
        return Outcome::success();
    }
    if (args.has("--reopen")) {
        const auto evaluator = args.option("--evaluator");
        if (!evaluator)
            return Outcome::usage(command, "--reopen needs --evaluator NAME");
        return finishCommand(command, tender.reopenScore(*bid, *criterion, *evaluator, reason),
                             streams, opened.warnings());
    }
    const auto value = parseDecimal(args.option("--value").value_or(""));
    if (!value)
        return Outcome::usage(command, "--value must be a number, e.g. --value 3");
    return finishCommand(command, tender.submitScores({{*bid, *criterion, *value, reason, {}}}),
                         streams, opened.warnings());
}

Outcome runModerate(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string command = "moderate";
    OpenedTender opened = openTender(command, args);
    if (!opened.tender)
        return opened.refused;
    TenderAccess& tender = *opened.tender;
    const auto bid = args.option("--bid");
    if (!bid) {
        const auto agenda = tender.moderationAgenda();
        if (!agenda.ok())
            return Outcome::invalidFiles(command, agenda.problems);
        for (const auto& item : *agenda.value) {
            streams.out << item.bidId << " " << item.criterionId << "  mean " << fixed(item.mean)
                        << "  spread " << fixed(item.spread)
                        << (item.overThreshold ? " over the threshold " : " within ")
                        << fixed(item.threshold);
            if (item.consensus)
                streams.out << "  consensus " << exactDecimalText(item.consensus->value);
            streams.out << "\n";
            for (const auto& s : item.scores)
                streams.out << "    " << s.evaluator << " " << exactDecimalText(s.value) << "  "
                            << s.reason << "\n";
        }
        return Outcome::success(opened.warnings());
    }
    const auto criterion = args.option("--criterion");
    const auto value = parseDecimal(args.option("--value").value_or(""));
    if (!criterion || !value)
        return Outcome::usage(command, "a consensus needs --criterion C and --value V");
    return finishCommand(command,
                         tender.setConsensus(*bid, *criterion, *value,
                                             args.option("--reason").value_or(""),
                                             args.option("--why").value_or("")),
                         streams, opened.warnings());
}

Outcome runDecideAbnormallyLow(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string command = "decide-abnormally-low";
    const auto bid = args.option("--bid");
    if (!bid)
        return Outcome::usage(command, "missing --bid B");
    if (args.has("--accept") == args.has("--reject"))
        return Outcome::usage(command, "give either --accept or --reject");
    OpenedTender opened = openTender(command, args);
    if (!opened.tender)
        return opened.refused;
    return finishCommand(command,
                         opened.tender->decideAbnormallyLow(*bid, args.has("--accept"),
                                                            args.option("--reason").value_or("")),
                         streams, opened.warnings());
}

Outcome runAdvance(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string command = "advance";
    const auto to = parseLifecycleState(args.option("--to").value_or(""));
    if (!to)
        return Outcome::usage(command, "--to must be open, evaluation, moderation, locked or "
                                       "awarded");
    const std::optional<Date> notice = dayOption(args, "--date");
    if (!notice)
        return Outcome::usage(command, "--date must be a day written YYYY-MM-DD");
    OpenedTender opened = openTender(command, args, {.awarding = *to == LifecycleState::Awarded});
    if (!opened.tender)
        return opened.refused;
    return finishCommand(command,
                         opened.tender->advance(*to, args.option("--reason").value_or(""), notice),
                         streams, opened.warnings());
}

Outcome runExclude(const ParsedArguments& args, const CommandStreams& streams) {
    const std::string command = "exclude";
    const auto bid = args.option("--bid");
    if (!bid)
        return Outcome::usage(command, "missing --bid B");
    const std::optional<Date> day = dayOption(args, "--date");
    if (!day)
        return Outcome::usage(command, "--date must be a day written YYYY-MM-DD");
    OpenedTender opened = openTender(command, args);
    if (!opened.tender)
        return opened.refused;
    return finishCommand(command,
                         opened.tender->exclude(*bid, args.option("--why").value_or(""), day,
                                                args.has("--withdrawn")),
                         streams, opened.warnings());
}

} // namespace fairtender::cli
