#include "audit/Sha256.h"

#include <Poco/SHA2Engine.h>

namespace fairtender {

struct Sha256::Impl {
    Poco::SHA2Engine engine{Poco::SHA2Engine::SHA_256};
    std::string hex = std::string(64, '0');
};

Sha256::Sha256() : impl_(std::make_unique<Impl>()) {}
Sha256::~Sha256() = default;

const std::string& Sha256::hex(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    impl_->engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    // digest() also resets the engine for the next text.
    const auto& digest = impl_->engine.digest();
    std::string& out = impl_->hex;
    out.resize(digest.size() * 2);
    for (std::size_t i = 0; i < digest.size(); ++i) {
        out[2 * i] = kDigits[digest[i] >> 4];
        out[2 * i + 1] = kDigits[digest[i] & 0x0f];
    }
    return out;
}

} // namespace fairtender
