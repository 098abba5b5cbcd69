// The Open Contracting Data Standard (OCDS 1.1) release package of an evaluated tender:
// the buyer, the tenderers and their bids (bids extension), the award criteria with their
// weights and the award, for publication beside the award notice.
#pragma once

#include "core/Diagnostic.h"
#include "io/xml/ReferenceData.h"

#include <optional>
#include <string>

namespace fairtender {

class Workspace;

// The extension the bids section needs, listed in the package's `extensions`.
inline constexpr const char* kOcdsBidsExtension =
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/master/"
    "extension.json";

struct OcdsOptions {
    std::string ocidPrefix = "ocds-fairtender-"; // the ocid is this prefix and the tender id
    std::string publishedDate;                   // ISO 8601 date-time; empty for the current time
    std::string publisherName;                   // empty for the buyer
    std::string uri; // the package's own URI; empty for "urn:ocds:" + ocid
    // Where the award report is published, an absolute URI ("https://..."); empty: the
    // document is listed without a url.
    std::string awardReportUrl;
};

struct OcdsPackage {
    std::optional<std::string> json; // nullopt when problems hold why not
    Diagnostics problems;

    bool ok() const { return json.has_value(); }
};

// The release package (one release tagged "award") of a locked or awarded workspace.
// Amounts are JSON numbers in pounds with two decimals, copied from the exact amounts. Every
// award on record is listed: the standing one "active", one that fell away "cancelled",
// and while locked the first-ranked bid's "pending". A withdrawn bid is "withdrawn", any
// other excluded bid "disqualified". The award report's document describes the record the
// release was made from: its audit trail's head hash and, when a server signed it, the
// signing key. An awardReportUrl that is not an absolute URI is a problem, and nothing is
// made.
OcdsPackage ocdsReleasePackage(const Workspace& workspace, const LivingWageTable* rates,
                               const OcdsOptions& options = {});

} // namespace fairtender
