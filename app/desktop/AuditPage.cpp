#include "desktop/AuditPage.h"

#include "desktop/WorkspaceAccess.h"
#include "desktop/WorkspaceModels.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace fairtender::desktop {

namespace {

std::shared_ptr<const VerifyReport> verifyInBackground(const std::filesystem::path& path) {
    try {
        return std::make_shared<const VerifyReport>(verifyWorkspace(path));
    } catch (...) {
        return nullptr;
    }
}

QLineEdit* filterEdit(QWidget* parent, const QString& name, const QString& placeholder) {
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setAccessibleName(placeholder);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

} // namespace

AuditPage::AuditPage(QWidget* parent) : QWidget(parent) {
    notice_ = new QLabel(this);
    notice_->setObjectName(QStringLiteral("auditNoticeLabel"));
    notice_->setWordWrap(true);
    bid_ = filterEdit(this, QStringLiteral("auditBidLineEdit"), QStringLiteral("Bid (e.g. B1)"));
    who_ = filterEdit(this, QStringLiteral("auditWhoLineEdit"), QStringLiteral("Who"));
    text_ = filterEdit(this, QStringLiteral("auditTextLineEdit"), QStringLiteral("Text"));
    model_ = new AuditLogModel(this);
    filter_ = new AuditFilterModel(this);
    filter_->setSourceModel(model_);
    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("auditTableView"));
    table_->setAccessibleName(QStringLiteral("Audit log"));
    table_->setModel(filter_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    table_->setWordWrap(false); // one line per entry; the whole text is in each cell's tooltip
    verify_ = new QPushButton(QStringLiteral("&Verify (Ctrl+Shift+V)"), this);
    verify_->setObjectName(QStringLiteral("verifyPushButton"));
    verify_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    verify_->setToolTip(QStringLiteral("Check the hash chain, every stored record against the "
                                       "log and the results"));
    result_ = new QLabel(this);
    result_->setObjectName(QStringLiteral("verifyResultLabel"));
    result_->setWordWrap(true);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* filters = new QHBoxLayout();
    filters->addWidget(new QLabel(QStringLiteral("Filter:"), this));
    filters->addWidget(bid_);
    filters->addWidget(who_);
    filters->addWidget(text_, 2);
    auto* verifyRow = new QHBoxLayout();
    verifyRow->addWidget(verify_);
    verifyRow->addWidget(result_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(notice_);
    layout->addLayout(filters);
    layout->addWidget(table_, 1);
    layout->addLayout(verifyRow);

    connect(bid_, &QLineEdit::textChanged, filter_, &AuditFilterModel::setBid);
    connect(who_, &QLineEdit::textChanged, filter_, &AuditFilterModel::setWho);
    connect(text_, &QLineEdit::textChanged, filter_, &AuditFilterModel::setText);
    watcher_ = new QFutureWatcher<std::shared_ptr<const VerifyReport>>(this);
    connect(watcher_, &QFutureWatcherBase::finished, this, [this] { showReport(); });
    connect(verify_, &QPushButton::clicked, this, [this] { verify(); });
    setSnapshot(nullptr);
}

AuditPage::~AuditPage() {
    watcher_->waitForFinished();
}

void AuditPage::setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot) {
    const bool samePath = snapshot_ && snapshot && snapshot_->path == snapshot->path;
    snapshot_ = snapshot && snapshot->ok() ? std::move(snapshot) : nullptr;
    model_->setSnapshot(snapshot_);
    fitColumns();
    if (!snapshot_)
        notice_->setText(QStringLiteral("Open a workspace (*.ftw) to see its audit log."));
    else if (!readsEveryScore(snapshot_->panel, snapshot_->actor))
        notice_->setText(
            QStringLiteral("The log quotes every score, so it is shown to the lead, moderators "
                           "and auditors only; %1 may still verify the file.")
                .arg(snapshot_->actor.empty() ? QStringLiteral("anyone")
                                              : QString::fromStdString(snapshot_->actor)));
    else
        notice_->setText(QStringLiteral("%1 entries; each is chained to the one before by its "
                                        "hash.")
                             .arg(snapshot_->audit.size()));
    verify_->setEnabled(snapshot_ != nullptr && !isVerifying());
    if (!samePath)
        result_->clear();
}

void AuditPage::fitColumns() {
    // The short columns fit their text whole; the free text gets a share and its tooltip.
    // Widths from the first rows only: a long log would take longer to measure than to read.
    table_->horizontalHeader()->setResizeContentsPrecision(200);
    for (const int column :
         {AuditLogModel::Seq, AuditLogModel::Time, AuditLogModel::Who, AuditLogModel::Action}) {
        table_->resizeColumnToContents(column);
        if (column == AuditLogModel::Who || column == AuditLogModel::Action)
            table_->setColumnWidth(column, std::min(table_->columnWidth(column), 180));
    }
    table_->setColumnWidth(AuditLogModel::Subject, 170);
    table_->setColumnWidth(AuditLogModel::Reason, 200);
    table_->setColumnWidth(AuditLogModel::Before, 160);
}

bool AuditPage::isVerifying() const {
    return watcher_->isRunning();
}

void AuditPage::verify() {
    if (!snapshot_ || isVerifying())
        return;
    verify_->setEnabled(false);
    result_->setText(QStringLiteral("Verifying..."));
    watcher_->setFuture(QtConcurrent::run(verifyInBackground, snapshot_->path));
}

void AuditPage::showReport() {
    const std::shared_ptr<const VerifyReport> report = watcher_->result();
    verify_->setEnabled(snapshot_ != nullptr);
    if (!report) {
        result_->setText(QStringLiteral("Not enough memory to verify; close other programs and "
                                        "try again."));
        emit verified(false);
        return;
    }
    if (report->ok()) {
        result_->setText(QStringLiteral("OK: %1 audit entries chained, %2 stored records match "
                                        "the log, results recomputed. Head hash %3")
                             .arg(report->entriesChecked)
                             .arg(report->rowsChecked)
                             .arg(QString::fromStdString(report->headHash)));
    } else {
        result_->setText(
            QStringLiteral("BROKEN: %1%2")
                .arg(
                    QString::fromStdString(report->problems.front().message),
                    report->problems.size() > 1
                        ? QStringLiteral(" (and %1 more problems)").arg(report->problems.size() - 1)
                        : QString()));
    }
    emit verified(report->ok());
}

} // namespace fairtender::desktop
