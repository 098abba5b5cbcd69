#include "identity/AccountStore.h"

#include "audit/Sha256.h"
#include "identity/Passwords.h"
#include "identity/Totp.h"
#include "store/WorkspaceLocation.h"
#include "store/sql/PostgresConnection.h"
#include "store/sql/SqliteConnection.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <mutex>
#include <sodium.h>

namespace fairtender {

namespace {

// PostgreSQL: the schema "fairtender__accounts". A tender's name starts with a letter, so no
// tender's schema ("fairtender_NAME") can be this one.
constexpr const char* kAccountsSchemaTender = "_accounts";

// A session's last use is written at most this often: every request reads its session, and
// writing each one would make every read a write.
constexpr std::int64_t kLastSeenGranularity = 60;

// A session's public id: this many hex digits of its token's hash (64 bits).
constexpr std::size_t kSessionIdDigits = 16;

const std::vector<std::string> kSchema = {
    "CREATE TABLE IF NOT EXISTS accounts (name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, "
    "administrator BIGINT NOT NULL, disabled BIGINT NOT NULL, must_change BIGINT NOT NULL, "
    "created_at BIGINT NOT NULL)",
    // ended_at 0: the session is live.
    "CREATE TABLE IF NOT EXISTS sessions (token_hash TEXT PRIMARY KEY, account TEXT NOT NULL, "
    "created_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL, ended_at BIGINT NOT NULL, "
    "ended_why TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS sessions_by_account ON sessions (account, ended_at)",
    "CREATE TABLE IF NOT EXISTS sign_in_failures (subject TEXT NOT NULL, at BIGINT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS sign_in_failures_by_subject ON sign_in_failures (subject, at)",
    "CREATE TABLE IF NOT EXISTS account_events (seq BIGINT PRIMARY KEY, at BIGINT NOT NULL, "
    "account TEXT NOT NULL, event TEXT NOT NULL, by_account TEXT NOT NULL, address TEXT NOT "
    "NULL)",
    "CREATE TABLE IF NOT EXISTS tenders (name TEXT PRIMARY KEY, position BIGINT NOT NULL, "
    "created_by TEXT NOT NULL, created_at BIGINT NOT NULL)",
    // confirmed 0: being enrolled. last_step: the 30-second step of the last code taken.
    "CREATE TABLE IF NOT EXISTS second_factors (account TEXT PRIMARY KEY, secret TEXT NOT NULL, "
    "confirmed BIGINT NOT NULL, last_step BIGINT NOT NULL)",
};

const std::string kSignInRefused = "the account name or the password is wrong";

// A refusal concerns the account, not a place in a file: only a failure of the store itself
// names where the store is.
Diagnostic accountError(const std::string& where, std::string message, std::string code) {
    const bool storeFailure = code == "accounts.store" || code == "accounts.busy";
    Diagnostic d = errorAt({storeFailure ? where : std::string(), 0, 0}, std::move(message));
    d.code = std::move(code);
    return d;
}

std::string accountSubject(const std::string& name) {
    return "account:" + name.substr(0, 64);
}
std::string addressSubject(const std::string& address) {
    return "address:" + address.substr(0, 64);
}

// The account in the query's current row, whose first columns are name, administrator,
// disabled, must_change and created_at.
Account readAccount(const SqlStatement& select) {
    Account account;
    account.name = select.text(0);
    account.administrator = select.integer(1) != 0;
    account.disabled = select.integer(2) != 0;
    account.mustChangePassword = select.integer(3) != 0;
    account.createdAt = select.integer(4);
    return account;
}

} // namespace

struct AccountStore::Impl {
    std::unique_ptr<SqlConnection> db;
    SessionPolicy policy;
    std::string where;
    // One connection serves one thread at a time; a server shares the store between its
    // request threads.
    mutable std::recursive_mutex mutex;
    Sha256 sha;

    std::string tokenHash(const std::string& token) { return sha.hex(token); }

    // Runs `body` in a write transaction; a StoreError or a refusal from `body` rolls back.
    Diagnostics write(const std::function<Diagnostics()>& body) {
        std::string why;
        const WriteStart start = db->beginWrite(why);
        if (start != WriteStart::Started)
            return {accountError(where,
                                 start == WriteStart::Busy
                                     ? "the account store is busy; try again"
                                     : "cannot write the account store (" + why + ")",
                                 start == WriteStart::Busy ? "accounts.busy" : "accounts.store")};
        try {
            Diagnostics problems = body();
            if (hasErrors(problems))
                db->rollback();
            else
                db->commit();
            return problems;
        } catch (const StoreError& e) {
            db->rollback();
            return {accountError(where,
                                 std::string("cannot write the account store (") + e.what() + ")",
                                 "accounts.store")};
        }
    }

