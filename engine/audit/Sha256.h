// One SHA-256 engine kept for many digests: the audit trail hashes a short text for every
// entry and every stored row, a million of them when a log is verified, where setting up an
// engine and a result string for each cost as much as the hashing itself.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace fairtender {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    // SHA-256 of `bytes` as 64 lower-case hex digits, as sha256HexOf gives; the text stays
    // valid until the next call on this engine.
    const std::string& hex(std::string_view bytes);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace fairtender
