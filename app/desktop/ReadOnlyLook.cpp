#include "desktop/ReadOnlyLook.h"

#include <QLineEdit>
#include <QPalette>
#include <QPlainTextEdit>

namespace fairtender::desktop {

void setShownReadOnly(QWidget* editor, bool readOnly) {
    if (auto* line = qobject_cast<QLineEdit*>(editor))
        line->setReadOnly(readOnly);
    else if (auto* plain = qobject_cast<QPlainTextEdit*>(editor))
        plain->setReadOnly(readOnly);
    else
        return;
    // Only the base colour is set, so everything else still follows the application's palette;
    // an empty palette hands the base colour back to it too.
    QPalette look;
    if (readOnly)
        look.setColor(QPalette::Base, editor->palette().color(QPalette::Window));
    editor->setPalette(look);
}

} // namespace fairtender::desktop
