#include "io/xml/BidScanner.h"

#include "core/Utf8.h"
#include "io/xml/BidFields.h"
#include "io/xml/TextCounts.h"
#include "io/xml/TypedValues.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <optional>

namespace fairtender::xml {

namespace {

using values::isListed;
using values::isSpace;
using values::sameName;

constexpr int kMaxAttributes = 6;
// Values holding entities are decoded into a pool reserved once, so views into it stay
// valid for the whole bid; a bid needing more gives up.
constexpr std::size_t kDecodedValues = 64;

struct Attribute {
    std::string_view name;
    std::string_view value;
};

struct Node {
    std::string_view name;
    std::string_view text; // trimmed
    int line = 0;
    int column = 0;
    int attributeCount = 0;
    Attribute attributes[kMaxAttributes];
    const Node* firstChild = nullptr;
    const Node* next = nullptr;
};

// An element of a scanned bid, with the walk and look-ups BidFields uses.
class ScanElement {
public:
    ScanElement() = default;
    explicit ScanElement(const Node* node) : node_(node) {}
    explicit operator bool() const { return node_ != nullptr; }
    std::string_view name() const { return node_->name; }
    std::string_view text() const { return node_->text; }
    std::optional<std::string_view> attribute(const char* name) const {
        const std::string_view wanted(name);
        for (int i = 0; i < node_->attributeCount; ++i)
            if (sameName(node_->attributes[i].name, wanted))
                return node_->attributes[i].value;
        return std::nullopt;
    }
    ScanElement firstChild() const { return ScanElement(node_->firstChild); }
    ScanElement nextSibling() const { return ScanElement(node_->next); }
    const Node& node() const { return *node_; }

private:
    const Node* node_ = nullptr;
};

// The document BidFields reads a scanned bid through: locations were taken while
// scanning, and any problem at all only marks the bid failed, as the pugixml reader will
// read the piece again and report it.
class ScanDocument {
public:
    using Element = ScanElement;
    static constexpr double kInfinity = std::numeric_limits<double>::infinity();

    explicit ScanDocument(const std::string& fileName) : fileName_(fileName) {}

    bool failed() const { return failed_; }
    SourceLocation at(Element e) const {
        return SourceLocation{fileName_, e.node().line, e.node().column};
    }
    SourceLocation at(Element e, std::string_view) const { return at(e); }
    // Only ever asked for a problem's message, which this document never shows.
    SourceLocation textAt(Element e) const { return at(e); }
    void error(const SourceLocation&, const std::string&) { failed_ = true; }
    void error(Element, const std::string&) { failed_ = true; }
    void error(Element, std::string_view, const std::string&) { failed_ = true; }

    void checkAttributes(Element e, std::initializer_list<std::string_view> allowed) {
        for (int i = 0; i < e.node().attributeCount; ++i)
            if (!isListed(allowed, e.node().attributes[i].name))
                failed_ = true;
    }
    void checkChildren(Element e, std::initializer_list<std::string_view> allowed,
                       bool takesText = false) {
        if (!takesText && !e.node().text.empty())
            failed_ = true;
        for (auto c = e.firstChild(); c; c = c.nextSibling())
            if (!isListed(allowed, c.name()))
                failed_ = true;
    }
    void readAttributes(Element e, std::initializer_list<std::string_view> names,
                        std::optional<std::string_view>* values) {
        for (int a = 0; a < e.node().attributeCount; ++a) {
            const auto& attribute = e.node().attributes[a];
            std::size_t i = 0;
            for (const auto known : names) {
                if (sameName(known, attribute.name))
                    break;
                ++i;
            }
            if (i < names.size())
                values[i] = attribute.value;
            else
                failed_ = true;
        }
    }

