#include "client/RankingJson.h"

#include <Poco/JSON/Parser.h>

#include <map>

namespace fairtender::client {

namespace {

using Poco::JSON::Object;

// Every leaf and group of the model, in model order with parents before children, and for
// each group the leaves beneath it.
struct ModelShape {
    std::vector<LeafSummary> leaves;
    std::vector<GroupSummary> groups;
    std::vector<std::vector<std::size_t>> groupLeaves;
};

void walk(const ModelNode& node, std::vector<std::string>& path, std::vector<std::size_t>& open,
          ModelShape& shape) {
    if (node.kind == NodeKind::Gate)
        return;
    if (node.kind == NodeKind::Group) {
        shape.groups.push_back({node.id, node.displayName(), 0, path});
        shape.groupLeaves.emplace_back();
        open.push_back(shape.groups.size() - 1);
        path.push_back(node.id);
        for (const auto& child : node.children)
            walk(child, path, open, shape);
        path.pop_back();
        open.pop_back();
        return;
    }
    LeafSummary leaf;
    leaf.criterionId = node.id;
    leaf.title = node.displayName();
    leaf.type = node.criterion.type;
    leaf.path = path;
    shape.leaves.push_back(std::move(leaf));
    for (const std::size_t group : open)
        shape.groupLeaves[group].push_back(shape.leaves.size() - 1);
}

ModelShape shapeOf(const Tender& tender) {
    ModelShape shape;
    std::vector<std::string> path;
    std::vector<std::size_t> open;
    for (const auto& node : tender.model.children)
        walk(node, path, open, shape);
    return shape;
}

std::optional<FlagKind> flagKindOf(const std::string& word) {
    for (const FlagKind kind : {FlagKind::AbnormallyLow, FlagKind::EvaluatorSpread,
                                FlagKind::Unmoderated, FlagKind::TieUnresolved})
        if (toString(kind) == word)
            return kind;
    return std::nullopt;
}

BidResult bidOf(const Object::Ptr& item, const ModelShape& shape) {
    BidResult bid;
    bid.bidId = item->optValue<std::string>("id", "");
    bid.supplierName = item->optValue<std::string>("supplier", "");
    bid.status = item->optValue<std::string>("status", "") == "ranked" ? BidStatus::Ranked
                                                                       : BidStatus::Excluded;
    if (item->has("rank"))
        bid.rank = item->getValue<int>("rank");
    bid.total = item->optValue<double>("total", 0);
    if (item->has("price") && !item->isNull("price"))
        bid.price = item->getValue<double>("price");
    if (item->has("price_per_point") && !item->isNull("price_per_point"))
        bid.pricePerPoint = item->getValue<double>("price_per_point");
    if (const auto reason = item->optValue<std::string>("reason", ""); !reason.empty())
        bid.exclusionReasons.push_back(reason);
    if (const auto flags = item->getArray("flags"))
        for (std::size_t i = 0; i < flags->size(); ++i)
            if (const auto kind =
                    flagKindOf(flags->getElement<std::string>(static_cast<unsigned>(i))))
                bid.flags.push_back({*kind, {}, {}});
    if (bid.status != BidStatus::Ranked)
        return bid;
    // A leaf the JSON leaves out (a weight-0 gate, price under price per point) is unscored.
    const auto criteria = item->getObject("criteria");
    for (const auto& leaf : shape.leaves) {
        CriterionResult result;
        const auto found = criteria ? criteria->getObject(leaf.criterionId) : nullptr;
        result.scored = found != nullptr;
        if (found) {
            result.score = found->optValue<double>("score", 0);
            result.points = found->optValue<double>("points", 0);
        }
        bid.criteria.push_back(result);
    }
    for (const auto& leaves : shape.groupLeaves) {
        GroupResult group;
        for (const std::size_t leaf : leaves)
            group.points += bid.criteria[leaf].points;
        bid.groups.push_back(group);
    }
    return bid;
}

} // namespace

std::optional<EvaluationResult> rankingFromJson(std::string_view json, const Tender& tender,
                                                std::string& why) {
    try {
        Poco::JSON::Parser parser;
        const auto root = parser.parse(std::string(json)).extract<Object::Ptr>();
        const auto bids = root ? root->getArray("bids") : nullptr;
        if (!bids) {
            why = "the ranking has no bids list";
            return std::nullopt;
        }
        ModelShape shape = shapeOf(tender);
        EvaluationResult result;
        result.tenderId = root->optValue<std::string>("tender", tender.id);
        if (root->has("winner") && !root->isNull("winner"))
            result.winnerId = root->getValue<std::string>("winner");
        result.aggregation = tender.model.aggregation;
        result.rounding = tender.model.rounding;
        for (std::size_t i = 0; i < bids->size(); ++i) {
            const auto item = bids->getObject(static_cast<unsigned>(i));
            if (!item) {
                why = "bid " + std::to_string(i + 1) + " of the ranking is not an object";
                return std::nullopt;
            }
            result.bids.push_back(bidOf(item, shape));
            result.bids.back().inputIndex = i;
        }
        result.leaves = std::move(shape.leaves);
        result.groups = std::move(shape.groups);
        return result;
    } catch (const Poco::Exception& e) {
        why = "the ranking cannot be read: " + e.displayText();
    } catch (const std::exception& e) {
        why = std::string("the ranking cannot be read: ") + e.what();
    }
    return std::nullopt;
}

} // namespace fairtender::client