    void logEvent(std::int64_t at, const std::string& account, const std::string& event,
                  const std::string& by, const std::string& address) {
        SqlStatement& last = db->statement("SELECT COALESCE(MAX(seq), 0) FROM account_events");
        std::int64_t seq = 0;
        {
            QueryScope scope{last};
            if (last.next())
                seq = last.integer(0);
        }
        SqlStatement& insert = db->statement(
            "INSERT INTO account_events (seq, at, account, event, by_account, address) VALUES "
            "(?, ?, ?, ?, ?, ?)");
        insert.bind(1, seq + 1);
        insert.bind(2, at);
        insert.bind(3, std::string_view(account));
        insert.bind(4, std::string_view(event));
        insert.bind(5, std::string_view(by));
        insert.bind(6, std::string_view(address));
        insert.run();
    }

    std::optional<std::pair<Account, std::string>> accountRow(const std::string& name) {
        std::optional<std::pair<Account, std::string>> row;
        {
            SqlStatement& select =
                db->statement("SELECT name, administrator, disabled, must_change, created_at, "
                              "password_hash FROM accounts WHERE name = ?");
            QueryScope scope{select};
            select.bind(1, std::string_view(name));
            if (!select.next())
                return std::nullopt;
            row = std::make_pair(readAccount(select), select.text(5));
        }
        const auto factor = secondFactorOf(name);
        row->first.secondFactor = factor && factor->confirmed;
        return row;
    }

    struct SecondFactorRow {
        std::string secret; // the raw bytes
        bool confirmed = false;
        std::int64_t lastStep = 0;
    };

    std::optional<SecondFactorRow> secondFactorOf(const std::string& name) {
        SqlStatement& select = db->statement(
            "SELECT secret, confirmed, last_step FROM second_factors WHERE account = ?");
        QueryScope scope{select};
        select.bind(1, std::string_view(name));
        if (!select.next())
            return std::nullopt;
        const auto secret = base32Decode(select.text(0));
        if (!secret)
            return std::nullopt;
        return SecondFactorRow{*secret, select.integer(1) != 0, select.integer(2)};
    }

    // The step of `code` for `secret` at `now`, when it is later than `after` (each code
    // works once); nullopt when it does not match. Only the current step's code is taken, so
    // a code lives 30 seconds at most (ASVS 6.5.5): the server's clock must be right.
    static std::optional<std::int64_t> acceptedStep(const std::string& secret,
                                                    const std::string& code, std::int64_t now,
                                                    std::int64_t after) {
        if (code.size() != static_cast<std::size_t>(kTotpDigits))
            return std::nullopt;
        const std::int64_t step = totpStep(now);
        if (step > after && step >= 0 &&
            sodium_memcmp(hotpCode(secret, static_cast<std::uint64_t>(step)).data(), code.data(),
                          code.size()) == 0)
            return step;
        return std::nullopt;
    }

    void takeStep(const std::string& name, std::int64_t step) {
        SqlStatement& update =
            db->statement("UPDATE second_factors SET last_step = ? WHERE account = ?");
        update.bind(1, step);
        update.bind(2, std::string_view(name));
        update.run();
    }

    // How long `subject` must still wait, from its recent failures; 0 when it need not.
    std::int64_t backoff(const std::string& subject, int threshold, std::int64_t now) {
        SqlStatement& select = db->statement(
            "SELECT COUNT(*), COALESCE(MAX(at), 0) FROM sign_in_failures WHERE subject = ? AND "
            "at > ?");
        QueryScope scope{select};
        select.bind(1, std::string_view(subject));
        select.bind(2, now - policy.failureWindowSeconds);
        if (!select.next())
            return 0;
        const std::int64_t failures = select.integer(0);
        const std::int64_t lastFailure = select.integer(1);
        if (failures < threshold)
            return 0;
        std::int64_t wait = policy.firstBackoffSeconds;
        for (std::int64_t i = threshold; i < failures && wait < policy.maxBackoffSeconds; ++i)
            wait *= 2;
        wait = std::min(wait, policy.maxBackoffSeconds);
        return std::max<std::int64_t>(0, lastFailure + wait - now);
    }

