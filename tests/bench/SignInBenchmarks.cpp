// fairtender_sign_in_bench: how long a sign-in takes with a wrong password for an account
// that exists and with a name that does not, in the same process, interleaved. The two must
// cost the same (the unknown name is checked against a decoy Argon2id hash), so the time of
// a refusal tells a guesser nothing; the ratio of the two is the figure.
#include "identity/AccountStore.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

using namespace fairtender;

int main(int argc, char** argv) {
    const int rounds = argc > 1 ? std::stoi(argv[1]) : 100;
    const auto file = std::filesystem::temp_directory_path() /
                      ("fairtender-sign-in-bench-" + std::to_string(::getpid()) + ".sqlite");
    SessionPolicy policy;
    policy.accountThreshold = 1'000'000; // measure the check, not the throttle
    policy.addressThreshold = 1'000'000;
    auto opened = AccountStore::open(file.string(), policy);
    if (!opened.ok())
        return 1;
    AccountStore& store = *opened.store;
    if (!store.createAccount("", "alice", "a long enough password", true, false, 0).empty()) {
        std::fprintf(stderr, "cannot create the account the benchmark signs in to\n");
        return 1;
    }
    std::vector<double> wrong, unknown;
    // The figure compares two password checks: each attempt must be refused as a failed
    // sign-in, never let in and never turned away by the throttle before the check.
    const auto timed = [&](const std::string& name, std::int64_t at) {
        const auto start = std::chrono::steady_clock::now();
        const SignInOutcome outcome = store.signIn(name, "not the password at all", "", at);
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        if (outcome.ok() || outcome.refused.code != "sign-in.failed") {
            std::fprintf(stderr, "the sign-in of %s was not refused as failed (%s)\n", name.c_str(),
                         outcome.refused.code.c_str());
            std::abort();
        }
        return ms;
    };
    for (int i = 0; i < rounds; ++i) {
        wrong.push_back(timed("alice", i));
        unknown.push_back(timed("nobody-" + std::to_string(i), i));
    }
    const auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    const double w = median(wrong), u = median(unknown);
    std::printf("sign-in refused, median of %d: wrong password %.2f ms, unknown name %.2f ms, "
                "ratio %.3f\n",
                rounds, w, u, u / w);
    std::filesystem::remove(file);
    std::filesystem::remove(file.string() + "-wal");
    std::filesystem::remove(file.string() + "-shm");
    return 0;
}
