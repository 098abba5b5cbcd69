#include "io/xml/XmlDocument.h"

#include "io/xml/TextCounts.h"
#include "io/xml/TypedValues.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace fairtender::xml {

namespace {

pugi::xml_node node(void* handle) {
    return pugi::xml_node(static_cast<pugi::xml_node_struct*>(handle));
}
pugi::xml_attribute attr(void* handle) {
    return pugi::xml_attribute(static_cast<pugi::xml_attribute_struct*>(handle));
}

using values::isListed;
using values::isSpace;
using values::quoted;
using values::sameName;
using values::trim;

} // namespace

std::string joinWords(std::initializer_list<std::string_view> words) {
    std::string out;
    for (const auto word : words) {
        if (!out.empty())
            out += ", ";
        out += word;
    }
    return out;
}

// ---- LineTable

namespace {
// Far enough apart to cost little memory on a 100 MB file, near enough that a lookup
// behind the cursor rescans only a few kilobytes.
constexpr std::size_t kCheckpointSpacing = 16 * 1024;

using counts::countCharacters;
using counts::countNewlines;

} // namespace

std::pair<int, int> LineTable::lineColumn(std::ptrdiff_t offset) const {
    if (checkpoints_.empty())
        checkpoints_.push_back({0, 1});
    const auto position = static_cast<std::size_t>(
        std::clamp<std::ptrdiff_t>(offset, 0, static_cast<std::ptrdiff_t>(text_.size())));
    const char* begin = text_.data();
    if (position < lineStart_) {
        // Behind the current line: rescan from the last checkpoint before it.
        const auto after =
            std::upper_bound(checkpoints_.begin(), checkpoints_.end(), position,
                             [](std::size_t p, const Checkpoint& c) { return p < c.lineStart; });
        const auto& from = *(after - 1); // the first checkpoint is offset 0
        position_ = lineStart_ = from.lineStart;
        line_ = from.line;
        column_ = 1;
    } else if (position < position_) {
        // Earlier on the same line, e.g. an element after one of its attributes.
        position_ = lineStart_;
        column_ = 1;
    }
    const char* from = begin + position_;
    const char* to = begin + position;
    const auto newlines = countNewlines(from, to);
    if (newlines > 0) {
        line_ += static_cast<int>(newlines);
        const char* p = to;
        while (p[-1] != '\n')
            --p;
        lineStart_ = static_cast<std::size_t>(p - begin);
        column_ = 1 + countCharacters(p, to);
        if (lineStart_ >= checkpoints_.back().lineStart + kCheckpointSpacing)
            checkpoints_.push_back({lineStart_, line_});
    } else {
        column_ += countCharacters(from, to);
    }
    position_ = position;
    return {line_, column_};
}

// ---- XmlAttribute and XmlElement

std::string_view XmlAttribute::name() const {
    return attr(handle_).name();
}
std::string_view XmlAttribute::value() const {
    return attr(handle_).value();
}
XmlAttribute XmlAttribute::next() const {
    return XmlAttribute(attr(handle_).next_attribute().internal_object());
}

std::string_view XmlElement::name() const {
    return node(handle_).name();
}

XmlAttribute XmlElement::firstAttribute() const {
    return XmlAttribute(node(handle_).first_attribute().internal_object());
}

std::optional<std::string_view> XmlElement::attribute(const char* name) const {
    const auto a = node(handle_).attribute(name);
    if (!a)
        return std::nullopt;
    return std::string_view(a.value());
}

XmlElement XmlElement::firstChild() const {
    auto n = node(handle_).first_child();
    while (n && n.type() != pugi::node_element)
        n = n.next_sibling();
    return XmlElement(n.internal_object());
}

XmlElement XmlElement::nextSibling() const {
    auto n = node(handle_).next_sibling();
    while (n && n.type() != pugi::node_element)
        n = n.next_sibling();
    return XmlElement(n.internal_object());
}

std::string_view XmlElement::text() const {
    return trim(node(handle_).child_value());
}

