// The account store on both stores: accounts, sign-in with its throttle, the session rules
// (idle timeout, lifetime, sign-out, revocation) and the account log.
#include "identity/AccountStore.h"

#include "ScratchFolder.h"
#include "StoreUnderTest.h"
#include "identity/Passwords.h"
#include "identity/Totp.h"

#include <gtest/gtest.h>

using namespace fairtender;
using fairtender::testing::ScratchFolder;
using fairtender::testing::Store;

namespace {

constexpr std::int64_t kNoon = 1'767'268'800; // 2026-01-01T12:00:00Z
const std::string kAdminPassword = "correct horse battery";
const std::string kPassword = "a long enough password";

class AccountStoreTest : public ::testing::TestWithParam<Store> {
protected:
    void SetUp() override {
        where = (scratch / "accounts.sqlite").string();
        if (GetParam() == Store::Postgres) {
            where = fairtender::testing::freshDatabase("accounts");
            ASSERT_FALSE(where.empty()) << "no test PostgreSQL cluster";
        }
        auto opened = AccountStore::open(where, policy());
        ASSERT_TRUE(opened.ok()) << opened.diagnostics.front().toString();
        store.emplace(std::move(*opened.store));
        ASSERT_TRUE(store->createAccount("", "root", kAdminPassword, true, false, kNoon).empty());
        ASSERT_TRUE(store->createAccount("root", "alice", kPassword, false, false, kNoon).empty());
    }
    virtual SessionPolicy policy() const { return {}; }

    std::string signedIn(const std::string& name, const std::string& password,
                         std::int64_t at = kNoon) {
        const SignInOutcome outcome = store->signIn(name, password, "192.0.2.1", at);
        return outcome.token.value_or("");
    }

