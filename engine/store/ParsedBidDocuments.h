// Bid documents parsed once per process. A stored bid document is never rewritten (a new
// row is added instead), and its row hash is the SHA-256 of its row text, which verify
// checks: a document met again under the same row hash gives the bids parsed the first
// time. A server opens a tender for every request; without this each score would parse
// every bid file of the tender again. Thread-safe; the least recently used documents go
// once the texts kept exceed a budget.
#pragma once

#include "model/Bid.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace fairtender {

using ParsedBids = std::shared_ptr<const std::vector<Bid>>;

// The bids parsed from the document stored under `rowHash`, or null when not kept.
ParsedBids findParsedBids(const std::string& rowHash);

// Keeps `bids`, parsed without any diagnostic from a document of `textBytes` bytes.
void keepParsedBids(const std::string& rowHash, ParsedBids bids, std::size_t textBytes);

} // namespace fairtender
