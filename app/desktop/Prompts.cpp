#include "desktop/Prompts.h"

#include <QDate>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

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
    prompts.signIn = [](QWidget* owner,
                        const ServerSignIn& offered) -> std::optional<ServerSignIn> {
        QDialog dialog(owner);
        dialog.setObjectName(QStringLiteral("signInDialog"));
        dialog.setWindowTitle(QStringLiteral("Connect to server"));
        auto* form = new QFormLayout;
        auto* address = new QLineEdit(offered.address, &dialog);
        address->setPlaceholderText(QStringLiteral("https://tenders.example.gov.uk"));
        auto* user = new QLineEdit(offered.user, &dialog);
        auto* password = new QLineEdit(&dialog);
        password->setEchoMode(QLineEdit::Password);
        form->addRow(QStringLiteral("&Server:"), address);
        form->addRow(QStringLiteral("&Account:"), user);
        form->addRow(QStringLiteral("&Password:"), password);
        auto* buttons =
            new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        buttons->button(QDialogButtonBox::Ok)->setText(QStringLiteral("Sign in"));
        QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        auto* layout = new QVBoxLayout(&dialog);
        layout->addLayout(form);
        layout->addWidget(buttons);
        (offered.address.isEmpty() ? address
         : offered.user.isEmpty()  ? user
                                   : password)
            ->setFocus();
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return ServerSignIn{address->text().trimmed(), user->text().trimmed(), password->text()};
    };
    prompts.choice = [](QWidget* owner, const QString& title, const QString& question,
                        const QStringList& items) -> std::optional<int> {
        bool ok = false;
        const QString chosen = QInputDialog::getItem(owner, title, question, items, 0, false, &ok);
        if (!ok)
            return std::nullopt;
        return static_cast<int>(items.indexOf(chosen));
    };
    prompts.message = [](QWidget* owner, QMessageBox::Icon icon, const QString& title,
                         const QString& text) {
        QMessageBox box(icon, title, text, QMessageBox::Ok, owner);
        box.exec();
    };
    return prompts;
}

} // namespace fairtender::desktop