    // Ends `name`'s live sessions whose id (hash prefix) is `id`, or all when `id` is empty,
    // but never the one whose hash is `keepHash`; how many ended.
    std::size_t endLiveSessions(const std::string& name, const std::string& id,
                                const std::string& keepHash, const std::string& why,
                                std::int64_t now) {
        std::vector<std::string> hashes;
        {
            SqlStatement& select =
                db->statement("SELECT token_hash FROM sessions WHERE account = ? AND ended_at = 0");
            QueryScope scope{select};
            select.bind(1, std::string_view(name));
            while (select.next())
                hashes.push_back(select.text(0));
        }
        std::size_t ended = 0;
        SqlStatement& end = db->statement("UPDATE sessions SET ended_at = ?, ended_why = ? WHERE "
                                          "token_hash = ? AND ended_at = 0");
        for (const auto& hash : hashes) {
            if (hash == keepHash || (!id.empty() && hash.substr(0, kSessionIdDigits) != id))
                continue;
            end.bind(1, now);
            end.bind(2, std::string_view(why));
            end.bind(3, std::string_view(hash));
            end.run();
            ++ended;
        }
        return ended;
    }

    // When `name`'s password was last set: created, reset or changed.
    std::int64_t passwordSetAt(const std::string& name) {
        SqlStatement& select = db->statement(
            "SELECT COALESCE(MAX(at), 0) FROM account_events WHERE account = ? AND (event = "
            "'created' OR event = 'created (administrator)' OR event = 'password reset' OR event "
            "= 'password changed')");
        QueryScope scope{select};
        select.bind(1, std::string_view(name));
        return select.next() ? select.integer(0) : 0;
    }

    std::vector<std::string> accountNames() {
        SqlStatement& select = db->statement("SELECT name FROM accounts ORDER BY name");
        QueryScope scope{select};
        std::vector<std::string> names;
        while (select.next())
            names.push_back(select.text(0));
        return names;
    }

    void endSessions(const std::string& name, const std::string& why, std::int64_t now) {
        SqlStatement& end = db->statement(
            "UPDATE sessions SET ended_at = ?, ended_why = ? WHERE account = ? AND ended_at = 0");
        end.bind(1, now);
        end.bind(2, std::string_view(why));
        end.bind(3, std::string_view(name));
        end.run();
    }

    void setPassword(const std::string& name, const std::string& hash, bool mustChange) {
        SqlStatement& update =
            db->statement("UPDATE accounts SET password_hash = ?, must_change = ? WHERE name = ?");
        update.bind(1, std::string_view(hash));
        update.bind(2, std::int64_t{mustChange ? 1 : 0});
        update.bind(3, std::string_view(name));
        update.run();
    }

    // Why `by` may not change the account `name`: not an administrator, or no such account.
    std::optional<Diagnostics> administratorChangeRefused(const std::string& by,
                                                          const std::string& name) {
        if (const auto problem = administratorProblem(by))
            return Diagnostics{accountError(where, *problem, "account.not-administrator")};
        if (!accountRow(name))
            return Diagnostics{
                accountError(where, "there is no account named " + name, "account.unknown")};
        return std::nullopt;
    }

    std::optional<std::string> administratorProblem(const std::string& by) {
        const auto actor = accountRow(by);
        if (!actor || actor->first.disabled || !actor->first.administrator)
            return by + " is not a site administrator: only an administrator manages accounts";
        return std::nullopt;
    }
};

AccountStore::AccountStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AccountStore::AccountStore(AccountStore&&) noexcept = default;
AccountStore& AccountStore::operator=(AccountStore&&) noexcept = default;
AccountStore::~AccountStore() = default;

std::int64_t secondsNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

AccountStoreOpen AccountStore::open(const std::string& where, SessionPolicy policy) {
    AccountStoreOpen result;
    auto impl = std::make_unique<Impl>();
    impl->policy = policy;
    try {
        if (isPostgresLocation(where)) {
            std::string why;
            auto location =
                WorkspaceLocation::parse(WorkspaceLocation::tenderUri(where, "accounts"), why);
            if (!location) {
                result.diagnostics.push_back(
                    accountError(where, "is not a database URI: " + why, "accounts.store"));
                return result;
            }
            location->tender = kAccountsSchemaTender;
            impl->where = location->shown;
            auto db = std::make_unique<PostgresConnection>(*location);
            if (!db->schemaExists()) {
                db->begin();
                try {
                    db->createSchema();
                    for (const auto& statement : kSchema)
                        db->execute(statement);
                    db->commit();
                } catch (const StoreError&) {
                    db->rollback();
                    // Another instance created it first: use theirs.
                    if (!db->schemaExists())
                        throw;
                }
            }
            impl->db = std::move(db);
        } else {
            impl->where = where;
            impl->db = std::make_unique<SqliteConnection>(where, SqliteConnection::Mode::ReadWrite);
            impl->db->configure();
            for (const auto& statement : kSchema)
                impl->db->execute(statement);
        }
    } catch (const StoreError& e) {
        result.diagnostics.push_back(accountError(
            impl->where.empty() ? where : impl->where,
            std::string("cannot open the account store: ") + e.what(), "accounts.store"));
        return result;
    }
    decoyPasswordHash(); // made now, so the first unknown name takes no longer than the rest
    result.store.emplace(AccountStore(std::move(impl)));
    return result;
}

const SessionPolicy& AccountStore::policy() const {
    return impl_->policy;
}

std::optional<std::string> AccountStore::accountNameProblem(const std::string& name) {
    const bool allowed = std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    });
    if (name.size() < 2 || name.size() > 64 || !allowed || name[0] < 'a' || name[0] > 'z')
        return "an account name is 2 to 64 lower-case letters, digits, '.', '-' or '_', "
               "starting with a letter";
    return std::nullopt;
}

