#include "io/ocds/OcdsRelease.h"

#include "audit/AuditRecords.h"
#include "core/Date.h"
#include "core/Decimal.h"
#include "core/Money.h"
#include "reporting/ReportContent.h"
#include "store/Workspace.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <random>
#include <sstream>

namespace fairtender {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr object() {
    return new Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

// Amounts go in as marked strings and come out as bare numbers: a double would print
// 1050000 or 0.30000000000000004, never the exact "1050000.00" the amount is.
class AmountMarker {
public:
    AmountMarker() {
        std::random_device device;
        marker_ = "fairtender-amount-" + std::to_string(device()) + ":";
    }
    std::string mark(Money amount) const { return marker_ + amount.toPlainString(); }
    std::string unmark(std::string json) const {
        const std::string open = "\"" + marker_;
        std::size_t at = 0;
        while ((at = json.find(open, at)) != std::string::npos) {
            const std::size_t close = json.find('"', at + open.size());
            json = json.substr(0, at) + json.substr(at + open.size(), close - at - open.size()) +
                   json.substr(close + 1);
        }
        return json;
    }

private:
    std::string marker_;
};

Object::Ptr value(const AmountMarker& amounts, Money amount, const std::string& currency) {
    auto v = object();
    v->set("amount", amounts.mark(amount));
    v->set("currency", currency);
    return v;
}

std::string partyId(const std::string& bidId) {
    return "tenderer-" + bidId;
}

Object::Ptr reference(const std::string& id, const std::string& name) {
    auto r = object();
    r->set("id", id);
    r->set("name", name);
    return r;
}

// What the bid offers: its price, or its yearly costs added up for whole-life costing.
std::optional<Money> bidValue(const Bid& bid) {
    if (bid.price)
        return bid.price;
    if (bid.costs.empty())
        return std::nullopt;
    std::int64_t pence = 0;
    for (const auto& cost : bid.costs)
        pence += cost.amount.pence();
    return Money::fromPence(pence);
}

std::string criteriaDetails(const Tender& tender, const EvaluationResult& result) {
    std::string text = "Most advantageous tender, " + std::string(toString(result.aggregation)) +
                       " of points out of 100:";
    for (const auto& leaf : result.leaves) {
        const ModelNode* node = findNode(tender.model, leaf.criterionId);
        text += " " + leaf.title + " (" + std::string(toString(leaf.type)) + ", " +
                formatDecimal(node ? node->weight : 0) + "% of its group, " +
                formatFixed(leaf.effectiveWeight, result.rounding) + " points);";
    }
    text.pop_back();
    return text + ".";
}

} // namespace

OcdsPackage ocdsReleasePackage(const Workspace& workspace, const LivingWageTable* rates,
                               const OcdsOptions& options) {
    OcdsPackage package;
    auto evaluated = evaluateLocked(workspace, rates, "the OCDS release");
    if (!evaluated.ok()) {
        package.problems = std::move(evaluated.problems);
        return package;
    }
    if (!options.awardReportUrl.empty() &&
        options.awardReportUrl.find("://") == std::string::npos &&
        !options.awardReportUrl.starts_with("urn:")) {
        package.problems.push_back(
            errorAt({workspace.path().string(), 0, 0},
                    "the award report's address \"" + options.awardReportUrl +
                        "\" is not an absolute URI: give where it is published, such as "
                        "https://www.example.gov.uk/tenders/award-report.pdf"));
        return package;
    }
    const TenderFolder& folder = evaluated.content->folder;
    const Tender& tender = folder.tender;
    const EvaluationResult& result = evaluated.content->result;
    // The award that stands: none while the tender is locked, even after one fell away.
    const auto award =
        evaluated.content->state == LifecycleState::Awarded ? workspace.award() : std::nullopt;
    const AmountMarker amounts;

    // The release is dated by the award notice, or by the moment the results were locked.
    std::string releaseDate;
    if (award) {
        releaseDate = award->noticeDate + "T00:00:00Z";
    } else {
        if (const auto log = workspace.auditLog();
            const AuditEntry* locked = lastMoveTo(log, "locked"))
            releaseDate = locked->time;
    }
    const std::string ocid = options.ocidPrefix + tender.id;

    Array::Ptr parties(new Array);
    auto buyer = object();
    buyer->set("id", "buyer");
    buyer->set("name", tender.buyer);
    Array::Ptr buyerRoles(new Array);
    buyerRoles->add("buyer");
    buyer->set("roles", buyerRoles);
    parties->add(buyer);
    const std::optional<std::string> winnerId = award ? std::optional(award->bidId) : std::nullopt;
    for (const auto& bid : folder.bids) {
        auto party = object();
        party->set("id", partyId(bid.id));
        party->set("name", bid.supplier.name);
        if (bid.supplier.postcode) {
            auto address = object();
            address->set("postalCode", bid.supplier.postcode->text());
            address->set("countryName", "United Kingdom");
            party->set("address", address);
        }
        Array::Ptr roles(new Array);
        roles->add("tenderer");
        if (award && winnerId == bid.id)
            roles->add("supplier");
        party->set("roles", roles);
        parties->add(party);
    }

    auto tenderObject = object();
    tenderObject->set("id", tender.id);
    tenderObject->set("title", tender.title);
    tenderObject->set("status", "complete");
    if (tender.estimatedValue)
        tenderObject->set("value", value(amounts, *tender.estimatedValue, tender.currency));
    tenderObject->set("awardCriteria", "ratedCriteria");
    tenderObject->set("awardCriteriaDetails", criteriaDetails(tender, result));
    Array::Ptr tenderers(new Array);
    for (const auto& bid : folder.bids)
        tenderers->add(reference(partyId(bid.id), bid.supplier.name));
    tenderObject->set("tenderers", tenderers);
    tenderObject->set("numberOfTenderers", static_cast<int>(folder.bids.size()));

    Array::Ptr details(new Array);
    for (const auto& bid : folder.bids) {
        const BidResult* scored = result.findBid(bid.id);
        auto detail = object();
        detail->set("id", bid.id);
        const auto* exclusion = folder.evaluations.findExclusion(bid.id);
        detail->set("status", exclusion != nullptr && exclusion->withdrawn      ? "withdrawn"
                              : scored && scored->status == BidStatus::Excluded ? "disqualified"
                                                                                : "valid");
        Array::Ptr bidders(new Array);
        bidders->add(reference(partyId(bid.id), bid.supplier.name));
        detail->set("tenderers", bidders);
        if (const auto offered = bidValue(bid))
            detail->set("value", value(amounts, *offered, tender.currency));
        details->add(detail);
    }
    auto bids = object();
    bids->set("details", details);

    // The record the release was made from, which anyone can check: the audit trail's head
    // and, for a tender kept by a server, the key that signed its entries.
    const WorkspaceStatus record = workspace.status();
    const std::string signedBy = workspace.signingKey();
    const std::string recordText =
        "Made from a record of " + std::to_string(record.auditEntries) +
        " audit entries ending at head hash " + record.headHash +
        (signedBy.empty() ? std::string() : ", signed by the Ed25519 key " + signedBy) +
        "; fairtender verify checks it.";
    const auto documentsFor = [&]() {
        Array::Ptr documents(new Array);
        auto report = object();
        report->set("id", tender.id + "-award-report");
        report->set("documentType", "evaluationReports");
        report->set("title", "Award report: " + tender.title);
        report->set("description", recordText);
        if (!options.awardReportUrl.empty())
            report->set("url", options.awardReportUrl);
        report->set("format", "application/pdf");
        report->set("language", "en");
        documents->add(report);
        return documents;
    };
    const auto awardOf = [&](const std::string& bidId, const std::string& status,
                             std::size_t number) {
        const auto bid = std::find_if(folder.bids.begin(), folder.bids.end(),
                                      [&](const Bid& b) { return b.id == bidId; });
        auto awardObject = object();
        awardObject->set("id", tender.id + "-award-" + std::to_string(number));
        awardObject->set("title", "Award of " + tender.title);
        awardObject->set("status", status);
        if (bid != folder.bids.end()) {
            if (const auto offered = bidValue(*bid))
                awardObject->set("value", value(amounts, *offered, tender.currency));
            Array::Ptr suppliers(new Array);
            suppliers->add(reference(partyId(bid->id), bid->supplier.name));
            awardObject->set("suppliers", suppliers);
        }
        return awardObject;
    };
    // Every award recorded, in order: the last one stands while the tender is awarded; an
    // earlier one fell away when its bid was excluded.
    Array::Ptr awards(new Array);
    const auto records = workspace.awards();
    const bool standing = evaluated.content->state == LifecycleState::Awarded;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto& record = records[i];
        const bool active = standing && i + 1 == records.size();
        auto awardObject = awardOf(record.bidId, active ? "active" : "cancelled", i + 1);
        awardObject->set("date", record.noticeDate + "T00:00:00Z");
        auto period = object();
        period->set("startDate", record.noticeDate + "T00:00:00Z");
        period->set("endDate", record.standstillEnd + "T23:59:59Z");
        awardObject->set("standstillPeriod", period);
        awardObject->set("documents", documentsFor());
        awards->add(awardObject);
    }
    if (!standing && result.winnerId) {
        auto awardObject = awardOf(*result.winnerId, "pending", records.size() + 1);
        awardObject->set("documents", documentsFor());
        awards->add(awardObject);
    }

