#include "desktop/BidsPage.h"

#include "desktop/BidTableModel.h"
#include "desktop/DiagnosticListModel.h"
#include "desktop/LoadedTender.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace fairtender::desktop {

BidsPage::BidsPage(QWidget* parent) : QWidget(parent) {
    heading_ = new QLabel(this);
    heading_->setObjectName(QStringLiteral("bidsHeadingLabel"));
    heading_->setWordWrap(true);
    import_ = new QPushButton(QStringLiteral("&Import bid files..."), this);
    import_->setObjectName(QStringLiteral("importBidsButton"));
    import_->setToolTip(QStringLiteral("Add bid files to the folder's bids/ once they check "
                                       "out with the rest of the folder (Ctrl+I)"));
    connect(import_, &QPushButton::clicked, this, [this] { emit importRequested(); });

    bids_ = new BidTableModel(this);
    view_ = new QTableView(this);
    view_->setObjectName(QStringLiteral("bidsTableView"));
    view_->setAccessibleName(QStringLiteral("Bids"));
    view_->setModel(bids_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setAlternatingRowColors(true);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setStretchLastSection(true);

    auto* top = new QHBoxLayout;
    top->addWidget(heading_, 1);
    top->addWidget(import_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(view_, 1);
    setTender(nullptr);
}

void BidsPage::setTender(const std::shared_ptr<const LoadedTender>& tender) {
    bids_->setTender(tender);
    if (!tender || !tender->evaluation.folder)
        heading_->setText(tender ? QStringLiteral("The folder's files could not be read: see "
                                                  "the problems (Ctrl+2).")
                                 : QStringLiteral("Open a tender folder first."));
    else
        heading_->setText(QStringLiteral("%1 bids in %2")
                              .arg(bids_->rowCount())
                              .arg(QString::fromStdString(tender->folder.string())));
    view_->resizeColumnsToContents();
}

void BidsPage::showUnavailable(const QString& why) {
    setTender(nullptr);
    heading_->setText(why);
}

void BidsPage::setImportEnabled(bool enabled, const QString& tooltip) {
    import_->setEnabled(enabled);
    import_->setToolTip(tooltip);
}

QDialog* BidsPage::showImportProblems(const Diagnostics& problems, int fileCount) {
    if (problemsDialog_)
        problemsDialog_->deleteLater();
    auto* dialog = new QDialog(window());
    dialog->setObjectName(QStringLiteral("importProblemsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QStringLiteral("Bid files not imported"));
    std::size_t errors = 0;
    for (const auto& problem : problems)
        errors += problem.severity == Severity::Error ? 1 : 0;
    auto* heading = new QLabel(
        QStringLiteral("<b>Nothing was imported.</b> Checked with the rest of the folder, the "
                       "%1 chosen %2 gave %3 %4. Files are named as they would be in the "
                       "folder. Fix them and import again.")
            .arg(fileCount)
            .arg(fileCount == 1 ? QStringLiteral("file") : QStringLiteral("files"))
            .arg(errors)
            .arg(errors == 1 ? QStringLiteral("error") : QStringLiteral("errors")),
        dialog);
    heading->setWordWrap(true);
    auto* model = new DiagnosticListModel(dialog);
    model->setDiagnostics(problems);
    auto* list = new QListView(dialog);
    list->setObjectName(QStringLiteral("importProblemsListView"));
    list->setAccessibleName(QStringLiteral("Import problems"));
    list->setModel(model);
    list->setWordWrap(true);
    list->setAlternatingRowColors(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(heading);
    layout->addWidget(list, 1);
    layout->addWidget(buttons);
    dialog->resize(720, 360);
    problemsDialog_ = dialog;
    dialog->open();
    return dialog;
}

} // namespace fairtender::desktop