std::ptrdiff_t XmlElement::textOffset() const {
    for (auto n = node(handle_).first_child(); n; n = n.next_sibling()) {
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
            const std::string_view value = n.value();
            std::ptrdiff_t lead = 0;
            while (lead < static_cast<std::ptrdiff_t>(value.size()) && isSpace(value[lead]))
                ++lead;
            const auto at = n.offset_debug();
            return at < 0 ? offset() : at + lead;
        }
    }
    return offset();
}

std::ptrdiff_t XmlElement::offset() const {
    const auto at = node(handle_).offset_debug();
    // pugixml reports the name's offset; the element starts at the '<' before it.
    return at > 0 ? at - 1 : 0;
}

// ---- XmlDocument

struct XmlDocument::Parsed {
    pugi::xml_document document;
    std::string buffer; // the parser's working copy for parsePrefix and parseFragment
};

XmlDocument::XmlDocument(std::string_view xml, std::string fileName, Diagnostics& diagnostics)
    : parsed_(std::make_unique<Parsed>()), xml_(xml), fileName_(std::move(fileName)),
      diagnostics_(diagnostics), lines_(xml) {
    // Offsets stay those of `xml`: the parser works on an exact copy, in UTF-8, and the
    // DOCTYPE is parsed (not skipped) so that it can be found and rejected.
    const auto result = parsed_->document.load_buffer(
        xml.data(), xml.size(), pugi::parse_default | pugi::parse_doctype, pugi::encoding_utf8);
    if (!result) {
        error(locate(result.offset), std::string("XML syntax error: ") + result.description() +
                                         "; correct the markup at this point");
        return;
    }
    bool seenRoot = false;
    for (auto child = parsed_->document.first_child(); child; child = child.next_sibling()) {
        // pugixml accepts fragments; a well-formed document has one root and no text around it.
        if (child.type() == pugi::node_element) {
            if (seenRoot) {
                error(XmlElement(child.internal_object()),
                      "a second root element <" + std::string(child.name()) +
                          ">: a file holds exactly one root element; remove it");
                return;
            }
            seenRoot = true;
        } else if (child.type() == pugi::node_pcdata && !trim(child.value()).empty()) {
            error(locate(child.offset_debug()), "text outside the root element: remove it");
            return;
        }
        if (child.type() == pugi::node_doctype) {
            std::ptrdiff_t at = child.offset_debug();
            while (at > 0 && xml_[static_cast<std::size_t>(at)] != '<')
                --at;
            error(locate(at), "DOCTYPE is not allowed: remove it; tender files never need "
                              "entity declarations");
            return;
        }
    }
    root_ = XmlElement(parsed_->document.document_element().internal_object());
}

XmlDocument::XmlDocument(std::string_view xml, std::string fileName, Diagnostics& diagnostics,
                         Unparsed)
    : parsed_(std::make_unique<Parsed>()), xml_(xml), fileName_(std::move(fileName)),
      diagnostics_(diagnostics), lines_(xml) {}

XmlDocument::~XmlDocument() = default;

bool XmlDocument::loadOwnBuffer(unsigned options) {
    auto& buffer = parsed_->buffer;
    root_ = XmlElement();
    if (buffer.empty())
        return false;
    // In place: the buffer is ours and reused, so a large file read piece by piece touches
    // little fresh memory.
    return static_cast<bool>(parsed_->document.load_buffer_inplace(buffer.data(), buffer.size(),
                                                                   options, pugi::encoding_utf8));
}

bool XmlDocument::parsePrefix(std::size_t end, std::string_view closing) {
    parsed_->buffer.assign(xml_.substr(0, end));
    parsed_->buffer.append(closing);
    base_ = 0;
    if (parsed_->buffer.find('\0') != std::string::npos ||
        !loadOwnBuffer(pugi::parse_default | pugi::parse_doctype))
        return false;
    int roots = 0;
    for (auto child = parsed_->document.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_element)
            ++roots;
        else if (child.type() == pugi::node_doctype ||
                 (child.type() == pugi::node_pcdata && !trim(child.value()).empty()))
            return false;
    }
    if (roots != 1)
        return false;
    root_ = XmlElement(parsed_->document.document_element().internal_object());
    return true;
}

