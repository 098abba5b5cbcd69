// parseBids: a bid file (a <bids> document or a single <bid>) into Bids. Checks within
// the file only; references to the tender are checkConsistency's.
#include "io/xml/BidReader.h"

#include "io/xml/TenderFolder.h"
#include "io/xml/XmlDocument.h"

#include <set>

namespace fairtender {

namespace {

using xml::XmlDocument;
using xml::XmlElement;

constexpr const char* kBidNamespace = "urn:fairtender:bid:1";

// Small enough that a piece's parse tree stays in cache and its memory is reused for the
// next piece, large enough that the per-piece work does not matter.
constexpr std::size_t kPieceBytes = 256 * 1024;

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Where a <bids> document's root start tag ends and its end tag begins.
struct BidsLayout {
    std::size_t headEnd = 0; // just past the '>' of <bids ...>
    std::size_t bodyEnd = 0; // the '<' of </bids>
};

// Finds the layout of a plain <bids> document: only comments, processing instructions
// and spaces before the root, nothing but spaces after it. Anything else (a DOCTYPE, a
// byte order mark, a single <bid>, an empty <bids/>) is left to the whole-document reader.
std::optional<BidsLayout> findBidsLayout(std::string_view text) {
    const std::size_t n = text.size();
    std::size_t i = 0;
    for (;;) {
        while (i < n && isSpace(text[i]))
            ++i;
        if (i >= n || text[i] != '<')
            return std::nullopt;
        const auto rest = text.substr(i);
        std::string_view opener;
        std::string_view closer;
        if (rest.starts_with("<?")) {
            opener = "<?";
            closer = "?>";
        } else if (rest.starts_with("<!--")) {
            opener = "<!--";
            closer = "-->";
        } else if (rest.starts_with("<!")) {
            return std::nullopt;
        } else {
            break;
        }
        const auto close = text.find(closer, i + opener.size());
        if (close == std::string_view::npos)
            return std::nullopt;
        i = close + closer.size();
    }
    if (!text.substr(i).starts_with("<bids") || i + 5 >= n ||
        !(isSpace(text[i + 5]) || text[i + 5] == '>'))
        return std::nullopt;
    std::size_t j = i + 5;
    while (j < n && text[j] != '>') {
        if (text[j] == '"' || text[j] == '\'') {
            const auto quote = text.find(text[j], j + 1);
            if (quote == std::string_view::npos)
                return std::nullopt;
            j = quote + 1;
        } else if (text[j] == '<') {
            return std::nullopt;
        } else {
            ++j;
        }
    }
    if (j >= n || text[j - 1] == '/')
        return std::nullopt;
    BidsLayout layout;
    layout.headEnd = j + 1;
    std::size_t e = n;
    while (e > layout.headEnd && isSpace(text[e - 1]))
        --e;
    if (e == layout.headEnd || text[e - 1] != '>')
        return std::nullopt;
    --e;
    while (e > layout.headEnd && isSpace(text[e - 1]))
        --e;
    if (e < layout.headEnd + 6 || text.substr(e - 6, 6) != "</bids")
        return std::nullopt;
    layout.bodyEnd = e - 6;
    return layout;
}

// The end of the piece starting at `begin`: just past the first "</bid>" at least `bytes`
// on, or the end of the body. A cut that is not between two bids leaves an element,
// comment, attribute or section open, so the piece fails to parse and the whole
// document is read instead.
std::size_t pieceEnd(std::string_view text, std::size_t begin, std::size_t bodyEnd,
                     std::size_t bytes) {
    if (bodyEnd - begin <= bytes)
        return bodyEnd;
    const auto found = text.find("</bid>", begin + bytes);
    if (found == std::string_view::npos || found + 6 > bodyEnd)
        return bodyEnd;
    return found + 6;
}

class BidReader {
public:
    BidReader(XmlDocument& doc, std::string_view text) : doc_(doc), text_(text) {}

    std::optional<std::vector<Bid>> read() {
        const auto root = doc_.root();
        if (!root)
            return std::nullopt;
        std::vector<Bid> bids;
        if (root.name() == "bid") {
            if (!doc_.checkRoot("bid", kBidNamespace))
                return std::nullopt;
            doc_.checkAttributes(root, {"xmlns", "id", "tender"});
            const auto tender = doc_.text(root, "tender", true);
            readBid(root, tender.value_or(""), doc_.at(root, "tender"), bids.emplace_back());
        } else {
            if (!doc_.checkRoot("bids", kBidNamespace))
                return std::nullopt;
            doc_.checkAttributes(root, {"xmlns", "tender"});
            doc_.checkChildren(root, {"bid"});
            const auto tender = doc_.text(root, "tender", true).value_or("");
            const auto tenderWhere = doc_.at(root, "tender");
            std::size_t count = 0;
            for (auto e = root.firstChild(); e; e = e.nextSibling())
                ++count;
            bids.reserve(count);
            for (auto e = root.firstChild(); e; e = e.nextSibling()) {
                if (e.name() != "bid")
                    continue;
                doc_.checkAttributes(e, {"id"});
                readBid(e, tender, tenderWhere, bids.emplace_back());
            }
        }
        if (doc_.failed())
            return std::nullopt;
        return bids;
    }