Diagnostics AccountStore::createAccount(const std::string& by, const std::string& name,
                                        const std::string& password, bool administrator,
                                        bool oneTime, std::int64_t now) {
    if (const auto problem = accountNameProblem(name))
        return {accountError(impl_->where, "\"" + name + "\": " + *problem, "account.name")};
    if (const auto problem = passwordProblem(password, name))
        return {accountError(impl_->where, *problem, "account.password")};
    const std::string hash = hashPassword(password);
    std::lock_guard lock(impl_->mutex);
    return impl_->write([&]() -> Diagnostics {
        if (by.empty()) {
            if (!empty())
                return {accountError(impl_->where,
                                     "already has accounts: an administrator adds the others",
                                     "account.not-administrator")};
        } else if (const auto problem = impl_->administratorProblem(by)) {
            return {accountError(impl_->where, *problem, "account.not-administrator")};
        }
        if (impl_->accountRow(name))
            return {accountError(impl_->where, "there is already an account named " + name,
                                 "account.exists")};
        SqlStatement& insert = impl_->db->statement(
            "INSERT INTO accounts (name, password_hash, administrator, disabled, must_change, "
            "created_at) VALUES (?, ?, ?, 0, ?, ?)");
        insert.bind(1, std::string_view(name));
        insert.bind(2, std::string_view(hash));
        insert.bind(3, std::int64_t{administrator ? 1 : 0});
        insert.bind(4, std::int64_t{oneTime ? 1 : 0});
        insert.bind(5, now);
        insert.run();
        impl_->logEvent(now, name, administrator ? "created (administrator)" : "created", by, "");
        return {};
    });
}

std::optional<Account> AccountStore::account(const std::string& name) const {
    std::lock_guard lock(impl_->mutex);
    const auto row = impl_->accountRow(name);
    if (!row)
        return std::nullopt;
    return row->first;
}

std::vector<Account> AccountStore::accounts() const {
    std::lock_guard lock(impl_->mutex);
    SqlStatement& select = impl_->db->statement(
        "SELECT name, administrator, disabled, must_change, created_at FROM accounts ORDER BY "
        "name");
    QueryScope scope{select};
    std::vector<Account> out;
    while (select.next())
        out.push_back(readAccount(select));
    return out;
}

bool AccountStore::empty() const {
    std::lock_guard lock(impl_->mutex);
    SqlStatement& select = impl_->db->statement("SELECT COUNT(*) FROM accounts");
    QueryScope scope{select};
    return !select.next() || select.integer(0) == 0;
}

