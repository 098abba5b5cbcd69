// AuditSignature: the server's Ed25519 signature of each audit entry it writes, over the
// entry's chain hash (which covers the entry and, through prev_hash, every entry before
// it). Whoever can rewrite the rows and recompute the chain still cannot sign as the
// server: verify checks each signature against the server's public key, which the award
// report prints. The key is a 32-byte seed kept in a file only the server may read.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace fairtender {

class AuditSigningKey {
public:
    // A new random key.
    static AuditSigningKey generate();
    // The key in `file` (its seed as 64 hex digits), or nullopt with `why`.
    static std::optional<AuditSigningKey> load(const std::filesystem::path& file, std::string& why);
    // The key in `file`, made and written there (readable by its owner only) when the file
    // does not exist yet; nullopt with `why` when it cannot be read or written.
    static std::optional<AuditSigningKey> loadOrCreate(const std::filesystem::path& file,
                                                       std::string& why);

    // The public key as 64 hex digits: what verify checks signatures with.
    const std::string& publicKeyHex() const { return publicHex_; }
    // The signature of `entryHash` as 128 hex digits.
    std::string sign(std::string_view entryHash) const;

private:
    AuditSigningKey() = default;
    static AuditSigningKey fromSeed(const unsigned char* seed);
    std::array<unsigned char, 64> secret_{};
    std::string seedHex_;
    std::string publicHex_;
};

// True when `signatureHex` is the signature of `entryHash` by the key `publicKeyHex`.
bool auditSignatureValid(std::string_view publicKeyHex, std::string_view entryHash,
                         std::string_view signatureHex);

} // namespace fairtender
