// Private to engine/io/xml: the fields of one <bid> element and the checks on them, written
// once for any document type that offers XmlDocument's element walk and typed readers: the
// pugixml document reports every problem, the bid scanner gives up at the first.
#pragma once

#include "core/Diagnostic.h"
#include "model/Bid.h"

#include <set>
#include <string>
#include <string_view>

namespace fairtender::xml {

// Reads <bid> elements of a `Doc` into Bids; problems go to the document.
template <class Doc> class BidFields {
public:
    using Element = typename Doc::Element;

    explicit BidFields(Doc& doc) : doc_(doc) {}

    // Fills `bid` in place: bid files can hold hundreds of thousands of bids.
    void read(Element e, std::string_view tenderId, const SourceLocation& tenderWhere, Bid& bid) {
        bid.where = doc_.at(e);
        bid.tenderId = std::string(tenderId);
        bid.tenderWhere = tenderWhere;
        bid.id = std::string(doc_.text(e, "id", true).value_or(""));
        doc_.checkChildren(
            e, {"supplier", "price", "cost", "living-wage", "local-spend", "commitment", "gate"});
        bool supplier = false;
        std::set<int> years;
        costSeen_ = false;
        for (auto c = e.firstChild(); c; c = c.nextSibling()) {
            const auto name = c.name();
            if (name == "supplier") {
                if (once(c, supplier))
                    readSupplier(c, bid.supplier);
            } else if (name == "price") {
                readPrice(c, bid);
            } else if (name == "cost") {
                readCost(c, bid, years);
            } else if (name == "living-wage") {
                readLivingWage(c, bid);
            } else if (name == "local-spend") {
                readLocalSpend(c, bid);
            } else if (name == "commitment") {
                readCommitment(c, bid);
            } else if (name == "gate") {
                readGate(c, bid);
            }
        }
        if (!supplier)
            doc_.error(e, "bid " + bid.id +
                              " has no <supplier>: add <supplier name=\"...\" ownership=\"...\"/>");
    }

private:
    // Reports a second occurrence of a once-only element; true for the first.
    bool once(Element e, bool& seen) {
        if (seen) {
            doc_.error(e, "<" + std::string(e.name()) +
                              "> appears more than once in this bid: keep one");
            return false;
        }
        seen = true;
        return true;
    }

    void readSupplier(Element e, Supplier& supplier) {
        std::optional<std::string_view> a[4];
        doc_.readAttributes(e, {"name", "postcode", "ownership", "sme"}, a);
        doc_.checkChildren(e, {});
        supplier.where = doc_.at(e);
        if (const auto name = doc_.text(e, "name", a[0], true))
            supplier.name = std::string(*name);
        if (const auto postcode = doc_.text(e, "postcode", a[1], false)) {
            supplier.postcode = Postcode::parse(*postcode);
            if (!supplier.postcode)
                doc_.error(e, "postcode",
                           "postcode '" + std::string(*postcode) +
                               "' is not a valid UK postcode: write it like PR1 2HE");
        }
        if (const auto ownership = doc_.text(e, "ownership", a[2], true)) {
            if (const auto model = parseOwnershipModel(*ownership))
                supplier.ownership = *model;
            else
                doc_.error(e, "ownership",
                           "ownership '" + std::string(*ownership) +
                               "' is not an ownership model: use one of " +
                               std::string(ownershipModelList()));
        }
        supplier.sme = doc_.boolean(e, "sme", a[3], false);
    }

    void readPrice(Element e, Bid& bid) {
        doc_.checkAttributes(e, {});
        doc_.checkChildren(e, {}, true);
        if (bid.priceWhere.line > 0) {
            doc_.error(e, "<price> appears more than once in this bid: keep one");
            return;
        }
        bid.priceWhere = doc_.at(e);
        if (costSeen_)
            doc_.error(e, "bid " + bid.id +
                              " gives both <price> and <cost>: give one price, or yearly costs");
        bid.price = doc_.moneyText(e);
    }

    void readCost(Element e, Bid& bid, std::set<int>& years) {
        doc_.checkAttributes(e, {"year"});
        doc_.checkChildren(e, {}, true);
        if (bid.priceWhere.line > 0 && !costSeen_)
            doc_.error(e, "bid " + bid.id +
                              " gives both <price> and <cost>: give one price, or yearly costs");
        costSeen_ = true;
        YearCost cost;
        cost.where = doc_.at(e);
        const auto year = doc_.integer(e, "year", true, 0, 1000);
        const auto amount = doc_.moneyText(e);
        if (year && !years.insert(*year).second) {
            doc_.error(e, "year",
                       "year " + std::to_string(*year) + " is costed twice in bid " + bid.id +
                           ": keep one");
            return;
        }
        if (!year || !amount)
            return;
        cost.year = *year;
        cost.amount = *amount;
        bid.costs.push_back(cost);
    }

    void readLivingWage(Element e, Bid& bid) {
        std::optional<std::string_view> a[3];
        doc_.readAttributes(e, {"accredited", "committed", "lowest-hourly-rate"}, a);
        doc_.checkChildren(e, {});
        if (bid.livingWage) {
            doc_.error(e, "<living-wage> appears more than once in this bid: keep one");
            return;
        }
        LivingWageDeclaration declaration;
        declaration.where = doc_.at(e);
        declaration.accredited = doc_.boolean(e, "accredited", a[0], false).value_or(false);
        declaration.committed = doc_.boolean(e, "committed", a[1], false).value_or(false);
        declaration.lowestHourlyRate = doc_.money(e, "lowest-hourly-rate", a[2], false);
        if (declaration.lowestHourlyRate && !declaration.lowestHourlyRate->isPositive())
            doc_.error(
                e, "lowest-hourly-rate",
                "lowest-hourly-rate '" + std::string(*e.attribute("lowest-hourly-rate")) +
                    "' must be more than zero: give the lowest hourly rate paid on the contract");
        bid.livingWage = declaration;
    }

    void readLocalSpend(Element e, Bid& bid) {
        std::optional<std::string_view> a[1];
        doc_.readAttributes(e, {"percent"}, a);
        doc_.checkChildren(e, {});
        if (bid.localSpendWhere.line > 0) {
            doc_.error(e, "<local-spend> appears more than once in this bid: keep one");
            return;
        }
        bid.localSpendWhere = doc_.at(e);
        bid.localSpendPercent = doc_.decimal(e, "percent", a[0], true, 0, 100);
    }

    void readCommitment(Element e, Bid& bid) {
        std::optional<std::string_view> a[2];
        doc_.readAttributes(e, {"measure", "quantity"}, a);
        doc_.checkChildren(e, {});
        if (bid.commitments.empty())
            bid.commitments.reserve(4);
        Commitment commitment;
        commitment.where = doc_.at(e);
        commitment.measureId = std::string(doc_.text(e, "measure", a[0], true).value_or(""));
        commitment.quantity = doc_.decimal(e, "quantity", a[1], true, 0).value_or(0);
        bid.commitments.push_back(std::move(commitment));
    }

    void readGate(Element e, Bid& bid) {
        std::optional<std::string_view> a[2];
        doc_.readAttributes(e, {"id", "pass"}, a);
        doc_.checkChildren(e, {});
        GateAnswer answer;
        answer.where = doc_.at(e);
        answer.gateId = std::string(doc_.text(e, "id", a[0], true).value_or(""));
        answer.pass = doc_.boolean(e, "pass", a[1], true).value_or(false);
        bid.gateAnswers.push_back(std::move(answer));
    }

    Doc& doc_;
    bool costSeen_ = false;
};

} // namespace fairtender::xml
