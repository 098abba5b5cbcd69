#include "core/FileHash.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace fairtender {
namespace {

TEST(FileHash, AbcGivesThePublishedSha256) {
    EXPECT_EQ(sha256HexOf("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(FileHash, FileHashEqualsHashOfItsBytes) {
    const auto file = std::filesystem::temp_directory_path() / "fairtender-filehash-abc.txt";
    std::ofstream(file, std::ios::binary) << "abc";
    EXPECT_EQ(sha256Hex(file).value_or(""),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    std::filesystem::remove(file);
}

TEST(FileHash, MissingFileGivesNothing) {
    EXPECT_FALSE(sha256Hex("/nonexistent/fairtender/file.xml").has_value());
}

} // namespace
} // namespace fairtender
