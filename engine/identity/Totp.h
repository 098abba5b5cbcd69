// Totp: the second factor an account may enrol with any authenticator app: time-based
// one-time codes (RFC 6238 over RFC 4226's HOTP: HMAC-SHA-1, 6 digits, 30-second steps),
// the random secret they come from, and the base32 and otpauth:// forms it is shown in.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fairtender {

inline constexpr std::int64_t kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;

// RFC 4648 base32 without padding ("JBSWY3DP"), as authenticator apps take a secret.
std::string base32Encode(std::string_view bytes);
// The bytes of `text` (upper or lower case, spaces and '=' ignored); nullopt when it holds
// anything else.
std::optional<std::string> base32Decode(std::string_view text);

// The HOTP code of `secret` for `counter`, `digits` long with leading zeros.
std::string hotpCode(std::string_view secret, std::uint64_t counter, int digits = kTotpDigits);

// The 30-second step `unixSeconds` falls in.
std::int64_t totpStep(std::int64_t unixSeconds);

// 20 random bytes (160 bits, as RFC 4226 recommends): a new secret.
std::string newTotpSecret();

// otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=ISSUER&algorithm=SHA1&digits=6&period=30,
// which an authenticator app reads from a QR code or takes pasted.
std::string totpUri(std::string_view issuer, std::string_view account, std::string_view secret);

} // namespace fairtender