SignInOutcome AccountStore::signIn(const std::string& name, const std::string& password,
                                   const std::string& address, std::int64_t now,
                                   const std::string& code) {
    // The password check takes a while and needs no database: other requests go on
    // meanwhile.
    std::unique_lock lock(impl_->mutex);
    SignInOutcome outcome;
    const SessionPolicy& policy = impl_->policy;
    const std::int64_t wait = std::max(
        impl_->backoff(accountSubject(name), policy.accountThreshold, now),
        address.empty() ? 0
                        : impl_->backoff(addressSubject(address), policy.addressThreshold, now));
    if (wait > 0) {
        outcome.retryAfterSeconds = wait;
        outcome.refused = accountError(impl_->where,
                                       "too many failed sign-ins: wait " + std::to_string(wait) +
                                           " s before trying again",
                                       "sign-in.throttled");
        impl_->write([&]() -> Diagnostics {
            impl_->logEvent(now, name.substr(0, 64), "sign-in throttled", "", address);
            return {};
        });
        return outcome;
    }
    const auto row = impl_->accountRow(name);
    // An unknown name is checked against a decoy hash so that it takes as long as a known
    // one; a disabled account is refused in the same words as a wrong password.
    lock.unlock();
    const bool matches = passwordMatches(row ? row->second : decoyPasswordHash(), password);
    lock.lock();
    if (row && matches && !row->first.disabled && row->first.mustChangePassword &&
        now - impl_->passwordSetAt(name) > policy.oneTimePasswordSeconds) {
        // Said only to someone who knows the password, so it tells a guesser nothing.
        outcome.refused =
            accountError(impl_->where,
                         "this one-time password was set over " +
                             std::to_string(policy.oneTimePasswordSeconds / 3600) +
                             " hours ago and has expired: ask an administrator to reset it",
                         "sign-in.one-time-expired");
        impl_->write([&]() -> Diagnostics {
            impl_->logEvent(now, name, "one-time password expired", "", address);
            return {};
        });
        return outcome;
    }
    // With a second factor, the password alone signs nobody in: the code must match too, and
    // a wrong code counts as a failed sign-in.
    std::optional<std::int64_t> stepTaken;
    bool codeRefused = false;
    if (row && matches && !row->first.disabled && row->first.secondFactor) {
        const auto factor = impl_->secondFactorOf(name);
        if (code.empty()) {
            outcome.refused = accountError(impl_->where,
                                           "give the " + std::to_string(kTotpDigits) +
                                               "-digit code your authenticator app shows now "
                                               "(\"code\"): this account has a second factor",
                                           "sign-in.second-factor");
            return outcome;
        }
        stepTaken =
            factor ? Impl::acceptedStep(factor->secret, code, now, factor->lastStep) : std::nullopt;
        codeRefused = !stepTaken;
    }
    if (row && matches && !row->first.disabled && !codeRefused) {
        const std::string token = randomToken();
        const std::string hash = impl_->tokenHash(token);
        const Diagnostics problems = impl_->write([&]() -> Diagnostics {
            SqlStatement& insert = impl_->db->statement(
                "INSERT INTO sessions (token_hash, account, created_at, last_seen_at, "
                "ended_at, ended_why) VALUES (?, ?, ?, ?, 0, '')");
            insert.bind(1, std::string_view(hash));
            insert.bind(2, std::string_view(row->first.name));
            insert.bind(3, now);
            insert.bind(4, now);
            insert.run();
            SqlStatement& forget =
                impl_->db->statement("DELETE FROM sign_in_failures WHERE subject = ?");
            const std::string subject = accountSubject(name);
            forget.bind(1, std::string_view(subject));
            forget.run();
            if (stepTaken)
                impl_->takeStep(row->first.name, *stepTaken);
            impl_->logEvent(now, row->first.name, "signed in", "", address);
            return {};
        });
        if (!problems.empty()) {
            outcome.refused = problems.front();
            return outcome;
        }
        outcome.token = token;
        outcome.account = row->first;
        return outcome;
    }
    impl_->write([&]() -> Diagnostics {
        SqlStatement& prune = impl_->db->statement("DELETE FROM sign_in_failures WHERE at <= ?");
        prune.bind(1, now - policy.failureWindowSeconds);
        prune.run();
        SqlStatement& insert =
            impl_->db->statement("INSERT INTO sign_in_failures (subject, at) VALUES (?, ?)");
        for (const std::string& subject :
             {accountSubject(name), address.empty() ? std::string() : addressSubject(address)}) {
            if (subject.empty())
                continue;
            insert.bind(1, std::string_view(subject));
            insert.bind(2, now);
            insert.run();
        }
        impl_->logEvent(now, name.substr(0, 64),
                        codeRefused      ? "sign-in failed (second factor)"
                        : row && matches ? "sign-in refused (disabled)"
                                         : "sign-in failed",
                        "", address);
        return {};
    });
    outcome.refused = codeRefused
                          ? accountError(impl_->where,
                                         "the code is wrong or was used already: give the one your "
                                         "authenticator app shows now",
                                         "sign-in.second-factor")
                          : accountError(impl_->where, kSignInRefused, "sign-in.failed");
    return outcome;
}

