// AccountStore: the people who may sign in to a Fairtender server, their sessions, the
// failed sign-ins that slow guessing down, a log of what happened to each account, and the
// tenders the server keeps. Kept in an SQLite file, or in the schema "fairtender__accounts"
// of a PostgreSQL database so that every server instance on it sees the same accounts and
// the same sessions: a session ended on one instance is ended on all at once.
//
// A session is an opaque random token; only its SHA-256 is stored. It ends when it has been
// idle too long, when it has lived its whole lifetime, on sign-out, when the password
// changes or when the account is disabled. Time is seconds since 1970 (UTC), passed in, so
// the rules can be checked at any moment.
#pragma once

#include "core/Diagnostic.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fairtender {

class SqlConnection;

struct Account {
    std::string name;
    bool administrator = false;
    bool disabled = false;
    // The password was set by someone else (the first one, a reset): the account must
    // choose its own before it does anything else.
    bool mustChangePassword = false;
    // A second factor (an authenticator app's codes) is enrolled and confirmed: signing in
    // needs its code too.
    bool secondFactor = false;
    std::int64_t createdAt = 0;
};

// How long sessions last and how failed sign-ins are slowed down.
struct SessionPolicy {
    std::int64_t idleSeconds = 30 * 60;          // a session unused this long ends
    std::int64_t lifetimeSeconds = 12 * 60 * 60; // and any session ends this long after sign-in
    // A password set by someone else (the first one, a reset) signs in this long after it was
    // set, and not later: an administrator then sets a new one.
    std::int64_t oneTimePasswordSeconds = 72 * 60 * 60;
    // Every account must enrol a second factor: until it has, its sessions may do nothing but
    // enrol one (the server's --require-second-factor).
    bool requireSecondFactor = false;
    // Failed sign-ins counted over this window: from `accountThreshold` failures for one
    // account name (or `addressThreshold` from one client address) on, each attempt waits
    // 30 s after the last failure, doubling with each further failure, at most
    // `maxBackoffSeconds`.
    std::int64_t failureWindowSeconds = 15 * 60;
    int accountThreshold = 5;
    int addressThreshold = 20;
    std::int64_t firstBackoffSeconds = 30;
    std::int64_t maxBackoffSeconds = 15 * 60;
};

// The outcome of a sign-in: a token, or why not. A wrong password and an unknown name give
// the same refusal.
struct SignInOutcome {
    std::optional<std::string> token;
    Account account;
    // code "sign-in.failed", "sign-in.throttled", "sign-in.one-time-expired" or
    // "sign-in.second-factor" (the code from the authenticator app is missing or wrong)
    Diagnostic refused;
    std::int64_t retryAfterSeconds = 0; // when throttled
    bool ok() const { return token.has_value(); }
};

// Who a token belongs to, or why it no longer works.
struct SessionCheck {
    std::optional<Account> account;
    std::string endedBecause; // "expired", "idle", "signed out", ... or "unknown"
};

// One thing that happened to an account, in order.
struct AccountEvent {
    std::int64_t seq = 0;
    std::int64_t at = 0;
    std::string account; // the account it concerns (as typed, for a failed sign-in)
    std::string event;   // "signed in", "sign-in failed", "created", "disabled", ...
    std::string by;      // the account that did it; empty for the person themselves
    std::string address; // the client address, where there is one
};

// A live session as its owner sees it. `id` names it: the first 16 hex digits of its
// token's SHA-256, from which the token cannot be found.
struct SessionSummary {
    std::string id;
    std::int64_t createdAt = 0;
    std::int64_t lastSeenAt = 0;
    bool current = false; // the session the request came with
};

// What ending sessions did: how many ended, or why nothing was done.
struct SessionsEnded {
    std::size_t ended = 0;
    Diagnostics problems;
    bool ok() const { return problems.empty(); }
};

// A second factor being enrolled: the secret for the authenticator app, as base32 and as
// an otpauth:// address (a QR code of it is what the apps scan).
struct SecondFactorEnrolment {
    std::string secret;
    std::string uri;
    Diagnostics problems;
    bool ok() const { return problems.empty(); }
};

struct AccountStoreOpen;

class AccountStore {
public:
    // `where` is a file path (created when missing) or a postgresql:// URI of the database
    // (its schema created when missing). Errors name `where`, never a password in it.
    static AccountStoreOpen open(const std::string& where, SessionPolicy policy = {});

    AccountStore(AccountStore&&) noexcept;
    AccountStore& operator=(AccountStore&&) noexcept;
    ~AccountStore();

    const SessionPolicy& policy() const;

    // Why `name` cannot name an account (2 to 64 lower-case letters, digits, '.', '-' or
    // '_', starting with a letter), or nullopt.
    static std::optional<std::string> accountNameProblem(const std::string& name);

