// OpenedTender: the tender a panel command works on, through the one TenderAccess
// interface: a workspace here (a file or a postgresql:// tender), acting as --as NAME, or a
// tender on a server (https://HOST:PORT/api/v1/tenders/NAME), acting as the account signed
// in with `fairtender login`, where --as is refused.
#pragma once

#include "cli/ArgumentParser.h"
#include "cli/Commands.h"
#include "cli/Outcome.h"
#include "store/TenderAccess.h"

#include <memory>

namespace fairtender::cli {

struct OpenedTender {
    std::unique_ptr<TenderAccess> tender; // null when refused
    Outcome refused;
    // What a local tender reads with; a server uses its own.
    std::unique_ptr<ReferenceRates> rates;
    std::unique_ptr<BankHolidays> holidays;

    const Diagnostics& warnings() const;
};

struct OpenFor {
    // The bank holidays are loaded too, for the standstill of an award made here.
    bool awarding = false;
    // Only to read: a workspace here needs no --as.
    bool reading = false;
};

// The tender named by the first positional.
OpenedTender openTender(const std::string& command, const ParsedArguments& args,
                        OpenFor purpose = {});

} // namespace fairtender::cli