SecondFactorEnrolment AccountStore::beginSecondFactor(const std::string& name,
                                                      const std::string& password,
                                                      const std::string& issuer, std::int64_t now) {
    SecondFactorEnrolment enrolment;
    if (!passwordIs(name, password)) {
        enrolment.problems.push_back(
            accountError(impl_->where, "the password is wrong", "account.password"));
        return enrolment;
    }
    const std::string secret = newTotpSecret();
    std::lock_guard lock(impl_->mutex);
    enrolment.problems = impl_->write([&]() -> Diagnostics {
        if (const auto factor = impl_->secondFactorOf(name); factor && factor->confirmed)
            return {accountError(impl_->where,
                                 name + " already has a second factor: an administrator resets "
                                        "it (a lost or new phone) before another is enrolled",
                                 "account.second-factor-exists")};
        SqlStatement& remove = impl_->db->statement("DELETE FROM second_factors WHERE account = ?");
        remove.bind(1, std::string_view(name));
        remove.run();
        SqlStatement& insert = impl_->db->statement(
            "INSERT INTO second_factors (account, secret, confirmed, last_step) VALUES (?, ?, 0, "
            "0)");
        const std::string encoded = base32Encode(secret);
        insert.bind(1, std::string_view(name));
        insert.bind(2, std::string_view(encoded));
        insert.run();
        impl_->logEvent(now, name, "second factor enrolment started", "", "");
        return {};
    });
    if (enrolment.ok()) {
        enrolment.secret = base32Encode(secret);
        enrolment.uri = totpUri(issuer, name, secret);
    }
    return enrolment;
}

Diagnostics AccountStore::confirmSecondFactor(const std::string& name, const std::string& code,
                                              std::int64_t now) {
    std::lock_guard lock(impl_->mutex);
    return impl_->write([&]() -> Diagnostics {
        const auto factor = impl_->secondFactorOf(name);
        if (!factor)
            return {accountError(impl_->where,
                                 "no second factor is being enrolled: start with POST "
                                 "/api/v1/accounts/me/second-factor",
                                 "account.second-factor")};
        if (factor->confirmed)
            return {accountError(impl_->where, name + " already has a second factor",
                                 "account.second-factor-exists")};
        const auto step = Impl::acceptedStep(factor->secret, code, now, factor->lastStep);
        if (!step)
            return {accountError(impl_->where,
                                 "the code does not match: give the one the app shows now for "
                                 "the secret just given",
                                 "account.second-factor")};
        SqlStatement& update = impl_->db->statement(
            "UPDATE second_factors SET confirmed = 1, last_step = ? WHERE account = ?");
        update.bind(1, *step);
        update.bind(2, std::string_view(name));
        update.run();
        impl_->logEvent(now, name, "second factor enrolled", "", "");
        return {};
    });
}

Diagnostics AccountStore::resetSecondFactor(const std::string& by, const std::string& name,
                                            std::int64_t now) {
    std::lock_guard lock(impl_->mutex);
    return impl_->write([&]() -> Diagnostics {
        if (auto refused = impl_->administratorChangeRefused(by, name))
            return *refused;
        SqlStatement& remove = impl_->db->statement("DELETE FROM second_factors WHERE account = ?");
        remove.bind(1, std::string_view(name));
        remove.run();
        impl_->endSessions(name, "second factor reset", now);
        impl_->logEvent(now, name, "second factor reset", by, "");
        return {};
    });
}

SessionCheck AccountStore::session(const std::string& token, std::int64_t now) {
    std::lock_guard lock(impl_->mutex);
    SessionCheck check;
    const std::string hash = impl_->tokenHash(token);
    std::string name;
    std::int64_t createdAt = 0;
    std::int64_t lastSeen = 0;
    {
        SqlStatement& select = impl_->db->statement(
            "SELECT account, created_at, last_seen_at, ended_at, ended_why FROM sessions WHERE "
            "token_hash = ?");
        QueryScope scope{select};
        select.bind(1, std::string_view(hash));
        if (!select.next()) {
            check.endedBecause = "unknown";
            return check;
        }
        if (select.integer(3) != 0) {
            check.endedBecause = select.text(4);
            return check;
        }
        name = select.text(0);
        createdAt = select.integer(1);
        lastSeen = select.integer(2);
    }
    std::string ended;
    if (now - createdAt >= impl_->policy.lifetimeSeconds)
        ended = "expired";
    else if (now - lastSeen >= impl_->policy.idleSeconds)
        ended = "idle";
    const auto row = impl_->accountRow(name);
    if (ended.empty() && (!row || row->first.disabled))
        ended = "account disabled";
    if (!ended.empty()) {
        impl_->write([&]() -> Diagnostics {
            SqlStatement& end = impl_->db->statement(
                "UPDATE sessions SET ended_at = ?, ended_why = ? WHERE token_hash = ? AND "
                "ended_at = 0");
            end.bind(1, now);
            end.bind(2, std::string_view(ended));
            end.bind(3, std::string_view(hash));
            end.run();
            return {};
        });
        check.endedBecause = ended;
        return check;
    }
    if (now - lastSeen >= kLastSeenGranularity) {
        impl_->write([&]() -> Diagnostics {
            SqlStatement& touch = impl_->db->statement(
                "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ? AND ended_at = 0");
            touch.bind(1, now);
            touch.bind(2, std::string_view(hash));
            touch.run();
            return {};
        });
    }
    check.account = row->first;
    return check;
}

