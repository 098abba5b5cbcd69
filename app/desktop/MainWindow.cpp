#include "desktop/MainWindow.h"

#include "client/RemoteTender.h"
#include "core/Decimal.h"
#include "desktop/AuditPage.h"
#include "desktop/BidImport.h"
#include "desktop/BidsPage.h"
#include "desktop/DesktopPaths.h"
#include "desktop/ExportPage.h"
#include "desktop/LoadedTender.h"
#include "desktop/ModelEditorPage.h"
#include "desktop/ModerationPage.h"
#include "desktop/NewTender.h"
#include "desktop/PanelPage.h"
#include "desktop/ProblemsPage.h"
#include "desktop/ProgressPage.h"
#include "desktop/Prompts.h"
#include "desktop/QtText.h"
#include "desktop/ResultsPage.h"
#include "desktop/RobustnessPage.h"
#include "desktop/ScoringPage.h"
#include "desktop/StartPage.h"
#include "desktop/TenderDetailsPage.h"
#include "desktop/TenderDocument.h"
#include "desktop/WorkspaceAccess.h"
#include "io/xlsx/ScoreSheet.h"
#include "lifecycle/PanelRules.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDate>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QProgressBar>
#include <QProgressDialog>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <utility>

namespace fairtender::desktop {

namespace {

constexpr int kRecentLimit = 8;
const auto kRecentKey = QStringLiteral("recentFolders");
const auto kLastDirectoryKey = QStringLiteral("lastDirectory");
const auto kActingAsKey = QStringLiteral("actingAs");   // workspace path -> name
const auto kAnonymousKey = QStringLiteral("anonymous"); // workspace path -> bool

bool isWorkspaceFile(const QString& path) {
    return path.endsWith(QStringLiteral(".ftw"), Qt::CaseInsensitive);
}

std::string qtext(const QString& value) {
    return value.toStdString();
}

QVariant settingFor(const QString& key, const QString& workspace) {
    return QSettings().value(key).toMap().value(workspace);
}

void setSettingFor(const QString& key, const QString& workspace, const QVariant& value) {
    QSettings settings;
    QVariantMap map = settings.value(key).toMap();
    map.insert(workspace, value);
    settings.setValue(key, map);
}

// Runs a slot's work; an exception becomes a message saying what to do, never a crash.
template <typename Work> void guarded(MainWindow* window, Work&& work) {
    try {
        work();
    } catch (const std::exception& error) {
        window->prompts().message(window, QMessageBox::Critical, QStringLiteral("Fairtender"),
                                  QStringLiteral("That did not work: %1\n\nNothing was "
                                                 "recorded. Try again; if it happens again, "
                                                 "close other programs and reopen the file.")
                                      .arg(QString::fromUtf8(error.what())));
    }
}

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

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), prompts_(std::make_shared<Prompts>(Prompts::dialogs())) {
    setWindowTitle(QStringLiteral("Fairtender"));
    // One dialog for both: a workspace file, or a folder chosen by its tender.xml.
    chooser_ = [](QWidget* owner) {
        QSettings settings;
        const QString file = QFileDialog::getOpenFileName(
            owner, QStringLiteral("Open a workspace or a tender folder's tender.xml"),
            settings.value(kLastDirectoryKey, QDir::homePath()).toString(),
            QStringLiteral("Workspaces and tender folders (*.ftw tender.xml);;Workspaces "
                           "(*.ftw);;Tender folders (tender.xml)"));
        if (!file.isEmpty())
            settings.setValue(kLastDirectoryKey, QFileInfo(file).absolutePath());
        return file;
    };

    stack_ = new QStackedWidget(this);
    start_ = new StartPage(stack_);
    results_ = new ResultsPage(stack_);
    robustness_ = new RobustnessPage(stack_);
    robustness_->setObjectName(QStringLiteral("robustnessPage"));
    undoStack_ = new QUndoStack(this);
    document_ = new TenderDocument(undoStack_, this);
    modelEditor_ = new ModelEditorPage(document_, stack_);
    details_ = new TenderDetailsPage(document_, stack_);
    // Edit > Undo and Redo drive the shared stack for both pages: the page's own shortcuts
    // would make the keys ambiguous.
    modelEditor_->undoAction()->setShortcuts({});
    modelEditor_->redoAction()->setShortcuts({});
    problems_ = new ProblemsPage(stack_);
    progress_ = new ProgressPage(stack_);
    progress_->setObjectName(QStringLiteral("progressPage"));
    start_->setObjectName(QStringLiteral("startPage"));
    results_->setObjectName(QStringLiteral("resultsPage"));
    modelEditor_->setObjectName(QStringLiteral("modelEditorPage"));
    details_->setObjectName(QStringLiteral("tenderDetailsPage"));
    // Both pages are taller than a small window: they scroll rather than set its minimum.
    const auto scrolling = [this](QWidget* page, const QString& name) {
        auto* area = new QScrollArea(stack_);
        area->setObjectName(name);
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        area->setWidget(page);
        return area;
    };
    modelScroll_ = scrolling(modelEditor_, QStringLiteral("modelPage"));
    detailsScroll_ = scrolling(details_, QStringLiteral("tenderPage"));
    problems_->setObjectName(QStringLiteral("problemsPage"));
    bids_ = new BidsPage(stack_);
    bids_->setObjectName(QStringLiteral("bidsPage"));
    panel_ = new PanelPage(stack_);
    panel_->setObjectName(QStringLiteral("panelPage"));
    scoring_ = new ScoringPage(stack_);
    scoring_->setObjectName(QStringLiteral("scoringPage"));
    moderation_ = new ModerationPage(stack_);
    moderation_->setObjectName(QStringLiteral("moderationPage"));
    audit_ = new AuditPage(stack_);
    audit_->setObjectName(QStringLiteral("auditPage"));
    export_ = new ExportPage(prompts_, stack_);
    export_->setObjectName(QStringLiteral("exportPage"));
    for (QWidget* page : std::initializer_list<QWidget*>{
             start_, results_, robustness_, progress_, detailsScroll_, modelScroll_, problems_,
             bids_, panel_, scoring_, moderation_, audit_, export_})
        stack_->addWidget(page);
    verificationBanner_ = new QLabel(this);
    verificationBanner_->setObjectName(QStringLiteral("verificationBannerLabel"));
    verificationBanner_->setWordWrap(true);
    verificationBanner_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    verificationBanner_->setStyleSheet(QStringLiteral(
        "QLabel { background: #c62828; color: white; padding: 6px; font-weight: bold; }"));
    verificationBanner_->hide();
    stage_ = new QLabel(this);
    stage_->setObjectName(QStringLiteral("stageLabel"));
    stage_->setAccessibleName(QStringLiteral("Stage"));
    stage_->setContentsMargins(8, 4, 8, 4);
    stage_->setWordWrap(true);
    navigation_ = new QListWidget(this);
    navigation_->setObjectName(QStringLiteral("navigationListWidget"));
    navigation_->setAccessibleName(QStringLiteral("Screens"));
    navigation_->setSelectionMode(QAbstractItemView::SingleSelection);
    navigation_->setFixedWidth(170);
    navigation_->setFocusPolicy(Qt::NoFocus);
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(verificationBanner_);
    centralLayout->addWidget(stage_);
    auto* body = new QHBoxLayout();
    body->setContentsMargins(0, 0, 0, 0);
    body->addWidget(navigation_);
    body->addWidget(stack_, 1);
    centralLayout->addLayout(body, 1);
    setCentralWidget(central);

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
    connect(start_, &StartPage::newTenderRequested, this,
            [this] { guarded(this, [this] { newTender(); }); });
    newTenderRunner_ = [](QWidget* owner) {
        NewTenderDialog dialog(templatesDirectory(), owner);
        if (dialog.exec() != QDialog::Accepted)
            return QString();
        return QString::fromStdString(dialog.createdFolder().string());
    };
    for (auto changed :
         {&QUndoStack::canUndoChanged, &QUndoStack::canRedoChanged, &QUndoStack::cleanChanged})
        connect(undoStack_, changed, this, [this] { updateEditActions(); });
    connect(undoStack_, &QUndoStack::indexChanged, this, [this] { updateEditActions(); });
    connect(document_, &TenderDocument::frozenChanged, this, [this] { updateEditActions(); });
    connect(start_, &StartPage::openRequested, this, [this](const QString& path) { open(path); });
    connect(start_, &StartPage::createWorkspaceRequested, this,
            [this] { chooseWorkspaceSource(); });
    verifyWatcher_ = new QFutureWatcher<std::shared_ptr<const VerifyReport>>(this);
    connect(verifyWatcher_, &QFutureWatcherBase::finished, this, [this] { finishVerification(); });
    workspaceWatcher_ = new QFutureWatcher<std::shared_ptr<const WorkspaceJobResult>>(this);
    connect(workspaceWatcher_, &QFutureWatcherBase::finished, this,
            [this] { finishWorkspaceJob(); });
    connectWorkspacePages();
    connect(robustness_, &RobustnessPage::criterionRequested, this,
            [this](const QString& bidId, const QString& criterionId) {
                showScreen(Screen::Results);
                results_->showCriterion(bidId, criterionId);
            });

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
    workspaceWatcher_->waitForFinished();
    // A session left open would live on the server until it timed out.
    if (server_)
        client::signOut(*server_->server, server_->session.token);
    verifyWatcher_->waitForFinished();
    if (importCancelled_)
        importCancelled_->store(true);
    importWatcher_->waitForFinished();
    // The document and its undo stack are children, destroyed after this window has
    // stopped being a MainWindow; what they signal then must not reach it.
    disconnect(document_, nullptr, this, nullptr);
    disconnect(undoStack_, nullptr, this, nullptr);
}

void MainWindow::createActions() {
    auto* file = menuBar()->addMenu(QStringLiteral("&File"));
    auto* edit = menuBar()->addMenu(QStringLiteral("&Edit"));
    auto* view = menuBar()->addMenu(QStringLiteral("&View"));
    auto* workspace = menuBar()->addMenu(QStringLiteral("&Workspace"));
    auto* help = menuBar()->addMenu(QStringLiteral("&Help"));
    auto* toolbar = addToolBar(QStringLiteral("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);

    auto* fresh = file->addAction(QStringLiteral("&New tender from a template..."));
    fresh->setObjectName(QStringLiteral("newTenderAction"));
    fresh->setShortcut(QKeySequence::New);
    fresh->setToolTip(QStringLiteral("Start a tender folder from a shipped evaluation model "
                                     "(Ctrl+N)"));
    connect(fresh, &QAction::triggered, this, [this] { guarded(this, [this] { newTender(); }); });

    auto* open = file->addAction(QStringLiteral("&Open tender folder or workspace..."));
    open->setObjectName(QStringLiteral("openAction"));
    open->setShortcut(QKeySequence::Open);
    connect(open, &QAction::triggered, this, [this] { chooseFolder(); });

    connect_ = file->addAction(QStringLiteral("Connect to se&rver..."));
    connect_->setObjectName(QStringLiteral("connectToServerAction"));
    connect_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect_->setToolTip(QStringLiteral("Sign in to a fairtender-server and open one of your "
                                        "tenders there (Ctrl+Shift+O)"));
    connect(connect_, &QAction::triggered, this,
            [this] { guarded(this, [this] { connectToServer(); }); });

    signOut_ = file->addAction(QStringLiteral("Sign o&ut of the server"));
    signOut_->setObjectName(QStringLiteral("signOutAction"));
    connect(signOut_, &QAction::triggered, this, [this] {
        guarded(this, [this] {
            if (!server_ || isBusy() || !confirmLeave(QString()))
                return;
            clearWorkspace();
            tender_.reset();
            showScreen(Screen::Start);
            status_->setText(QStringLiteral("Signed out."));
            updateActions();
        });
    });

    createWorkspace_ = file->addAction(QStringLiteral("&Create workspace from folder..."));
    createWorkspace_->setObjectName(QStringLiteral("createWorkspaceAction"));
    createWorkspace_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(createWorkspace_, &QAction::triggered, this, [this] { chooseWorkspaceSource(); });

    save_ = file->addAction(QStringLiteral("&Save the tender"));
    save_->setObjectName(QStringLiteral("saveAction"));
    save_->setShortcut(QKeySequence::Save);
    connect(save_, &QAction::triggered, this, [this] { guarded(this, [this] { saveTender(); }); });

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

    undo_ = edit->addAction(QStringLiteral("&Undo"));
    undo_->setObjectName(QStringLiteral("undoAction"));
    undo_->setShortcut(QKeySequence::Undo);
    connect(undo_, &QAction::triggered, this, [this] {
        if (!document_->isFrozen())
            undoStack_->undo();
    });
    redo_ = edit->addAction(QStringLiteral("&Redo"));
    redo_->setObjectName(QStringLiteral("redoAction"));
    redo_->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    connect(redo_, &QAction::triggered, this, [this] {
        if (!document_->isFrozen())
            undoStack_->redo();
    });

    const auto screenAction = [this, view](const QString& label, const QString& name, Qt::Key key,
                                           Screen screen,
                                           Qt::KeyboardModifiers also = Qt::NoModifier) {
        auto* action = view->addAction(label);
        action->setObjectName(name);
        action->setShortcut(QKeySequence(QKeyCombination(Qt::ControlModifier | also, key)));
        connect(action, &QAction::triggered, this, [this, screen] { showScreen(screen); });
        return action;
    };
    auto* showStart = screenAction(QStringLiteral("&Start"), QStringLiteral("showStartAction"),
                                   Qt::Key_1, Screen::Start);
    showResults_ = screenAction(QStringLiteral("&Results"), QStringLiteral("showResultsAction"),
                                Qt::Key_2, Screen::Results);
    showRobustness_ =
        screenAction(QStringLiteral("Ro&bustness"), QStringLiteral("showRobustnessAction"),
                     Qt::Key_R, Screen::Robustness, Qt::ShiftModifier);
    showTender_ = screenAction(QStringLiteral("&Tender details"),
                               QStringLiteral("showTenderAction"), Qt::Key_0, Screen::Tender);
    showModel_ = screenAction(QStringLiteral("&Model"), QStringLiteral("showModelAction"),
                              Qt::Key_3, Screen::Model);
    showBids_ = screenAction(QStringLiteral("&Bids"), QStringLiteral("showBidsAction"), Qt::Key_4,
                             Screen::Bids);
    view->addSeparator();
    showPanel_ = screenAction(QStringLiteral("&Panel"), QStringLiteral("showPanelAction"),
                              Qt::Key_5, Screen::Panel);
    showScoring_ = screenAction(QStringLiteral("S&coring"), QStringLiteral("showScoringAction"),
                                Qt::Key_6, Screen::Scoring);
    showModeration_ =
        screenAction(QStringLiteral("M&oderation"), QStringLiteral("showModerationAction"),
                     Qt::Key_7, Screen::Moderation);
    showAudit_ = screenAction(QStringLiteral("&Audit"), QStringLiteral("showAuditAction"),
                              Qt::Key_8, Screen::Audit);
    showExport_ = screenAction(QStringLiteral("E&xport"), QStringLiteral("showExportAction"),
                               Qt::Key_9, Screen::Export);

    advance_ = workspace->addAction(QStringLiteral("&Advance to the next stage..."));
    advance_->setObjectName(QStringLiteral("advanceAction"));
    advance_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(advance_, &QAction::triggered, this, [this] { guarded(this, [this] { advance(); }); });
    workspace->addAction(createWorkspace_);
    workspace->addSeparator();
    for (QAction* action : {showPanel_, showScoring_, showModeration_, showAudit_, showExport_})
        workspace->addAction(action);

    auto* shortcuts = help->addAction(QStringLiteral("&Keyboard shortcuts"));
    shortcuts->setObjectName(QStringLiteral("keyboardShortcutsAction"));
    shortcuts->setShortcut(QKeySequence(Qt::Key_F1));
    connect(shortcuts, &QAction::triggered, this, [this] { showShortcuts(); });

    // One toolbar of actions; the screens are chosen in the sidebar, and the stage is shown
    // above the screen, so everything fits a 1024 x 768 window.
    fresh->setIconText(QStringLiteral("New tender"));
    open->setIconText(QStringLiteral("Open"));
    save_->setIconText(QStringLiteral("Save"));
    reevaluate_->setIconText(QStringLiteral("Evaluate again"));
    advance_->setIconText(QStringLiteral("Advance..."));
    toolbar->addAction(fresh);
    toolbar->addAction(open);
    toolbar->addAction(save_);
    toolbar->addAction(reevaluate_);
    toolbar->addSeparator();
    toolbar->addAction(advance_);
    auto* spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    auto* actingAs = new QLabel(QStringLiteral("&Acting as:"), toolbar);
    actingAs->setObjectName(QStringLiteral("actingAsLabel"));
    actingAs->setContentsMargins(6, 0, 4, 0);
    actorLabel_ = actingAs;
    toolbar->addWidget(actingAs);
    actor_ = new QComboBox(toolbar);
    actor_->setObjectName(QStringLiteral("actingAsComboBox"));
    actor_->setAccessibleName(QStringLiteral("Acting as"));
    actor_->setEditable(true);
    actor_->setInsertPolicy(QComboBox::NoInsert);
    actor_->setMinimumContentsLength(14);
    actor_->setToolTip(QStringLiteral("Who is working: every change is logged with this name. "
                                      "Type a name to start a new panel."));
    actingAs->setBuddy(actor_);
    toolbar->addWidget(actor_);
    connect(actor_, &QComboBox::textActivated, this,
            [this](const QString& name) { guarded(this, [this, name] { setActor(name); }); });
    connect(actor_->lineEdit(), &QLineEdit::editingFinished, this,
            [this] { guarded(this, [this] { setActor(actor_->currentText()); }); });

    // The sidebar: each screen by name, in two groups, following the screen shown.
    const std::pair<QAction*, QWidget*> screens[] = {{showStart, start_},
                                                     {showResults_, results_},
                                                     {showRobustness_, robustness_},
                                                     {showTender_, detailsScroll_},
                                                     {showModel_, modelScroll_},
                                                     {showBids_, bids_},
                                                     {nullptr, nullptr},
                                                     {showPanel_, panel_},
                                                     {showScoring_, scoring_},
                                                     {showModeration_, moderation_},
                                                     {showAudit_, audit_},
                                                     {showExport_, export_}};
    for (const auto& [action, page] : screens) {
        auto* item = new QListWidgetItem(navigation_);
        if (action == nullptr) {
            item->setText(QStringLiteral("Workspace"));
            item->setFlags(Qt::NoItemFlags);
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
            continue;
        }
        item->setText(action->text().remove(QLatin1Char('&')) + QStringLiteral("  ") +
                      action->shortcut().toString(QKeySequence::NativeText));
        navigationItems_.push_back({item, action, page});
    }
    connect(navigation_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        for (const auto& entry : navigationItems_)
            if (entry.item == item && entry.action->isEnabled())
                entry.action->trigger();
        followScreen();
    });
    connect(stack_, &QStackedWidget::currentChanged, this, [this] { followScreen(); });
}

void MainWindow::followScreen() {
    QWidget* shown = stack_->currentWidget();
    const QSignalBlocker blocker(navigation_);
    for (const auto& entry : navigationItems_) {
        const bool enabled = entry.action->isEnabled();
        entry.item->setFlags(enabled ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags);
        entry.item->setToolTip(entry.action->toolTip());
        // Results also stands for the problems and the progress shown in its place.
        const bool current = shown == entry.page ||
                             (entry.page == results_ && (shown == problems_ || shown == progress_));
        entry.item->setSelected(current);
    }
}

void MainWindow::setFolderChooser(std::function<QString(QWidget*)> chooser) {
    chooser_ = std::move(chooser);
}

void MainWindow::setBidFilesChooser(std::function<QStringList(QWidget*)> chooser) {
    bidFilesChooser_ = std::move(chooser);
}

void MainWindow::chooseBidFiles() {
    if (!importBids_->isEnabled())
        return;
    const QStringList files = bidFilesChooser_ ? bidFilesChooser_(this) : QStringList();
    if (!files.isEmpty())
        importBidFiles(files);
}

void MainWindow::importBidFiles(const QStringList& files) {
    if (!workspacePath_.isEmpty())
        return importIntoWorkspace(files);
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
        open(next);
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
    const QString path = chooser_ ? chooser_(this) : QString();
    if (!path.isEmpty())
        open(path);
}

bool MainWindow::isBusy() const {
    return !pending_.isEmpty() || !importFolder_.isEmpty() || workspaceBusy_ ||
           audit_->isVerifying() || export_->isBusy();
}

bool MainWindow::isSettling() const {
    return isBusy() || verifyWatcher_->isRunning() || start_->isDescribingRecent() ||
           robustness_->isWeighing();
}

void MainWindow::open(const QString& path) {
    const QFileInfo info(path);
    if (isWorkspaceFile(path))
        openWorkspace(path);
    else if (info.isFile() && info.fileName() == QStringLiteral("tender.xml"))
        openFolder(info.absolutePath());
    else
        openFolder(path);
}

void MainWindow::openFolder(const QString& folder) {
    if (!confirmLeave(QDir(folder).absolutePath()))
        return;
    if (isBusy()) {
        queued_ = QDir(folder).absolutePath();
        return;
    }
    clearWorkspace();
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
    if (!workspacePath_.isEmpty())
        openWorkspace(workspacePath_);
    else if (!folder_.isEmpty())
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
        open(next);
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
    robustness_->setTender(ok ? tender_ : nullptr);
    problems_->setTender(ok ? nullptr : tender_);
    bids_->setTender(tender_);
    export_->setTender(tender_);
    export_->setWorkspace({}, {});
    loadDocument();
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
    showScreen(std::exchange(showModelAfterLoad_, false) && !documentSource_.isEmpty()
                   ? Screen::Model
                   : Screen::Results);
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
        // A workspace's ranking is not final before the lock: its progress stands instead.
        if (inProgress())
            stack_->setCurrentWidget(progress_);
        else
            stack_->setCurrentWidget(tender_->ok() ? static_cast<QWidget*>(results_)
                                                   : static_cast<QWidget*>(problems_));
        break;
    case Screen::Robustness:
        if (!tender_)
            return;
        stack_->setCurrentWidget(robustness_);
        break;
    case Screen::Model:
        if (documentSource_.isEmpty())
            return;
        stack_->setCurrentWidget(modelScroll_);
        break;
    case Screen::Tender:
        if (documentSource_.isEmpty())
            return;
        stack_->setCurrentWidget(detailsScroll_);
        break;
    case Screen::Bids:
        if (!tender_)
            return;
        stack_->setCurrentWidget(bids_);
        break;
    // The workspace screens open whatever is loaded: each says in place why it is empty.
    case Screen::Panel:
        stack_->setCurrentWidget(panel_);
        break;
    case Screen::Scoring:
        stack_->setCurrentWidget(scoring_);
        break;
    case Screen::Moderation:
        stack_->setCurrentWidget(moderation_);
        break;
    case Screen::Audit:
        stack_->setCurrentWidget(audit_);
        break;
    case Screen::Export:
        stack_->setCurrentWidget(export_);
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
    const bool loaded = !folder_.isEmpty() || !workspacePath_.isEmpty();
    reevaluate_->setEnabled(loaded && !busy);
    reevaluate_->setToolTip(!loaded ? QStringLiteral("Open a tender folder or workspace first")
                            : busy  ? QStringLiteral("An evaluation is running")
                                    : QStringLiteral("Read the folder's files again and "
                                                      "evaluate (F5)"));
    showResults_->setEnabled(tender_ != nullptr);
    showResults_->setToolTip(tender_ ? QStringLiteral("Ranking, chart and explanations (Ctrl+2)")
                                     : QStringLiteral("Open a tender folder first"));
    if (!snapshot_) {
        robustness_->setRecordable(false, QStringLiteral("A tender folder has no audit trail: "
                                                         "store it in a workspace to record "
                                                         "the run"));
    } else if (const auto refused =
                   actionRefusals(WorkspaceAction::RecordSensitivity, snapshot_->panel,
                                  snapshot_->state, snapshot_->actor);
               !refused.empty()) {
        robustness_->setRecordable(false, qtext(refused.front().message));
    } else {
        robustness_->setRecordable(!busy, QStringLiteral("Still working on the last change"));
    }
    showRobustness_->setEnabled(tender_ != nullptr);
    showRobustness_->setToolTip(
        tender_ ? QStringLiteral("How robust the award is: weight and mark flips, first-place "
                                 "odds (Ctrl+Shift+R)")
                : QStringLiteral("Open a tender folder first"));
    showBids_->setEnabled(tender_ != nullptr);
    showBids_->setToolTip(tender_ ? QStringLiteral("The bids in the folder (Ctrl+4)")
                                  : QStringLiteral("Open a tender folder first"));
    QString importWhy;
    if (!workspacePath_.isEmpty()) {
        if (!snapshot_)
            importWhy = QStringLiteral("The workspace could not be read");
        else if (const auto refused = actionRefusals(WorkspaceAction::ImportBids, snapshot_->panel,
                                                     snapshot_->state, snapshot_->actor);
                 refused.empty()) {
        } // the engine's rule allows it
        else if (refused.front().kind == ActionRefusal::Kind::Role)
            importWhy = QStringLiteral("Only the lead imports bids; %1 is not the lead")
                            .arg(actor().isEmpty() ? QStringLiteral("nobody acting") : actor());
        else if (snapshot_->state == LifecycleState::Draft)
            importWhy = QStringLiteral("Bids are imported while the tender is open; it is still a "
                                       "draft: the lead moves it to open first (Workspace > "
                                       "Advance), which freezes the model");
        else
            importWhy = QStringLiteral("Bids are imported while the tender is open; it is %1, so "
                                       "no more bids can be added")
                            .arg(qtext(std::string(toString(snapshot_->state))));
    } else if (folder_.isEmpty()) {
        importWhy = QStringLiteral("Open a tender folder or workspace first");
    }
    if (importWhy.isEmpty() && busy)
        importWhy = QStringLiteral("Wait for the current work to finish");
    importBids_->setEnabled(importWhy.isEmpty());
    importBids_->setToolTip(!importWhy.isEmpty() ? importWhy
                            : workspacePath_.isEmpty()
                                ? QStringLiteral("Check bid files with the folder and add them "
                                                 "to bids/ (Ctrl+I)")
                                : QStringLiteral("Check bid files with the workspace and store "
                                                 "them, all or none (Ctrl+I)"));
    bids_->setImportEnabled(importBids_->isEnabled(), importBids_->toolTip());
    const bool readable = !documentSource_.isEmpty();
    showModel_->setEnabled(readable);
    showModel_->setToolTip(readable ? QStringLiteral("The evaluation model (Ctrl+3)")
                                    : QStringLiteral("Open a tender whose tender.xml reads first"));
    showTender_->setEnabled(readable);
    showTender_->setToolTip(readable ? QStringLiteral("The tender's details (Ctrl+0)")
                                     : QStringLiteral("Open a tender whose tender.xml reads "
                                                      "first"));
    updateEditActions();
    updateWorkspaceActions();
    followScreen();
}

void MainWindow::clearWorkspace() {
    signOutOfServer();
    workspacePath_.clear();
    verificationBanner_->hide();
    export_->setRecordBroken({});
    snapshot_.reset();
    panel_->setSnapshot(nullptr);
    progress_->setSnapshot(nullptr);
    scoring_->setSnapshot(nullptr);
    moderation_->setSnapshot(nullptr);
    audit_->setSnapshot(nullptr);
    export_->setWorkspace({}, {});
    const QSignalBlocker blocker(actor_);
    actor_->clear();
}

QString MainWindow::actor() const {
    return actor_->currentText().trimmed();
}

void MainWindow::openWorkspace(const QString& path) {
    if (server_ && path == workspacePath_)
        return readWorkspaceAgain();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!confirmLeave(absolute))
        return;
    if (isBusy()) {
        queued_ = absolute;
        return;
    }
    if (absolute != workspacePath_) {
        clearWorkspace();
        folder_.clear();
        workspacePath_ = absolute;
        const QSignalBlocker blocker(actor_);
        actor_->setEditText(settingFor(kActingAsKey, absolute).toString());
        showAfterJob_ = true;
        verifyOpenedWorkspace();
    }
    readWorkspaceAgain();
}

void MainWindow::readWorkspaceAgain() {
    if (workspacePath_.isEmpty())
        return;
    status_->setText(QStringLiteral("Reading %1...").arg(QDir::toNativeSeparators(workspacePath_)));
    const TenderSource source = currentSource();
    const std::string who = qtext(actor());
    const bool anonymous = settingFor(kAnonymousKey, workspacePath_).toBool();
    startWorkspaceJob(
        [source, who, anonymous] { return runWorkspaceJob(source, who, anonymous, nullptr); });
}

TenderSource MainWindow::currentSource() const {
    return server_ ? *server_ : TenderSource{std::filesystem::path(qtext(workspacePath_)), {}, {}};
}

bool MainWindow::connectedToServer() const {
    return server_ != nullptr;
}

bool MainWindow::connectToServer() {
    if (isBusy()) {
        status_->setText(QStringLiteral("Still working on the last change; try again in a "
                                        "moment."));
        return false;
    }
    QSettings settings;
    const ServerSignIn offered{
        settings.value(QStringLiteral("server/address")).toString(),
        settings.value(QStringLiteral("server/user"), qEnvironmentVariable("USER")).toString(),
        {}};
    const auto asked = prompts_->signIn(this, offered);
    if (!asked)
        return false;
    std::string why;
    auto where = client::parseServerLocation(qtext(asked->address), why);
    if (!where) {
        say(QStringLiteral("Connect to server"),
            QStringLiteral("%1 is not a server's address: %2. Give it as "
                           "https://host[:port], e.g. https://tenders.example.gov.uk")
                .arg(asked->address, qtext(why)));
        return false;
    }
    if (asked->user.isEmpty() || asked->password.isEmpty()) {
        say(QStringLiteral("Connect to server"),
            QStringLiteral("Give the account and its password to sign in."));
        return false;
    }
    settings.setValue(QStringLiteral("server/address"), asked->address);
    settings.setValue(QStringLiteral("server/user"), asked->user);
    status_->setText(QStringLiteral("Signing in to %1...").arg(qtext(where->origin())));
    // One short round trip each; the server's password check is what takes the time.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    client::SignInResult signedIn =
        client::signIn(*where, qtext(asked->user), qtext(asked->password));
    if (signedIn.secondFactorNeeded) {
        // Asked only once the password is known to be right.
        QApplication::restoreOverrideCursor();
        const auto code = prompts_->text(
            this, QStringLiteral("Second factor"),
            QStringLiteral("The code your authenticator app shows now for %1:").arg(asked->user));
        QApplication::setOverrideCursor(Qt::WaitCursor);
        if (code && !code->trimmed().isEmpty())
            signedIn = client::signIn(*where, qtext(asked->user), qtext(asked->password),
                                      qtext(code->trimmed()));
    }
    Diagnostics problems = signedIn.problems;
    std::optional<std::vector<client::TenderListing>> tenders;
    if (signedIn.session && where->tender.empty())
        tenders = client::listTenders(*where, signedIn.session->token, problems);
    QApplication::restoreOverrideCursor();
    if (!signedIn.session) {
        status_->setText(QStringLiteral("Not signed in."));
        say(QStringLiteral("Connect to server"),
            QStringLiteral("Not signed in to %1: %2")
                .arg(qtext(where->origin()), qtext(describe(problems))));
        return false;
    }
    TenderSource source{{}, where, *signedIn.session};
    // Whatever happens next, a session that opens no tender is ended on the server.
    const auto giveUp = [&](const QString& message) {
        const auto abandoned = *signedIn.session;
        const auto server = *where;
        (void)QtConcurrent::run([server, abandoned] { client::signOut(server, abandoned.token); });
        status_->setText(QStringLiteral("Not connected."));
        if (!message.isEmpty())
            say(QStringLiteral("Connect to server"), message);
        return false;
    };
    if (signedIn.mustChangePassword)
        return giveUp(QStringLiteral("The password of %1 was set by an administrator: choose "
                                     "your own first (fairtender login %2, then PUT "
                                     "/api/v1/accounts/me/password), then connect again.")
                          .arg(asked->user, qtext(where->origin())));
    if (where->tender.empty()) {
        if (!tenders)
            return giveUp(QStringLiteral("The tenders on %1 could not be listed: %2")
                              .arg(qtext(where->origin()), qtext(describe(problems))));
        QStringList items;
        for (const auto& tender : *tenders) {
            QStringList roles;
            for (const auto& role : tender.roles)
                roles << qtext(role);
            items << QStringLiteral("%1: %2 (%3; you are %4)")
                         .arg(qtext(tender.name), qtext(tender.title), qtext(tender.stage),
                              roles.join(QStringLiteral(", ")));
        }
        items << QStringLiteral("Upload a tender folder as a new tender, led by %1...")
                     .arg(asked->user);
        const auto chosen = prompts_->choice(
            this, QStringLiteral("Open a tender"),
            tenders->empty()
                ? QStringLiteral("%1 is on no tender's panel on %2 yet: a lead adds you to one, "
                                 "or upload a tender to lead it.")
                      .arg(asked->user, qtext(where->origin()))
                : QStringLiteral("Your tenders on %1:").arg(qtext(where->origin())),
            items);
        if (!chosen || *chosen < 0 || *chosen > static_cast<int>(tenders->size()))
            return giveUp({});
        if (*chosen < static_cast<int>(tenders->size())) {
            source.server->tender = (*tenders)[static_cast<std::size_t>(*chosen)].name;
        } else {
            const QString folder = prompts_->folder(
                this, QStringLiteral("Tender folder to upload (tender.xml and bids/)"));
            if (folder.isEmpty())
                return giveUp({});
            const auto name = prompts_->text(
                this, QStringLiteral("Upload a tender"),
                QStringLiteral("The tender's name on the server, in its address (lower-case "
                               "letters, digits, '-' and '_'), e.g. school-meals:"));
            if (!name || name->trimmed().isEmpty())
                return giveUp({});
            source.server->tender = qtext(name->trimmed());
            status_->setText(
                QStringLiteral("Uploading %1...").arg(QDir::toNativeSeparators(folder)));
            QApplication::setOverrideCursor(Qt::WaitCursor);
            Diagnostics refused;
            const auto created = client::RemoteTender::create(
                *source.server, source.session, std::filesystem::path(qtext(folder)), refused);
            QApplication::restoreOverrideCursor();
            if (!created)
                return giveUp(QStringLiteral("Not uploaded: %1").arg(qtext(describe(refused))));
        }
    }
    openServerTender(source);
    return true;
}

void MainWindow::openServerTender(const TenderSource& source) {
    const QString shown = qtext(source.shown());
    if (!confirmLeave(shown))
        return;
    clearWorkspace();
    folder_.clear();
    workspacePath_ = shown;
    server_ = std::make_unique<TenderSource>(source);
    {
        const QSignalBlocker blocker(actor_);
        actor_->clear();
        actor_->setEditText(qtext(source.session.user));
    }
    // The server verifies its record before it makes any document from it; this machine
    // holds only what the account may see, so there is nothing here to verify.
    verificationBanner_->hide();
    showAfterJob_ = true;
    updateActions();
    readWorkspaceAgain();
}

void MainWindow::signOutOfServer() {
    if (!server_)
        return;
    const TenderSource ended = *server_;
    server_.reset();
    (void)QtConcurrent::run([ended] { client::signOut(*ended.server, ended.session.token); });
}

bool MainWindow::inProgress() const {
    return snapshot_ && !snapshot_->progress.rankingFinal && snapshot_->tender &&
           snapshot_->tender->evaluation.folder.has_value();
}

void MainWindow::verifyOpenedWorkspace() {
    if (verifyWatcher_->isRunning()) {
        // The earlier verification ends on its own; its result is dropped for another path.
        verifyWatcher_->waitForFinished();
    }
    verifyingPath_ = workspacePath_;
    const std::filesystem::path file(qtext(workspacePath_));
    verifyWatcher_->setFuture(QtConcurrent::run([file]() -> std::shared_ptr<const VerifyReport> {
        try {
            return std::make_shared<const VerifyReport>(verifyWorkspace(file));
        } catch (...) {
            return nullptr;
        }
    }));
}

void MainWindow::finishVerification() {
    const std::shared_ptr<const VerifyReport> report = verifyWatcher_->result();
    if (verifyingPath_ != workspacePath_)
        return;
    QString problem;
    if (!report)
        problem = QStringLiteral("The workspace could not be verified (not enough memory).");
    else if (!report->ok())
        problem = QStringLiteral("This workspace fails verification, so no document is made from "
                                 "it: %1")
                      .arg(qtext(report->problems.front().message));
    verificationBanner_->setText(problem);
    verificationBanner_->setVisible(!problem.isEmpty());
    export_->setRecordBroken(problem);
    emit workspaceVerified(problem);
}

void MainWindow::createWorkspace(const QString& folder, const QString& workspace) {
    if (isBusy() || !confirmLeave(QFileInfo(workspace).absoluteFilePath()))
        return;
    std::string creator = qtext(actor());
    if (creator.empty())
        creator = qtext(qEnvironmentVariable("USER", QStringLiteral("unknown")));
    const QString target = QFileInfo(workspace).absoluteFilePath();
    clearWorkspace();
    folder_.clear();
    workspacePath_ = target;
    showAfterJob_ = true;
    {
        const QSignalBlocker blocker(actor_);
        actor_->setEditText(qtext(creator));
    }
    setSettingFor(kActingAsKey, target, qtext(creator));
    status_->setText(QStringLiteral("Creating %1 from %2...")
                         .arg(QDir::toNativeSeparators(target), QDir::toNativeSeparators(folder)));
    const std::filesystem::path source(qtext(QDir(folder).absolutePath()));
    const std::filesystem::path file(qtext(target));
    startWorkspaceJob([source, file, creator]() -> std::shared_ptr<const WorkspaceJobResult> {
        const Diagnostics problems = desktop::createWorkspace(source, file, creator);
        if (!problems.empty()) {
            try {
                auto job = std::make_shared<WorkspaceJobResult>();
                job->commanded = true;
                job->outcome.problems = problems;
                auto snapshot = std::make_shared<WorkspaceSnapshot>();
                snapshot->path = file;
                snapshot->problems = problems;
                job->snapshot = snapshot;
                return job;
            } catch (...) {
                return nullptr;
            }
        }
        return runWorkspaceJob(TenderSource{file, {}, {}}, creator, false, nullptr);
    });
}

void MainWindow::chooseWorkspaceSource() {
    guarded(this, [this] {
        if (isBusy())
            return;
        QString folder = folder_;
        if (folder.isEmpty())
            folder = prompts_->folder(this, QStringLiteral("Tender folder to create the "
                                                           "workspace from"));
        if (folder.isEmpty())
            return;
        const QString suggested = QDir(folder).absolutePath() + QStringLiteral(".ftw");
        QString file = prompts_->saveFile(this, QStringLiteral("Create workspace"), suggested,
                                          QStringLiteral("Workspaces (*.ftw)"));
        if (file.isEmpty())
            return;
        if (!isWorkspaceFile(file))
            file += QStringLiteral(".ftw");
        createWorkspace(folder, file);
    });
}

void MainWindow::setActor(const QString& name) {
    const QString trimmed = name.trimmed();
    // On a server the person is the account signed in: no name typed changes that.
    if (server_ || workspacePath_.isEmpty() || (snapshot_ && qtext(snapshot_->actor) == trimmed))
        return;
    {
        const QSignalBlocker blocker(actor_);
        actor_->setEditText(trimmed);
    }
    setSettingFor(kActingAsKey, workspacePath_, trimmed);
    openWorkspace(workspacePath_);
}

void MainWindow::startWorkspaceJob(std::function<std::shared_ptr<const WorkspaceJobResult>()> job) {
    workspaceBusy_ = true;
    busy_->show();
    updateActions();
    workspaceWatcher_->setFuture(QtConcurrent::run(std::move(job)));
}

void MainWindow::runCommand(
    std::function<CommandOutcome(TenderAccess&, const ReferenceTables&)> command) {
    if (workspacePath_.isEmpty())
        return;
    if (isBusy()) {
        status_->setText(QStringLiteral("Still working on the last change; try again in a "
                                        "moment."));
        return;
    }
    const TenderSource source = currentSource();
    const std::string who = qtext(actor());
    const bool anonymous = settingFor(kAnonymousKey, workspacePath_).toBool();
    status_->setText(QStringLiteral("Recording..."));
    startWorkspaceJob([source, who, anonymous, command = std::move(command)] {
        return runWorkspaceJob(source, who, anonymous, command);
    });
}

void MainWindow::finishWorkspaceJob() {
    workspaceBusy_ = false;
    busy_->hide();
    const std::shared_ptr<const WorkspaceJobResult> job = workspaceWatcher_->result();
    const bool saving = std::exchange(savingTender_, false);
    const bool importing = workspaceImport_ != nullptr;
    if (workspaceImport_) {
        workspaceImport_->hide();
        workspaceImport_->deleteLater();
        workspaceImport_ = nullptr;
    }
    bool accepted = true;
    if (!job) {
        status_->setText(QStringLiteral("Not enough memory to read the workspace; close other "
                                        "programs and press F5."));
        accepted = false;
    } else {
        if (job->commanded) {
            accepted = job->outcome.ok();
            if (accepted) {
                status_->setText(qtext(job->outcome.summary));
            } else {
                const QString why = qtext(describe(job->outcome.problems));
                status_->setText(
                    QStringLiteral("Refused: %1").arg(why.section(QLatin1Char('\n'), 0, 0)));
                if (importing) {
                    status_->setText(QStringLiteral("The bid files have problems; nothing was "
                                                    "imported."));
                    bids_->showImportProblems(job->outcome.problems, workspaceImportFiles_);
                } else {
                    say(saving ? QStringLiteral("Not saved") : QStringLiteral("Not recorded"), why);
                }
            }
            if (saving && accepted)
                undoStack_->setClean();
        }
        const QString shown = qtext(job->snapshot->path.string());
        if ((job->snapshot->remote ? shown : QFileInfo(shown).absoluteFilePath()) == workspacePath_)
            showWorkspace(job->snapshot);
    }
    updateActions();
    if (!queued_.isEmpty()) {
        const QString next = queued_;
        queued_.clear();
        open(next);
    }
    if (importing)
        emit importFinished(accepted);
    emit workspaceShown(accepted);
}

void MainWindow::showWorkspace(std::shared_ptr<const WorkspaceSnapshot> snapshot) {
    snapshot_ = snapshot->ok() ? snapshot : nullptr;
    if (!snapshot->ok()) {
        auto failed = std::make_shared<LoadedTender>();
        failed->folder = snapshot->path;
        failed->diagnostics = snapshot->problems;
        tender_ = failed;
        if (!snapshot->problems.empty())
            status_->setText(QStringLiteral("%1 could not be opened: see the problems.")
                                 .arg(QDir::toNativeSeparators(workspacePath_)));
    } else {
        tender_ = snapshot->tender;
        if (server_) {
            setWindowTitle(
                QStringLiteral("%1 on %2 - Fairtender")
                    .arg(qtext(server_->server->tender), qtext(server_->server->origin())));
        } else {
            rememberRecent(workspacePath_);
            setWindowTitle(
                QStringLiteral("%1 - Fairtender").arg(QFileInfo(workspacePath_).fileName()));
        }
        if (status_->text().startsWith(QStringLiteral("Reading")) ||
            status_->text().startsWith(QStringLiteral("Creating")))
            status_->setText(QStringLiteral("%1: %2, stage %3, %4 audit entries.")
                                 .arg(QDir::toNativeSeparators(workspacePath_),
                                      qtext(snapshot->status.tenderTitle),
                                      qtext(std::string(toString(snapshot->state))))
                                 .arg(snapshot->status.auditEntries));
    }
    const bool ok = tender_->ok();
    results_->setTender(ok ? tender_ : nullptr);
    // How robust the award is, once the results are given (as the command line says it).
    if (snapshot_ && snapshot_->state != LifecycleState::Locked &&
        snapshot_->state != LifecycleState::Awarded)
        robustness_->showUnavailable(
            QStringLiteral("How robust the award is shows once the results are locked; the "
                           "tender is at the %1 stage.")
                .arg(qtext(std::string(toString(snapshot_->state)))));
    else if (server_)
        // The desktop holds only what the server sent, not the bids and scores to weigh.
        robustness_->showUnavailable(
            QStringLiteral("For a tender on a server, the scorecard's Sensitivity sheet (Export) "
                           "and the award report say how robust the award is; `fairtender "
                           "sensitivity URL --record` records a run there."));
    else
        robustness_->setTender(ok ? tender_ : nullptr);
    problems_->setTender(ok ? nullptr : tender_);
    bids_->setTender(tender_);
    export_->setTender(tender_);
    // Price-blind evaluation: the results, the bids' prices and the scorecard quote prices.
    if (snapshot_ && !seesPrices(*snapshot_)) {
        const QString why =
            snapshot_->panel.isMember(snapshot_->actor)
                ? QStringLiteral("%1 sees no prices or results until the results are locked "
                                 "(price-blind evaluation); the lead and auditors see them now.")
                      .arg(actor())
            : server_
                ? QStringLiteral("%1 is not on the panel of this tender: its lead adds you.")
                      .arg(actor())
                : QStringLiteral("Choose a panel member under \"Acting as\": prices and results "
                                 "are shown to the lead and auditors, and to the whole panel "
                                 "once the results are locked.");
        results_->showUnavailable(why);
        robustness_->showUnavailable(why);
        bids_->showUnavailable(why);
        export_->setTender(nullptr, why);
    }
    export_->setWorkspace(snapshot_ && !server_ ? workspacePath_ : QString(),
                          snapshot_ ? qtext(snapshot_->reportsUnavailable) : QString());
    if (snapshot_ && server_) {
        // The bid files and the documents stay on the server, which makes each document
        // from its verified record.
        if (seesPrices(*snapshot_))
            bids_->showUnavailable(
                QStringLiteral("The bid files of a tender on a server stay there: the Scoring "
                               "screen (Ctrl+6) lists each bid as you may see it, and Results "
                               "its ranking."));
        // The engine's rule says who may have them; the server would refuse the others.
        const auto refused = viewRefusals(WorkspaceView::Documents, snapshot_->panel,
                                          snapshot_->state, snapshot_->actor);
        export_->setTender(nullptr);
        // Every document holds the results: none is offered while they cannot be computed.
        const QString unavailable =
            !refused.empty() ? qtext(refused.front().message)
            : tender_ && tender_->ok()
                ? QString()
                : QStringLiteral("The tender has problems or scores missing, so there are no "
                                 "results to export: see Results.");
        export_->setServer(std::make_shared<const TenderSource>(*server_), unavailable,
                           qtext(snapshot_->reportsUnavailable));
    } else {
        export_->setServer(nullptr, {}, {});
    }
    panel_->setSnapshot(snapshot_);
    progress_->setSnapshot(snapshot_);
    scoring_->setSnapshot(snapshot_);
    moderation_->setSnapshot(snapshot_);
    audit_->setSnapshot(snapshot_);
    if (snapshot_) {
        const QSignalBlocker blocker(actor_);
        const QString current = actor();
        actor_->clear();
        QStringList names;
        for (const auto& member : snapshot_->panel.members)
            if (!names.contains(qtext(member.name)))
                names << qtext(member.name);
        actor_->addItems(names);
        actor_->setEditText(current);
    }
    loadDocument();
    if (showAfterJob_) {
        showAfterJob_ = false;
        if (snapshot_ && (tender_->ok() || inProgress()))
            showScreen(Screen::Results);
        else if (snapshot_)
            showScreen(Screen::Panel);
        else
            stack_->setCurrentWidget(problems_);
    }
}

void MainWindow::connectWorkspacePages() {
    connect(panel_, &PanelPage::addMemberRequested, this,
            [this](const QString& name, const QString& roleName) {
                guarded(this, [&] {
                    const auto role = parsePanelRole(qtext(roleName));
                    if (actor().isEmpty())
                        return say(QStringLiteral("Panel"),
                                   QStringLiteral("Type your name under \"Acting as\" first: "
                                                  "every change is logged with it."));
                    if (name.isEmpty() || !role)
                        return say(QStringLiteral("Panel"),
                                   QStringLiteral("Give the new member's name and role."));
                    runCommand([member = qtext(name), role = *role](TenderAccess& tender,
                                                                    const ReferenceTables&) {
                        return tender.addPanelMember(member, role);
                    });
                });
            });
    connect(panel_, &PanelPage::declareRequested, this,
            [this](const QString& bid, const QString& details) {
                guarded(this, [&] {
                    const std::string who = qtext(actor());
                    std::vector<ConflictDeclaration> conflicts;
                    if (!bid.isEmpty())
                        conflicts.push_back({who, qtext(bid), qtext(details.trimmed())});
                    runCommand([conflicts](TenderAccess& tender, const ReferenceTables&) {
                        return tender.declareInterests(conflicts);
                    });
                });
            });
    connect(scoring_, &ScoringPage::scoreRequested, this,
            [this](const QString& bid, const QString& criterion, const QString& value,
                   const QString& reason) {
                guarded(this, [&] {
                    const auto parsed = parseDecimal(qtext(value));
                    if (!parsed)
                        return say(QStringLiteral("Score"),
                                   QStringLiteral("Write the score as a number on the "
                                                  "criterion's scale, e.g. 3."));
                    runCommand([score =
                                    ScoreSubmission{
                                        qtext(bid), qtext(criterion), *parsed, qtext(reason), {}}](
                                   TenderAccess& tender, const ReferenceTables&) {
                        return tender.submitScores({score});
                    });
                });
            });
    connect(scoring_, &ScoringPage::reopenRequested, this,
            [this](const QString& bid, const QString& criterion, const QString& evaluator,
                   const QString& reason) {
                guarded(this, [&] {
                    runCommand([bid = qtext(bid), criterion = qtext(criterion),
                                evaluator = qtext(evaluator), reason = qtext(reason)](
                                   TenderAccess& tender, const ReferenceTables&) {
                        return tender.reopenScore(bid, criterion, evaluator, reason);
                    });
                });
            });
    connect(scoring_, &ScoringPage::exportSheetRequested, this, [this] {
        guarded(this, [&] {
            if (!snapshot_)
                return;
            // Beside the workspace, or for a server's tender in the home folder, named after it.
            const QFileInfo workspace(workspacePath_);
            const QString base =
                server_ ? QDir::home().filePath(qtext(server_->server->tender))
                        : workspace.absoluteDir().filePath(workspace.completeBaseName());
            const QString suggested = QStringLiteral("%1-%2-scores.xlsx")
                                          .arg(base, actor().section(QLatin1Char(' '), 0, 0));
            const QString file =
                prompts_->saveFile(this, QStringLiteral("Export my score sheet"), suggested,
                                   QStringLiteral("Excel workbooks (*.xlsx)"));
            if (file.isEmpty())
                return;
            const ScoreSheetWritten written = writeScoreSheetOf(currentSource(), qtext(actor()),
                                                                snapshot_->anonymous, qtext(file));
            if (!written.ok())
                return say(QStringLiteral("Score sheet"), qtext(describe(written.problems)));
            status_->setText(QStringLiteral("Wrote %1: %2 rows, %3 to score")
                                 .arg(QDir::toNativeSeparators(file))
                                 .arg(written.rows)
                                 .arg(written.open));
        });
    });
    connect(scoring_, &ScoringPage::importSheetRequested, this, [this] {
        guarded(this, [&] {
            const QString file = prompts_->openFile(this, QStringLiteral("Import score sheet"),
                                                    QFileInfo(workspacePath_).absolutePath(),
                                                    QStringLiteral("Excel workbooks (*.xlsx)"));
            if (file.isEmpty())
                return;
            runCommand([sheet = qtext(file)](TenderAccess& tender, const ReferenceTables& tables) {
                return submitScoreSheet(tender, tables, sheet);
            });
        });
    });
    connect(scoring_, &ScoringPage::anonymousChanged, this, [this](bool anonymous) {
        guarded(this, [&] {
            if (workspacePath_.isEmpty())
                return;
            setSettingFor(kAnonymousKey, workspacePath_, anonymous);
            openWorkspace(workspacePath_);
        });
    });
    connect(moderation_, &ModerationPage::consensusRequested, this,
            [this](const QString& bid, const QString& criterion, const QString& value,
                   const QString& reason, const QString& changeReason) {
                guarded(this, [&] {
                    const auto parsed = parseDecimal(qtext(value));
                    if (!parsed)
                        return say(QStringLiteral("Consensus"),
                                   QStringLiteral("Write the consensus as a number on the "
                                                  "criterion's scale, e.g. 3."));
                    runCommand([bid = qtext(bid), criterion = qtext(criterion), score = *parsed,
                                reason = qtext(reason), change = qtext(changeReason)](
                                   TenderAccess& tender, const ReferenceTables&) {
                        return tender.setConsensus(bid, criterion, score, reason, change);
                    });
                });
            });
    connect(moderation_, &ModerationPage::abnormallyLowRequested, this,
            [this](const QString& bid, bool accept, const QString& reason) {
                guarded(this, [&] {
                    runCommand([bid = qtext(bid), accept, reason = qtext(reason)](
                                   TenderAccess& tender, const ReferenceTables&) {
                        return tender.decideAbnormallyLow(bid, accept, reason);
                    });
                });
            });
    connect(robustness_, &RobustnessPage::recordRequested, this,
            [this](const OddsSettings& odds, bool clearWinner) {
                guarded(this, [&] {
                    const auto reason = prompts_->text(
                        this, QStringLiteral("Record how robust the award is"),
                        clearWinner ? QStringLiteral("A note for the record (optional):")
                                    : QStringLiteral("No clear winner: why does the award "
                                                     "stand?"));
                    if (!reason)
                        return;
                    runCommand([odds, reason = qtext(reason->trimmed())](TenderAccess& tender,
                                                                         const ReferenceTables&) {
                        return tender.recordSensitivity(odds, reason);
                    });
                });
            });
    connect(audit_, &AuditPage::verified, this, [this] { updateActions(); });
    connect(export_, &ExportPage::exported, this, [this] { updateActions(); });
}

void MainWindow::advance() {
    if (!snapshot_ || !snapshot_->next || !advance_->isEnabled())
        return;
    const LifecycleState to = *snapshot_->next;
    const QString stage = qtext(std::string(toString(to)));
    // Opening freezes the model: edits not saved by then could never be.
    if (to == LifecycleState::Open && hasUnsavedEdits()) {
        const auto answer = prompts_->question(
            this, QStringLiteral("Unsaved changes"),
            QStringLiteral("Opening the tender freezes the model, and its changes are not "
                           "saved. Discard them and open the tender? (Cancel, then Save with "
                           "Ctrl+S, to keep them.)"),
            QMessageBox::Discard | QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
        undoStack_->clear();
        documentSource_.clear();
    }
    const auto reason =
        prompts_->text(this, QStringLiteral("Advance to %1").arg(stage),
                       QStringLiteral("Why does the tender move on to %1?").arg(stage));
    if (!reason)
        return;
    std::optional<Date> notice;
    if (to == LifecycleState::Awarded) {
        const auto day = prompts_->date(
            this, QStringLiteral("Award"),
            QStringLiteral("The day of the award notice (YYYY-MM-DD); the standstill period "
                           "is counted from it:"),
            QDate::currentDate().toString(Qt::ISODate));
        if (!day)
            return;
        notice = Date::parse(qtext(*day));
        if (!notice)
            return say(QStringLiteral("Award"),
                       QStringLiteral("Write the day of the award notice as YYYY-MM-DD, e.g. "
                                      "%1.")
                           .arg(QDate::currentDate().toString(Qt::ISODate)));
    }
    runCommand([to, reason = qtext(reason->trimmed()), notice](TenderAccess& tender,
                                                               const ReferenceTables&) {
        return tender.advance(to, reason, notice);
    });
}

void MainWindow::updateWorkspaceActions() {
    const bool open = snapshot_ != nullptr;
    const bool busy = isBusy();
    createWorkspace_->setEnabled(!busy);
    createWorkspace_->setToolTip(QStringLiteral("Store a tender folder in a new workspace "
                                                "(*.ftw) for the panel's work (Ctrl+Shift+N)"));
    QString stage;
    QString why;
    QString label = QStringLiteral("&Advance to the next stage...");
    if (!open) {
        // A folder has no lifecycle: it is evaluated as it stands, for trying out a model.
        stage = folder_.isEmpty() ? QStringLiteral("No tender open")
                                  : QStringLiteral("Tender folder: no panel or stages until it "
                                                   "is stored in a workspace (Ctrl+Shift+N)");
        why = QStringLiteral("Open a workspace (*.ftw) first");
    } else {
        stage = QStringLiteral("Stage: %1").arg(qtext(std::string(toString(snapshot_->state))));
        if (snapshot_->award)
            stage += QStringLiteral(" to %1; standstill ends %2")
                         .arg(qtext(snapshot_->labelOf(snapshot_->award->bidId)),
                              qtext(snapshot_->award->standstillEnd));
        if (!snapshot_->next) {
            why = QStringLiteral("The tender is awarded: there is no later stage");
        } else {
            const QString next = qtext(std::string(toString(*snapshot_->next)));
            label = QStringLiteral("&Advance to %1...").arg(next);
            if (!mayTake(WorkspaceAction::Advance, snapshot_->panel, snapshot_->state,
                         snapshot_->actor))
                why = QStringLiteral("Only the lead moves the tender on; %1 is not the lead")
                          .arg(actor().isEmpty() ? QStringLiteral("nobody acting") : actor());
            else if (!snapshot_->nextBlockers.empty()) {
                QStringList lines;
                for (const auto& blocker : snapshot_->nextBlockers)
                    lines << qtext(blocker);
                why = QStringLiteral("Cannot move to %1:\n%2")
                          .arg(next, lines.join(QLatin1Char('\n')));
            } else if (busy)
                why = QStringLiteral("Wait for the current change to finish");
        }
    }
    stage_->setText(stage);
    advance_->setText(label);
    advance_->setEnabled(open && why.isEmpty() && !busy);
    advance_->setToolTip(
        why.isEmpty()
            ? QStringLiteral("%1 (Ctrl+Shift+A)").arg(QString(label).remove(QLatin1Char('&')))
            : why);
    const auto tip = [open](QAction* action, const QString& what) {
        action->setToolTip(open ? what : what + QStringLiteral(": open a workspace first"));
    };
    tip(showPanel_, QStringLiteral("Panel members and declarations (Ctrl+5)"));
    tip(showScoring_, QStringLiteral("Score the bids (Ctrl+6)"));
    tip(showModeration_, QStringLiteral("Agree consensus scores (Ctrl+7)"));
    tip(showAudit_, QStringLiteral("The audit log and Verify (Ctrl+8)"));
    showExport_->setToolTip(QStringLiteral("Export documents (Ctrl+9)"));
    // On a server the person is the account signed in, and nobody else.
    actor_->setEnabled(!workspacePath_.isEmpty() && !server_);
    actorLabel_->setText(server_ ? QStringLiteral("Signed in as:") : QStringLiteral("&Acting as:"));
    actor_->setAccessibleName(server_ ? QStringLiteral("Signed in as")
                                      : QStringLiteral("Acting as"));
    actor_->setToolTip(server_
                           ? QStringLiteral("The account signed in to %1: every change is "
                                            "recorded as it. File > Sign out to end the session.")
                                 .arg(qtext(server_->server->origin()))
                           : QStringLiteral("Who is working: every change is logged with this "
                                            "name. Type a name to start a new panel."));
    connect_->setEnabled(!busy);
    signOut_->setEnabled(server_ != nullptr && !busy);
    signOut_->setToolTip(server_ ? QStringLiteral("End the session on %1 and close its tender")
                                       .arg(qtext(server_->server->origin()))
                                 : QStringLiteral("Not connected to a server"));
}

void MainWindow::showShortcuts() {
    auto* dialog = findChild<QDialog*>(QStringLiteral("shortcutsDialog"));
    if (!dialog) {
        dialog = new QDialog(this);
        dialog->setObjectName(QStringLiteral("shortcutsDialog"));
        dialog->setWindowTitle(QStringLiteral("Keyboard shortcuts"));
        QString rows;
        for (QAction* action : findChildren<QAction*>())
            if (!action->shortcut().isEmpty() && !action->objectName().isEmpty())
                rows +=
                    QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                        .arg(action->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(),
                             QString(action->text()).remove(QLatin1Char('&')).toHtmlEscaped());
        rows += QStringLiteral("<tr><td>Ctrl+F</td><td>Filter bids (Results)</td></tr>"
                               "<tr><td>Ctrl+R</td><td>Weigh the award again "
                               "(Robustness)</td></tr>"
                               "<tr><td>Esc</td><td>Cancel the weighing (Robustness)</td></tr>"
                               "<tr><td>Ctrl+Enter</td><td>Submit the score (Scoring)</td></tr>"
                               "<tr><td>Ctrl+Shift+V</td><td>Verify the audit log "
                               "(Audit)</td></tr>");
        auto* label =
            new QLabel(QStringLiteral("<table cellpadding=3>%1</table>").arg(rows), dialog);
        label->setObjectName(QStringLiteral("shortcutsLabel"));
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::hide);
        auto* layout = new QVBoxLayout(dialog);
        layout->addWidget(label);
        layout->addWidget(buttons);
    }
    dialog->show();
    dialog->raise();
}

void MainWindow::setNewTenderRunner(std::function<QString(QWidget*)> runner) {
    newTenderRunner_ = std::move(runner);
}

void MainWindow::newTender() {
    if (isBusy() || !confirmLeave(QString()))
        return;
    const QString folder = newTenderRunner_ ? newTenderRunner_(this) : QString();
    if (folder.isEmpty())
        return;
    showModelAfterLoad_ = true;
    openFolder(folder);
}

bool MainWindow::hasUnsavedEdits() const {
    return !documentSource_.isEmpty() && !undoStack_->isClean();
}

bool MainWindow::saveTender() {
    if (documentSource_.isEmpty() || document_->isFrozen() || isBusy())
        return false;
    if (!document_->validationErrors().empty()) {
        say(QStringLiteral("Not saved"),
            QStringLiteral("The model has errors; correct them first:\n%1")
                .arg(qtext(describe(document_->validationErrors()))));
        return false;
    }
    if (workspacePath_.isEmpty()) {
        const QString problem = modelEditor_->saveToFolder(qtext(documentSource_));
        if (!problem.isEmpty()) {
            say(QStringLiteral("Not saved"), problem);
            return false;
        }
        undoStack_->setClean();
        openFolder(documentSource_);
        status_->setText(QStringLiteral("Saved %1; evaluating again...")
                             .arg(QDir::toNativeSeparators(
                                 QDir(documentSource_).filePath(QStringLiteral("tender.xml")))));
        return true;
    }
    const auto reason =
        prompts_->text(this, QStringLiteral("Save the tender"),
                       QStringLiteral("Why is the tender changed? The reason is kept in the "
                                      "audit log with the change."));
    if (!reason)
        return false;
    if (reason->trimmed().isEmpty()) {
        say(QStringLiteral("Not saved"),
            QStringLiteral("Say why the tender is changed: the audit log keeps the reason."));
        return false;
    }
    savingTender_ = true;
    runCommand(onWorkspaceHere(
        "Changing the model",
        "the model is the one uploaded with the tender: its lead uploads a corrected one as a "
        "new tender while still in draft",
        [who = qtext(actor()), xml = document_->currentTenderXml(),
         why = qtext(reason->trimmed())](Workspace& ws, const ReferenceTables& tables) {
            return ws.replaceTender(who, xml, why, tables.ratesOrNull());
        }));
    if (!workspaceBusy_) {
        savingTender_ = false;
        return false;
    }
    return true;
}

void MainWindow::loadDocument() {
    const QString source = workspacePath_.isEmpty() ? folder_ : workspacePath_;
    const Tender* tender =
        tender_ && tender_->evaluation.folder && (snapshot_ || workspacePath_.isEmpty())
            ? &tender_->evaluation.folder->tender
            : nullptr;
    // Unsaved edits survive reading the same tender again (F5, a workspace command).
    if (tender && (source != documentSource_ || undoStack_->isClean())) {
        document_->setTender(*tender);
        documentSource_ = source;
    } else if (!tender && source != documentSource_) {
        documentSource_.clear();
        undoStack_->clear();
    }
    QString frozen;
    if (!workspacePath_.isEmpty()) {
        if (!snapshot_)
            frozen = QStringLiteral("The workspace could not be read: nothing can be edited.");
        else if (!snapshot_->modelFrozen.empty())
            frozen = qtext(snapshot_->modelFrozen);
        else if (!snapshot_->panel.withRole(PanelRole::Lead).empty() &&
                 !snapshot_->panel.hasRole(snapshot_->actor, PanelRole::Lead))
            frozen = QStringLiteral("Only the lead edits the model; %1 is not the lead.")
                         .arg(actor().isEmpty() ? QStringLiteral("nobody acting") : actor());
    }
    modelEditor_->setFrozen(!frozen.isEmpty(), frozen);
    details_->setFrozen(!frozen.isEmpty(), frozen);
    updateEditActions();
}

void MainWindow::updateEditActions() {
    if (!undo_)
        return; // still building the window
    const bool editable = !documentSource_.isEmpty() && !document_->isFrozen();
    const auto describeStep = [this, editable](QAction* action, bool can, const QString& verb,
                                               const QString& what) {
        action->setEnabled(editable && can);
        action->setToolTip(!documentSource_.isEmpty() && document_->isFrozen()
                               ? document_->frozenReason()
                           : what.isEmpty() ? verb
                                            : QStringLiteral("%1 %2").arg(verb, what));
    };
    describeStep(undo_, undoStack_->canUndo(), QStringLiteral("Undo"), undoStack_->undoText());
    describeStep(redo_, undoStack_->canRedo(), QStringLiteral("Redo"), undoStack_->redoText());
    QString why;
    if (documentSource_.isEmpty())
        why = QStringLiteral("Open or create a tender first");
    else if (document_->isFrozen())
        why = document_->frozenReason();
    else if (undoStack_->isClean())
        why = QStringLiteral("Nothing to save: no edits since the tender was read");
    else if (isBusy())
        why = QStringLiteral("Wait for the current work to finish");
    save_->setEnabled(why.isEmpty());
    save_->setToolTip(why.isEmpty() ? workspacePath_.isEmpty()
                                          ? QStringLiteral("Write tender.xml and evaluate again "
                                                           "(Ctrl+S)")
                                          : QStringLiteral("Replace the workspace's tender, with "
                                                           "a reason for the audit log (Ctrl+S)")
                                    : why);
}

bool MainWindow::confirmLeave(const QString& target) {
    if (!hasUnsavedEdits() || (!target.isEmpty() && target == documentSource_))
        return true;
    const bool folder = workspacePath_.isEmpty();
    QMessageBox::StandardButtons buttons = QMessageBox::Discard | QMessageBox::Cancel;
    if (folder && document_->validationErrors().empty())
        buttons |= QMessageBox::Save;
    const auto answer = prompts_->question(
        this, QStringLiteral("Unsaved changes"),
        QStringLiteral("The changes to the tender in %1 are not saved. Save them first, or "
                       "discard them?")
            .arg(QDir::toNativeSeparators(documentSource_)),
        buttons);
    if (answer == QMessageBox::Save)
        return saveTender() && !hasUnsavedEdits();
    if (answer != QMessageBox::Discard)
        return false;
    undoStack_->clear();
    documentSource_.clear();
    updateActions();
    return true;
}

void MainWindow::importIntoWorkspace(const QStringList& files) {
    if (files.isEmpty() || !importBids_->isEnabled())
        return;
    std::vector<std::filesystem::path> paths;
    for (const QString& file : files)
        paths.emplace_back(qtext(file));
    workspaceImportFiles_ = static_cast<int>(files.size());
    workspaceImport_ = new QProgressDialog(
        QStringLiteral("Checking %1 bid %2 with the workspace...")
            .arg(files.size())
            .arg(files.size() == 1 ? QStringLiteral("file") : QStringLiteral("files")),
        QString(), 0, static_cast<int>(files.size()), this);
    workspaceImport_->setObjectName(QStringLiteral("importProgressDialog"));
    workspaceImport_->setWindowTitle(QStringLiteral("Import bid files"));
    workspaceImport_->setMinimumDuration(0);
    workspaceImport_->setAutoClose(false);
    workspaceImport_->setAutoReset(false);
    workspaceImport_->setValue(0);
    // The window deletes the dialog only after the job has returned, so the worker's
    // pointer stays valid while it reports.
    QProgressDialog* dialog = workspaceImport_;
    runCommand([paths, dialog](TenderAccess& tender, const ReferenceTables&) {
        return tender.importBids(paths, [dialog](std::size_t checked, std::size_t total) {
            QMetaObject::invokeMethod(
                dialog,
                [dialog, checked, total] {
                    dialog->setMaximum(static_cast<int>(total));
                    dialog->setValue(static_cast<int>(checked));
                },
                Qt::QueuedConnection);
        });
    });
    if (!workspaceBusy_) {
        workspaceImport_->deleteLater();
        workspaceImport_ = nullptr;
    } else {
        status_->setText(QStringLiteral("Importing bid files into %1...")
                             .arg(QDir::toNativeSeparators(workspacePath_)));
    }
}

void MainWindow::say(const QString& title, const QString& message, bool warning) {
    prompts_->message(this, warning ? QMessageBox::Warning : QMessageBox::Information, title,
                      message);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    bool leave = true;
    guarded(this, [&] { leave = confirmLeave(QString()); });
    if (!leave)
        return event->ignore();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

} // namespace fairtender::desktop
