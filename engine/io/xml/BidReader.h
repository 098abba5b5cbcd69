// Private to engine/io/xml: the bid file reader behind parseBids, with the size of the
// pieces a large <bids> document is read in exposed so tests can cut small documents too.
#pragma once

#include "core/Diagnostic.h"
#include "model/Bid.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fairtender::xml {

// Which readers read a document, so tests can tell the scanner's work from pugixml's.
struct BidReadTrace {
    int scannedPieces = 0;      // pieces the bid scanner read
    int parsedPieces = 0;       // pieces pugixml parsed after the scanner gave up (or was off)
    bool wholeDocument = false; // read whole by pugixml in the end
};

// parseBids, reading a <bids> document in pieces of about `pieceBytes` (cut after a
// </bid>) so that memory is reused; falls back to the whole document for anything the
// pieces cannot be trusted with, and whenever a problem is found, so that results and
// diagnostics are exactly those of reading the document whole. Each piece is first given
// to the bid scanner (unless `scan` is false) and parsed by pugixml only if it gives up.
std::optional<std::vector<Bid>> parseBidsInPieces(std::string_view text,
                                                  const std::string& fileName,
                                                  Diagnostics& diagnostics, std::size_t pieceBytes,
                                                  bool scan = true, BidReadTrace* trace = nullptr);

} // namespace fairtender::xml
