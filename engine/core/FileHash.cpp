#include "core/FileHash.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <array>
#include <fstream>

namespace fairtender {

std::optional<std::string> sha256Hex(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return std::nullopt;
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    std::array<char, 1 << 16> buffer{};
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        if (in.gcount() > 0)
            engine.update(buffer.data(), static_cast<unsigned>(in.gcount()));
    }
    if (in.bad())
        return std::nullopt;
    return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string sha256HexOf(std::string_view bytes) {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    return Poco::DigestEngine::digestToHex(engine.digest());
}

} // namespace fairtender
