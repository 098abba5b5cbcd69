#include "audit/AuditSignature.h"

#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <sodium.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace fairtender {

namespace {

void ensureSodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        throw std::runtime_error("libsodium could not start (no source of random numbers)");
}

std::string toHex(const unsigned char* bytes, std::size_t size) {
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes, size);
    out.pop_back();
    return out;
}

// The bytes of `hex`, which must be exactly `size` bytes' worth of hex digits.
std::optional<std::vector<unsigned char>> fromHex(std::string_view hex, std::size_t size) {
    if (hex.size() != size * 2)
        return std::nullopt;
    std::vector<unsigned char> bytes(size);
    std::size_t written = 0;
    if (sodium_hex2bin(bytes.data(), size, hex.data(), hex.size(), nullptr, &written, nullptr) !=
            0 ||
        written != size)
        return std::nullopt;
    return bytes;
}

} // namespace

AuditSigningKey AuditSigningKey::fromSeed(const unsigned char* seed) {
    AuditSigningKey key;
    unsigned char publicKey[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_seed_keypair(publicKey, key.secret_.data(), seed);
    key.seedHex_ = toHex(seed, crypto_sign_SEEDBYTES);
    key.publicHex_ = toHex(publicKey, sizeof publicKey);
    return key;
}

AuditSigningKey AuditSigningKey::generate() {
    ensureSodium();
    unsigned char seed[crypto_sign_SEEDBYTES];
    randombytes_buf(seed, sizeof seed);
    AuditSigningKey key = fromSeed(seed);
    sodium_memzero(seed, sizeof seed);
    return key;
}

std::optional<AuditSigningKey> AuditSigningKey::load(const std::filesystem::path& file,
                                                     std::string& why) {
    ensureSodium();
    std::ifstream in(file);
    std::string text;
    if (!in || !std::getline(in, text)) {
        why = "cannot read the signing key " + file.string();
        return std::nullopt;
    }
    const auto seed = fromHex(text, crypto_sign_SEEDBYTES);
    if (!seed) {
        why = file.string() + " is not a signing key (one line of 64 hex digits)";
        return std::nullopt;
    }
    return fromSeed(seed->data());
}

std::optional<AuditSigningKey> AuditSigningKey::loadOrCreate(const std::filesystem::path& file,
                                                             std::string& why) {
    std::error_code error;
    if (std::filesystem::exists(file, error))
        return load(file, why);
    const AuditSigningKey key = generate();
    // Written whole to a file of its own, then renamed: a key file is never half there.
    const std::filesystem::path partial = file.string() + ".partial";
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const std::string line = key.seedHex_ + "\n";
    const bool written =
        fd >= 0 && ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
        ::fsync(fd) == 0;
    if (fd >= 0)
        ::close(fd);
    if (!written || std::rename(partial.c_str(), file.c_str()) != 0) {
        std::filesystem::remove(partial, error);
        why = "cannot write the signing key " + file.string();
        return std::nullopt;
    }
    return key;
}

std::string AuditSigningKey::sign(std::string_view entryHash) const {
    unsigned char signature[crypto_sign_BYTES];
    crypto_sign_detached(signature, nullptr,
                         reinterpret_cast<const unsigned char*>(entryHash.data()), entryHash.size(),
                         secret_.data());
    return toHex(signature, sizeof signature);
}

bool auditSignatureValid(std::string_view publicKeyHex, std::string_view entryHash,
                         std::string_view signatureHex) {
    ensureSodium();
    const auto publicKey = fromHex(publicKeyHex, crypto_sign_PUBLICKEYBYTES);
    const auto signature = fromHex(signatureHex, crypto_sign_BYTES);
    if (!publicKey || !signature)
        return false;
    return crypto_sign_verify_detached(signature->data(),
                                       reinterpret_cast<const unsigned char*>(entryHash.data()),
                                       entryHash.size(), publicKey->data()) == 0;
}

} // namespace fairtender
