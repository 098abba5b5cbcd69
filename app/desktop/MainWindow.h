// MainWindow: the desktop app's window: the Start, Results (or Problems), Tender, Model and
// Bids screens for a tender folder or a workspace (the model and the tender's details edited
// on one document with Edit > Undo/Redo and File > Save), and for a workspace the Panel, Scoring,
// Moderation, Audit and Export screens with the lifecycle toolbar and the person acting;
// the actions and shortcuts that move between them; every evaluation and workspace read or
// command off the GUI thread with a busy indicator; the all-or-nothing import of bid files.
#pragma once

#include <QFutureWatcher>
#include <QMainWindow>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QProgressBar;
class QProgressDialog;
class QStackedWidget;
class QUndoStack;

namespace fairtender {
class TenderAccess;
class Workspace;
struct CommandOutcome;
struct VerifyReport;
} // namespace fairtender

namespace fairtender::desktop {

struct BidImportCheck;
struct ReferenceTables;
struct LoadedTender;
struct Prompts;
struct TenderSource;
struct WorkspaceJobResult;
struct WorkspaceSnapshot;

class AuditPage;
class BidsPage;
class ExportPage;
class ModerationPage;
class PanelPage;
class ProgressPage;
class ScoringPage;
class ModelEditorPage;
class TenderDetailsPage;
class TenderDocument;
class ProblemsPage;
class ResultsPage;
class RobustnessPage;
class StartPage;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    enum class Screen {
        Start,
        Results,
        Robustness,
        Model,
        Bids,
        Panel,
        Scoring,
        Moderation,
        Audit,
        Export,
        Tender
    };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a workspace (*.ftw) or a tender folder (a folder, or its tender.xml).
    void open(const QString& path);
    // Reads the workspace in the background for the person acting there (remembered per
    // workspace) and shows it; a later call supersedes an earlier one still running.
    void openWorkspace(const QString& path);
    // Signs in to a fairtender-server (File > Connect to server: the address, account and
    // password asked with prompts().signIn), lets the person choose one of their tenders
    // there and opens it as the account signed in; the token is kept in memory only and the
    // session ends when the tender is closed. False when cancelled or refused (said why).
    bool connectToServer();
    // True while a tender on a server is open: the person is the account signed in.
    bool connectedToServer() const;
    // Creates `workspace` from the tender folder `folder` in the background and opens it.
    void createWorkspace(const QString& folder, const QString& workspace);
    // Who acts in the open workspace; remembered for it, and the screens are read again.
    void setActor(const QString& name);
    QString actor() const;
    // The workspace last shown, or nullptr when a folder (or nothing) is open.
    std::shared_ptr<const WorkspaceSnapshot> workspace() const { return snapshot_; }
    // Every question and message box; tests replace its functions.
    Prompts& prompts() { return *prompts_; }

    // Evaluates `folder` in the background and shows its results, or its problems when it
    // is invalid. A later call supersedes an earlier one still running.
    void openFolder(const QString& folder);
    // Evaluates the open folder again (after its files were edited); nothing if none is open.
    void reevaluate();
    // Shows a screen; Results shows the Problems list when the open folder is invalid.
    void showScreen(Screen screen);

    // What the Open action asks for a folder with; tests replace the file dialog with it.
    void setFolderChooser(std::function<QString(QWidget*)> chooser);
    // What the Import action asks for bid files with; tests replace the file dialog with it.
    void setBidFilesChooser(std::function<QStringList(QWidget*)> chooser);
    // Checks `files` with the open folder off the GUI thread, then copies them into its bids/
    // and evaluates again, or imports none and lists every problem. Nothing while busy.
    void importBidFiles(const QStringList& files);

    // What "New tender from a template" asks with: returns the folder created, or "" when
    // cancelled. By default the NewTenderDialog; tests replace it.
    void setNewTenderRunner(std::function<QString(QWidget*)> runner);
    // Asks for a template and a new folder (setNewTenderRunner), then opens the new tender on
    // the Model screen.
    void newTender();