void AccountStore::signOut(const std::string& token, std::int64_t now) {
    std::lock_guard lock(impl_->mutex);
    const std::string hash = impl_->tokenHash(token);
    impl_->write([&]() -> Diagnostics {
        SqlStatement& end = impl_->db->statement(
            "UPDATE sessions SET ended_at = ?, ended_why = 'signed out' WHERE token_hash = ? AND "
            "ended_at = 0");
        end.bind(1, now);
        end.bind(2, std::string_view(hash));
        end.run();
        return {};
    });
}

Diagnostics AccountStore::changePassword(const std::string& name, const std::string& current,
                                         const std::string& replacement, std::int64_t now) {
    std::unique_lock lock(impl_->mutex);
    const auto row = impl_->accountRow(name);
    lock.unlock();
    if (!row || !passwordMatches(row->second, current))
        return {accountError(impl_->where, "the current password is wrong", "account.password")};
    if (const auto problem = passwordProblem(replacement, name))
        return {accountError(impl_->where, *problem, "account.password")};
    if (passwordMatches(row->second, replacement))
        return {accountError(impl_->where, "the new password is the current one: choose another",
                             "account.password")};
    const std::string hash = hashPassword(replacement);
    lock.lock();
    return impl_->write([&]() -> Diagnostics {
        impl_->setPassword(name, hash, false);
        impl_->endSessions(name, "password changed", now);
        impl_->logEvent(now, name, "password changed", "", "");
        return {};
    });
}

Diagnostics AccountStore::resetPassword(const std::string& by, const std::string& name,
                                        const std::string& oneTime, std::int64_t now) {
    if (const auto problem = passwordProblem(oneTime, name))
        return {accountError(impl_->where, *problem, "account.password")};
    const std::string hash = hashPassword(oneTime);
    std::lock_guard lock(impl_->mutex);
    return impl_->write([&]() -> Diagnostics {
        if (auto refused = impl_->administratorChangeRefused(by, name))
            return *refused;
        impl_->setPassword(name, hash, true);
        impl_->endSessions(name, "password reset", now);
        impl_->logEvent(now, name, "password reset", by, "");
        return {};
    });
}

Diagnostics AccountStore::setDisabled(const std::string& by, const std::string& name, bool disabled,
                                      std::int64_t now) {
    std::lock_guard lock(impl_->mutex);
    return impl_->write([&]() -> Diagnostics {
        if (auto refused = impl_->administratorChangeRefused(by, name))
            return *refused;
        if (disabled && name == by)
            return {accountError(impl_->where, "an administrator cannot disable their own account",
                                 "account.self")};
        SqlStatement& update =
            impl_->db->statement("UPDATE accounts SET disabled = ? WHERE name = ?");
        update.bind(1, std::int64_t{disabled ? 1 : 0});
        update.bind(2, std::string_view(name));
        update.run();
        if (disabled)
            impl_->endSessions(name, "account disabled", now);
        impl_->logEvent(now, name, disabled ? "disabled" : "enabled", by, "");
        return {};
    });
}

std::size_t AccountStore::liveSessions(const std::string& name, std::int64_t now) const {
    return liveSessionsOf(name, "", now).size();
}

std::vector<SessionSummary> AccountStore::liveSessionsOf(const std::string& name,
                                                         const std::string& currentToken,
                                                         std::int64_t now) const {
    std::lock_guard lock(impl_->mutex);
    const std::string current = impl_->tokenHash(currentToken);
    SqlStatement& select = impl_->db->statement(
        "SELECT token_hash, created_at, last_seen_at FROM sessions WHERE account = ? AND "
        "ended_at = 0 AND created_at > ? AND last_seen_at > ? ORDER BY created_at, token_hash");
    QueryScope scope{select};
    select.bind(1, std::string_view(name));
    select.bind(2, now - impl_->policy.lifetimeSeconds);
    select.bind(3, now - impl_->policy.idleSeconds);
    std::vector<SessionSummary> sessions;
    while (select.next()) {
        const std::string hash = select.text(0);
        sessions.push_back({hash.substr(0, kSessionIdDigits), select.integer(1), select.integer(2),
                            hash == current});
    }
    return sessions;
}

