// Timeline: a clock a test moves by hand, so a workspace's commands are stamped on the
// tender's own calendar (locked on 10 December, awarded on 19 December) rather than the
// machine's, and the date checks and standstill counts give the same answers every year.
#pragma once

#include "store/Workspace.h"

#include <memory>
#include <string>

namespace fairtender::testing {

class Timeline {
public:
    explicit Timeline(std::string start) : now_(std::make_shared<std::string>(std::move(start))) {}
    // Every later command is stamped with `time` (UTC, "2025-12-19T09:00:00Z").
    void at(const std::string& time) { *now_ = time; }
    WorkspaceClock clock() const {
        return [now = now_] {
            return *now;
        };
    }

private:
    std::shared_ptr<std::string> now_;
};

// The days of a tender's lifecycle as the shared fixtures stamp it.
inline constexpr const char* kTenderOpened = "2025-11-03T09:00:00Z";
inline constexpr const char* kBidsOpened = "2025-11-17T09:00:00Z";
inline constexpr const char* kScoresIn = "2025-12-01T09:00:00Z";
inline constexpr const char* kResultsLocked = "2025-12-10T09:00:00Z";
inline constexpr const char* kAwardDecided = "2025-12-19T09:00:00Z";

} // namespace fairtender::testing
