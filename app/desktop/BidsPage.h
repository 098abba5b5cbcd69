// BidsPage: the bids of the open folder as a table, with the button that imports more bid
// files and the dialog that lists why an import was refused.
#pragma once

#include "core/Diagnostic.h"

#include <QDialog>
#include <QPointer>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTableView;

namespace fairtender::desktop {

struct LoadedTender;

class BidTableModel;

class BidsPage : public QWidget {
    Q_OBJECT

public:
    explicit BidsPage(QWidget* parent = nullptr);

    // Shows the bids of `tender`'s folder; null or an unreadable folder empties the table.
    void setTender(const std::shared_ptr<const LoadedTender>& tender);
    // Clears the page and says in its place why there is nothing to show.
    void showUnavailable(const QString& why);
    // Whether the Import button works now, and what its tooltip says.
    void setImportEnabled(bool enabled, const QString& tooltip);
    // Lists every problem that refused an import in a dialog over the window, and returns it;
    // a second call replaces the first dialog.
    QDialog* showImportProblems(const Diagnostics& problems, int fileCount);

    BidTableModel* bidsModel() const { return bids_; }
    // The dialog of the last refused import while it is open, else nullptr.
    QDialog* importProblemsDialog() const { return problemsDialog_; }

signals:
    // The user asked to import bid files.
    void importRequested();

private:
    QLabel* heading_ = nullptr;
    QPushButton* import_ = nullptr;
    QTableView* view_ = nullptr;
    BidTableModel* bids_ = nullptr;
    QPointer<QDialog> problemsDialog_;
};

} // namespace fairtender::desktop
