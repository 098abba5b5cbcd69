#include "desktop/ExportPage.h"

#include "desktop/LoadedTender.h"
#include "desktop/Prompts.h"
#include "desktop/WorkspaceAccess.h"
#include "io/xlsx/ScorecardWorkbook.h"

#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QProgressDialog>
#include <QPushButton>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace fairtender::desktop {

namespace {

QString writeScorecard(const LoadedTender& shown, const QString& file) {
    // A workspace's inputs live in its file: written out as a folder first, so the
    // Provenance sheet hashes the stored bytes under the names a folder gives them.
    std::shared_ptr<const LoadedTender> exported;
    QTemporaryDir scratch;
    if (shown.folder.extension() == ".ftw") {
        if (!scratch.isValid())
            return QStringLiteral("no room for a temporary folder: %1").arg(scratch.errorString());
        auto opened = Workspace::open(shown.folder);
        if (!opened.ok())
            return QString::fromStdString(describe(opened.diagnostics));
        const std::filesystem::path inputs =
            std::filesystem::path(scratch.path().toStdString()) / "inputs";
        if (const Diagnostics problems = opened.workspace->exportToFolder(inputs);
            hasErrors(problems))
            return QString::fromStdString(describe(problems));
        exported = loadTender(inputs);
        if (!exported || !exported->ok())
            return QStringLiteral("the stored inputs do not evaluate; verify the workspace");
    }
    const LoadedTender& tender = exported ? *exported : shown;
    ScorecardOptions options;
    options.toolVersion = FAIRTENDER_VERSION;
    options.folder = tender.folder;
    Diagnostics lint;
    for (const auto& diagnostic : tender.evaluation.diagnostics)
        if (diagnostic.severity == Severity::Warning)
            lint.push_back(diagnostic);
    const ExportResult written =
        exportScorecard(*tender.evaluation.folder, *tender.evaluation.result, lint, options,
                        std::filesystem::path(file.toStdString()));
    for (const auto& diagnostic : written.diagnostics)
        if (diagnostic.severity == Severity::Error)
            return QString::fromStdString(diagnostic.message);
    return {};
}

// The documents offered, in the order shown.
std::vector<ExportKind> exportKinds() {
    return {{QStringLiteral("scorecard"), QStringLiteral("Excel scorecard"),
             QStringLiteral("Every score and points cell as a live formula over the bids' "
                            "inputs and the model, for an auditor to recalculate."),
             QStringLiteral("xlsx"), QStringLiteral("Excel workbooks (*.xlsx)"), writeScorecard}};
}

QString runInBackground(const ExportKind::Write& write, std::shared_ptr<const LoadedTender> tender,
                        const QString& file) {
    try {
        return write(*tender, file);
    } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
    } catch (...) {
        return QStringLiteral("an unexpected failure");
    }
}

} // namespace