    // The tender being edited on the Tender and Model screens, and their pages.
    TenderDocument* document() const { return document_; }
    ModelEditorPage* modelEditor() const { return modelEditor_; }
    TenderDetailsPage* tenderDetails() const { return details_; }
    // True when the model or details have edits not yet saved.
    bool hasUnsavedEdits() const;
    // Saves the edits: a folder's tender.xml is written and evaluated again; a workspace
    // asks for a reason and replaces its tender in the background (workspaceShown reports
    // it). False when nothing was started (frozen, invalid, cancelled or refused).
    bool saveTender();

    // True while a command, an evaluation, a verification the Audit screen asked for or an
    // export runs: another one waits.
    bool isBusy() const;
    // isBusy, or what only fills in the screens is still being read (the verification on
    // opening, the recent list's titles): a picture of the window waits for it.
    bool isSettling() const;
    // The tender last shown, or nullptr before any folder has been evaluated.
    std::shared_ptr<const LoadedTender> tender() const { return tender_; }

signals:
    // Emitted after an evaluation finished and its results or problems are on screen.
    void tenderShown();
    // Emitted when a workspace job ended: `accepted` is false when a command was refused.
    void workspaceShown(bool accepted);
    // Emitted when an import ends: `imported` is false when it was refused or cancelled.
    void importFinished(bool imported);
    // Emitted when the background verification of the open workspace ended; `problem` is
    // the first thing that failed, empty when the record verified.
    void workspaceVerified(const QString& problem);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void chooseFolder();
    void chooseBidFiles();
    void finishImport();
    void showLoaded();
    void rememberRecent(const QString& folder);
    void updateActions();
    void updateWorkspaceActions();
    void chooseWorkspaceSource();
    void advance();
    void showShortcuts();
    void startWorkspaceJob(std::function<std::shared_ptr<const WorkspaceJobResult>()> job);
    void finishWorkspaceJob();
    void showWorkspace(std::shared_ptr<const WorkspaceSnapshot> snapshot);
    void connectWorkspacePages();
    // Runs a command on the tender (here or on the server) in the background, then reads it
    // again.
    void runCommand(std::function<CommandOutcome(TenderAccess&, const ReferenceTables&)> command);
    // Reads the open tender again, here or from the server.
    void readWorkspaceAgain();
    // The open tender: the workspace file, or the tender on the server with its session.
    TenderSource currentSource() const;
    // Opens the tender `source` names on a server, as the session it holds.
    void openServerTender(const TenderSource& source);
    // Ends the session of the tender on a server that was open (in the background).
    void signOutOfServer();
    void say(const QString& title, const QString& text, bool warning = true);
    void clearWorkspace();
    // Loads the tender shown into the document unless it holds unsaved edits of the same
    // source, then freezes or unfreezes it for the person acting.
    void loadDocument();
    void updateEditActions();
    // Before replacing what is open: asks what to do with unsaved edits; false to stay.
    bool confirmLeave(const QString& target);
    void importIntoWorkspace(const QStringList& files);
    // Verifies the workspace just opened off the GUI thread; a failure shows the banner and
    // disables every export with its reason.
    void verifyOpenedWorkspace();
    // True when a workspace is shown whose results are not locked: its progress, not a
    // ranking, is what Results shows.
    bool inProgress() const;
    // The sidebar marks the screen shown and greys out those not available.
    void followScreen();
    void finishVerification();

