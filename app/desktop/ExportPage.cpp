#include "desktop/ExportPage.h"

#include "client/RemoteTender.h"
#include "core/AtomicFile.h"
#include "core/OutputPath.h"
#include "desktop/LoadedTender.h"
#include "desktop/Prompts.h"
#include "desktop/QtText.h"
#include "desktop/WorkspaceAccess.h"
#include "io/ocds/OcdsRelease.h"
#include "io/xlsx/ScorecardWorkbook.h"
#include "reporting/ReportContent.h"
#include "reports/PdfReports.h"
#include "validation/Lint.h"

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
#include <functional>
#include <memory>
#include <optional>

namespace fairtender::desktop {

namespace {

QString writeScorecard(const LoadedTender& shown, const QString& file) {
    // A workspace's inputs live in its file: written out as a folder first, so the
    // Provenance sheet hashes the stored bytes under the names a folder gives them.
    std::shared_ptr<const LoadedTender> exported;
    QTemporaryDir scratch;
    std::optional<LifecycleState> state; // a folder's results are given at once
    if (shown.folder.extension() == ".ftw") {
        if (!scratch.isValid())
            return QStringLiteral("no room for a temporary folder: %1").arg(scratch.errorString());
        auto opened = Workspace::open(shown.folder);
        if (!opened.ok())
            return QString::fromStdString(describe(opened.diagnostics));
        if (const Diagnostics broken =
                requireVerified(*opened.workspace, referenceTables().ratesOrNull());
            !broken.empty())
            return QString::fromStdString(describe(broken));
        state = opened.workspace->state();
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
    // A close call tells the results: listed once they are given, as a workspace says it.
    for (const auto& diagnostic : tender.evaluation.diagnostics)
        if (diagnostic.severity == Severity::Warning &&
            (diagnostic.code != kCloseCallCode || resultsGiven(state)))
            lint.push_back(diagnostic);
    const auto sensitivity =
        documentedSensitivity(*tender.evaluation.folder, *tender.evaluation.result, state);
    options.sensitivity = sensitivity ? &*sensitivity : nullptr;
    const ExportResult written =
        exportScorecard(*tender.evaluation.folder, *tender.evaluation.result, lint, options,
                        std::filesystem::path(file.toStdString()));
    for (const auto& diagnostic : written.diagnostics)
        if (diagnostic.severity == Severity::Error)
            return QString::fromStdString(diagnostic.message);
    return {};
}

std::filesystem::path pathOf(const QString& file) {
    return std::filesystem::path(file.toStdString());
}

// Opens the workspace and gathers a document with the reference rates; the problems of
// either step (a stage too early, among them) are the refusal.
template <class Gather>
PreparedExport gatherFrom(const std::filesystem::path& workspace, Gather&& gather) {
    auto opened = Workspace::open(workspace);
    if (!opened.ok())
        return {qtext(describe(opened.diagnostics)), {}};
    return gather(*opened.workspace, referenceTables().ratesOrNull());
}

PreparedExport prepareAwardReport(const std::filesystem::path& workspace, const QString& file) {
    return gatherFrom(workspace, [&](const Workspace& ws, const LivingWageTable* rates) {
        auto gathered = gatherAwardReport(ws, rates);
        if (!gathered.ok())
            return PreparedExport{qtext(describe(gathered.problems)), {}};
        auto content = std::make_shared<const AwardReportContent>(std::move(*gathered.content));
        return PreparedExport{{}, [content, file] {
                                  const auto written =
                                      reports::writeAwardReportPdf(*content, pathOf(file));
                                  return qtext(written.error);
                              }};
    });
}

// One file of a folder's documents: its name, and what writes it to a path (the problem,
// or an empty text).
struct FolderFile {
    QString name;
    std::function<QString(const QString& file)> write;
};

// Every file into `folder`, all or none: written into a hidden folder inside it first and
// moved out once all are written; never over one of `keep`.
QString writeAllIntoFolder(const QString& folder, const std::vector<FolderFile>& files,
                           const std::vector<std::filesystem::path>& keep) {
    QTemporaryDir staging(QDir(folder).filePath(QStringLiteral(".documents-XXXXXX")));
    if (!staging.isValid())
        return QStringLiteral("cannot write into %1: %2").arg(folder, staging.errorString());
    for (const auto& file : files) {
        if (const auto problem = outputPathProblem(pathOf(QDir(folder).filePath(file.name)), keep))
            return qtext(*problem);
        if (const QString problem = file.write(staging.filePath(file.name)); !problem.isEmpty())
            return problem;
    }
    QDir target(folder);
    for (const auto& file : files) {
        target.remove(file.name);
        if (!QFile::rename(staging.filePath(file.name), target.filePath(file.name)))
            return QStringLiteral("cannot move %1 into %2").arg(file.name, folder);
    }
    return {};
}

// Every summary into `folder`, all or none.
PreparedExport prepareSummaries(const std::filesystem::path& workspace, const QString& folder) {
    return gatherFrom(workspace, [&](const Workspace& ws, const LivingWageTable* rates) {
        auto gathered = gatherAssessmentSummaries(ws, rates);
        if (!gathered.ok())
            return PreparedExport{qtext(describe(gathered.problems)), {}};
        auto content = std::make_shared<const std::vector<AssessmentSummaryContent>>(
            std::move(*gathered.content));
        return PreparedExport{
            {}, [content, folder, workspace]() -> QString {
                std::vector<FolderFile> files;
                for (const auto& summary : *content)
                    files.push_back(
                        {qtext(reports::assessmentSummaryFileName(summary.own.bidId)),
                         [&summary](const QString& file) {
                             return qtext(
                                 reports::writeAssessmentSummaryPdf(summary, pathOf(file)).error);
                         }});
                return writeAllIntoFolder(folder, files, workspaceFiles(workspace));
            }};
    });
}

PreparedExport writeOcds(const std::filesystem::path& workspace, const QString& file) {
    return gatherFrom(workspace, [&](const Workspace& ws, const LivingWageTable* rates) {
        const OcdsPackage package = ocdsReleasePackage(ws, rates);
        if (!package.ok())
            return PreparedExport{qtext(describe(package.problems)), {}};
        if (const auto failed = writeFileAtomically(pathOf(file), *package.json))
            return PreparedExport{qtext(*failed), {}};
        return PreparedExport{};
    });
}

// The documents offered, in the order shown.
std::vector<ExportKind> exportKinds() {
    std::vector<ExportKind> kinds;
    kinds.push_back({QStringLiteral("scorecard"),
                     "/documents/scorecard",
                     "PK",
                     QStringLiteral("Excel scorecard"),
                     QStringLiteral("Every score and points cell as a live formula over the "
                                    "bids' inputs and the model, for an auditor to recalculate."),
                     QStringLiteral("xlsx"),
                     QStringLiteral("Excel workbooks (*.xlsx)"),
                     writeScorecard,
                     {},
                     false});
    kinds.push_back({QStringLiteral("award-report"),
                     "/documents/award-report",
                     "%PDF-",
                     QStringLiteral("Award report (PDF)"),
                     QStringLiteral("The recommendation with every bid's scores, the panel, "
                                    "the moderation and the audit trail, for the decision "
                                    "maker."),
                     QStringLiteral("pdf"),
                     QStringLiteral("PDF documents (*.pdf)"),
                     {},
                     prepareAwardReport,
                     false});
    kinds.push_back({QStringLiteral("summaries"),
                     {},
                     {},
                     QStringLiteral("Assessment summaries (PDF)"),
                     QStringLiteral("One PDF per supplier with its own assessment and the "
                                    "winning tender's, written into a folder."),
                     QStringLiteral("pdf"),
                     QStringLiteral("Folders"),
                     {},
                     prepareSummaries,
                     true});
    kinds.push_back({QStringLiteral("ocds"),
                     "/documents/ocds",
                     "{",
                     QStringLiteral("OCDS release package (JSON)"),
                     QStringLiteral("The award as an Open Contracting Data Standard release "
                                    "package for publication."),
                     QStringLiteral("json"),
                     QStringLiteral("JSON files (*.json)"),
                     {},
                     writeOcds,
                     false});
    return kinds;
}

PreparedExport runInBackground(const ExportKind& kind, std::shared_ptr<const LoadedTender> tender,
                               const QString& target) {
    try {
        // Never over an input: the workspace and its companions, or the tender folder's files.
        const bool workspace = tender->folder.extension() == ".ftw";
        const TenderFolderInputs inputs =
            workspace ? TenderFolderInputs{workspaceFiles(tender->folder), {}}
                      : tenderFolderInputs(tender->folder);
        if (!kind.toFolder)
            if (const auto problem =
                    outputPathProblem(pathOf(target), inputs.files, inputs.folders))
                return {qtext(*problem), {}};
        if (kind.prepare)
            return kind.prepare(tender->folder, target);
        return {kind.write(*tender, target), {}};
    } catch (const std::exception& error) {
        return {QString::fromUtf8(error.what()), {}};
    } catch (...) {
        return {QStringLiteral("an unexpected failure"), {}};
    }
}

// The document of `kind` as the server made it, written to `target` (a folder: one file
// per bid the server has one for, all or none).
PreparedExport fetchInBackground(const ExportKind& kind, std::shared_ptr<const TenderSource> server,
                                 const QString& target) {
    try {
        Diagnostics problems;
        const auto remote = client::RemoteTender::open(*server->server, server->session, problems);
        if (!remote)
            return {qtext(describe(problems)), {}};
        if (!kind.toFolder) {
            if (const auto problem = outputPathProblem(pathOf(target), {}))
                return {qtext(*problem), {}};
            const auto fetched = remote->document(kind.serverPath, kind.magic);
            if (!fetched.ok())
                return {qtext(describe(fetched.problems)), {}};
            if (const auto failed = writeFileAtomically(pathOf(target), *fetched.value))
                return {qtext(*failed), {}};
            return {};
        }
        const auto summaries = remote->assessmentSummaries();
        if (!summaries.ok())
            return {qtext(describe(summaries.problems)), {}};
        std::vector<std::pair<QString, std::string>> fetched;
        for (const auto& [bidId, bytes] : *summaries.value)
            fetched.emplace_back(qtext(reports::assessmentSummaryFileName(bidId)), bytes);
        std::vector<FolderFile> files;
        for (const auto& [name, bytes] : fetched)
            files.push_back({name, [&bytes = bytes](const QString& file) {
                                 const auto failed = writeFileAtomically(pathOf(file), bytes);
                                 return failed ? qtext(*failed) : QString();
                             }});
        return {writeAllIntoFolder(target, files, {}), {}};
    } catch (const std::exception& error) {
        return {QString::fromUtf8(error.what()), {}};
    } catch (...) {
        return {QStringLiteral("an unexpected failure"), {}};
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

    watcher_ = new QFutureWatcher<PreparedExport>(this);
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

void ExportPage::setServer(std::shared_ptr<const TenderSource> server, const QString& unavailable,
                           const QString& reportsUnavailable) {
    server_ = std::move(server);
    serverUnavailable_ = unavailable;
    if (server_)
        reportsUnavailable_ = reportsUnavailable;
    if (server_)
        notice_->setText(!unavailable.isEmpty()
                             ? unavailable
                             : QStringLiteral("Documents of %1, as the server makes them from its "
                                              "verified record.")
                                   .arg(qtext(server_->shown())));
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

void ExportPage::setRecordBroken(const QString& why) {
    recordBroken_ = why;
    updateRows();
}

void ExportPage::setWorkspace(const QString& path, const QString& reportsUnavailable) {
    workspace_ = path;
    reportsUnavailable_ = reportsUnavailable;
    updateRows();
}

QString ExportPage::toolTipOf(const QString& id) const {
    for (const auto& row : rows_)
        if (row.kind.id == id)
            return row.button->toolTip();
    return {};
}

bool ExportPage::isEnabled(const QString& id) const {
    for (const auto& row : rows_)
        if (row.kind.id == id)
            return row.button->isEnabled();
    return false;
}

void ExportPage::updateRows() {
    for (auto& row : rows_) {
        // A record that fails verification outranks every other reason: nothing is exported.
        const bool broken = !recordBroken_.isEmpty() && !workspace_.isEmpty();
        QString why = broken     ? recordBroken_
                      : server_  ? serverUnavailable_
                      : !tender_ ? notice_->text()
                                 : QString();
        if (why.isEmpty() && isBusy())
            why = QStringLiteral("Another export is running");
        QString stage = broken ? recordBroken_ : QString(); // why it cannot be written yet
        if (why.isEmpty() && server_ && row.kind.prepare) {
            stage = reportsUnavailable_;
            why = stage;
        } else if (why.isEmpty() && row.kind.prepare) {
            if (workspace_.isEmpty())
                stage = QStringLiteral("Open a workspace: this document is written from a "
                                       "locked or awarded workspace.");
            else if (!reportsUnavailable_.isEmpty())
                stage = reportsUnavailable_;
            why = stage;
        }
        row.button->setEnabled(why.isEmpty());
        row.button->setToolTip(why.isEmpty() ? row.kind.description : why);
        // The stage's reason in place too, without hiding what the last export said.
        if (row.status->text().isEmpty() || row.status->text() == row.reasonShown) {
            row.status->setText(stage);
            row.reasonShown = stage;
        }
    }
}

void ExportPage::exportKind(const QString& id) {
    if ((!tender_ && !server_) || isBusy() || !isEnabled(id))
        return;
    int index = -1;
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].kind.id == id)
            index = static_cast<int>(i);
    if (index < 0)
        return;
    Row& row = rows_[static_cast<std::size_t>(index)];
    // Beside the tender, or for a server's tender in the home folder, named after it.
    const QFileInfo source(server_ ? QDir::home().filePath(qtext(server_->server->tender))
                                   : QString::fromStdString(tender_->folder.string()));
    const QString suggested = source.absoluteDir().filePath(
        QStringLiteral("%1-%2.%3").arg(source.completeBaseName(), row.kind.id, row.kind.suffix));
    const QString file =
        row.kind.toFolder
            ? prompts_->folder(this, QStringLiteral("Folder for the %1").arg(row.kind.title))
            : prompts_->saveFile(this, QStringLiteral("Export %1").arg(row.kind.title), suggested,
                                 row.kind.filter);
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
    if (server_)
        watcher_->setFuture(QtConcurrent::run(fetchInBackground, row.kind, server_, file));
    else
        watcher_->setFuture(QtConcurrent::run(runInBackground, row.kind, tender_, file));
}

void ExportPage::finish() {
    const PreparedExport prepared = watcher_->result();
    QString problem = prepared.error;
    if (problem.isEmpty() && prepared.render) {
        // Drawn here, behind the progress dialog still shown: QPdfWriter's text layout uses
        // the GUI thread's fonts.
        try {
            problem = prepared.render();
        } catch (const std::exception& error) {
            problem = QString::fromUtf8(error.what());
        } catch (...) {
            problem = QStringLiteral("an unexpected failure");
        }
    }
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
