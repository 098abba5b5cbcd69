#include "identity/Passwords.h"

#include "core/Utf8.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <sodium.h>
#include <stdexcept>
#include <unordered_map>
#include <vector>

namespace fairtender {

namespace {

// OWASP Password Storage Cheat Sheet, Argon2id: m = 19 MiB, t = 2, p = 1 (libsodium always
// uses one lane).
constexpr unsigned long long kOpsLimit = 2;
constexpr std::size_t kMemLimit = 19456 * 1024;

void ensureSodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        throw std::runtime_error("libsodium could not start (no source of random numbers)");
}

std::string lowered(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// The number of characters in `text`, or nullopt when it is not well-formed UTF-8.
std::optional<std::size_t> characterCount(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++count) {
        char32_t c = 0;
        const std::size_t length = utf8SequenceLength(text, i, c);
        if (length == 0)
            return std::nullopt;
        i += length;
    }
    return count;
}

} // namespace

std::string hashPassword(std::string_view password) {
    ensureSodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("not enough memory to hash a password");
    return out;
}

bool passwordMatches(const std::string& hash, std::string_view password) {
    ensureSodium();
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

const std::string& decoyPasswordHash() {
    static const std::string decoy = hashPassword(randomToken());
    return decoy;
}

const std::string_view kContextWords[] = {
    "fairtender", "fair",      "tender",      "tenders",   "tendering", "bid",
    "bids",       "bidder",    "procurement", "contract",  "contracts", "award",
    "evaluation", "evaluator", "moderation",  "moderator", "auditor",   "audit",
    "lead",       "panel",     "score",       "scores",    "admin",     "administrator",
    "root",       "password",  "passphrase",  "welcome",   "letmein",   "qwerty",
    "council",    "social",    "value",       "local",     "wage",
};
const std::size_t kContextWordCount = std::size(kContextWords);

namespace {

// True when `letters` (lower case, letters only) is nothing but kContextWords and `account`
// one after another.
bool madeOfContextWords(const std::string& letters, const std::string& account) {
    if (letters.empty())
        return false;
    std::vector<bool> reached(letters.size() + 1, false);
    reached[0] = true;
    for (std::size_t at = 0; at < letters.size(); ++at) {
        if (!reached[at])
            continue;
        const auto follows = [&](std::string_view word) {
            if (!word.empty() && letters.compare(at, word.size(), word) == 0)
                reached[at + word.size()] = true;
        };
        for (const auto word : kContextWords)
            follows(word);
        follows(account);
    }
    return reached.back();
}

// Where `lowered` stands in kBreachedPasswords (1 for the most frequent), 0 when it is not
// there.
std::size_t breachedRank(const std::string& lowered) {
    static const std::unordered_map<std::string_view, std::size_t> ranks = [] {
        std::unordered_map<std::string_view, std::size_t> byText;
        for (std::size_t i = 0; i < kBreachedPasswordCount; ++i)
            byText.emplace(kBreachedPasswords[i], i + 1);
        return byText;
    }();
    const auto found = ranks.find(lowered);
    return found == ranks.end() ? 0 : found->second;
}

} // namespace

std::optional<std::string> passwordProblem(std::string_view password, std::string_view account) {
    const auto counted = characterCount(password);
    if (!counted)
        return "the password is not valid UTF-8 text";
    const std::size_t length = *counted;
    if (length < kPasswordMinLength)
        return "the password has " + std::to_string(length) + " characters: it needs at least " +
               std::to_string(kPasswordMinLength) + " (a few words make a good one)";
    if (length > kPasswordMaxLength)
        return "the password has " + std::to_string(length) + " characters: at most " +
               std::to_string(kPasswordMaxLength) + " are taken";
    if (!account.empty() && lowered(password).find(lowered(account)) != std::string::npos)
        return "the password holds the account's name: choose one that does not";
    std::string letters;
    for (const char c : lowered(password))
        if (!std::isdigit(static_cast<unsigned char>(c)) &&
            !std::ispunct(static_cast<unsigned char>(c)) &&
            !std::isspace(static_cast<unsigned char>(c)))
            letters += c;
    std::string name;
    for (const char c : lowered(account))
        if (std::isalpha(static_cast<unsigned char>(c)))
            name += c;
    if (madeOfContextWords(letters, name))
        return "the password is made only of words anyone would try first here (such as "
               "fairtender, tender, evaluator, password) with digits or punctuation: add "
               "words of your own";
    if (const std::size_t rank = breachedRank(lowered(password)); rank > 0)
        return "the password is number " + std::to_string(rank) +
               " of the passwords most often found in published breaches: anyone would try it; "
               "a few words of your own make a good one";
    return std::nullopt;
}

std::string oneTimePassword(std::string_view account) {
    ensureSodium();
    static constexpr std::string_view kAlphabet =
        "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    for (;;) {
        std::string out;
        for (int i = 0; i < 20; ++i)
            out += kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
        // A short name ("mo") turns up in a random password now and then.
        if (!passwordProblem(out, account))
            return out;
    }
}

std::string randomToken() {
    ensureSodium();
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char text[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(text, sizeof text, bytes, sizeof bytes,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return text;
}

} // namespace fairtender
