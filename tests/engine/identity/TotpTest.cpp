// Time-based one-time codes as RFC 4226 and RFC 6238 give them, and base32 as RFC 4648 does.
#include "identity/Totp.h"

#include <gtest/gtest.h>

using namespace fairtender;

namespace {

// RFC 4226 appendix D and RFC 6238 appendix B: the ASCII secret "12345678901234567890".
const std::string kRfcSecret = "12345678901234567890";

TEST(Totp, HotpCodesAreThoseOfRfc4226AppendixD) {
    const char* const expected[] = {"755224", "287082", "359152", "969429", "338314",
                                    "254676", "287922", "162583", "399871", "520489"};
    for (std::uint64_t counter = 0; counter < 10; ++counter)
        EXPECT_EQ(hotpCode(kRfcSecret, counter), expected[counter]) << counter;
}

TEST(Totp, EightDigitCodesAtTheTimesOfRfc6238AppendixB) {
    EXPECT_EQ(hotpCode(kRfcSecret, static_cast<std::uint64_t>(totpStep(59)), 8), "94287082");
    EXPECT_EQ(hotpCode(kRfcSecret, static_cast<std::uint64_t>(totpStep(1111111109)), 8),
              "07081804");
    EXPECT_EQ(hotpCode(kRfcSecret, static_cast<std::uint64_t>(totpStep(1234567890)), 8),
              "89005924");
    EXPECT_EQ(hotpCode(kRfcSecret, static_cast<std::uint64_t>(totpStep(20000000000)), 8),
              "65353130");
}

TEST(Totp, Base32IsThatOfRfc4648WithoutPadding) {
    EXPECT_EQ(base32Encode("foobar"), "MZXW6YTBOI");
    EXPECT_EQ(base32Encode("f"), "MY");
    EXPECT_EQ(base32Decode("mzxw6ytboi"), std::optional<std::string>("foobar"));
    EXPECT_EQ(base32Decode("MZXW 6YTB OI=="), std::optional<std::string>("foobar"));
    EXPECT_FALSE(base32Decode("MZXW1").has_value());
}

TEST(Totp, ASecretIs160RandomBits) {
    const std::string one = newTotpSecret();
    EXPECT_EQ(one.size(), 20u);
    EXPECT_NE(one, newTotpSecret());
}

TEST(Totp, TheAppsAddressNamesIssuerAccountAndParameters) {
    EXPECT_EQ(totpUri("Fairtender tenders.example.gov.uk", "ann lee", "foobar"),
              "otpauth://totp/Fairtender%20tenders.example.gov.uk:ann%20lee?secret=MZXW6YTBOI"
              "&issuer=Fairtender%20tenders.example.gov.uk&algorithm=SHA1&digits=6&period=30");
}

} // namespace