    // A new account with `password` (which must then be changed when `oneTime`). `by` is
    // the administrator creating it; empty for the first account, which only an empty store
    // takes. Refused for a taken name or a password passwordProblem refuses.
    Diagnostics createAccount(const std::string& by, const std::string& name,
                              const std::string& password, bool administrator, bool oneTime,
                              std::int64_t now);

    std::optional<Account> account(const std::string& name) const;
    std::vector<Account> accounts() const;
    bool empty() const;

    // Checks the password and, when it matches an account that is not disabled and no
    // throttle holds, starts a session. Every attempt is logged with `address`.
    // `code`: the authenticator app's current code, needed once a second factor is
    // enrolled; each code signs in once.
    SignInOutcome signIn(const std::string& name, const std::string& password,
                         const std::string& address, std::int64_t now,
                         const std::string& code = {});

    // `name`, giving their password again, starts enrolling a second factor: a new secret,
    // replacing one not yet confirmed. Refused once one is confirmed (an administrator
    // resets it first, having made sure of the person).
    SecondFactorEnrolment beginSecondFactor(const std::string& name, const std::string& password,
                                            const std::string& issuer, std::int64_t now);
    // Confirms the enrolment with a code the app shows now; from then on signing in needs one.
    Diagnostics confirmSecondFactor(const std::string& name, const std::string& code,
                                    std::int64_t now);
    // The administrator `by` removes `name`'s second factor (a lost phone), ending their
    // sessions; `name` then enrols again.
    Diagnostics resetSecondFactor(const std::string& by, const std::string& name, std::int64_t now);

    // The account whose live session `token` is, marking the session used at `now`.
    SessionCheck session(const std::string& token, std::int64_t now);

    // Ends the session `token` (nothing when it has already ended).
    void signOut(const std::string& token, std::int64_t now);

    // The account changes its own password: `current` must match. Every session of the
    // account ends; the caller signs in again.
    Diagnostics changePassword(const std::string& name, const std::string& current,
                               const std::string& replacement, std::int64_t now);
    // An administrator sets a one-time password (the account must change it) and ends the
    // account's sessions.
    Diagnostics resetPassword(const std::string& by, const std::string& name,
                              const std::string& oneTime, std::int64_t now);
    // An administrator disables (ending every session) or enables an account. An
    // administrator cannot disable their own account, so one always remains.
    Diagnostics setDisabled(const std::string& by, const std::string& name, bool disabled,
                            std::int64_t now);

    // Sessions not yet ended, for one account.
    std::size_t liveSessions(const std::string& name, std::int64_t now) const;
    // True when `password` is `name`'s: someone authenticating again before a change that
    // needs it. Takes as long as a sign-in's check.
    bool passwordIs(const std::string& name, const std::string& password) const;
    // `name`'s live sessions, oldest first; `currentToken`'s is marked current.
    std::vector<SessionSummary> liveSessionsOf(const std::string& name,
                                               const std::string& currentToken,
                                               std::int64_t now) const;
    // `name`, having given their password again, ends one of their live sessions (`id`), or
    // every one but `keepToken`'s when `id` is empty.
    SessionsEnded endOwnSessions(const std::string& name, const std::string& password,
                                 const std::string& id, const std::string& keepToken,
                                 std::int64_t now);
    // The administrator `by`, having given their password again, ends every live session of
    // the account `name`, or of everyone but their own `keepToken` when `name` is empty.
    SessionsEnded endSessionsOf(const std::string& by, const std::string& password,
                                const std::string& name, const std::string& keepToken,
                                std::int64_t now);

    std::vector<AccountEvent> events() const;

    // The tenders this server keeps, by name, in the order registered.
    Diagnostics registerTender(const std::string& name, const std::string& by, std::int64_t now);
    std::vector<std::string> tenders() const;
    bool hasTender(const std::string& name) const;

private:
    struct Impl;
    explicit AccountStore(std::unique_ptr<Impl> impl);
    // Checks `who`'s `password` (authenticating again), then runs `end` in one write with the
    // hash of the session to keep; its problems, or the wrong password, in `result`.
    void endSessionsAfterPassword(const std::string& who, const std::string& password,
                                  const std::string& keepToken, SessionsEnded& result,
                                  const std::function<Diagnostics(const std::string&)>& end);
    std::unique_ptr<Impl> impl_;
};

struct AccountStoreOpen {
    std::optional<AccountStore> store;
    Diagnostics diagnostics;
    bool ok() const { return store.has_value(); }
};

// Seconds since 1970 now (UTC).
std::int64_t secondsNow();

} // namespace fairtender
