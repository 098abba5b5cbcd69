// Private to engine/io/xml: a parsed XML document that turns byte offsets into file, line
// and column, and the vocabulary checks every reader shares (root and namespace, known
// attributes and elements, typed values), each reported as a Diagnostic. The parser stays
// behind opaque handles so this header names no third-party type.
#pragma once

#include "core/Date.h"
#include "core/Diagnostic.h"
#include "core/Money.h"

#include <cstddef>
#include <initializer_list>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fairtender::xml {

// Maps byte offsets of a buffer to 1-based line and column (UTF-8 characters). Keeps no
// per-line table: a lookup at or after the previous one scans only the bytes between
// them, and checkpoints every few kilobytes serve the occasional lookup further back.
class LineTable {
public:
    explicit LineTable(std::string_view text) : text_(text) {}
    // Line and column of `offset`; offsets past the end map to the end of the text.
    std::pair<int, int> lineColumn(std::ptrdiff_t offset) const;

private:
    struct Checkpoint {
        std::size_t lineStart;
        int line;
    };
    std::string_view text_;
    mutable std::vector<Checkpoint> checkpoints_;
    // The last lookup: its offset, line, column and the start of its line.
    mutable std::size_t position_ = 0;
    mutable int line_ = 1;
    mutable int column_ = 1;
    mutable std::size_t lineStart_ = 0;
};

// One attribute of a parsed document; false when there is none.
class XmlAttribute {
public:
    XmlAttribute() = default;
    explicit operator bool() const { return handle_ != nullptr; }
    std::string_view name() const;
    std::string_view value() const;
    XmlAttribute next() const;

private:
    friend class XmlElement;
    explicit XmlAttribute(void* handle) : handle_(handle) {}
    void* handle_ = nullptr;
};

// One element of a parsed document; false when there is none.
class XmlElement {
public:
    XmlElement() = default;
    explicit operator bool() const { return handle_ != nullptr; }
    std::string_view name() const;
    XmlAttribute firstAttribute() const;
    // The attribute's value, or nullopt when the element does not carry it.
    std::optional<std::string_view> attribute(const char* name) const;
    // Child and sibling elements only; text and other nodes are skipped.
    XmlElement firstChild() const;
    XmlElement nextSibling() const;
    // The character data directly inside, trimmed of surrounding whitespace; "" if none.
    std::string_view text() const;

private:
    friend class XmlDocument;
    // Offsets within the piece of text that was parsed; XmlDocument adds where it starts.
    std::ptrdiff_t textOffset() const;
    std::ptrdiff_t offset() const;
    explicit XmlElement(void* handle) : handle_(handle) {}
    void* handle_ = nullptr;
};

// A parsed document plus the file name and diagnostics its checks report into.
class XmlDocument {
public:
    using Element = XmlElement;

    // Parses `xml`, which must outlive the document; reports a syntax error or a DOCTYPE.
    XmlDocument(std::string_view xml, std::string fileName, Diagnostics& diagnostics);
    struct Unparsed {};
    // Holds `xml` unparsed, to be read piece by piece with parsePrefix and parseFragment.
    XmlDocument(std::string_view xml, std::string fileName, Diagnostics& diagnostics, Unparsed);
    ~XmlDocument();
    XmlDocument(const XmlDocument&) = delete;
    XmlDocument& operator=(const XmlDocument&) = delete;

    // The root element, or an empty handle when the text did not parse or was rejected.
    // After parseFragment, a nameless element whose children are the fragment's nodes.
    XmlElement root() const { return root_; }

    // Parses the first `end` bytes followed by `closing` (the root's end tag) as a whole
    // document. False, reporting nothing, when that is not a well-formed document with one
    // root and no DOCTYPE; element handles and views of an earlier parse become invalid.
    bool parsePrefix(std::size_t end, std::string_view closing);
    // Parses bytes [begin, end) as element content: every element in it must close in it.
    // False, reporting nothing, when it does not parse, holds a DOCTYPE or a NUL byte;
    // element handles and views of an earlier parse become invalid. Memory is reused.
    bool parseFragment(std::size_t begin, std::size_t end);
    // Checks the root's name and xmlns; false (reported) when the root is another element.
    bool checkRoot(std::string_view name, std::string_view ns);

