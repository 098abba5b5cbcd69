// ResultJson: the evaluation result as the JSON document of the spec's section 5, the
// machine-readable contract of `fairtender evaluate --json`. Hand-written so the engine
// needs no JSON library and the number formats stay exactly those of the printed results.
#pragma once

#include "io/xml/TenderFolder.h"
#include "scoring/EvaluationResult.h"

#include <string>
#include <string_view>

namespace fairtender {

// One JSON document: tender, winner (null without one) and every bid in result order, with
// totals and points to the model's rounding places, scores to 6 places and prices to 2.
// Unscored leaves (weight-0 gates, price under price per quality point) are left out of
// "criteria"; excluded bids have an empty "criteria" object.
std::string toJson(const EvaluationResult& result);

// The same document with, for each ranked bid's social-value criteria, how SV arose from
// `folder` (the inputs `result` was evaluated from): "social_value" and "commitments", one
// object per commitment with "measure", "quantity", "unit", "proxy", "deliverability",
// "deliverability_reason" (when the panel gave a factor) and "value" = quantity x proxy x
// deliverability. This is what `evaluate --json` prints.
std::string toJson(const EvaluationResult& result, const TenderFolder& folder);

// `text` as a quoted JSON string: quote, backslash and control characters escaped, '<',
// '>' and '&' escaped so the document can sit inside HTML, invalid UTF-8 replaced by U+FFFD.
std::string jsonQuoted(std::string_view text);

} // namespace fairtender
