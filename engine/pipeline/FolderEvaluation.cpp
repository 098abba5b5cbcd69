#include "pipeline/FolderEvaluation.h"

#include "scoring/Evaluator.h"
#include "validation/Lint.h"

#include <algorithm>

namespace fairtender {

namespace {

// The reader may already report some lint warnings; a warning is shown once.
void appendUnique(Diagnostics& into, const Diagnostics& more) {
    for (const auto& diagnostic : more) {
        const bool seen = std::any_of(into.begin(), into.end(), [&](const Diagnostic& d) {
            return d.severity == diagnostic.severity && d.message == diagnostic.message &&
                   d.where.toString() == diagnostic.where.toString();
        });
        if (!seen)
            into.push_back(diagnostic);
    }
}

} // namespace

FolderEvaluation evaluateTenderFolder(const std::filesystem::path& folder,
                                      const LivingWageTable* rates) {
    FolderEvaluation evaluation;
    FolderLoad load = loadTenderFolder(folder, rates);
    evaluation.diagnostics = std::move(load.diagnostics);
    if (!load.folder || hasErrors(evaluation.diagnostics))
        return evaluation;

    appendUnique(evaluation.diagnostics, lintModel(load.folder->tender));
    EvaluationOutcome outcome =
        evaluate(load.folder->tender, load.folder->bids, load.folder->evaluations);
    appendUnique(evaluation.diagnostics, outcome.diagnostics);
    evaluation.folder = std::move(load.folder);
    if (outcome.result && !hasErrors(evaluation.diagnostics)) {
        appendUnique(evaluation.diagnostics, lintAward(evaluation.folder->tender, *outcome.result));
        evaluation.result = std::move(outcome.result);
    }
    return evaluation;
}

} // namespace fairtender
