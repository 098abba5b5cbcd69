#include "core/AtomicFile.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <system_error>
#include <unistd.h>

namespace fairtender {

namespace fs = std::filesystem;

namespace {

// The file a write to `out` replaces: `out` itself, or, when `out` is a symbolic link, the
// file its links lead to (which may not exist yet), so the link stays a link and the file
// it names gets the new content. At most 40 links are followed, as the system does.
fs::path replacedFileOf(const fs::path& out) {
    fs::path file = out;
    std::error_code error;
    for (int hops = 0; hops < 40 && fs::is_symlink(file, error); ++hops) {
        const fs::path link = fs::read_symlink(file, error);
        if (error)
            break;
        file = link.is_absolute() ? link : file.parent_path() / link;
    }
    return file;
}

// Flushes a file another writer closed to disk, so a rename over a target cannot leave the
// new name on content still in memory.
std::optional<std::string> flushFileToDisk(const fs::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return "cannot reopen " + file.string() + ": " + std::strerror(errno);
    const bool synced = ::fsync(fd) == 0;
    const int error = errno;
    const bool closed = ::close(fd) == 0;
    if (!synced || !closed)
        return "cannot flush " + file.string() +
               " to disk: " + std::strerror(synced ? errno : error);
    return std::nullopt;
}

} // namespace

fs::path temporaryNameFor(const fs::path& target) {
    std::random_device device;
    std::uniform_int_distribution<unsigned> digits(0, 0xFFFFFF);
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "%06x", digits(device));
    return target.parent_path() / ("." + target.filename().string() + ".tmp-" + suffix);
}

std::optional<std::string> writeFileAtomically(const fs::path& out, std::string_view bytes) {
    const auto failure = [&](const std::string& why) {
        return "cannot write " + out.string() + ": " + why;
    };
    if (out.filename().empty())
        return failure("no file name");
    const fs::path target = replacedFileOf(out);
    const fs::path temporary = temporaryNameFor(target);
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return failure(std::strerror(errno));
    std::error_code ignored;
    const auto abandon = [&](int error) {
        ::close(fd);
        fs::remove(temporary, ignored);
        return failure(std::strerror(error));
    };
    const char* data = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, left);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return abandon(errno);
        }
        data += written;
        left -= static_cast<std::size_t>(written);
    }
    // Flushed before the rename, so a crash cannot leave the new name on empty content.
    if (::fsync(fd) != 0)
        return abandon(errno);
    if (::close(fd) != 0) {
        fs::remove(temporary, ignored);
        return failure(std::strerror(errno));
    }
    std::error_code error;
    fs::rename(temporary, target, error);
    if (error) {
        fs::remove(temporary, ignored);
        return failure(error.message());
    }
    return std::nullopt;
}

std::optional<std::string>
replaceFileWith(const fs::path& out, const std::function<bool(const fs::path& temporary)>& write) {
    const fs::path target = replacedFileOf(out);
    const fs::path temporary = temporaryNameFor(target);
    std::error_code ignored;
    const auto abandon = [&](std::string why) {
        fs::remove(temporary, ignored);
        return std::optional<std::string>(std::move(why));
    };
    try {
        if (!write(temporary))
            return abandon({});
    } catch (...) {
        fs::remove(temporary, ignored);
        throw;
    }
    if (const auto unflushed = flushFileToDisk(temporary))
        return abandon(*unflushed);
    std::error_code error;
    fs::rename(temporary, target, error);
    if (error)
        return abandon(error.message());
    return std::nullopt;
}

} // namespace fairtender
