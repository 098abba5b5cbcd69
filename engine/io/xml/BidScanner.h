// Private to engine/io/xml: reads the <bid> elements of one piece of a <bids> document
// straight from the bytes, without building a parse tree. It knows only the shapes a
// well-formed bid takes and gives up on anything else, leaving that piece to pugixml.
#pragma once

#include "core/Diagnostic.h"
#include "model/Bid.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fairtender::xml {

// Scans pieces of one document in document order, counting lines and columns as it goes.
class BidScanner {
public:
    // `xml` (the whole document) must outlive the scanner.
    BidScanner(std::string_view xml, const std::string& fileName);
    ~BidScanner();
    BidScanner(const BidScanner&) = delete;
    BidScanner& operator=(const BidScanner&) = delete;

    // Appends the bids in bytes [begin, end) to `bids`, exactly as the pugixml reader would
    // read them. False, with `bids` as it was, on any markup it does not recognise and on
    // any value the checks would report; `begin` must not be before an earlier piece's end.
    bool scan(std::size_t begin, std::size_t end, std::string_view tenderId,
              const SourceLocation& tenderWhere, std::vector<Bid>& bids);

private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace fairtender::xml
