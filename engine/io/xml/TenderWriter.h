// TenderWriter: a Tender back into tender.xml (spec section 4) in one canonical form that
// parseTender reads back to the same model, so the desktop editor can save what it edits.
// Comments and the attribute order of a hand-written file are not kept.
#pragma once

#include "core/Diagnostic.h"
#include "io/xml/ReferenceData.h"
#include "model/Tender.h"

#include <filesystem>
#include <optional>
#include <string>

namespace fairtender {

// UTF-8 tender.xml with a declaration and two-space indents. Money is written exactly from
// pence ("1234.50"), other numbers in their shortest exact decimal form ("0.8", "40"); all
// text is escaped. A living-wage rate looked up by date is written as its date and region
// (the reader looks it up again), any other rate as hourly, statutory-minimum, effective.
std::string writeTenderXml(const Tender& tender);

// Every check the reader makes, applied to a tender held in memory: it is written and read
// back (with `rates` for a rate given by date). Diagnostics name "tender.xml" and the line
// of the canonical text; their messages name the ids concerned.
Diagnostics checkTender(const Tender& tender, const LivingWageTable* rates);

// Writes `xml` as <folder>/tender.xml atomically (see writeFileAtomically). nullopt on
// success, else what went wrong.
std::optional<std::string> saveTenderXml(const std::filesystem::path& folder,
                                         const std::string& xml);

} // namespace fairtender