    auto release = object();
    release->set("ocid", ocid);
    release->set("id", tender.id + "-award");
    release->set("date", releaseDate.empty() ? utcTimestampNow() : releaseDate);
    Array::Ptr tags(new Array);
    tags->add("award");
    release->set("tag", tags);
    release->set("initiationType", "tender");
    release->set("language", "en");
    release->set("parties", parties);
    release->set("buyer", reference("buyer", tender.buyer));
    release->set("tender", tenderObject);
    release->set("bids", bids);
    release->set("awards", awards);

    auto publisher = object();
    publisher->set("name", options.publisherName.empty() ? tender.buyer : options.publisherName);
    Array::Ptr extensions(new Array);
    extensions->add(kOcdsBidsExtension);
    Array::Ptr releases(new Array);
    releases->add(release);
    auto root = object();
    root->set("uri", options.uri.empty() ? "urn:ocds:" + ocid : options.uri);
    root->set("version", "1.1");
    root->set("extensions", extensions);
    root->set("publishedDate",
              options.publishedDate.empty() ? utcTimestampNow() : options.publishedDate);
    root->set("publisher", publisher);
    root->set("releases", releases);

    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(root, out, 2);
    package.json = amounts.unmark(out.str()) + "\n";
    return package;
}

} // namespace fairtender
