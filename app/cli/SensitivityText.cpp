#include "cli/SensitivityText.h"

#include "cli/TextTable.h"
#include "core/Decimal.h"

#include <cmath>

namespace fairtender::cli {

namespace {

std::string winnerText(const std::optional<std::string>& winner) {
    return winner ? *winner : std::string("tie");
}

std::string bar(double share) {
    const int width = static_cast<int>(std::lround(share * 30.0));
    std::string text;
    for (int i = 0; i < width; ++i)
        text += "\u2588";
    return text;
}

} // namespace

std::string renderSensitivity(const AwardSensitivity& s, const Tender& tender) {
    const int places = tender.model.rounding;
    std::string out = "Tender " + tender.id + ": how robust is this award\n\n";
    out += (s.clearWinner ? "" : "!! ") + verdictText(s, places) + ".\n";
    if (!s.winner)
        return out;

    out += "\nNearest weight flips: the weight (percent of the parent, siblings rescaled in "
           "proportion) at\nwhich another bid wins, and who wins there; - where no weight "
           "that way changes the winner.\n\n";
    Column node{"node", Align::Left, {}};
    Column published{"weight", Align::Right, {}};
    Column down{"down to", Align::Right, {}};
    Column downWinner{"wins", Align::Left, {}};
    Column up{"up to", Align::Right, {}};
    Column upWinner{"wins", Align::Left, {}};
    for (const auto& flips : s.weightFlips) {
        node.cells.push_back(flips.nodeId);
        published.cells.push_back(formatFixed(flips.weight, 2));
        down.cells.push_back(flips.down ? formatFixed(flips.down->weight, 2) : "-");
        downWinner.cells.push_back(flips.down ? winnerText(flips.down->newWinner) : "");
        up.cells.push_back(flips.up ? formatFixed(flips.up->weight, 2) : "-");
        upWinner.cells.push_back(flips.up ? winnerText(flips.up->newWinner) : "");
    }
    out += renderColumns({node, published, down, downWinner, up, upWinner});

    out += "\nMark flips: one judgement value moved one step that alone changes the winner.\n";
    if (s.markFlips.empty())
        out += "  none: no single step changes the winner\n";
    for (const auto& flip : s.markFlips)
        out += "  " + flip.bidId + " " + flip.criterionId + " " + formatDecimal(flip.from) +
               " -> " + formatDecimal(flip.to) + ": " + winnerText(flip.newWinner) +
               (flip.newWinner ? " wins" : " for first place") + "\n";

    const auto& odds = s.odds;
    out += "\nFirst-place odds: " + std::to_string(odds.samples) + " samples, seed " +
           std::to_string(odds.seed) +
           "; weights drawn around the published ones (coefficient of variation about 10%), "
           "each\njudgement value a step up or down with probability " +
           formatDecimal(odds.stepProbability) + " each.\n\n";
    Column bid{"bid", Align::Left, {}};
    Column share{"first", Align::Right, {}};
    Column bars{"", Align::Left, {}};
    for (const auto& entry : odds.bids) {
        bid.cells.push_back(entry.bidId);
        share.cells.push_back(formatFixed(entry.share * 100.0, 1) + "%");
        bars.cells.push_back(bar(entry.share));
    }
    out += renderColumns({bid, share, bars});
    return out;
}

} // namespace fairtender::cli
