#include "cli/ProgressText.h"

#include "cli/TextTable.h"
#include "cli/TextWidth.h"

namespace fairtender::cli {

namespace {

std::string ofText(std::size_t done, std::size_t of) {
    return std::to_string(done) + " of " + std::to_string(of);
}

} // namespace

std::string renderProgress(const EvaluationProgress& progress, const std::string& tenderLine) {
    std::string out = tenderLine + "\n";
    out += "Stage: " + std::string(toString(progress.state)) +
           ". The ranking is not final: it is shown once the results are locked.\n\n";
    if (progress.criteria.empty()) {
        out += "The model has no judgement criteria: there is nothing for the panel to score.\n";
    } else if (progress.evaluators.empty()) {
        out += "The panel has no evaluator yet.\n";
    } else {
        out += "Scores in, by criterion and evaluator (of the bids each scores; a declared "
               "conflict takes a bid off that person's list):\n\n";
        std::vector<Column> columns{{"Criterion", Align::Left, {}}};
        for (const auto& name : progress.evaluators)
            columns.push_back({oneLine(name), Align::Right, {}});
        columns.push_back({"Consensus", Align::Right, {}});
        for (const auto& c : progress.criteria) {
            columns[0].cells.push_back(oneLine(c.criterionId + "  " + c.title));
            for (std::size_t e = 0; e < progress.evaluators.size(); ++e)
                columns[1 + e].cells.push_back(ofText(c.scored[e], c.needed[e]));
            columns.back().cells.push_back(ofText(c.consensus, c.bids));
        }
        columns[0].cells.push_back("all");
        for (std::size_t e = 0; e < progress.evaluators.size(); ++e)
            columns[1 + e].cells.push_back(ofText(progress.scored[e], progress.needed[e]));
        columns.back().cells.push_back(ofText(progress.consensusAgreed, progress.consensusNeeded));
        out += renderColumns(columns);
    }
    if (progress.next) {
        const std::string next(toString(*progress.next));
        if (progress.blockers.empty()) {
            out += "\nNothing stands in the way of moving to " + next + ".\n";
        } else {
            out += "\nTo move to " + next + ":\n";
            for (const auto& blocker : progress.blockers)
                out += "  " + oneLine(blocker) + "\n";
        }
    }
    return out;
}

std::string renderTodo(const std::vector<TodoItem>& todo, const std::string& person,
                       LifecycleState state) {
    if (todo.empty())
        return oneLine(person) + " has nothing left to do at the " + std::string(toString(state)) +
               " stage.\n";
    std::string out = oneLine(person) + " has " + std::to_string(todo.size()) + " left at the " +
                      std::string(toString(state)) + " stage:\n";
    for (const auto& item : todo)
        out += "  " + item.what + (item.bidId.empty() ? "" : "  " + oneLine(item.bidId)) +
               (item.criterionId.empty() ? "" : " " + oneLine(item.criterionId)) + "\n";
    return out;
}

} // namespace fairtender::cli