bool XmlDocument::parseFragment(std::size_t begin, std::size_t end) {
    const auto piece = xml_.substr(begin, end - begin);
    // The parser stops at a NUL byte, which would silently drop the rest of the piece.
    if (piece.find('\0') != std::string_view::npos)
        return false;
    parsed_->buffer.assign(piece);
    base_ = static_cast<std::ptrdiff_t>(begin);
    if (!loadOwnBuffer(pugi::parse_default | pugi::parse_doctype | pugi::parse_fragment))
        return false;
    // A fragment accepts a DOCTYPE at its top level; inside a root element it is an error.
    for (auto child = parsed_->document.first_child(); child; child = child.next_sibling())
        if (child.type() == pugi::node_doctype)
            return false;
    root_ = XmlElement(parsed_->document.internal_object());
    return true;
}

bool XmlDocument::checkRoot(std::string_view name, std::string_view ns) {
    if (!root_)
        return false;
    namespace_ = std::string(ns);
    const auto actual = root_.name();
    if (actual.find(':') != std::string_view::npos) {
        error(root_, "namespace prefixes are not supported: write <" + std::string(name) +
                         " xmlns=\"" + std::string(ns) + "\"> without a prefix");
        return false;
    }
    if (actual != name) {
        error(root_, "the root element is <" + std::string(actual) + ">, expected <" +
                         std::string(name) + " xmlns=\"" + std::string(ns) + "\">");
        return false;
    }
    const auto xmlns = root_.attribute("xmlns");
    if (!xmlns)
        error(root_, "<" + std::string(name) + "> has no namespace: add xmlns=\"" +
                         std::string(ns) + "\"");
    else if (*xmlns != ns)
        error(root_, "xmlns",
              "the namespace " + quoted(*xmlns) + " is not the one for <" + std::string(name) +
                  ">: write xmlns=\"" + std::string(ns) + "\"");
    return true;
}

SourceLocation XmlDocument::locate(std::ptrdiff_t offset) const {
    const auto [line, column] = lines_.lineColumn(offset);
    return SourceLocation{fileName_, line, column};
}

std::ptrdiff_t XmlDocument::attributeOffset(std::ptrdiff_t elementOffset,
                                            std::string_view attribute) const {
    const std::size_t n = xml_.size();
    std::size_t i = static_cast<std::size_t>(elementOffset) + 1;
    while (i < n && !isSpace(xml_[i]) && xml_[i] != '>' && xml_[i] != '/')
        ++i;
    while (i < n) {
        while (i < n && isSpace(xml_[i]))
            ++i;
        if (i >= n || xml_[i] == '>' || xml_[i] == '/')
            break;
        const std::size_t start = i;
        while (i < n && !isSpace(xml_[i]) && xml_[i] != '=' && xml_[i] != '>' && xml_[i] != '/')
            ++i;
        if (xml_.substr(start, i - start) == attribute)
            return static_cast<std::ptrdiff_t>(start);
        while (i < n && isSpace(xml_[i]))
            ++i;
        if (i < n && xml_[i] == '=')
            ++i;
        while (i < n && isSpace(xml_[i]))
            ++i;
        if (i >= n || (xml_[i] != '"' && xml_[i] != '\''))
            break;
        const auto close = xml_.find(xml_[i], i + 1);
        if (close == std::string_view::npos)
            break;
        i = close + 1;
    }
    return elementOffset;
}

SourceLocation XmlDocument::at(XmlElement element, std::string_view attribute) const {
    return locate(attributeOffset(base_ + element.offset(), attribute));
}

void XmlDocument::error(SourceLocation where, std::string message) {
    ++errors_;
    diagnostics_.push_back(errorAt(std::move(where), std::move(message)));
}

void XmlDocument::checkAttributes(XmlElement element,
                                  std::initializer_list<std::string_view> allowed) {
    for (auto a = element.firstAttribute(); a; a = a.next()) {
        const auto name = a.name();
        if (isListed(allowed, name))
            continue;
        if (name == "xmlns") {
            if (a.value() != namespace_)
                error(element, name,
                      "xmlns on <" + std::string(element.name()) + "> changes the namespace to " +
                          quoted(a.value()) + ": remove it");
            continue;
        }
        if (name.find(':') != std::string_view::npos) {
            error(element, name,
                  "attribute '" + std::string(name) +
                      "' uses a namespace prefix, which is not supported: remove it");
            continue;
        }
        error(element, name,
              "unknown attribute '" + std::string(name) + "' on <" + std::string(element.name()) +
                  ">: allowed are " + (allowed.size() ? joinWords(allowed) : "none"));
    }
}