    ScratchFolder scratch;
    std::string where;
    std::optional<AccountStore> store;
};

TEST(Passwords, AreHashedWithArgon2idAtTheOwaspParameters) {
    const std::string hash = hashPassword(kPassword);
    EXPECT_EQ(hash.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << hash;
    EXPECT_TRUE(passwordMatches(hash, kPassword));
    EXPECT_FALSE(passwordMatches(hash, kPassword + " "));
}

TEST(Passwords, HashTheSamePasswordDifferentlyEachTime) {
    EXPECT_NE(hashPassword(kPassword), hashPassword(kPassword));
}

TEST(Passwords, NeedTwelveCharactersCountingLettersNotBytes) {
    EXPECT_TRUE(passwordProblem("elevenchars", "alice").has_value());
    EXPECT_FALSE(passwordProblem("twelve chars", "alice").has_value());
    // Twelve characters, 24 bytes.
    EXPECT_FALSE(passwordProblem("ééééééééééé1", "alice").has_value());
    EXPECT_TRUE(passwordProblem("éééééé", "alice").has_value());
}

TEST(Passwords, MayNotHoldTheAccountName) {
    EXPECT_EQ(passwordProblem("my name is Alice!", "alice").value_or(""),
              "the password holds the account's name: choose one that does not");
}

TEST(Passwords, RefuseOneMadeOnlyOfTheWordsAnyoneWouldTryHere) {
    for (const char* guessable : {"Fairtender2026!", "tender-evaluator-1", "Password1234",
                                  "PANEL LEAD AUDITOR", "social value 2026"})
        EXPECT_EQ(passwordProblem(guessable, "ann").value_or(""),
                  "the password is made only of words anyone would try first here (such as "
                  "fairtender, tender, evaluator, password) with digits or punctuation: add "
                  "words of your own")
            << guessable;
}

TEST(Passwords, AllowThoseWordsAmongWordsOfOnesOwn) {
    EXPECT_EQ(passwordProblem("tender loving care for all", "ann"), std::nullopt);
    EXPECT_EQ(passwordProblem("a long enough password", "ann"), std::nullopt);
}

TEST(Passwords, RefuseOneOfTheMostCommonInPublishedBreachesInAnyCase) {
    const auto problem = passwordProblem("1QAZ2wsx3edc", "");
    ASSERT_TRUE(problem.has_value());
    EXPECT_EQ(*problem, "the password is number 2 of the passwords most often found in published "
                        "breaches: anyone would try it; a few words of your own make a good one");
    EXPECT_TRUE(passwordProblem("qwertyqwerty", "").has_value());
}

TEST(Passwords, CheckEveryBreachedPasswordTheLengthRuleWouldLetThrough) {
    EXPECT_GE(kBreachedPasswordCount, 400u);
    for (std::size_t i = 0; i < kBreachedPasswordCount; ++i)
        EXPECT_TRUE(passwordProblem(kBreachedPasswords[i], "").has_value())
            << kBreachedPasswords[i];
    EXPECT_FALSE(passwordProblem("heron marmalade quietly", "").has_value());
}

TEST(Passwords, RefuseMalformedUtf8) {
    EXPECT_EQ(passwordProblem("abcdefghijkl\xC3", "alice").value_or(""),
              "the password is not valid UTF-8 text");
}

TEST(Passwords, TokensAre256RandomBitsInUrlSafeBase64) {
    const std::string a = randomToken();
    EXPECT_EQ(a.size(), 43u);
    EXPECT_EQ(
        a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos);
    EXPECT_NE(a, randomToken());
}

TEST(Passwords, AOneTimePasswordNeverHoldsTheAccountsName) {
    // Two letters turn up in one random password in about forty: 4,000 draws would show it.
    for (int i = 0; i < 4000; ++i)
        ASSERT_FALSE(passwordProblem(oneTimePassword("mo"), "mo").has_value());
}

TEST_P(AccountStoreTest, TakesTheFirstAccountOnlyWhileEmpty) {
    const Diagnostics refused = store->createAccount("", "mallory", kPassword, true, false, kNoon);
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_EQ(refused[0].code, "account.not-administrator");
}

TEST_P(AccountStoreTest, LetsOnlyAnAdministratorCreateAccounts) {
    const Diagnostics refused =
        store->createAccount("alice", "bob", kPassword, false, false, kNoon);
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_EQ(refused[0].message,
              "alice is not a site administrator: only an administrator manages accounts");
    EXPECT_FALSE(store->account("bob"));
}

TEST_P(AccountStoreTest, RefusesAnAccountNameWithCapitalsOrSpaces) {
    const Diagnostics refused =
        store->createAccount("root", "Bob Smith", kPassword, false, false, kNoon);
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_EQ(refused[0].code, "account.name");
}

TEST_P(AccountStoreTest, SignInGivesATokenWhoseSessionIsTheAccount) {
    const std::string token = signedIn("alice", kPassword);
    ASSERT_EQ(token.size(), 43u);
    const SessionCheck check = store->session(token, kNoon + 5);
    ASSERT_TRUE(check.account);
    EXPECT_EQ(check.account->name, "alice");
    EXPECT_FALSE(check.account->administrator);
}

TEST_P(AccountStoreTest, AWrongPasswordAndAnUnknownNameAreRefusedInTheSameWords) {
    const SignInOutcome wrong = store->signIn("alice", "not her password", "192.0.2.1", kNoon);
    const SignInOutcome unknown = store->signIn("nobody", kPassword, "192.0.2.1", kNoon);
    EXPECT_FALSE(wrong.ok());
    EXPECT_FALSE(unknown.ok());
    EXPECT_EQ(wrong.refused.message, "the account name or the password is wrong");
    EXPECT_EQ(wrong.refused.message, unknown.refused.message);
    EXPECT_EQ(wrong.refused.code, unknown.refused.code);
}

TEST_P(AccountStoreTest, FiveFailuresMakeTheNextAttemptWaitThirtySeconds) {
    for (int i = 0; i < 5; ++i)
        EXPECT_FALSE(
            store->signIn("alice", "guess number " + std::to_string(i), "", kNoon + i).ok());
    // Even the right password waits: a guesser cannot tell it was right.
    const SignInOutcome throttled = store->signIn("alice", kPassword, "", kNoon + 10);
    EXPECT_FALSE(throttled.ok());
    EXPECT_EQ(throttled.refused.code, "sign-in.throttled");
    EXPECT_EQ(throttled.retryAfterSeconds, 24); // the last failure at +4, plus 30 s
    EXPECT_TRUE(store->signIn("alice", kPassword, "", kNoon + 34).ok());
}

TEST_P(AccountStoreTest, EachFurtherFailureDoublesTheWait) {
    for (int i = 0; i < 5; ++i)
        store->signIn("alice", "guess", "", kNoon);
    store->signIn("alice", "guess", "", kNoon + 30); // the sixth failure
    const SignInOutcome throttled = store->signIn("alice", kPassword, "", kNoon + 31);
    EXPECT_EQ(throttled.retryAfterSeconds, 59); // 60 s after the sixth
}

TEST_P(AccountStoreTest, ThrottlesAnUnknownNameLikeAKnownOne) {
    for (int i = 0; i < 5; ++i)
        store->signIn("nobody", "guess", "", kNoon);
    EXPECT_EQ(store->signIn("nobody", "guess", "", kNoon + 1).refused.code, "sign-in.throttled");
}

TEST_P(AccountStoreTest, TwentyFailuresFromOneAddressThrottleThatAddress) {
    for (int i = 0; i < 20; ++i)
        store->signIn("user" + std::to_string(i), "guess", "198.51.100.7", kNoon);
    EXPECT_EQ(store->signIn("alice", kPassword, "198.51.100.7", kNoon + 1).refused.code,
              "sign-in.throttled");
    EXPECT_TRUE(store->signIn("alice", kPassword, "203.0.113.9", kNoon + 1).ok());
}

TEST_P(AccountStoreTest, ASessionIdleForThirtyMinutesEnds) {
    const std::string token = signedIn("alice", kPassword);
    EXPECT_TRUE(store->session(token, kNoon + 29 * 60).account);
    // Used at 12:29, so alive until 12:59.
    EXPECT_TRUE(store->session(token, kNoon + 58 * 60).account);
    const SessionCheck idle = store->session(token, kNoon + 58 * 60 + 30 * 60);
    EXPECT_FALSE(idle.account);
    EXPECT_EQ(idle.endedBecause, "idle");
}

TEST_P(AccountStoreTest, ASessionEndsTwelveHoursAfterSignInHoweverOftenUsed) {
    const std::string token = signedIn("alice", kPassword);
    for (std::int64_t t = kNoon; t < kNoon + 12 * 3600; t += 20 * 60)
        ASSERT_TRUE(store->session(token, t).account) << t - kNoon;
    const SessionCheck expired = store->session(token, kNoon + 12 * 3600);
    EXPECT_FALSE(expired.account);
    EXPECT_EQ(expired.endedBecause, "expired");
}

TEST_P(AccountStoreTest, SignOutEndsTheSession) {
    const std::string token = signedIn("alice", kPassword);
    store->signOut(token, kNoon + 1);
    EXPECT_EQ(store->session(token, kNoon + 2).endedBecause, "signed out");
}

TEST_P(AccountStoreTest, AnUnknownTokenIsNoSession) {
    EXPECT_EQ(store->session(randomToken(), kNoon).endedBecause, "unknown");
}

TEST_P(AccountStoreTest, ChangingThePasswordEndsEverySessionOfTheAccount) {
    const std::string first = signedIn("alice", kPassword);
    const std::string second = signedIn("alice", kPassword);
    ASSERT_EQ(store->liveSessions("alice", kNoon), 2u);
    ASSERT_TRUE(
        store->changePassword("alice", kPassword, "another long password", kNoon + 1).empty());
    EXPECT_EQ(store->session(first, kNoon + 2).endedBecause, "password changed");
    EXPECT_EQ(store->session(second, kNoon + 2).endedBecause, "password changed");
    EXPECT_FALSE(store->signIn("alice", kPassword, "", kNoon + 3).ok());
    EXPECT_TRUE(store->signIn("alice", "another long password", "", kNoon + 3).ok());
}

TEST_P(AccountStoreTest, ChangingThePasswordNeedsTheCurrentOne) {
    const Diagnostics refused =
        store->changePassword("alice", "not her password", "another long password", kNoon);
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_EQ(refused[0].message, "the current password is wrong");
}

TEST_P(AccountStoreTest, DisablingAnAccountEndsItsSessionsAndRefusesItsSignIn) {
    const std::string token = signedIn("alice", kPassword);
    ASSERT_TRUE(store->setDisabled("root", "alice", true, kNoon + 1).empty());
    EXPECT_EQ(store->session(token, kNoon + 2).endedBecause, "account disabled");
    const SignInOutcome refused = store->signIn("alice", kPassword, "", kNoon + 3);
    EXPECT_EQ(refused.refused.message, "the account name or the password is wrong");
}

TEST_P(AccountStoreTest, AnAdministratorCannotDisableTheirOwnAccount) {
    const Diagnostics refused = store->setDisabled("root", "root", true, kNoon);
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_EQ(refused[0].code, "account.self");
}

TEST_P(AccountStoreTest, AResetPasswordMustBeChangedAtTheNextSignIn) {
    ASSERT_TRUE(store->resetPassword("root", "alice", "temporary password 1", kNoon).empty());
    const SignInOutcome outcome = store->signIn("alice", "temporary password 1", "", kNoon + 1);
    ASSERT_TRUE(outcome.ok());
    EXPECT_TRUE(outcome.account.mustChangePassword);
}

TEST_P(AccountStoreTest, AOneTimePasswordSignsInUntil72HoursAfterItWasSet) {
    ASSERT_TRUE(store->resetPassword("root", "alice", "temporary password 1", kNoon).empty());
    EXPECT_TRUE(store->signIn("alice", "temporary password 1", "", kNoon + 72 * 3600).ok());
    const SignInOutcome late =
        store->signIn("alice", "temporary password 1", "", kNoon + 72 * 3600 + 1);
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.refused.code, "sign-in.one-time-expired");
    EXPECT_EQ(store->events().back().event, "one-time password expired");
}

TEST_P(AccountStoreTest, AnExpiredOneTimePasswordIsNotToldToAGuesser) {
    ASSERT_TRUE(store->resetPassword("root", "alice", "temporary password 1", kNoon).empty());
    const SignInOutcome guess = store->signIn("alice", "a wrong guess here", "", kNoon + 80 * 3600);
    EXPECT_EQ(guess.refused.code, "sign-in.failed");
}

TEST_P(AccountStoreTest, APasswordOfOnesOwnNeverExpires) {
    EXPECT_TRUE(store->signIn("alice", kPassword, "", kNoon + 400 * 24 * 3600).ok());
}

// alice's second factor enrolled at noon; its secret's raw bytes in `secret`.
bool enrolled(AccountStore& store, std::string& secret) {
    const SecondFactorEnrolment enrolment =
        store.beginSecondFactor("alice", kPassword, "Fairtender", kNoon);
    if (!enrolment.ok())
        return false;
    secret = base32Decode(enrolment.secret).value_or("");
    const std::string code = hotpCode(secret, static_cast<std::uint64_t>(totpStep(kNoon)));
    return store.confirmSecondFactor("alice", code, kNoon).empty();
}

std::string codeAt(const std::string& secret, std::int64_t at) {
    return hotpCode(secret, static_cast<std::uint64_t>(totpStep(at)));
}

TEST_P(AccountStoreTest, WithASecondFactorThePasswordAloneSignsNobodyIn) {
    std::string secret;
    ASSERT_TRUE(enrolled(*store, secret));
    const SignInOutcome without = store->signIn("alice", kPassword, "", kNoon + 60);
    ASSERT_FALSE(without.ok());
    EXPECT_EQ(without.refused.code, "sign-in.second-factor");
    const SignInOutcome with =
        store->signIn("alice", kPassword, "", kNoon + 60, codeAt(secret, kNoon + 60));
    ASSERT_TRUE(with.ok());
    EXPECT_TRUE(with.account.secondFactor);
}

TEST_P(AccountStoreTest, ACodeSignsInOnceAndOnlyInItsOwn30Seconds) {
    std::string secret;
    ASSERT_TRUE(enrolled(*store, secret));
    const std::string code = codeAt(secret, kNoon + 90);
    EXPECT_TRUE(store->signIn("alice", kPassword, "", kNoon + 90, code).ok());
    // The same code again, even within its 30 seconds, is refused: it was used.
    EXPECT_EQ(store->signIn("alice", kPassword, "", kNoon + 95, code).refused.code,
              "sign-in.second-factor");
    // The code of the 30 seconds before has lived its life.
    EXPECT_FALSE(
        store->signIn("alice", kPassword, "", kNoon + 300, codeAt(secret, kNoon + 270)).ok());
    EXPECT_TRUE(
        store->signIn("alice", kPassword, "", kNoon + 300, codeAt(secret, kNoon + 300)).ok());
}

TEST_P(AccountStoreTest, WrongCodesAreThrottledAsWrongPasswordsAre) {
    std::string secret;
    ASSERT_TRUE(enrolled(*store, secret));
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(store->signIn("alice", kPassword, "", kNoon + 60 + i, "000000").refused.code,
                  "sign-in.second-factor");
    const SignInOutcome sixth =
        store->signIn("alice", kPassword, "", kNoon + 66, codeAt(secret, kNoon + 66));
    EXPECT_EQ(sixth.refused.code, "sign-in.throttled");
}

TEST_P(AccountStoreTest, EnrollingNeedsThePasswordAndAConfirmingCode) {
    EXPECT_EQ(store->beginSecondFactor("alice", "not her password", "F", kNoon).problems[0].code,
              "account.password");
    const SecondFactorEnrolment enrolment =
        store->beginSecondFactor("alice", kPassword, "F", kNoon);
    ASSERT_TRUE(enrolment.ok());
    EXPECT_EQ(enrolment.secret.size(), 32u); // 160 bits in base32
    EXPECT_EQ(store->confirmSecondFactor("alice", "000000", kNoon)[0].code,
              "account.second-factor");
    // Not confirmed: the password still signs in alone.
    EXPECT_TRUE(store->signIn("alice", kPassword, "", kNoon + 1).ok());
}

TEST_P(AccountStoreTest, AConfirmedSecondFactorIsReplacedOnlyAfterAnAdministratorsReset) {
    std::string secret;
    ASSERT_TRUE(enrolled(*store, secret));
    EXPECT_EQ(store->beginSecondFactor("alice", kPassword, "F", kNoon + 60).problems[0].code,
              "account.second-factor-exists");
    EXPECT_FALSE(store->resetSecondFactor("alice", "alice", kNoon + 60).empty());
    EXPECT_TRUE(store->resetSecondFactor("root", "alice", kNoon + 60).empty());
    EXPECT_TRUE(store->signIn("alice", kPassword, "", kNoon + 61).ok());
    EXPECT_EQ(store->events().back().event, "signed in");
}

TEST_P(AccountStoreTest, LogsEverySignInWithItsAddress) {
    store->signIn("alice", "wrong password!", "192.0.2.50", kNoon);
    signedIn("alice", kPassword, kNoon + 1);
    const auto events = store->events();
    ASSERT_GE(events.size(), 4u);
    EXPECT_EQ(events[events.size() - 2].event, "sign-in failed");
    EXPECT_EQ(events[events.size() - 2].address, "192.0.2.50");
    EXPECT_EQ(events.back().event, "signed in");
    EXPECT_EQ(events.back().account, "alice");
}

TEST_P(AccountStoreTest, RegistersEachTenderNameOnce) {
    ASSERT_TRUE(store->registerTender("school-meals", "alice", kNoon).empty());
    const Diagnostics again = store->registerTender("school-meals", "root", kNoon);
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].code, "tender.exists");
    EXPECT_EQ(store->tenders(), std::vector<std::string>{"school-meals"});
}

TEST_P(AccountStoreTest, KeepsAccountsAndSessionsAcrossReopening) {
    const std::string token = signedIn("alice", kPassword);
    store.reset();
    auto reopened = AccountStore::open(where, policy());
    ASSERT_TRUE(reopened.ok());
    EXPECT_EQ(reopened.store->accounts().size(), 2u);
    const SessionCheck check = reopened.store->session(token, kNoon + 1);
    ASSERT_TRUE(check.account);
    EXPECT_EQ(check.account->name, "alice");
}

INSTANTIATE_TEST_SUITE_P(BothStores, AccountStoreTest,
                         ::testing::Values(Store::Sqlite, Store::Postgres),
                         fairtender::testing::storeName);

} // namespace