ExportPage::ExportPage(std::shared_ptr<const Prompts> prompts, QWidget* parent)
    : QWidget(parent), prompts_(std::move(prompts)) {
    notice_ = new QLabel(this);
    notice_->setObjectName(QStringLiteral("exportNoticeLabel"));
    notice_->setWordWrap(true);
    auto* grid = new QGridLayout();
    int line = 0;
    for (auto& kind : exportKinds()) {
        Row row;
        row.kind = std::move(kind);
        auto* title = new QLabel(
            QStringLiteral("<b>%1</b><br>%2")
                .arg(row.kind.title.toHtmlEscaped(), row.kind.description.toHtmlEscaped()),
            this);
        title->setWordWrap(true);
        row.button = new QPushButton(QStringLiteral("Export %1...").arg(row.kind.title), this);
        row.button->setObjectName(QStringLiteral("export_%1_PushButton").arg(row.kind.id));
        row.button->setAccessibleName(QStringLiteral("Export %1").arg(row.kind.title));
        row.status = new QLabel(this);
        row.status->setObjectName(QStringLiteral("export_%1_StatusLabel").arg(row.kind.id));
        row.status->setWordWrap(true);
        grid->addWidget(title, line, 0);
        grid->addWidget(row.button, line, 1, Qt::AlignTop);
        grid->addWidget(row.status, line, 2);
        const QString id = row.kind.id;
        connect(row.button, &QPushButton::clicked, this, [this, id] { exportKind(id); });
        rows_.push_back(std::move(row));
        ++line;
    }
    grid->setColumnStretch(0, 2);
    grid->setColumnStretch(2, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(notice_);
    layout->addLayout(grid);
    layout->addStretch(1);

    watcher_ = new QFutureWatcher<QString>(this);
    connect(watcher_, &QFutureWatcherBase::finished, this, [this] { finish(); });
    setTender(nullptr);
}

ExportPage::~ExportPage() {
    watcher_->waitForFinished();
}

void ExportPage::setTender(std::shared_ptr<const LoadedTender> tender, const QString& unavailable) {
    tender_ = tender && tender->ok() ? std::move(tender) : nullptr;
    notice_->setText(!tender_ && !unavailable.isEmpty() ? unavailable
                     : tender_ ? QStringLiteral("Documents from %1, as evaluated now.")
                                     .arg(QDir::toNativeSeparators(
                                         QString::fromStdString(tender_->folder.string())))
                     : tender ? QStringLiteral("The tender has problems or scores missing, so "
                                               "there are no results to export: see Results.")
                              : QStringLiteral("Open a tender folder or workspace to export its "
                                               "documents."));
    updateRows();
}

bool ExportPage::isBusy() const {
    return running_ >= 0;
}

QString ExportPage::statusOf(const QString& id) const {
    for (const auto& row : rows_)
        if (row.kind.id == id)
            return row.status->text();
    return {};
}

void ExportPage::updateRows() {
    for (auto& row : rows_) {
        row.button->setEnabled(tender_ && !isBusy());
        row.button->setToolTip(!tender_   ? notice_->text()
                               : isBusy() ? QStringLiteral("Another export is running")
                                          : row.kind.description);
    }
}

void ExportPage::exportKind(const QString& id) {
    if (!tender_ || isBusy())
        return;
    int index = -1;
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].kind.id == id)
            index = static_cast<int>(i);
    if (index < 0)
        return;
    Row& row = rows_[static_cast<std::size_t>(index)];
    const QFileInfo source(QString::fromStdString(tender_->folder.string()));
    const QString suggested = source.absoluteDir().filePath(
        QStringLiteral("%1-%2.%3").arg(source.completeBaseName(), row.kind.id, row.kind.suffix));
    const QString file = prompts_->saveFile(this, QStringLiteral("Export %1").arg(row.kind.title),
                                            suggested, row.kind.filter);
    if (file.isEmpty())
        return;
    running_ = index;
    runningFile_ = file;
    row.status->setText(QStringLiteral("Writing %1...").arg(QDir::toNativeSeparators(file)));
    progress_ = new QProgressDialog(QStringLiteral("Writing the %1...").arg(row.kind.title),
                                    QString(), 0, 0, this);
    progress_->setObjectName(QStringLiteral("exportProgressDialog"));
    progress_->setWindowTitle(QStringLiteral("Export"));
    progress_->setMinimumDuration(0);
    progress_->setValue(0);
    updateRows();
    watcher_->setFuture(QtConcurrent::run(runInBackground, row.kind.write, tender_, file));
}

void ExportPage::finish() {
    const QString problem = watcher_->result();
    if (progress_) {
        progress_->hide();
        progress_->deleteLater();
        progress_ = nullptr;
    }
    Row& row = rows_[static_cast<std::size_t>(running_)];
    const QString id = row.kind.id;
    const QString file = QDir::toNativeSeparators(runningFile_);
    running_ = -1;
    if (problem.isEmpty()) {
        row.status->setText(QStringLiteral("Written to %1").arg(file));
    } else {
        row.status->setText(QStringLiteral("Not written: %1").arg(problem));
        prompts_->message(this, QMessageBox::Warning, QStringLiteral("Export"),
                          QStringLiteral("%1 was not written: %2\n\nChoose a folder you can "
                                         "write to and try again.")
                              .arg(file, problem));
    }
    updateRows();
    emit exported(id, problem.isEmpty());
}

} // namespace fairtender::desktop
