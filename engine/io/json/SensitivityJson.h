// SensitivityJson: `fairtender sensitivity --json`, how robust an award is, as one JSON
// document: winner, runner_up, margin, close_margin, clear_winner, weighted_nodes,
// weight_flips (per weighted node its nearest flip {node, direction, weight, new_winner,
// ...} or null), mark_flips ({bid, criterion, from, to, new_winner}),
// first_place_probability (bid -> share), samples, seed and step_probability.
// docs/file-formats.md describes it.
#pragma once

#include "sensitivity/AwardSensitivity.h"

#include <string>

namespace fairtender {

// Points and margins to `places` decimals, weights to 2, shares to 4.
std::string toJson(const AwardSensitivity& sensitivity, int places);

} // namespace fairtender
