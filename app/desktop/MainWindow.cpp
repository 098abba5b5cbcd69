#include "desktop/MainWindow.h"

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
    for (QWidget* page : {static_cast<QWidget*>(start_), static_cast<QWidget*>(results_),
                          static_cast<QWidget*>(model_), static_cast<QWidget*>(problems_)})
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

    toolbar->addAction(open);
    toolbar->addAction(reevaluate_);
    toolbar->addSeparator();
    toolbar->addAction(showStart);
    toolbar->addAction(showResults_);
    toolbar->addAction(showModel_);
}

void MainWindow::setFolderChooser(std::function<QString(QWidget*)> chooser) {
    chooser_ = std::move(chooser);
}

void MainWindow::chooseFolder() {
    const QString folder = chooser_ ? chooser_(this) : QString();
    if (!folder.isEmpty())
        openFolder(folder);
}

bool MainWindow::isBusy() const {
    return !pending_.isEmpty();
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
