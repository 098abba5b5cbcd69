// Prompts: every question the app asks and every message box it shows, as replaceable
// functions, so the GUI tests answer them without a modal dialog and read what was said.
#pragma once

#include <QMessageBox>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QWidget;

namespace fairtender::desktop {

// Where and as whom to sign in to a fairtender-server.
struct ServerSignIn {
    QString address; // https://host:port, or a tender's address on it
    QString user;
    QString password;
};

struct Prompts {
    // A file to write: the title, a suggested path and a filter; empty when cancelled.
    std::function<QString(QWidget*, const QString&, const QString&, const QString&)> saveFile;
    // An existing file to read: the title, a folder to start in and a filter; empty when
    // cancelled.
    std::function<QString(QWidget*, const QString&, const QString&, const QString&)> openFile;
    // An existing folder: the title; empty when cancelled.
    std::function<QString(QWidget*, const QString&)> folder;
    // A line of text such as a reason: the title and the question; nullopt when cancelled.
    std::function<std::optional<QString>(QWidget*, const QString&, const QString&)> text;
    // A day as YYYY-MM-DD: the title, the question and the day offered; nullopt when
    // cancelled.
    std::function<std::optional<QString>(QWidget*, const QString&, const QString&, const QString&)>
        date;
    // A question with the buttons offered (e.g. Save | Discard | Cancel): the title, the
    // text and the buttons; the button chosen (Cancel when the box is closed).
    std::function<QMessageBox::StandardButton(QWidget*, const QString&, const QString&,
                                              QMessageBox::StandardButtons)>
        question;
    // The server's address, the account and its password, the address and account offered
    // filled in; nullopt when cancelled.
    std::function<std::optional<ServerSignIn>(QWidget*, const ServerSignIn&)> signIn;
    // One of `items`: the title, the question and the items; the index chosen, nullopt when
    // cancelled.
    std::function<std::optional<int>(QWidget*, const QString&, const QString&, const QStringList&)>
        choice;
    // A message box: its icon, title and text.
    std::function<void(QWidget*, QMessageBox::Icon, const QString&, const QString&)> message;

    // The real dialogs.
    static Prompts dialogs();
};

} // namespace fairtender::desktop
