// Passwords: how an account's password is kept and checked, and the random secrets the
// server hands out (session tokens, one-time passwords). A password is kept only as an
// Argon2id hash (libsodium's crypto_pwhash_str at the OWASP parameters: 19 MiB, 2 passes,
// one lane), whose text carries its own salt and parameters.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fairtender {

// The fewest and most characters (code points) a password may have.
inline constexpr std::size_t kPasswordMinLength = 12;
inline constexpr std::size_t kPasswordMaxLength = 128;

// The Argon2id hash of `password`, as "$argon2id$v=19$m=19456,t=2,p=1$salt$hash".
std::string hashPassword(std::string_view password);

// True when `password` is the one `hash` was made from. Takes as long for any password.
bool passwordMatches(const std::string& hash, std::string_view password);

// A hash of a random password: what a sign-in with an unknown name is checked against, so
// that it takes as long as one with a known name.
const std::string& decoyPasswordHash();

// The words of this product and of tendering that anyone would try first; docs/security.md
// lists them. A password made of nothing but these (and the account's name), with digits,
// spaces or punctuation between, is refused: "Fairtender2026!", "tender-evaluator-1".
// One among words of the person's own ("tender loving care for all") is not.
extern const std::string_view kContextWords[];
extern const std::size_t kContextWordCount;

// Passwords from public breach corpora, most frequent first, lower-cased: those of the zxcvbn
// frequency list that the length rule would let through (BreachedPasswords.cpp says where
// from). A password that is one of them, in any case, is refused.
extern const std::string_view kBreachedPasswords[];
extern const std::size_t kBreachedPasswordCount;

// Why `password` may not be the password of the account `account`, or nullopt when it may:
// not UTF-8, shorter than kPasswordMinLength or longer than kPasswordMaxLength characters,
// holding the account's name, made only of kContextWords, or one of kBreachedPasswords. No
// rule on which kinds of character it must hold.
std::optional<std::string> passwordProblem(std::string_view password, std::string_view account);

// A password of 20 random letters and digits (about 116 bits), for the first sign-in or a
// reset of the account `account` (never holding its name, which passwordProblem refuses);
// the account must then choose its own.
std::string oneTimePassword(std::string_view account = {});

// 256 random bits as 43 characters of URL-safe base64: a session token.
std::string randomToken();

} // namespace fairtender
