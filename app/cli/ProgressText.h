// ProgressText: an evaluation in progress as the command line prints it, in place of a
// ranking that is not final yet: each evaluator's scores in per criterion, the consensus
// agreed and what the next stage still needs; and one person's list of what is left.
#pragma once

#include "lifecycle/Progress.h"

#include <string>
#include <vector>

namespace fairtender::cli {

// The progress of `tenderLine`'s evaluation, ending with what the move to the next stage
// needs (or that it may move on).
std::string renderProgress(const EvaluationProgress& progress, const std::string& tenderLine);

// `person`'s list of what is left, or a line saying nothing is.
std::string renderTodo(const std::vector<TodoItem>& todo, const std::string& person,
                       LifecycleState state);

} // namespace fairtender::cli
