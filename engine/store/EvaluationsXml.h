// Writing evaluations.xml (spec section 4) from the panel's records, so a workspace can be
// exported back to a tender folder that reads as the same Evaluations.
#pragma once

#include "model/Evaluations.h"

#include <string>

namespace fairtender {

// An evaluations document for `tenderId`: scores, consensus, deliverability factors and
// abnormally-low decisions, each kind in the order given; reasons and attributes are
// escaped so that parseEvaluations returns the same values and texts.
std::string writeEvaluationsXml(const Evaluations& evaluations, const std::string& tenderId);

} // namespace fairtender
