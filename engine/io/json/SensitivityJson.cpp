#include "io/json/SensitivityJson.h"

#include "core/Decimal.h"
#include "io/json/ResultJson.h"

namespace fairtender {

namespace {

std::string optionalId(const std::optional<std::string>& id) {
    return id ? jsonQuoted(*id) : std::string("null");
}

// The nearest flip of a node with the published weight and the flip the other way.
std::string nodeJson(const NodeWeightFlips& node) {
    const WeightFlip* nearest = node.nearest();
    if (nearest == nullptr)
        return "null";
    const auto& other = nearest == &*node.up ? node.down : node.up;
    std::string out = "{ \"node\": " + jsonQuoted(node.nodeId) + ", \"direction\": \"" +
                      std::string(toString(nearest->direction)) +
                      "\", \"weight\": " + formatFixed(nearest->weight, 2) +
                      ", \"new_winner\": " + optionalId(nearest->newWinner) +
                      ", \"title\": " + jsonQuoted(node.title) +
                      ", \"published_weight\": " + formatDecimal(node.weight) + ", \"other\": ";
    if (other)
        out += "{ \"direction\": \"" + std::string(toString(other->direction)) +
               "\", \"weight\": " + formatFixed(other->weight, 2) +
               ", \"new_winner\": " + optionalId(other->newWinner) + " }";
    else
        out += "null";
    return out + " }";
}

} // namespace

std::string toJson(const AwardSensitivity& s, int places) {
    std::string out = "{\n";
    out += "  \"winner\": " + optionalId(s.winner) + ",\n";
    out += "  \"runner_up\": " + optionalId(s.runnerUp) + ",\n";
    out += "  \"margin\": " + (s.margin ? formatFixed(*s.margin, places) : std::string("null")) +
           ",\n";
    out += "  \"close_margin\": " + formatFixed(s.closeMargin, places) + ",\n";
    out += "  \"clear_winner\": " + std::string(s.clearWinner ? "true" : "false") + ",\n";
    // One entry per weighted node, in model order (weighted_nodes names them): its
    // nearest flip, or null where no weight either way changes the winner.
    out += "  \"weighted_nodes\": [";
    for (std::size_t i = 0; i < s.weightFlips.size(); ++i)
        out += (i == 0 ? "" : ", ") + jsonQuoted(s.weightFlips[i].nodeId);
    out += "],\n";
    out += "  \"weight_flips\": [";
    bool first = true;
    for (const auto& node : s.weightFlips) {
        out += first ? "\n    " : ",\n    ";
        first = false;
        out += nodeJson(node);
    }
    out += first ? "],\n" : "\n  ],\n";
    out += "  \"mark_flips\": [";
    first = true;
    for (const auto& flip : s.markFlips) {
        out += first ? "\n    " : ",\n    ";
        first = false;
        out += "{ \"bid\": " + jsonQuoted(flip.bidId) +
               ", \"criterion\": " + jsonQuoted(flip.criterionId) +
               ", \"from\": " + formatDecimal(flip.from) + ", \"to\": " + formatDecimal(flip.to) +
               ", \"new_winner\": " + optionalId(flip.newWinner) + " }";
    }
    out += first ? "],\n" : "\n  ],\n";
    out += "  \"first_place_probability\": {";
    first = true;
    for (const auto& bid : s.odds.bids) {
        out += first ? "\n    " : ",\n    ";
        first = false;
        out += jsonQuoted(bid.bidId) + ": " + formatFixed(bid.share, 4);
    }
    out += first ? "},\n" : "\n  },\n";
    out += "  \"samples\": " + std::to_string(s.odds.samples) + ",\n";
    out += "  \"seed\": " + std::to_string(s.odds.seed) + ",\n";
    out += "  \"step_probability\": " + formatDecimal(s.odds.stepProbability) + "\n";
    out += "}\n";
    return out;
}

} // namespace fairtender
