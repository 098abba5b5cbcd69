#include "desktop/MainWindow.h"

#include "desktop/BidImport.h"
#include "desktop/BidsPage.h"
#include "desktop/LoadedTender.h"
#include "desktop/ModelPage.h"
#include "desktop/ProblemsPage.h"
#include "desktop/ResultsPage.h"
#include "desktop/StartPage.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QProgressBar>
#include <QProgressDialog>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QtConcurrent/QtConcurrentRun>

namespace fairtender::desktop {

namespace {

constexpr int kRecentLimit = 8;
const auto kRecentKey = QStringLiteral("recentFolders");
const auto kLastDirectoryKey = QStringLiteral("lastDirectory");

std::shared_ptr<const LoadedTender> evaluateInBackground(const QString& folder) {
    return loadTender(std::filesystem::path(folder.toStdString()));
}

// Runs on a worker thread: reports progress to `dialog` through its event queue. The window
// deletes the dialog only after this has returned, so the pointer stays valid throughout.
std::shared_ptr<const BidImportCheck>
checkInBackground(const QString& folder, const QStringList& files, QProgressDialog* dialog,
                  const std::shared_ptr<std::atomic<bool>>& cancelled) {
    try {
        return std::make_shared<const BidImportCheck>(
            checkBidImport(folder, files, [dialog, cancelled](int done, int) {
                QMetaObject::invokeMethod(
                    dialog, [dialog, done] { dialog->setValue(done); }, Qt::QueuedConnection);
                return !cancelled->load();
            }));
    } catch (...) {
        return nullptr; // out of memory; the caller reports it
    }
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(QStringLiteral("Fairtender"));
    chooser_ = [](QWidget* owner) {
        QSettings settings;
        const QString folder = QFileDialog::getExistingDirectory(
            owner, QStringLiteral("Open tender folder"),
            settings.value(kLastDirectoryKey, QDir::homePath()).toString());
        if (!folder.isEmpty())
            settings.setValue(kLastDirectoryKey, QFileInfo(folder).absolutePath());
        return folder;
    };

    stack_ = new QStackedWidget(this);
    start_ = new StartPage(stack_);
    results_ = new ResultsPage(stack_);
    model_ = new ModelPage(stack_);
    problems_ = new ProblemsPage(stack_);
    start_->setObjectName(QStringLiteral("startPage"));
    results_->setObjectName(QStringLiteral("resultsPage"));
    model_->setObjectName(QStringLiteral("modelPage"));
    problems_->setObjectName(QStringLiteral("problemsPage"));
    bids_ = new BidsPage(stack_);
    bids_->setObjectName(QStringLiteral("bidsPage"));
    for (QWidget* page : {static_cast<QWidget*>(start_), static_cast<QWidget*>(results_),
                          static_cast<QWidget*>(model_), static_cast<QWidget*>(problems_),
                          static_cast<QWidget*>(bids_)})
        stack_->addWidget(page);
    setCentralWidget(stack_);

    busy_ = new QProgressBar(this);
    busy_->setObjectName(QStringLiteral("busyProgressBar"));
    busy_->setRange(0, 0); // no known length: a moving bar while the engine works
    busy_->setMaximumWidth(160);
    busy_->setAccessibleName(QStringLiteral("Evaluating"));
    busy_->hide();
    status_ = new QLabel(this);
    statusBar()->addWidget(status_, 1);
    statusBar()->addPermanentWidget(busy_);

    watcher_ = new QFutureWatcher<std::shared_ptr<const LoadedTender>>(this);
    connect(watcher_, &QFutureWatcherBase::finished, this, [this] { showLoaded(); });
    bidFilesChooser_ = [](QWidget* owner) {
        QSettings settings;
        return QFileDialog::getOpenFileNames(
            owner, QStringLiteral("Import bid files"),
            settings.value(kLastDirectoryKey, QDir::homePath()).toString(),
            QStringLiteral("Bid files (*.xml)"));
    };
    importWatcher_ = new QFutureWatcher<std::shared_ptr<const BidImportCheck>>(this);
    connect(importWatcher_, &QFutureWatcherBase::finished, this, [this] { finishImport(); });
    connect(bids_, &BidsPage::importRequested, this, [this] { chooseBidFiles(); });
    connect(start_, &StartPage::chooseFolderRequested, this, [this] { chooseFolder(); });
    connect(start_, &StartPage::openRequested, this,
            [this](const QString& folder) { openFolder(folder); });

    createActions();
    start_->setRecentFolders(QSettings().value(kRecentKey).toStringList());
    const QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1200, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    updateActions();
}

MainWindow::~MainWindow() {
    // The worker holds no pointer into the window, but wait so no thread outlives the app.
    watcher_->waitForFinished();
    if (importCancelled_)
        importCancelled_->store(true);
    importWatcher_->waitForFinished();
}

void MainWindow::createActions() {
    auto* file = menuBar()->addMenu(QStringLiteral("&File"));
    auto* view = menuBar()->addMenu(QStringLiteral("&View"));
    auto* toolbar = addToolBar(QStringLiteral("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);

    auto* open = file->addAction(QStringLiteral("&Open tender folder..."));
    open->setObjectName(QStringLiteral("openAction"));
    open->setShortcut(QKeySequence::Open);
    connect(open, &QAction::triggered, this, [this] { chooseFolder(); });

    reevaluate_ = file->addAction(QStringLiteral("&Evaluate again"));
    reevaluate_->setObjectName(QStringLiteral("reevaluateAction"));
    reevaluate_->setShortcut(QKeySequence(Qt::Key_F5));
    connect(reevaluate_, &QAction::triggered, this, [this] { reevaluate(); });

    importBids_ = file->addAction(QStringLiteral("&Import bid files..."));
    importBids_->setObjectName(QStringLiteral("importBidsAction"));
    importBids_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(importBids_, &QAction::triggered, this, [this] { chooseBidFiles(); });

    file->addSeparator();
    auto* quit = file->addAction(QStringLiteral("&Quit"));
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(quit, &QAction::triggered, this, [this] { close(); });

    auto* showStart = view->addAction(QStringLiteral("&Start"));
    showStart->setObjectName(QStringLiteral("showStartAction"));
    showStart->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(showStart, &QAction::triggered, this, [this] { showScreen(Screen::Start); });
    showResults_ = view->addAction(QStringLiteral("&Results"));
    showResults_->setObjectName(QStringLiteral("showResultsAction"));
    showResults_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    connect(showResults_, &QAction::triggered, this, [this] { showScreen(Screen::Results); });
    showModel_ = view->addAction(QStringLiteral("&Model"));
    showModel_->setObjectName(QStringLiteral("showModelAction"));
    showModel_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    connect(showModel_, &QAction::triggered, this, [this] { showScreen(Screen::Model); });

    showBids_ = view->addAction(QStringLiteral("&Bids"));
    showBids_->setObjectName(QStringLiteral("showBidsAction"));
    showBids_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    connect(showBids_, &QAction::triggered, this, [this] { showScreen(Screen::Bids); });

    toolbar->addAction(open);
    toolbar->addAction(reevaluate_);
    toolbar->addSeparator();
    toolbar->addAction(showStart);
    toolbar->addAction(showResults_);
    toolbar->addAction(showModel_);
    toolbar->addAction(showBids_);
}

void MainWindow::setFolderChooser(std::function<QString(QWidget*)> chooser) {
    chooser_ = std::move(chooser);
}

void MainWindow::setBidFilesChooser(std::function<QStringList(QWidget*)> chooser) {
    bidFilesChooser_ = std::move(chooser);
}

void MainWindow::chooseBidFiles() {
    if (folder_.isEmpty() || isBusy())
        return;
    const QStringList files = bidFilesChooser_ ? bidFilesChooser_(this) : QStringList();
    if (!files.isEmpty())
        importBidFiles(files);
}

void MainWindow::importBidFiles(const QStringList& files) {
    if (folder_.isEmpty() || isBusy() || files.isEmpty())
        return;
    importFolder_ = folder_;
    importFiles_ = files;
    importCancelled_ = std::make_shared<std::atomic<bool>>(false);
    importProgress_ = new QProgressDialog(
        QStringLiteral("Checking %1 bid %2 with the folder...")
            .arg(files.size())
            .arg(files.size() == 1 ? QStringLiteral("file") : QStringLiteral("files")),
        QStringLiteral("Cancel"), 0, bidImportSteps(files), this);
    importProgress_->setObjectName(QStringLiteral("importProgressDialog"));
    importProgress_->setWindowTitle(QStringLiteral("Import bid files"));
    importProgress_->setMinimumDuration(0);
    importProgress_->setAutoClose(false);
    importProgress_->setAutoReset(false);
    importProgress_->setValue(0);
    connect(importProgress_, &QProgressDialog::canceled, this,
            [cancelled = importCancelled_] { cancelled->store(true); });
    busy_->show();
    status_->setText(QStringLiteral("Checking bid files for %1...")
                         .arg(QDir::toNativeSeparators(importFolder_)));
    updateActions();
    importWatcher_->setFuture(QtConcurrent::run(checkInBackground, importFolder_, importFiles_,
                                                importProgress_, importCancelled_));
}

void MainWindow::finishImport() {
    const std::shared_ptr<const BidImportCheck> check = importWatcher_->result();
    const QString folder = importFolder_;
    const QStringList files = importFiles_;
    const bool cancelled = importCancelled_ && importCancelled_->load();
    importFolder_.clear();
    importFiles_.clear();
    importCancelled_.reset();
    if (importProgress_) {
        importProgress_->hide();
        importProgress_->deleteLater();
        importProgress_ = nullptr;
    }
    busy_->hide();
    bool imported = false;
    if (!check) {
        status_->setText(QStringLiteral("Not enough memory to check the bid files; nothing was "
                                        "imported."));
    } else if (cancelled || check->cancelled) {
        status_->setText(QStringLiteral("Import cancelled; nothing was imported."));
    } else if (!check->ok()) {
        status_->setText(QStringLiteral("The bid files have problems; nothing was imported."));
        bids_->showImportProblems(check->problems, static_cast<int>(files.size()));
    } else if (const Diagnostics failed = copyBidFiles(folder, files); hasErrors(failed)) {
        status_->setText(QStringLiteral("The bid files could not be copied; nothing was "
                                        "imported."));
        bids_->showImportProblems(failed, static_cast<int>(files.size()));
    } else {
        imported = true;
    }
    updateActions();
    if (!queued_.isEmpty()) {
        // Another folder was asked for during the import: that one is what the user wants.
        const QString next = queued_;
        queued_.clear();
        openFolder(next);
    } else if (imported) {
        openFolder(folder);
    }
    if (imported)
        status_->setText(
            QStringLiteral("Imported %1 bid %2 into %3; evaluating again...")
                .arg(files.size())
                .arg(files.size() == 1 ? QStringLiteral("file") : QStringLiteral("files"))
                .arg(QDir::toNativeSeparators(folder)));
    emit importFinished(imported);
}

void MainWindow::chooseFolder() {
    const QString folder = chooser_ ? chooser_(this) : QString();
    if (!folder.isEmpty())
        openFolder(folder);
}

bool MainWindow::isBusy() const {
    return !pending_.isEmpty() || !importFolder_.isEmpty();
}

void MainWindow::openFolder(const QString& folder) {
    folder_ = QDir(folder).absolutePath();
    if (isBusy()) {
        queued_ = folder_;
        return;
    }
    pending_ = folder_;
    busy_->show();
    status_->setText(QStringLiteral("Evaluating %1...").arg(QDir::toNativeSeparators(folder_)));
    updateActions();
    watcher_->setFuture(QtConcurrent::run(evaluateInBackground, folder_));
}

void MainWindow::reevaluate() {
    if (!folder_.isEmpty())
        openFolder(folder_);
}

void MainWindow::showLoaded() {
    const QString finished = pending_;
    pending_.clear();
    std::shared_ptr<const LoadedTender> loaded = watcher_->result();
    if (!queued_.isEmpty()) {
        // The user asked for another folder meanwhile: that one is what they want to see.
        const QString next = queued_;
        queued_.clear();
        openFolder(next);
        return;
    }
    busy_->hide();
    if (!loaded) {
        status_->setText(QStringLiteral("Not enough memory to evaluate %1; close other "
                                        "programs and press F5.")
                             .arg(QDir::toNativeSeparators(finished)));
        updateActions();
        return;
    }
    tender_ = std::move(loaded);
    rememberRecent(finished);
    const bool ok = tender_->ok();
    results_->setTender(ok ? tender_ : nullptr);
    problems_->setTender(ok ? nullptr : tender_);
    model_->setTender(tender_);
    bids_->setTender(tender_);
    const QString name = QDir(finished).dirName();
    setWindowTitle(QStringLiteral("%1 - Fairtender").arg(name));
    if (ok)
        status_->setText(QStringLiteral("Evaluated %1 (%2 bids).")
                             .arg(QDir::toNativeSeparators(finished))
                             .arg(tender_->evaluation.result->bids.size()));
    else
        status_->setText(QStringLiteral("%1 has problems: nothing was evaluated.")
                             .arg(QDir::toNativeSeparators(finished)));
    updateActions();
    showScreen(Screen::Results);
    emit tenderShown();
}

void MainWindow::showScreen(Screen screen) {
    switch (screen) {
    case Screen::Start:
        stack_->setCurrentWidget(start_);
        break;
    case Screen::Results:
        if (!tender_)
            return;
        stack_->setCurrentWidget(tender_->ok() ? static_cast<QWidget*>(results_)
                                               : static_cast<QWidget*>(problems_));
        break;
    case Screen::Model:
        if (!tender_ || !tender_->evaluation.folder)
            return;
        stack_->setCurrentWidget(model_);
        break;
    case Screen::Bids:
        if (!tender_)
            return;
        stack_->setCurrentWidget(bids_);
        break;
    }
}

void MainWindow::rememberRecent(const QString& folder) {
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(folder);
    recent.prepend(folder);
    while (recent.size() > kRecentLimit)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    start_->setRecentFolders(recent);
}

void MainWindow::updateActions() {
    const bool busy = isBusy();
    reevaluate_->setEnabled(!folder_.isEmpty() && !busy);
    reevaluate_->setToolTip(folder_.isEmpty() ? QStringLiteral("Open a tender folder first")
                            : busy            ? QStringLiteral("An evaluation is running")
                                              : QStringLiteral("Read the folder's files again and "
                                                                          "evaluate (F5)"));
    showResults_->setEnabled(tender_ != nullptr);
    showResults_->setToolTip(tender_ ? QStringLiteral("Ranking, chart and explanations (Ctrl+2)")
                                     : QStringLiteral("Open a tender folder first"));
    showBids_->setEnabled(tender_ != nullptr);
    showBids_->setToolTip(tender_ ? QStringLiteral("The bids in the folder (Ctrl+4)")
                                  : QStringLiteral("Open a tender folder first"));
    importBids_->setEnabled(!folder_.isEmpty() && !busy);
    importBids_->setToolTip(folder_.isEmpty() ? QStringLiteral("Open a tender folder first")
                            : busy            ? QStringLiteral("Wait for the evaluation to finish")
                                              : QStringLiteral("Check bid files with the folder "
                                                                          "and add them to bids/ (Ctrl+I)"));
    const bool readable = tender_ && tender_->evaluation.folder;
    showModel_->setEnabled(readable);
    showModel_->setToolTip(readable ? QStringLiteral("The evaluation model (Ctrl+3)")
                                    : QStringLiteral("Open a valid tender folder first"));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

} // namespace fairtender::desktop
