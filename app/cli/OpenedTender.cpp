#include "cli/OpenedTender.h"

#include "cli/TemplateLibrary.h"
#include "client/RemoteTender.h"

namespace fairtender::cli {

const Diagnostics& OpenedTender::warnings() const {
    static const Diagnostics none;
    return rates ? rates->warnings : none;
}

OpenedTender openTender(const std::string& command, const ParsedArguments& args, OpenFor purpose) {
    OpenedTender opened;
    const std::string& location = args.positionals.at(0);
    const auto refuse = [&](Outcome why) {
        opened.refused = std::move(why);
        return std::move(opened);
    };
    if (client::looksLikeServer(location)) {
        if (args.option("--as"))
            return refuse(Outcome::usage(
                command, "--as is refused against a server: you act as the account you signed "
                         "in with (fairtender login " +
                             location + ")"));
        std::string why;
        const auto where = client::parseServerLocation(location, why);
        if (!where)
            return refuse(Outcome::usage(command, why));
        if (where->tender.empty())
            return refuse(Outcome::usage(command, location +
                                                      " is the server: name the tender, as " +
                                                      where->origin() + "/api/v1/tenders/NAME"));
        Diagnostics problems;
        opened.tender = client::RemoteTender::open(*where, problems);
        if (!opened.tender)
            return refuse(Outcome::invalidFiles(command, problems));
        return opened;
    }
    const auto actor = actorOf(args);
    if (!actor && !purpose.reading)
        return refuse(missingActor(command));
    auto result = Workspace::open(location);
    if (!result.ok())
        return refuse(Outcome::invalidFiles(command, result.diagnostics));
    opened.rates = std::make_unique<ReferenceRates>(referenceRates());
    if (purpose.awarding) {
        Diagnostics problems;
        auto holidays = loadBankHolidays(
            templatesDirectory() / "reference" / "bank-holidays-england-and-wales.xml", problems);
        if (!holidays)
            return refuse(Outcome::invalidFiles(command, problems));
        opened.holidays = std::make_unique<BankHolidays>(std::move(*holidays));
    }
    opened.tender = std::make_unique<LocalTender>(std::move(*result.workspace), actor.value_or(""),
                                                  opened.rates->get(), opened.holidays.get());
    return opened;
}

} // namespace fairtender::cli