void XmlDocument::readAttributes(XmlElement element, std::initializer_list<std::string_view> names,
                                 std::optional<std::string_view>* values) {
    bool unknown = false;
    for (auto a = element.firstAttribute(); a; a = a.next()) {
        const auto name = a.name();
        std::size_t i = 0;
        for (const auto known : names) {
            if (sameName(known, name))
                break;
            ++i;
        }
        if (i < names.size())
            values[i] = a.value();
        else
            unknown = true;
    }
    if (unknown)
        checkAttributes(element, names);
}

void XmlDocument::checkChildren(XmlElement element, std::initializer_list<std::string_view> allowed,
                                bool takesText) {
    for (auto n = node(element.handle_).first_child(); n; n = n.next_sibling()) {
        if (n.type() == pugi::node_element) {
            const std::string_view name = n.name();
            if (isListed(allowed, name))
                continue;
            const XmlElement child(n.internal_object());
            if (name.find(':') != std::string_view::npos)
                error(child, "element <" + std::string(name) +
                                 "> uses a namespace prefix, which is not supported: write it "
                                 "without the prefix");
            else
                error(child, "unknown element <" + std::string(name) + "> in <" +
                                 std::string(element.name()) + ">: allowed are " +
                                 (allowed.size() ? joinWords(allowed) : "none"));
        } else if (!takesText && (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) &&
                   !trim(n.value()).empty()) {
            const auto at = n.offset_debug();
            error(at < 0 ? this->at(element) : locate(base_ + at),
                  "<" + std::string(element.name()) + "> takes no text: remove " +
                      quoted(trim(n.value()).substr(0, 40)));
        }
    }
}

std::optional<std::string_view> XmlDocument::text(XmlElement element, const char* name,
                                                  std::optional<std::string_view> value,
                                                  bool required) {
    return values::text(*this, element, name, value, required);
}

std::optional<Money> XmlDocument::money(XmlElement element, const char* name,
                                        std::optional<std::string_view> attribute, bool required) {
    return values::money(*this, element, name, attribute, required);
}

std::optional<double> XmlDocument::decimal(XmlElement element, const char* name,
                                           std::optional<std::string_view> attribute, bool required,
                                           double min, double max) {
    return values::decimal(*this, element, name, attribute, required, min, max);
}

std::optional<int> XmlDocument::integer(XmlElement element, const char* name, bool required,
                                        int min, int max) {
    return values::integer(*this, element, name, element.attribute(name), required, min, max);
}

std::optional<bool> XmlDocument::boolean(XmlElement element, const char* name,
                                         std::optional<std::string_view> attribute, bool required) {
    return values::boolean(*this, element, name, attribute, required);
}

std::optional<Date> XmlDocument::date(XmlElement element, const char* name, bool required) {
    const auto value = text(element, name, required);
    if (!value)
        return std::nullopt;
    if (auto parsed = Date::parse(*value))
        return parsed;
    error(element, name,
          std::string(name) + " " + quoted(*value) +
              " is not a date: write a real day as YYYY-MM-DD, e.g. 2025-10-22");
    return std::nullopt;
}

std::optional<std::string_view> XmlDocument::choice(XmlElement element, const char* name,
                                                    std::initializer_list<std::string_view> words,
                                                    bool required) {
    const auto value = text(element, name, required);
    if (!value)
        return std::nullopt;
    if (std::find(words.begin(), words.end(), *value) != words.end())
        return value;
    error(element, name,
          std::string(name) + " " + quoted(*value) + " on <" + std::string(element.name()) +
              "> is not one of " + joinWords(words));
    return std::nullopt;
}

std::optional<Money> XmlDocument::moneyText(XmlElement element) {
    return values::moneyText(*this, element);
}

std::optional<std::string_view> XmlDocument::requiredText(XmlElement element) {
    return values::requiredText(*this, element);
}

} // namespace fairtender::xml