    const std::string& fileName() const { return fileName_; }
    SourceLocation locate(std::ptrdiff_t offset) const;
    SourceLocation at(XmlElement element) const { return locate(base_ + element.offset()); }
    // Points at the first non-space character of the element's text, or at the element.
    SourceLocation textAt(XmlElement element) const { return locate(base_ + element.textOffset()); }
    // Points at `name=` inside the element's start tag, or at the element without it.
    SourceLocation at(XmlElement element, std::string_view attribute) const;

    void error(SourceLocation where, std::string message);
    void error(XmlElement element, std::string message) { error(at(element), std::move(message)); }
    void error(XmlElement element, std::string_view attribute, std::string message) {
        error(at(element, attribute), std::move(message));
    }
    // True once any error was reported for this document.
    bool failed() const { return errors_ > 0; }
    // Errors reported so far, to tell whether one element's checks found any.
    int errorCount() const { return errors_; }

    // Reports every attribute not in `allowed` (and namespace prefixes).
    void checkAttributes(XmlElement element, std::initializer_list<std::string_view> allowed);
    // Reports every child element not in `allowed`, and character data unless `takesText`.
    void checkChildren(XmlElement element, std::initializer_list<std::string_view> allowed,
                       bool takesText = false);

    // Reads, in one pass for speed on large bid files, the attributes named in `names`
    // into values[i] (nullopt when absent) and reports any other attribute.
    void readAttributes(XmlElement element, std::initializer_list<std::string_view> names,
                        std::optional<std::string_view>* values);

    // Typed attribute readers: nullopt when absent (reported if `required`) or invalid
    // (always reported); the message names the attribute and the value. The overloads
    // with `value` take it from readAttributes instead of looking it up.
    std::optional<std::string_view> text(XmlElement element, const char* name, bool required) {
        return text(element, name, element.attribute(name), required);
    }
    std::optional<std::string_view> text(XmlElement element, const char* name,
                                         std::optional<std::string_view> value, bool required);
    std::optional<Money> money(XmlElement element, const char* name, bool required) {
        return money(element, name, element.attribute(name), required);
    }
    std::optional<Money> money(XmlElement element, const char* name,
                               std::optional<std::string_view> value, bool required);
    std::optional<double> decimal(XmlElement element, const char* name, bool required,
                                  double min = -std::numeric_limits<double>::infinity(),
                                  double max = std::numeric_limits<double>::infinity()) {
        return decimal(element, name, element.attribute(name), required, min, max);
    }
    std::optional<double> decimal(XmlElement element, const char* name,
                                  std::optional<std::string_view> value, bool required,
                                  double min = -std::numeric_limits<double>::infinity(),
                                  double max = std::numeric_limits<double>::infinity());
    std::optional<int> integer(XmlElement element, const char* name, bool required, int min,
                               int max);
    std::optional<bool> boolean(XmlElement element, const char* name, bool required) {
        return boolean(element, name, element.attribute(name), required);
    }
    std::optional<bool> boolean(XmlElement element, const char* name,
                                std::optional<std::string_view> value, bool required);
    std::optional<Date> date(XmlElement element, const char* name, bool required);
    // One of `words`; the message lists them.
    std::optional<std::string_view> choice(XmlElement element, const char* name,
                                           std::initializer_list<std::string_view> words,
                                           bool required);
    // The element's text as Money (required, non-empty).
    std::optional<Money> moneyText(XmlElement element);
    // The element's text, required to be non-empty.
    std::optional<std::string_view> requiredText(XmlElement element);

private:
    std::ptrdiff_t attributeOffset(std::ptrdiff_t elementOffset, std::string_view attribute) const;
    bool loadOwnBuffer(unsigned options);

    struct Parsed;
    std::unique_ptr<Parsed> parsed_;
    std::string_view xml_;
    std::ptrdiff_t base_ = 0; // offset in xml_ of the piece last parsed
    std::string fileName_;
    Diagnostics& diagnostics_;
    LineTable lines_;
    XmlElement root_;
    std::string namespace_;
    int errors_ = 0;
};

// "a, b, c" for messages that list the allowed words.
std::string joinWords(std::initializer_list<std::string_view> words);

} // namespace fairtender::xml
