#include "core/MarkupText.h"

namespace fairtender {

std::string markupEscaped(std::string_view text, MarkupPlace place) {
    const bool xml = place != MarkupPlace::Html;
    const bool attribute = place == MarkupPlace::XmlAttribute;
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += xml && !attribute ? "\"" : "&quot;";
            break;
        case '\'':
            out += xml ? "'" : "&#39;";
            break;
        // Character references, as a reader would otherwise normalise these away and the
        // text would not survive a round trip.
        case '\r':
            out += xml ? "&#13;" : "\r";
            break;
        case '\n':
            out += attribute ? "&#10;" : "\n";
            break;
        case '\t':
            out += attribute ? "&#9;" : "\t";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace fairtender
