#include "desktop/Prompts.h"

#include <QDate>
#include <QFileDialog>
#include <QInputDialog>

namespace fairtender::desktop {

Prompts Prompts::dialogs() {
    Prompts prompts;
    prompts.saveFile = [](QWidget* owner, const QString& title, const QString& suggested,
                          const QString& filter) {
        return QFileDialog::getSaveFileName(owner, title, suggested, filter);
    };
    prompts.openFile = [](QWidget* owner, const QString& title, const QString& folder,
                          const QString& filter) {
        return QFileDialog::getOpenFileName(owner, title, folder, filter);
    };
    prompts.folder = [](QWidget* owner, const QString& title) {
        return QFileDialog::getExistingDirectory(owner, title);
    };
    prompts.text = [](QWidget* owner, const QString& title,
                      const QString& question) -> std::optional<QString> {
        bool ok = false;
        const QString answer =
            QInputDialog::getText(owner, title, question, QLineEdit::Normal, {}, &ok);
        if (!ok)
            return std::nullopt;
        return answer;
    };
    prompts.date = [](QWidget* owner, const QString& title, const QString& question,
                      const QString& offered) -> std::optional<QString> {
        bool ok = false;
        const QString answer =
            QInputDialog::getText(owner, title, question, QLineEdit::Normal, offered, &ok);
        if (!ok)
            return std::nullopt;
        return answer.trimmed();
    };
    prompts.question = [](QWidget* owner, const QString& title, const QString& text,
                          QMessageBox::StandardButtons buttons) {
        QMessageBox box(QMessageBox::Question, title, text, buttons, owner);
        box.setEscapeButton(QMessageBox::Cancel);
        const int chosen = box.exec();
        return chosen < 0 ? QMessageBox::Cancel : static_cast<QMessageBox::StandardButton>(chosen);
    };
    prompts.message = [](QWidget* owner, QMessageBox::Icon icon, const QString& title,
                         const QString& text) {
        QMessageBox box(icon, title, text, QMessageBox::Ok, owner);
        box.exec();
    };
    return prompts;
}

} // namespace fairtender::desktop
