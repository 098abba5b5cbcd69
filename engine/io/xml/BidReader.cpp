// parseBids: a bid file (a <bids> document or a single <bid>) into Bids. Checks within
// the file only; references to the tender are checkConsistency's.
#include "io/xml/BidReader.h"

#include "io/xml/BidFields.h"
#include "io/xml/BidScanner.h"
#include "io/xml/TenderFolder.h"
#include "io/xml/XmlDocument.h"

namespace fairtender {

namespace {

using xml::BidFields;
using xml::BidReadTrace;
using xml::BidScanner;
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
            readBidElements(root, tender, tenderWhere, bids);
        }
        if (doc_.failed())
            return std::nullopt;
        return bids;
    }

    // Appends every <bid> child of `parent` (a <bids> root or a parsed piece of one).
    void readBidElements(XmlElement parent, std::string_view tender,
                         const SourceLocation& tenderWhere, std::vector<Bid>& bids) {
        for (auto e = parent.firstChild(); e; e = e.nextSibling()) {
            if (e.name() != "bid")
                continue;
            doc_.checkAttributes(e, {"id"});
            readBid(e, tender, tenderWhere, bids.emplace_back());
        }
    }

    // Reads a <bids> document piece by piece; nullopt on any problem at all, with the
    // diagnostics left for the caller to discard, as the whole-document reader will then
    // report the problems in document order.
    std::optional<std::vector<Bid>> readInPieces(const BidsLayout& layout, std::size_t bytes,
                                                 BidScanner* scanner, BidReadTrace& trace) {
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
            if (scanner && scanner->scan(begin, end, tender, tenderWhere, bids)) {
                ++trace.scannedPieces;
            } else {
                ++trace.parsedPieces;
                if (!doc_.parseFragment(begin, end))
                    return std::nullopt;
                const auto piece = doc_.root();
                doc_.checkChildren(piece, {"bid"});
                readBidElements(piece, tender, tenderWhere, bids);
                if (doc_.failed())
                    return std::nullopt;
            }
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
    void readBid(XmlElement e, std::string_view tenderId, const SourceLocation& tenderWhere,
                 Bid& bid) {
        BidFields<XmlDocument>(doc_).read(e, tenderId, tenderWhere, bid);
    }

    XmlDocument& doc_;
    std::string_view text_;
};

} // namespace

std::optional<std::vector<Bid>> parseBids(std::string_view text, const std::string& fileName,
                                          Diagnostics& diagnostics) {
    return xml::parseBidsInPieces(text, fileName, diagnostics, kPieceBytes);
}

namespace xml {

std::optional<std::vector<Bid>> parseBidsInPieces(std::string_view text,
                                                  const std::string& fileName,
                                                  Diagnostics& diagnostics, std::size_t pieceBytes,
                                                  bool scan, BidReadTrace* trace) {
    BidReadTrace ownTrace;
    auto& counts = trace ? *trace : ownTrace;
    counts = BidReadTrace{};
    if (const auto layout = findBidsLayout(text)) {
        Diagnostics pieceDiagnostics;
        XmlDocument doc(text, fileName, pieceDiagnostics, XmlDocument::Unparsed{});
        std::optional<BidScanner> scanner;
        if (scan)
            scanner.emplace(text, fileName);
        if (auto bids = BidReader(doc, text).readInPieces(*layout, pieceBytes,
                                                          scanner ? &*scanner : nullptr, counts)) {
            diagnostics.insert(diagnostics.end(), pieceDiagnostics.begin(), pieceDiagnostics.end());
            return bids;
        }
    }
    counts.wholeDocument = true;
    XmlDocument doc(text, fileName, diagnostics);
    return BidReader(doc, text).read();
}

} // namespace xml

} // namespace fairtender
