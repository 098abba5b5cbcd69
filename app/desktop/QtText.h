// The engine keeps text as UTF-8 std::string; Qt as QString. These two conversions are the
// only ones the screens use, so every name, reason and message is decoded the same way.
#pragma once

#include <QString>

#include <string>
#include <string_view>

namespace fairtender::desktop {

inline QString qtext(std::string_view utf8Text) {
    return QString::fromUtf8(utf8Text.data(), static_cast<qsizetype>(utf8Text.size()));
}

inline std::string utf8(const QString& value) {
    return value.toStdString();
}

} // namespace fairtender::desktop
