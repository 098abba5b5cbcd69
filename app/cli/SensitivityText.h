// SensitivityText: `fairtender sensitivity FOLDER`, how robust the award is, for a lead
// about to sign it: the verdict (margin and close call), the nearest weight flips as a
// table, every mark flip and the first-place odds with bars.
#pragma once

#include "model/Tender.h"
#include "sensitivity/AwardSensitivity.h"

#include <string>

namespace fairtender::cli {

std::string renderSensitivity(const AwardSensitivity& sensitivity, const Tender& tender);

} // namespace fairtender::cli
