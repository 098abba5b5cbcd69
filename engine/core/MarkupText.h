// MarkupText: text written by hand into XML or HTML, with the characters the markup gives
// meaning to escaped, so that a reader gets back exactly the text that was written.
#pragma once

#include <string>
#include <string_view>

namespace fairtender {

// Where the text goes; each place escapes what a reader there would otherwise change.
enum class MarkupPlace {
    XmlText,      // element content: & < >, and \r (a reader turns it into \n)
    XmlAttribute, // attribute value in "": also ", and \n \t (a reader makes them spaces)
    Html,         // HTML text or a quoted attribute: & < > " '
};

// markupEscaped("Smith & \"Sons\"", MarkupPlace::Html) == "Smith &amp; &quot;Sons&quot;"
std::string markupEscaped(std::string_view text, MarkupPlace place);

} // namespace fairtender
