#include "io/json/ResultJson.h"

#include "core/Decimal.h"
#include "core/Utf8.h"
#include "scoring/Derivation.h"
#include "scoring/SocialValueCommitments.h"

#include <array>
#include <cmath>
#include <cstdint>

namespace fairtender {

namespace {

constexpr int kScorePlaces = 6;
constexpr int kPricePlaces = 2;

void appendUnicodeEscape(std::string& out, std::uint32_t codeUnit) {
    static constexpr char hex[] = "0123456789abcdef";
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4)
        out += hex[(codeUnit >> shift) & 0xF];
}

// A number with fixed decimals; JSON has no NaN or infinity, so those become null.
std::string number(double value, int places) {
    if (!std::isfinite(value))
        return "null";
    return formatFixed(value, places);
}

// The social value breakdown of one criterion, as the members after "points".
void appendCommitments(std::string& out, const SocialValueBreakdown& breakdown) {
    out += ", \"social_value\": " + number(breakdown.total, kPricePlaces);
    out += ", \"commitments\": [";
    bool first = true;
    for (const auto& c : breakdown.commitments) {
        out += first ? "\n          " : ",\n          ";
        first = false;
        out += "{ \"measure\": " + jsonQuoted(c.measureId);
        out += ", \"quantity\": " + formatDecimal(c.quantity);
        out += ", \"unit\": " + jsonQuoted(c.unit);
        out += ", \"proxy\": " + c.proxy.toPlainString();
        out += ", \"deliverability\": " + formatDecimal(c.deliverability);
        if (c.assessed)
            out += ", \"deliverability_reason\": " + jsonQuoted(c.deliverabilityReason);
        out += ", \"value\": " + number(c.value, kPricePlaces) + " }";
    }
    out += first ? "]" : "\n        ]";
}

void appendCriteria(std::string& out, const BidResult& bid, const EvaluationResult& result,
                    const TenderFolder* folder) {
    const int rounding = result.rounding;
    out += "\"criteria\": {";
    bool first = true;
    for (std::size_t i = 0; i < bid.criteria.size() && i < result.leaves.size(); ++i) {
        const CriterionResult& criterion = bid.criteria[i];
        if (!criterion.scored)
            continue;
        out += first ? "\n        " : ",\n        ";
        first = false;
        out += jsonQuoted(result.leaves[i].criterionId);
        out += ": { \"score\": " + number(criterion.score, kScorePlaces);
        out += ", \"points\": " + number(criterion.points, rounding);
        if (folder != nullptr && result.leaves[i].type == CriterionType::SocialValue)
            if (const ModelNode* node =
                    findNode(folder->tender.model, result.leaves[i].criterionId))
                if (const Bid* input = inputBidOf(bid, folder->bids))
                    appendCommitments(out,
                                      socialValueBreakdown(*node, *input, folder->evaluations));
        out += " }";
    }
    out += first ? "}" : "\n      }";
}

void appendFlags(std::string& out, const BidResult& bid) {
    out += "\"flags\": [";
    bool first = true;
    // Unique words in FlagKind order, whatever order the flags were raised in.
    constexpr std::array kinds{FlagKind::AbnormallyLow, FlagKind::EvaluatorSpread,
                               FlagKind::Unmoderated, FlagKind::TieUnresolved};
    for (const FlagKind kind : kinds) {
        if (!bid.hasFlag(kind))
            continue;
        out += first ? "" : ", ";
        first = false;
        out += jsonQuoted(toString(kind));
    }
    out += "]";
}

void appendBid(std::string& out, const BidResult& bid, const EvaluationResult& result,
               const TenderFolder* folder) {
    const bool ranked = bid.status == BidStatus::Ranked;
    out += "    {\n      \"id\": " + jsonQuoted(bid.bidId);
    out += ",\n      \"supplier\": " + jsonQuoted(bid.supplierName);
    out += ",\n      \"status\": " + jsonQuoted(toString(bid.status));
    if (ranked) {
        if (bid.rank)
            out += ",\n      \"rank\": " + std::to_string(*bid.rank);
        out += ",\n      \"total\": " + number(bid.total, result.rounding);
    } else {
        out += ",\n      \"reason\": " + jsonQuoted(bid.exclusionReason());
    }
    if (bid.price)
        out += ",\n      \"price\": " + number(*bid.price, kPricePlaces);
    if (result.aggregation == Aggregation::PricePerQualityPoint && bid.pricePerPoint)
        out += ",\n      \"price_per_point\": " + number(*bid.pricePerPoint, result.rounding);
    out += ",\n      ";
    if (ranked)
        appendCriteria(out, bid, result, folder);
    else
        out += "\"criteria\": {}";
    out += ",\n      ";
    appendFlags(out, bid);
    out += "\n    }";
}

} // namespace

std::string jsonQuoted(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '<':
            case '>':
            case '&':
                appendUnicodeEscape(out, c);
                break;
            default:
                if (c < 0x20 || c == 0x7F)
                    appendUnicodeEscape(out, c);
                else
                    out += static_cast<char>(c);
            }
            ++i;
            continue;
        }
        char32_t codePoint = 0;
        const std::size_t length = utf8SequenceLength(text, i, codePoint);
        if (length == 0) {
            appendUnicodeEscape(out, 0xFFFD);
            ++i;
        } else if (codePoint == 0x2028 || codePoint == 0x2029) {
            // Valid JSON, but line terminators in JavaScript source.
            appendUnicodeEscape(out, codePoint);
            i += length;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
    }
    out += '"';
    return out;
}

namespace {

std::string document(const EvaluationResult& result, const TenderFolder* folder) {
    std::string out = "{\n  \"tender\": " + jsonQuoted(result.tenderId);
    out += ",\n  \"winner\": " + (result.winnerId ? jsonQuoted(*result.winnerId) : "null");
    out += ",\n  \"bids\": [";
    bool first = true;
    for (const auto& bid : result.bids) {
        out += first ? "\n" : ",\n";
        first = false;
        appendBid(out, bid, result, folder);
    }
    out += first ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

} // namespace

std::string toJson(const EvaluationResult& result) {
    return document(result, nullptr);
}

std::string toJson(const EvaluationResult& result, const TenderFolder& folder) {
    return document(result, &folder);
}

} // namespace fairtender
