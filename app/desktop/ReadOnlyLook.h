// ReadOnlyLook: a field that cannot be changed looks it. A read-only QLineEdit is drawn like
// an editable one; here it takes the window's background, so a frozen tender's fields read
// as information rather than as boxes to type into, while their text stays selectable.
#pragma once

class QWidget;

namespace fairtender::desktop {

// Makes a QLineEdit or QPlainTextEdit read-only (or editable again) and shows which.
void setShownReadOnly(QWidget* editor, bool readOnly);

} // namespace fairtender::desktop