bool AccountStore::passwordIs(const std::string& name, const std::string& password) const {
    std::unique_lock lock(impl_->mutex);
    const auto row = impl_->accountRow(name);
    lock.unlock();
    return row && !row->first.disabled && passwordMatches(row->second, password);
}

void AccountStore::endSessionsAfterPassword(
    const std::string& who, const std::string& password, const std::string& keepToken,
    SessionsEnded& result, const std::function<Diagnostics(const std::string&)>& end) {
    if (!passwordIs(who, password)) {
        result.problems.push_back(
            accountError(impl_->where, "the password is wrong", "account.password"));
        return;
    }
    std::lock_guard lock(impl_->mutex);
    const std::string keep = impl_->tokenHash(keepToken);
    result.problems = impl_->write([&] { return end(keep); });
}

SessionsEnded AccountStore::endOwnSessions(const std::string& name, const std::string& password,
                                           const std::string& id, const std::string& keepToken,
                                           std::int64_t now) {
    SessionsEnded result;
    endSessionsAfterPassword(
        name, password, keepToken, result, [&](const std::string& keep) -> Diagnostics {
            result.ended = impl_->endLiveSessions(name, id, keep, "ended by its owner", now);
            if (!id.empty() && result.ended == 0)
                return {accountError(impl_->where, name + " has no live session " + id,
                                     "session.unknown")};
            impl_->logEvent(now, name, id.empty() ? "other sessions ended" : "session ended", "",
                            "");
            return {};
        });
    return result;
}

SessionsEnded AccountStore::endSessionsOf(const std::string& by, const std::string& password,
                                          const std::string& name, const std::string& keepToken,
                                          std::int64_t now) {
    SessionsEnded result;
    endSessionsAfterPassword(
        by, password, keepToken, result, [&](const std::string& keep) -> Diagnostics {
            if (const auto problem = impl_->administratorProblem(by))
                return {accountError(impl_->where, *problem, "account.not-administrator")};
            if (!name.empty() && !impl_->accountRow(name))
                return {accountError(impl_->where, "there is no account named " + name,
                                     "account.unknown")};
            if (!name.empty()) {
                result.ended =
                    impl_->endLiveSessions(name, "", keep, "ended by an administrator", now);
                impl_->logEvent(now, name, "sessions ended", by, "");
            } else {
                for (const auto& account : impl_->accountNames())
                    result.ended +=
                        impl_->endLiveSessions(account, "", keep, "ended by an administrator", now);
                impl_->logEvent(now, "", "every session ended", by, "");
            }
            return {};
        });
    return result;
}

std::vector<AccountEvent> AccountStore::events() const {
    std::lock_guard lock(impl_->mutex);
    SqlStatement& select =
        impl_->db->statement("SELECT seq, at, account, event, by_account, address FROM "
                             "account_events ORDER BY seq");
    QueryScope scope{select};
    std::vector<AccountEvent> out;
    while (select.next())
        out.push_back({select.integer(0), select.integer(1), select.text(2), select.text(3),
                       select.text(4), select.text(5)});
    return out;
}

Diagnostics AccountStore::registerTender(const std::string& name, const std::string& by,
                                         std::int64_t now) {
    std::lock_guard lock(impl_->mutex);
    return impl_->write([&]() -> Diagnostics {
        if (hasTender(name))
            return {accountError(impl_->where, "there is already a tender named " + name,
                                 "tender.exists")};
        SqlStatement& last = impl_->db->statement("SELECT COALESCE(MAX(position), 0) FROM tenders");
        std::int64_t position = 0;
        {
            QueryScope scope{last};
            if (last.next())
                position = last.integer(0);
        }
        SqlStatement& insert = impl_->db->statement(
            "INSERT INTO tenders (name, position, created_by, created_at) VALUES (?, ?, ?, ?)");
        insert.bind(1, std::string_view(name));
        insert.bind(2, position + 1);
        insert.bind(3, std::string_view(by));
        insert.bind(4, now);
        insert.run();
        return {};
    });
}

std::vector<std::string> AccountStore::tenders() const {
    std::lock_guard lock(impl_->mutex);
    SqlStatement& select = impl_->db->statement("SELECT name FROM tenders ORDER BY position");
    QueryScope scope{select};
    std::vector<std::string> out;
    while (select.next())
        out.push_back(select.text(0));
    return out;
}

bool AccountStore::hasTender(const std::string& name) const {
    std::lock_guard lock(impl_->mutex);
    SqlStatement& select = impl_->db->statement("SELECT COUNT(*) FROM tenders WHERE name = ?");
    QueryScope scope{select};
    select.bind(1, std::string_view(name));
    return select.next() && select.integer(0) > 0;
}

} // namespace fairtender