    QStackedWidget* stack_ = nullptr;
    QListWidget* navigation_ = nullptr;
    struct NavigationItem {
        QListWidgetItem* item;
        QAction* action;
        QWidget* page;
    };
    std::vector<NavigationItem> navigationItems_;
    QLabel* verificationBanner_ = nullptr; // red, above every screen, while a record fails
    QFutureWatcher<std::shared_ptr<const VerifyReport>>* verifyWatcher_ = nullptr;
    QString verifyingPath_; // the workspace the running verification reads
    StartPage* start_ = nullptr;
    ResultsPage* results_ = nullptr;
    RobustnessPage* robustness_ = nullptr;
    QUndoStack* undoStack_ = nullptr;
    TenderDocument* document_ = nullptr;
    ModelEditorPage* modelEditor_ = nullptr;
    TenderDetailsPage* details_ = nullptr;
    QWidget* modelScroll_ = nullptr;
    QWidget* detailsScroll_ = nullptr;
    QString documentSource_;    // the folder or workspace the document was loaded from
    bool savingTender_ = false; // a workspace job is replacing the tender
    bool showModelAfterLoad_ = false;
    std::function<QString(QWidget*)> newTenderRunner_;
    QAction* undo_ = nullptr;
    QAction* redo_ = nullptr;
    QAction* save_ = nullptr;
    QAction* showTender_ = nullptr;
    QProgressDialog* workspaceImport_ = nullptr; // while a workspace job imports bids
    int workspaceImportFiles_ = 0;
    ProblemsPage* problems_ = nullptr;
    ProgressPage* progress_ = nullptr;
    BidsPage* bids_ = nullptr;
    QProgressBar* busy_ = nullptr;
    QLabel* status_ = nullptr;
    QAction* reevaluate_ = nullptr;
    QAction* showResults_ = nullptr;
    QAction* showRobustness_ = nullptr;
    QAction* showModel_ = nullptr;
    QAction* showBids_ = nullptr;
    QAction* importBids_ = nullptr;
    QAction* createWorkspace_ = nullptr;
    QAction* advance_ = nullptr;
    QAction* showPanel_ = nullptr;
    QAction* showScoring_ = nullptr;
    QAction* showModeration_ = nullptr;
    QAction* showAudit_ = nullptr;
    QAction* showExport_ = nullptr;
    QLabel* stage_ = nullptr;
    QComboBox* actor_ = nullptr;
    QLabel* actorLabel_ = nullptr; // "Acting as" here, "Signed in as" on a server
    QAction* connect_ = nullptr;
    QAction* signOut_ = nullptr;
    // The tender on a server that is open, with its session; workspacePath_ then holds the
    // tender's address.
    std::unique_ptr<TenderSource> server_;
    PanelPage* panel_ = nullptr;
    ScoringPage* scoring_ = nullptr;
    ModerationPage* moderation_ = nullptr;
    AuditPage* audit_ = nullptr;
    ExportPage* export_ = nullptr;
    std::shared_ptr<Prompts> prompts_;
    QFutureWatcher<std::shared_ptr<const WorkspaceJobResult>>* workspaceWatcher_ = nullptr;
    std::shared_ptr<const WorkspaceSnapshot> snapshot_;
    QString workspacePath_; // the workspace last asked for, empty when a folder is open
    bool workspaceBusy_ = false;
    bool showAfterJob_ = false; // switch to Results when the job's snapshot arrives
    QFutureWatcher<std::shared_ptr<const LoadedTender>>* watcher_ = nullptr;
    std::function<QString(QWidget*)> chooser_;
    std::function<QStringList(QWidget*)> bidFilesChooser_;
    QFutureWatcher<std::shared_ptr<const BidImportCheck>>* importWatcher_ = nullptr;
    QProgressDialog* importProgress_ = nullptr;
    std::shared_ptr<std::atomic<bool>> importCancelled_;
    QString importFolder_;    // the folder being imported into, empty when no import runs
    QStringList importFiles_; // the files being imported
    std::shared_ptr<const LoadedTender> tender_;
    QString folder_;  // the folder last asked for
    QString pending_; // the folder being evaluated, empty when idle
    QString queued_;  // asked for while another evaluation was running
};

} // namespace fairtender::desktop