    // Reads a <bids> document piece by piece; nullopt on any problem at all, with the
    // diagnostics left for the caller to discard, as the whole-document reader will then
    // report the problems in document order.
    std::optional<std::vector<Bid>> readInPieces(const BidsLayout& layout, std::size_t bytes) {
        if (!doc_.parsePrefix(layout.headEnd, "</bids>"))
            return std::nullopt;
        const auto root = doc_.root();
        if (root.name() != "bids" || !doc_.checkRoot("bids", kBidNamespace))
            return std::nullopt;
        doc_.checkAttributes(root, {"xmlns", "tender"});
        // Copied: the next parse reuses the memory the root's attributes live in.
        const std::string tender(doc_.text(root, "tender", true).value_or(""));
        const auto tenderWhere = doc_.at(root, "tender");
        if (doc_.failed())
            return std::nullopt;
        std::vector<Bid> bids;
        const std::size_t bodyBytes = layout.bodyEnd - layout.headEnd;
        for (std::size_t begin = layout.headEnd; begin < layout.bodyEnd;) {
            const auto end = pieceEnd(text_, begin, layout.bodyEnd, bytes);
            if (!doc_.parseFragment(begin, end))
                return std::nullopt;
            const auto piece = doc_.root();
            doc_.checkChildren(piece, {"bid"});
            for (auto e = piece.firstChild(); e; e = e.nextSibling()) {
                if (e.name() != "bid")
                    continue;
                doc_.checkAttributes(e, {"id"});
                readBid(e, tender, tenderWhere, bids.emplace_back());
            }
            if (doc_.failed())
                return std::nullopt;
            if (begin == layout.headEnd && end < layout.bodyEnd) {
                // Later pieces hold bids of much the same size: reserve once, with room to
                // spare, rather than move every bid as the vector doubles.
                const double perByte =
                    static_cast<double>(bids.size()) / static_cast<double>(end - layout.headEnd);
                bids.reserve(
                    static_cast<std::size_t>(perByte * 1.1 * static_cast<double>(bodyBytes)) + 16);
            }
            begin = end;
        }
        return bids;
    }

private:
    // Fills `bid` in place: bid files can hold hundreds of thousands of bids.
    void readBid(XmlElement e, std::string_view tenderId, const SourceLocation& tenderWhere,
                 Bid& bid) {
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

    // Reports a second occurrence of a once-only element; true for the first.
    bool once(XmlElement e, bool& seen) {
        if (seen) {
            doc_.error(e, "<" + std::string(e.name()) +
                              "> appears more than once in this bid: keep one");
            return false;
        }
        seen = true;
        return true;
    }

    void readSupplier(XmlElement e, Supplier& supplier) {
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

    void readPrice(XmlElement e, Bid& bid) {
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

    void readCost(XmlElement e, Bid& bid, std::set<int>& years) {
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

    void readLivingWage(XmlElement e, Bid& bid) {
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

    void readLocalSpend(XmlElement e, Bid& bid) {
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

    void readCommitment(XmlElement e, Bid& bid) {
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

    void readGate(XmlElement e, Bid& bid) {
        std::optional<std::string_view> a[2];
        doc_.readAttributes(e, {"id", "pass"}, a);
        doc_.checkChildren(e, {});
        GateAnswer answer;
        answer.where = doc_.at(e);
        answer.gateId = std::string(doc_.text(e, "id", a[0], true).value_or(""));
        answer.pass = doc_.boolean(e, "pass", a[1], true).value_or(false);
        bid.gateAnswers.push_back(std::move(answer));
    }

    XmlDocument& doc_;
    std::string_view text_;
    bool costSeen_ = false;
};

} // namespace

std::optional<std::vector<Bid>> parseBids(std::string_view text, const std::string& fileName,
                                          Diagnostics& diagnostics) {
    return xml::parseBidsInPieces(text, fileName, diagnostics, kPieceBytes);
}

namespace xml {

std::optional<std::vector<Bid>> parseBidsInPieces(std::string_view text,
                                                  const std::string& fileName,
                                                  Diagnostics& diagnostics,
                                                  std::size_t pieceBytes) {
    if (const auto layout = findBidsLayout(text)) {
        Diagnostics pieceDiagnostics;
        XmlDocument doc(text, fileName, pieceDiagnostics, XmlDocument::Unparsed{});
        if (auto bids = BidReader(doc, text).readInPieces(*layout, pieceBytes)) {
            diagnostics.insert(diagnostics.end(), pieceDiagnostics.begin(), pieceDiagnostics.end());
            return bids;
        }
    }
    XmlDocument doc(text, fileName, diagnostics);
    return BidReader(doc, text).read();
}

} // namespace xml

} // namespace fairtender
