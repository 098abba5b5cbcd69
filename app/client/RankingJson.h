// RankingJson: the ranking a server sends (the JSON of `fairtender evaluate --json`, spec
// section 5) read back into an EvaluationResult, so that the front ends show it as they show
// one evaluated here. The JSON gives each bid's leaf points; the leaves and groups come from
// the tender's model (GET .../model), and a group's points are the sum of its leaves'
// rounded points, as the engine makes them.
#pragma once

#include "model/Tender.h"
#include "scoring/EvaluationResult.h"

#include <optional>
#include <string>
#include <string_view>

namespace fairtender::client {

// The result `json` describes for `tender`; nullopt with `why` when it is not such a document.
std::optional<EvaluationResult> rankingFromJson(std::string_view json, const Tender& tender,
                                                std::string& why);

} // namespace fairtender::client