    std::optional<std::string_view> text(Element e, const char* name, bool required) {
        return values::text(*this, e, name, e.attribute(name), required);
    }
    std::optional<std::string_view> text(Element e, const char* name,
                                         std::optional<std::string_view> value, bool required) {
        return values::text(*this, e, name, value, required);
    }
    std::optional<Money> money(Element e, const char* name, std::optional<std::string_view> value,
                               bool required) {
        return values::money(*this, e, name, value, required);
    }
    std::optional<double> decimal(Element e, const char* name,
                                  std::optional<std::string_view> value, bool required,
                                  double min = -kInfinity, double max = kInfinity) {
        return values::decimal(*this, e, name, value, required, min, max);
    }
    std::optional<int> integer(Element e, const char* name, bool required, int min, int max) {
        return values::integer(*this, e, name, e.attribute(name), required, min, max);
    }
    std::optional<bool> boolean(Element e, const char* name, std::optional<std::string_view> value,
                                bool required) {
        return values::boolean(*this, e, name, value, required);
    }
    std::optional<Money> moneyText(Element e) { return values::moneyText(*this, e); }

private:
    const std::string& fileName_;
    bool failed_ = false;
};

// Bytes that end a run of plain attribute-value bytes: the quotes, an entity, and what
// the parser would reject or turn into spaces.
constexpr std::array<bool, 256> kValueStops = [] {
    std::array<bool, 256> stops{};
    for (const unsigned char c : {'"', '\'', '&', '<', '\0', '\n', '\r', '\t'})
        stops[c] = true;
    return stops;
}();

constexpr std::array<bool, 256> kNameChars = [] {
    std::array<bool, 256> name{};
    for (int c = 0; c < 256; ++c)
        name[static_cast<std::size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                            (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                                            c == '.' || c == ':';
    return name;
}();

bool isNameChar(char c) {
    return kNameChars[static_cast<unsigned char>(c)];
}

// Decodes the five predefined entities and character references of `raw` into `out`;
// false for anything else after an '&'.
bool decodeEntities(std::string_view raw, std::string& out) {
    out.clear();
    std::size_t i = 0;
    while (i < raw.size()) {
        const char c = raw[i];
        if (c != '&') {
            out += c;
            ++i;
            continue;
        }
        const auto semicolon = raw.find(';', i + 1);
        if (semicolon == std::string_view::npos || semicolon - i > 12)
            return false;
        const auto entity = raw.substr(i + 1, semicolon - i - 1);
        i = semicolon + 1;
        if (entity == "amp")
            out += '&';
        else if (entity == "lt")
            out += '<';
        else if (entity == "gt")
            out += '>';
        else if (entity == "quot")
            out += '"';
        else if (entity == "apos")
            out += '\'';
        else if (entity.size() >= 2 && entity[0] == '#') {
            const bool hex = entity[1] == 'x';
            const auto digits = entity.substr(hex ? 2 : 1);
            if (digits.empty() || digits.size() > 7)
                return false;
            std::uint32_t code = 0;
            for (const char d : digits) {
                std::uint32_t v;
                if (d >= '0' && d <= '9')
                    v = static_cast<std::uint32_t>(d - '0');
                else if (hex && d >= 'a' && d <= 'f')
                    v = static_cast<std::uint32_t>(d - 'a' + 10);
                else if (hex && d >= 'A' && d <= 'F')
                    v = static_cast<std::uint32_t>(d - 'A' + 10);
                else
                    return false;
                code = code * (hex ? 16 : 10) + v;
            }
            if (code == 0 || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF)
                return false;
            appendUtf8(out, code);
        } else {
            return false;
        }
    }
    return true;
}

const std::initializer_list<std::string_view> kBidChildren = {
    "supplier", "price", "cost", "living-wage", "local-spend", "commitment", "gate"};

} // namespace

struct BidScanner::State {
    std::string_view xml;
    const std::string& fileName;
    // Line and column of `cursor`, moved forward only.
    std::size_t cursor = 0;
    int line = 1;
    int column = 1;
    std::vector<Node> children;
    std::vector<std::string> decoded;
    std::size_t decodedUsed = 0;

    State(std::string_view text, const std::string& file) : xml(text), fileName(file) {
        children.reserve(32);
        decoded.resize(kDecodedValues);
    }

    // Columns count UTF-8 characters, as the pugixml reader's do. Locations are asked for
    // every few dozen bytes, so only the bytes since the last one are counted.
    void locate(std::size_t position, int& lineOut, int& columnOut) {
        const char* from = xml.data() + cursor;
        const char* to = xml.data() + position;
        const char* newline = nullptr;
        for (const char* p = to; p > from;)
            if (*--p == '\n') {
                newline = p;
                break;
            }
        if (newline) {
            line += static_cast<int>(counts::countNewlines(from, newline + 1));
            column = 1 + counts::countCharacters(newline + 1, to);
        } else {
            column += counts::countCharacters(from, to);
        }
        cursor = position;
        lineOut = line;
        columnOut = column;
    }

    void skipSpace(std::size_t& i, std::size_t end) const {
        while (i < end && isSpace(xml[i]))
            ++i;
    }

    // Past a comment starting at i ("<!--"); false if it does not end before `end`.
    bool skipComment(std::size_t& i, std::size_t end) const {
        for (std::size_t j = i + 4; j + 3 <= end; ++j) {
            if (xml[j] == '\0')
                return false;
            if (xml[j] == '-' && xml[j + 1] == '-' && xml[j + 2] == '>') {
                i = j + 3;
                return true;
            }
        }
        return false;
    }

    bool startsComment(std::size_t i, std::size_t end) const {
        return end - i >= 4 && xml.compare(i, 4, "<!--") == 0;
    }

    // Reads a start tag at i ('<'); `open` tells whether content and an end tag follow.
    bool readStartTag(std::size_t& i, std::size_t end, Node& node, bool& open) {
        locate(i, node.line, node.column);
        std::size_t j = i + 1;
        const std::size_t nameStart = j;
        while (j < end && isNameChar(xml[j]))
            ++j;
        node.name = xml.substr(nameStart, j - nameStart);
        node.attributeCount = 0;
        node.text = {};
        node.firstChild = nullptr;
        node.next = nullptr;
        if (node.name.empty())
            return false;
        for (;;) {
            const std::size_t before = j;
            skipSpace(j, end);
            if (j >= end)
                return false;
            if (xml[j] == '>') {
                open = true;
                i = j + 1;
                return true;
            }
            if (xml[j] == '/') {
                if (j + 1 >= end || xml[j + 1] != '>')
                    return false;
                open = false;
                i = j + 2;
                return true;
            }
            if (j == before || node.attributeCount == kMaxAttributes)
                return false;
            const std::size_t attributeStart = j;
            while (j < end && isNameChar(xml[j]))
                ++j;
            const auto name = xml.substr(attributeStart, j - attributeStart);
            if (name.empty())
                return false;
            for (int a = 0; a < node.attributeCount; ++a)
                if (sameName(node.attributes[a].name, name))
                    return false;
            skipSpace(j, end);
            if (j >= end || xml[j] != '=')
                return false;
            ++j;
            skipSpace(j, end);
            if (j >= end || (xml[j] != '"' && xml[j] != '\''))
                return false;
            const char quote = xml[j++];
            const std::size_t valueStart = j;
            bool entities = false;
            for (;; ++j) {
                while (j < end && !kValueStops[static_cast<unsigned char>(xml[j])])
                    ++j;
                if (j >= end)
                    return false;
                const char c = xml[j];
                if (c == quote)
                    break;
                // The parser turns these into spaces or rejects them; left to it.
                if (c == '<' || c == '\0' || c == '\n' || c == '\r' || c == '\t')
                    return false;
                entities |= c == '&';
            }
            auto value = xml.substr(valueStart, j - valueStart);
            ++j;
            if (entities) {
                if (decodedUsed == decoded.size())
                    return false;
                auto& out = decoded[decodedUsed++];
                if (!decodeEntities(value, out))
                    return false;
                value = out;
            }
            node.attributes[node.attributeCount++] = Attribute{name, value};
        }
    }

    // Past "</name>" at i; false if that is not what is there.
    bool readEndTag(std::size_t& i, std::size_t end, std::string_view name) const {
        if (end - i < name.size() + 3 || xml[i] != '<' || xml[i + 1] != '/' ||
            xml.compare(i + 2, name.size(), name) != 0)
            return false;
        std::size_t j = i + 2 + name.size();
        skipSpace(j, end);
        if (j >= end || xml[j] != '>')
            return false;
        i = j + 1;
        return true;
    }

    // A child of <bid>: no child elements of its own; text only where a value is written
    // between the tags, and then without entities or comments.
    bool readChild(std::size_t& i, std::size_t end, Node& node) {
        bool open = false;
        if (!readStartTag(i, end, node, open) || !isListed(kBidChildren, node.name))
            return false;
        if (!open)
            return true;
        std::size_t j = i;
        while (j < end && xml[j] != '<' && xml[j] != '&' && xml[j] != '\0')
            ++j;
        if (j >= end || xml[j] != '<')
            return false;
        std::size_t textStart = i;
        skipSpace(textStart, j);
        if (textStart < j) {
            std::size_t textEnd = j;
            while (isSpace(xml[textEnd - 1]))
                --textEnd;
            node.text = xml.substr(textStart, textEnd - textStart);
        }
        i = j;
        return readEndTag(i, end, node.name);
    }

    // One <bid> at i, its children in `children`.
    bool readBid(std::size_t& i, std::size_t end, Node& bid) {
        bool open = false;
        if (!readStartTag(i, end, bid, open) || !sameName(bid.name, "bid") || !open)
            return false;
        children.clear();
        for (;;) {
            skipSpace(i, end);
            if (i >= end || xml[i] != '<')
                return false;
            if (startsComment(i, end)) {
                if (!skipComment(i, end))
                    return false;
                continue;
            }
            if (i + 1 < end && xml[i + 1] == '/')
                break;
            if (children.size() == children.capacity())
                return false; // views into `children` must stay valid
            if (!readChild(i, end, children.emplace_back()))
                return false;
        }
        if (!readEndTag(i, end, "bid"))
            return false;
        for (std::size_t c = 0; c + 1 < children.size(); ++c)
            children[c].next = &children[c + 1];
        bid.firstChild = children.empty() ? nullptr : &children[0];
        return true;
    }

    bool scan(std::size_t begin, std::size_t end, std::string_view tenderId,
              const SourceLocation& tenderWhere, std::vector<Bid>& bids) {
        std::size_t i = begin;
        Node bid;
        for (;;) {
            skipSpace(i, end);
            if (i >= end)
                return true;
            if (startsComment(i, end)) {
                if (!skipComment(i, end))
                    return false;
                continue;
            }
            if (xml[i] != '<')
                return false;
            decodedUsed = 0;
            if (!readBid(i, end, bid))
                return false;
            ScanDocument doc(fileName);
            doc.checkAttributes(ScanElement(&bid), {"id"});
            BidFields<ScanDocument>(doc).read(ScanElement(&bid), tenderId, tenderWhere,
                                              bids.emplace_back());
            if (doc.failed())
                return false;
        }
    }
};

BidScanner::BidScanner(std::string_view xml, const std::string& fileName)
    : state_(std::make_unique<State>(xml, fileName)) {}

BidScanner::~BidScanner() = default;

bool BidScanner::scan(std::size_t begin, std::size_t end, std::string_view tenderId,
                      const SourceLocation& tenderWhere, std::vector<Bid>& bids) {
    const auto before = bids.size();
    if (state_->scan(begin, end, tenderId, tenderWhere, bids))
        return true;
    bids.erase(bids.begin() + static_cast<std::ptrdiff_t>(before), bids.end());
    return false;
}

} // namespace fairtender::xml
